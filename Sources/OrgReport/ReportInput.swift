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
    /// Who issues the Word report and how it is laid out (`--profile`); blanks for the clerk by default.
    public var profile: DocumentProfile

    /// A report input.
    public init(result: AnalysisResult, language: Language, colour: Bool = false, timestamp: String? = nil,
                profile: DocumentProfile = DocumentProfile()) {
        self.result = result
        self.language = language
        self.colour = colour
        self.timestamp = timestamp
        self.profile = profile
    }
}
