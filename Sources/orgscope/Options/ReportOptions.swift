import ArgumentParser
import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport

/// `--lang`: the language of everything a command prints or writes.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of the output: vi or en.")
    var lang: Language = .vi
}

/// Where a command writes: `--output` and `--force`, for every command that writes a file.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write to this file, or into this directory (several formats), atomically; standard output when absent.",
        valueName: "path"))
    var output: String?

    @Flag(help: "Write through a symbolic link at an output path (refused otherwise).")
    var force = false

    /// The writer for this destination; files in a directory are named `baseName` + suffix.
    func writer(baseName: String) -> ReportWriter {
        ReportWriter(output: output, force: force, baseName: baseName)
    }

    /// Writes `groups` (one group of files per format); a failure is printed and ends the run with exit 2.
    func write(_ groups: [[ReportFile]], baseName: String) throws {
        do {
            try writer(baseName: baseName).write(groups)
        } catch {
            DiagnosticPrinter.fail(error.description)
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// Writes one extra file at `path` (such as `--write-chart`); a failure ends the run with exit 2.
    func write(_ file: ReportFile, to path: String) throws {
        do {
            try ReportWriter.write(file, to: path, force: force)
        } catch {
            DiagnosticPrinter.fail(error.description)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

/// How a command writes its report: `--format` (typed), `--lang`, `--timestamp`, and the destination.
/// Declared once; every report-writing command takes it as an `@OptionGroup`.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Report format: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        + ", or all. Several, comma-separated or repeated, with --output DIR.", valueName: "format"),
            transform: ReportOptions.formats(_:))
    var format: [[OutputFormat]] = []

    @OptionGroup var language: LanguageOption
    @OptionGroup var destination: OutputOptions

    @Flag(help: "Record when the report was made (reports are otherwise byte-identical from run to run).")
    var timestamp = false

    @Option(help: ArgumentHelp("Document profile for Word reports (YAML: issuing body, number, date, signer, recipients, "
        + "directive, baseline, page layout); blanks for the clerk when absent.", valueName: "file"))
    var profile: String?

    /// The document profile: read from `--profile` (its problems printed, exit 2), else the defaults.
    func documentProfile(maxErrors: Int = 50) throws -> DocumentProfile {
        guard let profile else { return DocumentProfile() }
        do {
            return try DocumentProfileReader.read(path: profile)
        } catch {
            DiagnosticPrinter.print(error.diagnostics, limit: maxErrors, truncated: false)
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// The language of the report.
    var lang: Language { language.lang }

    /// The formats asked for, in order, without repeats; text when none.
    var formats: [OutputFormat] {
        var result: [OutputFormat] = []
        for format in format.joined() where !result.contains(format) { result.append(format) }
        return result.isEmpty ? [.text] : result
    }

    /// The time to record, when asked.
    var stamp: String? { timestamp ? ISO8601DateFormatter().string(from: Date()) : nil }

    func validate() throws {
        if formats.count > 1, destination.output == nil {
            throw ValidationError("Several formats need --output DIR: one file per format is written there.")
        }
    }

    /// Writes `report` in every format asked for; files in a directory are named `stem.LANG` + suffix.
    func write(_ report: some ReportDocument, stem: String) throws {
        try destination.write(formats.map { report.files(as: $0) }, baseName: stem + "." + lang.rawValue)
    }

    /// One `--format` value: a format, `all`, or several separated by commas.
    static func formats(_ argument: String) throws -> [OutputFormat] {
        var result: [OutputFormat] = []
        for name in argument.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "all" {
                result.append(contentsOf: OutputFormat.allCases)
            } else if let format = OutputFormat(rawValue: name) {
                result.append(format)
            } else {
                throw ValidationError("Unknown format '\(name)'; use "
                    + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") + ", or all.")
            }
        }
        return result
    }
}

extension Language: ExpressibleByArgument {}

/// The name of a file without its folder and extension: what reports written into a directory are named after.
func fileStem(_ path: String) -> String {
    ((path as NSString).lastPathComponent as NSString).deletingPathExtension
}
