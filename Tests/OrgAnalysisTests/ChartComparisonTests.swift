import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport
import Testing

/// Comparing two charts of one organisation: units renamed, moved, merged, split; duties moved; findings
/// legitimised or resolved by a quota change.
@Suite("Comparing two charts")
struct ChartComparisonTests {
    /// A chart where Chi cục C has 23 civil servants on 20 posts and Sở B 12 on 10.
    static let overQuotaXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <orgChart xmlns="urn:orgscope:orgchart:1" id="t" name="Tỉnh" asOf="2025-10-01" provinceCategory="III">
          <unit id="ubnd" name="UBND" kind="committee" level="province"><leadership heads="1" deputies="3"/>
            <unit id="a" name="Sở A" kind="department"><leadership heads="1" deputies="2"/>
              <staffing category="civil-servant" quota="40" actual="40"/>
              <duty id="a.1">Nhiệm vụ một</duty>
              <unit id="a.c" name="Chi cục C" kind="sub-department"><leadership heads="1" deputies="2"/>
                <staffing category="civil-servant" quota="20" actual="23"/>
                <duty id="a.c.1">Nhiệm vụ C một</duty>
              </unit>
            </unit>
            <unit id="b" name="Sở B" kind="department"><leadership heads="1" deputies="2"/>
              <staffing category="civil-servant" quota="10" actual="12"/>
              <staffing category="public-employee" quota="5" actual="5"/>
              <duty id="b.1">Nhiệm vụ B một</duty>
            </unit>
          </unit>
        </orgChart>
        """

    static func review(_ operations: String) throws -> ProposalReview {
        let chart = try OrgChartImporter().load(files: [ProposalTests.write(Self.overQuotaXML, "over.xml")]).chart
        let proposal = try ProposalTests.proposal(operations)
        switch ProposalApplier(chart: chart).apply(proposal) {
        case .success(let outcome):
            return ProposalReview(proposal: proposal, chart: chart, outcome: outcome, analyzer: Analyzer(),
                                  reductionTarget: nil)
        case .failure(let rejection):
            Issue.record("rejected: \(rejection.diagnostics.map(\.description))")
            throw rejection
        }
    }

    @Test("A quota raised to the people already in post over quota is PRP001, and the STF001 it removes is legitimised")
    func quotaRaisedToLegitimise() throws {
        let review = try Self.review("""
            <setStaffing unit="a.c" category="civil-servant" quota="23"/>
            <setStaffing unit="b" category="civil-servant" quota="11"/>
            <setStaffing unit="b" category="public-employee" quota="6"/>
            """)
        // a.c: 20 → 23 covers the whole excess; b: 10 → 11 covers one of two; public employees were not over.
        #expect(review.reviewFindings.map(\.code) == ["PRP001", "PRP001"])
        #expect(review.reviewFindings.map(\.units) == [["a.c"], ["b"]])
        let first = review.reviewFindings[0]
        #expect(first.severity == .warning)
        #expect(first.evidence["quota"] == .int(20) && first.evidence["proposedQuota"] == .int(23))
        #expect(first.evidence["actual"] == .int(23) && first.evidence["legitimised"] == .int(3))
        #expect(first.location?.line == 3)
        #expect(first.message.vi.contains("số công chức hiện có là 23 người, vượt 03 người so với biên chế công chức được giao (20)"))
        #expect(first.message.vi.contains("hợp thức hóa toàn bộ số vượt"))
        #expect(review.reviewFindings[1].evidence["legitimised"] == .int(1))
        // STF001 of a.c is gone, but legitimised, not resolved; STF001 of b stays (12 > 11).
        #expect(review.legitimised.map(\.units) == [["a.c"]])
        #expect(review.legitimised.allSatisfy { $0.rule == OverQuotaRule.id })
        #expect(!review.resolved.contains { $0.rule == OverQuotaRule.id })
        #expect(review.after.findings.contains { $0.rule == OverQuotaRule.id && $0.units == ["b"] })
        // The raise pushes Sở A's allocation over: 23 + 1 director + 2 deputies = 26 ≤ 40, so no STF002.
        #expect(!review.introduced.contains { $0.rule == SubUnitQuotaRule.id })
        #expect(ProposalReview.reviewRules.map(\.code) == ["PRP001"])
    }

    @Test("Cutting people in post to the quota resolves STF001; raising a quota that was not exceeded is no PRP001")
    func quotaRaisedWithoutExcess() throws {
        let review = try Self.review("""
            <setStaffing unit="a.c" category="civil-servant" actual="20"/>
            <setStaffing unit="a" category="civil-servant" quota="45"/>
            """)
        #expect(review.reviewFindings.isEmpty)
        #expect(review.legitimised.isEmpty)
        #expect(review.resolved.contains { $0.rule == OverQuotaRule.id && $0.units == ["a.c"] })
    }

    @Test("Known differences: rename, move, merge, split, removal, addition, duties moved, mandates, findings")
    func knownDifferences() throws {
        let old = try ProposalTests.chart()
        let outcome = try ProposalTests.outcome("""
            <rename unit="b" name="Sở B mới"/>
            <move unit="a.y.t" parent="b"/>
            <merge into="a.x" ><unit ref="a.x"/><unit ref="a.y"/></merge>
            <split unit="b"><into id="b1" name="Sở B1" duties="b.1"/><into id="b2" name="Sở B2"/></split>
            <addDuty unit="b2" id="b2.1">Nhiệm vụ mới</addDuty>
            <transferDuty duty="a.1" to="b1"/>
            <dropDuty duty="a.x.2" reason="Bãi bỏ"/>
            """)
        let comparison = ChartComparison(old: old, new: outcome.chart, analyzer: Analyzer())
        let changes = comparison.units
        #expect(changes.contains(.merged(from: ["a.x", "a.y"], into: "a.x")))
        #expect(changes.contains(.removed("b", name: "Sở B")) || changes.contains { if case .split("b", _) = $0 { true } else { false } })
        #expect(changes.contains(.moved("a.y.t", from: "a.y", to: "b1")))
        #expect(comparison.duties.contains { $0.duty == "a.1" && $0.from == "a" && $0.to == "b1" && $0.byID })
        #expect(comparison.duties.contains { $0.duty == "a.y.1" && $0.to == "a.x" })
        #expect(comparison.dutiesGone == ["a.x.2"])
        #expect(changes.contains(.added("b2", name: "Sở B2")) || changes.contains { if case .split = $0 { true } else { false } })
    }

    @Test("A unit whose id changed but whose name did not is matched by name; duties without ids by text")
    func reidentified() throws {
        let old = try ProposalTests.chart()
        let renamedXML = ProposalTests.chartXML.replacingOccurrences(of: "id=\"b\" name=\"Sở B\"", with: "id=\"sb\" name=\"Sở B\"")
            .replacingOccurrences(of: "<duty id=\"b.1\">", with: "<duty>")
        let new = try OrgChartImporter().load(files: [ProposalTests.write(renamedXML, "renamed.xml")]).chart
        let comparison = ChartComparison(old: old, new: new, analyzer: Analyzer())
        #expect(comparison.units == [.reidentified(from: "b", to: "sb", name: "Sở B")])
        #expect(comparison.duties.map(\.duty) == ["b.1"])
        #expect(comparison.duties.first?.byID == false)
        #expect(comparison.dutiesGone.isEmpty)
    }
}

