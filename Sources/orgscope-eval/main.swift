// orgscope-eval: prints how well the text engine does on the labelled sets, and the threshold sweeps
// the defaults were chosen from. Run through scripts/eval-similarity.
import Foundation
import OrgAnalysis
import OrgImport
import OrgModel

let root = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".")
let fixtures = root.appendingPathComponent("Tests/OrgAnalysisTests/Fixtures")
let chartPath = root.appendingPathComponent("orgdata/cao-bang-2025.xml").path
let catalogPath = root.appendingPathComponent("orgdata/mandates/vn-province-2025.xml").path

func load(_ name: String) -> String? {
    try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
}

let chart: OrgChart
do {
    chart = try OrgChartImporter().load(files: [chartPath], catalogs: [catalogPath]).chart
} catch {
    FileHandle.standardError.write(Data("orgscope-eval: cannot load the sample: \(error.diagnostics)\n".utf8))
    exit(2)
}
let background = chart.units.flatMap { $0.duties.map(\.text) }
// The shipped thesaurus, when there is one: every figure is printed without it and with it.
let thesaurusPath = root.appendingPathComponent("orgdata/thesaurus/vn-public-admin.tsv").path
var thesaurus = Thesaurus()
if let text = try? String(contentsOfFile: thesaurusPath, encoding: .utf8) {
    do {
        thesaurus = try Thesaurus.parse(text, file: "orgdata/thesaurus/vn-public-admin.tsv",
                                        sectors: Set(chart.mandates.compactMap(\.sector)))
    } catch {
        for diagnostic in error.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
        exit(2)
    }
}
let defaults = TextSettings()
let sweep = stride(from: 0.10, through: 0.851, by: 0.05).map { $0 }
let fineSweep = stride(from: 0.05, through: 0.90, by: 0.01).map { $0 }

if let tsv = load("similarity-pairs.tsv") {
    let pairs = Evaluation.pairs(tsv: tsv)
    let scores = Evaluation.scores(pairs, background: background)
    let labels = pairs.map(\.same)
    print("OVL002 near-duplicate duties: \(pairs.count) labelled pairs (\(labels.count { $0 }) same), "
        + "IDF over the pairs and the sample's \(background.count) duties")
    for threshold in sweep { print("  " + Evaluation.metrics(scores: scores, labels: labels, threshold: threshold).description) }
    let all = fineSweep.map { Evaluation.metrics(scores: scores, labels: labels, threshold: $0) }
    print("  best F1:   " + all.max { $0.f1 < $1.f1 }!.description)
    print("  best F0.5: " + all.max { $0.f05 < $1.f05 }!.description)
    let chosen = Evaluation.metrics(scores: scores, labels: labels, threshold: defaults.overlapThreshold)
    print("  default: " + chosen.description)
    print("  by category at the default threshold (share classified correctly):")
    for category in Set(pairs.map(\.category)).sorted() {
        let members = pairs.indices.filter { pairs[$0].category == category }
        let right = members.count { (scores[$0] >= defaults.overlapThreshold) == pairs[$0].same }
        print("    \(category): \(right)/\(members.count)")
    }
    if !thesaurus.isEmpty {
        let expanded = Evaluation.scores(pairs, background: background, thesaurus: thesaurus)
        print("  with the thesaurus (\(thesaurus.entries.count) entries):")
        let all = fineSweep.map { Evaluation.metrics(scores: expanded, labels: labels, threshold: $0) }
        print("    best F1: " + all.max { $0.f1 < $1.f1 }!.description)
        print("    default: " + Evaluation.metrics(scores: expanded, labels: labels, threshold: defaults.overlapThreshold).description)
        for category in Set(pairs.map(\.category)).sorted() {
            let members = pairs.indices.filter { pairs[$0].category == category }
            let right = members.count { (expanded[$0] >= defaults.overlapThreshold) == pairs[$0].same }
            let before = members.count { (scores[$0] >= defaults.overlapThreshold) == pairs[$0].same }
            print("    \(category): \(right)/\(members.count) (without: \(before))")
        }
        if CommandLine.arguments.contains("--errors") {
            for index in pairs.indices where (expanded[index] >= defaults.overlapThreshold) != (scores[index] >= defaults.overlapThreshold) {
                print("    changed \(pairs[index].id) \(pairs[index].same ? "same" : "different") \(Int(scores[index] * 1000))‰ → \(Int(expanded[index] * 1000))‰")
            }
        }
    }
    if CommandLine.arguments.contains("--errors") {
        for index in pairs.indices where (scores[index] >= defaults.overlapThreshold) != pairs[index].same {
            print("    \(pairs[index].id) \(pairs[index].same ? "missed" : "false ") \(pairs[index].category) "
                + "score=\(Int(scores[index] * 1000))‰\n      a: \(pairs[index].a)\n      b: \(pairs[index].b)")
        }
    }
}

