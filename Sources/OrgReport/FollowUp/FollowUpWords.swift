import OrgAnalysis
import OrgModel
import OrgRegister

/// The words of the follow-up report in one language.
struct Words {
    let language: Language

    var none: String { language.text(vi: "Không có.", en: "None.") }
    var noDeadline: String { language.text(vi: "Chưa giao", en: "None set") }

    /// A count: two digits from 1 to 9 in Vietnamese ("01"), 0 as "0".
    func count(_ value: Int) -> String { value == 0 ? "0" : Figures.count(value, language) }

    /// A number of days: "365 ngày", "1 day".
    func days(_ value: Int) -> String {
        language.text(vi: "\(value) ngày", en: "\(value) day\(value == 1 ? "" : "s")")
    }

    /// "ngày 01 tháng 10 năm 2026" in running text; "…" for no date.
    func longDate(_ date: ChartDate?) -> String {
        date.map { OfficialWording.longDate($0).text(language) } ?? "…"
    }
    var province: String { language.text(vi: "Toàn tỉnh", en: "Province as a whole") }
    var noEnd: String { language.text(vi: "Không thời hạn", en: "No end") }
    var departmentColumn: ReportTable.Column { .init(language.text(vi: "Sở, ngành", en: "Department"), weight: 2) }
    var contentColumn: ReportTable.Column { .init(language.text(vi: "Nội dung", en: "Finding"), weight: 5) }
    var codeColumn: ReportTable.Column { .init(language.text(vi: "Mã theo dõi", en: "Tracking code"), alignment: .center, weight: 1.9) }

    func date(_ date: ChartDate?) -> String { date.map { language.date($0) } ?? "…" }

    /// A recorded file: its name and the start of its SHA-256.
    func file(_ file: RegisterStore.InputFile) -> String {
        (file.path.split(separator: "/").last.map(String.init) ?? file.path) + (file.sha256.map { " (" + $0.prefix(12) + "…)" } ?? "")
    }

    func department(_ entry: FollowUp.Entry) -> String { entry.department ?? province }

    func status(_ status: FollowUp.Status) -> String {
        switch status {
        case .new: language.text(vi: "Phát sinh mới", en: "New")
        case .persisting: language.text(vi: "Tồn tại từ lần trước", en: "Persisting")
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
        case .expired?: language.text(vi: "Hết thời hạn chấp thuận, tiếp tục đôn đốc khắc phục", en: "Expired: followed up again")
        case .evidenceChanged?: language.text(vi: "Số liệu đã thay đổi, tiếp tục đôn đốc khắc phục", en: "Evidence changed: followed up again")
        case nil: ""
        }
    }

    /// Said after a finding that is open again although it was waived.
    func waiverNote(_ entry: FollowUp.Entry) -> String {
        guard let waiver = entry.waiver, entry.waiverState != .active else { return "" }
        return language.text(
            vi: " (đã được chấp thuận giữ nguyên theo \(waiver.document); nay "
                + (entry.waiverState == .expired ? "hết thời hạn chấp thuận" : "số liệu thay đổi") + " nên tiếp tục đôn đốc khắc phục)",
            en: " (waived by \(waiver.document); " + waiverState(entry.waiverState).lowercased() + ")")
    }
}
