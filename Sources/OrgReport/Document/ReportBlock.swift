import OrgAnalysis
import OrgModel

/// A report as format-neutral blocks: headings, paragraphs, lists, tables and annexes. The same blocks
/// render to Markdown (and so HTML), plain text and Word, so every format carries the same content.
/// Headings carry their own numbering ("I.", "1.", "a)") as the Vietnamese administrative style writes it.
public enum ReportBlock: Hashable, Sendable {
    /// A heading: level 1 (I, II, …), 2 (1, 2, …) or 3 (a, b, …), its numbering included in the text.
    case heading(String, level: Int)
    /// A body paragraph.
    case paragraph(String)
    /// A paragraph in italics: a note, a source, what a table holds.
    case note(String)
    /// Items each starting with "- ".
    case bullets([String])
    /// A table.
    case table(ReportTable)
    /// An annex: on its own page (landscape in Word), with its number, title and the "Kèm theo …" line.
    case annex(ReportAnnex)
}

/// A table with typed columns; reporters add the "STT" column when ``numbered``.
public struct ReportTable: Hashable, Sendable {
    /// One column: its header and how its cells align (figures right-aligned).
    public struct Column: Hashable, Sendable {
        /// How a column's cells align.
        public enum Alignment: Hashable, Sendable { case left, center, right }

        /// The header.
        public var title: String
        /// How the cells align.
        public var alignment: Alignment
        /// The column's share of the table's width, relative to the others.
        public var weight: Double

        /// A column.
        public init(_ title: String, alignment: Alignment = .left, weight: Double = 1) {
            self.title = title
            self.alignment = alignment
            self.weight = weight
        }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows, one string per column.
    public var rows: [[String]]
    /// A first "STT" column numbering the rows.
    public var numbered: Bool
    /// Printed in place of the table when it has no row ("Không có.").
    public var emptyText: String?

    /// A table.
    public init(columns: [Column], rows: [[String]], numbered: Bool = true, emptyText: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.numbered = numbered
        self.emptyText = emptyText
    }
}

/// An annex (phụ lục): number ("I"), title, what it is attached to, and its blocks.
public struct ReportAnnex: Hashable, Sendable {
    /// The Roman number ("I", "II").
    public var number: String
    /// The title, in sentence case (Word prints it in capitals).
    public var title: String
    /// "(Kèm theo Báo cáo số …/BC-SNV ngày … của Sở Nội vụ)", without the parentheses; nil for none.
    public var attachedTo: String?
    /// The content.
    public var blocks: [ReportBlock]
    /// Landscape in Word (wide tables); the default.
    public var landscape: Bool

    /// An annex.
    public init(number: String, title: String, attachedTo: String? = nil, blocks: [ReportBlock], landscape: Bool = true) {
        self.number = number
        self.title = title
        self.attachedTo = attachedTo
        self.blocks = blocks
        self.landscape = landscape
    }
}

/// Markdown and plain text of blocks: what the Markdown, HTML and text reports of block-built documents print.
public enum ReportBlockText {
    /// The blocks as Markdown (`markdown`) or plain text, one line per paragraph, ending with a newline.
    public static func render(_ blocks: [ReportBlock], markdown: Bool, language: Language) -> String {
        var lines: [String] = []
        append(blocks, to: &lines, markdown: markdown, language: language)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func append(_ blocks: [ReportBlock], to lines: inout [String], markdown: Bool, language: Language) {
        func escape(_ text: String) -> String { markdown ? MarkdownReporter.escape(text) : text }
        for block in blocks {
            switch block {
            case .heading(let text, let level):
                lines.append(markdown ? String(repeating: "#", count: min(level + 1, 6)) + " " + escape(text)
                                      : (level == 1 ? text.uppercased() : text))
                lines.append("")
            case .paragraph(let text):
                lines.append(escape(text))
                lines.append("")
            case .note(let text):
                lines.append(markdown ? "*" + escape(text) + "*" : text)
                lines.append("")
            case .bullets(let items):
                lines.append(contentsOf: items.map { "- " + escape($0) })
                lines.append("")
            case .table(let table):
                lines.append(contentsOf: self.table(table, markdown: markdown, language: language))
                lines.append("")
            case .annex(let annex):
                let heading = language.text(vi: "Phụ lục ", en: "Annex ") + annex.number + ". " + annex.title
                lines.append(markdown ? "## " + escape(heading) : heading.uppercased())
                lines.append("")
                if let attached = annex.attachedTo {
                    lines.append(markdown ? "*(" + escape(attached) + ")*" : "(" + attached + ")")
                    lines.append("")
                }
                append(annex.blocks, to: &lines, markdown: markdown, language: language)
            }
        }
    }

    private static func table(_ table: ReportTable, markdown: Bool, language: Language) -> [String] {
        if table.rows.isEmpty { return table.emptyText.map { [$0] } ?? [] }
        let stt = language.text(vi: "STT", en: "No.")
        let header = (table.numbered ? [stt] : []) + table.columns.map(\.title)
        let rows = table.rows.enumerated().map { offset, row in (table.numbered ? [String(offset + 1)] : []) + row }
        if markdown {
            let rule = (table.numbered ? [ReportTable.Column.Alignment.right] : []) + table.columns.map(\.alignment)
            return ["| " + header.map(MarkdownReporter.escape).joined(separator: " | ") + " |",
                    "|" + rule.map { $0 == .right ? " ---: |" : $0 == .center ? " :---: |" : " --- |" }.joined()]
                + rows.map { "| " + $0.map { MarkdownReporter.escape($0).replacingOccurrences(of: "\n", with: "<br>") }
                    .joined(separator: " | ") + " |" }
        }
        return [header.joined(separator: " | ")] + rows.map { "  " + $0.joined(separator: " | ") }
    }
}
