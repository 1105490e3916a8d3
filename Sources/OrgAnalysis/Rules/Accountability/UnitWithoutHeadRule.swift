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
            vi: "Điểm c khoản 1 Chỉ thị: “Người đứng đầu các cơ quan, địa phương, đơn vị phải chịu trách nhiệm cá "
                + "nhân trước UBND tỉnh, Chủ tịch UBND tỉnh về toàn bộ công việc thuộc trách nhiệm và thẩm quyền "
                + "của mình, kể cả khi đã phân công hoặc ủy nhiệm cho cấp phó”. Đơn vị không có chức danh người "
                + "đứng đầu thì không ai chịu trách nhiệm về toàn bộ công việc của đơn vị; đơn vị "
                + "không ghi nhận chức danh lãnh đạo thì không xác minh được và được báo ở mức cảnh báo. Chức danh "
                + "người đứng đầu có nhưng hiện khuyết không thuộc quy tắc này (xem ACC002).",
            en: "Clause 1.c of the directive: the head of each body, locality and unit \"answers personally to "
                + "the provincial People's Committee and its Chairman for all work within its responsibility and "
                + "authority, also when delegated to a deputy\". A unit with no head post (heads=\"0\") has nobody "
                + "to answer for it; a unit that records no leadership (no leadership element or no heads "
                + "attribute) cannot be checked and is reported as a warning. A head post that exists but is vacant "
                + "(vacantHeads) is not this rule's concern (see ACC002)."),
        citations: [UnitWithoutHeadRule.directive],
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
        let fromDecisions = context.isReadFromDecisions
        // By index, the leadership read in place: a unit is copied only for a finding.
        let units = context.graph.chart.units
        return units.indices.compactMap { index -> Finding? in
            if let heads = units[index].leadership?.heads, heads > 0 { return nil }
            let unit = units[index]
            let heads = unit.leadership?.heads
            let deputies = unit.leadership?.deputies
            var evidence: [String: EvidenceValue] = ["recorded": .bool(heads != nil)]
            if let heads { evidence["heads"] = .int(heads) }
            if let deputies { evidence["deputies"] = .int(deputies) }
            var message: LocalizedText
            let post = OfficialWording.headPost(unit)
            let placed = context.graph.index[unit.id].map(context.graph.placedName) ?? LocalizedText(vi: unit.name, en: unit.name)
            if heads == nil {
                message = LocalizedText(
                    vi: "\(placed.vi) không ghi nhận chức danh người đứng đầu (\(post.vi)): không xác minh được "
                        + "ai chịu trách nhiệm về toàn bộ công việc của đơn vị",
                    en: "\(placed.en) records no head post (\(post.en)): who answers for the unit cannot be checked")
            } else {
                message = LocalizedText(
                    vi: "\(placed.vi) không có chức danh người đứng đầu (\(post.vi))"
                        + (deputies.map { $0 > 0 ? ", chỉ bố trí \(OfficialWording.count($0)) "
                            + "\(OfficialWording.deputyPost(unit).vi)" : "" } ?? "")
                        + ": không có người chịu trách nhiệm cá nhân về toàn bộ công việc của đơn vị",
                    en: "\(placed.en) has no head post (\(post.en))"
                        + (deputies.map { $0 > 0 ? ", only \($0) \(OfficialWording.deputyPost(unit).en)"
                            + ($0 == 1 ? "" : "s") : "" } ?? "")
                        + ": nobody answers personally for all the unit's work")
            }
            evidence["basis"] = .text(Self.directive.reference)
            // In a chart read from decisions, a head not recorded is a gap of the files (the unit's own decision
            // was not given, or the decisions say nothing of its posts), not a finding: to verify.
            let notRead = heads == nil && fromDecisions
            if notRead {
                message = unit.foundingDecision == nil
                    ? LocalizedText(vi: message.vi + " (chưa có quyết định quy định về đơn vị trong các tệp đã đọc)",
                                    en: message.en + " (no decision on the unit among the files read)")
                    : LocalizedText(vi: message.vi + " (các quyết định đã đọc không ghi chức danh lãnh đạo của đơn vị)",
                                    en: message.en + " (the decisions read do not state the unit's posts)")
            }
            return Self.finding(severity: heads == nil ? .warning : severity, units: [unit.id],
                           message: message, evidence: evidence, location: unit.location,
                           confidence: notRead ? .toVerify : .confirmed)
        }
    }
}

extension UnitWithoutHeadRule {
    /// Clause 1.c of the directive, as ACC001 and ACC002 cite it.
    static let directive = LegalCitation(
        reference: "điểm c khoản 1 Chỉ thị của Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng năm 2022 về tăng cường kỷ "
            + "luật, kỷ cương và đẩy mạnh cải cách hành chính",
        quote: "Người đứng đầu các cơ quan, địa phương, đơn vị phải chịu trách nhiệm cá nhân trước UBND tỉnh, Chủ "
            + "tịch UBND tỉnh về toàn bộ công việc thuộc trách nhiệm và thẩm quyền của mình, kể cả khi đã phân công "
            + "hoặc ủy nhiệm cho cấp phó")

    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .deputies, .basis,
        EvidenceKey("heads", vi: "người đứng đầu", en: "heads"),
        EvidenceKey("recorded", vi: "có ghi nhận", en: "recorded"),
    ]
}

extension UnitWithoutHeadRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "quy định chức danh người đứng đầu của đơn vị và bố trí người giữ chức danh đó",
                              en: "provide for the unit's head post and appoint to it"),
        amendsDecision: true)
}
