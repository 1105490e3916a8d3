/// One duty (nhiệm vụ) of a unit.
public struct Duty: Hashable, Sendable, Codable {
    /// The duty's id: as written, or derived from the unit id and position (see ``isIDDerived``).
    public var id: DutyID
    /// True when the file gave no id and orgscope derived `UNIT#N` (N = 1-based position in the unit).
    public var isIDDerived: Bool
    /// The unit that carries the duty.
    public var unit: UnitID
    /// The text, NFC-normalised with white space collapsed.
    public var text: String
    /// The mandate it discharges, when the file says so.
    public var mandate: MandateID?
    /// Lead (chủ trì, the default) or support (phối hợp).
    public var role: DutyRole
    /// Where the duty is written in the unit's decision (`source`: "điểm b khoản 5 Điều 2 Quyết định số …").
    public var source: String?
    /// The catch-all clause ("các nhiệm vụ khác do … giao"), marked by `catchAll="true"`.
    public var isCatchAll: Bool
    /// Where the `duty` element starts.
    public var location: SourceLocation

    /// A duty as read from a file.
    public init(
        id: DutyID, isIDDerived: Bool = false, unit: UnitID, text: String,
        mandate: MandateID? = nil, role: DutyRole = .lead, source: String? = nil, isCatchAll: Bool = false,
        location: SourceLocation
    ) {
        self.id = id
        self.isIDDerived = isIDDerived
        self.unit = unit
        self.text = text
        self.mandate = mandate
        self.role = role
        self.source = source
        self.isCatchAll = isCatchAll
        self.location = location
    }

    /// The id orgscope gives the `position`-th (1-based) duty of `unit` when the file gives none.
    public static func derivedID(unit: UnitID, position: Int) -> DutyID {
        DutyID("\(unit.rawValue)#\(position)")
    }
}
