import Dispatch
import Foundation
import OrgModel

/// The overlap score of candidate pairs: the pairs the similarity join proposes (cosine through the
/// thesaurus at or above ``OverlapModel/candidateCosine``) and the pairs the catalogue proposes (two duties
/// of different units assigned to one mandate, explicitly or inferred at or above the conflict threshold,
/// whatever their words), each scored by ``OverlapModel`` on its channels; those reaching
/// `overlapThreshold` are the near-duplicates OVL002 reports.
extension TextAnalysis {
    /// Adds to `candidates` (the join's pairs) the pairs the catalogue proposes, with their cosine: the only
    /// step of the overlap score that reads the texts' vectors (``scoredPairs`` then needs
    /// their flags alone, and the analysis releases the vectors in between).
    static func addCataloguePairs(graph: DutyGraph, settings: TextSettings, vectors: TextVectors,
                                  to candidates: inout [SimilarityJoin.Pair], assignments: [MandateID: [MandateAssignment]]) {
        let mandateIDs = assignments.keys.sorted(by: { $0.rawValue < $1.rawValue })
        // The join's pairs, then those of the catalogue that the join did not propose (found by binary
        // search in the sorted join, not through a set of a million pairs), all sorted.
        candidates.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        // The mandates in contiguous chunks on every core, each chunk's pairs gathered in order.
        let chunks = mandateIDs.count < 64 ? 1 : max(1, min(16, ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunkSize = (mandateIDs.count + chunks - 1) / chunks
        var extra = [[SimilarityJoin.Pair]](repeating: [], count: chunks)
        candidates.withUnsafeBufferPointer { sorted in
            nonisolated(unsafe) let joined = sorted
            extra.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let extra = buffer
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let bounds = min(mandateIDs.count, chunk * chunkSize)..<min(mandateIDs.count, (chunk + 1) * chunkSize)
                    var found: [SimilarityJoin.Pair] = []
                    forEachCataloguePair(graph: graph, settings: settings, vectors: vectors, mandateIDs: Array(mandateIDs[bounds]),
                                         assignments: assignments) { first, second in
                        let a = min(first, second), b = max(first, second)
                        guard !Self.contains(joined, a: a, b: b) else { return }
                        found.append(SimilarityJoin.Pair(a: a, b: b, score: vectors.similarity(first, second)))
                    }
                    extra[chunk] = found
                }
            }
        }
        candidates.reserveCapacity(candidates.count + extra.reduce(0) { $0 + $1.count })  // once, to the exact size
        for chunk in extra.indices {
            candidates += extra[chunk]
            extra[chunk] = []
        }
    }

    /// Scores `candidates` (from ``addCataloguePairs``; emptied on return): the pairs whose overlap score
    /// reaches the threshold, in the order of `candidates`.
    static func scoredPairs(graph: DutyGraph, settings: TextSettings, flags: TextFlags, candidates: inout [SimilarityJoin.Pair],
                            inferred: InferredAssignments, copies: TextCopies) -> [SimilarPair] {
        let duties = graph.duties
        // The mandate a duty is assigned to and how firmly (1 when written in the file), looked up for
        // each pair rather than kept in arrays over every duty (12 MiB on L, at the analysis's peak).
        let carried = { @Sendable (duty: Int) -> (mandate: MandateID, score: Double)? in
            if let mandate = graph[duty: duties[duty]].mandate { return (mandate, 1) }
            return inferred[duty].map { ($0.mandate, $0.inferredScore ?? 1) }
        }
        candidates.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        defer { candidates = [] }
        guard !candidates.isEmpty else { return [] }

        // Only the candidates' objects are compared: only their vectors are kept.
        var compared = [Bool](repeating: false, count: duties.count)
        for pair in candidates {
            compared[pair.a] = true
            compared[pair.b] = true
        }
        let (actions, objects) = readings(graph: graph, thesaurus: settings.thesaurus, compared: compared, copies: copies)
        let scorer = settings.model.shifted(to: settings.overlapThreshold)
        let conflictThreshold = settings.conflictThreshold
        let judge = { @Sendable (pair: SimilarityJoin.Pair) -> SimilarPair? in
            let a = pair.a, b = pair.b
            guard !flags.isExcludedFromOverlap(a), !flags.isExcludedFromOverlap(b) else { return nil }
            var shared: MandateID?
            var sharedScore = 0.0
            if let first = carried(a), let second = carried(b), first.mandate == second.mandate {
                shared = first.mandate
                sharedScore = min(first.score, second.score)
            }
            let features = OverlapFeatures(cosine: pair.score, sharedMandate: sharedScore, object: objects.similarity(a, b),
                                           action: ActionClass.agreement(actions[a], actions[b]))
            guard OverlapModel.isCandidate(features, conflictThreshold: conflictThreshold) else { return nil }
            let verdict = scorer.judge(features)
            guard verdict.reported else { return nil }
            return SimilarPair(a: a, b: b, score: verdict.score, cosine: pair.score, mandate: shared,
                               features: features, restsOnInference: !verdict.confirmed)
        }
        return judged(candidates, judge)
    }

