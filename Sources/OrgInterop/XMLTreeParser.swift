import CLibXML2
import Foundation
import OrgImport
import OrgModel

/// Reads a whole XML file into an ``XMLNode`` tree with libxml2, hardened as the native importer is:
/// no network (`XML_PARSE_NONET`), no entity substitution, no DTD loading, an external entity loader
/// that refuses everything, a DOCTYPE refused as soon as its name is read (before any internal subset,
/// so no entity is ever declared), a size limit checked before reading and a depth limit checked on
/// every start tag. Every libxml2 error is collected with its line and column.
///
/// Positions: the tree builder is libxml2's own SAX2 handler with its start-tag callback wrapped, so
/// that the wrapper notes where the tag's `<` is (line, and column in characters) before the node
/// is built. Parsing is synchronous: libxml2 keeps its error state per thread.
final class XMLTreeParser {
    private let file: String
    private let options: InteropOptions
    private(set) var diagnostics = DiagnosticList()
    private var positions: [UnsafeMutableRawPointer: (line: Int, column: Int)] = [:]
    private var buildStart: startElementNsSAX2Func?
    private var stopped = false
    private var sawDecodingError = false
    private let formatName: String

    /// A parser for `file` (the path as the user gave it, used in diagnostics); `formatName` names the
    /// format in messages ("ArchiMate exchange files").
    init(file: String, options: InteropOptions, formatName: String) {
        self.file = file
        self.options = options
        self.formatName = formatName
    }

    /// The root element, or nil when the file could not be read or is not well-formed (the reasons are
    /// in ``diagnostics``).
    func parse() -> XMLNode? {
        guard let bytes = readFile() else { return nil }
        return parse(bytes: bytes)
    }

