import Foundation
import OrgInterop
import OrgModel
import OrgOffice
import Testing

/// The province's decisions read into a chart: text as typed and as copied from a PDF, Word documents
/// with everything Word does, the two layouts, a divisions decision merged by name, ids, and every
/// hostile input refused.
@Suite("Decisions in")
struct DecisionExtractorTests {
    static let department = """
        ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
        Số: 15/2025/QĐ-UBND
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Cao Bằng, ngày 12 tháng 3 năm 2025
        QUYẾT ĐỊNH
        Quy định vị trí, chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp tỉnh Cao Bằng
        ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
        Căn cứ Luật Tổ chức chính quyền địa phương;
        QUYẾT ĐỊNH:
        Điều 1. Vị trí và chức năng
        1. Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có chức năng tham mưu về công tác tư pháp.
        2. Sở Tư pháp có tư cách pháp nhân, có con dấu và tài khoản riêng.
        Điều 2. Nhiệm vụ và quyền hạn
        Sở Tư pháp có các nhiệm vụ, quyền hạn sau:
        1. Trình Ủy ban nhân dân tỉnh dự thảo quyết định trong lĩnh vực tư pháp;
        2. Về kiểm tra văn bản:
        a) Giúp Ủy ban nhân dân tỉnh tự kiểm tra văn bản;
        b) Kiểm tra văn bản do cấp xã ban hành:
        - Kiểm tra văn bản của Hội đồng nhân dân cấp xã;
        - Kiểm tra văn bản của Ủy ban nhân dân cấp xã;
        đ) Kiến nghị xử lý văn bản trái pháp luật.
        3. Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao.
        Điều 3. Cơ cấu tổ chức và biên chế
        1. Lãnh đạo Sở: Sở có Giám đốc và không quá 03 Phó Giám đốc.
        2. Các tổ chức tham mưu, tổng hợp và chuyên môn, nghiệp vụ:
        a) Văn phòng;
        b) Phòng Hành chính tư pháp;
        3. Đơn vị sự nghiệp công lập:
        a) Trung tâm Trợ giúp pháp lý nhà nước.
        Biên chế công chức được giao trên cơ sở vị trí việc làm.
        Điều 4. Hiệu lực thi hành
        Quyết định này có hiệu lực từ ngày 15 tháng 3 năm 2025.
        """

    static func extract(_ files: [(String, String)], ids: [String: String] = [:]) throws -> DecisionExtractor.Result {
        let paths = try files.map { try TestFiles.write($0.1, name: $0.0) }
        return try DecisionExtractor(ids: ids).extract(paths: paths)
    }