// The combined score, measured honestly: weights and threshold chosen on training folds only; the
// cross-validated figures, then the held-out part (one pair in five by a hash of its id) that no tuning saw.
if let tsv = load("similarity-pairs.tsv") {
    let pairs = Evaluation.pairs(tsv: tsv)
    let features = Calibration.features(pairs, background: chart.units.flatMap(\.duties), mandates: chart.mandates,
                                        settings: TextSettings(thesaurus: thesaurus))
    let result = Calibration.crossValidate(pairs, features: features)
    print("\nOverlap score as the engine computes it by default (cosine through the thesaurus, shared mandate, object, "
        + "action), 5 folds; held-out part apart:")
    for (index, fold) in result.folds.enumerated() {
        print("  fold \(index + 1): " + fold.metrics.description + "  [\(fold.model)]")
    }
    print("  cross-validated: " + result.crossValidated.description)
    print("  cross-validated, confirmed findings only: " + result.confirmed.description)
    for category in result.categories { print("    \(category.category): \(category.right)/\(category.total)") }
    if CommandLine.arguments.contains("--errors") {
        for (index, pair) in pairs.enumerated() {
            guard let fold = Calibration.fold(of: pair.id, folds: 5) else { continue }
            let model = result.folds[fold].model, feature = features[index]
            let verdict = model.judge(feature)
            let p = verdict.score
            let reported = OverlapModel.isCandidate(feature, conflictThreshold: defaults.conflictThreshold) && verdict.reported
            guard reported != pair.same else { continue }
            print("    \(pair.id) \(pair.same ? "missed" : "false ") \(pair.category) p=\(Int(p * 100)) "
                + "cos=\(Int(feature.cosine * 100)) mandate=\(Int(feature.sharedMandate * 100)) obj=\(Int(feature.object * 100)) act=\(feature.action)"
                + "\n      a: \(pair.a)\n      b: \(pair.b)")
        }
    }
    print("  held-out (\(pairs.count { Calibration.fold(of: $0.id, folds: 5) == nil }) pairs): "
        + result.heldOut.description + "  [\(result.final)]")
}

if let tsv = load("mandate-inference.tsv") {
    let duties = Evaluation.duties(tsv: tsv)
    // As the engine infers by default: through the shipped thesaurus, state-management duties only.
    let predictions = Evaluation.predictions(duties, mandates: chart.mandates, background: chart.units.flatMap(\.duties),
                                             thesaurus: thesaurus)
    print("\nMandate inference: \(duties.count) labelled duties (\(duties.count { $0.mandate != nil }) with a mandate), "
        + "\(chart.mandates.count) mandates in the catalogue, through the thesaurus")
    for threshold in sweep { print("  " + Evaluation.inferenceMetrics(duties, predictions: predictions, threshold: threshold).description) }
    let all = fineSweep.map { Evaluation.inferenceMetrics(duties, predictions: predictions, threshold: $0) }
    print("  best F1:   " + all.max { $0.f1 < $1.f1 }!.description)
    print("  best F0.5: " + all.max { $0.f05 < $1.f05 }!.description)
    print("  default: " + Evaluation.inferenceMetrics(duties, predictions: predictions, threshold: defaults.inferenceThreshold).description)
    let written = Evaluation.predictions(duties, mandates: chart.mandates, background: chart.units.flatMap(\.duties),
                                         thesaurus: Thesaurus())
    print("  as written (no thesaurus): "
        + Evaluation.inferenceMetrics(duties, predictions: written, threshold: defaults.inferenceThreshold).description)
    let inference = Calibration.crossValidateThreshold(duties, predictions: predictions)
    for (index, fold) in inference.folds.enumerated() { print("  fold \(index + 1): " + fold.description) }
    print("  cross-validated (threshold chosen on the other folds): " + inference.crossValidated.description)
    print("  held-out (\(duties.count { Calibration.fold(of: $0.id, folds: 5) == nil }) duties): " + inference.heldOut.description)
    if CommandLine.arguments.contains("--errors") {
        for (duty, prediction) in zip(duties, predictions) {
            let predicted = prediction.flatMap { $0.score >= defaults.inferenceThreshold ? $0.mandate : nil }
            guard predicted != duty.mandate else { continue }
            print("    \(duty.id) expected \(duty.mandate?.rawValue ?? "none") got \(predicted?.rawValue ?? "none") "
                + "(best \(prediction?.mandate.rawValue ?? "-") \(Int((prediction?.score ?? 0) * 1000))‰): \(duty.text)")
        }
    }
}

// Recall of the prefix-filtered join against brute force, on the sample chart's duties read through the
// shipped thesaurus: at the floor where the join proposes pairs for scoring, and lower.
let sampleVectors = TextVectors(texts: background, thesaurus: thesaurus)
for threshold in [OverlapModel.candidateCosine, 0.3] {
    let join = SimilarityJoin(vectors: sampleVectors, threshold: threshold, maxCandidates: 50_000_000)
    let fast = join.pairs(groups: [Array(background.indices)], mode: .prefixFilter)
    let brute = join.pairs(groups: [Array(background.indices)], mode: .bruteForce)
    let fastSet = Set(fast.pairs.map { "\($0.a)-\($0.b)" }), bruteSet = Set(brute.pairs.map { "\($0.a)-\($0.b)" })
    let recall = bruteSet.isEmpty ? 1 : Double(bruteSet.intersection(fastSet).count) / Double(bruteSet.count)
    print("\nJoin on the sample at cosine \(threshold): brute force \(bruteSet.count) pairs from "
        + "\(brute.statistics.candidates) comparisons; prefix filter \(fastSet.count) pairs from "
        + "\(fast.statistics.candidates) comparisons; recall \(recall)")
}

// `--read TEXT…`: each text as the thesaurus reads it (for looking into a score).
if let start = CommandLine.arguments.firstIndex(of: "--read") {
    for text in CommandLine.arguments[(start + 1)...] { print("read: " + thesaurus.rewrite(text)) }
}
