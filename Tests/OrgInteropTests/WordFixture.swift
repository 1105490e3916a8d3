import Foundation
import OrgOffice

/// A small Word decision built part by part, with what Word does to real ones: numbering on paragraphs
/// and inherited from a style, a list restarted per article, numbering switched off (numId 0), runs
/// splitting words, a tracked insertion kept, a deletion and a deleted paragraph dropped, a table of
/// units with a header row, a header part that is not content.
enum WordFixture {
    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func paragraph(_ runs: String, style: String? = nil, num: (id: Int, level: Int)? = nil) -> String {
        var properties = style.map { #"<w:pStyle w:val="\#($0)"/>"# } ?? ""
        if let num { properties += #"<w:numPr><w:ilvl w:val="\#(num.level)"/><w:numId w:val="\#(num.id)"/></w:numPr>"# }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
    }

    static func run(_ text: String) -> String { #"<w:r><w:t xml:space="preserve">\#(text)</w:t></w:r>"# }

    static func department() throws -> Data {
        let body = [
            paragraph(run("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG")), paragraph(run("Số: 15/2025/QĐ-UBND")),
            paragraph(run("Cao Bằng, ngày 12 tháng 3 năm 2025")), paragraph(run("QUYẾT ĐỊNH")),
            paragraph(run("Quy định vị trí, chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư ") + run("pháp tỉnh Cao Bằng")),
            paragraph(run("QUYẾT ĐỊNH:")),
            paragraph("<w:r><w:t>Điều 1.</w:t></w:r><w:r><w:tab/><w:t>Vị trí và chức năng</w:t></w:r>"),
            paragraph(run("Sở Tư pháp có chức năng tham mưu về công tác tư pháp."), num: (3, 0)),
            paragraph("<w:r><w:t>Điều 2.</w:t></w:r><w:r><w:tab/><w:t>Nhiệm vụ và quyền hạn</w:t></w:r>"),
            paragraph(run("Trình dự thảo quyết định trong lĩnh vực tư ") + "<w:proofErr w:type=\"spellStart\"/>" + run("ph")
                      + "<w:bookmarkStart w:id=\"0\" w:name=\"a\"/>" + run("áp;") + "<w:bookmarkEnd w:id=\"0\"/>", num: (1, 0)),
            paragraph(run("Về kiểm tra văn bản:"), style: "Khoan2"),
            paragraph(run("Giúp ") + #"<w:ins w:id="1" w:author="A"><w:r><w:t>tự kiểm tra văn bản</w:t></w:r></w:ins>"#
                      + #"<w:del w:id="2" w:author="A"><w:r><w:delText> XÓA BỎ</w:delText></w:r></w:del>"# + run(";"), num: (1, 1)),
            #"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr><w:del w:id="4" w:author="A"><w:r><w:delText>Một điểm XÓA cả đoạn;</w:delText></w:r></w:del></w:p>"#,
            paragraph(run("Kiểm tra văn bản của cấp xã;"), num: (1, 1)),
            paragraph(run("Thực hiện các nhiệm vụ khác được giao."), num: (1, 0)),
            paragraph("<w:r><w:t>Điều 3.</w:t></w:r><w:r><w:tab/><w:t>Cơ cấu tổ chức và biên chế</w:t></w:r>"),
            paragraph(run("Lãnh đạo Sở: Sở có Giám đốc và không quá 02 Phó Giám đốc."), num: (2, 0)),
            paragraph(run("Các tổ chức tham mưu, tổng hợp và chuyên môn, nghiệp vụ:"), num: (2, 0)),
            "<w:tbl>" + [["STT", "Tên tổ chức"], ["1", "Văn phòng"], ["2", "Phòng Hành chính tư pháp"]].map { row in
                "<w:tr>" + row.map { "<w:tc>" + paragraph(run($0)) + "</w:tc>" }.joined() + "</w:tr>"
            }.joined() + "</w:tbl>",
            #"<w:p><w:pPr><w:pStyle w:val="Khoan"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>"# + run("Biên chế công chức được giao trên cơ sở vị trí việc làm.") + "</w:p>",
        ].joined()
        let document = #"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="\#(w)"><w:body>\#(body)<w:sectPr/></w:body></w:document>"#
        let numbering = #"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="\#(w)"><w:abstractNum w:abstractNumId="0">"#
            + #"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>"#
            + #"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>"#
            + (1...3).map { #"<w:num w:numId="\#($0)"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"# }.joined()
            + "</w:numbering>"
        let styles = #"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="\#(w)">"#
            + #"<w:style w:type="paragraph" w:styleId="Khoan"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Khoan2"><w:basedOn w:val="Khoan"/></w:style></w:styles>"#
        let header = #"<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="\#(w)"><w:p><w:r><w:t>Trang 1</w:t></w:r></w:p></w:hdr>"#
        return try OfficePackage.archive([
            OfficePackage.Part("[Content_Types].xml", contentTypes), OfficePackage.Part("word/document.xml", document),
            OfficePackage.Part("word/numbering.xml", numbering), OfficePackage.Part("word/styles.xml", styles),
            OfficePackage.Part("word/header1.xml", header),
        ])
    }
}
