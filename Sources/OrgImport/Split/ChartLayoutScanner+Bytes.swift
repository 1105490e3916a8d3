import Glibc

/// Byte searches for the scan: `memchr` for single bytes, word-at-a-time for several.
extension ChartLayoutScanner {
    /// XML white space.
    func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// The first offset from `start` that is not white space.
    func skipSpaces(from start: Int) -> Int {
        var position = start
        while position < end, isSpace(base[position]) { position += 1 }
        return position
    }

    /// Whether `literal` is at `position`.
    func matches(_ position: Int, _ literal: [UInt8]) -> Bool {
        guard position + literal.count <= end else { return false }
        return memcmp(base + position, literal, literal.count) == 0
    }

    /// The next `byte` from `start`.
    func find(byte: UInt8, from start: Int) -> Int? {
        guard start < end, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    /// The next `literal` from `start`.
    func find(_ literal: [UInt8], from start: Int) -> Int? {
        guard let first = literal.first else { return start }
        var position = start
        while let found = find(byte: first, from: position) {
            guard found + literal.count <= end else { return nil }
            if memcmp(base + found, literal, literal.count) == 0 { return found }
            position = found + 1
        }
        return nil
    }

    /// The next `>`, `"` or `'` from `start`, eight bytes at a time.
    func nextDelimiter(from start: Int) -> Int? {
        var position = start
        while position + 8 <= end {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            let found = Self.zeroBytes(word ^ 0x3E3E_3E3E_3E3E_3E3E) | Self.zeroBytes(word ^ 0x2222_2222_2222_2222)
                | Self.zeroBytes(word ^ 0x2727_2727_2727_2727)
            if found != 0 { return position + found.trailingZeroBitCount >> 3 }
            position += 8
        }
        while position < end {
            let byte = base[position]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return position }
            position += 1
        }
        return nil
    }

    /// The high bit of each byte of `word` that is zero, and nothing else.
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }
}
