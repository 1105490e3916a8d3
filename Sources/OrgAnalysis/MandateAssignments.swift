import OrgModel

/// A duty's link to a mandate: written in the file, or inferred from the text with a score.
public struct MandateAssignment: Hashable, Sendable {
    /// Index of the duty in `DutyGraph.duties`.
    public var duty: Int
    /// The mandate.
    public var mandate: MandateID
    /// The duty's role.
    public var role: DutyRole
    /// The similarity score when inferred; nil when the file says so.
    public var inferredScore: Double?

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
        var sums: [Int: [Int32: Float]] = [:]
        for example in examples {
            guard !vectors.info(example.duty).catchAll else { continue }
            vectors.forEachFeature(example.duty, plain: vectors.isUnmarked(example.duty)) { feature, weight in
                sums[example.mandate, default: [:]][feature, default: 0] += weight
            }
        }
        profiles = sums.mapValues { SparseVector(weights: $0, keep: 64) }
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
