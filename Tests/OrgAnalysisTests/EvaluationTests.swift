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

    // The overlap score as the engine computes it by default, measured honestly (issue 16): weights and
    // threshold chosen on four folds, scored on the fifth, pooled; the held-out fifth scored by the models
    // fitted on all folds. Measured: cross-validated P 0.895 R 0.636 F1 0.743 (reported, confirmed or to
    // verify); confirmed only P 1.000 R 0.220; held-out P 0.886 R 0.585 F1 0.705.
    @Test("OVL002's overlap score, cross-validated: precision ≥ 0.88, F1 ≥ 0.73; the shipped weights are the fit")
    func duplicateDetection() throws {
        let pairs = Evaluation.pairs(tsv: try Self.fixture("similarity-pairs.tsv"))
        let chart = try Self.sample()
        let features = Calibration.features(pairs, background: chart.units.flatMap(\.duties), mandates: chart.mandates,
                                            settings: TextSettings())
        let result = Calibration.crossValidate(pairs, features: features)
        #expect(result.crossValidated.precision >= 0.88, "\(result.crossValidated)")
        #expect(result.crossValidated.recall >= 0.62, "\(result.crossValidated)")
        #expect(result.crossValidated.f1 >= 0.73, "\(result.crossValidated)")
        #expect(result.confirmed.precision >= 0.97 && result.confirmed.recall >= 0.2, "\(result.confirmed)")
        #expect(result.heldOut.f1 >= 0.69, "\(result.heldOut)")
        // What the engine ships is the pair of models fitted on every fold (to the two decimals written).
        let shipped = OverlapScorer.shipped
        for (model, fitted) in [(shipped.full, result.final.full), (shipped.words, result.final.words)] {
            #expect(abs(model.threshold - fitted.threshold) < 0.001, "\(result.final)")
            #expect(zip(model.weights, fitted.weights).allSatisfy { abs($0 - $1) < 0.006 }, "\(result.final)")
        }
        // Per category (share classified right over the folds): spelling variants and hard negatives.
        let floors = ["tone-variant": 0.9, "no-diacritics": 0.9, "catch-all": 1.0, "unrelated": 1.0,
                      "parent-child-delegation": 0.9, "same-object-different-action": 0.85,
                      "same-action-different-object": 0.9, "related-distinct": 0.9, "boilerplate-other-subject": 0.8,
                      "reworded": 0.5]
        for category in result.categories {
            let floor = try #require(floors[category.category], "no floor for \(category.category)")
            #expect(Double(category.right) / Double(category.total) >= floor, "\(category)")
        }
    }

    @Test("The text alone, without thesaurus or model, at a cosine of 0.55: what the score improves on")
    func lexicalBaseline() throws {
        let pairs = Evaluation.pairs(tsv: try Self.fixture("similarity-pairs.tsv"))
        let background = try Self.sample().units.flatMap { $0.duties.map(\.text) }
        let scores = Evaluation.scores(pairs, background: background)
        let metrics = Evaluation.metrics(scores: scores, labels: pairs.map(\.same), threshold: 0.55)
        #expect(metrics.precision >= 0.77 && metrics.f1 >= 0.55, "\(metrics)")
        let catchAll = pairs.indices.filter { pairs[$0].category == "catch-all" }
        #expect(catchAll.allSatisfy { scores[$0] == 0 })
    }

    // Through the shipped thesaurus, state-management duties only: P 0.912 R 0.821 F1 0.864 at 0.25.
    @Test("Mandate inference at the default threshold: precision ≥ 0.90, F1 ≥ 0.86")
    func inference() throws {
        let duties = Evaluation.duties(tsv: try Self.fixture("mandate-inference.tsv"))
        #expect(duties.count >= 200)
        let chart = try Self.sample()
        let predictions = Evaluation.predictions(duties, mandates: chart.mandates, background: chart.units.flatMap(\.duties))
        let metrics = Evaluation.inferenceMetrics(duties, predictions: predictions, threshold: TextSettings().inferenceThreshold)
        #expect(metrics.precision >= 0.90, "\(metrics)")
        #expect(metrics.f1 >= 0.86, "\(metrics)")
    }
}
