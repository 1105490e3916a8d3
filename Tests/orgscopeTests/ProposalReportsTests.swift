import Foundation
import Testing

/// The sample proposals' reports under reports/proposals are the ones the code writes now.
@Suite("Command line: sample proposal reports", .serialized)
struct ProposalReportsTests {
    @Test("reports/proposals holds the sample proposals' reports as the code writes them now (run scripts/demo)")
    func upToDate() throws {
        let directory = try Orgscope.scratch()
        let chart = ["orgdata/cao-bang-2025.xml", "--mandates", "orgdata/mandates/vn-province-2025.xml"]
        var fresh: [String: Data] = [:]
        for lang in ["vi", "en"] {
            for (format, ext) in [("markdown", "md"), ("json", "json"), ("html", "html"), ("docx", "docx")] {
                let name = "cb-2025-12-sap-xep.\(lang).\(ext)"
                let path = directory.appendingPathComponent(name).path
                let chartPath = directory.appendingPathComponent("chart.xml").path
                let outcome = try Orgscope.run(["propose"] + chart + ["orgdata/proposals/cb-2025-12-sap-xep.xml",
                    "--reduction-target", "5", "--lang", lang, "--format", format, "--profile", "orgdata/profiles/cao-bang-snv.yaml", "--output", path, "--write-chart", chartPath])
                #expect(outcome.status == 0)
                fresh[name] = try Data(contentsOf: URL(fileURLWithPath: path))
                fresh["cb-2025-12-sap-xep.chart.xml"] = try Data(contentsOf: URL(fileURLWithPath: chartPath))
            }
        }
        let rejected = try Orgscope.run(["propose"] + chart + ["orgdata/proposals/cb-2025-12-bi-bac.xml"])
        fresh["cb-2025-12-bi-bac.errors.txt"] = Data(rejected.stderr.utf8)
        for (name, data) in fresh.sorted(by: { $0.key < $1.key }) {
            let committed = try? Data(contentsOf: Orgscope.root.appendingPathComponent("reports/proposals/\(name)"))
            #expect(committed == data, "reports/proposals/\(name) is out of date: run scripts/demo")
        }
    }
}
