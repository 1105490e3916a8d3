import Foundation
import OrgImport
import OrgModel
import Testing

@testable import OrgInterop

@Suite("JSON-LD in the W3C Organization Ontology")
struct OrgJSONLDWriterTests {
    private func sampleChart() throws -> OrgChart {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try OrgChartImporter().load(files: [root.appendingPathComponent("orgdata/cao-bang-2025.xml").path],
                                           catalogs: [root.appendingPathComponent("orgdata/mandates/vn-province-2025.xml").path]).chart
    }

    /// The parsed document's nodes by @id (every node must have one).
    private func nodes(_ text: String) throws -> (context: [String: Any], nodes: [String: [String: Any]], order: [String]) {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let context = try #require(document["@context"] as? [String: Any])
        let graph = try #require(document["@graph"] as? [[String: Any]])
        var byID: [String: [String: Any]] = [:]
        var order: [String] = []
        for node in graph {
            let id = try #require(node["@id"] as? String, "a node without @id (a blank node)")
            #expect(byID[id] == nil, "node \(id) twice")
            byID[id] = node
            order.append(id)
        }
        return (context, byID, order)
    }

    private func references(_ node: [String: Any], _ key: String) -> [String] {
        (node[key] as? [[String: Any]])?.compactMap { $0["@id"] as? String }
            ?? ((node[key] as? [String: Any])?["@id"] as? String).map { [$0] } ?? []
    }

    private func types(_ node: [String: Any]) -> [String] { node["@type"] as? [String] ?? [] }

    @Test("The sample chart: context, every unit, reciprocal links, IRIs only, Vietnamese labels")
    func shape() throws {
        let chart = try sampleChart()
        let (context, nodes, _) = try nodes(OrgJSONLDWriter().write(chart))
        #expect(context["org"] as? String == "http://www.w3.org/ns/org#")
        #expect(context["skos"] as? String == "http://www.w3.org/2004/02/skos/core#")
        #expect(context["rdfs"] as? String == "http://www.w3.org/2000/01/rdf-schema#")
        let organization = try #require(nodes["urn:orgscope:cao-bang:organization"])
        #expect(types(organization).contains("org:FormalOrganization"))
        let units = nodes.values.filter { types($0).contains("org:OrganizationalUnit") }
        #expect(units.count == chart.units.count)
        #expect(Set(units.compactMap { $0["dcterms:identifier"] as? String }) == Set(chart.units.map(\.id.rawValue)))
        #expect(Set(references(organization, "org:hasUnit")) == Set(units.compactMap { $0["@id"] as? String }))
        for unit in units {
            let id = try #require(unit["@id"] as? String)
            #expect(references(unit, "org:unitOf") == ["urn:orgscope:cao-bang:organization"])
            let label = try #require(unit["skos:prefLabel"] as? [String: Any])
            #expect(label["@language"] as? String == "vi")
            for child in references(unit, "org:hasSubOrganization") {
                #expect(references(try #require(nodes[child]), "org:subOrganizationOf") == [id], "\(child) → \(id)")
            }
            for parent in references(unit, "org:subOrganizationOf") {
                #expect(references(try #require(nodes[parent]), "org:hasSubOrganization").contains(id))
            }
            for post in references(unit, "org:hasPost") {
                let node = try #require(nodes[post])
                #expect(types(node) == ["org:Post"] && references(node, "org:postIn") == [id])
                #expect(nodes[references(node, "org:role")[0]] != nil)
            }
            for duty in references(unit, "org:purpose") { #expect(nodes[duty] != nil) }
            for staffing in references(unit, "orgscope:staffing") { #expect(nodes[staffing]?["orgscope:category"] is String) }
        }
        let parentLinks = chart.units.filter { $0.parent != nil }.count
        #expect(units.reduce(0) { $0 + references($1, "org:subOrganizationOf").count } == parentLinks)
        for id in nodes.keys { #expect(id.hasPrefix("urn:") && !id.hasPrefix("_:") && !id.contains(" "), "\(id)") }
    }

    @Test("Figures: head and deputy posts with counts, staffing quotas, duties with their mandates")
    func figures() throws {
        let chart = try sampleChart()
        let (_, nodes, _) = try nodes(OrgJSONLDWriter().write(chart))
        let snv = try #require(chart.units.first { $0.id == "snv" })
        let deputies = try #require(nodes["urn:orgscope:cao-bang:unit/snv/post/deputy"])
        #expect(deputies["orgscope:positions"] as? Int == snv.leadership?.deputies)
        let staffing = try #require(nodes["urn:orgscope:cao-bang:unit/snv/staffing/civil-servant"])
        #expect(staffing["orgscope:quota"] as? Int == snv.staffing(.civilServant)?.quota)
        let duty = try #require(nodes["urn:orgscope:cao-bang:duty/snv.1"])
        #expect(references(duty, "orgscope:mandate") == ["urn:orgscope:cao-bang:mandate/NV.01"])
        #expect(nodes["urn:orgscope:cao-bang:mandate/NV.01"] != nil)
    }

    @Test("The same chart gives the same bytes")
    func deterministic() throws {
        let chart = try sampleChart()
        #expect(OrgJSONLDWriter().write(chart) == OrgJSONLDWriter().write(chart))
        let reimported = try sampleChart()
        #expect(OrgJSONLDWriter().write(reimported) == OrgJSONLDWriter().write(chart))
    }

    @Test("Ids are percent-encoded into IRIs; a base IRI prefixes every node")
    func iris() throws {
        var chart = OrgChart(id: "tỉnh x", name: "Tỉnh", units: [
            Unit(id: "a#1", name: "A", kind: .department, location: SourceLocation(file: "f", line: 1, column: 1)),
        ])
        chart.units[0].duties = [Duty(id: Duty.derivedID(unit: "a#1", position: 1), unit: "a#1", text: "Làm",
                                      location: SourceLocation(file: "f", line: 2, column: 1))]
        let text = OrgJSONLDWriter().write(chart)
        #expect(text.contains("\"urn:orgscope:t%E1%BB%89nh%20x:unit/a%231\""))
        #expect(text.contains("\"urn:orgscope:t%E1%BB%89nh%20x:duty/a%231%231\""))
        let based = OrgJSONLDWriter(base: "https://data.example.gov.vn/org/").write(chart)
        let (_, nodes, _) = try nodes(based)
        #expect(nodes.keys.filter { !$0.hasPrefix("urn:orgscope:vocabulary:") }
            .allSatisfy { $0.hasPrefix("https://data.example.gov.vn/org/") })
        #expect(OrgJSONLDWriter.isUsableBase("https://x/") && !OrgJSONLDWriter.isUsableBase("no scheme")
            && !OrgJSONLDWriter.isUsableBase("http://a b/"))
    }

    @Test("An ArchiMate model exports too, in its own language")
    func archiMate() throws {
        let chart = try ArchiMateImporter().load(path: TestFiles.fixture("vn-province-21.xml")).chart
        let (_, nodes, _) = try nodes(OrgJSONLDWriter().write(chart))
        let vp = try #require(nodes["urn:orgscope:ha-giang-am:unit/syt.vp"])
        #expect(references(vp, "org:subOrganizationOf") == ["urn:orgscope:ha-giang-am:unit/syt"])
        #expect((vp["skos:prefLabel"] as? [String: Any])?["@value"] as? String == "Văn phòng Sở")
    }
}
