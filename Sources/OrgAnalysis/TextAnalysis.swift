import Dispatch
import Foundation
import OrgModel

/// What the text engine found in a chart, computed once before the rules run: near-duplicate duty
/// pairs, and every duty's mandate (explicit or inferred).
public struct TextAnalysis: Sendable {
    /// Two duties saying the same thing, in different units of one jurisdiction and level.
    public struct SimilarPair: Hashable, Sendable {
        /// Index into `DutyGraph.duties` (a < b).
        public var a: Int
        /// Index into `DutyGraph.duties`.
        public var b: Int
        /// The overlap score (``OverlapModel``): the probability that the two are one duty.
        public var score: Double
        /// Cosine of the two statements through the thesaurus.
        public var cosine: Double
        /// The mandate both are assigned to, when they share one (the catalogue channel).
        public var mandate: MandateID?
        /// The channels the score was computed from.
        public var features: OverlapFeatures
        /// True when the pair reaches the threshold only thanks to a mandate inferred for one of the two:
        /// its words alone do not (OVL002 reports it to verify).
        public var restsOnInference: Bool
    }

    /// The settings used.
    public let settings: TextSettings
    /// Near-duplicate pairs of duties in units that do not contain one another, sorted: the pairs of the
    /// similarity join (cosine at or above ``OverlapModel/candidateCosine``) and of the catalogue (both
    /// assigned to one mandate at or above the conflict threshold) whose overlap score reaches
    /// `overlapThreshold`.
    public let similarPairs: [SimilarPair]
    /// Every mandate's carriers, explicit and inferred, in duty order.
    public let assignments: [MandateID: [MandateAssignment]]
    /// The inferred assignment of each duty that got one, by duty index.
    public let inferred: InferredAssignments
    /// Each duty's nature (``DutyNature``), by duty index: only state-management duties are inferred to a
    /// mandate.
    public let natures: [DutyNature]
    /// What the similarity join did.
    public let joinStatistics: SimilarityJoin.Statistics
    /// What each text is besides its words (duties in `DutyGraph.duties` order, then mandates in chart
    /// order): catch-all, housekeeping, typed without marks. The vectors themselves are released once
    /// the overlap score has compared the texts: their features are the largest structure the analysis
    /// would otherwise hold through the rules and the report.
    public let textFlags: TextFlags
    /// Seconds per phase (vectors, join, inference).
    public let timings: [(phase: String, seconds: Double)]
    /// Resident and peak memory (KiB) at the end of each phase.
    public let memory: [(phase: String, residentKiB: Int, peakKiB: Int)]

