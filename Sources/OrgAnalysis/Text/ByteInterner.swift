import Foundation

/// Interns byte strings (words as written) as dense ids: open addressing over a byte arena, so that a
/// word seen before costs one hash and one comparison, with no `String` made.
struct ByteInterner {
    private var slots = [Int32](repeating: -1, count: 1 << 12)
    private var hashes: [UInt64] = []
    private var starts: [Int] = [0]
    private var arena: [UInt8] = []

    /// The id of `bytes`, or -1.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            if hashes[Int(id)] == hash, equal(Int(id), bytes) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Adds `bytes` (not present) and returns its id.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let id = Int32(hashes.count)
        let hash = Self.hash(bytes)
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        place(id, hash: hash)
        return id
    }

    private func equal(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], end = starts[id + 1]
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            bytes.count == 0 || memcmp(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for id in hashes.indices { place(Int32(id), hash: hashes[id]) }
    }

    /// FNV-1a, then a final mix so that the low bits (the slot) depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return IDTable.mix(hash)
    }
}
