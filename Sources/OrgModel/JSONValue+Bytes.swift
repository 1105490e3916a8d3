/// JSON written as UTF-8 bytes: the same text as ``JSONValue/write(to:indent:)`` writes into a `String`,
/// for reports too large to build a piece at a time in strings (a `String` append checks its capacity,
/// its ASCII flag and its breadcrumbs at each of a national report's hundred million small pieces).
extension JSONValue {
    /// Appends the value to `output` as ``write(to:indent:)`` appends it to a string, byte for byte.
    package func write(to output: inout [UInt8], indent: Int) {
        switch self {
        case .null: Self.append("null", to: &output)
        case .bool(let value): Self.append(value ? "true" : "false", to: &output)
        case .int(let value): Self.integer(value, into: &output)
        case .number(let value): Self.format(value, into: &output)
        case .string(let value): Self.quote(value, into: &output)
        case .array(let values):
            guard !values.isEmpty else { return Self.append("[]", to: &output) }
            if values.allSatisfy(\.isScalar) {
                output.append(UInt8(ascii: "["))
                for (offset, value) in values.enumerated() {
                    if offset > 0 { Self.append(", ", to: &output) }
                    value.write(to: &output, indent: indent)
                }
                output.append(UInt8(ascii: "]"))
                return
            }
            Self.append("[\n", to: &output)
            for (offset, value) in values.enumerated() {
                Self.indent(indent + 2, into: &output)
                value.write(to: &output, indent: indent + 2)
                Self.append(offset == values.count - 1 ? "\n" : ",\n", to: &output)
            }
            Self.indent(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return Self.append("{}", to: &output) }
            Self.append("{\n", to: &output)
            for (offset, member) in members.enumerated() {
                Self.indent(indent + 2, into: &output)
                Self.quote(member.0, into: &output)
                Self.append(": ", to: &output)
                member.1.write(to: &output, indent: indent + 2)
                Self.append(offset == members.count - 1 ? "\n" : ",\n", to: &output)
            }
            Self.indent(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `count` spaces.
    package static func indent(_ count: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// Appends the UTF-8 bytes of `text`.
    package static func append(_ text: StaticString, to output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    /// Appends the UTF-8 bytes of `text`.
    package static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// Appends `text` as a JSON string, escaped as ``quote(_:into:)`` escapes it into a string.
    package static func quote(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { quote(bytes: $0, into: &output) }
    }

    /// Appends the UTF-8 `bytes` of a text as a JSON string, escaped as ``quote(_:into:)`` escapes it.
    package static func quote(bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let escape: StaticString?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default: escape = nil
            }
            if escape == nil, byte >= 0x20 {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            if let escape {
                append(escape, to: &output)
            } else {
                // Another control character: \u00XX, lower-case hex.
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append("\\u00", to: &output)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            }
            index += width
            start = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        output.append(UInt8(ascii: "\""))
    }
}
