import OrgModel
import Testing

@Suite("Chart dates")
struct ChartDateTests {
    @Test("Valid ISO dates parse and print back", arguments: ["2025-10-01", "2024-02-29", "2000-02-29", "1999-12-31"])
    func valid(text: String) throws {
        let date = try #require(ChartDate(iso: text))
        #expect(date.description == text)
    }

    @Test("Invalid dates are refused", arguments: ["2025-02-29", "1900-02-29", "2025-13-01", "2025-1-01", "25-10-01", "", "2025-10-32"])
    func invalid(text: String) {
        #expect(ChartDate(iso: text) == nil)
    }

    @Test("A time-zone suffix (allowed by xs:date) is ignored; dates order chronologically")
    func suffixAndOrder() {
        #expect(ChartDate(iso: "2025-03-01Z") == ChartDate(year: 2025, month: 3, day: 1))
        #expect(ChartDate(iso: "2025-02-28")! < ChartDate(iso: "2025-03-01")!)
    }
}

@Suite("Identifiers and locations")
struct IdentifierTests {
    @Test("Ids order by code units, independent of locale; locations print as FILE:LINE:COLUMN")
    func ordering() {
        let ids: [UnitID] = ["b", "B", "a.2", "a.10", "Đ"]
        #expect(ids.sorted().map(\.rawValue) == ["B", "a.10", "a.2", "b", "Đ"])
        #expect(SourceLocation(file: "x.xml", line: 3, column: 7).description == "x.xml:3:7")
    }
}