    func parse(bytes: [UInt8]) -> XMLNode? {
        LibXMLSetup.prepare()
        guard bytes.count < Int(Int32.max) else {
            diagnostics.error(at(1, 1), "the file is too large for the XML parser (2 GiB at most)")
            return nil
        }
        let created = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlCreateMemoryParserCtxt($0, Int32(buffer.count)) }
            } ?? nil
        }
        guard let context = created else {
            diagnostics.error(at(1, 1), "the file is empty: \(formatName) are XML documents")
            return nil
        }
        defer { xmlFreeParserCtxt(context) }
        // NONET only: no NOENT (entity substitution), no DTDLOAD/DTDATTR/DTDVALID, no XINCLUDE, no HUGE.
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        let owner = Unmanaged.passUnretained(self).toOpaque()
        context.pointee._private = owner
        if let sax = context.pointee.sax {
            buildStart = sax.pointee.startElementNs
            sax.pointee.startElementNs = treeStartElement
            sax.pointee.internalSubset = treeDocumentType
            sax.pointee.externalSubset = treeDocumentType
        }
        xmlSetStructuredErrorFunc(owner) { owner, error in
            guard let owner, let error else { return }
            let parser = Unmanaged<XMLTreeParser>.fromOpaque(owner).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
            parser.report(domain: error.pointee.domain, code: error.pointee.code, level: Int(error.pointee.level.rawValue),
                          message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2))
        }
        orgscope_silence_generic_errors(1)
        xmlParseDocument(context)
        xmlSetStructuredErrorFunc(nil, nil)
        orgscope_silence_generic_errors(0)
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        defer { if let document { xmlFreeDoc(document) } }
        guard !stopped, context.pointee.wellFormed != 0, !diagnostics.hasErrors,
              let document, let root = xmlDocGetRootElement(document) else {
            if !diagnostics.hasErrors { diagnostics.error(at(1, 1), "the file is not well-formed XML") }
            return nil
        }
        return node(root)
    }

    private func readFile() -> [UInt8]? {
        var status = stat()
        guard stat(file, &status) == 0 else {
            diagnostics.error(at(1, 1), "cannot open the file: \(String(cString: strerror(errno)))")
            return nil
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            diagnostics.error(at(1, 1), "is a directory, not an XML file")
            return nil
        }
        if Int(status.st_size) > options.maxFileSize {
            diagnostics.error(at(1, 1), "the file is \(Int(status.st_size)) bytes, over the limit of "
                + "\(options.maxFileSize) bytes; raise it with --max-file-size if the file is genuine")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.error(at(1, 1), "cannot read the file")
            return nil
        }
        return Array(data)
    }

    // MARK: Callbacks

    fileprivate func startElement(_ context: xmlParserCtxtPtr, forward: () -> Void) {
        guard !stopped else { return }
        let position = tagStart(context)
        // During the callback the element is not yet on libxml2's name stack: nameNr counts its ancestors.
        if Int(context.pointee.nameNr) + 1 > options.maxDepth {
            diagnostics.error(at(position.line, position.column), "elements nest deeper than \(options.maxDepth) "
                + "levels (raise the limit with --max-depth if this file is genuine)")
            stop(context)
            return
        }
        forward()
        if let node = context.pointee.node { positions[UnsafeMutableRawPointer(node)] = position }
    }

    fileprivate func rejectDocumentType(_ context: xmlParserCtxtPtr) {
        guard !stopped else { return }
        let position = tagStart(context)
        diagnostics.error(at(position.line, position.column), "a DOCTYPE is not allowed: \(formatName) need no "
            + "DTD, and orgscope never loads DTDs or entities (remove the <!DOCTYPE ...> declaration)")
        stop(context)
    }

    fileprivate func report(domain: Int32, code: Int32, level: Int, message: String, line: Int, column: Int) {
        guard !stopped, !sawDecodingError else { return }
        // After bytes that do not decode, the rest of the file is unread: what libxml2 says next follows
        // from that.
        sawDecodingError = LibXMLMessage.isDecodingError(domain: domain, code: code)
        let text = LibXMLMessage.explained(LibXMLMessage.readable(message), domain: domain, code: code)
        let location = at(max(line, 1), max(column, 1))
        if level == Int(XML_ERR_WARNING.rawValue) {
            diagnostics.warning(location, text)
        } else {
            diagnostics.error(location, text)
        }
    }

    private func stop(_ context: xmlParserCtxtPtr) {
        stopped = true
        xmlStopParser(context)
    }

    /// Line and column (in characters) of the `<` of the tag being parsed: the last `<` before the
    /// parser's cursor, counted back from the cursor's own line and column.
    private func tagStart(_ context: xmlParserCtxtPtr) -> (line: Int, column: Int) {
        guard let input = context.pointee.input, let base = input.pointee.base, let cursor = input.pointee.cur
        else { return (0, 0) }
        let line = Int(input.pointee.line), column = Int(input.pointee.col)
        var start = cursor
        while start > base, start.pointee != UInt8(ascii: "<") { start -= 1 }
        guard start.pointee == UInt8(ascii: "<") else { return (line, max(column, 1)) }
        var newlines = 0, characters = 0
        var scan = start
        while scan < cursor {
            if scan.pointee == 0x0A { newlines += 1 }
            if scan.pointee & 0xC0 != 0x80 { characters += 1 }
            scan += 1
        }
        if newlines == 0 { return (line, max(column - characters, 1)) }
        var lineStart = start
        while lineStart > base, lineStart[-1] != 0x0A { lineStart -= 1 }
        var before = 0
        while lineStart < start {
            if lineStart.pointee & 0xC0 != 0x80 { before += 1 }
            lineStart += 1
        }
        return (line - newlines, before + 1)
    }

    // MARK: Tree

    private func node(_ element: xmlNodePtr) -> XMLNode {
        let name = element.pointee.name.map { String(cString: $0) } ?? ""
        let namespace = element.pointee.ns?.pointee.href.map { String(cString: $0) }
        var attributes: [XMLAttribute] = []
        var attribute = element.pointee.properties
        while let current = attribute {
            attributes.append(XMLAttribute(
                namespace: current.pointee.ns?.pointee.href.map { String(cString: $0) },
                name: current.pointee.name.map { String(cString: $0) } ?? "",
                value: textContent(of: current.pointee.children)))
            attribute = current.pointee.next
        }
        var children: [XMLNode] = []
        var text = ""
        var child = element.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(node(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default: break
            }
            child = current.pointee.next
        }
        let position = positions[UnsafeMutableRawPointer(element)] ?? (Int(xmlGetLineNo(element)), 1)
        return XMLNode(namespace: namespace, name: name, attributes: attributes, children: children, text: text,
                       location: at(position.line, position.column))
    }

    private func textContent(of first: xmlNodePtr?) -> String {
        var text = ""
        var node = first
        while let current = node {
            if let content = current.pointee.content { text += String(cString: content) }
            node = current.pointee.next
        }
        return text
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}

/// Process-wide libxml2 set-up, once: initialise the library and install an external entity loader
/// that refuses every load (local file or network). The native importer installs an equivalent one;
/// whichever is installed last, every load is refused.
enum LibXMLSetup {
    private static let ready: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    static func prepare() { _ = ready }
}

private func treeParser(_ context: UnsafeMutableRawPointer?) -> (XMLTreeParser, xmlParserCtxtPtr)? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let owner = parser.pointee._private else { return nil }
    return (Unmanaged<XMLTreeParser>.fromOpaque(owner).takeUnretainedValue(), parser)
}

private let treeStartElement: startElementNsSAX2Func = { context, name, prefix, uri, namespaceCount, namespaces,
                                                        attributeCount, defaultedCount, attributes in
    guard let (tree, parser) = treeParser(context) else { return }
    tree.startElement(parser) {
        tree.forwardStart(context, name, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes)
    }
}

private let treeDocumentType: internalSubsetSAXFunc = { context, _, _, _ in
    guard let (tree, parser) = treeParser(context) else { return }
    tree.rejectDocumentType(parser)
}

extension XMLTreeParser {
    fileprivate func forwardStart(
        _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
        _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
        _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32, _ defaultedCount: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        buildStart?(context, name, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes)
    }
}
