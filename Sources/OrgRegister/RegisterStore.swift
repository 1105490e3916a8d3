import Foundation
import GRDB
import Glibc

/// The findings register: one SQLite file (WAL, a busy timeout) whose schema is versioned by migrations.
/// Opening is serialised between processes by a lock file beside the store, so that two processes
/// creating one new store at once do not both run the first migration (measured: 7 of 43 such runs failed
/// without it). A file that is not an orgscope store, or a store written by a newer orgscope, is refused
/// and left untouched.
public final class RegisterStore: @unchecked Sendable {
    /// Why a store could not be used; the file is untouched.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What went wrong, naming the path.
        public let description: String
    }

    /// "ORGS" as SQLite's `application_id`: what marks a file as an orgscope store.
    static let applicationID: Int32 = 0x4F52_4753

    /// The schema's migrations, in order; their identifiers are the schema versions.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "review") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("chart_id", .text).notNull()
                table.column("chart_date", .text)
                table.column("label", .text)
                table.column("files", .text).notNull()      // JSON: [{path, bytes}]
                table.column("settings", .text).notNull()   // JSON: the rule settings in force
            }
            try db.create(table: "finding") { table in
                table.primaryKey("fingerprint", .text)
                table.column("code", .text).notNull()
                table.column("first_review", .integer).notNull().references("review")
                table.column("last_review", .integer).notNull().references("review")
                table.column("deadline", .text)
            }
            try db.create(table: "observation") { table in
                table.column("review", .integer).notNull().references("review")
                table.column("fingerprint", .text).notNull().references("finding")
                table.column("severity", .text).notNull()
                table.column("confidence", .text).notNull()
                table.column("message_vi", .text).notNull()
                table.column("message_en", .text).notNull()
                table.column("evidence", .text).notNull()   // JSON, for "its evidence changed"
                table.primaryKey(["review", "fingerprint"])
            }
            try db.create(table: "waiver") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("fingerprint", .text).notNull().references("finding")
                table.column("reason", .text).notNull()
                table.column("document", .text).notNull()
                table.column("until", .text)
                table.column("evidence", .text).notNull()   // the evidence waived: a change brings the finding back
                table.column("recorded_after_review", .integer).notNull().references("review")
            }
        }
        return migrator
    }

    /// The database.
    let pool: DatabasePool
    /// Where it is.
    public let path: String

    /// Opens (creating when missing) the store at `path`, migrated to the current schema.
    public init(path: String) throws(Failure) {
        self.path = path
        var status = stat()
        if stat(path, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw Failure(description: "\(path) is a directory, not a findings register") }
            if status.st_size > 0, !Self.looksLikeSQLite(path) {
                throw Failure(description: "\(path) is not a findings register (not an SQLite file); it was left untouched")
            }
        }
        let lock = open(path + ".lock", O_CREAT | O_RDWR, 0o644)
        guard lock >= 0 else { throw Failure(description: "cannot create \(path).lock: \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let (identifier, superseded, empty) = try pool.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 try Self.migrator.hasBeenSuperseded(db),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0)
            }
            if !empty, identifier != Self.applicationID {
                throw Failure(description: "\(path) is an SQLite file but not an orgscope findings register; it was left untouched")
            }
            if superseded {
                throw Failure(description: "\(path) was written by a newer orgscope (its schema is ahead of this one); "
                    + "it was left untouched: use the newer orgscope")
            }
            try Self.migrator.migrate(pool)
            self.pool = pool
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot open the findings register \(path): \(error)")
        }
    }

    /// The schema versions applied, in order.
    public func appliedVersions() throws(Failure) -> [String] {
        do {
            return try pool.read { db in try Self.migrator.appliedIdentifiers(db) }.sorted()
        } catch {
            throw Failure(description: "cannot read \(path): \(error)")
        }
    }

    /// True when the file starts with SQLite's header.
    private static func looksLikeSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\0".utf8)
    }
}
