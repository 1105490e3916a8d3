import Foundation
import OrgModel
import Testing

@testable import OrgImport

/// A generated chart big enough to split anywhere: provinces (top-level units) of departments, each with
/// staffing, leadership and Vietnamese duties; written in several layouts.
struct GeneratedChart {
    enum Layout: String, CaseIterable, CustomTestStringConvertible {
        /// Pretty-printed, two spaces per level.
        case indented
        /// Everything on one line: every cut is in the middle of a line.
        case oneLine
        /// One top-level unit around all the provinces: cuts are two levels down.
        case wrapped
        /// Windows line ends.
        case crlf
        /// The root and units written with a namespace prefix.
        case prefixed

        var testDescription: String { rawValue }
    }

    var provinces = 24
    var departments = 4
    var duties = 5
    var layout = Layout.indented

    /// The file's text; `edit` may change the text of a province's department (province, department,
    /// text) before it is joined.
    func text(edit: (Int, Int, String) -> String = { $2 }) -> String {
        let tag = layout == .prefixed ? "o:" : ""
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let namespace = layout == .prefixed ? "xmlns:o" : "xmlns"
        lines.append("<\(tag)orgChart \(namespace)=\"urn:orgscope:orgchart:1\" id=\"gen\" name=\"Tỉnh thử\" asOf=\"2025-10-01\">")
        lines.append("  <\(tag)mandates>")
        for mandate in 1...6 {
            lines.append("    <\(tag)mandate id=\"NV.0\(mandate)\" level=\"province\">Quản lý nhà nước về lĩnh vực \(mandate)</\(tag)mandate>")
        }
        lines.append("  </\(tag)mandates>")
        let indent = layout == .wrapped ? "    " : "  "
        if layout == .wrapped { lines.append("  <\(tag)unit id=\"all\" name=\"Toàn quốc\" kind=\"other\">") }
        for province in 1...provinces {
            lines.append("\(indent)<\(tag)unit id=\"p\(province)\" name=\"Ủy ban nhân dân tỉnh số \(province)\" kind=\"committee\" level=\"province\">")
            lines.append("\(indent)  <\(tag)leadership heads=\"1\" deputies=\"3\"/>")
            for department in 1...departments {
                var block = ["\(indent)  <\(tag)unit id=\"p\(province).d\(department)\" name=\"Sở  số \(department)\" kind=\"department\">"]
                block.append("\(indent)    <\(tag)staffing category=\"civil-servant\" quota=\"\(40 + department)\" actual=\"40\"/>")
                block.append("\(indent)    <\(tag)function>Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước</\(tag)function>")
                for duty in 1...duties {
                    let mandate = duty % 3 == 0 ? "" : " mandate=\"NV.0\((duty + department) % 6 + 1)\""
                    block.append("\(indent)    <\(tag)duty id=\"p\(province).d\(department).\(duty)\"\(mandate) role=\"\(duty % 2 == 0 ? "support" : "lead")\">Thực hiện   nhiệm vụ số \(duty) về tổ chức bộ máy, biên chế &amp; cải cách hành chính</\(tag)duty>")
                }
                block.append("\(indent)  </\(tag)unit>")
                lines.append(edit(province, department, block.joined(separator: "\n")))
            }
            lines.append("\(indent)</\(tag)unit>")
        }
        if layout == .wrapped { lines.append("  </\(tag)unit>") }
        lines.append("</\(tag)orgChart>")
        switch layout {
        case .oneLine: return lines.joined(separator: " ")
        case .crlf: return lines.joined(separator: "\r\n") + "\r\n"
        default: return lines.joined(separator: "\n") + "\n"
        }
    }
}

/// An import of `path` with `splitting`: the chart or the diagnostics, and how the file was read.
struct ImportOutcome: Equatable {
    var chart: OrgChart?
    var diagnostics: [Diagnostic]
    var truncated: Bool
    var reading: FileReading?

    init(path: String, splitting: ImportOptions.FileSplitting, maxDiagnostics: Int = 10_000,
         schemaCheck: ImportOptions.SchemaCheckMode = .code) {
        var options = ImportOptions(maxDiagnostics: maxDiagnostics, fileSplitting: splitting)
        options.schemaCheck = schemaCheck
        let importer = OrgChartImporter(options: options)
        do {
            let result = try importer.load(files: [path])
            chart = result.chart
            diagnostics = result.warnings
            truncated = false
        } catch {
            chart = nil
            diagnostics = error.diagnostics
            if case .rejected(_, let wasTruncated) = error { truncated = wasTruncated } else { truncated = false }
        }
        reading = importer.readings.first
    }

    /// The same outcome, whatever the reading.
    func sameResult(as other: ImportOutcome) -> Bool {
        chart == other.chart && diagnostics == other.diagnostics && truncated == other.truncated
    }
}

