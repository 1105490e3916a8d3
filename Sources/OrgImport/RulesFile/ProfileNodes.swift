import OrgModel
import Yams

/// Reads the typed values of a document profile from YAML nodes, collecting a diagnostic (with the
/// node's line and column) for each problem instead of stopping at the first. A value with a problem
/// is nil, and the caller keeps the default.
struct ProfileNodes {
    let file: String
    private(set) var problems: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Where `node` starts.
    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// A plain empty value, `~` or `null`: the key is there but says nothing (the default applies).
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private mutating func error(_ node: Node, _ message: String) {
        problems.append(Diagnostic(.error, at: location(node), message))
    }

    // MARK: Shape

    /// Reports anchors and aliases anywhere (once per anchored node: an alias is a second copy of it) and
    /// collections nested deeper than ``DocumentProfileReader/maximumDepth`` (without descending into
    /// them), walking with an explicit stack. The parser that made `root` must be alive (it holds the anchors).
    mutating func checkShape(_ root: Node) {
        var stack: [(node: Node, depth: Int)] = [(root, 0)]
        var anchored: Set<SourceLocation> = []
        while let (node, depth) = stack.popLast() {
            if let anchor = node.anchor {
                if anchored.insert(location(node)).inserted {
                    error(node, "YAML anchors and aliases (&\(anchor.rawValue), *\(anchor.rawValue)) are not allowed "
                        + "in a document profile; write each value out")
                }
                continue
            }
            let children: [Node]
            switch node {
            case .alias:
                error(node, "YAML aliases are not allowed in a document profile; write the value out")
                continue
            case .scalar:
                continue
            case .mapping(let mapping):
                children = mapping.flatMap { [$0.key, $0.value] }
            case .sequence(let sequence):
                children = Array(sequence)
            }
            guard depth < DocumentProfileReader.maximumDepth else {
                error(node, "the document profile nests too deep here: a profile goes at most "
                    + "\(DocumentProfileReader.maximumDepth) levels deep (baseline: → source: → number:)")
                continue
            }
            stack.append(contentsOf: children.reversed().map { ($0, depth + 1) })
        }
    }

    /// The values of a mapping by key. Reports a non-mapping, a key that is not a plain word, a repeated
    /// key, and an unknown key (naming the allowed ones and the nearest). Empty for a null value.
    mutating func fields(_ node: Node, allowed: [String], in place: String) -> [String: Node] {
        guard !isNull(node) else { return [:] }
        guard case .mapping(let mapping) = node else {
            if case .alias = node { return [:] }  // reported by checkShape
            error(node, "\(place) is a mapping of keys (\(allowed.joined(separator: ", "))), not \(describe(node))")
            return [:]
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let name) = key else {
                error(key, "a key in \(place) must be a plain word")
                continue
            }
            guard allowed.contains(name.string) else {
                let nearest = Self.nearest(to: name.string, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                error(key, "unknown key '\(name.string)' in \(place); \(nearest)the keys are: \(allowed.joined(separator: ", "))")
                continue
            }
            guard fields[name.string] == nil else {
                error(key, "key '\(name.string)' appears twice in \(place)")
                continue
            }
            fields[name.string] = value
        }
        return fields
    }

    // MARK: Values

    /// Text, cleaned like every text orgscope reads (white space collapsed, NFC); nil when null.
    mutating func string(_ node: Node, key: String) -> String? {
        guard !isNull(node), let raw = scalar(node, key: key, expected: "text") else { return nil }
        let text = TextCleaner.clean(raw)
        guard !text.isEmpty else {
            error(node, "\(key) is empty; leave the key out for the default")
            return nil
        }
        guard text.count <= DocumentProfileReader.maximumLength else {
            error(node, "\(key) is \(text.count) characters long; the limit is \(DocumentProfileReader.maximumLength)")
            return nil
        }
        return text
    }

