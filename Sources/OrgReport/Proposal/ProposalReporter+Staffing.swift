import OrgAnalysis
import OrgModel

extension ProposalReporter {
    /// Section III: totals per category, the units whose staffing or leadership changed, and streamlining
    /// measured against a stated baseline.
    static func staffing(_ review: ProposalReview, names: UnitNames, baseline: DocumentProfile.StaffingBaseline?) -> [ReportBlock] {
        let language = names.language
        var blocks: [ReportBlock] = [
            .heading(language.text(vi: "III. Biên chế và lãnh đạo", en: "III. Staffing and leadership"), level: 1),
            .heading(language.text(vi: "1. Biên chế, số lượng người làm việc", en: "1. Staffing"), level: 2),
            .bullets(review.staffing.filter { $0.unit == nil }.map { totalSentence($0, language) }),
        ]
        let rows = unitStaffingRows(review, names: names)
        if rows.isEmpty {
            blocks.append(.paragraph(language.text(vi: "Không có cơ quan, đơn vị nào thay đổi biên chế.",
                                                   en: "No unit's staffing changes.")))
        } else {
            blocks.append(.paragraph(language.text(vi: "Các cơ quan, đơn vị thay đổi biên chế:", en: "Units whose staffing changes:")))
            blocks.append(.table(staffingTable(rows, first: language.text(vi: "Cơ quan, đơn vị", en: "Unit"),
                                               category: true, language)))
        }
        blocks.append(.heading(language.text(vi: "2. Lãnh đạo", en: "2. Leadership"), level: 2))
        let leaders = leadershipRows(review, names: names)
        blocks.append(leaders.isEmpty
            ? .paragraph(language.text(vi: "Không thay đổi số lượng lãnh đạo.", en: "No change to leadership."))
            : .bullets(leaders.map { $0[0] + ": " + $0[1] + " → " + $0[2] }))
        blocks.append(.heading(language.text(vi: "3. Tinh giản biên chế", en: "3. Streamlining"), level: 2))
        blocks.append(contentsOf: streamlining(review, baseline: baseline, language: language).map { .paragraph($0) })
        return blocks
    }

    private static func totalSentence(_ change: ProposalReview.StaffingChange, _ language: Language) -> String {
        let quota = change.category.quotaNames.text(language), people = change.category.peopleNames.text(language)
        let delta = change.after.quota - change.before.quota
        let verb = delta == 0 ? language.text(vi: "không thay đổi", en: "unchanged")
            : language.text(vi: delta < 0 ? "giảm " : "tăng ", en: delta < 0 ? "down " : "up ") + Figures.count(abs(delta))
                + (change.quotaChangePercent.map { " (" + Figures.percent($0, language) + ")" } ?? "")
        return language.text(
            vi: "Tổng \(quota) được giao trước sắp xếp là \(change.before.quota), sau sắp xếp là \(change.after.quota) (\(verb)); "
                + "số \(people) hiện có trước sắp xếp là \(Figures.count(change.before.actual)) người, sau sắp xếp là "
                + "\(Figures.count(change.after.actual)) người.",
            en: "Total \(quota): \(change.before.quota) before, \(change.after.quota) after (\(verb)); "
                + "\(people) in post: \(change.before.actual) before, \(change.after.actual) after.")
    }

    /// Units (any kind) whose quota or people in post changed, per category: name, category, figures.
    static func unitStaffingRows(_ review: ProposalReview, names: UnitNames) -> [[String]] {
        let old = review.before.graph.chart.units, new = review.outcome.chart.units
        let newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let oldIDs = Set(old.map(\.id))
        var rows: [[String]] = []
        for unit in old + new.filter({ !oldIDs.contains($0.id) }) {
            let before = oldIDs.contains(unit.id) ? unit : nil, after = newByID[unit.id]
            for category in StaffCategory.allCases {
                let a = before?.staffing(category), b = after?.staffing(category)
                guard a != nil || b != nil, a?.quota != b?.quota || a?.actual != b?.actual else { continue }
                rows.append([before == nil ? names.after(unit.id) : names.before(unit.id),
                             Figures.capitalized(category.quotaNames.text(names.language))]
                    + figures(quota: (a?.quota, b?.quota), actual: (a?.actual, b?.actual)))
            }
        }
        return rows
    }

