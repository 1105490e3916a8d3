import OrgImport
import OrgModel

/// What a successful ArchiMate import gives: the chart and the warnings (everything not mapped).
public struct InteropResult: Sendable {
    /// The chart.
    public var chart: OrgChart
    /// Warnings, sorted by file, line and column.
    public var warnings: [Diagnostic]
}

/// Imports ArchiMate Model Exchange Files (3.x and 2.1) as org charts: a hardened libxml2 parse
/// (``XMLTreeParser``), structural checks in code (``ArchiMateReader``), then the mapping
/// (``ArchiMateMapper``). Errors are collected for the whole file; if there is any, nothing is returned.
public struct ArchiMateImporter: Sendable {
    private let options: InteropOptions

    /// An importer with the given limits.
    public init(options: InteropOptions = InteropOptions()) {
        self.options = options
    }

    /// Imports one exchange file.
    public func load(path: String) throws(InteropError) -> InteropResult {
        try load(paths: [path])
    }

    /// Imports several exchange files into one chart, as several OrgChart XML files are merged: the
    /// first file gives the chart's id, name, language and date; identifiers must be unique across files.
    public func load(paths: [String]) throws(InteropError) -> InteropResult {
        let diagnostics = DiagnosticCollector()
        var charts: [OrgChart] = []
        for path in paths {
            let parser = XMLTreeParser(file: path, options: options, formatName: "ArchiMate exchange files")
            let root = parser.parse()
            diagnostics.append(contentsOf: parser.diagnostics.sorted)
            guard let root else { continue }
            var reader = ArchiMateReader(file: path)
            let model = reader.read(root)
            let mapped = DiagnosticCollector()
            mapped.append(contentsOf: reader.diagnostics.items)
            if let model, !reader.diagnostics.hasErrors {
                var mapper = ArchiMateMapper(model: model)
                if let chart = mapper.map() { charts.append(chart) }
                mapped.append(contentsOf: mapper.diagnostics.items)
            }
            diagnostics.append(contentsOf: mapped.sorted)
        }
        guard !diagnostics.hasErrors, var chart = charts.first else {
            throw .rejected(diagnostics: diagnostics.items)
        }
        chart.sourceFiles = paths
        for other in charts.dropFirst() { chart.units.append(contentsOf: other.units) }
        let duplicates = duplicateIDs(chart)
        guard duplicates.isEmpty else { throw .rejected(diagnostics: diagnostics.items + duplicates) }
        return InteropResult(chart: chart, warnings: diagnostics.items)
    }

    /// Unit and duty ids repeated across files (within one file, identifiers are already unique).
    private func duplicateIDs(_ chart: OrgChart) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var units: [UnitID: SourceLocation] = [:]
        var duties: [DutyID: SourceLocation] = [:]
        for unit in chart.units {
            if let first = units[unit.id] {
                problems.append(Diagnostic(.error, at: unit.location, "duplicate unit id '\(unit.id)' (first in \(first))"))
            } else {
                units[unit.id] = unit.location
            }
            for duty in unit.duties {
                if let first = duties[duty.id] {
                    problems.append(Diagnostic(.error, at: duty.location, "duplicate duty id '\(duty.id)' (first in \(first))"))
                } else {
                    duties[duty.id] = duty.location
                }
            }
        }
        return problems
    }

    /// Duties whose `mandate` names a mandate the chart does not define lose it, with a warning each:
    /// an ArchiMate model carries no mandate catalogue, so `analyze MODEL.xml` cannot resolve them (convert
    /// the model to OrgChart XML and pass `--mandates` to use them).
    public static func detachingUnresolvedMandates(_ chart: OrgChart) -> (chart: OrgChart, warnings: [Diagnostic]) {
        let known = Set(chart.mandates.map(\.id))
        var chart = chart
        var warnings: [Diagnostic] = []
        for unitIndex in chart.units.indices {
            for dutyIndex in chart.units[unitIndex].duties.indices {
                guard let mandate = chart.units[unitIndex].duties[dutyIndex].mandate, !known.contains(mandate) else { continue }
                let duty = chart.units[unitIndex].duties[dutyIndex]
                warnings.append(Diagnostic(.warning, at: duty.location, "duty '\(duty.id)' names mandate '\(mandate)', "
                    + "which this input does not define; analysed without it (convert the model with `orgscope convert` "
                    + "and analyse the chart with --mandates CATALOG to use it)"))
                chart.units[unitIndex].duties[dutyIndex].mandate = nil
            }
        }
        return (chart, warnings)
    }
}
