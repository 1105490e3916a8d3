import Foundation
import OrgModel
import Testing

@testable import OrgImport

@Suite("Importing valid charts and catalogues")
struct OrgChartImporterTests {
    @Test("A chart is read with every element, NFC text and collapsed white space")
    func readsChart() throws {
        let result = try OrgChartImporter().load(files: [TestFiles.fixture("valid-chart.xml")])
        let chart = result.chart
        #expect(result.warnings.isEmpty)
        #expect(chart.id == "cao-bang")
        #expect(chart.name == "Ủy ban nhân dân tỉnh Cao Bằng")
        #expect(chart.asOf == ChartDate(year: 2025, month: 10, day: 1))
        #expect(chart.provinceCategory == .categoryIII)
        #expect(chart.units.map(\.id) == ["ubnd", "snv", "snv.tcbc"])
        #expect(chart.units.map(\.parent) == [nil, "ubnd", "snv"])
        #expect(chart.mandates.map(\.id) == ["NV.01"])
        #expect(chart.mandates[0].text == "Quản lý nhà nước về tổ chức bộ máy, biên chế công chức")
        #expect(chart.mandates[0].level == .province)

        let snv = try #require(chart.units.first { $0.id == "snv" })
        #expect(snv.kind == .department)
        #expect(snv.declaredLevel == nil)
        #expect(snv.leadership == Leadership(heads: 1, deputies: 3))
        #expect(snv.staffing.map(\.category) == [.civilServant, .publicEmployee])
        #expect(snv.staffing(.civilServant)?.quota == 45)
        #expect(snv.staffing(.civilServant)?.actual == 43)
        #expect(snv.functions == ["Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về nội vụ"])
        #expect(snv.powers.count == 1)
        #expect(snv.duties.map(\.id) == ["snv.1", "snv#2"])
        #expect(snv.duties[0].text == "Trình Ủy ban nhân dân tỉnh dự thảo quyết định quy định chức năng, nhiệm vụ, "
            + "quyền hạn của các cơ quan chuyên môn")
        #expect(snv.duties[0].mandate == "NV.01")
        #expect(snv.duties[0].role == .lead)
        #expect(snv.duties[1].isIDDerived)
        #expect(snv.duties[1].role == .support)
        #expect(snv.duties[1].text == "Phối hợp thẩm định đề án vị trí việc làm & cơ cấu ngạch")
        #expect(snv.duties[0].location == SourceLocation(file: TestFiles.fixture("valid-chart.xml"), line: 15, column: 7))
        #expect(snv.location.line == 10 && snv.location.column == 5)
    }

    @Test("Several chart files and catalogues merge into one chart, across-file parents resolve")
    func mergesFiles() throws {
        let result = try OrgChartImporter().load(
            files: [TestFiles.fixture("valid-chart.xml"), TestFiles.fixture("second-file.xml")],
            catalogs: [TestFiles.fixture("valid-catalog.xml")])
        let chart = result.chart
        #expect(chart.units.map(\.id) == ["ubnd", "snv", "snv.tcbc", "stc"])
        #expect(chart.units[3].parent == "ubnd")
        #expect(chart.units[3].parentIsReference)
        #expect(chart.mandates.map(\.id) == ["NV.01", "TC.01", "TC.02"])
        #expect(chart.catalogs.map(\.id) == ["test-catalog"])
        #expect(chart.mandates[1].catalog == "test-catalog")
        #expect(chart.sourceFiles.count == 3)
    }

    @Test("A catalogue given among the chart files is loaded as a catalogue")
    func catalogueAmongFiles() throws {
        let chart = try OrgChartImporter().load(
            files: [TestFiles.fixture("valid-catalog.xml"), TestFiles.fixture("second-file.xml"),
                    TestFiles.fixture("valid-chart.xml")]).chart
        #expect(chart.id == "cao-bang")
        #expect(chart.units.count == 4)
        #expect(chart.mandates.map(\.id) == ["NV.01", "TC.01", "TC.02"])
    }

    @Test("Charts of different dates merge with a warning, not an error")
    func differentDates() throws {
        let other = try TestFiles.write(TestFiles.chart(
            #"  <unit id="z" name="Z" kind="other"><leadership heads="1"/></unit>"#, attributes: #" asOf="2024-01-01""#))
        let result = try OrgChartImporter().load(files: [TestFiles.fixture("valid-chart.xml"), other])
        #expect(result.chart.asOf == ChartDate(year: 2025, month: 10, day: 1))
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.severity == .warning)
        #expect(result.warnings.first?.location.line == 2)
    }

    @Test("The SAX2 and text-reader back ends build the same model", arguments: [
        ["valid-chart.xml", "second-file.xml"], ["valid-chart-utf16.xml"], ["valid-chart-cp1258.xml"],
    ])
    func backendsAgree(files: [String]) throws {
        let paths = files.map(TestFiles.fixture)
        let catalogs = [TestFiles.fixture("valid-catalog.xml")]
        let sax = try OrgChartImporter(options: ImportOptions(backend: .sax)).load(files: paths, catalogs: catalogs)
        let reader = try OrgChartImporter(options: ImportOptions(backend: .reader)).load(files: paths, catalogs: catalogs)
        let strip = { (chart: OrgChart) -> [String] in
            chart.units.map { unit in
                "\(unit.id)|\(unit.name)|\(unit.kind)|\(String(describing: unit.parent))|"
                    + unit.duties.map { "\($0.id)=\($0.text)" }.joined(separator: ";")
            }
        }
        #expect(strip(sax.chart) == strip(reader.chart))
        #expect(sax.chart.mandates.map(\.text) == reader.chart.mandates.map(\.text))
    }
}
