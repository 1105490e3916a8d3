import OrgModel

/// Writes a chart as JSON-LD in the W3C Organization Ontology (`org:`), for open-data portals.
///
/// One flat `@graph`, every node named by an IRI (no blank nodes), in a fixed order: the organisation,
/// the units (chart order), their posts, staffing, duties, the mandates, then the vocabulary nodes
/// (unit kinds, the two roles). Keys are written in a fixed order, so the same chart gives the same bytes.
///
/// - the chart → `org:FormalOrganization` (also typed `org:Organization`), `org:hasUnit` every unit;
/// - a unit → `org:OrganizationalUnit`: `org:unitOf` the organisation, `org:subOrganizationOf` its parent
///   and `org:hasSubOrganization` its sub-units (always both directions), `skos:prefLabel` with the chart
///   language, `org:classification` its kind (a `skos:Concept`), functions as `dcterms:description`;
/// - head and deputy posts → one `org:Post` per unit and role (`org:postIn`, `org:role` head or deputy),
///   with the number of posts in `orgscope:positions`; the unit lists them in `org:hasPost`;
/// - staffing → `orgscope:Staffing` nodes (`orgscope:category`, `orgscope:quota`, `orgscope:actual`)
///   linked by `orgscope:staffing`;
/// - duties → `skos:Concept` nodes linked by `org:purpose`, with `orgscope:role` and `orgscope:mandate`;
/// - mandates → `skos:Concept` nodes with `skos:notation`, `dcterms:source`, `orgscope:level`.
public struct OrgJSONLDWriter: Sendable {
    /// The Organization Ontology.
    public static let org = "http://www.w3.org/ns/org#"
    /// orgscope's own terms (kinds, roles, staffing, counts).
    public static let vocabulary = "urn:orgscope:vocabulary:"

    /// The IRI every node IRI starts with.
    public let base: String

    /// A writer; `base` (an absolute IRI, e.g. `https://data.example.gov.vn/org/cao-bang/`) prefixes every
    /// node IRI. Without one, `urn:orgscope:CHART-ID:` is used.
    public init(base: String? = nil) {
        self.base = base ?? ""
    }

    /// The JSON-LD text (UTF-8, two-space indents, final newline).
    public func write(_ chart: OrgChart) -> String {
        let iris = IRIs(base: base.isEmpty ? "urn:orgscope:" + IRIs.encode(chart.id) + ":" : base)
        var graph: [JSONValue] = [organization(chart, iris)]
        var children: [UnitID: [UnitID]] = [:]
        let known = Set(chart.units.map(\.id))
        for unit in chart.units { if let parent = unit.parent, known.contains(parent) { children[parent, default: []].append(unit.id) } }
        for unit in chart.units { graph.append(self.unit(unit, chart: chart, children: children[unit.id] ?? [], iris)) }
        for unit in chart.units { graph.append(contentsOf: posts(unit, chart: chart, iris)) }
        for unit in chart.units { graph.append(contentsOf: staffing(unit, iris)) }
        for unit in chart.units { graph.append(contentsOf: unit.duties.map { duty($0, chart: chart, iris) }) }
        graph.append(contentsOf: chart.mandates.map { mandate($0, chart: chart, iris) })
        let kinds = UnitKind.allCases.filter { kind in chart.units.contains { $0.kind == kind } }
        graph.append(contentsOf: kinds.map { concept(kind: $0) })
        if chart.units.contains(where: { $0.leadership != nil }) {
            graph.append(role(IRIs.headRole, vi: "Người đứng đầu", en: "Head"))
            graph.append(role(IRIs.deputyRole, vi: "Cấp phó", en: "Deputy"))
        }
        let document: JSONValue = .object([
            ("@context", .object([
                ("org", .string(Self.org)),
                ("skos", .string("http://www.w3.org/2004/02/skos/core#")),
                ("rdfs", .string("http://www.w3.org/2000/01/rdf-schema#")),
                ("dcterms", .string("http://purl.org/dc/terms/")),
                ("xsd", .string("http://www.w3.org/2001/XMLSchema#")),
                ("orgscope", .string(Self.vocabulary)),
            ])),
            ("@graph", .array(graph)),
        ])
        return document.serialized()
    }

    // MARK: Nodes

