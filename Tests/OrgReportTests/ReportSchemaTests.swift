import Foundation
import OrgAnalysis
import OrgModel
import OrgReport
import Testing

/// Every JSON report validates against the shipped schema, `orgdata/schema/report-1.schema.json`.
@Suite("JSON report schema")
struct ReportSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func validator() throws -> JSONSchemaValidator {
        let text = try String(contentsOf: root.appendingPathComponent("orgdata/schema/report-1.schema.json"), encoding: .utf8)
        return JSONSchemaValidator(root: try AnyJSON.parse(text))
    }

    @Test("The sample's JSON reports in reports/ and the golden JSON reports validate")
    func sampleReports() throws {
        let validator = try Self.validator()
        for name in ["reports/cao-bang-2025.vi.json", "reports/cao-bang-2025.en.json",
                     "Tests/OrgReportTests/Golden/golden.vi.json", "Tests/OrgReportTests/Golden/golden.en.json"] {
            let text = try String(contentsOf: Self.root.appendingPathComponent(name), encoding: .utf8)
            #expect(validator.validate(try AnyJSON.parse(text)) == [], "\(name)")
        }
    }

    @Test("Hand-made charts, with and without a timestamp, with every kind of evidence, validate")
    func madeReports() throws {
        let validator = try Self.validator()
        let here = SourceLocation(file: "c.xml", line: 1, column: 1)
        let chart = OrgChart(id: "c", name: "C", units: [
            Unit(id: "ubnd", name: "UBND", kind: .committee, declaredLevel: .province, leadership: Leadership(heads: 1),
                 location: here),
            Unit(id: "s", name: "Sở", kind: .department, parent: "ubnd", leadership: Leadership(heads: 0, deputies: 5),
                 staffing: [Staffing(category: .civilServant, quota: 0, actual: 2, location: here)], location: here),
        ], mandates: [Mandate(id: "M.1", text: "Quản lý nhà nước về giá", level: .province, catalog: "c", location: here)])
        for timestamp in [nil, "2026-11-29T00:00:00Z"] {
            let input = ReportInput(result: Analyzer().analyze(chart), language: .en, timestamp: timestamp)
            let problems = validator.validate(try AnyJSON.parse(JSONReporter.render(input)))
            #expect(problems == [])
        }
    }

    @Test("The validator is not vacuous: a broken report fails")
    func brokenReportFails() throws {
        let validator = try Self.validator()
        let text = try String(contentsOf: Self.root.appendingPathComponent("reports/cao-bang-2025.en.json"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: "\"severity\": \"error\"", with: "\"severity\": \"fatal\"")
            .replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2")
        let problems = validator.validate(try AnyJSON.parse(broken))
        #expect(problems.contains { $0.contains("schemaVersion") })
        #expect(problems.contains { $0.contains("severity") })
    }
}
