import OrgModel
import Testing

@Suite("DistinctIDs collects exactly the ids inserted")
struct DistinctIDsTests {
    @Test("Against a Set, on streams that repeat ids, share slots and differ only in the middle")
    func matchesSet() {
        // Ids that agree on length and on their first and last eight bytes land in one slot: the table
        // must not take one for the other.
        let middle = (0..<40).map { MandateID("NV.prefix-\($0 % 10)\($0 / 10)-suffix.01") }
        let short = (0..<300).map { MandateID("M.\($0)") }
        let canonical = [MandateID("K"), MandateID("\u{212A}"), MandateID("\u{E9}"), MandateID("e\u{301}"), MandateID("")]
        let pool = middle + short + canonical
        var state: UInt64 = 20
        for round in 0..<20 {
            var collected = DistinctIDs<Mandate>()
            var expected = Set<MandateID>()
            for _ in 0..<(round * 500) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let id = pool[Int(state >> 33) % (round % 2 == 0 ? pool.count : 12)]
                collected.insert(id)
                expected.insert(id)
            }
            #expect(collected.ids == expected)
        }
        var both = DistinctIDs<Mandate>()
        for id in canonical { both.insert(id) }
        #expect(both.ids.count == 3)  // "K" ≡ KELVIN SIGN and é ≡ e + U+0301, as Swift compares strings
    }
}
