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

@Suite("Compact analysis values")
struct CompactValueTests {
    @Test("Assignments, join pairs and duty references keep their compact sizes, and read back what was put in")
    func sizes() {
        #expect(MemoryLayout<MandateAssignment>.stride <= 32)
        #expect(MemoryLayout<SimilarityJoin.Pair>.stride == 16)
        #expect(MemoryLayout<DutyReference>.stride == 8)
        var assignment = MandateAssignment(duty: 70_000, mandate: "M.1", role: .support, inferredScore: nil)
        #expect(assignment.duty == 70_000 && assignment.inferredScore == nil && !assignment.isInferred)
        assignment.inferredScore = 0.25
        #expect(assignment.inferredScore == 0.25 && assignment.isFirm(0.25) && !assignment.isFirm(0.3))
        let pair = SimilarityJoin.Pair(a: 999_999, b: 1_000_000, score: 0.5)
        #expect(pair.a == 999_999 && pair.b == 1_000_000 && pair.score == 0.5)
        #expect(DutyReference(unit: 100_222, offset: 9).unit == 100_222)
    }

    @Test("Inferred assignments answer as a dictionary by duty index would, in duty order")
    func inferred() {
        var inferred = InferredAssignments(mandates: ["A", "B"])
        inferred.append(duty: 2, mandate: 1, score: 0.4, role: .lead)
        inferred.append(duty: 7, mandate: 0, score: 0.9, role: .support)
        #expect(inferred.count == 2 && !inferred.isEmpty && inferred.keys == [2, 7])
        #expect(inferred[2] == MandateAssignment(duty: 2, mandate: "B", role: .lead, inferredScore: 0.4))
        #expect(inferred[7]?.mandate == "A" && inferred[7]?.role == .support)
        #expect(inferred[3] == nil && inferred[0] == nil && inferred[8] == nil)
        #expect(inferred.map(\.key) == [2, 7])
        #expect(InferredAssignments(mandates: []).isEmpty)
    }
}
