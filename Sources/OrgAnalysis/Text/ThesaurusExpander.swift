/// The thesaurus as the tokeniser applies it, on one ``TextVectors`` builder's syllable ids: after each
/// term (the longest found at a position), the tokens of its set's first term and of its broader terms.
/// Text typed without diacritics is matched on unmarked keys and gets unmarked tokens, so that it stays
/// unmarked. The same reading as ``Thesaurus/rewrite(_:)`` on text (`ThesaurusTokeniserTests`).
struct ThesaurusExpander {
    /// A token: its marked and plain syllable ids, and whether it carries a mark.
    typealias Token = (marked: Int32, plain: Int32, hasMark: Bool)

    /// A term (its syllable ids) and the tokens added after it.
    private struct Term {
        var ids: [Int32]
        var adds: [Token]
    }

    /// Terms by the hash of their syllable ids (``mix(_:_:)`` along them), for marked and for unmarked text:
    /// looked up by a hash computed as the text is walked, with no array made per candidate. The hash
    /// finds its bucket through an ``IDTable`` (a `Dictionary` keyed by it hashed it again, through
    /// SipHash, at every token a term may start at).
    private var marked = Table(), plain = Table()

    /// Buckets of terms sharing a hash, and where each hash's bucket is.
    private struct Table {
        var index = IDTable()
        var buckets: [[Term]] = []

        func terms(_ hash: UInt64) -> [Term]? { index.find(hash).map { buckets[Int($0)] } }
    }
    /// The lengths (in syllables, as bits) of the terms each syllable id opens, by id (0 for most, and for
    /// ids beyond the array: syllables read after the thesaurus): other positions are passed over at once,
    /// and only those lengths are looked up. An array, not a dictionary: it is read at every token.
    private var firstsMarked: [UInt64] = [], firstsPlain: [UInt64] = []
    /// The longest term, in syllables.
    private var longest = 0
    // Scratch, reused for every text.
    private var outMarked: [Int32] = [], outPlain: [Int32] = [], outHasMark: [Bool] = []
    private var prefixHashes: [UInt64] = []

    /// No thesaurus.
    init() {}

    /// `expansions` on the ids `id` gives each syllable key (a marked key, or `~` and an unmarked one).
    init(_ expansions: Thesaurus.Expansions, id: (String) -> Int32) {
        for (term, adds) in expansions.marked {
            let ids = term.map(id)
            Self.insert(Term(ids: ids, adds: adds.map { (id($0.key), id("~" + $0.plain), $0.marked) }), into: &marked)
            Self.add(Self.lengthBit(ids.count), at: ids[0], to: &firstsMarked)
            longest = max(longest, ids.count)
        }
        for (term, adds) in expansions.plain {
            let ids = term.map { id("~" + $0) }
            Self.insert(Term(ids: ids, adds: adds.map { (id($0.plain), id("~" + $0.plain), false) }), into: &plain)
            Self.add(Self.lengthBit(ids.count), at: ids[0], to: &firstsPlain)
            longest = max(longest, ids.count)
        }
    }

    /// The bit of a term of `length` syllables (terms of 64 syllables or more share the last bit, and are
    /// looked up at every length from 63 on).
    private static func lengthBit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

    private static func add(_ bit: UInt64, at id: Int32, to firsts: inout [UInt64]) {
        if firsts.count <= Int(id) { firsts += repeatElement(0, count: Int(id) + 1 - firsts.count) }
        firsts[Int(id)] |= bit
    }

