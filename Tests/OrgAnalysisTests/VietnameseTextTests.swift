import OrgAnalysis
import Testing

@Suite("Vietnamese text normalisation")
struct VietnameseTextTests {
    private func keys(_ text: String) -> [String] { VietnameseText.syllables(text).map(\.key) }
    private func plain(_ text: String) -> [String] { VietnameseText.syllables(text).map(\.plain) }

    @Test("Old- and new-style tone placement give the same key", arguments: [
        ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("hoá", "hóa"), ("xoá", "xóa"), ("Uỷ", "Ủy"), ("thoả", "thỏa"),
    ])
    func tonePlacement(old: String, new: String) {
        #expect(keys(old) == keys(new))
        #expect(keys(old) != plain(old))  // the tone is kept, only its placement is forgotten
    }

    @Test("Closed syllables keep their one spelling; different tones stay different")
    func closedSyllables() {
        #expect(keys("hoàn") == ["hoan1"])
        #expect(keys("thuyền") == ["thuyên1"])
        #expect(keys("hoà") != keys("hoá"))
        #expect(keys("giá") != keys("gia"))
    }

    @Test("i/y spelling variants unify: lí/lý, kĩ/kỹ, qui/quy; y after a vowel stays", arguments: [
        ("quản lí", "quản lý"), ("kĩ thuật", "kỹ thuật"), ("qui định", "quy định"), ("mĩ thuật", "mỹ thuật"),
    ])
    func iAndY(a: String, b: String) {
        #expect(keys(a) == keys(b))
    }

    @Test("y that follows another vowel is not respelt")
    func yAfterVowel() {
        #expect(keys("thủy") == ["thuy4"])
        #expect(keys("huy") == ["huy"])
    }

    @Test("Case, punctuation and decomposed input do not matter")
    func caseAndPunctuation() {
        #expect(keys("QUẢN LÝ, Nhà-nước!") == keys("quản lý nhà nước"))
        #expect(keys("Việt".decomposedStringWithCanonicalMapping) == keys("Việt"))
    }

    @Test("The plain key removes every mark and maps đ to d")
    func plainKey() {
        #expect(plain("Đường thủy nội địa") == ["duong", "thuy", "noi", "dia"])
        #expect(plain("Quản lý nhà nước") == plain("Quan ly nha nuoc"))
    }

    @Test("Text typed without marks is recognised; abbreviations expand and do not count as marks")
    func unmarked() {
        #expect(VietnameseText.isUnmarked(VietnameseText.syllables("Tham dinh du thao van ban cua UBND tinh")))
        #expect(!VietnameseText.isUnmarked(VietnameseText.syllables("Thẩm định dự thảo văn bản")))
        #expect(!VietnameseText.isUnmarked(VietnameseText.syllables("Cap GPXD")))  // too short to tell
        #expect(keys("UBND tỉnh") == keys("Ủy ban nhân dân tỉnh"))
    }

    @Test("The catch-all duty and self-administration duties are recognised")
    func specialDuties() {
        for text in ["Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao",
                     "Thuc hien cac nhiem vu khac do Giam doc So giao",
                     "Thực hiện nhiệm vụ, quyền hạn khác theo quy định của pháp luật"] {
            #expect(CatchAllDuty.matches(VietnameseText.syllables(text)), "\(text)")
        }
        #expect(!CatchAllDuty.matches(VietnameseText.syllables("Thực hiện nhiệm vụ quản lý giá do Ủy ban nhân dân tỉnh giao cụ thể trong từng thời kỳ theo phân cấp của pháp luật hiện hành về giá cả")))
        #expect(SelfAdministrationDuty.matches(VietnameseText.syllables("Quản lý tài chính, tài sản của Sở")))
        #expect(!SelfAdministrationDuty.matches(VietnameseText.syllables(
            "Bảo đảm an toàn thông tin cho hệ thống thông tin của cơ quan nhà nước")))
    }
}

@Suite("Text vectors")
struct TextVectorsTests {
    @Test("Boilerplate frames weigh nothing: same frame with another subject scores low, same subject high")
    func boilerplate() {
        let vectors = TextVectors(texts: [
            "Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về giá trên địa bàn tỉnh",
            "Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về du lịch trên địa bàn tỉnh",
            "Quản lý nhà nước về giá theo quy định của pháp luật",
            "Cấp giấy phép xây dựng", "Thẩm định dự toán ngân sách", "Quản lý chất lượng công trình",
        ])
        #expect(vectors.similarity(0, 1) < 0.1)
        #expect(vectors.similarity(0, 2) > 0.9)
    }

    @Test("Old tone marks, lí/lý and missing diacritics still match; cosine is symmetric and at most 1")
    func variants() {
        let vectors = TextVectors(texts: [
            "Quản lý an toàn đập, hồ chứa thủy điện",
            "Quản lí an toàn đập, hồ chứa thuỷ điện",
            "Quan ly an toan dap, ho chua thuy dien",
            "Cấp phép khai thác khoáng sản",
        ])
        #expect(vectors.similarity(0, 1) > 0.99)
        #expect(vectors.similarity(0, 2) > 0.99)
        #expect(vectors.similarity(2, 0) == vectors.similarity(0, 2))
        #expect(vectors.similarity(0, 3) < 0.05)
        #expect(vectors.isUnmarked(2) && !vectors.isUnmarked(0))
    }
}
