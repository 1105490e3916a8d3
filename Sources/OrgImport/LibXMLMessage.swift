import CLibXML2

/// libxml2's messages made fit for a diagnostic line: one line, and the ones whose wording does not say
/// what to do rewritten.
public enum LibXMLMessage {
    /// Whether libxml2's error says that bytes could not be decoded in the declared encoding. libxml2
    /// reports one bad byte sequence several times (conversion failed, encoder error, then what follows
    /// from the input ending there): only the first is worth showing.
    public static func isDecodingError(domain: Int32, code: Int32) -> Bool {
        domain == Int32(XML_FROM_I18N.rawValue) || code == Int32(XML_ERR_INVALID_ENCODING.rawValue)
            || code == Int32(XML_IO_ENCODER.rawValue)
    }

    /// A decoding error's message, saying what to do.
    public static func decoding(_ message: String) -> String {
        readable(message) + " (the bytes do not match the encoding the XML declaration names: correct the "
            + "declaration, or save the file as UTF-8)"
    }

    /// `message` on one line (libxml2 puts the offending bytes of a UTF-8 error on a second line), with
    /// its trailing white space gone, and the UTF-8 error said plainly.
    public static func readable(_ message: String) -> String {
        let oneLine = message.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            .joined(separator: " ")
        guard oneLine.hasPrefix("Input is not proper UTF-8") else { return oneLine }
        let bytes = oneLine.firstRange(of: "Bytes:").map { String(oneLine[$0.upperBound...]).trimmingSpaces } ?? ""
        return "the text is not valid UTF-8" + (bytes.isEmpty ? "" : " (bytes \(bytes))")
            + ": declare the file's real encoding in its XML declaration (for example encoding=\"windows-1258\"), "
            + "or save it as UTF-8"
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