    /// Runs the text engine on a graph.
    public init(graph: DutyGraph, settings: TextSettings) {
        self.settings = settings
        let duties = graph.duties
        let mandates = graph.chart.mandates
        var clock = PhaseClock()
        // Duties whose text is a copy of another's, found on their bytes in the import's arena: what depends on
        // the text alone is computed once for all the copies.
        let copies = TextCopies(count: duties.count) { index in graph.textSpan(duties[index]) }
        // Texts read from the model one at a time, a duty's from its bytes in its import's arena (its `text`
        // is read on a copy of the duty, whose every reference is retained and released).
        var vectors = TextVectors(count: duties.count + mandates.count, text: { index in
            index < duties.count ? String(decoding: graph.textSpan(duties[index]), as: UTF8.self)
                : mandates[index - duties.count].text
        }, thesaurus: settings.thesaurus, copies: copies)
        for (index, reference) in duties.enumerated() where graph[duty: reference].isCatchAll { vectors.markCatchAll(index) }
        textFlags = vectors.textFlags
        clock.lap("text vectors")

        // Near-duplicates, within one jurisdiction and level of government.
        let orderedGroups = Self.joinGroups(graph)
        var (textCandidates, statistics) = SimilarityJoin(vectors: vectors, threshold: OverlapModel.candidateCosine,
                                                          maxCandidates: settings.maxCandidates)
            .pairs(groups: orderedGroups, mode: settings.join)
        textCandidates.removeAll { pair in
            let unitA = duties[pair.a].unit, unitB = duties[pair.b].unit
            return unitA == unitB || graph.areNested(unitA, unitB)
        }
        textCandidates.trimCapacity()
        joinStatistics = statistics
        clock.lap("similarity join")

        // Explicit assignments, then inferred ones for duties that name no mandate.
        var assignments: [MandateID: [MandateAssignment]] = [:]
        var inferred = InferredAssignments(mandates: mandates.map(\.id))
        var mandateIndex: [MandateID: Int] = [:]
        for (offset, mandate) in mandates.enumerated() where mandateIndex[mandate.id] == nil {
            mandateIndex[mandate.id] = duties.count + offset
        }
        // Each duty's nature, on every core; only state management is inferred to a mandate. A nature is a
        // text's reading (``DutyNature/Reading``) and whether the unit is a public service unit: each text is
        // read once, by its first copy, and every duty then takes its first copy's reading in its own kind
        // of unit (classified once per chunk and kind of unit, a national chart's 60,689 distinct texts were
        // read again in every chunk: 0.27 -> 0.19 s).
        let textFlagValues = vectors.flags
        let natureChunks = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount * 2))
        let natureChunkSize = (duties.count + natureChunks - 1) / natureChunks
        let natureRange = { @Sendable (chunk: Int) in
            min(duties.count, chunk * natureChunkSize)..<min(duties.count, (chunk + 1) * natureChunkSize)
        }
        // The texts read are split evenly among the chunks (first copies crowd the start of a chart).
        let firstCopies = duties.indices.filter { (copies.of($0) ?? $0) == $0 }
        let readChunkSize = (firstCopies.count + natureChunks - 1) / natureChunks
        nonisolated(unsafe) let readings = UnsafeMutableBufferPointer<DutyNature.Reading>.allocate(capacity: duties.count)
        DispatchQueue.concurrentPerform(iterations: natureChunks) { chunk in
            var cache = VietnameseText.SyllableCache()
            for position in firstCopies[min(firstCopies.count, chunk * readChunkSize)..<min(firstCopies.count, (chunk + 1) * readChunkSize)] {
                (readings.baseAddress! + position).initialize(
                    to: DutyNature.read(String(decoding: graph.textSpan(duties[position]), as: UTF8.self), cache: &cache))
            }
        }
        // Buffers of a value per duty are first written by the chunks that fill them, on every core: the
        // kernel zeroes a fresh page at its first touch, and filling a national chart's buffers on one
        // thread first made that thread alone wait for them.
        nonisolated(unsafe) let natureBuffer = UnsafeMutableBufferPointer<DutyNature>.allocate(capacity: duties.count)
        DispatchQueue.concurrentPerform(iterations: natureChunks) { chunk in
            for position in natureRange(chunk) {
                let kind = graph.chart.units[duties[position].unit].kind
                (natureBuffer.baseAddress! + position).initialize(
                    to: readings[copies.of(position) ?? position].nature(unitKind: kind))
            }
        }
        readings.deallocate()
        let natures = Array(natureBuffer)
        natureBuffer.deallocate()
        self.natures = natures
        // Each duty's explicit mandate as the vector index of its first catalogue entry (-1: none written,
        // -2: one the catalogue lacks), looked up once: the examples and the assignments below read it.
        // On every core in contiguous chunks (a lookup hashes the id's string).
        let catalogueIndex = mandateIndex
        var explicit = [Int32](unsafeUninitializedCapacity: duties.count) { buffer, initialized in
            nonisolated(unsafe) let explicit = buffer
            let lookupChunkSize = (duties.count + natureChunks - 1) / natureChunks
            DispatchQueue.concurrentPerform(iterations: natureChunks) { chunk in
                let range = min(duties.count, chunk * lookupChunkSize)..<min(duties.count, (chunk + 1) * lookupChunkSize)
                UnsafeMutableBufferPointer(rebasing: explicit[range]).initialize(repeating: -1)
                for index in range {
                    guard let mandate = graph[duty: duties[index]].mandate else { continue }
                    explicit[index] = catalogueIndex[mandate].map(Int32.init) ?? -2
                }
            }
            initialized = duties.count
        }
        // Each duty's best mandate. Only duties naming no mandate, of state management, are scored; a duty's
        // best mandate depends on its vector, its flags and its unit's level, so copies of a text with the same
        // flags at one level are scored once, by the first of them (its representative, found in one pass in
        // duty order while the profiles are learnt). The representatives are scored on every core in chunks
        // of as many (each with its own scratch), then every duty takes its representative's answer: the
        // result is the same on one core or many.
        let inferMandates = settings.inferMandates, threshold = max(settings.inferenceThreshold, Double.leastNonzeroMagnitude)
        let explicitMandates = explicit
        let representatives = Pending {
            // -1: not scored; otherwise the duty scored for it (itself for a representative).
            var representative = [Int32](repeating: -1, count: inferMandates ? duties.count : 0)
            var firstOfClass = IDTable()
            for position in representative.indices where explicitMandates[position] == -1 && natures[position] == .stateManagement {
                guard let first = copies.of(position), textFlagValues[first] == textFlagValues[position] else {
                    representative[position] = Int32(position)
                    continue
                }
                let key = UInt64(first) << 3 | UInt64(Self.levelCode(graph.level[duties[position].unit]))
                if let known = firstOfClass.find(key) {
                    representative[position] = known
                } else {
                    firstOfClass.insert(key, Int32(position))
                    representative[position] = Int32(position)
                }
            }
            return representative
        }
        var examples: [(duty: Int, mandate: Int)] = []
        for index in explicit.indices where explicit[index] >= 0 { examples.append((index, Int(explicit[index]))) }
        // Profiles sum their examples' weights in the order of the duties' ids, not of the file: the same
        // chart written in another order learns the same profiles to the last bit.
        examples = Self.sortedByID(examples, graph: graph)
        let postings = MandatePostings(MandateInference(vectors: vectors, mandates: duties.count..<(duties.count + mandates.count),
                                                        examples: examples), ids: mandates.map(\.id.rawValue))
        let representative = representatives.value()
        let scored = representative.indices.filter { representative[$0] == Int32($0) }
        let chunks = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount * 2))
        let chunkSize = (scored.count + chunks - 1) / chunks
        nonisolated(unsafe) let best = UnsafeMutableBufferPointer<(mandate: Int, score: Double)?>.allocate(capacity: duties.count)
        let mandateLevels = mandates.map(\.level)
        let offset = duties.count
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var scratch = postings.scratch()
            for position in scored[min(scored.count, chunk * chunkSize)..<min(scored.count, (chunk + 1) * chunkSize)] {
                // Only mandates of the unit's own level of government (or of none).
                let level = graph.level[duties[position].unit]
                (best.baseAddress! + position).initialize(to: postings.best(duty: position, threshold: threshold,
                                                                            scratch: &scratch) { candidate in
                    let mandateLevel = mandateLevels[candidate - offset]
                    return level == nil || mandateLevel == nil || mandateLevel == level
                })
            }
        }
        let answerChunkSize = (duties.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for position in min(duties.count, chunk * answerChunkSize)..<min(duties.count, (chunk + 1) * answerChunkSize) {
                let scoredFor = representative.isEmpty ? -1 : Int(representative[position])
                guard scoredFor != position else { continue }
                (best.baseAddress! + position).initialize(to: scoredFor < 0 ? nil : best[scoredFor])
            }
        }
        // Their profiles and postings copy the vectors' arrays: gone before the overlap score.
        _ = consume postings
        // Gathered per catalogue mandate (by the position of its first entry) in duty order, and only then
        // keyed by id: a dictionary keyed by a `String` id for every duty hashed a million ids at L.
        let first = mandates.map { mandateIndex[$0.id].map { $0 - offset } ?? 0 }
        var byMandate = [[MandateAssignment]](repeating: [], count: mandates.count)
        // Each list reserved at its size first: grown by doubling, then trimmed, they held up to three times
        // their assignments at the inference's peak.
        var sizes = [Int](repeating: 0, count: mandates.count)
        for index in duties.indices {
            if explicit[index] >= 0 {
                sizes[Int(explicit[index]) - offset] += 1
            } else if explicit[index] == -1, let choice = best[index] {
                sizes[first[choice.mandate - offset]] += 1
            }
        }
        for position in sizes.indices where sizes[position] > 0 { byMandate[position].reserveCapacity(sizes[position]) }
        // The catalogue mandates' lists filled on two cores (the mandates split where half the assignments
        // are gathered; a list is filled by one core, in duty order), the inferred assignments and those of
        // mandates the catalogue lacks on a third job alongside, also in duty order.
        let half = (sizes.reduce(0, +) + 1) / 2
        var splitAt = 0, gathered = 0
        while splitAt < sizes.count, gathered < half { gathered += sizes[splitAt]; splitAt += 1 }
        let split = splitAt
        sizes = []
        var uncatalogued: [MandateID: [MandateAssignment]] = [:]
        byMandate.withUnsafeMutableBufferPointer { lists in
            withUnsafeMutablePointer(to: &inferred) { inferred in
                withUnsafeMutablePointer(to: &uncatalogued) { uncatalogued in
                    nonisolated(unsafe) let (lists, inferred, uncatalogued) = (lists, inferred, uncatalogued)
                    DispatchQueue.concurrentPerform(iterations: 3) { job in
                        if job == 2 {
                            for (index, reference) in duties.enumerated() where explicitMandates[index] < 0 {
                                if explicitMandates[index] == -2, let mandate = graph[duty: reference].mandate {
                                    uncatalogued.pointee[mandate, default: []].append(MandateAssignment(
                                        duty: index, mandate: mandate, role: graph[duty: reference].role, inferredScore: nil))
                                } else if explicitMandates[index] == -1, let choice = best[index] {
                                    inferred.pointee.append(duty: index, mandate: choice.mandate - offset, score: choice.score,
                                                            role: graph[duty: reference].role)
                                }
                            }
                            return
                        }
                        let mine = job == 0 ? 0..<split : split..<lists.count
                        for (index, reference) in duties.enumerated() {
                            let position: Int, list: Int, score: Double?
                            if explicitMandates[index] >= 0 {
                                (position, score) = (Int(explicitMandates[index]) - offset, nil)
                                list = position
                            } else if explicitMandates[index] == -1, let choice = best[index] {
                                (position, score) = (choice.mandate - offset, choice.score)
                                list = first[position]
                            } else {
                                continue
                            }
                            guard mine.contains(list) else { continue }
                            lists[list].append(MandateAssignment(duty: index, mandate: mandates[position].id,
                                                                 role: graph[duty: reference].role, inferredScore: score))
                        }
                    }
                }
            }
        }
        explicit = []
        best.deallocate()
        // Lists are in duty order (duties were read in order) and at their size; those of mandates the
        // catalogue lacks grew by doubling.
        swap(&assignments, &uncatalogued)  // moved, not shared: trimming a list then copies no dictionary
        for key in Array(assignments.keys) { assignments[key]?.trimCapacity() }
        for (position, list) in byMandate.enumerated() where !list.isEmpty {
            assignments[mandates[position].id] = list
        }
        byMandate = []
        self.assignments = assignments
        self.inferred = inferred
        clock.lap("mandate inference")

        Self.addCataloguePairs(graph: graph, settings: settings, vectors: vectors, to: &textCandidates,
                               assignments: assignments)
        // The vectors' last reader was the line above: released here, before the objects are read.
        _ = consume vectors
        similarPairs = Self.scoredPairs(graph: graph, settings: settings, flags: textFlags, candidates: &textCandidates,
                                        inferred: inferred, copies: copies)
        clock.lap("overlap score")
        timings = clock.timings
        memory = clock.memory
    }

    /// The nature of the duty at `index` in `DutyGraph.duties`.
    public func nature(of index: Int) -> DutyNature { natures[index] }

    /// The nature of the duty `reference` points at in `graph` (the graph this analysis ran on). O(1).
    public func nature(of reference: DutyReference, in graph: DutyGraph) -> DutyNature {
        natures[graph.firstDuty[reference.unit] + reference.offset]
    }

    /// The nature of the duty with `id` in unit `unit` of `graph`, if the unit has such a duty: what a
    /// reporter holding a finding's units and duty ids asks. O(duties of the unit).
    public func nature(of id: DutyID, unit: UnitID, in graph: DutyGraph) -> DutyNature? {
        guard let position = graph.index[unit],
              let offset = graph.unit(position).duties.firstIndex(where: { $0.id == id }) else { return nil }
        return natures[graph.firstDuty[position] + offset]
    }

    /// "dutyId=nature" for each duty of `indices`, sorted: the `dutyNatures` evidence.
    func natureEvidence(_ indices: [Int], graph: DutyGraph) -> EvidenceValue {
        .list(indices.map { "\(graph[duty: graph.duties[$0]].id)=\(natures[$0].rawValue)" }.sorted())
    }

    /// `examples` in the order of their duties' ids as `String`s compare them (stable). When every id is
    /// ASCII (for ASCII, `String` compares bytes), the ids are compared as bytes: their first 16 read as a
    /// 128-bit number (XML allows no NUL, so padding with zeros keeps a prefix first), then the rest, from
    /// one buffer of every id; only a chart with an id that is not ASCII makes them `String`s, as before:
    /// making and comparing half a million of them took 0.19 s of L's mandate inference.
    static func sortedByID(_ examples: [(duty: Int, mandate: Int)], graph: DutyGraph) -> [(duty: Int, mandate: Int)] {
        let duties = graph.duties
        // The keys made on every core in contiguous chunks (each chunk the first to write its part of them),
        // each with its ids' bytes after their first 16.
        let chunks = examples.count < 8192 ? 1 : max(1, min(16, ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunkSize = (examples.count + chunks - 1) / chunks
        var tails = [(bytes: [UInt8], ends: [Int], ascii: Bool)](repeating: ([], [], true), count: chunks)
        var keys = [(high: UInt64, low: UInt64, position: Int)](unsafeUninitializedCapacity: examples.count) { buffer, initialized in
            nonisolated(unsafe) let keys = buffer
            tails.withUnsafeMutableBufferPointer { tailBuffer in
                nonisolated(unsafe) let tails = tailBuffer
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    var bytesAfter: [UInt8] = [], ends: [Int] = [], ascii = true
                    for position in min(examples.count, chunk * chunkSize)..<min(examples.count, (chunk + 1) * chunkSize) {
                        graph.withIDBytes(duties[examples[position].duty]) { bytes in
                            var high: UInt64 = 0, low: UInt64 = 0
                            for offset in 0..<16 {
                                let byte = offset < bytes.count ? bytes[offset] : 0
                                if offset < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
                            }
                            keys[position] = (high, low, position)
                            if bytes.count > 16 { bytesAfter.append(contentsOf: bytes[16...]) }
                            if bytes.contains(where: { $0 >= 0x80 }) { ascii = false }
                        }
                        ends.append(bytesAfter.count)
                    }
                    tails[chunk] = (bytesAfter, ends, ascii)
                }
            }
            initialized = examples.count
        }
        guard tails.allSatisfy(\.ascii) else {
            let ids = examples.map { graph[duty: duties[$0.duty]].id.rawValue }
            return examples.indices.stablySorted { ids[$0] < ids[$1] }.map { examples[$0] }
        }
        // Each id's bytes after its first 16, one after the other: id `i`'s are `rest[restStart[i]..<restStart[i + 1]]`.
        var rest: [UInt8] = [], restStart = [0]
        rest.reserveCapacity(tails.reduce(0) { $0 + $1.bytes.count })
        restStart.reserveCapacity(examples.count + 1)
        for tail in tails {
            let base = rest.count
            rest += tail.bytes
            restStart += tail.ends.map { base + $0 }
        }
        rest.withUnsafeBufferPointer { rest in
            nonisolated(unsafe) let rest = rest
            let restStart = restStart
            keys.stablySort { first, second in
                if (first.high, first.low) != (second.high, second.low) { return (first.high, first.low) < (second.high, second.low) }
                let a = rest[restStart[first.position]..<restStart[first.position + 1]]
                let b = rest[restStart[second.position]..<restStart[second.position + 1]]
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(rest.baseAddress! + a.startIndex, rest.baseAddress! + b.startIndex, common)
                if order != 0 { return order < 0 }
                return (a.count, first.position) < (b.count, second.position)
            }
        }
        return keys.map { examples[$0.position] }
    }

    /// A level of government as a small number: its position among the levels, or their count for none
    /// (below 8: a memo key packs it in three bits).
    static func levelCode(_ level: GovernmentLevel?) -> Int {
        level.flatMap { GovernmentLevel.allCases.firstIndex(of: $0) } ?? GovernmentLevel.allCases.count
    }
}
