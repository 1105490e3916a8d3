import OrgModel

/// The mandates inferred for duties, by duty index: 17 bytes an inference in parallel arrays sorted by
/// duty (index, mandate number, score, role), where a dictionary of ``MandateAssignment``s took about 64
/// (a national chart infers half a million). Reads as a dictionary would: ``subscript(_:)``, ``keys``,
/// ``count``, and iteration as `(key, value)` pairs in ascending duty order (or by position,
/// ``subscript(position:)``).
public struct InferredAssignments: Sendable, Sequence {
    private var duties: [Int32] = []
    private var mandateNumbers: [Int32] = []
    private var scores: [Double] = []
    private var roles: [DutyRole] = []
    /// The mandates the numbers stand for.
    private let mandates: [MandateID]

    /// No inference yet, over `mandates` (the ids ``append(duty:mandate:score:role:)`` numbers refer to).
    init(mandates: [MandateID]) { self.mandates = mandates }

    /// Adds the inference of `duty` (after every smaller duty index): mandate `mandates[mandate]`.
    mutating func append(duty: Int, mandate: Int, score: Double, role: DutyRole) {
        precondition(duties.last.map { Int($0) < duty } ?? true, "inferences are appended in duty order")
        duties.append(Int32(duty))
        mandateNumbers.append(Int32(mandate))
        scores.append(score)
        roles.append(role)
    }

    /// How many duties got a mandate by inference.
    public var count: Int { duties.count }

    /// True when no mandate was inferred.
    public var isEmpty: Bool { duties.isEmpty }

    /// The duty indices, ascending.
    public var keys: [Int] { duties.map { Int($0) } }

    /// The inference for the duty at `duty` (index into `DutyGraph.duties`), if there is one.
    public subscript(duty: Int) -> MandateAssignment? {
        var low = 0, high = duties.count
        while low < high {
            let middle = (low + high) / 2
            if Int(duties[middle]) < duty { low = middle + 1 } else { high = middle }
        }
        return low < duties.count && Int(duties[low]) == duty ? assignment(at: low) : nil
    }

    /// The `position`-th inference in ascending duty order (`0..<count`): what iteration gives, read
    /// without making a list of them all (a national chart's report writes half a million).
    public subscript(position position: Int) -> (key: Int, value: MandateAssignment) {
        (Int(duties[position]), assignment(at: position))
    }

    private func assignment(at position: Int) -> MandateAssignment {
        MandateAssignment(duty: Int(duties[position]), mandate: mandates[Int(mandateNumbers[position])],
                          role: roles[position], inferredScore: scores[position])
    }

    /// Iterates `(key: duty index, value: assignment)` in ascending duty order.
    public func makeIterator() -> AnyIterator<(key: Int, value: MandateAssignment)> {
        var position = 0
        return AnyIterator {
            guard position < duties.count else { return nil }
            defer { position += 1 }
            return (Int(duties[position]), assignment(at: position))
        }
    }
}
