import OrgModel

/// OVL003: two units whose duty sets largely coincide: candidates for merging, with the shared duties
/// as evidence.
public struct MergeCandidateRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "OVL003",
        shortName: "merge-candidate",
        title: LocalizedText(vi: "Hai đơn vị có nhiệm vụ phần lớn trùng nhau (đề xuất hợp nhất)",
                             en: "Units whose duties largely coincide (merge candidates)"),
        rationale: LocalizedText(
            vi: "Điểm b khoản 3 Chỉ thị giao Sở Nội vụ rà soát, đề xuất điều chỉnh chức năng, nhiệm vụ và cơ cấu tổ chức; "
                + "điểm d khoản 1 Điều 5 Nghị định số 158/2018/NĐ-CP yêu cầu tổ chức không chồng chéo nhiệm vụ. Khi phần lớn nhiệm vụ của một "
                + "đơn vị (mặc định từ 60% và ít nhất 3 nhiệm vụ) trùng với nhiệm vụ của một đơn vị khác không trực "
                + "thuộc nhau trên cùng địa bàn, hai đơn vị là ứng viên để hợp nhất hoặc phân định lại.",
            en: "Clause 3.b of the directive tasks the Department of Home Affairs with proposing adjustments of "
                + "duties and structure; Decree 158/2018 requires organisations without overlapping duties. When "
                + "most of one unit's duties (by default 60% and at least 3) coincide with duties of another unit "
                + "of the same jurisdiction, neither containing the other, the two are candidates for merging or "
                + "for redrawing their duties."),
        citations: [Citations.decree158, Citations.directive3b],
        defaultSeverity: .warning,
        examples: [
            RuleExample(
                LocalizedText(vi: "Hai trung tâm làm cùng ba việc: cảnh báo", en: "Two centres doing the same three things: a warning"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="tt1" name="Trung tâm Xúc tiến đầu tư" kind="public-service-unit">
                          <duty>Tổ chức hội nghị xúc tiến đầu tư vào khu công nghiệp</duty>
                          <duty>Xây dựng cơ sở dữ liệu về dự án kêu gọi đầu tư</duty>
                          <duty>Hỗ trợ nhà đầu tư tìm hiểu thủ tục đầu tư</duty>
                        </unit>
                        <unit id="tt2" name="Trung tâm Hỗ trợ doanh nghiệp" kind="public-service-unit">
                          <duty>Tổ chức các hội nghị xúc tiến đầu tư vào khu công nghiệp của tỉnh</duty>
                          <duty>Xây dựng và cập nhật cơ sở dữ liệu dự án kêu gọi đầu tư</duty>
                          <duty>Hỗ trợ các nhà đầu tư tìm hiểu thủ tục đầu tư</duty>
                          <duty>Đào tạo kỹ năng quản trị cho doanh nghiệp nhỏ và vừa</duty>
                        </unit>
                      </unit>
                    """,
                expectedUnits: ["tt1"]),
            RuleExample(
                LocalizedText(vi: "Chỉ một nhiệm vụ trùng: không đề xuất hợp nhất", en: "Only one shared duty: no finding"),
                units: """
                      <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                        <unit id="tt1" name="Trung tâm Xúc tiến đầu tư" kind="public-service-unit">
                          <duty>Tổ chức hội nghị xúc tiến đầu tư vào khu công nghiệp</duty>
                          <duty>Quản lý cổng thông tin đầu tư của tỉnh</duty>
                        </unit>
                        <unit id="tt2" name="Trung tâm Hỗ trợ doanh nghiệp" kind="public-service-unit">
                          <duty>Tổ chức các hội nghị xúc tiến đầu tư vào khu công nghiệp của tỉnh</duty>
                          <duty>Đào tạo kỹ năng quản trị cho doanh nghiệp nhỏ và vừa</duty>
                        </unit>
                      </unit>
                    """,
                expectedUnits: []),
        ])

    /// One finding per pair of units whose duties largely coincide.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        let conflictThreshold = context.settings[LeadConflictRule.conflictThreshold].value
        let mergeRatio = context.settings[Self.mergeRatio].value
        let mergeMinimumShared = context.settings[Self.mergeMinimumShared].value
        // Matched duties per unit pair: near-duplicate texts, and the same mandate led by both.
        var shared: [UnitPair: [(Int, Int)]] = [:]
        for pair in context.text.similarPairs {
            // A lead beside a support is coordination: it does not make two units alike.
            guard graph[duty: graph.duties[pair.a]].role == graph[duty: graph.duties[pair.b]].role else { continue }
            shared[UnitPair(graph.duties[pair.a].unit, graph.duties[pair.b].unit), default: []].append((pair.a, pair.b))
        }
        for assignments in context.text.assignments.values {
            let leads = assignments.filter { $0.role == .lead && $0.isFirm(conflictThreshold) }
            // Pairs only within a jurisdiction: a national chart has the same mandate in every province.
            for (_, group) in graph.byJurisdiction(leads) {
                for (offset, first) in group.enumerated() {
                    for second in group[(offset + 1)...] {
                        let a = graph.duties[first.duty].unit, b = graph.duties[second.duty].unit
                        guard a != b, !graph.areNested(a, b) else { continue }
                        shared[UnitPair(a, b), default: []].append((first.duty, second.duty))
                    }
                }
            }
        }
        var findings: [Finding] = []
        // Each unit's duties other than catch-all clauses, counted once (a unit is in many pairs).
        var dutyCounts = [Int](repeating: -1, count: graph.chart.units.count)
        let counted = { (unit: Int, counts: inout [Int]) -> Int in
            if counts[unit] < 0 {
                counts[unit] = graph.chart.units[unit].duties.indices.count {
                    !context.text.textFlags.info(self.index(graph, unit, $0)).catchAll
                }
            }
            return counts[unit]
        }
        for key in shared.keys.sorted(by: { ($0.low, $0.high) < ($1.low, $1.high) }) {
            let matches = shared[key] ?? []
            // Each match gives a unit at most one more matched duty: fewer matches than the minimum never
            // make a finding (most pairs of a national chart share a duty or two).
            guard matches.count >= mergeMinimumShared else { continue }
            let dutiesLow = counted(key.low, &dutyCounts), dutiesHigh = counted(key.high, &dutyCounts)
            let matchedLow = Set(matches.map { graph.duties[$0.0].unit == key.low ? $0.0 : $0.1 })
            let matchedHigh = Set(matches.map { graph.duties[$0.0].unit == key.high ? $0.0 : $0.1 })
            // The smaller unit; between two of one size, the one more of whose duties are matched, then the
            // smaller id: never the order the file lists them in.
            let low = (unit: key.low, matched: matchedLow.count, total: dutiesLow)
            let high = (unit: key.high, matched: matchedHigh.count, total: dutiesHigh)
            let lowFirst = (low.total, -low.matched, graph.chart.units[low.unit].id.rawValue)
                <= (high.total, -high.matched, graph.chart.units[high.unit].id.rawValue)
            let (smaller, matchedSmaller, total) = lowFirst ? low : high
            guard total > 0, matchedSmaller >= mergeMinimumShared,
                  Double(matchedSmaller) / Double(total) >= mergeRatio else { continue }
            let other = smaller == key.low ? key.high : key.low
            let ratio = Double(matchedSmaller) / Double(total)
            let percent = Int((ratio * 100).rounded())
            let duty = { (index: Int) in graph.duty(graph.duties[index]) }
            findings.append(Self.finding(units: [graph.unit(key.low).id, graph.unit(key.high).id],
                duties: Array(Set(matches.flatMap { [duty($0.0).id, duty($0.1).id] })),
                message: LocalizedText(
                    vi: "\(matchedSmaller)/\(total) nhiệm vụ (\(percent)%) của \(graph.name(smaller, .vi)) trùng với nhiệm vụ "
                        + "của \(graph.name(other, .vi)): có thể hợp nhất hoặc phân định lại",
                    en: "\(matchedSmaller) of \(total) duties (\(percent)%) of \(graph.name(smaller, .en)) coincide with duties "
                        + "of \(graph.name(other, .en)): candidates for merging or for redrawing their duties"),
                evidence: [
                    "ratio": .number(ratio), "shared": .int(matchedSmaller), "dutiesOfSmaller": .int(total),
                    "sharedPairs": .list(matches.map { "\(duty($0.0).id) ~ \(duty($0.1).id)" }.sorted()),
                ],
                location: graph.unit(smaller).location))
        }
        return findings
    }

    /// Index in `DutyGraph.duties` of a unit's `offset`-th duty.
    private func index(_ graph: DutyGraph, _ unit: Int, _ offset: Int) -> Int {
        graph.firstDuty[unit] + offset
    }

    private struct UnitPair: Hashable {
        let low: Int
        let high: Int
        init(_ a: Int, _ b: Int) {
            low = min(a, b)
            high = max(a, b)
        }
    }
}

extension MergeCandidateRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        EvidenceKey("dutiesOfSmaller", vi: "nhiệm vụ của đơn vị nhỏ hơn", en: "duties of the smaller unit"),
        EvidenceKey("ratio", vi: "tỉ lệ", en: "ratio"),
        EvidenceKey("shared", vi: "số nhiệm vụ trùng", en: "shared"),
        EvidenceKey("sharedPairs", vi: "các cặp trùng", en: "shared pairs"),
        .alsoCodes,
    ]

    /// The thresholds.
    public static let parameters: [any AnyRuleParameter] = [mergeRatio, mergeMinimumShared]

    /// Share of the smaller unit's duties that must be matched in the other unit.
    public static let mergeRatio = RuleParameter<Double>(
        "merge_ratio", section: .text, range: 0...1, option: "--merge-ratio",
        documentation: LocalizedText(vi: "Tỉ lệ (0–1) nhiệm vụ của một đơn vị có ở đơn vị khác để đề xuất hợp nhất",
                                     en: "Share (0–1) of a unit's duties found in another unit for a merge candidate"),
        default: { _ in NormSetting(0.6, .unmeasured) })

    /// Matched duties needed at least.
    public static let mergeMinimumShared = RuleParameter<Int>(
        "merge_minimum_shared", section: .text, range: 1...1000,
        documentation: LocalizedText(vi: "Số nhiệm vụ trùng tối thiểu để đề xuất hợp nhất",
                                     en: "Fewest matched duties for a merge candidate"),
        default: { _ in NormSetting(3, .unmeasured) })
}

extension MergeCandidateRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "xem xét sắp xếp, hợp nhất các đơn vị có chức năng, nhiệm vụ phần lớn trùng nhau",
                              en: "consider merging the units whose duties largely coincide"),
        amendsDecision: true)
}
