import Foundation
import ArgumentParser
import OrgAnalysis
import OrgImport
import OrgModel

/// How the analysis is configured, for every command that runs the rules (and `rules`, which shows the
/// result): a rules file, the date of the regime, and the text engine's thresholds. Order of precedence: built-in defaults, then the rules file, then these flags.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A YAML rules file: disable rules, change severities and thresholds.", valueName: "file"))
    var rules: String?

    @Option(help: ArgumentHelp("Apply the legal regime in force on this date (YYYY-MM-DD) instead of the chart's asOf.",
                               valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Also run the staffing and leadership rules under the regime in force on this date "
        + "(YYYY-MM-DD), or 'none'; by default under a regime taking effect within 12 months of the date applied. "
        + "Their new or worse findings are reported apart and do not count today.", valueName: "date|none"))
    var lookAhead: String?

    @Option(help: ArgumentHelp("A thesaurus file (orgdata/thesaurus/README.md): synonym sets and broader terms the text "
        + "engine reads duties through, after the shipped one. Repeatable; later files add to earlier ones.",
        valueName: "file"))
    var thesaurus: [String] = []

    @Flag(help: ArgumentHelp("Read duties as written, without the shipped thesaurus (orgdata/thesaurus/vn-public-admin.tsv); "
        + "files given with --thesaurus still apply."))
    var noShippedThesaurus = false

    @Option(help: ArgumentHelp(DuplicateDutyRule.overlapThreshold.optionHelp, valueName: "score"))
    var overlapThreshold: Double?

    @Option(help: ArgumentHelp(TextAnalysis.inferenceThreshold.optionHelp, valueName: "score"))
    var inferenceThreshold: Double?

    @Option(help: ArgumentHelp(LeadConflictRule.conflictThreshold.optionHelp, valueName: "score"))
    var conflictThreshold: Double?

    @Flag(help: "Do not infer mandates for duties that name none.")
    var noInference = false

    @Option(help: ArgumentHelp(MergeCandidateRule.mergeRatio.optionHelp, valueName: "ratio"))
    var mergeRatio: Double?

    @Option(help: "How near-duplicate candidates are found: prefix (fast, exact) or brute-force (all pairs, for checking).")
    var join: SimilarityJoin.Mode = .prefixFilter

    @Option(help: ArgumentHelp("Candidate pairs the similarity join may verify before it stops with an error "
        + "(default 50,000,000; a national chart needs a few million).", valueName: "count"))
    var maxCandidates: Int?

    func validate() throws {
        for (name, value) in [("--overlap-threshold", overlapThreshold), ("--inference-threshold", inferenceThreshold),
                              ("--conflict-threshold", conflictThreshold), ("--merge-ratio", mergeRatio)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(name) must be between 0 and 1.") }
        }
        if let maxCandidates, maxCandidates < 1 { throw ValidationError("--max-candidates must be at least 1.") }
        if let lookAhead, lookAhead != "none", ChartDate(iso: lookAhead) == nil {
            throw ValidationError("--look-ahead takes a date as YYYY-MM-DD or 'none', not '\(lookAhead)'.")
        }
        if let asOf, ChartDate(iso: asOf) == nil {
            throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'.")
        }
    }

    /// The configuration: defaults, then the rules file (its problems printed, at most `maxErrors`; exit 2),
    /// then the flags.
    func configuration(maxErrors: Int = 50) throws -> AnalysisConfiguration {
        var configuration = AnalysisConfiguration()
        if let rules {
            do {
                let file = try RulesFileReader.read(path: rules)
                let problems = RulesFileSettings.apply(file, to: &configuration)
                if !problems.isEmpty {
                    DiagnosticPrinter.print(problems, limit: maxErrors, truncated: false)
                    throw ExitCode(ExitStatus.badInput)
                }
            } catch let error as ImportError {
                DiagnosticPrinter.print(error.diagnostics, limit: maxErrors, truncated: false)
                throw ExitCode(ExitStatus.badInput)
            }
        }
        configuration.asOf = asOf.flatMap(ChartDate.init(iso:))
        switch lookAhead {
        case nil: break
        case "none": configuration.lookAhead = .none
        case let date?: configuration.lookAhead = ChartDate(iso: date).map(LookAhead.on) ?? .standard
        }
        for (parameter, value) in [(DuplicateDutyRule.overlapThreshold, overlapThreshold),
                                   (TextAnalysis.inferenceThreshold, inferenceThreshold),
                                   (LeadConflictRule.conflictThreshold, conflictThreshold),
                                   (MergeCandidateRule.mergeRatio, mergeRatio)] {
            if let value { configuration.set(parameter, to: value, from: .option(parameter.option ?? parameter.key)) }
        }
        if noInference { configuration.set(TextAnalysis.inferMandates, to: false, from: .option("--no-inference")) }
        configuration.join = join
        var problems: [Diagnostic] = []
        if noShippedThesaurus { configuration.thesaurus = Thesaurus() }
        for path in thesaurus {
            do {
                let text = try ThesaurusFile.read(path)
                try configuration.thesaurus.add(text, file: path)
            } catch let error as ThesaurusError {
                problems += error.diagnostics
            } catch {
                problems.append(Diagnostic(.error, at: SourceLocation(file: path, line: 0, column: 0),
                                           "cannot read the thesaurus: \(error.localizedDescription)"))
            }
        }
        if !problems.isEmpty {
            DiagnosticPrinter.print(problems, limit: maxErrors, truncated: false)
            throw ExitCode(ExitStatus.badInput)
        }
        if let maxCandidates { configuration.maxCandidates = maxCandidates }
        return configuration
    }
}

extension SimilarityJoin.Mode: ExpressibleByArgument {}

/// Reads a thesaurus file, refusing one larger than ``Thesaurus/maxFileBytes`` before reading it whole
/// and text that is not UTF-8.
enum ThesaurusFile {
    static func read(_ path: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes[.size] as? Int, size > Thesaurus.maxFileBytes {
            throw ThesaurusError(diagnostics: [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1),
                "the thesaurus is larger than \(Thesaurus.maxFileBytes >> 20) MiB")])
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThesaurusError(diagnostics: [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1),
                "the thesaurus is not UTF-8 text")])
        }
        return text
    }
}

extension RuleParameter {
    /// The option's help: the declaration's documentation, the rule that owns it and its default.
    var optionHelp: String {
        let owner = RuleCatalog.owner(of: key).map { "\($0); " } ?? ""
        let shown = standardDefault.stored == nil ? "none" : "\(standardDefault)"
        return "\(documentation.en) (\(owner)default \(shown))."
    }
}
