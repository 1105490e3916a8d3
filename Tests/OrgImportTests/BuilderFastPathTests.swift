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

    /// The survey's answers, one byte at a time (what `text-survey.h` computes sixteen at a time).
    private static func referenceSurvey(_ bytes: [UInt8]) -> (collapse: Bool, normalize: Bool) {
        guard let first = bytes.first, let last = bytes.last else { return (false, false) }
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        var collapse = blanks.contains(first) || blanks.contains(last)
        var normalize = false
        for index in bytes.indices {
            if bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { collapse = true }
            if index > 0, bytes[index] == 0x20, bytes[index - 1] == 0x20 { collapse = true }
            if !referenceSurelyNFC(bytes, at: index) { normalize = true }
        }
        return (collapse, normalize)
    }

    @Test("The sixteen-byte survey agrees with the byte loop at every length and offset")
    func survey() {
        // Bytes chosen to sit on every branch: blanks, lead bytes 0xCC/0xE1/0xE2 with and without their
        // followers, the followers themselves, and plain letters; texts long enough to cross 16 and 17.
        let palette: [UInt8] = [0x20, 0x20, 0x09, 0x0A, 0x0D, 0x61, 0x61, 0x61, 0x7A, 0x80, 0x81, 0x90, 0x9E, 0x9F,
                                0xB7, 0xB8, 0xBA, 0xBB, 0xBC, 0xC3, 0xCB, 0xCC, 0xCD, 0xE1, 0xE1, 0xE2, 0xE4, 0xFF]
        var random = SchemaMutations.SeededRandom(seed: 20)
        var disagreements: [[UInt8]] = []
        var normalized = 0, collapsed = 0
        for trial in 0..<20_000 {
            let length = trial % 70
            var bytes = (0..<length).map { _ in palette[Int.random(in: 0..<palette.count, using: &random)] }
            // Most texts are letters with a rare special byte, so that the flags are also found late.
            if trial % 3 != 2 {
                bytes = (0..<length).map { _ in 0x61 }
                for _ in 0..<(trial % 3 + 1) where length > 0 {
                    bytes[Int.random(in: 0..<length, using: &random)] = palette.randomElement(using: &random) ?? 0
                }
            }
            // Two spaces side by side at a random place (across the sixteen-byte boundary too).
            if trial % 5 == 0, length >= 2 {
                bytes = (0..<length).map { _ in 0x61 }
                let at = Int.random(in: 1..<(length - 1 > 0 ? length - 1 : 2), using: &random)
                bytes[at] = 0x20
                if at + 1 < length - 1 { bytes[at + 1] = 0x20 }
            }
            let expected = Self.referenceSurvey(bytes)
            let found = bytes.withUnsafeBufferPointer { TextCleaner.survey($0) }
            if found.collapse != expected.collapse || found.normalize != expected.normalize { disagreements.append(bytes) }
            if expected.normalize { normalized += 1 }
            if expected.collapse { collapsed += 1 }
        }
        #expect(disagreements.count == 0, "first: \(disagreements.first ?? [])")
        // The trials reach both answers of both questions.
        #expect(normalized > 1_000 && normalized < 19_000 && collapsed > 1_000 && collapsed < 19_000)
    }

    @Test("The eight-byte blank test agrees with the byte loop")
    func blank() {
        let palette: [UInt8] = [0x20, 0x20, 0x20, 0x09, 0x0A, 0x0D, 0x20, 0x21, 0x00, 0x1F, 0x61, 0xA0, 0xE1]
        var random = SchemaMutations.SeededRandom(seed: 21)
        var blanks = 0
        for trial in 0..<20_000 {
            var bytes = (0..<(trial % 40)).map { _ in [UInt8](arrayLiteral: 0x20, 0x09, 0x0A, 0x0D)[Int(trial) % 4] }
            for _ in 0..<(trial % 3) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = palette.randomElement(using: &random) ?? 0
            }
            let expected = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if expected { blanks += 1 }
            #expect(bytes.withUnsafeBufferPointer { ChartSchemaRules.isBlank($0) } == expected, "\(bytes)")
        }
        #expect(blanks > 5_000 && blanks < 15_000)
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

/// The builder gathers a unit's duties apart and moves them into the unit when they are done.
@Suite("Duties reach their units, in order, whatever the element order")
struct PendingDutiesTests {
    /// The builder's document for `body`, parsed in one pass (the schema check in front, as in an import).
    private static func document(_ body: String) throws -> ParsedDocument {
        let path = try TestFiles.write(TestFiles.chart(body))
        let collector = DiagnosticCollector(limit: 100)
        let builder = OrgDocumentBuilder(file: path, diagnostics: collector)
        let check = ChartSchemaCheck(next: builder, file: path, diagnostics: collector)
        let parser = SAXDocumentParser(path: path, file: path, options: ImportOptions(fileSplitting: .off),
                                       diagnostics: collector, handler: check)
        _ = parser.parse(schema: nil)
        return builder.document
    }

    @Test("Duties written after a sub-unit (which the schema reports) still join their own unit, numbered on")
    func outOfOrder() throws {
        let document = try Self.document("""
              <unit id="a" name="A" kind="committee">
                <duty id="a.1">Một</duty>
                <duty>Hai</duty>
                <unit id="b" name="B" kind="office"><duty>Ba</duty><duty id="b.2">Bốn</duty></unit>
                <duty>Năm</duty>
                <unit id="c" name="C" kind="office"/>
                <duty id="a.4">Sáu</duty>
              </unit>
              <unit id="d" name="D" kind="committee"><duty>Bảy</duty></unit>
            """)
        let duties = document.units.map { unit in unit.duties.map { "\($0.id.rawValue)=\($0.text)" } }
        #expect(duties == [["a.1=Một", "a#2=Hai", "a#3=Năm", "a.4=Sáu"], ["b#1=Ba", "b.2=Bốn"], [], ["d#1=Bảy"]])
        // The digest noted that some duties came after their unit's sub-units.
        #expect(!document.digest.dutyIDHashesInOrder)
        // Arrays hold their duties at their count, not a doubling's slack.
        #expect(document.units.allSatisfy { $0.duties.capacity < max(4, 2 * $0.duties.count) })
    }

    @Test("Many duties in one unit and many units in a row")
    func many() throws {
        let units = (0..<30).map { unit in
            "<unit id=\"u\(unit)\" name=\"U\" kind=\"office\">"
                + (0..<(unit * 7)).map { "<duty>Việc \($0)</duty>" }.joined() + "</unit>"
        }.joined(separator: "\n")
        let document = try Self.document(units)
        #expect(document.units.map(\.duties.count) == (0..<30).map { $0 * 7 })
        #expect(document.units[29].duties.last?.id.rawValue == "u29#203")
        #expect(document.units[29].duties.last?.text == "Việc 202")
    }
}
