import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `orgscope track` through the built binary: the three dated sample charts recorded in order, reports
/// in every format, two processes recording at once, a record killed before its commit, and refusals.
@Suite("Command line: the findings register (track)", .serialized)
struct TrackCommandTests {
    static let mandates = "orgdata/mandates/vn-province-2025.xml"
    static let charts = ["orgdata/history/cao-bang-2025-10.xml", "orgdata/history/cao-bang-2026-04.xml",
                         "orgdata/history/cao-bang-2026-10.xml"]
    static let renames = "orgdata/history/renames-2026-10.tsv"

    /// `track record CHART --store STORE` with the catalogue, in English.
    static func recordArguments(_ chart: String, store: String, label: String? = nil, on day: String = "2026-11-01",
                                extra: [String] = []) -> [String] {
        ["track", "record", chart, "--mandates", mandates, "--store", store, "--recorded-on", day, "--lang", "en"]
            + (label.map { ["--label", $0] } ?? []) + extra
    }

    /// A started `orgscope` process whose stdout and stderr go to files (read them after it exits).
    struct Started {
        let process: Process
        let stdout: URL
        let stderr: URL
        func wait() throws -> Orgscope.Outcome {
            process.waitUntilExit()
            return Orgscope.Outcome(status: process.terminationStatus,
                                    stdout: String(decoding: try Data(contentsOf: stdout), as: UTF8.self),
                                    stderr: String(decoding: try Data(contentsOf: stderr), as: UTF8.self))
        }
    }

    static func start(_ arguments: [String], in directory: URL) throws -> Started {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Orgscope.binary)
        process.arguments = arguments
        process.currentDirectoryURL = Orgscope.root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let name = UUID().uuidString
        let out = directory.appendingPathComponent("\(name).out"), err = directory.appendingPathComponent("\(name).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Started(process: process, stdout: out, stderr: err)
    }

