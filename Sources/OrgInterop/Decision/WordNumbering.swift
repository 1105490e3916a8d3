import OrgImport

/// Word's automatic numbering (`word/numbering.xml`, with `word/styles.xml` for numbering set on a
/// paragraph style): the label each numbered paragraph shows, counted as Word counts.
struct WordNumbering {
    /// One level of an abstract list: its number format, its text with `%1`…`%9`, its first number.
    struct Level {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }

    /// Abstract lists by id: their levels by index.
    private var abstracts: [String: [Int: Level]] = [:]
    /// List instances by `numId`: their abstract list and the levels they restart.
    private var instances: [String: (abstract: String, starts: [Int: Int])] = [:]
    /// Paragraph styles by id: the style they are based on and the numbering they set.
    private var styles: [String: (basedOn: String?, numId: String?, level: Int?)] = [:]
    /// The counters of each list, by level; a list instance with its own start counts apart, the others
    /// continue their abstract list.
    private var counters: [String: [Int: Int]] = [:]

    mutating func read(numbering root: XMLTreeNode) {
        for abstract in root.children("abstractNum") {
            guard let id = abstract.w("abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for level in abstract.children("lvl") {
                guard let index = level.w("ilvl").flatMap(Int.init) else { continue }
                var entry = Level()
                if let format = level.child("numFmt")?.w("val") { entry.format = format }
                if let text = level.child("lvlText")?.w("val") { entry.text = text }
                if let start = level.child("start")?.w("val").flatMap(Int.init) { entry.start = start }
                levels[index] = entry
            }
            abstracts[id] = levels
        }
        for instance in root.children("num") {
            guard let id = instance.w("numId"), let abstract = instance.child("abstractNumId")?.w("val") else { continue }
            var starts: [Int: Int] = [:]
            for override in instance.children("lvlOverride") {
                if let level = override.w("ilvl").flatMap(Int.init),
                   let start = override.child("startOverride")?.w("val").flatMap(Int.init) {
                    starts[level] = start
                }
            }
            instances[id] = (abstract, starts)
        }
    }

    mutating func read(styles root: XMLTreeNode) {
        for style in root.children("style") where style.w("type") == "paragraph" {
            guard let id = style.w("styleId") else { continue }
            let numbering = style.child("pPr")?.child("numPr")
            styles[id] = (style.child("basedOn")?.w("val"), numbering?.child("numId")?.w("val"),
                          numbering?.child("ilvl")?.w("val").flatMap(Int.init))
        }
    }

    /// The label the paragraph shows ("1.", "a)", "-"), counting it; nil when it is not numbered.
    mutating func label(for paragraph: XMLTreeNode) -> String? {
        let properties = paragraph.child("pPr")
        var numId = properties?.child("numPr")?.child("numId")?.w("val")
        var level = properties?.child("numPr")?.child("ilvl")?.w("val").flatMap(Int.init)
        // Numbering set on the style (or a style it is based on) applies unless the paragraph sets its own.
        var style = properties?.child("pStyle")?.w("val")
        var seen = Set<String>()
        while numId == nil || level == nil, let current = style, seen.insert(current).inserted, let entry = styles[current] {
            if numId == nil { numId = entry.numId }
            if level == nil { level = entry.level }
            style = entry.basedOn
        }
        guard let numId, numId != "0", let instance = instances[numId], let levels = abstracts[instance.abstract] else {
            return nil
        }
        let index = min(max(level ?? 0, 0), 8)
        let key = instance.starts.isEmpty ? "abstract:" + instance.abstract : "num:" + numId
        var state = counters[key] ?? [:]
        let start = instance.starts[index] ?? levels[index]?.start ?? 1
        state[index] = (state[index] ?? (start - 1)) + 1
        for deeper in state.keys where deeper > index { state[deeper] = nil }
        counters[key] = state
        guard let definition = levels[index] else { return nil }
        if definition.format == "bullet" || definition.format == "none" {
            let text = definition.text.trimmingCharacters(in: .whitespaces)
            return text.isEmpty || definition.format == "none" ? nil : Self.bullet(text)
        }
        var label = definition.text
        for shown in 0...8 where label.contains("%\(shown + 1)") {
            let value = state[shown] ?? (instance.starts[shown] ?? levels[shown]?.start ?? 1)
            label = label.replacingOccurrences(of: "%\(shown + 1)", with: Self.format(value, levels[shown]?.format ?? "decimal"))
        }
        return label.trimmingCharacters(in: .whitespaces)
    }

    /// A bullet character as the dash or plus a drafter types.
    private static func bullet(_ text: String) -> String {
        switch text {
        case "+": "+"
        case "-", "–", "—", "−", "": "-"
        default: "-"
        }
    }

    /// `value` in a Word number format.
    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": letters(value)
        case "upperLetter": letters(value).uppercased()
        case "lowerRoman": roman(value).lowercased()
        case "upperRoman": roman(value)
        case "decimalZero": value < 10 ? "0\(value)" : "\(value)"
        default: "\(value)"
        }
    }

    /// a … z, then aa, bb … as Word repeats letters.
    private static func letters(_ value: Int) -> String {
        guard value > 0 else { return "" }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        let letter = alphabet[(value - 1) % 26]
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4_000 else { return "\(value)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, out = ""
        for (number, numeral) in table {
            while rest >= number { out += numeral; rest -= number }
        }
        return out
    }
}
