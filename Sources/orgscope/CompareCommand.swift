import ArgumentParser
import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport

/// `orgscope compare OLD NEW`: what changed between two charts of the same organisation.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two charts of the same organisation: units, duties, mandates, staffing, findings.",
        discussion: "Units are matched by id, then by name, then by where their duties went (merges and splits); "
            + "duties by id, then by text. Exit status 0, or 2 when an input could not be imported.")

    @Argument(help: ArgumentHelp("The older chart.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer chart.", valueName: "new"))
    var new: String

    @Option(name: .customLong("mandates"), help: ArgumentHelp("A mandate catalogue for both charts; repeatable.", valueName: "file"))
    var catalogs: [String] = []

    @Option(help: "Report format: text, markdown, json, html or csv (the unit changes).")
    var format: String = "text"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file, atomically.", valueName: "path"))
    var output: String?

    @Option(help: "Language of the report: vi or en.")
    var lang: Language = .vi

    @Flag(help: "Write through a symbolic link at --output (refused otherwise).")
    var force = false

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("Unknown format '\(format)'; use text, json, csv, markdown or html.")
        }
    }

    func run() throws {
        let configuration = try analysis.configuration()
        let charts = try [old, new].map { file -> OrgChart in
            var input = try InputOptions.parse([file])
            input.catalogs = catalogs
            return try input.loadChart()
        }
        let comparison = ChartComparison(old: charts[0], new: charts[1], analyzer: Analyzer(configuration: configuration))
        try DiagnosticPrinter.checkLimits([comparison.old, comparison.new], maxCandidates: configuration.maxCandidates)
        let report = ComparisonReporter.render(comparison, language: lang, format: OutputFormat(rawValue: format) ?? .text)
        if let output {
            do { try AtomicFile.write(report, to: output, force: force) } catch {
                DiagnosticPrinter.fail(error.description)
                throw ExitCode(ExitStatus.badInput)
            }
        } else {
            FileHandle.standardOutput.write(Data(report.utf8))
        }
    }
}
