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
        OneFileReport(render: { format in render(followUp, language: language, format: format, timestamp: timestamp, profile: profile) },
                      word: { () throws(ReportFile.Failure) in
                          try word(followUp, language: language, timestamp: timestamp, profile: profile).bytes()
                      })
    }

    /// The report in `format` (the Word document is made by ``report(_:language:timestamp:profile:)``).
    public static func render(_ followUp: FollowUp, language: Language, format: OutputFormat, timestamp: String? = nil,
                              profile: DocumentProfile = DocumentProfile()) -> String {
        let blocks = blocks(followUp, language: language, profile: profile)
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
        language.text(vi: "Báo cáo kết quả theo dõi, đôn đốc khắc phục tồn tại, hạn chế qua rà soát chức năng, nhiệm vụ, quyền hạn, "
                          + "tổ chức bộ máy và biên chế",
                      en: "Follow-up of the review of functions, duties, organisation and staffing")
    }

    /// The Word report, laid out as every administrative document.
    static func word(_ followUp: FollowUp, language: Language, timestamp: String?, profile: DocumentProfile) -> OfficialDocument {
        let name = followUp.reviews.last?.chartName ?? followUp.reviews.last?.chartID ?? "…"
        let subject = language.text(vi: "Kết quả theo dõi, đôn đốc khắc phục tồn tại, hạn chế qua rà soát chức năng, nhiệm vụ, quyền hạn, "
                                        + "tổ chức bộ máy và biên chế của các cơ quan, đơn vị thuộc \(name)",
                                    en: "Follow-up of the review of functions, duties, organisation and staffing of the bodies of \(name)")
        return OfficialDocument(blocks: blocks(followUp, language: language, profile: profile), subject: subject, profile: profile, language: language,
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
                      language.text(vi: "Tính vào số chưa khắc phục", en: "Counted as open"),
                      language.text(vi: "Mã nhận dạng đầy đủ", en: "Fingerprint")]
        return [header] + followUp.entries.map { entry in
            [entry.fingerprint.short, entry.code, words.status(entry.status), words.kind(entry.kind), words.department(entry),
             entry.message.text(language), words.date(followUp.review(entry.firstSeen)?.date),
             words.date(followUp.review(entry.since)?.date), String(entry.reviews), entry.deadline.map { words.date($0) } ?? "",
             entry.daysOverdue.map(String.init) ?? "",
             entry.waiver.map { "\($0.document): \(words.waiverState(entry.waiverState))" } ?? "",
             entry.isOpen ? language.text(vi: "Có", en: "Yes") : language.text(vi: "Không", en: "No"), entry.fingerprint.canonical]
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
                ("since", .int(Int(entry.since))), ("ageDays", followUp.age(since: entry.since).map(JSONValue.int) ?? .null),
                ("reviews", .int(entry.reviews)), ("deadline", date(entry.deadline)),
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
