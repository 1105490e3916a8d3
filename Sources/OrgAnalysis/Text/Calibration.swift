import Foundation
import OrgModel

/// An honest measurement of a combined overlap score: the channels of a labelled pair (lexical cosine,
/// cosine through the thesaurus, a shared inferred mandate) are combined by a logistic model whose weights
/// and threshold are chosen on training folds only; the figures reported are those of the folds held out
/// in turn (cross-validation), and of a held-out part that no tuning ever sees.
///
/// The split is by a stable hash of each pair's id, so it never changes with the file's order and a
/// pair added later does not move the others.
public enum Calibration {
    /// The channels of every labelled pair, as the text engine measures them with `settings` (its
    /// thesaurus and inference threshold), with document frequencies over the pairs and `background`.
    public static func features(_ pairs: [Evaluation.LabelledPair], background: [Duty], mandates: [Mandate],
                                settings: TextSettings) -> [OverlapFeatures] {
        let thesaurus = settings.thesaurus
        let texts = background.map(\.text)
        let cosines = Evaluation.scores(pairs, background: texts, thesaurus: thesaurus)
        let readings = pairs.map { (ActionClass.read($0.a), ActionClass.read($0.b)) }
        let objectPairs = zip(pairs, readings).map { pair, reading in
            Evaluation.LabelledPair(id: pair.id, same: pair.same, category: pair.category,
                                    a: reading.0.object, b: reading.1.object)
        }
        let objects = Evaluation.scores(objectPairs, background: texts.map { ActionClass.read($0).object }, thesaurus: thesaurus)
        let duties = pairs.flatMap { pair in
            [Evaluation.LabelledDuty(id: pair.id + "a", mandate: nil, text: pair.a),
             Evaluation.LabelledDuty(id: pair.id + "b", mandate: nil, text: pair.b)]
        }
        // Inferred as the engine infers: state-management duties only, at the inference threshold.
        let predictions = Evaluation.predictions(duties, mandates: mandates, background: background, thesaurus: thesaurus)
            .enumerated().map { index, prediction in
                prediction.flatMap { prediction in
                    prediction.score >= settings.inferenceThreshold
                        && DutyNature.classify(duties[index].text, unitKind: .department) == .stateManagement ? prediction : nil
                }
            }
        return pairs.indices.map { index in
            var shared = 0.0
            if let a = predictions[2 * index], let b = predictions[2 * index + 1], a.mandate == b.mandate {
                shared = min(a.score, b.score)
            }
            return OverlapFeatures(cosine: cosines[index], sharedMandate: shared, object: objects[index],
                                   action: ActionClass.agreement(readings[index].0.actions, readings[index].1.actions))
        }
    }

