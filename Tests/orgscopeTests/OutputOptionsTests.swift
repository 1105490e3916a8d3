import Foundation
import Testing

/// The option groups every command shares: the report options (`--format`, `--output`, `--lang`,
/// `--force`, `--timestamp`) and the import options (catalogues, limits, `--max-errors`).
@Suite("Command line: shared option groups", .serialized)
struct OutputOptionsTests {
    static let chart = "orgdata/cao-bang-2025.xml"
    static let catalog = "orgdata/mandates/vn-province-2025.xml"
    static let newChart = "reports/proposals/cb-2025-12-sap-xep.chart.xml"
    static let proposal = "orgdata/proposals/cb-2025-12-sap-xep.xml"

    @Test("compare writes every format into a directory, named after the newer chart and the language")
    func compareAllFormats() throws {
        let directory = try Orgscope.scratch()
        let outcome = try Orgscope.run(["compare", Self.chart, Self.newChart, "--mandates", Self.catalog,
                                        "--format", "all", "--lang", "en", "-o", directory.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(written == ["cb-2025-12-sap-xep.chart.compare.en.csv", "cb-2025-12-sap-xep.chart.compare.en.docx",
                            "cb-2025-12-sap-xep.chart.compare.en.html",
                            "cb-2025-12-sap-xep.chart.compare.en.json", "cb-2025-12-sap-xep.chart.compare.en.md",
                            "cb-2025-12-sap-xep.chart.compare.en.txt"])
        let single = try Orgscope.run(["compare", Self.chart, Self.newChart, "--mandates", Self.catalog,
                                       "--format", "markdown", "--lang", "en"])
        let markdown = try String(contentsOf: directory.appendingPathComponent("cb-2025-12-sap-xep.chart.compare.en.md"),
                                  encoding: .utf8)
        #expect(single.stdout == markdown)
    }

    @Test("compare takes the import limits and --max-errors; several formats without a directory are refused")
    func compareImportOptions() throws {
        let limited = try Orgscope.run(["compare", Self.chart, Self.newChart, "--max-text-length", "20"])
        #expect(limited.status == 2)
        #expect(limited.stderr.contains("--max-text-length"))
        let capped = try Orgscope.run(["compare", Self.chart, Self.newChart, "--max-text-length", "20", "--max-errors", "1"])
        #expect(capped.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.count == 1)
        #expect(capped.stderr.contains("raise --max-errors"))
        let several = try Orgscope.run(["compare", Self.chart, Self.newChart, "--format", "json,csv"])
        #expect(several.status == 2 && several.stderr.contains("need --output DIR"))
        let staffing = try Orgscope.run(["compare", Self.chart, Self.newChart, "--staffing", "x.csv"])
        #expect(staffing.status == 2 && staffing.stderr.contains("merge it first"))
    }

    @Test("--timestamp records the time in compare and propose reports, and nothing does without it")
    func timestamps() throws {
        for arguments in [["compare", Self.chart, Self.newChart], ["propose", Self.chart, Self.proposal]] {
            let base = arguments + ["--mandates", Self.catalog, "--lang", "en", "--format"]
            let plain = try Orgscope.run(base + ["json"])
            let stamped = try Orgscope.run(base + ["json", "--timestamp"])
            #expect(plain.status == 0 && stamped.status == 0, "\(stamped.stderr)")
            #expect(!plain.stdout.contains("generatedAt") && stamped.stdout.contains("\"generatedAt\": \"20"))
            let text = try Orgscope.run(base + ["text", "--timestamp"])
            #expect(text.stdout.split(separator: "\n")[1].hasPrefix("Generated: 20"))
        }
    }

    @Test("A rules file's problems obey --max-errors; rules shows a threshold set by an option")
    func rulesFileErrorsAndOptions() throws {
        let directory = try Orgscope.scratch()
        let rules = directory.appendingPathComponent("rules.yml")
        try Data("disabled: [XYZ001, XYZ002, XYZ003]\n".utf8).write(to: rules)
        let outcome = try Orgscope.run(["analyze", Self.chart, "--rules", rules.path, "--max-errors", "2"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.count == 2)
        let listing = try Orgscope.run(["rules", "--lang", "en", "--overlap-threshold", "0.7"])
        #expect(listing.stdout.contains("text.overlap_threshold = 0.7") && listing.stdout.contains("option --overlap-threshold"))
    }

    @Test("convert writes into a directory through the same writer, and refuses a symbolic link without --force")
    func convertOutput() throws {
        let directory = try Orgscope.scratch()
        let outcome = try Orgscope.run(["convert", "--to", "org-jsonld", Self.chart, "--mandates", Self.catalog, "-o", directory.path + "/"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("cao-bang-2025.jsonld").path))
        let target = directory.appendingPathComponent("target.xml"), link = directory.appendingPathComponent("link.xml")
        try Data("keep".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let refused = try Orgscope.run(["convert", Self.chart, "--mandates", Self.catalog, "-o", link.path])
        #expect(refused.status == 2 && refused.stderr.contains("symbolic link"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
    }
}
