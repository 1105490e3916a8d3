import Glibc

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

    /// Whether one large file is split across the cores. Splitting never changes the result (model,
    /// diagnostics, their order); a file the split cannot reproduce exactly is read in one pass.
    public enum FileSplitting: Sendable, Equatable {
        /// Split files of at least ``ImportOptions/splitMinimumFileSize`` bytes into one part per
        /// active core, when there are two cores or more (the default).
        case automatic
        /// Read every file in one pass.
        case off
        /// Split every file that can be split into about `parts` parts, whatever its size and the number
        /// of cores (for tests that compare the two ways).
        case forced(parts: Int)

        /// The environment variable that overrides the default: `off` (or `1`) reads every file in one
        /// pass, a number of 2 or more forces that many parts.
        public static let environmentVariable = "ORGSCOPE_SPLIT"

        /// The setting `ORGSCOPE_SPLIT` asks for, ``automatic`` when it is unset or not understood.
        public static func fromEnvironment() -> FileSplitting {
            setting(getenv(environmentVariable).map { String(cString: $0) })
        }

        /// The setting a value of `ORGSCOPE_SPLIT` asks for (nil: unset).
        static func setting(_ value: String?) -> FileSplitting {
            guard let value = value?.lowercased() else { return .automatic }
            if value == "off" || value == "no" || value == "0" || value == "1" { return .off }
            if let parts = Int(value), parts >= 2 { return .forced(parts: parts) }
            return .automatic
        }
    }

    /// How a chart is checked against OrgChart XML v1 (`orgdata/schema/orgchart-1.xsd`).
    public enum SchemaCheckMode: String, Sendable, CaseIterable {
        /// In code, on the events the builder already receives (``ChartSchemaCheck``): the XSD is neither
        /// compiled nor run. The differential test (`SchemaEquivalenceTests`) holds it to the same verdicts
        /// as libxml2's validator.
        case code
        /// libxml2's XSD validator with the shipped schema, for audit: the published contract itself.
        case xsd
    }

    /// Largest input file accepted, in bytes (default 2 GiB).
    public var maxFileSize: Int
    /// Deepest element nesting accepted (default 64; a real chart is under 10 deep).
    public var maxDepth: Int
    /// Diagnostics collected before the import gives up on the rest of the input (default 10 000).
    public var maxDiagnostics: Int
    /// Longest text of one element (a duty, function, power or mandate) or attribute value, in characters
    /// (default 10 000; a real duty is a sentence or two). Ids (200) and names (1 000) are also bounded
    /// by the schema itself.
    public var maxTextLength: Int = 10_000
    /// The libxml2 interface used.
    public var backend: Backend
    /// How the schema is checked (default ``SchemaCheckMode/code``).
    public var schemaCheck: SchemaCheckMode = .code
    /// Whether large files are split across the cores (SAX2 backend only).
    public var fileSplitting: FileSplitting
    /// Smallest file that ``FileSplitting/automatic`` splits (default 4 MiB): below it, threads cost
    /// more than they save.
    public var splitMinimumFileSize: Int
    /// Called after each chunk read with the file, the bytes read so far and the file's size (for a
    /// progress display).
    public var progress: (@Sendable (_ file: String, _ read: Int, _ size: Int) -> Void)?

    /// Options with the defaults above; `fileSplitting` defaults to what `ORGSCOPE_SPLIT` says.
    public init(
        maxFileSize: Int = 2 << 30, maxDepth: Int = 64, maxDiagnostics: Int = 10_000, backend: Backend = .sax,
        fileSplitting: FileSplitting = .fromEnvironment(), splitMinimumFileSize: Int = 4 << 20
    ) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxDiagnostics = maxDiagnostics
        self.backend = backend
        self.fileSplitting = fileSplitting
        self.splitMinimumFileSize = splitMinimumFileSize
    }
}
