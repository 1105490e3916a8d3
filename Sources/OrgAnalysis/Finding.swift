import OrgModel

/// How serious a finding is.
public enum Severity: String, CaseIterable, Sendable, Codable, Comparable {
    /// Breaks a norm or the directive outright.
    case error
    /// Needs a look; often a breach, sometimes a justified exception.
    case warning
    /// For information.
    case info

    /// error < warning < info: the order reports list them in.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }
}

/// How firmly a finding stands: on what the chart says, or only on what the text engine inferred.
public enum Confidence: String, CaseIterable, Sendable, Codable {
    /// The chart itself (explicit assignments, figures, observed text) shows it.
    case confirmed
    /// It rests only on inferred mandate assignments: a reviewer must check it before it counts.
    case toVerify = "to-verify"
}

/// One figure of a finding's evidence.
public enum EvidenceValue: Hashable, Sendable, Codable {
    /// A count or amount.
    case int(Int)
    /// A ratio or score.
    case number(Double)
    /// A word or id.
    case text(String)
    /// Yes or no.
    case bool(Bool)
    /// Several words or ids.
    case list([String])
}

/// One thing wrong with the organisation, with the evidence for it. A value: rules return findings,
/// they never throw them.
public struct Finding: Hashable, Sendable, Codable {
    /// The rule that found it.
    public var rule: RuleID
    /// How serious.
    public var severity: Severity
    /// The units involved, sorted by id.
    public var units: [UnitID]
    /// The duties involved, sorted by id.
    public var duties: [DutyID]
    /// The mandate involved, if any.
    public var mandate: MandateID?
    /// What is wrong, in both languages.
    public var message: LocalizedText
    /// The figures that triggered it, by name.
    public var evidence: [String: EvidenceValue]
    /// Where the main unit or duty is written, so that an editor can jump to it.
    public var location: SourceLocation?
    /// Whether the chart shows it or only inference does; to-verify findings are reported apart and take
    /// no part in totals, tallies, scores or `--fail-on`.
    public var confidence: Confidence
    /// The first day of a regime not yet in force on the date applied, under which this breach appears
    /// (or worsens): a look-ahead finding, reported apart and not counted as current. Nil for today's.
    public var effectiveFrom: ChartDate?

    /// A finding; `units` and `duties` are sorted here so that output never depends on rule internals.
    public init(
        rule: RuleID, severity: Severity, units: [UnitID], duties: [DutyID] = [], mandate: MandateID? = nil,
        message: LocalizedText, evidence: [String: EvidenceValue] = [:], location: SourceLocation? = nil,
        confidence: Confidence = .confirmed, effectiveFrom: ChartDate? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.units = units.sorted()
        self.duties = duties.sorted()
        self.mandate = mandate
        self.message = message
        self.evidence = evidence
        self.location = location
        self.confidence = confidence
        self.effectiveFrom = effectiveFrom
    }

    /// Counts today: confirmed and under the regime in force. Only these make totals, tallies, scores
    /// and the exit status.
    public var isCountable: Bool { confidence == .confirmed && effectiveFrom == nil }

    /// The units the evidence holds responsible for fixing it (`responsibleUnit`, a text or a list), which
    /// tallies charge besides ``units``.
    public var responsibleUnits: [UnitID] {
        switch evidence["responsibleUnit"] {
        case .text(let id): [UnitID(id)]
        case .list(let ids): ids.map { UnitID($0) }
        default: []
        }
    }

    /// A breach that starts under a regime not yet in force.
    public var isUpcoming: Bool { effectiveFrom != nil }

    /// Current, but resting only on inference.
    public var isToVerify: Bool { effectiveFrom == nil && confidence == .toVerify }

    /// The rule's stable code (`ACC001`), as reports print it.
    public var code: String { rule.rawValue }

    /// The order of the spec: severity (error first), code, first unit id; then the rest of the units,
    /// duties, mandate and message, so that the order is total and output is byte-identical run to run.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.units != rhs.units { return lhs.units.lexicographicallyPrecedes(rhs.units) }
        if lhs.duties != rhs.duties { return lhs.duties.lexicographicallyPrecedes(rhs.duties) }
        if lhs.mandate != rhs.mandate { return (lhs.mandate?.rawValue ?? "") < (rhs.mandate?.rawValue ?? "") }
        if lhs.effectiveFrom != rhs.effectiveFrom {
            return (lhs.effectiveFrom?.description ?? "") < (rhs.effectiveFrom?.description ?? "")
        }
        return lhs.message.en < rhs.message.en
    }

    /// ``reportOrder(_:_:)`` of the findings at `lhs` and `rhs`, read in place: called with two findings of
    /// an array, it copied both (every string and array they hold retained and released) at every comparison.
    static func reportOrder(_ lhs: UnsafePointer<Finding>, _ rhs: UnsafePointer<Finding>) -> Bool {
        if lhs.pointee.severity != rhs.pointee.severity { return lhs.pointee.severity < rhs.pointee.severity }
        if lhs.pointee.rule != rhs.pointee.rule { return lhs.pointee.rule < rhs.pointee.rule }
        if lhs.pointee.units != rhs.pointee.units { return lhs.pointee.units.lexicographicallyPrecedes(rhs.pointee.units) }
        return reportOrder(lhs.pointee, rhs.pointee)
    }
}
