/// Every rule orgscope has, in the order they run. Order does not affect results (findings are sorted
/// afterwards); it is the order `orgscope rules` lists them in. The list is generated from the rule
/// files by `scripts/update-rule-catalog` (run by `scripts/update-golden`), so adding a rule is writing
/// its file; `RuleCatalogTests` fails when the list and the files disagree.
public enum RuleCatalog {
    /// The rules: by family (overlap, gap, level, accountability, staffing), then by code.
    public static let all: [any Rule.Type] = generated

    /// The rule with `code` (case-insensitive).
    public static func rule(code: String) -> (any Rule.Type)? {
        all.first { $0.description.code.lowercased() == code.lowercased() }
    }

    /// The rule whose identity is `id`.
    public static func rule(_ id: RuleID) -> (any Rule.Type)? {
        all.first { $0.id == id }
    }

    /// Every parameter with its owner: the text engine's own (no owner) first, then each rule's, in
    /// catalogue order.
    public static let parameterOwners: [(owner: RuleID?, parameters: [any AnyRuleParameter])] =
        [(nil, TextAnalysis.parameters)] + all.map { ($0.id, $0.parameters) }

    /// Every parameter of the engine and the rules.
    public static let parameters: [any AnyRuleParameter] = parameterOwners.flatMap(\.parameters)

    /// The rule that declares the parameter with `key`; nil for the text engine's own.
    public static func owner(of key: String) -> RuleID? {
        parameterOwners.first { $0.parameters.contains { $0.key == key } }?.owner
    }

    /// The labels of every evidence key any rule emits, by key.
    public static let evidenceLabels: [String: LocalizedText] = {
        var labels: [String: LocalizedText] = [:]
        for rule in all {
            for key in rule.evidence { labels[key.key] = key.label }
        }
        for key in QuotaLegitimisation.evidence { labels[key.key] = key.label }
        return labels
    }()

    /// The findings `propose` adds about the proposal itself (PRP001), described like the rules.
    public static var reviewRules: [RuleDescription] { ProposalReview.reviewRules }

    /// The proposal review description with this code.
    public static func reviewRule(code: String) -> RuleDescription? {
        reviewRules.first { $0.code == code.uppercased() }
    }
}
