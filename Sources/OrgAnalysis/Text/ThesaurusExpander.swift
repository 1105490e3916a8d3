/// The thesaurus as the tokeniser applies it, on one ``TextVectors`` builder's syllable ids: after each
/// term (the longest found at a position), the tokens of its set's first term and of its broader terms.
/// Text typed without diacritics is matched on unmarked keys and gets unmarked tokens, so that it stays
/// unmarked. The same reading as ``Thesaurus/rewrite(_:)`` on text (`ThesaurusTokeniserTests`).
struct ThesaurusExpander {
    /// A token: its marked and plain syllable ids, and whether it carries a mark.
    typealias Token = (marked: Int32, plain: Int32, hasMark: Bool)

    /// Terms by their syllable ids → the tokens added after them, for marked and for unmarked text.
    private var marked: [[Int32]: [Token]] = [:], plain: [[Int32]: [Token]] = [:]
    /// The first syllable of every term, with the lengths (in syllables, as bits) of the terms it opens:
    /// other positions are passed over at once, and only those lengths are looked up.
    private var firstsMarked: [Int32: UInt64] = [:], firstsPlain: [Int32: UInt64] = [:]
    /// The longest term, in syllables.
    private var longest = 0
    // Scratch, reused for every text.
    private var outMarked: [Int32] = [], outPlain: [Int32] = [], outHasMark: [Bool] = []

    /// No thesaurus.
    init() {}

    /// `expansions` on the ids `id` gives each syllable key (a marked key, or `~` and an unmarked one).
    init(_ expansions: Thesaurus.Expansions, id: (String) -> Int32) {
        for (term, adds) in expansions.marked {
            let ids = term.map(id)
            marked[ids] = adds.map { (id($0.key), id("~" + $0.plain), $0.marked) }
            firstsMarked[ids[0], default: 0] |= Self.lengthBit(ids.count)
            longest = max(longest, ids.count)
        }
        for (term, adds) in expansions.plain {
            let ids = term.map { id("~" + $0) }
            plain[ids] = adds.map { (id($0.plain), id("~" + $0.plain), false) }
            firstsPlain[ids[0], default: 0] |= Self.lengthBit(ids.count)
            longest = max(longest, ids.count)
        }
    }

    /// The bit of a term of `length` syllables (terms of 64 syllables or more share the last bit, and are
    /// looked up at every length from 63 on).
    private static func lengthBit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

    /// True when it adds nothing.
    var isEmpty: Bool { longest == 0 }

    /// Rewrites one text's tokens in place.
    mutating func expand(marked tokensMarked: inout [Int32], plain tokensPlain: inout [Int32], hasMark: inout [Bool]) {
        let plainly = tokensMarked.count >= 4 && !hasMark.contains(true)
        let sequence = plainly ? tokensPlain : tokensMarked
        let firsts = plainly ? firstsPlain : firstsMarked
        guard sequence.contains(where: { firsts[$0] != nil }) else { return }
        outMarked.removeAll(keepingCapacity: true)
        outPlain.removeAll(keepingCapacity: true)
        outHasMark.removeAll(keepingCapacity: true)
        var index = 0
        while index < sequence.count {
            var length = 1
            var adds: [Token] = []
            if let lengths = firsts[sequence[index]] {
                for candidate in stride(from: min(longest, sequence.count - index), through: 1, by: -1)
                where lengths & Self.lengthBit(candidate) != 0 {
                    guard let found = (plainly ? plain : marked)[Array(sequence[index..<index + candidate])] else { continue }
                    length = candidate
                    adds = found
                    break
                }
            }
            for token in index..<index + length {
                outMarked.append(tokensMarked[token])
                outPlain.append(tokensPlain[token])
                outHasMark.append(hasMark[token])
            }
            for add in adds {
                outMarked.append(add.marked)
                outPlain.append(add.plain)
                outHasMark.append(add.hasMark)
            }
            index += length
        }
        swap(&tokensMarked, &outMarked)
        swap(&tokensPlain, &outPlain)
        swap(&hasMark, &outHasMark)
    }
}
