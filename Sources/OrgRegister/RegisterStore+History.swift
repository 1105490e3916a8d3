import Foundation
internal import GRDB
import OrgAnalysis
import OrgModel

/// What the register knows of a finding of an analysis not (yet) recorded: `analyze --store`.
public struct FindingHistory: Sendable, Hashable {
    /// Where the finding stands against the register's latest review.
    public enum Status: String, Sendable {
        /// The register has never seen it.
        case new
        /// In the latest review.
        case persisting
        /// Seen in an earlier review, not in the latest.
        case reopened
    }

    public var fingerprint: FindingFingerprint
    public var status: Status
    /// The first review that saw it, and its date.
    public var firstSeen: Int64?
    public var firstSeenDate: ChartDate?
    /// The first review of its current run (persisting) or the last that saw it (reopened), and its date.
    public var since: Int64?
    public var sinceDate: ChartDate?
    /// Reviews that saw it, in all.
    public var timesSeen: Int
    /// Its waiver, when one holds for this evidence on this day.
    public var waiver: RegisterStore.Waiver?
}

extension RegisterStore {
    /// The history of each of `findings` (by fingerprint) against the register, reckoned on `asOf` for
    /// waivers. Read in one transaction, one indexed lookup per finding.
    public func history(of findings: [Finding], asOf: ChartDate?) throws(Failure) -> [FindingFingerprint: FindingHistory] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try pool.read { db in
                let latest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM review")
                var dates: [Int64: ChartDate] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, coalesce(chart_date, recorded_on) FROM review") {
                    if let date = (row[1] as String?).flatMap(ChartDate.init(iso:)) { dates[row[0]] = date }
                }
                let lookup = try db.cachedStatement(sql: """
                    SELECT first_review, run_start, last_review, times_seen FROM finding WHERE fingerprint = ?
                    """)
                let waiverLookup = try db.cachedStatement(sql: """
                    SELECT reason, document, until, evidence, recorded_after_review FROM waiver WHERE fingerprint = ? ORDER BY id DESC LIMIT 1
                    """)
                var result: [FindingFingerprint: FindingHistory] = [:]
                for finding in findings {
                    let fingerprint = FindingFingerprint(finding)
                    guard result[fingerprint] == nil else { continue }
                    guard let row = try Row.fetchOne(lookup, arguments: [fingerprint.canonical]) else {
                        result[fingerprint] = FindingHistory(fingerprint: fingerprint, status: .new, timesSeen: 0)
                        continue
                    }
                    let first: Int64 = row[0], last: Int64 = row[2]
                    let runStart: Int64 = row[1] ?? first
                    let persisting = last == latest
                    let since = persisting ? runStart : last
                    var history = FindingHistory(fingerprint: fingerprint, status: persisting ? .persisting : .reopened,
                                                 firstSeen: first, firstSeenDate: dates[first], since: since,
                                                 sinceDate: dates[since], timesSeen: row[3])
                    if let waiver = try Row.fetchOne(waiverLookup, arguments: [fingerprint.canonical]) {
                        let until = (waiver[2] as String?).flatMap(ChartDate.init(iso:))
                        let evidence = String(decoding: try encoder.encode(finding.evidence), as: UTF8.self)
                        let expired = until.map { until in asOf.map { $0 > until } ?? false } ?? false
                        if waiver[3] == evidence, !expired {
                            history.waiver = Waiver(reason: waiver[0], document: waiver[1], until: until, evidence: evidence,
                                                    afterReview: waiver[4])
                        }
                    }
                    result[fingerprint] = history
                }
                return result
            }
        } catch {
            throw Failure.reading(path, error)
        }
    }

    /// The id of the chart the register follows (its latest review's), nil for an empty register.
    public func followedChart() throws(Failure) -> String? {
        do {
            return try pool.read { db in try String.fetchOne(db, sql: "SELECT chart_id FROM review ORDER BY id DESC LIMIT 1") }
        } catch {
            throw Failure.reading(path, error)
        }
    }
}
