import Dispatch
import Foundation

extension TextVectors {
    /// Tokenises texts into features, interning words, syllables and features as dense ids.
    struct Builder {
        /// Per text: its row (``TextVectors/rows``); row 0 is the empty row of every text not kept.
        var rows: [Int32] = []
        /// Per row: where its features start in `features` (then the end).
        var offsets: [UInt32] = [0, 0]
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

        /// Copies of a text this builder has read (``TextCopies``) are replayed, not tokenised again: the same
        /// bytes give the same features, plain set and flags, and ids are made at the first reading, so they
        /// are the same either way. Per text read that has copies: its features, then its plain set, as runs
        /// of `memoRuns` (two ends each), its flags, the row its copies share once one is kept (-1 before),
        /// and how many copies were replayed (their frequencies are counted in ``settleCopies()``); found
        /// by the index of the copies' first text.
        private var memo = IDTable()
        private var memoRuns: [Int32] = [], memoEnds: [Int] = [0], memoFlags: [UInt8] = []
        private var memoRow: [Int32] = [], memoRepeats: [Int32] = []
        private let copies: TextCopies?

        init(stopPhrases: [String], expansions: Thesaurus.Expansions? = nil, copies: TextCopies? = nil) {
            self.copies = copies
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

        /// Reads text `index`, `text`: its features count in the frequencies, and are kept as its vector when
        /// `keep`.
        mutating func add(_ text: String, index: Int, keep: Bool = true) {
            tokenise(text, keep: keep)
            guard let first = copies?.of(index) else { return }
            memo.insert(UInt64(first), Int32(memoFlags.count))
            memoRuns.append(contentsOf: textFeatures)
            memoEnds.append(memoRuns.count)
            memoRuns.append(contentsOf: plainScratch)
            memoEnds.append(memoRuns.count)
            memoFlags.append(flags[flags.count - 1])
            memoRow.append(keep ? rows[rows.count - 1] : -1)
            memoRepeats.append(0)
        }

        /// Counts and keeps text `index` as its copy read before did (``add(_:index:keep:)``), if this builder
        /// read one: true when it did, and the text need not be read. A kept copy shares the row of the first
        /// copy kept; its frequencies are counted once for all its copies, in ``settleCopies()``.
        mutating func replay(_ index: Int, keep: Bool) -> Bool {
            guard let first = copies?.of(index), let known = memo.find(UInt64(first)).map(Int.init) else { return false }
            flags.append(memoFlags[known])
            memoRepeats[known] += 1
            guard keep else {
                rows.append(0)
                return true
            }
            if memoRow[known] < 0 { memoRow[known] = appendRow(memoRuns[memoEnds[2 * known]..<memoEnds[2 * known + 1]]) }
            rows.append(memoRow[known])
            return true
        }

        /// Counts the replayed copies in the frequencies, each text's features and plain set times its copies
        /// (integers: the same counts as one at a time), and releases the texts remembered (the builder reads
        /// no more texts).
        mutating func settleCopies() {
            for known in memoRepeats.indices where memoRepeats[known] > 0 {
                let repeats = memoRepeats[known]
                for position in memoEnds[2 * known]..<memoEnds[2 * known + 2] { frequency[Int(memoRuns[position])] += repeats }
            }
            memo = IDTable()
            memoRuns = []
            memoEnds = []
            memoFlags = []
            memoRow = []
            memoRepeats = []
        }

        /// Tokenises `text`: its features count in the frequencies, and are kept as its vector when `keep`;
        /// they are left in `textFeatures`, its plain set in `plainScratch`.
        private mutating func tokenise(_ text: String, keep: Bool) {
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
            guard keep else {
                rows.append(0)
                return
            }
            rows.append(appendRow(textFeatures))
        }

        /// Stores `run` as a new row of `features` and returns its number.
        private mutating func appendRow(_ run: some Collection<Int32>) -> Int32 {
            features.append(contentsOf: run)
            precondition(features.count <= Int(UInt32.max), "more features than 32-bit offsets address")
            offsets.append(UInt32(features.count))
            return Int32(offsets.count - 2)
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
            rows.reserveCapacity(rows.count + other.rows.count)
            // `other`'s row 0 is the empty row, ours; its row r the r-th after our last.
            let rowBase = Int32(offsets.count - 2)
            for row in other.rows { rows.append(row == 0 ? 0 : rowBase + row) }
            var run: [Int32] = []
            for row in 1..<(other.offsets.count - 1) {
                run.removeAll(keepingCapacity: true)
                for position in Int(other.offsets[row])..<Int(other.offsets[row + 1]) {
                    run.append(featureMap[Int(other.features[position])])
                }
                run.sort()
                features.append(contentsOf: run)
                precondition(base + Int(other.offsets[row + 1]) <= Int(UInt32.max), "more features than 32-bit offsets address")
                offsets.append(UInt32(base + Int(other.offsets[row + 1])))
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
            // Each row's run, renamed and sorted again; rows in chunks on every core.
            let rowCount = offsets.count - 1, chunk = (rowCount + workers - 1) / max(workers, 1)
            let (bounds, map) = (offsets, renamed)
            features.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let runs = buffer
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for row in min(rowCount, worker * chunk)..<min(rowCount, (worker + 1) * chunk) {
                        var run = UnsafeMutableBufferPointer(rebasing: runs[Int(bounds[row])..<Int(bounds[row + 1])])
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
