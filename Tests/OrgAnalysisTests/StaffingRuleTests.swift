import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import Testing

/// The staffing rules at and around every threshold, in each regime and province category.
@Suite("Staffing and leadership norms")
struct StaffingRuleTests {
    static func chart(asOf: String?, category: String?, _ body: String) throws -> OrgChart {
        var attributes = ""
        if let asOf { attributes += " asOf=\"\(asOf)\"" }
        if let category { attributes += " provinceCategory=\"\(category)\"" }
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <orgChart xmlns="urn:orgscope:orgchart:1" id="t" name="Tỉnh"\(attributes)>
            <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1" deputies="3"/>
            \(body)
            </unit>
            </orgChart>
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-\(UUID().uuidString).xml").path
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try OrgChartImporter().load(files: [path]).chart
    }

    static func findings(_ code: String, _ chart: OrgChart, configuration: AnalysisConfiguration = AnalysisConfiguration())
        -> [Finding]
    {
        guard let rule = RuleCatalog.rule(code: code) else { return [] }
        return Analyzer(configuration: configuration, rules: [rule]).analyze(chart).findings.filter { $0.effectiveFrom == nil }
    }

    static func division(posts: Int, deputies: Int = 1, id: String = "d") -> String {
        """
          <unit id="s" name="Sở" kind="department"><leadership heads="1" deputies="2"/>
            <unit id="\(id)" name="Phòng" kind="division"><leadership heads="1" deputies="\(deputies)"/>
              <staffing category="civil-servant" quota="\(posts)" actual="\(posts)"/></unit>
          </unit>
        """
    }

    @Test("Regimes switch on 2025-03-01 and 2026-01-01; no date means the latest", arguments: [
        ("2025-02-28", NormRegime.decree24of2014), ("2025-03-01", .decree45of2025), ("2025-12-31", .decree45of2025),
        ("2026-01-01", .decree370of2025),
    ])
    func regimeByDate(date: String, regime: NormRegime) {
        #expect(NormRegime.inForce(on: ChartDate(iso: date)) == regime)
        #expect(NormRegime.inForce(on: nil) == .decree370of2025)
    }

    @Test("STF003 division minimum by category: at the minimum no finding, one below a finding", arguments: [
        ("special", 7), ("I", 6), ("II", 5), ("III", 5),
    ])
    func divisionMinimum(category: String, minimum: Int) throws {
        let at = try Self.chart(asOf: "2025-10-01", category: category, Self.division(posts: minimum))
        #expect(Self.findings("STF003", at).isEmpty)
        let below = try Self.chart(asOf: "2025-10-01", category: category, Self.division(posts: minimum - 1))
        let found = Self.findings("STF003", below)
        #expect(found.map(\.units) == [["d"]])
        #expect(found.first?.evidence["minimum"] == .int(minimum))
    }

    @Test("STF003 sub-department 12, division of a sub-department 5, public service unit 15")
    func otherMinimums() throws {
        func body(sub: Int, subDivision: Int, psu: Int) -> String {
            """
              <unit id="s" name="Sở" kind="department"><leadership heads="1" deputies="2"/>
                <unit id="cc" name="Chi cục" kind="sub-department"><leadership heads="1" deputies="2"/>
                  <staffing category="civil-servant" quota="\(sub)"/>
                  <unit id="cc.p" name="Phòng thuộc chi cục" kind="division"><leadership heads="1" deputies="1"/>
                    <staffing category="civil-servant" quota="\(subDivision)"/></unit>
                </unit>
                <unit id="tt" name="Trung tâm" kind="public-service-unit"><leadership heads="1" deputies="2"/>
                  <staffing category="public-employee" quota="\(psu)"/></unit>
              </unit>
            """
        }
        #expect(Self.findings("STF003", try Self.chart(asOf: "2025-10-01", category: "III", body(sub: 12, subDivision: 5, psu: 15))).isEmpty)
        let below = Self.findings("STF003", try Self.chart(asOf: "2025-10-01", category: "III", body(sub: 11, subDivision: 4, psu: 14)))
        #expect(below.map(\.units) == [["cc"], ["cc.p"], ["tt"]])
    }

