import CLibXML2
import Glibc
import OrgModel

/// Reads one XML file with libxml2's SAX2 push parser, validating it against a compiled schema on the
/// way (xmlSchemaSAXPlug), and reports elements to an ``XMLEventHandler``. No tree is built: memory
/// holds one read buffer and whatever the handler keeps.
///
/// Hardening: no network, no entity substitution, no DTD loading; a DOCTYPE stops the parse at once
/// (before its internal subset is read, so entity-expansion bombs never run); nesting and file size
/// are capped.
final class SAXDocumentParser {
    private let path: String
    private let file: String
    private let options: ImportOptions
    private let diagnostics: DiagnosticCollector
    private unowned let handler: any XMLEventHandler

    fileprivate var parser: xmlParserCtxtPtr?
    fileprivate var openElements: [SourceLocation] = []
    fileprivate var lastClosed = SourceLocation(file: "", line: 0, column: 0)
    fileprivate var stopped = false
    fileprivate var sawFatalError = false
    private var fileSize = 0
    /// libxml2 interns names in a dictionary, so the same namespace URI comes back as the same pointer:
    /// converting it once saves an allocation per element.
    fileprivate var lastNamespace: (pointer: UnsafePointer<xmlChar>, string: String)?

    /// `path` is opened; `file` is how locations name it (the path as the user typed it).
    init(path: String, file: String, options: ImportOptions, diagnostics: DiagnosticCollector,
         handler: any XMLEventHandler) {
        self.path = path
        self.file = file
        self.options = options
        self.diagnostics = diagnostics
        self.handler = handler
    }

    /// Parses the whole file; returns false when it was not well-formed or could not be read.
    func parse(schema: CompiledSchema?) -> Bool {
        LibXML.prepare()
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            diagnostics.error(at(1, 1), "cannot open the file: \(String(cString: strerror(errno)))")
            return false
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR {
                diagnostics.error(at(1, 1), "is a directory, not an XML file")
                return false
            }
            if Int(status.st_size) > options.maxFileSize {
                diagnostics.error(at(1, 1), "the file is \(Self.size(Int(status.st_size))), over the limit of "
                    + "\(Self.size(options.maxFileSize)); raise it with --max-file-size if the file is genuine")
                return false
            }
        }
        fileSize = Int(status.st_size)
        let owner = Unmanaged.passUnretained(self).toOpaque()
        var context = orgscope_context(owner: owner, diagnostic: saxDiagnostic, parser: nil)
        var handler = Self.makeHandler()
        return withUnsafeMutablePointer(to: &context) { contextPointer in
            orgscope_route_errors(contextPointer)
            defer { orgscope_route_errors(nil) }
            return run(descriptor: descriptor, handler: &handler, context: contextPointer, schema: schema)
        }
    }

    private func run(descriptor: Int32, handler: inout xmlSAXHandler,
                     context: UnsafeMutablePointer<orgscope_context>, schema: CompiledSchema?) -> Bool {
        let chunkSize = 1 << 18
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        var count = read(descriptor, buffer, 4)
        guard count >= 0 else {
            diagnostics.error(at(1, 1), "cannot read the file: \(String(cString: strerror(errno)))")
            return false
        }
        guard count > 0 else {
            diagnostics.error(at(1, 1), "the file is empty; an OrgChart XML document was expected")
            return false
        }
        guard let ctxt = xmlCreatePushParserCtxt(&handler, context, buffer, Int32(count), file) else {
            diagnostics.error(at(1, 1), "internal: libxml2 could not create a parser")
            return false
        }
        defer { xmlFreeParserCtxt(ctxt) }
        xmlCtxtUseOptions(ctxt, LibXML.parserOptions)
        context.pointee.parser = ctxt
        parser = ctxt
        defer { parser = nil }

        var validator: xmlSchemaValidCtxtPtr?
        var plug: xmlSchemaSAXPlugPtr?
        if let schema {
            validator = xmlSchemaNewValidCtxt(schema.pointer)
            if let validator {
                orgscope_schema_validation_errors(validator, context)
                plug = orgscope_plug_schema(validator, ctxt)
            }
        }
        defer {
            if let plug { xmlSchemaSAXUnplug(plug) }
            if let validator { xmlSchemaFreeValidCtxt(validator) }
        }

        var total = count
        while !stopped {
            count = read(descriptor, buffer, chunkSize)
            total += max(count, 0)
            options.progress?(file, total, fileSize)
            if count < 0 {
                diagnostics.error(at(1, 1), "cannot read the file: \(String(cString: strerror(errno)))")
                return false
            }
            let terminate: Int32 = count == 0 ? 1 : 0
            let result = xmlParseChunk(ctxt, buffer, Int32(count), terminate)
            if result != 0 || terminate == 1 { break }
        }
        return ctxt.pointee.wellFormed != 0 && !sawFatalError
    }

    fileprivate func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Where the tag now being parsed starts; for an end tag, the start of the element it closes.
    fileprivate func currentTagLocation() -> SourceLocation {
        var line: Int32 = 0, column: Int32 = 0, isEndTag: Int32 = 0
        orgscope_tag_start(parser, &line, &column, &isEndTag)
        if isEndTag != 0, lastClosed.line > 0 { return lastClosed }
        return at(Int(line), Int(column))
    }

    fileprivate func stop() {
        stopped = true
        if let parser { orgscope_stop(parser) }
    }

    fileprivate func report(domain: Int32, code: Int32, level: Int32, message: String, line: Int, column: Int) {
        let text = Self.clean(message)
        let isSchema = domain == Int32(XML_FROM_SCHEMASV.rawValue)
        let location = isSchema || line == 0 ? currentTagLocation() : at(line, max(column, 1))
        if level == Int32(XML_ERR_WARNING.rawValue) {
            diagnostics.warning(location, text)
        } else {
            if level == Int32(XML_ERR_FATAL.rawValue) { sawFatalError = true }
            diagnostics.error(location, isSchema ? text : Self.explain(code: code, message: text))
        }
        if diagnostics.isFull { stop() }
    }

    fileprivate func namespaceString(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        if let last = lastNamespace, last.pointer == pointer { return last.string }
        let string = String(cString: pointer)
        lastNamespace = (pointer, string)
        return string
    }

    fileprivate func start(name: String, namespace: String?, attributes: [XMLAttribute]) {
        guard !stopped else { return }
        var line: Int32 = 0, column: Int32 = 0, isEndTag: Int32 = 0
        orgscope_tag_start(parser, &line, &column, &isEndTag)
        let location = at(Int(line), Int(column))
        if openElements.count >= options.maxDepth {
            diagnostics.error(location, "elements nest deeper than \(options.maxDepth) levels; "
                + "a chart is rarely over 10 deep (raise the limit with --max-depth if this file is genuine)")
            stop()
            return
        }
        openElements.append(location)
        handler.startElement(name: name, namespace: namespace, attributes: attributes, location: location)
    }

    fileprivate func end() {
        guard !stopped, let location = openElements.popLast() else { return }
        lastClosed = location
        handler.endElement()
    }

    fileprivate func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !stopped, handler.wantsCharacters else { return }
        handler.characters(bytes)
    }

    fileprivate func rejectDocumentType() {
        diagnostics.error(currentTagLocation(), "a DOCTYPE is not allowed: OrgChart XML needs no DTD, and "
            + "orgscope never loads DTDs or entities (remove the <!DOCTYPE ...> declaration)")
        sawFatalError = true
        stop()
    }

    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = saxStartElement
        handler.endElementNs = saxEndElement
        handler.characters = saxCharacters
        handler.cdataBlock = saxCharacters
        handler.ignorableWhitespace = saxCharacters
        handler.internalSubset = saxInternalSubset
        handler.externalSubset = saxInternalSubset
        return handler
    }

    /// Removes orgscope's namespaces from libxml2's `{urn:...}name` element names.
    static func clean(_ message: String) -> String {
        message.trimmed.replacingOccurrences("{urn:orgscope:orgchart:1}", with: "")
            .replacingOccurrences("{urn:orgscope:proposal:1}", with: "")
    }

    /// Adds what to do to libxml2 messages whose cause is not obvious.
    private static func explain(code: Int32, message: String) -> String {
        switch code {
        case Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue):
            message + " (only &amp; &lt; &gt; &quot; &apos; and character references like &#7879; are allowed)"
        case Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue):
            message + " (declare UTF-8, UTF-16 or windows-1258)"
        default: message
        }
    }

    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20 { return "\((bytes * 10 >> 20) / 10).\((bytes * 10 >> 20) % 10) MiB" }
        return "\(bytes) bytes"
    }
}

