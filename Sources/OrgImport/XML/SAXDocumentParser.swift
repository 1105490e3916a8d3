import CLibXML2
import Glibc
import OrgModel

/// Reads one XML file with libxml2's SAX2 push parser, validating it against a compiled schema on the
/// way (xmlSchemaSAXPlug), and reports elements to an ``XMLEventHandler``. No tree is built: memory
/// holds one read buffer and whatever the handler keeps.
///
/// It reads either a whole file (``parse(schema:)``) or one part of a split file
/// (``parse(source:lines:schema:)``): synthetic start tags, a byte range of the mapped file, synthetic
/// end tags. For a part, every position is translated back to the file's own line and column
/// (``LineMapping``), and the parser records what makes a part's result unusable on its own
/// (``partTrouble``). The C callbacks are in `SAXCallbacks.swift`.
///
/// Hardening: no network, no entity substitution, no DTD loading; a DOCTYPE stops the parse at once
/// (before its internal subset is read, so entity-expansion bombs never run); nesting and file size
/// are capped.
final class SAXDocumentParser {
    private static let chunkSize = 1 << 18

    private let path: String
    private let file: String
    private let options: ImportOptions
    private let diagnostics: DiagnosticCollector
    /// Held strongly: the handler never holds the parser, and a strong `let` is called without the
    /// reference counting that loading an unowned reference costs on every callback.
    private let handler: any XMLEventHandler

