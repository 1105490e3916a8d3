import Foundation
import Testing

/// Determinism and output safety, end to end: the same question always gets the same bytes, and a report
/// is never half-written, whatever happens to the process.
@Suite("Reliability, end to end", .serialized)
struct ReliabilityTests {
    /// Reports are named after the first chart file given (README, Reports): compared here by what follows
    /// that name (`.vi.json`), their content must not depend on the order.
    @Test("Ten runs, and the input files in every order, give byte-identical reports in every format")
    func deterministic() throws {
        let files = [Orgscope.fixture("valid-chart.xml"), Orgscope.fixture("second-file.xml")]
        var reference: [String: Data]?
        for (run, order) in (Array(repeating: files, count: 8) + [Array(files.reversed()), Array(files.reversed())]).enumerated() {
            let directory = try Orgscope.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let outcome = try Orgscope.run(["analyze"] + order + ["--mandates", Orgscope.fixture("valid-catalog.xml"),
                                            "--format", "all", "--output", directory.path + "/", "--fail-on", "never"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            var reports: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                let suffix = String(name.drop { $0 != "." })
                reports[suffix] = try Data(contentsOf: directory.appendingPathComponent(name))
            }
            #expect(reports.count >= 5)
            if let reference {
                #expect(reports.keys.sorted() == reference.keys.sorted(), "run \(run + 1)")
                for (name, content) in reports { #expect(content == reference[name], "run \(run + 1): \(name) differs") }
            } else {
                reference = reports
            }
        }
    }

    /// A chart of `departments` departments with duties, large enough that analysing it takes a while.
    static func largeChart(departments: Int) -> String {
        var units: [String] = []
        let subjects = ["giá", "du lịch", "an toàn thực phẩm", "thủy lợi", "đất đai", "khoáng sản", "xây dựng", "giáo dục"]
        for d in 0..<departments {
            let duties = (0..<12).map { k in
                "<duty id=\"d\(d).\(k)\">Quản lý nhà nước về \(subjects[(d + k) % subjects.count]) số \(d * 12 + k) "
                    + "trong phạm vi đơn vị \(d)</duty>"
            }
            units.append("""
                <unit id="d\(d)" name="Sở số \(d)" kind="department"><leadership heads="1" deputies="2"/>\
                <staffing category="civil-servant" quota="40" actual="38"/>\(duties.joined())</unit>
                """)
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <orgChart xmlns="urn:orgscope:orgchart:1" id="big" name="Tỉnh lớn" asOf="2025-10-01" provinceCategory="II">
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1" deputies="3"/>
            \(units.joined(separator: "\n"))
              </unit>
            </orgChart>
            """
    }

    @Test("A process killed at any moment leaves the old report or the new one, never a mix")
    func killedMidWrite() throws {
        let directory = try Orgscope.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let chart = directory.appendingPathComponent("big.xml")
        try Data(Self.largeChart(departments: 400).utf8).write(to: chart)
        let report = directory.appendingPathComponent("report.html")
        let arguments = ["analyze", chart.path, "--format", "html", "--output", report.path, "--fail-on", "never", "--force"]
        // The new report, written by a run left alone, and how long such a run takes.
        let started = Date()
        let complete = try Orgscope.run(arguments)
        let seconds = Date().timeIntervalSince(started)
        #expect(complete.status == 0, "\(complete.stderr)")
        let new = try Data(contentsOf: report)
        #expect(new.count > 50_000)
        let old = Data("<!-- the previous report -->\n".utf8)
        var outcomes = (old: 0, new: 0)
        for attempt in 0..<16 {
            try old.write(to: report)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Orgscope.binary)
            process.arguments = arguments
            process.currentDirectoryURL = Orgscope.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread the kills over the whole run and past its usual end (the write); the last two runs are left
            // to finish (a loaded machine can make a run slower than the one timed above).
            if attempt < 14 {
                Thread.sleep(forTimeInterval: seconds * Double(attempt + 1) / 11)
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            let left = try Data(contentsOf: report)
            #expect(left == old || left == new, "attempt \(attempt): \(left.count) bytes, neither the old report nor the new")
            if left == old { outcomes.old += 1 } else if left == new { outcomes.new += 1 }
        }
        // Both ends were reached: some kills came before the rename, and the report that ends a run is whole.
        #expect(outcomes.old > 0 && outcomes.new > 0, "\(outcomes)")
    }

    @Test("The similarity join's candidate limit stops the run with exit 2 and writes nothing")
    func candidateLimit() throws {
        let directory = try Orgscope.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.json")
        let stopped = try Orgscope.run(["analyze", "orgdata/cao-bang-2025.xml", "--mandates", "orgdata/mandates/vn-province-2025.xml",
                                        "--format", "json", "--output", report.path, "--max-candidates", "5"])
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("--max-candidates"))
        #expect(!FileManager.default.fileExists(atPath: report.path))
        let bad = try Orgscope.run(["analyze", "orgdata/cao-bang-2025.xml", "--max-candidates", "0"])
        #expect(bad.status == 2)
    }
}
