/// Reading the vectors: as arrays, feature by feature, and the cosine of two texts.
extension TextVectors {
    /// Text `index`'s vector in the marked or the plain space, as arrays.
    public func vector(_ index: Int, plain: Bool) -> SparseVector {
        var ids: [Int32] = [], weights: [Float] = []
        forEachFeature(index, plain: plain) { feature, weight in
            ids.append(feature)
            weights.append(weight)
        }
        return SparseVector(features: ids, weights: weights)
    }

    /// The vector text `index` is compared with: plain when it was typed without marks.
    public func comparisonVector(_ index: Int) -> SparseVector { vector(index, plain: isUnmarked(index)) }

    /// Calls `body` with each feature of text `index` in the given space, ascending, and its weight.
    func forEachFeature(_ index: Int, plain: Bool, _ body: (Int32, Float) -> Void) {
        let row = Int(rows[index])
        let range = Int(offsets[row])..<Int(offsets[row + 1])
        if plain {
            let norm = plainNorms[row]
            guard norm > 0 else { return }
            var ids: [Int32] = []
            Self.plainSet(features[range], plainFeature: plainFeature, into: &ids)
            for id in ids { body(id, idf[Int(id)] / norm) }
        } else {
            let norm = markedNorms[row]
            guard norm > 0 else { return }
            for position in range { body(features[position], idf[Int(features[position])] / norm) }
        }
    }

    /// The cosine of texts `a` and `b`: in the plain space when either was typed without marks. In the
    /// marked space the two sorted runs are merged in place (no vector made: the overlap score asks this
    /// for a million pairs), summing the same products in the same order as ``SparseVector/dot(_:)``.
    public func similarity(_ a: Int, _ b: Int) -> Double {
        let plain = isUnmarked(a) || isUnmarked(b)
        if plain { return Double(vector(a, plain: true).dot(vector(b, plain: true))) }
        let rowA = Int(rows[a]), rowB = Int(rows[b])
        let normA = markedNorms[rowA], normB = markedNorms[rowB]
        guard normA > 0, normB > 0 else { return 0 }
        var i = Int(offsets[rowA]), j = Int(offsets[rowB])
        let endA = Int(offsets[rowA + 1]), endB = Int(offsets[rowB + 1])
        var sum: Float = 0
        while i < endA, j < endB {
            let x = features[i], y = features[j]
            if x == y {
                let weight = idf[Int(x)]
                sum += (weight / normA) * (weight / normB)
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(sum)
    }

    /// The distinct plain-space images of `marked`, ascending.
    static func plainSet(_ marked: ArraySlice<Int32>, plainFeature: [Int32], into result: inout [Int32]) {
        result.removeAll(keepingCapacity: true)
        for feature in marked { result.append(plainFeature[Int(feature)]) }
        result.sort()
        var kept = 0
        for position in result.indices where kept == 0 || result[position] != result[kept - 1] {
            result[kept] = result[position]
            kept += 1
        }
        result.removeLast(result.count - kept)
    }
}

/// What each text of a ``TextVectors`` is besides its features (``TextVectors/Info``), kept apart so that
/// the features, the largest structure an analysis holds, can be released once the overlap score has
/// compared the texts: the rules read only these.
public struct TextFlags: Sendable {
    let values: [UInt8]

    /// Text `index`'s flags.
    public func info(_ index: Int) -> TextVectors.Info { Self.info(values[index]) }

    /// True when text `index` takes no part in overlap detection (catch-all or housekeeping).
    public func isExcludedFromOverlap(_ index: Int) -> Bool { Self.isExcludedFromOverlap(values[index]) }

    /// The flags one byte holds (shared with ``TextVectors``, which reads its own array in hot loops).
    static func info(_ value: UInt8) -> TextVectors.Info {
        TextVectors.Info(unmarked: value & TextVectors.unmarkedFlag != 0, catchAll: value & TextVectors.catchAllFlag != 0,
                         selfAdministration: value & TextVectors.selfAdministrationFlag != 0)
    }

    static func isExcludedFromOverlap(_ value: UInt8) -> Bool {
        value & (TextVectors.catchAllFlag | TextVectors.selfAdministrationFlag) != 0
    }
}
