import CLibXML2
import OrgModel

/// An XSD compiled once per run from its embedded text, then used to validate every input file.
final class CompiledSchema {
    let name: String
    let pointer: xmlSchemaPtr

    /// Compiles `text`; on failure (a defect of the shipped schema) the problems go to `diagnostics`.
    init?(name: String, text: String, diagnostics: DiagnosticCollector) {
        LibXML.prepare()
        self.name = name
        let sink = SchemaCompileSink(file: name, diagnostics: diagnostics)
        var bytes = Array(text.utf8)
        let compiled: xmlSchemaPtr? = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let parser = xmlSchemaNewMemParserCtxt(base, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                return LibXML.routingErrors(to: sink, through: SchemaCompileSink.diagnostic) { contextPointer in
                    orgscope_schema_parser_errors(parser, contextPointer)
                    return xmlSchemaParse(parser)
                }
            }
        }
        guard let compiled else { return nil }
        pointer = compiled
    }

    deinit { xmlSchemaFree(pointer) }

    /// The OrgChart v1 schema, compiled.
    static func orgChart(diagnostics: DiagnosticCollector) -> CompiledSchema? {
        CompiledSchema(name: "orgchart-1.xsd", text: EmbeddedSchemas.orgchart1, diagnostics: diagnostics)
    }
}

private final class SchemaCompileSink {
    let file: String
    let diagnostics: DiagnosticCollector
    init(file: String, diagnostics: DiagnosticCollector) {
        self.file = file
        self.diagnostics = diagnostics
    }

    /// Receives libxml2's errors about the schema, through the shim.
    static let diagnostic: orgscope_diagnostic_fn = { owner, _, _, _, message, line, column in
        guard let owner else { return }
        let sink = Unmanaged<SchemaCompileSink>.fromOpaque(owner).takeUnretainedValue()
        let text = message.map { String(cString: $0) } ?? "unknown error"
        sink.diagnostics.error(SourceLocation(file: sink.file, line: Int(line), column: Int(column)),
                               "internal: the shipped schema does not compile: " + text.trimmed)
    }
}

extension String {
    /// Without leading and trailing white space (libxml2 messages end with a newline).
    var trimmed: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
