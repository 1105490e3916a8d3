import ArgumentParser
import Foundation
import OrgImport
import OrgInterop
import OrgModel
import OrgReport

/// The output side of `convert`.
struct ConvertOutputOptions: ParsableArguments {
    /// The formats `convert` writes.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case orgchart
        case orgJSONLD = "org-jsonld"
    }

    @Option(help: "Output format: orgchart (OrgChart XML v1) or org-jsonld (JSON-LD, W3C Organization Ontology).")
    var to: Target = .orgchart

    @Option(help: ArgumentHelp("Absolute IRI that prefixes every JSON-LD node IRI (default urn:orgscope:CHART-ID:).",
                               valueName: "iri"))
    var baseIRI: String?

    @OptionGroup var destination: OutputOptions

    func validate() throws {
        if let baseIRI, !OrgJSONLDWriter.isUsableBase(baseIRI) {
            throw ValidationError("--base-iri must be an absolute IRI such as https://data.example.gov.vn/org/, not '\(baseIRI)'.")
        }
    }

    /// Renders `chart` and writes it; in a directory it is named after `stem`.
    func write(_ chart: OrgChart, stem: String) throws {
        let file = switch to {
        case .orgchart: ReportFile(suffix: ".xml") { ChartXMLWriter.write(chart) }
        case .orgJSONLD: ReportFile(suffix: ".jsonld") { [baseIRI] in OrgJSONLDWriter(base: baseIRI).write(chart) }
        }
        try destination.write([[file]], baseName: stem)
    }
}
