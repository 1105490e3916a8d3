import OrgAnalysis
import OrgModel
import OrgRegister

extension FollowUpReporter {
    /// The follow-up report as format-neutral blocks, written as Sở Nội vụ reports to the Chairman (the
    /// directive's clause 3.c): the opening with its basis, I. the figures (overall and by department),
    /// II. confirmed findings per review, III. overdue findings, IV. what the Chairman is asked to direct,
    /// the closing formula; annexes: I. open findings by department, II. resolved since the review before,
    /// III. waivers, IV. the reviews. Departments and findings are named, never identified by id; the
    /// tracking code (short fingerprint) is what `track waive` and `track deadline` take.
    public static func blocks(_ followUp: FollowUp, language: Language, profile: DocumentProfile = DocumentProfile()) -> [ReportBlock] {
        let words = Words(language: language)
        var blocks: [ReportBlock] = [.heading(title(language), level: 0)]
        if followUp.reviews.contains(where: \.illustrative) {
            blocks.append(.note(language.text(vi: "Số liệu minh họa.", en: "Illustrative figures.")))
        }
        guard let latest = followUp.reviews.last else {
            blocks.append(.paragraph(language.text(vi: "Chưa có lần rà soát nào được ghi vào sổ theo dõi.", en: "The register holds no review yet.")))
            return blocks
        }
        let first = followUp.reviews[0]
        let body = profile.issuingBodyName
        blocks.append(.paragraph(language.text(
            vi: "Thực hiện nhiệm vụ được giao tại điểm c khoản 3 \(ReviewReport.directiveName(profile: profile, language: language)), "
                + "\(body) báo cáo kết quả theo dõi, đôn đốc các sở, ngành khắc phục tồn tại, hạn chế qua rà soát chức năng, nhiệm vụ, "
                + "quyền hạn, tổ chức bộ máy và biên chế (điểm d khoản 1 Chỉ thị). "
                + (followUp.reviews.count > 1
                    ? "Từ \(words.longDate(first.date)) đến \(words.longDate(latest.date)) đã thực hiện \(words.count(followUp.reviews.count)) lần rà soát"
                    : "Đã thực hiện 01 lần rà soát \(words.longDate(latest.date))")
                + "; số liệu trong báo cáo tính đến \(words.longDate(followUp.asOf)), cụ thể như sau:",
            en: "Under clause 3.c of \(ReviewReport.directiveName(profile: profile, language: language)), \(body) reports on the follow-up "
                + "of the problems found by the review of functions, duties, organisation and staffing. "
                + (followUp.reviews.count > 1 ? "\(followUp.reviews.count) reviews from \(words.date(first.date)) to \(words.date(latest.date))"
                                              : "One review, of \(words.date(latest.date))")
                + "; figures as of \(words.date(followUp.asOf)).")))
        let entries = followUp.entries
        let open = entries.filter(\.isOpen), overdue = open.filter { $0.daysOverdue != nil }
        let resolved = entries.filter { $0.status == .resolved && $0.kind == "counted" }
        let waived = entries.filter { $0.waiver != nil && $0.status != .resolved }
        let active = waived.filter { $0.waiverState == .active && $0.kind == "counted" }
        func tally(_ status: FollowUp.Status) -> String { words.count(open.count { $0.status == status }) }
        let previous = followUp.reviews.dropLast().last
        blocks += [
            .heading(language.text(vi: "I. Kết quả theo dõi, đôn đốc", en: "I. Results"), level: 1),
            .heading(language.text(vi: "1. Kết quả chung", en: "1. Overall"), level: 2),
            .table(ReportTable(columns: [.init(language.text(vi: "Nội dung", en: "Item"), weight: 5),
                                         .init(language.text(vi: "Số lượng", en: "Count"), alignment: .right)], rows: [
                [language.text(vi: "1. Nội dung chưa khắc phục (đã xác định)", en: "1. Open findings (confirmed)"), words.count(open.count)],
                [language.text(vi: "Trong đó: – phát sinh mới tại lần rà soát này", en: "of which: – new in this review"), tally(.new)],
                [language.text(vi: "– tồn tại từ các lần rà soát trước", en: "– persisting from earlier reviews"), tally(.persisting)],
                [language.text(vi: "– tái phát (đã khắc phục, nay phát sinh lại)", en: "– reopened (resolved, then back)"), tally(.reopened)],
                [language.text(vi: "– đã quá thời hạn khắc phục", en: "– overdue"), words.count(overdue.count)],
                [language.text(vi: "2. Đã khắc phục kể từ lần rà soát trước", en: "2. Resolved since the previous review")
                    + (previous.map { language.text(vi: " (ngày ", en: " (") + words.date($0.date) + ")" } ?? ""), words.count(resolved.count)],
                [language.text(vi: "3. Được chấp thuận giữ nguyên, còn hiệu lực (không tính vào mục 1)",
                               en: "3. Waived, in force (not in item 1)"), words.count(active.count)],
                [language.text(vi: "4. Cần xác minh thêm (không tính vào mục 1)", en: "4. To verify (not in item 1)"), words.count(latest.toVerify)],
                [language.text(vi: "5. Theo quy định sắp có hiệu lực (không tính vào mục 1)", en: "5. Under a regime to come (not in item 1)"),
                 words.count(latest.upcoming)],
            ], numbered: false)),
            .paragraph(language.text(
                vi: "Tổng số nội dung đã xác định tại lần rà soát thứ \(latest.number) là \(words.count(latest.counted)), gồm "
                    + "\(words.count(open.count)) nội dung chưa khắc phục và \(words.count(active.count)) nội dung được chấp thuận giữ nguyên.",
                en: "Review \(latest.number) confirmed \(latest.counted) findings: \(open.count) open and \(active.count) waived.")),
            .heading(language.text(vi: "2. Kết quả khắc phục theo sở, ngành", en: "2. By department"), level: 2),
            .table(departmentTable(open: open, overdue: overdue, resolved: resolved, active: active, words)),
            .heading(language.text(vi: "II. Diễn biến qua các lần rà soát", en: "II. Confirmed findings per review"), level: 1),
            .paragraph(trendSentence(followUp, words)),
            .trend(trend(followUp, words)),
            .heading(language.text(vi: "III. Nội dung quá thời hạn khắc phục", en: "III. Overdue findings")
                + " (\(words.count(overdue.count)))", level: 1),
            .table(ReportTable(columns: [.init(language.text(vi: "Sở, ngành", en: "Department"), weight: 1.6), words.contentColumn,
                                         .init(language.text(vi: "Thời hạn", en: "Deadline"), alignment: .center, weight: 1.6),
                                         .init(language.text(vi: "Quá hạn (ngày)", en: "Days late"), alignment: .right, weight: 0.9),
                                         words.codeColumn],
                               rows: overdue.map { [words.department($0), $0.message.text(language), words.deadline($0),
                                                    words.count($0.daysOverdue ?? 0), $0.fingerprint.short] },
                               emptyText: words.none)),
        ]
        blocks += recommendations(open: open, overdue: overdue, waived: active, words, profile: profile)
        blocks.append(.paragraph(language.text(
            vi: "Trên đây là báo cáo kết quả theo dõi, đôn đốc khắc phục tồn tại, hạn chế qua rà soát chức năng, nhiệm vụ, quyền hạn, "
                + "tổ chức bộ máy và biên chế tính đến \(words.longDate(followUp.asOf)); \(body) kính báo cáo Chủ tịch Ủy ban nhân dân "
                + "tỉnh xem xét, chỉ đạo./.",
            en: "This is the follow-up report as of \(words.date(followUp.asOf)); \(body) submits it to the Chairman of the provincial "
                + "People's Committee for consideration and direction.")))
        blocks += annexes(followUp, open: open, resolved: resolved, waived: waived, words)
        return blocks
    }

