import OrgAnalysis
import OrgModel
import OrgRegister

/// The report of `orgscope track report`: what the register holds for follow-up. Text, Markdown, HTML
/// (with the trend as an SVG chart) and Word render ``blocks(_:language:)``; JSON (schema version 1)
/// and CSV (one row per finding) are written here.
public enum FollowUpReporter {
    /// The report to write: one file per format, rendered when written.
    public static func report(_ followUp: FollowUp, language: Language, timestamp: String? = nil,
                              profile: DocumentProfile = DocumentProfile()) -> OneFileReport {
        OneFileReport(render: { format in render(followUp, language: language, format: format, timestamp: timestamp) },
                      word: { () throws(ReportFile.Failure) in
                          try word(followUp, language: language, timestamp: timestamp, profile: profile).bytes()
                      })
    }

    /// The report in `format` (the Word document is made by ``report(_:language:timestamp:profile:)``).
    public static func render(_ followUp: FollowUp, language: Language, format: OutputFormat, timestamp: String? = nil) -> String {
        let blocks = blocks(followUp, language: language)
        return switch format {
        case .json: Timestamp.stamp(json(followUp, language), timestamp).serialized()
        case .csv: CSVReporter.table(rows(followUp, language))
        case .markdown: Timestamp.stamp(ReportBlockText.render(blocks, markdown: true, language: language), timestamp, language)
        case .html: ReportBlockText.html(blocks, title: title(language), language: language, timestamp: timestamp)
        case .text, .docx: Timestamp.stamp(ReportBlockText.render(blocks, markdown: false, language: language), timestamp, language)
        }
    }

    /// The report's title.
    static func title(_ language: Language) -> String {
        language.text(vi: "Báo cáo theo dõi, đôn đốc khắc phục kết quả rà soát chức năng, nhiệm vụ, tổ chức bộ máy",
                      en: "Follow-up of the review of functions, duties and organisation")
    }

    /// The Word report, laid out as every administrative document.
    static func word(_ followUp: FollowUp, language: Language, timestamp: String?, profile: DocumentProfile) -> OfficialDocument {
        let name = followUp.reviews.last?.chartName ?? followUp.reviews.last?.chartID ?? "…"
        let subject = language.text(vi: "Kết quả theo dõi, đôn đốc khắc phục chồng chéo, bỏ sót chức năng, nhiệm vụ và biên chế của \(name)",
                                    en: "Follow-up of overlapping and omitted duties and staffing of \(name)")
        return OfficialDocument(blocks: blocks(followUp, language: language), subject: subject, profile: profile, language: language,
                                illustrative: followUp.reviews.contains(where: \.illustrative), timestamp: timestamp)
    }

    /// One row per finding of the report (open, waived, resolved since the review before), with its
    /// tracking code and whole fingerprint, for Excel.
    static func rows(_ followUp: FollowUp, _ language: Language) -> [[String]] {
        let words = Words(language: language)
        let header = [language.text(vi: "Mã theo dõi", en: "Tracking code"), language.text(vi: "Mã quy tắc", en: "Rule"),
                      language.text(vi: "Tình trạng", en: "Status"), language.text(vi: "Loại", en: "Kind"),
                      language.text(vi: "Sở, ngành", en: "Department"), language.text(vi: "Nội dung", en: "Finding"),
                      language.text(vi: "Phát hiện từ", en: "First seen"), language.text(vi: "Từ lần rà soát", en: "Since"),
                      language.text(vi: "Số lần rà soát", en: "Reviews"), language.text(vi: "Thời hạn", en: "Deadline"),
                      language.text(vi: "Số ngày quá hạn", en: "Days late"), language.text(vi: "Chấp thuận", en: "Waiver"),
                      language.text(vi: "Dấu vân tay", en: "Fingerprint")]
        return [header] + followUp.entries.map { entry in
            [entry.fingerprint.short, entry.code, words.status(entry.status), words.kind(entry.kind), words.department(entry),
             entry.message.text(language), words.date(followUp.review(entry.firstSeen)?.date),
             words.date(followUp.review(entry.since)?.date), String(entry.reviews), entry.deadline.map { words.date($0) } ?? "",
             entry.daysOverdue.map(String.init) ?? "",
             entry.waiver.map { "\($0.document): \(words.waiverState(entry.waiverState))" } ?? "", entry.fingerprint.canonical]
        }
    }

