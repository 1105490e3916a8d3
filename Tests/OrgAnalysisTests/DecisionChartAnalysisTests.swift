import Foundation
import OrgAnalysis
import OrgModel
import Testing

/// A chart read from decisions (its duties cite their provisions) is analysed for what the decisions
/// say, not for what the files leave out: a unit only listed has no duties or head recorded because its
/// own decision was not given (to verify, not counted); the catch-all marked by the chart and the clauses
/// every body's decision repeats about itself are no overlap.
@Suite("Charts read from decisions")
struct DecisionChartAnalysisTests {
    static let chart = """
        <?xml version="1.0" encoding="UTF-8"?>
        <orgChart xmlns="urn:orgscope:orgchart:1" id="t" name="Ủy ban nhân dân tỉnh Cao Bằng" asOf="2025-04-01" provinceCategory="III">
          <mandates><mandate id="BC.1" level="province" source="Luật Bưu chính 2010">Quản lý nhà nước về bưu chính</mandate></mandates>
          <unit id="ubnd" name="Ủy ban nhân dân tỉnh Cao Bằng" kind="committee" level="province"><leadership heads="1"/>
            <unit id="stp" name="Sở Tư pháp" kind="department" decision="15/2025/QĐ-UBND" decisionDate="2025-03-12">
              <leadership heads="1" maxDeputies="3"/>
              <duty id="stp.1" source="khoản 1 Điều 2 Quyết định số 15/2025/QĐ-UBND">Trình Ủy ban nhân dân tỉnh dự thảo quyết định, chỉ thị và các văn bản khác thuộc thẩm quyền ban hành của Ủy ban nhân dân tỉnh trong lĩnh vực tư pháp</duty>
              <duty id="stp.2" source="khoản 2 Điều 2 Quyết định số 15/2025/QĐ-UBND">Quản lý tổ chức bộ máy, vị trí việc làm, biên chế công chức; thực hiện chế độ, chính sách đối với công chức và người lao động thuộc phạm vi quản lý</duty>
              <duty id="stp.3" source="khoản 3 Điều 2 Quyết định số 15/2025/QĐ-UBND" catchAll="true">Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh giao và theo quy định của pháp luật về công tác tư pháp trên địa bàn</duty>
              <unit id="stp.vp" name="Văn phòng Sở" kind="division"/>
            </unit>
            <unit id="syt" name="Sở Y tế" kind="department" decision="22/2025/QĐ-UBND" decisionDate="2025-03-31">
              <leadership heads="1" maxDeputies="3"/>
              <duty id="syt.1" source="khoản 1 Điều 2 Quyết định số 22/2025/QĐ-UBND">Trình Ủy ban nhân dân tỉnh dự thảo quyết định, chỉ thị và các văn bản khác thuộc thẩm quyền ban hành của Ủy ban nhân dân tỉnh trong lĩnh vực y tế</duty>
              <duty id="syt.2" source="khoản 2 Điều 2 Quyết định số 22/2025/QĐ-UBND">Quản lý tổ chức bộ máy, vị trí việc làm, biên chế công chức; thực hiện chế độ, chính sách đối với công chức và người lao động thuộc phạm vi quản lý</duty>
              <duty id="syt.3" source="khoản 3 Điều 2 Quyết định số 22/2025/QĐ-UBND" catchAll="true">Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh giao và theo quy định của pháp luật về công tác tư pháp trên địa bàn</duty>
            </unit>
          </unit>
        </orgChart>
        """

    @Test("Only the files' gaps, to verify; no overlap from boilerplate or the marked catch-all")
    func analysis() throws {
        let result = Analyzer().analyze(try PropertyTests.load(Self.chart))
        let office = result.findings.filter { $0.units == ["stp.vp"] }
        #expect(Set(office.map(\.code)) == ["ACC001", "GAP003"], "\(office.map(\.code))")
        #expect(office.allSatisfy { $0.confidence == .toVerify && !$0.isCountable })
        #expect(office.contains { $0.message.vi.contains("chưa có văn bản quy định nhiệm vụ của đơn vị") })
        #expect(!result.findings.contains { $0.code == "OVL002" }, "\(result.findings.filter { $0.code == "OVL002" }.map(\.message.vi))")
        #expect(result.findings.filter(\.isCountable).isEmpty, "\(result.findings.filter(\.isCountable).map(\.message.vi))")
        // That no duty carries a mandate rests on inference not finding it in decisions' words: to verify.
        let gap = try #require(result.findings.first { $0.code == "GAP001" })
        #expect(gap.confidence == .toVerify && gap.message.vi.contains("không tìm thấy nhiệm vụ tương ứng trong các quyết định đã đọc"))
    }

    @Test("A chart written by hand keeps today's findings: a division without duties or head is counted")
    func handWritten() throws {
        let plain = Self.chart.replacingOccurrences(of: #" source="[^"]*""#, with: "", options: .regularExpression)
        let result = Analyzer().analyze(try PropertyTests.load(plain))
        let office = result.findings.filter { $0.units == ["stp.vp"] }
        #expect(office.allSatisfy(\.isCountable) && office.count == 2)
        #expect(result.findings.first { $0.code == "GAP001" }?.isCountable == true)
    }
}
