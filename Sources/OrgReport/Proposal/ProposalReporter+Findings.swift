import OrgAnalysis
import OrgModel

/// Findings as table rows (code, message with its marks, units by name), for the proposal and comparison reports.
enum FindingTable {
    /// One row per finding; units named in `graph` (the chart the finding was made on).
    static func table(_ findings: [Finding], graph: DutyGraph, _ language: Language) -> ReportTable {
        ReportTable(columns: [
            .init(language.text(vi: "Mã", en: "Code")),
            .init(language.text(vi: "Nội dung", en: "Finding"), weight: 6),
            .init(language.text(vi: "Cơ quan, đơn vị", en: "Units"), weight: 3),
        ], rows: findings.map { finding in
            var marks: [String] = []
            if finding.confidence == .toVerify { marks.append(language.text(vi: "[cần xác minh]", en: "[to verify]")) }
            if let date = finding.effectiveFrom {
                marks.append(language.text(vi: "[từ ngày \(language.date(date))]", en: "[from \(language.date(date))]"))
            }
            let units = finding.units.map { id in graph.index[id].map { graph.name($0, language) } ?? id.rawValue }
            return [finding.code, (marks + [finding.message.text(language)]).joined(separator: " "),
                    units.joined(separator: "; ")]
        }, emptyText: language.text(vi: "Không có.", en: "None."))
    }

    /// "12, trong đó 11 đã xác định": how many, and how many of them are counted.
    static func count(_ findings: [Finding], _ language: Language) -> String {
        let counted = findings.count(where: \.isCountable)
        return Figures.count(findings.count) + (counted == findings.count ? ""
            : language.text(vi: ", trong đó \(Figures.count(counted)) đã xác định", en: ", \(counted) of them confirmed"))
    }
}

extension ProposalReporter {
    /// The lists of findings in report order: title, findings, the chart they were made on.
    static func findingLists(_ review: ProposalReview, _ language: Language) -> [(String, [Finding], DutyGraph)] {
        let before = review.before.graph, after = review.after.graph
        return [
            (language.text(vi: "Đã khắc phục", en: "Resolved"), review.resolved, before),
            (language.text(vi: "Phát sinh", en: "Introduced"), review.introduced, after),
            (language.text(vi: "Hợp thức hóa, không phải khắc phục", en: "Legitimised, not resolved"), review.legitimised, before),
            (language.text(vi: "Nội dung đề án cần rà soát", en: "Proposal review"), review.reviewFindings, before),
            (language.text(vi: "Còn lại, chưa khắc phục", en: "Left open"), review.unchanged, after),
        ]
    }

    /// Section IV: counts before and after, each list's size, and the proposal's own review findings.
    static func findings(_ review: ProposalReview, names: UnitNames) -> [ReportBlock] {
        let language = names.language
        // Counts are of confirmed current findings, as every report counts; the lists mark the others.
        let before = review.before.findings.count(where: \.isCountable), after = review.after.findings.count(where: \.isCountable)
        var blocks: [ReportBlock] = [
            .heading(language.text(vi: "IV. Kết quả rà soát trước và sau sắp xếp", en: "IV. Review findings before and after"),
                     level: 1),
            .paragraph(language.text(
                vi: "Số nội dung chưa đúng quy định, cần rà soát đã xác định: trước sắp xếp \(Figures.count(before)), "
                    + "sau sắp xếp \(Figures.count(after)).",
                en: "Confirmed findings: \(before) before, \(after) after.")),
            .bullets(findingLists(review, language).map { title, list, _ in title + ": " + FindingTable.count(list, language) }),
        ]
        if !review.legitimised.isEmpty || !review.reviewFindings.isEmpty {
            blocks.append(.paragraph(language.text(
                vi: "Các nội dung sau cần xem xét trước khi trình: số vượt biên chế được hợp thức hóa bằng việc nâng "
                    + "biên chế được giao, không phải được khắc phục.",
                en: "To consider before submission: staff over quota legitimised by raising the quota, not resolved.")))
            blocks.append(.table(FindingTable.table(review.legitimised + review.reviewFindings, graph: review.before.graph,
                                                    language)))
        }
        blocks.append(.note(language.text(vi: "Chi tiết tại Phụ lục IV.", en: "Details in Annex IV.")))
        return blocks
    }

    /// Annex IV: one table per list.
    static func findingAnnex(_ review: ProposalReview, names: UnitNames) -> [ReportBlock] {
        findingLists(review, names.language).enumerated().flatMap { offset, list -> [ReportBlock] in
            [.heading("\(offset + 1). \(list.0) (\(FindingTable.count(list.1, names.language)))", level: 2),
             .table(FindingTable.table(list.1, graph: list.2, names.language))]
        }
    }
}
