import Foundation
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

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("orgscope: error: \(message)\n".utf8))
    }
}
