import OrgModel
import Testing

/// Numbers in a JSON report are written digit by digit into its bytes: the text must be the one written
/// through strings before (at most 4 decimals, no trailing zeros, never exponent notation).
@Suite("JSON numbers")
struct JSONNumberTests {
    /// The formatting through strings that the bytes replace.
    static func reference(_ value: Double) -> String {
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

    @Test("Every number reads as the strings wrote it: edges, rounding, zeros inside the decimals, random values")
    func sameText() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 0.00004, -0.00004, 0.00005, -0.00005, 0.0001, 0.0005, 0.005,
                                0.05, 0.1, 0.12345, 9.99995, 10, 100.0001, 123_456_789.0625, 99_999_999_999_999.9,
                                .infinity, -.infinity, .nan, Double(Int32.max), 0.30000000000000004]
        var state: UInt64 = 41
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let unit = Double(state >> 11) / Double(1 << 53)
            let scale = [1.0, 10, 1000, 1e6, 1e9][Int(state % 5)]
            values.append((unit - 0.3) * scale)
            values.append(((unit - 0.3) * scale * 10_000).rounded() / 10_000)
        }
        for value in values {
            var bytes: [UInt8] = []
            JSONValue.format(value, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.reference(value), "\(value)")
            #expect(JSONValue.format(value) == Self.reference(value), "\(value)")
            #expect(JSONValue.number(value).serialized() == Self.reference(value) + "\n")
        }
    }

    @Test("Beyond 10^14, whole numbers (where the strings stopped the program); beyond 1.8 x 10^19, null")
    func huge() {
        for (value, text) in [(1e15, "1000000000000000"), (-1e15, "-1000000000000000"), (123_456_789_012_345.6, "123456789012346"),
                              (1.7e19, "17000000000000000000"), (1e20, "null"), (-1e300, "null")] {
            #expect(JSONValue.format(value) == text)
        }
    }

    @Test("Integers read as String(_:) writes them", arguments: [0, 1, -1, 9, 10, -10, 1_000_000, Int.max, Int.min, Int(Int32.min)])
    func integers(value: Int) {
        var bytes: [UInt8] = []
        JSONValue.integer(value, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        #expect(JSONValue.int(value).serialized() == String(value) + "\n")
    }
}
