import OrgAnalysis
import OrgModel

/// The identity of a finding across reviews: its rule and the ids it concerns (units, duties, mandate),
/// never its message or figures, so that the same problem is the same record when the wording or the
/// evidence changes. Ids renamed between two chart versions are mapped first.
public struct FindingFingerprint: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `CODE|unit,unit|duty,duty|mandate`, ids sorted.
    public let canonical: String

    /// The fingerprint of `finding`, with `renames` (old id → new id) applied to its ids.
    public init(_ finding: Finding, renames: [String: String] = [:]) {
        func mapped(_ id: String) -> String { renames[id] ?? id }
        let units = finding.units.map { mapped($0.rawValue) }.sorted().joined(separator: ",")
        let duties = finding.duties.map { mapped($0.rawValue) }.sorted().joined(separator: ",")
        canonical = [finding.code, units, duties, finding.mandate.map { mapped($0.rawValue) } ?? ""].joined(separator: "|")
    }

    /// A fingerprint read back from the register.
    public init(canonical: String) { self.canonical = canonical }

    /// The same fingerprint with `renames` (old id → new id) applied to its ids, re-sorted.
    public func renamed(_ renames: [String: String]) -> FindingFingerprint {
        let parts = canonical.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 else { return self }
        func mapped(_ list: String) -> String {
            list.split(separator: ",").map { renames[String($0)] ?? String($0) }.sorted().joined(separator: ",")
        }
        return FindingFingerprint(canonical: [parts[0], mapped(parts[1]), mapped(parts[2]),
                                              parts[3].isEmpty ? "" : renames[parts[3]] ?? parts[3]].joined(separator: "|"))
    }

    /// The short form a user types (`track waive`): 12 hexadecimal digits of a 64-bit FNV-1a hash of the
    /// canonical form, stable across platforms and runs.
    public var short: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12))
    }

    public var description: String { canonical }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.canonical < rhs.canonical }
}
