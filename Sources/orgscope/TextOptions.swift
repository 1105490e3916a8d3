import ArgumentParser
import OrgAnalysis
import OrgImport
import OrgModel

/// How the analysis is configured, for `analyze`: a rules file, the date of the regime, and the text
/// engine's thresholds. Order of precedence: built-in defaults, then the rules file, then these flags.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A YAML rules file: disable rules, change severities and thresholds.", valueName: "file"))
    var rules: String?

    @Option(help: ArgumentHelp("Apply the legal regime in force on this date (YYYY-MM-DD) instead of the chart's asOf.",
                               valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Similarity (0–1) at which two duties count as the same duty (OVL002; default 0.55).",
                               valueName: "score"))
    var overlapThreshold: Double?

    @Option(help: ArgumentHelp("Score (0–1) a mandate must reach to be inferred for a duty without mandate= (default 0.25).",
                               valueName: "score"))
    var inferenceThreshold: Double?

    @Option(help: ArgumentHelp("Score (0–1) an inferred mandate needs to count as a lead in an overlap (default 0.45).",
                               valueName: "score"))
    var conflictThreshold: Double?

    @Flag(help: "Do not infer mandates for duties that name none.")
    var noInference = false

    @Option(help: ArgumentHelp("Share (0–1) of a unit's duties found in another unit for a merge candidate (OVL003; "
        + "default 0.6).", valueName: "ratio"))
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
        if let asOf, ChartDate(iso: asOf) == nil {
            throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'.")
        }
    }

    /// The configuration: defaults, then the rules file (problems printed, exit 2), then the flags.
    func configuration() throws -> AnalysisConfiguration {
        var configuration = AnalysisConfiguration()
        if let rules {
            do {
                let file = try RulesFileReader.read(path: rules)
                let problems = RulesFileSettings.apply(file, to: &configuration)
                if !problems.isEmpty {
                    DiagnosticPrinter.print(problems, limit: 50, truncated: false)
                    throw ExitCode(ExitStatus.badInput)
                }
            } catch let error as ImportError {
                DiagnosticPrinter.print(error.diagnostics, limit: 50, truncated: false)
                throw ExitCode(ExitStatus.badInput)
            }
        }
        configuration.asOf = asOf.flatMap(ChartDate.init(iso:))
        if let overlapThreshold { configuration.text.overlapThreshold = overlapThreshold }
        if let inferenceThreshold { configuration.text.inferenceThreshold = inferenceThreshold }
        if let conflictThreshold { configuration.text.conflictThreshold = conflictThreshold }
        if let mergeRatio { configuration.text.mergeRatio = mergeRatio }
        if noInference { configuration.text.inferMandates = false }
        configuration.text.join = join
        if let maxCandidates { configuration.text.maxCandidates = maxCandidates }
        return configuration
    }
}

extension SimilarityJoin.Mode: ExpressibleByArgument {}
