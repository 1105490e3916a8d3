import Foundation
import OrgAnalysis
import Testing

/// Vectors kept for some texts only (the overlap score keeps its candidates' objects), and texts read
/// through a reader of each worker's own.
@Suite("Text vectors kept for some texts")
struct TextVectorsKeepingTests {
    static let texts = SimilarityJoinTests.texts(count: 400, seed: 11) + [
        "Quan ly nha nuoc ve gia tren dia ban tinh", "Quản lý nhà nước về giá trên địa bàn tỉnh",
        "Thực hiện các nhiệm vụ khác do Giám đốc Sở giao",
    ]

    @Test("A kept text's vector and scores are the full build's to the last bit; the others are empty", arguments: [1, 3])
    func keptMatchesFull(workers: Int) {
        let texts = Self.texts
        let full = TextVectors(texts: texts, workers: workers)
        let kept = TextVectors(count: texts.count, text: { texts[$0] }, workers: workers, keeping: { $0 % 3 != 1 })
        // Every text still counts in the frequencies, so every weight is the same.
        #expect(kept.documentFrequency == full.documentFrequency)
        #expect(kept.featureCount == full.featureCount)
        let keptIndices = texts.indices.filter { $0 % 3 != 1 }
        for index in texts.indices {
            #expect(kept.info(index) == full.info(index))
            for plain in [false, true] {
                let (a, b) = (kept.vector(index, plain: plain), full.vector(index, plain: plain))
                if index % 3 == 1 {
                    #expect(a.features.isEmpty, "text \(index) is not kept")
                } else {
                    #expect(a.features == b.features && a.weights == b.weights)
                }
            }
        }
        // Both the marked path and the plain one (the unmarked text 400 against its marked twin 401).
        #expect(kept.isUnmarked(400) && !kept.isUnmarked(401))
        for a in keptIndices where a % 7 == 0 || a >= 400 {
            for b in keptIndices where b > a {
                #expect(kept.similarity(a, b).bitPattern == full.similarity(a, b).bitPattern)
            }
        }
        #expect(full.similarity(400, 401) > 0.9)
        #expect(kept.similarity(1, 0) == 0)
    }

    @Test("Each worker reads through a reader of its own, and the vectors are those of the texts read", arguments: [1, 2, 5])
    func readerPerWorker(workers: Int) {
        let texts = Self.texts
        let made = Counter()
        let vectors = TextVectors(count: texts.count, reader: {
            made.increment()
            var calls = 0  // a reader's own state, as the object reader's scratch
            return { index in
                calls += 1
                return texts[index]
            }
        }, workers: workers)
        #expect(made.value == workers)
        let plain = TextVectors(texts: texts, workers: workers)
        #expect(vectors.documentFrequency == plain.documentFrequency)
        for index in stride(from: 0, to: texts.count, by: 13) {
            let (a, b) = (vectors.vector(index, plain: false), plain.vector(index, plain: false))
            #expect(a.features == b.features && a.weights == b.weights)
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }
}
