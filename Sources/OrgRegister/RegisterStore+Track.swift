import Foundation
internal import GRDB
import OrgModel

extension RegisterStore {
    /// A recorded waiver: an exception accepted in writing.
    public struct Waiver: Sendable, Hashable {
        /// Why the finding is accepted.
        public var reason: String
        /// The document that accepts it ("Công văn số 123/UBND-NC ngày …").
        public var document: String
        /// The last day it holds; nil for no end.
        public var until: ChartDate?
        /// The evidence it was given for (JSON): a change brings the finding back.
        public var evidence: String
        /// The review it was recorded after.
        public var afterReview: Int64
    }

    /// The finding a user means by `reference`: a whole fingerprint, or the start (6 digits or more) of
    /// its short form, either of which may be from before a rename.
    public func resolve(_ reference: String) throws(Failure) -> FindingFingerprint {
        let wanted = reference.trimmingCharacters(in: .whitespaces).lowercased()
        do {
            return try pool.read { db throws -> FindingFingerprint in
                func current(_ fingerprint: String) throws -> String {
                    try String.fetchOne(db, sql: "SELECT new FROM alias WHERE old = ?", arguments: [fingerprint]) ?? fingerprint
                }
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM finding WHERE fingerprint = ?", arguments: [reference]) == true {
                    return FindingFingerprint(canonical: reference)
                }
                if let renamed = try String.fetchOne(db, sql: "SELECT new FROM alias WHERE old = ?", arguments: [reference]) {
                    return FindingFingerprint(canonical: renamed)
                }
                guard wanted.count >= 6, wanted.allSatisfy(\.isHexDigit) else {
                    throw Failure(description: "'\(reference)' is not a fingerprint: give the whole one or at least "
                        + "its first 6 hexadecimal digits, as the follow-up report prints it")
                }
                var matches = Set<String>()
                for table in ["SELECT fingerprint FROM finding", "SELECT old FROM alias"] {
                    for fingerprint in try String.fetchAll(db, sql: table)
                    where FindingFingerprint(canonical: fingerprint).short.hasPrefix(wanted) {
                        matches.insert(try current(fingerprint))
                    }
                }
                guard let match = matches.first else {
                    throw Failure(description: "no finding of \(path) has the fingerprint \(reference)")
                }
                guard matches.count == 1 else {
                    throw Failure(description: "\(reference) is the start of \(matches.count) fingerprints in \(path): give more digits")
                }
                return FindingFingerprint(canonical: match)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.reading(path, error)
        }
    }

    /// Records a waiver of the finding `fingerprint`, open in the latest review, for the evidence it has
    /// there; a later waiver of the same finding replaces it.
    public func waive(_ fingerprint: FindingFingerprint, reason: String, document: String, until: ChartDate?) throws(Failure) -> Waiver {
        try writing { db throws -> Waiver in
            guard let latest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM review"),
                  let evidence = try String.fetchOne(db, sql: """
                      SELECT coalesce(s.evidence, o.evidence) FROM observation o LEFT JOIN statement s ON s.id = o.statement
                      WHERE o.review = ? AND o.fingerprint = ?
                      """,
                                                     arguments: [latest, fingerprint.canonical]) else {
                throw Failure(description: "the finding \(fingerprint.short) is not open in the latest review of \(path): "
                    + "there is nothing to waive")
            }
            try db.execute(sql: """
                INSERT INTO waiver (fingerprint, reason, document, until, evidence, recorded_after_review) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [fingerprint.canonical, reason, document, until?.description, evidence, latest])
            return Waiver(reason: reason, document: document, until: until, evidence: evidence, afterReview: latest)
        }
    }

    /// Sets (or, with nil, clears) the deadline a user gives the finding `fingerprint`, with the document
    /// that sets it; it takes the place of the norm's.
    public func setDeadline(_ fingerprint: FindingFingerprint, to date: ChartDate?, document: String?) throws(Failure) {
        try writing { db throws in
            try db.execute(sql: "UPDATE finding SET deadline = ?, deadline_document = ? WHERE fingerprint = ?",
                           arguments: [date?.description, date == nil ? nil : document, fingerprint.canonical])
            guard db.changesCount == 1 else { throw Failure(description: "no finding of \(path) has the fingerprint \(fingerprint)") }
        }
    }

    /// Runs `update` in one transaction; a failure leaves the register as it was.
    func writing<T>(_ update: (Database) throws -> T) throws(Failure) -> T {
        do {
            return try pool.write(update)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot write to \(path): \(error); the register is as it was")
        }
    }
}
