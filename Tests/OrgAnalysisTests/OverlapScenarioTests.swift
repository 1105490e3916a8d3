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

    @Test("The catalogue proposes pairs of one mandate's carriers inside a jurisdiction, never across two")
    func cataloguePairsStayInAJurisdiction() throws {
        let duty = "Thẩm định phương án giá hàng hóa, dịch vụ do Nhà nước định giá trên địa bàn tỉnh"
        let province = { (code: String) in
            """
              <unit id="\(code)" name="UBND tỉnh \(code)" kind="committee" level="province"><leadership heads="1"/>
                <unit id="\(code).stc" name="Sở Tài chính" kind="department"><leadership heads="1"/>
                  <duty id="\(code).stc.1" mandate="M.1">\(duty)</duty>
                </unit>
                <unit id="\(code).sct" name="Sở Công Thương" kind="department"><leadership heads="1"/>
                  <duty id="\(code).sct.1">\(duty)</duty>
                </unit>
              </unit>
            """
        }
        let result = try Self.analyze(province("p1") + "\n" + province("p2"),
                                      mandates: #"<mandate id="M.1" level="province">Quản lý nhà nước về giá</mandate>"#)
        let graph = result.graph
        let place = { (duty: Int) in graph.jurisdiction[graph.duties[duty].unit] }
        #expect(result.text.inferred.count == 2)
        #expect(result.text.similarPairs.count == 2)
        #expect(result.text.similarPairs.allSatisfy { place($0.a) == place($0.b) })
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

/// Duty natures, the consolidation of findings on one duty set, and who answers for a gap.
@Suite("Duty natures, consolidation and gap responsibility")
struct PrecisionScenarioTests {
    @Test("Duty natures from the sample chart's texts: internal work, public service, state management",
          arguments: [
              ("Tổ chức các hội nghị tổng kết năm học; phụ trách công tác thi đua, khen thưởng của ngành giáo dục", "division", "internal"),
              ("Tổng hợp kế hoạch đầu tư công trung hạn và hằng năm của ngành nông nghiệp và môi trường; theo dõi tiến độ giải ngân các dự án do Sở làm chủ đầu tư", "division", "internal"),
              ("Quản lý công tác văn thư, lưu trữ; tiếp nhận và phát hành văn bản của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân tỉnh", "division", "internal"),
              ("Thực hiện dịch vụ kiểm định, hiệu chuẩn phương tiện đo và thử nghiệm chất lượng sản phẩm, hàng hóa", "public-service-unit", "public-service"),
              ("Thuc hien dich vu kiem dinh, hieu chuan phuong tien do", "public-service-unit", "public-service"),
              ("Quản lí công tác văn thư, lưu trữ của cơ quan", "division", "internal"),
              // The same calibration text in a division is not a public service.
              ("Thực hiện dịch vụ kiểm định, hiệu chuẩn phương tiện đo và thử nghiệm chất lượng sản phẩm, hàng hóa", "division", "state-management"),
              ("Hướng dẫn, kiểm tra công tác văn thư, lưu trữ đối với các cơ quan, tổ chức trên địa bàn tỉnh", "division", "state-management"),
              ("Quản lý nhà nước về thi đua, khen thưởng trong ngành", "division", "state-management"),
              ("Kiểm tra việc tuân thủ quy chuẩn kỹ thuật thuộc phạm vi quản lý của ngành công thương", "division", "state-management"),
              ("Hướng dẫn, kiểm tra việc bảo đảm an toàn thông tin mạng cho hệ thống thông tin của cơ quan nhà nước", "public-service-unit", "state-management"),
              ("Quản lý hoạt động báo chí của cơ quan báo chí địa phương", "division", "state-management"),
              ("Quản lý Quỹ thi đua, khen thưởng của tỉnh", "division", "state-management"),
              ("Thống kê đất đai thuộc sở hữu nhà nước trong ngành", "division", "state-management"),
              ("Lập dự toán, quyết toán kinh phí hoạt động của Sở", "division", "internal"),
              ("Quản lý hồ sơ công chức, viên chức thuộc Sở", "division", "internal"),
          ])
    func natures(_ text: String, _ kind: String, _ expected: String) throws {
        let unitKind = try #require(UnitKind(rawValue: kind))
        #expect(DutyNature.classify(text, unitKind: unitKind).rawValue == expected)
        // Decomposed (NFD) input gives the same answer.
        #expect(DutyNature.classify(text.decomposedStringWithCanonicalMapping, unitKind: unitKind).rawValue == expected)
    }

    static let calibration = """
          <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
            <unit id="skhcn" name="Sở Khoa học và Công nghệ" kind="department"><leadership heads="1"/>
              <duty id="skhcn.1" mandate="KHCN.03">Quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng</duty>
            </unit>
            <unit id="sct" name="Sở Công Thương" kind="department"><leadership heads="1"/>
              <unit id="sct.tt" name="Trung tâm Khuyến công" kind="KIND">
                <duty id="sct.tt.1">Thực hiện dịch vụ kiểm định, hiệu chuẩn phương tiện đo lường, chất lượng</duty>
              </unit>
            </unit>
          </unit>
        """
    static let calibrationMandate = #"<mandate id="KHCN.03" level="province">Quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng</mandate>"#

    @Test("A calibration service of a public service unit is not inferred to a mandate, nor an OVL001 lead; the same text in a division is")
    func calibrationIsNotALead() throws {
        // Any inferred assignment counts as a lead here, so that only the nature decides.
        var configuration = AnalysisConfiguration()
        configuration.set(LeadConflictRule.conflictThreshold, to: 0.0, from: .option("--conflict-threshold"))
        let service = try OverlapScenarioTests.analyze(Self.calibration.replacingOccurrences(of: "KIND", with: "public-service-unit"),
                                                       mandates: Self.calibrationMandate, configuration: configuration)
        #expect(service.text.inferred.isEmpty)
        #expect(!service.findings.contains { $0.code == "OVL001" })
        let index = try #require(service.graph.duties.firstIndex { service.graph.duty($0).id == "sct.tt.1" })
        #expect(service.text.nature(of: index) == .publicService)
        #expect(service.text.nature(of: service.graph.duties[index], in: service.graph) == .publicService)
        #expect(service.text.nature(of: "sct.tt.1", unit: "sct.tt", in: service.graph) == .publicService)
        #expect(service.text.nature(of: "skhcn.1", unit: "skhcn", in: service.graph) == .stateManagement)
        #expect(service.text.nature(of: "skhcn.1", unit: "sct.tt", in: service.graph) == nil)
        let division = try OverlapScenarioTests.analyze(Self.calibration.replacingOccurrences(of: "KIND", with: "division"),
                                                        mandates: Self.calibrationMandate, configuration: configuration)
        #expect(!division.text.inferred.isEmpty)
        let conflict = try #require(division.findings.first { $0.code == "OVL001" })
        #expect(conflict.evidence["dutyNatures"] == .list(["sct.tt.1=state-management", "skhcn.1=state-management"]))
    }

    @Test("An internal duty is never inferred; an explicit lead on an internal duty stays a lead")
    func internalDuties() throws {
        let result = try OverlapScenarioTests.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <unit id="snv" name="Sở Nội vụ" kind="department"><leadership heads="1"/>
                  <duty id="snv.1" mandate="NV.07">Quản lý nhà nước về văn thư, lưu trữ</duty>
                </unit>
                <unit id="sgd" name="Sở Giáo dục và Đào tạo" kind="department"><leadership heads="1"/>
                  <duty id="sgd.1">Quản lý công tác văn thư, lưu trữ của cơ quan</duty>
                </unit>
                <unit id="syt" name="Sở Y tế" kind="department"><leadership heads="1"/>
                  <duty id="syt.1" mandate="NV.07">Quản lý công tác văn thư, lưu trữ của cơ quan</duty>
                </unit>
              </unit>
            """, mandates: #"<mandate id="NV.07" level="province">Quản lý nhà nước về văn thư, lưu trữ</mandate>"#)
        #expect(result.text.inferred.isEmpty)
        let conflict = try #require(result.findings.first { $0.code == "OVL001" })
        #expect(conflict.units == ["snv", "syt"])
        #expect(conflict.confidence == .confirmed)
        #expect(conflict.evidence["dutyNatures"] == .list(["snv.1=state-management", "syt.1=internal"]))
    }

    @Test("A confirmed OVL001 whose duties are also text duplicates stays OVL001 and takes the text evidence")
    func confirmedLeadAbsorbsDuplicate() throws {
        let result = try OverlapScenarioTests.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <unit id="a" name="Sở A" kind="department"><leadership heads="1"/>
                  <duty id="a.1" mandate="KS.1">Cấp giấy phép thăm dò khoáng sản trên địa bàn tỉnh</duty>
                </unit>
                <unit id="b" name="Sở B" kind="department"><leadership heads="1"/>
                  <duty id="b.1" mandate="KS.2">Cấp giấy phép thăm dò khoáng sản trên địa bàn</duty>
                  <duty id="b.2" mandate="KS.1">Cấp giấy phép thăm dò khoáng sản</duty>
                </unit>
              </unit>
            """, mandates: """
            <mandate id="KS.1" level="province">Quản lý nhà nước về khoáng sản</mandate>
            <mandate id="KS.2" level="province">Cấp phép khoáng sản</mandate>
            """)
        var sets: [[DutyID]: Int] = [:]
        for finding in result.findings where !finding.duties.isEmpty { sets[finding.duties, default: 0] += 1 }
        #expect(sets.values.allSatisfy { $0 == 1 })
        let conflict = try #require(result.findings.first { $0.code == "OVL001" })
        #expect(conflict.confidence == .confirmed)
        if conflict.evidence["alsoCodes"] != nil {
            #expect(conflict.evidence["alsoCodes"] == .list(["OVL002"]))
            #expect(conflict.evidence["similarity"] != nil && conflict.evidence["texts"] != nil)
            #expect(conflict.message.vi.contains("nội dung tương tự") && conflict.message.en.contains("same duty"))
        }
    }

    @Test("Generic consolidation: the more severe finding is kept, clashing keys are prefixed, alsoCodes recorded")
    func genericMerge() throws {
        let base = Finding(rule: RuleID(rawValue: "GAP002"), severity: .warning, units: ["b"], duties: ["x.1", "x.2"],
                           message: LocalizedText(vi: "Thiếu chủ trì", en: "No lead"),
                           evidence: ["jurisdiction": .text("ubnd"), "supporters": .int(2)])
        let severe = Finding(rule: RuleID(rawValue: "LVL001"), severity: .error, units: ["a"], duties: ["x.2", "x.1"],
                             message: LocalizedText(vi: "Sai cấp", en: "Wrong level"),
                             evidence: ["jurisdiction": .text("other"), "mandateLevel": .text("commune")])
        let other = Finding(rule: RuleID(rawValue: "GAP003"), severity: .warning, units: ["c"], duties: ["y.1"],
                            message: LocalizedText(vi: "Khác", en: "Other"))
        let merged = FindingConsolidation.consolidate([base, other, severe])
        #expect(merged.count == 2)
        let kept = try #require(merged.first { $0.code == "LVL001" })
        #expect(kept.units == ["a", "b"])
        #expect(kept.evidence["jurisdiction"] == .text("other"))
        #expect(kept.evidence["GAP002.jurisdiction"] == .text("ubnd"))
        #expect(kept.evidence["supporters"] == .int(2))
        #expect(kept.evidence["alsoCodes"] == .list(["GAP002"]))
        #expect(kept.message.vi.contains("Sai cấp") && kept.message.vi.contains("thiếu chủ trì"))
        #expect(kept.message.en.contains("Wrong level") && kept.message.en.contains("no lead"))
    }

    @Test("GAP001's example of a weak match: the gap stays an error and names the weak candidate")
    func weakMatchExample() throws {
        let example = try #require(UncoveredMandateRule.description.examples.first { $0.note.en.contains("weak") })
        let result = try OverlapScenarioTests.analyze(example.units, mandates: example.mandates)
        let gap = try #require(result.findings.first { $0.code == "GAP001" })
        #expect(gap.severity == .error && gap.confidence == .confirmed)
        #expect(gap.evidence["possibleCarriers"] == .list(["sngv.2"]))
        #expect(gap.message.vi.contains("có thể thuộc nhiệm vụ “Tổ chức gặp mặt người Việt Nam ở nước ngoài dịp Tết” của Sở Ngoại vụ"))
        #expect(gap.message.en.contains("possibly covered by duty “Tổ chức gặp mặt người Việt Nam ở nước ngoài dịp Tết” of Sở Ngoại vụ"))
    }

    @Test("Duty natures and the lead conflict examples: the internal and the calibration duties are not inferred")
    func natureExamples() throws {
        var natures: [String: DutyNature] = [:]
        let examples = LeadConflictRule.description.examples.filter { $0.note.en.contains("is not a lead") }
        #expect(examples.count == 2)
        for example in examples {
            let result = try OverlapScenarioTests.analyze(example.units, mandates: example.mandates)
            #expect(!result.text.inferred.keys.contains { result.text.nature(of: $0) != .stateManagement })
            for index in result.graph.duties.indices {
                natures[result.graph.duty(result.graph.duties[index]).id.rawValue] = result.text.nature(of: index)
            }
        }
        #expect(natures["sct.tt.1"] == .publicService)
        #expect(natures["sgd.vp.1"] == .internal)
        #expect(natures["skhcn.1"] == .stateManagement)
    }

    @Test("A to-verify OVL001 on the same duties as a confirmed finding of another rule gives way to it")
    func toVerifyGivesWay() throws {
        let lead = Finding(rule: LeadConflictRule.id, severity: .error, units: ["a", "b"], duties: ["a.1", "b.1"],
                           mandate: "M.1", message: LocalizedText(vi: "Nhiệm vụ “M” do 2 đơn vị cùng chủ trì", en: "Mandate “M” is led by 2 units"),
                           evidence: ["leadUnits": .list(["a", "b"])], confidence: .toVerify)
        let other = Finding(rule: UnledMandateRule.id, severity: .warning, units: ["a"], duties: ["b.1", "a.1"],
                            message: LocalizedText(vi: "Chỉ có phối hợp", en: "Only supported"))
        let merged = FindingConsolidation.consolidate([lead, other])
        #expect(merged.count == 1)
        #expect(merged[0].rule == UnledMandateRule.id && merged[0].confidence == .confirmed)
        #expect(merged[0].mandate == "M.1" && merged[0].evidence["alsoCodes"] == .list(["OVL001"]))
        #expect(merged[0].message.vi.contains("nhiệm vụ “M” do 2 đơn vị cùng chủ trì"))
    }

    @Test("A gap whose only carrier is a weak inferred match stays an error, confirmed, and names the candidate")
    func weakMatchKeepsGap() throws {
        var configuration = AnalysisConfiguration()
        // A conflict threshold above any score makes every inferred carrier weak.
        configuration.set(LeadConflictRule.conflictThreshold, to: 0.99, from: .option("--conflict-threshold"))
        let result = try OverlapScenarioTests.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <unit id="sngv" name="Sở Ngoại vụ" kind="department"><leadership heads="1"/>
                  <function>Sở Ngoại vụ có chức năng tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về: hợp tác quốc tế; lãnh sự.</function>
                  <duty id="sngv.1" mandate="NGV.01">Quản lý nhà nước về hợp tác quốc tế</duty>
                  <unit id="sngv.ls" name="Phòng Lãnh sự" kind="division">
                    <duty id="sngv.ls.1">Hướng dẫn thủ tục lãnh sự cho công dân</duty>
                  </unit>
                </unit>
              </unit>
            """, mandates: """
            <mandate id="NGV.01" sector="ngoai-vu" level="province">Quản lý nhà nước về hợp tác quốc tế</mandate>
            <mandate id="NGV.02" sector="ngoai-vu" level="province">Quản lý nhà nước về công tác lãnh sự</mandate>
            """, configuration: configuration)
        let gap = try #require(result.findings.first { $0.code == "GAP001" && $0.mandate == "NGV.02" })
        #expect(gap.severity == .error)
        #expect(gap.confidence == .confirmed)
        #expect(gap.evidence["responsibleUnit"] == .text("sngv"))
        #expect(gap.evidence["inFunctionsOf"] == .text("sngv"))
        #expect(gap.message.vi.contains("đã ghi trong chức năng của Sở Ngoại vụ nhưng chưa giao cho phòng, đơn vị nào"))
        #expect(!gap.message.vi.contains("(sngv)"))
        if gap.evidence["possibleCarriers"] != nil {
            #expect(gap.evidence["possibleCarriers"] == .list(["sngv.ls.1"]))
            #expect(gap.message.vi.contains("có thể thuộc nhiệm vụ “Hướng dẫn thủ tục lãnh sự cho công dân” của Phòng Lãnh sự thuộc Sở Ngoại vụ"))
            #expect(gap.message.en.contains("possibly covered by duty “Hướng dẫn thủ tục lãnh sự cho công dân” of Phòng Lãnh sự of Sở Ngoại vụ"))
        }
    }
}
