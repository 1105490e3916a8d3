import OrgModel

/// Measures the text engine against labelled sets (`Tests/OrgAnalysisTests/Fixtures`): precision,
/// recall and F1 of near-duplicate detection (OVL002) and of mandate inference.
public enum Evaluation {
    /// Precision, recall and F1 at one threshold.
    public struct Metrics: Sendable, CustomStringConvertible {
        /// The threshold.
        public var threshold: Double
        /// True positives, false positives, false negatives.
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0

        /// tp / (tp + fp).
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        /// tp / (tp + fn).
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        /// Harmonic mean of precision and recall.
        public var f1: Double { fBeta(1) }
        /// F-measure weighting precision twice as much as recall: a finding goes into an official report,
        /// so a false one costs more than a missed one.
        public var f05: Double { fBeta(0.5) }

        private func fBeta(_ beta: Double) -> Double {
            let b2 = beta * beta
            return precision + recall == 0 ? 0 : (1 + b2) * precision * recall / (b2 * precision + recall)
        }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

        /// Counts one decision: reported or not, against the label.
        public mutating func count(reported: Bool, same: Bool) {
            switch (reported, same) {
            case (true, true): truePositives += 1
            case (true, false): falsePositives += 1
            case (false, true): falseNegatives += 1
            case (false, false): break
            }
        }

        /// Adds another part's counts.
        public mutating func add(_ other: Metrics) {
            truePositives += other.truePositives
            falsePositives += other.falsePositives
            falseNegatives += other.falseNegatives
        }

        /// One table row.
        public var description: String {
            func f(_ value: Double) -> String {
                let scaled = Int((value * 1000).rounded())
                return "\(scaled / 1000).\(String(repeating: "0", count: 3 - String(scaled % 1000).count))\(scaled % 1000)"
            }
            return "\(f(threshold))  P=\(f(precision))  R=\(f(recall))  F1=\(f(f1))  F0.5=\(f(f05))  "
                + "(tp \(truePositives), fp \(falsePositives), fn \(falseNegatives))"
        }
    }

    // MARK: Duty pairs (OVL002)

    /// One labelled pair of duty statements.
    public struct LabelledPair: Sendable {
        /// Row id.
        public var id: String
        /// True when the two say the same duty.
        public var same: Bool
        /// The kind of pair (reworded, tone-variant, ...).
        public var category: String
        /// The two statements.
        public var a: String, b: String
    }

    /// Reads `id label category a b note` rows (tab-separated, with a header line).
    public static func pairs(tsv: String) -> [LabelledPair] {
        rows(tsv).compactMap { fields in
            guard fields.count >= 5 else { return nil }
            return LabelledPair(id: fields[0], same: fields[1] == "same", category: fields[2], a: fields[3], b: fields[4])
        }
    }

    /// The similarity of each pair as OVL002 computes it (catch-all duties score 0), with inverse document
    /// frequencies taken over the pairs plus `background` texts (a real chart's duties).
    public static func scores(_ pairs: [LabelledPair], background: [String], thesaurus: Thesaurus = Thesaurus()) -> [Double] {
        let texts = pairs.flatMap { [$0.a, $0.b] } + background
        let vectors = TextVectors(texts: texts, thesaurus: thesaurus)
        return pairs.indices.map { index in
            let a = 2 * index, b = 2 * index + 1
            if vectors.isExcludedFromOverlap(a) || vectors.isExcludedFromOverlap(b) { return 0 }
            return vectors.similarity(a, b)
        }
    }

    /// Metrics of "score ≥ threshold means same".
    public static func metrics(scores: [Double], labels: [Bool], threshold: Double) -> Metrics {
        var metrics = Metrics(threshold: threshold)
        for (score, same) in zip(scores, labels) { metrics.count(reported: score >= threshold, same: same) }
        return metrics
    }

    // MARK: Mandate inference

    /// One labelled duty: the mandate it discharges, or nil for none.
    public struct LabelledDuty: Sendable {
        /// Row id.
        public var id: String
        /// The right mandate, or nil.
        public var mandate: MandateID?
        /// The duty statement.
        public var text: String
    }

    /// Reads `id mandate duty note` rows (`none` for no mandate).
    public static func duties(tsv: String) -> [LabelledDuty] {
        rows(tsv).compactMap { fields in
            guard fields.count >= 3 else { return nil }
            return LabelledDuty(id: fields[0], mandate: fields[1] == "none" ? nil : MandateID(fields[1]), text: fields[2])
        }
    }

    /// The best mandate for each duty and its score (nil when no mandate shares a word), as inference
    /// computes it, with document frequencies over the duties, the mandates and `background` (a chart's
    /// duties, whose explicit mandates teach the inference what each mandate looks like). As in the engine,
    /// only a duty whose nature is state management (``DutyNature``, read as a department's) is inferred.
    public static func predictions(_ duties: [LabelledDuty], mandates: [Mandate], background: [Duty],
                                   thesaurus: Thesaurus = .shipped) -> [(mandate: MandateID, score: Double)?]
    {
        let texts = duties.map(\.text) + mandates.map(\.text) + background.map(\.text)
        let vectors = TextVectors(texts: texts, thesaurus: thesaurus)
        var mandateIndex: [MandateID: Int] = [:]
        for (offset, mandate) in mandates.enumerated() { mandateIndex[mandate.id] = duties.count + offset }
        let examples = background.enumerated().compactMap { offset, duty -> (duty: Int, mandate: Int)? in
            guard let mandate = duty.mandate, let target = mandateIndex[mandate] else { return nil }
            return (duties.count + mandates.count + offset, target)
        }
        let inference = MandateInference(vectors: vectors, mandates: duties.count..<(duties.count + mandates.count), examples: examples)
        let candidates = Array(duties.count..<(duties.count + mandates.count))
        var dense = inference.scratch()
        return duties.indices.map { index in
            guard DutyNature.classify(duties[index].text, unitKind: .department) == .stateManagement else { return nil }
            return inference.best(duty: index, candidates: candidates, threshold: 0, dense: &dense).map {
                (mandates[$0.mandate - duties.count].id, $0.score)
            }
        }
    }

    /// Metrics of inference at `threshold`: a prediction counts when it reaches the threshold; it is a
    /// true positive when it names the right mandate, a false positive otherwise; a labelled duty with
    /// no right prediction is a false negative.
    public static func inferenceMetrics(_ duties: [LabelledDuty], predictions: [(mandate: MandateID, score: Double)?],
                                        threshold: Double) -> Metrics {
        var metrics = Metrics(threshold: threshold)
        for (duty, prediction) in zip(duties, predictions) {
            let predicted = prediction.flatMap { $0.score >= threshold ? $0.mandate : nil }
            if let predicted {
                if predicted == duty.mandate { metrics.truePositives += 1 } else { metrics.falsePositives += 1 }
            }
            if let expected = duty.mandate, predicted != expected { metrics.falseNegatives += 1 }
        }
        return metrics
    }

    private static func rows(_ tsv: String) -> [[String]] {
        tsv.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }
}
