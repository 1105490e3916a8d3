import OrgModel

/// STF002: the sub-units' quotas in a category add up to more than the unit's own quota.
public struct SubUnitQuotaRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "STF002",
        shortName: "sub-unit-quotas-exceed",
        title: LocalizedText(vi: "Tổng biên chế các đơn vị trực thuộc vượt biên chế của đơn vị",
                             en: "Sub-units' quotas add up to more than the unit's"),
        rationale: LocalizedText(
            vi: "Biên chế của một đơn vị bao gồm biên chế của các đơn vị trực thuộc (định dạng OrgChart v1). Nghị định "
                + "62/2020/NĐ-CP yêu cầu biên chế phù hợp với chức năng, nhiệm vụ và cơ cấu tổ chức; khi tổng biên chế "
                + "giao cho các phòng, chi cục, đơn vị trực thuộc lớn hơn biên chế của chính đơn vị thì số liệu phân "
                + "bổ biên chế không hợp lệ. Chỉ so với các đơn vị trực thuộc trực tiếp.",
            en: "A unit's quota covers its sub-units (OrgChart v1). Decree 62/2020 requires quotas to match "
                + "functions and structure; when the quotas given to the divisions, sub-departments and units under "
                + "a unit add up to more than the unit's own, the allocation is inconsistent. Only direct sub-units "
                + "are added."),
        citations: [LegalCitation(reference: "Nghị định 62/2020/NĐ-CP (quản lý biên chế công chức)")],
        defaultSeverity: .error,
        examples: [
            RuleExample(
                LocalizedText(vi: "Sở 70 biên chế, các phòng cộng lại 72: lỗi", en: "A 70-post department, divisions adding to 72: an error"),
                units: """
                      <unit id="syt" name="Sở Y tế" kind="department"><leadership heads="1" deputies="2"/>
                        <staffing category="civil-servant" quota="70" actual="66"/>
                        <unit id="syt.a" name="Phòng A" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="40" actual="38"/></unit>
                        <unit id="syt.b" name="Phòng B" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="32" actual="28"/></unit>
                      </unit>
                    """,
                expectedUnits: ["syt"]),
            RuleExample(
                LocalizedText(vi: "Tổng bằng biên chế của sở: không vi phạm", en: "Adding up exactly: no finding"),
                units: """
                      <unit id="syt" name="Sở Y tế" kind="department"><leadership heads="1" deputies="2"/>
                        <staffing category="civil-servant" quota="70" actual="66"/>
                        <unit id="syt.a" name="Phòng A" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="40" actual="38"/></unit>
                        <unit id="syt.b" name="Phòng B" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="30" actual="28"/></unit>
                      </unit>
                    """,
                expectedUnits: []),
        ])

    /// One finding per unit and category whose direct sub-units' quotas exceed its own.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        var findings: [Finding] = []
        for index in graph.chart.units.indices where !graph.children[index].isEmpty {
            for figures in graph.unit(index).staffing {
                guard let quota = figures.quota else { continue }
                let parts = graph.children[index].compactMap { child in
                    graph.unit(child).staffing(figures.category)?.quota.map { (child, $0) }
                }
                let sum = parts.reduce(0) { $0 + $1.1 }
                guard sum > quota else { continue }
                let names = figures.category.postNames
                findings.append(Self.finding(units: [graph.unit(index).id],
                    message: LocalizedText(
                        vi: "Các đơn vị trực thuộc \(graph.label(index)) được giao tổng cộng \(sum) biên chế \(names.vi), "
                            + "nhiều hơn \(quota) biên chế của đơn vị (vượt \(sum - quota))",
                        en: "The sub-units of \(graph.label(index)) hold \(sum) \(names.en) posts in all, more than the "
                            + "unit's own \(quota) (by \(sum - quota))"),
                    evidence: ["category": .text(figures.category.rawValue), "quota": .int(quota), "subUnitsTotal": .int(sum),
                               "excess": .int(sum - quota),
                               "subUnits": .list(parts.map { "\(graph.unit($0.0).id)=\($0.1)" })],
                    location: figures.location))
            }
        }
        return findings
    }
}

extension SubUnitQuotaRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .category, .quota, .excess, .subUnits,
        EvidenceKey("subUnitsTotal", vi: "tổng của đơn vị trực thuộc", en: "sub-units' total"),
    ]
}
