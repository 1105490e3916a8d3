import Glibc
import OrgModel

/// Builds a ``ParsedDocument`` from the element events of one OrgChart XML v1 file.
///
/// The schema is validated on the same pass and reports what is malformed (missing or invalid
/// attributes, elements out of order); this builder is lenient about such things, so that one problem
/// is reported once, by the schema, and keeps going to find the rest.
///
/// It runs once per element of files with hundreds of thousands of them, so it reads names and
/// attribute values as bytes where it can and makes a `String` only for what the model keeps. Its
/// state is touched only by the thread that parses, from synchronous callbacks, so the hot properties
/// opt out of runtime exclusivity checks (which cost more than the work they guard).
final class OrgDocumentBuilder: XMLEventHandler {
    static let namespace = "urn:orgscope:orgchart:1"

    @exclusivity(unchecked) private var built: ParsedDocument
    /// The open unit's duties, moved into it when they are done.
    private let pendingDuties = PendingDuties()

    /// What the file gave (read once the parse is over).
    var document: ParsedDocument {
        pendingDuties.flush(into: &built.units)
        return built
    }
    /// Where the duties' ids, texts and sources go: one arena for the file (or part), replaced by a new
    /// one only after 4 GiB.
    private var arena = TextArena()
    private let diagnostics: DiagnosticCollector
    private let file: String

    /// The leading units, mandates and nested-parent notes that came from synthetic start tags; the merge
    /// drops them, since the part before already has the real ones.
    @exclusivity(unchecked) private(set) var synthetic = SyntheticShare()
    @exclusivity(unchecked) private var syntheticElementsLeft: Int

    private enum Frame: UInt8 {
        case root
        case mandates
        case unit
        case text
        case other
    }

    private enum TextTarget {
        case mandate
        case function
        case duty
        case power
    }

    /// The open text element (a mandate, function, duty or power), with what it needs from its start
    /// tag. Text elements do not nest: an element inside one is `.other`.
    private struct PendingText {
        var target: TextTarget
        /// Where the element starts (a `SourceLocation` is made only when one is needed: it holds the path).
        var position: TagPosition
        var id: String?
        var mandate: String?
        var role: DutyRole = .lead
        var sector: String?
        var level: GovernmentLevel?
        var source: String?
        var catchAll = false
    }

    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var openUnits: [Int] = []
    /// The open text element's characters so far.
    private let text = ByteBuffer(capacity: 1024)
    @exclusivity(unchecked) private var pending: PendingText?
    /// The open duty's `id` attribute, as bytes (`dutyIDGiven` false when it has none).
    private let dutyID = ByteBuffer(capacity: 64)
    @exclusivity(unchecked) private var dutyIDGiven = false
    /// The position of this builder's file among its arena's files (every duty's).
    @exclusivity(unchecked) private var arenaFile: UInt32
    /// This builder's own tables of the enums read from attributes.
    let vocabulary = ChartVocabulary()
    /// The namespace pointer last seen and whether it is ours (libxml2 interns namespace URIs, so the
    /// same pointer comes back element after element).
    @exclusivity(unchecked) private var lastNamespace: (pointer: UnsafePointer<UInt8>, isOurs: Bool)?

    /// Whether this builder reports a root element in another namespace (false when a
    /// ``ChartSchemaCheck`` in front of it does).
    var reportsForeignRoot = true

    /// Longest text or attribute value accepted, in characters (``ImportOptions/maxTextLength``).
    var maxTextLength = Int.max

    /// A builder for a whole file, or for a part of a split file whose first `syntheticElements` start
    /// tags are copies of elements that an earlier part holds.
    init(file: String, diagnostics: DiagnosticCollector, syntheticElements: Int = 0) {
        built = ParsedDocument(file: file, location: SourceLocation(file: file, line: 1, column: 1))
        self.diagnostics = diagnostics
        self.file = file
        syntheticElementsLeft = syntheticElements
        frames.reserveCapacity(16)
        openUnits.reserveCapacity(16)
        arenaFile = arena.position(ofFile: file)
    }

