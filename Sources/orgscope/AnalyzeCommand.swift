import ArgumentParser
import Foundation
import OrgAnalysis
import OrgReport

/// `orgscope analyze FILE...`: import, run the rule catalogue, write the report.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Run the rule catalogue on a chart and write a report.",
        discussion: "Exit status 0 when no finding reaches --fail-on, 1 when one does, 2 when the input "
            + "could not be imported (then nothing is written).")

    /// When a finding makes the run fail.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, never
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Report format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the report to this file, atomically (standard output when absent).", valueName: "path"))
    var output: String?

    @Option(help: "Language of the report: vi or en.")
    var lang: Language = .vi

    @Option(help: "Exit 1 when a finding of this severity or worse exists: error, warning or never.")
    var failOn: FailOn = .error

    @Flag(help: "Write through a symbolic link at --output (refused otherwise).")
    var force = false

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    func run() throws {
        let configuration = try analysis.configuration()
        let chart = try input.loadChart()
        let result = Analyzer(configuration: configuration).analyze(chart)
        let report = render(ReportInput(result: result, language: lang), as: format)
        if let output {
            do {
                try AtomicFile.write(report, to: output, force: force)
            } catch {
                DiagnosticPrinter.fail(error.description)
                throw ExitCode(ExitStatus.badInput)
            }
        } else {
            FileHandle.standardOutput.write(Data(report.utf8))
        }
        if failing(result) { throw ExitCode(ExitStatus.findings) }
    }

    private func failing(_ result: AnalysisResult) -> Bool {
        switch failOn {
        case .never: false
        case .error: result.findings.contains { $0.severity == .error }
        case .warning: result.findings.contains { $0.severity <= .warning }
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
