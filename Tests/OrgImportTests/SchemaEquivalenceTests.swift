import Foundation
import OrgModel
import Testing

@testable import OrgImport

/// The schema check in code (``ChartSchemaCheck``) against libxml2's XSD validator with the shipped
/// `orgchart-1.xsd`: both must accept and reject the same documents, over every fixture, the shipped
/// charts and catalogues, and a few hundred mutations of a small valid chart.
///
/// libxml2 is the reference where it reads XSD 1.0 in its own way; `xmllint --schema` on the fixture
/// files checks that the XSD path is that reference.
@Suite("Schema check in code agrees with libxml2's XSD validator")
struct SchemaEquivalenceTests {
    /// A handler that keeps nothing: the schema verdicts alone, without the builder's own checks.
    private final class NoHandler: XMLEventHandler {
        var wantsCharacters: Bool { false }
        func startElement(_ tag: XMLStartTag, at position: TagPosition) {}
        func endElement() {}
        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }

    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Errors of one file, checked by the schema alone (code or XSD), well-formedness included.
    static func schemaErrors(_ path: String, mode: ImportOptions.SchemaCheckMode, schema: CompiledSchema?) -> [String] {
        let options = ImportOptions(fileSplitting: .off)
        let collector = DiagnosticCollector(limit: 1000)
        let sink = NoHandler()
        let handler: any XMLEventHandler = mode == .code
            ? ChartSchemaCheck(next: sink, file: path, diagnostics: collector) : sink
        let parser = SAXDocumentParser(path: path, file: path, options: options, diagnostics: collector,
                                       handler: handler)
        _ = parser.parse(schema: mode == .xsd ? schema : nil)
        return collector.items.filter { $0.severity == .error }.map(\.description)
    }

    /// Errors of a whole import (the builder's and the references' checks included).
    static func importErrors(_ files: [String], catalogs: [String] = [], mode: ImportOptions.SchemaCheckMode,
                             backend: ImportOptions.Backend = .sax) -> [String] {
        var options = ImportOptions(backend: backend, fileSplitting: .off)
        options.schemaCheck = mode
        return diagnostics(files: files, catalogs: catalogs, options: options)
            .filter { $0.severity == .error }.map(\.description)
    }

    /// Every disagreement between the two paths over `files`, with both lists of diagnostics.
    static func disagreements(_ files: [(label: String, path: String)]) -> [String] {
        let collector = DiagnosticCollector()
        guard let schema = CompiledSchema.orgChart(diagnostics: collector) else { return ["the XSD does not compile"] }
        var found: [String] = []
        for (label, path) in files {
            let code = schemaErrors(path, mode: .code, schema: schema)
            let xsd = schemaErrors(path, mode: .xsd, schema: schema)
            if code.isEmpty != xsd.isEmpty {
                found.append("\(label): code \(code.isEmpty ? "accepts" : "rejects"), XSD \(xsd.isEmpty ? "accepts" : "rejects")"
                    + "\n  code: \(code)\n  xsd:  \(xsd)")
            }
            let codeImport = importErrors([path], mode: .code)
            let xsdImport = importErrors([path], mode: .xsd)
            if codeImport.isEmpty != xsdImport.isEmpty {
                found.append("\(label) (import): code \(codeImport)\n  xsd: \(xsdImport)")
            }
            let readerImport = importErrors([path], mode: .code, backend: .reader)
            if readerImport.isEmpty != xsdImport.isEmpty {
                found.append("\(label) (import, text reader): code \(readerImport)\n  xsd: \(xsdImport)")
            }
        }
        return found
    }

