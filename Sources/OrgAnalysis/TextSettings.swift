/// The thresholds of the text engine. Defaults were chosen by measurement on the labelled sets under
/// `Tests/OrgAnalysisTests/Fixtures` (`scripts/eval-similarity` prints the sweep they came from).
public struct TextSettings: Sendable, Hashable {
    /// Cosine at or above which two duties say the same thing (OVL002).
    public var overlapThreshold: Double
    /// Score at or above which a duty without `mandate` is assigned the best-matching mandate.
    public var inferenceThreshold: Double
    /// Score an inferred assignment needs to make a unit count as a lead in a conflict (OVL001, OVL003):
    /// claiming an overlap on inferred grounds needs stronger evidence than counting a mandate as covered
    /// (precision 0.95 on the labelled set at 0.45, against 0.87 at the inference threshold).
    public var conflictThreshold: Double
    /// Whether duties without `mandate` get one inferred at all.
    public var inferMandates: Bool
    /// Share of the smaller unit's duties that must be matched in the other unit (OVL003).
    public var mergeRatio: Double
    /// Matched duties needed at least (OVL003).
    public var mergeMinimumShared: Int
    /// How candidate pairs are found.
    public var join: SimilarityJoin.Mode
    /// Candidate pairs the similarity join may verify before it gives up (a chart whose duties are
    /// nearly all alike would otherwise take hours and all memory); a national chart needs a few million.
    public var maxCandidates: Int

    /// The measured defaults.
    public init(
        overlapThreshold: Double = 0.55, inferenceThreshold: Double = 0.25, conflictThreshold: Double = 0.45,
        inferMandates: Bool = true,
        mergeRatio: Double = 0.6, mergeMinimumShared: Int = 3, join: SimilarityJoin.Mode = .prefixFilter,
        maxCandidates: Int = 50_000_000
    ) {
        self.maxCandidates = maxCandidates
        self.overlapThreshold = overlapThreshold
        self.inferenceThreshold = inferenceThreshold
        self.conflictThreshold = conflictThreshold
        self.inferMandates = inferMandates
        self.mergeRatio = mergeRatio
        self.mergeMinimumShared = mergeMinimumShared
        self.join = join
    }
}
