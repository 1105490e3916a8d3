@testable import OrgAnalysis
import Testing

/// A mandate's profile is the sum of its examples' weights in the order of the examples, whichever core
/// makes it and however the mandates are shared out among the cores.
@Suite("Mandate profiles")
struct ProfileTests {
    @Test("Each profile sums its own examples in their order, catch-all duties left out, for mandates of very uneven sizes")
    func profilesAreTheirExamplesSums() {
        let duties = SimilarityJoinTests.texts(count: 300, seed: 23) + ["Thực hiện các nhiệm vụ khác do Giám đốc Sở giao"]
        let mandateTexts = SimilarityJoinTests.texts(count: 20, seed: 29)
        let vectors = TextVectors(texts: duties + mandateTexts, workers: 2)
        let catchAll = duties.count - 1
        #expect(vectors.info(catchAll).catchAll)
        // Mandate 0 has half the examples, the other nineteen a few each, one of them the catch-all duty.
        let examples = duties.indices.map { duty in
            (duty: duty, mandate: duties.count + (duty < 150 ? 0 : duty % 19 + 1))
        }
        let inference = MandateInference(vectors: vectors, mandates: duties.count..<(duties.count + mandateTexts.count),
                                         examples: examples)
        #expect(inference.profiles.count == 20)
        for mandate in duties.count..<(duties.count + mandateTexts.count) {
            var sums: [Int32: Float] = [:]
            for example in examples where example.mandate == mandate && example.duty != catchAll {
                vectors.forEachFeature(example.duty, plain: vectors.isUnmarked(example.duty)) { feature, weight in
                    sums[feature, default: 0] += weight
                }
            }
            let expected = SparseVector(weights: sums, keep: 64)
            let made = inference.profiles[mandate]
            #expect(made?.features == expected.features, "mandate \(mandate - duties.count)")
            #expect(made?.weights.map(\.bitPattern) == expected.weights.map(\.bitPattern), "mandate \(mandate - duties.count)")
        }
    }
}
