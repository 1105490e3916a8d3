import ArgumentParser
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport

/// `orgscope propose CHART... PROPOSAL`: apply a restructuring proposal and report before against after.
struct ProposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Apply a restructuring proposal to a chart and report before against after, with the annex tables.",
        discussion: "The last FILE is the proposal (proposal XML v1); the others are the chart. CSV gives the duties "
            + "transferred. Exit status 0 when the proposal applies, 2 when it is rejected (every problem is "
            + "printed with its proposal line; nothing is written) or the input is bad.")

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Report") var report: ReportOptions

    @Option(help: ArgumentHelp("Write the resulting chart as OrgChart XML v1.", valueName: "file"))
    var writeChart: String?

    @Option(help: ArgumentHelp("Civil-servant reduction asked for, in percent (Conclusion 40-KL/TW: at least 5).",
                               valueName: "percent"))
    var reductionTarget: Double?

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    func validate() throws {
        guard input.files.count >= 2 else { throw ValidationError("Give the chart file(s), then the proposal file.") }
        if let reductionTarget, !(0...100).contains(reductionTarget) {
            throw ValidationError("--reduction-target is a percentage from 0 to 100.")
        }
    }

    func run() throws {
        let configuration = try analysis.configuration(maxErrors: input.maxErrors)
        let profile = try report.documentProfile(maxErrors: input.maxErrors)
        let proposalPath = input.files[input.files.count - 1]
        let chart = try input.importing.loadChart(files: Array(input.files.dropLast()))
        let proposal: Proposal
        do {
            proposal = try ProposalImporter(options: input.importing.importOptions).load(path: proposalPath)
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
        if let writeChart {
            let resulting = outcome.chart
            try report.destination.write(ReportFile(suffix: ".xml") { ChartXMLWriter.write(resulting) }, to: writeChart)
        }
        try report.write(ProposalReporter.report(review, language: report.lang, timestamp: report.stamp,
                                                   profile: profile), stem: fileStem(proposalPath))
    }
}