    // The state below is touched only by the thread that runs the parse, from libxml2's synchronous
    // callbacks; runtime exclusivity checks on it cost more than the callbacks' own work, so the hot
    // properties opt out of them.
    @exclusivity(unchecked) fileprivate var parser: xmlParserCtxtPtr?
    /// Raw (part) positions of the open elements.
    @exclusivity(unchecked) fileprivate var openElements: [TagPosition] = []
    @exclusivity(unchecked) fileprivate var lastClosed = TagPosition(line: 0, column: 0)
    @exclusivity(unchecked) fileprivate var stopped = false
    fileprivate var sawFatalError = false
    /// Whether a decoding error was reported (see ``LibXMLMessage/isDecodingError(domain:code:)``).
    private var sawEncodingError = false
    private var fileSize = 0
    private var lines = LineMapping.identity
    /// The part being read, when this parse reads one part of a split file.
    private var partSource: PartSource?
    /// What a part reported that only the whole file can settle (nil while nothing did).
    private(set) var partTrouble: String?

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
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Self.chunkSize)
        defer { buffer.deallocate() }
        let count = read(descriptor, buffer, 4)
        guard count >= 0 else {
            diagnostics.error(at(1, 1), "cannot read the file: \(String(cString: strerror(errno)))")
            return false
        }
        guard count > 0 else {
            diagnostics.error(at(1, 1), "the file is empty; an OrgChart XML document was expected")
            return false
        }
        return withPushParser(first: UnsafeRawBufferPointer(start: buffer, count: count), schema: schema) { ctxt in
            var total = count
            while !stopped {
                let count = read(descriptor, buffer, Self.chunkSize)
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
            return true
        }
    }

    /// Parses one part of a split file from `source` (synthetic start tags, the part's bytes, synthetic
    /// end tags), with positions translated to the file's by `lines`. Returns false when the part was
    /// not well-formed.
    ///
    /// A part is read by libxml2's pull parser (`xmlCreateIOParserCtxt` + `xmlParseDocument`), which
    /// measured about a quarter faster than the push parser with the schema plugged in. The two report
    /// the same SAX events and the same schema errors; they differ only in how they go on after a
    /// well-formedness error, which sends a split file back to the single (push) parse anyway.
    func parse(source: PartSource, lines: LineMapping, schema: CompiledSchema?) -> Bool {
        LibXML.prepare()
        self.lines = lines
        partSource = source
        defer { partSource = nil }
        let sourcePointer = Unmanaged.passUnretained(source).toOpaque()
        return withParser(schema: schema, create: { saxHandler, context in
            xmlCreateIOParserCtxt(saxHandler, context, SAXCallbacks.partRead, nil, sourcePointer, XML_CHAR_ENCODING_NONE)
        }, feed: { ctxt in
            let result = withExtendedLifetime(source) { xmlParseDocument(ctxt) }
            if result != 0 { notePartTrouble("the parser failed (libxml2 status \(result))") }
            return true
        })
    }

    /// Creates a push parser on `first` (the first bytes, for encoding detection) with the schema
    /// plugged in, routes this thread's libxml2 errors to us, and runs `feed`. Returns whether the
    /// document was well-formed (and `feed` succeeded).
    private func withPushParser(first: UnsafeRawBufferPointer, schema: CompiledSchema?,
                                feed: (xmlParserCtxtPtr) -> Bool) -> Bool {
        withParser(schema: schema, create: { saxHandler, context in
            xmlCreatePushParserCtxt(saxHandler, context, first.baseAddress?.assumingMemoryBound(to: CChar.self),
                                    Int32(first.count), file)
        }, feed: feed)
    }

    /// Creates a parser with `create` (given our SAX handler and callback context), plugs the schema in,
    /// routes this thread's libxml2 errors to us, and runs `feed`. Returns whether the document was
    /// well-formed (and `feed` succeeded).
    private func withParser(
        schema: CompiledSchema?,
        create: (UnsafeMutablePointer<xmlSAXHandler>, UnsafeMutablePointer<orgscope_context>) -> xmlParserCtxtPtr?,
        feed: (xmlParserCtxtPtr) -> Bool
    ) -> Bool {
        var saxHandler = SAXCallbacks.handler()
        return LibXML.routingErrors(to: self, through: SAXCallbacks.diagnostic) { contextPointer in
            guard let ctxt = withUnsafeMutablePointer(to: &saxHandler, { create($0, contextPointer) }) else {
                diagnostics.error(at(1, 1), "internal: libxml2 could not create a parser")
                return false
            }
            defer { xmlFreeParserCtxt(ctxt) }
            xmlCtxtUseOptions(ctxt, LibXML.parserOptions)
            contextPointer.pointee.parser = ctxt
            parser = ctxt
            defer { parser = nil }

            var validator: xmlSchemaValidCtxtPtr?
            var plug: xmlSchemaSAXPlugPtr?
            if let schema {
                validator = xmlSchemaNewValidCtxt(schema.pointer)
                if let validator {
                    orgscope_schema_validation_errors(validator, contextPointer)
                    plug = orgscope_plug_schema(validator, ctxt)
                }
            }
            defer {
                if let plug { xmlSchemaSAXUnplug(plug) }
                if let validator { xmlSchemaFreeValidCtxt(validator) }
            }
            guard feed(ctxt) else { return false }
            return ctxt.pointee.wellFormed != 0 && !sawFatalError
        }
    }

    /// Whether this parse was stopped early (too deep, too many diagnostics, a DOCTYPE).
    var wasStopped: Bool { stopped }

    fileprivate func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The file location of a raw (part) position.
    fileprivate func location(_ raw: TagPosition) -> SourceLocation {
        let mapped = lines.map(raw)
        return SourceLocation(file: file, line: mapped.line, column: mapped.column)
    }

    /// Raw position of the tag now being parsed; for an end tag, the start of the element it closes.
    fileprivate func currentTagPosition() -> TagPosition {
        var line: Int32 = 0, column: Int32 = 0, isEndTag: Int32 = 0
        orgscope_tag_start(parser, &line, &column, &isEndTag)
        if isEndTag != 0, lastClosed.line > 0 { return lastClosed }
        return TagPosition(line: Int(line), column: Int(column))
    }

    fileprivate func stop() {
        stopped = true
        if let parser { orgscope_stop(parser) }
    }

    /// Notes, for a part of a split file, a diagnostic that the part cannot settle alone.
    private func notePartTrouble(_ reason: @autoclosure () -> String) {
        if partSource != nil, partTrouble == nil { partTrouble = reason() }
    }

    func report(domain: Int32, code: Int32, level: Int32, message: String, line: Int, column: Int) {
        // After bytes that do not decode, the rest of the file is unread: what libxml2 says next (the same
        // bytes again, or what follows from the input ending there) is not worth showing.
        guard !sawEncodingError else { return }
        if LibXMLMessage.isDecodingError(domain: domain, code: code) {
            sawFatalError = true
            sawEncodingError = true
            notePartTrouble("a decoding error")
        }
        let text = Self.clean(message)
        let isSchema = domain == Int32(XML_FROM_SCHEMASV.rawValue)
        let raw = isSchema || line == 0 ? currentTagPosition() : TagPosition(line: line, column: max(column, 1))
        if let partSource, lines.isSynthetic(line: raw.line) || partSource.isInSuffix(orgscope_offset(parser)) {
            notePartTrouble("a diagnostic on a synthetic tag: \(text)")
        } else if !isSchema || !SchemaErrorScope.isLocal(code: code) {
            notePartTrouble("libxml2 error \(code) (\(text))")
        }
        let location = location(raw)
        if level == Int32(XML_ERR_WARNING.rawValue) {
            diagnostics.warning(location, text)
        } else {
            if level == Int32(XML_ERR_FATAL.rawValue) { sawFatalError = true }
            diagnostics.error(location, isSchema ? text : LibXMLMessage.explained(text, domain: domain, code: code))
        }
        if diagnostics.isFull { stop() }
    }

    func start(_ tag: XMLStartTag) {
        guard !stopped else { return }
        var line: Int32 = 0, column: Int32 = 0, isEndTag: Int32 = 0
        orgscope_tag_start(parser, &line, &column, &isEndTag)
        let raw = TagPosition(line: Int(line), column: Int(column))
        if openElements.count >= options.maxDepth {
            diagnostics.error(location(raw), "elements nest deeper than \(options.maxDepth) levels; "
                + "a chart is rarely over 10 deep (raise the limit with --max-depth if this file is genuine)")
            stop()
            return
        }
        openElements.append(raw)
        handler.startElement(tag, at: lines.map(raw))
    }

    func end() {
        guard !stopped, let position = openElements.popLast() else { return }
        lastClosed = position
        handler.endElement()
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !stopped, handler.wantsCharacters else { return }
        handler.characters(bytes)
    }

    func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !stopped else { return }
        handler.cdata(bytes)
    }

    func rejectDocumentType() {
        diagnostics.error(location(currentTagPosition()), "a DOCTYPE is not allowed: OrgChart XML needs no DTD, "
            + "and orgscope never loads DTDs or entities (remove the <!DOCTYPE ...> declaration)")
        sawFatalError = true
        stop()
    }

    /// Removes orgscope's namespaces from libxml2's `{urn:...}name` element names.
    static func clean(_ message: String) -> String {
        LibXMLMessage.readable(message).replacingOccurrences("{urn:orgscope:orgchart:1}", with: "")
            .replacingOccurrences("{urn:orgscope:proposal:1}", with: "")
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
