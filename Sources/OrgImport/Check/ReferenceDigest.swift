import OrgModel

/// What the reference checks need from every unit and duty, gathered by the builders as they read (on
/// every core for a split file), so that the single-threaded checks after the merge need not hash a
/// million ids again: the hash of each unit's and duty's id, and the set of mandate ids that duties
/// name.
struct ReferenceDigest {
    /// Stands for an empty id (not checked for uniqueness).
    static let emptyID = Int.min

    /// For every unit in document order: its id's `hashValue`, or ``emptyID``.
    var unitIDHashes: [Int] = []

    /// For every duty in document order (units in order, each unit's duties in order): its id's
    /// `hashValue`, or ``emptyID``.
    var dutyIDHashes: [Int] = []
    /// Whether ``dutyIDHashes`` stayed in document order (a duty written after its unit's sub-units is
    /// appended out of that order; the checks then hash the ids themselves).
    var dutyIDHashesInOrder = true
    /// Every mandate id that a duty names.
    var mandateReferences: Set<MandateID> = []

    /// The entry for `id` in ``unitIDHashes`` or ``dutyIDHashes``.
    static func hash<Tag>(of id: Identifier<Tag>) -> Int {
        guard !id.rawValue.isEmpty else { return emptyID }
        let hash = id.hashValue
        return hash == emptyID ? emptyID + 1 : hash  // equal ids still agree
    }

    /// Records a duty of the unit being read; `inOrder` is false when the duty's unit is not the last
    /// unit read.
    mutating func addDuty(id: DutyID, mandate: MandateID?, inOrder: Bool) {
        if inOrder { dutyIDHashes.append(Self.hash(of: id)) } else { dutyIDHashesInOrder = false }
        if let mandate { mandateReferences.insert(mandate) }
    }

    /// Appends `other`'s entries from its `skippingUnits`-th unit and `skippingDuties`-th duty on (a part of
    /// a split file after its synthetic elements).
    mutating func append(_ other: ReferenceDigest, skippingUnits: Int = 0, skippingDuties: Int = 0) {
        unitIDHashes.append(contentsOf: other.unitIDHashes.dropFirst(skippingUnits))
        dutyIDHashes.append(contentsOf: other.dutyIDHashes.dropFirst(skippingDuties))
        dutyIDHashesInOrder = dutyIDHashesInOrder && other.dutyIDHashesInOrder
        mandateReferences.formUnion(other.mandateReferences)
    }
}
