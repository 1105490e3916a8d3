import OrgModel

/// Reads a restructuring proposal (proposal XML v1): streamed through libxml2 with the same hardening
/// as charts (no network, no entities, DOCTYPE refused, size and depth capped) and validated against the
/// shipped `proposal-1.xsd`. Problems come back as diagnostics with file, line and column.
public final class ProposalImporter {
    private let options: ImportOptions
    private var schema: CompiledSchema?

    /// An importer with the given limits. Reuse it for several proposals to compile the schema only once.
    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// Reads `path`.
    public func load(path: String) throws(ImportError) -> Proposal {
        let diagnostics = DiagnosticCollector(limit: options.maxDiagnostics)
        if schema == nil {
            schema = CompiledSchema(name: "proposal-1.xsd", text: EmbeddedSchemas.proposal1, diagnostics: diagnostics)
        }
        guard let schema else { throw .rejected(diagnostics: diagnostics.sorted(fileOrder: [path]), truncated: false) }
        let builder = ProposalDocumentBuilder(file: path, diagnostics: diagnostics, maxTextLength: options.maxTextLength)
        let parser = SAXDocumentParser(path: path, file: path, options: options, diagnostics: diagnostics, handler: builder)
        _ = parser.parse(schema: schema)
        guard !diagnostics.hasErrors, let proposal = builder.proposal else {
            if !diagnostics.hasErrors {
                diagnostics.error(SourceLocation(file: path, line: 1, column: 1), "no <proposal> element found")
            }
            throw .rejected(diagnostics: diagnostics.sorted(fileOrder: [path]), truncated: diagnostics.truncated)
        }
        return proposal
    }
}
