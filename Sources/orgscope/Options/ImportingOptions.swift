import ArgumentParser
import Glibc
import OrgImport
import OrgModel

/// How charts are imported, for every command that reads charts: catalogues, staffing, every limit and
/// `--max-errors`. Commands take it through ``InputOptions`` (a list of chart files) or beside their own
/// file arguments (`compare OLD NEW`).
struct ImportingOptions: ParsableArguments {
    @Option(name: .customLong("mandates"), help: ArgumentHelp(
        "A mandate catalogue (<mandateCatalog>) to load; repeatable.", valueName: "file"))
    var catalogs: [String] = []

    @Option(help: ArgumentHelp("A staffing spreadsheet (CSV: unit,category,quota,actual,deputies) whose figures "
        + "replace the chart's.", valueName: "file.csv"))
    var staffing: String?

    @Option(help: ArgumentHelp("Largest input file accepted, in MiB.", valueName: "MiB"))
    var maxFileSize: Int = 2048

    @Option(help: "Deepest element nesting accepted.")
    var maxDepth: Int = 64

    @Option(help: "How many problems to print before summing up the rest.")
    var maxErrors: Int = 50

    @Option(help: "Longest text (a duty, function, power or mandate) or attribute value, in characters.")
    var maxTextLength: Int = 10_000

    @Option(help: ArgumentHelp("How charts are checked against OrgChart XML v1: 'code' (the default, fast) or "
        + "'xsd' (libxml2's validator with the published schema orgchart-1.xsd, for audit; both give the same "
        + "verdicts).", valueName: "code|xsd"))
    var schemaCheck: ImportOptions.SchemaCheckMode = .code

    @Option(help: .hidden)
    var xmlBackend: ImportOptions.Backend = .sax

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be at least 1 (MiB).") }
        guard maxDepth > 1 else { throw ValidationError("--max-depth must be at least 2.") }
        guard maxErrors > 0 else { throw ValidationError("--max-errors must be at least 1.") }
        guard maxTextLength > 0 else { throw ValidationError("--max-text-length must be at least 1.") }
    }

    var importOptions: ImportOptions {
        var options = ImportOptions(maxFileSize: maxFileSize << 20, maxDepth: maxDepth, backend: xmlBackend)
        options.maxTextLength = maxTextLength
        options.schemaCheck = schemaCheck
        options.progress = Progress.shared.importHandler
        return options
    }

    /// Imports `files` as one chart with these options (catalogues, staffing, limits), printing every
    /// diagnostic to stderr; exits 2 on errors.
    func loadChart(files: [String]) throws -> OrgChart {
        MemoryPolicy.mapLargeBlocks(inputBytes: (files + catalogs).reduce(0) { $0 + Self.fileSize($1) })
        if let chart = try loadDecisionChart(files: files) { return chart }
        if let chart = try loadArchiMateChart(files: files, keepingUnresolvedMandates: false) {
            return try mergeStaffing(into: chart)
        }
        let importer = OrgChartImporter(options: importOptions)
        let chart: OrgChart
        do {
            // Files merge in the order of their paths, not the order given: the same files in another order
            // are the same question and get the same report, byte for byte.
            let result = try importer.load(files: files.sorted(), catalogs: catalogs.sorted())
            DiagnosticPrinter.print(result.warnings, limit: maxErrors, truncated: false)
            chart = result.chart
        } catch {
            let diagnostics = error.diagnostics
            DiagnosticPrinter.print(diagnostics, limit: maxErrors, truncated: isTruncated(error))
            throw ExitCode(ExitStatus.badInput)
        }
        return try mergeStaffing(into: chart)
    }

    /// The size of the file at `path` in bytes (zero when it cannot be read: the import says why).
    private static func fileSize(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    private func isTruncated(_ error: ImportError) -> Bool {
        switch error {
        case .rejected(_, let truncated): truncated
        }
    }
}

extension ImportOptions.Backend: ExpressibleByArgument {}
extension ImportOptions.SchemaCheckMode: ExpressibleByArgument {}