    @Test("STF004 division deputies: category bands before 2026, one band for all from 2026", arguments: [
        // (date, category, posts, deputies, finding?)
        ("2025-10-01", "III", 7, 1, false), ("2025-10-01", "III", 7, 2, true), ("2025-10-01", "III", 8, 2, false),
        ("2025-10-01", "III", 14, 3, true), ("2025-10-01", "III", 15, 3, false),
        ("2025-10-01", "I", 8, 2, true), ("2025-10-01", "I", 9, 2, false),
        ("2025-10-01", "special", 9, 2, true), ("2025-10-01", "special", 10, 2, false),
        ("2024-06-01", "III", 8, 2, false), ("2024-06-01", "III", 7, 2, true),
        ("2026-01-01", "III", 8, 2, true), ("2026-01-01", "III", 9, 2, true), ("2026-01-01", "III", 10, 2, false),
        ("2026-01-01", "special", 15, 3, false),
    ])
    func divisionDeputies(date: String, category: String, posts: Int, deputies: Int, expected: Bool) throws {
        // Department deputies 3 so that the 2026 "not above the superior" rule does not interfere.
        let body = Self.division(posts: posts, deputies: deputies).replacingOccurrences(of: "deputies=\"2\"/>\n    <unit",
                                                                                       with: "deputies=\"3\"/>\n    <unit")
        let found = Self.findings("STF004", try Self.chart(asOf: date, category: category, body))
        #expect(found.isEmpty == !expected, "\(date) \(category) \(posts) posts \(deputies) deputies: \(found.map(\.message.en))")
    }

    @Test("STF004 sub-department: 1–3 divisions → 1 deputy, none or 4+ → 2", arguments: [
        (0, 2, false), (1, 1, false), (1, 2, true), (3, 2, true), (4, 2, false), (4, 3, true),
    ])
    func subDepartmentDeputies(divisions: Int, deputies: Int, expected: Bool) throws {
        let children = (0..<divisions).map {
            "<unit id=\"cc.\($0)\" name=\"P\($0)\" kind=\"division\"><leadership heads=\"1\" deputies=\"1\"/></unit>"
        }.joined()
        let body = """
              <unit id="s" name="Sở" kind="department"><leadership heads="1" deputies="3"/>
                <unit id="cc" name="Chi cục" kind="sub-department"><leadership heads="1" deputies="\(deputies)"/>\(children)</unit>
              </unit>
            """
        let found = Self.findings("STF004", try Self.chart(asOf: "2025-10-01", category: "III", body)).filter { $0.units == ["cc"] }
        #expect(found.isEmpty == !expected)
    }

    @Test("STF004 public service unit: up to 20 employees → 2 deputies, more → 3", arguments: [
        (20, 2, false), (20, 3, true), (21, 3, false), (21, 4, true),
    ])
    func publicServiceUnitDeputies(staff: Int, deputies: Int, expected: Bool) throws {
        let body = """
              <unit id="tt" name="Trung tâm" kind="public-service-unit"><leadership heads="1" deputies="\(deputies)"/>
                <staffing category="public-employee" quota="\(staff)"/></unit>
            """
        #expect(Self.findings("STF004", try Self.chart(asOf: "2025-10-01", category: "III", body)).isEmpty == !expected)
    }

    @Test("STF004 from 2026: a sub-unit may not have more deputies than its direct superior")
    func withinSuperior() throws {
        let body = """
              <unit id="s" name="Sở" kind="department"><leadership heads="1" deputies="1"/>
                <unit id="tt" name="Trung tâm" kind="public-service-unit"><leadership heads="1" deputies="2"/>
                  <staffing category="public-employee" quota="30"/></unit>
              </unit>
            """
        #expect(Self.findings("STF004", try Self.chart(asOf: "2025-12-31", category: "III", body)).isEmpty)
        let found = Self.findings("STF004", try Self.chart(asOf: "2026-01-01", category: "III", body))
        #expect(found.map(\.units) == [["tt"]])
        #expect(found.first?.message.en.contains("direct superior") == true)
    }

