import ArgumentParser
import Foundation
import OrgAnalysis
import OrgRegister
import OrgReport

/// `orgscope analyze FILE...`: import, run the rule catalogue, write the report(s).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Run the rule catalogue on a chart and write a report.",
        discussion: "Exit status 0 when no finding reaches --fail-on, 1 when one does, 2 when the input "
            + "could not be imported (then nothing is written). Reports written into a directory are named "
            + "after the first chart file and the language (cao-bang-2025.vi.json).")

    /// When a finding makes the run fail.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, never
        /// A finding (error or warning, counted) the register given with --store has never seen.
        case new
    }

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Report") var report: ReportOptions

    @Option(help: ArgumentHelp("Exit 1 when a finding of this severity or worse exists: error, warning or never; or new: "
        + "a counted error or warning the register (--store) has never seen."))
    var failOn: FailOn = .error

    @Option(help: ArgumentHelp("A findings register (orgscope track): annotate each finding with its history there "
        + "(read only; `track record` records).", valueName: "file"))
    var store: String?

    @Flag(help: "Print how long each phase took to standard error (timing: PHASE SECONDS).")
    var timings = false

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    func validate() throws {
        if failOn == .new, store == nil { throw ValidationError("--fail-on new needs --store FILE: new against which register?") }
    }

    func run() throws {
        let register = try store.map { try StoreOptions.open($0, create: false, forReading: true) }
        let configuration = try analysis.configuration(maxErrors: input.maxErrors)
        let profile = try report.documentProfile(maxErrors: input.maxErrors)
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
        let colour = report.destination.output == nil && report.formats == [.text] && isatty(STDOUT_FILENO) == 1
            && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var document = ReportInput(result: result, language: report.lang, colour: colour, timestamp: report.stamp,
                                   profile: profile)
        if let register {
            let followed = try StoreOptions.run { () throws(RegisterStore.Failure) in try register.followedChart() }
            if let followed, followed != chart.id {
                FileHandle.standardError.write(Data(("orgscope: warning: \(register.path) follows the chart '\(followed)', not '\(chart.id)': "
                    + "its findings cannot be matched, and every finding shows as new\n").utf8))
            }
            document.history = try StoreOptions.run { () throws(RegisterStore.Failure) in
                try register.history(of: result.findings, asOf: result.settings.norms.asOf ?? chart.asOf)
            }
        }
        try report.write(document, stem: fileStem(input.files.first ?? "report"))
        clock.lap("report")
        Progress.shared.finish()
        if timings {
            let lines = (clock.timings.map { "timing: \($0.phase) \(String(format: "%.3f", $0.seconds))" }
                + result.ruleTimings.map { "rule timing: \($0.code) \(String(format: "%.3f", $0.seconds))" }
                + clock.memory.map { "memory: \($0.phase) \($0.residentKiB / 1024) MiB resident, \($0.peakKiB / 1024) MiB peak" })
                .joined(separator: "\n")
            FileHandle.standardError.write(Data((lines + "\n").utf8))
        }
        let failed = failing(result, history: document.history)
        ExitTeardown.skip(result, document)
        if failed { throw ExitCode(ExitStatus.findings) }
    }

    private func failing(_ result: AnalysisResult, history: [FindingFingerprint: FindingHistory]?) -> Bool {
        switch failOn {
        case .new:
            result.findings.contains { finding in
                finding.isCountable && finding.severity <= .warning && history?[FindingFingerprint(finding)]?.status == .new
            }
        case .never: false
        case .error: result.findings.contains { $0.isCountable && $0.severity == .error }
        case .warning: result.findings.contains { $0.isCountable && $0.severity <= .warning }
        }
    }
}
