import Foundation
import OrgImport
import OrgModel
import Testing

@testable import OrgInterop

@Suite("ArchiMate exchange files → OrgChart")
struct ArchiMateImporterTests {
    @Test("3.x: actors become units, nested by Composition/Aggregation, with kind, level, leadership and staffing")
    func units3() throws {
        let result = try ArchiMateImporter().load(path: TestFiles.fixture("vn-province-3.xml"))
        let chart = result.chart
        #expect(chart.id == "cao-bang-am")
        #expect(chart.name == "Ủy ban nhân dân tỉnh Cao Bằng")
        #expect(chart.language == "vi")
        #expect(chart.asOf == ChartDate(year: 2025, month: 10, day: 1))
        #expect(chart.provinceCategory == .categoryIII)
        #expect(chart.units.map(\.id.rawValue) == ["ubnd", "snv", "snv.tcbc", "stc"])
        #expect(chart.units.map { $0.parent?.rawValue } == [nil, "ubnd", "snv", "ubnd"])
        let ubnd = try #require(chart.unit("ubnd"))
        #expect(ubnd.kind == .committee && ubnd.declaredLevel == .province)
        #expect(ubnd.leadership == Leadership(heads: 1, deputies: 3))
        let snv = try #require(chart.unit("snv"))
        #expect(snv.kind == .department)
        #expect(snv.functions == ["Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về tổ chức bộ máy, biên chế"])
        #expect(snv.staffing.map(\.category) == [.civilServant, .publicEmployee])
        #expect(snv.staffing(.civilServant)?.quota == 65 && snv.staffing(.civilServant)?.actual == 64)
        #expect(snv.staffing(.publicEmployee)?.quota == 65 && snv.staffing(.publicEmployee)?.actual == 61)
        #expect(chart.unit("snv.tcbc")?.staffing(.civilServant)?.quota == 8)
        // "ba" is not a number: the deputies figure is left out, the heads figure kept.
        #expect(chart.unit("stc")?.leadership == Leadership(heads: 1, deputies: nil))
    }