    @Test("STF004 departments: the province average, reported once with the departments above 3 as evidence")
    func departmentAverage() throws {
        func body(_ deputies: [Int]) -> String {
            deputies.enumerated().map { "<unit id=\"s\($0.offset)\" name=\"Sở \($0.offset)\" kind=\"department\">"
                + "<leadership heads=\"1\" deputies=\"\($0.element)\"/></unit>" }.joined(separator: "\n")
        }
        #expect(Self.findings("STF004", try Self.chart(asOf: "2025-10-01", category: "III", body([4, 2, 3]))).isEmpty)
        let found = Self.findings("STF004", try Self.chart(asOf: "2025-10-01", category: "III", body([4, 4, 2])))
        #expect(found.map(\.units) == [["ubnd"]])
        #expect(found.first?.evidence["departmentsAboveAverage"] == .list(["s0=4", "s1=4"]))
        // Hà Nội and TP.HCM may have 10 more in total.
        let special = Self.findings("STF004", try Self.chart(asOf: "2025-10-01", category: "special", body([4, 4, 4, 4])))
        #expect(special.isEmpty)
    }

    @Test("STF004 within five years of a reorganisation: information with the deadline, not a breach")
    func reorganisationGrace() throws {
        let body = """
              <unit id="s" name="Sở" kind="department"><leadership heads="1" deputies="3"/>
                <unit id="d" name="Phòng" kind="division" reorganized="2025-07-01"><leadership heads="1" deputies="3"/>
                  <staffing category="civil-servant" quota="8"/></unit>
              </unit>
            """
        let within = Self.findings("STF004", try Self.chart(asOf: "2026-03-01", category: "III", body))
        #expect(within.map(\.severity) == [.info])
        #expect(within.first?.evidence["deadline"] == .text("2030-07-01"))
        let after = Self.findings("STF004", try Self.chart(asOf: "2030-07-02", category: "III", body))
        #expect(after.map(\.severity) == [.warning])
    }

    @Test("STF005: 14 departments allowed (15 in Hà Nội, TP.HCM) from 2025-03-01; no cap before", arguments: [
        ("2025-10-01", "III", 14, false), ("2025-10-01", "III", 15, true), ("2025-10-01", "special", 15, false),
        ("2025-10-01", "special", 16, true), ("2025-01-01", "III", 17, false),
    ])
    func departmentCount(date: String, category: String, count: Int, expected: Bool) throws {
        let body = (0..<count).map { "<unit id=\"s\($0)\" name=\"Sở\" kind=\"department\"><leadership heads=\"1\" deputies=\"2\"/></unit>" }
            .joined(separator: "\n")
        #expect(Self.findings("STF005", try Self.chart(asOf: date, category: category, body)).isEmpty == !expected)
    }

    @Test("STF001 per category, STF002 over direct sub-units only")
    func quotas() throws {
        let body = """
              <unit id="s" name="Sở" kind="department"><leadership heads="1" deputies="2"/>
                <staffing category="civil-servant" quota="20" actual="20"/>
                <staffing category="contract" quota="2" actual="3"/>
                <unit id="a" name="Phòng A" kind="division"><leadership heads="1"/>
                  <staffing category="civil-servant" quota="12" actual="13"/>
                  <unit id="a.1" name="Tổ" kind="other"><leadership heads="1"/><staffing category="civil-servant" quota="30"/></unit>
                </unit>
                <unit id="b" name="Phòng B" kind="division"><leadership heads="1"/><staffing category="civil-servant" quota="9"/></unit>
              </unit>
            """
        let chart = try Self.chart(asOf: "2025-10-01", category: "III", body)
        let over = Self.findings("STF001", chart)
        #expect(over.map(\.units) == [["a"], ["s"]])
        #expect(over.map { $0.evidence["category"] } == [.text("civil-servant"), .text("contract")])
        let sums = Self.findings("STF002", chart)
        #expect(sums.map(\.units) == [["a"], ["s"]])  // a: 30 > 12; s: 12 + 9 = 21 > 20
        #expect(sums.last?.evidence["subUnitsTotal"] == .int(21))
    }

