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
    /// A series over time: a chart (SVG) above its table in HTML, the table elsewhere.
    case trend(ReportTrend)
}

/// A series of counts over time (open findings per review): drawn as bars in HTML, its table everywhere.
public struct ReportTrend: Hashable, Sendable {
    /// One bar: its label under it (a date) and its value.
    public struct Point: Hashable, Sendable {
        public var label: String
        public var value: Int

        /// A point.
        public init(label: String, value: Int) {
            self.label = label
            self.value = value
        }
    }

    /// What the chart shows, for screen readers and the figure's caption.
    public var caption: String
    /// The bars, in order.
    public var points: [Point]
    /// The same figures as a table (with any other columns).
    public var table: ReportTable

    /// A trend.
    public init(caption: String, points: [Point], table: ReportTable) {
        self.caption = caption
        self.points = points
        self.table = table
    }
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
        var figures: [String]?
        return render(blocks, markdown: markdown, language: language, figures: &figures)
    }

    /// The blocks as a self-contained HTML page titled `title`: Markdown turned into HTML, each trend
    /// drawn as an SVG chart above its table.
    static func html(_ blocks: [ReportBlock], title: String, language: Language, timestamp: String?) -> String {
        var figures: [String]? = []
        let markdown = Timestamp.stamp(render(blocks, markdown: true, language: language, figures: &figures), timestamp, language)
        return HTMLDocument.render(markdown: markdown, title: title, language: language, figures: figures ?? [])
    }

    /// With `figures` non-nil, each trend is a marker line (`<!--figure:N-->`) whose SVG is appended to it.
    private static func render(_ blocks: [ReportBlock], markdown: Bool, language: Language, figures: inout [String]?) -> String {
        var lines: [String] = []
        append(blocks, to: &lines, markdown: markdown, language: language, figures: &figures)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func append(_ blocks: [ReportBlock], to lines: inout [String], markdown: Bool, language: Language,
                               figures: inout [String]?) {
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
                append(annex.blocks, to: &lines, markdown: markdown, language: language, figures: &figures)
            case .trend(let trend):
                if figures != nil {
                    lines.append(HTMLDocument.figureMarker(figures?.count ?? 0))
                    lines.append("")
                    figures?.append(TrendChart.svg(trend))
                }
                lines.append(contentsOf: self.table(trend.table, markdown: markdown, language: language))
                lines.append("")
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
