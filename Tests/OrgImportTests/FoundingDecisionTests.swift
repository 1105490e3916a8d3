import Foundation
import OrgImport
import OrgModel
import Testing

/// The `decision` and `decisionDate` attributes of `<unit>` (added compatibly to version 1): the decision
/// that founded the unit or last defined its functions, read, written back, and checked.
@Suite("A unit's founding decision")
struct FoundingDecisionTests {
    static let chart = TestFiles.chart("""
          <unit id="ubnd" name="UBND" kind="committee" level="province">
            <unit id="snv" name="Sở Nội vụ" kind="department" decision="  25/2025/QĐ-UBND " decisionDate="2025-03-05"/>
            <unit id="stp" name="Sở Tư pháp" kind="department" decision="15/2025/QĐ-UBND"/>
            <unit id="stc" name="Sở Tài chính" kind="department"/>
          </unit>
        """)

    @Test("Both attributes import into Unit.foundingDecision; decision alone has no date; neither gives nil")
    func imports() throws {
        let chart = try OrgChartImporter().load(files: [TestFiles.write(Self.chart)]).chart
        let units = Dictionary(uniqueKeysWithValues: chart.units.map { ($0.id.rawValue, $0) })
        #expect(units["snv"]?.foundingDecision == DecisionReference(number: "25/2025/QĐ-UBND",
                                                                     date: ChartDate(year: 2025, month: 3, day: 5)))
        #expect(units["stp"]?.foundingDecision == DecisionReference(number: "15/2025/QĐ-UBND", date: nil))
        #expect(units["stc"]?.foundingDecision == nil)
        #expect(units["ubnd"]?.foundingDecision == nil)
    }

    @Test("ChartXMLWriter writes both attributes back, and the written chart imports to the same units")
    func roundTrip() throws {
        let chart = try OrgChartImporter().load(files: [TestFiles.write(Self.chart)]).chart
        let written = ChartXMLWriter.write(chart)
        #expect(written.contains(#"decision="25/2025/QĐ-UBND" decisionDate="2025-03-05""#))
        #expect(written.contains(#"decision="15/2025/QĐ-UBND">"#))
        #expect(!written.contains("decisionDate=\"\""))
        let again = try OrgChartImporter().load(files: [TestFiles.write(written)]).chart
        #expect(again.units.map(\.foundingDecision) == chart.units.map(\.foundingDecision))
    }

    @Test("decisionDate without decision is an error at the unit's start tag")
    func dateAlone() throws {
        let path = try TestFiles.write(TestFiles.chart("""
              <unit id="ubnd" name="UBND" kind="committee">
                <unit id="a" name="A" kind="department" decisionDate="2025-03-05"/>
              </unit>
            """))
        let found = diagnostics(files: [path])
        #expect(positions(found) == ["4:5"])
        #expect(found.first?.message.contains("decisionDate=\"2025-03-05\"") == true)
        #expect(found.first?.message.contains("'a'") == true)
        #expect(found.first?.message.contains("no decision attribute") == true)
        #expect(found.first?.description.hasPrefix("\(path):4:5: error:") == true)
    }

    @Test("The schema rejects an impossible decisionDate and an empty decision", arguments: [
        #"decision="12/2025/QĐ-UBND" decisionDate="2025-02-30""#,
        #"decision="12/2025/QĐ-UBND" decisionDate="05/03/2025""#,
        #"decision="  " decisionDate="2025-03-05""#,
    ])
    func schemaRejects(attributes: String) throws {
        let path = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A" kind="department" \(attributes)/>
            """))
        let found = diagnostics(files: [path])
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.location.line == 3 }, "\(found)")
        let named = found.contains { $0.message.contains("decisionDate") || $0.message.contains("decision") }
        #expect(named, "\(found)")
    }

    @Test("The bundled sample names the decision of each of its 13 departments")
    func sample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("orgdata")
        let chart = try OrgChartImporter().load(
            files: [root.appendingPathComponent("cao-bang-2025.xml").path],
            catalogs: [root.appendingPathComponent("mandates/vn-province-2025.xml").path]).chart
        let departments = chart.units.filter { $0.kind == .department }
        #expect(departments.count == 13)
        #expect(departments.allSatisfy { $0.foundingDecision?.number.hasSuffix("/2025/QĐ-UBND") == true })
        #expect(departments.allSatisfy { $0.foundingDecision?.date?.year == 2025 })
        #expect(chart.units.filter { $0.kind != .department }.allSatisfy { $0.foundingDecision == nil })
    }
}
