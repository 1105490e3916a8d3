import ArgumentParser
import Foundation
import OrgImport
import OrgInterop
import OrgModel
import OrgReport

/// `orgscope convert archimate MODEL.xml...`: the inputs must be ArchiMate exchange files.
struct ConvertArchiMateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archimate",
        abstract: "Convert ArchiMate Model Exchange Files (3.x or 2.1) to OrgChart XML (or --to org-jsonld).",
        discussion: "BusinessActor → unit; Composition/Aggregation between actors → sub-units; BusinessFunction "
            + "and BusinessProcess assigned to an actor (directly or through a BusinessRole) → duties; properties "
            + "kind, level, heads, deputies, category, quota, actual, mandate, role. Everything else is listed as a warning.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: ConvertOutputOptions

    func run() throws {
        for file in input.files where !ModelFormat.sniff(path: file).isArchiMate {
            DiagnosticPrinter.fail("\(file) is not an ArchiMate Model Exchange File (its root element is not <model> "
                + "in \(ModelFormat.namespace3) or \(ModelFormat.namespace21))")
            throw ExitCode(ExitStatus.badInput)
        }
        guard let chart = try input.importing.loadArchiMateChart(files: input.files, keepingUnresolvedMandates: true) else {
            throw ExitCode(ExitStatus.badInput)
        }
        try output.write(input.importing.mergeStaffing(into: chart), stem: fileStem(input.files[0]))
    }
}
