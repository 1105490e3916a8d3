import Foundation

extension GapResponsibility {
    /// The subjects listed in a functions text: what follows "quản lý nhà nước về", split at ";", ":", "."
    /// and ",", each without a leading "công tác"; none when the text does not say "quản lý nhà nước".
    static func subjects(_ function: String) -> [Set<String>] {
        var cache = VietnameseText.SyllableCache()
        return subjects(function, cache: &cache)
    }

    /// ``subjects(_:)`` with the words' syllables remembered in `cache`.
    ///
    /// A national chart has some eighteen thousand functions texts: the cue is looked for in the plain
    /// bytes, and a text that has it is cut into parts at its separator bytes, one word at a time, with no
    /// `String` per part and no split by `Character`. Where a separator could belong to a larger character
    /// (a combining mark after it, a prepended mark before it) or the text is decomposed, the parts are cut
    /// by `Character` as written (``subjectsByCharacters(_:cache:)``), which is the definition.
    static func subjects(_ function: String, cache: inout VietnameseText.SyllableCache) -> [Set<String>] {
        var padded: [UInt8] = []
        cache.paddedPlain(function, into: &padded)
        guard ByteSearch.first(of: cueBytes, in: padded) != nil else { return [] }
        var text = function
        let cut = text.withUTF8 { bytes in subjectsBySeparatorBytes(bytes, cache: &cache) }
        return cut ?? subjectsByCharacters(function, cache: &cache)
    }

    /// The definition of ``subjects(_:cache:)``: the written text split by `Character` at the separators,
    /// each part's plain syllables joined and searched for the opening.
    static func subjectsByCharacters(_ function: String, cache: inout VietnameseText.SyllableCache) -> [Set<String>] {
        let syllables = cache.syllables(function).map(\.plain)
        let joined = " " + syllables.joined(separator: " ") + " "
        let cue = " \(Self.stateManagement) "
        guard joined.containsBytes(of: cue) && joined.contains(cue) else { return [] }
        // Work on the written text so that the separators survive; the cue is found in its plain form.
        let parts = function.split(whereSeparator: { $0 == ";" || $0 == ":" || $0 == "." || $0 == "," })
        var subjects = SubjectList()
        for part in parts { subjects.add(part: cache.syllables(String(part)).map(\.plain)) }
        return subjects.result
    }

    /// The parts of a composed text cut at its separator bytes, or nil when a separator might not stand
    /// alone as a character (so that cutting by bytes could differ from cutting by `Character`).
    private static func subjectsBySeparatorBytes(_ bytes: UnsafeBufferPointer<UInt8>,
                                                 cache: inout VietnameseText.SyllableCache) -> [Set<String>]? {
        if bytes.contains(where: { $0 == 0xCC || $0 == 0xCD }) { return nil }  // combining marks: decomposed
        var subjects = SubjectList()
        var part: [String] = []
        var index = 0, gapStart = 0
        while true {
            let word = VietnameseText.nextWord(in: bytes, from: &index)
            let gapEnd = word?.lowerBound ?? bytes.count
            var separated = false
            for position in gapStart..<gapEnd where isSeparator(bytes[position]) {
                guard standsAlone(bytes, at: position) else { return nil }
                separated = true
            }
            if separated || word == nil {
                subjects.add(part: part)
                part.removeAll(keepingCapacity: true)
            }
            guard let word else { break }
            for syllable in cache.syllables(ofWordBytes: UnsafeBufferPointer(rebasing: bytes[word])) {
                part.append(syllable.plain)
            }
            gapStart = word.upperBound
        }
        return subjects.result
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
    }

    /// Whether the separator at `position` is a character of its own: what follows it is ASCII (no
    /// combining mark, joiner or spacing mark extends it), and what precedes it is a scalar below U+0600, a
    /// Vietnamese letter (U+1E00–U+1EFF) or punctuation (U+2000–U+207F), none of which is prepended
    /// to the next character.
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        if position + 1 < bytes.count, bytes[position + 1] >= 0x80 { return false }
        guard position > 0, bytes[position - 1] >= 0x80 else { return true }
        var start = position - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let lead = bytes[start]
        if lead < 0xE0 { return lead < 0xD8 }  // two bytes: below U+0600
        guard lead == 0xE1 || lead == 0xE2, position - start == 3 else { return false }
        let second = bytes[start + 1]
        return lead == 0xE1 ? (0xB8...0xBB).contains(second) : (0x80...0x81).contains(second)
    }

    /// " quản lý nhà nước " in plain bytes, as a padded plain text holds it.
    private static let cueBytes = Array(" \(stateManagement) ".utf8)
}

/// The subjects of a functions text gathered part by part: nothing before the part that opens with "quản
/// lý nhà nước về" (whose rest is the first subject), then every part of two syllables or more.
private struct SubjectList {
    private(set) var result: [Set<String>] = []
    private var started = false
    private var joined: [UInt8] = []

    mutating func add(part: [String]) {
        var words = part
        let filler = GapResponsibility.filler
        if words.starts(with: filler), words.count > filler.count + 1 { words.removeFirst(filler.count) }
        if !started, let rest = Self.afterOpening(words, joined: &joined) {
            started = true
            if rest.count >= 2 { result.append(Set(rest)) }
            return
        }
        if started, words.count >= 2 { result.append(Set(words)) }
    }

    /// The words after the first "quản lý nhà nước về" in the part's joined plain text, split at spaces;
    /// nil when it has none. An ASCII text is searched by its bytes; any other by Foundation, as written.
    private static func afterOpening(_ words: [String], joined: inout [UInt8]) -> [String]? {
        joined.removeAll(keepingCapacity: true)
        for (offset, word) in words.enumerated() {
            if offset > 0 { joined.append(0x20) }
            joined.append(contentsOf: word.utf8)
        }
        guard let found = ByteSearch.first(of: openingBytes, in: joined) else { return nil }
        if joined.allSatisfy({ $0 < 0x80 }) {
            return joined[(found + openingBytes.count)...].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        }
        let text = String(decoding: joined, as: UTF8.self), opening = String(decoding: openingBytes, as: UTF8.self)
        guard let range = text.range(of: opening) else { return nil }
        return text[range.upperBound...].split(separator: " ").map(String.init)
    }

    /// "quản lý nhà nước về" in plain bytes.
    private static let openingBytes = Array((GapResponsibility.stateManagement + " " + GapResponsibility.about).utf8)
}