    @Test("STF002 counts a department's own head and deputy posts against its civil-servant quota")
    func subUnitQuotaCountsOwnLeaders() throws {
        func department(divisions: Int, deputies: Int = 3) -> String {
            """
              <unit id="syt" name="Sở Y tế" kind="department"><leadership heads="1" deputies="\(deputies)"/>
                <staffing category="civil-servant" quota="70" actual="66"/>
                <staffing category="public-employee" quota="10" actual="10"/>
                <unit id="syt.a" name="Phòng A" kind="division"><leadership heads="1" deputies="2"/>
                  <staffing category="civil-servant" quota="\(divisions - 30)" actual="20"/></unit>
                <unit id="syt.cc" name="Chi cục B" kind="sub-department"><leadership heads="1" deputies="1"/>
                  <staffing category="civil-servant" quota="30" actual="28"/></unit>
                <unit id="syt.tt" name="Trung tâm C" kind="public-service-unit"><leadership heads="1" deputies="1"/>
                  <staffing category="public-employee" quota="10" actual="10"/></unit>
              </unit>
            """
        }
        // 66 + 1 director + 3 deputies = 70: at the quota.
        let at = try Self.chart(asOf: "2025-10-01", category: "III", department(divisions: 66))
        #expect(Self.findings("STF002", at).isEmpty)
        // 72 + 4 = 76: over by 6, not by 2.
        let over = try Self.chart(asOf: "2025-10-01", category: "III", department(divisions: 72))
        let found = Self.findings("STF002", over)
        #expect(found.map(\.units) == [["syt"]])
        let evidence = try #require(found.first?.evidence)
        #expect(evidence["excess"] == .int(6))
        #expect(evidence["subUnitsTotal"] == .int(72))
        #expect(evidence["leaders"] == .int(4))
        #expect(evidence["heads"] == .int(1))
        #expect(evidence["deputies"] == .int(3))
        #expect(evidence["basis"] == .text("Nghị định số 62/2020/NĐ-CP"))
        let message = try #require(found.first?.message)
        #expect(message.vi.contains("các phòng, chi cục thuộc Sở Y tế là 72"))
        #expect(message.vi.contains("01 Giám đốc Sở, 03 Phó Giám đốc Sở"))
        #expect(message.vi.contains("vượt 06 biên chế"))
        #expect(!message.vi.contains("(syt)"))
        #expect(message.en.contains("1 Director of the Department, 3 Deputy Directors of the Department"))
        // Public employees: the leaders are not counted (10 = 10).
        #expect(found.allSatisfy { $0.evidence["category"] == .text("civil-servant") })

        // Switched off in a rules file: only the sub-units are added (70 ≤ 70 before, 72 > 70 by 2 now).
        var configuration = AnalysisConfiguration()
        configuration.set(SubUnitQuotaRule.countOwnLeaders, to: false, from: .rulesFile("rules.yml:3"))
        #expect(Self.findings("STF002", at, configuration: configuration).isEmpty)
        let off = Self.findings("STF002", over, configuration: configuration)
        #expect(off.first?.evidence["excess"] == .int(2))
        #expect(off.first?.evidence["leaders"] == nil)
    }

