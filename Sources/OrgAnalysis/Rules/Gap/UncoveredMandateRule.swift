import OrgModel

/// GAP001: a mandate that no unit carries out at all (bỏ sót nhiệm vụ).
public struct UncoveredMandateRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "GAP001",
        shortName: "uncovered-mandate",
        title: LocalizedText(vi: "Nhiệm vụ không đơn vị nào thực hiện", en: "Mandate carried out by no unit"),
        rationale: LocalizedText(
            vi: "Điểm d khoản 1 Chỉ thị yêu cầu “không bỏ sót nhiệm vụ”; Nghị định số 150/2025/NĐ-CP, văn bản thay "
                + "thế Nghị định số 24/2014/NĐ-CP (đã hết hiệu lực), yêu cầu các cơ quan chuyên môn cùng thực hiện đầy đủ chức "
                + "năng quản lý nhà nước của Ủy ban nhân dân cấp tỉnh. Một nhiệm vụ trong danh mục mà không nhiệm vụ nào "
                + "của đơn vị nào trên địa bàn thực hiện (kể cả nhiệm vụ suy luận từ văn bản với điểm đủ cao) là bỏ sót. "
                + "Nhiệm vụ chỉ khớp yếu qua suy luận không làm nhẹ lỗi: được nêu để tham khảo. Nhiệm vụ đã ghi trong "
                + "chức năng của một sở nhưng chưa giao cho phòng, đơn vị nào được báo như vậy. Phát hiện được giao "
                + "cho sở chịu trách nhiệm về lĩnh vực của nhiệm vụ. Nhiệm vụ chỉ xét ở địa bàn cùng cấp với nó "
                + "(nhiệm vụ cấp xã chỉ xét khi sơ đồ có xã).",
            en: "Point d of clause 1 of the directive requires “no duty left out”; Decree 150/2025/NĐ-CP (which "
                + "replaced Decree 24/2014/NĐ-CP, no longer in force) requires the specialised agencies together to "
                + "carry out every state-management function of the provincial committee. A catalogue mandate that "
                + "no duty of any unit in a jurisdiction carries out (inferred ones with a high enough score "
                + "included) is an omission. A weak inferred match never softens it: it is shown as a hint. A "
                + "mandate named in a department's functions but assigned to none of its divisions is reported as "
                + "such. The finding is charged to the department answering for the mandate's sector. A mandate is "
                + "checked only in jurisdictions of its own level (commune mandates only when the chart has "
                + "communes)."),
        citations: [Citations.directive1d, Citations.decree150],
        defaultSeverity: .error,
        examples: [
            RuleExample(
                LocalizedText(vi: "Nhiệm vụ về giá không ai thực hiện: lỗi", en: "Nobody carries out price management: an error"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="stc" name="Sở Tài chính" kind="department">
                          <duty id="stc.1" mandate="TC.01">Lập dự toán ngân sách nhà nước hằng năm</duty>
                        </unit>
                      </unit>
                    """,
                mandates: """
                        <mandate id="TC.01" level="province">Quản lý nhà nước về ngân sách nhà nước</mandate>
                        <mandate id="TC.02" level="province">Quản lý nhà nước về giá</mandate>
                    """,
                expectedUnits: ["ubnd"]),
            RuleExample(
                LocalizedText(vi: "Mọi nhiệm vụ đều có đơn vị thực hiện; nhiệm vụ cấp xã khi sơ đồ không có xã: không vi phạm",
                              en: "Every mandate is carried; a commune mandate in a chart without communes: no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="stc" name="Sở Tài chính" kind="department">
                          <duty id="stc.1" mandate="TC.01">Lập dự toán ngân sách nhà nước hằng năm</duty>
                          <duty id="stc.2" mandate="TC.02" role="support">Phối hợp thẩm định giá</duty>
                        </unit>
                      </unit>
                    """,
                mandates: """
                        <mandate id="TC.01" level="province">Quản lý nhà nước về ngân sách nhà nước</mandate>
                        <mandate id="TC.02" level="province">Quản lý nhà nước về giá</mandate>
                        <mandate id="HT.01" level="commune">Đăng ký khai sinh, khai tử</mandate>
                    """,
                expectedUnits: []),
            RuleExample(
                LocalizedText(vi: "Chỉ có một nhiệm vụ khớp yếu qua suy luận: vẫn là lỗi, kèm gợi ý",
                              en: "Only a weak inferred match: still an error, with a hint"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="sngv" name="Sở Ngoại vụ" kind="department">
                          <duty id="sngv.1" mandate="NGV.01">Quản lý nhà nước về hợp tác quốc tế</duty>
                          <duty id="sngv.2">Tổ chức gặp mặt người Việt Nam ở nước ngoài dịp Tết</duty>
                        </unit>
                      </unit>
                    """,
                mandates: """
                        <mandate id="NGV.01" level="province">Quản lý nhà nước về hợp tác quốc tế</mandate>
                        <mandate id="NGV.05" level="province">Thực hiện công tác đối với người Việt Nam ở nước ngoài</mandate>
                    """,
                expectedUnits: ["ubnd"]),
        ])

    /// One finding per mandate, naming every jurisdiction where it is due and nobody carries it out.
    /// A jurisdiction where only weak inferred matches carry it (below the conflict threshold) is reported
    /// all the same, at the rule's severity: a doubtful inference never softens a gap; the weak matches are
    /// named as a hint (`possibleCarriers`).
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        let threshold = context.settings[LeadConflictRule.conflictThreshold].value
        let fromDecisions = context.isReadFromDecisions
        var findings: [Finding] = []
        // The jurisdictions due at each level, found once (each is a walk over every unit).
        var dueAt: [GovernmentLevel?: [Int]] = [:]
        for mandate in graph.chart.mandates {
            let due = dueAt[mandate.level] ?? graph.jurisdictions(for: mandate.level)
            dueAt[mandate.level] = due
            guard !due.isEmpty else { continue }
            let carriers = context.text.assignments[mandate.id] ?? []
            let firm = Set(carriers.filter { $0.isFirm(threshold) }.map { graph.jurisdiction[graph.duties[$0.duty].unit] })
            let missing = due.filter { !firm.contains($0) }
            guard !missing.isEmpty else { continue }
            let weak = carriers.filter { !$0.isFirm(threshold) && missing.contains(graph.jurisdiction[graph.duties[$0.duty].unit]) }
            // Read only when there is a finding (the analyzer begins making it before the rules run).
            findings.append(finding(mandate, missing: missing, due: due, weak: weak, graph: graph,
                                    responsibility: context.gapResponsibility, fromDecisions: fromDecisions))
        }
        return findings
    }

    private func finding(_ mandate: Mandate, missing: [Int], due: [Int], weak: [MandateAssignment],
                         graph: DutyGraph, responsibility: GapResponsibility, fromDecisions: Bool) -> Finding {
        var evidence: [String: EvidenceValue] = [
            "jurisdictionsMissing": .int(missing.count), "jurisdictionsDue": .int(due.count),
            "mandateText": .text(mandate.text),
        ]
        if let source = mandate.source { evidence["mandateSource"] = .text(source) }
        let named = missing.compactMap { responsibility.inFunctions(mandate, jurisdiction: $0) }
        let responsible = Array(Set(missing.compactMap { responsibility.responsible(mandate, jurisdiction: $0) })).sorted()
        if !named.isEmpty { evidence["inFunctionsOf"] = Self.ids(named, graph) }
        if !responsible.isEmpty { evidence["responsibleUnit"] = Self.ids(responsible, graph) }
        if !weak.isEmpty {
            evidence["weakInferredMatches"] = .list(weak.map {
                "\(graph[duty: graph.duties[$0.duty]].id) (\(Quote.score($0.inferredScore ?? 0, .en)))" })
            evidence["possibleCarriers"] = .list(weak.map { graph[duty: graph.duties[$0.duty]].id.rawValue }.sorted())
        }
        let text = Quote.short(mandate.text)
        // A chart read from decisions cites no mandate: that no duty carries one rests on inference not finding
        // it in the text (a duty may say it in other words), and a mandate no decision names may belong to a
        // body whose decision was not given. To verify, never counted.
        let notRead = fromDecisions
        let message = { (language: Language) -> String in
            let places = missing.map { graph.unit($0).name }.joined(separator: "; ")
            var sentence: String
            if named.isEmpty {
                sentence = language.text(vi: "Nhiệm vụ \(text) không được đơn vị nào thực hiện tại \(places)",
                                         en: "Mandate \(text) is carried out by no unit in \(places)")
            } else {
                let departments = named.map { graph.name($0, language) }.joined(separator: "; ")
                sentence = language.text(
                    vi: "Nhiệm vụ \(text) đã ghi trong chức năng của \(departments) nhưng chưa giao cho phòng, đơn vị nào",
                    en: "Mandate \(text) is named in the functions of \(departments) but assigned to none of its divisions")
            }
            if let source = mandate.source { sentence += language.text(vi: " (căn cứ: \(source))", en: " (basis: \(source))") }
            if !weak.isEmpty {
                let hints = weak.map { assignment in
                    let reference = graph.duties[assignment.duty]
                    return language.text(
                        vi: "nhiệm vụ \(Quote.short(graph[duty: reference].text)) của \(graph.name(reference.unit, .vi))",
                        en: "duty \(Quote.short(graph[duty: reference].text)) of \(graph.name(reference.unit, .en))")
                }.joined(separator: language.text(vi: " hoặc ", en: " or "))
                sentence += language.text(vi: "; có thể thuộc \(hints)", en: "; possibly covered by \(hints)")
            }
            if notRead {
                sentence += language.text(
                    vi: " (không tìm thấy nhiệm vụ tương ứng trong các quyết định đã đọc: cần đối chiếu văn bản, quyết định của cơ quan phụ trách có thể chưa có trong các tệp)",
                    en: " (no matching duty found in the decisions read: check the texts; the responsible body's decision may not be among the files)")
            }
            return sentence
        }
        return Self.finding(
            units: missing.map { graph.unit($0).id }, duties: weak.map { graph[duty: graph.duties[$0.duty]].id },
            mandate: mandate.id, message: LocalizedText(vi: message(.vi), en: message(.en)),
            evidence: evidence, location: mandate.location, confidence: notRead ? .toVerify : .confirmed)
    }

    /// Unit ids as evidence: a text for one, a list for several.
    static func ids(_ units: [Int], _ graph: DutyGraph) -> EvidenceValue {
        units.count == 1 ? .text(graph.unit(units[0]).id.rawValue) : .list(units.map { graph.unit($0).id.rawValue })
    }
}

extension UncoveredMandateRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .mandateSource,
        EvidenceKey("mandateText", vi: "nội dung nhiệm vụ", en: "mandate text"),
        EvidenceKey("jurisdictionsDue", vi: "số địa bàn phải thực hiện", en: "jurisdictions due"),
        EvidenceKey("jurisdictionsMissing", vi: "số địa bàn bỏ sót", en: "jurisdictions missing"),
        EvidenceKey("weakInferredMatches", vi: "khớp yếu qua suy luận", en: "weak inferred matches"),
        EvidenceKey("possibleCarriers", vi: "nhiệm vụ có thể thực hiện", en: "possible carriers"),
        .responsibleUnit,
        .inFunctionsOf,
    ]
}

extension UncoveredMandateRule {
    /// The recommendation for each finding.
    /// Its findings name who must fix the gap.
    public static let readsGapResponsibility = true

    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "giao nhiệm vụ cho một cơ quan, đơn vị chủ trì thực hiện và bổ sung vào quy định chức năng, nhiệm vụ của cơ quan, đơn vị đó",
                              en: "give the mandate to one leading body and add it to that body's functions and duties"),
        amendsDecision: true)
}
