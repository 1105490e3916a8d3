import Foundation
import OrgModel
import Testing

@testable import OrgImport

@Suite("Hostile input")
struct SecurityTests {
    @Test("A DOCTYPE with an external entity naming a local file is rejected; the file's content appears nowhere",
          arguments: ImportOptions.Backend.allCases)
    func externalEntity(backend: ImportOptions.Backend) throws {
        let path = TestFiles.fixture("xxe.xml")
        let secret = try String(contentsOfFile: TestFiles.fixture("secret.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let found = diagnostics(files: [path], options: ImportOptions(backend: backend))
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.message.contains(secret) })
        if backend == .sax {
            // The SAX2 path stops at the DOCTYPE itself. The text reader (kept only for measurement)
            // reads ahead and stops on libxml2's own refusal of the external entity instead.
            #expect(found.contains { $0.message.contains("DOCTYPE is not allowed") })
            #expect(positions(found) == ["2:1"])
        }
    }

    @Test("An entity-expansion bomb is rejected at once, before any entity is declared")
    func entityBomb() throws {
        let start = ContinuousClock.now
        let found = diagnostics(files: [TestFiles.fixture("bomb.xml")])
        let elapsed = ContinuousClock.now - start
        #expect(found.count == 1)
        #expect(found.first?.message.contains("DOCTYPE is not allowed") == true)
        #expect(positions(found) == ["2:1"])
        // 10^10 expansions would take minutes and gigabytes; rejection takes milliseconds. The bound is
        // loose on purpose (shared machines): it only separates "stopped" from "expanded".
        #expect(elapsed < .seconds(5))
    }

    @Test("Only the five predefined entities: an undeclared one is an error")
    func undeclaredEntity() throws {
        let path = try TestFiles.write(TestFiles.chart(#"  <unit id="a" name="&nbsp;" kind="committee"/>"#))
        let found = diagnostics(files: [path])
        #expect(found.count == 1)
        #expect(found[0].message.contains("nbsp"))
        #expect(found[0].location.line == 3)
    }

    @Test("Nesting deeper than the limit stops with a clear error")
    func depthLimit() throws {
        let depth = 12
        var body = ""
        for level in 0..<depth { body += "<unit id=\"u\(level)\" name=\"U\" kind=\"other\">" }
        for _ in 0..<depth { body += "</unit>" }
        let path = try TestFiles.write(TestFiles.chart(body))
        let found = diagnostics(files: [path], options: ImportOptions(maxDepth: 8))
        #expect(found.count == 1)
        #expect(found[0].message.contains("deeper than 8") && found[0].message.contains("--max-depth"))
        #expect(try OrgChartImporter(options: ImportOptions(maxDepth: 20)).load(files: [path]).chart.units.count == depth)
    }

    @Test("A file over the size limit is refused before it is parsed")
    func sizeLimit() throws {
        let path = TestFiles.fixture("valid-chart.xml")
        let found = diagnostics(files: [path], options: ImportOptions(maxFileSize: 100))
        #expect(found.count == 1)
        #expect(found[0].message.contains("over the limit") && found[0].message.contains("--max-file-size"))
    }

    @Test("A text over the limit is an error at its element, naming the option that raises it")
    func textLimit() throws {
        let long = String(repeating: "Quản lý nhà nước về giá ", count: 30)  // 720 characters, more bytes
        let path = try TestFiles.write(TestFiles.chart(
            "  <unit id=\"u\" name=\"U\" kind=\"department\"><duty id=\"u.1\">\(long)</duty><duty id=\"u.2\">Ngắn</duty></unit>"))
        var options = ImportOptions()
        options.maxTextLength = 700
        let found = diagnostics(files: [path], options: options)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("--max-text-length") == true)
        #expect(found.first?.message.contains("719 characters") == true)
        options.maxTextLength = 719
        #expect(diagnostics(files: [path], options: options).isEmpty)
    }

    @Test("An attribute value over the limit is an error at its element, in one pass and in split parts alike")
    func attributeLimit() throws {
        let name = String(repeating: "Phòng Quản lý nhà nước ", count: 25)  // 575 characters (the schema allows 1,000)
        let units = (0..<40).map { "  <unit id=\"u\($0)\" name=\"U\" kind=\"department\"><duty id=\"u\($0).1\">Việc \($0)</duty></unit>" }
        var lines = units
        lines[30] = "  <unit id=\"x\" name=\"X\" kind=\"department\"><unit id=\"x.1\" name=\"\(name)\" kind=\"division\"/></unit>"
        let path = try TestFiles.write(TestFiles.chart(lines.joined(separator: "\n")))
        for splitting in [ImportOptions.FileSplitting.off, .forced(parts: 4)] {
            var options = ImportOptions()
            options.fileSplitting = splitting
            options.maxTextLength = 500
            let found = diagnostics(files: [path], options: options)
            #expect(positions(found) == ["33:43"])
            #expect(found.first?.message == "attribute 'name' is 575 characters long, over the limit of 500 "
                + "(raise --max-text-length if it is meant to be that long)")
            options.maxTextLength = 575
            #expect(diagnostics(files: [path], options: options).isEmpty)
        }
    }

    @Test("The collection of diagnostics stops at its limit and says so")
    func diagnosticLimit() throws {
        let body = (0..<50).map { _ in "  <unit id=\"dup\" name=\"U\" kind=\"nope\"/>" }.joined(separator: "\n")
        let path = try TestFiles.write(TestFiles.chart(body))
        do throws(ImportError) {
            _ = try OrgChartImporter(options: ImportOptions(maxDiagnostics: 10)).load(files: [path])
            Issue.record("expected the import to fail")
        } catch {
            guard case .rejected(let found, let truncated) = error else { return }
            #expect(found.count == 10)
            #expect(truncated)
        }
    }
}

@Suite("Shipped schemas")
struct EmbeddedSchemasTests {
    @Test("The schemas compiled into the binary are the ones in orgdata/schema (run scripts/embed-schemas)")
    func inStep() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let normalise = { (text: String) in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
                .joined(separator: "\n").trimmingCharacters(in: .newlines)
        }
        for (name, text) in EmbeddedSchemas.all {
            let onDisk = try String(contentsOf: root.appendingPathComponent("orgdata/schema/\(name)"), encoding: .utf8)
            #expect(normalise(onDisk) == normalise(text), "\(name) differs: run scripts/embed-schemas")
        }
    }
}
