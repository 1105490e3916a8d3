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
/// as one run of a shared array, and its two norms. A weight is `idf / norm`, computed when needed; the
/// plain-space features of a text are the images of its marked features (a marked key determines its
/// plain key), so they are derived rather than stored.
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
    /// Text `i`'s marked features are `features[offsets[i]..<offsets[i + 1]]`, ascending.
    /// Where each text's features start in `features` (then the end): 32 bits each, a million texts' worth
    /// of 20 million features fitting with room to spare (``Builder/add(_:keep:)`` checks).
    let offsets: [UInt32]
    let features: [Int32]
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
        self = withoutActuallyEscaping(text) { text in
            TextVectors(count: textCount, reader: { text }, stopPhrases: stopPhrases, workers: workers, thesaurus: thesaurus,
                        keeping: keeping)
        }
    }

    /// Builds the vectors of `count` texts, each worker reading its texts through a reader of its own
    /// that `reader` makes (a reader with scratch state, such as the overlap score's object reader).
    public init(count textCount: Int, reader: @Sendable () -> (Int) -> String, stopPhrases: [String] = StopPhrases.shipped,
                workers: Int? = nil, thesaurus: Thesaurus = Thesaurus(), keeping: (@Sendable (Int) -> Bool)? = nil) {
        let expansions = thesaurus.isEmpty ? nil : thesaurus.expansions()
        let workers = max(1, workers ?? (textCount >= 20_000 ? ProcessInfo.processInfo.activeProcessorCount : 1))
        let chunk = (textCount + workers - 1) / workers
        nonisolated(unsafe) let parts = UnsafeMutableBufferPointer<Builder?>.allocate(capacity: workers)
        parts.initialize(repeating: nil)
        defer { parts.deallocate() }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var builder = Builder(stopPhrases: stopPhrases, expansions: expansions)
            let text = reader()
            for index in min(textCount, worker * chunk)..<min(textCount, (worker + 1) * chunk) {
                builder.add(text(index), keep: keeping?(index) ?? true)
            }
            // Without the slack of doubling, the merge below holds the parts and their sum, not three times that.
            builder.features.trimCapacity()
            builder.offsets.trimCapacity()
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
        count = textCount
        // Kept at their exact sizes: the builder's arrays grew by doubling.
        builder.offsets.trimCapacity()
        builder.features.trimCapacity()
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
        // Written in place on every core (no buffer copied into the arrays afterwards).
        var markedNorms = [Float](repeating: 0, count: textCount)
        var plainNorms = [Float](repeating: 0, count: textCount)
        let (offsets, features, plainFeature) = (builder.offsets, builder.features, builder.plainFeature)
        markedNorms.withUnsafeMutableBufferPointer { marked in
            plainNorms.withUnsafeMutableBufferPointer { plainBuffer in
                nonisolated(unsafe) let (markedNorms, plainNorms) = (marked, plainBuffer)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var plain: [Int32] = []
                    for index in min(textCount, worker * chunk)..<min(textCount, (worker + 1) * chunk) {
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

    /// Tokenises texts into features, interning words, syllables and features as dense ids.
    private struct Builder {
        var offsets: [UInt32] = [0]
        var features: [Int32] = []
        var flags: [UInt8] = []
        var frequency: [Int32] = []
        var bigram: [Bool] = []
        var plainFeature: [Int32] = []

        private var words = ByteInterner()
        /// Per word id: its tokens, `tokenStart[w]..<tokenStart[w + 1]` of the token arrays.
        private var tokenStart: [Int32] = [0]
        private var tokenMarked: [Int32] = [], tokenPlain: [Int32] = []
        private var tokenHasMark: [Bool] = []
        private var syllables: [String: Int32] = [:]
        /// Each syllable id's key, and each feature id's key (syllable ids, see ``pair(_:_:)``).
        private var syllableKeys: [String] = []
        private var featureKeys: [UInt64] = []
        private var featureIDs = IDTable()
        private let stops: StopPhraseMatcher
        private let catchAll: CatchAllDuty.Matcher<Int32>
        private let selfAdministration: SelfAdministrationDuty.Matcher<Int32>
        // Scratch, reused for every text.
        private var marked: [Int32] = [], plain: [Int32] = [], hasMark: [Bool] = [], stopped: [Bool] = []
        private var textFeatures: [Int32] = [], plainScratch: [Int32] = []

        /// The thesaurus on this builder's syllable ids (empty: texts are read as written).
        private var expander = ThesaurusExpander()

        init(stopPhrases: [String], expansions: Thesaurus.Expansions? = nil) {
            var syllables: [String: Int32] = [:]
            var keys: [String] = []
            let plainID = { (word: String) -> Int32 in
                let key = "~" + word
                if let id = syllables[key] { return id }
                let id = Int32(syllables.count)
                syllables[key] = id
                keys.append(key)
                return id
            }
            stops = StopPhraseMatcher(phrases: stopPhrases, id: plainID)
            catchAll = CatchAllDuty.Matcher(id: plainID)
            selfAdministration = SelfAdministrationDuty.Matcher(id: plainID)
            self.syllables = syllables
            syllableKeys = keys
            if let expansions { expander = ThesaurusExpander(expansions) { syllableID($0) } }
        }

        /// Tokenises `text`: its features count in the frequencies, and are kept as its vector when `keep`.
        mutating func add(_ text: String, keep: Bool = true) {
            marked.removeAll(keepingCapacity: true)
            plain.removeAll(keepingCapacity: true)
            hasMark.removeAll(keepingCapacity: true)
            VietnameseText.forEachWordBytes(text) { word in
                var id = words.find(word)
                if id < 0 {
                    id = words.insert(word)
                    intern(String(decoding: word, as: UTF8.self))
                }
                for token in Int(tokenStart[Int(id)])..<Int(tokenStart[Int(id) + 1]) {
                    marked.append(tokenMarked[token])
                    plain.append(tokenPlain[token])
                    hasMark.append(tokenHasMark[token])
                }
            }
            if !expander.isEmpty { expander.expand(marked: &marked, plain: &plain, hasMark: &hasMark) }
            stops.mask(plain, into: &stopped)
            var value: UInt8 = 0
            if marked.count >= 4, !hasMark.contains(true) { value |= TextVectors.unmarkedFlag }
            if catchAll.matches(plain) { value |= TextVectors.catchAllFlag }
            if selfAdministration.matches(plain) { value |= TextVectors.selfAdministrationFlag }
            flags.append(value)

            textFeatures.removeAll(keepingCapacity: true)
            for index in marked.indices where !stopped[index] {
                textFeatures.append(feature(marked[index], plain[index]))
                if index + 1 < marked.count, !stopped[index + 1] {
                    textFeatures.append(feature(marked[index], marked[index + 1], plain[index], plain[index + 1]))
                }
            }
            textFeatures.sort()
            var distinct = 0
            for position in textFeatures.indices where distinct == 0 || textFeatures[position] != textFeatures[distinct - 1] {
                textFeatures[distinct] = textFeatures[position]
                frequency[Int(textFeatures[position])] += 1
                distinct += 1
            }
            textFeatures.removeLast(textFeatures.count - distinct)
            TextVectors.plainSet(textFeatures[...], plainFeature: plainFeature, into: &plainScratch)
            for id in plainScratch { frequency[Int(id)] += 1 }
            if keep { features.append(contentsOf: textFeatures) }
            precondition(features.count <= Int(UInt32.max), "more features than 32-bit offsets address")
            offsets.append(UInt32(features.count))
        }

        /// Records the tokens of a word seen for the first time.
        private mutating func intern(_ word: String) {
            for syllable in VietnameseText.syllables(ofWord: word) {
                tokenMarked.append(syllableID(syllable.key))
                tokenPlain.append(syllableID("~" + syllable.plain))
                tokenHasMark.append(syllable.marked)
            }
            tokenStart.append(Int32(tokenMarked.count))
        }

        private mutating func syllableID(_ key: String) -> Int32 {
            if let id = syllables[key] { return id }
            let id = Int32(syllables.count)
            syllables[key] = id
            syllableKeys.append(key)
            return id
        }

        /// Appends the texts `other` tokenised after this builder's, as if this builder had read them:
        /// `other`'s syllables and features are renamed to this builder's ids (new ones numbered in
        /// `other`'s order of first occurrence, which is the order one builder would have given them).
        mutating func merge(_ other: Builder) {
            let syllableMap = other.syllableKeys.map { syllableID($0) }
            var featureMap = [Int32](repeating: -1, count: other.featureKeys.count)
            for (local, key) in other.featureKeys.enumerated() {
                let renamed: UInt64
                if key & (1 << 63) != 0 {
                    renamed = Self.pair(syllableMap[Int((key >> 32) & 0x7FFF_FFFF)], syllableMap[Int(key & 0xFFFF_FFFF)])
                } else {
                    renamed = UInt64(UInt32(bitPattern: syllableMap[Int(key)]))
                }
                let id: Int32
                if let existing = featureIDs.find(renamed) {
                    id = existing
                } else {
                    id = append(renamed, isBigram: other.bigram[local])
                    // A feature's plain counterpart is numbered before it: already renamed.
                    let plainLocal = Int(other.plainFeature[local])
                    plainFeature[Int(id)] = plainLocal == local ? id : featureMap[plainLocal]
                }
                featureMap[local] = id
                frequency[Int(id)] += other.frequency[local]
            }
            let base = features.count
            // Grown once to the exact size: doubling here would hold three copies of a national chart's
            // features at once.
            features.reserveCapacity(features.count + other.features.count)
            offsets.reserveCapacity(offsets.count + other.offsets.count)
            flags.reserveCapacity(flags.count + other.flags.count)
            var run: [Int32] = []
            for text in 0..<(other.offsets.count - 1) {
                run.removeAll(keepingCapacity: true)
                for position in Int(other.offsets[text])..<Int(other.offsets[text + 1]) {
                    run.append(featureMap[Int(other.features[position])])
                }
                run.sort()
                features.append(contentsOf: run)
                precondition(base + Int(other.offsets[text + 1]) <= Int(UInt32.max), "more features than 32-bit offsets address")
                offsets.append(UInt32(base + Int(other.offsets[text + 1])))
            }
            flags.append(contentsOf: other.flags)
        }

        /// Renumbers features in an order that depends only on what they are (a hash of their syllables'
        /// keys, ties broken by the keys themselves), not on where they first occurred: scores sum their
        /// terms in feature order, so that the same texts in another order give the same scores to the
        /// last bit, and the same findings.
        mutating func renumberCanonically(workers: Int) {
            let syllableHashes = syllableKeys.map { key in
                key.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
            }
            func text(_ key: UInt64) -> String {
                key & (1 << 63) != 0
                    ? syllableKeys[Int((key >> 32) & 0x7FFF_FFFF)] + " " + syllableKeys[Int(key & 0xFFFF_FFFF)]
                    : syllableKeys[Int(key)]
            }
            var order: [(hash: UInt64, id: Int32)] = featureKeys.enumerated().map { id, key in
                let hash = key & (1 << 63) != 0
                    ? IDTable.mix(syllableHashes[Int((key >> 32) & 0x7FFF_FFFF)] &* 31 ^ IDTable.mix(syllableHashes[Int(key & 0xFFFF_FFFF)]))
                    : IDTable.mix(syllableHashes[Int(key)])
                return (hash, Int32(id))
            }
            order.sort { $0.hash != $1.hash ? $0.hash < $1.hash : text(featureKeys[Int($0.id)]) < text(featureKeys[Int($1.id)]) }
            var renamed = [Int32](repeating: 0, count: order.count)
            for (position, entry) in order.enumerated() { renamed[Int(entry.id)] = Int32(position) }
            frequency = order.map { frequency[Int($0.id)] }
            bigram = order.map { bigram[Int($0.id)] }
            plainFeature = order.map { renamed[Int(plainFeature[Int($0.id)])] }
            // (The id table and keys are not renumbered: the builder is done once this has run.)
            // Each text's run, renamed and sorted again; texts in chunks on every core.
            let texts = offsets.count - 1, chunk = (texts + workers - 1) / max(workers, 1)
            let (bounds, map) = (offsets, renamed)
            features.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let runs = buffer
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for text in min(texts, worker * chunk)..<min(texts, (worker + 1) * chunk) {
                        var run = UnsafeMutableBufferPointer(rebasing: runs[Int(bounds[text])..<Int(bounds[text + 1])])
                        for position in run.indices { run[position] = map[Int(run[position])] }
                        run.sort()
                    }
                }
            }
        }

        /// The unigram feature of a marked syllable, its plain counterpart created with it.
        private mutating func feature(_ markedSyllable: Int32, _ plainSyllable: Int32) -> Int32 {
            let key = UInt64(UInt32(bitPattern: markedSyllable))
            if let id = featureIDs.find(key) { return id }
            return newFeature(key, plainKey: UInt64(UInt32(bitPattern: plainSyllable)), isBigram: false)
        }

        /// The bigram feature of two marked syllables, its plain counterpart created with it.
        private mutating func feature(_ first: Int32, _ second: Int32, _ plainFirst: Int32, _ plainSecond: Int32) -> Int32 {
            let key = Self.pair(first, second)
            if let id = featureIDs.find(key) { return id }
            return newFeature(key, plainKey: Self.pair(plainFirst, plainSecond), isBigram: true)
        }

        private static func pair(_ first: Int32, _ second: Int32) -> UInt64 {
            (UInt64(UInt32(bitPattern: first)) << 32) | UInt64(UInt32(bitPattern: second)) | (1 << 63)
        }

        private mutating func newFeature(_ key: UInt64, plainKey: UInt64, isBigram: Bool) -> Int32 {
            let plainID: Int32
            if let existing = featureIDs.find(plainKey) {
                plainID = existing
            } else {
                plainID = append(plainKey, isBigram: isBigram)
                plainFeature[Int(plainID)] = plainID
            }
            if plainKey == key { return plainID }
            let id = append(key, isBigram: isBigram)
            plainFeature[Int(id)] = plainID
            return id
        }

        private mutating func append(_ key: UInt64, isBigram: Bool) -> Int32 {
            let id = Int32(frequency.count)
            featureIDs.insert(key, id)
            featureKeys.append(key)
            frequency.append(0)
            bigram.append(isBigram)
            plainFeature.append(-1)
            return id
        }
    }
}
