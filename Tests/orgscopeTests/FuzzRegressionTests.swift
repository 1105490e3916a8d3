import Foundation
import Testing

/// Every input the fuzzers saved (and the seeds written for them) goes through the command line as the
/// kind of file its name says (`chart-`, `catalog-`, `proposal-`, `rules-`, `archimate-`, `staffing-`, `decision-`, `renames-`, `register-`): the run must end with one of
/// the contract's statuses (0, 1, 2), never a crash or a signal. scripts/fuzz explains how a finding
/// becomes a file here.
@Suite("Fuzzing regressions, end to end")
struct FuzzRegressionTests {
    static let directory = "Tests/OrgImportTests/Fixtures/fuzz"

    static var inputs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Orgscope.root.appendingPathComponent(directory).path)) ?? []
        // Profiles (`profile-`) have no command to take them yet: DocumentProfileReaderTests replays them.
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("profile-") }.sorted()
    }

    @Test("Each saved input ends with status 0, 1 or 2", arguments: inputs)
    func replay(name: String) throws {
        let path = "\(Self.directory)/\(name)"
        let base = Orgscope.fixture("valid-chart.xml")
        let arguments: [String]
        switch name.split(separator: "-").first.map(String.init) ?? "" {
        case "catalog": arguments = ["analyze", base, "--mandates", path, "--format", "json"]
        case "proposal": arguments = ["propose", "orgdata/cao-bang-2025.xml", "--mandates", "orgdata/mandates/vn-province-2025.xml", path]
        case "rules": arguments = ["rules", "--rules", path]
        case "staffing": arguments = ["analyze", base, "--staffing", path, "--format", "json"]
        case "archimate": arguments = ["convert", "archimate", path]
        case "decision": arguments = ["extract", path]
        case "renames":
            let store = try Self.scratch().appendingPathComponent("register.sqlite").path
            arguments = ["track", "record", base, "--store", store, "--renames", path, "--recorded-on", "2026-01-01"]
        case "register":
            // A copy: opening a store may migrate it, and the fixture must stay as it was saved.
            let store = try Self.scratch().appendingPathComponent("register.sqlite")
            try FileManager.default.copyItem(at: Orgscope.root.appendingPathComponent(path), to: store)
            arguments = ["track", "report", "--store", store.path, "--format", "json"]
        default: arguments = ["analyze", path, "--format", "json"]
        }
        let outcome = try Orgscope.run(arguments)
        #expect([0, 1, 2].contains(outcome.status), "\(name): status \(outcome.status)\n\(outcome.stderr.prefix(2000))")
        #expect(!outcome.stderr.contains("Fatal error"), "\(name)")
    }

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-fuzz-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("There are inputs to replay")
    func notEmpty() { #expect(Self.inputs.count >= 2) }
}
