import OrgAnalysis
import OrgModel

/// Everything a reporter needs: the analysis and the presentation choices. Reporters are pure
/// functions of this value.
public struct ReportInput: Sendable {
    /// The analysis.
    public var result: AnalysisResult
    /// The language of labels and messages.
    public var language: Language

    /// A report input.
    public init(result: AnalysisResult, language: Language) {
        self.result = result
        self.language = language
    }
}

/// The output formats. Adding a case without a reporter does not compile (see ``render(_:as:)``).
public enum OutputFormat: String, CaseIterable, Sendable {
    /// For the terminal.
    case text
    /// The documented JSON schema (schema version 1).
    case json
}

/// Renders `input` in `format`.
public func render(_ input: ReportInput, as format: OutputFormat) -> String {
    switch format {
    case .text: TextReporter.render(input)
    case .json: JSONReporter.render(input)
    }
}
