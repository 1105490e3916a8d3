/// Limits and choices for one import. Every limit has a clear error when exceeded and can be raised
/// from the command line.
public struct ImportOptions: Sendable {
    /// How libxml2 reads the file. Both give the same model; SAX2 is the default because it measured
    /// faster (see the README's figures) and it gives exact tag positions.
    public enum Backend: String, Sendable, CaseIterable {
        /// libxml2's SAX2 push parser with streaming schema validation (xmlSchemaSAXPlug).
        case sax
        /// libxml2's text reader with xmlTextReaderSchemaValidateCtxt; positions are where the reader
        /// was, not where the tag starts. Kept for measurement.
        case reader
    }

    /// Largest input file accepted, in bytes (default 2 GiB).
    public var maxFileSize: Int
    /// Deepest element nesting accepted (default 64; a real chart is under 10 deep).
    public var maxDepth: Int
    /// Diagnostics collected before the import gives up on the rest of the input (default 10 000).
    public var maxDiagnostics: Int
    /// The libxml2 interface used.
    public var backend: Backend
    /// Called after each chunk read with the file, the bytes read so far and the file's size (for a
    /// progress display).
    public var progress: (@Sendable (_ file: String, _ read: Int, _ size: Int) -> Void)?

    /// Options with the defaults above.
    public init(
        maxFileSize: Int = 2 << 30, maxDepth: Int = 64, maxDiagnostics: Int = 10_000, backend: Backend = .sax
    ) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxDiagnostics = maxDiagnostics
        self.backend = backend
    }
}
