import OrgModel

/// STF005: more departments than the province may have.
public struct DepartmentCountRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "STF005",
        shortName: "too-many-departments",
        title: LocalizedText(vi: "Số sở vượt mức tối đa", en: "More departments than allowed"),
        rationale: LocalizedText(
            vi: "Khoản 1 Điều 10 Nghị định số 150/2025/NĐ-CP (trước đó Nghị định số 45/2025/NĐ-CP): mỗi tỉnh có không "
                + "quá 14 sở (Hà Nội, Thành phố Hồ Chí Minh không quá 15), tính cả Văn phòng Ủy ban nhân dân tỉnh và "
                + "Thanh tra tỉnh. Trước 01/03/2025 quy định cũ không đặt mức tối đa này, nên quy tắc không áp dụng.",
            en: "Decree 45/2025 and Decree 150/2025 (Art. 10(1)): a province has at most 14 departments (Hà Nội and "
                + "TP.HCM 15), the committee's office and the provincial inspectorate included. Before 2025-03-01 "
                + "the former regime set no such cap, so the rule does not apply."),
        citations: [
            LegalCitation(reference: OrganisationDecree.decree150As370.history("khoản 1 Điều 10")),
            LegalCitation(reference: OrganisationDecree.decree150.history("khoản 1 Điều 10")),
            LegalCitation(reference: OrganisationDecree.decree45.history(nil)),
        ],
        defaultSeverity: .error,
        examples: [
            RuleExample(
                LocalizedText(vi: "15 sở ở tỉnh loại III: lỗi", en: "15 departments in a category III province: an error"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1" deputies="3"/>
                    \((1...15).map { "    <unit id=\"s\($0)\" name=\"Sở \($0)\" kind=\"department\"><leadership heads=\"1\" deputies=\"2\"/></unit>" }.joined(separator: "\n"))
                      </unit>
                    """,
                expectedUnits: ["ubnd"]),
            RuleExample(
                LocalizedText(vi: "13 sở và Văn phòng UBND (14): không vi phạm", en: "13 departments and the committee office (14): no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1" deputies="3"/>
                    \((1...13).map { "    <unit id=\"s\($0)\" name=\"Sở \($0)\" kind=\"department\"><leadership heads=\"1\" deputies=\"2\"/></unit>" }.joined(separator: "\n"))
                        <unit id="vp" name="Văn phòng UBND tỉnh" kind="office"><leadership heads="1" deputies="2"/></unit>
                      </unit>
                    """,
                expectedUnits: []),
        ])

    /// One finding per province with too many departments.
    public func check(_ context: RuleContext) -> [Finding] {
        let maximum = context.settings[Self.maximum]
        guard let cap = maximum.value else { return [] }
        let graph = context.graph
        return graph.provinceCommittees.compactMap { committee -> Finding? in
            let departments = graph.children[committee].filter { graph.isDepartmentLevel($0) }
            guard departments.count > cap else { return nil }
            return Self.finding(units: [graph.unit(committee).id],
                message: LocalizedText(
                    vi: "\(graph.name(committee)) có \(OfficialWording.count(departments.count)) sở và cơ quan tương "
                        + "đương, vượt số lượng tối đa (\(OfficialWording.count(cap))) (\(maximum.originText(.vi)))",
                    en: "\(graph.name(committee)) has \(departments.count) departments, above the maximum of "
                        + "\(cap) (\(maximum.originText(.en)))"),
                evidence: ["departments": .int(departments.count), "maximum": .int(cap), "basis": .text(maximum.originText(.vi)),
                           "departmentIds": .list(departments.map { graph.unit($0).id.rawValue })],
                location: graph.unit(committee).location)
        }
    }
}

extension DepartmentCountRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .departments, .basis,
        EvidenceKey("maximum", vi: "tối đa", en: "maximum"),
        EvidenceKey("departmentIds", vi: "các sở", en: "departments"),
    ]

    /// The threshold.
    public static let parameters: [any AnyRuleParameter] = [maximum]

    /// Most departments a province may have; nil when the regime sets no cap orgscope knows.
    public static let maximum = RuleParameter<Int?>(
        "maximum", range: 0...100_000,
        documentation: LocalizedText(vi: "Số sở và tương đương tối đa của một tỉnh",
                                     en: "Most departments a province may have"),
        default: { norms in
            norms.regime == .decree24of2014
                ? NormSetting(nil, .note(LocalizedText(vi: "quy định này không đặt mức tối đa",
                                                       en: "this regime sets no cap")))
                : NormSetting(norms.provinceCategory == .special ? 15 : 14,
                              origin: norms.organisationDecree.citing(norms.organisationDecree == .decree45 ? nil
                                                                                                            : "khoản 1 Điều 10"))
        })
}

extension DepartmentCountRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .homeAffairs,
        action: LocalizedText(vi: "sắp xếp, hợp nhất các sở để số sở không vượt mức tối đa theo quy định",
                              en: "merge departments so that their number is within the maximum"),
        amendsDecision: true)
}
