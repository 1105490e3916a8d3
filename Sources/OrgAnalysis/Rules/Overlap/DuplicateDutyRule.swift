import OrgModel

/// OVL002: duties of units that do not contain one another saying the same thing in other words
/// (chồng chéo nội dung). Many units sharing one duty make one finding listing the cluster.
public struct DuplicateDutyRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "OVL002",
        shortName: "duplicate-duty",
        title: LocalizedText(vi: "Nhiệm vụ trùng nội dung giữa các đơn vị", en: "Same duty in different units"),
        rationale: LocalizedText(
            vi: "Điểm d khoản 1 Chỉ thị: “đảm bảo không chồng chéo”; điểm d khoản 1 Điều 5 Nghị định số 158/2018/NĐ-CP không cho phép "
                + "tổ chức hành chính có nhiệm vụ chồng chéo với tổ chức khác. Hai đơn vị không trực thuộc nhau ghi "
                + "cùng một nhiệm vụ bằng lời khác nhau là chồng chéo nội dung. Văn bản được so sánh sau khi chuẩn hóa "
                + "(chuẩn Unicode, vị trí dấu thanh, lí/lý, chữ không dấu) và bỏ qua các cụm từ hành chính chung (“tham mưu, "
                + "giúp Ủy ban nhân dân tỉnh”, “trên địa bàn tỉnh”...), đọc qua từ điển thuật ngữ hành chính (“tài sản nhà "
                + "nước” là “tài sản công”, “bằng lái” là “giấy phép lái xe”). Hai nhiệm vụ được xét khi câu chữ gần nhau "
                + "hoặc khi cùng được xác định là thực hiện một nhiệm vụ theo quy định; điểm trùng nội dung kết hợp độ tương "
                + "đồng câu chữ, nhiệm vụ theo quy định chung, đối tượng và hành động quản lý (cấp phép khác kiểm tra), "
                + "với trọng số học trên bộ cặp nhiệm vụ đã gán nhãn. Không tính: đơn vị và đơn vị trực thuộc "
                + "của nó (phân công); chủ trì bên cạnh phối hợp (phối hợp); hai nhiệm vụ cùng ghi một nhiệm vụ "
                + "theo quy định (đã xét ở quy tắc nhiều đơn vị cùng chủ trì); nhiệm vụ “các nhiệm vụ khác do ... giao”; "
                + "các địa bàn khác nhau. Khi hai nhiệm vụ trùng nội dung cũng là hai đơn vị cùng chủ trì một nhiệm vụ theo "
                + "quy định, chỉ báo một phát hiện nêu cả hai khía cạnh.",
            en: "Clause 1.d of the directive: \"without overlap\"; Decree 158/2018 (Art. 5) does not allow an "
                + "administrative organisation whose duties overlap another's. Two units that do not contain one "
                + "another writing the same duty in other words overlap. Texts are compared after normalisation "
                + "(NFC, tone-mark placement, lí/lý, text typed without marks) and with administrative boilerplate "
                + "(\"tham mưu, giúp Ủy ban nhân dân tỉnh\", \"trên địa bàn tỉnh\", ...) discounted, and read through the "
                + "public-administration thesaurus (\"tài sản nhà nước\" is \"tài sản công\"). Two duties are compared "
                + "when their words are close or when both are assigned to one mandate; the overlap score combines the "
                + "text's similarity, the shared mandate, the object and the administrative action (licensing is not "
                + "inspection), with weights learnt on the labelled pairs. Not counted: a "
                + "unit and its own sub-unit (delegation); a lead beside a support (coordination); two duties citing "
                + "the same mandate (OVL001's business); the catch-all duty; different jurisdictions. When the "
                + "duplicate duties are also two leads of one mandate, one finding says both."),
        citations: [Citations.directive1d, Citations.decree158],
        defaultSeverity: .warning,
        examples: [
            RuleExample(
                LocalizedText(vi: "Hai sở ghi cùng nhiệm vụ, một bên viết dấu kiểu cũ: cảnh báo",
                              en: "Two departments write the same duty, one with old-style tone marks: a warning"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="sct" name="Sở Công Thương" kind="department">
                          <duty id="sct.1">Quản lý an toàn đập, hồ chứa thuỷ điện trên địa bàn tỉnh</duty>
                          <duty id="sct.2">Cấp giấy phép hoạt động điện lực</duty>
                        </unit>
                        <unit id="snn" name="Sở Nông nghiệp và Môi trường" kind="department">
                          <duty id="snn.1">Quản lý an toàn đập, hồ chứa thủy điện theo quy định của pháp luật</duty>
                          <duty id="snn.2">Quản lý giống cây trồng</duty>
                        </unit>
                      </unit>
                    """,
                expectedUnits: ["sct"]),
            RuleExample(
                LocalizedText(vi: "“Tài sản nhà nước” và “tài sản công” (Luật năm 2017 đổi tên) là một: cảnh báo",
                              en: "\"Tài sản nhà nước\" and \"tài sản công\" (renamed by the 2017 law) are one: a warning"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="stc" name="Sở Tài chính" kind="department">
                          <duty id="stc.1">Quản lý, sử dụng tài sản nhà nước tại các cơ quan, đơn vị do tỉnh quản lý</duty>
                        </unit>
                        <unit id="sxd" name="Sở Xây dựng" kind="department">
                          <duty id="sxd.1">Quản lý, sử dụng tài sản công tại các cơ quan, đơn vị do tỉnh quản lý</duty>
                          <duty id="sxd.2">Cấp giấy phép xây dựng công trình</duty>
                        </unit>
                      </unit>
                    """,
                expectedUnits: ["stc"]),
            RuleExample(
                LocalizedText(vi: "Cùng đối tượng, khác hành động (cấp phép / kiểm tra): không vi phạm",
                              en: "Same object, another action (licensing / inspection): no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="sct" name="Sở Công Thương" kind="department">
                          <duty id="sct.1">Cấp giấy phép hoạt động điện lực thuộc thẩm quyền của địa phương</duty>
                        </unit>
                        <unit id="stt" name="Thanh tra tỉnh" kind="department">
                          <duty id="stt.1">Kiểm tra hoạt động điện lực thuộc thẩm quyền của địa phương</duty>
                        </unit>
                      </unit>
                    """,
                expectedUnits: []),
            RuleExample(
                LocalizedText(vi: "Cùng khung hành chính, khác đối tượng (giá / du lịch); sở và phòng trực thuộc: không vi phạm",
                              en: "Same frame, different subject (prices / tourism); a department and its division: no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="stc" name="Sở Tài chính" kind="department">
                          <duty id="stc.1">Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về giá trên địa bàn tỉnh</duty>
                          <unit id="stc.g" name="Phòng Quản lý giá" kind="division">
                            <duty id="stc.g.1">Tham mưu quản lý nhà nước về giá trên địa bàn tỉnh</duty>
                          </unit>
                        </unit>
                        <unit id="svh" name="Sở Văn hóa, Thể thao và Du lịch" kind="department">
                          <duty id="svh.1">Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về du lịch trên địa bàn tỉnh</duty>
                        </unit>
                      </unit>
                    """,
                expectedUnits: []),
        ])

    /// One finding per cluster of near-duplicate duties: clusters of pairs whose words carry the score are
    /// confirmed; pairs that reach it only through a mandate inferred for them make findings to verify.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        let pairs = context.text.similarPairs.filter { pair in
            let a = graph.duty(graph.duties[pair.a]), b = graph.duty(graph.duties[pair.b])
            if a.role != b.role { return false }  // lead beside support: coordination
            if let mandate = a.mandate, mandate == b.mandate { return false }  // OVL001 territory
            return true
        }
        guard !pairs.isEmpty else { return [] }
        let firm = pairs.filter { !$0.restsOnInference }
        var firmSets = UnionFind(count: graph.duties.count)
        for pair in firm { firmSets.union(pair.a, pair.b) }
        // An inferred pair inside a confirmed cluster adds nothing to verify.
        let inferred = pairs.filter { $0.restsOnInference && firmSets.find($0.a) != firmSets.find($0.b) }
        return clusters(firm, context: context, toVerify: false) + clusters(inferred, context: context, toVerify: true)
    }

    private func clusters(_ pairs: [TextAnalysis.SimilarPair], context: RuleContext, toVerify: Bool) -> [Finding] {
        var sets = UnionFind(count: context.graph.duties.count)
        for pair in pairs { sets.union(pair.a, pair.b) }
        var clusters: [Int: [TextAnalysis.SimilarPair]] = [:]
        for pair in pairs { clusters[sets.find(pair.a), default: []].append(pair) }
        return clusters.keys.sorted().compactMap { root in
            finding(for: clusters[root] ?? [], context: context, toVerify: toVerify)
        }
    }

    private func finding(for pairs: [TextAnalysis.SimilarPair], context: RuleContext, toVerify: Bool) -> Finding? {
        let graph = context.graph
        let members = Array(Set(pairs.flatMap { [$0.a, $0.b] })).sorted()
        let units = Array(Set(members.map { graph.duties[$0].unit })).sorted()
        guard units.count >= 2, let best = pairs.max(by: { $0.score < $1.score }) else { return nil }
        let duty = { (index: Int) in graph.duty(graph.duties[index]) }
        let a = duty(best.a), b = duty(best.b)
        let unitA = graph.duties[best.a].unit, unitB = graph.duties[best.b].unit
        var message: LocalizedText
        let may = toVerify ? LocalizedText(vi: "có thể ", en: "may ") : LocalizedText(vi: "", en: "")
        if members.count == 2 {
            message = LocalizedText(
                vi: "\(graph.name(unitA, .vi)) và \(graph.name(unitB, .vi)) \(may.vi)cùng ghi một nhiệm vụ, nội dung tương tự "
                    + "(\(Quote.percent(best.cosine))): \(Quote.short(a.text)) / \(Quote.short(b.text))",
                en: "\(graph.name(unitA, .en)) and \(graph.name(unitB, .en)) \(may.en)write the same duty (similar content, "
                    + "\(Quote.percent(best.cosine))): \(Quote.short(a.text)) / \(Quote.short(b.text))")
        } else {
            message = LocalizedText(
                vi: "\(members.count) nhiệm vụ của \(units.count) đơn vị \(may.vi)có nội dung tương tự (đến "
                    + "\(Quote.percent(best.cosine))): \(graph.names(units, .vi)); ví dụ \(Quote.short(a.text))",
                en: "\(members.count) duties of \(units.count) units \(may.en)say the same thing (similar content, up to "
                    + "\(Quote.percent(best.cosine))): \(graph.names(units, .en)); e.g. \(Quote.short(a.text))")
        }
        if toVerify {
            let mandates = Array(Set(pairs.compactMap(\.mandate))).sorted()
            let names = mandates.map { graph.mandates[$0].map { Quote.short($0.text) } ?? "“\($0)”" }.joined(separator: ", ")
            message = LocalizedText(
                vi: message.vi + " (được xác định là cùng thực hiện nhiệm vụ \(names) theo suy luận từ văn bản, cần xác minh)",
                en: message.en + " (inferred to carry the same mandate \(names): to be confirmed)")
        }
        let scores = pairs.map(\.cosine)
        return Self.finding(units: units.map { graph.unit($0).id },
            duties: members.map { duty($0).id }, message: message,
            evidence: [
                "similarity": .number(scores.max() ?? 0), "minSimilarity": .number(scores.min() ?? 0),
                "overlapScore": .number(best.score),
                "channels": .list(pairs.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.map { pair in
                    let features = pair.features
                    return "\(duty(pair.a).id) ~ \(duty(pair.b).id): cosine: \(Quote.score(features.cosine, .en)), object: "
                        + "\(Quote.score(features.object, .en)), action: \(Quote.score(features.action, .en))"
                        + (pair.mandate.map { ", mandate \($0): \(Quote.score(features.sharedMandate, .en))" } ?? "")
                }),
                "pairs": .list(pairs.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.map {
                    "\(duty($0.a).id) ~ \(duty($0.b).id): \(Quote.score($0.cosine, .en))"
                }),
                "texts": .list(members.map { "\(duty($0).id): \(duty($0).text)" }),
                "dutyNatures": context.text.natureEvidence(members, graph: graph),
            ],
            location: a.location, confidence: toVerify ? .toVerify : .confirmed)
    }
}

