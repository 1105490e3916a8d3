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

    /// Finite numbers with at most 4 decimals and no trailing zeros; never exponent notation (whole from
    /// 10^14 up, `null` beyond 1.8 × 10^19 as for infinities).
    package static func format(_ value: Double) -> String {
        var bytes: [UInt8] = []
        format(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as ``format(_:)`` writes it, digit by digit (a national report writes a million
    /// numbers: as strings, each made four).
    package static func format(_ value: Double, into output: inout [UInt8]) {
        guard value.isFinite, value.magnitude < 1.8e19 else { return append("null", to: &output) }
        // From 10^14 up, a double holds no decimals worth writing (and the scaled value would leave Int).
        guard value.magnitude < 1e14 else {
            if value < 0 { output.append(UInt8(ascii: "-")) }
            return digits(of: UInt(value.magnitude.rounded()), into: &output)
        }
        let scaled = (value * 10_000).rounded()
        let magnitude = Int(abs(scaled))
        if scaled < 0, magnitude != 0 { output.append(UInt8(ascii: "-")) }
        digits(of: UInt(magnitude / 10_000), into: &output)
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return }
        output.append(UInt8(ascii: "."))
        var places = 4
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        var divisor = 1
        for _ in 1..<places { divisor *= 10 }
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    package static func integer(_ value: Int, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        digits(of: value.magnitude, into: &output)
    }

    /// Appends the decimal digits of `value`.
    private static func digits(of value: UInt, into output: inout [UInt8]) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: a UInt has at most 20 digits
        withUnsafeMutableBytes(of: &buffer) { digits in
            var rest = value, start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            output.append(contentsOf: digits[start...])
        }
    }
}