    /// The pairs `judge` reports, in the order of `candidates`, judged on every core in contiguous chunks:
    /// the reported ones are counted and marked first, then judged again into a result sized once (a result
    /// grown by doubling held its old and new storage at once: 35 MiB on L, at the analysis's peak). Only
    /// the marked ones are judged again (a bit per candidate; chunks start at a multiple of 64, so that no
    /// two cores write one word of bits).
    static func judged(_ candidates: [SimilarityJoin.Pair],
                       _ judge: @Sendable (SimilarityJoin.Pair) -> SimilarPair?) -> [SimilarPair] {
        let chunks = candidates.count < 4096 ? 1 : max(1, min(64, ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunkSize = ((candidates.count + chunks - 1) / chunks + 63) & ~63
        let range = { @Sendable (chunk: Int) in
            min(candidates.count, chunk * chunkSize)..<min(candidates.count, (chunk + 1) * chunkSize)
        }
        var reported = [Int](repeating: 0, count: chunks)
        var marks = [UInt64](repeating: 0, count: (candidates.count + 63) / 64)
        reported.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let reported = buffer
            marks.withUnsafeMutableBufferPointer { bits in
                nonisolated(unsafe) let marks = bits
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    var count = 0
                    for position in range(chunk) where judge(candidates[position]) != nil {
                        marks[position >> 6] |= 1 << UInt64(position & 63)
                        count += 1
                    }
                    reported[chunk] = count
                }
            }
        }
        let starts = reported.reduce(into: [0]) { $0.append($0.last! + $1) }
        let marked = marks
        return [SimilarPair](unsafeUninitializedCapacity: starts.last!) { buffer, count in
            nonisolated(unsafe) let result = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var next = starts[chunk]
                for position in range(chunk) where marked[position >> 6] & (1 << UInt64(position & 63)) != 0 {
                    guard let pair = judge(candidates[position]) else { preconditionFailure("a pair judged twice gave two answers") }
                    (result.baseAddress! + next).initialize(to: pair)
                    next += 1
                }
                precondition(next == starts[chunk + 1], "a pair judged twice gave two answers")
            }
            count = starts.last!
        }
    }

    /// Pairs of duties (in the order of their assignments) the catalogue proposes: per mandate, firm carriers in different, unnested units of one
    /// jurisdiction and level. Two explicit carriers are the lead-conflict rule's (OVL001) and are left out.
    private static func forEachCataloguePair(
        graph: DutyGraph, settings: TextSettings, vectors: TextVectors, mandateIDs: [MandateID],
        assignments: [MandateID: [MandateAssignment]], _ body: (Int, Int) -> Void
    ) {
        let duties = graph.duties
        // A group (jurisdiction and level) as one number: the carriers are sorted by it, each group a run.
        // A dictionary of lists made half a million lists of one or two on L.
        var keys: [(group: Int, position: Int)] = []
        let levels = GovernmentLevel.allCases.count + 1
        for mandate in mandateIDs {
            let firm = (assignments[mandate] ?? []).filter {
                $0.isFirm(settings.conflictThreshold) && !vectors.isExcludedFromOverlap($0.duty)
            }
            keys.removeAll(keepingCapacity: true)
            for (position, assignment) in firm.enumerated() {
                let unit = duties[assignment.duty].unit
                keys.append((graph.jurisdiction[unit] * levels + levelCode(graph.level[unit]), position))
            }
            // Within a group, the carriers keep their order.
            keys.sort { ($0.group, $0.position) < ($1.group, $1.position) }
            var start = 0
            while start < keys.count {
                var end = start + 1
                while end < keys.count, keys[end].group == keys[start].group { end += 1 }
                for one in start..<end {
                    let first = firm[keys[one].position]
                    for other in (one + 1)..<end {
                        let second = firm[keys[other].position]
                        guard first.isInferred || second.isInferred else { continue }
                        let unitA = duties[first.duty].unit, unitB = duties[second.duty].unit
                        guard unitA != unitB, !graph.areNested(unitA, unitB) else { continue }
                        body(first.duty, second.duty)
                    }
                }
                start = end
            }
        }
    }

    /// Whether the pairs `sorted` (by a, then b) hold (a, b).
    private static func contains(_ sorted: UnsafeBufferPointer<SimilarityJoin.Pair>, a: Int, b: Int) -> Bool {
        var low = sorted.startIndex, high = sorted.endIndex
        while low < high {
            let middle = (low + high) / 2
            if (sorted[middle].a, sorted[middle].b) < (a, b) { low = middle + 1 } else { high = middle }
        }
        return low < sorted.endIndex && sorted[low].a == a && sorted[low].b == b
    }

    /// Each duty's actions (one byte) and the vectors of its object, read once on every core; objects are
    /// compared with document frequencies over every duty's object, as the calibration measured them, but
    /// only the vectors of the duties `compared` marks are kept (those of the candidate pairs). An object
    /// is made from the byte ranges of its duty's text it is read from, one duty at a time, as the
    /// vectors' workers ask for it: no object is kept apart from its vector. A copy of a duty's text that its
    /// worker has read is not read again (``TextCopies``): its actions are its first copy's.
    private static func readings(graph: DutyGraph, thesaurus: Thesaurus, compared: [Bool],
                                 copies: TextCopies) -> (actions: [UInt8], objects: TextVectors) {
        let duties = graph.duties
        var actions = [UInt8](repeating: 0, count: duties.count)
        let objects = actions.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let actions = buffer
            return TextVectors(count: duties.count, reader: {
                var reader = ActionClass.Reader()
                return { index in
                    var text = graph[duty: duties[index]].text
                    let reading = reader.objectMask(text)
                    actions[index] = reading.actions
                    guard let ranges = reading.ranges else { return reader.read(text).object }
                    // The pieces joined by single spaces, copied once into a string of the exact size.
                    let size = ranges.reduce(max(0, ranges.count - 1)) { $0 + $1.count }
                    return text.withUTF8 { bytes in
                        String(unsafeUninitializedCapacity: size) { object in
                            var end = 0
                            for (number, piece) in ranges.enumerated() {
                                if number > 0 {
                                    object[end] = 0x20
                                    end += 1
                                }
                                for byte in bytes[piece] {
                                    object[end] = byte
                                    end += 1
                                }
                            }
                            return end
                        }
                    }
                }
            }, thesaurus: thesaurus, keeping: { compared[$0] }, copies: copies)
        }
        // Every first copy was read (no copy comes before it), so its actions are there to be copied.
        for index in actions.indices {
            if let first = copies.of(index), first != index { actions[index] = actions[first] }
        }
        return (actions, objects)
    }
}