    var wantsCharacters: Bool { frames.last == .text }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(bytes)
    }

    func startElement(_ tag: XMLStartTag, at position: TagPosition) {
        defer { countSyntheticElement() }
        // (Copies of enclosing tags in a part of a split file were checked where they stand.)
        if syntheticElementsLeft == 0, let long = tag.attribute(longerThan: maxTextLength) {
            diagnostics.error(location(position), TextLengthLimit.message(long, limit: maxTextLength))
        }
        guard isOurNamespace(tag.namespaceURI) else {
            if frames.isEmpty, reportsForeignRoot {
                Self.reportForeignRoot(diagnostics: diagnostics, name: tag.name, namespace: tag.namespace,
                                       location: location(position))
            }
            frames.append(.other)
            return
        }
        guard let parent = frames.last else {
            startRoot(tag, location: location(position))
            return
        }
        let name = ChartElement(tag)
        switch (parent, name) {
        case (.root, .mandates) where built.kind == .chart:
            frames.append(.mandates)
        case (.root, .mandate) where built.kind == .catalog, (.mandates, .mandate):
            startText(.mandate, tag, at: position)
        case (.root, .unit) where built.kind == .chart, (.unit, .unit):
            startUnit(tag, location: location(position))
        case (.unit, .leadership):
            if let index = openUnits.last {
                let figures = leadership(tag)
                built.units[index].leadership = figures
                if let vacant = figures.vacantHeads, vacant > (figures.heads ?? 0) {
                    let heads = figures.heads.map { "only \($0) head post\($0 == 1 ? "" : "s") (heads=\"\($0)\")" }
                        ?? "no heads attribute"
                    diagnostics.error(location(position), "vacantHeads=\"\(vacant)\" but unit '\(built.units[index].id)' "
                        + "has \(heads): "
                        + "a vacant post must be one of the unit's head posts")
                }
            }
            frames.append(.other)
        case (.unit, .staffing):
            if let index = openUnits.last, let staffing = staffing(tag, location: location(position)) {
                built.units[index].staffing.append(staffing)
            }
            frames.append(.other)
        case (.unit, .function):
            startText(.function, tag, at: position)
        case (.unit, .duty):
            startText(.duty, tag, at: position)
        case (.unit, .power):
            startText(.power, tag, at: position)
        default:
            frames.append(.other)  // the schema reports elements out of place
        }
    }

    func endElement() {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .unit:
            // The unit's duties are complete: they move into it at their exact size.
            _ = openUnits.popLast()
            pendingDuties.flush(into: &built.units)
        case .text:
            if pending?.target == .duty, let entry = pending.take() {
                finishDuty(entry)
                break
            }
            let content = text.withBytes { TextCleaner.clean($0) }
            text.removeAll()
            guard let entry = pending.take() else { break }
            // Characters never outnumber bytes: the count is taken only for a long text.
            if content.utf8.count > maxTextLength, content.count > maxTextLength {
                diagnostics.error(location(entry.position), TextLengthLimit.textMessage(characters: content.count, limit: maxTextLength))
                break
            }
            finishText(entry, content: content)
        case .root, .mandates, .other:
            break
        }
    }

    private func location(_ position: TagPosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    private func countSyntheticElement() {
        guard syntheticElementsLeft > 0 else { return }
        syntheticElementsLeft -= 1
        if syntheticElementsLeft == 0 {
            synthetic = SyntheticShare(units: built.units.count, mandates: built.mandates.count,
                                       nestedParentAttributes: built.nestedParentAttributes.count,
                                       dutyIDHashes: built.digest.dutyIDHashes.count)
        }
    }

    private func isOurNamespace(_ pointer: UnsafePointer<UInt8>?) -> Bool {
        guard let pointer else { return false }
        if let last = lastNamespace, last.pointer == pointer { return last.isOurs }
        let isOurs = String(cString: pointer) == Self.namespace
        lastNamespace = (pointer, isOurs)
        return isOurs
    }

    private func startRoot(_ tag: XMLStartTag, location: SourceLocation) {
        built.location = location
        built.id = tag.string("id") ?? ""
        built.name = tag.cleanedString("name") ?? ""
        switch ChartElement(tag) {
        case .orgChart:
            built.kind = .chart
            built.asOf = tag.string("asOf").flatMap(ChartDate.init(iso:))
            built.language = tag.string("lang")
            built.provinceCategory = tag.string("provinceCategory").flatMap(ProvinceCategory.init(rawValue:))
            built.illustrative = tag.string("illustrative").map { $0 == "true" || $0 == "1" } ?? false
        case .mandateCatalog:
            built.kind = .catalog
            built.catalogSource = tag.cleanedString("source")
        default:
            break  // the schema reports an unknown root
        }
        frames.append(.root)
    }

    static func reportForeignRoot(diagnostics: DiagnosticCollector, name: String, namespace: String?,
                                  location: SourceLocation) {
        let found = namespace.map { "'\(name)' in namespace '\($0)'" } ?? "'\(name)' in no namespace"
        diagnostics.error(location, "the root element is \(found); an OrgChart XML v1 file starts with "
            + "<orgChart xmlns=\"\(Self.namespace)\"> or <mandateCatalog xmlns=\"\(Self.namespace)\">")
    }

    private func startUnit(_ tag: XMLStartTag, location: SourceLocation) {
        var id: String?, name: String?, kind: UnitKind??, level: GovernmentLevel??
        var parentAttribute: String?, reorganized: String?, decision: String?, decisionDate: String?
        tag.forEachAttribute { attribute, value in
            switch attribute.pointee {
            case UInt8(ascii: "i") where id == nil && Self.named(attribute, "id"):
                id = tag.text(of: value)
            case UInt8(ascii: "n") where name == nil && Self.named(attribute, "name"):
                name = tag.cleanedText(of: value)
            case UInt8(ascii: "k") where kind == nil && Self.named(attribute, "kind"):
                kind = .some(vocabulary.kinds.match(value))
            case UInt8(ascii: "l") where level == nil && Self.named(attribute, "level"):
                level = .some(vocabulary.levels.match(value))
            case UInt8(ascii: "p") where parentAttribute == nil && Self.named(attribute, "parent"):
                parentAttribute = tag.text(of: value)
            case UInt8(ascii: "r") where reorganized == nil && Self.named(attribute, "reorganized"):
                reorganized = tag.text(of: value)
            // Both start with "d": a failed `where` moves on to the next case.
            case UInt8(ascii: "d") where decision == nil && Self.named(attribute, "decision"):
                decision = tag.cleanedText(of: value)
            case UInt8(ascii: "d") where decisionDate == nil && Self.named(attribute, "decisionDate"):
                decisionDate = tag.text(of: value)
            default:
                break
            }
        }
        let unitID = UnitID(id ?? "")
        let enclosing = openUnits.last.map { built.units[$0].id }
        if let parentAttribute, enclosing != nil {
            built.nestedParentAttributes.append((unitID, parentAttribute, location))
        }
        let unit = Unit(
            id: unitID,
            name: name ?? "",
            kind: (kind ?? nil) ?? .other,
            declaredLevel: level ?? nil,
            parent: enclosing ?? parentAttribute.map { UnitID($0) },
            parentIsReference: enclosing == nil && parentAttribute != nil,
            reorganized: reorganized.flatMap(ChartDate.init(iso:)),
            foundingDecision: decision.map { DecisionReference(number: $0, date: decisionDate.flatMap(ChartDate.init(iso:))) },
            location: location)
        // (A synthetic copy of a tag was checked where the tag stands.)
        if decision == nil, let decisionDate, syntheticElementsLeft == 0 {
            diagnostics.error(location, "decisionDate=\"\(decisionDate)\" but unit '\(unitID)' has no decision attribute: "
                + "the date is that of the decision founding the unit; add decision=\"NUMBER/SYMBOL\" "
                + "(e.g. decision=\"25/2025/QĐ-UBND\") or remove decisionDate")
        }
        built.units.append(unit)
        built.digest.unitIDHashes.append(ReferenceDigest.hash(of: unitID))
        openUnits.append(built.units.count - 1)
        frames.append(.unit)
    }

    private func startText(_ target: TextTarget, _ tag: XMLStartTag, at position: TagPosition) {
        text.removeAll()
        // Read into locals and build the pending entry once: no copy of its strings.
        var id: String?, mandate: String?, sector: String?, source: String?
        var level: GovernmentLevel??, role: DutyRole??, catchAll = false
        switch target {
        case .mandate:
            tag.forEachAttribute { attribute, value in
                switch attribute.pointee {
                case UInt8(ascii: "i") where id == nil && Self.named(attribute, "id"):
                    id = tag.text(of: value)
                case UInt8(ascii: "s") where sector == nil && Self.named(attribute, "sector"):
                    sector = tag.text(of: value)
                case UInt8(ascii: "l") where level == nil && Self.named(attribute, "level"):
                    level = .some(vocabulary.levels.match(value))
                case UInt8(ascii: "s") where source == nil && Self.named(attribute, "source"):
                    source = tag.cleanedText(of: value)
                default:
                    break
                }
            }
        case .duty:
            dutyIDGiven = false
            tag.forEachAttribute { attribute, value in
                switch attribute.pointee {
                case UInt8(ascii: "i") where !dutyIDGiven && Self.named(attribute, "id"):
                    // Kept as bytes: they go straight into the arena, and their hash is taken from them.
                    dutyIDGiven = true
                    dutyID.removeAll()
                    if tag.needsDecoding(value) {
                        dutyID.append(tag.text(of: value))
                    } else {
                        dutyID.append(value)
                    }
                case UInt8(ascii: "m") where mandate == nil && Self.named(attribute, "mandate"):
                    mandate = tag.text(of: value)
                case UInt8(ascii: "r") where role == nil && Self.named(attribute, "role"):
                    role = .some(vocabulary.roles.match(value))
                case UInt8(ascii: "s") where source == nil && Self.named(attribute, "source"):
                    source = tag.cleanedText(of: value)
                case UInt8(ascii: "c") where Self.named(attribute, "catchAll"):
                    let flag = tag.text(of: value)
                    catchAll = flag == "true" || flag == "1"
                default:
                    break
                }
            }
        case .function, .power:
            break
        }
        pending = PendingText(target: target, position: position, id: id, mandate: mandate,
                              role: (role ?? nil) ?? .lead, sector: sector, level: level ?? nil, source: source,
                              catchAll: catchAll)
        frames.append(.text)
    }

    private func finishText(_ entry: PendingText, content: String) {
        switch entry.target {
        case .mandate:
            built.mandates.append(Mandate(
                id: MandateID(entry.id ?? ""), text: content, sector: entry.sector, level: entry.level,
                source: entry.source, catalog: built.id, location: location(entry.position)))
        case .function:
            guard let index = openUnits.last else { return }
            built.units[index].functions.append(content)
        case .power:
            guard let index = openUnits.last else { return }
            built.units[index].powers.append(content)
        case .duty:
            break  // finishDuty(_:)
        }
    }

    /// A duty's text, cleaned straight into the arena (no `String` on the way), and the duty.
    private func finishDuty(_ entry: PendingText) {
        if !arena.hasRoomForDuty {
            arena = TextArena()
            arenaFile = arena.position(ofFile: file)
        }
        let content = text.withBytes { TextCleaner.clean($0, into: arena) }
        text.removeAll()
        // Characters never outnumber bytes: the count is taken only for a long text.
        if content.byteCount > maxTextLength {
            let characters = arena.string(content).count
            if characters > maxTextLength {
                diagnostics.error(location(entry.position), TextLengthLimit.textMessage(characters: characters, limit: maxTextLength))
                return
            }
        }
        guard let index = openUnits.last else { return }
        let unit = built.units[index].id
        let id: TextSlice, idHash: Int
        if dutyIDGiven {
            (id, idHash) = dutyID.withBytes { (arena.append($0), ReferenceDigest.hash(ofID: $0)) }
        } else {
            let derived = Duty.derivedID(unit: unit, position: pendingDuties.count(of: index, in: built.units) + 1)
            (id, idHash) = (arena.append(derived.rawValue), ReferenceDigest.hash(of: derived))
        }
        let mandate = entry.mandate.map { MandateID($0) }
        built.digest.addDuty(idHash: idHash, mandate: mandate, inOrder: index == built.units.count - 1)
        pendingDuties.append(Duty(
            appendingTo: arena, id: id, isIDDerived: !dutyIDGiven, unit: unit, text: content,
            mandate: mandate, role: entry.role, source: entry.source, isCatchAll: entry.catchAll,
            file: arenaFile, line: entry.position.line, column: entry.position.column), to: index, units: &built.units)
    }
}
