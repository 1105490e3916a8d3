import Foundation
@testable import OrgAnalysis
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

    /// Texts repeated word for word (as a chart repeats its standard duties), among them a decomposed copy
    /// and an unmarked one, so that the memo replays features, plain sets and flags.
    static let repeated: [String] = {
        let base = SimilarityJoinTests.texts(count: 60, seed: 5) + [
            "Thực hiện các nhiệm vụ khác do Giám đốc Sở giao", "Quan ly nha nuoc ve gia tren dia ban tinh",
            "Quản lý văn thư, lưu trữ của Sở", "Quản lý nhà nước về giá".decomposedStringWithCanonicalMapping,
        ]
        var state: UInt64 = 17
        return (0..<500).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return base[Int(state >> 33) % base.count]
        }
    }()

    /// The copies of `texts`, found on their bytes.
    static func copies(_ texts: [String], parts: Int? = nil,
                       hash: (UnsafeBufferPointer<UInt8>) -> UInt64 = TextCopies.hash) -> TextCopies {
        TextCopies(count: texts.count, parts: parts, hash: hash) { index, body in
            var text = texts[index]
            text.withUTF8 { body($0) }
        }
    }

    @Test("Copies of a text the worker read are replayed: the vectors are those read without it, to the last bit",
          arguments: [1, 2, 3])
    func copiesChangeNothing(workers: Int) {
        let texts = Self.repeated
        let copies = Self.copies(texts)
        let read = TextVectors(count: texts.count, text: { texts[$0] }, workers: workers)
        let replayed = TextVectors(count: texts.count, text: { texts[$0] }, workers: workers, copies: copies)
        #expect(Self.runs(replayed) == Self.runs(read))
        #expect(replayed.documentFrequency == read.documentFrequency && replayed.idf == read.idf)
        #expect(replayed.plainFeature == read.plainFeature && replayed.flags == read.flags)
        // Copies share a row: a row per distinct text (and the empty row), whichever worker read it, where
        // reading each text makes a row of its own.
        let distinct = Set(texts.map { Array($0.utf8) }).count
        #expect(read.offsets.count == texts.count + 2)
        #expect(replayed.offsets.count == distinct + 2)
        // Kept for some texts only: a replayed text not kept leaves its vector empty.
        let kept = TextVectors(count: texts.count, text: { texts[$0] }, workers: workers, keeping: { $0 % 2 == 0 }, copies: copies)
        let keptRead = TextVectors(count: texts.count, text: { texts[$0] }, workers: workers, keeping: { $0 % 2 == 0 })
        #expect(Self.runs(kept) == Self.runs(keptRead))
        #expect(kept.documentFrequency == keptRead.documentFrequency)
        // Only odd copies kept: their row is made at the first copy kept, not at the first copy read.
        let odd = TextVectors(count: texts.count, text: { texts[$0] }, workers: workers, keeping: { $0 % 2 == 1 }, copies: copies)
        let oddRead = TextVectors(count: texts.count, text: { texts[$0] }, workers: workers, keeping: { $0 % 2 == 1 })
        #expect(Self.runs(odd) == Self.runs(oddRead))
    }

    /// Each text's features and norms, as its row holds them.
    static func runs(_ vectors: TextVectors) -> [[Float]] {
        (0..<vectors.count).map { index in
            let row = Int(vectors.rows[index])
            let run = vectors.features[Int(vectors.offsets[row])..<Int(vectors.offsets[row + 1])].map { Float($0) }
            return run + [vectors.markedNorms[row], vectors.plainNorms[row]]
        }
    }

    @Test("A replayed copy is not read: each distinct text is read once, by one worker", arguments: [1, 2, 3])
    func copiesAreNotRead(workers: Int) {
        let texts = Self.repeated
        let reads = Counter()
        _ = TextVectors(count: texts.count, text: { index in
            reads.increment()
            return texts[index]
        }, workers: workers, copies: Self.copies(texts))
        #expect(reads.value == Set(texts.map { Array($0.utf8) }).count)
    }

    @Test("Each text names the first text with the same bytes, or none when no other repeats it")
    func firstCopies() {
        let texts = Self.repeated + ["", "", "a", "Thực hiện các nhiệm vụ khác do Giám đốc Sở giao x"]
        let copies = Self.copies(texts)
        for index in texts.indices {
            let same = texts.indices.filter { Array(texts[$0].utf8) == Array(texts[index].utf8) }
            #expect(copies.first[index] == (same.count > 1 ? Int32(same[0]) : -1), "text \(index)")
        }
        // A decomposed copy is not the same bytes, however equal Swift calls the two strings.
        let twins = Self.copies(["Quản lý giá", "Quản lý giá".decomposedStringWithCanonicalMapping])
        #expect(twins.first == [-1, -1])
        // Texts of every length up to three words of eight bytes, differing in one byte only.
        let lengths = (0..<40).flatMap { length in [String(repeating: "a", count: length), String(repeating: "a", count: length) + "b"] }
        #expect(Self.copies(lengths + lengths).first == (0..<160).map { Int32($0 % 80) })
        // Every text's hash the same, or only its length: the bytes alone tell copies apart.
        for hash in [{ (_: UnsafeBufferPointer<UInt8>) -> UInt64 in 42 }, { UInt64($0.count) }] {
            let collided = Self.copies(texts + lengths, parts: 2, hash: hash)
            #expect(collided.first == Self.copies(texts + lengths).first)
        }
    }

    @Test("Copies found on several cores are those found on one: the first text of the same bytes, or -1",
          arguments: [1, 2, 3, 8])
    func copiesInParts(parts: Int) {
        // 20,000 texts drawn from 3,000, so that most repeat and some stand alone.
        var state: UInt64 = 7
        let texts = (0..<20_000).map { _ -> String in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return "nhiệm vụ \(Int(state >> 33) % 3_000)"
        }
        var firstOf: [String: Int] = [:], seen: [String: Int] = [:]
        for (index, text) in texts.enumerated() {
            if firstOf[text] == nil { firstOf[text] = index }
            seen[text, default: 0] += 1
        }
        let expected = texts.map { seen[$0]! > 1 ? Int32(firstOf[$0]!) : -1 }
        #expect(expected.contains(-1) && expected.contains { $0 >= 0 })
        #expect(Self.copies(texts, parts: parts).first == expected)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }
}
