import CLibXML2
import Glibc
import OrgModel

/// Reads one XML file with libxml2's text reader (xmlTextReader), validating against the compiled
/// schema with xmlTextReaderSchemaValidateCtxt, and reports the same events as ``SAXDocumentParser``.
///
/// Kept so that the two interfaces can be measured against each other on the same files
/// (`orgscope validate --xml-backend reader`); SAX2 is the default. Positions here are where the
/// reader's parser was when it surfaced the node (the end of the start tag), not the `<`.
final class ReaderDocumentParser {
    private let path: String
    private let file: String
    private let options: ImportOptions
    private let diagnostics: DiagnosticCollector
    private unowned let handler: any XMLEventHandler
    private var reader: xmlTextReaderPtr?
    private var sawFatalError = false

    init(path: String, file: String, options: ImportOptions, diagnostics: DiagnosticCollector,
         handler: any XMLEventHandler) {
        self.path = path
        self.file = file
        self.options = options
        self.diagnostics = diagnostics
        self.handler = handler
    }

    func parse(schema: CompiledSchema?) -> Bool {
        LibXML.prepare()
        var status = stat()
        guard stat(path, &status) == 0 else {
            diagnostics.error(at(1, 1), "cannot open the file: \(String(cString: strerror(errno)))")
            return false
        }
        if Int(status.st_size) > options.maxFileSize {
            diagnostics.error(at(1, 1), "the file is \(SAXDocumentParser.size(Int(status.st_size))), over the limit "
                + "of \(SAXDocumentParser.size(options.maxFileSize)); raise it with --max-file-size")
            return false
        }
        guard let reader = xmlReaderForFile(path, nil, LibXML.parserOptions) else {
            diagnostics.error(at(1, 1), "cannot open the file")
            return false
        }
        self.reader = reader
        defer {
            xmlFreeTextReader(reader)
            self.reader = nil
        }
        return LibXML.routingErrors(to: self, through: Self.diagnostic) { pointer in
            orgscope_reader_errors(reader, pointer)
            var validator: xmlSchemaValidCtxtPtr?
            if let schema, let created = xmlSchemaNewValidCtxt(schema.pointer) {
                validator = created
                orgscope_schema_validation_errors(created, pointer)
                xmlTextReaderSchemaValidateCtxt(reader, created, 0)
            }
            defer {
                if let validator {
                    xmlTextReaderSchemaValidateCtxt(reader, nil, 0)
                    xmlSchemaFreeValidCtxt(validator)
                }
            }
            return walk(reader)
        }
    }

    private func walk(_ reader: xmlTextReaderPtr) -> Bool {
        var depth = 0
        while !diagnostics.isFull {
            let result = xmlTextReaderRead(reader)
            if result != 1 { return result == 0 && !sawFatalError }
            switch xmlTextReaderNodeType(reader) {
            case 1:
                depth += 1
                if depth > options.maxDepth {
                    diagnostics.error(position(), "elements nest deeper than \(options.maxDepth) levels "
                        + "(raise the limit with --max-depth if this file is genuine)")
                    return false
                }
                startElement(reader)
                if xmlTextReaderIsEmptyElement(reader) == 1 {
                    depth -= 1
                    handler.endElement()
                }
            case 15:
                depth -= 1
                handler.endElement()
            case 4:
                guard let value = xmlTextReaderConstValue(reader) else { break }
                handler.cdata(UnsafeBufferPointer(start: value, count: strlen(value)))
            case 3, 13, 14:
                guard handler.wantsCharacters, let value = xmlTextReaderConstValue(reader) else { break }
                handler.characters(UnsafeBufferPointer(start: value, count: strlen(value)))
            case 10:
                diagnostics.error(position(), "a DOCTYPE is not allowed: OrgChart XML needs no DTD, and orgscope "
                    + "never loads DTDs or entities (remove the <!DOCTYPE ...> declaration)")
                return false
            default:
                break
            }
        }
        return false
    }

    private func startElement(_ reader: xmlTextReaderPtr) {
        // The reader's name strings stay valid until the next read, past the handler's call.
        let name = xmlTextReaderConstLocalName(reader) ?? ("" as StaticString).utf8Start
        let namespace = xmlTextReaderConstNamespaceUri(reader)
        var attributes: [XMLAttribute] = []
        if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
            repeat {
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                attributes.append(XMLAttribute(
                    name: LibXML.string(xmlTextReaderConstLocalName(reader)) ?? "",
                    namespace: LibXML.string(xmlTextReaderConstNamespaceUri(reader)),
                    value: LibXML.string(xmlTextReaderConstValue(reader)) ?? ""))
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            xmlTextReaderMoveToElement(reader)
        }
        let location = position()
        attributes.withUnsafeBufferPointer { list in
            handler.startElement(XMLStartTag(localName: name, namespaceURI: namespace, storage: .list(list)),
                                 at: TagPosition(line: location.line, column: location.column))
        }
    }

    private func position() -> SourceLocation {
        guard let reader else { return at(0, 0) }
        return at(Int(xmlTextReaderGetParserLineNumber(reader)), Int(xmlTextReaderGetParserColumnNumber(reader)))
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Receives libxml2's errors, through the shim.
    private static let diagnostic: orgscope_diagnostic_fn = { owner, _, _, level, message, line, column in
        guard let owner else { return }
        let parser = Unmanaged<ReaderDocumentParser>.fromOpaque(owner).takeUnretainedValue()
        parser.report(level: level, message: message.map { String(cString: $0) } ?? "unknown error",
                      line: Int(line), column: Int(column))
    }

    private func report(level: Int32, message: String, line: Int, column: Int) {
        let location = line > 0 ? at(line, max(column, 1)) : position()
        let text = SAXDocumentParser.clean(message)
        if level == Int32(XML_ERR_WARNING.rawValue) {
            diagnostics.warning(location, text)
        } else {
            if level == Int32(XML_ERR_FATAL.rawValue) { sawFatalError = true }
            diagnostics.error(location, text)
        }
    }
}
