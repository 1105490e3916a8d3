import Foundation
import OrgModel
import Testing

@testable import OrgImport

/// The byte-level fast paths of the builder give what the straightforward code they replaced gave.
@Suite("Fast paths match the plain implementations")
struct BuilderFastPathTests {
    /// The cleaner as it was written before it read eight bytes at a time: the reference.
    private static func referenceClean(_ bytes: [UInt8]) -> String {
        var needsCollapse = false
        var needsNormalization = false
        var previousWasSpace = true
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
            if byte >= 0x80, !needsNormalization, !referenceSurelyNFC(bytes, at: index) { needsNormalization = true }
        }
        if previousWasSpace, !bytes.isEmpty { needsCollapse = true }
        var output: [UInt8] = []
        if needsCollapse {
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = !output.isEmpty
                    continue
                }
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
        } else {
            output = bytes
        }
        let text = String(decoding: output, as: UTF8.self)
        return needsNormalization ? text.precomposedStringWithCanonicalMapping : text
    }

    private static func referenceSurelyNFC(_ bytes: [UInt8], at index: Int) -> Bool {
        let lead = bytes[index]
        if lead & 0xC0 == 0x80 || lead < 0xCC { return true }
        if lead == 0xE1, index + 1 < bytes.count { return (0xB8...0xBB).contains(bytes[index + 1]) }
        if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 { return bytes[index + 2] >= 0x90 }
        if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x81 { return bytes[index + 2] <= 0x9E }
        return false
    }

    @Test("TextCleaner.clean agrees with the plain loop on random Vietnamese-like text")
    func textCleaner() {
        let pieces = ["Tổ", " ", "  ", "\t", "\n", "\r\n", "chức", "thực", "hiện", "ệ", "Ơ", "đ", "e\u{0323}\u{0302}",
                      "–", "“", "…", "Å", "\u{212B}", "中", "a", "Z", "0", "&", "\u{0301}", "ư", "ở", "Ỷ", "\u{1E00}"]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<400 {
            var text = ""
            for _ in 0..<(length % 60) { text += pieces.randomElement(using: &generator) ?? "" }
            let bytes = Array(text.utf8)
            let cleaned = bytes.withUnsafeBufferPointer { TextCleaner.clean($0) }
            #expect(cleaned == Self.referenceClean(bytes), "\(bytes)")
            #expect(Array(cleaned.utf8) == Array(Self.referenceClean(bytes).utf8))
        }
    }

    @Test("Counts read from bytes follow Int(String) after trimming spaces and one '+'", arguments: [
        "0", "7", " 12 ", "+3", "++4", "+-4", "-0", "-000", "-5", "", " ", "+", "-", "1 2", "0x10", "٣",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "00042", "4&#38;2", "\t5",
    ])
    func counts(value: String) {
        var digits = Substring(value)
        while digits.first == " " { digits.removeFirst() }
        while digits.last == " " { digits.removeLast() }
        if digits.first == "+" { digits.removeFirst() }
        let expected = Int(digits).flatMap { $0 >= 0 ? $0 : nil }
        let bytes = Array(value.utf8)
        #expect(bytes.withUnsafeBufferPointer { OrgDocumentBuilder.count($0) } == expected)
    }
}
