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

/// `explain-match`: why two duties match, thesaurus links included.
@Suite("explain-match, end to end", .serialized)
struct ExplainMatchCommandTests {
    @Test("Two duty ids of the sample: similarity, the threshold's verdict and the shared words")
    func duties() throws {
        let outcome = try Orgscope.run(["explain-match", "skhcn.cds.2", "vpubnd.tttt.2", "--chart", "orgdata/cao-bang-2025.xml",
                                        "--mandates", "orgdata/mandates/vn-province-2025.xml", "--lang", "en"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Similarity as written: 86%"))
        #expect(outcome.stdout.contains("→ a near-duplicate"))
        #expect(outcome.stdout.contains("Shared word pairs: ") && outcome.stdout.contains("an toàn"))
    }

    @Test("A user's thesaurus links two wordings and says where the link comes from; a bad one is exit 2 at its line")
    func thesaurus() throws {
        let directory = try Orgscope.scratch()
        let good = directory.appendingPathComponent("mine.tsv"), bad = directory.appendingPathComponent("bad.tsv")
        try "kind\tterms\tbroader\tsector\tsource\tnote\nsynonym\tgiấy phép lái xe | bằng lái xe\t\tchung\tusage\tcách gọi thông dụng\n"
            .write(to: good, atomically: true, encoding: .utf8)
        try "kind\tterms\tbroader\tsector\tsource\tnote\nsynonym\tmột\t\tchung\tusage\tx\n".write(to: bad, atomically: true, encoding: .utf8)
        let arguments = ["explain-match", "Cấp, đổi giấy phép lái xe cho cá nhân", "Cấp, đổi bằng lái xe cho cá nhân",
                         "--chart", "orgdata/cao-bang-2025.xml", "--mandates", "orgdata/mandates/vn-province-2025.xml",
                         "--thesaurus", good.path]
        // The shipped thesaurus already holds the set: a second set for the same term is refused, naming both places.
        let clash = try Orgscope.run(arguments)
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("\(good.path):2:9: error: the term \"giấy phép lái xe\" is already in the synonym set at "
            + "orgdata/thesaurus/vn-public-admin.tsv:"), "\(clash.stderr)")
        let outcome = try Orgscope.run(arguments + ["--no-shipped-thesaurus"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("“bằng lái xe” → “giấy phép lái xe” (đồng nghĩa; cách gọi thông dụng; \(good.path):2)"))
        #expect(outcome.stdout.contains("theo câu chữ: 78%") && outcome.stdout.contains("khi đọc qua từ điển thuật ngữ: 86%"))
        let refused = try Orgscope.run(["analyze", "orgdata/cao-bang-2025.xml", "--mandates", "orgdata/mandates/vn-province-2025.xml",
                                        "--thesaurus", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(bad.path):2:9: error: a synonym set needs at least two terms"))
        #expect(refused.stdout.isEmpty)
    }
}
