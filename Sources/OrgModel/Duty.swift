/// One duty (nhiệm vụ) of a unit.
///
/// Its id, text and source are kept as slices of a ``TextArena`` (the import puts every duty of a file in
/// one), not as a `String` each: a million duties are a million heap buffers fewer. The properties read
/// and write `String`s as before; writing one copies the duty's strings into an arena of its own.
/// Equality compares the strings' bytes (the import has normalised them to NFC).
public struct Duty: Hashable, Sendable, Codable {
    @usableFromInline var arena: TextArena
    @usableFromInline var idSlice: TextSlice
    @usableFromInline var textSlice: TextSlice
    @usableFromInline var sourceSlice: TextSlice
    /// The location without its file, which the arena keeps (a duty's 16 bytes of path are 4 here).
    private var line: UInt32
    private var column: UInt32
    private var file: UInt32
    /// True when the file gave no id and orgscope derived `UNIT#N` (N = 1-based position in the unit).
    public var isIDDerived: Bool
    /// Lead (chủ trì, the default) or support (phối hợp).
    public var role: DutyRole
    /// The catch-all clause ("các nhiệm vụ khác do … giao"), marked by `catchAll="true"`.
    public var isCatchAll: Bool
    /// The unit that carries the duty.
    public var unit: UnitID
    /// The mandate it discharges, when the file says so.
    public var mandate: MandateID?
    /// Where the `duty` element starts.
    public var location: SourceLocation {
        get { SourceLocation(file: arena.file(at: file), line: Int(line), column: Int(column)) }
        set {
            // A file the arena knows costs nothing; another gives the duty an arena of its own.
            guard let known = arena.existingPosition(ofFile: newValue.file) else {
                return restore(id: id.rawValue, text: text, source: source, location: newValue)
            }
            file = known
            line = UInt32(clamping: newValue.line)
            column = UInt32(clamping: newValue.column)
        }
    }

    /// The duty's id: as written, or derived from the unit id and position (see ``isIDDerived``).
    public var id: DutyID {
        get { DutyID(arena.string(idSlice)) }
        set { restore(id: newValue.rawValue, text: text, source: source, location: location) }
    }

    /// The text, NFC-normalised with white space collapsed.
    public var text: String {
        get { arena.string(textSlice) }
        set { restore(id: id.rawValue, text: newValue, source: source, location: location) }
    }

    /// Where the duty is written in the unit's decision (`source`: "điểm b khoản 5 Điều 2 Quyết định số …").
    public var source: String? {
        get { sourceSlice.isAbsent ? nil : arena.string(sourceSlice) }
        set { restore(id: id.rawValue, text: text, source: newValue, location: location) }
    }

    /// The arena and the slice that hold the text: what a reader of a million texts reads in place of the duty,
    /// whose copy retains its every string (``withTextBytes(_:)`` called on a duty in an array copies it).
    @inlinable public var textStorage: (arena: TextArena, slice: TextSlice) { (arena, textSlice) }

    /// The arena and the slice that hold the id (as ``textStorage`` for the text).
    @inlinable public var idStorage: (arena: TextArena, slice: TextSlice) { (arena, idSlice) }

    /// The UTF-8 bytes of the text (or, with `id`, the id) of the duty at `duty`, where its arena holds them:
    /// valid as long as the arena. Read through the pointer, neither the duty nor its arena is copied or
    /// retained: the duties of an imported file share one arena, and threads reading their bytes at once
    /// contended for its reference count (a retain and a release per duty read).
    @inlinable
    public static func bytes(at duty: UnsafePointer<Duty>, id: Bool) -> UnsafeBufferPointer<UInt8> {
        let slice = id ? duty.pointee.idSlice : duty.pointee.textSlice
        return Unmanaged.passUnretained(duty.pointee.arena)._withUnsafeGuaranteedRef { $0.bytes(slice) }
    }

