import ArgumentParser
import Foundation
import OrgAnalysis
import OrgReport

/// `orgscope analyze FILE...`: import, run the rule catalogue, write the report(s).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Run the rule catalogue on a chart and write a report.",
        discussion: "Exit status 0 when no finding reaches --fail-on, 1 when one does, 2 when the input "
            + "could not be imported (then nothing is written).")

    /// When a finding makes the run fail.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, never
    }

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Report format: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        + ", or all. Several, comma-separated or repeated, with --output DIR.", valueName: "format"))
    var format: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the report to this file, or into this directory (several formats), atomically; standard output when absent.",
        valueName: "path"))
    var output: String?

    @Option(help: "Language of the report: vi or en.")
    var lang: Language = .vi

    @Option(help: "Exit 1 when a finding of this severity or worse exists: error, warning or never.")
    var failOn: FailOn = .error

    @Flag(help: "Write through a symbolic link at --output (refused otherwise).")
    var force = false

    @Flag(help: "Record when the report was made (reports are otherwise byte-identical from run to run).")
    var timestamp = false

    @Flag(help: "Print how long each phase took to standard error (timing: PHASE SECONDS).")
    var timings = false

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    func validate() throws {
        let formats = try formats()
        if formats.count > 1 || format.contains("all"), output == nil {
            throw ValidationError("Several formats need --output DIR: one file per format is written there.")
        }
    }

    /// The formats asked for, in order, without repeats.
    func formats() throws -> [OutputFormat] {
        var result: [OutputFormat] = []
        for name in format.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "all" {
                result.append(contentsOf: OutputFormat.allCases.filter { !result.contains($0) })
                continue
            }
            guard let format = OutputFormat(rawValue: name) else {
                throw ValidationError("Unknown format '\(name)'; use "
                    + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            if !result.contains(format) { result.append(format) }
        }
        return result.isEmpty ? [.text] : result
    }

    func run() throws {
        let formats = try formats()
        let configuration = try analysis.configuration()
        var clock = PhaseClock()
        let chart = try input.loadChart()
        clock.lap("import")
        Progress.shared.phase("analysis")
        let graph = DutyGraph(chart: chart)
        clock.lap("graph")
        let result = Analyzer(configuration: configuration).analyze(graph)
        try DiagnosticPrinter.checkLimits([result], maxCandidates: configuration.maxCandidates)
        clock.timings.append(contentsOf: result.timings)
        clock.memory.append(contentsOf: result.memory)
        clock.restart()
        Progress.shared.phase("report")
        let stamp = timestamp ? ISO8601DateFormatter().string(from: Date()) : nil
        let colour = output == nil && formats == [.text] && isatty(STDOUT_FILENO) == 1
            && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let reportInput = ReportInput(result: result, language: lang, colour: colour, timestamp: stamp)
        if let output {
            try write(reportInput, to: output, formats: formats)
        } else if let main = Self.pieces(reportInput, as: formats[0]).first {
            main.produce { FileHandle.standardOutput.write(Data($0.utf8)) }
        }
        clock.lap("report")
        Progress.shared.finish()
        if timings {
            let lines = (clock.timings.map { "timing: \($0.phase) \(String(format: "%.3f", $0.seconds))" }
                + clock.memory.map { "memory: \($0.phase) \($0.residentKiB / 1024) MiB resident, \($0.peakKiB / 1024) MiB peak" })
                .joined(separator: "\n")
            FileHandle.standardError.write(Data((lines + "\n").utf8))
        }
        if failing(result) { throw ExitCode(ExitStatus.findings) }
    }

    /// One format to a file path; several (or a directory path) into a directory, named after the first
    /// chart file and the language (`cao-bang-2025.vi.json`). Every file is written atomically, one format
    /// after another (only one report is in memory at a time).
    private func write(_ reportInput: ReportInput, to output: String, formats: [OutputFormat]) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        let directoryMode = formats.count > 1 || output.hasSuffix("/") || (exists && isDirectory.boolValue)
        if directoryMode {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                DiagnosticPrinter.fail("cannot create the directory \(output): \(error.localizedDescription)")
                throw ExitCode(ExitStatus.badInput)
            }
        }
        let stem = ((input.files.first ?? "report") as NSString).lastPathComponent
        let directoryBase = (output as NSString).appendingPathComponent((stem as NSString).deletingPathExtension + "." + lang.rawValue)
        let fileBase = (output as NSString).deletingPathExtension
        for format in directoryMode ? formats : [formats[0]] {
            for (offset, file) in Self.pieces(reportInput, as: format).enumerated() {
                let path = directoryMode ? directoryBase + file.suffix : offset == 0 ? output : fileBase + file.suffix
                do {
                    try AtomicFile.write(to: path, force: force, producing: file.produce)
                } catch {
                    DiagnosticPrinter.fail(error.description)
                    throw ExitCode(ExitStatus.badInput)
                }
            }
        }
    }

    /// The files of one format, each made when written: the JSON report in pieces of a megabyte, the
    /// others whole.
    private static func pieces(_ reportInput: ReportInput, as format: OutputFormat)
        -> [(suffix: String, produce: (_ emit: (String) -> Void) -> Void)] {
        if format == .json {
            return [(".json", { emit in JSONReporter.write(reportInput, to: emit) })]
        }
        return render(reportInput, as: format).map { file in (file.suffix, { emit in emit(file.content) }) }
    }

    private func failing(_ result: AnalysisResult) -> Bool {
        switch failOn {
        case .never: false
        case .error: result.findings.contains { $0.severity == .error }
        case .warning: result.findings.contains { $0.severity <= .warning }
        }
    }
}
