/// What the text engine runs with: the thresholds of the parameters that the engine and the overlap
/// rules declare (``TextAnalysis/parameters``, ``DuplicateDutyRule``, ``LeadConflictRule``), and how it
/// searches. The defaults were chosen by measurement on the labelled sets under
/// `Tests/OrgAnalysisTests/Fixtures` (`scripts/eval-similarity` prints the sweep they came from).
public struct TextSettings: Sendable, Hashable {
    /// Overlap score (``OverlapModel``) at or above which two duties say the same thing (OVL002).
    public var overlapThreshold: Double
    /// The models of the overlap score (their threshold is set from `overlapThreshold`).
    public var model: OverlapScorer
    /// Score at or above which a duty without `mandate` is assigned the best-matching mandate.
    public var inferenceThreshold: Double
    /// Score an inferred assignment needs to make a unit count as a lead in a conflict.
    public var conflictThreshold: Double
    /// Whether duties without `mandate` get one inferred at all.
    public var inferMandates: Bool
    /// How candidate pairs are found.
    public var join: SimilarityJoin.Mode
    /// Candidate pairs the similarity join may verify before it gives up.
    public var maxCandidates: Int
    /// The vocabulary duties and mandates are read through (the shipped thesaurus unless told otherwise;
    /// empty: as written).
    public var thesaurus: Thesaurus

    /// The declared defaults, or the values given.
    public init(
        overlapThreshold: Double = DuplicateDutyRule.overlapThreshold.standardDefault,
        inferenceThreshold: Double = TextAnalysis.inferenceThreshold.standardDefault,
        conflictThreshold: Double = LeadConflictRule.conflictThreshold.standardDefault,
        inferMandates: Bool = TextAnalysis.inferMandates.standardDefault,
        join: SimilarityJoin.Mode = .prefixFilter, maxCandidates: Int = 50_000_000, thesaurus: Thesaurus = .shipped,
        model: OverlapScorer = .shipped
    ) {
        self.thesaurus = thesaurus
        self.model = model
        self.overlapThreshold = overlapThreshold
        self.inferenceThreshold = inferenceThreshold
        self.conflictThreshold = conflictThreshold
        self.inferMandates = inferMandates
        self.join = join
        self.maxCandidates = maxCandidates
    }

    /// The engine's settings under `settings`, searching as `configuration` says.
    public init(_ settings: RuleSettings, _ configuration: AnalysisConfiguration) {
        self.init(overlapThreshold: settings[DuplicateDutyRule.overlapThreshold].value,
                  inferenceThreshold: settings[TextAnalysis.inferenceThreshold].value,
                  conflictThreshold: settings[LeadConflictRule.conflictThreshold].value,
                  inferMandates: settings[TextAnalysis.inferMandates].value,
                  join: configuration.join, maxCandidates: configuration.maxCandidates,
                  thesaurus: configuration.thesaurus)
    }
}
