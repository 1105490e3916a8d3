@testable import OrgAnalysis
import Testing

@Suite("Duty objects kept as byte ranges")
struct ObjectRangesTests {
    /// The object read back from its ranges, as the overlap score rebuilds it.
    private func object(of text: String, _ ranges: [Range<Int>]) -> String {
        let bytes = Array(text.utf8)
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: " ")
    }

    @Test("The ranges give back exactly the object the reader reads, clause by clause", arguments: [
        "Thẩm định, phê duyệt dự án đầu tư xây dựng công trình",
        "Kiểm tra, thanh tra việc thực hiện chính sách; tổng hợp, báo cáo kết quả",
        "Quản lý nhà nước về văn thư, lưu trữ",
        "Tham mưu; ; hướng dẫn  nghiệp vụ (công tác) cho cấp xã",
        "thuc hien quan ly nha nuoc ve dat dai tren dia ban",
        "", ";", "Báo cáo",
    ])
    func ranges(text: String) throws {
        var reader = ActionClass.Reader()
        let expected = reader.read(text)
        let reading = reader.objectRanges(text)
        let ranges = try #require(reading.ranges)
        #expect(object(of: text, ranges) == expected.object)
        #expect(reading.actions == expected.actions)
    }

    @Test("A decomposed text has no ranges (its object is a part of its composed form)")
    func decomposed() {
        var reader = ActionClass.Reader()
        let text = "Tho\u{302}\u{301}ng ke\u{302} so\u{302}\u{301} lie\u{323}\u{302}u"
        #expect(reader.objectRanges(text).ranges == nil)
        #expect(!reader.read(text).object.isEmpty)
    }
}
