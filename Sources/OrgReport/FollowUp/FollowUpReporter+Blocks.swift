import OrgAnalysis
import OrgModel
import OrgRegister

extension FollowUpReporter {
    /// The follow-up report as format-neutral blocks: the title, the register's span, I. the figures,
    /// II. confirmed findings per review, III. overdue, IV. recommendations; annexes: I. open findings by
    /// department, II. resolved since the review before, III. waivers, IV. the reviews recorded. Departments and findings are named, never identified
    /// by id; the tracking code (short fingerprint) is what `track waive` and `track deadline` take.
    public static func blocks(_ followUp: FollowUp, language: Language) -> [ReportBlock] {
        let words = Words(language: language)
        var blocks: [ReportBlock] = [.heading(title(language), level: 0)]
        if followUp.reviews.contains(where: \.illustrative) {
            blocks.append(.note(language.text(vi: "Số liệu minh họa.", en: "Illustrative figures.")))
        }
        guard let latest = followUp.reviews.last else {
            blocks.append(.paragraph(language.text(vi: "Sổ theo dõi chưa ghi lần rà soát nào.", en: "The register holds no review yet.")))
            return blocks
        }
        let first = followUp.reviews[0]
        blocks.append(.paragraph(language.text(
            vi: "Sổ theo dõi ghi \(Figures.count(followUp.reviews.count)) lần rà soát"
                + (followUp.reviews.count > 1 ? ", từ \(words.date(first.date)) đến \(words.date(latest.date))" : " ngày \(words.date(latest.date))")
                + "; lần gần nhất: \(words.review(latest)). Số liệu tính đến ngày \(words.date(followUp.asOf)).",
            en: "The register holds \(followUp.reviews.count) review\(followUp.reviews.count == 1 ? "" : "s")"
                + (followUp.reviews.count > 1 ? ", from \(words.date(first.date)) to \(words.date(latest.date))" : " of \(words.date(latest.date))")
                + "; the latest: \(words.review(latest)). Reckoned on \(words.date(followUp.asOf)).")))
        let entries = followUp.entries
        let open = entries.filter(\.isOpen), overdue = open.filter { $0.daysOverdue != nil }
        let resolved = entries.filter { $0.status == .resolved && $0.kind == "counted" }
        let waived = entries.filter { $0.waiver != nil && $0.status != .resolved }
        func tally(_ status: FollowUp.Status) -> String { Figures.count(open.count { $0.status == status }, language) }
        blocks += [
            .heading(language.text(vi: "I. Tổng hợp", en: "I. Summary"), level: 1),
            .table(ReportTable(columns: [.init(language.text(vi: "Nội dung", en: "Item"), weight: 5),
                                         .init(language.text(vi: "Số lượng", en: "Count"), alignment: .right)], rows: [
                [language.text(vi: "Nội dung chưa khắc phục", en: "Open findings"), Figures.count(open.count, language)],
                [language.text(vi: "- Phát sinh mới", en: "- new"), tally(.new)],
                [language.text(vi: "- Tồn tại từ lần rà soát trước", en: "- persisting"), tally(.persisting)],
                [language.text(vi: "- Tái phát", en: "- reopened"), tally(.reopened)],
                [language.text(vi: "Quá hạn khắc phục", en: "Overdue"), Figures.count(overdue.count, language)],
                [language.text(vi: "Đã khắc phục kể từ lần rà soát trước", en: "Resolved since the previous review"),
                 Figures.count(resolved.count, language)],
                [language.text(vi: "Được chấp thuận giữ nguyên (còn hiệu lực)", en: "Waived (in force)"),
                 Figures.count(waived.count { $0.waiverState == .active }, language)],
                [language.text(vi: "Cần xác minh thêm (chưa tính)", en: "To verify (not counted)"), Figures.count(latest.toVerify, language)],
                [language.text(vi: "Theo quy định sắp có hiệu lực (chưa tính)", en: "Under a regime to come (not counted)"),
                 Figures.count(latest.upcoming, language)],
            ], numbered: false)),
            .heading(language.text(vi: "II. Diễn biến qua các lần rà soát", en: "II. Open findings per review"), level: 1),
            .trend(trend(followUp, words)),
            .heading(language.text(vi: "III. Nội dung quá hạn khắc phục", en: "III. Overdue") + " (\(Figures.count(overdue.count, language)))",
                     level: 1),
            .table(ReportTable(columns: [words.departmentColumn, words.contentColumn,
                                         .init(language.text(vi: "Thời hạn", en: "Deadline"), alignment: .center, weight: 2),
                                         .init(language.text(vi: "Số ngày quá hạn", en: "Days late"), alignment: .right),
                                         words.codeColumn],
                               rows: overdue.map { [words.department($0), $0.message.text(language), words.deadline($0),
                                                    Figures.count($0.daysOverdue ?? 0, language), $0.fingerprint.short] },
                               emptyText: words.none)),
        ]
        blocks += recommendations(open: open, overdue: overdue, waived: waived, words)
        var byDepartment: [ReportBlock] = []
        if open.isEmpty { byDepartment.append(.paragraph(words.none)) }
        var departments: [String?] = []
        for entry in open where !departments.contains(entry.department) { departments.append(entry.department) }
        departments.sort { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }
        for (offset, department) in departments.enumerated() {
            let list = open.filter { $0.department == department }
            byDepartment.append(.heading("\(offset + 1). \(department ?? words.province) (\(Figures.count(list.count, language)))", level: 2))
            byDepartment.append(.table(ReportTable(columns: [
                words.contentColumn, .init(language.text(vi: "Tình trạng", en: "Status"), alignment: .center),
                .init(language.text(vi: "Từ lần rà soát", en: "Since"), alignment: .center),
                .init(language.text(vi: "Số lần rà soát", en: "Reviews"), alignment: .right),
                .init(language.text(vi: "Thời hạn", en: "Deadline"), alignment: .center, weight: 2), words.codeColumn,
            ], rows: list.map { entry in
                [entry.message.text(language) + words.waiverNote(entry), words.status(entry.status),
                 words.date(followUp.review(entry.since)?.date), Figures.count(entry.reviews, language), words.deadline(entry),
                 entry.fingerprint.short]
            })))
        }
        blocks += [
            .annex(ReportAnnex(number: "I", title: language.text(vi: "Nội dung chưa khắc phục theo sở, ngành",
                                                                 en: "Open findings by department") + " (\(Figures.count(open.count, language)))",
                               blocks: byDepartment)),
            .annex(ReportAnnex(number: "II", title: language.text(vi: "Nội dung đã khắc phục kể từ lần rà soát trước",
                                                                  en: "Findings resolved since the previous review"), blocks: [
                .table(ReportTable(columns: [words.departmentColumn, words.contentColumn,
                                             .init(language.text(vi: "Phát hiện từ", en: "First seen"), alignment: .center),
                                             .init(language.text(vi: "Số lần rà soát", en: "Reviews"), alignment: .right),
                                             words.codeColumn],
                                   rows: resolved.map { [words.department($0), $0.message.text(language),
                                                         words.date(followUp.review($0.firstSeen)?.date),
                                                         Figures.count($0.reviews, language), $0.fingerprint.short] },
                                   emptyText: words.none)),
            ])),
            .annex(ReportAnnex(number: "III", title: language.text(vi: "Nội dung được chấp thuận giữ nguyên", en: "Waivers"), blocks: [
                .table(ReportTable(columns: [words.departmentColumn, words.contentColumn,
                                             .init(language.text(vi: "Lý do", en: "Reason"), weight: 2),
                                             .init(language.text(vi: "Văn bản chấp thuận", en: "Document"), weight: 2),
                                             .init(language.text(vi: "Đến ngày", en: "Until"), alignment: .center),
                                             .init(language.text(vi: "Hiệu lực", en: "State"), weight: 1.5), words.codeColumn],
                                   rows: waived.map { entry in
                                       [words.department(entry), entry.message.text(language), entry.waiver?.reason ?? "",
                                        entry.waiver?.document ?? "", entry.waiver?.until.map { words.date($0) } ?? words.noEnd,
                                        words.waiverState(entry.waiverState), entry.fingerprint.short]
                                   }, emptyText: words.none)),
            ])),
            .annex(ReportAnnex(number: "IV", title: language.text(vi: "Các lần rà soát đã ghi trong sổ theo dõi",
                                                                  en: "Reviews recorded in the register"), blocks: [
                .table(ReportTable(columns: [.init(language.text(vi: "Lần", en: "Review"), alignment: .right),
                                             .init(language.text(vi: "Ngày số liệu", en: "Date"), alignment: .center),
                                             .init(language.text(vi: "Sơ đồ tổ chức", en: "Chart"), weight: 3),
                                             .init(language.text(vi: "Ghi chú", en: "Label"), weight: 2),
                                             .init(language.text(vi: "Tệp đã đọc (SHA-256)", en: "Files read (SHA-256)"), weight: 3)],
                                   rows: followUp.reviews.map { review in
                                       [String(review.number), words.date(review.date), review.chartName ?? review.chartID,
                                        review.label ?? "", review.files.map(words.file).joined(separator: "; ")]
                                   }, numbered: false)),
            ])),
        ]
        return blocks
    }

