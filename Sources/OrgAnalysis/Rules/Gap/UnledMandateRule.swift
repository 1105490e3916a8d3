import OrgModel

/// GAP002: a mandate that units only support (phối hợp), with no unit leading it (chủ trì).
public struct UnledMandateRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "GAP002",
        shortName: "unled-mandate",
        title: LocalizedText(vi: "Nhiệm vụ chỉ có đơn vị phối hợp, không có đơn vị chủ trì",
                             en: "Mandate supported but led by no unit"),
        rationale: LocalizedText(
            vi: "Điểm d khoản 1 Chỉ thị yêu cầu quy định rõ nhiệm vụ, không bỏ sót; điểm a khoản 1 yêu cầu không "
                + "đùn đẩy, né tránh trách nhiệm. Một nhiệm vụ có đơn vị phối hợp nhưng không có đơn vị chủ trì là "
                + "nhiệm vụ không ai chịu trách nhiệm chính. Phát hiện được giao cho sở chịu trách nhiệm về lĩnh vực "
                + "của nhiệm vụ (sở có chức năng ghi nhiệm vụ đó, nếu không thì sở thực hiện phần lớn nhiệm vụ cùng "
                + "lĩnh vực).",
            en: "Clause 1.d of the directive requires duties to be set out clearly with nothing left out; clause 1.a "
                + "forbids passing responsibility on. A mandate that units support but none leads has nobody "
                + "primarily responsible for it. The finding is charged to the department answering for the "
                + "mandate's sector (the one whose functions name it, else the one carrying most of that sector's "
                + "mandates)."),
        citations: [Citations.directive1d],
        defaultSeverity: .warning,
        examples: [
            RuleExample(
                LocalizedText(vi: "Hai sở cùng phối hợp, không ai chủ trì: cảnh báo",
                              en: "Two departments support, none leads: a warning"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="stc" name="Sở Tài chính" kind="department">
                          <duty id="stc.1" mandate="KT.01" role="support">Phối hợp bố trí kinh phí kiểm tra</duty>
                        </unit>
                        <unit id="stp" name="Sở Tư pháp" kind="department">
                          <duty id="stp.1" mandate="KT.01" role="support">Phối hợp kiểm tra văn bản</duty>
                        </unit>
                      </unit>
                    """,
                mandates: #"    <mandate id="KT.01" level="province">Kiểm tra việc thi hành pháp luật</mandate>"#,
                expectedUnits: ["stc"]),
            RuleExample(
                LocalizedText(vi: "Một sở chủ trì, một sở phối hợp: không vi phạm", en: "One leads, one supports: no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="stc" name="Sở Tài chính" kind="department">
                          <duty id="stc.1" mandate="KT.01" role="support">Phối hợp bố trí kinh phí kiểm tra</duty>
                        </unit>
                        <unit id="stp" name="Sở Tư pháp" kind="department">
                          <duty id="stp.1" mandate="KT.01">Chủ trì theo dõi thi hành pháp luật</duty>
                        </unit>
                      </unit>
                    """,
                mandates: #"    <mandate id="KT.01" level="province">Kiểm tra việc thi hành pháp luật</mandate>"#,
                expectedUnits: []),
        ])

    /// One finding per mandate and jurisdiction where it is supported and not led.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        var findings: [Finding] = []
        for mandate in graph.chart.mandates {
            for (jurisdiction, group) in graph.byJurisdiction(context.text.assignments[mandate.id] ?? []) {
                guard !group.contains(where: { $0.role == .lead }) else { continue }
                let units = Array(Set(group.map { graph.duties[$0.duty].unit })).sorted()
                var evidence: [String: EvidenceValue] = [
                    "supporters": .int(units.count), "jurisdiction": .text(graph.unit(jurisdiction).id.rawValue),
                    "inferred": .bool(group.allSatisfy(\.isInferred)),
                ]
                // Read only when there is a finding (the analyzer begins making it before the rules run).
                let responsibility = context.gapResponsibility
                let named = responsibility.inFunctions(mandate, jurisdiction: jurisdiction)
                if let named { evidence["inFunctionsOf"] = .text(graph.unit(named).id.rawValue) }
                if let responsible = responsibility.responsible(mandate, jurisdiction: jurisdiction) {
                    evidence["responsibleUnit"] = .text(graph.unit(responsible).id.rawValue)
                }
                let text = Quote.short(mandate.text), place = graph.unit(jurisdiction).name
                let hint = named.map { LocalizedText(vi: "; đã ghi trong chức năng của \(graph.name($0, .vi))",
                                                     en: "; it is named in the functions of \(graph.name($0, .en))") }
                findings.append(Self.finding(units: units.map { graph.unit($0).id },
                    duties: group.map { graph[duty: graph.duties[$0.duty]].id }, mandate: mandate.id,
                    message: LocalizedText(
                        vi: "Nhiệm vụ \(text) chỉ có đơn vị phối hợp (\(graph.names(units, .vi))), "
                            + "không có đơn vị chủ trì tại \(place)" + (hint?.vi ?? ""),
                        en: "Mandate \(text) is only supported (\(graph.names(units, .en))) and led "
                            + "by no unit in \(place)" + (hint?.en ?? "")),
                    evidence: evidence,
                    location: graph[duty: graph.duties[group[0].duty]].location))
            }
        }
        return findings
    }
}

extension UnledMandateRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        EvidenceKey("inferred", vi: "suy luận", en: "inferred"),
        EvidenceKey("jurisdiction", vi: "địa bàn", en: "jurisdiction"),
        EvidenceKey("supporters", vi: "số đơn vị phối hợp", en: "supporters"),
        .responsibleUnit,
        .inFunctionsOf,
    ]
}

extension UnledMandateRule {
    /// The recommendation for each finding.
    /// Its findings name who must fix the gap.
    public static let readsGapResponsibility = true

    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "xác định một đơn vị chủ trì thực hiện nhiệm vụ, các đơn vị còn lại phối hợp",
                              en: "name one unit to lead the mandate, the others cooperating"),
        amendsDecision: true)
}
