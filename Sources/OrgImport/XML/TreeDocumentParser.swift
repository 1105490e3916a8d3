import CLibXML2
import OrgModel

/// Reads a whole XML document held in memory into an ``XMLTreeNode`` tree, for formats that are read
/// whole rather than streamed (ArchiMate exchange files). libxml2 is set up as for every other input
/// (``LibXML``): no network (`XML_PARSE_NONET`), no entity substitution, no DTD loading, an external
/// entity loader that refuses everything; a DOCTYPE is refused as soon as its name is read (before any
/// internal subset, so no entity is ever declared), the depth limit is checked on every start tag, and
/// every libxml2 error goes to the collector with its line and column.
///
/// The tree is built by libxml2's own SAX2 handler with its start-tag callback wrapped, so that the
/// wrapper notes where the tag's `<` is (line, and column in characters) before the node is built; it
/// is then copied into ``XMLTreeNode`` values. Parsing is synchronous: libxml2 keeps its error state
/// per thread.
package final class TreeDocumentParser {
    private let file: String
    private let formatName: String
    private let maxDepth: Int
    private let diagnostics: DiagnosticCollector
    private var positions: [UnsafeMutableRawPointer: TagPosition] = [:]
    private var buildStart: startElementNsSAX2Func?
    private var stopped = false
    private var sawDecodingError = false

    /// A parser for `file` (the path as the user gave it, used in diagnostics) that reports to
    /// `diagnostics`; `formatName` names the format in messages, in the plural ("ArchiMate exchange
    /// files"); elements may nest `maxDepth` deep.
    package init(file: String, formatName: String, maxDepth: Int, diagnostics: DiagnosticCollector) {
        self.file = file
        self.formatName = formatName
        self.maxDepth = maxDepth
        self.diagnostics = diagnostics
    }

    /// The root element of the document in `bytes`, or nil when it is not well-formed or breaks a limit
    /// (the reasons are in the collector).
    package func parse(_ bytes: [UInt8]) -> XMLTreeNode? {
        LibXML.prepare()
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
        xmlCtxtUseOptions(context, LibXML.parserOptions)
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        if let sax = context.pointee.sax {
            buildStart = sax.pointee.startElementNs
            sax.pointee.startElementNs = treeStartElement
            sax.pointee.internalSubset = treeDocumentType
            sax.pointee.externalSubset = treeDocumentType
        }
        LibXML.routingErrors(to: self, through: Self.diagnostic) { _ in _ = xmlParseDocument(context) }
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

    // MARK: Callbacks

    /// Receives libxml2's errors, through the shim.
    private static let diagnostic: orgscope_diagnostic_fn = { owner, domain, code, level, message, line, column in
        guard let owner else { return }
        let parser = Unmanaged<TreeDocumentParser>.fromOpaque(owner).takeUnretainedValue()
        parser.report(domain: domain, code: code, level: level, message: message.map { String(cString: $0) } ?? "unknown XML error",
                      line: Int(line), column: Int(column))
    }

    fileprivate func startElement(_ context: xmlParserCtxtPtr, forward: () -> Void) {
        guard !stopped else { return }
        let position = tagStart(context)
        // During the callback the element is not yet on libxml2's name stack: the depth counts its ancestors.
        if Int(orgscope_depth(context)) + 1 > maxDepth {
            diagnostics.error(at(position.line, position.column), "elements nest deeper than \(maxDepth) "
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

    private func report(domain: Int32, code: Int32, level: Int32, message: String, line: Int, column: Int) {
        guard !stopped, !sawDecodingError else { return }
        // After bytes that do not decode, the rest of the file is unread: what libxml2 says next follows
        // from that.
        sawDecodingError = LibXMLMessage.isDecodingError(domain: domain, code: code)
        let text = LibXMLMessage.explained(LibXMLMessage.readable(message), domain: domain, code: code)
        let location = at(max(line, 1), max(column, 1))
        if level == Int32(XML_ERR_WARNING.rawValue) {
            diagnostics.warning(location, text)
        } else {
            diagnostics.error(location, text)
        }
    }

    private func stop(_ context: xmlParserCtxtPtr) {
        stopped = true
        orgscope_stop(context)
    }

    /// Line and column (in characters) of the `<` of the tag being parsed.
    private func tagStart(_ context: xmlParserCtxtPtr) -> TagPosition {
        var line: Int32 = 0, column: Int32 = 0, isEndTag: Int32 = 0
        orgscope_tag_start(context, &line, &column, &isEndTag)
        return TagPosition(line: Int(line), column: Int(column))
    }

    // MARK: Tree

    private func node(_ element: xmlNodePtr) -> XMLTreeNode {
        let name = LibXML.string(element.pointee.name) ?? ""
        let namespace = LibXML.string(element.pointee.ns?.pointee.href)
        var attributes: [XMLAttribute] = []
        var attribute = element.pointee.properties
        while let current = attribute {
            attributes.append(XMLAttribute(
                name: LibXML.string(current.pointee.name) ?? "",
                namespace: LibXML.string(current.pointee.ns?.pointee.href),
                value: textContent(of: current.pointee.children)))
            attribute = current.pointee.next
        }
        var children: [XMLTreeNode] = []
        var text = ""
        var child = element.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(node(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += LibXML.string(current.pointee.content) ?? ""
            default: break
            }
            child = current.pointee.next
        }
        let position = positions[UnsafeMutableRawPointer(element)] ?? TagPosition(line: Int(xmlGetLineNo(element)), column: 1)
        return XMLTreeNode(namespace: namespace, name: name, attributes: attributes, children: children, text: text,
                           location: at(position.line, position.column))
    }

    private func textContent(of first: xmlNodePtr?) -> String {
        var text = ""
        var node = first
        while let current = node {
            if let content = LibXML.string(current.pointee.content) { text += content }
            node = current.pointee.next
        }
        return text
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}

private func treeParser(_ context: UnsafeMutableRawPointer?) -> (TreeDocumentParser, xmlParserCtxtPtr)? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let owner = parser.pointee._private else { return nil }
    return (Unmanaged<TreeDocumentParser>.fromOpaque(owner).takeUnretainedValue(), parser)
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

extension TreeDocumentParser {
    fileprivate func forwardStart(
        _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
        _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
        _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32, _ defaultedCount: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        buildStart?(context, name, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes)
    }
}