    /// Which part a pair belongs to: nil for the held-out part (one in five), else its fold 0..<folds.
    public static func fold(of id: String, folds: Int) -> Int? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        if hash % 5 == 0 { return nil }
        return Int((hash / 5) % UInt64(folds))
    }

    /// Fits a model on `indices`: logistic regression by gradient descent (deterministic, 3,000 steps:
    /// stopping early keeps the weights moderate), then the threshold that maximises F0.5 on the same pairs
    /// (precision counts twice: a finding goes into an official report), or, with `precisionFloor`, the
    /// lowest threshold whose precision on those pairs reaches the floor.
    public static func fit(_ features: [OverlapFeatures], labels: [Bool], indices: [Int],
                           conflictThreshold: Double = TextSettings().conflictThreshold,
                           precisionFloor: Double? = nil) -> OverlapModel {
        var weights = [Double](repeating: 0, count: OverlapFeatures.width + 1)
        let rate = 0.5
        let inputs = indices.map { features[$0].vector }, targets = indices.map { labels[$0] ? 1.0 : 0.0 }
        for _ in 0..<3000 {
            var gradient = [Double](repeating: 0, count: weights.count)
            let model = OverlapModel(weights: weights, threshold: 0.5)
            for (position, index) in indices.enumerated() {
                let error = model.probability(features[index]) - targets[position]
                gradient[0] += error
                for (offset, value) in inputs[position].enumerated() { gradient[offset + 1] += error * value }
            }
            for offset in weights.indices { weights[offset] -= rate * gradient[offset] / Double(max(1, indices.count)) }
        }
        var model = OverlapModel(weights: weights, threshold: 0.5)
        // Only candidates are ever scored: the others count as not reported.
        let probabilities = indices.map {
            OverlapModel.isCandidate(features[$0], conflictThreshold: conflictThreshold) ? model.probability(features[$0]) : 0
        }
        let chosenLabels = indices.map { labels[$0] }
        var best = (score: -1.0, threshold: 0.95)
        for step in 5...95 {
            let threshold = Double(step) / 100
            let metrics = Evaluation.metrics(scores: probabilities, labels: chosenLabels, threshold: threshold)
            if let precisionFloor {
                if metrics.truePositives > 0, metrics.precision >= precisionFloor {
                    best = (metrics.precision, threshold)
                    break
                }
            } else if metrics.f05 > best.score {
                best = (metrics.f05, threshold)
            }
        }
        model.threshold = best.threshold
        return model
    }

    /// The precision the words-alone model must reach on the training pairs to confirm a finding.
    public static let wordsPrecision = 0.95

    /// Fits both models of a scorer on `indices`: the full model (threshold by F0.5), and the words model
    /// on the same pairs with their shared mandate set to 0, whose threshold is the lowest at which its
    /// precision on them reaches ``wordsPrecision``: the words alone confirm a finding only when they are
    /// nearly always right.
    public static func fitScorer(_ features: [OverlapFeatures], labels: [Bool], indices: [Int],
                                 conflictThreshold: Double = TextSettings().conflictThreshold) -> OverlapScorer {
        let alone = features.map { feature -> OverlapFeatures in
            var copy = feature
            copy.sharedMandate = 0
            return copy
        }
        return OverlapScorer(full: fit(features, labels: labels, indices: indices, conflictThreshold: conflictThreshold),
                             words: fit(alone, labels: labels, indices: indices, conflictThreshold: conflictThreshold,
                                        precisionFloor: wordsPrecision))
    }

    /// The cross-validated result: each fold scored by a model fitted on the other folds, pooled; and the
    /// held-out part scored by a model fitted on all folds.
    public struct Result: Sendable {
        /// Per fold: the model fitted without it and its metrics on it.
        public var folds: [(model: OverlapScorer, metrics: Evaluation.Metrics)]
        /// The folds' predictions pooled.
        public var crossValidated: Evaluation.Metrics
        /// The same, counting only what the engine reports as confirmed: a pair that passes only thanks to
        /// its shared (inferred) mandate is reported to verify, and counts here as not reported.
        public var confirmed: Evaluation.Metrics
        /// The model fitted on every fold, and its metrics on the held-out part.
        public var final: OverlapScorer, heldOut: Evaluation.Metrics
        /// Per category, right / total over the folds' predictions.
        public var categories: [(category: String, right: Int, total: Int)]
    }

    /// Cross-validates the combined score on `pairs`.
    public static func crossValidate(_ pairs: [Evaluation.LabelledPair], features: [OverlapFeatures], folds: Int = 5,
                                     conflictThreshold: Double = TextSettings().conflictThreshold) -> Result {
        let judge = { (model: OverlapScorer, index: Int) -> (reported: Bool, confirmed: Bool) in
            guard OverlapModel.isCandidate(features[index], conflictThreshold: conflictThreshold) else { return (false, false) }
            let verdict = model.judge(features[index])
            return (verdict.reported, verdict.confirmed)
        }
        let labels = pairs.map(\.same)
        let part = pairs.map { fold(of: $0.id, folds: folds) }
        var pooled = Evaluation.Metrics(threshold: 0)
        var confirmed = Evaluation.Metrics(threshold: 0)
        var perFold: [(OverlapScorer, Evaluation.Metrics)] = []
        var right: [String: (Int, Int)] = [:]
        for fold in 0..<folds {
            let training = pairs.indices.filter { part[$0] != nil && part[$0] != fold }
            let validation = pairs.indices.filter { part[$0] == fold }
            let model = fitScorer(features, labels: labels, indices: training, conflictThreshold: conflictThreshold)
            var metrics = Evaluation.Metrics(threshold: model.full.threshold)
            for index in validation {
                let (predicted, firm) = judge(model, index)
                confirmed.count(reported: firm, same: labels[index])
                metrics.count(reported: predicted, same: labels[index])
                var tally = right[pairs[index].category] ?? (0, 0)
                tally.1 += 1
                if predicted == labels[index] { tally.0 += 1 }
                right[pairs[index].category] = tally
            }
            pooled.add(metrics)
            perFold.append((model, metrics))
        }
        let final = fitScorer(features, labels: labels, indices: pairs.indices.filter { part[$0] != nil },
                        conflictThreshold: conflictThreshold)
        var heldOut = Evaluation.Metrics(threshold: final.full.threshold)
        for index in pairs.indices where part[index] == nil {
            heldOut.count(reported: judge(final, index).reported, same: labels[index])
        }
        return Result(folds: perFold, crossValidated: pooled, confirmed: confirmed, final: final, heldOut: heldOut,
                      categories: right.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1) })
    }

    /// The inference threshold measured as honestly: per fold, the threshold (0.05–0.90) that maximises F1
    /// on the other folds, applied to the fold; the held-out part at the threshold chosen on all folds.
    public static func crossValidateThreshold(_ duties: [Evaluation.LabelledDuty],
                                              predictions: [(mandate: MandateID, score: Double)?], folds: Int = 5)
        -> (folds: [Evaluation.Metrics], crossValidated: Evaluation.Metrics, heldOut: Evaluation.Metrics)
    {
        let part = duties.map { fold(of: $0.id, folds: folds) }
        func choose(_ indices: [Int]) -> Double {
            let chosen = indices.map { duties[$0] }, guesses = indices.map { predictions[$0] }
            var best = (f1: -1.0, threshold: 0.25)
            for step in 5...90 {
                let metrics = Evaluation.inferenceMetrics(chosen, predictions: guesses, threshold: Double(step) / 100)
                if metrics.f1 > best.f1 { best = (metrics.f1, Double(step) / 100) }
            }
            return best.threshold
        }
        func measure(_ indices: [Int], at threshold: Double) -> Evaluation.Metrics {
            Evaluation.inferenceMetrics(indices.map { duties[$0] }, predictions: indices.map { predictions[$0] }, threshold: threshold)
        }
        var perFold: [Evaluation.Metrics] = []
        var pooled = Evaluation.Metrics(threshold: 0)
        for fold in 0..<folds {
            let training = duties.indices.filter { part[$0] != nil && part[$0] != fold }
            let metrics = measure(duties.indices.filter { part[$0] == fold }, at: choose(training))
            perFold.append(metrics)
            pooled.add(metrics)
        }
        let threshold = choose(duties.indices.filter { part[$0] != nil })
        return (perFold, pooled, measure(duties.indices.filter { part[$0] == nil }, at: threshold))
    }
}
