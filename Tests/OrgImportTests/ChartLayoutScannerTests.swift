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

    @Test("The scan and the line count hand back every stretch they pass, in order, and plan as without it")
    func releasesWhatItPassed() throws {
        var text = #"<orgChart xmlns="urn:orgscope:orgchart:1" id="c" name="C">"# + "\n"
        for index in 0..<200 {
            text += #"  <unit id="u\#(index)" name="Đơn vị \#(index)" kind="other">"# + "\n"
            text += "    <duty>Quản lý nhà nước về lĩnh vực \(index)</duty>\n  </unit>\n"
        }
        text += "</orgChart>\n"
        let bytes = Array(text.utf8)
        let targets = SplitPlan.Targets(size: bytes.count, count: 4)
        try bytes.withUnsafeBytes { raw in
            let given = Released()
            var scanner = try #require(ChartLayoutScanner(bytes: raw, maxDepth: 64))
            scanner.releaseStep = 1000
            scanner.release = { given.ranges.append($0) }
            let root = try scanner.root().get()
            let layout = try scanner.layout(after: root, until: targets.scanEnd).get()
            // The scan: stretches of about a step each, one after the other from the start.
            #expect(given.ranges.count >= 3 && given.ranges.first?.lowerBound == 0)
            #expect(zip(given.ranges, given.ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            given.ranges = []
            let plain = try SplitPlan.make(layout: layout, bytes: raw, targets: targets).get()
            let counted = try SplitPlan.make(layout: layout, bytes: raw, targets: targets, releaseStep: 700) {
                given.ranges.append($0)
            }.get()
            #expect(counted.parts.map(\.lines) == plain.parts.map(\.lines))
            #expect(counted.parts.map(\.body) == plain.parts.map(\.body))
            // The line count: every byte before the last cut, in stretches of at most a step.
            let lastCut = try #require(plain.parts.last?.body.lowerBound)
            #expect(given.ranges.first?.lowerBound == 0 && given.ranges.last?.upperBound == lastCut)
            #expect(zip(given.ranges, given.ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(given.ranges.allSatisfy { $0.count <= 700 })
            // Lines counted by stretches are the file's lines.
            let lastLine = bytes[..<lastCut].count { $0 == 0x0A } + 1
            #expect(plain.parts.last?.lines.firstLine == lastLine)
        }
    }

    private final class Released {
        var ranges: [Range<Int>] = []
    }
}
