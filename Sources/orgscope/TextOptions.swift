import ArgumentParser
import OrgAnalysis

/// Thresholds of the text engine, for `analyze`. Defaults: see `TextSettings`.
struct TextOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Similarity (0–1) at which two duties count as the same duty (OVL002).",
                               valueName: "score"))
    var overlapThreshold: Double = TextSettings().overlapThreshold

    @Option(help: ArgumentHelp("Score (0–1) a mandate must reach to be inferred for a duty without mandate=.",
                               valueName: "score"))
    var inferenceThreshold: Double = TextSettings().inferenceThreshold

    @Option(help: ArgumentHelp("Score (0–1) an inferred mandate needs to count as a lead in an overlap (OVL001, OVL003).",
                               valueName: "score"))
    var conflictThreshold: Double = TextSettings().conflictThreshold

    @Flag(help: "Do not infer mandates for duties that name none.")
    var noInference = false

    @Option(help: ArgumentHelp("Share (0–1) of a unit's duties found in another unit for a merge candidate (OVL003).",
                               valueName: "ratio"))
    var mergeRatio: Double = TextSettings().mergeRatio

    @Option(help: "How near-duplicate candidates are found: prefix (fast, exact) or brute-force (all pairs, for checking).")
    var join: SimilarityJoin.Mode = .prefixFilter

    func validate() throws {
        for (name, value) in [("--overlap-threshold", overlapThreshold), ("--inference-threshold", inferenceThreshold),
                              ("--conflict-threshold", conflictThreshold),
                              ("--merge-ratio", mergeRatio)] where !(0...1).contains(value) || !value.isFinite {
            throw ValidationError("\(name) must be between 0 and 1.")
        }
    }

    var settings: TextSettings {
        TextSettings(overlapThreshold: overlapThreshold, inferenceThreshold: inferenceThreshold,
                     conflictThreshold: conflictThreshold, inferMandates: !noInference, mergeRatio: mergeRatio, join: join)
    }
}

extension SimilarityJoin.Mode: ExpressibleByArgument {}
