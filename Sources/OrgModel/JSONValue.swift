/// A JSON value whose objects keep their keys in the order written, so that reports read top-down
/// (schemaVersion, chart, summary, findings) and are byte-identical from run to run.
public indirect enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A number, written with up to 4 decimals (similarity scores, ratios).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object with ordered keys.
    case object([(String, JSONValue)])

    /// Two values are equal when they serialise to the same text.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Hashes the serialised text.
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Pretty-printed with two-space indents and a final newline; non-ASCII written as UTF-8.
    public func serialized() -> String {
        var output = ""
        write(to: &output, indent: 0)
        output.append("\n")
        return output
    }

    /// Appends the value to `output` as ``serialized()`` writes it, nested `indent` spaces deep (for
    /// reporters that stream a document too large to build as one value). The text is that of
    /// ``write(to:indent:)-(inout [UInt8],_)``, made as bytes.
    package func write(to output: inout String, indent: Int) {
        var bytes: [UInt8] = []
        write(to: &bytes, indent: indent)
        output.append(String(decoding: bytes, as: UTF8.self))
    }

    /// True for a value written on one line (not an array or an object).
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Appends `text` to `output` as a JSON string: quoted, with quotes, backslashes, control characters
    /// and U+2028/U+2029 escaped.
    package static func quote(_ text: String, into output: inout String) {
        var bytes: [UInt8] = []
        quote(text, into: &bytes)
        output.append(String(decoding: bytes, as: UTF8.self))
    }

    /// Finite numbers with at most 4 decimals and no trailing zeros; never exponent notation.
    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let scaled = (value * 10_000).rounded()
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        var text = String(magnitude / 10_000)
        var fraction = String(magnitude % 10_000)
        if magnitude % 10_000 != 0 {
            fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return (negative && magnitude != 0 ? "-" : "") + text
    }
}