    /// `true` or `false`.
    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard !isNull(node), let raw = scalar(node, key: key, expected: "true or false") else { return nil }
        switch raw.lowercased() {
        case "true": return true
        case "false": return false
        default:
            error(node, "\(key) is true or false, not '\(raw)'")
            return nil
        }
    }

    /// A whole number from 0 to 10 000 000 (a staffing figure).
    mutating func count(_ node: Node, key: String) -> Int? {
        guard !isNull(node), let raw = scalar(node, key: key, expected: "a whole number") else { return nil }
        guard !raw.isEmpty, raw.count <= 8, raw.allSatisfy(\.isASCIIDigit), let value = Int(raw), value <= 10_000_000 else {
            error(node, "\(key) is a whole number from 0 to 10000000, not '\(raw)'")
            return nil
        }
        return value
    }

    /// A decimal number within `range` (a layout value of Decree 30/2020).
    mutating func measure(_ node: Node, key: String, range: ClosedRange<Double>, unit: String) -> Double? {
        guard !isNull(node), let raw = scalar(node, key: key, expected: "a number") else { return nil }
        let span = "\(Self.format(range.lowerBound))–\(Self.format(range.upperBound)) \(unit)"
        guard !raw.isEmpty, raw.count <= 16, raw.allSatisfy({ $0.isASCIIDigit || $0 == "." }),
              let value = Double(raw), value.isFinite else {
            let hint = raw.contains(",") ? " (write the decimal point as '.')" : ""
            error(node, "\(key) is a number of \(unit) (\(span)), not '\(raw)'\(hint)")
            return nil
        }
        guard range.contains(value) else {
            error(node, "\(key) is \(raw) \(unit), outside the range \(span) that Nghị định số 30/2020/NĐ-CP "
                + "(Appendix I) sets")
            return nil
        }
        return value
    }

    /// A date `YYYY-MM-DD` that exists.
    mutating func date(_ node: Node, key: String) -> ChartDate? {
        guard !isNull(node), let raw = scalar(node, key: key, expected: "a date YYYY-MM-DD") else { return nil }
        let shape = raw.count == 10 && raw.enumerated().allSatisfy { index, character in
            index == 4 || index == 7 ? character == "-" : character.isASCIIDigit
        }
        guard shape else {
            error(node, "\(key) is a date written YYYY-MM-DD (e.g. 2025-12-15), not '\(raw)'")
            return nil
        }
        guard let date = ChartDate(iso: raw) else {
            error(node, "\(key) is \(raw), which is not a day of the calendar")
            return nil
        }
        return date
    }

    /// A document's `number:` (required) and `date:`; nil when null or when the number is missing.
    mutating func reference(_ node: Node, key: String) -> DecisionReference? {
        guard !isNull(node) else { return nil }
        let fields = fields(node, allowed: DocumentProfileReader.Keys.reference, in: key)
        guard case .mapping = node else { return nil }
        let date = fields["date"].flatMap { self.date($0, key: "\(key).date") }
        guard let value = fields["number"] else {
            error(node, "\(key) needs number: (the number and symbol, e.g. 05/CT-UBND)")
            return nil
        }
        return string(value, key: "\(key).number").map { DecisionReference(number: $0, date: date) }
    }

    /// A list of texts, at most `limit` of them.
    mutating func list(_ node: Node, key: String, limit: Int) -> [String] {
        guard !isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            if case .alias = node { return [] }
            error(node, "\(key) is a list, one item a line (\"- UBND tỉnh\"), not \(describe(node))")
            return []
        }
        let items = Array(sequence)
        if items.count > limit {
            error(items[limit], "\(key) lists \(items.count) items; the limit is \(limit)")
        }
        return items.prefix(limit).enumerated().compactMap { index, item in
            isNull(item) ? nil : string(item, key: "\(key)[\(index + 1)]")
        }
    }

    private mutating func scalar(_ node: Node, key: String, expected: String) -> String? {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .alias: return nil  // reported by checkShape
        case .mapping, .sequence:
            error(node, "\(key) is \(expected), not \(describe(node))")
            return nil
        }
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The allowed key closest to `word` by edit distance, when close enough to be a slip.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(word.lowercased().utf8), Array($0.utf8))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, best.0.count / 3) else { return nil }
        return best.0
    }

    private static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard a.count <= 64 else { return Int.max }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
