import Dispatch
import Foundation

/// Duty and mandate texts as weighted feature vectors, ready to be compared.
///
/// Features are syllable unigrams and bigrams, in two spaces: the marked keys (tone-placement
/// independent) and the plain keys (no marks). Weights are inverse document frequency over the whole
/// corpus (every duty of the chart and every mandate), zero inside stop phrases; vectors have unit
/// length so that a dot product is a cosine.
///
/// Storage is built for a national chart (a million texts): each text keeps only its marked features,
/// as one run (a row) of a shared array, and its two norms. Copies of a text (``TextCopies``) share one
/// row: a national chart's 997,800 duties hold 60,689 distinct texts. A weight is `idf / norm`, computed
/// when needed; the plain-space features of a text are the images of its marked features (a marked key
/// determines its plain key), so they are derived rather than stored.
public struct TextVectors: Sendable {
    /// What a text is, besides its features.
    public struct Info: Sendable, Equatable {
        /// Typed without diacritics: compare it in the plain space.
        public var unmarked: Bool
        /// The catch-all duty: never compared.
        public var catchAll: Bool
        /// About the unit's own housekeeping ("... của Sở"): never compared for overlap.
        public var selfAdministration: Bool
    }

    /// Number of texts.
    public let count: Int
    /// Each text's row: text `i`'s marked features are `features[offsets[r]..<offsets[r + 1]]`, ascending,
    /// with `r = rows[i]`. Row 0 is empty (the texts not kept); copies of a text share a row.
    let rows: [Int32]
    /// Where each row's features start in `features` (then the end): 32 bits each, a million texts' worth
    /// of 20 million features fitting with room to spare (``Builder/add(_:index:keep:)`` checks).
    let offsets: [UInt32]
    let features: [Int32]
    /// Each row's norms.
    let markedNorms: [Float]
    let plainNorms: [Float]
    private(set) var flags: [UInt8]
    /// Inverse document frequency per feature (bigrams at half weight).
    let idf: [Float]
    /// Each feature's counterpart in the plain space (a plain feature maps to itself).
    let plainFeature: [Int32]
    /// How many texts each feature occurs in.
    public let documentFrequency: [Int32]
    /// Number of distinct features.
    public var featureCount: Int { documentFrequency.count }

    static let unmarkedFlag: UInt8 = 1, catchAllFlag: UInt8 = 2, selfAdministrationFlag: UInt8 = 4

    /// Builds the vectors of `texts`. A large corpus is tokenised on every core, in contiguous chunks,
    /// and the chunks' dictionaries merged in chunk order, so that every id, and so every vector and score,
    /// is the same as on one core. `workers` overrides the number of chunks (for tests).
    public init(texts: [String], stopPhrases: [String] = StopPhrases.shipped, workers: Int? = nil,
                thesaurus: Thesaurus = Thesaurus()) {
        self.init(count: texts.count, text: { texts[$0] }, stopPhrases: stopPhrases, workers: workers, thesaurus: thesaurus)
    }

    /// Builds the vectors of `count` texts read one at a time by `text(index)` (called once per index, on
    /// the worker that tokenises it): a million duty texts kept in the model's arenas are never all held
    /// as `String`s at once.
    ///
    /// With `keeping`, only the vectors of the texts it accepts are kept; every text still counts in the
    /// document frequencies, so a kept vector, and so every score between kept texts, is the same to the
    /// last bit as without it. A text not kept has an empty vector (norm 0). The overlap score compares
    /// the objects of the candidate pairs' duties only, against the frequencies of every duty's object.
    public init(count textCount: Int, text: @Sendable (Int) -> String, stopPhrases: [String] = StopPhrases.shipped,
                workers: Int? = nil, thesaurus: Thesaurus = Thesaurus(), keeping: (@Sendable (Int) -> Bool)? = nil) {
        self.init(count: textCount, text: text, stopPhrases: stopPhrases, workers: workers, thesaurus: thesaurus, keeping: keeping,
                  copies: nil)
    }

