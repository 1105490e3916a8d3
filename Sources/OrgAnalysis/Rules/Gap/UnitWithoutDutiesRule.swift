import OrgModel

/// GAP003: a unit, other than a committee, with no duties at all.
public struct UnitWithoutDutiesRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "GAP003",
        shortName: "unit-without-duties",
        title: LocalizedText(vi: "Đơn vị không có nhiệm vụ", en: "Unit without duties"),
        rationale: LocalizedText(
            vi: "Điểm d khoản 1 Chỉ thị yêu cầu “quy định rõ chức năng, nhiệm vụ, quyền hạn của các phòng, ban, đơn vị "
                + "trực thuộc”. Một đơn vị (không phải Ủy ban nhân dân) không được giao nhiệm vụ nào thì nhiệm vụ của "
                + "nó chưa được quy định, hoặc đơn vị không còn lý do tồn tại.",
            en: "Clause 1.d of the directive requires the functions, duties and powers of every division and unit "
                + "to be set out clearly. A unit (other than a people's committee) with no duty at all has duties "
                + "nobody has written down, or no reason to exist."),
        citations: [Citations.directive1d],
        defaultSeverity: .warning,
        examples: [
            RuleExample(
                LocalizedText(vi: "Trung tâm không có nhiệm vụ: cảnh báo", en: "A centre with no duty: a warning"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="skhcn" name="Sở Khoa học và Công nghệ" kind="department">
                          <duty>Quản lý hoạt động khoa học và công nghệ</duty>
                          <unit id="skhcn.tt" name="Trung tâm Chuyển đổi số" kind="public-service-unit"/>
                        </unit>
                      </unit>
                    """,
                expectedUnits: ["skhcn.tt"]),
            RuleExample(
                LocalizedText(vi: "Ủy ban nhân dân không ghi nhiệm vụ riêng: không vi phạm",
                              en: "A committee without duties of its own: no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="snv" name="Sở Nội vụ" kind="department"><duty>Quản lý tổ chức bộ máy</duty></unit>
                      </unit>
                    """,
                expectedUnits: []),
        ])

    /// One finding per unit without duties.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        let fromDecisions = context.isReadFromDecisions
        return graph.chart.units.indices.compactMap { index -> Finding? in
            guard graph.chart.units[index].kind != .committee, graph.chart.units[index].duties.isEmpty else { return nil }
            let unit = graph.unit(index)
            let subUnits = graph.children[index].count
            // Only listed in a decision whose own decision was not read: a gap in the files, to verify.
            let notRead = fromDecisions && unit.foundingDecision == nil
            return Self.finding(units: [unit.id],
                message: LocalizedText(
                    vi: "\(graph.name(index, .vi)) không có nhiệm vụ nào" + (unit.functions.isEmpty ? "" : " (chỉ ghi chức năng)")
                        + (notRead ? " trong các quyết định đã đọc: chưa có văn bản quy định nhiệm vụ của đơn vị" : ""),
                    en: "\(graph.name(index, .en)) has no duty" + (unit.functions.isEmpty ? "" : " (only functions are written)")
                        + (notRead ? " in the decisions read: the decision defining its duties was not given" : "")),
                evidence: ["functions": .int(unit.functions.count), "powers": .int(unit.powers.count),
                           "subUnits": .int(subUnits)],
                location: unit.location, confidence: notRead ? .toVerify : .confirmed)
        }
    }
}

extension UnitWithoutDutiesRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .subUnits,
        EvidenceKey("functions", vi: "chức năng", en: "functions"),
        EvidenceKey("powers", vi: "quyền hạn", en: "powers"),
    ]
}

extension UnitWithoutDutiesRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "quy định cụ thể chức năng, nhiệm vụ của đơn vị hoặc sắp xếp lại đơn vị",
                              en: "set out the unit's functions and duties, or reorganise it"),
        amendsDecision: true)
}
