import Glibc

extension String {
    /// Whether `other`'s UTF-8 bytes occur in this string's (each place its first byte occurs, by `memchr`,
    /// compared by `memcmp`).
    ///
    /// A quick first test before Foundation's `contains`/`range(of:)` (what those names pick with Foundation
    /// imported: a search by canonical equivalence costing some ten thousand instructions a call, asked
    /// for every finding's units). For NFC text, which everything the model holds is, strings that are not
    /// byte for byte inside one another are not canonically equivalent to a part of it either, so a `false`
    /// here is Foundation's answer too; only a `true` is confirmed by Foundation, keeping its answer exactly.
    func containsBytes(of other: String) -> Bool {
        var haystack = self, needle = other
        return haystack.withUTF8 { hay in needle.withUTF8 { ByteSearch.first(of: $0, in: hay) != nil } }
    }
}

/// Byte strings found in byte strings.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` (0 for an empty needle), or nil.
    static func first(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        haystack.withUnsafeBufferPointer { hay in needle.withUnsafeBufferPointer { first(of: $0, in: hay) } }
    }

    /// ``first(of:in:)`` over buffers: each place the needle's first byte occurs (by `memchr`), compared by
    /// `memcmp`.
    static func first(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard let hayBase = haystack.baseAddress, let pinBase = needle.baseAddress, haystack.count >= needle.count else {
            return nil
        }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            guard let found = memchr(hayBase + start, Int32(pinBase.pointee), last - start + 1) else { return nil }
            let offset = UnsafeRawPointer(found) - UnsafeRawPointer(hayBase)
            if memcmp(hayBase + offset, pinBase, needle.count) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }
}