    static func fixtureFiles() -> [(label: String, path: String)] {
        var files: [(String, String)] = []
        let manager = FileManager.default
        let tests = root.appendingPathComponent("Tests")
        for target in (try? manager.contentsOfDirectory(atPath: tests.path)) ?? [] {
            let fixtures = tests.appendingPathComponent(target).appendingPathComponent("Fixtures")
            guard let walker = manager.enumerator(atPath: fixtures.path) else { continue }
            for case let name as String in walker where name.hasSuffix(".xml") {
                let fuzz = name.hasPrefix("fuzz/")
                let file = (name as NSString).lastPathComponent
                if fuzz, !(file.hasPrefix("chart-") || file.hasPrefix("catalog-")) { continue }
                files.append(("\(target)/Fixtures/\(name)", fixtures.appendingPathComponent(name).path))
            }
        }
        // A fuzzing corpus of charts and catalogues, when scripts/fuzz has made one on this machine.
        let work = ProcessInfo.processInfo.environment["ORGSCOPE_FUZZ_WORK"] ?? "/tmp/orgscope-fuzz"
        for target in ["chart", "catalog"] {
            let corpus = "\(work)/\(target)/corpus"
            for name in ((try? manager.contentsOfDirectory(atPath: corpus)) ?? []).sorted().prefix(2000) {
                files.append(("fuzz corpus \(target)/\(name)", "\(corpus)/\(name)"))
            }
        }
        let orgdata = root.appendingPathComponent("orgdata")
        if let walker = manager.enumerator(atPath: orgdata.path) {
            for case let name as String in walker where name.hasSuffix(".xml") && !name.hasPrefix("proposals/") {
                files.append(("orgdata/\(name)", orgdata.appendingPathComponent(name).path))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test("Every fixture, shipped chart and catalogue gets the same verdict from both paths")
    func fixtures() throws {
        let files = Self.fixtureFiles()
        #expect(files.count >= 15, "fixtures found: \(files.map(\.label))")
        let found = Self.disagreements(files)
        #expect(found.isEmpty, "\(found.count) disagreements:\n\(found.joined(separator: "\n"))")
    }

    @Test("A few hundred mutations of a small valid chart get the same verdict from both paths")
    func mutations() throws {
        let mutations = SchemaMutations.all()
        #expect(mutations.count >= 300)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-equiv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [(label: String, path: String)] = []
        for (index, mutation) in mutations.enumerated() {
            let path = directory.appendingPathComponent("m\(index).xml").path
            try Data(mutation.text.utf8).write(to: URL(fileURLWithPath: path))
            files.append((mutation.label, path))
        }
        let found = Self.disagreements(files)
        #expect(found.isEmpty, "\(found.count) disagreements:\n\(found.joined(separator: "\n"))")
        // The mutations must exercise both verdicts.
        let rejected = files.filter { !Self.schemaErrors($0.path, mode: .code, schema: nil).isEmpty }.count
        #expect(rejected > 200 && rejected < files.count - 30, "rejected \(rejected) of \(files.count)")
    }

    @Test("Byte-level mutations of the fixtures (a fuzzer's moves, seeded) get the same verdict from both paths")
    func byteMutations() throws {
        let sources = [SchemaMutations.base, SchemaMutations.catalog,
                       try String(contentsOfFile: TestFiles.fixture("valid-chart.xml"), encoding: .utf8),
                       try String(contentsOfFile: TestFiles.fixture("valid-catalog.xml"), encoding: .utf8)]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [(label: String, path: String)] = []
        var random = SchemaMutations.SeededRandom(seed: 20)
        for index in 0..<400 {
            let (label, bytes) = SchemaMutations.byteMutation(of: Array(sources[index % sources.count].utf8), using: &random)
            let path = directory.appendingPathComponent("b\(index).xml").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            files.append(("bytes \(index) (source \(index % sources.count)): \(label)", path))
        }
        let found = Self.disagreements(files)
        #expect(found.isEmpty, "\(found.count) disagreements:\n\(found.joined(separator: "\n"))")
        let accepted = files.filter { Self.schemaErrors($0.path, mode: .code, schema: nil).isEmpty }.count
        #expect(accepted > 20, "accepted \(accepted) of \(files.count)")
    }

    @Test("xmllint --schema agrees with the XSD path on the fixture files")
    func xmllint() throws {
        let xmllint = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: xmllint) else {
            Issue.record("xmllint is missing: apt-get install libxml2-utils")
            return
        }
        let xsd = Self.root.appendingPathComponent("orgdata/schema/orgchart-1.xsd").path
        let collector = DiagnosticCollector()
        let schema = try #require(CompiledSchema.orgChart(diagnostics: collector))
        var found: [String] = []
        for (label, path) in Self.fixtureFiles() {
            let text = (try? String(contentsOfFile: path, encoding: .isoLatin1)) ?? ""
            if text.contains("<!DOCTYPE") { continue }  // orgscope refuses any DOCTYPE; xmllint reads it
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xmllint)
            process.arguments = ["--noout", "--nonet", "--schema", xsd, path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let ours = Self.schemaErrors(path, mode: .xsd, schema: schema)
            if (process.terminationStatus == 0) != ours.isEmpty {
                found.append("\(label): xmllint exit \(process.terminationStatus), XSD path \(ours)")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