    /// Quota before, after, change; in post before, after, change.
    static func figures(quota: (Int?, Int?), actual: (Int?, Int?)) -> [String] {
        func cell(_ value: Int?) -> String { value.map(String.init) ?? "–" }
        func delta(_ pair: (Int?, Int?)) -> String { Figures.change((pair.1 ?? 0) - (pair.0 ?? 0)) }
        return [cell(quota.0), cell(quota.1), delta(quota), cell(actual.0), cell(actual.1), delta(actual)]
    }

    static func staffingTable(_ rows: [[String]], first: String, category: Bool, _ language: Language) -> ReportTable {
        func figure(_ vi: String, _ en: String) -> ReportTable.Column { .init(language.text(vi: vi, en: en), alignment: .right) }
        return ReportTable(columns: [.init(first, weight: 3)]
            + (category ? [.init(language.text(vi: "Loại", en: "Category"), weight: 1.5)] : [])
            + [figure("Được giao trước", "Quota before"), figure("Được giao sau", "Quota after"), figure("Chênh lệch", "Change"),
               figure("Hiện có trước", "In post before"), figure("Hiện có sau", "In post after"), figure("Chênh lệch", "Change")],
            rows: rows, emptyText: language.text(vi: "Không có.", en: "None."))
    }

    /// Units whose heads or deputies changed, or that were created or removed: name, before, after.
    static func leadershipRows(_ review: ProposalReview, names: UnitNames) -> [[String]] {
        let language = names.language
        let old = review.before.graph.chart.units, new = review.outcome.chart.units
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = []
        for id in old.map(\.id) + new.map(\.id).filter({ oldByID[$0] == nil }) {
            let before = oldByID[id], after = newByID[id]
            guard before?.leadership != after?.leadership, before?.leadership != nil || after?.leadership != nil else { continue }
            rows.append([before == nil ? names.after(id) : names.before(id),
                         before.map { Figures.leadership($0, language) } ?? language.text(vi: "chưa thành lập", en: "not yet created"),
                         after.map { Figures.leadership($0, language) } ?? language.text(vi: "giải thể, sáp nhập", en: "removed")])
        }
        return rows
    }

    /// The streamlining sentences: each category's quota after against the baseline, named; the target.
    static func streamlining(_ review: ProposalReview, baseline: DocumentProfile.StaffingBaseline?, language: Language) -> [String] {
        let totals = review.staffing.filter { $0.unit == nil }
        var sentences: [String] = []
        var civilChange: Double?
        for category in [StaffCategory.civilServant, .publicEmployee] {
            guard let total = totals.first(where: { $0.category == category }) else { continue }
            let stated = category == .civilServant ? baseline?.civilServants : baseline?.publicEmployees
            let base = stated ?? total.before.quota
            let name = stated != nil ? baselineName(baseline, language)
                : beforeChart(category, language)
            let quota = category.quotaNames.text(language), delta = total.after.quota - base
            let percent = base > 0 ? Double(delta) * 100 / Double(base) : nil
            if category == .civilServant { civilChange = percent }
            let verb = delta == 0 ? language.text(vi: "không thay đổi", en: "is unchanged")
                : language.text(vi: delta < 0 ? "giảm " : "tăng ", en: delta < 0 ? "is down " : "is up ") + Figures.count(abs(delta))
                    + (percent.map { " (" + Figures.percent($0, language) + ")" } ?? "")
            sentences.append(language.text(vi: "So với \(name) (\(base)), \(quota) sau sắp xếp (\(total.after.quota)) \(verb).",
                                           en: "Against \(name) (\(base)), the \(quota) after the proposal (\(total.after.quota)) \(verb)."))
        }
        if let target = review.reductionTarget {
            let name = baseline?.civilServants != nil ? baselineName(baseline, language)
                : beforeChart(.civilServant, language)
            let met = civilChange.map { -$0 >= target }
            sentences.append(language.text(
                vi: "Mục tiêu tinh giản theo Kết luận số 40-KL/TW ngày 18/07/2022 của Bộ Chính trị: giảm tối thiểu "
                    + Figures.percent(target, language, signed: false) + " biên chế công chức so với \(name): ",
                en: "Reduction target (Conclusion 40-KL/TW of 18 July 2022 of the Politburo): civil-servant quota down at least "
                    + Figures.percent(target, language, signed: false) + " against \(name): ")
                + (met == true ? language.text(vi: "đạt.", en: "met.") : language.text(vi: "chưa đạt.", en: "not met.")))
        }
        return sentences
    }

