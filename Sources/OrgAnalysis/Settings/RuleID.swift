/// A rule's identity as findings carry it: its stable code, typed, so that code matching a finding to
/// a rule compares with the rule's own `id` (`finding.rule == LeadConflictRule.id`), never a string.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The code (`OVL001`).
    public let rawValue: String

    /// The identity of the rule with `rawValue` as its code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Codes sort as text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The code.
    public var description: String { rawValue }
}