    private func organization(_ chart: OrgChart, _ iris: IRIs) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@id", .string(iris.organization)),
            ("@type", .array([.string("org:FormalOrganization"), .string("org:Organization")])),
            ("skos:prefLabel", text(chart.name, chart)),
            ("rdfs:label", text(chart.name, chart)),
            ("dcterms:identifier", .string(chart.id)),
        ]
        if let asOf = chart.asOf { members.append(("dcterms:date", typed(asOf.description, "xsd:date"))) }
        if let category = chart.provinceCategory { members.append(("orgscope:provinceCategory", .string(category.rawValue))) }
        members.append(("org:hasUnit", references(chart.units.map { iris.unit($0.id) })))
        return .object(members)
    }

    private func unit(_ unit: Unit, chart: OrgChart, children: [UnitID], _ iris: IRIs) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@id", .string(iris.unit(unit.id))),
            ("@type", .array([.string("org:OrganizationalUnit")])),
            ("skos:prefLabel", text(unit.name, chart)),
            ("rdfs:label", text(unit.name, chart)),
            ("dcterms:identifier", .string(unit.id.rawValue)),
            ("org:classification", reference(IRIs.kind(unit.kind))),
        ]
        if let level = unit.declaredLevel { members.append(("orgscope:level", .string(level.rawValue))) }
        members.append(("org:unitOf", reference(iris.organization)))
        if let parent = unit.parent, chart.units.contains(where: { $0.id == parent }) {
            members.append(("org:subOrganizationOf", reference(iris.unit(parent))))
        }
        if !children.isEmpty { members.append(("org:hasSubOrganization", references(children.map(iris.unit)))) }
        if !unit.functions.isEmpty { members.append(("dcterms:description", .array(unit.functions.map { text($0, chart) }))) }
        if !unit.duties.isEmpty { members.append(("org:purpose", references(unit.duties.map { iris.duty($0.id) }))) }
        var posts: [String] = []
        if unit.leadership?.heads != nil { posts.append(iris.post(unit.id, IRIs.headRole)) }
        if unit.leadership?.deputies != nil { posts.append(iris.post(unit.id, IRIs.deputyRole)) }
        if !posts.isEmpty { members.append(("org:hasPost", references(posts))) }
        if !unit.staffing.isEmpty {
            members.append(("orgscope:staffing", references(unit.staffing.map { iris.staffing(unit.id, $0.category) })))
        }
        if !unit.powers.isEmpty { members.append(("orgscope:power", .array(unit.powers.map { text($0, chart) }))) }
        return .object(members)
    }

    private func posts(_ unit: Unit, chart: OrgChart, _ iris: IRIs) -> [JSONValue] {
        guard let leadership = unit.leadership else { return [] }
        let vietnamese = chart.language.lowercased().hasPrefix("vi")
        var nodes: [JSONValue] = []
        for (role, count, label) in [(IRIs.headRole, leadership.heads, vietnamese ? "Người đứng đầu" : "Head"),
                                     (IRIs.deputyRole, leadership.deputies, vietnamese ? "Cấp phó" : "Deputy")] {
            guard let count else { continue }
            nodes.append(.object([
                ("@id", .string(iris.post(unit.id, role))),
                ("@type", .array([.string("org:Post")])),
                ("skos:prefLabel", text("\(label), \(unit.name)", chart)),
                ("org:postIn", reference(iris.unit(unit.id))),
                ("org:role", reference(role)),
                ("orgscope:positions", .int(count)),
            ]))
        }
        return nodes
    }

    private func staffing(_ unit: Unit, _ iris: IRIs) -> [JSONValue] {
        unit.staffing.map { figures in
            var members: [(String, JSONValue)] = [
                ("@id", .string(iris.staffing(unit.id, figures.category))),
                ("@type", .array([.string("orgscope:Staffing")])),
                ("orgscope:unit", reference(iris.unit(unit.id))),
                ("orgscope:category", .string(figures.category.rawValue)),
            ]
            if let quota = figures.quota { members.append(("orgscope:quota", .int(quota))) }
            if let actual = figures.actual { members.append(("orgscope:actual", .int(actual))) }
            return .object(members)
        }
    }

    private func duty(_ duty: Duty, chart: OrgChart, _ iris: IRIs) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@id", .string(iris.duty(duty.id))),
            ("@type", .array([.string("skos:Concept")])),
            ("skos:notation", .string(duty.id.rawValue)),
            ("skos:prefLabel", text(duty.text, chart)),
            ("orgscope:unit", reference(iris.unit(duty.unit))),
            ("orgscope:role", .string(duty.role.rawValue)),
        ]
        if let mandate = duty.mandate { members.append(("orgscope:mandate", reference(iris.mandate(mandate)))) }
        return .object(members)
    }

    private func mandate(_ mandate: Mandate, chart: OrgChart, _ iris: IRIs) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@id", .string(iris.mandate(mandate.id))),
            ("@type", .array([.string("skos:Concept"), .string("orgscope:Mandate")])),
            ("skos:notation", .string(mandate.id.rawValue)),
            ("skos:prefLabel", text(mandate.text, chart)),
        ]
        if let sector = mandate.sector { members.append(("orgscope:sector", .string(sector))) }
        if let level = mandate.level { members.append(("orgscope:level", .string(level.rawValue))) }
        if let source = mandate.source { members.append(("dcterms:source", text(source, chart))) }
        return .object(members)
    }

    private func concept(kind: UnitKind) -> JSONValue {
        .object([
            ("@id", .string(IRIs.kind(kind))),
            ("@type", .array([.string("skos:Concept")])),
            ("skos:notation", .string(kind.rawValue)),
            ("skos:prefLabel", .array([language(Self.kindLabels[kind]?.vi ?? kind.rawValue, "vi"),
                                       language(Self.kindLabels[kind]?.en ?? kind.rawValue, "en")])),
        ])
    }

    private func role(_ iri: String, vi: String, en: String) -> JSONValue {
        .object([
            ("@id", .string(iri)),
            ("@type", .array([.string("org:Role"), .string("skos:Concept")])),
            ("skos:prefLabel", .array([language(vi, "vi"), language(en, "en")])),
        ])
    }

    private static let kindLabels: [UnitKind: (vi: String, en: String)] = [
        .committee: ("Ủy ban nhân dân", "People's committee"), .department: ("Sở", "Department"),
        .office: ("Văn phòng", "Office"), .division: ("Phòng", "Division"), .subDepartment: ("Chi cục", "Sub-department"),
        .publicServiceUnit: ("Đơn vị sự nghiệp công lập", "Public service unit"), .district: ("Huyện", "District"),
        .commune: ("Xã, phường", "Commune or ward"), .other: ("Khác", "Other"),
    ]

    // MARK: Values

    private func text(_ value: String, _ chart: OrgChart) -> JSONValue { language(value, chart.language) }

    private func language(_ value: String, _ tag: String) -> JSONValue {
        .object([("@value", .string(value)), ("@language", .string(tag))])
    }

    private func typed(_ value: String, _ type: String) -> JSONValue {
        .object([("@value", .string(value)), ("@type", .string(type))])
    }

    private func reference(_ iri: String) -> JSONValue { .object([("@id", .string(iri))]) }

    private func references(_ iris: [String]) -> JSONValue { .array(iris.map(reference)) }
}

