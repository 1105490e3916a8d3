import Foundation
import GRDB
import OrgAnalysis
import OrgModel
@testable import OrgRegister
import Testing

/// The register's safety (a damaged, foreign or newer file is refused and left byte for byte as it was)
/// and its follow-up semantics (renames, waivers, deadlines), against real SQLite files in temp dirs.
@Suite("Findings register: safety and follow-up")
struct RegisterSafetyTests {
    /// A chart of `departments` departments under the committee, each with a civil-servant quota of 20
    /// and `actual` staff, headless when `headless`; the first department's id is `firstID`.
    static func chart(departments: Int = 1, firstID: String = "stp", actual: Int = 23, headless: Bool = true,
                      asOf: ChartDate = ChartDate(year: 2025, month: 10, day: 1)) -> OrgChart {
        var line = 0
        func at() -> OrgModel.SourceLocation { line += 1; return OrgModel.SourceLocation(file: "t.xml", line: line, column: 1) }
        var units = [OrgModel.Unit(id: "ubnd", name: "Ủy ban nhân dân tỉnh", kind: .committee, declaredLevel: .province,
                                   leadership: Leadership(heads: 1), location: at())]
        for index in 0..<departments {
            let id = index == 0 ? firstID : "so\(index)"
            units.append(OrgModel.Unit(
                id: UnitID(id), name: index == 0 ? "Sở Tư pháp" : "Sở số \(index)", kind: .department, parent: "ubnd",
                leadership: Leadership(heads: headless ? 0 : 1, deputies: 1),
                staffing: [Staffing(category: .civilServant, quota: 20, actual: actual, location: at())],
                duties: [Duty(id: DutyID("\(id).1"), unit: UnitID(id), text: "Quản lý công tác số \(index)",
                              location: at())],
                location: at()))
        }
        return OrgChart(id: "t", name: "Tỉnh", asOf: asOf, provinceCategory: .categoryIII, units: units)
    }

    @discardableResult
    static func record(_ store: RegisterStore, _ chart: OrgChart, renames: [String: String] = [:],
                       on day: ChartDate = ChartDate(year: 2025, month: 10, day: 2)) throws -> RegisterStore.Recorded {
        try store.record(Analyzer().analyze(chart), label: nil, files: [RegisterStore.InputFile(path: "t.xml", bytes: 1)],
                         settings: "{}", renames: renames, recordedOn: day)
    }

