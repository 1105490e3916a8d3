import ArgumentParser
import Foundation
import OrgModel
import OrgRegister

/// `orgscope track`: the findings register, across reviews (the directive's clauses 3.a and 3.c).
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Follow findings across reviews in a register (one SQLite file): record, waive, set deadlines, report.",
        discussion: "Each finding is kept under a fingerprint made of its rule and the ids it concerns, so the same "
            + "problem is the same record from one review to the next. The register's schema is in the README.",
        subcommands: [TrackRecordCommand.self, TrackWaiveCommand.self, TrackDeadlineCommand.self, TrackReportCommand.self])
}

/// `--store FILE`: the register a command reads or writes.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The findings register (an SQLite file; `track record` creates it when missing).",
                               valueName: "file"))
    var store: String

    /// Opens the register; with `create` false a missing file is an error (nothing is created). A failure
    /// is printed and ends the run with exit 2.
    func open(create: Bool, forReading: Bool = false) throws -> RegisterStore {
        try Self.open(store, create: create, forReading: forReading)
    }

    /// Opens the register at `store` (see ``open(create:)``).
    static func open(_ store: String, create: Bool, forReading: Bool = false) throws -> RegisterStore {
        if !create, !FileManager.default.fileExists(atPath: store) {
            DiagnosticPrinter.fail("\(store): no findings register there; record a review first with "
                + "`orgscope track record CHART --store \(store)`")
            throw ExitCode(ExitStatus.badInput)
        }
        return try run { () throws(RegisterStore.Failure) in try RegisterStore(path: store, forReading: forReading) }
    }

    /// Runs a register operation; its failure is printed and ends the run with exit 2.
    static func run<T>(_ operation: () throws(RegisterStore.Failure) -> T) throws -> T {
        do {
            return try operation()
        } catch {
            DiagnosticPrinter.fail(error.description)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

/// A date option as YYYY-MM-DD.
func parseDate(_ text: String?, option: String) throws -> ChartDate? {
    guard let text else { return nil }
    guard let date = ChartDate(iso: text) else { throw ValidationError("\(option) takes a date as YYYY-MM-DD, not '\(text)'.") }
    return date
}

/// Today, in the machine's time zone: the day a review is recorded.
func today() -> ChartDate {
    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return ChartDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
}
