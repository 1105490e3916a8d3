/// Positions of ids (units or duties, by their index in document order), keyed by hash values computed
/// in advance.
///
/// A national chart has about a million duties. Hashing their ids is the costly part of checking them
/// for duplicates, and the builders do it, on every core, as they read; what is left for the one thread
/// that checks is a probe in an open-addressing table of integers. Ids are compared with `==` whenever
/// their hashes agree, so the answers are those of a `Dictionary` keyed by the ids.
struct HashedIDTable {
    /// 0 for an empty slot; else 24 high bits of the hash above 40 bits of (the position + 1).
    private var slots: [UInt64]
    private let mask: Int
    private static let positionBits: UInt64 = 40
    private static let positionMask: UInt64 = (1 << positionBits) - 1

    /// A table for up to `capacity` ids (fewer than 2⁴⁰).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Adds `position` (its id hashing to `hash`) unless an equal id is there; returns that id's position.
    /// `isEqual(other)` says whether the id at `other` equals this one.
    mutating func insert(_ position: Int, hash: Int, isEqual: (Int) -> Bool) -> Int? {
        let tag = Self.tag(hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 {
                slots[slot] = tag << Self.positionBits | (UInt64(position + 1) & Self.positionMask)
                return nil
            }
            if entry >> Self.positionBits == tag {
                let other = Int(entry & Self.positionMask) - 1
                if isEqual(other) { return other }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The position of the id hashing to `hash` for which `isEqual` holds, if it is in the table.
    func position(hash: Int, isEqual: (Int) -> Bool) -> Int? {
        let tag = Self.tag(hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry >> Self.positionBits == tag {
                let other = Int(entry & Self.positionMask) - 1
                if isEqual(other) { return other }
            }
            slot = (slot + 1) & mask
        }
    }

    private static func tag(_ hash: Int) -> UInt64 {
        UInt64(bitPattern: Int64(hash)) >> positionBits
    }
}
