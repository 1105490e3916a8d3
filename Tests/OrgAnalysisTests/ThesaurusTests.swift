import Foundation
import OrgAnalysis
import OrgModel
import Testing

/// The thesaurus format: every problem at its line and column, and the reading of duties through it.
@Suite("Thesaurus")
struct ThesaurusTests {
    static let header = "kind\tterms\tbroader\tsector\tsource\tnote\n"

    static func parse(_ body: String) throws -> Thesaurus {
        try Thesaurus.parse(header + body, file: "t.tsv", sectors: ["tu-phap", "xay-dung", "tai-chinh"])
    }

    @Test("A synonym brings its set's first term after it, spelling- and tone-placement-independent")
    func synonyms() throws {
        let thesaurus = try Self.parse("""
            synonym\tgiấy phép lái xe | bằng lái | bằng lái xe\t\txay-dung\tusage\tcách gọi thông dụng
            synonym\ttài sản công | tài sản nhà nước\t\ttai-chinh\trename\tLuật Quản lý, sử dụng tài sản công 2017

            """)
        #expect(thesaurus.rewrite("Cấp đổi bằng lái xe cho người dân") == "Cấp đổi bằng lái xe giấy phép lái xe cho người dân")
        #expect(thesaurus.rewrite("Quản lý tài sản nhà nước tại cơ quan") == "Quản lý tài sản nhà nước tài sản công tại cơ quan")
        #expect(thesaurus.rewrite("Quản lý tài sản Nhà nước") == "Quản lý tài sản Nhà nước tài sản công")
        // Text typed without diacritics is matched unmarked, and what is added is unmarked too.
        #expect(thesaurus.rewrite("Quan ly tai san nha nuoc tai co quan") == "Quan ly tai san nha nuoc tai san cong tai co quan")
        // A text with no term, or only the set's first term, is left exactly as written.
        #expect(thesaurus.rewrite("Tổ chức thi, kiểm tra; cấp giấy phép lái xe.") == "Tổ chức thi, kiểm tra; cấp giấy phép lái xe.")
        #expect(thesaurus.matches(in: "cấp bằng lái xe").map(\.entry.note) == ["cách gọi thông dụng"])
    }

    @Test("A narrower term brings its broader one unless it holds it already; the longest term wins")
    func broader() throws {
        let thesaurus = try Self.parse("""
            broader\tgiấy phép xây dựng | giấy phép sửa chữa nhà ở\tgiấy phép\txay-dung\tlaw\tLuật Xây dựng 2014
            broader\tsổ đỏ\tgiấy chứng nhận\tchung\tusage\tcách gọi
            synonym\tgiấy phép | giấy cho phép\t\tchung\tusage\tcách gọi

            """)
        #expect(thesaurus.rewrite("Cấp giấy phép xây dựng nhà ở") == "Cấp giấy phép xây dựng nhà ở")
        #expect(thesaurus.rewrite("Cấp sổ đỏ") == "Cấp sổ đỏ giấy chứng nhận")
        #expect(thesaurus.rewrite("Cấp giấy cho phép") == "Cấp giấy cho phép giấy phép")
    }

    @Test("Every problem of a file at its line and column, in one pass")
    func errors() {
        let text = Self.header + """
            synonym\tmột | một\t\ttu-phap\tlaw\tx
            antonym\ta | b\t\ttu-phap\tlaw\tx
            synonym\tchỉ một\t\ttu-phap\tlaw\tx
            broader\tgiấy phép xây dựng\t\txay-dung\tlaw\tx
            synonym\tx | y\t\tkhong-co\tlaw\tx
            synonym\tx | z\t\ttu-phap\tblog\tx
            synonym\tp | q\t\ttu-phap\tlaw
            synonym\tr | s\t\ttu-phap\tlaw\tx
            synonym\ts | t\t\ttu-phap\tlaw\tx

            """
        #expect(throws: ThesaurusError.self) { try Thesaurus.parse(text, file: "t.tsv", sectors: ["tu-phap", "xay-dung"]) }
        do {
            _ = try Thesaurus.parse(text, file: "t.tsv", sectors: ["tu-phap", "xay-dung"])
        } catch {
            let lines = error.diagnostics.map(\.location.line)
            #expect(lines == [2, 3, 4, 5, 6, 7, 8, 10])
            #expect(error.diagnostics.allSatisfy { $0.location.file == "t.tsv" && $0.location.column >= 1 })
            #expect(error.diagnostics[4].message.contains("unknown sector \"khong-co\""))
            #expect(error.diagnostics[4].location.column == 16)
            #expect(error.diagnostics[7].message.contains("already in the synonym set on line 9"))
        }
    }

