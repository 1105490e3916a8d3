/// A problem found while reading input, with the place it was found.
///
/// Importers collect these instead of throwing at the first one, so that the user sees every problem
/// in one run.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Codable {
        /// The input cannot be used: the run stops with exit status 2.
        case error
        /// Worth knowing; the run goes on.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// Where (file, line, column).
    public var location: SourceLocation
    /// What is wrong, and where useful what to do, in English (the compiler convention).
    public var message: String

    /// A diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
