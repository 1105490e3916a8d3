import Glibc

/// OrgChart XML v1 as `orgdata/schema/orgchart-1.xsd` declares it, written out for ``ChartSchemaCheck``:
/// every element's content model and attributes, every simple type. The XSD stays the published
/// contract; `ChartSchemaRulesTests` reads it and fails when this table and the XSD part ways, and
/// `SchemaEquivalenceTests` holds the check to libxml2's verdicts.
enum ChartSchemaRules {
    /// A declared simple type of an attribute value or of simple content.
    enum ValueType: Equatable {
        /// `Identifier`: xs:string (white space kept), 1 to 200 characters, pattern `[^\s]+`.
        case identifier
        /// `Name`: xs:token (white space collapsed), 1 to 1000 characters.
        case name
        /// `Text`: xs:token, at least 1 character once collapsed.
        case text
        /// xs:token and xs:string: any value.
        case anyText
        /// `Count`: xs:nonNegativeInteger, at most 10 000 000.
        case count
        /// xs:date.
        case date
        /// xs:boolean.
        case boolean
        /// xs:language.
        case language
        /// An enumeration over xs:token: its XSD name and values.
        case enumeration(String, [String])

        /// How a message names the type.
        var label: String {
            switch self {
            case .identifier: "an identifier (1 to 200 characters, no white space)"
            case .name: "a name (1 to 1,000 characters, not only white space)"
            case .text: "a text (not empty, not only white space)"
            case .anyText: "a text"
            case .count: "a count (0 to 10,000,000)"
            case .date: "a date (YYYY-MM-DD, a real day)"
            case .boolean: "a boolean (true, false, 1 or 0)"
            case .language: "a language tag (such as vi or en-US)"
            case .enumeration(let name, let values): "a \(name) (\(values.joined(separator: ", ")))"
            }
        }
    }

    /// One attribute in no namespace.
    struct Attribute {
        let name: StaticString
        let type: ValueType
        let required: Bool
    }

    /// What an element may hold.
    enum Content {
        /// Child elements, in this order, each between its bounds (max `nil`: unbounded).
        case elements([(name: StaticString, min: Int, max: Int?)])
        /// Nothing at all: no element, no character (not even white space).
        case empty
        /// Character data of this type; no element.
        case simple(ValueType)
    }

    /// An element's declared type.
    enum Kind: Int, CaseIterable {
        case orgChart, mandateCatalog, mandates, mandate, unit, leadership, staffing, freeText, duty
    }

    static var unitKind: ValueType { .enumeration("UnitKind", ["committee", "department", "office", "division",
        "sub-department", "public-service-unit", "district", "commune", "other"]) }
    static var level: ValueType { .enumeration("Level", ["central", "province", "district", "commune"]) }
    static var role: ValueType { .enumeration("Role", ["lead", "support"]) }
    static var staffCategory: ValueType { .enumeration("StaffCategory",
        ["civil-servant", "public-employee", "contract", "other"]) }
    static var provinceCategory: ValueType { .enumeration("ProvinceCategory", ["special", "I", "II", "III"]) }

    /// The XSD name of each kind's type (nil: anonymous), for `xsi:type`.
    static func typeName(_ kind: Kind) -> String? {
        switch kind {
        case .orgChart, .mandateCatalog: nil
        case .mandates: "MandatesType"
        case .mandate: "MandateType"
        case .unit: "UnitType"
        case .leadership: "LeadershipType"
        case .staffing: "StaffingType"
        case .freeText: "FreeTextType"
        case .duty: "DutyType"
        }
    }

    /// The kind of the child `name` of an element of `parent` kind (nil: no such child is declared).
    static func child(_ name: String, of parent: Kind) -> Kind? {
        switch (parent, name) {
        case (.orgChart, "mandates"): .mandates
        case (.orgChart, "unit"), (.unit, "unit"): .unit
        case (.mandateCatalog, "mandate"), (.mandates, "mandate"): .mandate
        case (.unit, "leadership"): .leadership
        case (.unit, "staffing"): .staffing
        case (.unit, "function"), (.unit, "power"): .freeText
        case (.unit, "duty"): .duty
        default: nil
        }
    }

    /// The name of a root element's kind (``root(_:)`` read backwards).
    static func rootName(_ kind: Kind) -> StaticString {
        kind == .mandateCatalog ? "mandateCatalog" : "orgChart"
    }

    /// The kind of a root element named `name` (nil: not a root of the format).
    static func root(_ name: String) -> Kind? {
        switch name {
        case "orgChart": .orgChart
        case "mandateCatalog": .mandateCatalog
        default: nil
        }
    }

