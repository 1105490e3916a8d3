import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import Testing

/// Whole-chart scenarios for the overlap and gap rules: jurisdictions, clusters, inference.
@Suite("Overlap and gap scenarios")
struct OverlapScenarioTests {
    static func analyze(_ body: String, mandates: String = "",
                        configuration: AnalysisConfiguration = AnalysisConfiguration()) throws -> AnalysisResult {
        let example = RuleExample(LocalizedText(vi: "", en: ""), units: body, mandates: mandates, expectedUnits: [])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-\(UUID().uuidString).xml").path
        try Data(example.document.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let chart = try OrgChartImporter().load(files: [path]).chart
        return Analyzer(configuration: configuration).analyze(chart)
    }

    static func province(_ code: String, duty: String, mandate: String = "M.1") -> String {
        """
          <unit id="\(code)" name="UBND tỉnh \(code)" kind="committee" level="province"><leadership heads="1"/>
            <unit id="\(code).stc" name="Sở Tài chính" kind="department"><leadership heads="1"/>
              <duty id="\(code).stc.1" mandate="\(mandate)">\(duty)</duty>
            </unit>
          </unit>
        """
    }

    @Test("The same duty in two provinces is neither OVL001 nor OVL002: overlap stays inside one jurisdiction")
    func provincesAreSeparate() throws {
        let duty = "Thẩm định phương án giá hàng hóa, dịch vụ do Nhà nước định giá"
        let result = try Self.analyze(Self.province("p1", duty: duty) + "\n" + Self.province("p2", duty: duty),
                                      mandates: #"<mandate id="M.1" level="province">Quản lý nhà nước về giá</mandate>"#)
        #expect(!result.findings.contains { $0.code.hasPrefix("OVL") })
        #expect(result.text.similarPairs.isEmpty)
    }

    @Test("A commune doing on its territory what a department does province-wide is not overlap")
    func communeIsSeparate() throws {
        let result = try Self.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <unit id="stp" name="Sở Tư pháp" kind="department"><leadership heads="1"/>
                  <duty>Tổ chức phổ biến, giáo dục pháp luật cho nhân dân trên địa bàn</duty>
                </unit>
                <unit id="xa" name="UBND xã Hòa An" kind="commune"><leadership heads="1"/>
                  <duty>Tổ chức phổ biến, giáo dục pháp luật cho nhân dân trên địa bàn</duty>
                </unit>
              </unit>
            """)
        #expect(!result.findings.contains { $0.code == "OVL002" })
    }

    @Test("Four units sharing one duty make one OVL002 finding listing all four, not six pair findings")
    func clusterIsOneFinding() throws {
        let units = (1...4).map { index in
            """
                <unit id="u\(index)" name="Trung tâm \(index)" kind="public-service-unit"><leadership heads="1"/>
                  <duty id="u\(index).1">Tổ chức hội chợ xúc tiến thương mại cho sản phẩm nông sản của tỉnh</duty>
                  <duty id="u\(index).2">Nhiệm vụ riêng số \(index) về lĩnh vực \(["y tế", "giáo dục", "giao thông", "văn hóa"][index - 1])</duty>
                </unit>
            """
        }.joined(separator: "\n")
        let result = try Self.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
            \(units)
              </unit>
            """)
        let findings = result.findings.filter { $0.code == "OVL002" }
        #expect(findings.count == 1)
        #expect(findings.first?.units == ["u1", "u2", "u3", "u4"])
        #expect(findings.first?.duties == ["u1.1", "u2.1", "u3.1", "u4.1"])
        if case .list(let pairs) = findings.first?.evidence["pairs"] { #expect(pairs.count == 6) } else {
            Issue.record("pairs evidence missing")
        }
    }

    @Test("Lead beside support, and two duties citing the same mandate, are not OVL002")
    func coordinationIsNotDuplicate() throws {
        let result = try Self.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <unit id="a" name="Sở A" kind="department"><leadership heads="1"/>
                  <duty id="a.1" role="lead">Kiểm tra an toàn thực phẩm tại các chợ đầu mối nông sản</duty>
                </unit>
                <unit id="b" name="Sở B" kind="department"><leadership heads="1"/>
                  <duty id="b.1" role="support">Kiểm tra an toàn thực phẩm tại các chợ đầu mối nông sản</duty>
                </unit>
              </unit>
            """)
        #expect(!result.findings.contains { $0.code == "OVL002" })
    }

    @Test("An explicit mandate is never overridden; inferred assignments carry their score")
    func inferenceNeverOverrides() throws {
        let result = try Self.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <unit id="stc" name="Sở Tài chính" kind="department"><leadership heads="1"/>
                  <duty id="stc.1" mandate="M.2">Quản lý nhà nước về giá hàng hóa, dịch vụ</duty>
                  <duty id="stc.2">Quản lý nhà nước về giá hàng hóa, dịch vụ</duty>
                </unit>
              </unit>
            """, mandates: """
                <mandate id="M.1" level="province">Quản lý nhà nước về giá hàng hóa, dịch vụ</mandate>
                <mandate id="M.2" level="province">Quản lý nhà nước về ngân sách</mandate>
            """)
        let explicit = result.text.assignments["M.2"] ?? []
        #expect(explicit.map(\.isInferred) == [false])
        let inferred = try #require(result.text.inferred[1])
        #expect(inferred.mandate == "M.1")
        #expect((inferred.inferredScore ?? 0) > 0.9)
        #expect(result.text.inferred[0] == nil)
    }