    @Test("A file without its header, or a term of too many words, is refused")
    func headerAndLimits() {
        #expect(throws: ThesaurusError.self) { try Thesaurus.parse("synonym\ta | b\t\tchung\tlaw\tx\n", file: "t.tsv") }
        let long = Array(repeating: "từ", count: Thesaurus.maxTermSyllables + 1).joined(separator: " ")
        #expect(throws: ThesaurusError.self) { try Self.parse("synonym\t\(long) | b\t\tchung\tlaw\tx\n") }
        #expect(throws: Never.self) { try Self.parse("# only a comment\n") }
    }

    @Test("A user's file adds to the shipped one; a term already in a set there is an error at its place")
    func userFile() throws {
        var thesaurus = try Self.parse("synonym\ttrợ giúp xã hội | bảo trợ xã hội\t\tchung\trename\tNghị định 20/2021\n")
        #expect(throws: ThesaurusError.self) {
            try thesaurus.add(Self.header + "synonym\tbảo trợ xã hội | cứu trợ\t\tchung\tusage\tx\n", file: "mine.tsv")
        }
        try thesaurus.add(Self.header + "synonym\tngười có công | người có công với cách mạng\t\tchung\tlaw\tx\n", file: "mine.tsv")
        #expect(thesaurus.entries.count == 2)
        #expect(thesaurus.entries[1].location.file == "mine.tsv")
    }

    @Test("The engine reads duties through it: two wordings of one job become near-duplicates")
    func engine() throws {
        let thesaurus = try Self.parse("synonym\tgiấy phép lái xe | bằng lái xe\t\txay-dung\tusage\tx\n")
        let pairs = Evaluation.pairs(tsv: "id\tlabel\tcategory\ta\tb\tnote\n"
            + "x\tsame\treworded\tTổ chức sát hạch, cấp, đổi giấy phép lái xe trên địa bàn tỉnh\t"
            + "Tổ chức sát hạch, cấp, đổi bằng lái xe trên địa bàn tỉnh\tx\n")
        let background = ["Quản lý nhà nước về giao thông đường bộ", "Quản lý nhà nước về đất đai"]
        let plain = Evaluation.scores(pairs, background: background)[0]
        let read = Evaluation.scores(pairs, background: background, thesaurus: thesaurus)[0]
        #expect(read > plain)
        #expect(read >= 0.8)
    }
}

/// The shipped thesaurus (`orgdata/thesaurus/vn-public-admin.tsv`): valid, and covering every sector of
/// the mandate catalogue.
@Suite("Shipped thesaurus")
struct ShippedThesaurusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("At least 400 entries, every sector of the mandate catalogue with its own, each with a source and a note")
    func coverage() throws {
        let catalog = try String(contentsOf: Self.root.appendingPathComponent("orgdata/mandates/vn-province-2025.xml"),
                                 encoding: .utf8)
        let sectors = Set(catalog.matches(of: /sector="([a-z-]+)"/).map { String($0.output.1) })
        let path = "orgdata/thesaurus/vn-public-admin.tsv"
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let thesaurus = try Thesaurus.parse(text, file: path, sectors: sectors)
        #expect(thesaurus.entries.count >= 400)
        let covered = Set(thesaurus.entries.map(\.sector))
        #expect(covered.isSuperset(of: sectors), "missing: \(sectors.subtracting(covered).sorted())")
        #expect(thesaurus.entries.allSatisfy { !$0.note.isEmpty })
    }

    @Test("The thesaurus compiled into orgscope is the shipped file (rerun scripts/embed-thesaurus when this fails)")
    func embeddedCopy() throws {
        let path = "orgdata/thesaurus/vn-public-admin.tsv"
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let parsed = try Thesaurus.parse(text, file: path)
        #expect(!Thesaurus.shipped.isEmpty)
        #expect(Thesaurus.shipped == parsed)
        #expect(TextSettings().thesaurus == parsed && AnalysisConfiguration().thesaurus == parsed)
    }
}

