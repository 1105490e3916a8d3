import Foundation
internal import GRDB
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

        /// A read of `path` that failed: damage met while reading (a reader skips the whole-file check) says so.
        static func reading(_ path: String, _ error: any Error) -> Failure {
            if let error = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
                return Failure(description: "\(path) is damaged (\(error.message ?? "\(error)")); it was left untouched: restore it from a backup")
            }
            return Failure(description: "cannot read \(path): \(error)")
        }
    }

    /// The database.
    let pool: DatabasePool
    /// Where it is.
    public let path: String

    /// Opens (creating when missing) the store at `path`, migrated to the current schema. Under the lock
    /// file: the header is read before SQLite opens the file (a database in rollback mode that is not
    /// orgscope's is refused before SQLite could switch it to WAL), then an existing file is checked
    /// through a read-only connection (orgscope's mark, the schema not ahead of this orgscope's, `PRAGMA
    /// quick_check`), so that a refused file is never written to; only then is it opened for writing and
    /// migrated, and the WAL checkpointed into the file, so that its header carries the mark.
    ///
    /// `forReading`: the caller only reads (a report): the whole-file `quick_check` (half a second on a
    /// register of 20 national reviews) is left to writers and to a store that must first be migrated;
    /// damage met while reading is still an error naming the file.
    public init(path: String, forReading: Bool = false) throws(Failure) {
        self.path = path
        // First without the lock, so that a text file or a foreign database gets no lock file beside it.
        var before = stat()
        if stat(path, &before) == 0, (before.st_mode & S_IFMT) != S_IFDIR, before.st_size > 0 { try Self.checkHeader(path) }
        let lock = open(path + ".lock", O_CREAT | O_RDWR, 0o644)
        guard lock >= 0 else { throw Failure(description: "cannot create \(path).lock: \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN) }
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists, (status.st_mode & S_IFMT) == S_IFDIR { throw Failure(description: "\(path) is a directory, not a findings register") }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            if exists, status.st_size > 0 {
                try Self.checkHeader(path)
                try Self.probe(path, configuration: configuration, check: !forReading)
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try RegisterSchema.migrator.migrate(pool)
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            self.pool = pool
        } catch let failure as Failure {
            throw failure
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw Failure(description: "\(path) is damaged (\(error.message ?? "\(error)")); it was left untouched: restore it from a backup")
        } catch {
            throw Failure(description: "cannot open the findings register \(path): \(error)")
        }
    }

    /// Checks an existing file through a read-only connection: a database in WAL mode may hold its newest
    /// first page in the WAL, which only SQLite reads.
    private static func probe(_ path: String, configuration: Configuration, check: Bool) throws {
        var readOnly = configuration
        readOnly.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: readOnly)
        let (identifier, empty, superseded, problems) = try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0,
             try RegisterSchema.migrator.hasBeenSuperseded(db),
             try (check || !RegisterSchema.migrator.hasCompletedMigrations(db))
                ? String.fetchAll(db, sql: "PRAGMA quick_check(5)").filter { $0 != "ok" } : [])
        }
        if !empty, identifier != RegisterSchema.applicationID {
            throw Failure(description: "\(path) is an SQLite file but not an orgscope findings register; it was left untouched")
        }
        if !problems.isEmpty {
            throw Failure(description: "\(path) is damaged (\(problems.joined(separator: "; "))); it was left untouched: restore it from a backup")
        }
        if superseded {
            throw Failure(description: "\(path) was written by a newer orgscope (its schema is ahead of this one); "
                + "it was left untouched: use the newer orgscope")
        }
    }

    /// The schema versions applied, in order.
    public func appliedVersions() throws(Failure) -> [String] {
        do {
            return try pool.read { db in try RegisterSchema.migrator.appliedIdentifiers(db) }.sorted()
        } catch {
            throw Failure.reading(path, error)
        }
    }

    /// Refuses a file that is not an SQLite database, or a database in rollback mode whose `application_id`
    /// (bytes 68–71 of the header, big-endian) is not orgscope's, reading the header only.
    private static func checkHeader(_ path: String) throws(Failure) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        guard header.count == 100, header.prefix(16).elementsEqual(Array("SQLite format 3\0".utf8)) else {
            throw Failure(description: "\(path) is not a findings register (not an SQLite file); it was left untouched")
        }
        // Bytes 18 and 19 are 2 in WAL mode: the first page may be newer in the WAL (a store another process
        // has just created), so the mark is checked through SQLite, which opens such a file without changing it.
        // In rollback mode, SQLite would switch the file to WAL on opening: its mark is checked here first.
        guard header[18] != 2 || header[19] != 2 else { return }
        let identifier = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard Int32(bitPattern: identifier) == RegisterSchema.applicationID else {
            throw Failure(description: "\(path) is an SQLite file but not an orgscope findings register; it was left untouched")
        }
    }
}
