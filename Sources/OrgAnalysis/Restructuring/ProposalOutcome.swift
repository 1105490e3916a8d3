import OrgModel

/// What applying a proposal did: the resulting chart and the annex tables of a tờ trình.
public struct ProposalOutcome: Sendable {
    /// A duty that changed unit.
    public struct DutyTransfer: Hashable, Sendable {
        /// The duty.
        public var duty: DutyID
        /// Its text.
        public var text: String
        /// Where it was.
        public var from: UnitID
        /// Where it went.
        public var to: UnitID
    }

    /// People (and their posts) that moved between units.
    public struct PeopleTransfer: Hashable, Sendable {
        /// From.
        public var from: UnitID
        /// To.
        public var to: UnitID
        /// Staff category.
        public var category: StaffCategory
        /// People in post moved.
        public var people: Int
        /// Quota moved with them.
        public var quota: Int
    }

    /// A duty removed with `dropDuty`.
    public struct DroppedDuty: Hashable, Sendable {
        /// The duty.
        public var duty: DutyID
        /// Its text.
        public var text: String
        /// The unit that had it.
        public var unit: UnitID
        /// Why.
        public var reason: String
    }

    /// The chart after the proposal.
    public var chart: OrgChart
    /// Duties that moved, in the order they moved (a duty moved twice appears twice).
    public var dutyTransfers: [DutyTransfer]
    /// People that moved.
    public var peopleTransfers: [PeopleTransfer]
    /// Units created, with their names.
    public var created: [(unit: UnitID, name: String)]
    /// Units removed, with their names.
    public var removed: [(unit: UnitID, name: String)]
    /// Duties dropped, with the reason.
    public var dropped: [DroppedDuty]
    /// Duties added.
    public var added: [DutyID]
    /// Duties whose role changed (lead ↔ support), with their unit after the operation.
    public var roleChanges: [(duty: DutyID, unit: UnitID, role: DutyRole)]
}
