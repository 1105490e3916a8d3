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

    /// Fits a model on `indices`: logistic regression by gradient descent (deterministic), then the
    /// threshold that maximises F0.5 on the same pairs (precision counts twice: a finding goes into an
    /// official report).
    public static func fit(_ features: [OverlapFeatures], labels: [Bool], indices: [Int],
                           conflictThreshold: Double = TextSettings().conflictThreshold) -> OverlapModel {
        var weights = [Double](repeating: 0, count: OverlapFeatures.width + 1)
        let rate = 0.5
        for _ in 0..<3000 {
            var gradient = [Double](repeating: 0, count: weights.count)
            for index in indices {
                let model = OverlapModel(weights: weights, threshold: 0.5)
                let error = model.probability(features[index]) - (labels[index] ? 1 : 0)
                gradient[0] += error
                for (offset, value) in features[index].vector.enumerated() { gradient[offset + 1] += error * value }
            }
            for offset in weights.indices { weights[offset] -= rate * gradient[offset] / Double(max(1, indices.count)) }
        }
        var model = OverlapModel(weights: weights, threshold: 0.5)
        // Only candidates are ever scored: the others count as not reported.
        let probabilities = indices.map {
            OverlapModel.isCandidate(features[$0], conflictThreshold: conflictThreshold) ? model.probability(features[$0]) : 0
        }
        let chosenLabels = indices.map { labels[$0] }
        var best = (score: -1.0, threshold: 0.5)
        for step in 5...95 {
            let threshold = Double(step) / 100
            let metrics = Evaluation.metrics(scores: probabilities, labels: chosenLabels, threshold: threshold)
            if metrics.f05 > best.score { best = (metrics.f05, threshold) }
        }
        model.threshold = best.threshold
        return model
    }

    /// The cross-validated result: each fold scored by a model fitted on the other folds, pooled; and the
    /// held-out part scored by a model fitted on all folds.
    public struct Result: Sendable {
        /// Per fold: the model fitted without it and its metrics on it.
        public var folds: [(model: OverlapModel, metrics: Evaluation.Metrics)]
        /// The folds' predictions pooled.
        public var crossValidated: Evaluation.Metrics
        /// The model fitted on every fold, and its metrics on the held-out part.
        public var final: OverlapModel, heldOut: Evaluation.Metrics
        /// Per category, right / total over the folds' predictions.
        public var categories: [(category: String, right: Int, total: Int)]
    }

    /// Cross-validates the combined score on `pairs`.
    public static func crossValidate(_ pairs: [Evaluation.LabelledPair], features: [OverlapFeatures], folds: Int = 5,
                                     conflictThreshold: Double = TextSettings().conflictThreshold) -> Result {
        let reported = { (model: OverlapModel, index: Int) in
            OverlapModel.isCandidate(features[index], conflictThreshold: conflictThreshold)
                && model.probability(features[index]) >= model.threshold
        }
        let labels = pairs.map(\.same)
        let part = pairs.map { fold(of: $0.id, folds: folds) }
        var pooled = Evaluation.Metrics(threshold: 0)
        var perFold: [(OverlapModel, Evaluation.Metrics)] = []
        var right: [String: (Int, Int)] = [:]
        for fold in 0..<folds {
            let training = pairs.indices.filter { part[$0] != nil && part[$0] != fold }
            let validation = pairs.indices.filter { part[$0] == fold }
            let model = fit(features, labels: labels, indices: training, conflictThreshold: conflictThreshold)
            var metrics = Evaluation.Metrics(threshold: model.threshold)
            for index in validation {
                let predicted = reported(model, index)
                switch (predicted, labels[index]) {
                case (true, true): metrics.truePositives += 1
                case (true, false): metrics.falsePositives += 1
                case (false, true): metrics.falseNegatives += 1
                case (false, false): break
                }
                var tally = right[pairs[index].category] ?? (0, 0)
                tally.1 += 1
                if predicted == labels[index] { tally.0 += 1 }
                right[pairs[index].category] = tally
            }
            pooled.truePositives += metrics.truePositives
            pooled.falsePositives += metrics.falsePositives
            pooled.falseNegatives += metrics.falseNegatives
            perFold.append((model, metrics))
        }
        let final = fit(features, labels: labels, indices: pairs.indices.filter { part[$0] != nil },
                        conflictThreshold: conflictThreshold)
        var heldOut = Evaluation.Metrics(threshold: final.threshold)
        for index in pairs.indices where part[index] == nil {
            switch (reported(final, index), labels[index]) {
            case (true, true): heldOut.truePositives += 1
            case (true, false): heldOut.falsePositives += 1
            case (false, true): heldOut.falseNegatives += 1
            case (false, false): break
            }
        }
        return Result(folds: perFold, crossValidated: pooled, final: final, heldOut: heldOut,
                      categories: right.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1) })
    }
}
