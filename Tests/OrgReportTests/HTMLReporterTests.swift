import OrgAnalysis
import OrgModel
import OrgReport
import Testing

@Suite("HTML report")
struct HTMLReporterTests {
    private static func at(_ line: Int) -> OrgModel.SourceLocation { OrgModel.SourceLocation(file: "t.xml", line: line, column: 3) }

    /// Two departments lead ATTP.01 (OVL001, error); BDG.01 has no carrier (GAP001); Sở Y tế is over its
    /// quota (STF001); its division, named like a script, has no head (ACC001, error); Sở Nội vụ is clean.
    private static let chart = OrgChart(
        id: "t", name: "Tỉnh \"Thử\" & 'Mẫu'", asOf: ChartDate(year: 2025, month: 10, day: 1), provinceCategory: .categoryIII,
        units: [
            Unit(id: "ubnd", name: "UBND tỉnh", kind: .committee, declaredLevel: .province,
                 leadership: Leadership(heads: 1), location: at(2)),
            Unit(id: "snv", name: "Sở Nội vụ", kind: .department, parent: "ubnd", leadership: Leadership(heads: 1, deputies: 2),
                 staffing: [Staffing(category: .civilServant, quota: 50, actual: 48, location: at(4))], location: at(3)),
            Unit(id: "sct", name: "Sở Công Thương", kind: .department, parent: "ubnd", leadership: Leadership(heads: 1, deputies: 3),
                 staffing: [Staffing(category: .civilServant, quota: 40, actual: 38, location: at(6))],
                 duties: [Duty(id: "sct.1", unit: "sct", text: "Quản lý an toàn thực phẩm trong sản xuất, kinh doanh",
                               mandate: "ATTP.01", role: .lead, location: at(7))],
                 location: at(5)),
            Unit(id: "syt", name: "Sở Y tế", kind: .department, parent: "ubnd", leadership: Leadership(heads: 1, deputies: 3),
                 staffing: [Staffing(category: .civilServant, quota: 30, actual: 33, location: at(9))],
                 duties: [Duty(id: "syt.1", unit: "syt", text: "Quản lý an toàn thực phẩm tại cơ sở sản xuất",
                               mandate: "ATTP.01", role: .lead, location: at(10))],
                 location: at(8)),
            Unit(id: "syt.x", name: "<script>alert(1)</script>", kind: .division, parent: "syt",
                 leadership: Leadership(heads: 0), location: at(11)),
        ],
        mandates: [
            Mandate(id: "ATTP.01", text: "Quản lý nhà nước về an toàn thực phẩm", level: .province, catalog: "t", location: at(20)),
            Mandate(id: "BDG.01", text: "Quản lý nhà nước về bình đẳng giới", level: .province, catalog: "t", location: at(21)),
        ])

    private static let rules: [any Rule.Type] = [LeadConflictRule.self, UncoveredMandateRule.self, UnitWithoutHeadRule.self,
                                                 OverQuotaRule.self]

    private static func render(_ language: Language, timestamp: String? = nil) -> String {
        HTMLReporter.render(ReportInput(result: Analyzer(rules: rules).analyze(chart), language: language, timestamp: timestamp))
    }

    /// The text of the first element that starts with `prefix`, up to `end`.
    private static func element(_ html: String, _ prefix: String, end: String) -> String? {
        guard let start = html.range(of: prefix), let stop = html[start.upperBound...].range(of: end) else { return nil }
        return String(html[start.lowerBound..<stop.upperBound])
    }

