import Foundation

/// Which texts are word-for-word copies of an earlier one: a chart repeats its standard duties (every
/// division's "other tasks the director assigns", the same duties in every province), and what the text
/// engine computes from a text's bytes alone (its features, its object and actions, its nature in a kind
/// of unit, its best mandate at a level) is then computed once for all the copies.
///
/// Copies are the same bytes as written, not texts Swift calls equal (a decomposed copy is another
/// text): the engine reads bytes, and two byte strings that are equal read the same.
struct TextCopies: Sendable {
    /// Per text: the index of the first text with the same bytes (itself for that first one), or -1 for a
    /// text no other repeats.
    let first: [Int32]

    /// Finds the copies among `count` texts, each read as bytes by `withBytes(index, body)` (valid only
    /// during the call): the texts are first copied into one buffer, then found as ``init(count:parts:span:)``
    /// finds them.
    init(count: Int, parts: Int? = nil, hash: (UnsafeBufferPointer<UInt8>) -> UInt64 = TextCopies.hash,
         withBytes: (Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        var bytes: [UInt8] = [], ends: [Int] = []
        for index in 0..<count {
            withBytes(index) { bytes.append(contentsOf: $0) }
            ends.append(bytes.count)
        }
        self = bytes.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            return TextCopies(count: count, parts: parts, hash: hash) { index in
                UnsafeBufferPointer(rebasing: buffer[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
            }
        }
    }

    /// Finds the copies among `count` texts, text `index` being the bytes `span(index)`, which must stay
    /// valid until this returns (a duty's text in its import's arena, whose chunks never move): one hash of
    /// each text's bytes, and a comparison of the bytes with the first text of the same hash.
    ///
    /// On every core: the spans and hashes in contiguous parts, then the texts split by hash into as many
    /// parts, each with its own table and read in order (copies share a hash, so a text and its first copy
    /// always fall in the same part, and the result is the same on one core or many). `span` is called from
    /// several threads at once, once per text: it must only read. `parts` (for tests) overrides the number
    /// of parts, and `hash` (for tests: one that makes every text collide) the hash. The texts are compared
    /// through the spans gathered in the first pass (reading them again through the model for each of a
    /// national chart's 900,000 copies retained and released its arrays).
    init(count: Int, parts: Int? = nil, hash: (UnsafeBufferPointer<UInt8>) -> UInt64 = TextCopies.hash,
         span: (Int) -> UnsafeBufferPointer<UInt8>) {
        let parts = max(1, parts ?? (count < 4096 ? 1 : min(8, ProcessInfo.processInfo.activeProcessorCount)))
        // Every buffer of a value per text is first written by the part that fills it, on every core (the
        // kernel zeroes a fresh page at its first touch: filling them with a default on one thread first
        // made that thread alone wait for a national chart's 28 MB of them).
        var first: [Int32] = []
        var spans: [UnsafeBufferPointer<UInt8>] = []
        let hashes = [UInt64](unsafeUninitializedCapacity: count) { hashBuffer, hashesMade in
            spans = [UnsafeBufferPointer<UInt8>](unsafeUninitializedCapacity: count) { spanBuffer, spansMade in
                first = [Int32](unsafeUninitializedCapacity: count) { firstBuffer, firstsMade in
                    withoutActuallyEscaping(span) { span in
                        withoutActuallyEscaping(hash) { hash in
                            nonisolated(unsafe) let (span, hash, hashes, spans, first) = (span, hash, hashBuffer, spanBuffer, firstBuffer)
                            let size = (count + parts - 1) / parts
                            DispatchQueue.concurrentPerform(iterations: parts) { part in
                                for index in min(count, part * size)..<min(count, (part + 1) * size) {
                                    (spans.baseAddress! + index).initialize(to: span(index))
                                    (hashes.baseAddress! + index).initialize(to: hash(spans[index]))
                                    (first.baseAddress! + index).initialize(to: -1)
                                }
                            }
                        }
                    }
                    firstsMade = count
                }
                spansMade = count
            }
            hashesMade = count
        }
        hashes.withUnsafeBufferPointer { hashBuffer in
            spans.withUnsafeBufferPointer { spanBuffer in
                first.withUnsafeMutableBufferPointer { firstBuffer in
                    nonisolated(unsafe) let hashes = hashBuffer, spans = spanBuffer, first = firstBuffer
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        Self.findCopies(part: part, of: parts, hashes: hashes, spans: spans, first: first)
                    }
                }
            }
        }
        self.first = first
    }

    /// The copies among the texts whose hash falls in `part`: each text's first copy written to `first`
    /// (itself for a first text another repeats, -1 for a text no other repeats).
    private static func findCopies(part: Int, of parts: Int, hashes: UnsafeBufferPointer<UInt64>,
                                   spans: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
                                   first: UnsafeMutableBufferPointer<Int32>) {
        let count = hashes.count
        let mine = { (index: Int) in Int(truncatingIfNeeded: hashes[index] >> 40) % parts == part }
        var members = 0
        for index in 0..<count where mine(index) { members += 1 }
        var slots = [Int32](repeating: -1, count: Self.slotCount(members))
        let mask = slots.count - 1
        // The first texts that another one repeats; the others are marked -1 at the end.
        var repeated = Set<Int32>()
        for index in 0..<count where mine(index) {
            let hash = hashes[index]
            var slot = Int(truncatingIfNeeded: hash) & mask
            var found = false
            while slots[slot] >= 0 {
                let earlier = Int(slots[slot])
                if hashes[earlier] == hash, Self.same(spans[earlier], spans[index]) {
                    first[index] = Int32(earlier)
                    repeated.insert(Int32(earlier))
                    found = true
                    break
                }
                slot = (slot + 1) & mask
            }
            if !found {
                slots[slot] = Int32(index)
                first[index] = Int32(index)
            }
        }
        for index in 0..<count where mine(index) && first[index] == Int32(index) && !repeated.contains(Int32(index)) {
            first[index] = -1
        }
    }

    /// The index of the first copy of text `index` (possibly itself), or nil when no other text repeats it.
    func of(_ index: Int) -> Int? {
        guard index < first.count, first[index] >= 0 else { return nil }
        return Int(first[index])
    }

    private static func same(_ stored: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        stored.count == bytes.count && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }

    /// A power of two at least twice `count` (at most half the slots used).
    private static func slotCount(_ count: Int) -> Int {
        var slots = 1 << 4
        while slots < 2 * count { slots <<= 1 }
        return slots
    }

    /// Eight bytes at a time, each word multiplied into the state and folded (no seed: equal hashes are
    /// only a hint, confirmed by comparing the bytes).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return IDTable.mix(state) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let product = (state ^ word).multipliedFullWidth(by: 0xff51_afd7_ed55_8ccd)
            state = product.high ^ product.low
            offset += 8
        }
        var tail: UInt64 = 0
        for position in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[position]) }
        return IDTable.mix(state ^ tail &* 0xc4ce_b9fe_1a85_ec53)
    }
}
