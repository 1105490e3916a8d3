import Foundation

/// How a run ends when another program truncates an input file while the importer reads it through a
/// memory mapping (the split import of a large chart): what is written to standard error, and the exit
/// status. Reads past the file's new end raise `SIGBUS`; a handler scoped to the mapping writes the
/// notice and exits, instead of a crash.
///
/// The handler may only do what is async-signal-safe, so the notice is made from the path when the file
/// is mapped, and written as is. The library's own notice (``standard``) is one neutral line and
/// `EXIT_FAILURE`; an executable that has its own wording and exit statuses sets ``current`` once at
/// start-up, before any import.
public struct TruncatedFileNotice: Sendable {
    /// The exit status of the run.
    public var exitStatus: Int32
    /// The whole text written to standard error for the file at `path` (the path as the user gave it),
    /// final newline included; at most 1023 bytes are written.
    public var message: @Sendable (_ path: String) -> String

    /// A notice that writes `message(path)` and exits with `exitStatus`.
    public init(exitStatus: Int32, message: @escaping @Sendable (_ path: String) -> String) {
        self.exitStatus = exitStatus
        self.message = message
    }

    /// The library's notice: `PATH: error: the file was truncated by another program while it was being
    /// read`, exit status `EXIT_FAILURE`.
    public static let standard = TruncatedFileNotice(exitStatus: EXIT_FAILURE) { path in
        "\(path): error: the file was truncated by another program while it was being read\n"
    }

    /// The notice for files mapped from now on (``standard`` until set). Set it once at start-up.
    public static var current: TruncatedFileNotice {
        get {
            lock.lock()
            defer { lock.unlock() }
            return installed
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            installed = newValue
        }
    }

    private static let lock = NSLock()
    // Guarded by `lock`.
    nonisolated(unsafe) private static var installed = standard
}