    /// ``init(count:text:stopPhrases:workers:thesaurus:keeping:)`` with the texts' `copies` known: a copy of a
    /// text the same worker read is counted and kept as that text was, without being read (the vectors are
    /// the same to the last bit).
    init(count textCount: Int, text: @Sendable (Int) -> String, stopPhrases: [String] = StopPhrases.shipped,
         workers: Int? = nil, thesaurus: Thesaurus = Thesaurus(), keeping: (@Sendable (Int) -> Bool)? = nil,
         copies: TextCopies?) {
        self = withoutActuallyEscaping(text) { text in
            TextVectors(count: textCount, reader: { text }, stopPhrases: stopPhrases, workers: workers, thesaurus: thesaurus,
                        keeping: keeping, copies: copies)
        }
    }

    /// Builds the vectors of `count` texts, each worker reading its texts through a reader of its own
    /// that `reader` makes (a reader with scratch state, such as the overlap score's object reader).
    public init(count textCount: Int, reader: @Sendable () -> (Int) -> String, stopPhrases: [String] = StopPhrases.shipped,
                workers: Int? = nil, thesaurus: Thesaurus = Thesaurus(), keeping: (@Sendable (Int) -> Bool)? = nil) {
        self.init(count: textCount, reader: reader, stopPhrases: stopPhrases, workers: workers, thesaurus: thesaurus,
                  keeping: keeping, copies: nil)
    }

