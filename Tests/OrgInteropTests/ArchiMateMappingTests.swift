import Foundation
import OrgImport
import OrgModel
import Testing

@testable import OrgInterop

@Suite("ArchiMate mapping rules")
struct ArchiMateMappingTests {
    private func actor(_ id: String, _ name: String) -> String {
        #"    <element identifier="\#(id)" xsi:type="BusinessActor"><name xml:lang="vi">\#(name)</name></element>"#
    }

    private func relation(_ id: String, _ type: String, _ source: String, _ target: String) -> String {
        #"    <relationship identifier="\#(id)" source="\#(source)" target="\#(target)" xsi:type="\#(type)"/>"#
    }

    @Test("A second parent is ignored with a warning; the first relationship in the file wins")
    func secondParent() throws {
        let path = try TestFiles.write(TestFiles.model3(
            [actor("a", "A"), actor("b", "B"), actor("c", "C")].joined(separator: "\n"),
            relationships: [relation("r1", "Composition", "a", "c"), relation("r2", "Aggregation", "b", "c")]
                .joined(separator: "\n")))
        let result = try ArchiMateImporter().load(path: path)
        #expect(result.chart.unit("c")?.parent == "a")
        #expect(positions(result.warnings) == ["11:5"])
        #expect(result.warnings[0].message.contains("second parent") && result.warnings[0].message.contains("'r1'"))
    }

    @Test("A relationship that would close a cycle of sub-units is ignored with a warning")
    func cycle() throws {
        let path = try TestFiles.write(TestFiles.model3(
            [actor("a", "A"), actor("b", "B"), actor("c", "C")].joined(separator: "\n"),
            relationships: [relation("r1", "Composition", "a", "b"), relation("r2", "Composition", "b", "c"),
                            relation("r3", "Composition", "c", "a")].joined(separator: "\n")))
        let result = try ArchiMateImporter().load(path: path)
        #expect(result.chart.units.map { $0.parent?.rawValue } == [nil, "a", "b"])
        #expect(positions(result.warnings) == ["12:5"])
        #expect(result.warnings[0].message.contains("cycle of sub-units ('a' → 'b' → 'c' → 'a')"))
    }

    @Test("A self-composition is a cycle too")
    func selfCycle() throws {
        let path = try TestFiles.write(TestFiles.model3(actor("a", "A"), relationships: relation("r1", "Composition", "a", "a")))
        let result = try ArchiMateImporter().load(path: path)
        #expect(result.chart.unit("a")?.parent == nil)
        #expect(result.warnings.count == 1 && result.warnings[0].message.contains("cycle"))
    }

