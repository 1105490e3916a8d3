/// A typed identifier: a unit id cannot be passed where a duty id is expected.
///
/// `Tag` is a phantom type (``Unit``, ``Duty``, ``Mandate``); only the raw string is stored.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The id as written in the source file.
    public let rawValue: String

    /// Wraps an id as written in the source file.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Allows `"snv.tcbc"` where a typed id is expected (tests and examples).
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Decodes from a bare JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as a bare JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Ordering is by code units, so that it never depends on the locale.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8) }

    /// The raw id.
    public var description: String { rawValue }
}

/// The id of a ``Unit``.
public typealias UnitID = Identifier<Unit>
/// The id of a ``Duty``.
public typealias DutyID = Identifier<Duty>
/// The id of a ``Mandate``.
public typealias MandateID = Identifier<Mandate>
