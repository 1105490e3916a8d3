import Foundation

/// Writes reports: the one place that names report files, makes directories, writes atomically and
/// streams. Every command that writes a report or a chart goes through it.
///
/// - No destination: the main file of the first format goes to standard output.
/// - A file path and one format: the main file there, companions beside it (`out.csv`, `out.staffing.csv`).
/// - Several formats, a path ending in `/`, or an existing directory: every file into that directory,
///   named `BASE` + suffix (`cao-bang-2025.vi.json`), the directory made when missing.
///
/// Each file is written atomically (a temporary file, fsync, rename), one format after another, so
/// only one report is in memory at a time and nothing is ever half-written.
public struct ReportWriter: Sendable {
    /// Why a report could not be written; files written before it stay, the one that failed is untouched.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, naming the path.
        public let description: String
    }

    /// Where to write: a file or directory path; nil for standard output.
    public var output: String?
    /// Write through a symbolic link at the destination (refused otherwise).
    public var force: Bool
    /// The name files take in a directory, before their suffix (`cao-bang-2025.vi`).
    public var baseName: String

    /// A writer.
    public init(output: String?, force: Bool, baseName: String) {
        self.output = output
        self.force = force
        self.baseName = baseName
    }

    /// Writes `report` in each of `formats`.
    public func write(_ report: some ReportDocument, formats: [OutputFormat]) throws(Failure) {
        try write(formats.map { report.files(as: $0) })
    }

    /// Writes groups of files, one group per format, the main file of each first.
    public func write(_ groups: [[ReportFile]]) throws(Failure) {
        guard let output else {
            guard let file = groups.first?.first else { return }
            if file.isBinary, isatty(STDOUT_FILENO) == 1 {
                throw Failure(description: "a \(file.suffix) file is not for the terminal; give --output FILE\(file.suffix)")
            }
            do {
                try file.writeBytes { FileHandle.standardOutput.write(Data($0)) }
            } catch {
                throw Failure(description: "cannot make the \(file.suffix) file: \(error.description)")
            }
            return
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if groups.count > 1 || output.hasSuffix("/") || (exists && isDirectory.boolValue) {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw Failure(description: "cannot create the directory \(output): \(error.localizedDescription)")
            }
            let base = (output as NSString).appendingPathComponent(baseName)
            for file in groups.joined() { try Self.write(file, to: base + file.suffix, force: force) }
            return
        }
        let companionBase = (output as NSString).deletingPathExtension
        for (offset, file) in (groups.first ?? []).enumerated() {
            try Self.write(file, to: offset == 0 ? output : companionBase + file.suffix, force: force)
        }
    }

    /// Writes one file at `path`, atomically.
    public static func write(_ file: ReportFile, to path: String, force: Bool) throws(Failure) {
        do {
            try AtomicFile.write(to: path, force: force, file: file)
        } catch {
            throw Failure(description: error.description)
        }
    }
}
