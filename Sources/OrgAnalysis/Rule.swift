import OrgModel

/// What a rule sees: the graph (read-only) and the configuration in force.
public struct RuleContext: Sendable {
    /// The chart as a graph.
    public let graph: DutyGraph
    /// The configuration in force.
    public let configuration: AnalysisConfiguration
    /// Near-duplicate duties and every duty's mandate (explicit or inferred).
    public let text: TextAnalysis
    /// The staffing norms in force (regime, province category, rules-file overrides).
    public let norms: StaffingNorms

    /// A context.
    public init(graph: DutyGraph, configuration: AnalysisConfiguration, text: TextAnalysis, norms: StaffingNorms) {
        self.graph = graph
        self.configuration = configuration
        self.text = text
        self.norms = norms
    }
}

/// A check over the duty graph. One rule per file under `Rules/<Family>/`; rules read the graph and
/// never change it.
public protocol Rule: Sendable {
    /// The rule's documentation and examples.
    static var description: RuleDescription { get }
    /// Every finding of this rule on the chart, with the rule's configured severity applied by the runner.
    func check(_ context: RuleContext) -> [Finding]
    /// A rule with its default settings.
    init()
}

extension Rule {
    /// Shorthand for the rule's code.
    public static var code: String { description.code }
}
