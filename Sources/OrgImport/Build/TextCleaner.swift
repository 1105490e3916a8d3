import CLibXML2
import Foundation
import OrgModel

/// Turns text as it comes out of the parser into the form the model stores: white space collapsed to
/// single spaces, trimmed, and Unicode NFC (precomposed), so that `ệ` typed precomposed and `ệ` arriving
/// decomposed (as windows-1258 text does) are one string.
///
/// This runs on every text and attribute of the input, so it is written for speed: one pass over the
/// bytes, sixteen at a time (`text-survey.h`), decides whether the text is already clean (the usual
/// case), and only then is a copy made.
package enum TextCleaner {
    /// Cleans UTF-8 bytes.
    static func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        let (needsCollapse, needsNormalization) = survey(bytes)
        let text = needsCollapse ? collapsed(bytes) : String(decoding: bytes, as: UTF8.self)
        return needsNormalization ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Cleans UTF-8 bytes (as libxml2 hands them over: valid UTF-8) into `arena`: text already clean (the
    /// usual case) is copied there as it is, with no `String` made on the way.
    static func clean(_ bytes: UnsafeBufferPointer<UInt8>, into arena: TextArena) -> TextSlice {
        guard !bytes.isEmpty else { return arena.append("") }
        let (needsCollapse, needsNormalization) = survey(bytes)
        if !needsCollapse && !needsNormalization { return arena.append(bytes) }
        let text = needsCollapse ? collapsed(bytes) : String(decoding: bytes, as: UTF8.self)
        return arena.append(needsNormalization ? text.precomposedStringWithCanonicalMapping : text)
    }

    /// Whether `bytes` (not empty) need white space collapsed, and whether they need NFC normalisation
    /// (`orgscope_text_survey`, sixteen bytes at a time: the usual text needs neither).
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> (collapse: Bool, normalize: Bool) {
        guard let base = bytes.baseAddress else { return (false, false) }
        let found = orgscope_text_survey(base, bytes.count)
        return (found & ORGSCOPE_SURVEY_COLLAPSE != 0, found & ORGSCOPE_SURVEY_NORMALIZE != 0)
    }

    /// Cleans a string (attribute values, and every text the interchange importers read).
    package static func clean(_ text: String) -> String {
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
}