@Suite("One large file split across cores gives exactly what one pass gives")
struct SplitImportTests {
    private func isSplit(_ outcome: ImportOutcome) -> Bool {
        if case .split(let parts) = outcome.reading { return parts >= 2 }
        return false
    }

    private func refusal(_ outcome: ImportOutcome) -> SplitRefusal? {
        if case .single(let reason) = outcome.reading { return reason }
        return nil
    }

    @Test("Same chart, warnings and locations as one pass, in every layout and part count",
          arguments: GeneratedChart.Layout.allCases, [2, 3, 7])
    func sameModel(layout: GeneratedChart.Layout, parts: Int) throws {
        let path = try TestFiles.write(GeneratedChart(layout: layout).text())
        let single = ImportOutcome(path: path, splitting: .off)
        let split = ImportOutcome(path: path, splitting: .forced(parts: parts))
        #expect(single.reading == .single(.notWorthSplitting))
        #expect(isSplit(split), "read as \(String(describing: split.reading))")
        #expect(split.sameResult(as: single))
        let chart = try #require(split.chart)
        #expect(chart.units.count == 24 * 5 + (layout == .wrapped ? 1 : 0))
        #expect(chart.dutyCount == 24 * 4 * 5)
        // Every unit's parent is its enclosing unit, also across cuts.
        let lastDepartment = try #require(chart.units.first { $0.id == "p24.d4" })
        #expect(lastDepartment.parent == "p24")
        #expect(chart.units.first { $0.id == "p24" }?.parent == (layout == .wrapped ? "all" : nil))
    }

    @Test("Errors in a later part carry the file's own line and column, schema checked in code or by the XSD",
          arguments: GeneratedChart.Layout.allCases, ImportOptions.SchemaCheckMode.allCases)
    func errorsInLaterParts(layout: GeneratedChart.Layout, mode: ImportOptions.SchemaCheckMode) throws {
        let generator = GeneratedChart(layout: layout)
        let text = generator.text { province, department, block in
            guard province == 23, department == 2 else { return block }
            return block.replacingOccurrences(of: "kind=\"department\"", with: "kind=\"bureau\"")
                .replacingOccurrences(of: "id=\"p23.d2.4\"", with: "id=\"p2.d1.1\"")
                .replacingOccurrences(of: "id=\"p23.d2\"", with: "id=\"p3.d1\" parent=\"p1\"")
        }
        let path = try TestFiles.write(text)
        let single = ImportOutcome(path: path, splitting: .off, schemaCheck: mode)
        let split = ImportOutcome(path: path, splitting: .forced(parts: 3), schemaCheck: mode)
        #expect(isSplit(split), "read as \(String(describing: split.reading))")
        #expect(split.sameResult(as: single))
        #expect(split.diagnostics.count == 4)
        #expect(split.diagnostics.contains { $0.message.contains("duplicate unit id 'p3.d1'") })
        #expect(split.diagnostics.contains { $0.message.contains("only for top-level units") })

        // Where the bad kind is, counted on the text itself: the unit's '<', line and column in characters.
        let kindOffset = try #require(text.range(of: "kind=\"bureau\"")?.lowerBound)
        let tagStart = try #require(text[..<kindOffset].range(of: "<", options: .backwards)?.lowerBound)
        let before = text[..<tagStart].unicodeScalars  // scalars: "\r\n" is one Character
        let line = before.count { $0 == "\n" } + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = before[lineStart...].count + 1
        let bad = try #require(split.diagnostics.first { $0.message.contains("bureau") })
        #expect(bad.location.line == line)
        #expect(bad.location.column == column)
        // The error is in the last part, far past the first cut.
        #expect(text.utf8.distance(from: text.utf8.startIndex, to: tagStart) > text.utf8.count * 2 / 3)
        let duplicate = try #require(split.diagnostics.first { $0.message.contains("duplicate duty id 'p2.d1.1'") })
        #expect(duplicate.location.line > bad.location.line || layout == .oneLine)
    }

