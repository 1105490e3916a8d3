import OrgModel

/// STF001: people in post exceed the approved quota in a category.
public struct OverQuotaRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "STF001",
        shortName: "over-quota",
        title: LocalizedText(vi: "Số người có mặt vượt biên chế được giao", en: "People in post above the quota"),
        rationale: LocalizedText(
            vi: "Khoản 1.d Chỉ thị: \"Chấp hành nghiêm quy định về ... biên chế\". Nghị định 62/2020/NĐ-CP (Điều 18): "
                + "người đứng đầu để số người làm việc vượt biên chế được giao thì bị xử lý kỷ luật và phải bồi "
                + "hoàn chi phí. Mỗi loại (công chức, viên chức, hợp đồng) được so riêng.",
            en: "Clause 1.d of the directive: \"strictly observe the rules on ... staffing quotas\". Decree "
                + "62/2020 (Art. 18): a head who lets people in post exceed the assigned quota is disciplined and "
                + "must repay what the excess cost. Each category (civil servants, public employees, contract "
                + "staff) is compared on its own."),
        citations: [
            LegalCitation(reference: "Nghị định 62/2020/NĐ-CP, Điều 18"),
            LegalCitation(reference: "Chỉ thị của Chủ tịch UBND tỉnh Cao Bằng (2022), khoản 1.d",
                          quote: "Chấp hành nghiêm quy định về phân công, phân cấp quản lý tổ chức bộ máy, biên chế"),
        ],
        defaultSeverity: .error,
        examples: [
            RuleExample(
                LocalizedText(vi: "Chi cục có 23 người trên 20 biên chế: lỗi", en: "23 people on 20 posts: an error"),
                units: """
                      <unit id="cc" name="Chi cục Trồng trọt" kind="sub-department"><leadership heads="1" deputies="1"/>
                        <staffing category="civil-servant" quota="20" actual="23"/>
                        <staffing category="contract" quota="3" actual="3"/>
                      </unit>
                    """,
                expectedUnits: ["cc"]),
            RuleExample(
                LocalizedText(vi: "Đủ hoặc thiếu người so với biên chế: không vi phạm", en: "At or under quota: no finding"),
                units: """
                      <unit id="cc" name="Chi cục Trồng trọt" kind="sub-department"><leadership heads="1" deputies="1"/>
                        <staffing category="civil-servant" quota="20" actual="20"/>
                        <staffing category="public-employee" quota="10" actual="7"/>
                      </unit>
                    """,
                expectedUnits: []),
        ])

    /// One finding per unit and category over quota.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        var findings: [Finding] = []
        for index in graph.chart.units.indices {
            let unit = graph.unit(index)
            for figures in unit.staffing {
                guard let quota = figures.quota, let actual = figures.actual, actual > quota else { continue }
                let names = figures.category.names
                findings.append(Self.finding(units: [unit.id],
                    message: LocalizedText(
                        vi: "\(graph.label(index)) có \(actual) \(names.vi) có mặt, vượt \(actual - quota) so với "
                            + "\(quota) biên chế được giao",
                        en: "\(graph.label(index)) has \(actual) \(names.en) in post, \(actual - quota) above the "
                            + "quota of \(quota)"),
                    evidence: ["category": .text(figures.category.rawValue), "quota": .int(quota), "actual": .int(actual),
                               "excess": .int(actual - quota)],
                    location: figures.location))
            }
        }
        return findings
    }
}

extension OverQuotaRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .category, .quota, .excess, EvidenceKey("actual", vi: "có mặt", en: "in post"),
    ]
}
