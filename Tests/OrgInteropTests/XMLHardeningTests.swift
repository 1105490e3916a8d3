import Foundation
import OrgModel
import Testing

@testable import OrgInterop

@Suite("Hostile and broken ArchiMate input")
struct XMLHardeningTests {
    @Test("A DOCTYPE with an external entity is refused at the DOCTYPE; the file it names is never read")
    func externalEntity() throws {
        let secret = try TestFiles.write("TOP-SECRET-\(UUID().uuidString)", name: "secret.txt")
        let path = try TestFiles.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE model [ <!ENTITY xxe SYSTEM "file://\(secret)"> ]>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&xxe;</name></model>
            """)
        let found = importErrors(path)
        #expect(positions(found) == ["2:1"])
        #expect(found[0].message.contains("DOCTYPE is not allowed"))
        #expect(found.allSatisfy { !$0.message.contains("TOP-SECRET") })
    }

    @Test("Bytes the declared encoding cannot decode, or that are not UTF-8: one error each, on one line, saying what to do")
    func undecodable() throws {
        let model = #"<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>"#
        let shiftJIS = try TestFiles.write(Data(Array(#"<?xml version="1.0" encoding="Shift_JIS"?>"#.utf8) + [0x0A]
            + Array(model.utf8) + [0x81, 0xFF, 0xFE] + Array("</name></model>\n".utf8)), name: "sjis.xml")
        let found = importErrors(shiftJIS)
        #expect(found.count == 1)
        #expect(found.first?.location.line ?? 0 >= 1)
        #expect(found.first?.message.contains("0x81 0xFF") == true && found.first?.message.contains("save the file as UTF-8") == true)
        let latin = try TestFiles.write(Data(Array("<?xml version=\"1.0\"?>\n".utf8) + Array(model.utf8) + [0xC3, 0x28]
            + Array("</name></model>\n".utf8)), name: "latin.xml")
        let notUTF8 = importErrors(latin)
        #expect(notUTF8.count == 1)
        #expect(notUTF8.first?.message.hasPrefix("the text is not valid UTF-8 (bytes 0xC3 0x28") == true)
        #expect(notUTF8.allSatisfy { !$0.message.contains("\n") })
    }

    @Test("The DOCTYPE is refused before its internal subset is read: a broken subset raises no error of its own")
    func subsetNeverRead() throws {
        let path = try TestFiles.write("""
            <?xml version="1.0"?>
            <!DOCTYPE model [ <!ENTITY broken <<<< ]>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"/>
            """)
        let found = importErrors(path)
        #expect(found.count == 1 && found[0].message.contains("DOCTYPE is not allowed"))
    }

    @Test("An entity-expansion bomb is refused before any entity is declared")
    func bomb() throws {
        var entities = #"<!ENTITY l0 "ha">"#
        for level in 1...10 { entities += "\n<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        let path = try TestFiles.write("""
            <?xml version="1.0"?>
            <!DOCTYPE model [
            \(entities)
            ]>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&l10;</name></model>
            """)
        let start = ContinuousClock.now
        let found = importErrors(path)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(found.count == 1 && found[0].message.contains("DOCTYPE"))
    }

    @Test("Not well-formed: libxml2's error with its line and column, nothing else")
    func notWellFormed() throws {
        let path = try TestFiles.write("""
            <?xml version="1.0"?>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">
              <name>x</nam>
            </model>
            """)
        let found = importErrors(path)
        #expect(found.first?.severity == .error)
        #expect(found.first.map { "\($0.location.line):\($0.location.column)" } == "3:16")
        #expect(found.first?.message.contains("mismatch") == true)
    }

    @Test("An undeclared entity is an error (only the five predefined ones exist)")
    func undeclaredEntity() throws {
        let path = try TestFiles.write(TestFiles.model3(
            #"    <element identifier="a" xsi:type="BusinessActor"><name>&nbsp;</name></element>"#))
        let found = importErrors(path)
        #expect(found.contains { $0.message.contains("nbsp") && $0.location.line == 5 })
    }

    @Test("Nesting deeper than the limit stops with an error at the offending tag")
    func depth() throws {
        let head = #"<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">"#
        let path = try TestFiles.write("<?xml version=\"1.0\"?>\n" + head + String(repeating: "<a>", count: 20)
            + String(repeating: "</a>", count: 20) + "</model>\n")
        let found = importErrors(path, options: InteropOptions(maxDepth: 10))
        #expect(found.count == 1 && found[0].message.contains("deeper than 10"))
        // model is level 1, so the 10th <a> is level 11.
        #expect(positions(found) == ["2:\(head.count + 9 * 3 + 1)"])
    }

    @Test("A file over the size limit is refused before it is read")
    func size() throws {
        let path = try TestFiles.write(TestFiles.model3(""))
        let found = importErrors(path, options: InteropOptions(maxFileSize: 100))
        #expect(found.count == 1 && found[0].message.contains("over the limit"))
    }

    @Test("Columns count characters, not bytes, on lines with Vietnamese text")
    func columns() throws {
        let path = try TestFiles.write(TestFiles.model3(
            #"    <element identifier="a" xsi:type="BusinessActor"><name>Sở Nội vụ</name></element><element identifier="x" xsi:type="Junction"/>"#))
        let result = try ArchiMateImporter().load(path: path)
        // 4 spaces, <element ...> (49), <name> (6), "Sở Nội vụ" (9 characters, 15 bytes), </name> (7), </element> (10).
        #expect(positions(result.warnings) == ["5:86"])
    }
}
