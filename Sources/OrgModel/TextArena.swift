/// Where a string lies in a ``TextArena``: 8 bytes instead of a `String` and its heap buffer.
public struct TextSlice: Hashable, Sendable {
    /// The chunk (high 12 bits) and the offset in it (low 20 bits).
    @usableFromInline let start: UInt32
    /// The length in UTF-8 bytes.
    @usableFromInline let count: UInt32

    /// No string (an absent optional such as a duty's `source`).
    static let absent = TextSlice(start: .max, count: .max)

    /// True for ``absent``.
    @inlinable var isAbsent: Bool { start == .max && count == .max }

    /// The length in UTF-8 bytes.
    public var byteCount: Int { isAbsent ? 0 : Int(count) }
}

/// UTF-8 storage shared by the strings of one imported file: duty texts and ids are appended one after
/// another into chunks of 1 MiB that never move, and the model keeps a ``TextSlice`` (8 bytes) instead of a
/// `String` per text (16 bytes, plus a heap buffer of 32 bytes of header and malloc's rounding each).
///
/// An arena is appended to by the one builder that made it, on one thread, before the values that point
/// into it are shared; afterwards it is only read. Values built from strings outside an import (tests,
/// proposals, Word decisions) get an arena of their own, sized to them. That is what makes it `Sendable`.
public final class TextArena: @unchecked Sendable {
    /// Bytes per chunk; a string of more than an eighth of it gets a chunk of its own.
    static let chunkCapacity = 1 << 20
    @usableFromInline static let offsetBits: UInt32 = 20
    private static let maxChunks = 1 << 12

    // One writer, then readers only (see above): the runtime's exclusivity checks, which cost more than an
    // append, are left out.
    @exclusivity(unchecked) @usableFromInline var chunks: [UnsafeMutablePointer<UInt8>] = []
    /// The files its strings were read from (an import's one file, in practice), for the duties' locations:
    /// a duty keeps the position of its file here (4 bytes) instead of the path (16).
    @exclusivity(unchecked) private var files: [String] = []
    @exclusivity(unchecked) private var used = 0
    @exclusivity(unchecked) private var capacity = 0
    private let chunkCapacity: Int
    /// Strings longer than this get a chunk of their own.
    private let largeString: Int

    /// An empty arena for an import: chunks of 1 MiB, allocated as they fill.
    public init() {
        chunkCapacity = Self.chunkCapacity
        largeString = Self.chunkCapacity / 8
    }

    /// An arena holding exactly `strings`, one chunk sized to them, and `file`; their slices in order, and
    /// the file's position.
    static func holding(_ strings: [String?], file: String) -> (TextArena, [TextSlice], UInt32) {
        let total = strings.reduce(0) { $0 + ($1?.utf8.count ?? 0) }
        let arena = TextArena(chunkCapacity: min(max(total, 1), chunkCapacity))
        return (arena, strings.map { $0.map { arena.append($0) } ?? .absent }, arena.position(ofFile: file))
    }

    /// The position of `file` among the arena's files, adding it when new (by its builder, before sharing).
    /// An import names one file for all its duties, so the search is one comparison.
    public func position(ofFile file: String) -> UInt32 {
        if let known = existingPosition(ofFile: file) { return known }
        files.append(file)
        return UInt32(files.count - 1)
    }

    /// The position of `file` among the arena's files, if it is there (read only: any time).
    func existingPosition(ofFile file: String) -> UInt32? {
        files.firstIndex(of: file).map { UInt32($0) }
    }

    /// The file at `position` (from ``position(ofFile:)``).
    func file(at position: UInt32) -> String { files[Int(position)] }

    private init(chunkCapacity: Int) {
        self.chunkCapacity = chunkCapacity
        largeString = chunkCapacity < Self.chunkCapacity ? chunkCapacity : chunkCapacity / 8
    }

    deinit { for chunk in chunks { chunk.deallocate() } }

