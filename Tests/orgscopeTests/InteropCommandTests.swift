import Foundation
import Testing

/// Fixtures of the interop tests, relative to the package root (the binary runs there).
private func interop(_ name: String) -> String { "Tests/OrgInteropTests/Fixtures/\(name)" }

/// The shared ArchiMate samples (beside the checkout, not copied into it).
private let sharedArchiMate = Orgscope.root.deletingLastPathComponent().appendingPathComponent("shared/data/archimate")
private let sharedAvailable = FileManager.default.fileExists(atPath: sharedArchiMate.appendingPathComponent("archisurance.xml").path)

@Suite("Interoperability commands, end to end", .serialized)
struct InteropCommandTests {
    @Test("convert archimate writes OrgChart XML that validates natively; warnings on stderr as FILE:LINE:COLUMN")
    func convertArchiMate() throws {
        let directory = try Orgscope.scratch()
        let chart = directory.appendingPathComponent("chart.xml").path
        let outcome = try Orgscope.run(["convert", "archimate", interop("vn-province-3.xml"), "-o", chart])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("\(interop("vn-province-3.xml")):69:5: warning: BusinessService"))
        let written = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(written.contains(#"<unit id="snv.tcbc" name="Phòng Tổ chức - Biên chế" kind="division">"#))
        #expect(written.contains(#"<duty id="nv.1" mandate="NV.01" role="lead">"#))
        let catalog = directory.appendingPathComponent("catalog.xml")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <mandateCatalog xmlns="urn:orgscope:orgchart:1" id="c" name="C"><mandate id="NV.01">Tổ chức bộ máy</mandate></mandateCatalog>
            """.utf8).write(to: catalog)
        let validate = try Orgscope.run(["validate", chart, "--mandates", catalog.path, "--lang", "en"])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("Units: 4"))
    }

    @Test("validate and analyze take an ArchiMate model directly (3.x and 2.1)")
    func analyzeDirectly() throws {
        let validate = try Orgscope.run(["validate", interop("vn-province-21.xml"), "--lang", "en"])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("Units: 3"))
        #expect(validate.stderr.contains("\(interop("vn-province-21.xml")):40:5: warning: BusinessEvent"))
        let analyze = try Orgscope.run(["analyze", interop("vn-province-3.xml"), "--format", "json", "--fail-on", "never"])
        #expect(analyze.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(analyze.stdout.utf8)) as? [String: Any])
        let chart = try #require(report["chart"] as? [String: Any])
        #expect(chart["id"] as? String == "cao-bang-am" && chart["units"] as? Int == 4 && chart["duties"] as? Int == 3)
        // The mandate property names no mandate of this input: dropped with a warning, not an error.
        #expect(analyze.stderr.contains(":53:5: warning: duty 'nv.1' names mandate 'NV.01'"))
    }

    @Test("Dangling IDREFs: every error as FILE:LINE:COLUMN, exit 2, nothing written, an old output untouched")
    func danglingReferences() throws {
        let directory = try Orgscope.scratch()
        let output = directory.appendingPathComponent("chart.xml")
        try Data("previous".utf8).write(to: output)
        let outcome = try Orgscope.run(["convert", "archimate", interop("dangling-3.xml"), "-o", output.path])
        #expect(outcome.status == 2)
        let errors = outcome.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.map { $0.split(separator: ":").dropFirst().prefix(2).joined(separator: ":") }
            == ["6:5", "9:19", "13:5", "14:5", "17:11"])
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["chart.xml"])
        #expect(try Orgscope.run(["analyze", interop("dangling-21.xml")]).status == 2)
    }

    @Test("Mixing an ArchiMate model with OrgChart XML, or with --mandates, is a usage error telling to convert first")
    func mixing() throws {
        let mixed = try Orgscope.run(["analyze", interop("vn-province-3.xml"), "orgdata/cao-bang-2025.xml"])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("orgscope convert archimate"))
        let mandates = try Orgscope.run(["validate", interop("vn-province-3.xml"), "--mandates",
                                         "orgdata/mandates/vn-province-2025.xml"])
        #expect(mandates.status == 2 && mandates.stderr.contains("--mandates cannot be combined"))
        let native = try Orgscope.run(["convert", "archimate", "orgdata/cao-bang-2025.xml"])
        #expect(native.status == 2 && native.stderr.contains("is not an ArchiMate Model Exchange File"))
    }

    @Test("--staffing merges a spreadsheet on validate, analyze and convert")
    func staffing() throws {
        let validate = try Orgscope.run(["validate", interop("vn-province-3.xml"), "--staffing", interop("staffing.csv"),
                                         "--lang", "en"])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("civil servants            70       66"))
        // The native sample has both snv and stc: the semicolon sheet merges into OrgChart XML as well.
        let converted = try Orgscope.run(["convert", "orgdata/cao-bang-2025.xml", "--mandates",
                                          "orgdata/mandates/vn-province-2025.xml", "--staffing",
                                          interop("staffing-semicolon-bom.csv")])
        #expect(converted.status == 0)
        #expect(converted.stdout.contains(#"<staffing category="civil-servant" quota="70" actual="66"/>"#))
        let direct = try Orgscope.run(["convert", "archimate", interop("vn-province-3.xml"), "--staffing", interop("staffing.csv")])
        #expect(direct.stdout.contains(#"<staffing category="contract" quota="2" actual="2"/>"#))
    }

    @Test("A bad staffing sheet: every problem as FILE:ROW:COLUMN, exit 2, no report")
    func badStaffing() throws {
        let directory = try Orgscope.scratch()
        let report = directory.appendingPathComponent("report.json").path
        let outcome = try Orgscope.run(["analyze", interop("vn-province-3.xml"), "--staffing", interop("staffing-bad.csv"),
                                        "--format", "json", "-o", report])
        #expect(outcome.status == 2)
        let errors = outcome.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(errors.count == 5)
        #expect(errors[0].hasPrefix("\(interop("staffing-bad.csv")):2:22: error: actual"))
        #expect(errors[1].hasPrefix("\(interop("staffing-bad.csv")):3:1: error: unit 'ghost' is not in the chart"))
        #expect(!FileManager.default.fileExists(atPath: report))
    }

    @Test("convert --to org-jsonld: valid JSON, every unit, same bytes on every run")
    func jsonLD() throws {
        let directory = try Orgscope.scratch()
        let first = directory.appendingPathComponent("a.jsonld").path
        let second = directory.appendingPathComponent("b.jsonld").path
        let arguments = ["convert", "--to", "org-jsonld", "orgdata/cao-bang-2025.xml", "--mandates",
                         "orgdata/mandates/vn-province-2025.xml"]
        #expect(try Orgscope.run(arguments + ["-o", first]).status == 0)
        #expect(try Orgscope.run(arguments + ["-o", second]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second))))
        let document = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        let graph = try #require(document["@graph"] as? [[String: Any]])
        let units = graph.filter { ($0["@type"] as? [String])?.contains("org:OrganizationalUnit") == true }
        let validate = try Orgscope.run(["validate", "orgdata/cao-bang-2025.xml", "--mandates",
                                         "orgdata/mandates/vn-province-2025.xml", "--lang", "en"])
        let count = validate.stdout.split(separator: "\n").first { $0.hasPrefix("Units: ") }
            .flatMap { Int($0.dropFirst("Units: ".count).prefix { $0.isNumber }) }
        #expect(units.count == count)
        #expect(graph.allSatisfy { ($0["@id"] as? String)?.hasPrefix("urn:orgscope:") == true })
        let model = try Orgscope.run(["convert", "archimate", interop("vn-province-21.xml"), "--to", "org-jsonld",
                                      "--base-iri", "https://data.example.gov.vn/org/ha-giang/"])
        #expect(model.status == 0 && model.stdout.contains("\"https://data.example.gov.vn/org/ha-giang/unit/syt.vp\""))
        #expect(try Orgscope.run(["convert", "--to", "org-jsonld", "orgdata/cao-bang-2025.xml", "--base-iri", "no iri"]).status == 2)
    }

    @Test("The real Archi exports: archisurance converts; sample1 has no actor (exit 2)", .enabled(if: sharedAvailable))
    func realExports() throws {
        let archisurance = sharedArchiMate.appendingPathComponent("archisurance.xml").path
        // Default --max-errors: the test helper reads stdout before stderr, so stderr must fit in a pipe buffer.
        let outcome = try Orgscope.run(["convert", "archimate", archisurance])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(#"<orgChart xmlns="urn:orgscope:orgchart:1" id="id-11f5304f" name="Archisurance""#))
        #expect(outcome.stderr.contains("\(archisurance):24:5: warning: BusinessInterface 'mail' (id-1544) is not mapped"))
        #expect(!outcome.stderr.contains(": error: "))
        let sample = try Orgscope.run(["validate", sharedArchiMate.appendingPathComponent("sample1.xml").path])
        #expect(sample.status == 2 && sample.stderr.contains("no BusinessActor"))
    }
}
