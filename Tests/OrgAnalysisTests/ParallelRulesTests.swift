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

    @Test("Who must fix a gap, begun before the rules run, is what the first gap rule to ask makes")
    func gapResponsibilityBegun() throws {
        let chart = try EvaluationTests.sample()
        let analyzer = Analyzer()
        let result = analyzer.analyze(chart)
        let context = { RuleContext(graph: result.graph, configuration: analyzer.configuration, text: result.text,
                                    settings: result.settings) }
        let asked = context(), begun = context()
        begun.beginGapResponsibility()
        for rule in [UncoveredMandateRule.self, UnledMandateRule.self] as [any Rule.Type] {
            let found = rule.init().check(begun)
            #expect(!found.isEmpty, "\(rule.code)")
            #expect(found == rule.init().check(asked), "\(rule.code)")
            #expect(found.contains { $0.evidence["responsibleUnit"] != nil }, "\(rule.code)")
        }
    }
}

@Suite("Overlap pairs judged side by side")
struct ParallelJudgeTests {
    @Test("The pairs reported are those one pass in order reports, in the same order, for any number of candidates",
          arguments: [0, 1, 4095, 4096, 10_007])
    func sameOrder(count: Int) {
        let candidates = (0..<count).map { SimilarityJoin.Pair(a: $0, b: $0 + 1, score: Double($0 % 100) / 100) }
        let judge = { @Sendable (pair: SimilarityJoin.Pair) -> TextAnalysis.SimilarPair? in
            guard pair.a % 7 == 0 || pair.score > 0.9 else { return nil }
            let features = OverlapFeatures(cosine: pair.score, sharedMandate: 0, object: 0, action: 1)
            return TextAnalysis.SimilarPair(a: pair.a, b: pair.b, score: pair.score, cosine: pair.score, mandate: nil,
                                            features: features, restsOnInference: pair.a % 2 == 0)
        }
        let expected = candidates.compactMap(judge)
        #expect(TextAnalysis.judged(candidates, judge) == expected)
        #expect(count == 0 || !expected.isEmpty)
    }
}

@Suite("Findings sorted for the report")
struct ReportOrderTests {
    @Test("Sorting in place (severity, rule, units read where they lie) gives the order of the comparison of values")
    func inPlaceOrder() {
        var generator = SplitMix(seed: 7)
        let rules = ["STF004", "OVL002", "GAP001"], units = ["a", "b", "c.1", "c"], duties = ["x.1", "x.2"]
        let findings = (0..<3_000).map { _ in
            Finding(rule: RuleID(rawValue: rules.randomElement(using: &generator)!),
                    severity: [Severity.error, .warning, .info].randomElement(using: &generator)!,
                    units: (0..<Int.random(in: 1...2, using: &generator)).map { _ in UnitID(units.randomElement(using: &generator)!) },
                    duties: (0..<Int.random(in: 0...2, using: &generator)).map { _ in DutyID(duties.randomElement(using: &generator)!) },
                    message: LocalizedText(vi: "x", en: "m\(Int.random(in: 0..<3, using: &generator))"))
        }
        #expect(Analyzer.sortedForReport(findings) == findings.sorted(by: Finding.reportOrder))
    }
}