    /// A store of two reviews of a 200-department chart, closed (its WAL checkpointed into the file).
    static func bigStore() throws -> String {
        let path = try RegisterStoreTests.scratch()
        do {
            let store = try RegisterStore(path: path)
            try record(store, chart(departments: 200))
            try record(store, chart(departments: 200, actual: 24))
            try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        return path
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    static func differences(_ a: Data, _ b: Data) -> String {
        let x = [UInt8](a), y = [UInt8](b)
        var ranges: [String] = []
        var index = 0
        while index < min(x.count, y.count) {
            if x[index] != y[index] {
                let start = index
                while index < min(x.count, y.count), x[index] != y[index] { index += 1 }
                ranges.append("\(start)..<\(index)")
            } else { index += 1 }
        }
        return "sizes \(x.count) → \(y.count), differing at \(ranges.prefix(20))"
    }

    static func code(_ fingerprint: FindingFingerprint) -> String { String(fingerprint.canonical.prefix(6)) }

    // MARK: - Refusals

    /// A store of two reviews damaged in the middle of a page in the middle of the file (200 bytes of
    /// 0xFF at offset 100 of that page: cell content of the observations, which quick_check reads). At
    /// 4096 * 2 + 100, the example of the brief, the bytes fall in the unused space of a small index page:
    /// SQLite cannot tell, and neither can any check short of comparing the bytes.
    static func damagedStore() throws -> String {
        let path = try Self.bigStore()
        let size = try Self.bytes(path).count
        #expect(size > 4096 * 8, "several pages: \(size) bytes")
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(size / 4096 / 2 * 4096 + 100))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 200))
        try handle.close()
        return path
    }

    @Test("A store damaged in the middle of a page is refused as damaged, naming the file")
    func corrupt() throws {
        let path = try Self.damagedStore()
        do {
            _ = try RegisterStore(path: path)
            Issue.record("a damaged store was opened")
        } catch {
            #expect(error.description.contains(path) && error.description.contains("damaged"), "\(error.description)")
        }
    }

    @Test("A damaged store that is refused is byte for byte as it was")
    func corruptUntouched() throws {
        let path = try Self.damagedStore()
        let before = try Self.bytes(path)
        #expect(throws: RegisterStore.Failure.self) { try RegisterStore(path: path) }
        let after = try Self.bytes(path)
        #expect(after == before, "\(Self.differences(before, after))")
    }

    @Test("A store cut to half its length is refused, byte for byte as it was")
    func truncated() throws {
        let path = try Self.bigStore()
        let whole = try Self.bytes(path)
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        let before = try Self.bytes(path)
        #expect(throws: RegisterStore.Failure.self) { try RegisterStore(path: path) }
        #expect(try Self.bytes(path) == before)
    }

    @Test("A foreign SQLite database (rollback journal) is refused, untouched, no WAL beside it")
    func foreign() throws {
        let path = try RegisterStoreTests.scratch("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
                try db.execute(sql: "INSERT INTO note (text) VALUES ('kept as it is')")
            }
        }
        let before = try Self.bytes(path)
        #expect(before[18] == 1 && before[19] == 1, "a rollback-journal database")
        do {
            _ = try RegisterStore(path: path)
            Issue.record("a foreign database was opened")
        } catch {
            #expect(error.description.contains(path) && error.description.contains("not an orgscope findings register"))
        }
        #expect(try Self.bytes(path) == before)
        for suffix in ["-wal", "-shm", "-journal"] {
            #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(suffix) created")
        }
    }

    /// A store of one review whose migrations table lists a "v99", closed.
    static func newerStore() throws -> String {
        let path = try RegisterStoreTests.scratch()
        do {
            let store = try RegisterStore(path: path)
            try Self.record(store, Self.chart())
            try store.pool.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
            try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        return path
    }

    @Test("A store from a newer orgscope (migration v99) is refused, its schema not migrated")
    func newer() throws {
        let path = try Self.newerStore()
        do {
            _ = try RegisterStore(path: path)
            Issue.record("a newer store was opened")
        } catch {
            #expect(error.description.contains(path) && error.description.contains("newer orgscope"))
        }
        var configuration = Configuration()
        configuration.readonly = true
        let (identifiers, reviews) = try DatabaseQueue(path: path, configuration: configuration).read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM review"))
        }
        #expect(identifiers == ["v1", "v2", "v99"])
        #expect(reviews == 1)
    }

    @Test("A store from a newer orgscope that is refused is byte for byte as it was")
    func newerUntouched() throws {
        let path = try Self.newerStore()
        let before = try Self.bytes(path)
        #expect(throws: RegisterStore.Failure.self) { try RegisterStore(path: path) }
        let after = try Self.bytes(path)
        #expect(after == before, "\(Self.differences(before, after))")
    }

    // MARK: - Renames

    @Test("A unit renamed between reviews: the finding persists, its old short fingerprint still resolves")
    func renames() throws {
        let store = try RegisterStore(path: try RegisterStoreTests.scratch())
        let first = try Self.record(store, Self.chart(firstID: "stp"))
        let old = try #require(first.new.first { Self.code($0) == "STF001" })
        #expect(old.canonical.contains("stp"))
        let second = try Self.record(store, Self.chart(firstID: "stpmoi"), renames: ["stp": "stpmoi", "stp.1": "stpmoi.1"])
        let new = try #require(second.persisting.first { Self.code($0) == "STF001" }, "persisting: \(second)")
        #expect(new.canonical == old.renamed(["stp": "stpmoi", "stp.1": "stpmoi.1"]).canonical)
        #expect(new != old)
        #expect(second.new.isEmpty, "nothing new: \(second.new)")
        #expect(second.resolved.isEmpty, "nothing resolved: \(second.resolved)")
        #expect(second.renamed == first.new.count, "every finding of review 1 concerned stp")
        #expect(try store.resolve(old.short) == new)
        #expect(try store.resolve(old.canonical) == new)
        #expect(try store.resolve(new.short) == new)
        let entry = try store.followUp().entries.first { $0.fingerprint == new }
        #expect(entry?.status == .persisting && entry?.since == 1 && entry?.reviews == 2)
        // Without the renames, the same change is a new finding and a resolved one.
        let plain = try RegisterStore(path: try RegisterStoreTests.scratch())
        try Self.record(plain, Self.chart(firstID: "stp"))
        let unmapped = try Self.record(plain, Self.chart(firstID: "stpmoi"))
        #expect(unmapped.new.contains { Self.code($0) == "STF001" } && unmapped.resolved.contains(old))
    }

    // MARK: - Waivers

    @Test("A waiver holds until its last day and while its evidence is unchanged")
    func waivers() throws {
        let store = try RegisterStore(path: try RegisterStoreTests.scratch())
        let first = try Self.record(store, Self.chart(actual: 23))
        let fingerprint = try #require(first.new.first { Self.code($0) == "STF001" })
        let waiver = try store.waive(fingerprint, reason: "Chờ tuyển dụng", document: "Công văn số 123/UBND-NC",
                                     until: ChartDate(year: 2025, month: 12, day: 31))
        #expect(waiver.afterReview == 1)
        func entry(asOf day: ChartDate?) throws -> FollowUp.Entry? {
            try store.followUp(asOf: day).entries.first { $0.fingerprint == fingerprint }
        }
        let held = try entry(asOf: nil)
        #expect(held?.waiverState == .active && held?.isOpen == false)
        let lastDay = try entry(asOf: ChartDate(year: 2025, month: 12, day: 31))
        #expect(lastDay?.waiverState == .active, "the waiver holds on its last day")
        let expired = try entry(asOf: ChartDate(year: 2026, month: 1, day: 1))
        #expect(expired?.waiverState == .expired && expired?.isOpen == true)
        // The same evidence in a second review: the waiver still holds.
        try Self.record(store, Self.chart(actual: 23))
        #expect(try entry(asOf: nil)?.waiverState == .active)
        // One more civil servant: the evidence waived is not the evidence now.
        try Self.record(store, Self.chart(actual: 24))
        let changed = try entry(asOf: nil)
        #expect(changed?.status == .persisting)
        #expect(changed?.waiverState == .evidenceChanged && changed?.isOpen == true)
        // A finding not open in the latest review cannot be waived.
        let acc = try #require(first.new.first { Self.code($0) == "ACC001" })
        try Self.record(store, Self.chart(actual: 24, headless: false))
        #expect(throws: RegisterStore.Failure.self) {
            _ = try store.waive(acc, reason: "r", document: "d", until: nil)
        }
    }

    // MARK: - Deadlines

    @Test("A deadline passed: days overdue counted exactly, overdue findings listed first")
    func overdue() throws {
        let store = try RegisterStore(path: try RegisterStoreTests.scratch())
        let first = try Self.record(store, Self.chart())
        let stf = try #require(first.new.first { Self.code($0) == "STF001" })
        #expect(first.new.contains { Self.code($0) == "ACC001" })
        // Without deadlines ACC001 sorts before STF001 (same department, by code).
        let plain = try store.followUp().entries.map { Self.code($0.fingerprint) }
        #expect(plain.firstIndex(of: "ACC001")! < plain.firstIndex(of: "STF001")!)

        try store.setDeadline(stf, to: ChartDate(year: 2025, month: 11, day: 1), document: "Kế hoạch số 45/KH-UBND")
        let notYet = try store.followUp(asOf: ChartDate(year: 2025, month: 11, day: 1))
        #expect(notYet.entries.allSatisfy { $0.daysOverdue == nil }, "not overdue on the deadline itself")
        // 2025-11-01 → 2026-03-02: 30 + 31 + 31 + 28 + 1 = 121 days.
        let late = try store.followUp(asOf: ChartDate(year: 2026, month: 3, day: 2))
        let first0 = try #require(late.entries.first)
        #expect(first0.fingerprint == stf, "the overdue finding first: \(late.entries.map(\.code))")
        #expect(first0.daysOverdue == 121)
        #expect(first0.deadline == ChartDate(year: 2025, month: 11, day: 1))
        #expect(first0.deadlineSource == .user && first0.deadlineDocument == "Kế hoạch số 45/KH-UBND")
        #expect(late.entries.dropFirst().allSatisfy { $0.daysOverdue == nil })
        #expect(late.age(since: 1) == ChartDate(year: 2026, month: 3, day: 2).dayNumber - ChartDate(year: 2025, month: 10, day: 1).dayNumber)
        // Cleared: no longer overdue, ACC001 first again.
        try store.setDeadline(stf, to: nil, document: nil)
        let cleared = try store.followUp(asOf: ChartDate(year: 2026, month: 3, day: 2))
        #expect(cleared.entries.allSatisfy { $0.daysOverdue == nil && $0.deadlineSource == nil })
        #expect(throws: RegisterStore.Failure.self) {
            try store.setDeadline(FindingFingerprint(canonical: "STF001|nope||"), to: nil, document: nil)
        }
    }
}
