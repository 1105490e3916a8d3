import Foundation
import OrgModel
import Testing

@testable import OrgImport

@Suite("Declared encodings and Unicode normalisation")
struct EncodingTests {
    private func texts(_ chart: OrgChart) -> [String] {
        [chart.name] + chart.units.flatMap { [$0.name] + $0.functions + $0.duties.map(\.text) + $0.powers }
            + chart.mandates.map(\.text)
    }

    @Test("UTF-16 and windows-1258 inputs give the same NFC text as UTF-8", arguments: [
        "valid-chart-utf16.xml", "valid-chart-cp1258.xml",
    ])
    func sameTextAsUTF8(fixture: String) throws {
        let reference = try OrgChartImporter().load(files: [TestFiles.fixture("valid-chart.xml")]).chart
        let other = try OrgChartImporter().load(files: [TestFiles.fixture(fixture)]).chart
        #expect(texts(other) == texts(reference))
        #expect(texts(other).contains("Sở Nội vụ"))
        for text in texts(other) {
            #expect(text == text.precomposedStringWithCanonicalMapping)
            #expect(!text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) })
        }
    }

    @Test("The windows-1258 fixture really is decomposed windows-1258 (the test above is not vacuous)")
    func fixtureIsLegacy() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestFiles.fixture("valid-chart-cp1258.xml")))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        #expect(bytes.contains(0xD2))  // the combining hook above of windows-1258
    }

    @Test("Decomposed UTF-8 text is stored precomposed")
    func decomposedUTF8() throws {
        let decomposed = "Sở Nội vụ".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Sở Nội vụ".unicodeScalars.count)
        let path = try TestFiles.write(TestFiles.chart(
            "  <unit id=\"a\" name=\"\(decomposed)\" kind=\"department\"><duty>\(decomposed)   quản lý</duty></unit>"))
        let chart = try OrgChartImporter().load(files: [path]).chart
        #expect(chart.units[0].name == "Sở Nội vụ")
        #expect(chart.units[0].name.unicodeScalars.count == "Sở Nội vụ".unicodeScalars.count)
        #expect(chart.units[0].duties[0].text == "Sở Nội vụ quản lý")
    }

    @Test("An undeclared legacy encoding is an error, not mojibake")
    func wrongEncoding() throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.fixture("valid-chart-cp1258.xml")))
        let declared = Data(#"encoding="windows-1258""#.utf8)
        let range = try #require(data.range(of: declared))
        let utf8 = #"encoding="UTF-8""#
        data.replaceSubrange(range, with: Data((utf8 + String(repeating: " ", count: declared.count - utf8.count)).utf8))
        let path = try TestFiles.write(data, name: "mislabelled.xml")
        let found = diagnostics(files: [path])
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.location.file == path && $0.location.line >= 1 })
    }
}

@Suite("Text cleaning")
struct TextCleanerTests {
    @Test("White space collapses and trims", arguments: [
        ("  a \n\t b  ", "a b"), ("\n", ""), ("Quản lý  nhà\r\nnước", "Quản lý nhà nước"), ("x", "x"),
    ])
    func collapses(input: String, expected: String) {
        #expect(TextCleaner.clean(input) == expected)
    }

    @Test("Combining marks compose; already-NFC text is unchanged")
    func composes() {
        #expect(TextCleaner.clean("Vie\u{0323}\u{0302}t") == "Việt")
        #expect(TextCleaner.clean("Việt – “Nam”…") == "Việt – “Nam”…")
        #expect(TextCleaner.clean("\u{212B}") == "\u{00C5}")  // a compatibility singleton still normalises
    }
}
