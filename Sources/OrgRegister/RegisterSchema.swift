internal import GRDB

/// The register's schema, versioned by migrations whose identifiers are the schema versions. A migration
/// once shipped is never changed: a store written by an older orgscope migrates through the ones after
/// it (`Tests/OrgRegisterTests/Fixtures/register-v1.sqlite` is a store of version 1, kept as written).
enum RegisterSchema {
    /// "ORGS" as SQLite's `application_id`: what marks a file as an orgscope store.
    static let applicationID: Int32 = 0x4F52_4753

    /// The identifier of the newest migration: the schema this orgscope writes.
    static let current = "v2"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: version1)
        migrator.registerMigration("v2", migrate: version2)
        return migrator
    }

    /// Reviews, findings under their fingerprints, what each review observed of each, waivers.
    private static func version1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.create(table: "review") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("chart_id", .text).notNull()
            table.column("chart_date", .text)
            table.column("label", .text)
            table.column("files", .text).notNull()      // JSON: [{path, bytes}] (v2 adds sha256)
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

    /// The chart's name, whether its figures are illustrative and the day of recording on reviews; what kind of finding each observation was,
    /// its department and the norm's deadline; who set a finding's deadline; each finding's current run of
    /// reviews (kept at record time, so that statuses never scan the history); ids renamed (aliases); what
    /// findings say, stored once (`statement`).
    private static func version2(_ db: Database) throws {
        try db.alter(table: "review") { table in
            table.add(column: "chart_name", .text)
            table.add(column: "recorded_on", .text)
            table.add(column: "illustrative", .boolean).notNull().defaults(to: false)
            // What the review observed, counted when it was recorded (a report never scans the observations).
            table.add(column: "counted", .integer).notNull().defaults(to: 0)
            table.add(column: "to_verify", .integer).notNull().defaults(to: 0)
            table.add(column: "upcoming", .integer).notNull().defaults(to: 0)
        }
        try db.alter(table: "observation") { table in
            table.add(column: "kind", .text).notNull().defaults(to: "counted")  // counted | to-verify | upcoming
            table.add(column: "department", .text)                              // nil: the whole province
            table.add(column: "deadline", .text)                                // the norm's, when it gives one
        }
        try db.execute(sql: "UPDATE observation SET kind = 'to-verify' WHERE confidence <> 'confirmed'")
        try db.execute(sql: """
            UPDATE review SET
                counted = (SELECT count(*) FROM observation o WHERE o.review = review.id AND o.kind = 'counted'),
                to_verify = (SELECT count(*) FROM observation o WHERE o.review = review.id AND o.kind = 'to-verify')
            """)
        try db.alter(table: "finding") { table in
            table.add(column: "deadline_document", .text)
            table.add(column: "run_start", .integer).references("review")   // first review of the current run
            table.add(column: "times_seen", .integer).notNull().defaults(to: 0)
        }
        // What findings say, stored once: a finding that says the same thing in every review (most do)
        // costs one row of text, not one per review (20 reviews of a national chart: megabytes, not hundreds).
        try db.create(table: "statement") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("digest", .text).notNull().unique()   // SHA-256 of the three texts
            table.column("message_vi", .text).notNull()
            table.column("message_en", .text).notNull()
            table.column("evidence", .text).notNull()
        }
        try db.alter(table: "observation") { table in
            table.add(column: "statement", .integer).references("statement")  // v1 rows keep their texts in place
        }
        try db.create(index: "observation_fingerprint", on: "observation", columns: ["fingerprint"])
        try db.create(table: "alias") { table in
            table.primaryKey("old", .text)
            table.column("new", .text).notNull()
            table.column("review", .integer).notNull().references("review")
        }
        // The runs of findings recorded by version 1.
        let reviews = try Int64.fetchAll(db, sql: "SELECT id FROM review ORDER BY id")
        let position = Dictionary(uniqueKeysWithValues: reviews.enumerated().map { ($1, $0) })
        var seen: [String: [Int64]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT fingerprint, review FROM observation ORDER BY review")
        while let row = try rows.next() { seen[row[0], default: []].append(row[1]) }
        for (fingerprint, list) in seen {
            var start = list[list.count - 1]
            for review in list.reversed() {
                guard let here = position[review], let there = position[start], there - here <= 1 else { break }
                start = review
            }
            try db.execute(sql: "UPDATE finding SET run_start = ?, times_seen = ? WHERE fingerprint = ?",
                           arguments: [start, list.count, fingerprint])
        }
    }
}
