import Foundation
import OrgModel
import Testing

@testable import OrgInterop

@Suite("Staffing spreadsheets merged into a chart")
struct StaffingSheetTests {
    private func chart() throws -> OrgChart {
        try ArchiMateImporter().load(path: TestFiles.fixture("vn-province-3.xml")).chart
    }

    @Test("Figures replace the chart's for that unit and category; blank cells keep them; new categories are added")
    func merge() throws {
        let merged = try StaffingSheet.merge(path: TestFiles.fixture("staffing.csv"), into: chart()).chart
        let snv = try #require(merged.unit("snv"))
        #expect(snv.staffing(.civilServant)?.quota == 70 && snv.staffing(.civilServant)?.actual == 66)
        #expect(snv.staffing(.publicEmployee)?.quota == 65 && snv.staffing(.publicEmployee)?.actual == 60)
        #expect(snv.leadership == Leadership(heads: 1, deputies: 2))
        let division = try #require(merged.unit("snv.tcbc"))
        #expect(division.staffing.map(\.category) == [.civilServant, .contract])
        #expect(division.staffing(.contract)?.quota == 2)
        #expect(division.staffing(.contract)?.location == SourceLocation(file: TestFiles.fixture("staffing.csv"), line: 4, column: 1))
        #expect(merged.unit("stc") == (try chart()).unit("stc"))
    }

    @Test("Semicolons, CRLF, a BOM and a quoted name column")
    func semicolons() throws {
        let merged = try StaffingSheet.merge(path: TestFiles.fixture("staffing-semicolon-bom.csv"), into: chart()).chart
        #expect(merged.unit("snv")?.staffing(.civilServant)?.quota == 70)
        #expect(merged.unit("stc")?.staffing(.publicEmployee)?.actual == 28)
    }

    @Test("Every problem in one run: bad number, unknown unit, unknown category, repeated row, field count")
    func errors() throws {
        let chart = try chart()
        #expect(throws: InteropError.self) { try StaffingSheet.merge(path: TestFiles.fixture("staffing-bad.csv"), into: chart) }
        do {
            _ = try StaffingSheet.merge(path: TestFiles.fixture("staffing-bad.csv"), into: chart)
        } catch {
            let found = error.diagnostics
            #expect(positions(found) == ["2:22", "3:1", "4:5", "5:1", "6:16"])
            #expect(found.allSatisfy { $0.severity == .error })
            #expect(found[1].message.contains("'ghost' is not in the chart"))
            #expect(found[3].message.contains("second civil-servant row (first on line 2)"))
        }
    }

    @Test("Header problems: unknown column, missing unit, nothing to merge")
    func header() throws {
        let chart = try chart()
        for (text, expected) in [("unit,category,budget\n", "unknown column 'budget'"),
                                 ("category,quota\n", "no 'unit' column"),
                                 ("unit,category,name\n", "nothing to merge"),
                                 ("", "empty")] {
            let path = try TestFiles.write(text, name: "s.csv")
            do {
                _ = try StaffingSheet.merge(path: path, into: chart)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.diagnostics.contains { $0.message.contains(expected) }, "\(text)")
            }
        }
    }

    @Test("Deputies are the unit's: two different values for one unit are an error")
    func deputies() throws {
        let path = try TestFiles.write("unit,category,deputies\nsnv,civil-servant,2\nsnv,public-employee,3\n", name: "s.csv")
        #expect(throws: InteropError.self) { try StaffingSheet.merge(path: path, into: chart()) }
        let same = try TestFiles.write("unit,category,deputies\nsnv,civil-servant,2\nsnv,public-employee,2\n", name: "s.csv")
        #expect(try StaffingSheet.merge(path: same, into: chart()).chart.unit("snv")?.leadership?.deputies == 2)
    }

    @Test("A row with no figure is a warning; an all-blank row is skipped")
    func blankRows() throws {
        let path = try TestFiles.write("unit,category,quota\nsnv,contract,\n,,\n", name: "s.csv")
        let result = try StaffingSheet.merge(path: path, into: chart())
        #expect(positions(result.warnings) == ["2:1"])
        #expect(result.chart.unit("snv")?.staffing(.contract) == nil)
    }
}