/// The IRIs of a chart's nodes: the base, then a path of percent-encoded ids.
struct IRIs {
    let base: String

    var organization: String { base + "organization" }
    func unit(_ id: UnitID) -> String { base + "unit/" + Self.encode(id.rawValue) }
    func duty(_ id: DutyID) -> String { base + "duty/" + Self.encode(id.rawValue) }
    func mandate(_ id: MandateID) -> String { base + "mandate/" + Self.encode(id.rawValue) }
    func post(_ unit: UnitID, _ role: String) -> String {
        self.unit(unit) + "/post/" + (role == Self.headRole ? "head" : "deputy")
    }
    func staffing(_ unit: UnitID, _ category: StaffCategory) -> String {
        self.unit(unit) + "/staffing/" + category.rawValue
    }

    static let headRole = OrgJSONLDWriter.vocabulary + "role/head"
    static let deputyRole = OrgJSONLDWriter.vocabulary + "role/deputy"
    static func kind(_ kind: UnitKind) -> String { OrgJSONLDWriter.vocabulary + "kind/" + kind.rawValue }

    /// Every byte of the UTF-8 form except the unreserved characters (`A–Z a–z 0–9 - . _ ~`) as `%XX`.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// True for an absolute IRI usable as a base: a scheme, then no white space or `<>"{}|\^\``.
    static func isAbsolute(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return false }
        return !text.contains { $0.isWhitespace || "<>\"{}|\\^`".contains($0) }
    }
}

extension OrgJSONLDWriter {
    /// True when `base` can prefix node IRIs (an absolute IRI: a scheme, then no white space or `<>"{}|\^\``).
    public static func isUsableBase(_ base: String) -> Bool { IRIs.isAbsolute(base) }
}
