import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import Testing

/// The quality floors of the text engine on the shipped labelled sets (`scripts/eval-similarity` prints
/// the full figures). A change that makes the engine worse fails here.
@Suite("Text engine quality on the labelled sets")
struct EvaluationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Tests/OrgAnalysisTests/Fixtures/\(name)"), encoding: .utf8)
    }

    static func sample() throws -> OrgChart {
        try OrgChartImporter().load(
            files: [root.appendingPathComponent("orgdata/cao-bang-2025.xml").path],
            catalogs: [root.appendingPathComponent("orgdata/mandates/vn-province-2025.xml").path]).chart
    }

    @Test("The labelled pair set is as documented: ≥ 500 pairs, ≥ 200 reworded, every category present")
    func pairSetShape() throws {
        let pairs = Evaluation.pairs(tsv: try Self.fixture("similarity-pairs.tsv"))
        #expect(pairs.count >= 500)
        #expect(pairs.count { $0.category == "reworded" && $0.same } >= 200)
        let categories = Set(pairs.map(\.category))
        #expect(categories.isSuperset(of: ["reworded", "tone-variant", "no-diacritics", "boilerplate-other-subject",
                                          "related-distinct", "unrelated", "catch-all", "same-object-different-action",
                                          "same-action-different-object", "parent-child-delegation"]))
        #expect(Set(pairs.map(\.id)).count == pairs.count)
    }

    // Floors measured on the set as extended for issue 16 (562 pairs: 202 reworded, 136 new hard negatives);
    // the 320-pair set gave P 0.80, F1 0.67. The lexical engine finds 53 of the 202 reworded pairs.
    @Test("OVL002 at the default threshold: precision ≥ 0.77, F1 ≥ 0.55, F0.5 ≥ 0.66; the variants are all found")
    func duplicateDetection() throws {
        let pairs = Evaluation.pairs(tsv: try Self.fixture("similarity-pairs.tsv"))
        let background = try Self.sample().units.flatMap { $0.duties.map(\.text) }
        let scores = Evaluation.scores(pairs, background: background)
        let metrics = Evaluation.metrics(scores: scores, labels: pairs.map(\.same), threshold: TextSettings().overlapThreshold)
        #expect(metrics.precision >= 0.77, "\(metrics)")
        #expect(metrics.f1 >= 0.55, "\(metrics)")
        #expect(metrics.f05 >= 0.66, "\(metrics)")
        // The hard negatives: a parent's duty and its division's part of it are never a duplicate; the same
        // object under another action, or the same action on another object, seldom.
        for (category, floor) in [("parent-child-delegation", 1.0), ("same-object-different-action", 0.85),
                                  ("same-action-different-object", 0.80)] {
            let members = pairs.indices.filter { pairs[$0].category == category }
            let right = members.count { scores[$0] < TextSettings().overlapThreshold }
            #expect(Double(right) / Double(members.count) >= floor, "\(category): \(right)/\(members.count)")
        }
        // Spelling variants of one duty are the engine's job, whatever the threshold: all but a handful.
        for category in ["tone-variant", "no-diacritics"] {
            let members = pairs.indices.filter { pairs[$0].category == category }
            let found = members.count { scores[$0] >= TextSettings().overlapThreshold }
            #expect(Double(found) / Double(members.count) >= 0.9, "\(category): \(found)/\(members.count)")
        }
        let catchAll = pairs.indices.filter { pairs[$0].category == "catch-all" }
        #expect(catchAll.allSatisfy { scores[$0] < TextSettings().overlapThreshold })
    }

    @Test("Mandate inference at the default threshold: precision ≥ 0.88, F1 ≥ 0.83")
    func inference() throws {
        let duties = Evaluation.duties(tsv: try Self.fixture("mandate-inference.tsv"))
        #expect(duties.count >= 200)
        let chart = try Self.sample()
        let predictions = Evaluation.predictions(duties, mandates: chart.mandates, background: chart.units.flatMap(\.duties))
        let metrics = Evaluation.inferenceMetrics(duties, predictions: predictions, threshold: TextSettings().inferenceThreshold)
        #expect(metrics.precision >= 0.88, "\(metrics)")
        #expect(metrics.f1 >= 0.83, "\(metrics)")
    }
}
