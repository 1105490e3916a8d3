import ArgumentParser
import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgRegister
import OrgReport

/// `orgscope track record CHART… --store FILE`: analyse as `analyze` does and record the review.
struct TrackRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Analyse a chart as analyze does and record the review and its findings in the register.",
        discussion: "The review (chart id and date, label, every input file with its SHA-256, the rule settings) and "
            + "its findings are written in one transaction: a failure or an interrupted run leaves the register as "
            + "it was. Prints what is new, persisting, reopened and resolved against the review before. Exit status "
            + "0, or 2 when the input or the register could not be used.")

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("What to call this review in reports (\"Rà soát quý I/2026\").", valueName: "text"))
    var label: String?

    @Option(help: ArgumentHelp("Ids renamed since the previous review: a file of OLD NEW pairs, one a line.", valueName: "file"))
    var renames: String?

    @Option(help: ArgumentHelp("Ids renamed since this earlier chart, as `compare` detects them (units matched by name, "
        + "duties by text, under new ids).", valueName: "chart"))
    var renamesFrom: String?

    @Option(help: ArgumentHelp("The day of recording (YYYY-MM-DD; today by default): the review's date when the chart "
        + "has no asOf.", valueName: "date"))
    var recordedOn: String?

    @Flag(help: "Record although the chart's id differs from the register's (the organisation's chart id changed).")
    var otherChart = false

    @OptionGroup var language: LanguageOption

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    func validate() throws {
        _ = try parseDate(recordedOn, option: "--recorded-on")
    }

    func run() throws {
        let configuration = try analysis.configuration(maxErrors: input.maxErrors)
        let chart = try input.loadChart()
        var mapping: [String: String] = [:]
        if let renames {
            do {
                mapping = try RenamesFile.read(path: renames)
            } catch {
                DiagnosticPrinter.print(error.diagnostics, limit: input.maxErrors, truncated: false, what: "nothing was recorded")
                throw ExitCode(ExitStatus.badInput)
            }
        }
        // The comparison analyses the chart too: its analysis is the one recorded (a national chart's takes minutes).
        var compared: AnalysisResult?
        if let renamesFrom {
            let old = try input.importing.loadChart(files: [renamesFrom])
            let comparison = ChartComparison(old: old, new: chart, analyzer: Analyzer(configuration: configuration))
            mapping.merge(comparison.renames) { given, _ in given }
            compared = comparison.new
        }
        let register = try store.open(create: true)
        let result = compared ?? Analyzer(configuration: configuration).analyze(DutyGraph(chart: chart))
        try DiagnosticPrinter.checkLimits([result], maxCandidates: configuration.maxCandidates)
        var files: [RegisterStore.InputFile] = []
        let read = input.files + input.importing.catalogs + [input.importing.staffing, analysis.rules].compactMap { $0 }
            + analysis.thesaurus + [renames].compactMap { $0 }
        for path in read {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            files.append(RegisterStore.InputFile(path: path, bytes: size, sha256: FileDigest.sha256(path: path)))
        }
        let day = try parseDate(recordedOn, option: "--recorded-on") ?? today()
        let settings = SettingsReporter.json(configuration: configuration, settings: configuration.settings(for: chart))
        let recorded = try StoreOptions.run { () throws(RegisterStore.Failure) in
            try register.record(result, label: label, files: files, settings: settings, renames: mapping,
                                recordedOn: day, otherChart: otherChart)
        }
        let lang = language.lang
        func count(_ value: Int) -> String { value == 0 ? "0" : OfficialWording.count(value) }
        let renamed = recorded.renamed
        let line = lang.text(
            vi: "Đã ghi lần rà soát thứ \(recorded.review) vào sổ theo dõi (\(store.store)): \(count(recorded.new.count)) nội dung phát sinh mới, "
                + "\(count(recorded.persisting.count)) nội dung tồn tại từ lần trước, \(count(recorded.reopened.count)) nội dung tái phát, "
                + "\(count(recorded.resolved.count)) nội dung đã khắc phục"
                + (renamed > 0 ? "; \(count(renamed)) nội dung theo mã đơn vị, nhiệm vụ mới" : "") + ".",
            en: "Recorded review \(recorded.review) in \(store.store): \(recorded.new.count) new, \(recorded.persisting.count) "
                + "persisting, \(recorded.reopened.count) reopened, \(recorded.resolved.count) resolved"
                + (renamed > 0 ? "; \(renamed) finding\(renamed == 1 ? "" : "s") under renamed ids" : "") + ".")
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
