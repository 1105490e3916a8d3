import ArgumentParser
import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport

/// `orgscope propose CHART... PROPOSAL`: apply a restructuring proposal and report before against after.
struct ProposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Apply a restructuring proposal to a chart and report before against after, with the annex tables.",
        discussion: "The last FILE is the proposal (proposal XML v1); the others are the chart. Exit status 0 when "
            + "the proposal applies, 2 when it is rejected (every problem is printed with its proposal line; nothing "
            + "is written) or the input is bad.")

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Write the resulting chart as OrgChart XML v1.", valueName: "file"))
    var writeChart: String?

    @Option(help: ArgumentHelp("Civil-servant reduction asked for, in percent (Conclusion 40-KL/TW: at least 5).",
                               valueName: "percent"))
    var reductionTarget: Double?

    @Option(help: "Report format: text, markdown, json, html, or csv (the duties transferred).")
    var format: String = "text"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file, atomically.", valueName: "path"))
    var output: String?

    @Option(help: "Language of the report: vi or en.")
    var lang: Language = .vi

    @Flag(help: "Write through a symbolic link at --output or --write-chart (refused otherwise).")
    var force = false

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    func validate() throws {
        guard input.files.count >= 2 else { throw ValidationError("Give the chart file(s), then the proposal file.") }
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("Unknown format '\(format)'; use text, json, csv, markdown or html.")
        }
        if let reductionTarget, !(0...100).contains(reductionTarget) {
            throw ValidationError("--reduction-target is a percentage from 0 to 100.")
        }
    }

    func run() throws {
        let configuration = try analysis.configuration()
        var chartInput = input
        let proposalPath = chartInput.files.removeLast()
        let chart = try chartInput.loadChart()
        let proposal: Proposal
        do {
            proposal = try ProposalImporter(options: input.importOptions).load(path: proposalPath)
        } catch {
            DiagnosticPrinter.print(error.diagnostics, limit: input.maxErrors, truncated: false)
            throw ExitCode(ExitStatus.badInput)
        }
        let outcome: ProposalOutcome
        switch ProposalApplier(chart: chart).apply(proposal) {
        case .success(let result): outcome = result
        case .failure(let rejection):
            DiagnosticPrinter.print(rejection.diagnostics, limit: input.maxErrors, truncated: false, what: "the proposal was rejected")
            throw ExitCode(ExitStatus.badInput)
        }
        let review = ProposalReview(proposal: proposal, chart: chart, outcome: outcome,
                                    analyzer: Analyzer(configuration: configuration), reductionTarget: reductionTarget)
        try DiagnosticPrinter.checkLimits([review.before, review.after], maxCandidates: configuration.maxCandidates)
        let report = ProposalReporter.render(review, language: lang, format: OutputFormat(rawValue: format) ?? .text)
        do {
            if let writeChart { try AtomicFile.write(ChartXMLWriter.write(outcome.chart), to: writeChart, force: force) }
            if let output { try AtomicFile.write(report, to: output, force: force) }
        } catch {
            DiagnosticPrinter.fail(error.description)
            throw ExitCode(ExitStatus.badInput)
        }
        if output == nil { FileHandle.standardOutput.write(Data(report.utf8)) }
    }
}
