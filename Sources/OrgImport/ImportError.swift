import OrgModel

/// Why an import produced no chart.
public enum ImportError: Error, Sendable {
    /// The input has problems; every one found, sorted by file (in the order given), line and column.
    /// `truncated` is true when the importer stopped collecting at ``ImportOptions/maxDiagnostics``.
    case rejected(diagnostics: [Diagnostic], truncated: Bool)

    /// The diagnostics, whatever the case.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .rejected(let diagnostics, _): diagnostics
        }
    }
}
