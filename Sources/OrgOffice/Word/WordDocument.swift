import OrgModel

/// A Word document as orgscope writes one: sections (portrait body, landscape annexes), each a list of
/// paragraphs and tables in named styles. ``WordPackage`` turns it into a .docx.
public struct WordDocument: Sendable, Hashable {
    /// The sections, in order; each starts on a new page.
    public var sections: [WordSection]
    /// Page and type sizes (margins, body size, indent, line spacing).
    public var layout: DocumentProfile.PageLayout
    /// The document's properties (title, subject) as Word shows them.
    public var title: String
    /// The subject property.
    public var subject: String
    /// When the document was made (`--timestamp`), ISO 8601; nil keeps the bytes the same from run to run.
    public var created: String?
    /// The language of the text (`vi-VN`, `en-GB`): spelling and hyphenation in Word.
    public var languageTag: String

    /// A document.
    public init(sections: [WordSection], layout: DocumentProfile.PageLayout, title: String, subject: String,
                created: String? = nil, languageTag: String = "vi-VN") {
        self.sections = sections
        self.layout = layout
        self.title = title
        self.subject = subject
        self.created = created
        self.languageTag = languageTag
    }
}

/// A section: its orientation and content. Every section numbers its pages from 1 at the top centre and
/// shows no number on its first page (Decree 30/2020: the first page of a document, and an annex numbers
/// its pages on its own).
public struct WordSection: Sendable, Hashable {
    /// Landscape (an annex of wide tables) or portrait.
    public var landscape: Bool
    /// The content.
    public var blocks: [WordBlock]

    /// A section.
    public init(landscape: Bool = false, blocks: [WordBlock]) {
        self.landscape = landscape
        self.blocks = blocks
    }
}

/// A paragraph or a table.
public enum WordBlock: Sendable, Hashable {
    /// A paragraph.
    case paragraph(WordParagraph)
    /// A table.
    case table(WordTable)
}

/// The paragraph styles of the document (`word/styles.xml`), each sized by the decree.
public enum WordStyle: String, Sendable, Hashable, CaseIterable {
    /// Body text: justified, first-line indent, the body size.
    case body = "Body"
    /// Level I, II, … headings: bold capitals.
    case heading1 = "Heading1"
    /// Level 1, 2, … headings: bold.
    case heading2 = "Heading2"
    /// Level a), b), … headings: bold italic.
    case heading3 = "Heading3"
    /// The issuing block and national title (two columns at the top): centred, size 13.
    case masthead = "Masthead"
    /// "BÁO CÁO", "TỜ TRÌNH": centred bold capitals.
    case documentType = "DocumentType"
    /// The subject (trích yếu) under the type: centred bold.
    case subject = "Subject"
    /// "Phụ lục I": centred bold.
    case annexNumber = "AnnexNumber"
    /// The annex title: centred bold capitals.
    case annexTitle = "AnnexTitle"
    /// "(Kèm theo …)": centred italic.
    case annexAttachment = "AnnexAttachment"
    /// A note in italics.
    case note = "Note"
    /// Items starting with "-".
    case bullet = "Bullet"
    /// Text in a table cell: size 12, no indent.
    case tableText = "TableText"
    /// A table's header cell: size 12, bold, centred.
    case tableHeader = "TableHeader"
    /// "Nơi nhận:": bold italic, size 12.
    case recipientsLabel = "RecipientsLabel"
    /// The recipients: size 11.
    case recipients = "Recipients"
    /// The signature block: centred bold capitals, size 14.
    case signature = "Signature"
}

/// A paragraph: a style, its runs and what sets it apart from its style.
public struct WordParagraph: Sendable, Hashable {
    /// How the paragraph is aligned when not as its style says.
    public enum Alignment: String, Sendable, Hashable {
        /// Left.
        case left
        /// Centred.
        case center
        /// Right.
        case right
        /// Justified.
        case both
    }

    /// The style.
    public var style: WordStyle
    /// The runs, in order.
    public var runs: [WordRun]
    /// Alignment overriding the style's.
    public var alignment: Alignment?
    /// Kept on the same page as the next paragraph.
    public var keepWithNext: Bool
    /// A short solid line under the paragraph, this many centimetres long and centred (the line under the
    /// issuing body, the national motto and the subject).
    public var underline: Double?

    /// A paragraph.
    public init(_ style: WordStyle, _ runs: [WordRun], alignment: Alignment? = nil, keepWithNext: Bool = false,
                underline: Double? = nil) {
        self.style = style
        self.runs = runs
        self.alignment = alignment
        self.keepWithNext = keepWithNext
        self.underline = underline
    }

    /// A paragraph of one plain run.
    public init(_ style: WordStyle, _ text: String, alignment: Alignment? = nil, keepWithNext: Bool = false) {
        self.init(style, [WordRun(text)], alignment: alignment, keepWithNext: keepWithNext)
    }
}

/// A run of text in one character format.
public struct WordRun: Sendable, Hashable {
    /// The text; a newline is a line break within the paragraph.
    public var text: String
    /// Bold.
    public var bold: Bool
    /// Italic.
    public var italic: Bool
    /// Size in points, when not the style's.
    public var size: Double?

    /// A run.
    public init(_ text: String, bold: Bool = false, italic: Bool = false, size: Double? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.size = size
    }
}

/// A table: column widths, rows, how many leading rows repeat on each page, and whether it has borders.
public struct WordTable: Sendable, Hashable {
    /// One cell: its paragraphs and how many grid columns it spans.
    public struct Cell: Sendable, Hashable {
        /// The paragraphs (at least one is written).
        public var paragraphs: [WordParagraph]
        /// Grid columns spanned.
        public var span: Int

        /// A cell.
        public init(_ paragraphs: [WordParagraph], span: Int = 1) {
            self.paragraphs = paragraphs
            self.span = span
        }
    }

    /// Column widths as shares of the text width (normalised when written).
    public var widths: [Double]
    /// The rows.
    public var rows: [[Cell]]
    /// Leading rows that are the header, repeated on every page.
    public var headerRows: Int
    /// Single borders around every cell (data tables) or none (the masthead and signature layout).
    public var borders: Bool

    /// A table.
    public init(widths: [Double], rows: [[Cell]], headerRows: Int = 1, borders: Bool = true) {
        self.widths = widths
        self.rows = rows
        self.headerRows = headerRows
        self.borders = borders
    }
}
