/// Phrases found in one pass over a text's plain keys written between spaces (" a b c ", as
/// ``VietnameseText/SyllableCache/paddedPlain(_:into:)`` writes them): whole syllables only, since every
/// phrase is searched as " phrase ". Each phrase belongs to a group; ``groups(in:)`` returns the groups
/// found as bits. Only the phrases that open with the letter at each word start are compared, so a duty is
/// read once rather than once per phrase (a search per phrase was most of the cost of classifying a
/// national chart's duties).
struct PaddedPhrases: Sendable {
    private struct Phrase: Sendable {
        var group: Int
        var bytes: [UInt8]
        /// A word that must not follow the phrase for it to count (" cua so " before "huu": "sở hữu").
        var notBefore: [UInt8]?
    }

    /// The phrases by the first byte of their first syllable.
    private var byFirstByte = [[Phrase]](repeating: [], count: 256)

    /// `groups[g]` holds the phrases of group `g` (at most 64 groups), each a plain form ("quan li nha nuoc");
    /// a phrase of group `g` counts only when the word after it is not `notBefore[g]`, where one is given.
    init(_ groups: [[String]], notBefore: [Int: String] = [:]) {
        precondition(groups.count <= 64, "at most 64 groups")
        for (group, phrases) in groups.enumerated() {
            for phrase in phrases {
                let bytes = Array(" \(phrase) ".utf8)
                guard bytes.count > 2 else { continue }
                byFirstByte[Int(bytes[1])].append(Phrase(group: group, bytes: bytes,
                                                         notBefore: notBefore[group].map { Array("\($0) ".utf8) }))
            }
        }
    }

    /// The groups with a phrase in `plain`, as bits (bit `g` for group `g`).
    func groups(in plain: [UInt8]) -> UInt64 {
        var found: UInt64 = 0
        plain.withUnsafeBufferPointer { text in
            for start in 0..<max(0, text.count - 2) where text[start] == 0x20 {
                for phrase in byFirstByte[Int(text[start + 1])] where found & (1 << UInt64(phrase.group)) == 0 {
                    let end = start + phrase.bytes.count
                    guard end <= text.count, text[start..<end].elementsEqual(phrase.bytes) else { continue }
                    if let word = phrase.notBefore, text[end...].starts(with: word) { continue }
                    found |= 1 << UInt64(phrase.group)
                }
            }
        }
        return found
    }
}
