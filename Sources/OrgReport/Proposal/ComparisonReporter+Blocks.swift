import OrgAnalysis
import OrgModel

extension ComparisonReporter {
    /// The comparison report as format-neutral blocks, the content of its text, Markdown and HTML forms:
    /// the title (a level-0 heading), the two charts, then I. units, II. duties, III. staffing,
    /// IV. findings. Units are named, never identified by id.
    public static func blocks(_ comparison: ChartComparison, language: Language) -> [ReportBlock] {
        let old = comparison.old.graph.chart, new = comparison.new.graph.chart
        let names = UnitNames(before: comparison.old.graph, after: comparison.new.graph, language: language)
        func chart(_ chart: OrgChart) -> String {
            chart.name + (chart.asOf.map { language.text(vi: " (số liệu đến ngày ", en: " (as of ") + language.date($0) + ")" } ?? "")
        }
        var blocks: [ReportBlock] = [.heading(title(language), level: 0)]
        if old.illustrative || new.illustrative {
            blocks.append(.note(language.text(vi: "Số liệu minh họa.", en: "Illustrative figures.")))
        }
        blocks.append(.paragraph(language.text(vi: "Sơ đồ trước: ", en: "Earlier chart: ") + chart(old)))
        blocks.append(.paragraph(language.text(vi: "Sơ đồ sau: ", en: "Later chart: ") + chart(new)))
        let none = language.text(vi: "Không có.", en: "None.")
        blocks += [
            .heading(language.text(vi: "I. Đơn vị", en: "I. Units") + " (\(comparison.units.count))", level: 1),
            .table(ReportTable(columns: [
                .init(language.text(vi: "Đơn vị", en: "Unit"), weight: 3),
                .init(language.text(vi: "Thay đổi", en: "Change"), weight: 1.5),
                .init(language.text(vi: "Trước", en: "Before"), weight: 3),
                .init(language.text(vi: "Sau", en: "After"), weight: 3),
            ], rows: comparison.units.map { unitRow($0, names) }, emptyText: none)),
            .table(ProposalReporter.kindCounts(before: old, after: new, language)),
        ]
        blocks += duties(comparison, names: names)
        let staffing = comparison.staffing.filter { $0.unit == nil || $0.before != $0.after }
        blocks += [
            .heading(language.text(vi: "III. Biên chế và số lượng người làm việc", en: "III. Staffing"), level: 1),
            .table(ProposalReporter.staffingTable(staffing.map { change in
                [change.unit.map { names.after($0) } ?? language.text(vi: "Toàn tỉnh", en: "Whole chart"),
                 Figures.capitalized(change.category.quotaNames.text(language))]
                    + ProposalReporter.figures(quota: (change.before.quota, change.after.quota),
                                               actual: (change.before.actual, change.after.actual))
            }, first: language.text(vi: "Cơ quan, đơn vị", en: "Unit"), category: true, language)),
        ]
        let before = comparison.old.findings.count(where: \.isCountable), after = comparison.new.findings.count(where: \.isCountable)
        blocks += [
            .heading(language.text(vi: "IV. Kết quả rà soát", en: "IV. Findings"), level: 1),
            .paragraph(language.text(
                vi: "Số nội dung chưa đúng quy định, cần rà soát đã xác định: sơ đồ trước \(Figures.count(before)), "
                    + "sơ đồ sau \(Figures.count(after)); giữ nguyên \(FindingTable.count(comparison.unchanged, language)).",
                en: "Confirmed findings: \(before) in the earlier chart, \(after) in the later one; "
                    + "unchanged: \(FindingTable.count(comparison.unchanged, language)).")),
            .heading(language.text(vi: "1. Đã khắc phục", en: "1. Findings resolved")
                + " (\(FindingTable.count(comparison.resolved, language)))", level: 2),
            .table(FindingTable.table(comparison.resolved, graph: comparison.old.graph, language)),
            .heading(language.text(vi: "2. Phát sinh", en: "2. Findings introduced")
                + " (\(FindingTable.count(comparison.introduced, language)))", level: 2),
            .table(FindingTable.table(comparison.introduced, graph: comparison.new.graph, language)),
        ]
        return blocks
    }

    /// The report's title.
    public static func title(_ language: Language) -> String {
        language.text(vi: "So sánh sơ đồ tổ chức", en: "Comparison of org charts")
    }

