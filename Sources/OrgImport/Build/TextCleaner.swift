import Foundation
import OrgModel

/// Turns text as it comes out of the parser into the form the model stores: white space collapsed to
/// single spaces, trimmed, and Unicode NFC (precomposed), so that `ệ` typed precomposed and `ệ` arriving
/// decomposed (as windows-1258 text does) are one string.
///
/// This runs on every text and attribute of the input, so it is written for speed: one pass over the
/// bytes, eight at a time, decides whether the text is already clean (the usual case), and only then is
/// a copy made.
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

    /// Whether `bytes` (not empty) need white space collapsed, and whether they need NFC normalisation.
    private static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> (collapse: Bool, normalize: Bool) {
        guard let base = bytes.baseAddress else { return (false, false) }
        let count = bytes.count
        // White space needs collapsing when the text starts or ends with it, holds a tab, line feed or
        // carriage return, or two spaces in a row.
        var needsCollapse = isBlank(base[0]) || isBlank(base[count - 1])
        var needsNormalization = false
        var previousWasSpace = false
        var index = 0
        while index + 8 <= count, !(needsCollapse && needsNormalization) {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)  // byte i in bits 8i...8i+7
            if !needsCollapse {
                if hasByte(in: word, below: 0x0E) {
                    for offset in 0..<8 where isControlBlank(base[index + offset]) { needsCollapse = true }
                }
                let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
                if spaces & (spaces << 8) != 0 || (previousWasSpace && spaces & 0x80 != 0) { needsCollapse = true }
                previousWasSpace = spaces >> 63 != 0
            }
            if !needsNormalization, word & 0x8080_8080_8080_8080 != 0 {
                // Lead bytes from 0xCC up need a look at their scalar, except the commonest: 0xE1 followed
                // by 0xB8–0xBB (U+1E00–U+1EFF, the Vietnamese letters with tone marks).
                let high = word & ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & 0x8080_8080_8080_8080
                if high != 0 {
                    let following = word >> 8 | UInt64(index + 8 < count ? base[index + 8] : 0) << 56
                    let vietnamese = zeroBytes(word ^ 0xE1E1_E1E1_E1E1_E1E1)
                        & zeroBytes((following & 0xFCFC_FCFC_FCFC_FCFC) ^ 0xB8B8_B8B8_B8B8_B8B8)
                    var leads = high & ~vietnamese
                    while leads != 0 {
                        if !isSurelyNFC(bytes, at: index + leads.trailingZeroBitCount >> 3) {
                            needsNormalization = true
                            break
                        }
                        leads &= leads &- 1
                    }
                }
            }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte == 0x20 {
                if previousWasSpace { needsCollapse = true }
                previousWasSpace = true
            } else {
                previousWasSpace = false
                if isControlBlank(byte) { needsCollapse = true }
                if byte >= 0xCC, !needsNormalization, !isSurelyNFC(bytes, at: index) { needsNormalization = true }
            }
            index += 1
        }
        return (needsCollapse, needsNormalization)
    }

    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || isControlBlank(byte)
    }

    @inline(__always)
    private static func isControlBlank(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether some byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    private static func hasByte(in word: UInt64, below limit: UInt8) -> Bool {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// The high bit of each byte of `word` that is zero, and nothing else.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
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
