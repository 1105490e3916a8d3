import Foundation
import Testing

/// What counts and what is set apart, end to end on the bundled sample: findings to verify and look-ahead
/// findings are reported in their own sections and never fail a run.
@Suite("Findings to verify and look-ahead, end to end", .serialized)
struct ConfidenceCommandTests {
    static let sample = ["orgdata/cao-bang-2025.xml", "--mandates", "orgdata/mandates/vn-province-2025.xml"]

    static func json(_ extra: [String]) throws -> (status: Int32, object: [String: Any]) {
        let outcome = try Orgscope.run(["analyze"] + sample + ["--format", "json", "--lang", "en"] + extra)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        return (outcome.status, object)
    }

    @Test("summary counts confirmed current findings; toVerify and upcoming count the rest")
    func summaryCounts() throws {
        let (_, object) = try Self.json([])
        let summary = try #require(object["summary"] as? [String: Int])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let current = findings.filter { $0["effectiveFrom"] == nil }
        let confirmed = current.filter { $0["confidence"] as? String == "confirmed" }
        #expect(summary["error"] == confirmed.count { $0["severity"] as? String == "error" })
        #expect(summary["warning"] == confirmed.count { $0["severity"] as? String == "warning" })
        #expect(summary["toVerify"] == current.count - confirmed.count)
        #expect(summary["upcoming"] == findings.count - current.count)
        #expect((summary["upcoming"] ?? 0) > 0, "the sample of 01/10/2025 has breaches from 01/01/2026")
        #expect(findings.allSatisfy { ["confirmed", "to-verify"].contains($0["confidence"] as? String ?? "") })
        #expect(findings.compactMap { $0["effectiveFrom"] as? String }.allSatisfy { $0 == "2026-01-01" })
    }

    @Test("--look-ahead none drops the upcoming section; a bad value is a usage error")
    func lookAheadOption() throws {
        let (_, object) = try Self.json(["--look-ahead", "none"])
        #expect((object["summary"] as? [String: Int])?["upcoming"] == 0)
        #expect(try Orgscope.run(["analyze"] + Self.sample + ["--look-ahead", "soon"]).status == 2)
        let text = try Orgscope.run(["analyze"] + Self.sample + ["--lang", "vi"]).stdout
        #expect(text.contains("TỪ NGÀY 01/01/2026"))
    }

    @Test("--fail-on warning ignores findings to verify and upcoming ones")
    func failOnConfirmedOnly() throws {
        let chart = try Orgscope.scratch().appendingPathComponent("chart.xml")
        // One division whose 2 deputies are allowed today (8 posts, category III) but not from 01/01/2026.
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <orgChart xmlns="urn:orgscope:orgchart:1" id="t" name="Tỉnh" asOf="2025-10-01" provinceCategory="III">
            <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1" deputies="3"/>
              <unit id="s" name="Sở A" kind="department"><leadership heads="1" deputies="2"/>
                <staffing category="civil-servant" quota="20" actual="20"/>
                <duty id="s.1">Quản lý nhà nước về lĩnh vực A</duty>
                <unit id="s.p" name="Phòng B" kind="division"><leadership heads="1" deputies="2"/>
                  <staffing category="civil-servant" quota="8" actual="8"/>
                  <duty id="s.p.1">Tham mưu quản lý nhà nước về lĩnh vực B</duty></unit>
              </unit>
            </unit>
            </orgChart>
            """.write(to: chart, atomically: true, encoding: .utf8)
        let outcome = try Orgscope.run(["analyze", chart.path, "--fail-on", "warning", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Int])?["upcoming"] == 1)
        #expect((object["summary"] as? [String: Int])?["warning"] == 0)
        #expect(outcome.status == 0)
    }
}
