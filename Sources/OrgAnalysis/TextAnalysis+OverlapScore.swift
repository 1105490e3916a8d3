import Dispatch
import Foundation
import OrgModel

/// The overlap score of candidate pairs: the pairs the similarity join proposes (cosine through the
/// thesaurus at or above ``OverlapModel/candidateCosine``) and the pairs the catalogue proposes (two duties
/// of different units assigned to one mandate, explicitly or inferred at or above the conflict threshold,
/// whatever their words), each scored by ``OverlapModel`` on its channels; those reaching
/// `overlapThreshold` are the near-duplicates OVL002 reports.
extension TextAnalysis {
    /// Scores `candidates` (the join's pairs; emptied on return) and the pairs the catalogue proposes.
    static func scoredPairs(graph: DutyGraph, settings: TextSettings, vectors: TextVectors,
                            candidates: inout [SimilarityJoin.Pair],
                            assignments: [MandateID: [MandateAssignment]]) -> [SimilarPair] {
        let duties = graph.duties
        // The mandate each duty is assigned to (by its place in `mandateIDs`, -1 for none) and how firmly
        // (1 when written in the file): 12 bytes a duty.
        let mandateIDs = assignments.keys.sorted(by: { $0.rawValue < $1.rawValue })
        var carriedMandate = [Int32](repeating: -1, count: duties.count)
        var carriedScore = [Double](repeating: 0, count: duties.count)
        for (position, mandate) in mandateIDs.enumerated() {
            for assignment in assignments[mandate] ?? [] {
                carriedMandate[assignment.duty] = Int32(position)
                carriedScore[assignment.duty] = assignment.inferredScore ?? 1
            }
        }
        // The join's pairs, then those of the catalogue that the join did not propose (found by binary
        // search in the sorted join, not through a set of a million pairs), all sorted.
        candidates.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        var extra: [SimilarityJoin.Pair] = []
        forEachCataloguePair(graph: graph, settings: settings, vectors: vectors, mandateIDs: mandateIDs,
                             assignments: assignments) { first, second in
            let a = min(first, second), b = max(first, second)
            guard !Self.contains(candidates[...], a: a, b: b) else { return }
            extra.append(SimilarityJoin.Pair(a: a, b: b, score: vectors.similarity(first, second)))
        }
        candidates.reserveCapacity(candidates.count + extra.count)  // once, to the exact size
        candidates += extra
        extra = []
        candidates.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        defer { candidates = [] }
        guard !candidates.isEmpty else { return [] }

        let (actions, objects) = readings(graph: graph, thesaurus: settings.thesaurus)
        let scorer = settings.model.shifted(to: settings.overlapThreshold)
        var result: [SimilarPair] = []
        for pair in candidates {
            let a = pair.a, b = pair.b
            guard !vectors.isExcludedFromOverlap(a), !vectors.isExcludedFromOverlap(b) else { continue }
            var shared: MandateID?
            var sharedScore = 0.0
            if carriedMandate[a] >= 0, carriedMandate[a] == carriedMandate[b] {
                shared = mandateIDs[Int(carriedMandate[a])]
                sharedScore = min(carriedScore[a], carriedScore[b])
            }
            let features = OverlapFeatures(cosine: pair.score, sharedMandate: sharedScore, object: objects.similarity(a, b),
                                           action: ActionClass.agreement(actions[a], actions[b]))
            guard OverlapModel.isCandidate(features, conflictThreshold: settings.conflictThreshold) else { continue }
            let verdict = scorer.judge(features)
            guard verdict.reported else { continue }
            result.append(SimilarPair(a: a, b: b, score: verdict.score, cosine: pair.score, mandate: shared,
                                      features: features, restsOnInference: !verdict.confirmed))
        }
        return result
    }

