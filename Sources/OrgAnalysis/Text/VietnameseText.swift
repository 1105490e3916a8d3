import Foundation

/// Vietnamese text reduced to what matters for comparing duty statements.
///
/// A text becomes a list of syllables (Vietnamese writes one syllable per space-separated word), each
/// with two keys:
/// - `key`: lower case, the tone taken off its vowel and written as a digit after the syllable, and the
///   `i`/`y` spelling unified (`lí`/`lý`, `kĩ`/`kỹ`, `qui`/`quy`), so that old-style `hoà`, `thuỷ`, `khoẻ`
///   and new-style `hòa`, `thủy`, `khỏe` give the same key;
/// - `plain`: every mark removed and `đ` mapped to `d`, for text typed without diacritics.
/// Punctuation separates syllables and is dropped. Common administrative abbreviations (UBND, HĐND, ...)
/// are expanded first so that "UBND tỉnh" and "Ủy ban nhân dân tỉnh" agree.
public enum VietnameseText {
    /// One syllable's keys.
    public struct Syllable: Hashable, Sendable {
        /// Tone-placement- and spelling-independent key (`hoa2` for hoà/hòa).
        public var key: String
        /// The key with no marks at all (`hoa`).
        public var plain: String
        /// True when the syllable as written had any Vietnamese mark (tone, circumflex, breve, horn, đ).
        public var marked: Bool
    }

    /// The syllables of `text`.
    public static func syllables(_ text: String) -> [Syllable] {
        var result: [Syllable] = []
        result.reserveCapacity(text.utf8.count / 4)
        forEachWord(text) { result.append(contentsOf: syllables(ofWord: $0)) }
        return result
    }

    /// ``syllables(_:)`` remembering the syllables of each word it has seen: duty texts repeat a small
    /// vocabulary, and decomposing a word into syllables (with a `String` per key) was most of the cost of
    /// classifying a national chart's duties. One per thread; at most 65,536 words are remembered.
    struct SyllableCache {
        /// Words as written, looked up by their bytes (a `String` key was hashed through Unicode
        /// normalisation at every lookup), each word's syllables by its id, and their plain keys as bytes,
        /// each followed by a space (word `id` at `plainEnds[id]..<plainEnds[id + 1]`).
        private var words = ByteInterner()
        private var known: [[Syllable]] = []
        private var plainBytes: [UInt8] = []
        private var plainEnds: [Int] = [0]

        /// The syllables of `text`, as ``VietnameseText/syllables(_:)`` gives them.
        mutating func syllables(_ text: String) -> [Syllable] {
            var result: [Syllable] = []
            result.reserveCapacity(text.utf8.count / 4)
            forEachWordBytes(text) { result.append(contentsOf: syllables(ofWordBytes: $0)) }
            return result
        }

        /// The syllables of one word given by its composed UTF-8 bytes (a word as ``forEachWordBytes(_:_:)``
        /// gives it), remembered like the words of a text.
        mutating func syllables(ofWordBytes bytes: UnsafeBufferPointer<UInt8>) -> [Syllable] {
            let id = words.find(bytes)
            return id >= 0 ? known[Int(id)] : remember(bytes)
        }

        /// The plain keys of the syllables of `text` (``Syllable/plain``) as bytes, each between spaces: " a b c ",
        /// or two spaces when the text has none. Whole syllables are found in it by searching " a b ".
        mutating func paddedPlain(_ text: String, into plain: inout [UInt8]) {
            plain.removeAll(keepingCapacity: true)
            plain.append(0x20)
            forEachWordBytes(text) { bytes in
                let id = words.find(bytes)
                if id >= 0 { return plain.append(contentsOf: plainBytes[plainEnds[Int(id)]..<plainEnds[Int(id) + 1]]) }
                for syllable in remember(bytes) {
                    plain.append(contentsOf: syllable.plain.utf8)
                    plain.append(0x20)
                }
            }
            if plain.count == 1 { plain.append(0x20) }
        }

