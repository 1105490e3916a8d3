import Foundation
import GRDB
import OrgAnalysis
import OrgModel
@testable import OrgRegister
import Testing

/// A store written by schema version 1 (`Fixtures/register-v1.sqlite`: two reviews of the tiny chart of
/// RegisterRecordTests, ACC001 and STF001 on "stp" in review 1, only STF001 in review 2, a waiver of STF001)
/// migrates to the current schema with its reviews, findings, runs and waiver, and goes on being recorded
/// into. The fixture is only ever opened as a copy.
@Suite("Findings register: migrating a version 1 store")
struct RegisterMigrationTests {
    /// The committed fixture, located from this file.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/register-v1.sqlite").path

    /// The SHA-256 of the fixture as committed: a test that wrote to it would change it.
    static let fixtureSHA256 = "8b0c03d469c033b516a641186aed6c9d54800006f8c786b100bc9741ec263f60"

    /// A copy of the fixture in a fresh temporary directory.
    static func copy() throws -> String {
        let path = try RegisterStoreTests.scratch("register-v1-copy.sqlite")
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        return path
    }

    static func code(_ entry: FollowUp.Entry) -> String { String(entry.fingerprint.canonical.prefix(6)) }

    @Test("The fixture is a version 1 store, as committed, with nothing beside it")
    func fixtureUntouched() throws {
        #expect(FileDigest.sha256(path: Self.fixture) == Self.fixtureSHA256)
        for suffix in ["-wal", "-shm", "-journal", ".lock"] {
            #expect(!FileManager.default.fileExists(atPath: Self.fixture + suffix), "\(suffix) beside the fixture")
        }
        // Read from a copy: the copy's migrations table lists v1 only before it is opened as a store.
        let path = try Self.copy()
        let identifiers = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(identifiers == ["v1"])
    }

    @Test("Opening migrates v1 to v2, keeping the reviews, the findings and the waiver")
    func migrates() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: Self.fixture))
        let path = try Self.copy()
        let store = try RegisterStore(path: path)
        #expect(try store.appliedVersions() == ["v1", "v2"])
        let (reviews, waivers, runs) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM review"),
             try Row.fetchAll(db, sql: "SELECT fingerprint, document, until FROM waiver"),
             try Row.fetchAll(db, sql: "SELECT code, run_start, times_seen FROM finding ORDER BY code"))
        }
        #expect(reviews == 2)
        #expect(waivers.count == 1)
        if let waiver = waivers.first {
            #expect((waiver[0] as String).hasPrefix("STF001|"))
            #expect(waiver[1] as String == "Công văn số 123/UBND-NC")
            #expect(waiver[2] as String? == "2026-06-30")
        }
        // run_start and times_seen backfilled from the observations of version 1.
        let byCode = Dictionary(runs.map { ($0[0] as String, ($0[1] as Int64?, $0[2] as Int)) }) { first, _ in first }
        #expect(byCode["STF001"]?.0 == 1 && byCode["STF001"]?.1 == 2)
        #expect(byCode["ACC001"]?.0 == 1 && byCode["ACC001"]?.1 == 1)

        let followUp = try store.followUp()
        #expect(followUp.reviews.map(\.number) == [1, 2])
        #expect(followUp.asOf == ChartDate(year: 2025, month: 10, day: 1))
        let stf = followUp.entries.first { Self.code($0) == "STF001" }
        let acc = followUp.entries.first { Self.code($0) == "ACC001" }
        #expect(stf?.status == .persisting)
        #expect(stf?.reviews == 2)
        #expect(stf?.since == 1)
        #expect(stf?.firstSeen == 1)
        #expect(stf?.waiver?.document == "Công văn số 123/UBND-NC")
        #expect(stf?.waiverState == .active, "the waiver was given for review 2's evidence, until 2026-06-30")
        #expect(stf?.isOpen == false)
        #expect(acc?.status == .resolved, "ACC001 was in review 1, not in review 2")
        #expect(acc?.since == 1 && acc?.reviews == 1)
        // Reopening migrates nothing more.
        #expect(try RegisterStore(path: path).appliedVersions() == ["v1", "v2"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: Self.fixture)) == before)
    }

    @Test("A third review recorded after the migration continues the runs")
    func recordsAfterMigration() throws {
        let path = try Self.copy()
        let store = try RegisterStore(path: path)
        let third = try RegisterRecordTests.record(store, headless: true, overQuota: true)
        #expect(third.review == 3)
        let codes = { (list: [FindingFingerprint]) in list.map { String($0.canonical.prefix(6)) } }
        #expect(codes(third.persisting).contains("STF001"))
        #expect(codes(third.reopened) == ["ACC001"])
        #expect(third.new.isEmpty && third.resolved.isEmpty)

        let followUp = try store.followUp()
        #expect(followUp.reviews.map(\.number) == [1, 2, 3])
        let stf = followUp.entries.first { Self.code($0) == "STF001" }
        let acc = followUp.entries.first { Self.code($0) == "ACC001" }
        #expect(stf?.status == .persisting)
        #expect(stf?.since == 1, "the run backfilled by the migration goes on")
        #expect(stf?.reviews == 3)
        #expect(acc?.status == .reopened)
        #expect(acc?.since == 3 && acc?.reviews == 1 && acc?.firstSeen == 1)
        // The third review's own columns of version 2 are filled.
        let row = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT chart_name, recorded_on FROM review WHERE id = 3")
        }
        #expect(row?[0] as String? == "Tỉnh")
        #expect(row?[1] as String? == "2025-10-02")
        let timesSeen = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT times_seen FROM finding WHERE code = 'STF001'")
        }
        #expect(timesSeen == 3)
        // The waiver recorded by version 1 still holds for the same evidence (actual 23 of 20).
        #expect(stf?.waiverState == .active)
    }

    @Test("The input files of reviews recorded by version 1 are read back after the migration")
    func migratedFiles() throws {
        let store = try RegisterStore(path: try Self.copy())
        let reviews = try store.followUp().reviews
        #expect(reviews.count == 2)
        for review in reviews {
            #expect(review.files == [RegisterStore.InputFile(path: "t.xml", bytes: 1)])
        }
    }
}
