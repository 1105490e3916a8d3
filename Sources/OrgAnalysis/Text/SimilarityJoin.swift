import Dispatch
import Foundation

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
    /// Kept in 16 bytes (the texts' indices as 32-bit numbers): a national chart's join gives a million.
    public struct Pair: Hashable, Sendable, Comparable {
        private var storedA: Int32
        private var storedB: Int32
        /// Their cosine.
        public var score: Double

        /// The earlier text.
        public var a: Int {
            get { Int(storedA) }
            set { storedA = Int32(newValue) }
        }

        /// The later text.
        public var b: Int {
            get { Int(storedB) }
            set { storedB = Int32(newValue) }
        }

        /// Texts `a` and `b` with cosine `score`.
        public init(a: Int, b: Int, score: Double) {
            storedA = Int32(a)
            storedB = Int32(b)
            self.score = score
        }

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
        /// True when the workers together verified more than the join's `maxCandidates` and stopped: the pairs are
        /// then incomplete and must not be reported.
        public var exceeded = false
    }

    /// The vectors.
    public let vectors: TextVectors
    /// The cosine a pair must reach.
    public let threshold: Double
    /// Candidate pairs the workers together may verify before the join stops (see ``Statistics/exceeded``).
    public let maxCandidates: Int

    /// A join over `vectors`.
    public init(vectors: TextVectors, threshold: Double, maxCandidates: Int = .max) {
        self.vectors = vectors
        self.threshold = threshold
        self.maxCandidates = maxCandidates
    }

    /// Every qualifying pair among the texts of each group, sorted. Catch-all and self-administration
    /// texts take no part.
    public func pairs(groups: [[Int]], mode: Mode = .prefixFilter) -> (pairs: [Pair], statistics: Statistics) {
        // One worker per core, each with one set of scratch arrays, takes the next group not yet taken,
        // largest first (dealt out beforehand by size, a worker was left alone with a quarter of a
        // national chart's join: a group's work is not its size squared). Each worker writes only its
        // own slot, and the pairs are sorted at the end, so the output is the same on one core or many.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, groups.count))
        let queue = groups.indices.sorted(by: { (groups[$0].count, $1) > (groups[$1].count, $0) })
        let taker = GroupTaker()
        // The global rarest-first order every prefix is taken in: by document frequency, then id.
        var keyed = vectors.documentFrequency.enumerated().map { UInt64(UInt32(bitPattern: $0.element)) << 32 | UInt64($0.offset) }
        keyed.sort()
        var order = [Int32](repeating: 0, count: keyed.count)
        for (position, key) in keyed.enumerated() { order[Int(key & 0xFFFF_FFFF)] = Int32(position) }
        let rank = order
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<([Pair], Statistics)>.allocate(capacity: workers)
        results.initialize(repeating: ([], Statistics()))
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var scratch = Scratch(featureCount: vectors.featureCount)
            var found: [Pair] = []
            var statistics = Statistics()
            while let next = taker.take(below: queue.count) {
                let members = groups[queue[next]].filter { !vectors.isExcludedFromOverlap($0) }
                let part = mode == .bruteForce ? bruteForce(members, into: &found) : prefixFiltered(members, rank: rank, scratch: &scratch, into: &found)
                statistics.allPairs += part.allPairs
                statistics.candidates += part.candidates
                // Past the limit on all workers' candidates together, every worker stops.
                if part.exceeded || taker.verified(part.candidates) > maxCandidates {
                    statistics.exceeded = true
                    taker.stop()
                }
            }
            statistics.matches = found.count
            results[worker] = (found, statistics)
        }
        // Each worker's pairs released once copied (grown by doubling and never released, a national chart's
        // stayed until the process ended).
        var all: [Pair] = []
        all.reserveCapacity(results.reduce(0) { $0 + $1.0.count })
        var statistics = Statistics()
        for worker in results.indices {
            let part = results[worker].1
            all.append(contentsOf: results[worker].0)
            results[worker].0 = []
            statistics.allPairs += part.allPairs
            statistics.candidates += part.candidates
            statistics.matches += part.matches
            statistics.exceeded = statistics.exceeded || part.exceeded
        }
        all.sort()
        return (all, statistics)
    }

    private func bruteForce(_ members: [Int], into pairs: inout [Pair]) -> Statistics {
        let n = members.count
        guard n * (n - 1) / 2 <= maxCandidates else {
            return Statistics(allPairs: n * (n - 1) / 2, candidates: 0, matches: 0, exceeded: true)
        }
        for (position, a) in members.enumerated() {
            for b in members[(position + 1)...] {
                let score = vectors.similarity(a, b)
                if score >= threshold { pairs.append(Pair(a: min(a, b), b: max(a, b), score: score)) }
            }
        }
        return Statistics(allPairs: n * (n - 1) / 2, candidates: n * (n - 1) / 2, matches: 0)
    }

    /// Two passes: the marked space for every text, then the plain space for pairs that involve a text
    /// typed without marks (the only pairs compared there). The two passes see disjoint pairs (the marked
    /// pass leaves unmarked texts out; the plain pass keeps only pairs with an unmarked text), and each
    /// pass reports a pair once: no de-duplication needed.
    private func prefixFiltered(_ members: [Int], rank: [Int32], scratch: inout Scratch, into pairs: inout [Pair]) -> Statistics {
        var statistics = Statistics()
        let n = members.count
        statistics.allPairs = n * (n - 1) / 2
        let marked = members.filter { !vectors.isUnmarked($0) }
        join(GroupVectors(vectors, marked, plain: false, rank: rank), probeOnly: false, scratch: &scratch, statistics: &statistics,
             into: &pairs)
        if !statistics.exceeded, members.contains(where: { vectors.isUnmarked($0) }) {
            join(GroupVectors(vectors, members, plain: true, rank: rank), probeOnly: true, scratch: &scratch, statistics: &statistics,
                 into: &pairs)
        }
        return statistics
    }

    /// One worker's arrays over all features, kept zeroed between uses.
    private struct Scratch {
        /// Feature → first posting (-1 for none); postings are chained.
        var head: [Int32]
        /// The current vector's weights, spread over all features.
        var dense: [Float]
        /// Per feature, its largest weight in the group.
        var maxWeight: [Float]
        /// Per slot of the current vector (rarest first), the bound of what its features from that slot
        /// on can add to a dot product: the sum of weight × the feature's largest weight in the group.
        var suffixBound: [Float] = []

        init(featureCount: Int) {
            head = [Int32](repeating: -1, count: featureCount)
            dense = [Float](repeating: 0, count: featureCount)
            maxWeight = [Float](repeating: 0, count: featureCount)
        }
    }

    /// A group's vectors in one space: ascending features with weights (the order scores are summed in,
    /// as ``TextVectors/similarity(_:_:)`` sums them), and the same features rarest first (the order
    /// prefixes are taken in).
    private struct GroupVectors {
        var members: [Int]
        var start: [Int] = [0]
        var ascending: [Int32] = [], ascendingWeights: [Float] = []
        var rarest: [Int32] = [], rarestWeights: [Float] = []
        var unmarked: [Bool] = []

        /// `rank` orders features rarest first (by document frequency, then id).
        init(_ vectors: TextVectors, _ members: [Int], plain: Bool, rank: [Int32]) {
            self.members = members
            var order: [UInt64] = []
            for member in members {
                let first = ascending.count
                vectors.forEachFeature(member, plain: plain) { feature, weight in
                    ascending.append(feature)
                    ascendingWeights.append(weight)
                }
                // Rank in the high half, position in the low half: a plain integer sort.
                order.removeAll(keepingCapacity: true)
                for position in first..<ascending.count {
                    order.append(UInt64(UInt32(bitPattern: rank[Int(ascending[position])])) << 32 | UInt64(position))
                }
                order.sort()
                for key in order {
                    let position = Int(key & 0xFFFF_FFFF)
                    rarest.append(ascending[position])
                    rarestWeights.append(ascendingWeights[position])
                }
                start.append(ascending.count)
                unmarked.append(vectors.isUnmarked(member))
            }
        }
    }

    /// The prefix-filter join of one group in one space. With `probeOnly`, a pair is kept only when at
    /// least one side was typed without marks.
    ///
    /// Each vector indexes its prefix with the weights; probing accumulates, per earlier vector, the dot
    /// product over that vector's prefix. Two bounds, both exact, spare most verifications: a candidate
    /// first met where the probing vector's remaining norm is below the threshold cannot qualify (every
    /// feature the two share comes later in the global rarest-first order), and one whose accumulated
    /// score plus the bound of its unindexed remainder is below the threshold cannot either. A remainder's
    /// bound is the tighter of its norm (Cauchy–Schwarz) and the sum of its weights times each feature's
    /// largest weight in the group (the AllPairs bound).
    private func join(_ group: GroupVectors, probeOnly: Bool, scratch: inout Scratch, statistics: inout Statistics,
                      into pairs: inout [Pair]) {
        let limit = Float(threshold)
        // Float sums differ in the last bits from the exact ones: bounds are loosened by this much.
        let slack: Float = 1e-5
        let n = group.members.count
        var postingPosition: [Int32] = [], postingWeight: [Float] = [], postingNext: [Int32] = []
        var indexedFeatures: [Int32] = []
        var accumulated = [Float](repeating: 0, count: n)
        var unindexedNorm = [Float](repeating: 0, count: n)
        var seen = [Int32](repeating: -1, count: n)
        var touched: [Int32] = []
        for slot in group.rarest.indices {
            let feature = Int(group.rarest[slot])
            scratch.maxWeight[feature] = max(scratch.maxWeight[feature], group.rarestWeights[slot])
        }
        defer { for feature in group.rarest { scratch.maxWeight[Int(feature)] = 0 } }
        positions: for position in 0..<n {
            let range = group.start[position]..<group.start[position + 1]
            guard !range.isEmpty else { continue }
            var remaining = range.reduce(Float(0)) { $0 + group.rarestWeights[$1] * group.rarestWeights[$1] }
            let total = remaining
            // The bound of what this vector's features from each slot on can add to any dot product.
            scratch.suffixBound.removeAll(keepingCapacity: true)
            scratch.suffixBound.append(contentsOf: repeatElement(0, count: range.count + 1))
            for slot in range.reversed() {
                scratch.suffixBound[slot - range.lowerBound] = scratch.suffixBound[slot - range.lowerBound + 1]
                    + group.rarestWeights[slot] * scratch.maxWeight[Int(group.rarest[slot])]
            }
            touched.removeAll(keepingCapacity: true)
            for slot in range {
                let weight = group.rarestWeights[slot]
                let admitsNew = min(remaining.squareRoot(), scratch.suffixBound[slot - range.lowerBound]) >= limit - slack
                var posting = scratch.head[Int(group.rarest[slot])]
                while posting >= 0 {
                    let other = Int(postingPosition[Int(posting)])
                    if seen[other] != Int32(position) {
                        if admitsNew {
                            seen[other] = Int32(position)
                            touched.append(Int32(other))
                            accumulated[other] = weight * postingWeight[Int(posting)]
                        }
                    } else {
                        accumulated[other] += weight * postingWeight[Int(posting)]
                    }
                    posting = postingNext[Int(posting)]
                }
                remaining -= weight * weight
            }
            if !touched.isEmpty {
                for slot in range { scratch.dense[Int(group.ascending[slot])] = group.ascendingWeights[slot] }
                for touchedPosition in touched {
                    let other = Int(touchedPosition)
                    if probeOnly, !group.unmarked[position], !group.unmarked[other] { continue }
                    guard accumulated[other] + unindexedNorm[other] >= limit - slack else { continue }
                    statistics.candidates += 1
                    if statistics.candidates > maxCandidates {
                        statistics.exceeded = true
                        for slot in range { scratch.dense[Int(group.ascending[slot])] = 0 }
                        break positions
                    }
                    var score: Float = 0
                    for slot in group.start[other]..<group.start[other + 1] {
                        score += scratch.dense[Int(group.ascending[slot])] * group.ascendingWeights[slot]
                    }
                    if score >= limit {
                        let a = group.members[other], b = group.members[position]
                        pairs.append(Pair(a: min(a, b), b: max(a, b), score: Double(score)))
                    }
                }
                for slot in range { scratch.dense[Int(group.ascending[slot])] = 0 }
            }
            // Index the prefix: the rarest features until what is left could no longer reach the threshold,
            // by either bound: its norm (Cauchy–Schwarz), or its weights times the group's largest weights.
            var rest = total
            var firstUnindexed = range.upperBound
            for slot in range {
                if min(rest.squareRoot(), scratch.suffixBound[slot - range.lowerBound]) < limit - slack {
                    firstUnindexed = slot
                    break
                }
                let feature = Int(group.rarest[slot])
                if scratch.head[feature] < 0 { indexedFeatures.append(Int32(feature)) }
                postingPosition.append(Int32(position))
                postingWeight.append(group.rarestWeights[slot])
                postingNext.append(scratch.head[feature])
                scratch.head[feature] = Int32(postingPosition.count - 1)
                rest -= group.rarestWeights[slot] * group.rarestWeights[slot]
            }
            // What the unindexed remainder can add to any dot product, by the tighter of the two bounds.
            unindexedNorm[position] = min(max(rest, 0).squareRoot(), scratch.suffixBound[firstUnindexed - range.lowerBound])
        }
        for feature in indexedFeatures { scratch.head[Int(feature)] = -1 }
    }
}

/// Hands out the groups of a join one at a time to its workers, and adds up the candidates they verify.
private final class GroupTaker: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0, candidates = 0
    private var stopped = false

    /// The position of the next group to join, or nil when every group below `count` is taken or the join stopped.
    func take(below count: Int) -> Int? {
        lock.withLock {
            guard !stopped, next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Adds a group's verified candidates and returns the total so far.
    func verified(_ count: Int) -> Int {
        lock.withLock {
            candidates += count
            return candidates
        }
    }

    /// No group is handed out any more.
    func stop() { lock.withLock { stopped = true } }
}
