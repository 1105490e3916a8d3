import CLibXML2
import OrgModel

/// The C callbacks that libxml2 calls during a ``SAXDocumentParser`` parse. Each finds its parser
/// through the context pointer (an `orgscope_context` whose owner is the parser).
enum SAXCallbacks {
    /// The SAX2 handler: elements, character data, and the DOCTYPE that is refused.
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = startElement
        handler.endElementNs = endElement
        handler.characters = characters
        handler.cdataBlock = cdataBlock
        handler.ignorableWhitespace = characters
        handler.internalSubset = internalSubset
        handler.externalSubset = internalSubset
        return handler
    }

    /// Reads a ``PartSource`` for libxml2's pull parser.
    static let partRead: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        let source = Unmanaged<PartSource>.fromOpaque(context).takeUnretainedValue()
        return Int32(source.read(into: buffer, capacity: Int(length)))
    }

    /// Receives libxml2's errors, through the shim.
    static let diagnostic: orgscope_diagnostic_fn = { owner, domain, code, level, message, line, column in
        guard let owner else { return }
        let parser = Unmanaged<SAXDocumentParser>.fromOpaque(owner).takeUnretainedValue()
        parser.report(domain: domain, code: code, level: level,
                      message: message.map { String(cString: $0) } ?? "unknown error",
                      line: Int(line), column: Int(column))
    }

    /// The parser behind a callback's context. The parser outlives every callback of its parse (they run
    /// inside the libxml2 call that the parser makes), so no reference is taken.
    @inline(__always)
    private static func withSession(_ context: UnsafeMutableRawPointer?, _ body: (SAXDocumentParser) -> Void) {
        guard let context else { return }
        let pointer = context.assumingMemoryBound(to: orgscope_context.self)
        guard let owner = pointer.pointee.owner else { return }
        Unmanaged<SAXDocumentParser>.fromOpaque(owner)._withUnsafeGuaranteedRef(body)
    }

    private static let startElement: startElementNsSAX2Func = {
        context, localName, _, uri, _, _, attributeCount, _, attributes in
        guard let localName else { return }
        let tag = XMLStartTag(localName: localName, namespaceURI: uri,
                              storage: .libxml(attributes, count: Int(max(attributeCount, 0))))
        withSession(context) { $0.start(tag) }
    }

    private static let endElement: endElementNsSAX2Func = { context, _, _, _ in
        withSession(context) { $0.end() }
    }

    private static let characters: charactersSAXFunc = { context, bytes, length in
        guard let bytes, length > 0 else { return }
        withSession(context) { $0.text(UnsafeBufferPointer(start: bytes, count: Int(length))) }
    }

    private static let cdataBlock: cdataBlockSAXFunc = { context, bytes, length in
        guard let bytes, length >= 0 else { return }
        withSession(context) { $0.cdata(UnsafeBufferPointer(start: bytes, count: Int(length))) }
    }

    private static let internalSubset: internalSubsetSAXFunc = { context, _, _, _ in
        withSession(context) { $0.rejectDocumentType() }
    }
}
