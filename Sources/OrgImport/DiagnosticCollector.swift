import OrgModel

/// Collects the diagnostics of one import run, up to a limit: every importer of the package (charts,
/// proposals, ArchiMate models, staffing sheets) gathers its problems here, so that the user sees all
/// of them in one run.
package final class DiagnosticCollector {
    /// The diagnostics, in the order found.
    package private(set) var items: [Diagnostic] = []
    private(set) var truncated = false
    private let limit: Int

    /// A collector that keeps the first `limit` diagnostics (all of them by default).
    package init(limit: Int = .max) { self.limit = limit }

    var errorCount: Int { items.count { $0.severity == .error } }
    /// Whether any diagnostic is an error.
    package var hasErrors: Bool { items.contains { $0.severity == .error } }
    var isFull: Bool { items.count >= limit }

    /// Records an error at `location`.
    package func error(_ location: SourceLocation, _ message: String) {
        add(Diagnostic(.error, at: location, message))
    }

    /// Records a warning at `location`.
    package func warning(_ location: SourceLocation, _ message: String) {
        add(Diagnostic(.warning, at: location, message))
    }

    /// Records that diagnostics were dropped elsewhere (a per-file collector that filled up).
    func markTruncated() { truncated = true }

    /// Records `diagnostic`, or notes that one was dropped when the collector is full.
    package func add(_ diagnostic: Diagnostic) {
        guard items.count < limit else {
            truncated = true
            return
        }
        items.append(diagnostic)
    }

    /// Records every diagnostic of `diagnostics`, in order.
    package func append(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// Sorted by file, line and column (ties keep the order found): ``sorted(fileOrder:)`` with no
    /// file order, for the diagnostics of one input.
    package var sorted: [Diagnostic] { sorted(fileOrder: []) }

    /// Sorted by the position of the file in `files` (a file not in `files` comes after them, by name),
    /// then line, then column; stable otherwise.
    package func sorted(fileOrder files: [String]) -> [Diagnostic] {
        var rank: [String: Int] = [:]
        for (index, file) in files.enumerated() where rank[file] == nil { rank[file] = index }
        func key(_ entry: (offset: Int, element: Diagnostic)) -> (Int, String, Int, Int, Int) {
            let location = entry.element.location
            let position = rank[location.file]
            return (position ?? Int.max, position == nil ? location.file : "", location.line, location.column, entry.offset)
        }
        return items.enumerated().sorted { key($0) < key($1) }.map(\.element)
    }
}
