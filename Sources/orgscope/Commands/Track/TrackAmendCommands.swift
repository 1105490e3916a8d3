import ArgumentParser
import Foundation
import OrgModel
import OrgRegister

/// `orgscope track waive FINGERPRINT --reason … --document …`: an exception accepted in writing.
struct TrackWaiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waive",
        abstract: "Record that a finding is accepted as an exception, with the document that accepts it.",
        discussion: "A waived finding is shown apart and no longer counts as open; it comes back when the waiver's last "
            + "day has passed or when its evidence (figures, units) changes. A later waiver replaces an earlier one.")

    @Argument(help: ArgumentHelp("The finding: its tracking code from the follow-up report (6 or more of its hexadecimal "
        + "digits) or its whole fingerprint.", valueName: "fingerprint"))
    var fingerprint: String

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Why the finding is accepted.", valueName: "text"))
    var reason: String

    @Option(help: ArgumentHelp("The document that accepts it (\"Công văn số 123/UBND-NC ngày 05/3/2026\").", valueName: "text"))
    var document: String

    @Option(help: ArgumentHelp("The last day the waiver holds (YYYY-MM-DD); none by default.", valueName: "date"))
    var until: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        _ = try parseDate(until, option: "--until")
        for (name, value) in [("--reason", reason), ("--document", document)]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("\(name) cannot be empty: a waiver states its reason and its authority.")
        }
    }

    func run() throws {
        let register = try store.open(create: false)
        let last = try parseDate(until, option: "--until")
        let finding = try StoreOptions.run { () throws(RegisterStore.Failure) in try register.resolve(fingerprint) }
        _ = try StoreOptions.run { () throws(RegisterStore.Failure) in
            try register.waive(finding, reason: reason, document: document, until: last)
        }
        let lang = language.lang
        let until = last.map { lang.text(vi: " đến ngày ", en: " until ") + lang.date($0) } ?? ""
        FileHandle.standardOutput.write(Data((lang.text(vi: "Đã ghi chấp thuận giữ nguyên nội dung có mã theo dõi \(finding.short)\(until) theo \(document).",
                                                        en: "Waived \(finding.short)\(until) by \(document).") + "\n").utf8))
    }
}

/// `orgscope track deadline FINGERPRINT --date DATE`: the day a finding must be resolved by.
struct TrackDeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Set (or clear) the day a finding must be resolved by; it takes the place of the norm's deadline.",
        discussion: "A finding open after its deadline is overdue: the follow-up report lists it first.")

    @Argument(help: ArgumentHelp("The finding's tracking code or whole fingerprint.", valueName: "fingerprint"))
    var fingerprint: String

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The deadline (YYYY-MM-DD).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("The document that sets it (\"Kế hoạch số 45/KH-UBND\").", valueName: "text"))
    var document: String?

    @Flag(help: "Clear the deadline set by a user (the norm's applies again).")
    var clear = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (date == nil) != !clear else { throw ValidationError("Give either --date or --clear.") }
        _ = try parseDate(date, option: "--date")
    }

    func run() throws {
        let register = try store.open(create: false)
        let day = try parseDate(date, option: "--date")
        let finding = try StoreOptions.run { () throws(RegisterStore.Failure) in try register.resolve(fingerprint) }
        try StoreOptions.run { () throws(RegisterStore.Failure) in try register.setDeadline(finding, to: day, document: document) }
        let lang = language.lang
        let source = document.map { lang.text(vi: " (theo \($0))", en: " (\($0))") } ?? ""
        let text = day.map { lang.text(vi: "Đã đặt thời hạn khắc phục nội dung có mã theo dõi \(finding.short): ngày \(lang.date($0))\(source).",
                                       en: "Deadline of \(finding.short) set to \(lang.date($0))\(source).") }
            ?? lang.text(vi: "Đã hủy thời hạn đã đặt cho nội dung có mã theo dõi \(finding.short); áp dụng thời hạn theo quy định (nếu có).",
                         en: "Deadline set for \(finding.short) cleared; the norm's applies, if any.")
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
