import Dispatch

/// All pairs of texts whose cosine reaches a threshold, without comparing all pairs.
///
/// The fast path is an exact prefix-filtered set-similarity join (the AllPairs family): features are
/// ordered rarest first; each vector indexes only its *prefix*, the shortest run of rare features whose
/// remainder has norm below the threshold. Two unit vectors that share no feature in the earlier one's
/// prefix have a cosine below the threshold (Cauchy–Schwarz on the remainder), so probing every feature
/// of each vector against the prefixes indexed before it finds every qualifying pair. Candidates are
/// then verified exactly. The brute-force mode compares all pairs of a group, for checking.
///
/// Texts are compared only within a group (one jurisdiction and level of government); groups run in
/// parallel and the result is sorted, so output is the same on one core or many.
public struct SimilarityJoin: Sendable {
    /// How pairs are found.
    public enum Mode: String, Sendable, CaseIterable {
        /// Prefix-filtered join.
        case prefixFilter = "prefix"
        /// Every pair of every group.
        case bruteForce = "brute-force"
    }

    /// One qualifying pair (`a < b`, indices into the texts).
    public struct Pair: Hashable, Sendable, Comparable {
        /// The earlier text.
        public var a: Int
        /// The later text.
        public var b: Int
        /// Their cosine.
        public var score: Double

        /// Ordered by (a, b).
        public static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.a, lhs.b) < (rhs.a, rhs.b) }
    }

    /// What the join did: for the benchmark and the recall check.
    public struct Statistics: Sendable {
        /// Pairs a brute-force join would compare.
        public var allPairs = 0
        /// Pairs the fast path verified.
        public var candidates = 0
        /// Pairs that qualified.
        public var matches = 0
    }

    /// The vectors.
    public let vectors: TextVectors
    /// The cosine a pair must reach.
    public let threshold: Double

    /// A join over `vectors`.
    public init(vectors: TextVectors, threshold: Double) {
        self.vectors = vectors
        self.threshold = threshold
    }

    /// Every qualifying pair among the texts of each group, sorted. Catch-all and self-administration
    /// texts take no part.
    public func pairs(groups: [[Int]], mode: Mode = .prefixFilter) -> (pairs: [Pair], statistics: Statistics) {
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<([Pair], Statistics)>.allocate(capacity: groups.count)
        results.initialize(repeating: ([], Statistics()))
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            let members = groups[index].filter { !vectors.entries[$0].catchAll && !vectors.entries[$0].selfAdministration }
            results[index] = mode == .bruteForce ? bruteForce(members) : prefixFiltered(members)
        }
        var all: [Pair] = []
        var statistics = Statistics()
        for (pairs, part) in results {
            all.append(contentsOf: pairs)
            statistics.allPairs += part.allPairs
            statistics.candidates += part.candidates
            statistics.matches += part.matches
        }
        all.sort()
        return (all, statistics)
    }

    private func bruteForce(_ members: [Int]) -> ([Pair], Statistics) {
        var pairs: [Pair] = []
        for (position, a) in members.enumerated() {
            for b in members[(position + 1)...] {
                let score = vectors.similarity(a, b)
                if score >= threshold { pairs.append(Pair(a: min(a, b), b: max(a, b), score: score)) }
            }
        }
        let n = members.count
        return (pairs, Statistics(allPairs: n * (n - 1) / 2, candidates: n * (n - 1) / 2, matches: pairs.count))
    }

    /// Two passes: the marked space for every text, then the plain space for pairs that involve a text
    /// typed without marks (the only pairs compared there).
    private func prefixFiltered(_ members: [Int]) -> ([Pair], Statistics) {
        var statistics = Statistics()
        let n = members.count
        statistics.allPairs = n * (n - 1) / 2
        // The two passes see disjoint pairs (the marked pass leaves unmarked texts out; the plain pass keeps
        // only pairs with an unmarked text), and each pass reports a pair once: no de-duplication needed.
        var pairs: [Pair] = []
        let marked = members.filter { !vectors.entries[$0].unmarked }
        join(marked, vector: { vectors.entries[$0].marked }, probeOnly: nil, statistics: &statistics) { a, b, score in
            pairs.append(Pair(a: min(a, b), b: max(a, b), score: score))
        }
        if members.contains(where: { vectors.entries[$0].unmarked }) {
            join(members, vector: { vectors.entries[$0].plain }, probeOnly: { vectors.entries[$0].unmarked },
                 statistics: &statistics) { a, b, _ in
                let score = vectors.similarity(a, b)
                if score >= threshold { pairs.append(Pair(a: min(a, b), b: max(a, b), score: score)) }
            }
        }
        statistics.matches = pairs.count
        return (pairs, statistics)
    }

    /// The prefix-filter join of `members` in one feature space. With `probeOnly`, a pair is kept only
    /// when at least one side satisfies it.
    private func join(_ members: [Int], vector: (Int) -> SparseVector, probeOnly: ((Int) -> Bool)?,
                      statistics: inout Statistics, emit: (Int, Int, Double) -> Void) {
        let frequency = vectors.documentFrequency
        let limit = Float(threshold)
        var index: [Int32: [Int32]] = [:]  // feature → positions in `members` whose prefix has it
        var seen = [Int32](repeating: -1, count: members.count)  // position → the position it was last counted for
        for (position, member) in members.enumerated() {
            let current = vector(member)
            guard !current.isEmpty else { continue }
            // Rarest first: the order every prefix is taken in.
            let order = current.features.indices.sorted {
                (frequency[Int(current.features[$0])], current.features[$0])
                    < (frequency[Int(current.features[$1])], current.features[$1])
            }
            for slot in order {
                for otherPosition in index[current.features[slot]] ?? [] where seen[Int(otherPosition)] != Int32(position) {
                    seen[Int(otherPosition)] = Int32(position)
                    let other = members[Int(otherPosition)]
                    if let probeOnly, !probeOnly(member), !probeOnly(other) { continue }
                    statistics.candidates += 1
                    let score = current.dot(vector(other))
                    if score >= limit { emit(other, member, Double(score)) }
                }
            }
            var remainder = current.weights.reduce(0) { $0 + $1 * $1 }
            for slot in order {
                if remainder.squareRoot() < limit { break }
                index[current.features[slot], default: []].append(Int32(position))
                remainder -= current.weights[slot] * current.weights[slot]
            }
        }
    }
}