    @Test("STF002 counts a sub-department's head and deputies too")
    func subUnitQuotaSubDepartment() throws {
        let body = """
              <unit id="s" name="Sở" kind="department"><leadership heads="1" deputies="1"/>
                <staffing category="civil-servant" quota="40" actual="40"/>
                <unit id="cc" name="Chi cục Kiểm lâm" kind="sub-department"><leadership heads="1" deputies="2"/>
                  <staffing category="civil-servant" quota="12" actual="12"/>
                  <unit id="cc.a" name="Phòng A" kind="division"><leadership heads="1"/>
                    <staffing category="civil-servant" quota="5" actual="5"/></unit>
                  <unit id="cc.b" name="Phòng B" kind="division"><leadership heads="1"/>
                    <staffing category="civil-servant" quota="5" actual="5"/></unit>
                </unit>
              </unit>
            """
        let chart = try Self.chart(asOf: "2025-10-01", category: "III", body)
        let found = Self.findings("STF002", chart)
        #expect(found.map(\.units) == [["cc"]])  // 10 + 1 + 2 = 13 > 12; the department: 12 + 2 = 14 ≤ 40
        #expect(found.first?.evidence["excess"] == .int(1))
        #expect(found.first?.message.vi.contains("01 Chi cục trưởng, 02 Phó Chi cục trưởng") == true)
        #expect(found.first?.message.vi.contains("các phòng thuộc Chi cục Kiểm lâm") == true)
    }

    @Test("--as-of overrides the chart's date; a missing category assumes II/III and says so")
    func asOfAndCategory() throws {
        let chart = try Self.chart(asOf: "2025-10-01", category: nil, Self.division(posts: 8, deputies: 2))
        let norms = AnalysisConfiguration().norms(for: chart)
        #expect(norms.regime == .decree45of2025 && norms.categoryAssumed && norms.provinceCategory == .categoryIII)
        #expect(Self.findings("STF004", chart).isEmpty)
        let later = AnalysisConfiguration(asOf: ChartDate(iso: "2026-06-01"))
        #expect(later.norms(for: chart).regime == .decree370of2025)
        #expect(Self.findings("STF004", chart, configuration: later).map(\.units) == [["d"]])
    }

    @Test("Summary figures and scores on a hand-computed chart")
    func summary() throws {
        let body = """
              <unit id="s1" name="Sở 1" kind="department"><leadership heads="1" deputies="4"/>
                <staffing category="civil-servant" quota="40" actual="36"/>
                <staffing category="public-employee" quota="10" actual="12"/>
                <unit id="s1.a" name="Phòng A" kind="division"><leadership heads="1" deputies="1"/>
                  <staffing category="civil-servant" quota="10" actual="9"/></unit>
                <unit id="s1.b" name="Phòng B" kind="division"><leadership heads="1" deputies="1"/>
                  <staffing category="civil-servant" quota="8" actual="8"/></unit>
              </unit>
              <unit id="s2" name="Sở 2" kind="department"><leadership heads="1" deputies="2"/>
                <staffing category="civil-servant" quota="20" actual="20"/></unit>
            """
        let chart = try Self.chart(asOf: "2025-10-01", category: "III", body)
        let result = Analyzer(rules: [OverQuotaRule.self]).analyze(chart)
        let staffing = result.staffing
        #expect(staffing.categories.map(\.category) == [.civilServant, .publicEmployee])
        #expect(staffing.categories[0].figures == StaffingFigures(quota: 60, actual: 56))
        #expect(staffing.categories[1].figures == StaffingFigures(quota: 10, actual: 12))
        #expect(staffing.total == StaffingFigures(quota: 70, actual: 68))
        #expect(staffing.total.vacancies == 2)
        #expect(staffing.categories[1].figures.vacancies == -2)
        #expect(staffing.categories[0].figures.useRate.map { abs($0 - 56.0 / 60.0) < 1e-9 } == true)
        #expect(staffing.departments == ["s1", "s2"])
        #expect(staffing.provinces.first?.average == 3)
        #expect(staffing.units.first { $0.unit == "s1" }?.directSubUnits == 2)
        #expect(staffing.units.first { $0.unit == "ubnd" }?.directSubUnits == 2)
        // One STF001 error (public employees of s1): s1 loses 10, overall 100 − 10/2 = 95.
        #expect(result.scores.departments.map(\.score) == [90, 100])
        #expect(result.scores.overall == 95)
    }
}