    /// Pairs of duties (in the order of their assignments) the catalogue proposes: per mandate, firm carriers in different, unnested units of one
    /// jurisdiction and level. Two explicit carriers are the lead-conflict rule's (OVL001) and are left out.
    private static func forEachCataloguePair(
        graph: DutyGraph, settings: TextSettings, vectors: TextVectors, mandateIDs: [MandateID],
        assignments: [MandateID: [MandateAssignment]], _ body: (Int, Int) -> Void
    ) {
        let duties = graph.duties
        for mandate in mandateIDs {
            let firm = (assignments[mandate] ?? []).filter {
                $0.isFirm(settings.conflictThreshold) && !vectors.isExcludedFromOverlap($0.duty)
            }
            var byGroup: [GroupKey: [MandateAssignment]] = [:]
            for assignment in firm {
                let unit = duties[assignment.duty].unit
                byGroup[GroupKey(jurisdiction: graph.jurisdiction[unit], level: graph.level[unit]), default: []].append(assignment)
            }
            for group in byGroup.values {
                for (offset, first) in group.enumerated() {
                    for second in group[(offset + 1)...] where first.isInferred || second.isInferred {
                        let unitA = duties[first.duty].unit, unitB = duties[second.duty].unit
                        guard unitA != unitB, !graph.areNested(unitA, unitB) else { continue }
                        body(first.duty, second.duty)
                    }
                }
            }
        }
    }

    /// Whether the pairs `sorted` (by a, then b) hold (a, b).
    private static func contains(_ sorted: ArraySlice<SimilarityJoin.Pair>, a: Int, b: Int) -> Bool {
        var low = sorted.startIndex, high = sorted.endIndex
        while low < high {
            let middle = (low + high) / 2
            if (sorted[middle].a, sorted[middle].b) < (a, b) { low = middle + 1 } else { high = middle }
        }
        return low < sorted.endIndex && sorted[low].a == a && sorted[low].b == b
    }

    /// Each duty's actions (one byte) and the vectors of its object, read once on every core; objects are
    /// compared with document frequencies over every duty's object, as the calibration measured them. An
    /// object is kept as the byte ranges of its duty's text it is made of (8 bytes a range), not as a
    /// string, until its vector is built.
    private static func readings(graph: DutyGraph, thesaurus: Thesaurus) -> (actions: [UInt8], objects: TextVectors) {
        let duties = graph.duties
        let chunks = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount * 2))
        let chunkSize = max(1, (duties.count + chunks - 1) / chunks)
        var actions = [UInt8](repeating: 0, count: duties.count)
        nonisolated(unsafe) let places = UnsafeMutableBufferPointer<ObjectPlaces>.allocate(capacity: chunks)
        places.initialize(repeating: ObjectPlaces())
        defer {
            places.deinitialize()
            places.deallocate()
        }
        actions.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let actions = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = min(duties.count, chunk * chunkSize)..<min(duties.count, (chunk + 1) * chunkSize)
                var reader = ActionClass.Reader()
                var local = ObjectPlaces()
                for position in range {
                    let text = graph.duty(duties[position]).text
                    let reading = reader.objectRanges(text)
                    actions[position] = ActionClass.mask(reading.actions)
                    if let ranges = reading.ranges {
                        for piece in ranges {
                            local.bounds.append(Int32(piece.lowerBound))
                            local.bounds.append(Int32(piece.upperBound))
                        }
                    } else {
                        local.composed[position - range.lowerBound] = reader.read(text).object
                    }
                    local.ends.append(Int32(local.bounds.count / 2))
                }
                places[chunk] = local
            }
        }
        let objects = TextVectors(count: duties.count, text: { index in
            let chunk = index / chunkSize, local = index - chunk * chunkSize
            if let composed = places[chunk].composed[local] { return composed }
            let first = local == 0 ? 0 : Int(places[chunk].ends[local - 1]), end = Int(places[chunk].ends[local])
            guard first < end else { return "" }
            return graph.duty(duties[index]).withTextBytes { bytes in
                var object = ""
                for piece in first..<end {
                    if piece > first { object += " " }
                    let lower = Int(places[chunk].bounds[2 * piece]), upper = Int(places[chunk].bounds[2 * piece + 1])
                    object += String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
                }
                return object
            }
        }, thesaurus: thesaurus)
        return (actions, objects)
    }

    /// Where the objects of one chunk of duties lie: byte ranges of their texts (start and end, in
    /// pairs), the end of each duty's ranges (in pairs), and the objects of texts that had to be
    /// composed, by position in the chunk.
    private struct ObjectPlaces {
        var bounds: [Int32] = []
        var ends: [Int32] = []
        var composed: [Int: String] = [:]
    }
}
