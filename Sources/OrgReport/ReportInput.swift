import OrgAnalysis
import OrgModel

/// Everything a reporter needs: the analysis and the presentation choices. Reporters are pure
/// functions of this value.
public struct ReportInput: Sendable {
    /// The analysis.
    public var result: AnalysisResult
    /// The language of labels and messages.
    public var language: Language
    /// ANSI colour in the text report (only for a terminal that wants it).
    public var colour: Bool
    /// When the report was made, if the user asked for it (`--timestamp`); reports are otherwise
    /// byte-identical from run to run.
    public var timestamp: String?

    /// A report input.
    public init(result: AnalysisResult, language: Language, colour: Bool = false, timestamp: String? = nil) {
        self.result = result
        self.language = language
        self.colour = colour
        self.timestamp = timestamp
    }
}

/// One file of a report: what its name ends with, and its content.
public struct RenderedFile: Sendable, Hashable {
    /// Appended to the report's base name (`.json`, `.staffing.csv`).
    public var suffix: String
    /// The bytes to write.
    public var content: String
}

/// The output formats. Adding a case without a reporter does not compile (see ``render(_:as:)``).
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

/// Renders `input` in `format`: the main file first, then any companion files (the staffing CSV).
public func render(_ input: ReportInput, as format: OutputFormat) -> [RenderedFile] {
    switch format {
    case .text: [RenderedFile(suffix: ".txt", content: TextReporter.render(input))]
    case .json: [RenderedFile(suffix: ".json", content: JSONReporter.render(input))]
    case .csv: [RenderedFile(suffix: ".csv", content: CSVReporter.findings(input)),
                RenderedFile(suffix: ".staffing.csv", content: CSVReporter.staffing(input))]
    case .markdown: [RenderedFile(suffix: ".md", content: MarkdownReporter.render(input))]
    case .html: [RenderedFile(suffix: ".html", content: HTMLReporter.render(input))]
    }
}