    @Test("A function assigned to two actors becomes a duty of each, with distinct ids")
    func sharedFunction() throws {
        let path = try TestFiles.write(TestFiles.model3(
            [actor("a", "A"), actor("b", "B"),
             #"    <element identifier="f" xsi:type="BusinessFunction"><name>Kiểm tra</name></element>"#]
                .joined(separator: "\n"),
            relationships: [relation("r1", "Assignment", "a", "f"), relation("r2", "Assignment", "b", "f")]
                .joined(separator: "\n")))
        let chart = try ArchiMateImporter().load(path: path).chart
        #expect(chart.unit("a")?.duties.map(\.id.rawValue) == ["f@a"])
        #expect(chart.unit("b")?.duties.map(\.id.rawValue) == ["f@b"])
    }

    @Test("Names: the one in the chart language is taken; the language is the model name's xml:lang")
    func languages() throws {
        let path = try TestFiles.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
              <name xml:lang="vi">Tỉnh</name>
              <name xml:lang="en">Province</name>
              <elements>
                <element identifier="a" xsi:type="BusinessActor">
                  <name xml:lang="en">Department of Home Affairs</name>
                  <name xml:lang="vi">Sở  Nội\u{0020}\u{0009}vụ</name>
                </element>
              </elements>
            </model>
            """)
        let chart = try ArchiMateImporter().load(path: path).chart
        #expect(chart.language == "vi" && chart.name == "Tỉnh")
        #expect(chart.unit("a")?.name == "Sở Nội vụ")
    }

    @Test("Text is NFC: a tone mark typed as a combining character equals the precomposed letter")
    func normalisation() throws {
        let decomposed = "Sở Nội vu\u{0323}"  // ụ as u + combining dot below
        let path = try TestFiles.write(TestFiles.model3(actor("a", decomposed)))
        #expect(try ArchiMateImporter().load(path: path).chart.unit("a")?.name == "Sở Nội vụ")
    }

    @Test("White space is cleaned by the native importer's rule: XML white space collapses, a no-break space stays")
    func whiteSpace() throws {
        let path = try TestFiles.write(TestFiles.model3(actor("a", "  Sở\t\n Nội\u{00A0}vụ  ")))
        let name = try #require(try ArchiMateImporter().load(path: path).chart.unit("a")?.name)
        #expect(name == "Sở Nội\u{00A0}vụ")
        let native = try OrgChartImporter().load(files: [TestFiles.write(ChartXMLWriter.write(
            try ArchiMateImporter().load(path: path).chart), name: "chart.xml")]).chart
        #expect(native.unit("a")?.name == name)
    }

    @Test("Bad property values are warnings; the default stays")
    func badProperties() throws {
        let path = try TestFiles.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
              <name>M</name>
              <elements>
                <element identifier="a" xsi:type="BusinessActor">
                  <name>A</name>
                  <properties>
                    <property propertyDefinitionRef="k"><value>ministry</value></property>
                    <property propertyDefinitionRef="q"><value>-3</value></property>
                    <property propertyDefinitionRef="k"><value>office</value></property>
                  </properties>
                </element>
              </elements>
              <propertyDefinitions>
                <propertyDefinition identifier="k" type="string"><name>Kind</name></propertyDefinition>
                <propertyDefinition identifier="q" type="number"><name>quota</name></propertyDefinition>
              </propertyDefinitions>
            </model>
            """)
        let result = try ArchiMateImporter().load(path: path)
        #expect(result.chart.unit("a")?.kind == .other)
        #expect(result.chart.unit("a")?.staffing.isEmpty == true)
        #expect(positions(result.warnings) == ["8:9", "9:9", "10:9"])
        #expect(result.warnings[0].message.contains("'ministry'"))
        #expect(result.warnings[1].message.contains("'-3'"))
        #expect(result.warnings[2].message.contains("more than once"))
    }

    @Test("Missing identifier, xsi:type, source: errors; a root that is not an ArchiMate model: an error")
    func structure() throws {
        let path = try TestFiles.write(TestFiles.model3(
            #"    <element xsi:type="BusinessActor"><name>A</name></element>"# + "\n"
                + #"    <element identifier="b"><name>B</name></element>"#,
            relationships: #"    <relationship identifier="r" target="b" xsi:type="Composition"/>"#))
        let found = importErrors(path)
        #expect(positions(found) == ["5:5", "6:5", "9:5"])
        #expect(found[0].message.contains("no identifier") && found[1].message.contains("xsi:type")
            && found[2].message.contains("no source"))
        let other = try TestFiles.write(#"<?xml version="1.0"?><model xmlns="urn:x" identifier="m"/>"#)
        #expect(importErrors(other).first?.message.contains("the root element is <model> in urn:x") == true)
    }

    @Test("Several models merge into one chart; an id used in both is an error")
    func severalFiles() throws {
        let first = try TestFiles.write(TestFiles.model3(actor("a", "A")))
        let second = try TestFiles.write(TestFiles.model3(actor("b", "B")))
        let merged = try ArchiMateImporter().load(paths: [first, second]).chart
        #expect(merged.units.map(\.id.rawValue) == ["a", "b"] && merged.sourceFiles == [first, second])
        let clash = try TestFiles.write(TestFiles.model3(actor("a", "A again")))
        #expect((try? ArchiMateImporter().load(paths: [first, clash])) == nil)
    }
}
