import Foundation
@testable import OrgAnalysis
import OrgModel
import Testing

/// The rules run side by side on every core; what they find must be what one after the other finds.
@Suite("Rules run side by side")
struct ParallelRulesTests {
    @Test("The findings are those of the rules run one after the other, in catalogue order, and each rule's time is kept")
    func sameFindings() throws {
        let chart = try EvaluationTests.sample()
        let analyzer = Analyzer()
        let result = analyzer.analyze(chart)
        let context = RuleContext(graph: result.graph, configuration: analyzer.configuration, text: result.text,
                                  settings: result.settings)
        var sequential: [Finding] = []
        for rule in RuleCatalog.all { sequential += rule.init().check(context) }
        let expected = FindingConsolidation.consolidate(sequential).sorted(by: Finding.reportOrder)
        #expect(!expected.isEmpty)
        #expect(result.findings.filter { !$0.isUpcoming } == expected)
        #expect(result.ruleTimings.map(\.code) == RuleCatalog.all.map { $0.code })
        #expect(result.ruleTimings.allSatisfy { $0.seconds >= 0 })
        #expect(result.timings.map(\.phase).contains("rules"))
        for _ in 0..<3 { #expect(analyzer.analyze(chart).findings == result.findings) }
    }
}
