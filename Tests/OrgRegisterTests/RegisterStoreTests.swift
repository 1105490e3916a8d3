import Foundation
import OrgAnalysis
import OrgModel
import GRDB
@testable import OrgRegister
import Testing

/// The findings register's file (issue 19, groundwork): created and migrated once, reopened as it is, and
/// anything that is not an orgscope store, or a store from a newer orgscope, refused and left untouched.
@Suite("Findings register: the store")
struct RegisterStoreTests {
    static func scratch(_ name: String = "register.sqlite") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-register-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test("A new store is created at the current schema and reopens as it is")
    func create() throws {
        let path = try Self.scratch()
        #expect(try RegisterStore(path: path).appliedVersions() == ["v1", "v2"])
        #expect(try RegisterStore(path: path).appliedVersions() == ["v1", "v2"])
    }

    @Test("A text file, a foreign SQLite database and a newer store are refused, untouched")
    func refusals() throws {
        let text = try Self.scratch("notes.txt")
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: RegisterStore.Failure.self) { try RegisterStore(path: text) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "not a database\n")

        let foreign = try Self.scratch("other.sqlite")
        let other = try RegisterStore(path: foreign)
        try other.pool.write { db in try db.execute(sql: "PRAGMA application_id = 42") }
        #expect(throws: RegisterStore.Failure.self) { try RegisterStore(path: foreign) }

        let newer = try Self.scratch()
        let store = try RegisterStore(path: newer)
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-a-newer-orgscope')")
        }
        do {
            _ = try RegisterStore(path: newer)
            Issue.record("a newer store was opened")
        } catch {
            #expect(error.description.contains("newer orgscope"))
        }
    }

    @Test("Fingerprints: the rule and the ids, not the message; renames mapped; a short form to type")
    func fingerprints() {
        let finding = Finding(rule: RuleID(rawValue: "OVL002"), severity: .warning, units: ["snn.tl", "sct"],
                              duties: ["sct.2", "snn.tl.1"], message: LocalizedText(vi: "một", en: "one"))
        var reworded = finding
        reworded.message = LocalizedText(vi: "hai", en: "two")
        reworded.evidence = ["similarity": .number(0.9)]
        #expect(FindingFingerprint(finding) == FindingFingerprint(reworded))
        #expect(FindingFingerprint(finding).canonical == "OVL002|sct,snn.tl|sct.2,snn.tl.1|")
        let renamed = FindingFingerprint(finding, renames: ["snn.tl": "snnmt.tl", "snn.tl.1": "snnmt.tl.1"])
        #expect(renamed.canonical == "OVL002|sct,snnmt.tl|sct.2,snnmt.tl.1|")
        #expect(FindingFingerprint(finding).short.count == 12 && FindingFingerprint(finding).short != renamed.short)
        #expect(FindingFingerprint(canonical: "OVL002|sct,snn.tl|sct.2,snn.tl.1|").short == FindingFingerprint(finding).short)
    }
}
