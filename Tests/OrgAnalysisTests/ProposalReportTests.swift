import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport
import Testing

/// The proposal and comparison reports as blocks, on the bundled sample: every section and annex, units by
/// name (no raw unit id in the Vietnamese text), the staffing baseline named, figures as officials write them.
@Suite("Proposal report blocks", .serialized)
struct ProposalReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The sample chart, the sample proposal applied to it, reviewed against a 5% target.
    static func sample() throws -> (chart: OrgChart, review: ProposalReview) {
        let chart = try OrgChartImporter().load(
            files: [root.appendingPathComponent("orgdata/cao-bang-2025.xml").path],
            catalogs: [root.appendingPathComponent("orgdata/mandates/vn-province-2025.xml").path]).chart
        let proposal = try ProposalImporter().load(path: root.appendingPathComponent("orgdata/proposals/cb-2025-12-sap-xep.xml").path)
        switch ProposalApplier(chart: chart).apply(proposal) {
        case .success(let outcome):
            return (chart, ProposalReview(proposal: proposal, chart: chart, outcome: outcome, analyzer: Analyzer(), reductionTarget: 5))
        case .failure(let rejection):
            Issue.record("rejected: \(rejection.diagnostics.map(\.description))")
            throw rejection
        }
    }

    /// Unit ids of `chart` that occur in `text` as whole ids (not as the prefix of a duty id).
    static func unitIDs(in text: String, chart: OrgChart) -> [String] {
        chart.units.map(\.id.rawValue).filter { id in
            var rest = Substring(text)
            while let range = rest.range(of: id) {
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                let isPart = { (c: Character?) in c.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" } ?? false }
                if !isPart(before) && !isPart(after) { return true }
                rest = text[range.upperBound...]
            }
            return false
        }
    }

    static func annexes(_ blocks: [ReportBlock]) -> [ReportAnnex] {
        blocks.compactMap { if case .annex(let annex) = $0 { annex } else { nil } }
    }

    @Test("The Vietnamese report has sections I–IV and annexes I–IV, names the merged units and holds no unit id")
    func vietnameseContent() throws {
        let (chart, review) = try Self.sample()
        let blocks = ProposalReporter.blocks(review, language: .vi)
        let headings = blocks.compactMap { if case .heading(let text, 1) = $0 { text } else { nil } }
        #expect(headings == ["I. Tổ chức bộ máy sau sắp xếp", "II. Chức năng, nhiệm vụ", "III. Biên chế và lãnh đạo",
                             "IV. Kết quả rà soát trước và sau sắp xếp"])
        let annexes = Self.annexes(blocks)
        #expect(annexes.map(\.number) == ["I", "II", "III", "IV"])
        #expect(annexes.map(\.title) == ["Thay đổi đơn vị", "Nhiệm vụ chuyển giao, bổ sung, bãi bỏ",
                                         "Biên chế, số lượng người làm việc và lãnh đạo trước và sau",
                                         "Phát hiện đã khắc phục, phát sinh, còn lại"])
        #expect(annexes.allSatisfy { $0.attachedTo == nil && $0.landscape })
        let markdown = ProposalReporter.render(review, language: .vi, format: .markdown)
        #expect(markdown.hasPrefix("# Đề án: Điều chỉnh chức năng"))
        #expect(markdown.contains("- Sáp nhập Phòng Bổ trợ tư pháp thuộc Sở Tư pháp vào Phòng Hành chính tư pháp thuộc Sở Tư pháp, "
                                  + "đổi tên thành Phòng Hành chính và Bổ trợ tư pháp."))
        #expect(markdown.contains("- Giải thể Trung tâm Chuyển đổi số thuộc Sở Khoa học và Công nghệ; người làm việc và biên chế "
                                  + "chuyển về Sở Khoa học và Công nghệ."))
        #expect(markdown.contains("| 3 | Phòng và tương đương | 99 | 98 | -1 |"))
        #expect(markdown.contains("| Phòng Bổ trợ tư pháp thuộc Sở Tư pháp | Phòng Hành chính và Bổ trợ tư pháp thuộc Sở Tư pháp |"))
        #expect(markdown.contains("Phòng Bưu chính - Viễn thông thuộc Sở Khoa học và Công nghệ: 01 Trưởng phòng, 02 Phó Trưởng phòng "
                                  + "→ 01 Trưởng phòng, 01 Phó Trưởng phòng"))
        #expect(markdown.contains("Thời điểm có hiệu lực: từ ngày 01/12/2025"))
        #expect(Self.unitIDs(in: markdown, chart: chart).isEmpty, "\(Self.unitIDs(in: markdown, chart: chart))")
        for english in ["civil-servant", "public-employee", "lead", "support", "Annex", "None"] {
            #expect(!markdown.contains(english), "\(english)")
        }
        let text = ProposalReporter.render(review, language: .vi, format: .text)
        #expect(text.contains("I. TỔ CHỨC BỘ MÁY SAU SẮP XẾP") && text.contains("PHỤ LỤC IV. PHÁT HIỆN ĐÃ KHẮC PHỤC"))
        #expect(Self.unitIDs(in: text, chart: chart).isEmpty)
        let html = ProposalReporter.render(review, language: .vi, format: .html)
        #expect(html.contains("<h2>Phụ lục III. Biên chế, số lượng người làm việc và lãnh đạo trước và sau</h2>"))
        #expect(html.contains("<h3>1. Các thay đổi về đơn vị</h3>") && !html.contains("###"))
    }

    @Test("Duties, findings and people are listed by name; counts of confirmed findings as before")
    func dutiesAndFindings() throws {
        let (_, review) = try Self.sample()
        let markdown = ProposalReporter.render(review, language: .vi, format: .markdown)
        #expect(markdown.contains("- Chuyển giao 03 nhiệm vụ từ Phòng Bổ trợ tư pháp thuộc Sở Tư pháp sang Phòng Hành chính và Bổ "
                                  + "trợ tư pháp thuộc Sở Tư pháp."))
        #expect(markdown.contains("Sở Nông nghiệp và Môi trường chuyển sang phối hợp thực hiện nhiệm vụ “"))
        #expect(markdown.contains("Bãi bỏ nhiệm vụ “Quản lí an toàn đập") && markdown.contains(". Lý do: Trùng với nhiệm vụ"))
        #expect(markdown.contains("| Sở Ngoại vụ | chủ trì | Thực hiện công tác đối với người Việt Nam ở nước ngoài |"))
        let before = review.before.findings.count(where: \.isCountable), after = review.after.findings.count(where: \.isCountable)
        #expect(markdown.contains("trước sắp xếp \(before), sau sắp xếp \(after)."))
        #expect(markdown.contains("| 1 | STF001 | Chi cục Trồng trọt và Bảo vệ thực vật thuộc Sở Nông nghiệp và Môi trường: số công chức hiện có là 23 người"))
        #expect(markdown.contains("| Trung tâm Chuyển đổi số thuộc Sở Khoa học và Công nghệ | Sở Khoa học và Công nghệ | Viên chức | 12 | 16 |"))
        let csv = ProposalReporter.render(review, language: .vi, format: .csv)
        #expect(csv.contains("stp.btp.1,stp.btp,stp.hcbt,") && csv.contains("Phòng Bổ trợ tư pháp thuộc Sở Tư pháp"))
    }

    @Test("Streamlining names its baseline: the chart before, or the profile's stated baseline with its decision")
    func baseline() throws {
        let (_, review) = try Self.sample()
        let plain = ProposalReporter.render(review, language: .vi, format: .markdown)
        #expect(plain.contains("So với biên chế công chức được giao tại sơ đồ trước sắp xếp (831), biên chế công chức sau sắp xếp "
                               + "(831) không thay đổi."))
        #expect(plain.contains("Mục tiêu tinh giản theo Kết luận số 40-KL/TW ngày 18/07/2022 của Bộ Chính trị: giảm tối thiểu 5% "
                               + "biên chế công chức so với biên chế công chức được giao tại sơ đồ trước sắp xếp: chưa đạt."))
        let profile = DocumentProfile(baseline: .init(civilServants: 880, label: "biên chế công chức được giao năm 2022",
                                                      source: DecisionReference(number: "Quyết định số 12/QĐ-UBND",
                                                                                date: ChartDate(year: 2022, month: 3, day: 1))))
        let stated = ProposalReporter.render(review, language: .vi, format: .markdown, profile: profile)
        #expect(stated.contains("So với biên chế công chức được giao năm 2022 (theo Quyết định số 12/QĐ-UBND ngày 01/03/2022) (880), "
                                + "biên chế công chức sau sắp xếp (831) giảm 49 (-5,6%)."))
        #expect(stated.contains("so với biên chế công chức được giao năm 2022 (theo Quyết định số 12/QĐ-UBND ngày 01/03/2022): đạt."))
        // JSON keeps every member it had and adds the baseline only when one is stated.
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(ProposalReporter.render(review, language: .vi, format: .json, profile: profile).utf8)) as? [String: Any])
        let baseline = try #require(json["baseline"] as? [String: Any])
        #expect(baseline["civilServants"] as? Int == 880 && baseline["meetsReductionTarget"] as? Bool == true)
        #expect(json["meetsReductionTarget"] as? Bool == false)
        #expect(!ProposalReporter.render(review, language: .vi, format: .json).contains("\"baseline\""))
    }

    @Test("English: the same sections, counts without a leading zero")
    func english() throws {
        let (_, review) = try Self.sample()
        let markdown = ProposalReporter.render(review, language: .en, format: .markdown)
        #expect(markdown.contains("## I. Organisation after the proposal") && markdown.contains("## Annex IV. Findings resolved"))
        #expect(markdown.contains("1 Head of Division, 2 Deputy Heads of Division → 1 Head of Division, 1 Deputy Head of Division"))
    }

    @Test("The comparison report names units and duties, never their ids")
    func comparison() throws {
        let (chart, review) = try Self.sample()
        let comparison = ChartComparison(old: chart, new: review.outcome.chart, analyzer: Analyzer())
        let blocks = ComparisonReporter.blocks(comparison, language: .vi)
        #expect(blocks.first == .heading("So sánh sơ đồ tổ chức", level: 0))
        let markdown = ComparisonReporter.render(comparison, language: .vi, format: .markdown)
        #expect(markdown.contains("| Phòng Hành chính và Bổ trợ tư pháp thuộc Sở Tư pháp | Hợp nhất, sáp nhập | Phòng Hành chính tư "
                                  + "pháp thuộc Sở Tư pháp và Phòng Bổ trợ tư pháp thuộc Sở Tư pháp |"))
        #expect(markdown.contains("## IV. Kết quả rà soát"))
        #expect(Self.unitIDs(in: markdown, chart: chart).isEmpty, "\(Self.unitIDs(in: markdown, chart: chart))")
    }
}
