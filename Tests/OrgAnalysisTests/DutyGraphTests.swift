@testable import OrgAnalysis
import OrgModel
import Testing

@Suite("Duty graph")
struct DutyGraphTests {
    private static let here = SourceLocation(file: "g.xml", line: 1, column: 1)

    private static func unit(_ id: String, _ kind: UnitKind, parent: String? = nil, level: GovernmentLevel? = nil,
                             staffing: [(StaffCategory, Int, Int)] = [], duties: [(String, String?, DutyRole)] = []) -> Unit {
        Unit(id: UnitID(id), name: id, kind: kind, declaredLevel: level, parent: parent.map { UnitID($0) },
             staffing: staffing.map { Staffing(category: $0.0, quota: $0.1, actual: $0.2, location: here) },
             duties: duties.map { Duty(id: DutyID($0.0), unit: UnitID(id), text: $0.0, mandate: $0.1.map { MandateID($0) },
                                       role: $0.2, location: here) },
             location: here)
    }

    /// ubnd ─┬─ snv ─── snv.tcbc
    ///       ├─ stc ─┬─ stc.ns
    ///       │       └─ stc.dt
    ///       └─ xa (commune)
    /// other (a second root, no level anywhere)
    static let chart = OrgChart(id: "g", name: "G", units: [
        unit("ubnd", .committee, level: .province, staffing: [(.civilServant, 100, 90)]),
        unit("snv", .department, parent: "ubnd", staffing: [(.civilServant, 40, 38)],
             duties: [("snv.1", "M.1", .lead)]),
        unit("snv.tcbc", .division, parent: "snv", staffing: [(.civilServant, 8, 7)], duties: [("snv.tcbc.1", "M.1", .lead)]),
        unit("stc", .department, parent: "ubnd", staffing: [(.publicEmployee, 20, 25)], duties: [("stc.1", "M.1", .support)]),
        unit("stc.ns", .division, parent: "stc"),
        unit("stc.dt", .division, parent: "stc"),
        unit("xa", .commune, parent: "ubnd"),
        unit("other", .other, staffing: [(.civilServant, 5, 5), (.contract, 2, 1)]),
    ], mandates: [Mandate(id: "M.1", text: "m", catalog: "g", location: here)])

    @Test("Assignments grouped by jurisdiction: jurisdictions ascending, each group in the assignments' order")
    func byJurisdiction() {
        // Three provinces, a department each with four duties; the assignments in a shuffled order.
        var units: [Unit] = []
        for province in 0..<3 {
            units.append(Self.unit("p\(province)", .committee, level: .province))
            units.append(Self.unit("p\(province).s", .department, parent: "p\(province)",
                                   duties: (0..<4).map { ("p\(province).s.\($0)", "M.1", .lead) }))
        }
        let graph = DutyGraph(chart: OrgChart(id: "j", name: "J", units: units,
                                              mandates: [Mandate(id: "M.1", text: "m", catalog: "g", location: Self.here)]))
        var state: UInt64 = 7
        for size in [0, 1, 5, 12, 24] {
            let assignments = (0..<size).map { _ -> MandateAssignment in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return MandateAssignment(duty: Int(state >> 33) % graph.duties.count, mandate: "M.1",
                                         role: state & 1 == 0 ? .lead : .support, inferredScore: nil)
            }
            var expected: [Int: [MandateAssignment]] = [:]
            for assignment in assignments {
                expected[graph.jurisdiction[graph.duties[assignment.duty].unit], default: []].append(assignment)
            }
            let groups = graph.byJurisdiction(assignments)
            #expect(groups.map(\.jurisdiction) == expected.keys.sorted())
            #expect(groups.allSatisfy { expected[$0.jurisdiction] == $0.assignments })
            // In document order already: the same groups.
            let ordered = assignments.sorted { $0.duty < $1.duty }
            #expect(graph.byJurisdiction(ordered).flatMap(\.assignments) == ordered)
        }
    }

