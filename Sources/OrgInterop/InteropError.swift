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

/// Diagnostics gathered while reading one input, in the order found.
struct DiagnosticList {
    private(set) var items: [Diagnostic] = []

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    mutating func error(_ location: SourceLocation, _ message: String) {
        items.append(Diagnostic(.error, at: location, message))
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        items.append(Diagnostic(.warning, at: location, message))
    }

    mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    /// By line, then column; ties keep the order found (the sort is stable).
    var sorted: [Diagnostic] {
        items.enumerated().sorted { lhs, rhs in
            (lhs.element.location, lhs.offset) < (rhs.element.location, rhs.offset)
        }.map(\.element)
    }
}
