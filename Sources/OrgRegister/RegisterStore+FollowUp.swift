import Foundation
internal import GRDB
import OrgAnalysis
import OrgModel

extension RegisterStore {
    /// The register for follow-up on `asOf` (by default the date of the latest review), read in one
    /// transaction. Touches only the latest two reviews' observations: each finding's run is kept at
    /// record time.
    public func followUp(asOf: ChartDate? = nil) throws(Failure) -> FollowUp {
        do {
            return try pool.read { db in try Self.followUp(db, asOf: asOf) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.reading(path, error)
        }
    }

    private static func followUp(_ db: Database, asOf: ChartDate?) throws -> FollowUp {
        let decoder = JSONDecoder()
        let reviews = try Row.fetchAll(db, sql: """
            SELECT id, chart_id, chart_name, coalesce(chart_date, recorded_on), label, files, illustrative, counted, to_verify, upcoming
            FROM review ORDER BY id
            """).map { row -> FollowUp.Review in
            let number: Int64 = row[0], files: String = row[5]
            let list = (try? decoder.decode([InputFile].self, from: Data(files.utf8))) ?? []
            return FollowUp.Review(number: number, chartID: row[1], chartName: row[2], date: (row[3] as String?).flatMap(ChartDate.init(iso:)),
                                   label: row[4], illustrative: row[6], files: list, counted: row[7], toVerify: row[8], upcoming: row[9])
        }
        let day = asOf ?? reviews.last?.date
        var followUp = FollowUp(asOf: day, reviews: reviews, entries: [])
        guard let latest = reviews.last?.number else { return followUp }
        let previous = reviews.dropLast().last?.number
        let position = Dictionary(uniqueKeysWithValues: reviews.enumerated().map { ($1.number, $0) })
        var waivers: [String: Waiver] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT fingerprint, reason, document, until, evidence, recorded_after_review FROM waiver ORDER BY id
            """) {
            waivers[row[0]] = Waiver(reason: row[1], document: row[2], until: (row[3] as String?).flatMap(ChartDate.init(iso:)),
                                     evidence: row[4], afterReview: row[5])
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT o.review, o.fingerprint, f.code, o.kind, o.severity, o.department, coalesce(s.message_vi, o.message_vi),
                   coalesce(s.message_en, o.message_en), coalesce(s.evidence, o.evidence),
                   f.first_review, f.run_start, f.last_review, f.deadline, f.deadline_document, o.deadline
            FROM observation o JOIN finding f ON f.fingerprint = o.fingerprint LEFT JOIN statement s ON s.id = o.statement
            WHERE o.review = ?1 OR (o.review IS ?2 AND f.last_review <> ?1)
            """, arguments: [latest, previous])
        while let row = try rows.next() {
            let review: Int64 = row[0], fingerprint: String = row[1], evidence: String = row[8]
            let first: Int64 = row[9], lastSeen: Int64 = row[11]
            let runStart: Int64 = row[10] ?? first
            let status: FollowUp.Status = review != latest ? .resolved
                : first == latest ? .new : runStart < latest ? .persisting : .reopened
            let userDeadline = (row[12] as String?).flatMap(ChartDate.init(iso:))
            let normDeadline = (row[14] as String?).flatMap(ChartDate.init(iso:))
            var entry = FollowUp.Entry(
                fingerprint: FindingFingerprint(canonical: fingerprint), code: row[2], status: status, kind: row[3],
                severity: Severity(rawValue: row[4]) ?? .warning, department: row[5], message: LocalizedText(vi: row[6], en: row[7]),
                firstSeen: first, since: runStart,
                reviews: (position[lastSeen] ?? 0) - (position[runStart] ?? 0) + 1,
                deadline: userDeadline ?? normDeadline, deadlineSource: userDeadline != nil ? .user : normDeadline != nil ? .norm : nil,
                deadlineDocument: userDeadline != nil ? row[13] : nil)
            if let waiver = waivers[fingerprint] {
                entry.waiver = waiver
                entry.waiverState = waiver.evidence != evidence ? .evidenceChanged
                    : waiver.until.map { until in day.map { $0 > until } ?? false } == true ? .expired : .active
            }
            if status != .resolved, let deadline = entry.deadline, let day, day > deadline, entry.waiverState != .active {
                entry.daysOverdue = day.dayNumber - deadline.dayNumber
            }
            followUp.entries.append(entry)
        }
        followUp.entries.sort { lhs, rhs in
            if (lhs.daysOverdue != nil) != (rhs.daysOverdue != nil) { return lhs.daysOverdue != nil }
            if lhs.department != rhs.department { return FollowUp.departmentOrder(lhs.department, rhs.department) }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return lhs.fingerprint < rhs.fingerprint
        }
        return followUp
    }
}