    private static func duties(_ comparison: ChartComparison, names: UnitNames) -> [ReportBlock] {
        let language = names.language, none = language.text(vi: "Không có.", en: "None.")
        let oldDuties = Dictionary(comparison.old.graph.chart.units.flatMap(\.duties).map { ($0.id, $0) },
                                   uniquingKeysWith: { a, _ in a })
        func mandates(_ ids: [MandateID], _ graph: DutyGraph) -> ReportTable {
            ReportTable(columns: [.init(language.text(vi: "Nhiệm vụ theo quy định", en: "Mandate"), weight: 4),
                                  .init(language.text(vi: "Căn cứ", en: "Source"), weight: 2)],
                        rows: ids.map { id in [graph.mandates[id]?.text ?? id.rawValue, graph.mandates[id]?.source ?? "–"] },
                        emptyText: none)
        }
        let duty = ReportTable.Column(language.text(vi: "Nội dung nhiệm vụ", en: "Duty"), weight: 4)
        return [
            .heading(language.text(vi: "II. Nhiệm vụ", en: "II. Duties"), level: 1),
            .heading(language.text(vi: "1. Nhiệm vụ chuyển đơn vị", en: "1. Duties moved") + " (\(comparison.duties.count))", level: 2),
            .table(ReportTable(columns: [duty, .init(language.text(vi: "Từ đơn vị", en: "From"), weight: 2.5),
                                         .init(language.text(vi: "Đến đơn vị", en: "To"), weight: 2.5),
                                         .init(language.text(vi: "Ghi chú", en: "Note"), weight: 1.5)],
                               rows: comparison.duties.map { move in
                                   [move.text, names.before(move.from), names.after(move.to),
                                    move.byID ? "" : language.text(vi: "khớp theo nội dung", en: "matched by text")]
                               }, emptyText: none)),
            .heading(language.text(vi: "2. Nhiệm vụ không còn", en: "2. Duties no longer found")
                + " (\(comparison.dutiesGone.count))", level: 2),
            .table(ReportTable(columns: [duty, .init(language.text(vi: "Đơn vị", en: "Unit"), weight: 2.5)],
                               rows: comparison.dutiesGone.map { id in
                                   [oldDuties[id]?.text ?? "", oldDuties[id].map { names.before($0.unit) } ?? "–"]
                               }, emptyText: none)),
            .heading(language.text(vi: "3. Nhiệm vụ theo quy định mới được thực hiện", en: "3. Mandates newly covered")
                + " (\(comparison.mandatesCovered.count))", level: 2),
            .table(mandates(comparison.mandatesCovered, comparison.new.graph)),
            .heading(language.text(vi: "4. Nhiệm vụ theo quy định không còn đơn vị thực hiện", en: "4. Mandates no longer covered")
                + " (\(comparison.mandatesLost.count))", level: 2),
            .table(mandates(comparison.mandatesLost, comparison.old.graph)),
        ]
    }

    /// One row of the units table: unit, change, before, after, by name.
    static func unitRow(_ change: ChartComparison.UnitChange, _ names: UnitNames) -> [String] {
        let language = names.language
        switch change {
        case .renamed(let id, let from, let to):
            return [names.before(id), language.text(vi: "Đổi tên", en: "Renamed"), from, to]
        case .moved(let id, let from, let to):
            let under = language.text(vi: "Trực thuộc ", en: "Under ")
            return [names.before(id), language.text(vi: "Chuyển trực thuộc", en: "Moved"),
                    from.map { under + names.before($0) } ?? "–", to.map { under + names.after($0) } ?? "–"]
        case .reidentified(_, let to, let name):
            return [names.after(to), language.text(vi: "Đổi mã trong sơ đồ", en: "New id in the chart"), name, name]
        case .merged(let from, let into):
            return [names.after(into), language.text(vi: "Hợp nhất, sáp nhập", en: "Merged"),
                    names.list(from.map { names.before($0) }), names.after(into)]
        case .split(let id, let into):
            return [names.before(id), language.text(vi: "Chia tách", en: "Split"), names.before(id),
                    names.list(into.map { names.after($0) })]
        case .removed(let id, let name):
            return [names.before(id), language.text(vi: "Giải thể", en: "Removed"), name, "–"]
        case .added(let id, let name):
            return [names.after(id), language.text(vi: "Thành lập", en: "Added"), "–", name]
        }
    }
}
