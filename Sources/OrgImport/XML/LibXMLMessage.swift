import CLibXML2

/// libxml2's messages made fit for a diagnostic line: one line, and the ones whose wording does not say
/// what to do rewritten.
enum LibXMLMessage {
    /// Whether libxml2's error says that bytes could not be decoded in the declared encoding. libxml2
    /// reports one bad byte sequence several times (conversion failed, encoder error, then what follows
    /// from the input ending there): only the first is worth showing.
    static func isDecodingError(domain: Int32, code: Int32) -> Bool {
        domain == Int32(XML_FROM_I18N.rawValue) || code == Int32(XML_ERR_INVALID_ENCODING.rawValue)
            || code == Int32(XML_IO_ENCODER.rawValue)
    }

    /// `text` (a message already made ``readable(_:)``) with what to do added where libxml2's words do
    /// not say it.
    static func explained(_ text: String, domain: Int32, code: Int32) -> String {
        if isDecodingError(domain: domain, code: code) {
            return text + " (the bytes do not match the encoding the XML declaration names: correct the "
                + "declaration, or save the file as UTF-8)"
        }
        switch code {
        case Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue):
            return text + " (only &amp; &lt; &gt; &quot; &apos; and character references like &#7879; are allowed)"
        case Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue):
            return text + " (declare UTF-8, UTF-16 or windows-1258)"
        default:
            return text
        }
    }

    /// `message` on one line (libxml2 puts the offending bytes of a UTF-8 error on a second line), with
    /// its trailing white space gone, and the UTF-8 error said plainly.
    static func readable(_ message: String) -> String {
        // Runs for every diagnostic (up to --max-errors' collection limit): no work past a trim when the
        // message is one line, as nearly all are.
        let oneLine = message.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D })
            ? message.split(whereSeparator: \.isNewline).map(trimmed).filter { !$0.isEmpty }.joined(separator: " ")
            : trimmed(message[...])
        guard oneLine.hasPrefix("Input is not proper UTF-8") else { return oneLine }
        let bytes = oneLine.firstRange(of: "Bytes:").map { trimmed(oneLine[$0.upperBound...]) } ?? ""
        return "the text is not valid UTF-8" + (bytes.isEmpty ? "" : " (bytes \(bytes))")
            + ": declare the file's real encoding in its XML declaration (for example encoding=\"windows-1258\"), "
            + "or save it as UTF-8"
    }

    /// `text` without leading and trailing spaces and tabs.
    private static func trimmed(_ text: Substring) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }
}