    /// The baseline when none is stated: "biên chế công chức được giao tại sơ đồ trước sắp xếp".
    static func beforeChart(_ category: StaffCategory, _ language: Language) -> String {
        language.text(vi: "\(category.quotaNames.vi) được giao tại sơ đồ trước sắp xếp",
                      en: "the \(category.quotaNames.en) of the chart before the proposal")
    }

    /// "Biên chế được giao năm 2022 (Quyết định số …, ngày …)".
    static func baselineName(_ baseline: DocumentProfile.StaffingBaseline?, _ language: Language) -> String {
        guard let baseline else { return "" }
        guard let source = baseline.source else { return baseline.label }
        return baseline.label + " (" + language.text(vi: "theo ", en: "per ") + source.number
            + (source.date.map { language.text(vi: " ngày ", en: " of ") + language.date($0) } ?? "") + ")"
    }

    /// Annex III: every department's staffing per category, units whose staffing changed, people
    /// transferred, leadership before and after.
    static func staffingAnnex(_ review: ProposalReview, names: UnitNames) -> [ReportBlock] {
        let language = names.language
        var blocks: [ReportBlock] = []
        var number = 0
        let categories = review.staffing.filter { $0.unit == nil }.map(\.category)
        for category in categories {
            number += 1
            let rows = review.staffing.filter { $0.unit != nil && $0.category == category }.map { change in
                [names.after(change.unit!)] + figures(quota: (change.before.quota, change.after.quota),
                                                      actual: (change.before.actual, change.after.actual))
            }
            let heading = Figures.capitalized(category.quotaNames.text(language))
            blocks.append(.heading("\(number). " + heading + language.text(vi: " theo sở", en: " by department"), level: 2))
            blocks.append(.table(staffingTable(rows, first: language.text(vi: "Sở, cơ quan", en: "Department"),
                                               category: false, language)))
            if let total = review.staffing.first(where: { $0.unit == nil && $0.category == category }) {
                blocks.append(.note(language.text(vi: "Tổng cộng: được giao ", en: "Total: quota ")
                    + "\(total.before.quota) → \(total.after.quota)" + language.text(vi: "; hiện có ", en: "; in post ")
                    + "\(total.before.actual) → \(total.after.actual)."))
            }
        }
        number += 1
        blocks.append(.heading("\(number). " + language.text(vi: "Các cơ quan, đơn vị thay đổi biên chế",
                                                            en: "Units whose staffing changes"), level: 2))
        blocks.append(.table(staffingTable(unitStaffingRows(review, names: names),
                                           first: language.text(vi: "Cơ quan, đơn vị", en: "Unit"), category: true, language)))
        number += 1
        blocks.append(.heading("\(number). " + language.text(vi: "Người làm việc chuyển giao", en: "People transferred"), level: 2))
        blocks.append(.table(ReportTable(columns: [
            .init(language.text(vi: "Từ đơn vị", en: "From"), weight: 3), .init(language.text(vi: "Đến đơn vị", en: "To"), weight: 3),
            .init(language.text(vi: "Loại", en: "Category"), weight: 1.5),
            .init(language.text(vi: "Số người", en: "People"), alignment: .right),
            .init(language.text(vi: "Biên chế", en: "Quota"), alignment: .right),
        ], rows: review.outcome.peopleTransfers.map { move in
            [names.before(move.from), names.after(move.to), SummaryReporter.categoryName(move.category, language),
             String(move.people), String(move.quota)]
        }, emptyText: language.text(vi: "Không có.", en: "None."))))
        number += 1
        blocks.append(.heading("\(number). " + language.text(vi: "Lãnh đạo trước và sau sắp xếp", en: "Leadership before and after"),
                               level: 2))
        blocks.append(.table(ReportTable(columns: [
            .init(language.text(vi: "Cơ quan, đơn vị", en: "Unit"), weight: 3),
            .init(language.text(vi: "Trước sắp xếp", en: "Before"), weight: 3),
            .init(language.text(vi: "Sau sắp xếp", en: "After"), weight: 3),
        ], rows: leadershipRows(review, names: names), emptyText: language.text(vi: "Không thay đổi.", en: "No change."))))
        return blocks
    }
}
