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
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard !pin.isEmpty else { return true }
                guard let hayBase = hay.baseAddress, let pinBase = pin.baseAddress, hay.count >= pin.count else { return false }
                var start = 0
                let last = hay.count - pin.count
                while start <= last {
                    guard let found = memchr(hayBase + start, Int32(pinBase.pointee), last - start + 1) else { return false }
                    let offset = UnsafeRawPointer(found) - UnsafeRawPointer(hayBase)
                    if memcmp(hayBase + offset, pinBase, pin.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}
