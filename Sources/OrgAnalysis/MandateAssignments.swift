import Dispatch
import Foundation
import OrgModel

/// A duty's link to a mandate: written in the file, or inferred from the text with a score.
///
/// Kept in 32 bytes (a national chart has a million): the duty index as 32 bits, the score with
/// -infinity for "none".
public struct MandateAssignment: Hashable, Sendable {
    /// The mandate.
    public var mandate: MandateID
    private var storedScore: Double
    private var storedDuty: Int32
    /// The duty's role.
    public var role: DutyRole

    /// Index of the duty in `DutyGraph.duties`.
    public var duty: Int {
        get { Int(storedDuty) }
        set { storedDuty = Int32(newValue) }
    }

    /// The similarity score when inferred; nil when the file says so.
    public var inferredScore: Double? {
        get { storedScore == -.infinity ? nil : storedScore }
        set { storedScore = newValue ?? -.infinity }
    }

    /// The assignment of the duty at `duty` to `mandate`, inferred with `inferredScore` (nil: written in the file).
    public init(duty: Int, mandate: MandateID, role: DutyRole, inferredScore: Double?) {
        self.mandate = mandate
        storedScore = inferredScore ?? -.infinity
        storedDuty = Int32(duty)
        self.role = role
    }

    /// True when orgscope inferred it.
    public var isInferred: Bool { inferredScore != nil }

    /// True when it is written in the file, or inferred with at least `threshold`.
    public func isFirm(_ threshold: Double) -> Bool { (inferredScore ?? 1) >= threshold }
}

/// Infers a mandate for each duty that names none: the catalogue mandate whose text, or whose profile
/// learnt from the chart's annotated duties, is most similar to the duty's text, if that reaches the
/// threshold. Only mandates of the unit's own level of government
/// are considered (inference never invents a level mismatch), and an explicit `mandate` is never
/// overridden.
struct MandateInference: Sendable {
    let vectors: TextVectors
    /// The mandates' vector indices.
    let mandates: Range<Int>
    /// Per mandate (by vector index), its text's vectors in the marked and the plain space.
    let mandateVectors: [Int: (marked: SparseVector, plain: SparseVector)]
    /// Per mandate (by vector index), the centroid of the duties that cite it explicitly: what the
    /// chart's own annotated duties say that mandate looks like in practice. Pruned to its heaviest
    /// features.
    let profiles: [Int: SparseVector]

    /// Inference over `vectors`, whose texts `mandates` are the mandates, learning each mandate's profile
    /// from `examples` (duty vector index → mandate vector index) when given.
    init(vectors: TextVectors, mandates: Range<Int>, examples: [(duty: Int, mandate: Int)] = []) {
        self.vectors = vectors
        self.mandates = mandates
        var mandateVectors: [Int: (marked: SparseVector, plain: SparseVector)] = [:]
        for index in mandates { mandateVectors[index] = (vectors.vector(index, plain: false), vectors.vector(index, plain: true)) }
        self.mandateVectors = mandateVectors
        profiles = Self.profiles(vectors: vectors, examples: examples)
    }