    /// Open findings (confirmed, in force) recorded by each review.
    static func trend(_ followUp: FollowUp, _ words: Words) -> ReportTrend {
        let language = words.language
        return ReportTrend(
            caption: language.text(vi: "Số nội dung chưa đúng quy định đã xác định qua từng lần rà soát",
                                   en: "Confirmed findings recorded by each review"),
            points: followUp.reviews.map { ReportTrend.Point(label: words.date($0.date), value: $0.counted) },
            table: ReportTable(columns: [.init(language.text(vi: "Lần", en: "Review"), alignment: .right),
                                         .init(language.text(vi: "Ngày số liệu", en: "Date"), alignment: .center),
                                         .init(language.text(vi: "Đã xác định", en: "Confirmed"), alignment: .right),
                                         .init(language.text(vi: "Cần xác minh", en: "To verify"), alignment: .right),
                                         .init(language.text(vi: "Sắp có hiệu lực", en: "Regime to come"), alignment: .right)],
                               rows: followUp.reviews.map { review in
                                   [String(review.number), words.date(review.date), Figures.count(review.counted, language),
                                    Figures.count(review.toVerify, language), Figures.count(review.upcoming, language)]
                               }, numbered: false))
    }

    /// IV. Kiến nghị: the departments with overdue findings first, then the open ones, waivers, and the
    /// register's next step (the directive's clause 3.c: Sở Nội vụ follows up and reports).
    static func recommendations(open: [FollowUp.Entry], overdue: [FollowUp.Entry], waived: [FollowUp.Entry],
                                _ words: Words) -> [ReportBlock] {
        let language = words.language
        var items: [String] = []
        var departments: [String?] = []
        for entry in overdue where !departments.contains(entry.department) { departments.append(entry.department) }
        for department in departments {
            let count = overdue.count { $0.department == department }
            items.append(language.text(
                vi: "Đề nghị \(department ?? "các sở, ngành") khẩn trương khắc phục \(Figures.count(count)) nội dung đã quá thời hạn "
                    + "(mục III), báo cáo kết quả về Sở Nội vụ.",
                en: "\(department ?? "The departments") to resolve without delay the \(count) overdue finding\(count == 1 ? "" : "s") "
                    + "(section III) and report to the Department of Home Affairs."))
        }
        if !open.isEmpty {
            items.append(language.text(
                vi: "Đề nghị các sở, ngành tiếp tục khắc phục \(Figures.count(open.count)) nội dung chưa khắc phục (Phụ lục I), "
                    + "sửa đổi, bổ sung quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức khi cần.",
                en: "The departments to continue resolving the \(open.count) open findings (Annex I), amending the decisions that "
                    + "set their functions, duties and organisation where needed."))
        }
        if waived.contains(where: { $0.waiverState == .active }) {
            items.append(language.text(
                vi: "Các nội dung được chấp thuận giữ nguyên (Phụ lục III) tiếp tục được theo dõi đến hết thời hạn chấp thuận "
                    + "hoặc khi số liệu thay đổi.",
                en: "Waived findings (Annex III) stay under watch until their waiver ends or their evidence changes."))
        }
        items.append(language.text(
            vi: "Sở Nội vụ tiếp tục theo dõi, đôn đốc và báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả khắc phục tại lần rà soát tiếp theo.",
            en: "The Department of Home Affairs follows up and reports the results to the Chairman at the next review."))
        return [.heading(language.text(vi: "IV. Kiến nghị", en: "IV. Recommendations"), level: 1), .bullets(items)]
    }
}
