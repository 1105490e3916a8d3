import ArgumentParser
import Foundation
import OrgImport
import OrgInterop
import OrgModel
import OrgReport

/// `orgscope convert CHART.xml...`: any input `analyze` takes (OrgChart XML, or ArchiMate models).
struct ConvertChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Convert a chart (OrgChart XML, or an ArchiMate model) to OrgChart XML or --to org-jsonld.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: ConvertOutputOptions

    func run() throws {
        let importing = input.importing
        let chart = try importing.loadArchiMateChart(files: input.files, keepingUnresolvedMandates: true)
            .map(importing.mergeStaffing) ?? input.loadChart()
        try output.write(chart, stem: fileStem(input.files[0]))
    }
}