    /// Each mandate's profile: the sum of its examples' weights, in the order of `examples`, pruned. The
    /// sums are made one mandate at a time in one dense array over the features (a dictionary of
    /// dictionaries cost a hash per feature of every example: 0.4 s on a national chart); each feature's
    /// weights are added in the same order, so the sums are the same to the last bit.
    private static func profiles(vectors: TextVectors, examples: [(duty: Int, mandate: Int)]) -> [Int: SparseVector] {
        // Each mandate's examples, in their order: counted, then placed (a dictionary of lists grew half a
        // million arrays' worth of appends on one core).
        let used = examples.filter { !vectors.info($0.duty).catchAll }
        guard let lowest = used.map(\.mandate).min(), let highest = used.map(\.mandate).max() else { return [:] }
        var start = [Int](repeating: 0, count: highest - lowest + 2)
        for example in used { start[example.mandate - lowest + 1] += 1 }
        for slot in 1..<start.count { start[slot] += start[slot - 1] }
        var next = start
        var duties = [Int](repeating: 0, count: used.count)
        for example in used {
            duties[next[example.mandate - lowest]] = example.duty
            next[example.mandate - lowest] += 1
        }
        let mandates = (lowest...highest).filter { start[$0 - lowest + 1] > start[$0 - lowest] }
        // The mandates shared out among the cores, each core with its own dense array: a profile depends on
        // its own examples only. Largest first, each to the core with the fewest examples so far (in turns,
        // the cores waited for the one given the largest mandates).
        let workers = mandates.count < 16 ? 1 : max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        var share = [[Int]](repeating: [], count: workers), load = [Int](repeating: 0, count: workers)
        for mandate in mandates.sorted(by: { (start[$0 - lowest + 1] - start[$0 - lowest], $1) > (start[$1 - lowest + 1] - start[$1 - lowest], $0) }) {
            let worker = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            share[worker].append(mandate)
            load[worker] += start[mandate - lowest + 1] - start[mandate - lowest]
        }
        var made = [[(Int, SparseVector)]](repeating: [], count: workers)
        made.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let made = buffer
            let (shares, placed, bounds) = (share, duties, start)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var dense = [Float](repeating: 0, count: vectors.featureCount)
                var seen = [Bool](repeating: false, count: vectors.featureCount)
                var touched: [Int32] = []
                for mandate in shares[worker] {
                    for duty in placed[bounds[mandate - lowest]..<bounds[mandate - lowest + 1]] {
                        vectors.forEachFeature(duty, plain: vectors.isUnmarked(duty)) { feature, weight in
                            if !seen[Int(feature)] {
                                seen[Int(feature)] = true
                                touched.append(feature)
                            }
                            dense[Int(feature)] += weight
                        }
                    }
                    var sums: [Int32: Float] = [:]
                    sums.reserveCapacity(touched.count)
                    for feature in touched {
                        sums[feature] = dense[Int(feature)]
                        dense[Int(feature)] = 0
                        seen[Int(feature)] = false
                    }
                    touched.removeAll(keepingCapacity: true)
                    made[worker].append((mandate, SparseVector(weights: sums, keep: 64)))
                }
            }
        }
        var profiles: [Int: SparseVector] = [:]
        profiles.reserveCapacity(mandates.count)
        for list in made {
            for (mandate, profile) in list { profiles[mandate] = profile }
        }
        return profiles
    }

    /// The vector of mandate `index` in the space a duty is compared in.
    private func mandateVector(_ index: Int, plain: Bool) -> SparseVector {
        guard let pair = mandateVectors[index] else { return vectors.vector(index, plain: plain) }
        return plain ? pair.plain : pair.marked
    }

    /// The cosine of the duty with the mandate's text, or with the mandate's profile (what the chart's
    /// annotated duties citing it say), whichever is higher. Measured on the labelled set, plain cosine
    /// beat a coverage-weighted score (F1 0.73 against 0.62: a one-word mandate such as "quản lý nhà
    /// nước về giá" is "covered" by every duty that says "đánh giá"), and the profiles lift it to 0.85.
    func score(duty: Int, mandate: Int) -> Double {
        let unmarked = vectors.isUnmarked(duty)
        let dv = vectors.vector(duty, plain: unmarked)
        let fromText = Double(dv.dot(mandateVector(mandate, plain: unmarked)))
        guard let profile = profiles[mandate] else { return fromText }
        return max(fromText, Double(dv.dot(profile)))
    }

    /// A zeroed scratch array for ``best(duty:candidates:threshold:dense:)``: the duty being scored is
    /// spread over all features, so that each candidate costs one pass over its own (short) vector.
    func scratch() -> [Float] { [Float](repeating: 0, count: vectors.featureCount) }

    /// ``score(duty:mandate:)`` against the duty loaded in `dense`.
    private func denseScore(unmarked: Bool, mandate: Int, dense: [Float]) -> Double {
        var best = dot(mandateVector(mandate, plain: unmarked), dense)
        if let profile = profiles[mandate] { best = max(best, dot(profile, dense)) }
        return Double(best)
    }

    private func dot(_ vector: SparseVector, _ dense: [Float]) -> Float {
        var sum: Float = 0
        for (feature, weight) in zip(vector.features, vector.weights) { sum += dense[Int(feature)] * weight }
        return sum
    }

    /// The best mandate of `candidates` for `duty`, with its score, if any reaches `threshold`.
    func best(duty: Int, candidates: [Int], threshold: Double, dense: inout [Float]) -> (mandate: Int, score: Double)? {
        let info = vectors.info(duty)
        guard !info.catchAll, !info.selfAdministration else { return nil }
        var loaded: [Int32] = []
        vectors.forEachFeature(duty, plain: info.unmarked) { feature, weight in
            dense[Int(feature)] = weight
            loaded.append(feature)
        }
        defer { for feature in loaded { dense[Int(feature)] = 0 } }
        var best: (Int, Double)?
        for candidate in candidates {
            let value = denseScore(unmarked: info.unmarked, mandate: candidate, dense: dense)
            if value >= threshold, value > (best?.1 ?? -1) { best = (candidate, value) }
        }
        return best
    }
}

/// The mandates' vectors inverted by feature, for scoring a million duties: a duty's score against every
/// mandate is accumulated over the duty's own features only (a duty shares a few words with most
/// mandates, not all of theirs), in the order ``MandateInference/best(duty:candidates:threshold:dense:)``
/// sums them, so that both give the same scores to the last bit.
struct MandatePostings: Sendable {
    /// One table per kind of mandate vector: text in the marked space, text in the plain space, profile.
    private struct Table: Sendable {
        /// Feature `f`'s postings are `mandate[start[f]..<start[f + 1]]` with their weights.
        var start: [Int32]
        var mandate: [Int32]
        var weight: [Float]

