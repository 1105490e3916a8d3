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
    /// reporters that stream a document too large to build as one value).
    package func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .int(let value): output.append(String(value))
        case .number(let value): output.append(Self.format(value))
        case .string(let value): Self.quote(value, into: &output)
        case .array(let values):
            guard !values.isEmpty else { return output.append("[]") }
            if values.allSatisfy(\.isScalar) {
                output.append("[")
                for (offset, value) in values.enumerated() {
                    if offset > 0 { output.append(", ") }
                    value.write(to: &output, indent: indent)
                }
                output.append("]")
                return
            }
            output.append("[\n")
            for (offset, value) in values.enumerated() {
                Self.indent(indent + 2, into: &output)
                value.write(to: &output, indent: indent + 2)
                output.append(offset == values.count - 1 ? "\n" : ",\n")
            }
            Self.indent(indent, into: &output)
            output.append("]")
        case .object(let members):
            guard !members.isEmpty else { return output.append("{}") }
            output.append("{\n")
            for (offset, member) in members.enumerated() {
                Self.indent(indent + 2, into: &output)
                Self.quote(member.0, into: &output)
                output.append(": ")
                member.1.write(to: &output, indent: indent + 2)
                output.append(offset == members.count - 1 ? "\n" : ",\n")
            }
            Self.indent(indent, into: &output)
            output.append("}")
        }
    }

    /// The runs of spaces a line starts with, up to 64 (a report nests a few levels deep).
    private static let indents = (0...64).map { String(repeating: " ", count: $0) }

    /// Appends `count` spaces, with no string made for them (a report writes one run per line).
    package static func indent(_ count: Int, into output: inout String) {
        var left = count
        while left > 0 {
            let step = min(left, 64)
            output.append(indents[step])
            left -= step
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Appends `text` to `output` as a JSON string: quoted, with quotes, backslashes, control characters
    /// and U+2028/U+2029 escaped.
    package static func quote(_ text: String, into output: inout String) {
        output.append("\"")
        if !needsEscaping(text) {
            output.append(text)
            output.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }

    /// True when `text` holds a quote, a backslash, a control character or U+2028/U+2029.
    private static func needsEscaping(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        while let byte = utf8.next() {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
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
