import OrgModel

/// Builds a ``ParsedDocument`` from the element events of one OrgChart XML v1 file.
///
/// The schema is validated on the same pass and reports what is malformed (missing or invalid
/// attributes, elements out of order); this builder is lenient about such things, so that one problem
/// is reported once, by the schema, and keeps going to find the rest.
final class OrgDocumentBuilder: XMLEventHandler {
    static let namespace = "urn:orgscope:orgchart:1"

    private(set) var document: ParsedDocument
    private let diagnostics: DiagnosticCollector

    private enum Frame {
        case root
        case mandates
        case unit(index: Int)
        case text(TextTarget, SourceLocation, [XMLAttribute])
        case other
    }

    private enum TextTarget {
        case mandate
        case function
        case duty
        case power
    }

    private var frames: [Frame] = []
    private var openUnits: [Int] = []
    private var text: [UInt8] = []

    init(file: String, diagnostics: DiagnosticCollector) {
        document = ParsedDocument(file: file, location: SourceLocation(file: file, line: 1, column: 1))
        self.diagnostics = diagnostics
    }

    var wantsCharacters: Bool {
        if case .text = frames.last { return true }
        return false
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: bytes)
    }

    func startElement(name: String, namespace: String?, attributes: [XMLAttribute], location: SourceLocation) {
        guard namespace == Self.namespace else {
            if frames.isEmpty { reportForeignRoot(name: name, namespace: namespace, location: location) }
            frames.append(.other)
            return
        }
        if frames.isEmpty {
            startRoot(name: name, attributes: attributes, location: location)
            return
        }
        switch (frames.last, name) {
        case (.root, "mandates") where document.kind == .chart:
            frames.append(.mandates)
        case (.root, "mandate") where document.kind == .catalog, (.mandates, "mandate"):
            text.removeAll(keepingCapacity: true)
            frames.append(.text(.mandate, location, attributes))
        case (.root, "unit") where document.kind == .chart, (.unit, "unit"):
            startUnit(attributes: attributes, location: location)
        case (.unit(let index), "leadership"):
            document.units[index].leadership = Leadership(
                heads: Self.count(attributes["heads"]), deputies: Self.count(attributes["deputies"]))
            frames.append(.other)
        case (.unit(let index), "staffing"):
            if let category = attributes["category"].flatMap(StaffCategory.init(rawValue:)) {
                document.units[index].staffing.append(Staffing(
                    category: category, quota: Self.count(attributes["quota"]),
                    actual: Self.count(attributes["actual"]), location: location))
            }
            frames.append(.other)
        case (.unit, "function"), (.unit, "duty"), (.unit, "power"):
            text.removeAll(keepingCapacity: true)
            let target: TextTarget = name == "function" ? .function : name == "duty" ? .duty : .power
            frames.append(.text(target, location, attributes))
        default:
            frames.append(.other)  // the schema reports elements out of place
        }
    }

    func endElement() {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .unit:
            openUnits.removeLast()
        case .text(let target, let location, let attributes):
            let content = text.withUnsafeBufferPointer { TextCleaner.clean($0) }
            text.removeAll(keepingCapacity: true)
            finishText(target, content: content, attributes: attributes, location: location)
        case .root, .mandates, .other:
            break
        }
    }

    private func startRoot(name: String, attributes: [XMLAttribute], location: SourceLocation) {
        document.location = location
        document.id = attributes["id"] ?? ""
        document.name = attributes["name"].map(TextCleaner.clean) ?? ""
        switch name {
        case "orgChart":
            document.kind = .chart
            document.asOf = attributes["asOf"].flatMap(ChartDate.init(iso:))
            document.language = attributes["lang"]
            document.provinceCategory = attributes["provinceCategory"].flatMap(ProvinceCategory.init(rawValue:))
        case "mandateCatalog":
            document.kind = .catalog
            document.catalogSource = attributes["source"].map(TextCleaner.clean)
        default:
            break  // the schema reports an unknown root
        }
        frames.append(.root)
    }

    private func reportForeignRoot(name: String, namespace: String?, location: SourceLocation) {
        let found = namespace.map { "'\(name)' in namespace '\($0)'" } ?? "'\(name)' in no namespace"
        diagnostics.error(location, "the root element is \(found); an OrgChart XML v1 file starts with "
            + "<orgChart xmlns=\"\(Self.namespace)\"> or <mandateCatalog xmlns=\"\(Self.namespace)\">")
    }

    private func startUnit(attributes: [XMLAttribute], location: SourceLocation) {
        let id = UnitID(attributes["id"] ?? "")
        let enclosing = openUnits.last.map { document.units[$0].id }
        let parentAttribute = attributes["parent"]
        if let parentAttribute, enclosing != nil {
            document.nestedParentAttributes.append((id, parentAttribute, location))
        }
        let unit = Unit(
            id: id,
            name: attributes["name"].map(TextCleaner.clean) ?? "",
            kind: attributes["kind"].flatMap(UnitKind.init(rawValue:)) ?? .other,
            declaredLevel: attributes["level"].flatMap(GovernmentLevel.init(rawValue:)),
            parent: enclosing ?? parentAttribute.map { UnitID($0) },
            parentIsReference: enclosing == nil && parentAttribute != nil,
            reorganized: attributes["reorganized"].flatMap(ChartDate.init(iso:)),
            location: location)
        document.units.append(unit)
        openUnits.append(document.units.count - 1)
        frames.append(.unit(index: document.units.count - 1))
    }

    private func finishText(_ target: TextTarget, content: String, attributes: [XMLAttribute],
                            location: SourceLocation) {
        switch target {
        case .mandate:
            document.mandates.append(Mandate(
                id: MandateID(attributes["id"] ?? ""), text: content, sector: attributes["sector"],
                level: attributes["level"].flatMap(GovernmentLevel.init(rawValue:)),
                source: attributes["source"].map(TextCleaner.clean), catalog: document.id, location: location))
        case .function, .duty, .power:
            guard let index = openUnits.last else { return }
            if target == .function {
                document.units[index].functions.append(content)
            } else if target == .power {
                document.units[index].powers.append(content)
            } else {
                let unit = document.units[index].id
                let given = attributes["id"]
                let position = document.units[index].duties.count + 1
                document.units[index].duties.append(Duty(
                    id: given.map { DutyID($0) } ?? Duty.derivedID(unit: unit, position: position),
                    isIDDerived: given == nil, unit: unit, text: content,
                    mandate: attributes["mandate"].map { MandateID($0) },
                    role: attributes["role"].flatMap(DutyRole.init(rawValue:)) ?? .lead, location: location))
            }
        }
    }

    /// A count attribute; nil when absent or not a count (the schema reports the latter).
    private static func count(_ value: String?) -> Int? {
        guard let value else { return nil }
        var digits = Substring(value)
        while digits.first == " " { digits.removeFirst() }
        while digits.last == " " { digits.removeLast() }
        if digits.first == "+" { digits.removeFirst() }
        guard let number = Int(digits), number >= 0 else { return nil }
        return number
    }
}

extension [XMLAttribute] {
    /// The value of the unqualified attribute `name`.
    subscript(_ name: String) -> String? {
        first { $0.name == name && $0.namespace == nil }?.value
    }
}