        /// The syllables of a word not yet seen, remembered while fewer than 65,536 words are.
        private mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>) -> [Syllable] {
            let computed = VietnameseText.syllables(ofWord: String(decoding: bytes, as: UTF8.self))
            if known.count < 1 << 16 {
                _ = words.insert(bytes)
                known.append(computed)
                for syllable in computed {
                    plainBytes.append(contentsOf: syllable.plain.utf8)
                    plainBytes.append(0x20)
                }
                plainEnds.append(plainBytes.count)
            }
            return computed
        }
    }

    /// Calls `body` with each word of `text` (letters and digits; everything else separates), as written.
    /// Decomposed input is composed first.
    static func forEachWord(_ text: String, _ body: (String) -> Void) {
        var needsNFC = false
        for scalar in text.unicodeScalars where (0x300...0x36F).contains(scalar.value) {
            needsNFC = true
            break
        }
        let source = needsNFC ? text.precomposedStringWithCanonicalMapping : text
        var word = String.UnicodeScalarView()
        for scalar in source.unicodeScalars {
            if isLetterOrDigit(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                body(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { body(String(word)) }
    }

    /// ``forEachWord(_:_:)`` over the UTF-8 bytes, without making a `String` per word: `body` gets each
    /// word's bytes, valid only during the call. The same words, in the same order.
    static func forEachWordBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var source = text
        let composed = source.withUTF8 { bytes -> Bool in
            // U+0300–U+036F (combining marks) are encoded CC 80 – CD AF: decomposed input is composed first.
            if bytes.contains(where: { $0 == 0xCC || $0 == 0xCD }) { return false }
            forEachWord(utf8: bytes, body)
            return true
        }
        guard !composed else { return }
        let needsNFC = text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) }
        source = needsNFC ? text.precomposedStringWithCanonicalMapping : text
        source.withUTF8 { forEachWord(utf8: $0, body) }
    }

    private static func forEachWord(utf8 bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var index = 0
        while let word = nextWord(in: bytes, from: &index) { body(UnsafeBufferPointer(rebasing: bytes[word])) }
    }

    /// The byte range of the next word of `bytes` (UTF-8, composed) at or after `index`, which moves past
    /// it; nil when no word is left. Words are as ``forEachWord(_:_:)`` gives them.
    static func nextWord(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Range<Int>? {
        var start = -1
        while index < bytes.count {
            let byte = bytes[index]
            let width: Int, isWordCharacter: Bool
            if byte < 0x80 {
                width = 1
                isWordCharacter = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            } else {
                var value: UInt32
                if byte >= 0xF0 {
                    width = 4
                    value = UInt32(byte & 0x07)
                } else if byte >= 0xE0 {
                    width = 3
                    value = UInt32(byte & 0x0F)
                } else {
                    width = 2
                    value = UInt32(byte & 0x1F)
                }
                for offset in 1..<min(width, bytes.count - index) { value = (value << 6) | UInt32(bytes[index + offset] & 0x3F) }
                isWordCharacter = value < 0x10000 ? wordCharacters[Int(value)] : (Unicode.Scalar(value).map(isLetterOrDigit) ?? false)
            }
            if isWordCharacter {
                if start < 0 { start = index }
            } else if start >= 0 {
                return start..<index
            }
            index += width
        }
        return start >= 0 ? start..<bytes.count : nil
    }

    /// The syllables one word stands for: itself, or the expansion of an abbreviation.
    static func syllables(ofWord word: String) -> [Syllable] {
        if let expansion = abbreviations[word.lowercased()] { return expansion }
        return [syllable(Array(word.unicodeScalars))]
    }

    /// True when a text of four syllables or more carries no Vietnamese mark at all: it was typed
    /// without diacritics, and only its `plain` keys can be compared.
    public static func isUnmarked(_ syllables: [Syllable]) -> Bool {
        syllables.count >= 4 && !syllables.contains { $0.marked }
    }

    /// The keys of one word (letters and digits only).
    static func syllable(_ scalars: [Unicode.Scalar]) -> Syllable {
        var base = String.UnicodeScalarView()
        var plain = String.UnicodeScalarView()
        var tone: UInt8 = 0
        var marked = false
        for scalar in scalars {
            if let entry = letters[scalar] {
                base.append(entry.base)
                plain.append(entry.plain)
                if entry.tone != 0 { tone = entry.tone }
                if entry.marked { marked = true }
            } else {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
                base.append(lower)
                plain.append(lower)
            }
        }
        var key = String(base)
        var plainKey = String(plain)
        unifyFinalY(&key)
        unifyFinalY(&plainKey)
        if tone != 0 { key.append(Character(Unicode.Scalar(UInt8(ascii: "0") + tone))) }
        return Syllable(key: key, plain: plainKey, marked: marked)
    }

    /// `y` as the only vowel of an open syllable is spelled `i` in the key: lý → li, kỹ → ki, quy → qui.
    /// (`y` after another vowel, as in `thủy`, `huy`, stays.)
    private static func unifyFinalY(_ key: inout String) {
        guard key.hasSuffix("y"), key.count >= 2 else { return }
        let body = key.dropLast()
        let onset = body.hasPrefix("qu") ? body.dropFirst(2) : body
        if onset.isEmpty || !onset.contains(where: { vowels.contains($0) }) {
            key = String(body) + "i"
        }
    }

    private static let vowels: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return letters[scalar] != nil || scalar.properties.isAlphabetic
    }

    /// ``isLetterOrDigit(_:)`` for the Basic Multilingual Plane, computed once.
    private static let wordCharacters: [Bool] = (0..<0x10000).map { value in
        Unicode.Scalar(UInt32(value)).map(isLetterOrDigit) ?? false
    }

    private struct Letter {
        var base: Unicode.Scalar  // lower case, tone removed, other marks kept
        var plain: Unicode.Scalar  // lower case, every mark removed
        var tone: UInt8  // 0 none, 1 grave, 2 acute, 3 tilde, 4 hook above, 5 dot below
        var marked: Bool
    }

    /// Every Latin letter Vietnamese uses, upper and lower case, with its decomposition; built once.
    private static let letters: [Unicode.Scalar: Letter] = {
        let tones: [UInt32: UInt8] = [0x300: 1, 0x301: 2, 0x303: 3, 0x309: 4, 0x323: 5]
        var table: [Unicode.Scalar: Letter] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0xC0...0x1B0, 0x1EA0...0x1EF9]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let lower = String(scalar).lowercased()
                let decomposed = Array(lower.decomposedStringWithCanonicalMapping.unicodeScalars)
                guard let first = decomposed.first, first.isASCII, first.properties.isAlphabetic else {
                    if lower == "đ" { table[scalar] = Letter(base: "đ", plain: "d", tone: 0, marked: true) }
                    continue
                }
                var tone: UInt8 = 0
                var kept = String.UnicodeScalarView()
                for part in decomposed {
                    if let code = tones[part.value] { tone = code } else { kept.append(part) }
                }
                let base = String(kept).precomposedStringWithCanonicalMapping.unicodeScalars
                guard base.count == 1, let baseScalar = base.first else { continue }
                table[scalar] = Letter(base: baseScalar, plain: first, tone: tone, marked: decomposed.count > 1)
            }
        }
        return table
    }()

    /// Abbreviations common in provincial documents, expanded to their syllables.
    private static let abbreviations: [String: [Syllable]] = {
        let list: [String: String] = [
            "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "cchc": "cải cách hành chính",
            "nsnn": "ngân sách nhà nước", "ktxh": "kinh tế xã hội", "qlnn": "quản lý nhà nước",
            "cbccvc": "cán bộ công chức viên chức", "đvsncl": "đơn vị sự nghiệp công lập",
            "tthc": "thủ tục hành chính", "xdcb": "xây dựng cơ bản", "atvstp": "an toàn vệ sinh thực phẩm",
            "attp": "an toàn thực phẩm", "gdđt": "giáo dục và đào tạo",
            "khcn": "khoa học và công nghệ",
        ]
        var table: [String: [Syllable]] = [:]
        for (short, long) in list {
            // Expanded syllables count as unmarked: "UBND" says nothing about whether the text has marks.
            table[short] = long.split(separator: " ").map {
                var expanded = syllable(Array($0.unicodeScalars))
                expanded.marked = false
                return expanded
            }
        }
        return table
    }()
}
