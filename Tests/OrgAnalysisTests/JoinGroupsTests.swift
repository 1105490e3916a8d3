@testable import OrgAnalysis
import OrgModel
import Testing

/// The similarity join compares duties within one jurisdiction and level of government.
@Suite("Join groups")
struct JoinGroupsTests {
    @Test("Each jurisdiction and level's duties in duty order, groups by jurisdiction then level by name (none first)")
    func groupsAsADictionaryMakesThem() throws {
        var levels: Set<GovernmentLevel> = []
        for graph in [DutyGraph(chart: try EvaluationTests.sample()), try RepeatedTextTests.analyze().graph] {
            var expected: [[Int]: [Int]] = [:]  // [jurisdiction, level name's rank] -> duties
            let names = ["", "central", "commune", "district", "province"]
            for (index, reference) in graph.duties.enumerated() {
                let key = [graph.jurisdiction[reference.unit], names.firstIndex(of: graph.level[reference.unit]?.rawValue ?? "")!]
                expected[key, default: []].append(index)
            }
            let ordered = expected.keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { expected[$0]! }
            levels.formUnion(graph.level.compactMap { $0 })
            #expect(TextAnalysis.joinGroups(graph) == ordered)
        }
        #expect(levels.count > 1)
    }
}