    @Test("3.x: functions and processes become duties, directly or through a role; mandate and role properties")
    func duties3() throws {
        let chart = try ArchiMateImporter().load(path: TestFiles.fixture("vn-province-3.xml")).chart
        let snv = try #require(chart.unit("snv"))
        #expect(snv.duties.map(\.id.rawValue) == ["nv.1"])
        #expect(snv.duties.first?.mandate == "NV.01")
        #expect(snv.duties.first?.role == .lead)
        #expect(snv.duties.first?.location.line == 53)
        // Role-mediated: snv.tcbc → Cán bộ thẩm định → nv.2; the documentation follows the name.
        let division = try #require(chart.unit("snv.tcbc"))
        #expect(division.duties.map(\.id.rawValue) == ["nv.2"])
        #expect(division.duties.first?.role == .support)
        #expect(division.duties.first?.text
            == "Thẩm định đề án vị trí việc làm: Phối hợp thẩm định đề án vị trí việc làm của các cơ quan, đơn vị")
        #expect(chart.unit("stc")?.duties.map(\.text) == ["Quản lý ngân sách nhà nước của tỉnh"])
    }

    @Test("3.x: everything not mapped is a warning at its own line and column")
    func warnings3() throws {
        let warnings = try ArchiMateImporter().load(path: TestFiles.fixture("vn-province-3.xml")).warnings
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(positions(warnings) == ["46:9", "47:9", "69:5", "72:5", "84:5", "86:3"])
        #expect(warnings[0].message.contains("'deputies'") && warnings[0].message.contains("'ba'"))
        #expect(warnings[1].message.contains("'màu'") && warnings[1].message.contains("not mapped"))
        #expect(warnings[2].message.contains("BusinessService 'Dịch vụ công trực tuyến' (dvc) is not mapped"))
        #expect(warnings[3].message.contains("BusinessObject"))
        #expect(warnings[4].message.contains("Serving relationship 'r8'"))
        #expect(warnings[5].message.contains("<organizations>"))
        #expect(warnings.allSatisfy { $0.location.file == TestFiles.fixture("vn-province-3.xml") })
    }

    @Test("2.1: labels, propertydefs with identifierref, key/value properties, *Relationship types")
    func format21() throws {
        let result = try ArchiMateImporter().load(path: TestFiles.fixture("vn-province-21.xml"))
        let chart = result.chart
        #expect(chart.id == "ha-giang-am" && chart.name == "Ủy ban nhân dân tỉnh Hà Giang" && chart.language == "vi")
        #expect(chart.units.map(\.id.rawValue) == ["ubnd", "syt", "syt.vp"])
        #expect(chart.units.map { $0.parent?.rawValue } == [nil, "ubnd", "syt"])
        let syt = try #require(chart.unit("syt"))
        #expect(syt.kind == .department)
        #expect(syt.leadership == Leadership(heads: 1, deputies: 2))
        #expect(syt.staffing(.civilServant)?.quota == 40 && syt.staffing(.civilServant)?.actual == 42)
        #expect(syt.duties.map(\.id.rawValue) == ["yt.1"])
        #expect(chart.unit("syt.vp")?.kind == .office)
        #expect(chart.unit("syt.vp")?.duties.map(\.text) == ["Kiểm tra an toàn thực phẩm"])
        #expect(positions(result.warnings) == ["40:5", "50:5"])
        #expect(result.warnings[0].message.contains("BusinessEvent"))
        #expect(result.warnings[1].message.contains("Triggering relationship 'r6'"))
    }

    @Test("Dangling references and duplicate identifiers: every one an error at its line and column", arguments: [
        ("dangling-3.xml", ["6:5", "9:19", "13:5", "14:5", "17:11"]),
        ("dangling-21.xml", ["8:5"]),
    ])
    func danglingReferences(file: String, expected: [String]) {
        let found = importErrors(TestFiles.fixture(file))
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(positions(found) == expected)
        #expect(found.contains { $0.message.contains("target=\"ghost\"") })
    }

    @Test("The dangling fixture names each kind of bad reference")
    func danglingMessages() {
        let messages = importErrors(TestFiles.fixture("dangling-3.xml")).map(\.message)
        #expect(messages[0].contains("duplicate identifier 'a'"))
        #expect(messages[1].contains("propertyDefinitionRef=\"p-missing\""))
        #expect(messages[3].contains("source=\"nobody\""))
        #expect(messages[4].contains("identifierRef=\"missing-item\""))
    }

    @Test("Archisurance (a real Archi export): 17 actors, two role-mediated duties, a warning for the rest",
          .enabled(if: TestFiles.sharedAvailable))
    func archisurance() throws {
        let result = try ArchiMateImporter().load(path: TestFiles.shared("archisurance.xml"))
        #expect(result.chart.name == "Archisurance" && result.chart.id == "id-11f5304f" && result.chart.language == "en")
        #expect(result.chart.units.count == 17)
        #expect(result.chart.units.allSatisfy { $0.parent == nil })
        // ArchiSurance (id-275) → role Insurer (id-514) → Handle Claim process, Close Contract process.
        let insurer = try #require(result.chart.unit("id-275"))
        #expect(insurer.duties.map(\.id.rawValue) == ["id-556", "id-612"] || insurer.duties.map(\.id.rawValue) == ["id-612", "id-556"])
        #expect(result.chart.dutyCount == 2)
        #expect(result.warnings.count > 100)
        #expect(result.warnings.allSatisfy { $0.location.line > 0 && $0.location.column > 0 })
        #expect(result.warnings.contains { $0.message.contains("Flow relationship") })
        #expect(result.warnings.contains { $0.message.contains("view") && $0.message.contains("diagrams") })
    }

    @Test("sample1 (a role and a process, no actor): an error, and a warning for each element",
          .enabled(if: TestFiles.sharedAvailable))
    func sampleWithoutActors() {
        let found = importErrors(TestFiles.shared("sample1.xml"))
        #expect(found.filter { $0.severity == .error }.count == 1)
        #expect(found.first { $0.severity == .error }?.message.contains("no BusinessActor") == true)
        #expect(positions(found) == ["2:1", "5:5", "9:5"])
        #expect(found[1].message.contains("assigned to no BusinessActor"))
    }

    @Test("A model converted to OrgChart XML imports natively with the same units, duties and figures")
    func roundTrip() throws {
        let chart = try ArchiMateImporter().load(path: TestFiles.fixture("vn-province-3.xml")).chart
        let path = try TestFiles.write(ChartXMLWriter.write(chart), name: "chart.xml")
        let catalog = try TestFiles.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <mandateCatalog xmlns="urn:orgscope:orgchart:1" id="c" name="C">
              <mandate id="NV.01">Quản lý nhà nước về tổ chức bộ máy</mandate>
            </mandateCatalog>
            """, name: "catalog.xml")
        let native = try OrgChartImporter().load(files: [path], catalogs: [catalog]).chart
        #expect(native.units.map(\.id) == chart.units.map(\.id))
        #expect(native.units.map(\.parent) == chart.units.map(\.parent))
        #expect(native.units.map(\.staffing.count) == chart.units.map(\.staffing.count))
        #expect(native.units.map(\.leadership) == chart.units.map(\.leadership))
        #expect(native.units.flatMap(\.duties).map(\.id) == chart.units.flatMap(\.duties).map(\.id))
        #expect(native.units.flatMap(\.duties).map(\.text) == chart.units.flatMap(\.duties).map(\.text))
        #expect(native.asOf == chart.asOf && native.provinceCategory == chart.provinceCategory)
    }

    @Test("Unresolved mandates are detached with a warning for direct analysis")
    func detachMandates() throws {
        let chart = try ArchiMateImporter().load(path: TestFiles.fixture("vn-province-3.xml")).chart
        let (detached, warnings) = ArchiMateImporter.detachingUnresolvedMandates(chart)
        #expect(detached.units.flatMap(\.duties).allSatisfy { $0.mandate == nil })
        #expect(warnings.count == 1 && warnings[0].message.contains("NV.01") && warnings[0].location.line == 53)
    }
}