    /// Per department: open, of which overdue, resolved since the review before, waived in force.
    static func departmentTable(open: [FollowUp.Entry], overdue: [FollowUp.Entry], resolved: [FollowUp.Entry],
                                active: [FollowUp.Entry], _ words: Words) -> ReportTable {
        let language = words.language
        let departments = FollowUp.departments(of: open + resolved + active)
        return ReportTable(columns: [.init(language.text(vi: "Sở, ngành", en: "Department"), weight: 3),
                                     .init(language.text(vi: "Chưa khắc phục", en: "Open"), alignment: .right),
                                     .init(language.text(vi: "Trong đó quá hạn", en: "Overdue"), alignment: .right),
                                     .init(language.text(vi: "Đã khắc phục", en: "Resolved"), alignment: .right),
                                     .init(language.text(vi: "Được chấp thuận giữ nguyên", en: "Waived"), alignment: .right)],
                           rows: departments.map { department in
                               [department ?? words.province] + [open, overdue, resolved, active].map { list in
                                   words.count(list.count { $0.department == department })
                               }
                           }, emptyText: words.none)
    }

    /// How the confirmed findings went from review to review, in one sentence.
    static func trendSentence(_ followUp: FollowUp, _ words: Words) -> String {
        let language = words.language
        let steps = followUp.reviews.map { review in
            language.text(vi: "\(words.count(review.counted)) (lần thứ \(review.number))", en: "\(review.counted) (review \(review.number))")
        }
        let upcoming = followUp.reviews.filter { $0.upcoming > 0 }.map { review in
            language.text(vi: "tại lần thứ \(review.number) có \(words.count(review.upcoming)) nội dung theo quy định sắp có hiệu lực chưa tính",
                          en: "review \(review.number) also found \(review.upcoming) under a regime to come, not counted")
        }
        return language.text(vi: "Số nội dung chưa đúng quy định đã xác định qua các lần rà soát: ", en: "Confirmed findings per review: ")
            + steps.joined(separator: language.text(vi: "; ", en: "; "))
            + (upcoming.isEmpty ? "" : "; " + upcoming.joined(separator: "; ")) + "."
    }

    /// Confirmed findings recorded by each review.
    static func trend(_ followUp: FollowUp, _ words: Words) -> ReportTrend {
        let language = words.language
        return ReportTrend(
            caption: language.text(vi: "Số nội dung chưa đúng quy định đã xác định qua từng lần rà soát",
                                   en: "Confirmed findings recorded by each review"),
            points: followUp.reviews.map { ReportTrend.Point(label: words.date($0.date), value: $0.counted) },
            table: ReportTable(columns: [.init(language.text(vi: "Lần rà soát", en: "Review"), alignment: .right),
                                         .init(language.text(vi: "Ngày số liệu", en: "Date"), alignment: .center),
                                         .init(language.text(vi: "Đã xác định", en: "Confirmed"), alignment: .right),
                                         .init(language.text(vi: "Cần xác minh", en: "To verify"), alignment: .right),
                                         .init(language.text(vi: "Sắp có hiệu lực", en: "Regime to come"), alignment: .right)],
                               rows: followUp.reviews.map { review in
                                   [String(review.number), words.date(review.date), words.count(review.counted),
                                    words.count(review.toVerify), words.count(review.upcoming)]
                               }, numbered: false))
    }
}
