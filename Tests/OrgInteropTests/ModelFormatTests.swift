import Foundation
import Testing

@testable import OrgInterop

@Suite("Sniffing the format from the root element")
struct ModelFormatTests {
    @Test("The root namespace decides", arguments: [
        (#"<?xml version="1.0"?><model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"/>"#, ModelFormat.archiMate3),
        (#"<model xmlns="http://www.opengroup.org/xsd/archimate/3.1/"/>"#, .archiMate3),
        (#"<?xml version="1.0"?><!-- x --><model xmlns="http://www.opengroup.org/xsd/archimate" identifier="m"/>"#, .archiMate21),
        (#"<a:model xmlns:a="http://www.opengroup.org/xsd/archimate/3.0/"/>"#, .archiMate3),
        (#"<orgChart xmlns="urn:orgscope:orgchart:1" id="x"/>"#, .other),
        (#"<model xmlns="http://www.archimatetool.com/archimate"/>"#, .other),
        (#"<model identifier="m"/>"#, .other),
        ("not xml at all", .other),
    ])
    func sniff(text: String, expected: ModelFormat) {
        #expect(ModelFormat.sniff(prefix: Array(text.utf8)) == expected)
    }

    @Test("A DOCTYPE with an internal subset before the root does not hide it")
    func doctype() {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE model [ <!ENTITY a \"b\"> ]>\n"
            + #"<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"/>"#
        #expect(ModelFormat.sniff(prefix: Array(text.utf8)) == .archiMate3)
    }

    @Test("UTF-16 with a byte-order mark is sniffed too")
    func utf16() {
        let text = #"<model xmlns="http://www.opengroup.org/xsd/archimate"/>"#
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(ModelFormat.sniff(prefix: bytes) == .archiMate21)
    }

    @Test("The shared samples and the native sample", .enabled(if: TestFiles.sharedAvailable))
    func files() {
        #expect(ModelFormat.sniff(path: TestFiles.shared("archisurance.xml")) == .archiMate3)
        #expect(ModelFormat.sniff(path: TestFiles.fixture("vn-province-21.xml")) == .archiMate21)
        #expect(ModelFormat.sniff(path: TestFiles.fixture("staffing.csv")) == .other)
        #expect(ModelFormat.sniff(path: "/nonexistent/file.xml") == .other)
    }
}
