import OrgModel

/// ACC001: a unit with no head post. Clause 1.c of the directive makes the head of each body answer
/// personally for everything in its remit; a unit without a head post has nobody to answer.
public struct UnitWithoutHeadRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "ACC001",
        shortName: "unit-without-head",
        title: LocalizedText(vi: "Đơn vị không có người đứng đầu", en: "Unit without a head post"),
        rationale: LocalizedText(
            vi: "Khoản 1.c Chỉ thị: \"Người đứng đầu các cơ quan, địa phương, đơn vị phải chịu trách nhiệm cá "
                + "nhân trước UBND tỉnh, Chủ tịch UBND tỉnh về toàn bộ công việc thuộc trách nhiệm và thẩm quyền "
                + "của mình, kể cả khi đã phân công hoặc ủy nhiệm cho cấp phó\". Đơn vị không có chức danh người "
                + "đứng đầu (heads=\"0\") thì không ai chịu trách nhiệm về toàn bộ công việc của đơn vị; đơn vị "
                + "không ghi nhận lãnh đạo (thiếu phần tử leadership hoặc thuộc tính heads) thì không xác minh được "
                + "và được báo ở mức cảnh báo.",
            en: "Clause 1.c of the directive: the head of each body, locality and unit \"answers personally to "
                + "the provincial People's Committee and its Chairman for all work within its responsibility and "
                + "authority, also when delegated to a deputy\". A unit with no head post (heads=\"0\") has nobody "
                + "to answer for it; a unit that records no leadership (no leadership element or no heads "
                + "attribute) cannot be checked and is reported as a warning."),
        citations: [
            LegalCitation(
                reference: "Chỉ thị của Chủ tịch UBND tỉnh Cao Bằng về tăng cường kỷ luật, kỷ cương và đẩy mạnh "
                    + "cải cách hành chính (2022), khoản 1.c",
                quote: "Người đứng đầu các cơ quan, địa phương, đơn vị phải chịu trách nhiệm cá nhân trước UBND "
                    + "tỉnh, Chủ tịch UBND tỉnh về toàn bộ công việc thuộc trách nhiệm và thẩm quyền của mình, kể "
                    + "cả khi đã phân công hoặc ủy nhiệm cho cấp phó"),
        ],
        defaultSeverity: .error,
        examples: [
            RuleExample(
                LocalizedText(vi: "Phòng có chức danh trưởng phòng: không vi phạm",
                              en: "A division with a head post: no finding"),
                units: """
                      <unit id="snv" name="Sở Nội vụ" kind="department" level="province">
                        <leadership heads="1" deputies="2"/>
                        <unit id="snv.tcbc" name="Phòng Tổ chức - Biên chế" kind="division">
                          <leadership heads="1" deputies="1"/>
                        </unit>
                      </unit>
                    """,
                expectedUnits: []),
            RuleExample(
                LocalizedText(vi: "Phòng ghi heads=\"0\": lỗi", en: "A division with heads=\"0\": an error"),
                units: """
                      <unit id="snv" name="Sở Nội vụ" kind="department" level="province">
                        <leadership heads="1" deputies="2"/>
                        <unit id="snv.tcbc" name="Phòng Tổ chức - Biên chế" kind="division">
                          <leadership heads="0" deputies="1"/>
                        </unit>
                      </unit>
                    """,
                expectedUnits: ["snv.tcbc"]),
            RuleExample(
                LocalizedText(vi: "Đơn vị không ghi nhận lãnh đạo: cảnh báo",
                              en: "A unit that records no leadership: a warning"),
                units: """
                      <unit id="stp" name="Sở Tư pháp" kind="department" level="province">
                        <leadership heads="1" deputies="2"/>
                        <unit id="stp.ttdg" name="Trung tâm Dịch vụ đấu giá tài sản" kind="public-service-unit"/>
                      </unit>
                    """,
                expectedUnits: ["stp.ttdg"]),
        ])

    /// A finding per unit without a head post.
    public func check(_ context: RuleContext) -> [Finding] {
        let severity = Self.description.defaultSeverity
        return context.graph.chart.units.compactMap { unit -> Finding? in
            let heads = unit.leadership?.heads
            if let heads, heads > 0 { return nil }
            let deputies = unit.leadership?.deputies
            var evidence: [String: EvidenceValue] = ["recorded": .bool(heads != nil)]
            if let heads { evidence["heads"] = .int(heads) }
            if let deputies { evidence["deputies"] = .int(deputies) }
            let message: LocalizedText
            if heads == nil {
                message = LocalizedText(
                    vi: "\(unit.name) (\(unit.id)) không ghi nhận chức danh người đứng đầu: không xác minh được "
                        + "ai chịu trách nhiệm về toàn bộ công việc của đơn vị",
                    en: "\(unit.name) (\(unit.id)) records no head post: who answers for the unit cannot be checked")
            } else {
                message = LocalizedText(
                    vi: "\(unit.name) (\(unit.id)) không có chức danh người đứng đầu (heads=0"
                        + (deputies.map { ", \($0) cấp phó" } ?? "") + ")",
                    en: "\(unit.name) (\(unit.id)) has no head post (heads=0"
                        + (deputies.map { ", \($0) \($0 == 1 ? "deputy" : "deputies")" } ?? "") + ")")
            }
            return Self.finding(severity: heads == nil ? .warning : severity, units: [unit.id],
                           message: message, evidence: evidence, location: unit.location)
        }
    }
}

extension UnitWithoutHeadRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .deputies,
        EvidenceKey("heads", vi: "người đứng đầu", en: "heads"),
        EvidenceKey("recorded", vi: "có ghi nhận", en: "recorded"),
    ]
}
