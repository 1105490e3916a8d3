import Glibc

/// The simple types' lexical checks, on UTF-8 bytes, as libxml2 2.9's validator applies them (its
/// reading of XSD 1.0 is the reference, see `SchemaEquivalenceTests`).
extension ChartSchemaRules {
    /// Whether `value` (the attribute's or element's text, entities resolved) is of `type`.
    static func isValid(_ value: UnsafeBufferPointer<UInt8>, as type: ValueType) -> Bool {
        switch type {
        case .anyText: return true
        case .identifier: return isIdentifier(value)
        case .name: return collapsedLength(value, limit: 1000) != nil
        case .text: return !trimmed(value).isEmpty
        case .count: return isCount(trimmed(value))
        // libxml2 2.9 does not collapse white space before it parses a date attribute (XSD 1.0 says it
        // should): " 2025-01-01 " is rejected, and so it is here.
        case .date: return isDate(value)
        case .boolean: return isOneOf(trimmed(value), ["true", "false", "1", "0"])
        case .language: return isLanguage(trimmed(value))
        case .enumeration(_, let values): return isOneOf(trimmed(value), values)
        }
    }

    /// Whether `bytes` are all XML white space (true for none), eight at a time: a word with no byte
    /// below 0x21 is settled at once, and only words with such a byte are looked at byte by byte.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if !mayHoldSpace(word) { return false }
            for offset in 0..<8 where !isSpace(base[index + offset]) { return false }
            index += 8
        }
        while index < count {
            if !isSpace(base[index]) { return false }
            index += 1
        }
        return true
    }

    /// Whether some byte of `word` is below 0x21, and so may be XML white space (the high bit of its lane is
    /// set by the borrow); false settles eight bytes at once.
    @inline(__always)
    private static func mayHoldSpace(_ word: UInt64) -> Bool {
        (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// XML white space (what `\s` and the collapse facet mean).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The value without leading and trailing white space.
    static func trimmed(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = value.count
        while start < end, isSpace(value[start]) { start += 1 }
        while end > start, isSpace(value[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: value[start..<end])
    }

    /// 1 to 200 characters, none of them white space.
    private static func isIdentifier(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        // No white space (eight bytes at a time, ``mayHoldSpace(_:)``), then at most 200
        // characters (counted only when there are more than 200 bytes).
        guard let base = value.baseAddress, !value.isEmpty else { return false }
        var index = 0
        while index + 8 <= value.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if mayHoldSpace(word) {
                for offset in 0..<8 where isSpace(base[index + offset]) { return false }
            }
            index += 8
        }
        while index < value.count {
            if isSpace(base[index]) { return false }
            index += 1
        }
        return value.count <= 200 || characters(value) <= 200
    }

    /// Characters in UTF-8 bytes.
    private static func characters(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in value where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The length in characters once white space is collapsed, nil when it is 0 or over `limit`.
    private static func collapsedLength(_ value: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        let value = trimmed(value)
        guard !value.isEmpty else { return nil }
        var count = 0
        var previousSpace = false
        for byte in value {
            if isSpace(byte) {
                if !previousSpace { count += 1 }
                previousSpace = true
            } else {
                previousSpace = false
                if byte & 0xC0 != 0x80 { count += 1 }
            }
        }
        return count <= limit ? count : nil
    }

    private static func isOneOf(_ value: UnsafeBufferPointer<UInt8>, _ values: [String]) -> Bool {
        // Read in place (the values are literals, stored contiguously): no copy of each candidate to count.
        for index in values.indices {
            let same = values[index].utf8.withContiguousStorageIfAvailable { bytes in
                guard bytes.count == value.count else { return false }
                guard let base = bytes.baseAddress, let other = value.baseAddress else { return true }  // both empty
                return memcmp(base, other, value.count) == 0
            } ?? values[index].utf8.elementsEqual(value)
            if same { return true }
        }
        return false
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `[+-]?[0-9]+`, not negative (`-0` is 0), at most 10 000 000.
    private static func isCount(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var negative = false
        if index < value.count, value[index] == 0x2B || value[index] == 0x2D {
            negative = value[index] == 0x2D
            index += 1
        }
        guard index < value.count else { return false }
        var number = 0
        for byte in value[index...] {
            guard isDigit(byte) else { return false }
            number = number * 10 + Int(byte - 0x30)
            if number > 10_000_000 { return false }
        }
        return !negative || number == 0
    }

    /// `-?YYYY-MM-DD` (a year of 4 digits or more, not 0000, no leading zero past 4 digits), a day that
    /// exists in that month, and an optional time zone (`Z` or `±hh:mm`, within 14 hours).
    private static func isDate(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func number(digits: Int) -> Int? {
            guard index + digits <= value.count else { return nil }
            var result = 0
            for byte in value[index..<index + digits] {
                guard isDigit(byte) else { return nil }
                result = result * 10 + Int(byte - 0x30)
            }
            index += digits
            return result
        }
        let negative = value.first == 0x2D
        if negative { index = 1 }
        let yearStart = index
        var year = 0
        while index < value.count, isDigit(value[index]) {
            year = year * 10 + Int(value[index] - 0x30)
            guard year < 1 << 40 else { return false }
            index += 1
        }
        let yearDigits = index - yearStart
        guard yearDigits >= 4, yearDigits == 4 || value[yearStart] != 0x30, year != 0 else { return false }
        if negative { year = -year }
        guard index < value.count, value[index] == 0x2D else { return false }
        index += 1
        guard let month = number(digits: 2), (1...12).contains(month) else { return false }
        guard index < value.count, value[index] == 0x2D else { return false }
        index += 1
        guard let day = number(digits: 2), day >= 1, day <= daysIn(month: month, year: year) else { return false }
        if index == value.count { return true }
        if value[index] == 0x5A { return index + 1 == value.count }
        guard value[index] == 0x2B || value[index] == 0x2D else { return false }
        index += 1
        guard let hours = number(digits: 2), index < value.count, value[index] == 0x3A else { return false }
        index += 1
        guard let minutes = number(digits: 2), index == value.count, minutes < 60 else { return false }
        return hours * 60 + minutes <= 14 * 60
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
    private static func isLanguage(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var first = true
        var length = 0
        for byte in value {
            if byte == 0x2D {
                guard length > 0 else { return false }
                first = false
                length = 0
                continue
            }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            guard isLetter || (!first && isDigit(byte)) else { return false }
            length += 1
            guard length <= 8 else { return false }
        }
        return length > 0
    }
}
