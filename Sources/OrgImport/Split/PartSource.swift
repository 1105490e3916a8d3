import Foundation

/// The bytes of one part of a split file, as libxml2's pull parser reads them: the synthetic start
/// tags, the part's own bytes (straight from the mapped file), then the synthetic end tags.
///
/// The first part starts before the plan exists: its source hands out bytes up to a point that no cut
/// can precede, and waits there (rarely: the pre-scan runs far faster than the parser) until
/// ``finish(bodyEnd:suffix:)`` says where it ends, or ``abort()`` that the file is read in one pass.
final class PartSource: @unchecked Sendable {
    private let condition = NSCondition()
    private let prefix: [UInt8]
    private let file: UnsafeRawBufferPointer
    private let bodyStart: Int
    /// Body bytes that may be read now: the body's end once known.
    private var readableEnd: Int
    private var bodyEnd: Int?
    private var suffix: [UInt8] = []
    private var aborted = false
    /// Bytes handed out so far, prefix, body and suffix together.
    private var delivered = 0
    private let progress: (Int) -> Void
    /// The mapping whose pages are given back once read (none for bytes that are not a mapped file).
    private let mapping: MappedFile?
    /// Body bytes (file offsets) up to which pages have been given back.
    private var released: Int

    /// A part whose extent is known: `prefix`, then `body` of `file`, then `suffix`.
    init(prefix: [UInt8], file: UnsafeRawBufferPointer, body: Range<Int>, suffix: [UInt8], mapping: MappedFile? = nil,
         progress: @escaping (Int) -> Void) {
        self.prefix = prefix
        self.file = file
        self.mapping = mapping
        released = body.lowerBound
        bodyStart = body.lowerBound
        readableEnd = body.upperBound
        bodyEnd = body.upperBound
        self.suffix = suffix
        self.progress = progress
    }

    /// The first part of `file`, readable up to `readableEnd` until the plan says where it ends.
    init(firstPartOf file: UnsafeRawBufferPointer, readableEnd: Int, mapping: MappedFile? = nil,
         progress: @escaping (Int) -> Void) {
        prefix = []
        self.file = file
        self.mapping = mapping
        released = 0
        bodyStart = 0
        self.readableEnd = min(readableEnd, file.count)
        self.progress = progress
    }

    /// The first part ends at `bodyEnd`, followed by `suffix`.
    func finish(bodyEnd: Int, suffix: [UInt8]) {
        condition.lock()
        self.bodyEnd = bodyEnd
        readableEnd = bodyEnd
        self.suffix = suffix
        condition.broadcast()
        condition.unlock()
    }

    /// The file will not be split: the reader ends at once (its parse is thrown away).
    func abort() {
        condition.lock()
        aborted = true
        condition.broadcast()
        condition.unlock()
    }

    /// The part's own bytes in the file (known once the part is planned).
    var body: Range<Int>? {
        condition.lock()
        defer { condition.unlock() }
        return bodyEnd.map { bodyStart..<$0 }
    }

    /// Whether `offset` in the part's input lies in the synthetic end tags (false while the part's end is
    /// not known: nothing past the body has been read then).
    func isInSuffix(_ offset: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard let bodyEnd else { return false }
        return offset >= prefix.count + bodyEnd - bodyStart
    }

    /// Copies up to `capacity` bytes into `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        var written = 0
        while written < capacity, !aborted {
            let bodyOffset = delivered - prefix.count
            if delivered < prefix.count {
                let count = min(prefix.count - delivered, capacity - written)
                prefix.withUnsafeBytes { bytes in
                    if let base = bytes.baseAddress {
                        (buffer + written).copyMemory(from: base + delivered, byteCount: count)
                    }
                }
                written += count
                delivered += count
            } else if bodyStart + bodyOffset < readableEnd, let base = file.baseAddress {
                let count = min(readableEnd - bodyStart - bodyOffset, capacity - written)
                (buffer + written).copyMemory(from: base + bodyStart + bodyOffset, byteCount: count)
                written += count
                delivered += count
                // libxml2 keeps its own copy: the pages read are given back every few MiB.
                let readTo = bodyStart + bodyOffset + count
                if let mapping, readTo - released >= MappedFile.releaseStep {
                    mapping.release(released..<readTo)
                    released = readTo
                }
            } else if let bodyEnd {
                let suffixOffset = delivered - prefix.count - (bodyEnd - bodyStart)
                guard suffixOffset < suffix.count else { break }
                let count = min(suffix.count - suffixOffset, capacity - written)
                suffix.withUnsafeBytes { bytes in
                    if let base = bytes.baseAddress {
                        (buffer + written).copyMemory(from: base + suffixOffset, byteCount: count)
                    }
                }
                written += count
                delivered += count
            } else if written > 0 {
                break  // hand over what there is; wait on the next call
            } else {
                condition.wait()
            }
        }
        progress(written)
        return written
    }
}
