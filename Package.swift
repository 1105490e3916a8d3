// swift-tools-version:6.0
import PackageDescription
#if os(Linux)
import Glibc
#endif

/// The `orgscope` binary is linked by `lld` with packed relative relocations (DT_RELR) where the C library
/// that will load it reads them (glibc 2.36 and later: Debian 12 has 2.36): its 90,000 relocations then
/// take 17 KB instead of 2.1 MB, which the loader reads at every start. Measured: about 1 MiB less resident
/// memory for every command (`orgscope --version`, and the peak of `analyze` on the 19 MB benchmark chart),
/// and 0.3 ms less start-up. Elsewhere (an older glibc, another system) the default linker is used.
let packedRelocations: [LinkerSetting] = {
    #if os(Linux)
    var buffer = [CChar](repeating: 0, count: 64)  // "glibc 2.36"
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return [] }
    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        .split(separator: " ").last.map(String.init) ?? ""
    let version = text.split(separator: ".").compactMap { Int($0) }
    guard version.count >= 2, (version[0], version[1]) >= (2, 36) else { return [] }
    return [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"])]
    #else
    return []
    #endif
}()

let package = Package(
    name: "orgscope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "orgscope", targets: ["orgscope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Rules files are YAML, the convention of lint tools (SwiftLint, Periphery); Yams is the Swift
        // YAML parser with node positions, so a bad rules file can be reported at its line.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Word documents (.docx) are ZIP packages; ZIPFoundation reads and writes them in memory with zlib
        // (Debian's zlib1g-dev), so that orgscope writes no ZIP code of its own.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The findings register is one SQLite file; GRDB gives its migrations, WAL pool and typed errors on
        // Debian's libsqlite3-dev (measured here: builds on Linux, first debug build about a minute).
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // zlib's inflate, for OfficePackage to check every entry's deflate stream ends inside its bytes before
        // ZIPFoundation reads it (ZIPFoundation loops for ever on a stream that does not: found by fuzzing).
        .systemLibrary(name: "COrgZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenSSL's libcrypto (libssl-dev): the SHA-256 of the files a review records (issue 19).
        .systemLibrary(name: "COrgCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "OrgModel"),
        .target(
            name: "OrgImport",
            dependencies: ["OrgModel", "CLibXML2", "Yams"]
        ),
        .target(name: "OrgAnalysis", dependencies: ["OrgModel"]),
        // Office Open XML packages: the one owner of ZIPFoundation; WordprocessingML written by orgscope.
        .target(name: "OrgOffice", dependencies: ["OrgModel", "COrgZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "OrgReport", dependencies: ["OrgModel", "OrgAnalysis", "OrgOffice", "OrgRegister"]),
        // The findings register (issue 19): the one owner of GRDB.
        .target(name: "OrgRegister", dependencies: ["OrgModel", "OrgAnalysis", "COrgCrypto", .product(name: "GRDB", package: "GRDB.swift")]),
        // ArchiMate exchange files and the province's decisions (.docx, text) in, CSV staffing merged,
        // W3C Organization Ontology (JSON-LD) out.
        .target(name: "OrgInterop", dependencies: ["OrgModel", "OrgImport", "OrgOffice"]),
        .executableTarget(
            name: "orgscope",
            dependencies: [
                "OrgModel", "OrgImport", "OrgAnalysis", "OrgReport", "OrgInterop", "OrgRegister",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: packedRelocations
        ),
        .executableTarget(name: "orgscope-eval", dependencies: ["OrgAnalysis", "OrgImport", "OrgModel"]),
        // libFuzzer targets over the importers (scripts/fuzz); an ordinary build replays saved inputs.
        .executableTarget(name: "orgscope-fuzz", dependencies: ["OrgAnalysis", "OrgImport", "OrgInterop", "OrgModel", "OrgRegister", "OrgReport"]),
        .testTarget(name: "OrgModelTests", dependencies: ["OrgModel"]),
        .testTarget(
            name: "OrgImportTests",
            dependencies: ["OrgImport", "OrgModel"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "OrgAnalysisTests",
            dependencies: ["OrgAnalysis", "OrgImport", "OrgModel", "OrgReport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "OrgReportTests", dependencies: ["OrgReport", "OrgAnalysis", "OrgModel", "OrgOffice", "OrgImport"],
                    exclude: ["Golden"]),
        .testTarget(name: "orgscopeTests", dependencies: ["OrgModel"]),
        .testTarget(name: "OrgRegisterTests", dependencies: ["OrgRegister", "OrgAnalysis", "OrgModel", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
        .testTarget(
            name: "OrgInteropTests",
            dependencies: ["OrgInterop", "OrgModel", "OrgImport", "OrgOffice"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
