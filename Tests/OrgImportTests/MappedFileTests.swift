import Foundation
import Glibc
import Testing

@testable import OrgImport

@Suite("Memory-mapped input")
struct MappedFileTests {
    /// A 64 KiB file of spaces named after `stem`, mapped, then cut to nothing as another program would
    /// (the pages past the new end are gone); the process exits 3 or 4 when it cannot set this up.
    static func mappedThenCut(_ stem: String) -> MappedFile {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(stem)-\(getpid()).xml").path
        guard FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 64 << 10)),
              let mapped = MappedFile(path: path) else { exit(3) }
        guard truncate(path, 0) == 0 else { exit(4) }
        return mapped
    }

    @Test("A file truncated by another program while mapped ends the run with an error naming it, exit 2, not a crash")
    func truncatedWhileMapped() async throws {
        let result = await #expect(processExitsWith: .exitCode(2), observing: [\.standardErrorContent]) {
            // What orgscope's Main sets at start-up.
            TruncatedFileNotice.current = TruncatedFileNotice(exitStatus: 2) { path in
                "\(path): error: the file was truncated by another program while orgscope was reading it; run again "
                    + "once it is complete\norgscope: 1 error; nothing was analysed and no report was written\n"
            }
            let mapped = Self.mappedThenCut("orgscope-truncated")
            let byte = mapped.bytes[40 << 10]  // SIGBUS here
            exit(byte == 0x20 ? 5 : 6)
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("orgscope-truncated-") && stderr.contains(".xml: error: the file was truncated"))
        #expect(stderr.hasSuffix("orgscope: 1 error; nothing was analysed and no report was written\n"))
    }

    @Test("The library's own notice is one neutral line naming the file, and EXIT_FAILURE")
    func standardNotice() async throws {
        let result = await #expect(processExitsWith: .exitCode(EXIT_FAILURE), observing: [\.standardErrorContent]) {
            let mapped = Self.mappedThenCut("orgscope-standard")
            let byte = mapped.bytes[40 << 10]  // SIGBUS here
            exit(byte == 0x20 ? 5 : 6)
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("orgscope-standard-")
            && stderr.hasSuffix(".xml: error: the file was truncated by another program while it was being read\n"))
        #expect(!stderr.contains("nothing was analysed"))
    }

    @Test("An unguarded SIGBUS still crashes: the guard covers only the mapping")
    func otherSignalsUntouched() async {
        await #expect(processExitsWith: .signal(SIGBUS)) {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-guarded-\(getpid()).xml").path
            // Installs the handler, then raises SIGBUS at an address outside every mapping.
            guard FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 4096)),
                  MappedFile(path: path) != nil else { exit(3) }
            raise(SIGBUS)
            exit(0)
        }
    }

    @Test("The pre-scan's mapping holds the same bytes, and pages given back read the same again")
    func scanMapping() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-scan-\(getpid()).xml").path
        let content = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) })
        #expect(FileManager.default.createFile(atPath: path, contents: content))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapped = try #require(MappedFile(path: path))
        #expect(mapped.scanBytes.baseAddress != mapped.bytes.baseAddress)
        #expect(mapped.scanBytes.elementsEqual(content) && mapped.bytes.elementsEqual(content))
        mapped.releaseScanned(0..<(2 << 20))
        mapped.release(4096..<(3 << 20))
        #expect(mapped.scanBytes.elementsEqual(content) && mapped.bytes.elementsEqual(content))
    }

    @Test("A truncation seen through the pre-scan's mapping is guarded too")
    func truncatedScanMapping() async throws {
        await #expect(processExitsWith: .exitCode(EXIT_FAILURE)) {
            let mapped = Self.mappedThenCut("orgscope-scan-cut")
            let byte = mapped.scanBytes[40 << 10]  // SIGBUS here
            exit(byte == 0x20 ? 5 : 6)
        }
    }
}

