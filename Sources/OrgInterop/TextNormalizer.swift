import Foundation

/// The importer's text rule, applied to every name and text read from an interchange file, as the
/// native importer does: Unicode NFC (a tone mark typed as a combining character and the precomposed
/// letter compare equal), runs of white space collapsed to one space, trimmed.
enum TextNormalizer {
    static func clean(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return words.joined(separator: " ").precomposedStringWithCanonicalMapping
    }
}
