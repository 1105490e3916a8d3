import Foundation

/// What the overlap score of two duties is made of: the channels the text engine measures on a pair.
public struct OverlapFeatures: Sendable, Hashable {
    /// Cosine of the two statements, read through the thesaurus (0 when either is never compared).
    public var cosine: Double
    /// When both duties are assigned to the same mandate: the lower of the two inference scores (1 for an
    /// explicit `mandate=`); else 0.
    public var sharedMandate: Double
    /// Cosine (through the thesaurus) of the two objects: the words after each clause's verb group
    /// (``ActionClass/read(_:)``).
    public var object: Double
    /// How far the two duties' actions agree (``ActionClass/agreement(_:_:)``).
    public var action: Double

    /// A pair's channels.
    public init(cosine: Double, sharedMandate: Double, object: Double, action: Double) {
        self.cosine = cosine
        self.sharedMandate = sharedMandate
        self.object = object
        self.action = action
    }

    /// The model's inputs: the channels and the products that let one channel depend on another.
    static let width = 6
    var vector: [Double] { [cosine, sharedMandate, cosine * sharedMandate, object, action, object * action] }
}

/// How OVL002 decides on a candidate pair, with two models fitted alike: one over every channel, and one
/// fitted with the shared mandate left out, which says what the words alone support. A pair the words
/// alone support is confirmed; a pair that reaches the threshold only with a mandate inferred for it is
/// reported to verify; a pair with no shared mandate is confirmed when the full model passes it.
public struct OverlapScorer: Sendable, Hashable, CustomStringConvertible {
    /// Every channel.
    public var full: OverlapModel
    /// The channels without the shared mandate (fitted with it set to 0).
    public var words: OverlapModel

    /// A scorer.
    public init(full: OverlapModel, words: OverlapModel) {
        self.full = full
        self.words = words
    }

    /// The scorer orgscope ships, fitted on every labelled pair outside the held-out part.
    public static let shipped = OverlapScorer(
        full: OverlapModel(weights: [-3.35, -0.98, 4.28, 1.00, 2.96, 1.27, 1.53], threshold: 0.68),
        words: OverlapModel(weights: [-2.67, -0.20, 0.00, 0.00, 4.31, 0.78, 1.15], threshold: 0.91))

    /// The scorer with the full model's threshold at `threshold` (`overlap_threshold`) and the words
    /// model's moved by as much.
    public func shifted(to threshold: Double) -> OverlapScorer {
        var result = self
        result.full.threshold = threshold
        result.words.threshold = min(1, max(0, words.threshold + threshold - full.threshold))
        return result
    }

    /// What the pair is: reported or not, confirmed or to verify, and its score (the higher of the two
    /// models' probabilities).
    public func judge(_ features: OverlapFeatures) -> (reported: Bool, confirmed: Bool, score: Double) {
        var alone = features
        alone.sharedMandate = 0
        let byWords = words.probability(alone), byAll = full.probability(features)
        let confirmed = byWords >= words.threshold || (features.sharedMandate == 0 && byAll >= full.threshold)
        return (confirmed || byAll >= full.threshold, confirmed, max(byWords, byAll))
    }

    public var description: String { "full: \(full); words alone: \(words)" }
}

/// The overlap score: a logistic model over ``OverlapFeatures``, and the threshold at which a pair is
/// reported. The shipped weights were fitted by ``Calibration`` on the labelled pairs outside the
/// held-out part (`scripts/eval-similarity` prints the fit; a test keeps these weights equal to it).
public struct OverlapModel: Sendable, Hashable, CustomStringConvertible {
    /// Intercept, then one weight per input of ``OverlapFeatures``.
    public var weights: [Double]
    /// Probability at or above which a pair is reported (the default of `overlap_threshold`).
    public var threshold: Double

    /// A model.
    public init(weights: [Double], threshold: Double) {
        self.weights = weights
        self.threshold = threshold
    }

    /// Cosine (through the thesaurus) at or above which the similarity join proposes a pair for scoring;
    /// pairs below it are scored only when both duties carry one mandate. The join is exact at this
    /// floor (recall against brute force 1.0).
    public static let candidateCosine = 0.35

    /// The probability that the two duties are the same duty.
    public func probability(_ features: OverlapFeatures) -> Double {
        let x = features.vector
        var z = weights[0]
        for index in x.indices { z += weights[index + 1] * x[index] }
        return 1 / (1 + Foundation.exp(-z))
    }

    /// True when the pair reaches the join or the mandate channel: only those are ever scored.
    public static func isCandidate(_ features: OverlapFeatures, conflictThreshold: Double) -> Bool {
        features.cosine >= candidateCosine || (features.sharedMandate > 0 && features.sharedMandate >= conflictThreshold)
    }

    public var description: String {
        "weights " + weights.map(Self.format2).joined(separator: " ") + ", threshold " + Self.format2(threshold)
    }

    /// Two decimals.
    static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return sign + "\(magnitude / 100)." + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
    }
}