    /// True when a duty's strings (up to three, each of which may open a chunk) still fit: when false, the
    /// builder starts another arena (after 4 GiB).
    public var hasRoomForDuty: Bool { chunks.count + 3 < Self.maxChunks }

    /// Appends `string` (by its builder, before sharing; see the type's note) and returns where it lies.
    public func append(_ string: String) -> TextSlice {
        var string = string
        return string.withUTF8 { append($0) }
    }

    /// Appends UTF-8 bytes (valid UTF-8: they are read back as a `String`, invalid sequences repaired).
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) -> TextSlice {
        let count = bytes.count
        // The empty string needs no bytes (and an offset at the very end of a full chunk would not fit).
        if count == 0 { return TextSlice(start: 0, count: 0) }
        if chunks.isEmpty || count > largeString || count + used > capacity {
            let size = count > largeString ? max(count, 1) : chunkCapacity
            precondition(chunks.count < Self.maxChunks, "a text arena holds at most 4 GiB (check hasRoom(for:))")
            chunks.append(.allocate(capacity: size))
            used = 0
            capacity = count > largeString ? 0 : size
            if count > largeString {
                if let base = bytes.baseAddress { chunks[chunks.count - 1].initialize(from: base, count: count) }
                return TextSlice(start: UInt32(chunks.count - 1) << Self.offsetBits, count: UInt32(count))
            }
        }
        let chunk = chunks.count - 1
        if let base = bytes.baseAddress { (chunks[chunk] + used).initialize(from: base, count: count) }
        let slice = TextSlice(start: UInt32(chunk) << Self.offsetBits | UInt32(used), count: UInt32(count))
        used += count
        return slice
    }

    /// The bytes of `slice`, valid as long as the arena (its chunks never move).
    @inlinable
    func bytes(_ slice: TextSlice) -> UnsafeBufferPointer<UInt8> {
        if slice.count == 0 { return UnsafeBufferPointer(start: nil, count: 0) }
        let chunk = Int(slice.start >> Self.offsetBits), offset = Int(slice.start & ((1 << Self.offsetBits) - 1))
        return UnsafeBufferPointer(start: chunks[chunk] + offset, count: Int(slice.count))
    }

    /// The bytes of `slice` (valid until the arena goes).
    public func withBytes<R>(_ slice: TextSlice, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(bytes(slice))
    }

    /// The string at `slice`.
    public func string(_ slice: TextSlice) -> String {
        withBytes(slice) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when the strings at `a` (here) and `b` (in `other`) are the same bytes.
    func equals(_ a: TextSlice, _ other: TextArena, _ b: TextSlice) -> Bool {
        if a.isAbsent || b.isAbsent { return a.isAbsent && b.isAbsent }
        guard a.count == b.count else { return false }
        if self === other && a.start == b.start { return true }
        return withBytes(a) { x in other.withBytes(b) { y in x.elementsEqual(y) } }
    }

    /// Feeds the bytes of `slice` (or its absence) to `hasher`.
    func hash(_ slice: TextSlice, into hasher: inout Hasher) {
        guard !slice.isAbsent else { return hasher.combine(0 as UInt8) }
        hasher.combine(1 as UInt8)
        withBytes(slice) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(slice.count)
    }
}

extension Array {
    /// Moves the elements to storage of exactly their count (as malloc rounds it), giving back the slack
    /// that growth by doubling left: for the large arrays an import or an analysis keeps.
    ///
    /// A large array whose slack is less than a page is left as it is: its block is mapped on its own and
    /// rounded up to whole pages, so a copy would gain nothing (copying L's 120 MB of features for a few
    /// bytes took 1% of its analysis).
    public mutating func trimCapacity() {
        guard capacity > count else { return }
        let stride = MemoryLayout<Element>.stride
        if count * stride >= 1 << 18, (capacity - count) * stride < 1 << 12 { return }
        let count = self.count
        self = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            self.withUnsafeBufferPointer { source in
                if let base = source.baseAddress, let target = buffer.baseAddress { target.initialize(from: base, count: count) }
            }
            initialized = count
        }
    }
}
