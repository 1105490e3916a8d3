/// The report formats. Every report (``ReportDocument``) renders each of them through an exhaustive
/// `switch`, so a format without a reporter does not compile.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// For the terminal.
    case text
    /// The documented JSON schema (schema version 1).
    case json
    /// For Excel: findings, and a second file with the staffing table.
    case csv
    /// For wikis and issue trackers.
    case markdown
    /// One self-contained page (summary, org tree, matrix, staffing, findings) to open in a browser or print.
    case html

    /// The file name ending of the main file.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .csv: "csv"
        case .markdown: "md"
        case .html: "html"
        }
    }
}

/// One file of a report: what its name ends with, and how to make its bytes, piece by piece, when it is
/// written (a large report is never held whole in memory).
public struct ReportFile: Sendable {
    /// Hands each piece of the file, in order, to the function it is given.
    public typealias Producer = @Sendable (_ emit: (String) -> Void) -> Void

    /// Appended to the report's base name (`.json`, `.staffing.csv`).
    public let suffix: String
    /// Makes the bytes.
    public let produce: Producer

    /// A file made in pieces.
    public init(suffix: String, produce: @escaping Producer) {
        self.suffix = suffix
        self.produce = produce
    }

    /// A file whose content is made at once (when it is written, not before).
    public init(suffix: String, content: @escaping @Sendable () -> String) {
        self.init(suffix: suffix) { emit in emit(content()) }
    }

    /// The whole content, for tests and small outputs.
    public var content: String {
        var text = ""
        produce { text += $0 }
        return text
    }
}

/// Something orgscope reports on: an analysis, a comparison, a proposal's review. It says which files
/// each format makes; ``ReportWriter`` names and writes them.
public protocol ReportDocument: Sendable {
    /// The files of `format`: the main file first, then any companions (the staffing CSV).
    func files(as format: OutputFormat) -> [ReportFile]
}

/// The files of `input` in `format` (shorthand for ``ReportInput/files(as:)``).
public func render(_ input: ReportInput, as format: OutputFormat) -> [ReportFile] {
    input.files(as: format)
}

extension ReportInput: ReportDocument {
    /// The analysis report: the JSON report streamed in pieces of a megabyte, the others whole.
    public func files(as format: OutputFormat) -> [ReportFile] {
        switch format {
        case .text: [ReportFile(suffix: ".txt") { TextReporter.render(self) }]
        case .json: [ReportFile(suffix: ".json") { emit in JSONReporter.write(self, to: emit) }]
        case .csv: [ReportFile(suffix: ".csv") { CSVReporter.findings(self) },
                    ReportFile(suffix: ".staffing.csv") { CSVReporter.staffing(self) }]
        case .markdown: [ReportFile(suffix: ".md") { MarkdownReporter.render(self) }]
        case .html: [ReportFile(suffix: ".html") { HTMLReporter.render(self) }]
        }
    }
}

/// A report that is one file in each format (a comparison, a proposal's review), rendered when written.
public struct OneFileReport: ReportDocument {
    private let render: @Sendable (OutputFormat) -> String

    /// A report whose file in each format is `render(format)`.
    public init(render: @escaping @Sendable (OutputFormat) -> String) {
        self.render = render
    }

    /// The one file of `format`.
    public func files(as format: OutputFormat) -> [ReportFile] {
        [ReportFile(suffix: "." + format.fileExtension) { render(format) }]
    }
}
