import OrgModel

/// ACC002: a head post that exists but nobody holds (`vacantHeads`). A vacancy is a staffing matter to
/// fill, not a unit without a head post (ACC001): the post and its responsibility exist, but until it is
/// filled the head's personal answerability of clause 1.c of the directive rests with nobody in person.
public struct VacantHeadRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "ACC002",
        shortName: "vacant-head-post",
        title: LocalizedText(vi: "Chức danh người đứng đầu hiện khuyết", en: "Head post vacant"),
        rationale: LocalizedText(
            vi: "Chức danh người đứng đầu có nhưng hiện khuyết khác với đơn vị không có chức danh "
                + "người đứng đầu (ACC001): trường hợp thứ nhất là việc kiện toàn, bổ nhiệm cần thực hiện; trường hợp "
                + "thứ hai vi phạm nguyên tắc tại điểm c khoản 1 Chỉ thị là một người đứng đầu chịu trách nhiệm về đơn "
                + "vị. Điểm c khoản 1 Chỉ thị: “Người đứng đầu các cơ quan, địa phương, đơn vị phải chịu trách nhiệm cá "
                + "nhân trước UBND tỉnh, Chủ tịch UBND tỉnh về toàn bộ công việc thuộc trách nhiệm và thẩm quyền của "
                + "mình, kể cả khi đã phân công hoặc ủy nhiệm cho cấp phó”. Khi chức danh hiện khuyết, cần sớm kiện "
                + "toàn và giao rõ người điều hành đơn vị trong thời gian chưa bổ nhiệm.",
            en: "A head post that exists but is vacant (vacantHeads) is not the same as a unit with no head post "
                + "(ACC001): the first is a staffing matter to fill, the second breaches the principle of clause 1.c "
                + "of the directive that one head answers for the unit. Clause 1.c: the head of each body, locality "
                + "and unit \"answers personally to the provincial People's Committee and its Chairman for all work "
                + "within its responsibility and authority, also when delegated to a deputy\". While the post is "
                + "vacant it should be filled soon, and someone clearly charged with running the unit meanwhile."),
        citations: [UnitWithoutHeadRule.directive],
        defaultSeverity: .warning,
        examples: [
            RuleExample(
                LocalizedText(vi: "Phòng có chức danh Trưởng phòng hiện khuyết: cảnh báo",
                              en: "A division whose head post is vacant: a warning"),
                units: """
                      <unit id="sdttg" name="Sở Dân tộc và Tôn giáo" kind="department" level="province">
                        <leadership heads="1" deputies="2"/>
                        <unit id="sdttg.tg" name="Phòng Tôn giáo" kind="division">
                          <leadership heads="1" vacantHeads="1" deputies="1"/>
                        </unit>
                      </unit>
                    """,
                expectedUnits: ["sdttg.tg"]),
            RuleExample(
                LocalizedText(vi: "Chức danh người đứng đầu có người đảm nhiệm (vacantHeads=\"0\"): không vi phạm",
                              en: "A head post that is held (vacantHeads=\"0\"): no finding"),
                units: """
                      <unit id="sdttg" name="Sở Dân tộc và Tôn giáo" kind="department" level="province">
                        <leadership heads="1" vacantHeads="0" deputies="2"/>
                        <unit id="sdttg.tg" name="Phòng Tôn giáo" kind="division">
                          <leadership heads="1" deputies="1"/>
                        </unit>
                      </unit>
                    """,
                expectedUnits: []),
            RuleExample(
                LocalizedText(vi: "Đơn vị không có chức danh người đứng đầu thuộc ACC001, không thuộc quy tắc này",
                              en: "A unit with no head post is ACC001's, not this rule's"),
                units: """
                      <unit id="sdttg" name="Sở Dân tộc và Tôn giáo" kind="department" level="province">
                        <leadership heads="1" deputies="2"/>
                        <unit id="sdttg.tg" name="Phòng Tôn giáo" kind="division">
                          <leadership heads="0" deputies="1"/>
                        </unit>
                      </unit>
                    """,
                expectedUnits: []),
        ])

    /// A finding per unit with a vacant head post.
    public func check(_ context: RuleContext) -> [Finding] {
        // By index, the leadership read in place: a unit is copied only for a finding.
        let units = context.graph.chart.units
        return units.indices.compactMap { index -> Finding? in
            guard let leadership = units[index].leadership, let heads = leadership.heads, heads > 0,
                  let vacant = leadership.vacantHeads, vacant > 0 else { return nil }
            let unit = units[index]
            let post = OfficialWording.headPost(unit)
            let placed = context.graph.index[unit.id].map(context.graph.placedName) ?? LocalizedText(vi: unit.name, en: unit.name)
            let countVi = heads > 1 ? "\(OfficialWording.count(min(vacant, heads))) " : ""
            let countEn = heads > 1 ? "\(min(vacant, heads)) of \(heads) " : ""
            var evidence: [String: EvidenceValue] = [
                "heads": .int(heads), "vacantHeads": .int(vacant), "basis": .text(UnitWithoutHeadRule.directive.reference),
            ]
            if let deputies = leadership.deputies { evidence["deputies"] = .int(deputies) }
            return Self.finding(units: [unit.id],
                message: LocalizedText(
                    vi: "\(placed.vi) hiện khuyết \(countVi)\(post.vi): cần kiện toàn, bổ nhiệm và giao người điều hành "
                        + "đơn vị trong thời gian chưa bổ nhiệm",
                    en: "\(placed.en): the \(countEn)\(post.en) post\(countEn.isEmpty ? " is" : "s are") vacant; it "
                        + "must be filled, and someone charged with running the unit meanwhile"),
                evidence: evidence, location: unit.location)
        }
    }
}

extension VacantHeadRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .deputies, .basis,
        EvidenceKey("heads", vi: "người đứng đầu", en: "heads"),
        EvidenceKey("vacantHeads", vi: "chức danh người đứng đầu hiện khuyết", en: "vacant head posts"),
    ]
}

extension VacantHeadRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "kiện toàn, bổ nhiệm người đứng đầu đơn vị theo quy định về công tác cán bộ",
                              en: "fill the head post under the rules on appointments"),
        amendsDecision: false)
}
