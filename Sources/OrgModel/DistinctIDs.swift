/// The distinct ids of a long stream in which a few hundred ids come back again and again (the mandates
/// that a million duties cite): a `Set`, fronted by a small table of the ids last seen in each of 512
/// slots, so that an id already there is recognised by one comparison instead of being hashed again
/// with SipHash (a third of the cost of reading a duty's mandate on a national chart).
///
/// The table only decides whether to skip an insertion that would change nothing: ``ids`` is exactly the
/// set of ids inserted, whatever the slots hold.
/// (Inlinable: generic code called from other modules would otherwise look up its type metadata at
/// every call.)
public struct DistinctIDs<Tag>: Sendable {
    /// Every id inserted, once.
    public private(set) var ids: Set<Identifier<Tag>> = []
    @usableFromInline var recent = [Identifier<Tag>?](repeating: nil, count: 512)

    /// An empty collection.
    public init() {}

    /// Adds `id` (nothing changes when it is there already).
    @inlinable
    public mutating func insert(_ id: Identifier<Tag>) {
        let slot = Self.slot(of: id)
        if let seen = recent[slot], seen == id { return }
        insertNew(id)
        recent[slot] = id
    }

    @usableFromInline
    mutating func insertNew(_ id: Identifier<Tag>) { ids.insert(id) }

    /// A slot for `id` from its length and first and last eight bytes (any function would be correct:
    /// this one tells apart ids that differ in a number at either end).
    @inlinable
    static func slot(of id: Identifier<Tag>) -> Int {
        var text = id.rawValue
        let mixed: UInt64 = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
            let count = bytes.count
            var head: UInt64 = 0, tail: UInt64 = 0
            if count >= 8 {
                head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
                tail = UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)
            } else {
                for index in 0..<count { head |= UInt64(base[index]) << (8 * UInt64(index)) }
            }
            return (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        }
        return Int(truncatingIfNeeded: ((mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 55)
    }
}
