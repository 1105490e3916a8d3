import ArgumentParser
import Foundation
import OrgImport
import OrgInterop
import OrgModel
import OrgReport

/// `orgscope extract FILE...`: the province's decisions (.docx, text) read into an OrgChart XML chart.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read the decisions on functions, duties and structure (.docx, .txt, .md) into an OrgChart XML chart.",
        discussion: "A department decision gives the department (its functions, one duty per clause or point of "
            + "\"Nhiệm vụ và quyền hạn\", the units of \"Cơ cấu tổ chức\", the cap on deputies); a director's decision on "
            + "the divisions gives each division's duties; several files merge into one chart. Every duty carries its "
            + "source (\"điểm b khoản 5 Điều 2 Quyết định số …\"). Every paragraph of a duty or structure article not "
            + "used is a warning at FILE:PARAGRAPH (FILE:LINE for text). Exit status 0, or 2 when a file cannot be read "
            + "(nothing is written).")

    @Argument(help: ArgumentHelp("Decision files (.docx, .txt, .md); a .doc must be converted to .docx first.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Pin unit ids: a file of NAME<TAB>ID lines (NAME a unit's name, or its path "
        + "\"Sở Tư pháp / Văn phòng Sở\").", valueName: "file"))
    var ids: String?

    @Option(help: ArgumentHelp("The chart's date (YYYY-MM-DD); by default the latest decision's date.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("The chart's id; by default made from the province's name.", valueName: "id"))
    var chartID: String?

    @OptionGroup var importing: ImportingOptions
    @OptionGroup var destination: OutputOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one decision file.") }
        if let asOf, ChartDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, not '\(asOf)'.") }
        if let chartID, chartID.isEmpty || chartID.contains(where: \.isWhitespace) || chartID.count > 200 {
            throw ValidationError("--chart-id must be 1 to 200 characters without spaces.")
        }
    }

    func run() throws {
        for file in files where DecisionExtractor.format(path: file) == nil {
            DiagnosticPrinter.fail("\(file) is not a decision file (.docx, .txt or .md)")
            throw ExitCode(ExitStatus.badInput)
        }
        var pinned: [String: String] = [:]
        if let ids {
            do {
                guard let text = FileManager.default.contents(atPath: ids).flatMap({ String(data: $0, encoding: .utf8) }) else {
                    DiagnosticPrinter.fail("cannot read \(ids) as UTF-8 text")
                    throw ExitCode(ExitStatus.badInput)
                }
                pinned = try DecisionExtractor.readIDs(text, file: ids)
            } catch let error as InteropError {
                DiagnosticPrinter.print(error.diagnostics, limit: importing.maxErrors, truncated: false)
                throw ExitCode(ExitStatus.badInput)
            }
        }
        let extractor = DecisionExtractor(options: importing.interopOptions, ids: pinned, chartID: chartID,
                                          asOf: asOf.flatMap(ChartDate.init(iso:)))
        let result: DecisionExtractor.Result
        do {
            result = try extractor.extract(paths: files)
        } catch {
            DiagnosticPrinter.print(error.diagnostics, limit: importing.maxErrors, truncated: false, what: "nothing was written")
            throw ExitCode(ExitStatus.badInput)
        }
        DiagnosticPrinter.print(result.warnings, limit: importing.maxErrors, truncated: false)
        // The chart is read back as any chart would be (schema, references) before it is written.
        let chart = result.chart
        let xml = ChartXMLWriter.write(chart)
        _ = try importing.reimport(chart, xml: xml, with: [])
        let lines = result.summary + ["\(chart.units.count) units, \(chart.dutyCount) duties, "
            + "\(result.warnings.count) warnings" + (chart.asOf.map { "; the chart's date \($0)" } ?? "")]
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try destination.write([[ReportFile(suffix: ".xml") { xml }]],
                              baseName: fileStem(files[0]))
    }
}
