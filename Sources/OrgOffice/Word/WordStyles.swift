import OrgModel

/// `word/styles.xml`: Times New Roman throughout, and each element at the size Decree 30/2020/NĐ-CP gives
/// it (Appendix I): body 13–14 (the profile's), masthead 13, recipients 11, tables 12. Style names are
/// Vietnamese, as the clerk sees them in Word's style list.
struct WordStyles {
    let layout: DocumentProfile.PageLayout
    let languageTag: String

    /// The page-number header's style.
    static let headerStyle = "PageHeader"

    /// Centimetres in twips.
    static func twips(centimetres: Double) -> Int { Int((centimetres * 1_440 / 2.54).rounded()) }

    /// The size in points each style sets (what the structure tests check against the decree).
    func size(_ style: WordStyle) -> Double {
        switch style {
        case .body, .heading1, .heading2, .heading3, .note, .bullet, .documentType, .subject, .annexNumber,
             .annexTitle, .annexAttachment, .signature: layout.bodySize
        case .masthead: 13
        case .tableText, .tableHeader, .recipientsLabel: 12
        case .recipients: 11
        }
    }

    private struct Definition {
        var name: String
        var paragraph = ""
        var run = ""
        var outline: Int?
    }

    private func definition(_ style: WordStyle) -> Definition {
        let indent = Self.twips(centimetres: layout.firstLineIndent)
        let line = Int((layout.lineSpacing * 240).rounded())
        let bodySpacing = #"<w:spacing w:before="0" w:after="120" w:line="\#(line)" w:lineRule="auto"/>"#
        let flat = #"<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>"#
        let centred = #"<w:jc w:val="center"/>"#
        let body = bodySpacing + #"<w:ind w:firstLine="\#(indent)"/><w:jc w:val="both"/>"#
        switch style {
        case .body: return Definition(name: "Nội dung", paragraph: body)
        case .heading1: return Definition(name: "Đề mục cấp 1 (I, II)", paragraph: "<w:keepNext/>" + body, run: "<w:b/><w:bCs/>", outline: 0)
        case .heading2: return Definition(name: "Đề mục cấp 2 (1, 2)", paragraph: "<w:keepNext/>" + body, run: "<w:b/><w:bCs/>", outline: 1)
        case .heading3:
            return Definition(name: "Đề mục cấp 3 (a, b)", paragraph: "<w:keepNext/>" + body,
                              run: "<w:b/><w:bCs/><w:i/><w:iCs/>", outline: 2)
        case .note: return Definition(name: "Ghi chú", paragraph: body, run: "<w:i/><w:iCs/>")
        case .bullet:
            return Definition(name: "Gạch đầu dòng", paragraph: #"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"# + body)
        case .masthead: return Definition(name: "Tiêu đề văn bản", paragraph: flat + centred)
        case .documentType:
            return Definition(name: "Tên loại văn bản", paragraph: "<w:keepNext/>" + #"<w:spacing w:before="360" w:after="0"/><w:ind w:firstLine="0"/>"# + centred,
                              run: "<w:b/><w:bCs/>")
        case .subject:
            return Definition(name: "Trích yếu", paragraph: "<w:keepNext/>" + flat + centred, run: "<w:b/><w:bCs/>")
        case .annexNumber:
            return Definition(name: "Số phụ lục", paragraph: "<w:keepNext/>" + flat + centred, run: "<w:b/><w:bCs/>")
        case .annexTitle:
            return Definition(name: "Tên phụ lục", paragraph: "<w:keepNext/>" + flat + centred, run: "<w:b/><w:bCs/>")
        case .annexAttachment:
            return Definition(name: "Kèm theo", paragraph: #"<w:spacing w:before="0" w:after="240"/><w:ind w:firstLine="0"/>"# + centred,
                              run: "<w:i/><w:iCs/>")
        case .tableText:
            return Definition(name: "Nội dung bảng", paragraph: #"<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>"#)
        case .tableHeader:
            return Definition(name: "Tiêu đề cột", paragraph: #"<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>"# + centred,
                              run: "<w:b/><w:bCs/>")
        case .recipientsLabel:
            return Definition(name: "Nơi nhận", paragraph: flat, run: "<w:b/><w:bCs/><w:i/><w:iCs/>")
        case .recipients: return Definition(name: "Danh sách nơi nhận", paragraph: flat)
        case .signature: return Definition(name: "Chữ ký", paragraph: flat + centred, run: "<w:b/><w:bCs/>")
        }
    }

    func xml() -> String {
        let body = Int((layout.bodySize * 2).rounded())
        let font = "Times New Roman"
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:styles xmlns:w="\#(WordNamespace.main)"><w:docDefaults><w:rPrDefault><w:rPr>"#
            + #"<w:rFonts w:ascii="\#(font)" w:hAnsi="\#(font)" w:eastAsia="\#(font)" w:cs="\#(font)"/>"#
            + #"<w:color w:val="000000"/><w:sz w:val="\#(body)"/><w:szCs w:val="\#(body)"/>"#
            + #"<w:lang w:val="\#(WordXML.escape(languageTag))" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
            + #"<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
            + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#
            + #"<w:rPr><w:rFonts w:ascii="\#(font)" w:hAnsi="\#(font)" w:eastAsia="\#(font)" w:cs="\#(font)"/></w:rPr></w:style>"#
            + #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#
        for style in WordStyle.allCases {
            let definition = definition(style)
            let size = Int((size(style) * 2).rounded())
            let outline = definition.outline.map { #"<w:outlineLvl w:val="\#($0)"/>"# } ?? ""
            out += #"<w:style w:type="paragraph" w:customStyle="1" w:styleId="\#(style.rawValue)">"#
                + #"<w:name w:val="\#(WordXML.escape(definition.name))"/><w:basedOn w:val="Normal"/><w:qFormat/>"#
                + "<w:pPr>" + definition.paragraph + outline + "</w:pPr>"
                + "<w:rPr>" + definition.run + #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/></w:rPr></w:style>"#
        }
        out += #"<w:style w:type="paragraph" w:customStyle="1" w:styleId="\#(Self.headerStyle)"><w:name w:val="Số trang"/>"#
            + #"<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr>"#
            + #"<w:rPr><w:sz w:val="\#(body)"/><w:szCs w:val="\#(body)"/></w:rPr></w:style>"#
        return out + "</w:styles>\n"
    }
}
