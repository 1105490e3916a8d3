@testable import OrgAnalysis
import Testing

@Suite("Sorting on two cores")
struct ParallelSortTests {
    @Test("A stable sort of two halves merged is the stable sort: ties keep their order, at every size around the cut-off",
          arguments: [0, 1, 7, 8191, 8192, 8193, 50_000])
    func sameAsStableSort(count: Int) {
        var state: UInt64 = UInt64(count) &+ 11
        // Few distinct keys: most elements tie with others, so a merge that broke ties the wrong way shows.
        let keys = (0..<count).map { _ -> Int in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % 97
        }
        let expected = (0..<count).sorted { keys[$0] < keys[$1] }
        let sorted = (0..<count).stablySorted { keys[$0] < keys[$1] }
        #expect(sorted == expected)
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) })
    }

    @Test("An array sorted in place on two cores is the stable sort of it: ties keep their order",
          arguments: [0, 1, 8191, 8192, 8193, 50_000])
    func arraySameAsStableSort(count: Int) {
        var state: UInt64 = UInt64(count) &+ 29
        var elements = (0..<count).map { position -> (key: Int, position: Int) in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Int(state >> 33) % 97, position)
        }
        let expected = elements.sorted { $0.key < $1.key }
        elements.stablySort { $0.key < $1.key }
        #expect(elements.map(\.position) == expected.map(\.position))
        #expect(zip(elements, elements.dropFirst()).allSatisfy { $0.key < $1.key || ($0.key == $1.key && $0.position < $1.position) })
    }
}
