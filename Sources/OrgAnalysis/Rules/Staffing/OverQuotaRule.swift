import OrgModel

/// STF001: people in post exceed the approved quota in a category.
public struct OverQuotaRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "STF001",
        shortName: "over-quota",
        title: LocalizedText(vi: "Số người hiện có vượt biên chế được giao", en: "People in post above the quota"),
        rationale: LocalizedText(
            vi: "Điểm d khoản 1 Chỉ thị: “Chấp hành nghiêm quy định về phân công, phân cấp quản lý tổ chức bộ máy, biên "
                + "chế”. Điều 18 Nghị định số 62/2020/NĐ-CP: người đứng đầu để số người làm việc vượt biên chế được "
                + "giao thì bị xử lý kỷ luật và phải bồi hoàn chi phí. Mỗi loại được so riêng: số công chức hiện có "
                + "với biên chế công chức, số viên chức hiện có với số lượng người làm việc, số lao động hợp đồng với "
                + "chỉ tiêu hợp đồng được giao.",
            en: "Clause 1.d of the directive: \"strictly observe the rules on ... staffing quotas\". Decree "
                + "62/2020 (Art. 18): a head who lets people in post exceed the assigned quota is disciplined and "
                + "must repay what the excess cost. Each category (civil servants, public employees, contract "
                + "staff) is compared on its own."),
        citations: [
            LegalCitation(reference: basis),
            LegalCitation(reference: "điểm d khoản 1 Chỉ thị của Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng năm 2022 về tăng "
                              + "cường kỷ luật, kỷ cương và đẩy mạnh cải cách hành chính",
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
            // The staffing read in place, the unit's name made only for a finding.
            for figures in graph.chart.units[index].staffing {
                guard let quota = figures.quota, let actual = figures.actual, actual > quota else { continue }
                let placed = graph.placedName(index)
                let people = figures.category.peopleNames, quotaName = figures.category.quotaNames
                let count = OfficialWording.count
                findings.append(Self.finding(units: [graph.chart.units[index].id],
                    message: LocalizedText(
                        vi: "\(placed.vi): số \(people.vi) hiện có là \(count(actual)) người, vượt "
                            + "\(count(actual - quota)) người so với \(quotaName.vi) được giao (\(count(quota)))",
                        en: "\(placed.en): \(actual) \(people.en) in post, \(actual - quota) above the assigned "
                            + "\(quotaName.en) (\(quota))"),
                    evidence: ["category": .text(figures.category.rawValue), "quota": .int(quota), "actual": .int(actual),
                               "excess": .int(actual - quota), "basis": .text(Self.basis)],
                    location: figures.location))
            }
        }
        return findings
    }
}

extension OverQuotaRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .category, .quota, .excess, .basis, EvidenceKey("actual", vi: "có mặt", en: "in post"),
    ]

    /// The norm applied.
    static let basis = "Điều 18 Nghị định số 62/2020/NĐ-CP"
}

extension OverQuotaRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "bố trí số người làm việc trong phạm vi biên chế được giao hoặc đề nghị cấp có thẩm quyền điều chỉnh biên chế theo quy định",
                              en: "bring the people in post within the quota, or ask for the quota to be changed"),
        amendsDecision: false)
}
