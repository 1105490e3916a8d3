import OrgAnalysis
import OrgModel

extension ProposalReporter {
    /// The proposal report as format-neutral blocks, the content of its text, Markdown, HTML and Word forms:
    /// the title (a level-0 heading), the summary, sections I–IV (organisation, duties, staffing and
    /// leadership, findings before and after) and annexes I–IV. Units are named, never identified by id.
    /// Only `profile?.baseline` is read: the staffing baseline streamlining is measured against (else the
    /// chart before the proposal, and the report says which).
    public static func blocks(_ review: ProposalReview, language: Language, profile: DocumentProfile? = nil) -> [ReportBlock] {
        let names = UnitNames(before: review.before.graph, after: review.after.graph, language: language)
        let units = unitChanges(review, names: names)
        return [.heading(title(review, language: language), level: 0)]
            + summary(review, language: language, unitChanges: units.sentences.count)
            + organisation(review, names: names, changes: units)
            + duties(review, names: names)
            + staffing(review, names: names, baseline: profile?.baseline)
            + findings(review, names: names)
            + [.annex(ReportAnnex(number: "I", title: language.text(vi: "Thay đổi đơn vị", en: "Changes to units"),
                                  blocks: [.table(unitTable(units.rows, language))])),
               .annex(ReportAnnex(number: "II", title: language.text(vi: "Nhiệm vụ chuyển giao, bổ sung, bãi bỏ",
                                                                   en: "Duties transferred, added and dropped"),
                                  blocks: dutyAnnex(review, names: names))),
               .annex(ReportAnnex(number: "III",
                                  title: language.text(vi: "Biên chế, số lượng người làm việc và lãnh đạo trước và sau",
                                                       en: "Staffing and leadership before and after"),
                                  blocks: staffingAnnex(review, names: names))),
               .annex(ReportAnnex(number: "IV", title: language.text(vi: "Phát hiện đã khắc phục, phát sinh, còn lại",
                                                                   en: "Findings resolved, introduced and left open"),
                                  blocks: findingAnnex(review, names: names)))]
    }

    /// The report's title: "Đề án: …" and the proposal's title.
    public static func title(_ review: ProposalReview, language: Language) -> String {
        language.text(vi: "Đề án: ", en: "Proposal: ") + review.proposal.title
    }

    private static func summary(_ review: ProposalReview, language: Language, unitChanges: Int) -> [ReportBlock] {
        let proposal = review.proposal, chart = review.before.graph.chart
        var blocks: [ReportBlock] = []
        if chart.illustrative {
            blocks.append(.note(language.text(vi: "Số liệu minh họa.", en: "Illustrative figures.")))
        }
        var facts = [language.text(vi: "Sơ đồ tổ chức: ", en: "Org chart: ") + chart.name
            + (chart.asOf.map { language.text(vi: " (số liệu đến ngày ", en: " (as of ") + language.date($0) + ")" } ?? "")]
        if let effective = proposal.effective {
            facts.append(language.text(vi: "Thời điểm có hiệu lực: từ ngày ", en: "Effective: ") + language.date(effective))
        }
        if let rationale = proposal.rationale { facts.append(language.text(vi: "Lý do: ", en: "Rationale: ") + rationale) }
        blocks.append(contentsOf: facts.map { ReportBlock.paragraph($0) })
        let outcome = review.outcome
        func count(_ value: Int) -> String { Figures.count(value, language) }
        let before = review.before.findings.count(where: \.isCountable), after = review.after.findings.count(where: \.isCountable)
        blocks.append(.paragraph(language.text(
            vi: "Tóm tắt: \(count(unitChanges)) thay đổi về tổ chức đơn vị; chuyển giao \(count(outcome.dutyTransfers.count)) "
                + "nhiệm vụ, bổ sung \(count(outcome.added.count)), bãi bỏ \(count(outcome.dropped.count)) nhiệm vụ; "
                + "số nội dung chưa đúng quy định, cần rà soát đã xác định từ \(count(before)) còn \(count(after)).",
            en: "Summary: \(unitChanges) changes to units; \(outcome.dutyTransfers.count) duties transferred, "
                + "\(outcome.added.count) added, \(outcome.dropped.count) dropped; confirmed findings from \(before) to \(after).")))
        return blocks
    }

    private static func organisation(_ review: ProposalReview, names: UnitNames,
                                     changes: (sentences: [String], rows: [[String]])) -> [ReportBlock] {
        let language = names.language
        var blocks: [ReportBlock] = [
            .heading(language.text(vi: "I. Tổ chức bộ máy sau sắp xếp", en: "I. Organisation after the proposal"), level: 1),
            .heading(language.text(vi: "1. Các thay đổi về đơn vị", en: "1. Changes to units"), level: 2),
        ]
        if changes.sentences.isEmpty {
            blocks.append(.paragraph(language.text(
                vi: "Đề án không thành lập, tổ chức lại, giải thể, đổi tên hay điều chuyển đơn vị nào.",
                en: "The proposal creates, reorganises, abolishes, renames or moves no unit.")))
        } else {
            blocks.append(.bullets(changes.sentences))
            blocks.append(.note(language.text(vi: "Chi tiết tại Phụ lục I.", en: "Details in Annex I.")))
        }
        blocks.append(.heading(language.text(vi: "2. Số lượng cơ quan, đơn vị trước và sau sắp xếp",
                                             en: "2. Units before and after, by kind"), level: 2))
        blocks.append(.table(kindCounts(before: review.before.graph.chart, after: review.outcome.chart, language)))
        return blocks
    }

    /// Units of each kind before and after.
    static func kindCounts(before: OrgChart, after: OrgChart, _ language: Language) -> ReportTable {
        let kinds: [(UnitKind, String)] = [
            (.department, language.text(vi: "Sở", en: "Departments")),
            (.office, language.text(vi: "Văn phòng", en: "Offices")),
            (.division, language.text(vi: "Phòng và tương đương", en: "Divisions")),
            (.subDepartment, language.text(vi: "Chi cục", en: "Sub-departments")),
            (.publicServiceUnit, language.text(vi: "Đơn vị sự nghiệp công lập", en: "Public service units")),
        ]
        let rows = kinds.compactMap { kind, label -> [String]? in
            let old = before.units.count { $0.kind == kind }, new = after.units.count { $0.kind == kind }
            guard old > 0 || new > 0 else { return nil }
            return [label, String(old), String(new), Figures.change(new - old)]
        }
        return ReportTable(columns: [
            .init(language.text(vi: "Loại cơ quan, đơn vị", en: "Kind of unit"), weight: 3),
            .init(language.text(vi: "Trước sắp xếp", en: "Before"), alignment: .right),
            .init(language.text(vi: "Sau sắp xếp", en: "After"), alignment: .right),
            .init(language.text(vi: "Tăng (+), giảm (-)", en: "Change"), alignment: .right),
        ], rows: rows)
    }

    private static func unitTable(_ rows: [[String]], _ language: Language) -> ReportTable {
        ReportTable(columns: [
            .init(language.text(vi: "Đơn vị", en: "Unit"), weight: 3),
            .init(language.text(vi: "Thay đổi", en: "Change"), weight: 1.5),
            .init(language.text(vi: "Trước sắp xếp", en: "Before"), weight: 3),
            .init(language.text(vi: "Sau sắp xếp", en: "After"), weight: 3),
        ], rows: rows, emptyText: language.text(vi: "Không có thay đổi về đơn vị.", en: "No change to units."))
    }
}