    @Test("A file that the split cannot reproduce is read in one pass, with the same outcome",
          arguments: ImportOptions.SchemaCheckMode.allCases)
    func fallbacks(mode: ImportOptions.SchemaCheckMode) throws {
        let chart = GeneratedChart()
        var cases: [(String, String, (SplitRefusal) -> Bool)] = []
        cases.append(("DOCTYPE", chart.text().replacingOccurrences(
            of: "?>\n", with: "?>\n<!DOCTYPE orgChart>\n"), { $0 == .documentType }))
        cases.append(("content-model error in the last part", chart.text { province, department, block in
            province == 24 && department == 3
                ? block.replacingOccurrences(of: "<staffing", with: "<bogus/><staffing") : block
        }, { if case .partsDisagree = $0 { true } else { false } }))
        cases.append(("not well-formed in the second part", chart.text { province, department, block in
            province == 20 && department == 1 ? block.replacingOccurrences(of: "</function>", with: "</functio>") : block
        }, { _ in true }))
        cases.append(("one unit and nothing to cut", GeneratedChart(provinces: 1, departments: 1).text()
            .replacingOccurrences(of: "<unit id=\"p1.d1\"", with: "<other id=\"p1.d1\"")
            .replacingOccurrences(of: "</unit>\n  </unit>", with: "</other>\n  </unit>"), { $0 == .noCutPoint }))
        cases.append(("a mandate catalogue", """
            <?xml version="1.0" encoding="UTF-8"?>
            <mandateCatalog xmlns="urn:orgscope:orgchart:1" id="c" name="Danh mục">
              <mandate id="M.1">Quản lý nhà nước về giá</mandate>
              <mandate id="M.2">Quản lý nhà nước về phí</mandate>
            </mandateCatalog>

            """, { if case .structure = $0 { true } else { false } }))
        cases.append(("a declared legacy encoding", chart.text().replacingOccurrences(
            of: "encoding=\"UTF-8\"", with: "encoding=\"windows-1258\""), { if case .encoding = $0 { true } else { false } }))
        for (name, text, expected) in cases {
            let path = try TestFiles.write(text)
            let single = ImportOutcome(path: path, splitting: .off, schemaCheck: mode)
            let split = ImportOutcome(path: path, splitting: .forced(parts: 3), schemaCheck: mode)
            #expect(split.sameResult(as: single), "\(name)")
            let reason = try #require(refusal(split), "\(name) was split")
            #expect(expected(reason), "\(name): \(reason)")
        }
    }

    @Test("UTF-16 and windows-1258 files are read in one pass", arguments: [
        "valid-chart-utf16.xml", "valid-chart-cp1258.xml",
    ])
    func otherEncodings(fixture: String) throws {
        let split = ImportOutcome(path: TestFiles.fixture(fixture), splitting: .forced(parts: 2))
        #expect(split.sameResult(as: ImportOutcome(path: TestFiles.fixture(fixture), splitting: .off)))
        #expect(refusal(split).map { if case .encoding = $0 { true } else { false } } == true)
    }

    @Test("Small files are not split unless asked to; larger ones are, on two cores or more")
    func automatic() throws {
        let small = try TestFiles.write(GeneratedChart().text())
        #expect(ImportOutcome(path: small, splitting: .automatic).reading == .single(.notWorthSplitting))
        let large = try TestFiles.write(GeneratedChart(provinces: 400).text())
        var options = ImportOptions(fileSplitting: .automatic)
        options.splitMinimumFileSize = 1 << 20
        let importer = OrgChartImporter(options: options)
        let chart = try importer.load(files: [large]).chart
        if ProcessInfo.processInfo.activeProcessorCount >= 2 {
            #expect(importer.readings.first.map { if case .split = $0 { true } else { false } } == true)
        }
        #expect(chart == ImportOutcome(path: large, splitting: .off).chart)
    }

    @Test("Too many diagnostics: the single pass decides where to stop")
    func diagnosticLimit() throws {
        let text = GeneratedChart().text { _, _, block in
            block.replacingOccurrences(of: "kind=\"department\"", with: "kind=\"bureau\"")
        }
        let path = try TestFiles.write(text)
        let single = ImportOutcome(path: path, splitting: .off, maxDiagnostics: 30)
        let split = ImportOutcome(path: path, splitting: .forced(parts: 4), maxDiagnostics: 30)
        #expect(split.sameResult(as: single))
        #expect(split.diagnostics.count == 30)
        #expect(refusal(split) != nil)
    }

    @Test("Several files split at once merge as they do when read in one pass each")
    func severalFiles() throws {
        let first = try TestFiles.write(GeneratedChart().text(), name: "first.xml")
        let second = try TestFiles.write(GeneratedChart(provinces: 30).text()
            .replacingOccurrences(of: "id=\"p", with: "id=\"q").replacingOccurrences(of: "NV.0", with: "NW.0"),
            name: "second.xml")
        let split = OrgChartImporter(options: ImportOptions(fileSplitting: .forced(parts: 3)))
        let single = OrgChartImporter(options: ImportOptions(fileSplitting: .off))
        let splitChart = try split.load(files: [first, second]).chart
        #expect(splitChart == (try single.load(files: [first, second]).chart))
        #expect(split.readings.count == 2)
        #expect(split.readings.allSatisfy { if case .split = $0 { true } else { false } })
    }

    @Test("ORGSCOPE_SPLIT: off, a part count, or the default")
    func environment() {
        #expect(ImportOptions.FileSplitting.setting(nil) == .automatic)
        #expect(ImportOptions.FileSplitting.setting("off") == .off)
        #expect(ImportOptions.FileSplitting.setting("1") == .off)
        #expect(ImportOptions.FileSplitting.setting("4") == .forced(parts: 4))
        #expect(ImportOptions.FileSplitting.setting("lots") == .automatic)
    }
}
