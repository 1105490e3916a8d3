import Foundation
import GRDB
import OrgAnalysis
import OrgModel

extension RegisterStore {
    /// What recording a review found, against the review before it.
    public struct Recorded: Sendable {
        /// The review's number in the register (1 for the first).
        public var review: Int64
        /// Never seen before.
        public var new: [FindingFingerprint]
        /// Also in the review before.
        public var persisting: [FindingFingerprint]
        /// Seen in an earlier review, not in the one before, back now.
        public var reopened: [FindingFingerprint]
        /// In the review before, gone now.
        public var resolved: [FindingFingerprint]
    }

    /// One input file of a review.
    public struct InputFile: Sendable, Hashable {
        /// The path as given.
        public var path: String
        /// Its size in bytes.
        public var bytes: Int

        /// A file.
        public init(path: String, bytes: Int) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// Records `result` as a new review, in one transaction: the review, every finding under its fingerprint
    /// (ids renamed by `renames` first), what each finding said this time; nothing is written when any part fails.
    public func record(_ result: AnalysisResult, label: String?, files: [InputFile], settings: String,
                       renames: [String: String] = [:]) throws(Failure) -> Recorded {
        let chart = result.graph.chart
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try pool.write { db -> Recorded in
                let previous = try Int64.fetchOne(db, sql: "SELECT max(id) FROM review")
                let fileList = String(decoding: try encoder.encode(files.map { ["path": $0.path, "bytes": String($0.bytes)] }), as: UTF8.self)
                try db.execute(sql: "INSERT INTO review (chart_id, chart_date, label, files, settings) VALUES (?, ?, ?, ?, ?)",
                               arguments: [chart.id, chart.asOf?.description, label, fileList, settings])
                let review = db.lastInsertedRowID
                let known = Set(try String.fetchAll(db, sql: "SELECT fingerprint FROM finding"))
                let before = Set(try String.fetchAll(db, sql: "SELECT fingerprint FROM observation WHERE review = ?",
                                                     arguments: [previous]))
                var now = Set<String>()
                for finding in result.findings {
                    let fingerprint = FindingFingerprint(finding, renames: renames).canonical
                    guard now.insert(fingerprint).inserted else { continue }
                    try db.execute(sql: """
                        INSERT INTO finding (fingerprint, code, first_review, last_review) VALUES (?, ?, ?, ?)
                        ON CONFLICT(fingerprint) DO UPDATE SET last_review = excluded.last_review
                        """, arguments: [fingerprint, finding.code, review, review])
                    let evidence = String(decoding: try encoder.encode(finding.evidence), as: UTF8.self)
                    try db.execute(sql: """
                        INSERT INTO observation (review, fingerprint, severity, confidence, message_vi, message_en, evidence)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [review, fingerprint, finding.severity.rawValue, finding.confidence.rawValue,
                                         finding.message.vi, finding.message.en, evidence])
                }
                func sorted(_ set: Set<String>) -> [FindingFingerprint] { set.sorted().map(FindingFingerprint.init(canonical:)) }
                return Recorded(review: review, new: sorted(now.subtracting(known)), persisting: sorted(now.intersection(before)),
                                reopened: sorted(now.intersection(known).subtracting(before)), resolved: sorted(before.subtracting(now)))
            }
        } catch {
            throw Failure(description: "cannot record the review in \(path): \(error); the register is as it was")
        }
    }
}