    /// The documented JSON form (schema version 1).
    static func json(_ followUp: FollowUp, _ language: Language) -> JSONValue {
        func date(_ date: ChartDate?) -> JSONValue { date.map { .string($0.description) } ?? .null }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        let reviews: [JSONValue] = followUp.reviews.map { review in
            .object([("number", .int(Int(review.number))), ("chartId", .string(review.chartID)), ("chartName", optional(review.chartName)),
                     ("date", date(review.date)), ("label", optional(review.label)),
                     ("files", .array(review.files.map { file in
                         .object([("path", .string(file.path)), ("bytes", .int(file.bytes)), ("sha256", optional(file.sha256))])
                     })),
                     ("confirmed", .int(review.counted)), ("toVerify", .int(review.toVerify)), ("upcoming", .int(review.upcoming))])
        }
        let findings: [JSONValue] = followUp.entries.map { entry in
            var members: [(String, JSONValue)] = [
                ("fingerprint", .string(entry.fingerprint.canonical)), ("trackingCode", .string(entry.fingerprint.short)),
                ("code", .string(entry.code)), ("status", .string(entry.status.rawValue)), ("kind", .string(entry.kind)),
                ("severity", .string(entry.severity.rawValue)), ("open", .bool(entry.isOpen)), ("department", optional(entry.department)),
                ("message", .string(entry.message.text(language))), ("firstSeen", .int(Int(entry.firstSeen))),
                ("since", .int(Int(entry.since))), ("reviews", .int(entry.reviews)), ("deadline", date(entry.deadline)),
                ("deadlineSource", optional(entry.deadlineSource?.rawValue)), ("deadlineDocument", optional(entry.deadlineDocument)),
                ("daysOverdue", entry.daysOverdue.map(JSONValue.int) ?? .null),
            ]
            if let waiver = entry.waiver {
                members.append(("waiver", .object([("reason", .string(waiver.reason)), ("document", .string(waiver.document)),
                                                   ("until", date(waiver.until)), ("state", optional(entry.waiverState?.rawValue)),
                                                   ("afterReview", .int(Int(waiver.afterReview)))])))
            }
            return .object(members)
        }
        return .object([("schemaVersion", .int(1)), ("asOf", date(followUp.asOf)), ("reviews", .array(reviews)),
                        ("findings", .array(findings))])
    }
}

/// The words of the follow-up report in one language.
struct Words {
    let language: Language

    var none: String { language.text(vi: "Không có.", en: "None.") }
    var province: String { language.text(vi: "Toàn tỉnh", en: "Province as a whole") }
    var noEnd: String { language.text(vi: "Không thời hạn", en: "No end") }
    var departmentColumn: ReportTable.Column { .init(language.text(vi: "Sở, ngành", en: "Department"), weight: 2) }
    var contentColumn: ReportTable.Column { .init(language.text(vi: "Nội dung", en: "Finding"), weight: 5) }
    var codeColumn: ReportTable.Column { .init(language.text(vi: "Mã theo dõi", en: "Tracking code"), alignment: .center, weight: 1.5) }

    func date(_ date: ChartDate?) -> String { date.map { language.date($0) } ?? "…" }

    /// A recorded file: its name and the start of its SHA-256.
    func file(_ file: RegisterStore.InputFile) -> String {
        (file.path.split(separator: "/").last.map(String.init) ?? file.path) + (file.sha256.map { " (" + $0.prefix(12) + "…)" } ?? "")
    }

    func department(_ entry: FollowUp.Entry) -> String { entry.department ?? province }

    func review(_ review: FollowUp.Review) -> String {
        language.text(vi: "lần \(review.number)", en: "no. \(review.number)") + " (" + date(review.date)
            + (review.label.map { ", " + $0 } ?? "") + ")"
    }

    func status(_ status: FollowUp.Status) -> String {
        switch status {
        case .new: language.text(vi: "Phát sinh mới", en: "New")
        case .persisting: language.text(vi: "Chưa khắc phục", en: "Persisting")
        case .reopened: language.text(vi: "Tái phát", en: "Reopened")
        case .resolved: language.text(vi: "Đã khắc phục", en: "Resolved")
        }
    }

    func kind(_ kind: String) -> String {
        switch kind {
        case "to-verify": language.text(vi: "Cần xác minh", en: "To verify")
        case "upcoming": language.text(vi: "Sắp có hiệu lực", en: "Regime to come")
        default: language.text(vi: "Đã xác định", en: "Confirmed")
        }
    }

    func deadline(_ entry: FollowUp.Entry) -> String {
        guard let deadline = entry.deadline else { return "" }
        return date(deadline) + (entry.deadlineSource == .user
            ? (entry.deadlineDocument.map { " (" + $0 + ")" } ?? "")
            : language.text(vi: " (theo quy định)", en: " (by law)"))
    }

    func waiverState(_ state: FollowUp.WaiverState?) -> String {
        switch state {
        case .active?: language.text(vi: "Còn hiệu lực", en: "In force")
        case .expired?: language.text(vi: "Hết hạn, đã đưa trở lại theo dõi", en: "Expired: followed up again")
        case .evidenceChanged?: language.text(vi: "Số liệu đã thay đổi, đã đưa trở lại theo dõi", en: "Evidence changed: followed up again")
        case nil: ""
        }
    }

    /// Said after a finding that is open again although it was waived.
    func waiverNote(_ entry: FollowUp.Entry) -> String {
        guard let waiver = entry.waiver, entry.waiverState != .active else { return "" }
        return language.text(vi: " (đã được chấp thuận theo \(waiver.document); ", en: " (waived by \(waiver.document); ")
            + waiverState(entry.waiverState).lowercased() + ")"
    }
}
