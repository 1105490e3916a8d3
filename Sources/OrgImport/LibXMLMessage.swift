/// libxml2's messages made fit for a diagnostic line: one line, and the ones whose wording does not say
/// what to do rewritten.
public enum LibXMLMessage {
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
