/// The text engine's own parameters: they serve every rule that reads mandates, so no single rule owns
/// them (the settings report marks them `*`).
extension TextAnalysis {
    /// Score at or above which a duty without `mandate` is assigned the best-matching mandate.
    public static let inferenceThreshold = RuleParameter<Double>(
        "inference_threshold", section: .text, range: 0...1, option: "--inference-threshold",
        documentation: LocalizedText(
            vi: "Điểm (0–1) một nhiệm vụ theo quy định phải đạt để được suy luận cho nhiệm vụ không ghi mandate=",
            en: "Score (0–1) a mandate must reach to be inferred for a duty without mandate="),
        default: { _ in NormSetting(0.25, .measured) })

    /// Whether duties without `mandate` get one inferred at all.
    public static let inferMandates = RuleParameter<Bool>(
        "infer_mandates", section: .text, range: 0...1,
        documentation: LocalizedText(vi: "Có suy luận nhiệm vụ theo quy định cho nhiệm vụ không ghi mandate= hay không",
                                     en: "Whether duties that name no mandate get one inferred"),
        default: { _ in NormSetting(true, .unmeasured) })

    /// The engine's parameters.
    public static let parameters: [any AnyRuleParameter] = [inferenceThreshold, inferMandates]
}
