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
    /// Offset of the first mandate in `vectors` (duties come first).
    let mandateOffset: Int
    /// Per mandate (by vector index), the centroid of the duties that cite it explicitly: what the
    /// chart's own annotated duties say that mandate looks like in practice. Pruned to its heaviest
    /// features.
    let profiles: [Int: SparseVector]

    /// Inference over `vectors`, learning each mandate's profile from `examples` (duty vector index →
    /// mandate vector index) when given.
    init(vectors: TextVectors, mandateOffset: Int, examples: [(duty: Int, mandate: Int)] = []) {
        self.vectors = vectors
        self.mandateOffset = mandateOffset
        var sums: [Int: [Int32: Float]] = [:]
        for example in examples {
            let entry = vectors.entries[example.duty]
            guard !entry.catchAll else { continue }
            let vector = entry.unmarked ? entry.plain : entry.marked
            for (feature, weight) in zip(vector.features, vector.weights) { sums[example.mandate, default: [:]][feature, default: 0] += weight }
        }
        profiles = sums.mapValues { SparseVector(weights: $0, keep: 64) }
    }

    /// The cosine of the duty with the mandate's text, or with the mandate's profile (what the chart's
    /// annotated duties citing it say), whichever is higher. Measured on the labelled set, plain cosine
    /// beat a coverage-weighted score (F1 0.73 against 0.62: a one-word mandate such as "quản lý nhà
    /// nước về giá" is "covered" by every duty that says "đánh giá"), and the profiles lift it to 0.85.
    func score(duty: Int, mandate: Int) -> Double {
        let d = vectors.entries[duty], m = vectors.entries[mandate]
        let dv = d.unmarked ? d.plain : d.marked
        let fromText = Double(dv.dot(d.unmarked ? m.plain : m.marked))
        guard let profile = profiles[mandate] else { return fromText }
        return max(fromText, Double(dv.dot(profile)))
    }

    /// A zeroed scratch array for ``best(duty:candidates:threshold:dense:)``: the duty being scored is
    /// spread over all features, so that each candidate costs one pass over its own (short) vector.
    func scratch() -> [Float] { [Float](repeating: 0, count: vectors.featureCount) }

    /// ``score(duty:mandate:)`` against the duty loaded in `dense`.
    private func denseScore(unmarked: Bool, mandate: Int, dense: [Float]) -> Double {
        let m = vectors.entries[mandate]
        var best = dot(unmarked ? m.plain : m.marked, dense)
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
        let entry = vectors.entries[duty]
        guard !entry.catchAll, !entry.selfAdministration else { return nil }
        let vector = entry.unmarked ? entry.plain : entry.marked
        for (feature, weight) in zip(vector.features, vector.weights) { dense[Int(feature)] = weight }
        defer { for feature in vector.features { dense[Int(feature)] = 0 } }
        var best: (Int, Double)?
        for candidate in candidates {
            let value = denseScore(unmarked: entry.unmarked, mandate: candidate, dense: dense)
            if value >= threshold, value > (best?.1 ?? -1) { best = (candidate, value) }
        }
        return best
    }
}
