import ArgumentParser
import OrgInterop
import OrgModel

/// Chart loading for interchange inputs: ArchiMate models given as chart files, and `--staffing`.
extension ImportingOptions {
    var interopOptions: InteropOptions {
        InteropOptions(maxFileSize: maxFileSize << 20, maxDepth: maxDepth)
    }

    /// The chart imported from `files` when every file is an ArchiMate exchange file (sniffed from the root
    /// element's namespace); nil when none is. Mixing models with native files, or a model with
    /// `--mandates`, is a usage error (exit 2): the user is told to convert first.
    /// `keepingUnresolvedMandates` keeps `mandate` properties that name no mandate of the input (for
    /// `convert`, whose output is analysed later with `--mandates`); otherwise they are dropped, each
    /// with a warning.
    func loadArchiMateChart(files: [String], keepingUnresolvedMandates: Bool) throws -> OrgChart? {
        let formats = files.map { ModelFormat.sniff(path: $0) }
        guard formats.contains(where: \.isArchiMate) else { return nil }
        if let native = zip(files, formats).first(where: { !$0.1.isArchiMate }) {
            DiagnosticPrinter.fail("\(native.0) is OrgChart XML (or not XML) and the other inputs are ArchiMate models; "
                + "they cannot be merged in one run. Convert the model first (orgscope convert archimate MODEL.xml "
                + "-o CHART.xml), then give the charts together.")
            throw ExitCode(ExitStatus.badInput)
        }
        if !catalogs.isEmpty {
            DiagnosticPrinter.fail("--mandates cannot be combined with an ArchiMate model. Convert the model first "
                + "(orgscope convert archimate MODEL.xml -o CHART.xml), then run on CHART.xml with --mandates.")
            throw ExitCode(ExitStatus.badInput)
        }
        do {
            let result = try ArchiMateImporter(options: interopOptions).load(paths: files)
            var chart = result.chart
            var warnings = result.warnings
            if !keepingUnresolvedMandates {
                let detached = ArchiMateImporter.detachingUnresolvedMandates(chart)
                chart = detached.chart
                warnings = (warnings + detached.warnings).sorted { $0.location < $1.location }
            }
            DiagnosticPrinter.print(warnings, limit: maxErrors, truncated: false)
            return chart
        } catch {
            DiagnosticPrinter.print(error.diagnostics, limit: maxErrors, truncated: false)
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// `chart` with the `--staffing` figures merged (unchanged without the option); exit 2 on any problem.
    func mergeStaffing(into chart: OrgChart) throws -> OrgChart {
        guard let staffing else { return chart }
        do {
            let result = try StaffingSheet.merge(path: staffing, into: chart, options: interopOptions)
            DiagnosticPrinter.print(result.warnings, limit: maxErrors, truncated: false)
            return result.chart
        } catch {
            DiagnosticPrinter.print(error.diagnostics, limit: maxErrors, truncated: false)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
