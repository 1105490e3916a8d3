import ArgumentParser
import Foundation
import OrgAnalysis
import OrgReport

/// `orgscope validate FILE...`: import, schema and references only, then a one-screen summary.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check chart files against the format and print a one-screen summary.",
        discussion: "Runs the schema and every reference check, and no rule. Exit status 0 when the input "
            + "is valid, 2 when it is not (every problem is printed to standard error as FILE:LINE:COLUMN).")

    @OptionGroup var input: InputOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let chart = try input.loadChart()
        let graph = DutyGraph(chart: chart)
        let summary = ChartSummary(graph: graph)
        let text = SummaryReporter.render(chart: chart, summary: summary, language: language.lang)
        FileHandle.standardOutput.write(Data(text.utf8))
        ExitTeardown.skip(graph)
    }
}
