import OrgModel
import Testing

@testable import OrgImport

/// ``ChartSchemaRules`` is kept in step with `orgchart-1.xsd` (the published contract): this test reads
/// the shipped XSD and fails on any element, attribute, type, enumeration value or facet that the table
/// does not say the same way.
@Suite("ChartSchemaRules says what orgchart-1.xsd says")
struct ChartSchemaRulesTests {
    private typealias Rules = ChartSchemaRules

    private static func schema() throws -> XMLTreeNode {
        let collector = DiagnosticCollector()
        let parser = TreeDocumentParser(file: "orgchart-1.xsd", formatName: "XSD", maxDepth: 64, diagnostics: collector)
        return try #require(parser.parse(Array(EmbeddedSchemas.orgchart1.utf8)))
    }

    private static func children(_ node: XMLTreeNode, _ name: String) -> [XMLTreeNode] {
        node.children.filter { $0.name == name }
    }

    private static func valueType(_ name: String?, enumerations: [String: [String]]) -> Rules.ValueType? {
        switch name {
        case "o:Identifier": .identifier
        case "o:Name": .name
        case "o:Text": .text
        case "xs:token", "xs:string": .anyText
        case "o:Count": .count
        case "xs:date": .date
        case "xs:boolean": .boolean
        case "xs:language": .language
        case let name?:
            enumerations[String(name.dropFirst(2))].map { .enumeration(String(name.dropFirst(2)), $0) }
        default: nil
        }
    }

    /// What the XSD declares for a complex type: content and attributes, in the table's terms.
    private static func declared(_ type: XMLTreeNode, enumerations: [String: [String]]) -> (String, [String]) {
        var attributeNodes = children(type, "attribute")
        var content = "empty"
        var anyAttribute = children(type, "anyAttribute")
        if let simple = children(type, "simpleContent").first, let ext = children(simple, "extension").first {
            content = "simple(\(String(describing: valueType(ext.attribute("base"), enumerations: enumerations))))"
            attributeNodes = children(ext, "attribute")
            anyAttribute = children(ext, "anyAttribute")
        } else if let sequence = children(type, "sequence").first {
            content = "elements(" + children(sequence, "element").map { element in
                "\(element.attribute("name") ?? "?") \(element.attribute("minOccurs") ?? "1") "
                    + (element.attribute("maxOccurs") ?? "1")
            }.joined(separator: ", ") + ")"
        }
        var lines = attributeNodes.map { node in
            "\(node.attribute("name") ?? "?") \(String(describing: valueType(node.attribute("type"), enumerations: enumerations))) "
                + "\(node.attribute("use") == "required")"
        }
        lines.append("anyAttribute " + anyAttribute.map { "\($0.attribute("namespace") ?? "") \($0.attribute("processContents") ?? "")" }
            .joined())
        return (content, lines)
    }

    private static func table(_ kind: Rules.Kind) -> (String, [String]) {
        let content: String
        switch Rules.content[kind.rawValue] {
        case .empty: content = "empty"
        case .simple(let type): content = "simple(\(String(describing: Optional(type))))"
        case .elements(let particles):
            content = "elements(" + particles.map { "\($0.name) \($0.min) \($0.max.map(String.init) ?? "unbounded")" }
                .joined(separator: ", ") + ")"
        }
        var lines = Rules.makeAttributes()[kind.rawValue].map { "\($0.name) \(String(describing: Optional($0.type))) \($0.required)" }
        lines.append("anyAttribute ##other skip")
        return (content, lines)
    }

    @Test("Every element's content and attributes, every enumeration, every facet")
    func inStep() throws {
        let schema = try Self.schema()
        var enumerations: [String: [String]] = [:]
        var facets: [String: [String]] = [:]
        for simple in Self.children(schema, "simpleType") {
            guard let name = simple.attribute("name"), let restriction = Self.children(simple, "restriction").first else {
                continue
            }
            let values = Self.children(restriction, "enumeration").compactMap { $0.attribute("value") }
            if !values.isEmpty { enumerations[name] = values }
            facets[name] = [restriction.attribute("base") ?? ""] + restriction.children
                .filter { $0.name != "enumeration" && $0.name != "annotation" }
                .map { "\($0.name)=\($0.attribute("value") ?? "")" }
        }
        // The lexical checks in ChartSchemaRules+Values implement exactly these facets.
        #expect(facets["Identifier"] == ["xs:string", "minLength=1", "maxLength=200", "pattern=[^\\s]+"])
        #expect(facets["Name"] == ["xs:token", "minLength=1", "maxLength=1000"])
        #expect(facets["Text"] == ["xs:token", "minLength=1"])
        #expect(facets["Count"] == ["xs:nonNegativeInteger", "maxInclusive=10000000"])
        for name in ["UnitKind", "Level", "Role", "StaffCategory", "ProvinceCategory"] {
            #expect(facets[name]?.first == "xs:token", "\(name) is not a restriction of xs:token")
        }
        #expect(Set(enumerations.keys) == ["UnitKind", "Level", "Role", "StaffCategory", "ProvinceCategory"])

        let named: [String: Rules.Kind] = ["MandateType": .mandate, "MandatesType": .mandates, "LeadershipType": .leadership,
                                           "StaffingType": .staffing, "FreeTextType": .freeText, "DutyType": .duty,
                                           "UnitType": .unit]
        var covered: Set<Int> = []
        for type in Self.children(schema, "complexType") {
            let name = type.attribute("name") ?? ""
            let kind = try #require(named[name], "complex type \(name) is not in ChartSchemaRules")
            #expect(Rules.typeName(kind) == name)
            let (content, attributes) = Self.declared(type, enumerations: enumerations)
            let expected = Self.table(kind)
            #expect(content == expected.0, "\(name)")
            #expect(attributes == expected.1, "\(name)")
            covered.insert(kind.rawValue)
        }
        for element in Self.children(schema, "element") {
            let name = element.attribute("name") ?? ""
            let kind = try #require(Rules.root(name), "root element \(name) is not in ChartSchemaRules")
            let type = try #require(Self.children(element, "complexType").first)
            let (content, attributes) = Self.declared(type, enumerations: enumerations)
            let expected = Self.table(kind)
            #expect(content == expected.0, "\(name)")
            #expect(attributes == expected.1, "\(name)")
            covered.insert(kind.rawValue)
        }
        #expect(covered.count == Rules.Kind.allCases.count)
    }
}
