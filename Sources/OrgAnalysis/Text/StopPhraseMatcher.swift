/// Finds stop phrases in a syllable sequence (matched on plain keys, longest first).
struct StopPhraseMatcher {
    /// Phrases by their first word, longest first.
    private let byFirstWord: [Int32: [[Int32]]]

    /// The phrases, their plain syllables turned into ids by `id`.
    init(phrases: [String], id: (String) -> Int32) {
        let list = phrases.map { VietnameseText.syllables($0).map { id($0.plain) } }
            .filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
        byFirstWord = Dictionary(grouping: list, by: { $0[0] })
    }

    /// Sets `mask[i]` for every position inside a stop phrase of `words` (plain syllable ids).
    func mask(_ words: [Int32], into mask: inout [Bool]) {
        mask.removeAll(keepingCapacity: true)
        mask.append(contentsOf: repeatElement(false, count: words.count))
        var index = 0
        while index < words.count {
            var matched = 0
            for phrase in byFirstWord[words[index]] ?? [] where phrase.count <= words.count - index {
                if words[index..<index + phrase.count].elementsEqual(phrase) {
                    matched = phrase.count
                    break
                }
            }
            if matched > 0 {
                for position in index..<index + matched { mask[position] = true }
                index += matched
            } else {
                index += 1
            }
        }
    }
}