    @Test("A department decision: functions, one duty per clause, point or item, sources, catch-all, units, cap")
    func departmentText() throws {
        let result = try Self.extract([("stp.txt", Self.department)])
        let chart = result.chart
        #expect(chart.name == "Ủy ban nhân dân tỉnh Cao Bằng" && chart.asOf == ChartDate(year: 2025, month: 3, day: 12))
        let stp = try #require(chart.units.first { $0.name == "Sở Tư pháp" })
        #expect(stp.id == "stp" && stp.kind == .department && stp.parent == "ubnd")
        #expect(stp.foundingDecision == DecisionReference(number: "15/2025/QĐ-UBND", date: ChartDate(year: 2025, month: 3, day: 12)))
        #expect(stp.leadership?.maxDeputies == 3 && stp.leadership?.heads == 1)
        #expect(stp.functions == ["Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có chức năng tham mưu về công tác tư pháp"])
        #expect(stp.duties.map(\.text) == [
            "Trình Ủy ban nhân dân tỉnh dự thảo quyết định trong lĩnh vực tư pháp",
            "Giúp Ủy ban nhân dân tỉnh tự kiểm tra văn bản",
            "Kiểm tra văn bản của Hội đồng nhân dân cấp xã",
            "Kiểm tra văn bản của Ủy ban nhân dân cấp xã",
            "Kiến nghị xử lý văn bản trái pháp luật",
            "Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao",
        ])
        #expect(stp.duties.map(\.source) == [
            "khoản 1 Điều 2 Quyết định số 15/2025/QĐ-UBND", "điểm a khoản 2 Điều 2 Quyết định số 15/2025/QĐ-UBND",
            "gạch đầu dòng thứ nhất điểm b khoản 2 Điều 2 Quyết định số 15/2025/QĐ-UBND",
            "gạch đầu dòng thứ hai điểm b khoản 2 Điều 2 Quyết định số 15/2025/QĐ-UBND",
            "điểm đ khoản 2 Điều 2 Quyết định số 15/2025/QĐ-UBND", "khoản 3 Điều 2 Quyết định số 15/2025/QĐ-UBND",
        ])
        #expect(stp.duties.map(\.isCatchAll) == [false, false, false, false, false, true])
        #expect(stp.duties.map(\.id.rawValue) == ["stp.1", "stp.2", "stp.3", "stp.4", "stp.5", "stp.6"])
        let children = chart.units.filter { $0.parent == "stp" }.map { "\($0.id)|\($0.name)|\($0.kind.rawValue)" }
        #expect(children == ["stp.vp|Văn phòng Sở|division", "stp.hctp|Phòng Hành chính tư pháp|division",
                             "stp.tttgplnn|Trung tâm Trợ giúp pháp lý nhà nước|public-service-unit"])
        // Nothing silently dropped: the introduction of the duties and the quota sentence are warned at their lines.
        let warned = result.warnings.map(\.location.line)
        #expect(warned.contains(14) && warned.contains(30), "\(result.warnings.map(\.description))")
        #expect(result.warnings.allSatisfy { $0.location.column == 0 && $0.description.hasPrefix($0.location.file + ":") })
    }

    @Test("Copied from a PDF: wrapped lines joined, page numbers and running headers dropped with a warning")
    func copiedText() throws {
        var lines = Self.department.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = lines.firstIndex(of: "Điều 1. Vị trí và chức năng")!
        lines[heading] = "Điều 1. Vị trí và\nchức năng"
        let long = lines.firstIndex { $0.hasPrefix("1. Trình") }!
        lines[long] = "1. Trình Ủy ban nhân dân tỉnh dự thảo quyết định trong lĩnh vực\ntư pháp;"
        lines.insert("- 2 -", at: long)
        let copied = lines.joined(separator: "\n")
        let result = try Self.extract([("copied.txt", copied)])
        let stp = try #require(result.chart.units.first { $0.name == "Sở Tư pháp" })
        #expect(stp.duties.first?.text == "Trình Ủy ban nhân dân tỉnh dự thảo quyết định trong lĩnh vực tư pháp")
        #expect(stp.functions.count == 1 && stp.duties.count == 6)
        #expect(result.warnings.contains { $0.message.contains("page number") })
    }

    @Test("The attached-regulation layout cites its articles as those of the regulation")
    func attachedLayout() throws {
        let text = Self.department
            .replacingOccurrences(of: "QUYẾT ĐỊNH:\nĐiều 1. Vị trí và chức năng",
                                  with: "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy định vị trí, chức năng của Sở Tư pháp.\n"
                                      + "Điều 2. Quyết định này có hiệu lực từ ngày ký.\nQUY ĐỊNH\nChương I\nVỊ TRÍ VÀ CHỨC NĂNG\n"
                                      + "Điều 1. Vị trí và chức năng")
        let stp = try #require(try Self.extract([("attached.txt", text)]).chart.units.first { $0.name == "Sở Tư pháp" })
        #expect(stp.duties.count == 6)
        #expect(stp.duties.first?.source == "khoản 1 Điều 2 Quy định ban hành kèm theo Quyết định số 15/2025/QĐ-UBND")
    }

    @Test("A director's decision on the divisions gives each division its duties, matched by name")
    func divisions() throws {
        let divisions = """
            SỞ TƯ PHÁP
            Số: 25/QĐ-STP
            Cao Bằng, ngày 20 tháng 3 năm 2025
            QUYẾT ĐỊNH
            Quy định chức năng, nhiệm vụ, quyền hạn của Văn phòng và các phòng chuyên môn, nghiệp vụ thuộc Sở Tư pháp
            QUYẾT ĐỊNH:
            Điều 1. Văn phòng Sở
            1. Tham mưu công tác tổng hợp, hành chính, văn thư của Sở;
            2. Thực hiện các nhiệm vụ khác do Giám đốc Sở giao.
            Điều 2. Phòng Hành chính tư pháp
            1. Tham mưu công tác hộ tịch, quốc tịch, chứng thực;
            """
        let result = try Self.extract([("stp.txt", Self.department), ("divisions.txt", divisions)])
        let office = try #require(result.chart.units.first { $0.id == "stp.vp" })
        #expect(office.duties.map(\.source) == ["khoản 1 Điều 1 Quyết định số 25/QĐ-STP", "khoản 2 Điều 1 Quyết định số 25/QĐ-STP"])
        #expect(office.foundingDecision?.number == "25/QĐ-STP" && office.duties.last?.isCatchAll == true)
        #expect(result.chart.units.first { $0.id == "stp.hctp" }?.duties.count == 1)
        #expect(result.chart.units.count(where: { $0.parent == "stp" }) == 3, "no division added twice")
    }

    @Test("--ids pins ids by name or path; the rest are made from names")
    func pinnedIDs() throws {
        let ids = try DecisionExtractor.readIDs("# pinned\nSở Tư pháp\ttp\nSở Tư pháp / Văn phòng Sở\ttp.office\n", file: "ids.tsv")
        let chart = try Self.extract([("stp.txt", Self.department)], ids: ids).chart
        #expect(chart.units.map(\.id.rawValue).prefix(3) == ["ubnd", "tp", "tp.office"])
        #expect(chart.units.first { $0.id == "tp" }?.duties.first?.id == "tp.1")
        #expect(throws: InteropError.self) { try DecisionExtractor.readIDs("Sở Tư pháp has no tab\n", file: "ids.tsv") }
    }

    @Test("Word: automatic numbering on paragraphs and styles, restarts, numbering off, insertions kept, deletions dropped, tables, headers ignored")
    func word() throws {
        let data = try WordFixture.department()
        let path = try TestFiles.write(data, name: "stp.docx")
        let result = try DecisionExtractor().extract(paths: [path])
        let stp = try #require(result.chart.units.first { $0.name == "Sở Tư pháp" })
        #expect(stp.duties.map(\.text) == ["Trình dự thảo quyết định trong lĩnh vực tư pháp", "Giúp tự kiểm tra văn bản",
                                           "Kiểm tra văn bản của cấp xã", "Thực hiện các nhiệm vụ khác được giao"])
        #expect(stp.duties.map { ($0.source ?? "").components(separatedBy: " Quyết định").first ?? "" }
                == ["khoản 1 Điều 2", "điểm a khoản 2 Điều 2", "điểm b khoản 2 Điều 2", "khoản 3 Điều 2"])
        #expect(stp.leadership?.maxDeputies == 2)
        let children = result.chart.units.filter { $0.parent == stp.id }.map(\.name)
        #expect(children == ["Văn phòng Sở", "Phòng Hành chính tư pháp"])
        #expect(!result.chart.units.flatMap(\.duties).contains { $0.text.contains("Trang") || $0.text.contains("XÓA") })
    }

    @Test("Hostile or wrong files are refused with one clear error each")
    func hostile() throws {
        func refused(_ data: Data, name: String, _ needle: String) throws {
            let path = try TestFiles.write(data, name: name)
            do {
                _ = try DecisionExtractor().extract(paths: [path])
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.diagnostics.contains { $0.severity == .error && $0.message.contains(needle) },
                        "\(error.diagnostics.map(\.description))")
            }
        }
        try refused(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), name: "old.doc", "convert it to .docx")
        try refused(Data("PK\u{03}\u{04}broken".utf8), name: "broken.docx", "not a readable Word document")
        let bomb = try OfficePackage.archive([OfficePackage.Part("[Content_Types].xml", WordFixture.contentTypes),
                                              OfficePackage.Part("word/document.xml", String(repeating: " ", count: 3_000_000))])
        try refused(bomb, name: "bomb.docx", "ZIP bomb")
        let evil = try OfficePackage.archive([OfficePackage.Part("../../evil.xml", "<a/>")])
        try refused(evil, name: "evil.docx", "unsafe entry name")
        let doctype = try OfficePackage.archive([
            OfficePackage.Part("[Content_Types].xml", WordFixture.contentTypes),
            OfficePackage.Part("word/document.xml", #"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "boom">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#),
        ])
        try refused(doctype, name: "doctype.docx", "DOCTYPE")
        try refused(Data([0xFF, 0xFE, 0x00, 0xD8]), name: "latin.txt", "UTF-8")
        try refused(Data("Một văn bản không có trích yếu.\n".utf8), name: "nothing.txt", "no subject")
        // Found by the fuzzer: an archive that made ZIPFoundation's in-memory reader seek past its end and trap.
        let seek = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("OrgImportTests/Fixtures/fuzz/decision-crash-memory-seek.docx")
        try refused(Data(contentsOf: seek), name: "seek.docx", "not a readable Word document")
        // Found by the fuzzer: an entry whose deflate stream never ends inside the file made ZIPFoundation read for ever.
        let hang = seek.deletingLastPathComponent().appendingPathComponent("decision-hang-packed-size.docx")
        try refused(Data(contentsOf: hang), name: "hang.docx", "not a readable Word document")
    }
}