    @Test("A shared lead resting only on inference, whose texts are also duplicates, is one OVL002 with the lead evidence")
    func inferredOnlyConflict() throws {
        let result = try Self.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <unit id="a" name="Sở A" kind="department"><leadership heads="1"/>
                  <duty id="a.1">Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về khoáng sản</duty>
                </unit>
                <unit id="b" name="Sở B" kind="department"><leadership heads="1"/>
                  <duty id="b.1">Quản lý nhà nước về khoáng sản trên địa bàn tỉnh</duty>
                </unit>
              </unit>
            """, mandates: #"<mandate id="KS.1" level="province">Quản lý nhà nước về khoáng sản</mandate>"#)
        #expect(!result.findings.contains { $0.code == "OVL001" })
        let overlap = try #require(result.findings.first { $0.code == "OVL002" })
        #expect(overlap.confidence == .confirmed)
        #expect(overlap.mandate == "KS.1")
        #expect(overlap.evidence["mandate"] == .text("KS.1"))
        #expect(overlap.evidence["alsoCodes"] == .list(["OVL001"]))
        #expect(overlap.evidence["leadUnits"] == .list(["a", "b"]))
        #expect(overlap.evidence["inferredDuties"] == .list(["a.1", "b.1"]))
        #expect(overlap.evidence["similarity"] != nil)
        #expect(overlap.message.en.contains("inferred") && overlap.message.en.contains("same duty"))
        #expect(overlap.message.vi.contains("cùng chủ trì") && overlap.message.vi.contains("nội dung tương tự"))
        #expect(overlap.units == ["a", "b"])
    }

    @Test("Without inference, only explicit links count; with --no-inference no assignment is inferred")
    func inferenceOff() throws {
        var configuration = AnalysisConfiguration()
        configuration.set(TextAnalysis.inferMandates, to: false, from: .option("--no-inference"))
        let result = try Self.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <unit id="a" name="Sở A" kind="department"><leadership heads="1"/>
                  <duty id="a.1">Quản lý nhà nước về khoáng sản</duty>
                </unit>
              </unit>
            """, mandates: #"<mandate id="KS.1" level="province">Quản lý nhà nước về khoáng sản</mandate>"#, configuration: configuration)
        #expect(result.text.inferred.isEmpty)
        #expect(result.findings.contains { $0.code == "GAP001" && $0.severity == .error })
    }
}

@Suite("Overlap edge cases found by the benchmark")
struct OverlapEdgeCaseTests {
    @Test("A committee's own lead does not hide two departments leading the same mandate")
    func committeeDoesNotHide() throws {
        let result = try OverlapScenarioTests.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <duty id="ubnd.1" mandate="TT.05">Chỉ đạo tiếp công dân, giải quyết khiếu nại, tố cáo</duty>
                <unit id="sct" name="Sở Công Thương" kind="department"><leadership heads="1"/>
                  <duty id="sct.1" mandate="TT.05">Giải quyết khiếu nại trong lĩnh vực công thương</duty>
                </unit>
                <unit id="ttr" name="Thanh tra tỉnh" kind="department"><leadership heads="1"/>
                  <duty id="ttr.1" mandate="TT.05">Giải quyết khiếu nại, tố cáo theo thẩm quyền</duty>
                </unit>
              </unit>
            """, mandates: #"<mandate id="TT.05" level="province">Giải quyết khiếu nại, tố cáo</mandate>"#)
        #expect(result.findings.first { $0.code == "OVL001" }?.units == ["sct", "ttr"])
    }

    @Test("'thuộc sở hữu' (ownership) is not a department's housekeeping")
    func ownershipIsNotHousekeeping() {
        #expect(!SelfAdministrationDuty.matches(VietnameseText.syllables("Quản lý đất thuộc sở hữu nhà nước tại địa phương")))
        #expect(SelfAdministrationDuty.matches(VietnameseText.syllables("Quản lý các phòng thuộc Sở")))
    }
}
