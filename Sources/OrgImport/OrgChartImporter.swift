import Dispatch
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
/// Every file is checked against OrgChart XML v1 while it streams (in code by ``ChartSchemaCheck``, or
/// by libxml2's validator with the shipped schema when ``ImportOptions/schemaCheck`` is `.xsd`); then the importer checks what
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
        // In code mode (the default) the XSD is neither compiled nor run: ChartSchemaCheck does its work.
        if options.schemaCheck == .xsd {
            if schema == nil { schema = CompiledSchema.orgChart(diagnostics: diagnostics) }
            guard schema != nil else {
                throw .rejected(diagnostics: diagnostics.sorted(fileOrder: order), truncated: false)
            }
        }

        // Files are parsed on every core, each with its own collector (libxml2 keeps its error state per
        // thread, and a compiled schema may be shared); results are gathered in the order given, so the
        // outcome is the same on one core or many.
        let parsed = parseAll(order, schema: schema)
        var documents: [ParsedDocument] = []
        var allWellFormed = true
        for (index, result) in parsed.enumerated() {
            for diagnostic in result.diagnostics { diagnostics.add(diagnostic) }
            if result.truncated { diagnostics.markTruncated() }
            allWellFormed = allWellFormed && result.wellFormed
            var document = result.document
            if index >= files.count, document.kind == .chart {
                diagnostics.error(document.location, "--mandates expects a <mandateCatalog>, and this file is "
                    + "an <orgChart>; pass charts without --mandates")
                document.kind = .unknown
            }
            documents.append(document)
        }

        let chart = merge(documents, diagnostics: diagnostics, checkReferences: allWellFormed)
        if diagnostics.hasErrors || chart == nil {
            throw .rejected(diagnostics: diagnostics.sorted(fileOrder: order), truncated: diagnostics.truncated)
        }
        let warnings = diagnostics.sorted(fileOrder: order)
        guard let chart else { throw .rejected(diagnostics: warnings, truncated: false) }
        return ImportResult(chart: chart, warnings: warnings)
    }

    /// How each file of the last ``load(files:catalogs:)`` was read, in the order given (for tests and
    /// measurements: the result is the same either way).
    private(set) var readings: [FileReading] = []

    private func parseAll(_ files: [String], schema: CompiledSchema?) -> [ParsedFile] {
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<ParsedFile?>.allocate(capacity: files.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let schema = schema
        let options = options
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results[index] = Self.parse(file: files[index], schema: schema, options: options)
        }
        let parsed = results.indices.compactMap { results[$0].take() }
        readings = parsed.map(\.reading)
        return parsed
    }

    /// One file: split across the cores when it is large and the split can reproduce a single pass
    /// exactly (``SplitFileImport``), else in one pass.
    private static func parse(file: String, schema: CompiledSchema?, options: ImportOptions) -> ParsedFile {
        let refusal: SplitRefusal
        switch SplitFileImport(path: file, schema: schema, options: options).run() {
        case .success(let parsed): return parsed
        case .failure(let reason): refusal = reason
        }
        let collector = DiagnosticCollector(limit: options.maxDiagnostics)
        let builder = OrgDocumentBuilder(file: file, diagnostics: collector)
        builder.maxTextLength = options.maxTextLength
        builder.reportsForeignRoot = schema != nil
        let handler: any XMLEventHandler = schema == nil
            ? ChartSchemaCheck(next: builder, file: file, diagnostics: collector) : builder
        let wellFormed: Bool
        switch options.backend {
        case .sax:
            let parser = SAXDocumentParser(path: file, file: file, options: options, diagnostics: collector,
                                           handler: handler)
            wellFormed = parser.parse(schema: schema)
        case .reader:
            let parser = ReaderDocumentParser(path: file, file: file, options: options, diagnostics: collector,
                                              handler: handler)
            wellFormed = parser.parse(schema: schema)
        }
        return ParsedFile(document: builder.document, diagnostics: collector.items,
                          truncated: collector.truncated, wellFormed: wellFormed, reading: .single(refusal))
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
            illustrative: charts.contains { $0.illustrative },
            sourceFiles: documents.map(\.file))
        chart.units = charts.count == 1 ? first.units : charts.flatMap(\.units)  // one file: share, don't copy
        chart.mandates = charts.flatMap(\.mandates)
        for document in documents where document.kind == .catalog {
            chart.catalogs.append(CatalogInfo(id: document.id, name: document.name, source: document.catalogSource,
                                              location: document.location))
            chart.mandates.append(contentsOf: document.mandates)
        }
        var digest = first.digest
        for other in charts.dropFirst() { digest.append(other.digest) }
        var checker = ReferenceChecker(chart: chart, diagnostics: diagnostics, digest: digest)
        checker.checkUniqueness()
        if checkReferences {
            checker.checkNestedParents(charts.flatMap(\.nestedParentAttributes))
            checker.checkReferences()
            checker.checkCycles()
        }
        return chart
    }
}
