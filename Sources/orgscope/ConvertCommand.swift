import ArgumentParser
import Foundation
import OrgImport
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

/// The output side of `convert`.
struct ConvertOutputOptions: ParsableArguments {
    /// The formats `convert` writes.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case orgchart
        case orgJSONLD = "org-jsonld"
    }

    @Option(help: "Output format: orgchart (OrgChart XML v1) or org-jsonld (JSON-LD, W3C Organization Ontology).")
    var to: Target = .orgchart

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file, atomically; standard output when absent.",
                                                    valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Absolute IRI that prefixes every JSON-LD node IRI (default urn:orgscope:CHART-ID:).",
                               valueName: "iri"))
    var baseIRI: String?

    @Flag(help: "Write through a symbolic link at --output (refused otherwise).")
    var force = false

    func validate() throws {
        if let baseIRI, !OrgJSONLDWriter.isUsableBase(baseIRI) {
            throw ValidationError("--base-iri must be an absolute IRI such as https://data.example.gov.vn/org/, not '\(baseIRI)'.")
        }
    }

    /// Renders `chart` and writes it.
    func write(_ chart: OrgChart) throws {
        let text = switch to {
        case .orgchart: ChartXMLWriter.write(chart)
        case .orgJSONLD: OrgJSONLDWriter(base: baseIRI).write(chart)
        }
        guard let output else { return FileHandle.standardOutput.write(Data(text.utf8)) }
        do {
            try AtomicFile.write(text, to: output, force: force)
        } catch {
            DiagnosticPrinter.fail(error.description)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

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
        guard let chart = try input.loadArchiMateChart(keepingUnresolvedMandates: true) else {
            throw ExitCode(ExitStatus.badInput)
        }
        try output.write(input.mergeStaffing(into: chart))
    }
}

/// `orgscope convert CHART.xml...`: any input `analyze` takes (OrgChart XML, or ArchiMate models).
struct ConvertChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Convert a chart (OrgChart XML, or an ArchiMate model) to OrgChart XML or --to org-jsonld.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: ConvertOutputOptions

    func run() throws {
        let chart = try input.loadArchiMateChart(keepingUnresolvedMandates: true).map(input.mergeStaffing)
            ?? input.loadChart()
        try output.write(chart)
    }
}
