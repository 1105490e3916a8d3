import Foundation
import Testing

@testable import OrgInterop

@Suite("CSV reading")
struct CSVReaderTests {
    private func read(_ text: String) -> (records: [CSVRecord], reader: CSVReader) {
        var reader = CSVReader(file: "t.csv")
        let records = reader.read(Array(text.utf8))
        return (records, reader)
    }

    @Test("Quoted fields: separators, doubled quotes and line breaks inside; positions of each field")
    func quoting() {
        let (records, reader) = read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,end\n")
        #expect(reader.diagnostics.items.isEmpty)
        #expect(records.map { $0.fields.map(\.text) } == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", "end"]])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].fields.map(\.column) == [1, 8, 21])
        #expect(records[2].fields.map(\.column) == [1, 6, 7])
    }

    @Test("Semicolons when the header has more of them; CRLF; a byte-order mark")
    func semicolonCRLFBOM() {
        var reader = CSVReader(file: "t.csv")
        let records = reader.read([0xEF, 0xBB, 0xBF] + Array("unit;category;quota\r\nsnv;civil-servant;1,5\r\n".utf8))
        #expect(reader.separator == ";")
        #expect(records.map { $0.fields.map(\.text) } == [["unit", "category", "quota"], ["snv", "civil-servant", "1,5"]])
        #expect(records[1].line == 2 && records[1].fields[2].column == 19)
    }

    @Test("Columns count characters: a Vietnamese cell before a field")
    func characterColumns() {
        let (records, _) = read("name,x\nSở Nội vụ,7\n")
        #expect(records[1].fields[1].column == 11)
    }

    @Test("An unclosed quote, text after a closing quote, a quote inside an unquoted field: errors with positions")
    func malformed() {
        #expect(positions(read("a,b\n\"open,1\n").reader.diagnostics.items) == ["2:1"])
        #expect(positions(read("a,b\n\"x\"y,1\n").reader.diagnostics.items) == ["2:4"])
        #expect(positions(read("a,b\nx\"y,1\n").reader.diagnostics.items) == ["2:2"])
    }

    @Test("Text that is not UTF-8 is refused at the first bad byte")
    func notUTF8() {
        var reader = CSVReader(file: "t.csv")
        _ = reader.read(Array("unit,category\nS".utf8) + [0xF5, 0x20])
        #expect(positions(reader.diagnostics.items) == ["2:2"])
        #expect(reader.diagnostics.items.first?.message.contains("CSV UTF-8") == true)
    }

    @Test("A last line without a line break is a record")
    func noFinalNewline() {
        #expect(read("a,b\n1,2").records.count == 2)
    }
}
