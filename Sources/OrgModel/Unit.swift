/// An organisational unit: committee, department, division, sub-department, public service unit, ...
public struct Unit: Hashable, Sendable, Codable {
    /// Unique in the chart.
    public var id: UnitID
    /// The unit's name, NFC-normalised.
    public var name: String
    /// The kind.
    public var kind: UnitKind
    /// The level as written (nil when inherited; see `DutyGraph.level(of:)`).
    public var declaredLevel: GovernmentLevel?
    /// The parent: the enclosing `unit` element, or the `parent` attribute of a top-level unit.
    public var parent: UnitID?
    /// True when ``parent`` came from a `parent` attribute rather than from nesting.
    public var parentIsReference: Bool
    /// When the unit was formed or reorganised (`reorganized`), if recorded.
    public var reorganized: ChartDate?
    /// The decision that founded the unit or last defined its functions (`decision`, `decisionDate`), if recorded:
    /// the decision a finding's recommendation says to amend.
    public var foundingDecision: DecisionReference?
    /// Head and deputy posts; nil when the file records no `leadership`.
    public var leadership: Leadership?
    /// One entry per staff category, in file order.
    public var staffing: [Staffing]
    /// Broad functions (chức năng).
    public var functions: [String]
    /// Duties (nhiệm vụ), in file order.
    public var duties: [Duty]
    /// Powers (quyền hạn).
    public var powers: [String]
    /// Where the `unit` element starts.
    public var location: SourceLocation

    /// A unit as read from a file.
    public init(
        id: UnitID, name: String, kind: UnitKind, declaredLevel: GovernmentLevel? = nil,
        parent: UnitID? = nil, parentIsReference: Bool = false, reorganized: ChartDate? = nil,
        foundingDecision: DecisionReference? = nil, leadership: Leadership? = nil,
        staffing: [Staffing] = [], functions: [String] = [], duties: [Duty] = [], powers: [String] = [],
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.declaredLevel = declaredLevel
        self.parent = parent
        self.parentIsReference = parentIsReference
        self.reorganized = reorganized
        self.foundingDecision = foundingDecision
        self.leadership = leadership
        self.staffing = staffing
        self.functions = functions
        self.duties = duties
        self.powers = powers
        self.location = location
    }

    /// The staffing entry of `category`, if the unit records one.
    public func staffing(_ category: StaffCategory) -> Staffing? {
        staffing.first { $0.category == category }
    }
}