    /// The follow-up report as JSON.
    static func report(_ store: String) throws -> (outcome: Orgscope.Outcome, json: [String: Any]) {
        let outcome = try Orgscope.run(["track", "report", "--store", store, "--format", "json"])
        let object = (try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))) as? [String: Any]
        return (outcome, object ?? [:])
    }

    static func reviewCount(_ store: String) throws -> Int {
        let (outcome, json) = try report(store)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return (json["reviews"] as? [Any])?.count ?? -1
    }

    static func files(in directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return result
    }

    @Test("Three dated charts recorded in order; the report in every format, the same bytes twice")
    func story() throws {
        let directory = try Orgscope.scratch()
        let store = directory.appendingPathComponent("register.sqlite").path
        let first = try Orgscope.run(Self.recordArguments(Self.charts[0], store: store, label: "2025-10", on: "2025-10-02"))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "Recorded review 1 in \(store): 65 new, 0 persisting, 0 reopened, 0 resolved.\n")
        let second = try Orgscope.run(Self.recordArguments(Self.charts[1], store: store, label: "2026-04", on: "2026-04-02"))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "Recorded review 2 in \(store): 3 new, 48 persisting, 0 reopened, 17 resolved.\n")
        let third = try Orgscope.run(Self.recordArguments(Self.charts[2], store: store, label: "2026-10", on: "2026-10-02",
                                                          extra: ["--renames", Self.renames]))
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout == "Recorded review 3 in \(store): 1 new, 49 persisting, 2 reopened, 2 resolved; "
            + "1 finding under renamed ids.\n")

        let (outcome, json) = try Self.report(store)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let reviews = json["reviews"] as? [[String: Any]] ?? []
        #expect(reviews.count == 3)
        #expect(reviews.compactMap { $0["label"] as? String } == ["2025-10", "2026-04", "2026-10"])
        #expect(reviews.compactMap { $0["date"] as? String } == ["2025-10-01", "2026-04-01", "2026-10-01"])
        #expect(json["asOf"] as? String == "2026-10-01")
        let findings = json["findings"] as? [[String: Any]] ?? []
        let statuses = findings.compactMap { $0["status"] as? String }
        #expect(Set(statuses).isSuperset(of: ["new", "persisting", "reopened", "resolved"]))
        #expect(statuses.filter { $0 == "reopened" }.count == 2)
        #expect(statuses.filter { $0 == "new" }.count == 1)
        #expect(statuses.filter { $0 == "persisting" }.count == 49)
        #expect(statuses.filter { $0 == "resolved" }.count == 2)
        // The overlap re-added under snnmt.cctl.4 is reopened (thanks to the renames), with its run from review 3.
        let overlap = findings.first { ($0["fingerprint"] as? String)?.contains("snnmt.cctl.4") == true && $0["code"] as? String == "OVL002" }
        #expect(overlap?["status"] as? String == "reopened")
        #expect(overlap?["firstSeen"] as? Int == 1 && overlap?["since"] as? Int == 3)

        let one = directory.appendingPathComponent("one"), two = directory.appendingPathComponent("two")
        for output in [one, two] {
            let all = try Orgscope.run(["track", "report", "--store", store, "--format", "all", "-o", output.path])
            #expect(all.status == 0, "\(all.stderr)")
        }
        let written = try Self.files(in: one)
        #expect(written == (try Self.files(in: two)), "the same register gives the same bytes")
        let suffixes = written.keys.map { URL(fileURLWithPath: $0).pathExtension }
        #expect(Set(suffixes).isSuperset(of: ["txt", "json", "csv", "md", "html", "docx"]), "\(written.keys.sorted())")
        let html = written.first { $0.key.hasSuffix(".html") }.map { String(decoding: $0.value, as: UTF8.self) } ?? ""
        #expect(html.contains("<svg"))
        let docx = written.first { $0.key.hasSuffix(".docx") }?.value ?? Data()
        #expect(docx.count > 1000 && docx.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a ZIP package")
    }

    @Test("Two processes recording into one new store at once both succeed (5 times)")
    func concurrentNew() throws {
        for round in 1...5 {
            let directory = try Orgscope.scratch()
            let store = directory.appendingPathComponent("register.sqlite").path
            let processes = try (0..<2).map { _ in try Self.start(Self.recordArguments(Self.charts[0], store: store), in: directory) }
            let outcomes = try processes.map { try $0.wait() }
            for outcome in outcomes {
                #expect(outcome.status == 0, "round \(round): \(outcome.stderr)")
            }
            #expect(Set(outcomes.map { $0.stdout.hasPrefix("Recorded review 1 ") }) == [true, false], "round \(round): one review 1, one review 2")
            #expect(try Self.reviewCount(store) == 2, "round \(round)")
        }
    }

    @Test("Two processes recording at once into a store of one review both succeed: 3 reviews")
    func concurrentExisting() throws {
        let directory = try Orgscope.scratch()
        let store = directory.appendingPathComponent("register.sqlite").path
        #expect(try Orgscope.run(Self.recordArguments(Self.charts[0], store: store)).status == 0)
        // The same chart twice: two charts of different dates could be refused in one order (reviews are
        // recorded in date order), which is not what this test is about.
        let processes = try [Self.charts[1], Self.charts[1]].map { try Self.start(Self.recordArguments($0, store: store), in: directory) }
        let outcomes = try processes.map { try $0.wait() }
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        #expect(Set(outcomes.compactMap { $0.stdout.split(separator: " ").dropFirst(2).first.map(String.init) }) == ["2", "3"])
        #expect(try Self.reviewCount(store) == 3)
    }

    /// Starts `track record CHART --store STORE` paused before its commit, waits until it says so on
    /// standard error, kills it with SIGKILL and waits for it.
    static func killDuringRecord(_ chart: String, store: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Orgscope.binary)
        process.arguments = Self.recordArguments(chart, store: store)
        process.currentDirectoryURL = Orgscope.root
        var environment = ProcessInfo.processInfo.environment
        environment["ORGSCOPE_TEST_PAUSE_BEFORE_COMMIT"] = "30"
        process.environment = environment
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        var said = ""
        while !said.contains("paused before commit") {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }   // end of file: the process ended without pausing
            said += String(decoding: data, as: UTF8.self)
        }
        #expect(said.contains("orgscope: paused before commit"), "stderr: \(said)")
        #expect(kill(process.processIdentifier, SIGKILL) == 0)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(Date().timeIntervalSince(started) < 30, "killed, not finished after its pause")
    }

    @Test("A record killed before its commit leaves the register as it was, and usable")
    func killed() throws {
        let directory = try Orgscope.scratch()
        let store = directory.appendingPathComponent("register.sqlite").path
        #expect(try Orgscope.run(Self.recordArguments(Self.charts[0], store: store)).status == 0)
        let before = try Self.report(store).outcome.stdout
        #expect(try Self.reviewCount(store) == 1)
        try Self.killDuringRecord(Self.charts[1], store: store)
        #expect(try Self.reviewCount(store) == 1)
        #expect(try Self.report(store).outcome.stdout == before, "the same report, byte for byte")
        let again = try Orgscope.run(Self.recordArguments(Self.charts[1], store: store))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("Recorded review 2 in \(store): 3 new, 48 persisting"))
        #expect(try Self.reviewCount(store) == 2)
    }

    @Test("The first record of a new store killed before its commit leaves an empty store that can be recorded into")
    func killedFirst() throws {
        let directory = try Orgscope.scratch()
        let store = directory.appendingPathComponent("register.sqlite").path
        try Self.killDuringRecord(Self.charts[0], store: store)
        #expect(try Self.reviewCount(store) == 0)
        let again = try Orgscope.run(Self.recordArguments(Self.charts[0], store: store))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("Recorded review 1 in \(store): 65 new"))
    }

    @Test("A text file, a missing store, unknown or short fingerprints and a deadline without a date: exit 2")
    func refusals() throws {
        let directory = try Orgscope.scratch()
        let notes = directory.appendingPathComponent("notes.txt").path
        try Data("not a register\n".utf8).write(to: URL(fileURLWithPath: notes))
        let text = try Orgscope.run(["track", "report", "--store", notes])
        #expect(text.status == 2)
        #expect(text.stderr.contains(notes), "\(text.stderr)")
        #expect(text.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: notes)) == Data("not a register\n".utf8))
        let missing = directory.appendingPathComponent("missing.sqlite").path
        let absent = try Orgscope.run(["track", "report", "--store", missing])
        #expect(absent.status == 2 && absent.stderr.contains(missing), "\(absent.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["notes.txt"], "nothing created")
        let waiveMissing = try Orgscope.run(["track", "waive", "abcdef", "--store", missing, "--reason", "r", "--document", "d"])
        #expect(waiveMissing.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["notes.txt"], "nothing created")

        let store = directory.appendingPathComponent("register.sqlite").path
        #expect(try Orgscope.run(Self.recordArguments(Self.charts[0], store: store)).status == 0)
        let before = try Self.report(store).outcome.stdout
        let findings = (try JSONSerialization.jsonObject(with: Data(before.utf8)) as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        let codes = Set(findings.compactMap { $0["trackingCode"] as? String })
        let unknown = (0..<0x1000).lazy.map { String(format: "ffff%02x", $0 & 0xFF) }.first { code in !codes.contains { $0.hasPrefix(code) } }!
        let waiveUnknown = try Orgscope.run(["track", "waive", unknown, "--store", store, "--reason", "r", "--document", "d"])
        #expect(waiveUnknown.status == 2 && waiveUnknown.stderr.contains(unknown), "\(waiveUnknown.stderr)")
        for short in ["abc", "12345", "zzzzzzzz"] {
            let outcome = try Orgscope.run(["track", "waive", short, "--store", store, "--reason", "r", "--document", "d"])
            #expect(outcome.status == 2 && outcome.stderr.contains("is not a fingerprint"), "\(short): \(outcome.stderr)")
        }
        let code = try #require(codes.first)
        let noDate = try Orgscope.run(["track", "deadline", code, "--store", store])
        #expect(noDate.status == 2 && noDate.stderr.contains("--date or --clear"), "\(noDate.stderr)")
        let both = try Orgscope.run(["track", "deadline", code, "--store", store, "--date", "2026-01-01", "--clear"])
        #expect(both.status == 2)
        let emptyReason = try Orgscope.run(["track", "waive", code, "--store", store, "--reason", " ", "--document", "d"])
        #expect(emptyReason.status == 2)
        #expect(try Self.report(store).outcome.stdout == before, "nothing was written by the refused commands")
        // The accepted forms, for contrast.
        #expect(try Orgscope.run(["track", "deadline", code, "--store", store, "--date", "2026-01-01"]).status == 0)
        #expect(try Orgscope.run(["track", "waive", code, "--store", store, "--reason", "r", "--document", "d"]).status == 0)
    }

    @Test("A bad renames file: every problem at FILE:LINE:COLUMN, exit 2, nothing recorded")
    func badRenames() throws {
        let directory = try Orgscope.scratch()
        let store = directory.appendingPathComponent("register.sqlite").path
        #expect(try Orgscope.run(Self.recordArguments(Self.charts[0], store: store)).status == 0)
        let reportBefore = try Self.report(store).outcome.stdout
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let renames = directory.appendingPathComponent("renames.tsv").path
        try Data("# old\tnew\nsnnmt.cctl.3\tsnnmt.cctl.4\textra\nstp.btp\tstp.a\nstp.btp\tstp.b\n".utf8)
            .write(to: URL(fileURLWithPath: renames))
        let outcome = try Orgscope.run(Self.recordArguments(Self.charts[1], store: store, extra: ["--renames", renames]))
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("\(renames):2:27:"), "three fields, at the third: \(outcome.stderr)")
        #expect(outcome.stderr.contains("\(renames):4:1:"), "renamed twice, at the old id: \(outcome.stderr)")
        #expect(outcome.stderr.contains("line 3"), "names the first renaming: \(outcome.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before, "the store was not even opened")
        #expect(try Self.reviewCount(store) == 1)
        #expect(try Self.report(store).outcome.stdout == reportBefore)
    }
}
