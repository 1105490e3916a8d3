import OrgModel

/// Why two duty statements were (or were not) matched: their similarity read as written and read through
/// the thesaurus, the words and word pairs they share once read, and every thesaurus entry each one used.
/// What `orgscope explain-match` prints, so that a reviewer can see the evidence for a match.
public struct MatchExplanation: Sendable {
    /// The two statements as written.
    public var texts: (String, String)
    /// The two statements as the engine reads them (after the thesaurus).
    public var read: (String, String)
    /// Cosine of the two as written, and through the thesaurus, with document frequencies over `background`.
    public var similarity: Double, thesaurusSimilarity: Double
    /// Words (syllables, tone placement unified) both read texts hold, in the first text's order.
    public var sharedWords: [String]
    /// Consecutive word pairs both read texts hold, in the first text's order.
    public var sharedPairs: [String]
    /// The thesaurus entries each text used, with the term found.
    public var links: ([(term: String, entry: Thesaurus.Entry)], [(term: String, entry: Thesaurus.Entry)])
    /// Whether either is a catch-all or the unit's own housekeeping, which OVL002 never compares.
    public var excluded: Bool
    /// Each statement's actions and object (``ActionClass/read(_:)``).
    public var readings: ((actions: Set<ActionClass>, object: String), (actions: Set<ActionClass>, object: String))
    /// Cosine of the two objects through the thesaurus.
    public var objectSimilarity: Double
    /// The mandate both are assigned to and the lower of the two scores (1 when written in the chart),
    /// when they share one.
    public var sharedMandate: (mandate: MandateID, score: Double)?

    /// The channels of the overlap score.
    public var features: OverlapFeatures {
        OverlapFeatures(cosine: excluded ? 0 : thesaurusSimilarity, sharedMandate: sharedMandate?.score ?? 0,
                        object: excluded ? 0 : objectSimilarity,
                        action: ActionClass.agreement(readings.0.actions, readings.1.actions))
    }

    /// Explains the pair `a`, `b`, with document frequencies over `background` (the chart's duties);
    /// `sharedMandate` is what the engine assigned both to, if anything.
    public init(_ a: String, _ b: String, background: [String], thesaurus: Thesaurus,
                sharedMandate: (mandate: MandateID, score: Double)? = nil) {
        texts = (a, b)
        self.sharedMandate = sharedMandate
        readings = (ActionClass.read(a), ActionClass.read(b))
        let objects = TextVectors(texts: [readings.0.object, readings.1.object] + background.map { ActionClass.read($0).object },
                                  thesaurus: thesaurus)
        objectSimilarity = objects.similarity(0, 1)
        read = (thesaurus.rewrite(a), thesaurus.rewrite(b))
        let plain = TextVectors(texts: [a, b] + background)
        let expanded = TextVectors(texts: [a, b] + background, thesaurus: thesaurus)
        excluded = plain.isExcludedFromOverlap(0) || plain.isExcludedFromOverlap(1)
        similarity = plain.similarity(0, 1)
        thesaurusSimilarity = expanded.similarity(0, 1)
        let first = VietnameseText.syllables(read.0), second = VietnameseText.syllables(read.1)
        // Text typed without diacritics is compared without marks, as the engine does.
        let plainly = VietnameseText.isUnmarked(first) || VietnameseText.isUnmarked(second)
        let key = { (syllable: VietnameseText.Syllable) in plainly ? syllable.plain : syllable.key }
        let secondKeys = Set(second.map(key))
        let secondPairs = Set(zip(second, second.dropFirst()).map { key($0) + " " + key($1) })
        var seen = Set<String>()
        sharedWords = []
        let words = Self.words(read.0)
        for (index, syllable) in first.enumerated() where secondKeys.contains(key(syllable)) && seen.insert(key(syllable)).inserted {
            sharedWords.append(index < words.count ? words[index] : key(syllable))
        }
        sharedPairs = []
        for index in first.indices.dropLast() {
            let pair = key(first[index]) + " " + key(first[index + 1])
            guard secondPairs.contains(pair), seen.insert(pair).inserted else { continue }
            sharedPairs.append(index + 1 < words.count ? words[index] + " " + words[index + 1] : pair)
        }
        links = (thesaurus.matches(in: a).filter { Self.changes($0) }, thesaurus.matches(in: b).filter { Self.changes($0) })
    }

    /// The words of `text` in lower case, one per syllable.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        VietnameseText.forEachWord(text) { word in
            for _ in VietnameseText.syllables(ofWord: word) { words.append(word.lowercased()) }
        }
        return words
    }

    /// True when the entry changes how the term is read (not the first term of a synonym set).
    private static func changes(_ match: (term: String, entry: Thesaurus.Entry)) -> Bool {
        match.entry.kind == .broader || Thesaurus.key(match.term) != Thesaurus.key(match.entry.terms[0])
    }
}