    /// What ``content`` says of each kind, without the particles: a plain value, copied for free.
    enum Shape { case elements, empty, simple }

    /// The ``Shape`` of each kind's content, by `Kind.rawValue`.
    static let shapes: [Shape] = content.map { content in
        switch content {
        case .elements: .elements
        case .empty: .empty
        case .simple: .simple
        }
    }

    static let content: [Content] = Kind.allCases.map { kind in
        switch kind {
        case .orgChart: .elements([("mandates", 0, 1), ("unit", 1, nil)])
        case .mandateCatalog, .mandates: .elements([("mandate", 0, nil)])
        case .unit: .elements([("leadership", 0, 1), ("staffing", 0, nil), ("function", 0, nil), ("duty", 0, nil),
                               ("power", 0, nil), ("unit", 0, nil)])
        case .leadership, .staffing: .empty
        case .mandate, .freeText, .duty: .simple(.text)
        }
    }

    /// The names of each kind's children, in order (empty: no element content).
    static let childNames: [[String]] = content.map { content in
        guard case .elements(let particles) = content else { return [] }
        return particles.map { "\($0.name)" }
    }

    /// The declared children of a `parent` element, in order: name and kind (empty: no element content).
    static let children: [[(name: StaticString, kind: Kind)]] = content.indices.map { index in
        guard case .elements(let particles) = content[index] else { return [] }
        return particles.map { particle in
            (particle.name, child("\(particle.name)", of: Kind(rawValue: index)!)!)
        }
    }

    /// The position in its parent's content model and the kind of the child whose local name is
    /// `localName` (NUL-terminated UTF-8), nil when `parent` declares no such child.
    @inline(__always)
    static func match(_ localName: UnsafePointer<UInt8>, in parent: Kind) -> (index: Int, kind: Kind)? {
        let declared = children[parent.rawValue]
        for index in declared.indices where sameName(localName, declared[index].name.utf8Start) {
            return (index, declared[index].kind)
        }
        return nil
    }

    /// Each kind's attributes, made anew at every call: a checker holds its own (``ChartSchemaCheck``), so
    /// that the two threads reading a split file never count references to the same arrays (one shared
    /// table cost a tenth of the import in contended reference counts, measured at L).
    static func makeAttributes() -> [[Attribute]] {
        Kind.allCases.map { kind in
            switch kind {
            case .orgChart:
                [Attribute(name: "id", type: .identifier, required: true),
                 Attribute(name: "name", type: .name, required: true),
                 Attribute(name: "asOf", type: .date, required: false),
                 Attribute(name: "lang", type: .language, required: false),
                 Attribute(name: "provinceCategory", type: provinceCategory, required: false),
                 Attribute(name: "illustrative", type: .boolean, required: false)]
            case .mandateCatalog:
                [Attribute(name: "id", type: .identifier, required: true),
                 Attribute(name: "name", type: .name, required: true),
                 Attribute(name: "source", type: .anyText, required: false)]
            case .mandates, .freeText:
                []
            case .mandate:
                [Attribute(name: "id", type: .identifier, required: true),
                 Attribute(name: "sector", type: .anyText, required: false),
                 Attribute(name: "level", type: level, required: false),
                 Attribute(name: "source", type: .anyText, required: false)]
            case .unit:
                [Attribute(name: "id", type: .identifier, required: true),
                 Attribute(name: "name", type: .name, required: true),
                 Attribute(name: "kind", type: unitKind, required: true),
                 Attribute(name: "level", type: level, required: false),
                 Attribute(name: "parent", type: .identifier, required: false),
                 Attribute(name: "reorganized", type: .date, required: false),
                 Attribute(name: "decision", type: .name, required: false),
                 Attribute(name: "decisionDate", type: .date, required: false)]
            case .leadership:
                [Attribute(name: "heads", type: .count, required: false),
                 Attribute(name: "deputies", type: .count, required: false),
                 Attribute(name: "maxDeputies", type: .count, required: false),
                 Attribute(name: "vacantHeads", type: .count, required: false)]
            case .staffing:
                [Attribute(name: "category", type: staffCategory, required: true),
                 Attribute(name: "quota", type: .count, required: false),
                 Attribute(name: "actual", type: .count, required: false)]
            case .duty:
                [Attribute(name: "id", type: .identifier, required: false),
                 Attribute(name: "mandate", type: .identifier, required: false),
                 Attribute(name: "role", type: role, required: false),
                 Attribute(name: "source", type: .name, required: false),
                 Attribute(name: "catchAll", type: .boolean, required: false)]
            }
        }
    }
}
