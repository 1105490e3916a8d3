import Foundation
import Testing

@testable import OrgImport

@Suite("The pre-scan finds units, and only units")
struct ChartLayoutScannerTests {
    private func layout(_ text: String, until limit: Int = .max) -> Result<ChartLayout, SplitRefusal> {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            guard let scanner = ChartLayoutScanner(bytes: raw, maxDepth: 64) else { return .failure(.notWorthSplitting) }
            return scanner.root().flatMap { scanner.layout(after: $0, until: limit) }
        }
    }

    @Test("Units hidden in comments, CDATA, processing instructions and attribute values are not units")
    func hiddenUnits() throws {
        let text = """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- <unit id="no"> -->
            <?pi <unit id="no2">?>
            <orgChart xmlns="urn:orgscope:orgchart:1" id="c" name="a > b">
              <unit id="a" name="x > y" kind="other">
                <!-- <unit id="no3"> -->
                <duty>text <![CDATA[<unit id="no4">]]></duty>
                <unit id="a.1" name="A1" kind="other"/>
              </unit>
              <units/>
              <unit id="b" name="B" kind="other"></unit>
            </orgChart>
            """
        let found = try layout(text).get()
        let starts = found.containers.dropFirst().map { container in
            String(decoding: Array(text.utf8)[container.tagStart..<container.tagEnd], as: UTF8.self)
        }
        #expect(starts == [#"<unit id="a" name="x > y" kind="other">"#, #"<unit id="a.1" name="A1" kind="other"/>"#,
                           #"<unit id="b" name="B" kind="other">"#])
        #expect(found.containers.dropFirst().map(\.depth) == [1, 2, 1])
        #expect(found.containers.dropFirst().map(\.parent) == [0, 1, 0])
    }

    @Test("A prefixed root: units are those with its prefix; a unit that declares a namespace encloses no cut")
    func prefixes() throws {
        let text = """
            <o:orgChart xmlns:o="urn:orgscope:orgchart:1" id="c" name="C">
              <unit id="foreign"/>
              <o:unit id="a" name="A" kind="other">
                <o:unit id="a.1" name="A1" kind="other" xmlns:x="urn:x"><o:unit id="a.1.1" name="B" kind="other"/></o:unit>
              </o:unit>
            </o:orgChart>
            """
        let found = try layout(text).get()
        #expect(found.containers.count == 2)
        #expect(found.containers.last?.depth == 1)
    }

    @Test("What the split does not handle is refused", arguments: [
        ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><orgChart xmlns=\"urn:orgscope:orgchart:1\"/>", "encoding"),
        ("<?xml version=\"1.1\"?><orgChart xmlns=\"urn:orgscope:orgchart:1\"></orgChart>", "encoding"),
        ("<!DOCTYPE orgChart><orgChart xmlns=\"urn:orgscope:orgchart:1\"></orgChart>", "doctype"),
        ("<orgChart xmlns=\"urn:other\"></orgChart>", "structure"),
        ("<mandateCatalog xmlns=\"urn:orgscope:orgchart:1\"></mandateCatalog>", "structure"),
        ("<orgChart xmlns=\"urn:orgscope:orgchart:1\"><unit id=\"a\"></unit></unit></orgChart>", "structure"),
        ("<orgChart xmlns=\"urn:orgscope:orgchart:1\"><unit id=\"a\">", "structure"),
    ])
    func refusals(text: String, kind: String) {
        switch layout(text) {
        case .success: Issue.record("\(text) was accepted")
        case .failure(let refusal):
            switch refusal {
            case .encoding: #expect(kind == "encoding")
            case .documentType: #expect(kind == "doctype")
            case .structure: #expect(kind == "structure")
            default: Issue.record("\(text): \(refusal)")
            }
        }
    }

    @Test("The scan stops at the limit")
    func limit() throws {
        let units = (1...50).map { "  <unit id=\"u\($0)\" name=\"U\" kind=\"other\"/>" }.joined(separator: "\n")
        let text = "<orgChart xmlns=\"urn:orgscope:orgchart:1\" id=\"c\" name=\"C\">\n\(units)\n</orgChart>\n"
        let all = try layout(text).get()
        let some = try layout(text, until: text.utf8.count / 2).get()
        #expect(all.containers.count == 51)
        #expect(some.containers.count < 30 && some.containers.count > 20)
    }
}
