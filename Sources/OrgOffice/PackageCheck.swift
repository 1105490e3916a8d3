import COrgZlib
import Foundation

/// A bounded check of a ZIP package before ZIPFoundation reads it: the end-of-central-directory record,
/// every central directory entry, every local header and its data lie inside the file, and every deflated
/// entry's stream ends inside its own bytes, expanding to no more than the limit. ZIPFoundation assumes
/// all of this and, on a package that breaks it, reads past the end for ever (found by the `decision` fuzz
/// target); this is the guard, not a second ZIP reader: it extracts nothing.
enum PackageCheck {
    static func check(_ bytes: [UInt8], limits: OfficePackage.Limits) throws(OfficePackage.Failure) {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let count = bytes.count
        guard count >= 22 else { throw OfficePackage.Failure("too short to be a ZIP package") }
        // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
        var end = -1
        var position = count - 22
        while position >= max(0, count - 22 - 65_535) {
            if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 0x05, bytes[position + 3] == 0x06 {
                end = position
                break
            }
            position -= 1
        }
        guard end >= 0 else { throw OfficePackage.Failure("no end of central directory: not a ZIP package") }
        let entries = u16(end + 10), directorySize = u32(end + 12), directoryStart = u32(end + 16)
        guard entries <= limits.entries else { throw OfficePackage.Failure("more than \(limits.entries) entries in the package") }
        guard directoryStart <= end, directorySize <= end - directoryStart else {
            throw OfficePackage.Failure("the central directory lies outside the package")
        }
        var cursor = directoryStart
        for _ in 0..<entries {
            guard cursor + 46 <= end, u32(cursor) == 0x0201_4B50 else {
                throw OfficePackage.Failure("a central directory entry lies outside the package or is corrupt")
            }
            let method = u16(cursor + 10), packed = u32(cursor + 20), size = u32(cursor + 24)
            let nameLength = u16(cursor + 28), extraLength = u16(cursor + 30), commentLength = u16(cursor + 32)
            let local = u32(cursor + 42)
            cursor += 46 + nameLength + extraLength + commentLength
            guard cursor <= end else { throw OfficePackage.Failure("a central directory entry runs past the directory") }
            // ZIP64 sizes (0xFFFFFFFF) are beyond any limit of a decision or a report.
            guard packed != 0xFFFF_FFFF, size != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw OfficePackage.Failure("a ZIP64 entry: larger than any decision")
            }
            guard local + 30 <= count, u32(local) == 0x0403_4B50 else {
                throw OfficePackage.Failure("an entry's local header lies outside the package or is corrupt")
            }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            guard start <= count, packed <= count - start else {
                throw OfficePackage.Failure("an entry claims more bytes than the package holds: a corrupt or hostile archive")
            }
            switch method {
            case 0: guard size == packed else { throw OfficePackage.Failure("a stored entry whose sizes disagree") }
            case 8: try inflates(bytes, from: start, count: packed, limit: min(limits.entrySize, max(size, 0) + 1))
            default: throw OfficePackage.Failure("an entry compressed with method \(method), which a Word document does not use")
            }
        }
    }

    /// True when the deflate stream of `count` bytes at `start` ends inside them, expanding to at most `limit`.
    private static func inflates(_ bytes: [UInt8], from start: Int, count: Int, limit: Int) throws(OfficePackage.Failure) {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw OfficePackage.Failure("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 65_536)
        var produced = 0
        var result = Z_OK
        bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + start)
            stream.avail_in = UInt32(count)
            repeat {
                output.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    result = inflate(&stream, Z_NO_FLUSH)
                    produced += buffer.count - Int(stream.avail_out)
                }
            } while result == Z_OK && produced <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        guard produced <= limit else { throw OfficePackage.Failure("an entry expands past its declared size or the limit (a ZIP bomb?)") }
        guard result == Z_STREAM_END else { throw OfficePackage.Failure("an entry's compressed data is corrupt or cut short") }
    }
}