extension String {
    /// Plain substring replacement (Foundation-free).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

private func session(_ context: UnsafeMutableRawPointer?) -> SAXDocumentParser? {
    guard let context else { return nil }
    let pointer = context.assumingMemoryBound(to: orgscope_context.self)
    guard let owner = pointer.pointee.owner else { return nil }
    return Unmanaged<SAXDocumentParser>.fromOpaque(owner).takeUnretainedValue()
}

private let saxDiagnostic: orgscope_diagnostic_fn = { owner, domain, code, level, message, line, column in
    guard let owner else { return }
    let parser = Unmanaged<SAXDocumentParser>.fromOpaque(owner).takeUnretainedValue()
    parser.report(domain: domain, code: code, level: level,
                  message: message.map { String(cString: $0) } ?? "unknown error",
                  line: Int(line), column: Int(column))
}

private let saxStartElement: startElementNsSAX2Func = {
    context, localName, _, uri, _, _, attributeCount, _, attributes in
    guard let parser = session(context), let localName else { return }
    var list: [XMLAttribute] = []
    if attributeCount > 0, let attributes {
        list.reserveCapacity(Int(attributeCount))
        for index in 0..<Int(attributeCount) {
            let base = attributes + index * 5
            guard let name = base[0], let begin = base[3], let end = base[4] else { continue }
            let bytes = UnsafeBufferPointer(start: begin, count: end - begin)
            var value = String(decoding: bytes, as: UTF8.self)
            // With entity substitution off, libxml2 hands '&' in attribute values over as "&#38;".
            if memchr(begin, 0x26, bytes.count) != nil { value = value.replacingOccurrences("&#38;", with: "&") }
            list.append(XMLAttribute(name: String(cString: name), namespace: base[2].map { String(cString: $0) },
                                     value: value))
        }
    }
    parser.start(name: String(cString: localName), namespace: parser.namespaceString(uri), attributes: list)
}

private let saxEndElement: endElementNsSAX2Func = { context, _, _, _ in
    session(context)?.end()
}

private let saxCharacters: charactersSAXFunc = { context, bytes, length in
    guard let bytes, length > 0 else { return }
    session(context)?.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
}

private let saxInternalSubset: internalSubsetSAXFunc = { context, _, _, _ in
    session(context)?.rejectDocumentType()
}
