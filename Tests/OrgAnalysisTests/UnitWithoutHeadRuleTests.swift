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

    @Test("ACC001 wording: the post's name, the deputies as officials write them, no heads=0 in prose")
    func wording() {
        let chart = OrgChart(id: "c", name: "C", units: [unit("b", leadership: Leadership(heads: 0, deputies: 1))])
        let finding = Analyzer(rules: [UnitWithoutHeadRule.self]).analyze(chart).findings[0]
        #expect(finding.message.vi.hasPrefix("Đơn vị b không có chức danh người đứng đầu (Trưởng phòng), chỉ bố trí 01 Phó Trưởng phòng"))
        #expect(!finding.message.vi.contains("heads"))
        #expect(!finding.message.en.contains("heads=0"))
        #expect(!finding.message.vi.contains("(b)"))
    }

    @Test("A vacant head post is ACC002 (a warning), not ACC001; heads=0 stays ACC001")
    func vacantIsNotMissing() {
        let chart = OrgChart(id: "c", name: "C", units: [
            unit("a", leadership: Leadership(heads: 1, deputies: 1, vacantHeads: 1)),
            unit("b", leadership: Leadership(heads: 0, deputies: 1)),
            unit("c", leadership: Leadership(heads: 1, deputies: 1, vacantHeads: 0)),
            Unit(id: "s", name: "Sở Y tế", kind: .department, leadership: Leadership(heads: 1, deputies: 3, vacantHeads: 1),
                 location: SourceLocation(file: "c.xml", line: 9, column: 3)),
            Unit(id: "cc", name: "Chi cục Kiểm lâm", kind: .subDepartment, leadership: Leadership(heads: 1, vacantHeads: 1),
                 location: SourceLocation(file: "c.xml", line: 12, column: 3)),
            Unit(id: "vp", name: "Văn phòng Sở", kind: .division, leadership: Leadership(heads: 1, vacantHeads: 1),
                 location: SourceLocation(file: "c.xml", line: 14, column: 3)),
        ])
        let findings = Analyzer(rules: [UnitWithoutHeadRule.self, VacantHeadRule.self]).analyze(chart).findings
        #expect(findings.filter { $0.code == "ACC001" }.map(\.units) == [["b"]])
        let vacant = findings.filter { $0.code == "ACC002" }
        #expect(vacant.map(\.units) == [["a"], ["cc"], ["s"], ["vp"]])
        #expect(vacant.allSatisfy { $0.severity == .warning })
        #expect(vacant.map(\.message.vi) == [
            "Đơn vị a hiện khuyết Trưởng phòng: cần kiện toàn, bổ nhiệm và giao người điều hành đơn vị trong thời gian chưa bổ nhiệm",
            "Chi cục Kiểm lâm hiện khuyết Chi cục trưởng: cần kiện toàn, bổ nhiệm và giao người điều hành đơn vị trong thời gian chưa bổ nhiệm",
            "Sở Y tế hiện khuyết Giám đốc Sở: cần kiện toàn, bổ nhiệm và giao người điều hành đơn vị trong thời gian chưa bổ nhiệm",
            "Văn phòng Sở hiện khuyết Chánh Văn phòng: cần kiện toàn, bổ nhiệm và giao người điều hành đơn vị trong thời gian chưa bổ nhiệm",
        ])
        #expect(vacant[0].evidence["vacantHeads"] == .int(1))
        #expect(vacant[0].evidence["heads"] == .int(1))
        #expect(vacant[0].evidence["basis"] == .text(VacantHeadRule.description.citations[0].reference))
    }
}
