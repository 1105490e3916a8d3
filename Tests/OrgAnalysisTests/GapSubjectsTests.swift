import Foundation
@testable import OrgAnalysis
import Testing

@Suite("The subjects of a department's functions text (who answers for a gap)")
struct GapSubjectsTests {
    @Test("The subjects after “quản lý nhà nước về”, part by part, without a leading “công tác”")
    func readsTheSubjects() {
        let subjects = GapResponsibility.subjects(
            "Sở Nội vụ tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về: tổ chức bộ máy; công tác thi đua, "
                + "khen thưởng; giá. Sở có tư cách pháp nhân")
        #expect(subjects == [["to", "chuc", "bo", "may"], ["thi", "dua"], ["khen", "thuong"], ["so", "co", "tu", "cach", "phap", "nhan"]]
            .map { Set($0) })
        #expect(GapResponsibility.subjects("Sở có tư cách pháp nhân, có con dấu và tài khoản riêng").isEmpty)
        #expect(GapResponsibility.subjects("quản lý nhà nước về giá cả thị trường").map { $0.sorted() } == [["ca", "gia", "thi", "truong"]])
    }

    /// Texts where cutting at separator bytes and cutting at `Character`s could part ways.
    static let awkward = [
        "quản lý nhà nước về: tổ chức,\u{200D}bộ máy; biên chế công chức",  // a joiner makes ",\u{200D}" one character
        "quản lý nhà nước về: tổ chức,\u{FE0F}bộ máy; biên chế công chức",  // a variation selector extends the comma
        "quản lý nhà nước về: tổ chức\u{0600},bộ máy; biên chế công chức",  // a prepended mark takes the comma
        "quản lý nhà nước về: tổ chức,\u{0903}bộ máy; biên chế công chức",  // a spacing mark follows the comma
        "quản lý nhà nước về: tổ chức,\u{0301}bộ máy; biên chế công chức",  // a combining mark on the comma
        "qua\u{0309}n ly\u{0301} nha\u{0300} nươ\u{0301}c về: đất đai; tài nguyên nước",  // decomposed
        "QUẢN LÝ NHÀ NƯỚC VỀ: ĐẤT ĐAI, TÀI NGUYÊN NƯỚC; KHÍ TƯỢNG THỦY VĂN.",
        "quản lý nhà nước về 中文 文字, 日本 語; giá",  // plain syllables not ASCII
        "quản lý nhà nước vềnh đất đai; tài nguyên",  // the opening inside a longer syllable
        "tham mưu quản lý nhà nước; quản lý nhà nước về công tác lãnh sự, lễ tân: nhà nước",
        "công tác quản lý nhà nước về xây dựng;; ,, quy hoạch.kiến trúc:hạ tầng",
        "“quản lý nhà nước về” “giá”, “phí”; ‘lệ phí’… và các lĩnh vực khác",
        "UBND tỉnh quản lý nhà nước về HĐND, UBND; KT-XH",
        "quản lý nhà nước về", "quản lý nhà nước", "", ",;:.",
    ]

    @Test("Cutting at separator bytes gives what cutting at characters gives: the sample's texts, awkward and random ones")
    func bytesAgreeWithCharacters() throws {
        let chart = try EvaluationTests.sample()
        var texts = chart.units.flatMap(\.functions) + Self.awkward
        #expect(texts.count > 30)
        var generator = SplitMix(seed: 20)
        let pieces = ["quản lý nhà nước", "về", "công tác", "tổ chức", "bộ máy", "giá", "đất đai", "Sở", "tỉnh", "nước",
                      "thi đua", "khen thưởng", "UBND", ",", ";", ":", ".", " ", "\u{200D}", "\u{0600}", "ệ", "x"]
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...24, using: &generator)
            let opening = Bool.random(using: &generator) ? "quản lý nhà nước về" : ""
            texts.append(opening + (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " "))
            texts.append(opening + (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        var cache = VietnameseText.SyllableCache(), reference = VietnameseText.SyllableCache()
        var nonEmpty = 0
        for text in texts {
            let fast = GapResponsibility.subjects(text, cache: &cache)
            #expect(fast == GapResponsibility.subjectsByCharacters(text, cache: &reference), "\(text.debugDescription)")
            if !fast.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 500)
    }
}
