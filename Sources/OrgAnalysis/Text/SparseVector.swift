/// A sparse vector of unit length: feature ids ascending, with weights.
public struct SparseVector: Sendable {
    /// Feature ids, ascending.
    public var features: [Int32]
    /// Weights, L2-normalised.
    public var weights: [Float]

    init(features: [Int32], weights: [Float]) {
        self.features = features
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
