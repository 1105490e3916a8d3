import Foundation
import OrgAnalysis
import OrgModel
import GRDB
@testable import OrgRegister
import Testing

/// Recording reviews: the same problem is the same record across reviews; new, persisting, resolved and
/// reopened are told apart; a failed record leaves the register as it was.
@Suite("Findings register: recording reviews")
struct RegisterRecordTests {
    static func chart(headless: Bool, overQuota: Bool) -> OrgChart {
        var line = 0
        func at() -> OrgModel.SourceLocation { line += 1; return OrgModel.SourceLocation(file: "t.xml", line: line, column: 1) }
        return OrgChart(id: "t", name: "Tỉnh", asOf: ChartDate(year: 2025, month: 10, day: 1), provinceCategory: .categoryIII, units: [
            OrgModel.Unit(id: "ubnd", name: "Ủy ban nhân dân tỉnh", kind: .committee, declaredLevel: .province,
                          leadership: Leadership(heads: 1), location: at()),
            OrgModel.Unit(id: "stp", name: "Sở Tư pháp", kind: .department, parent: "ubnd",
                          leadership: Leadership(heads: headless ? 0 : 1, deputies: 1),
                          staffing: [Staffing(category: .civilServant, quota: 20, actual: overQuota ? 23 : 20, location: at())],
                          duties: [Duty(id: "stp.1", unit: "stp", text: "Quản lý công tác hộ tịch", location: at())], location: at()),
        ])
    }

    static func record(_ store: RegisterStore, headless: Bool, overQuota: Bool) throws -> RegisterStore.Recorded {
        let result = Analyzer().analyze(chart(headless: headless, overQuota: overQuota))
        return try store.record(result, label: nil, files: [RegisterStore.InputFile(path: "t.xml", bytes: 1)], settings: "{}",
                            recordedOn: ChartDate(year: 2025, month: 10, day: 2))
    }

    @Test("New, persisting, resolved, reopened")
    func statuses() throws {
        let store = try RegisterStore(path: try RegisterStoreTests.scratch())
        let first = try Self.record(store, headless: true, overQuota: true)
        let codes = { (list: [FindingFingerprint]) in Set(list.map { String($0.canonical.prefix(6)) }) }
        #expect(first.review == 1 && codes(first.new).isSuperset(of: ["ACC001", "STF001"]) && first.resolved.isEmpty)
        let second = try Self.record(store, headless: false, overQuota: true)
        #expect(codes(second.persisting).contains("STF001") && codes(second.resolved).contains("ACC001") && second.new.isEmpty)
        let third = try Self.record(store, headless: true, overQuota: false)
        #expect(codes(third.reopened).contains("ACC001") && codes(third.resolved).contains("STF001"))
        let rows = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM review") }
        #expect(rows == 3)
    }

    @Test("A record that fails writes nothing")
    func atomic() throws {
        let store = try RegisterStore(path: try RegisterStoreTests.scratch())
        _ = try Self.record(store, headless: true, overQuota: true)
        try store.pool.write { db in try db.execute(sql: "DROP TABLE observation") }
        #expect(throws: RegisterStore.Failure.self) { _ = try Self.record(store, headless: true, overQuota: true) }
        let reviews = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM review") }
        #expect(reviews == 1, "the failed review's row was rolled back")
    }
}
