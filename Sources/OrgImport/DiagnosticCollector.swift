import OrgModel

/// Collects the diagnostics of one import run, up to a limit.
final class DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var truncated = false
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    var errorCount: Int { diagnostics.count { $0.severity == .error } }
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    var isFull: Bool { diagnostics.count >= limit }

    func error(_ location: SourceLocation, _ message: String) {
        add(Diagnostic(.error, at: location, message))
    }

    func warning(_ location: SourceLocation, _ message: String) {
        add(Diagnostic(.warning, at: location, message))
    }

    /// Records that diagnostics were dropped elsewhere (a per-file collector that filled up).
    func markTruncated() { truncated = true }

    func add(_ diagnostic: Diagnostic) {
        guard diagnostics.count < limit else {
            truncated = true
            return
        }
        diagnostics.append(diagnostic)
    }

    /// Sorted by the position of the file in `files`, then line, then column; stable otherwise.
    func sorted(fileOrder files: [String]) -> [Diagnostic] {
        var rank: [String: Int] = [:]
        for (index, file) in files.enumerated() where rank[file] == nil { rank[file] = index }
        return diagnostics.enumerated().sorted { lhs, rhs in
            let left = (rank[lhs.element.location.file] ?? Int.max, lhs.element.location.line,
                        lhs.element.location.column, lhs.offset)
            let right = (rank[rhs.element.location.file] ?? Int.max, rhs.element.location.line,
                         rhs.element.location.column, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
