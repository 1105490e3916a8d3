import Foundation
import OrgModel

/// A domain thesaurus of Vietnamese public-administration vocabulary: synonym sets ("giấy phép lái xe |
/// bằng lái") and narrower → broader links ("giấy phép xây dựng" → "giấy phép"), each with where the
/// equivalence comes from. The text engine reads duties through it: every term of a synonym set is
/// written as the set's first term, and a narrower term also brings its broader one, so that two duties
/// that say the same thing in other words share features.
///
/// The format (`orgdata/thesaurus/README.md`): UTF-8, tab-separated, a header
/// `kind terms broader sector source note`, `#` comments; `kind` is `synonym` or `broader`; `terms` are
/// separated by ` | `. A file is untrusted input: every problem is reported at its line and column, all
/// in one pass, and limits bound its size.
public struct Thesaurus: Sendable, Hashable {
    /// What an entry says.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The terms are equivalent.
        case synonym
        /// Each term is a narrower kind of `broader`.
        case broader
    }

    /// One line of a thesaurus file.
    public struct Entry: Sendable, Hashable {
        /// Synonym set or broader link.
        public var kind: Kind
        /// The terms, as written.
        public var terms: [String]
        /// The broader term of a `broader` entry.
        public var broader: String?
        /// The sector code (`tu-phap`) or `chung`.
        public var sector: String
        /// `law`, `rename` or `usage`.
        public var source: String
        /// Where the equivalence comes from.
        public var note: String
        /// Where it is written.
        public var location: SourceLocation
    }

    /// Every entry, in file order (files in the order given).
    public private(set) var entries: [Entry]
    /// Term (its syllable keys joined by spaces) → what it is read as.
    private var rewrites: [String: Rewrite]
    /// The longest term, in syllables.
    private var longest: Int
    /// The first syllable key of every term: a word that starts none is passed over at once.
    private var firsts: Set<Substring>
    /// The same terms by their keys without any mark, for text typed without diacritics.
    private var plainRewrites: [String: Rewrite]
    /// The first plain syllable of every term.
    private var plainFirsts: Set<Substring>

    /// What a matched term becomes.
    private struct Rewrite: Sendable, Hashable {
        /// The text that replaces the term (the set's first term), or nil to keep the term.
        var replacement: String?
        /// Broader terms added after it.
        var broader: [String]
        /// The entry that says so, for `explain-match`.
        var entry: Int
    }

    /// The most syllables a term may have.
    public static let maxTermSyllables = 12
    /// The most entries a thesaurus may hold (all files together).
    public static let maxEntries = 200_000
    /// The largest thesaurus file read, in bytes.
    public static let maxFileBytes = 16 << 20
    /// The values `source` may take.
    public static let sources: Set<String> = ["law", "rename", "usage"]

    /// An empty thesaurus: the text engine reads duties as written.
    public init() {
        entries = []
        rewrites = [:]
        longest = 0
        firsts = []
        plainRewrites = [:]
        plainFirsts = []
    }

    /// The thesaurus shipped with orgscope (`orgdata/thesaurus/vn-public-admin.tsv`, compiled in by
    /// `scripts/embed-thesaurus`): every chart is read through it unless `--no-shipped-thesaurus` is given.
    /// A test parses the file and fails on any error, so the copy compiled in always parses.
    public static let shipped: Thesaurus = {
        (try? Thesaurus.parse(shippedText, file: "orgdata/thesaurus/vn-public-admin.tsv")) ?? Thesaurus()
    }()

    /// True when it holds no entry.
    public var isEmpty: Bool { entries.isEmpty }

    /// Parses one file's text; every problem of the file is in the thrown diagnostics, at its line and
    /// column. `sectors`, when given, are the sector codes an entry may name besides `chung`.
    public static func parse(_ text: String, file: String, sectors: Set<String>? = nil) throws(ThesaurusError) -> Thesaurus {
        var thesaurus = Thesaurus()
        try thesaurus.add(text, file: file, sectors: sectors)
        return thesaurus
    }

    /// Adds one file's entries (a user's file after the shipped one); a term already in a synonym set of an
    /// earlier file is an error at its place.
    public mutating func add(_ text: String, file: String, sectors: Set<String>? = nil) throws(ThesaurusError) {
        var problems: [Diagnostic] = []
        func problem(_ line: Int, _ column: Int, _ message: String) {
            problems.append(Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message))
        }
        guard text.utf8.count <= Self.maxFileBytes else {
            problem(1, 1, "the thesaurus is larger than \(Self.maxFileBytes >> 20) MiB")
            throw ThesaurusError(diagnostics: problems)
        }
        // Each term's syllables are read once: a term is looked at up to seven times below.
        var analysed: [String: TermKeys] = [:]
        func keys(_ term: String) -> TermKeys {
            if let known = analysed[term] { return known }
            let keys = TermKeys(term)
            analysed[term] = keys
            return keys
        }
        let header = ["kind", "terms", "broader", "sector", "source", "note"]
        var sawHeader = false
        var added: [Entry] = []
        var owner: [String: (file: String, line: Int, entry: Int)] = [:]
        for (existing, entry) in entries.enumerated() where entry.kind == .synonym {
            for term in entry.terms { owner[keys(term).key] = (entry.location.file, entry.location.line, existing) }
        }
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.trimmingWhitespace().isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                if fields != header {
                    problem(number, 1, "the first line must be the header \"\(header.joined(separator: "\\t"))\"")
                }
                continue
            }
            guard fields.count == header.count else {
                problem(number, 1, "expected \(header.count) tab-separated fields, found \(fields.count)")
                continue
            }
            let column = { (field: Int) -> Int in fields[..<field].reduce(1) { $0 + $1.count + 1 } }
            guard let kind = Kind(rawValue: fields[0]) else {
                problem(number, 1, "kind must be synonym or broader, not \"\(fields[0])\"")
                continue
            }
            let written = fields[1].components(separatedBy: "|").map { $0.trimmingWhitespace() }
            var valid = true
            if written.contains(where: \.isEmpty) {
                problem(number, column(1), "a term is empty (terms are separated by \" | \")")
                valid = false
            }
            for term in written where !term.isEmpty {
                let count = keys(term).syllables
                if count == 0 || count > Self.maxTermSyllables {
                    problem(number, column(1), "the term \"\(term)\" must have 1 to \(Self.maxTermSyllables) words")
                    valid = false
                }
            }
            let broader = fields[2].trimmingWhitespace()
            switch kind {
            case .synonym where written.count < 2:
                problem(number, column(1), "a synonym set needs at least two terms")
                valid = false
            case .synonym where !broader.isEmpty:
                problem(number, column(2), "a synonym set has no broader term")
                valid = false
            case .broader where broader.isEmpty:
                problem(number, column(2), "a broader link needs its broader term")
                valid = false
            default: break
            }
            // Terms that already read alike (spelling, tone placement, abbreviations such as UBND, which the
            // engine unifies itself) add nothing: the first is kept; a set left with one term is an error.
            var distinct: [String] = [], seenKeys = Set<String>()
            for term in written where seenKeys.insert(keys(term).key).inserted { distinct.append(term) }
            if kind == .synonym, written.count >= 2, distinct.count < 2 {
                problem(number, column(1), "the terms of this set read the same already (spelling, tone placement and "
                    + "abbreviations such as UBND are unified by the engine)")
                valid = false
            }
            let terms = distinct
            let sector = fields[3].trimmingWhitespace()
            if sector.isEmpty || (sector != "chung" && sectors.map { !$0.contains(sector) } ?? false) {
                problem(number, column(3), "unknown sector \"\(sector)\"")
                valid = false
            }
            let source = fields[4].trimmingWhitespace()
            if !Self.sources.contains(source) {
                problem(number, column(4), "source must be law, rename or usage, not \"\(source)\"")
                valid = false
            }
            if kind == .synonym {
                for term in terms {
                    if let earlier = owner[keys(term).key] {
                        let place = earlier.file == file ? "on line \(earlier.line)" : "at \(earlier.file):\(earlier.line)"
                        problem(number, column(1), "the term \"\(term)\" is already in the synonym set \(place)"
                            + (earlier.file == file ? "" : "; extend that set with a broader link, or start from nothing with "
                               + "--no-shipped-thesaurus"))
                        valid = false
                    }
                }
            }
            guard valid else { continue }
            let entry = Entry(kind: kind, terms: terms, broader: kind == .broader ? broader : nil, sector: sector,
                              source: source, note: fields[5].trimmingWhitespace(),
                              location: SourceLocation(file: file, line: number, column: 1))
            if kind == .synonym {
                for term in terms { owner[keys(term).key] = (file, number, entries.count + added.count) }
            }
            added.append(entry)
            if entries.count + added.count > Self.maxEntries {
                problem(number, 1, "more than \(Self.maxEntries) entries")
                break
            }
        }
        if !sawHeader { problem(1, 1, "the thesaurus has no header line") }
        guard problems.isEmpty else { throw ThesaurusError(diagnostics: problems) }
        for entry in added { record(entry, keys: keys) }
    }

    /// Files `entry` in the rewriting table, its terms' keys read through `keys`.
    private mutating func record(_ entry: Entry, keys: (String) -> TermKeys) {
        let index = entries.count
        entries.append(entry)
        switch entry.kind {
        case .synonym:
            let canonical = entry.terms[0]
            for term in entry.terms {
                let termKeys = keys(term)
                var rewrite = rewrites[termKeys.key] ?? Rewrite(replacement: nil, broader: [], entry: index)
                if term != canonical { rewrite.replacement = canonical }
                rewrite.entry = index
                file(rewrite, key: termKeys.key, plain: termKeys.plain)
            }
        case .broader:
            let broaderKey = entry.broader.map { keys($0).key }
            for term in entry.terms {
                let termKeys = keys(term), key = termKeys.key
                var rewrite = rewrites[key] ?? Rewrite(replacement: nil, broader: [], entry: index)
                // A broader term written inside the narrower one ("giấy phép" in "giấy phép xây dựng") is there
                // already: adding it again would only weigh the shared generic word twice.
                if let broader = entry.broader, let broaderKey, !rewrite.broader.contains(broader),
                   !(" " + key + " ").contains(" " + broaderKey + " ") {
                    rewrite.broader.append(broader)
                }
                file(rewrite, key: key, plain: termKeys.plain)
            }
        }
    }

    /// Files what a term is read as, under its marked `key` and its unmarked key `plain` (the first term
    /// filed under an unmarked key keeps it). A term of one syllable is not filed unmarked: without its
    /// marks one syllable names too many words ("chợ" and "cho" are both "cho").
    private mutating func file(_ rewrite: Rewrite, key: String, plain: String) {
        // A key is its syllables' keys joined by single spaces: its words are counted by its spaces.
        rewrites[key] = rewrite
        longest = max(longest, key.utf8.count { $0 == UInt8(ascii: " ") } + 1)
        firsts.insert(key.prefix { $0 != " " })
        guard plain.contains(" ") else { return }
        if plainRewrites[plain] == nil { plainRewrites[plain] = rewrite }
        plainFirsts.insert(plain.prefix { $0 != " " })
    }

    /// Terms (their syllable keys) and the syllables added after each, for marked and for unmarked text.
    typealias Expansions = (marked: [([String], [VietnameseText.Syllable])], plain: [([String], [VietnameseText.Syllable])])

    /// What the tokeniser adds after each term: by the term's syllables (marked keys), the syllables of the
    /// set's first term and of the broader terms; and the same by unmarked keys, for text typed without
    /// diacritics (added unmarked). The same reading as ``rewrite(_:)-swift.method``, on syllables.
    func expansions() -> Expansions {
        func adds(_ rewrite: Rewrite) -> [VietnameseText.Syllable] {
            ((rewrite.replacement.map { [$0] } ?? []) + rewrite.broader).flatMap { VietnameseText.syllables($0) }
        }
        let marked = rewrites.sorted { $0.key < $1.key }.map { ($0.key.split(separator: " ").map(String.init), adds($0.value)) }
        let plain = plainRewrites.sorted { $0.key < $1.key }.map { ($0.key.split(separator: " ").map(String.init), adds($0.value)) }
        // Terms that add nothing stay: as in the text reading, the longest term found takes its words.
        return (marked, plain)
    }

    /// `text` as the engine reads it: each term (longest first) as written, followed by its synonym set's
    /// first term and its broader terms. Text without any term comes back unchanged. The tokeniser does the
    /// same on syllable ids (``ThesaurusExpander``); this reading is what `explain-match` shows.
    public func rewrite(_ text: String) -> String {
        guard !rewrites.isEmpty else { return text }
        return apply(text).text
    }

    /// The entries that `text` uses, by the term found.
    public func matches(in text: String) -> [(term: String, entry: Entry)] {
        apply(text).used.map { ($0.term, entries[$0.entry]) }
    }

    /// A word's keys.
    struct WordKeys {
        /// The spelling-independent keys of its syllables, joined by spaces.
        var key: String
        /// The same without marks.
        var plain: String
        /// The first syllable's keys, marked and plain.
        var firstKey: Substring, firstPlain: Substring
        /// True when the word carries a Vietnamese mark.
        var marked: Bool
    }

    private func apply(_ text: String) -> (text: String, used: [(term: String, entry: Int)]) {
        var words: [String] = []
        VietnameseText.forEachWord(text) { words.append($0) }
        let keys = words.map { word -> WordKeys in
            let syllables = VietnameseText.syllables(ofWord: word)
            return WordKeys(key: syllables.map(\.key).joined(separator: " "), plain: syllables.map(\.plain).joined(separator: " "),
                            firstKey: Substring(syllables.first?.key ?? ""), firstPlain: Substring(syllables.first?.plain ?? ""),
                            marked: syllables.contains { $0.marked })
        }
        // Text typed without any diacritics is matched on unmarked keys, as the engine compares it.
        let plainly = keys.count >= 4 && !keys.contains { $0.marked }
        let rewrites = plainly ? plainRewrites : rewrites, firsts = plainly ? plainFirsts : firsts
        let first = { (index: Int) in plainly ? keys[index].firstPlain : keys[index].firstKey }
        guard keys.indices.contains(where: { firsts.contains(first($0)) }) else { return (text, []) }
        var output: [String] = []
        var used: [(String, Int)] = []
        var changed = false
        var index = 0
        while index < words.count {
            var matched = false
            if firsts.contains(first(index)) {
                for length in stride(from: min(longest, words.count - index), through: 1, by: -1) {
                    let key = keys[index..<index + length].map { plainly ? $0.plain : $0.key }.joined(separator: " ")
                    guard let rewrite = rewrites[key] else { continue }
                    let term = words[index..<index + length].joined(separator: " ")
                    // The term stays as written (boilerplate and catch-all detection see the duty as drafted)
                    // and its set's first term and broader terms follow it; in text typed without diacritics
                    // they are unmarked too, so that the text stays so.
                    output.append(term)
                    if let replacement = rewrite.replacement { output.append(plainly ? Self.plainKey(replacement) : replacement) }
                    output.append(contentsOf: plainly ? rewrite.broader.map(Self.plainKey) : rewrite.broader)
                    used.append((term, rewrite.entry))
                    changed = changed || rewrite.replacement != nil || !rewrite.broader.isEmpty
                    index += length
                    matched = true
                    break
                }
            }
            if !matched {
                output.append(words[index])
                index += 1
            }
        }
        return (changed ? output.joined(separator: " ") : text, used)
    }
}

/// A thesaurus file that could not be read: every problem at its line and column.
public struct ThesaurusError: Error, Sendable {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]

    /// An error with these problems.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