/// What a duty does and to what: the verb group that opens each clause, and the words after it.
@Suite("Action classes")
struct ActionClassTests {
    @Test("The leading verb group of each clause gives the actions; the rest is the object")
    func read() {
        let licence = ActionClass.read("Cấp, cấp lại, thu hồi giấy phép hoạt động điện lực theo thẩm quyền")
        #expect(licence.actions == [.decision])
        #expect(licence.object == "giấy phép hoạt động điện lực theo thẩm quyền")
        let two = ActionClass.read("Tham mưu, giúp UBND tỉnh hướng dẫn, kiểm tra hoạt động du lịch; tổ chức xúc tiến du lịch")
        #expect(two.actions == [.guidance, .inspection, .implementation])
        #expect(two.object == "hoạt động du lịch du lịch")
        // Without marks, and with old-style tone placement, the same reading.
        #expect(ActionClass.read("Kiem tra hoat dong dien luc").actions == [.inspection])
        #expect(ActionClass.read("Quản lí an toàn đập").actions == [.management])
        // "cấp" inside the object is not an action.
        #expect(ActionClass.read("Hướng dẫn phân cấp quản lý").actions == [.guidance])
    }

    @Test("Agreement: a shared concrete action 1, general management beside a concrete action ½, different actions 0")
    func agreement() {
        #expect(ActionClass.agreement([.decision], [.decision, .inspection]) == 1)
        #expect(ActionClass.agreement([.management], [.management]) == 1)
        #expect(ActionClass.agreement([], [.inspection]) == 1)
        #expect(ActionClass.agreement([.management], [.decision]) == 0.5)
        #expect(ActionClass.agreement([.decision], [.inspection]) == 0)
    }
}

/// The combined score's measurement: a stable split, a fit that learns, nothing tuned on the held-out part.
@Suite("Calibration")
struct CalibrationTests {
    @Test("The split is stable per id: about one pair in five held out, the rest spread over the folds")
    func split() {
        let ids = (1...1000).map { "p\($0)" }
        let parts = ids.map { Calibration.fold(of: $0, folds: 5) }
        #expect(parts == ids.map { Calibration.fold(of: $0, folds: 5) })
        let heldOut = parts.count { $0 == nil }
        #expect((150...250).contains(heldOut), "\(heldOut)")
        for fold in 0..<5 { #expect(parts.count { $0 == fold } > 100) }
    }

    @Test("A channel that separates the labels is learnt, and the threshold is chosen on the training pairs")
    func fit() {
        let features = (0..<200).map { index in
            OverlapFeatures(cosine: Double(index % 10) / 10, sharedMandate: index.isMultiple(of: 2) ? 0.6 : 0,
                            object: Double(index % 10) / 10, action: 1)
        }
        let labels = (0..<200).map { $0.isMultiple(of: 2) }
        let model = Calibration.fit(features, labels: labels, indices: Array(0..<200))
        let right = (0..<200).count { (model.probability(features[$0]) >= model.threshold) == labels[$0] }
        #expect(right == 200, "\(model)")
    }
}

/// The tokeniser's reading through the thesaurus (on syllable ids) is the documented reading on text.
@Suite("Thesaurus in the tokeniser")
struct ThesaurusTokeniserTests {
    @Test("Token-level expansion gives the scores of the text rewrite on every labelled pair")
    func sameAsRewrite() throws {
        let root = ShippedThesaurusTests.root
        let path = "orgdata/thesaurus/vn-public-admin.tsv"
        let thesaurus = try Thesaurus.parse(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8), file: path)
        let pairs = Evaluation.pairs(tsv: try EvaluationTests.fixture("similarity-pairs.tsv"))
        let texts = pairs.flatMap { [$0.a, $0.b] }
        let rewritten = TextVectors(texts: texts.map(thesaurus.rewrite))
        let tokenised = TextVectors(texts: texts, thesaurus: thesaurus)
        var differing: [String] = []
        for (index, pair) in pairs.enumerated() {
            let a = rewritten.similarity(2 * index, 2 * index + 1), b = tokenised.similarity(2 * index, 2 * index + 1)
            if abs(a - b) > 1e-9 { differing.append("\(pair.id): \(a) vs \(b)") }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
    }
}