    @Test("Examples sorted by their duties' ids as Strings compare them, by bytes when every id is short ASCII",
          arguments: [
              ["b.2", "a", "a.1", "A", "a1", "p01.sct.qlxd.12", "p01.sct.qlxd.1", "0123456789abcdef", "0123456789abcde"],
              ["p01.sct.16-bytes", "p01.sct.17-bytes!", "p01.sct.16-bytez", "p01"],  // one longer than 16 bytes
              // Longer than 16 bytes, equal in their first 16: ordered by the rest, then by length.
              ["p135.sdttg.ttdb.12", "p135.sdttg.ttdb.2", "p135.sdttg.ttdb.1", "p135.sdttg.ttdb.", "p135.sdttg.ttdb.10a",
               "p135.sdttg.ttdb.1.1", "p135.sdttg.ttda.9", "p135.sdttg.ttdb.10"],
              ["sở.1", "so.2", "sơ.3", "s.4"],  // not ASCII
              // Enough to be keyed on every core in chunks: ids that differ after their first 16 bytes, out of order.
              (0..<6_000).map { "p\(($0 * 7_919) % 50).sct.qlxd.ttdb.\(($0 * 31) % 997)" + String(repeating: "x", count: $0 % 3) },
          ])
    func examplesByID(ids: [String]) {
        let unit = Self.unit("u", .department, duties: ids.map { ($0, "M.1", .lead) })
        let graph = DutyGraph(chart: OrgChart(id: "e", name: "E", units: [unit],
                                              mandates: [Mandate(id: "M.1", text: "m", catalog: "g", location: Self.here)]))
        // Every duty twice, with two mandates: ties keep their order.
        let examples = (0..<ids.count).flatMap { [(duty: $0, mandate: 1), (duty: $0, mandate: 0)] }
        let sorted = TextAnalysis.sortedByID(examples, graph: graph)
        let expected = examples.indices.sorted { (ids[examples[$0].duty], $0) < (ids[examples[$1].duty], $1) }.map { examples[$0] }
        #expect(sorted.map(\.duty) == expected.map(\.duty) && sorted.map(\.mandate) == expected.map(\.mandate))
    }

    @Test("Parents, children in document order, roots, depth")
    func tree() {
        let graph = DutyGraph(chart: Self.chart)
        let id = { (position: Int) in graph.unit(position).id.rawValue }
        #expect(graph.roots.map(id) == ["ubnd", "other"])
        #expect(graph.children[graph.index["stc"]!].map(id) == ["stc.ns", "stc.dt"])
        #expect(graph.parent[graph.index["snv.tcbc"]!].map(id) == "snv")
        #expect(graph.depth[graph.index["snv.tcbc"]!] == 2)
        #expect(graph.descendants(of: graph.index["ubnd"]!).map(id) == ["snv", "snv.tcbc", "stc", "stc.ns", "stc.dt", "xa"])
    }

    @Test("Containment agrees with walking up the parents, for every pair")
    func containment() {
        let graph = DutyGraph(chart: Self.chart)
        let count = Self.chart.units.count
        for a in 0..<count {
            for b in 0..<count {
                var walker: Int? = b
                var expected = false
                while let current = walker {
                    if current == a { expected = true }
                    walker = graph.parent[current]
                }
                #expect(graph.contains(a, b) == expected, "\(graph.unit(a).id) contains \(graph.unit(b).id)")
            }
        }
        #expect(graph.areNested(graph.index["snv.tcbc"]!, graph.index["ubnd"]!))
        #expect(!graph.areNested(graph.index["snv"]!, graph.index["stc"]!))
    }

    @Test("Levels inherit from the nearest ancestor; commune kind implies commune level")
    func levels() {
        let graph = DutyGraph(chart: Self.chart)
        let level = { (id: String) in graph.level[graph.index[UnitID(id)]!] }
        #expect(level("snv.tcbc") == .province)
        #expect(level("xa") == .commune)
        #expect(level("other") == nil)
    }

    @Test("Units by mandate, with their role")
    func carriers() {
        let graph = DutyGraph(chart: Self.chart)
        let carriers = graph.carriers["M.1"] ?? []
        #expect(carriers.map { graph.unit($0.unit).id } == ["snv", "snv.tcbc", "stc"])
        #expect(carriers.map(\.role) == [.lead, .lead, .support])
    }