    /// Calls `body` with the text's UTF-8 bytes, without making a `String`.
    @inlinable
    public func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try arena.withBytes(textSlice, body)
    }

    /// The length of the text in UTF-8 bytes.
    public var textByteCount: Int { Int(textSlice.count) }

    /// True when the duty cites its provision (``source`` is not nil), without making the `String`.
    @inlinable public var hasSource: Bool { !sourceSlice.isAbsent }

    /// A duty as read from a file.
    public init(
        id: DutyID, isIDDerived: Bool = false, unit: UnitID, text: String,
        mandate: MandateID? = nil, role: DutyRole = .lead, source: String? = nil, isCatchAll: Bool = false,
        location: SourceLocation
    ) {
        let (arena, slices, file) = TextArena.holding([id.rawValue, text, source], file: location.file)
        self.init(arena: arena, id: slices[0], text: slices[1], source: slices[2], isIDDerived: isIDDerived,
                  unit: unit, mandate: mandate, role: role, isCatchAll: isCatchAll, file: file,
                  line: location.line, column: location.column)
    }

    /// A duty whose id, text and source are appended to `arena` (by the import, which owns it).
    public init(
        appendingTo arena: TextArena, id: String, isIDDerived: Bool, unit: UnitID, text: String,
        mandate: MandateID?, role: DutyRole, source: String?, isCatchAll: Bool, location: SourceLocation
    ) {
        self.init(arena: arena, id: arena.append(id), text: arena.append(text), source: source.map { arena.append($0) } ?? .absent,
                  isIDDerived: isIDDerived, unit: unit, mandate: mandate, role: role, isCatchAll: isCatchAll,
                  file: arena.position(ofFile: location.file), line: location.line, column: location.column)
    }

    /// A duty whose id and text are already in `arena` (the import copies both straight there); its
    /// source is appended, and its file is the arena's file at `file` (``TextArena/position(ofFile:)``).
    public init(
        appendingTo arena: TextArena, id: TextSlice, isIDDerived: Bool, unit: UnitID, text: TextSlice,
        mandate: MandateID?, role: DutyRole, source: String?, isCatchAll: Bool, file: UInt32, line: Int, column: Int
    ) {
        self.init(arena: arena, id: id, text: text, source: source.map { arena.append($0) } ?? .absent,
                  isIDDerived: isIDDerived, unit: unit, mandate: mandate, role: role, isCatchAll: isCatchAll,
                  file: file, line: line, column: column)
    }

    private init(
        arena: TextArena, id: TextSlice, text: TextSlice, source: TextSlice, isIDDerived: Bool, unit: UnitID,
        mandate: MandateID?, role: DutyRole, isCatchAll: Bool, file: UInt32, line: Int, column: Int
    ) {
        self.arena = arena
        idSlice = id
        textSlice = text
        sourceSlice = source
        self.line = UInt32(clamping: line)
        self.column = UInt32(clamping: column)
        self.file = file
        self.isIDDerived = isIDDerived
        self.role = role
        self.isCatchAll = isCatchAll
        self.unit = unit
        self.mandate = mandate
    }

    /// Gives the duty an arena of its own holding these strings (the shared one is only read once shared).
    private mutating func restore(id: String, text: String, source: String?, location: SourceLocation) {
        let (arena, slices, file) = TextArena.holding([id, text, source], file: location.file)
        self.arena = arena
        idSlice = slices[0]
        textSlice = slices[1]
        sourceSlice = slices[2]
        line = UInt32(clamping: location.line)
        column = UInt32(clamping: location.column)
        self.file = file
    }

    /// The id orgscope gives the `position`-th (1-based) duty of `unit` when the file gives none.
    public static func derivedID(unit: UnitID, position: Int) -> DutyID {
        DutyID("\(unit.rawValue)#\(position)")
    }

    public static func == (lhs: Duty, rhs: Duty) -> Bool {
        lhs.isIDDerived == rhs.isIDDerived && lhs.role == rhs.role && lhs.isCatchAll == rhs.isCatchAll
            && lhs.unit == rhs.unit && lhs.mandate == rhs.mandate && lhs.line == rhs.line && lhs.column == rhs.column
            && lhs.arena.file(at: lhs.file) == rhs.arena.file(at: rhs.file)
            && lhs.arena.equals(lhs.idSlice, rhs.arena, rhs.idSlice)
            && lhs.arena.equals(lhs.textSlice, rhs.arena, rhs.textSlice)
            && lhs.arena.equals(lhs.sourceSlice, rhs.arena, rhs.sourceSlice)
    }

    public func hash(into hasher: inout Hasher) {
        arena.hash(idSlice, into: &hasher)
        arena.hash(textSlice, into: &hasher)
        arena.hash(sourceSlice, into: &hasher)
        hasher.combine(isIDDerived)
        hasher.combine(role)
        hasher.combine(isCatchAll)
        hasher.combine(unit)
        hasher.combine(mandate)
        hasher.combine(location)
    }

    private enum CodingKeys: String, CodingKey {
        case id, isIDDerived, unit, text, mandate, role, source, isCatchAll, location
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(DutyID.self, forKey: .id),
            isIDDerived: try container.decode(Bool.self, forKey: .isIDDerived),
            unit: try container.decode(UnitID.self, forKey: .unit),
            text: try container.decode(String.self, forKey: .text),
            mandate: try container.decodeIfPresent(MandateID.self, forKey: .mandate),
            role: try container.decode(DutyRole.self, forKey: .role),
            source: try container.decodeIfPresent(String.self, forKey: .source),
            isCatchAll: try container.decode(Bool.self, forKey: .isCatchAll),
            location: try container.decode(SourceLocation.self, forKey: .location))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(isIDDerived, forKey: .isIDDerived)
        try container.encode(unit, forKey: .unit)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(mandate, forKey: .mandate)
        try container.encode(role, forKey: .role)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encode(isCatchAll, forKey: .isCatchAll)
        try container.encode(location, forKey: .location)
    }
}
