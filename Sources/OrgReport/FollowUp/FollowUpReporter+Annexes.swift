import OrgAnalysis
import OrgModel
import OrgRegister

extension FollowUpReporter {
    /// IV. Đề xuất, kiến nghị: what Sở Nội vụ asks the Chairman to direct (the departments with overdue
    /// findings first, then every department with open ones), then its own follow-up with Văn phòng Ủy ban
    /// nhân dân tỉnh (clause 3.c). Deadlines are left for the signer ("…").
    static func recommendations(open: [FollowUp.Entry], overdue: [FollowUp.Entry], waived: [FollowUp.Entry], _ words: Words,
                                profile: DocumentProfile) -> [ReportBlock] {
        let language = words.language
        var items: [String] = []
        var departments: [String?] = []
        for entry in overdue where !departments.contains(entry.department) { departments.append(entry.department) }
        for department in departments {
            let count = overdue.count { $0.department == department }
            items.append(language.text(
                vi: "Chỉ đạo \(department ?? "các sở, ngành") chủ trì, phối hợp với cơ quan liên quan khẩn trương khắc phục "
                    + "\(words.count(count)) nội dung đã quá thời hạn khắc phục (mục III), báo cáo kết quả về Ủy ban nhân dân tỉnh "
                    + "(qua \(profile.issuingBodyName)) trước ngày … tháng … năm ….",
                en: "Direct \(department ?? "the departments") to resolve without delay the \(count) overdue finding\(count == 1 ? "" : "s") "
                    + "(section III) and report to the provincial People's Committee (through \(profile.issuingBodyName)) by ….")) 
        }
        if !open.isEmpty {
            items.append(language.text(
                vi: "Chỉ đạo thủ trưởng các sở, ngành có nội dung chưa khắc phục (Phụ lục I) tiếp tục khắc phục; trường hợp phải sửa đổi, "
                    + "bổ sung quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức thì tham mưu Ủy ban nhân dân tỉnh "
                    + "(qua \(profile.issuingBodyName) thẩm định) trước ngày … tháng … năm ….",
                en: "Direct the heads of the departments with open findings (Annex I) to resolve them, proposing amendments of the "
                    + "decisions on their functions, duties and organisation where needed (through \(profile.issuingBodyName)) by …."))
        }
        var blocks: [ReportBlock] = [.heading(language.text(vi: "IV. Đề xuất, kiến nghị", en: "IV. Recommendations"), level: 1)]
        if !items.isEmpty {
            blocks.append(.paragraph(language.text(vi: "\(profile.issuingBodyName) kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh:",
                                                   en: "\(profile.issuingBodyName) asks the Chairman of the provincial People's Committee to:")))
            blocks += items.enumerated().map { .paragraph("\($0.offset + 1). " + $0.element) }
        }
        blocks.append(.paragraph(language.text(
            vi: "\(profile.issuingBodyName) tiếp tục chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc"
                + (waived.isEmpty ? "" : " (kể cả các nội dung được chấp thuận giữ nguyên tại Phụ lục III đến hết thời hạn chấp thuận)")
                + " và báo cáo Chủ tịch Ủy ban nhân dân tỉnh tại lần rà soát tiếp theo.",
            en: "\(profile.issuingBodyName), with the Office of the provincial People's Committee, keeps following up"
                + (waived.isEmpty ? "" : " (waived findings in Annex III too, until their waivers end)")
                + " and reports at the next review.")))
        return blocks
    }

