import OrgModel

/// Builds a ``Proposal`` from the element events of one proposal XML v1 file. Like the chart builder it
/// is lenient about what the schema reports, so that each problem is reported once.
final class ProposalDocumentBuilder: XMLEventHandler {
    static let namespace = "urn:orgscope:proposal:1"

    private(set) var proposal: Proposal?
    private let file: String
    private let diagnostics: DiagnosticCollector
    private var depth = 0
    private var text: [UInt8] = []
    private var capturing = false
    /// The open merge or split, collecting its children.
    private var open: (element: String, attributes: [XMLAttribute], location: SourceLocation)?
    private var mergeUnits: [UnitID] = []
    private var parts: [SplitPart] = []
    private var textAttributes: [XMLAttribute] = []
    private var textLocation: SourceLocation?

    /// Longest text or attribute value accepted, in characters (``ImportOptions/maxTextLength``).
    private let maxTextLength: Int

    init(file: String, diagnostics: DiagnosticCollector, maxTextLength: Int = Int.max) {
        self.file = file
        self.diagnostics = diagnostics
        self.maxTextLength = maxTextLength
    }

    var wantsCharacters: Bool { capturing }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: bytes) }

    func startElement(_ tag: XMLStartTag, at position: TagPosition) {
        let location = SourceLocation(file: file, line: position.line, column: position.column)
        if let long = tag.attribute(longerThan: maxTextLength) {
            diagnostics.error(location, TextLengthLimit.message(long, limit: maxTextLength))
        }
        startElement(name: tag.name, namespace: tag.namespace, attributes: tag.attributes, location: location)
    }

    /// Proposals are small: the builder works on copied names and attributes.
    private func startElement(name: String, namespace: String?, attributes: [XMLAttribute], location: SourceLocation) {
        depth += 1
        guard namespace == Self.namespace else {
            if depth == 1 {
                diagnostics.error(location, "the root element is '\(name)'; a proposal file starts with "
                    + "<proposal xmlns=\"\(Self.namespace)\">")
            }
            return
        }
        switch (depth, name) {
        case (1, "proposal"):
            proposal = Proposal(id: attributes["id"] ?? "", chart: attributes["chart"] ?? "",
                                title: attributes["title"].map(TextCleaner.clean) ?? "",
                                effective: attributes["effective"].flatMap(ChartDate.init(iso:)), location: location)
        case (2, "rationale"), (2, "addDuty"):
            capturing = true
            text.removeAll(keepingCapacity: true)
            textAttributes = attributes
            textLocation = location
        case (2, "merge"), (2, "split"):
            open = (name, attributes, location)
            mergeUnits = []
            parts = []
        case (2, _):
            if let action = Self.simpleAction(name, attributes) { append(action, location) }
        case (3, "unit") where open?.element == "merge":
            if let reference = attributes["ref"] { mergeUnits.append(UnitID(reference)) }
        case (3, "into") where open?.element == "split":
            parts.append(SplitPart(
                id: UnitID(attributes["id"] ?? ""), name: attributes["name"].map(TextCleaner.clean) ?? "",
                kind: attributes["kind"].flatMap(UnitKind.init(rawValue:)),
                duties: Self.list(attributes["duties"]).map { DutyID($0) },
                subUnits: Self.list(attributes["subUnitsTo"]).map { UnitID($0) }))
        case (4, "staffing"):
            if let category = attributes["category"].flatMap(StaffCategory.init(rawValue:)), !parts.isEmpty {
                parts[parts.count - 1].staffing.append(Staffing(category: category, quota: Self.count(attributes["quota"]),
                                                                actual: Self.count(attributes["actual"]), location: location))
            }
        case (4, "leadership"):
            if !parts.isEmpty {
                parts[parts.count - 1].leadership = Leadership(heads: Self.count(attributes["heads"]),
                                                               deputies: Self.count(attributes["deputies"]))
            }
        default:
            break  // the schema reports misplaced elements
        }
    }

    func endElement() {
        defer { depth -= 1 }
        if capturing, depth == 2, let location = textLocation {
            capturing = false
            let content = text.withUnsafeBufferPointer { TextCleaner.clean($0) }
            if content.utf8.count > maxTextLength, content.count > maxTextLength {
                diagnostics.error(location, TextLengthLimit.textMessage(characters: content.count, limit: maxTextLength))
                return
            }
            if textAttributes["unit"] != nil || textAttributes["id"] != nil {
                append(.addDuty(unit: UnitID(textAttributes["unit"] ?? ""), duty: DutyID(textAttributes["id"] ?? ""),
                                text: content, mandate: textAttributes["mandate"].map { MandateID($0) },
                                role: textAttributes["role"].flatMap(DutyRole.init(rawValue:)) ?? .lead), location)
            } else {
                proposal?.rationale = content
            }
            return
        }
        if depth == 2, let group = open {
            open = nil
            let a = group.attributes
            if group.element == "merge" {
                append(.merge(into: UnitID(a["into"] ?? ""), units: mergeUnits, name: a["name"].map(TextCleaner.clean),
                              kind: a["kind"].flatMap(UnitKind.init(rawValue:)), parent: a["parent"].map { UnitID($0) },
                              deputies: Self.count(a["deputies"])), group.location)
            } else {
                append(.split(unit: UnitID(a["unit"] ?? ""), parts: parts), group.location)
            }
        }
    }

    private func append(_ action: ProposalAction, _ location: SourceLocation) {
        proposal?.operations.append(ProposalOperation(action, at: location))
    }

    private static func simpleAction(_ name: String, _ a: [XMLAttribute]) -> ProposalAction? {
        let unit = UnitID(a["unit"] ?? "")
        switch name {
        case "transferDuty":
            return .transferDuty(duty: DutyID(a["duty"] ?? ""), to: UnitID(a["to"] ?? ""),
                                 role: a["role"].flatMap(DutyRole.init(rawValue:)))
        case "abolish":
            return .abolish(unit: unit, dutiesTo: a["dutiesTo"].map { UnitID($0) }, staffTo: a["staffTo"].map { UnitID($0) })
        case "move": return .move(unit: unit, parent: UnitID(a["parent"] ?? ""))
        case "rename": return .rename(unit: unit, name: a["name"].map(TextCleaner.clean) ?? "")
        case "setStaffing":
            guard let category = a["category"].flatMap(StaffCategory.init(rawValue:)) else { return nil }
            return .setStaffing(unit: unit, category: category, quota: count(a["quota"]), actual: count(a["actual"]))
        case "setLeadership":
            return .setLeadership(unit: unit, heads: count(a["heads"]), deputies: count(a["deputies"]),
                                  vacantHeads: count(a["vacantHeads"]))
        case "dropDuty": return .dropDuty(duty: DutyID(a["duty"] ?? ""), reason: a["reason"].map(TextCleaner.clean) ?? "")
        default: return nil
        }
    }

    private static func list(_ value: String?) -> [String] {
        (value ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    private static func count(_ value: String?) -> Int? {
        guard let value, let number = Int(value.trimmed), number >= 0 else { return nil }
        return number
    }
}
