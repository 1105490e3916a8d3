import Foundation

/// Turns text as it comes out of the parser into the form the model stores: white space collapsed to
/// single spaces, trimmed, and Unicode NFC (precomposed), so that `ệ` typed precomposed and `ệ` arriving
/// decomposed (as windows-1258 text does) are one string.
///
/// This runs on every text and attribute of the input, so it is written for speed: one pass over the
/// bytes decides whether the text is already clean (the usual case), and only then is a copy made.
enum TextCleaner {
    /// Cleans UTF-8 bytes.
    static func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var needsCollapse = false
        var needsNormalization = false
        var previousWasSpace = true  // a leading space needs trimming
        for (index, byte) in bytes.enumerated() {
            if byte <= 0x20 {
                if byte == 0x20 {
                    if previousWasSpace { needsCollapse = true }
                    previousWasSpace = true
                    continue
                }
                if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    needsCollapse = true
                    previousWasSpace = true
                    continue
                }
            }
            previousWasSpace = false
            if byte >= 0x80, !needsNormalization, !isSurelyNFC(bytes, at: index) { needsNormalization = true }
        }
        if previousWasSpace, !bytes.isEmpty { needsCollapse = true }  // a trailing space
        let text = needsCollapse ? collapsed(bytes) : String(decoding: bytes, as: UTF8.self)
        return needsNormalization ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Cleans a string (attribute values).
    static func clean(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { clean($0) }
    }

    private static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    output[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                output[count] = byte
                count += 1
            }
            return count
        }
    }

    /// A quick check that the scalar starting at `index` can stand in NFC text whatever surrounds it:
    /// every scalar below U+0300 (Latin, Latin-1, Latin Extended A/B, IPA, spacing modifiers), the
    /// precomposed Latin Extended Additional block U+1E00–U+1EFF (all Vietnamese letters with tone
    /// marks) and General Punctuation U+2010–U+205E (dashes, quotes, ellipsis). Everything else
    /// (combining marks, compatibility singletons, other scripts) goes through full normalisation.
    @inline(__always)
    private static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        if lead & 0xC0 == 0x80 { return true }  // a continuation byte: judged with its lead byte
        if lead < 0xCC { return true }  // U+0080 to U+02FF
        if lead == 0xE1, index + 1 < bytes.count {
            let second = bytes[index + 1]
            return second >= 0xB8 && second <= 0xBB  // U+1E00–U+1EFF
        }
        if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
            return bytes[index + 2] >= 0x90  // U+2010–U+203F
        }
        if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x81 {
            return bytes[index + 2] <= 0x9E  // U+2040–U+205E
        }
        return false
    }
}
