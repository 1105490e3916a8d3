import Dispatch

/// Runs `first` and `second` at once, on two cores where there are two, and returns both results.
func concurrently<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    var a: A?
    var b: B?
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            withUnsafeMutablePointer(to: &a) { a in
                withUnsafeMutablePointer(to: &b) { b in
                    nonisolated(unsafe) let (first, second, a, b) = (first, second, a, b)
                    DispatchQueue.concurrentPerform(iterations: 2) { index in
                        if index == 0 { a.pointee = first() } else { b.pointee = second() }
                    }
                }
            }
        }
    }
    guard let a, let b else { preconditionFailure("concurrentPerform ran both closures") }
    return (a, b)
}

/// A pass begun now on a worker thread, whose result ``value()`` waits for: for a pass that only reads,
/// started before work that leaves a core idle at times (a serial sort, a serial step between parallel
/// ones), so that it fills those gaps. (Run inside ``concurrently(_:_:)`` instead, the other closure's own
/// `concurrentPerform` would run on one core: libdispatch runs a nested one serially.)
final class Pending<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let group = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.result = work() }
    }

    /// The pass's result, once it has run.
    func value() -> Value {
        group.wait()
        guard let result else { preconditionFailure("the pass ran") }
        return result
    }
}