extension DuplicateDutyRule {
    /// The evidence of a finding.
    /// Its own keys, and those of a lead conflict merged into it (``FindingConsolidation``).
    public static let evidence: [EvidenceKey] = ownEvidence + LeadConflictRule.ownEvidence.filter { $0.key != "dutyNatures" }
        + [.alsoCodes, .mandate]

    /// The keys a text duplicate emits, which a lead conflict absorbing it carries too.
    static let ownEvidence: [EvidenceKey] = [
        EvidenceKey("similarity", vi: "độ tương đồng", en: "similarity"),
        EvidenceKey("minSimilarity", vi: "độ tương đồng thấp nhất", en: "lowest similarity"),
        EvidenceKey("pairs", vi: "các cặp", en: "pairs"),
        EvidenceKey("overlapScore", vi: "điểm trùng nội dung", en: "overlap score"),
        EvidenceKey("channels", vi: "các thành phần của điểm", en: "score channels"),
        EvidenceKey("texts", vi: "nội dung", en: "texts"),
        .dutyNatures,
    ]

    /// The threshold (read by the text engine, which finds the near-duplicate pairs).
    public static let parameters: [any AnyRuleParameter] = [overlapThreshold]

    /// Overlap score at or above which two duties say the same thing.
    public static let overlapThreshold = RuleParameter<Double>(
        "overlap_threshold", section: .text, range: 0...1, option: "--overlap-threshold",
        documentation: LocalizedText(vi: "Điểm trùng nội dung (0–1) từ đó hai nhiệm vụ được coi là cùng một nhiệm vụ",
                                     en: "Overlap score (0–1) at which two duties count as the same duty"),
        default: { _ in NormSetting(OverlapScorer.shipped.full.threshold, .measured) })
}

extension DuplicateDutyRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "rà soát, điều chỉnh để nhiệm vụ chỉ giao một đơn vị chủ trì thực hiện, bãi bỏ nội dung trùng lặp tại các đơn vị còn lại",
                              en: "give the duty to one unit only and drop it from the others"),
        amendsDecision: true)
}