    @Test("One self-contained HTML5 page with the five sections, in order, and nothing fetched")
    func structure() throws {
        let html = Self.render(.vi)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        let positions = try HTMLReporter.sectionIDs.map { id in
            try #require(html.range(of: "<section id=\"\(id)\">")).lowerBound
        }
        #expect(positions == positions.sorted())
        #expect(HTMLReporter.sectionIDs == ["summary", "tree", "matrix", "staffing", "findings"])
        for id in HTMLReporter.sectionIDs { #expect(html.components(separatedBy: "id=\"\(id)\"").count == 2) }
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("src=") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("data-ready") && html.contains("data-script-error"))
        #expect(Self.render(.en).hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    }

    @Test("Data is escaped everywhere: a unit named <script> never reaches the page raw")
    func escaping() {
        let html = Self.render(.vi)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert"))
        #expect(html.components(separatedBy: "<script>").count == 3)  // the error hook and the filter script
        #expect(html.contains("Tỉnh &quot;Thử&quot; &amp; &#39;Mẫu&#39;"))
        #expect(!html.contains("Tỉnh \"Thử\""))
    }

    @Test("Labels in one language only", arguments: [
        (Language.vi, ["Summary", "Findings", "Staffing", "Legal basis", "Compliance score", "Severity", "Evidence",
                       "Show all", "Organisation chart", "Mandate × unit matrix", "Over quota", "no findings", "Quota"]),
        (Language.en, ["Tổng quan", "Các phát hiện", "Biên chế", "Căn cứ pháp lý", "Điểm tuân thủ", "Mức độ", "Bằng chứng",
                       "Hiện tất cả", "Sơ đồ tổ chức", "Ma trận", "Vượt biên chế", "không có phát hiện", "Có mặt", "lỗi"]),
    ])
    func oneLanguage(language: Language, foreign: [String]) {
        let html = Self.render(language)
        for label in foreign { #expect(!html.contains(label), "\(language) report contains \(label)") }
        let title = language == .vi ? "Báo cáo rà soát chức năng, nhiệm vụ" : "Review of functions and duties"
        #expect(html.contains("<h1>\(title)</h1>"))
    }

    @Test("Same input, same bytes; the timestamp only when asked for")
    func deterministic() {
        #expect(Self.render(.vi) == Self.render(.vi))
        #expect(Self.render(.en) == Self.render(.en))
        #expect(!Self.render(.vi).contains("Lập lúc"))
        #expect(Self.render(.vi, timestamp: "2025-11-29T10:00:00Z").contains("Lập lúc 2025-11-29T10:00:00Z"))
    }

    @Test("The tree colours each unit by its worst finding")
    func treeColours() {
        let html = Self.render(.vi)
        #expect(html.contains("<g class=\"unit sev-error\" data-unit=\"syt.x\">"))
        #expect(html.contains("<g class=\"unit sev-error dept\" data-unit=\"sct\">"))
        #expect(html.contains("<g class=\"unit sev-none dept\" data-unit=\"snv\">"))
        #expect(html.components(separatedBy: "<g class=\"unit ").count == Self.chart.units.count + 1)
    }

    @Test("The tree stops at 1,500 units and says how many were left out")
    func treeCap() {
        let units = [Unit(id: "root", name: "UBND", kind: .committee, location: Self.at(1))]
            + (1...1_600).map { Unit(id: UnitID("u\($0)"), name: "Phòng \($0)", kind: .division, parent: "root", location: Self.at($0)) }
        let result = Analyzer(rules: []).analyze(OrgChart(id: "big", name: "Lớn", units: units))
        let html = HTMLReporter.render(ReportInput(result: result, language: .en))
        #expect(html.components(separatedBy: "<g class=\"unit ").count == 1_501)
        #expect(html.contains("101 units are left out"))
    }

    @Test("The matrix marks the lead conflict, the gap, and attributes duties to their department")
    func matrix() throws {
        let html = Self.render(.en)
        let conflict = try #require(Self.element(html, "<tr class=\"row-conflict\" data-problem=\"1\" data-mandate=\"ATTP.01\">", end: "</tr>"))
        #expect(conflict.components(separatedBy: "<td class=\"c-lead c-conflict\">L</td>").count == 3)
        #expect(conflict.contains("Lead conflict"))
        let gap = try #require(Self.element(html, "<tr class=\"row-gap\" data-problem=\"1\" data-mandate=\"BDG.01\">", end: "</tr>"))
        #expect(!gap.contains("c-lead") && gap.contains("No carrier"))
        let head = try #require(Self.element(html, "<table class=\"matrix\">", end: "</thead>"))
        #expect(head.contains("Sở Nội vụ") && head.contains("Sở Y tế") && !head.contains("UBND"))
        #expect(Self.render(.vi).contains("<td class=\"c-lead c-conflict\">CT</td>"))
    }

    @Test("Staffing bars per department, over quota in red; totals and deputies")
    func staffing() throws {
        let html = Self.render(.en)
        #expect(html.contains("<g class=\"bar-row over\" data-unit=\"syt\">"))
        #expect(html.contains("<g class=\"bar-row\" data-unit=\"sct\">"))
        #expect(html.contains("33 / 30 · 110% · +3"))
        let section = try #require(Self.element(html, "<section id=\"staffing\">", end: "</section>"))
        #expect(section.contains("<td class=\"n\">120</td><td class=\"n\">119</td>"))  // quota and in post in total
        #expect(section.contains("<b>2.67</b>") && section.contains("8 / 3"))  // deputies per department
    }

    @Test("Every finding is an article the filter can hide, grouped by severity then code; no JS needed")
    func findings() throws {
        let result = Analyzer(rules: Self.rules).analyze(Self.chart)
        let html = HTMLReporter.render(ReportInput(result: result, language: .vi))
        #expect(html.components(separatedBy: "<article class=\"finding ").count == result.findings.count + 1)
        #expect(html.contains("<form class=\"tools filters\" id=\"finding-filter\" hidden>"))
        #expect(!html.contains("<article class=\"finding sev-error\" hidden"))
        let first = try #require(Self.element(html, "<article class=\"finding sev-error\" id=\"finding-1\"", end: "</article>"))
        #expect(first.contains("data-code=\"ACC001\" data-severity=\"error\""))
        #expect(first.contains("t.xml:11:3"))
        #expect(first.contains("<dt>Căn cứ pháp lý</dt>"))
        #expect(first.contains("title=\"heads\">người đứng đầu</th><td>0</td>"))
        #expect(html.contains("<h3 class=\"sev-head sev-error\">Nội dung chưa đúng quy định (4)</h3>"))
        let groups = ["ACC001", "GAP001", "OVL001", "STF001"].compactMap { html.range(of: "<h4><code>\($0)</code>")?.lowerBound }
        #expect(groups.count == 4 && groups == groups.sorted())
    }
}
