import Foundation
import OrgModel
import Testing

@testable import OrgImport

@Suite("Every input problem is reported with its file, line and column")
struct ImportErrorTests {
    @Test("Not well-formed XML")
    func notWellFormed() throws {
        let path = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A" kind="committee">
              </unitt>
            """))
        let found = diagnostics(files: [path])
        #expect(found.count == 1)
        #expect(positions(found) == ["4:11"])  // libxml2 points just past the mismatched name
        #expect(found[0].message.contains("mismatch"))
        #expect(found[0].location.file == path)
    }

    @Test("Bytes that are not UTF-8 in a file that declares none: one error on one line, saying what to do")
    func notUTF8() throws {
        var bytes = Array(TestFiles.chart(#"  <unit id="a" name="Sở A" kind="committee"/>"#).utf8)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "S")))
        bytes[at] = 0xC3  // a lead byte followed by "ở"'s lead byte: not UTF-8
        let found = diagnostics(files: [try TestFiles.write(Data(bytes), name: "latin.xml")])
        #expect(found.count == 1)
        #expect(positions(found) == ["3:22"])  // the bad byte
        #expect(found.first?.message.hasPrefix("the text is not valid UTF-8 (bytes 0xC3 0xE1") == true)
        #expect(found.first?.message.contains("encoding=") == true && found.first?.message.contains("\n") == false)
    }

    @Test("libxml2 messages become one readable line", arguments: [
        ("Input is not proper UTF-8, indicate encoding !\nBytes: 0xC3 0x28 0xFF 0x22\n",
         "the text is not valid UTF-8 (bytes 0xC3 0x28 0xFF 0x22): declare the file's real encoding in its XML "
            + "declaration (for example encoding=\"windows-1258\"), or save it as UTF-8"),
        ("Opening and ending tag mismatch: unit line 3 and unitt\n", "Opening and ending tag mismatch: unit line 3 and unitt"),
        ("first\n  second \n", "first second"),
    ])
    func readable(message: String, expected: String) {
        #expect(LibXMLMessage.readable(message) == expected)
    }

    @Test("A schema violation points at the element's start tag")
    func schemaViolation() throws {
        let path = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A" kind="committee">
                <unit id="b" name="B"
                      kind="dept"/>
                <duty>Một nhiệm vụ</duty>
              </unit>
              <unit id="c" name="C" kind="other"><leadership heads="-1"/></unit>
            """))
        let found = diagnostics(files: [path])
        #expect(positions(found) == ["4:5", "6:5", "8:38"])
        #expect(found[0].message.contains("'dept'"))
        #expect(!found[0].message.contains("urn:orgscope"))
        #expect(found[1].message.contains("duty"))
    }

    @Test("A missing required attribute")
    func missingAttribute() throws {
        let path = try TestFiles.write(TestFiles.chart(#"  <unit id="a" kind="committee"/>"#))
        let found = diagnostics(files: [path])
        #expect(positions(found) == ["3:3"])
        #expect(found[0].message.contains("name"))
    }

    @Test("Duplicate unit, duty and mandate ids, within a file and across files")
    func duplicates() throws {
        let first = try TestFiles.write(TestFiles.chart("""
              <mandates>
                <mandate id="M.1">Quản lý nhà nước về giá</mandate>
              </mandates>
              <unit id="a" name="A" kind="committee">
                <duty id="d.1">Một</duty>
                <duty id="d.1">Hai</duty>
              </unit>
            """), name: "first.xml")
        let second = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A lần hai" kind="committee"/>
            """), name: "second.xml")
        let catalog = try TestFiles.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <mandateCatalog xmlns="urn:orgscope:orgchart:1" id="c" name="C">
              <mandate id="M.1">Quản lý nhà nước về giá</mandate>
            </mandateCatalog>
            """, name: "catalog.xml")
        let found = diagnostics(files: [first, second], catalogs: [catalog])
        #expect(found.map(\.location.file) == [first, second, catalog])
        #expect(positions(found) == ["8:5", "3:3", "3:3"])
        #expect(found[0].message.contains("duplicate duty id 'd.1'") && found[0].message.contains("\(first):7:5"))
        #expect(found[1].message.contains("duplicate unit id 'a'") && found[1].message.contains("\(first):6:3"))
        #expect(found[2].message.contains("duplicate mandate id 'M.1'"))
    }

    @Test("Ids equal as strings are duplicates however they are spelt in bytes (NFC, KELVIN SIGN), long and short")
    func canonicallyEqualDuplicates() throws {
        // "d.\u{212A}" is "d.K" to Swift's ==; "é" precomposed and decomposed likewise; the long ids cross
        // the hash's eight-byte words.
        let long = String(repeating: "nhiệm-vụ.", count: 5)
        let path = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A" kind="committee">
                <duty id="d.K">Một</duty>
                <duty id="d.\u{212A}">Hai</duty>
                <duty id="d.\u{E9}">Ba</duty>
                <duty id="d.e\u{301}">Bốn</duty>
                <duty id="\(long)x">Năm</duty>
                <duty id="\(long.decomposedStringWithCanonicalMapping)x">Sáu</duty>
                <duty id="\(long)y">Bảy</duty>
              </unit>
              <unit id="\u{212B}" name="B" kind="committee"/>
              <unit id="\u{C5}" name="C" kind="committee"/>
              <unit id="e1" name="E1" kind="committee"/>
              <unit id="f" name="F" kind="committee"><duty id="x">Tám</duty><duty id="z">Chín</duty></unit>
              <unit id="e2" name="E2" kind="committee"/>
              <unit id="g" name="G" kind="committee"><duty id="y">Mười</duty><duty id="z">Mười một</duty></unit>
            """))
        let found = diagnostics(files: [path])
        #expect(positions(found) == ["5:5", "7:5", "9:5", "13:3", "17:66"])
        #expect(found.allSatisfy { $0.message.contains("duplicate") })
        // The earlier duty is found in its own unit past units without duties.
        #expect(found.last?.message.hasSuffix("first defined at \(path):15:65") == true, "\(found.last?.message ?? "")")
        for (a, b) in [("K", "\u{212A}"), ("\u{E9}", "e\u{301}"), (long, long.decomposedStringWithCanonicalMapping),
                       ("ab", "ab")] {
            #expect(ReferenceDigest.hash(of: DutyID(a)) == ReferenceDigest.hash(of: DutyID(b)))
        }
        #expect(ReferenceDigest.hash(of: DutyID("")) == ReferenceDigest.emptyID)
        // Different ids of every length up to three words hash apart (no collision among these 400).
        let hashes = Set((0..<400).map { ReferenceDigest.hash(of: DutyID(String(repeating: "a", count: $0 % 25) + "\($0)")) })
        #expect(hashes.count == 400)
    }

    @Test("References that name no such id, with a suggestion when one id is a typo away")
    func unresolved() throws {
        let path = try TestFiles.write(TestFiles.chart("""
              <mandates><mandate id="NV.01">Tổ chức bộ máy</mandate></mandates>
              <unit id="ubnd" name="UBND" kind="committee"/>
              <unit id="snv" name="Sở Nội vụ" kind="department" parent="ubdn">
                <duty id="snv.1" mandate="NV.1">Thẩm định</duty>
                <duty id="snv.2" mandate="XX.99">Khác</duty>
              </unit>
            """))
        let found = diagnostics(files: [path])
        #expect(positions(found) == ["5:3", "6:5", "7:5"])
        #expect(found[0].message.contains("parent 'ubdn'") && found[0].message.contains("did you mean 'ubnd'"))
        #expect(found[1].message.contains("mandate 'NV.1'") && found[1].message.contains("did you mean 'NV.01'"))
        #expect(!found[2].message.contains("did you mean"))
    }

    @Test("parent on a nested unit")
    func parentOnNestedUnit() throws {
        let path = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A" kind="committee">
                <unit id="b" name="B" kind="department" parent="a"/>
              </unit>
            """))
        let found = diagnostics(files: [path])
        #expect(positions(found) == ["4:5"])
        #expect(found[0].message.contains("only for top-level units"))
    }

    @Test("vacantHeads above heads is an error at the leadership element; at most heads loads")
    func vacantHeadsAboveHeads() throws {
        let path = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A" kind="department">
                <leadership heads="1" vacantHeads="2" deputies="1"/>
                <unit id="b" name="B" kind="division"><leadership vacantHeads="1"/></unit>
                <unit id="c" name="C" kind="division"><leadership heads="2" vacantHeads="1"/></unit>
              </unit>
            """))
        let found = diagnostics(files: [path])
        #expect(positions(found) == ["4:5", "5:43"])
        #expect(found[0].message.contains("vacantHeads=\"2\"") && found[0].message.contains("'a'"))
        #expect(found[1].message.contains("no heads attribute"))
        #expect(found[0].description.hasPrefix("\(path):4:5: error:"))

        let fine = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A" kind="department" ><leadership heads="1" vacantHeads="1"/></unit>
            """, attributes: " illustrative=\"true\""))
        let chart = try OrgChartImporter().load(files: [fine]).chart
        #expect(chart.units[0].leadership == Leadership(heads: 1, deputies: nil, vacantHeads: 1))
        #expect(chart.units[0].leadership?.filledHeads == 0)
        #expect(chart.illustrative)
        let plain = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A" kind="department"><leadership heads="1"/></unit>
            """))
        let old = try OrgChartImporter().load(files: [plain]).chart
        #expect(!old.illustrative)
        #expect(old.units[0].leadership?.vacantHeads == nil)
    }

    @Test("A cycle of parent references is reported once, at its first unit")
    func cycle() throws {
        let path = try TestFiles.write(TestFiles.chart("""
              <unit id="root" name="R" kind="committee"/>
              <unit id="x" name="X" kind="department" parent="z"/>
              <unit id="y" name="Y" kind="department" parent="x"/>
              <unit id="z" name="Z" kind="department" parent="y">
                <unit id="z.1" name="Z1" kind="division"/>
              </unit>
              <unit id="self" name="S" kind="department" parent="self"/>
            """))
        let found = diagnostics(files: [path])
        #expect(positions(found) == ["4:3", "9:3"])
        #expect(found[0].message.contains("x → z → y → x"))
        #expect(found[1].message.contains("self → self"))
    }

    @Test("All problems of all files in one run, sorted by file order, line and column")
    func allAtOnce() throws {
        let bad = try TestFiles.write(TestFiles.chart("""
              <unit id="a" name="A" kind="nope"/>
              <unit id="a" name="B" kind="other" parent="ghost"/>
            """), name: "b.xml")
        let alsoBad = try TestFiles.write(TestFiles.chart(#"  <unit id="c" name="C" kind="other" parent="a"><duty mandate="none">x</duty></unit>"#),
                                          name: "a.xml")
        let found = diagnostics(files: [bad, alsoBad])
        #expect(found.map(\.location.file) == [bad, bad, bad, alsoBad])
        #expect(positions(found) == ["3:3", "4:3", "4:3", "3:49"])
    }

    @Test("A file that cannot be read, an empty file, a directory")
    func unreadable() throws {
        let missing = "/nonexistent/orgscope/chart.xml"
        #expect(diagnostics(files: [missing]).first?.message.contains("cannot open") == true)
        let empty = try TestFiles.write("", name: "empty.xml")
        #expect(diagnostics(files: [empty]).first?.message.contains("empty") == true)
        let directory = (empty as NSString).deletingLastPathComponent
        #expect(diagnostics(files: [directory]).first?.message.contains("directory") == true)
    }

    @Test("A root element from another vocabulary")
    func foreignRoot() throws {
        let path = try TestFiles.write("<?xml version=\"1.0\"?>\n<html><body/></html>\n")
        let found = diagnostics(files: [path])
        #expect(found.contains { $0.message.contains("<orgChart xmlns=\"urn:orgscope:orgchart:1\">") })
        #expect(found.allSatisfy { $0.location.line == 2 })
    }

    @Test("A chart passed with --mandates, and catalogues alone, are errors")
    func wrongKinds() throws {
        let chart = TestFiles.fixture("valid-chart.xml")
        let catalog = TestFiles.fixture("valid-catalog.xml")
        #expect(diagnostics(files: [chart], catalogs: [chart]).contains { $0.message.contains("--mandates expects") })
        #expect(diagnostics(files: [catalog]).contains { $0.message.contains("no <orgChart>") })
    }
}
