import Foundation
import OrgAnalysis
import OrgModel
import Testing

/// The next regime, reported apart: what breaches the norms from the day it takes effect.
@Suite("Look-ahead to the next regime")
struct LookAheadTests {
    /// A division of 8 posts with 2 deputies: allowed in category III until 2025-12-31, over the cap of 1
    /// from 2026-01-01 (Decree 370/2025); and a sub-department division with more deputies than its head's.
    static let body = """
        <unit id="sct" name="Sở Công Thương" kind="department"><leadership heads="1" deputies="3"/>
          <staffing category="civil-servant" quota="40" actual="38"/>
          <unit id="sct.a" name="Phòng A" kind="division"><leadership heads="1" deputies="2"/>
            <staffing category="civil-servant" quota="8" actual="8"/></unit>
          <unit id="sct.cc" name="Chi cục B" kind="sub-department"><leadership heads="1" deputies="1"/>
            <staffing category="civil-servant" quota="14" actual="14"/>
            <unit id="sct.cc.1" name="Phòng 1" kind="division"><leadership heads="1" deputies="2"/>
              <staffing category="civil-servant" quota="7" actual="7"/></unit>
          </unit>
        </unit>
        """

    static func analyze(asOf: String, lookAhead: LookAhead = .standard) throws -> AnalysisResult {
        let chart = try StaffingRuleTests.chart(asOf: asOf, category: "III", body)
        var configuration = AnalysisConfiguration()
        configuration.lookAhead = lookAhead
        return Analyzer(configuration: configuration).analyze(chart)
    }

    @Test("A chart of 01/10/2025 shows the 2026 breaches apart, with effectiveFrom, not counted")
    func upcomingApart() throws {
        let result = try Self.analyze(asOf: "2025-10-01")
        let upcoming = result.findings.filter(\.isUpcoming)
        #expect(Set(upcoming.map { $0.units.first?.rawValue }) == ["sct.a", "sct.cc.1"])
        #expect(upcoming.allSatisfy { $0.effectiveFrom == ChartDate(year: 2026, month: 1, day: 1) && $0.code == "STF004" })
        #expect(result.upcomingCount == 2)
        #expect(!result.findings.contains { !$0.isUpcoming && $0.code == "STF004" })
        #expect((result.counts[.warning] ?? 0) == result.findings.count { $0.isCountable && $0.severity == .warning })
        #expect(result.upcomingSettings?.norms.regime == .decree370of2025)
    }

    @Test("No look-ahead when asked, when the next regime is more than 12 months away, or when it is in force")
    func noLookAhead() throws {
        #expect(try Self.analyze(asOf: "2025-10-01", lookAhead: .none).upcomingCount == 0)
        #expect(try Self.analyze(asOf: "2024-06-01").findings.allSatisfy { $0.effectiveFrom != ChartDate(year: 2026, month: 1, day: 1) })
        let inForce = try Self.analyze(asOf: "2026-02-01")
        #expect(inForce.upcomingCount == 0 && inForce.upcomingSettings == nil)
        #expect(inForce.findings.count { $0.code == "STF004" } == 2)
    }

    @Test("An explicit date looks ahead to the regime in force on it")
    func explicitDate() throws {
        let result = try Self.analyze(asOf: "2024-06-01", lookAhead: .on(ChartDate(year: 2026, month: 6, day: 1)))
        #expect(result.upcomingSettings?.norms.regime == .decree370of2025)
        #expect(result.findings.contains { $0.isUpcoming && $0.units.first?.rawValue == "sct.cc.1" })
    }

    @Test("A finding already there today is repeated only when it gets worse")
    func onlyNewOrWorse() throws {
        let today = Finding(rule: RuleID(rawValue: "STF004"), severity: .warning, units: [UnitID("a")],
                            message: LocalizedText(vi: "x", en: "x"), evidence: ["allowed": .int(2), "deputies": .int(3)])
        var later = today
        #expect(!Analyzer.isWorse(later, than: today))
        later.evidence["allowed"] = .int(1)
        #expect(Analyzer.isWorse(later, than: today))
    }

    @Test("Months are added on the calendar")
    func addingMonths() {
        #expect(ChartDate(year: 2025, month: 10, day: 1).adding(months: 12) == ChartDate(year: 2026, month: 10, day: 1))
        #expect(ChartDate(year: 2025, month: 1, day: 31).adding(months: 1) == ChartDate(year: 2025, month: 2, day: 28))
        #expect(ChartDate(year: 2024, month: 12, day: 15).adding(months: 2) == ChartDate(year: 2025, month: 2, day: 15))
    }
}
