import Foundation
import Glibc

/// Writes a file so that readers only ever see the old content or the new, never a mix: a temporary
/// file in the same directory, fsync, rename over the target, fsync of the directory.
/// Used by ``ReportWriter`` for every file orgscope writes.
enum AtomicFile {
    /// Why a file could not be written; the previous file, if any, is untouched.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes the bytes `file` hands over, piece by piece, in order: a report made in pieces is never
    /// held whole in memory.
    static func write(to path: String, force: Bool, file: ReportFile) throws(Failure) {
        var status = stat()
        if lstat(path, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFLNK, !force {
                throw Failure(description: "\(path) is a symbolic link; refusing to write through it "
                    + "(use --force to replace the link's target)")
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw Failure(description: "\(path) is a directory; give a file name for the report")
            }
        }
        let target = force ? resolved(path) : path
        let directory = (target as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        var template = Array("\(folder)/.orgscope-\((target as NSString).lastPathComponent).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create a file in \(folder): \(String(cString: strerror(errno)))")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        do {
            try file.writeBytes { buffer in
                guard failure == nil, let base = buffer.baseAddress else { return }
                var written = 0
                while written < buffer.count {
                    let result = Glibc.write(descriptor, base + written, buffer.count - written)
                    if result < 0 {
                        if errno == EINTR { continue }
                        failure = String(cString: strerror(errno))
                        return
                    }
                    written += result
                }
            }
        } catch {
            failure = error.description
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fchmod(descriptor, existingMode(target) ?? 0o644) != 0 {
            failure = String(cString: strerror(errno))
        }
        close(descriptor)
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(failure); the previous file, if any, is untouched")
        }
        let directoryDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func existingMode(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o777
    }

    private static func resolved(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else { return path }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
