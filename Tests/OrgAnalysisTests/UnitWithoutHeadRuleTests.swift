import OrgAnalysis
import OrgModel
import Testing

@Suite("ACC001 unit without a head post")
struct UnitWithoutHeadRuleTests {
    private func unit(_ id: String, leadership: Leadership?) -> Unit {
        Unit(id: UnitID(id), name: "Đơn vị \(id)", kind: .division, leadership: leadership,
             location: SourceLocation(file: "c.xml", line: 3, column: 3))
    }

    @Test("heads=0 is an error, no record a warning, heads≥1 nothing; evidence says which")
    func severities() throws {
        let chart = OrgChart(id: "c", name: "C", units: [
            unit("a", leadership: Leadership(heads: 1, deputies: 2)),
            unit("b", leadership: Leadership(heads: 0, deputies: 1)),
            unit("c", leadership: nil),
            unit("d", leadership: Leadership(heads: nil, deputies: 2)),
            unit("e", leadership: Leadership(heads: 2)),
        ])
        let findings = Analyzer(rules: [UnitWithoutHeadRule.self]).analyze(chart).findings
        #expect(findings.map(\.units) == [["b"], ["c"], ["d"]])
        #expect(findings.map(\.severity) == [.error, .warning, .warning])
        #expect(findings[0].evidence["heads"] == .int(0))
        #expect(findings[0].evidence["deputies"] == .int(1))
        #expect(findings[0].evidence["recorded"] == .bool(true))
        #expect(findings[1].evidence["recorded"] == .bool(false))
        #expect(findings[0].message.vi.contains("không có chức danh người đứng đầu"))
        #expect(findings[0].message.en.contains("has no head post"))
        #expect(findings[0].location?.line == 3)
    }

    @Test("Configuration can disable the rule or change its severity")
    func configuration() {
        let chart = OrgChart(id: "c", name: "C", units: [unit("b", leadership: Leadership(heads: 0))])
        let off = Analyzer(configuration: AnalysisConfiguration(disabled: [UnitWithoutHeadRule.id])).analyze(chart)
        #expect(!off.findings.contains { $0.code == "ACC001" })
        #expect(!off.rulesRun.contains("ACC001"))
        #expect(off.rulesRun.contains("GAP003"))
        let info = Analyzer(configuration: AnalysisConfiguration(severities: [UnitWithoutHeadRule.id: .info])).analyze(chart)
        #expect(info.findings.filter { $0.code == "ACC001" }.map(\.severity) == [.info])
    }
}
