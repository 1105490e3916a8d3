/// How a thesaurus keys its terms: by their syllables' keys, marked and unmarked.
extension Thesaurus {
    /// A term's syllables read once: how many, its key (``key(_:)``) and its unmarked key (``plainKey(_:)``).
    struct TermKeys {
        let syllables: Int
        let key: String
        let plain: String

        init(_ term: String) {
            let syllables = VietnameseText.syllables(term)
            self.syllables = syllables.count
            key = Thesaurus.key(of: syllables)
            plain = Thesaurus.plainKey(of: syllables)
        }
    }

    /// The spelling-independent key of a term: its syllable keys (tone placement and i/y unified).
    static func key(_ term: String) -> String {
        key(of: VietnameseText.syllables(term))
    }

    static func key(of syllables: [VietnameseText.Syllable]) -> String {
        syllables.map(\.key).joined(separator: " ")
    }

    /// A term's key without any mark (`giay phep`).
    static func plainKey(_ term: String) -> String {
        plainKey(of: VietnameseText.syllables(term))
    }

    static func plainKey(of syllables: [VietnameseText.Syllable]) -> String {
        syllables.map(\.plain).joined(separator: " ")
    }
}
