import Foundation
import Glibc

/// Progress on standard error — phase and percent — only when standard error is a terminal and the run
/// has already taken a second: short runs and redirected output stay quiet.
final class Progress: @unchecked Sendable {
    static let shared = Progress()

    private let start = ContinuousClock.now
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastPercent = -1
    private var shown = false

    /// The import's chunk callback.
    var importHandler: (@Sendable (String, Int, Int) -> Void)? {
        guard enabled else { return nil }
        return { [self] file, read, size in
            guard size > 0 else { return }
            phase("import \((file as NSString).lastPathComponent)", percent: min(100, read * 100 / size))
        }
    }

    /// Shows `name` (and a percent) when due.
    func phase(_ name: String, percent: Int? = nil) {
        guard enabled, ContinuousClock.now - start > .seconds(1) else { return }
        lock.lock()
        defer { lock.unlock() }
        if let percent, percent == lastPercent { return }
        lastPercent = percent ?? -1
        let text = "\rorgscope: \(name)" + (percent.map { " \($0)%" } ?? "") + "\u{1B}[K"
        FileHandle.standardError.write(Data(text.utf8))
        shown = true
    }

    /// Clears the progress line.
    func finish() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
