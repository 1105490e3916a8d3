import ArgumentParser
import Foundation
import OrgAnalysis
import OrgModel

/// Prints import diagnostics to standard error as `FILE:LINE:COLUMN: error: message`.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic], limit: Int, truncated: Bool,
                      what: String = "nothing was analysed and no report was written") {
        guard !diagnostics.isEmpty else { return }
        var text = ""
        for diagnostic in diagnostics.prefix(limit) { text += diagnostic.description + "\n" }
        let hidden = diagnostics.count - min(limit, diagnostics.count)
        let errors = diagnostics.count { $0.severity == .error }
        if hidden > 0 || truncated {
            text += "orgscope: and \(hidden)\(truncated ? "+" : "") more (raise --max-errors to see them)\n"
        }
        if errors > 0 {
            text += "orgscope: \(errors)\(truncated ? "+" : "") error\(errors == 1 ? "" : "s"); "
                + what + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Stops with exit status 2 when an analysis hit the similarity join's candidate limit: its overlap
    /// findings would be incomplete, and an incomplete report must not look like a complete one.
    static func checkLimits(_ results: [AnalysisResult], maxCandidates: Int) throws {
        guard results.contains(where: { $0.text.joinStatistics.exceeded }) else { return }
        fail("the duty texts are so alike that the similarity join verified more than \(maxCandidates) candidate "
            + "pairs and stopped; no report was written. Look for duties repeated across many units, or raise "
            + "--max-candidates (each candidate costs about 50 bytes and a microsecond).")
        throw ExitCode(ExitStatus.badInput)
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("orgscope: error: \(message)\n".utf8))
    }
}
