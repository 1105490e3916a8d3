import ArgumentParser
import OrgAnalysis
import OrgModel
import OrgReport

/// `orgscope compare OLD NEW`: what changed between two charts of the same organisation.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two charts of the same organisation: units, duties, mandates, staffing, findings.",
        discussion: "Units are matched by id, then by name, then by where "
            + "their duties went (merges and splits); duties by id, then by text. CSV lists the unit changes. Each "
            + "chart is imported with the same catalogues and limits. Exit status 0, or 2 when an input could "
            + "not be imported.")

    @Argument(help: ArgumentHelp("The older chart.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer chart.", valueName: "new"))
    var new: String

    @OptionGroup var importing: ImportingOptions
    @OptionGroup(title: "Report") var report: ReportOptions

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    func validate() throws {
        if importing.staffing != nil {
            throw ValidationError("--staffing would change only one of the two charts; merge it first "
                + "(orgscope convert CHART.xml --staffing FILE.csv -o CHART2.xml), then compare.")
        }
    }

    func run() throws {
        let configuration = try analysis.configuration(maxErrors: importing.maxErrors)
        let profile = try report.documentProfile(maxErrors: importing.maxErrors)
        let charts = try [old, new].map { try importing.loadChart(files: [$0]) }
        let comparison = ChartComparison(old: charts[0], new: charts[1], analyzer: Analyzer(configuration: configuration))
        try DiagnosticPrinter.checkLimits([comparison.old, comparison.new], maxCandidates: configuration.maxCandidates)
        try report.write(ComparisonReporter.report(comparison, language: report.lang, timestamp: report.stamp,
                                                   profile: profile),
                         stem: fileStem(new) + ".compare")
    }
}
