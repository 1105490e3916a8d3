/// What a command holds when it finishes, kept until the process exits: its memory then goes back to the
/// system at once, instead of a million duties, strings and arrays being released one by one (at L,
/// tearing down the chart alone took a sixth of `validate`'s single-threaded tail). Compilers do the same
/// (clang's `-disable-free`).
///
/// Only the command-line tool uses it, once per run, after the last use of the values: holding them
/// earlier would raise the peak, since a command may free one phase's data before the next.
enum ExitTeardown {
    /// Values never released (the process is about to exit).
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `values` alive until the process exits.
    static func skip(_ values: Any...) {
        kept.append(contentsOf: values)
    }
}
