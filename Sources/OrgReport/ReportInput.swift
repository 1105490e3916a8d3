import OrgAnalysis
import OrgModel
import OrgRegister

/// Everything a reporter needs: the analysis and the presentation choices. Reporters are pure
/// functions of this value.
public struct ReportInput: Sendable {
    /// The analysis.
    public var result: AnalysisResult
    /// The language of labels and messages.
    public var language: Language
    /// ANSI colour in the text report (only for a terminal that wants it).
    public var colour: Bool
    /// When the report was made, if the user asked for it (`--timestamp`); reports are otherwise
    /// byte-identical from run to run.
    public var timestamp: String?
    /// Who issues the Word report and how it is laid out (`--profile`); blanks for the clerk by default.
    public var profile: DocumentProfile
    /// What the findings register knows of each finding (`analyze --store`); nil without a register.
    public var history: [FindingFingerprint: FindingHistory]?

    /// A report input.
    public init(result: AnalysisResult, language: Language, colour: Bool = false, timestamp: String? = nil,
                profile: DocumentProfile = DocumentProfile()) {
        self.result = result
        self.language = language
        self.colour = colour
        self.timestamp = timestamp
        self.profile = profile
    }
}

extension ReportInput {
    /// The register's note on `finding` ("Sổ theo dõi: chưa khắc phục từ ngày …"), nil without a register.
    func historyNote(_ finding: Finding) -> String? {
        historyText(finding).map { language.text(vi: "Sổ theo dõi: ", en: "Register: ") + $0 }
    }

    /// The note without its label.
    func historyText(_ finding: Finding) -> String? {
        guard let history = history?[FindingFingerprint(finding)] else { return nil }
        let language = self.language
        func date(_ date: ChartDate?) -> String { date.map { language.date($0) } ?? "…" }
        var note: String
        switch history.status {
        case .new:
            note = language.text(vi: "chưa có trong sổ (phát sinh mới)", en: "not in the register (new)")
        case .persisting:
            note = language.text(vi: "tồn tại từ ngày \(date(history.sinceDate)) (lần rà soát thứ \(history.since ?? 0)), đã ghi nhận "
                                     + "\(Figures.count(history.timesSeen)) lần (mã theo dõi: \(history.fingerprint.short))",
                                 en: "open since \(date(history.sinceDate)) (review \(history.since ?? 0)), seen \(history.timesSeen) "
                                     + "time\(history.timesSeen == 1 ? "" : "s") (tracking code \(history.fingerprint.short))")
        case .reopened:
            note = language.text(vi: "tái phát (ghi nhận lần cuối ngày \(date(history.sinceDate)), lần rà soát thứ \(history.since ?? 0)) "
                                     + "(mã theo dõi: \(history.fingerprint.short))",
                                 en: "reopened (last seen \(date(history.sinceDate)), review \(history.since ?? 0)) "
                                     + "(tracking code \(history.fingerprint.short))")
        }
        if let waiver = history.waiver {
            note += language.text(vi: "; được chấp thuận giữ nguyên theo \(waiver.document)", en: "; waived by \(waiver.document)")
                + (waiver.until.map { language.text(vi: " đến ngày ", en: " until ") + date($0) } ?? "")
        }
        return note
    }

    /// The register's record of `finding` for JSON (`register`), nil without a register.
    func historyJSON(_ finding: Finding) -> JSONValue? {
        guard let history = history?[FindingFingerprint(finding)] else { return nil }
        func number(_ value: Int64?) -> JSONValue { value.map { .int(Int($0)) } ?? .null }
        var members: [(String, JSONValue)] = [
            ("fingerprint", .string(history.fingerprint.canonical)), ("trackingCode", .string(history.fingerprint.short)),
            ("status", .string(history.status.rawValue)), ("firstSeen", number(history.firstSeen)), ("since", number(history.since)),
            ("sinceDate", history.sinceDate.map { .string($0.description) } ?? .null), ("timesSeen", .int(history.timesSeen)),
        ]
        if let waiver = history.waiver {
            members.append(("waiver", .object([("reason", .string(waiver.reason)), ("document", .string(waiver.document)),
                                               ("until", waiver.until.map { .string($0.description) } ?? .null)])))
        }
        return .object(members)
    }
}
