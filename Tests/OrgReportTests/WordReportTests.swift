import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
@testable import OrgOffice
@testable import OrgReport
import Testing

/// The Word review report read back from its archive (ZIPFoundation + libxml2): the parts Word needs,
/// the page and type of Decree 30/2020/NĐ-CP, the annexes on landscape pages, and the content a Home
/// Affairs reviewer files.
@Suite("Word report")
struct WordReportTests {
    static let mainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func docx(_ language: Language = .vi, profile: DocumentProfile = DocumentProfile(),
                     chart: OrgChart = GoldenTests.chart()) throws -> (bytes: [UInt8], reader: DocxReader, result: AnalysisResult) {
        let result = Analyzer().analyze(chart)
        let input = ReportInput(result: result, language: language, profile: profile)
        let files = render(input, as: .docx)
        #expect(files.count == 1 && files[0].suffix == ".docx" && files[0].isBinary)
        let bytes = try files[0].bytes()
        return (bytes, try DocxReader(bytes), result)
    }

    @Test("The package holds every part, each declared in the content types and reached by a relationship")
    func parts() throws {
        let (_, reader, _) = try Self.docx()
        let expected = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                        "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
                        "word/header1.xml", "word/header2.xml", "word/footer1.xml"]
        #expect(reader.order == expected)
        let types = try reader.xml("[Content_Types].xml")
        let overrides = Set(types.all("Override").compactMap { $0.attribute("PartName") })
        for part in expected where !part.hasSuffix(".rels") && part != "[Content_Types].xml" {
            #expect(overrides.contains("/" + part), "no content type for \(part)")
        }
        let targets = try reader.xml("word/_rels/document.xml.rels").all("Relationship").compactMap { $0.attribute("Target") }
        #expect(Set(targets) == ["styles.xml", "numbering.xml", "settings.xml", "header1.xml", "header2.xml", "footer1.xml"])
        let package = try reader.xml("_rels/.rels").all("Relationship").compactMap { $0.attribute("Target") }
        #expect(Set(package) == ["word/document.xml", "docProps/core.xml", "docProps/app.xml"])
        for part in expected { _ = try reader.xml(part) }
    }

    @Test("Same input, same bytes")
    func deterministic() throws {
        #expect(try Self.docx().bytes == Self.docx().bytes)
    }

    @Test("A4, margins within the decree's ranges, numbered from 1 on each section with no number on its first page")
    func sections() throws {
        let (_, reader, _) = try Self.docx()
        let document = try reader.xml("word/document.xml")
        let sections = document.all("sectPr")
        #expect(sections.count == 7, "the report and six annexes")
        // Twips to millimetres, to the tenth (15 mm is 850 twips, 14.99 mm).
        func millimetres(_ value: String?) -> Double { ((Double(value ?? "") ?? 0) * 25.4 / 1_440 * 10).rounded() / 10 }
        for (offset, section) in sections.enumerated() {
            let size = try #require(section.child("pgSz"))
            let landscape = offset > 0
            #expect(size.w("w") == (landscape ? "16838" : "11906") && size.w("h") == (landscape ? "11906" : "16838"))
            #expect((size.w("orient") == "landscape") == landscape)
            let margins = try #require(section.child("pgMar"))
            #expect((20...25).contains(millimetres(margins.w("top"))) && (20...25).contains(millimetres(margins.w("bottom"))))
            #expect((30...35).contains(millimetres(margins.w("left"))) && (15...20).contains(millimetres(margins.w("right"))))
            #expect(section.child("titlePg") != nil, "first page without a number")
            #expect(section.child("pgNumType")?.w("start") == "1", "each part numbers its pages on its own")
            let headers = section.all("headerReference").map { ($0.w("type") ?? "", $0.attribute("id", namespace: "http://schemas.openxmlformats.org/officeDocument/2006/relationships") ?? "") }
            #expect(headers.contains { $0 == ("first", "rIdHeaderFirst") } && headers.contains { $0 == ("default", "rIdHeader") })
        }
        let header = try reader.xml("word/header1.xml")
        #expect(header.all("instrText").map { $0.text.trimmingCharacters(in: .whitespaces) } == ["PAGE"])
        #expect(try reader.xml("word/header2.xml").all("instrText").isEmpty, "the first page shows no number")
        #expect(header.all("p").first?.paragraphStyle == WordStyles.headerStyle)
    }

    @Test("Times New Roman, and each element at the decree's size")
    func styles() throws {
        let (_, reader, _) = try Self.docx()
        let styles = try reader.xml("word/styles.xml")
        let fonts = try #require(styles.child("docDefaults")?.all("rFonts").first)
        for attribute in ["ascii", "hAnsi", "cs", "eastAsia"] { #expect(fonts.w(attribute) == "Times New Roman") }
        var sizes: [String: Double] = [:]
        for style in styles.all("style") {
            if let id = style.w("styleId"), let size = style.child("rPr")?.child("sz")?.w("val"), let half = Double(size) {
                sizes[id] = half / 2
            }
        }
        let expected: [(WordStyle, ClosedRange<Double>)] = [
            (.body, 13...14), (.heading1, 13...14), (.masthead, 12...13), (.documentType, 13...14), (.subject, 13...14),
            (.recipientsLabel, 12...12), (.recipients, 11...11), (.signature, 13...14), (.annexTitle, 13...14),
        ]
        for (style, range) in expected {
            let size = try #require(sizes[style.rawValue], "no size for \(style)")
            #expect(range.contains(size), "\(style) is \(size) pt")
        }
        #expect((13...14).contains(sizes[WordStyles.headerStyle] ?? 0), "page numbers 13–14")
        let body = try #require(styles.all("style").first { $0.w("styleId") == "Body" })
        #expect(body.child("pPr")?.child("jc")?.w("val") == "both")
        let indent = Double(body.child("pPr")?.child("ind")?.w("firstLine") ?? "") ?? 0
        #expect((1.0...1.27).contains(indent * 2.54 / 1_440 + 0.0001) || abs(indent * 2.54 / 1_440 - 1.27) < 0.01)
        let numbering = try reader.xml("word/numbering.xml")
        #expect(numbering.all("lvlText").first?.w("val") == "-")
    }

    @Test("The masthead, the annexes on landscape pages with their own heading and line, tables whose header repeats")
    func layout() throws {
        let (_, reader, _) = try Self.docx()
        let document = try reader.xml("word/document.xml")
        let text = document.all("p").map(\.wordText)
        for needed in ["UBND TỈNH …", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                       "Số: …/BC-SNV", "…, ngày … tháng … năm …", "BÁO CÁO", "Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC"] {
            #expect(text.contains(needed), "missing “\(needed)”")
        }
        let annexNumbers = document.all("p").filter { $0.paragraphStyle == WordStyle.annexNumber.rawValue }.map(\.wordText)
        #expect(annexNumbers == ["Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV", "Phụ lục V", "Phụ lục VI"])
        let attachments = document.all("p").filter { $0.paragraphStyle == WordStyle.annexAttachment.rawValue }.map(\.wordText)
        #expect(attachments.count == 6 && attachments.allSatisfy { $0 == "(Kèm theo Báo cáo số …/BC-SNV ngày … tháng … năm … của Sở Nội vụ)" })
        let tables = document.all("tbl").filter { $0.child("tblPr")?.child("tblBorders")?.child("top")?.w("val") == "single" }
        #expect(!tables.isEmpty)
        for table in tables {
            let rows = table.all("tr")
            #expect(rows.first?.child("trPr")?.child("tblHeader") != nil, "header row repeats on each page")
            #expect(rows.first?.all("p").first?.wordText == "STT")
        }
    }

    @Test("Vietnamese prose: no English words, no raw ids, a recommendation for every confirmed finding")
    func content() throws {
        let (_, reader, result) = try Self.docx()
        let document = try reader.xml("word/document.xml")
        let paragraphs = document.all("p").map(\.wordText)
        let all = paragraphs.joined(separator: "\n")
        for word in ["civil-servant", "public-employee", "mandate", "finding", "warning", "quota", "to-verify", "division"] {
            #expect(!all.lowercased().contains(word), "English “\(word)” in the Vietnamese report")
        }
        for id in ["snn.tl", "sct.1", "ATTP.01"] { #expect(!all.contains(id), "raw id \(id) in prose") }
        let start = try #require(paragraphs.firstIndex(of: "IV. KIẾN NGHỊ"))
        let end = paragraphs[start...].firstIndex { $0.hasPrefix("Trên đây") } ?? paragraphs.endIndex
        let bullets = document.all("p")[start..<end].filter { $0.paragraphStyle == WordStyle.bullet.rawValue }
        #expect(bullets.count == result.findings.count(where: \.isCountable))
        #expect(bullets.allSatisfy { $0.wordText.contains("(nội dung tại mục ") && !$0.wordText.contains("…") })
    }

    @Test("The profile fills the masthead, dateline, signer, recipients and the annex line; the decision to amend is named")
    func profile() throws {
        var chart = GoldenTests.chart()
        let index = try #require(chart.units.firstIndex { $0.id == "snn" })
        chart.units[index].foundingDecision = DecisionReference(number: "12/2025/QĐ-UBND", date: ChartDate(year: 2025, month: 2, day: 3))
        let profile = DocumentProfile(
            superiorBody: "UBND TỈNH CAO BẰNG", number: "125", place: "Cao Bằng", date: ChartDate(year: 2025, month: 12, day: 5),
            signer: DocumentProfile.Signer(authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn An"),
            recipients: ["UBND tỉnh (để báo cáo)"], archive: "VT, TCBC",
            directive: DecisionReference(number: "05/CT-UBND", date: ChartDate(year: 2022, month: 3, day: 15)))
        let (_, reader, _) = try Self.docx(profile: profile, chart: chart)
        let paragraphs = try reader.xml("word/document.xml").all("p").map(\.wordText)
        for needed in ["UBND TỈNH CAO BẰNG", "Số: 125/BC-SNV", "Cao Bằng, ngày 05 tháng 12 năm 2025", "KT. GIÁM ĐỐC",
                       "PHÓ GIÁM ĐỐC", "Nguyễn Văn An", "- UBND tỉnh (để báo cáo);", "- Lưu: VT, TCBC.",
                       "(Kèm theo Báo cáo số 125/BC-SNV ngày 05 tháng 12 năm 2025 của Sở Nội vụ)"] {
            #expect(paragraphs.contains(needed), "missing “\(needed)”")
        }
        let all = paragraphs.joined(separator: "\n")
        #expect(all.contains("Chỉ thị số 05/CT-UBND ngày 15 tháng 3 năm 2022 của Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"))
        #expect(all.contains("Quyết định số 12/2025/QĐ-UBND ngày 03 tháng 02 năm 2025"))
        let february = DocumentProfile(date: ChartDate(year: 2026, month: 2, day: 9))
        let (_, other, _) = try Self.docx(profile: february)
        #expect(try other.xml("word/document.xml").all("p").map(\.wordText).contains("…, ngày 09 tháng 02 năm 2026"))
    }

    @Test("A deadline where the norm gives one: excess deputies within five years of a reorganisation")
    func deadline() throws {
        var chart = GoldenTests.chart()
        let index = try #require(chart.units.firstIndex { $0.id == "snn.tl" })
        chart.units[index].leadership = Leadership(heads: 1, deputies: 2)
        chart.units[index].reorganized = ChartDate(year: 2024, month: 7, day: 1)
        let (_, reader, result) = try Self.docx(chart: chart)
        #expect(result.findings.contains { $0.rule == DeputyCapRule.id && $0.isCountable })
        let paragraphs = try reader.xml("word/document.xml").all("p").map(\.wordText)
        let recommendation = try #require(paragraphs.first { $0.hasPrefix("Sắp xếp, giảm số cấp phó") })
        #expect(recommendation.contains("(Phòng Thủy lợi thuộc Sở Nông nghiệp và Môi trường)"))
        #expect(recommendation.contains("hoàn thành trước ngày 01 tháng 7 năm 2029"), "\(recommendation)")
        #expect(paragraphs.contains("trước ngày 01/07/2029"), "the annex's timetable")
    }

    @Test("Every rule declares a recommendation in both languages")
    func remedies() {
        for rule in RuleCatalog.all {
            #expect(!rule.remedy.action.vi.isEmpty && !rule.remedy.action.en.isEmpty, "\(rule.code)")
            #expect(rule.remedy.action.vi != rule.remedy.action.en, "\(rule.code)")
        }
    }

    @Test("The package reader refuses unsafe names, bombs and what is not a ZIP")
    func packageLimits() throws {
        #expect(throws: OfficePackage.Failure.self) { try OfficePackage.parts(of: Data("not a zip".utf8)) }
        let unsafe = try OfficePackage.archive([OfficePackage.Part("../evil.xml", "<a/>")])
        #expect(throws: OfficePackage.Failure.self) { try OfficePackage.parts(of: unsafe) }
        let big = try OfficePackage.archive([OfficePackage.Part("word/document.xml", String(repeating: "a", count: 2_000_000))])
        #expect(throws: OfficePackage.Failure.self) { try OfficePackage.parts(of: big) }
        #expect(throws: OfficePackage.Failure.self) {
            try OfficePackage.parts(of: big, limits: OfficePackage.Limits(entrySize: 1_000, ratio: 1_000_000))
        }
        let ok = try OfficePackage.parts(of: big, limits: OfficePackage.Limits(ratio: 1_000_000))
        #expect(ok.first?.data.count == 2_000_000)
    }
}
