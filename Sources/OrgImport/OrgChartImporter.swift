import OrgModel

/// What a successful import gives: the merged chart, and warnings worth showing.
public struct ImportResult: Sendable {
    /// The chart, merged from every file, with every mandate of every catalogue.
    public var chart: OrgChart
    /// Problems that did not stop the import (for example charts of different dates merged).
    public var warnings: [Diagnostic]
}

/// Reads OrgChart XML v1 files (charts and mandate catalogues) into one ``OrgChart``.
///
/// Every file is validated against the shipped schema while it streams; then the importer checks what
/// the schema cannot: ids unique across all files (units, duties, mandates), `parent` and `mandate`
/// references that resolve, `parent` only on top-level units, and no cycle of `parent`. All problems
/// of all files are collected; if there is any error, nothing is returned.
public final class OrgChartImporter {
    private let options: ImportOptions
    private var schema: CompiledSchema?

    /// An importer with the given limits. Reuse it for several runs to compile the schema only once.
    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// Imports `files` (charts, or catalogues, told apart by their root element) and `catalogs` (which
    /// must be catalogues). At least one chart is needed.
    public func load(files: [String], catalogs: [String] = []) throws(ImportError) -> ImportResult {
        let diagnostics = DiagnosticCollector(limit: options.maxDiagnostics)
        let order = files + catalogs
        if schema == nil { schema = CompiledSchema.orgChart(diagnostics: diagnostics) }
        guard let schema else { throw .rejected(diagnostics: diagnostics.sorted(fileOrder: order), truncated: false) }

        var documents: [ParsedDocument] = []
        var allWellFormed = true
        for (index, file) in order.enumerated() {
            let builder = OrgDocumentBuilder(file: file, diagnostics: diagnostics)
            let wellFormed = parse(file: file, schema: schema, builder: builder, diagnostics: diagnostics)
            allWellFormed = allWellFormed && wellFormed
            var document = builder.document
            if index >= files.count, document.kind == .chart {
                diagnostics.error(document.location, "--mandates expects a <mandateCatalog>, and this file is "
                    + "an <orgChart>; pass charts without --mandates")
                document.kind = .unknown
            }
            documents.append(document)
            if diagnostics.isFull { break }
        }

        let chart = merge(documents, diagnostics: diagnostics, checkReferences: allWellFormed)
        if diagnostics.hasErrors || chart == nil {
            throw .rejected(diagnostics: diagnostics.sorted(fileOrder: order), truncated: diagnostics.truncated)
        }
        let warnings = diagnostics.sorted(fileOrder: order)
        guard let chart else { throw .rejected(diagnostics: warnings, truncated: false) }
        return ImportResult(chart: chart, warnings: warnings)
    }

    private func parse(file: String, schema: CompiledSchema, builder: OrgDocumentBuilder,
                       diagnostics: DiagnosticCollector) -> Bool {
        switch options.backend {
        case .sax:
            let parser = SAXDocumentParser(path: file, file: file, options: options, diagnostics: diagnostics,
                                           handler: builder)
            return parser.parse(schema: schema)
        case .reader:
            let parser = ReaderDocumentParser(path: file, file: file, options: options, diagnostics: diagnostics,
                                              handler: builder)
            return parser.parse(schema: schema)
        }
    }

    private func merge(_ documents: [ParsedDocument], diagnostics: DiagnosticCollector,
                       checkReferences: Bool) -> OrgChart? {
        let charts = documents.filter { $0.kind == .chart }
        guard let first = charts.first else {
            if let document = documents.first, !diagnostics.hasErrors {
                diagnostics.error(document.location, "no <orgChart> among the inputs: a mandate catalogue alone "
                    + "has no units to analyse (give the chart file too)")
            }
            return nil
        }
        for other in charts.dropFirst() where other.asOf != first.asOf {
            diagnostics.warning(other.location, "this chart is dated \(other.asOf?.description ?? "(no date)") "
                + "and \(first.file) \(first.asOf?.description ?? "(no date)"); the merged chart takes the first date")
        }
        var chart = OrgChart(
            id: first.id, name: first.name, asOf: first.asOf, language: first.language ?? "vi",
            provinceCategory: first.provinceCategory ?? charts.lazy.compactMap(\.provinceCategory).first,
            sourceFiles: documents.map(\.file))
        chart.units = charts.count == 1 ? first.units : charts.flatMap(\.units)  // one file: share, don't copy
        chart.mandates = charts.flatMap(\.mandates)
        for document in documents where document.kind == .catalog {
            chart.catalogs.append(CatalogInfo(id: document.id, name: document.name, source: document.catalogSource,
                                              location: document.location))
            chart.mandates.append(contentsOf: document.mandates)
        }
        var checker = ReferenceChecker(chart: chart, diagnostics: diagnostics)
        checker.checkUniqueness()
        if checkReferences {
            checker.checkNestedParents(charts.flatMap(\.nestedParentAttributes))
            checker.checkReferences()
            checker.checkCycles()
        }
        return chart
    }
}
