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
            vi: "Khoản 1.d Chỉ thị yêu cầu \"không bỏ sót nhiệm vụ\"; Nghị định 24/2014/NĐ-CP (Điều 2) yêu cầu các "
                + "cơ quan chuyên môn cùng thực hiện đầy đủ chức năng quản lý nhà nước của Ủy ban nhân dân cấp tỉnh. "
                + "Một nhiệm vụ trong danh mục mà không nhiệm vụ nào của đơn vị nào trên địa bàn thực hiện (kể cả "
                + "nhiệm vụ suy luận từ văn bản) là bỏ sót. Nhiệm vụ chỉ xét ở địa bàn cùng cấp với nó (nhiệm vụ cấp "
                + "xã chỉ xét khi sơ đồ có xã).",
            en: "Clause 1.d of the directive requires \"no duty left out\"; Decree 24/2014 (Art. 2) requires the "
                + "specialised agencies together to carry out every state-management function of the provincial "
                + "committee. A catalogue mandate that no duty of any unit in a jurisdiction carries out (inferred "
                + "ones included) is an omission. A mandate is checked only in jurisdictions of its own level "
                + "(commune mandates only when the chart has communes)."),
        citations: [Citations.directive1d, Citations.decree24],
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
        ])

    /// One finding per mandate, naming every jurisdiction where it is due and nobody carries it out.
    /// A jurisdiction where only weak inferred matches carry it (below the conflict threshold) is still
    /// reported, as a warning that names those matches, so that a doubtful inference never hides a gap.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        let threshold = context.settings[LeadConflictRule.conflictThreshold].value
        var findings: [Finding] = []
        for mandate in graph.chart.mandates {
            let due = graph.jurisdictions(for: mandate.level)
            guard !due.isEmpty else { continue }
            let carriers = context.text.assignments[mandate.id] ?? []
            let firm = Set(carriers.filter { $0.isFirm(threshold) }.map { graph.jurisdiction[graph.duties[$0.duty].unit] })
            let missing = due.filter { !firm.contains($0) }
            guard !missing.isEmpty else { continue }
            let weak = carriers.filter { !$0.isFirm(threshold) && missing.contains(graph.jurisdiction[graph.duties[$0.duty].unit]) }
            findings.append(finding(mandate, missing: missing, due: due, weak: weak, graph: graph))
        }
        return findings
    }

    private func finding(_ mandate: Mandate, missing: [Int], due: [Int], weak: [MandateAssignment],
                         graph: DutyGraph) -> Finding {
        let places = missing.map { graph.label($0) }.joined(separator: ", ")
        var evidence: [String: EvidenceValue] = [
            "jurisdictionsMissing": .int(missing.count), "jurisdictionsDue": .int(due.count),
            "mandateText": .text(mandate.text),
        ]
        if let source = mandate.source { evidence["mandateSource"] = .text(source) }
        let weakText = { (language: Language) in
            weak.map { "\(graph.duty(graph.duties[$0.duty]).id) (\(Quote.score($0.inferredScore ?? 0, language)))" }
        }
        if !weak.isEmpty { evidence["weakInferredMatches"] = .list(weakText(.en)) }
        let basisVi = mandate.source.map { " (căn cứ: \($0))" } ?? ""
        let basisEn = mandate.source.map { " (basis: \($0))" } ?? ""
        let noteVi = weak.isEmpty ? "" : "; chỉ có nhiệm vụ khớp yếu qua suy luận: " + weakText(.vi).joined(separator: "; ")
        let noteEn = weak.isEmpty ? "" : "; only weak inferred matches: " + weakText(.en).joined(separator: ", ")
        return Self.finding(severity: weak.isEmpty ? Self.description.defaultSeverity : .warning,
            units: missing.map { graph.unit($0).id }, duties: weak.map { graph.duty(graph.duties[$0.duty]).id },
            mandate: mandate.id,
            message: LocalizedText(
                vi: "Nhiệm vụ \(mandate.id) \(Quote.short(mandate.text)) không được đơn vị nào thực hiện tại \(places)"
                    + basisVi + noteVi,
                en: "Mandate \(mandate.id) \(Quote.short(mandate.text)) is carried out by no unit in \(places)"
                    + basisEn + noteEn),
            evidence: evidence, location: mandate.location)
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
    ]
}
