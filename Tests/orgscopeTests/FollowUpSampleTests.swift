import Foundation
import Testing

/// The sample as a story (scripts/follow-up-sample): three dated versions recorded in a register, and
/// the follow-up report held in reports/follow-up as the code writes it now.
@Suite("Findings register: the sample's story", .serialized)
struct FollowUpSampleTests {
    static func story(into directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Orgscope.root.appendingPathComponent("scripts/follow-up-sample").path, directory.path]
        process.currentDirectoryURL = Orgscope.root
        var environment = ProcessInfo.processInfo.environment
        environment["ORGSCOPE_BIN"] = Orgscope.binary
        process.environment = environment
        let log = directory.appendingPathComponent("story.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    @Test("reports/follow-up holds the story's reports as the code writes them now (run scripts/demo when this fails)")
    func upToDate() throws {
        let directory = try Orgscope.scratch()
        let run = try Self.story(into: directory)
        #expect(run.status == 0, "\(run.output)")
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("cao-bang.follow-up.") }.sorted()
        #expect(written.count == 12, "\(written)")
        for name in written {
            let fresh = try Data(contentsOf: directory.appendingPathComponent(name))
            let committed = try? Data(contentsOf: Orgscope.root.appendingPathComponent("reports/follow-up/\(name)"))
            #expect(committed == fresh, "reports/follow-up/\(name) is out of date: run scripts/demo")
        }
    }

    @Test("The story: statuses, an overdue deadline, a waiver in force and one whose evidence changed, the rename")
    func story() throws {
        let directory = try Orgscope.scratch()
        let run = try Self.story(into: directory)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("Đã ghi lần rà soát thứ 3") && run.output.contains("02 nội dung tái phát")
                && run.output.contains("01 nội dung theo mã đơn vị, nhiệm vụ mới"))
        let data = try Data(contentsOf: directory.appendingPathComponent("cao-bang.follow-up.en.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let reviews = try #require(json["reviews"] as? [[String: Any]])
        #expect(reviews.map { $0["confirmed"] as? Int } == [21, 46, 48])
        let findings = try #require(json["findings"] as? [[String: Any]])
        func entry(_ code: String) -> [String: Any]? { findings.first { $0["trackingCode"] as? String == code } }
        #expect(entry("a56d5e92a234")?["daysOverdue"] as? Int == 93, "30/06/2026 to 01/10/2026: 31 + 31 + 30 + 1 days (the school-health overlap)")
        #expect((entry("dc5dfd5ccb91")?["waiver"] as? [String: Any])?["state"] as? String == "evidence-changed")
        #expect(entry("dc5dfd5ccb91")?["open"] as? Bool == true)
        #expect((entry("3b71a226bb67")?["waiver"] as? [String: Any])?["state"] as? String == "active")
        #expect(entry("3b71a226bb67")?["open"] as? Bool == false)
        let dam = findings.first { ($0["fingerprint"] as? String)?.hasPrefix("OVL002|sct.qlnl,snnmt.cctl|") == true }
        #expect(dam?["status"] as? String == "reopened", "the renamed duty's overlap reopens instead of being new")
        #expect(findings.contains { $0["status"] as? String == "resolved" && ($0["fingerprint"] as? String)?.hasPrefix("STF004|sngv.bg|") == true })
        let html = try String(contentsOf: directory.appendingPathComponent("cao-bang.follow-up.vi.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("<rect") && html.contains("Phụ lục I"))
    }

    @Test("analyze --store annotates each finding with its history; --fail-on new fails only on what the register has not seen")
    func analyzeWithStore() throws {
        let directory = try Orgscope.scratch()
        #expect(try Self.story(into: directory).status == 0)
        let store = directory.appendingPathComponent("cao-bang.sqlite").path
        let chart = "orgdata/history/cao-bang-2026-10.xml", catalog = "orgdata/mandates/vn-province-2025.xml"
        let known = try Orgscope.run(["analyze", chart, "--mandates", catalog, "--store", store, "--fail-on", "new", "--format", "json",
                                      "--lang", "en"])
        #expect(known.status == 0, "every finding of the latest review is in the register: \(known.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(known.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let registers = findings.compactMap { $0["register"] as? [String: Any] }
        #expect(registers.count == findings.count && registers.allSatisfy { $0["status"] as? String == "persisting" })
        let waived = registers.first { $0["trackingCode"] as? String == "3b71a226bb67" }
        #expect((waived?["waiver"] as? [String: Any])?["document"] as? String == "Công văn số 1521/UBND-NC ngày 05/5/2026")
        let text = try Orgscope.run(["analyze", chart, "--mandates", catalog, "--store", store, "--fail-on", "never"])
        #expect(text.stdout.contains("Sổ theo dõi: tồn tại từ ngày 01/10/2025 (lần rà soát thứ 1), đã ghi nhận 03 lần"))

        // Two more deputies in two divisions: one whose excess was resolved at review 3 (reopened), one that
        // never had any (new: the only kind of finding --fail-on new fails on).
        let changed = directory.appendingPathComponent("changed.xml")
        var source = try String(contentsOf: Orgscope.root.appendingPathComponent(chart), encoding: .utf8)
        for id in ["sngv.bg", "sngv.ls"] {
            let unit = try #require(source.range(of: "<unit id=\"\(id)\""))
            let deputies = try #require(source[unit.upperBound...].range(of: "deputies=\"1\""))
            source.replaceSubrange(deputies, with: "deputies=\"3\"")
        }
        try source.write(to: changed, atomically: true, encoding: .utf8)
        let regression = try Orgscope.run(["analyze", changed.path, "--mandates", catalog, "--store", store, "--fail-on", "new",
                                           "--format", "json"])
        #expect(regression.status == 1, "\(regression.stderr)")
        let fresh = try #require(try JSONSerialization.jsonObject(with: Data(regression.stdout.utf8)) as? [String: Any])
        func status(_ unit: String) -> String? {
            (fresh["findings"] as? [[String: Any]] ?? []).first { $0["code"] as? String == "STF004" && ($0["units"] as? [String]) == [unit] }
                .flatMap { ($0["register"] as? [String: Any])?["status"] as? String }
        }
        #expect(status("sngv.bg") == "reopened" && status("sngv.ls") == "new")
        #expect(try Orgscope.run(["analyze", chart, "--mandates", catalog, "--fail-on", "new"]).status == 2, "--fail-on new needs --store")
    }
}
