import OrgModel

/// Why an interchange file (an ArchiMate model, a staffing spreadsheet) gave no result.
public enum InteropError: Error, Sendable {
    /// The input has problems; every one found (errors, and the warnings seen before them), sorted by
    /// file, line and column. Nothing may be written from such an input.
    case rejected(diagnostics: [Diagnostic])

    /// The diagnostics, whatever the case.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .rejected(let diagnostics): diagnostics
        }
    }
}

/// Limits applied to every interchange file, the same as the native importer's.
public struct InteropOptions: Sendable {
    /// Largest file accepted, in bytes.
    public var maxFileSize: Int
    /// Deepest element nesting accepted (XML only).
    public var maxDepth: Int

    /// Limits; the defaults match `orgscope`'s own (2 GiB, 64 levels).
    public init(maxFileSize: Int = 2048 << 20, maxDepth: Int = 64) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
    }
}
