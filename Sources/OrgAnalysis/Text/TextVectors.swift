import Foundation

/// Duty and mandate texts as weighted feature vectors, ready to be compared.
///
/// Features are syllable unigrams and bigrams, in two spaces: the marked keys (tone-placement
/// independent) and the plain keys (no marks). Weights are inverse document frequency over the whole
/// corpus (every duty of the chart and every mandate), zero inside stop phrases; vectors have unit
/// length so that a dot product is a cosine.
public struct TextVectors: Sendable {
    /// One text's vectors.
    public struct Entry: Sendable {
        /// Marked-space features (ids ascending) and their weights.
        public var marked: SparseVector
        /// Plain-space features.
        public var plain: SparseVector
        /// Typed without diacritics: compare it in the plain space.
        public var unmarked: Bool
        /// The catch-all duty: never compared.
        public var catchAll: Bool
        /// About the unit's own housekeeping ("... của Sở"): never compared for overlap.
        public var selfAdministration: Bool
        /// The syllable count (short texts are less reliable).
        public var length: Int
    }

    /// Per text, in the order given.
    public let entries: [Entry]
    /// How many texts each feature occurs in.
    public let documentFrequency: [Int32]
    /// Number of distinct features.
    public var featureCount: Int { documentFrequency.count }

    /// Builds the vectors of `texts`.
    public init(texts: [String], stopPhrases: [String] = StopPhrases.shipped) {
        var vocabulary = Vocabulary()
        let stops = StopPhraseMatcher(phrases: stopPhrases)
        var raw: [(marked: [Int32], plain: [Int32], unmarked: Bool, catchAll: Bool, own: Bool, length: Int)] = []
        raw.reserveCapacity(texts.count)
        // Words repeat across a chart: each distinct word is normalised and interned once.
        var cache: [String: [(syllable: VietnameseText.Syllable, key: Int32, plain: Int32)]] = [:]
        for text in texts {
            var syllables: [VietnameseText.Syllable] = []
            var markedIDs: [Int32] = [], plainIDs: [Int32] = []
            VietnameseText.forEachWord(text) { word in
                let tokens: [(syllable: VietnameseText.Syllable, key: Int32, plain: Int32)]
                if let hit = cache[word] {
                    tokens = hit
                } else {
                    tokens = VietnameseText.syllables(ofWord: word).map {
                        ($0, vocabulary.syllable($0.key), vocabulary.syllable("~" + $0.plain))
                    }
                    cache[word] = tokens
                }
                for token in tokens {
                    syllables.append(token.syllable)
                    markedIDs.append(token.key)
                    plainIDs.append(token.plain)
                }
            }
            let stopped = stops.mask(syllables)
            let catchAll = CatchAllDuty.matches(syllables)
            raw.append((vocabulary.features(markedIDs, stopped: stopped), vocabulary.features(plainIDs, stopped: stopped),
                        VietnameseText.isUnmarked(syllables), catchAll, SelfAdministrationDuty.matches(syllables),
                        syllables.count))
        }
        var frequency = [Int32](repeating: 0, count: vocabulary.featureCount)
        for entry in raw {
            for feature in entry.marked { frequency[Int(feature)] += 1 }
            for feature in entry.plain { frequency[Int(feature)] += 1 }
        }
        let count = Double(max(texts.count, 1))
        // Bigrams at half weight: they reward shared word order without letting a shared two-word frame
        // ("kiểm tra việc") outweigh the subject (measured: scripts/eval-similarity).
        var idf = frequency.map { Float(log(1 + count / Double(max($0, 1)))) }
        for (id, isBigram) in vocabulary.bigramFlags.enumerated() where isBigram { idf[id] *= 0.5 }
        entries = raw.map { entry in
            Entry(marked: SparseVector(features: entry.marked, idf: idf), plain: SparseVector(features: entry.plain, idf: idf),
                  unmarked: entry.unmarked, catchAll: entry.catchAll, selfAdministration: entry.own, length: entry.length)
        }
        documentFrequency = frequency
    }

