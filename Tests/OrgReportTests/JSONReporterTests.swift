import Foundation
import OrgAnalysis
import OrgModel
import OrgReport
import Testing

@Suite("JSON report")
struct JSONReporterTests {
    private static let chart = OrgChart(
        id: "cb", name: "Ủy ban \"nhân dân\"", asOf: ChartDate(year: 2025, month: 10, day: 1),
        units: [
            Unit(id: "z", name: "Phòng Z", kind: .division, leadership: Leadership(heads: 0),
                 location: SourceLocation(file: "c.xml", line: 9, column: 3)),
            Unit(id: "a", name: "Phòng A", kind: .division, location: SourceLocation(file: "c.xml", line: 4, column: 3)),
        ])

    @Test("The spec's shape, in the spec's order, parseable, with findings sorted error first")
    func shape() throws {
        let input = ReportInput(result: Analyzer(rules: [UnitWithoutHeadRule.self]).analyze(Self.chart), language: .en)
        let text = JSONReporter.render(input)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let chart = try #require(object["chart"] as? [String: Any])
        #expect(chart["name"] as? String == "Ủy ban \"nhân dân\"")
        #expect(chart["asOf"] as? String == "2025-10-01")
        #expect(chart["units"] as? Int == 2)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["error": 1, "warning": 1, "info": 0, "toVerify": 0, "upcoming": 0])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["severity"] as? String } == ["error", "warning"])
        #expect(findings.map { $0["units"] as? [String] } == [["z"], ["a"]])
        #expect(findings[0]["code"] as? String == "ACC001")
        #expect((findings[0]["message"] as? String)?.contains("has no head post") == true)
        let keys = ["\"schemaVersion\"", "\"chart\"", "\"summary\"", "\"findings\""].map { text.range(of: $0)!.lowerBound }
        #expect(keys == keys.sorted())
        #expect(text.contains("Ủy ban"))  // UTF-8, not \u escapes
    }

    @Test("Same input, same bytes; Vietnamese and English differ only in messages")
    func deterministic() {
        let result = Analyzer().analyze(Self.chart)
        let first = JSONReporter.render(ReportInput(result: result, language: .vi))
        let second = JSONReporter.render(ReportInput(result: Analyzer().analyze(Self.chart), language: .vi))
        #expect(first.contains("\"inferredMandates\": []"))
        #expect(first.contains("\"textEngine\""))
        #expect(first == second)
        #expect(first.contains("không có chức danh người đứng đầu"))
        #expect(!JSONReporter.render(ReportInput(result: result, language: .en)).contains("người đứng đầu"))
    }

    @Test("The text written member by member, in pieces or whole, is the document tree's serialisation, byte for byte")
    func streamed() {
        for language in [Language.vi, .en] {
            let input = ReportInput(result: Analyzer().analyze(GoldenTests.chart()), language: language, timestamp: "2025-10-01T00:00:00Z")
            let text = JSONReporter.render(input)
            #expect(text.contains("\"findings\": [\n    {") && text.contains("\"inferredMandates\": [\n    {"))
            #expect(text == JSONReporter.document(input).serialized())
            var pieces: [String] = []
            JSONReporter.write(input, pieceSize: 200) { pieces.append($0) }
            #expect(pieces.count > 5 && pieces.dropLast().allSatisfy { $0.utf8.count >= 200 })
            #expect(pieces.joined() == text)
            for batchSize in [1, 2, 3, 7] {  // batches made on every core, appended in order
                var batched: [String] = []
                JSONReporter.write(input, pieceSize: 150, batchSize: batchSize) { batched.append($0) }
                #expect(batched.joined() == text)
            }
        }
    }