    /// The lengths of the terms `id` opens, as bits (0 when none does).
    private static func lengths(_ firsts: UnsafeBufferPointer<UInt64>, _ id: Int32) -> UInt64 {
        Int(id) < firsts.count ? firsts[Int(id)] : 0
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of a term extended by one syllable id (FNV-1a over the id's four bytes, then a final mix).
    private static func mix(_ hash: UInt64, _ id: Int32) -> UInt64 {
        var value = hash
        for shift in stride(from: 0, to: 32, by: 8) { value = (value ^ UInt64((UInt32(bitPattern: id) >> UInt32(shift)) & 0xFF)) &* 0x100_0000_01b3 }
        return value
    }

    private static func insert(_ term: Term, into table: inout Table) {
        let hash = term.ids.reduce(seed, mix)
        guard let bucket = table.index.find(hash).map({ Int($0) }) else {
            table.index.insert(hash, Int32(table.buckets.count))
            table.buckets.append([term])
            return
        }
        if let existing = table.buckets[bucket].firstIndex(where: { $0.ids == term.ids }) {
            table.buckets[bucket][existing] = term  // as the dictionary keyed by ids did: the last one given wins
        } else {
            table.buckets[bucket].append(term)
        }
    }

    /// True when it adds nothing.
    var isEmpty: Bool { longest == 0 }

    /// Rewrites one text's tokens in place.
    mutating func expand(marked tokensMarked: inout [Int32], plain tokensPlain: inout [Int32], hasMark: inout [Bool]) {
        let plainly = tokensMarked.count >= 4 && !hasMark.contains(true)
        let sequence = plainly ? tokensPlain : tokensMarked
        let table = plainly ? firstsPlain : firstsMarked
        table.withUnsafeBufferPointer { firsts in
            guard sequence.contains(where: { Self.lengths(firsts, $0) != 0 }) else { return }
            rewrite(sequence, firsts: firsts, plainly: plainly, marked: &tokensMarked, plain: &tokensPlain, hasMark: &hasMark)
        }
    }

    private mutating func rewrite(_ sequence: [Int32], firsts: UnsafeBufferPointer<UInt64>, plainly: Bool,
                                  marked tokensMarked: inout [Int32], plain tokensPlain: inout [Int32], hasMark: inout [Bool]) {
        // Tokens are copied only where a term adds some, in runs, up to the end of the term.
        var changed = false
        var copied = 0
        var index = 0
        let table = plainly ? plain : marked
        while index < sequence.count {
            var length = 1
            var adds: [Token] = []
            let lengths = Self.lengths(firsts, sequence[index])
            if lengths != 0 {
                let reach = min(longest, sequence.count - index)
                prefixHashes.removeAll(keepingCapacity: true)
                var hash = Self.seed
                for offset in 0..<reach {
                    hash = Self.mix(hash, sequence[index + offset])
                    prefixHashes.append(hash)
                }
                for candidate in stride(from: reach, through: 1, by: -1) where lengths & Self.lengthBit(candidate) != 0 {
                    guard let terms = table.terms(prefixHashes[candidate - 1]),
                          let found = terms.first(where: { $0.ids.elementsEqual(sequence[index..<index + candidate]) })
                    else { continue }
                    length = candidate
                    adds = found.adds
                    break
                }
            }
            index += length
            guard !adds.isEmpty else { continue }
            if !changed {
                changed = true
                outMarked.removeAll(keepingCapacity: true)
                outPlain.removeAll(keepingCapacity: true)
                outHasMark.removeAll(keepingCapacity: true)
            }
            outMarked.append(contentsOf: tokensMarked[copied..<index])
            outPlain.append(contentsOf: tokensPlain[copied..<index])
            outHasMark.append(contentsOf: hasMark[copied..<index])
            copied = index
            for add in adds {
                outMarked.append(add.marked)
                outPlain.append(add.plain)
                outHasMark.append(add.hasMark)
            }
        }
        guard changed else { return }
        outMarked.append(contentsOf: tokensMarked[copied...])
        outPlain.append(contentsOf: tokensPlain[copied...])
        outHasMark.append(contentsOf: hasMark[copied...])
        swap(&tokensMarked, &outMarked)
        swap(&tokensPlain, &outPlain)
        swap(&hasMark, &outHasMark)
    }
}