    @Test("Staffing totals count each person once: a unit's figures cover its sub-units")
    func staffingTotals() {
        let totals = DutyGraph(chart: Self.chart).staffingTotals()
        #expect(totals[.civilServant] == StaffingTotal(units: 2, quota: 105, actual: 95))
        #expect(totals[.publicEmployee] == StaffingTotal(units: 1, quota: 20, actual: 25))
        #expect(totals[.contract] == StaffingTotal(units: 1, quota: 2, actual: 1))
        #expect(totals[.other] == nil)
    }

    @Test("Staffing totals in one walk equal one walk per category, stopping at units that record it")
    func staffingTotalsOneWalk() {
        var random = SplitMix(seed: 20)
        for _ in 0..<40 {
            let count = Int(random.next() % 60) + 1
            let units = (0..<count).map { position -> Unit in
                // A parent earlier or later in the file (or none), up to three figures (a category may repeat).
                let parent = random.next() % 4 == 0 || count == 1 ? nil : "u\(Int(random.next() % UInt64(count)))"
                let figures = (0..<Int(random.next() % 4)).map { _ in
                    (StaffCategory.allCases[Int(random.next() % UInt64(StaffCategory.allCases.count))],
                     Int(random.next() % 50), Int(random.next() % 50))
                }
                return Self.unit("u\(position)", .other, parent: parent == "u\(position)" ? nil : parent, staffing: figures)
            }
            let graph = DutyGraph(chart: OrgChart(id: "r", name: "R", units: units))
            var expected: [StaffCategory: StaffingTotal] = [:]
            for category in StaffCategory.allCases {
                var total = StaffingTotal()
                var stack = graph.roots.reversed() as [Int]
                while let next = stack.popLast() {
                    if let figures = graph.unit(next).staffing.first(where: { $0.category == category }) {
                        total.units += 1
                        total.quota += figures.quota ?? 0
                        total.actual += figures.actual ?? 0
                    } else {
                        stack.append(contentsOf: graph.children[next].reversed())
                    }
                }
                if total.units > 0 { expected[category] = total }
            }
            #expect(graph.staffingTotals() == expected)
        }
    }

    @Test("The topmost units of a set are those no other unit of the set contains, on random trees")
    func topmostUnits() {
        var random = SplitMix(seed: 21)
        for _ in 0..<60 {
            let count = Int(random.next() % 40) + 1
            // Parents earlier in the file, so that every chart is a forest.
            let units = (0..<count).map { position -> Unit in
                let parent = position == 0 || random.next() % 5 == 0 ? nil : "u\(Int(random.next() % UInt64(position)))"
                return Self.unit("u\(position)", .other, parent: parent)
            }
            let graph = DutyGraph(chart: OrgChart(id: "r", name: "R", units: units))
            for _ in 0..<10 {
                let set = Set((0..<count).filter { _ in random.next() % 3 == 0 })
                let expected = set.filter { unit in !set.contains { $0 != unit && graph.contains($0, unit) } }.sorted()
                #expect(graph.topmost(set) == expected)
            }
        }
        #expect(DutyGraph(chart: Self.chart).topmost([]) == [])
    }

    @Test("Duties citing a mandate are counted with the cited set")
    func citing() {
        let graph = DutyGraph(chart: Self.chart)
        #expect(graph.dutiesCitingMandate == 3)
        #expect(graph.citedMandates == ["M.1"])
        #expect(ChartSummary(graph: graph).dutiesWithMandate == 3)
        #expect(ChartSummary(graph: graph).duties == 3)
    }

    @Test("A deep chain of parents (a flat export) builds without recursion")
    func deepChain() {
        let units = (0..<20_000).map { Self.unit("u\($0)", .other, parent: $0 == 0 ? nil : "u\($0 - 1)") }
        let graph = DutyGraph(chart: OrgChart(id: "d", name: "D", units: units))
        #expect(graph.depth.last == 19_999)
        #expect(graph.contains(0, 19_999))
        #expect(!graph.contains(19_999, 0))
    }
}

/// A small seeded generator (SplitMix64), so that random charts and texts are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
