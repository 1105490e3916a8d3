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
