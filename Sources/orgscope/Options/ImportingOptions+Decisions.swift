import ArgumentParser
import Foundation
import OrgImport
import OrgInterop
import OrgModel
import OrgReport

/// Chart loading from the province's own decisions (.docx, .txt, .md), given where charts are.
extension ImportingOptions {
    /// The chart the decisions among `files` give, merged with the other files and the catalogues through
    /// the native importer (so the chart is checked against the schema like any chart); nil when no file
    /// is a decision. Warnings printed; exit 2 on errors.
    func loadDecisionChart(files: [String], ids: [String: String] = [:], chartID: String? = nil,
                           asOf: ChartDate? = nil) throws -> OrgChart? {
        let decisions = files.filter { DecisionExtractor.format(path: $0) != nil }
        guard !decisions.isEmpty else { return nil }
        let extracted: DecisionExtractor.Result
        do {
            extracted = try DecisionExtractor(options: interopOptions, ids: ids, chartID: chartID, asOf: asOf).extract(paths: decisions)
        } catch {
            DiagnosticPrinter.print(error.diagnostics, limit: maxErrors, truncated: false)
            throw ExitCode(ExitStatus.badInput)
        }
        DiagnosticPrinter.print(extracted.warnings, limit: maxErrors, truncated: false)
        let others = files.filter { DecisionExtractor.format(path: $0) == nil }
        return try reimport(extracted.chart, with: others)
    }

    /// `chart` written as OrgChart XML (`xml` when the caller has it already) and read back with `others` and the catalogues: the schema and the
    /// references are checked as for any chart; units and duties keep their places in the decisions.
    func reimport(_ chart: OrgChart, xml: String? = nil, with others: [String]) throws -> OrgChart {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-extract-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("decisions.xml").path
        try Data((xml ?? ChartXMLWriter.write(chart)).utf8).write(to: URL(fileURLWithPath: path))
        var imported: OrgChart
        do {
            let result = try OrgChartImporter(options: importOptions).load(files: [path] + others.sorted(), catalogs: catalogs.sorted())
            DiagnosticPrinter.print(result.warnings.filter { $0.location.file != path }, limit: maxErrors, truncated: false)
            imported = result.chart
        } catch {
            DiagnosticPrinter.print(error.diagnostics, limit: maxErrors, truncated: false,
                                    what: "the chart read from the decisions was refused; nothing was written")
            throw ExitCode(ExitStatus.badInput)
        }
        let units = Dictionary(chart.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in imported.units.indices where imported.units[index].location.file == path {
            guard let original = units[imported.units[index].id] else { continue }
            imported.units[index].location = original.location
            for duty in imported.units[index].duties.indices where duty < original.duties.count {
                imported.units[index].duties[duty].location = original.duties[duty].location
            }
        }
        imported.sourceFiles = chart.sourceFiles + imported.sourceFiles.filter { $0 != path }
        return try mergeStaffing(into: imported)
    }
}
