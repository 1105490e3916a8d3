import ArgumentParser
import Foundation
import OrgInterop
import OrgModel
import OrgReport

/// `orgscope convert`: an ArchiMate model to OrgChart XML, and any chart to JSON-LD
/// (W3C Organization Ontology).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a chart or an ArchiMate model: to OrgChart XML, or to JSON-LD (W3C Organization Ontology).",
        discussion: """
            orgscope convert archimate MODEL.xml -o CHART.xml      (ArchiMate exchange file 3.x or 2.1 → OrgChart XML)
            orgscope convert --to org-jsonld CHART.xml -o OUT.jsonld
            Inputs are imported as for analyze (several files merge; --staffing merges a spreadsheet). Exit \
            status 0 when the file is written, 2 when an input could not be imported (nothing is written).
            """,
        subcommands: [ConvertArchiMateCommand.self, ConvertChartCommand.self],
        defaultSubcommand: ConvertChartCommand.self)
}