        init(featureCount: Int, vectors: [(mandate: Int, vector: SparseVector)]) {
            var counts = [Int32](repeating: 0, count: featureCount + 1)
            for entry in vectors { for feature in entry.vector.features { counts[Int(feature) + 1] += 1 } }
            for index in 1..<counts.count { counts[index] += counts[index - 1] }
            start = counts
            var next = counts
            mandate = [Int32](repeating: 0, count: Int(counts[featureCount]))
            weight = [Float](repeating: 0, count: Int(counts[featureCount]))
            for entry in vectors {
                for (feature, value) in zip(entry.vector.features, entry.vector.weights) {
                    let slot = Int(next[Int(feature)])
                    mandate[slot] = Int32(entry.mandate)
                    weight[slot] = value
                    next[Int(feature)] += 1
                }
            }
        }
    }

    private let inference: MandateInference
    private let marked: Table, plain: Table, profiles: Table
    /// Per mandate (from the first), its place among the mandates by id: ties go to the smaller id,
    /// whatever the order of the catalogue.
    private let tieOrder: [Int]

    init(_ inference: MandateInference, ids: [String]) {
        self.inference = inference
        var tieOrder = [Int](repeating: 0, count: ids.count)
        for (rank, index) in ids.indices.sorted(by: { (ids[$0], $0) < (ids[$1], $1) }).enumerated() { tieOrder[index] = rank }
        self.tieOrder = tieOrder
        let mandates = Array(inference.mandates)
        let count = inference.vectors.featureCount
        marked = Table(featureCount: count, vectors: mandates.compactMap { index in
            inference.mandateVectors[index].map { (index - inference.mandates.lowerBound, $0.marked) } })
        plain = Table(featureCount: count, vectors: mandates.compactMap { index in
            inference.mandateVectors[index].map { (index - inference.mandates.lowerBound, $0.plain) } })
        profiles = Table(featureCount: count, vectors: mandates.compactMap { index in
            inference.profiles[index].map { (index - inference.mandates.lowerBound, $0) } })
    }

    /// Per-worker arrays, one slot per mandate.
    struct Scratch {
        var text: [Float], profile: [Float]
        var seen: [Int32]
        var touched: [Int32] = []
        var stamp: Int32 = 0
        var dutyFeatures: [Int32] = [], dutyWeights: [Float] = []
    }

    /// Adds the duty in `scratch` times each posting of `table` to the text or the profile sums, feature
    /// by feature ascending.
    private func accumulate(_ table: Table, profile: Bool, scratch: inout Scratch, stamp: Int32) {
        for (feature, weight) in zip(scratch.dutyFeatures, scratch.dutyWeights) {
            let from = Int(table.start[Int(feature)]), to = Int(table.start[Int(feature) + 1])
            guard from < to else { continue }
            for slot in from..<to {
                let mandate = Int(table.mandate[slot])
                if scratch.seen[mandate] != stamp {
                    scratch.seen[mandate] = stamp
                    scratch.text[mandate] = 0
                    scratch.profile[mandate] = 0
                    scratch.touched.append(Int32(mandate))
                }
                if profile {
                    scratch.profile[mandate] += weight * table.weight[slot]
                } else {
                    scratch.text[mandate] += weight * table.weight[slot]
                }
            }
        }
    }

    func scratch() -> Scratch {
        let count = inference.mandates.count
        return Scratch(text: [Float](repeating: 0, count: count), profile: [Float](repeating: 0, count: count),
                       seen: [Int32](repeating: -1, count: count))
    }

    /// The best mandate (vector index) for `duty` among those `allowed` accepts, with its score, if one
    /// reaches `threshold` (which must be above zero); ties go to the mandate with the smaller id.
    func best(duty: Int, threshold: Double, scratch: inout Scratch, allowed: (Int) -> Bool) -> (mandate: Int, score: Double)? {
        let vectors = inference.vectors
        let info = vectors.info(duty)
        guard !info.catchAll, !info.selfAdministration else { return nil }
        let table = info.unmarked ? plain : marked
        scratch.stamp &+= 1
        let stamp = scratch.stamp
        scratch.touched.removeAll(keepingCapacity: true)
        scratch.dutyFeatures.removeAll(keepingCapacity: true)
        scratch.dutyWeights.removeAll(keepingCapacity: true)
        vectors.forEachFeature(duty, plain: info.unmarked) { feature, weight in
            scratch.dutyFeatures.append(feature)
            scratch.dutyWeights.append(weight)
        }
        accumulate(table, profile: false, scratch: &scratch, stamp: stamp)
        accumulate(profiles, profile: true, scratch: &scratch, stamp: stamp)
        var best: (mandate: Int, score: Double)?
        for mandate in scratch.touched.map(Int.init) where allowed(mandate + inference.mandates.lowerBound) {
            let value = Double(max(scratch.text[mandate], scratch.profile[mandate]))
            guard value >= threshold else { continue }
            if let current = best, value < current.score
                || (value == current.score && tieOrder[mandate] > tieOrder[current.mandate - inference.mandates.lowerBound]) {
                continue
            }
            best = (mandate + inference.mandates.lowerBound, value)
        }
        return best
    }
}
