import Foundation
import OrgAnalysis
import OrgModel
@testable import OrgReport
import Testing

/// The XML parts of the golden chart's Word report, in both languages, against files in
/// `Golden/docx/` (regenerated only by `scripts/update-golden`). Stored with a line break after each
/// paragraph, row, table and style so that a change reads as a short diff; compared the same way.
@Suite("Golden Word parts")
struct WordGoldenTests {
    static let parts = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                        "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
                        "word/header1.xml", "word/header2.xml", "word/footer1.xml"]

    static func readable(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        for end in ["</w:p>", "</w:tr>", "</w:tbl>", "</w:style>", "<w:body>", "</w:sectPr>", "/>" + "<Override"] {
            text = text.replacingOccurrences(of: end, with: end + "\n")
        }
        return text
    }

    @Test("Each XML part matches its golden file", arguments: Language.allCases)
    func golden(language: Language) throws {
        let input = ReportInput(result: Analyzer().analyze(GoldenTests.chart()), language: language)
        let reader = try DocxReader(try render(input, as: .docx)[0].bytes())
        #expect(reader.order == Self.parts)
        let directory = GoldenTests.directory.appendingPathComponent("docx")
        for part in Self.parts {
            let data = try #require(reader.parts[part])
            let name = "golden.\(language.rawValue)." + part.replacingOccurrences(of: "/", with: "_")
            let url = directory.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["ORGSCOPE_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(Self.readable(data).utf8).write(to: url)
                continue
            }
            let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            #expect(Self.readable(data) == expected, "\(name) differs: run scripts/update-golden if intended")
        }
    }
}
