import CLibXML2
import Glibc

/// A regular file mapped read-only into memory, unmapped when the value goes away.
///
/// The split import reads one large file from several threads at once; a mapping lets every thread
/// read its own part without copies or shared file offsets, and the pre-scan read the whole file
/// without a buffer of its own. Pages are shared with the page cache, so mapping a file costs no
/// memory of its own; but every page a mapping has touched counts in the process's resident memory
/// until it is given back. The pre-scan therefore reads through a second mapping of its own
/// (``scanBytes``) and gives back what it has passed (``releaseScanned(_:)``): it runs far ahead of
/// the parsers, and through their mapping it would make the whole file resident at once.
///
/// Another process that truncates the file while it is mapped makes reads past the new end raise
/// SIGBUS; the mapping is guarded (`mapped-read-guard.h`), so that ends the run with the
/// ``TruncatedFileNotice`` in force when the file was mapped (a message naming the file, and an exit
/// status), not a crash.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes (read-only; valid while this object lives).
    let bytes: UnsafeRawBufferPointer
    /// The same bytes through a second mapping of the same open file, for the pre-scan alone.
    let scanBytes: UnsafeRawBufferPointer
    private let guardSlot: Int32
    private let scanGuardSlot: Int32

    /// Maps `path`; nil when it cannot be opened, is not a regular file, is empty, or cannot be mapped
    /// (the caller then reads it the ordinary way, which reports the reason).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else {
            return nil
        }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            return nil
        }
        guard let scanAddress = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), scanAddress != MAP_FAILED else {
            munmap(address, size)
            return nil
        }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        _ = madvise(scanAddress, size, MADV_SEQUENTIAL)
        bytes = UnsafeRawBufferPointer(start: address, count: size)
        scanBytes = UnsafeRawBufferPointer(start: scanAddress, count: size)
        let notice = TruncatedFileNotice.current
        guardSlot = orgscope_guard_mapping(address, size, notice.message(path), notice.exitStatus)
        scanGuardSlot = orgscope_guard_mapping(scanAddress, size, notice.message(path), notice.exitStatus)
    }

    /// Bytes read past before their pages are given back (``release(_:)``).
    static let releaseStep = 1 << 20

    /// Gives back the pages wholly inside `range` (`MADV_DONTNEED`): the import reads each byte once, and
    /// without this every page of the file it has read would count in its resident memory until the
    /// whole file is parsed (183 MiB of a 192 MB chart). The file is mapped private and read-only, so a
    /// page read again later is simply faulted in again from the page cache, with the same bytes. (Only
    /// the parts' readers give pages back here: the pre-scan has its own mapping, ``releaseScanned(_:)``.)
    func release(_ range: Range<Int>) {
        Self.release(range, of: bytes)
    }

    /// Gives back the pages of the pre-scan's mapping wholly inside `range`.
    func releaseScanned(_ range: Range<Int>) {
        Self.release(range, of: scanBytes)
    }

    private static func release(_ range: Range<Int>, of bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (max(range.lowerBound, 0) + page - 1) / page * page
        let end = min(range.upperBound, bytes.count) / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    deinit {
        orgscope_unguard_mapping(guardSlot)
        orgscope_unguard_mapping(scanGuardSlot)
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        if let base = scanBytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), scanBytes.count) }
    }
}
