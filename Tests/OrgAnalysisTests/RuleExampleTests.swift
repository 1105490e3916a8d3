import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import Testing

/// Every example of every rule's description runs here: the description is the test specification.
@Suite("Rule examples")
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let code: String
        let number: Int
        let example: RuleExample
        var testDescription: String { "\(code) example \(number): \(example.note.en)" }
    }

    static let cases: [Case] = RuleCatalog.all.flatMap { rule in
        rule.description.examples.enumerated().map { Case(code: rule.description.code, number: $0.offset + 1, example: $0.element) }
    }

    @Test("Each example triggers its rule exactly where it says", arguments: cases)
    func example(_ testCase: Case) throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("orgscope-example-\(UUID().uuidString).xml").path
        try Data(testCase.example.document.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let chart = try OrgChartImporter().load(files: [path]).chart
        let rule = try #require(RuleCatalog.rule(code: testCase.code))
        // An example shows the rule on the chart's date: look-ahead findings are not part of it.
        let findings = Analyzer(rules: [rule]).analyze(chart).findings.filter { $0.effectiveFrom == nil }
        #expect(findings.map { $0.units.first } == testCase.example.expectedUnits)
        #expect(findings.allSatisfy { $0.code == testCase.code })
    }

    @Test("Every rule is fully described: code, titles, rationale, citation, both kinds of example")
    func descriptionsComplete() {
        var codes = Set<String>()
        for rule in RuleCatalog.all {
            let description = rule.description
            #expect(description.code.wholeMatch(of: /[A-Z]{3}[0-9]{3}/) != nil)
            #expect(codes.insert(description.code).inserted, "duplicate code \(description.code)")
            #expect(!description.shortName.isEmpty && !description.title.vi.isEmpty && !description.title.en.isEmpty)
            #expect(description.rationale.vi.count > 40 && description.rationale.en.count > 40)
            #expect(!description.citations.isEmpty)
            #expect(description.examples.contains { $0.triggers }, "\(description.code) needs a triggering example")
            #expect(description.examples.contains { !$0.triggers }, "\(description.code) needs a clean example")
        }
    }
}
