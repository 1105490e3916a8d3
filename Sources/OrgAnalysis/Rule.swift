import Foundation
import OrgModel

/// What a rule sees: the graph (read-only) and the configuration in force.
public struct RuleContext: Sendable {
    /// The chart as a graph.
    public let graph: DutyGraph
    /// The configuration in force.
    public let configuration: AnalysisConfiguration
    /// Near-duplicate duties and every duty's mandate (explicit or inferred).
    public let text: TextAnalysis
    /// Every parameter's value in force (regime, province category, rules file, options).
    public let settings: RuleSettings
    /// The chart was read from the province's decisions (``DutyGraph/isReadFromDecisions``), computed once.
    public let isReadFromDecisions: Bool
    /// What several rules derive from the graph, made once by the first that asks.
    private let shared = SharedDerivations()

    /// A context.
    public init(graph: DutyGraph, configuration: AnalysisConfiguration, text: TextAnalysis, settings: RuleSettings) {
        self.graph = graph
        self.configuration = configuration
        self.text = text
        self.settings = settings
        self.isReadFromDecisions = graph.isReadFromDecisions
    }

    /// The regime and province category in force.
    public var norms: NormContext { settings.norms }

    /// Who must fix a gap (``GapResponsibility``): GAP001 and GAP002 both ask, side by side; the first
    /// makes it (reading every department's functions text) and the other waits for it, unless
    /// ``beginGapResponsibility()`` has begun it.
    var gapResponsibility: GapResponsibility { shared.gapResponsibility(graph) }

    /// Begins making ``gapResponsibility`` on a worker thread of its own, before the rules run: made by
    /// the first rule that asks, inside the rules' pool, its reading of the departments' functions ran on
    /// one core (libdispatch runs a nested `concurrentPerform` serially) while the other rule waited.
    func beginGapResponsibility() { shared.begin(graph) }
}

/// Results derived from the graph that more than one rule reads, made once under a lock.
private final class SharedDerivations: @unchecked Sendable {
    private let lock = NSLock()
    private var responsibility: GapResponsibility?
    private var pending: Pending<GapResponsibility>?

    func begin(_ graph: DutyGraph) {
        lock.withLock {
            guard responsibility == nil, pending == nil else { return }
            pending = Pending { GapResponsibility(graph: graph) }
        }
    }

    func gapResponsibility(_ graph: DutyGraph) -> GapResponsibility {
        lock.withLock {
            if let responsibility { return responsibility }
            let made = pending?.value() ?? GapResponsibility(graph: graph)
            responsibility = made
            pending = nil
            return made
        }
    }
}

/// A check over the duty graph. One rule per file under `Rules/<Family>/`; rules read the graph and
/// never change it. A rule's file holds everything about it: its description (documentation and test
/// specification), its parameters with their legal defaults, and the evidence keys it emits with their
/// labels. Nothing else names the rule by its code.
public protocol Rule: Sendable {
    /// The rule's documentation and examples.
    static var description: RuleDescription { get }
    /// The thresholds the rule reads from ``RuleContext/settings``, declared in the rule's file.
    static var parameters: [any AnyRuleParameter] { get }
    /// Every key the rule puts in its findings' evidence, with its labels.
    static var evidence: [EvidenceKey] { get }
    /// What the Word report recommends for each finding: who leads the fix and what must change.
    static var remedy: Remedy { get }
    /// Every finding of this rule on the chart, with the rule's configured severity applied by the runner.
    func check(_ context: RuleContext) -> [Finding]
    /// True when the rule reads ``RuleContext/gapResponsibility``: the runner then begins making it before
    /// the rules run (``RuleContext/beginGapResponsibility()``).
    static var readsGapResponsibility: Bool { get }
    /// A rule with its default settings.
    init()
}

extension Rule {
    /// No parameters unless the rule declares some.
    public static var parameters: [any AnyRuleParameter] { [] }

    /// Most rules do not ask who must fix a gap.
    public static var readsGapResponsibility: Bool { false }

    /// The rule's identity, as its findings carry it.
    public static var id: RuleID { RuleID(rawValue: description.code) }

    /// Shorthand for the rule's code.
    public static var code: String { description.code }

    /// A finding of this rule at its default severity (the runner applies a configured one).
    static func finding(
        severity: Severity? = nil, units: [UnitID], duties: [DutyID] = [], mandate: MandateID? = nil,
        message: LocalizedText, evidence: [String: EvidenceValue] = [:], location: SourceLocation? = nil,
        confidence: Confidence = .confirmed
    ) -> Finding {
        Finding(rule: id, severity: severity ?? description.defaultSeverity, units: units, duties: duties,
                mandate: mandate, message: message, evidence: evidence, location: location, confidence: confidence)
    }
}
