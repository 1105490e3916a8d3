import OrgModel

/// OVL001: one mandate led (chủ trì) by two or more units of one jurisdiction, none of which contains
/// another: chồng chéo chủ trì.
public struct LeadConflictRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "OVL001",
        shortName: "lead-conflict",
        title: LocalizedText(vi: "Nhiều đơn vị cùng chủ trì một nhiệm vụ", en: "Mandate led by several units"),
        rationale: LocalizedText(
            vi: "Điểm d khoản 1 Chỉ thị yêu cầu quy định rõ nhiệm vụ của các phòng, ban, đơn vị, “đảm bảo không chồng "
                + "chéo”. Khi hai đơn vị không trực thuộc nhau cùng chủ trì một nhiệm vụ thì không rõ ai chịu trách "
                + "nhiệm chính. Đơn vị cấp trên và đơn vị trực thuộc của chính nó cùng ghi một nhiệm vụ là phân công, "
                + "không phải chồng chéo; một đơn vị chủ trì và đơn vị khác phối hợp là phối hợp, không phải chồng "
                + "chéo. Chỉ xét trong cùng một địa bàn (tỉnh, xã). Chỉ nhiệm vụ quản lý nhà nước mới được suy luận là "
                + "thực hiện một nhiệm vụ theo quy định: công tác nội bộ của chính cơ quan (văn thư, lưu trữ, thi đua, "
                + "khen thưởng, kế hoạch, tài chính của Sở, của ngành) và dịch vụ sự nghiệp công (kiểm định, hiệu "
                + "chuẩn, thử nghiệm, đào tạo, tư vấn của đơn vị sự nghiệp) không bao giờ được suy luận là chủ trì; "
                + "phân công ghi rõ trong sơ đồ thì giữ nguyên. Phát hiện chỉ dựa trên nhiệm vụ được suy luận từ văn "
                + "bản được đánh dấu cần xác minh; nếu nội dung các nhiệm vụ đó cũng trùng nhau thì chỉ báo một phát "
                + "hiện trùng nội dung, kèm thông tin về nhiệm vụ và các đơn vị chủ trì.",
            en: "Clause 1.d of the directive requires the duties of every division and unit to be set out \"without "
                + "overlap\". When two units that do not contain one another both lead one mandate, nobody is "
                + "clearly responsible. A unit and its own sub-unit citing the same mandate is delegation; a lead "
                + "beside a support is coordination; neither is overlap. Only units of one jurisdiction (province, "
                + "commune) are compared. Only state-management duties are inferred to a mandate: the internal work of "
                + "a body (its own records, emulation, plan and budget) and the public services of a public service "
                + "unit (calibration, testing, training, consultancy) are never inferred leads; what the chart "
                + "writes explicitly stands. A finding that rests only on inferred mandates is marked to verify; when the "
                + "duties' texts are also duplicates, one text-duplicate finding is reported with the mandate and "
                + "the leads."),
        citations: [Citations.directive1d, Citations.decree158],
        defaultSeverity: .error,
        examples: [
            RuleExample(
                LocalizedText(vi: "Hai sở cùng chủ trì một nhiệm vụ: lỗi", en: "Two departments lead one mandate: an error"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="sct" name="Sở Công Thương" kind="department">
                          <duty id="sct.1" mandate="ATTP.01">Quản lý an toàn thực phẩm trong sản xuất, kinh doanh</duty>
                        </unit>
                        <unit id="syt" name="Sở Y tế" kind="department">
                          <duty id="syt.1" mandate="ATTP.01">Quản lý an toàn thực phẩm tại cơ sở sản xuất</duty>
                        </unit>
                      </unit>
                    """,
                mandates: #"    <mandate id="ATTP.01" level="province">Quản lý nhà nước về an toàn thực phẩm</mandate>"#,
                expectedUnits: ["sct"]),
            RuleExample(
                LocalizedText(vi: "Sở và phòng trực thuộc cùng ghi nhiệm vụ; sở khác phối hợp: không vi phạm",
                              en: "A department and its own division cite it, another supports: no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="snv" name="Sở Nội vụ" kind="department">
                          <duty id="snv.1" mandate="NV.01">Quản lý tổ chức bộ máy</duty>
                          <unit id="snv.tc" name="Phòng Tổ chức" kind="division">
                            <duty id="snv.tc.1" mandate="NV.01">Thẩm định đề án tổ chức bộ máy</duty>
                          </unit>
                        </unit>
                        <unit id="stc" name="Sở Tài chính" kind="department">
                          <duty id="stc.1" mandate="NV.01" role="support">Phối hợp bố trí kinh phí</duty>
                        </unit>
                      </unit>
                    """,
                mandates: #"    <mandate id="NV.01" level="province">Quản lý nhà nước về tổ chức bộ máy</mandate>"#,
                expectedUnits: []),
            RuleExample(
                LocalizedText(vi: "Hai xã cùng chủ trì nhiệm vụ trên địa bàn của mình: không vi phạm",
                              en: "Two communes lead it, each on its own territory: no finding"),
                units: """
                      <unit id="xa1" name="UBND xã A" kind="commune"><duty id="xa1.1" mandate="HT.01">Đăng ký hộ tịch</duty></unit>
                      <unit id="xa2" name="UBND xã B" kind="commune"><duty id="xa2.1" mandate="HT.01">Đăng ký hộ tịch</duty></unit>
                    """,
                mandates: #"    <mandate id="HT.01" level="commune">Đăng ký hộ tịch</mandate>"#,
                expectedUnits: []),
            RuleExample(
                LocalizedText(vi: "Trung tâm sự nghiệp cung cấp dịch vụ kiểm định, hiệu chuẩn: không phải chủ trì, không vi phạm",
                              en: "A public service centre offering calibration is not a lead: no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="skhcn" name="Sở Khoa học và Công nghệ" kind="department">
                          <duty id="skhcn.1" mandate="KHCN.03">Quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng sản phẩm, hàng hóa</duty>
                        </unit>
                        <unit id="sct" name="Sở Công Thương" kind="department">
                          <duty id="sct.1" mandate="CT.01">Quản lý nhà nước về công nghiệp</duty>
                          <unit id="sct.tt" name="Trung tâm Kỹ thuật đo lường" kind="public-service-unit">
                            <duty id="sct.tt.1">Thực hiện dịch vụ kiểm định, hiệu chuẩn phương tiện đo, thử nghiệm chất lượng sản phẩm, hàng hóa</duty>
                          </unit>
                        </unit>
                      </unit>
                    """,
                mandates: """
                        <mandate id="KHCN.03" level="province">Quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng sản phẩm, hàng hóa</mandate>
                        <mandate id="CT.01" level="province">Quản lý nhà nước về công nghiệp</mandate>
                    """,
                expectedUnits: []),
            RuleExample(
                LocalizedText(vi: "Văn phòng sở lo công tác thi đua, khen thưởng của ngành (công tác nội bộ): không phải chủ trì, "
                                + "không vi phạm",
                              en: "A department office handling its own sector's emulation (internal work) is not a lead: "
                                + "no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="sgd" name="Sở Giáo dục và Đào tạo" kind="department">
                          <duty id="sgd.1">Quản lý nhà nước về giáo dục phổ thông</duty>
                          <unit id="sgd.vp" name="Văn phòng Sở" kind="division">
                            <duty id="sgd.vp.1">Phụ trách công tác thi đua, khen thưởng của ngành giáo dục</duty>
                          </unit>
                        </unit>
                        <unit id="snv" name="Sở Nội vụ" kind="department">
                          <duty id="snv.1" mandate="NV.06">Quản lý nhà nước về thi đua, khen thưởng</duty>
                        </unit>
                      </unit>
                    """,
                mandates: #"    <mandate id="NV.06" level="province">Quản lý nhà nước về thi đua, khen thưởng</mandate>"#,
                expectedUnits: []),
        ])

    /// One finding per mandate and jurisdiction with two or more conflicting leads.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        var findings: [Finding] = []
        for mandate in context.text.assignments.keys.sorted() {
            let threshold = context.settings[Self.conflictThreshold].value
            let leads = (context.text.assignments[mandate] ?? []).filter { $0.role == .lead && $0.isFirm(threshold) }
            for (_, group) in graph.byJurisdiction(leads) {
                // The people's committee answers for everything on its territory; its own lead on a mandate
                // must not hide two of its departments leading the same mandate.
                guard Self.hasTwoLeadUnits(group, graph: graph) else { continue }
                let units = graph.topmost(Self.leadUnits(group, graph: graph))
                guard units.count >= 2 else { continue }
                let explicitUnits = graph.topmost(Self.leadUnits(group.filter { !$0.isInferred }, graph: graph))
                let inferredOnly = explicitUnits.count < 2
                findings.append(finding(mandate: mandate, units: units, group: group, inferredOnly: inferredOnly,
                                        context: context))
            }
        }
        return findings
    }

    /// Whether `list`'s duties belong to two units or more that are not territorial: a quick test that
    /// makes no set, since a jurisdiction's lead on a mandate is mostly one unit's.
    private static func hasTwoLeadUnits(_ list: [MandateAssignment], graph: DutyGraph) -> Bool {
        var first: Int?
        for assignment in list {
            let unit = graph.duties[assignment.duty].unit
            guard !DutyGraph.isTerritorial(graph.chart.units[unit].kind) else { continue }
            if let first, first != unit { return true }
            first = unit
        }
        return false
    }

    /// The units of `list`'s duties, territorial ones left out. (A function, not a closure over the graph:
    /// a closure copied the whole graph each time it was made, once per mandate and jurisdiction.)
    private static func leadUnits(_ list: [MandateAssignment], graph: DutyGraph) -> Set<Int> {
        var units = Set<Int>(minimumCapacity: list.count)
        for assignment in list {
            let unit = graph.duties[assignment.duty].unit
            if !DutyGraph.isTerritorial(graph.chart.units[unit].kind) { units.insert(unit) }
        }
        return units
    }

    private func finding(mandate: MandateID, units: [Int], group: [MandateAssignment], inferredOnly: Bool,
                         context: RuleContext) -> Finding {
        let graph = context.graph
        let text = graph.mandates[mandate].map { Quote.short($0.text) } ?? "“\(mandate)”"
        let inferredDuties = group.filter(\.isInferred).map { graph[duty: graph.duties[$0.duty]].id.rawValue }
        var evidence: [String: EvidenceValue] = [
            "leads": .int(units.count),
            "leadUnits": .list(units.map { graph.unit($0).id.rawValue }),
            "inferredOnly": .bool(inferredOnly),
            "dutyNatures": context.text.natureEvidence(group.map(\.duty), graph: graph),
        ]
        if !inferredDuties.isEmpty { evidence["inferredDuties"] = .list(inferredDuties.sorted()) }
        if let source = graph.mandates[mandate]?.source { evidence["mandateSource"] = .text(source) }
        let note = inferredOnly
            ? LocalizedText(vi: " (dựa trên nhiệm vụ suy luận từ văn bản, cần xác minh)",
                            en: " (rests on mandates inferred from the text: to be confirmed)")
            : LocalizedText(vi: "", en: "")
        return Self.finding(
            units: units.map { graph.unit($0).id },
            duties: group.map { graph[duty: graph.duties[$0.duty]].id }, mandate: mandate,
            message: LocalizedText(
                vi: "Nhiệm vụ \(text) do \(units.count) đơn vị cùng chủ trì: \(graph.names(units, .vi))" + note.vi,
                en: "Mandate \(text) is led by \(units.count) units: \(graph.names(units, .en))" + note.en),
            evidence: evidence, location: graph[duty: graph.duties[group[0].duty]].location,
            confidence: inferredOnly ? .toVerify : .confirmed)
    }
}

