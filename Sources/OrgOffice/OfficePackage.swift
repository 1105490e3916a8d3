import Foundation
import ZIPFoundation

/// An Office Open XML package (.docx): a ZIP archive of XML parts. Written byte-identical from run to
/// run (parts in the order given, every entry dated 1980-01-01 00:00 UTC with the same permissions,
/// deflated); read back with limits, since a package handed to orgscope is untrusted.
public enum OfficePackage {
    /// One part: its path inside the package (`word/document.xml`) and its bytes.
    public struct Part: Sendable, Hashable {
        /// The path, without a leading slash.
        public var path: String
        /// The content.
        public var data: Data

        /// A part from its text, UTF-8.
        public init(_ path: String, _ text: String) {
            self.path = path
            self.data = Data(text.utf8)
        }

        /// A part from bytes.
        public init(_ path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

    /// Why a package could not be made or read.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What went wrong.
        public let description: String

        /// A failure.
        public init(_ description: String) { self.description = description }
    }

    /// What a package may hold before it is refused (a ZIP bomb, a corrupt or hostile archive).
    public struct Limits: Sendable, Hashable {
        /// Entries, at most.
        public var entries: Int
        /// Bytes of one entry once expanded, at most.
        public var entrySize: Int
        /// Bytes of all entries once expanded, at most.
        public var totalSize: Int
        /// Expanded size over compressed size of one entry, at most (entries under 64 KiB are not held to it).
        public var ratio: Int

        /// Limits; the defaults are far above any real decision or report.
        public init(entries: Int = 1_000, entrySize: Int = 64 << 20, totalSize: Int = 256 << 20, ratio: Int = 200) {
            self.entries = entries
            self.entrySize = entrySize
            self.totalSize = totalSize
            self.ratio = ratio
        }
    }

    /// The date every entry carries, so that the same parts give the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01T00:00:00Z, the earliest ZIP date

    /// The package of `parts`, in their order.
    public static func archive(_ parts: [Part]) throws(Failure) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = part.data
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw Failure("the package was not kept in memory") }
            return bytes
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure("cannot make the package: \(error)")
        }
    }

    /// Every part of the package in `data`, by path, in the archive's order; refused when a limit is
    /// passed, an entry name is unsafe (absolute, `..`, a backslash, a control character), an entry is
    /// a link, two entries share a name, or the archive is not a readable ZIP.
    public static func parts(of data: Data, limits: Limits = Limits()) throws(Failure) -> [Part] {
        // Read from a file, never from ZIPFoundation's in-memory archive: its memory file traps when a hostile
        // archive makes it seek past the end (found by the `decision` fuzz target); a real file reads short.
        try PackageCheck.check(Array(data), limits: limits)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("orgscope-package-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        let url = directory.appendingPathComponent("package.zip")
        defer { try? FileManager.default.removeItem(at: directory) }
        let archive: Archive
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: url)
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw Failure("not a ZIP package (a .docx is one): \(error)")
        }
        var parts: [Part] = []
        var seen = Set<String>()
        var total = 0
        for entry in archive {
            guard parts.count < limits.entries else { throw Failure("more than \(limits.entries) entries in the package") }
            let path = entry.path
            try check(name: path)
            guard seen.insert(path).inserted else { throw Failure("the entry \(path) appears twice") }
            switch entry.type {
            case .directory: continue
            case .symlink: throw Failure("the entry \(path) is a link")
            case .file: break
            }
            let size = entry.uncompressedSize, packed = max(entry.compressedSize, 1)
            // An entry cannot hold more packed bytes than the whole package: one that claims to would have
            // ZIPFoundation read past the end of the file for ever (found by the `decision` fuzz target).
            guard entry.compressedSize <= UInt64(data.count), entry.isCompressed || size <= UInt64(data.count) else {
                throw Failure("the entry \(path) claims more bytes than the whole package holds: a corrupt or hostile archive")
            }
            guard size <= UInt64(limits.entrySize) else {
                throw Failure("the entry \(path) expands to \(size) bytes, over the limit of \(limits.entrySize)")
            }
            guard size < 65_536 || size / packed <= UInt64(limits.ratio) else {
                throw Failure("the entry \(path) expands \(size / packed) times, over the limit of \(limits.ratio) (a ZIP bomb?)")
            }
            var content = Data()
            var overflow = false
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    if content.count + chunk.count > limits.entrySize { overflow = true; return }
                    content.append(chunk)
                }
            } catch {
                throw Failure("the entry \(path) cannot be read: \(error)")
            }
            // The sizes in the archive's directory may lie; what was actually expanded is what counts.
            guard !overflow, content.count <= limits.entrySize else {
                throw Failure("the entry \(path) expands past the limit of \(limits.entrySize) bytes")
            }
            total += content.count
            guard total <= limits.totalSize else {
                throw Failure("the package expands past the limit of \(limits.totalSize) bytes")
            }
            parts.append(Part(path, data: content))
        }
        return parts
    }

    private static func check(name: String) throws(Failure) {
        let unsafe = name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.utf8.count > 1_024
            || name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
            || name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        if unsafe { throw Failure("unsafe entry name in the package: \(name.debugDescription)") }
    }
}