    @Test("The JSON file's bytes (written without a String per piece) and its text are the rendered report")
    func fileBytes() throws {
        let input = ReportInput(result: Analyzer().analyze(GoldenTests.chart()), language: .vi, timestamp: "2025-10-01T00:00:00Z")
        let text = JSONReporter.render(input)
        let file = try #require(input.files(as: .json).first)
        #expect(!file.isBinary)
        #expect(try file.bytes() == Array(text.utf8))
        #expect(file.content == text)
        var pieces: [[UInt8]] = []
        JSONReporter.writeBytes(input, pieceSize: 300) { pieces.append(Array($0)) }
        #expect(pieces.count > 3 && pieces.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
        #expect(pieces.flatMap { $0 } == Array(text.utf8))
    }

    @Test("A long array is written in batches of about a piece's text: no piece holds the whole array")
    func batchesFollowThePieceSize() {
        // 600 divisions without a head: 600 findings of some hundred bytes each.
        let units = (0..<600).map { number in
            Unit(id: UnitID("p\(number)"), name: "Phòng số \(number)", kind: .division, leadership: Leadership(heads: 0),
                 location: SourceLocation(file: "c.xml", line: number + 1, column: 3))
        }
        let chart = OrgChart(id: "many", name: "Ủy ban nhân dân tỉnh", units: units)
        let input = ReportInput(result: Analyzer(rules: [UnitWithoutHeadRule.self]).analyze(chart), language: .vi,
                                timestamp: "2025-10-01T00:00:00Z")
        let text = JSONReporter.render(input)
        #expect(input.result.findings.count == 600 && text.utf8.count > 100_000)
        var pieces: [String] = []
        JSONReporter.write(input, pieceSize: 4096) { pieces.append($0) }
        #expect(pieces.joined() == text)
        // A piece is what was pending (under a piece) and one batch (about a piece); 4,096 findings at once
        // made one piece of the whole array.
        #expect(pieces.map(\.utf8.count).max()! <= 3 * 4096, "largest piece: \(pieces.map(\.utf8.count).max()!) bytes")
    }

    @Test("Strings are escaped; numbers print without exponent or trailing zeros", arguments: [
        (JSONValue.string("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"\n"),
        (JSONValue.string("Sở\tNội vụ\r\u{1F}\u{7F}\u{2028}\u{2029}\u{2027}đ"), "\"Sở\\tNội vụ\\r\\u001f\u{7F}\\u2028\\u2029\u{2027}đ\"\n"),
        (JSONValue.object([("k\"", .array([.int(-3), .null, .bool(true)])), ("", .object([]))]),
         "{\n  \"k\\\"\": [-3, null, true],\n  \"\": {}\n}\n"),
        (JSONValue.number(0.91666), "0.9167\n"), (JSONValue.number(2), "2\n"), (JSONValue.number(-0.00001), "0\n"),
        (JSONValue.number(1e12), "1000000000000\n"),
    ])
    func escaping(value: JSONValue, expected: String) {
        #expect(value.serialized() == expected)
    }
}

@Suite("Text report")
struct TextReporterTests {
    @Test("Grouped by severity and code, summary line last, in one language")
    func layout() {
        let chart = OrgChart(id: "cb", name: "Tỉnh", units: [
            Unit(id: "z", name: "Phòng Z", kind: .division, leadership: Leadership(heads: 0),
                 location: SourceLocation(file: "c.xml", line: 9, column: 3)),
        ])
        let result = Analyzer(rules: [UnitWithoutHeadRule.self]).analyze(chart)
        let vi = TextReporter.render(ReportInput(result: result, language: .vi))
        #expect(vi.contains("NỘI DUNG CHƯA ĐÚNG QUY ĐỊNH (1)"))
        #expect(vi.contains("ACC001 Đơn vị không có người đứng đầu (1)"))
        #expect(vi.contains("c.xml:9:3"))
        #expect(vi.hasSuffix("Tổng cộng: 1 lỗi, 0 cảnh báo, 0 thông tin\n"))
        let en = TextReporter.render(ReportInput(result: result, language: .en))
        #expect(en.hasSuffix("Total: 1 error, 0 warning, 0 info\n"))
        #expect(!en.contains("Tổng"))
    }
}
