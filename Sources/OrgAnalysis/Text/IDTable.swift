/// A map from 64-bit keys to dense ids: open addressing, linear probing.
struct IDTable {
    private var keys = [UInt64](repeating: 0, count: 1 << 12)
    private var values = [Int32](repeating: -1, count: 1 << 12)
    private var used = 0

    func find(_ key: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & (keys.count - 1)
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    /// Adds `key` (not present).
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (used + 1) * 2 > keys.count { grow() }
        place(key, value)
        used += 1
    }

    private mutating func place(_ key: UInt64, _ value: Int32) {
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & (keys.count - 1)
        while values[slot] >= 0 { slot = (slot + 1) & (keys.count - 1) }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        for slot in oldKeys.indices where oldValues[slot] >= 0 { place(oldKeys[slot], oldValues[slot]) }
    }

    /// A 64-bit finaliser (splitmix64).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