    /// ``init(count:reader:stopPhrases:workers:thesaurus:keeping:)`` with the texts' `copies` known (as
    /// ``init(count:text:stopPhrases:workers:thesaurus:keeping:copies:)``): a copy replayed is not read.
    init(count textCount: Int, reader: @Sendable () -> (Int) -> String, stopPhrases: [String] = StopPhrases.shipped,
         workers: Int? = nil, thesaurus: Thesaurus = Thesaurus(), keeping: (@Sendable (Int) -> Bool)? = nil,
         copies: TextCopies?) {
        let expansions = thesaurus.isEmpty ? nil : thesaurus.expansions()
        let workers = max(1, workers ?? (textCount >= 20_000 ? ProcessInfo.processInfo.activeProcessorCount : 1))
        let chunk = (textCount + workers - 1) / workers
        // With the copies known, a worker reads the texts whose first copy falls to it by a hash, and every
        // copy of them: each text is read once (contiguous chunks read a text repeated in both halves of a
        // national chart twice, half its 90,000 readings); without, contiguous chunks.
        let shared = copies != nil && workers > 1
        let owner = { @Sendable (index: Int) -> Int in
            guard shared else { return index / chunk }
            return Int(IDTable.mix(UInt64(copies?.of(index) ?? index)) % UInt64(workers))
        }
        nonisolated(unsafe) let parts = UnsafeMutableBufferPointer<Builder?>.allocate(capacity: workers)
        parts.initialize(repeating: nil)
        defer { parts.deallocate() }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var builder = Builder(stopPhrases: stopPhrases, expansions: expansions, copies: copies)
            let text = reader()
            for index in shared ? 0..<textCount : min(textCount, worker * chunk)..<min(textCount, (worker + 1) * chunk) {
                guard !shared || owner(index) == worker else { continue }
                let keep = keeping?(index) ?? true
                if builder.replay(index, keep: keep) { continue }
                builder.add(text(index), index: index, keep: keep)
            }
            builder.settleCopies()
            // Without the slack of doubling, the merge below holds the parts and their sum, not three times that.
            builder.features.trimCapacity()
            builder.offsets.trimCapacity()
            builder.rows.trimCapacity()
            parts[worker] = builder
        }
        var builder = parts[0] ?? Builder(stopPhrases: stopPhrases, expansions: expansions)
        parts[0] = nil
        for worker in 1..<workers {
            guard let part = parts[worker] else { continue }
            parts[worker] = nil
            builder.merge(part)
        }
        builder.renumberCanonically(workers: workers)
        // The workers' texts back in their order: the merged rows and flags hold each worker's texts in turn.
        // On every core in contiguous chunks of the texts, each chunk starting, for each worker, after the
        // texts of that worker in the chunks before it.
        if shared {
            let chunks = workers * 4, size = (textCount + chunks - 1) / chunks
            let range = { @Sendable (chunk: Int) in min(textCount, chunk * size)..<min(textCount, (chunk + 1) * size) }
            var next = [Int](repeating: 0, count: chunks * workers)
            next.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let counts = buffer
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for index in range(chunk) { counts[chunk * workers + owner(index)] += 1 }
                }
            }
            var total = 0
            for worker in 0..<workers {
                for chunk in 0..<chunks { (next[chunk * workers + worker], total) = (total, total + next[chunk * workers + worker]) }
            }
            let (rows, flags, starts) = (builder.rows, builder.flags, next)
            func reordered<Value: Sendable>(_ values: [Value]) -> [Value] {
                [Value](unsafeUninitializedCapacity: textCount) { buffer, initialized in
                    nonisolated(unsafe) let result = buffer
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        var next = Array(starts[(chunk * workers)..<((chunk + 1) * workers)])
                        for index in range(chunk) {
                            let worker = owner(index)
                            (result.baseAddress! + index).initialize(to: values[next[worker]])
                            next[worker] += 1
                        }
                    }
                    initialized = textCount
                }
            }
            builder.rows = reordered(rows)
            builder.flags = reordered(flags)
        }
        count = textCount
        // Kept at their exact sizes: the builder's arrays grew by doubling.
        builder.offsets.trimCapacity()
        builder.features.trimCapacity()
        builder.rows.trimCapacity()
        rows = builder.rows
        offsets = builder.offsets
        features = builder.features
        flags = builder.flags
        plainFeature = builder.plainFeature
        documentFrequency = builder.frequency
        let total = Double(max(textCount, 1))
        // Bigrams at half weight: they reward shared word order without letting a shared two-word frame
        // ("kiểm tra việc") outweigh the subject (measured: scripts/eval-similarity).
        var idf = builder.frequency.map { Float(log(1 + total / Double(max($0, 1)))) }
        for (id, isBigram) in builder.bigram.enumerated() where isBigram { idf[id] *= 0.5 }
        self.idf = idf
        let weights = idf
        // Per row, written in place on every core (no buffer copied into the arrays afterwards).
        let rowCount = builder.offsets.count - 1, rowChunk = (rowCount + workers - 1) / workers
        var markedNorms = [Float](repeating: 0, count: rowCount)
        var plainNorms = [Float](repeating: 0, count: rowCount)
        let (offsets, features, plainFeature) = (builder.offsets, builder.features, builder.plainFeature)
        markedNorms.withUnsafeMutableBufferPointer { marked in
            plainNorms.withUnsafeMutableBufferPointer { plainBuffer in
                nonisolated(unsafe) let (markedNorms, plainNorms) = (marked, plainBuffer)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var plain: [Int32] = []
                    for index in min(rowCount, worker * rowChunk)..<min(rowCount, (worker + 1) * rowChunk) {
                        let range = Int(offsets[index])..<Int(offsets[index + 1])
                        markedNorms[index] = range.reduce(Float(0)) { $0 + weights[Int(features[$1])] * weights[Int(features[$1])] }
                            .squareRoot()
                        Self.plainSet(features[range], plainFeature: plainFeature, into: &plain)
                        plainNorms[index] = plain.reduce(Float(0)) { $0 + weights[Int($1)] * weights[Int($1)] }.squareRoot()
                    }
                }
            }
        }
        self.markedNorms = markedNorms
        self.plainNorms = plainNorms
    }

    /// Text `index`'s flags.
    public func info(_ index: Int) -> Info { TextFlags.info(flags[index]) }

    /// Marks text `index` as the catch-all duty, as the chart says it is (`catchAll="true"`, written by
    /// `orgscope extract`), however long its wording.
    public mutating func markCatchAll(_ index: Int) { flags[index] |= Self.catchAllFlag }

    /// True when text `index` was typed without marks.
    public func isUnmarked(_ index: Int) -> Bool { flags[index] & Self.unmarkedFlag != 0 }

    /// True when text `index` takes no part in overlap detection (catch-all or housekeeping).
    public func isExcludedFromOverlap(_ index: Int) -> Bool { TextFlags.isExcludedFromOverlap(flags[index]) }

    /// Every text's flags, apart from the features (which can then be released).
    public var textFlags: TextFlags { TextFlags(values: flags) }
}
