import ArgumentParser
import OrgImport
import OrgModel

/// The chart files and how they are imported, for every command that reads a list of charts.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Chart files (OrgChart XML v1, ArchiMate exchange files, or the province's decisions as .docx, "
        + ".txt or .md); several are merged into one chart. "
        + "A mandate catalogue given here is loaded as with --mandates.", valueName: "file"))
    var files: [String]

    @OptionGroup var importing: ImportingOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one chart file.") }
    }

    /// How many problems to print.
    var maxErrors: Int { importing.maxErrors }

    /// Imports the chart, printing every diagnostic to stderr; exits 2 on errors.
    func loadChart() throws -> OrgChart {
        try importing.loadChart(files: files)
    }
}