    /// Annexes: I. open findings by department, II. resolved since the review before, III. waivers (in force
    /// and lapsed), IV. the reviews.
    static func annexes(_ followUp: FollowUp, open: [FollowUp.Entry], resolved: [FollowUp.Entry], waived: [FollowUp.Entry],
                        _ words: Words) -> [ReportBlock] {
        let language = words.language
        var byDepartment: [ReportBlock] = []
        if open.isEmpty { byDepartment.append(.paragraph(words.none)) }
        for (offset, department) in FollowUp.departments(of: open).enumerated() {
            let list = open.filter { $0.department == department }
            byDepartment.append(.heading("\(offset + 1). \(department ?? words.province) (\(words.count(list.count)))", level: 2))
            byDepartment.append(.table(ReportTable(columns: [
                words.contentColumn, .init(language.text(vi: "Tình trạng", en: "Status"), alignment: .center, weight: 1.2),
                .init(language.text(vi: "Phát hiện lần đầu", en: "First seen"), alignment: .center, weight: 1.3),
                .init(language.text(vi: "Tồn tại từ ngày (số ngày)", en: "Open since (days)"), alignment: .center, weight: 1.4),
                .init(language.text(vi: "Số lần rà soát liên tiếp chưa khắc phục", en: "Reviews in a row"), alignment: .right, weight: 1.2),
                .init(language.text(vi: "Thời hạn", en: "Deadline"), alignment: .center, weight: 1.4), words.codeColumn,
            ], rows: list.map { entry in
                [entry.message.text(language) + words.waiverNote(entry), words.status(entry.status),
                 words.date(followUp.review(entry.firstSeen)?.date),
                 words.date(followUp.review(entry.since)?.date) + (followUp.age(since: entry.since).map { " (\(words.days($0)))" } ?? ""),
                 words.count(entry.reviews), entry.deadline == nil ? words.noDeadline : words.deadline(entry), entry.fingerprint.short]
            })))
        }
        return [
            .annex(ReportAnnex(number: "I", title: language.text(vi: "Nội dung chưa khắc phục theo sở, ngành",
                                                                 en: "Open findings by department") + " (\(words.count(open.count)))",
                               blocks: byDepartment)),
            .annex(ReportAnnex(number: "II", title: language.text(vi: "Nội dung đã khắc phục kể từ lần rà soát trước",
                                                                  en: "Findings resolved since the previous review"), blocks: [
                .table(ReportTable(columns: [words.departmentColumn, words.contentColumn,
                                             .init(language.text(vi: "Phát hiện lần đầu", en: "First seen"), alignment: .center, weight: 1.3),
                                             .init(language.text(vi: "Số lần rà soát chưa khắc phục", en: "Reviews open"),
                                                   alignment: .right, weight: 1.2),
                                             words.codeColumn],
                                   rows: resolved.map { [words.department($0), $0.message.text(language),
                                                         words.date(followUp.review($0.firstSeen)?.date),
                                                         words.count($0.reviews), $0.fingerprint.short] },
                                   emptyText: words.none)),
            ])),
            .annex(ReportAnnex(number: "III", title: language.text(vi: "Nội dung được chấp thuận giữ nguyên và nội dung hết chấp thuận",
                                                                   en: "Waivers, in force and lapsed"), blocks: [
                .table(ReportTable(columns: [words.departmentColumn, words.contentColumn,
                                             .init(language.text(vi: "Lý do", en: "Reason"), weight: 2),
                                             .init(language.text(vi: "Văn bản chấp thuận", en: "Document"), weight: 2),
                                             .init(language.text(vi: "Thời hạn chấp thuận", en: "Until"), alignment: .center, weight: 1.3),
                                             .init(language.text(vi: "Tình trạng chấp thuận", en: "State"), weight: 1.8), words.codeColumn],
                                   rows: waived.map { entry in
                                       [words.department(entry), entry.message.text(language), entry.waiver?.reason ?? "",
                                        entry.waiver?.document ?? "", entry.waiver?.until.map { words.date($0) } ?? words.noEnd,
                                        words.waiverState(entry.waiverState), entry.fingerprint.short]
                                   }, emptyText: words.none)),
            ])),
            .annex(ReportAnnex(number: "IV", title: language.text(vi: "Các lần rà soát đã thực hiện", en: "Reviews recorded"), blocks: [
                .table(ReportTable(columns: [.init(language.text(vi: "Lần rà soát", en: "Review"), alignment: .right),
                                             .init(language.text(vi: "Ngày số liệu", en: "Date"), alignment: .center),
                                             .init(language.text(vi: "Nội dung, phạm vi rà soát", en: "Label"), weight: 4),
                                             .init(language.text(vi: "Đã xác định", en: "Confirmed"), alignment: .right)],
                                   rows: followUp.reviews.map { review in
                                       [String(review.number), words.date(review.date), review.label ?? "", words.count(review.counted)]
                                   }, numbered: false)),
                .note(language.text(vi: "Tệp dữ liệu của từng lần rà soát và mã SHA-256 của tệp được ghi trong báo cáo dạng JSON.",
                                    en: "The files each review read, with their SHA-256, are in the JSON report.")),
            ])),
        ]
    }
}
