/// A restructuring proposal (đề án sắp xếp): operations applied to one chart in document order.
public struct Proposal: Hashable, Sendable {
    /// The proposal's id.
    public var id: String
    /// The id of the chart it applies to.
    public var chart: String
    /// Its title.
    public var title: String
    /// When it takes effect.
    public var effective: ChartDate?
    /// Why (free text).
    public var rationale: String?
    /// The operations, in order.
    public var operations: [ProposalOperation]
    /// Where the `proposal` element starts.
    public var location: SourceLocation

    /// A proposal.
    public init(id: String, chart: String, title: String, effective: ChartDate? = nil, rationale: String? = nil,
                operations: [ProposalOperation] = [], location: SourceLocation) {
        self.id = id
        self.chart = chart
        self.title = title
        self.effective = effective
        self.rationale = rationale
        self.operations = operations
        self.location = location
    }
}

/// One operation of a proposal, with where it is written.
public struct ProposalOperation: Hashable, Sendable {
    /// What it does.
    public var action: ProposalAction
    /// Where its element starts (errors name this line).
    public var location: SourceLocation

    /// An operation.
    public init(_ action: ProposalAction, at location: SourceLocation) {
        self.action = action
        self.location = location
    }
}

/// One part of a split.
public struct SplitPart: Hashable, Sendable {
    /// The new unit's id.
    public var id: UnitID
    /// Its name.
    public var name: String
    /// Its kind (the split unit's when absent).
    public var kind: UnitKind?
    /// The duties it takes.
    public var duties: [DutyID]
    /// The sub-units it takes (all go to the first part unless some part names them).
    public var subUnits: [UnitID]
    /// Its staffing, if given.
    public var staffing: [Staffing]
    /// Its leadership, if given.
    public var leadership: Leadership?

    /// A part.
    public init(id: UnitID, name: String, kind: UnitKind? = nil, duties: [DutyID] = [], subUnits: [UnitID] = [],
                staffing: [Staffing] = [], leadership: Leadership? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.duties = duties
        self.subUnits = subUnits
        self.staffing = staffing
        self.leadership = leadership
    }
}

/// The operations of proposal XML v1.
public enum ProposalAction: Hashable, Sendable {
    /// Merge `units` into `into` (a new id, or one of them).
    case merge(into: UnitID, units: [UnitID], name: String?, kind: UnitKind?, parent: UnitID?, deputies: Int?)
    /// Split `unit` into parts.
    case split(unit: UnitID, parts: [SplitPart])
    /// Move a duty to another unit, optionally changing its role.
    case transferDuty(duty: DutyID, to: UnitID, role: DutyRole?)
    /// Remove a unit; its duties go to `dutiesTo`, its people (and quota) to `staffTo`.
    case abolish(unit: UnitID, dutiesTo: UnitID?, staffTo: UnitID?)
    /// Re-parent a unit.
    case move(unit: UnitID, parent: UnitID)
    /// Change a unit's name.
    case rename(unit: UnitID, name: String)
    /// Set staffing figures (absent ones keep their values).
    case setStaffing(unit: UnitID, category: StaffCategory, quota: Int?, actual: Int?)
    /// Set leadership figures (absent ones keep their values).
    case setLeadership(unit: UnitID, heads: Int?, deputies: Int?, vacantHeads: Int? = nil)
    /// Create a duty.
    case addDuty(unit: UnitID, duty: DutyID, text: String, mandate: MandateID?, role: DutyRole)
    /// Remove a duty, with the reason.
    case dropDuty(duty: DutyID, reason: String)
}
