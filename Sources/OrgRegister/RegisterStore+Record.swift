import Foundation
internal import GRDB
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
        /// Findings of the register whose ids the renames changed.
        public var renamed: Int
    }

    /// One input file of a review.
    public struct InputFile: Sendable, Hashable, Codable {
        /// The path as given.
        public var path: String
        /// Its size in bytes.
        public var bytes: Int
        /// The SHA-256 of its bytes, in hexadecimal (nil in reviews recorded by schema version 1).
        public var sha256: String?

        /// A file.
        public init(path: String, bytes: Int, sha256: String? = nil) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }

        private enum CodingKeys: String, CodingKey { case path, bytes, sha256 }

        /// Reads a file as either schema version wrote it: version 1 wrote the size as a string.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            path = try container.decode(String.self, forKey: .path)
            if let size = try? container.decode(Int.self, forKey: .bytes) {
                bytes = size
            } else {
                bytes = Int(try container.decode(String.self, forKey: .bytes)) ?? 0
            }
            sha256 = try container.decodeIfPresent(String.self, forKey: .sha256)
        }
    }

    /// How a finding counts in a review: confirmed and in force, to verify, or under a regime to come.
    static func kind(of finding: Finding) -> String {
        finding.isUpcoming ? "upcoming" : finding.isToVerify ? "to-verify" : "counted"
    }

    /// The department a finding is charged to: that of its first responsible unit (the one that must act:
    /// for a duty left with supporting units only, the unit whose functions hold it), else of its first
    /// unit, below the province; nil for the province as a whole.
    static func department(of finding: Finding, in graph: DutyGraph) -> String? {
        for id in finding.responsibleUnits + finding.units {
            if let index = graph.index[id], let department = graph.department(of: index) { return graph.unit(department).name }
        }
        return nil
    }

    /// Records `result` as a new review, in one transaction: the ids of earlier findings renamed by
    /// `renames` (old id → new id) first, then the review, every finding under its fingerprint, what each
    /// finding said this time; nothing is written when any part fails.
    /// A review must be of the chart the register follows (its id), unless `otherChart`, and not dated
    /// before the latest review (statuses are reckoned in order).
    public func record(_ result: AnalysisResult, label: String?, files: [InputFile], settings: String,
                       renames: [String: String] = [:], recordedOn: ChartDate, otherChart: Bool = false) throws(Failure) -> Recorded {
        let chart = result.graph.chart
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try pool.write { db -> Recorded in
                if let last = try Row.fetchOne(db, sql: "SELECT chart_id, coalesce(chart_date, recorded_on) FROM review ORDER BY id DESC LIMIT 1") {
                    let lastID: String = last[0]
                    if lastID != chart.id, !otherChart {
                        throw Failure(description: "\(path) follows the chart '\(lastID)', not '\(chart.id)': record into another register, "
                            + "or give --other-chart if the organisation's chart id really changed; nothing was recorded")
                    }
                    let date = chart.asOf ?? recordedOn
                    if let lastDate = (last[1] as String?).flatMap(ChartDate.init(iso:)), date < lastDate {
                        throw Failure(description: "the chart is dated \(date), before the latest review of \(path) (\(lastDate)): "
                            + "reviews are recorded in order; nothing was recorded")
                    }
                }
                let renamed = try Self.applyRenames(renames, in: db)
                let previous = try Int64.fetchOne(db, sql: "SELECT max(id) FROM review")
                let fileList = String(decoding: try encoder.encode(files), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO review (chart_id, chart_date, label, files, settings, chart_name, recorded_on, illustrative)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [chart.id, chart.asOf?.description, label, fileList, settings, chart.name, recordedOn.description,
                                     chart.illustrative])
                let review = db.lastInsertedRowID
                let known = Set(try String.fetchAll(db, sql: "SELECT fingerprint FROM finding"))
                let before = Set(try String.fetchAll(db, sql: "SELECT fingerprint FROM observation WHERE review = ?",
                                                     arguments: [previous]))
                let upsert = try db.cachedStatement(sql: """
                    INSERT INTO finding (fingerprint, code, first_review, last_review, run_start, times_seen) VALUES (?1, ?2, ?3, ?3, ?3, 1)
                    ON CONFLICT(fingerprint) DO UPDATE SET last_review = ?3, times_seen = finding.times_seen + 1,
                        run_start = CASE WHEN finding.last_review IS ?4 THEN coalesce(finding.run_start, ?3) ELSE ?3 END
                    """)
                let state = try db.cachedStatement(sql: """
                    INSERT INTO statement (digest, message_vi, message_en, evidence) VALUES (?, ?, ?, ?)
                    ON CONFLICT(digest) DO UPDATE SET digest = excluded.digest RETURNING id
                    """)
                let observe = try db.cachedStatement(sql: """
                    INSERT INTO observation (review, fingerprint, severity, confidence, message_vi, message_en, evidence, kind,
                        department, deadline, statement) VALUES (?, ?, ?, ?, '', '', '', ?, ?, ?, ?)
                    """)
                var now = Set<String>()
                for finding in result.findings {
                    let fingerprint = FindingFingerprint(finding).canonical
                    guard now.insert(fingerprint).inserted else { continue }
                    try upsert.execute(arguments: [fingerprint, finding.code, review, previous])
                    let evidence = String(decoding: try encoder.encode(finding.evidence), as: UTF8.self)
                    var deadline: String?
                    if case .text(let text)? = finding.evidence["deadline"], ChartDate(iso: text) != nil { deadline = text }
                    var texts = [finding.message.vi, finding.message.en, evidence].joined(separator: "\u{0}")
                    let digest = texts.withUTF8 { FileDigest.sha256(bytes: UnsafeRawBufferPointer($0)) }
                    let statement = try Int64.fetchOne(state, arguments: [digest, finding.message.vi, finding.message.en, evidence])
                    try observe.execute(arguments: [review, fingerprint, finding.severity.rawValue, finding.confidence.rawValue,
                                                    Self.kind(of: finding), Self.department(of: finding, in: result.graph), deadline,
                                                    statement])
                }
                var kinds: [String: Int] = [:]
                for finding in result.findings { kinds[Self.kind(of: finding), default: 0] += 1 }
                try db.execute(sql: "UPDATE review SET counted = ?, to_verify = ?, upcoming = ? WHERE id = ?",
                               arguments: [kinds["counted"] ?? 0, kinds["to-verify"] ?? 0, kinds["upcoming"] ?? 0, review])
                Self.pauseForTests()
                func sorted(_ set: Set<String>) -> [FindingFingerprint] { set.sorted().map(FindingFingerprint.init(canonical:)) }
                return Recorded(review: review, new: sorted(now.subtracting(known)), persisting: sorted(now.intersection(before)),
                                reopened: sorted(now.intersection(known).subtracting(before)), resolved: sorted(before.subtracting(now)),
                                renamed: renamed)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot record the review in \(path): \(error); the register is as it was")
        }
    }

    /// A failpoint for the tests that kill a recording process (`ORGSCOPE_TEST_PAUSE_BEFORE_COMMIT=SECONDS`):
    /// every row is written, the transaction not yet committed; says so on standard error, then waits.
    private static func pauseForTests() {
        guard let text = ProcessInfo.processInfo.environment["ORGSCOPE_TEST_PAUSE_BEFORE_COMMIT"], let seconds = Double(text) else { return }
        FileHandle.standardError.write(Data("orgscope: paused before commit\n".utf8))
        Thread.sleep(forTimeInterval: seconds)
    }

    /// Rewrites the fingerprints of the register's findings whose ids `renames` changes, keeping the old
    /// fingerprint as an alias (so that a short fingerprint typed from an earlier report still resolves).
    /// A finding whose new fingerprint is already taken keeps its own. Returns how many were rewritten.
    private static func applyRenames(_ renames: [String: String], in db: Database) throws -> Int {
        guard !renames.isEmpty else { return 0 }
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        let latest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM review") ?? 0
        var existing = Set(try String.fetchAll(db, sql: "SELECT fingerprint FROM finding"))
        var count = 0
        for old in existing.sorted() {
            let new = FindingFingerprint(canonical: old).renamed(renames).canonical
            guard new != old, !existing.contains(new) else { continue }
            for table in ["finding", "observation", "waiver"] {
                try db.execute(sql: "UPDATE \(table) SET fingerprint = ? WHERE fingerprint = ?", arguments: [new, old])
            }
            try db.execute(sql: "UPDATE alias SET new = ? WHERE new = ?", arguments: [new, old])
            try db.execute(sql: "INSERT OR REPLACE INTO alias (old, new, review) VALUES (?, ?, ?)", arguments: [old, new, latest])
            existing.remove(old)
            existing.insert(new)
            count += 1
        }
        return count
    }
}