    /// The cosine of texts `a` and `b`: in the plain space when either was typed without marks.
    public func similarity(_ a: Int, _ b: Int) -> Double {
        let left = entries[a], right = entries[b]
        if left.unmarked || right.unmarked { return Double(left.plain.dot(right.plain)) }
        return Double(left.marked.dot(right.marked))
    }
}

/// A sparse vector of unit length: feature ids ascending, with weights.
public struct SparseVector: Sendable {
    /// Feature ids, ascending.
    public var features: [Int32]
    /// Weights, L2-normalised.
    public var weights: [Float]

    /// Weights a feature set by `idf` and normalises it.
    init(features: [Int32], idf: [Float]) {
        let sorted = features.sorted()
        var weights = sorted.map { idf[Int($0)] }
        let norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { weights = weights.map { $0 / norm } }
        self.features = sorted
        self.weights = weights
    }

    /// A vector from summed weights, keeping the `keep` heaviest features, normalised.
    init(weights sums: [Int32: Float], keep: Int) {
        let kept = sums.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(keep).sorted { $0.key < $1.key }
        let norm = kept.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
        features = kept.map(\.key)
        weights = kept.map { norm > 0 ? $0.value / norm : 0 }
    }

    /// The dot product (a merge of the two sorted lists).
    public func dot(_ other: SparseVector) -> Float {
        var i = 0, j = 0, sum: Float = 0
        while i < features.count, j < other.features.count {
            let a = features[i], b = other.features[j]
            if a == b {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// True when no feature has weight.
    public var isEmpty: Bool { weights.allSatisfy { $0 == 0 } }
}

/// Interns syllables and features as dense ids.
struct Vocabulary {
    private var syllables: [String: Int32] = [:]
    private var features: [UInt64: Int32] = [:]
    private(set) var bigramFlags: [Bool] = []

    var featureCount: Int { features.count }

    mutating func syllable(_ key: String) -> Int32 {
        if let id = syllables[key] { return id }
        let id = Int32(syllables.count)
        syllables[key] = id
        return id
    }

    /// Unigrams and bigrams of a syllable sequence, skipping stop positions; distinct ids.
    mutating func features(_ ids: [Int32], stopped: [Bool]) -> [Int32] {
        var result = Set<Int32>()
        for index in ids.indices where !stopped[index] {
            result.insert(feature(UInt64(UInt32(bitPattern: ids[index]))))
            if index + 1 < ids.count, !stopped[index + 1] {
                let pair = (UInt64(UInt32(bitPattern: ids[index])) << 32) | UInt64(UInt32(bitPattern: ids[index + 1]))
                result.insert(feature(pair | (1 << 63)))
            }
        }
        return Array(result)
    }

    private mutating func feature(_ key: UInt64) -> Int32 {
        if let id = features[key] { return id }
        let id = Int32(features.count)
        features[key] = id
        bigramFlags.append(key & (1 << 63) != 0)
        return id
    }
}

/// Finds stop phrases in a syllable sequence (matched on plain keys, longest first).
struct StopPhraseMatcher {
    /// Phrases by their first word, longest first.
    private let byFirstWord: [String: [[String]]]

    init(phrases: [String]) {
        let list = phrases.map { VietnameseText.syllables($0).map(\.plain) }
            .filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
        byFirstWord = Dictionary(grouping: list, by: { $0[0] })
    }

    func mask(_ syllables: [VietnameseText.Syllable]) -> [Bool] {
        let words = syllables.map(\.plain)
        var mask = [Bool](repeating: false, count: words.count)
        var index = 0
        while index < words.count {
            var matched = 0
            for phrase in byFirstWord[words[index]] ?? [] where phrase.count <= words.count - index {
                if words[index..<index + phrase.count].elementsEqual(phrase) {
                    matched = phrase.count
                    break
                }
            }
            if matched > 0 {
                for position in index..<index + matched { mask[position] = true }
                index += matched
            } else {
                index += 1
            }
        }
        return mask
    }
}
