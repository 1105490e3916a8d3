import OrgModel

/// LVL001: a mandate led by a unit of another level of government than the mandate's (sai phân cấp).
public struct LevelMismatchRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "LVL001",
        shortName: "level-mismatch",
        title: LocalizedText(vi: "Nhiệm vụ do đơn vị khác cấp chủ trì", en: "Mandate led at the wrong level of government"),
        rationale: LocalizedText(
            vi: "Luật Tổ chức chính quyền địa phương năm 2025 phân định thẩm quyền giữa chính quyền địa phương cấp "
                + "tỉnh và cấp xã. Nhiệm vụ mà pháp luật giao cho một cấp chính quyền (ví dụ cấp xã) nhưng lại do đơn "
                + "vị cấp khác (ví dụ một sở) chủ trì là sai phân cấp. Đơn vị cấp tỉnh phối hợp, hướng dẫn nhiệm vụ cấp xã là bình thường và không "
                + "bị báo.",
            en: "The Law on the Organisation of Local Government 2025 divides competence between the provincial "
                + "and the commune level. A mandate the law gives to one level of government (say, the commune) but led by a unit of another "
                + "level (say, a provincial department) is a decentralisation error. A provincial unit supporting "
                + "or guiding a commune mandate is normal and not reported."),
        citations: [Citations.localGovernmentLaw2025],
        defaultSeverity: .warning,
        examples: [
            RuleExample(
                LocalizedText(vi: "Sở chủ trì nhiệm vụ cấp xã: cảnh báo", en: "A department leads a commune mandate: a warning"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="stp" name="Sở Tư pháp" kind="department">
                          <duty id="stp.1" mandate="HT.01">Đăng ký khai sinh cho công dân</duty>
                          <duty id="stp.2" mandate="HT.02" role="support">Hướng dẫn nghiệp vụ chứng thực</duty>
                        </unit>
                      </unit>
                    """,
                mandates: """
                        <mandate id="HT.01" level="commune">Đăng ký khai sinh</mandate>
                        <mandate id="HT.02" level="commune">Chứng thực bản sao</mandate>
                    """,
                expectedUnits: ["stp"]),
            RuleExample(
                LocalizedText(vi: "Xã chủ trì nhiệm vụ cấp xã, sở hướng dẫn: không vi phạm",
                              en: "A commune leads its mandate, a department guides: no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="stp" name="Sở Tư pháp" kind="department">
                          <duty id="stp.1" mandate="HT.01" role="support">Hướng dẫn nghiệp vụ hộ tịch</duty>
                        </unit>
                        <unit id="xa" name="UBND xã" kind="commune"><duty id="xa.1" mandate="HT.01">Đăng ký khai sinh</duty></unit>
                      </unit>
                    """,
                mandates: #"    <mandate id="HT.01" level="commune">Đăng ký khai sinh</mandate>"#,
                expectedUnits: []),
        ])

    /// One finding per mandate, naming every leading unit of another level.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        var findings: [Finding] = []
        for mandate in graph.chart.mandates {
            guard let expected = mandate.level else { continue }
            let wrong = (context.text.assignments[mandate.id] ?? []).filter { assignment in
                let unit = graph.duties[assignment.duty].unit
                return assignment.role == .lead && !assignment.isInferred
                    && graph.level[unit] != nil && graph.level[unit] != expected
            }
            guard !wrong.isEmpty else { continue }
            let units = Array(Set(wrong.map { graph.duties[$0.duty].unit })).sorted()
            let levels = Set(units.compactMap { graph.level[$0] }).sorted { $0.rawValue < $1.rawValue }
            let text = Quote.short(mandate.text)
            let levelNames = { (language: Language) in levels.map { Quote.level($0, language) }.joined(separator: ", ") }
            findings.append(Self.finding(units: units.map { graph.unit($0).id },
                duties: wrong.map { graph[duty: graph.duties[$0.duty]].id }, mandate: mandate.id,
                message: LocalizedText(
                    vi: "Nhiệm vụ \(text) thuộc thẩm quyền \(Quote.level(expected, .vi)) nhưng do "
                        + "\(graph.names(units, .vi)) (\(levelNames(.vi))) chủ trì",
                    en: "Mandate \(text) belongs to the \(Quote.level(expected, .en)) but is led by "
                        + "\(graph.names(units, .en)) (\(levelNames(.en)))"),
                evidence: ["mandateLevel": .text(expected.rawValue), "unitLevels": .list(levels.map(\.rawValue))],
                location: graph[duty: graph.duties[wrong[0].duty]].location))
        }
        return findings
    }
}

extension LevelMismatchRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        EvidenceKey("mandateLevel", vi: "cấp của nhiệm vụ", en: "mandate level"),
        EvidenceKey("unitLevels", vi: "cấp của đơn vị", en: "unit levels"),
    ]
}

extension LevelMismatchRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .homeAffairs,
        action: LocalizedText(vi: "chuyển nhiệm vụ về đúng cấp có thẩm quyền theo quy định về phân cấp, phân quyền",
                              en: "move the duty to the level the division of powers gives it"),
        amendsDecision: true)
}
