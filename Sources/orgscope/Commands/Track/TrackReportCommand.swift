import ArgumentParser
import Foundation
import OrgRegister
import OrgReport

/// `orgscope track report --store FILE`: the follow-up report.
struct TrackReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report what the register holds: open findings per department with their age, overdue ones first, "
            + "resolved since the previous review, waivers, and the trend across reviews.",
        discussion: "Reckoned on the latest review's date unless --as-of is given, so that the same register gives the "
            + "same bytes. Exit status 0, or 2 when the register cannot be read.")

    @OptionGroup var store: StoreOptions
    @OptionGroup(title: "Report") var report: ReportOptions

    @Option(help: ArgumentHelp("Reckon ages, deadlines and waivers on this day (YYYY-MM-DD) instead of the latest review's.",
                               valueName: "date"))
    var asOf: String?

    func validate() throws {
        _ = try parseDate(asOf, option: "--as-of")
    }

    func run() throws {
        let profile = try report.documentProfile()
        let register = try store.open(create: false, forReading: true)
        let day = try parseDate(asOf, option: "--as-of")
        let followUp = try StoreOptions.run { () throws(RegisterStore.Failure) in try register.followUp(asOf: day) }
        try report.write(FollowUpReporter.report(followUp, language: report.lang, timestamp: report.stamp, profile: profile),
                         stem: fileStem(store.store) + ".follow-up")
    }
}
