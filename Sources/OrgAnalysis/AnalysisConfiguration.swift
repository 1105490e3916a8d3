/// Which rules run and at what severity. Thresholds join this as the rule families that need them land.
public struct AnalysisConfiguration: Sendable {
    /// Rules switched off, by code.
    public var disabled: Set<String>
    /// Severity overrides, by code.
    public var severities: [String: Severity]
    /// Thresholds of the text engine (overlap, inference, merge candidates).
    public var text: TextSettings

    /// The defaults: every rule on, at its default severity.
    public init(disabled: Set<String> = [], severities: [String: Severity] = [:], text: TextSettings = TextSettings()) {
        self.disabled = disabled
        self.severities = severities
        self.text = text
    }
}