extension LeadConflictRule {
    /// The evidence of a finding.
    /// Its own keys, and those of a text duplicate merged into it (``FindingConsolidation``).
    public static let evidence: [EvidenceKey] = ownEvidence + DuplicateDutyRule.ownEvidence.filter { $0.key != "dutyNatures" }
        + [.alsoCodes, .mandate]

    /// The keys a lead conflict emits, which a text duplicate absorbing it carries too.
    static let ownEvidence: [EvidenceKey] = [
        .mandateSource,
        EvidenceKey("leadUnits", vi: "đơn vị chủ trì", en: "lead units"),
        EvidenceKey("leads", vi: "số đơn vị chủ trì", en: "leads"),
        EvidenceKey("inferredDuties", vi: "nhiệm vụ suy luận", en: "inferred duties"),
        EvidenceKey("inferredOnly", vi: "chỉ dựa trên suy luận", en: "inferred only"),
        .dutyNatures,
    ]

    /// The threshold (also read by GAP001 and OVL003, which count leads the same way).
    public static let parameters: [any AnyRuleParameter] = [conflictThreshold]

    /// Score an inferred assignment needs to make a unit count as a lead in a conflict: claiming an overlap
    /// on inferred grounds needs stronger evidence than counting a mandate as covered (precision 0.95 on
    /// the labelled set at 0.45, against 0.87 at the inference threshold).
    public static let conflictThreshold = RuleParameter<Double>(
        "conflict_threshold", section: .text, range: 0...1, option: "--conflict-threshold",
        documentation: LocalizedText(
            vi: "Điểm (0–1) một nhiệm vụ theo quy định được suy luận phải đạt để đơn vị được tính là chủ trì khi xét chồng chéo",
            en: "Score (0–1) an inferred mandate needs to count as a lead in an overlap"),
        default: { _ in NormSetting(0.45, .measured) })
}

extension LeadConflictRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "xác định một đơn vị chủ trì thực hiện nhiệm vụ, các đơn vị còn lại chuyển sang phối hợp",
                              en: "name one unit to lead the mandate, the others only cooperating"),
        amendsDecision: true)
}
