import Foundation
import OrgModel

/// A ``WordDocument`` as a .docx package: the document, its styles (Times New Roman, the decree's sizes),
/// numbering (the "-" items), settings, the page-number header (none on a section's first page), an
/// empty footer, and the core and application properties. Every part is written here; no template is
/// read from anywhere.
public enum WordPackage {
    static let headerID = "rIdHeader", firstHeaderID = "rIdHeaderFirst", footerID = "rIdFooter"

    /// The package's bytes, the same for the same document.
    public static func data(_ document: WordDocument) throws(OfficePackage.Failure) -> Data {
        try OfficePackage.archive(parts(document))
    }

    /// The parts, in the order they are written.
    public static func parts(_ document: WordDocument) -> [OfficePackage.Part] {
        [
            OfficePackage.Part("[Content_Types].xml", contentTypes),
            OfficePackage.Part("_rels/.rels", packageRelationships),
            OfficePackage.Part("docProps/core.xml", core(document)),
            OfficePackage.Part("docProps/app.xml", application),
            OfficePackage.Part("word/document.xml", WordBodyXML(document: document).xml()),
            OfficePackage.Part("word/_rels/document.xml.rels", documentRelationships),
            OfficePackage.Part("word/styles.xml", WordStyles(layout: document.layout, languageTag: document.languageTag).xml()),
            OfficePackage.Part("word/numbering.xml", numbering(document.layout)),
            OfficePackage.Part("word/settings.xml", settings(document.languageTag)),
            OfficePackage.Part("word/header1.xml", header(pageNumber: true)),
            OfficePackage.Part("word/header2.xml", header(pageNumber: false)),
            OfficePackage.Part("word/footer1.xml", footer),
        ]
    }

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    private static var contentTypes: String {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        let overrides = [
            ("/word/document.xml", main + "document.main+xml"), ("/word/styles.xml", main + "styles+xml"),
            ("/word/numbering.xml", main + "numbering+xml"), ("/word/settings.xml", main + "settings+xml"),
            ("/word/header1.xml", main + "header+xml"), ("/word/header2.xml", main + "header+xml"),
            ("/word/footer1.xml", main + "footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        return declaration + #"<Types xmlns="\#(WordNamespace.contentTypes)">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + overrides.map { #"<Override PartName="\#($0.0)" ContentType="\#($0.1)"/>"# }.joined() + "</Types>\n"
    }

    private static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        declaration + #"<Relationships xmlns="\#(WordNamespace.packageRelationships)">"#
            + items.map { #"<Relationship Id="\#($0.id)" Type="\#($0.type)" Target="\#($0.target)"/>"# }.joined()
            + "</Relationships>\n"
    }

    private static var packageRelationships: String {
        relationships([
            ("rId1", WordNamespace.relationships + "/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", WordNamespace.relationships + "/extended-properties", "docProps/app.xml"),
        ])
    }

    private static var documentRelationships: String {
        let type = WordNamespace.relationships + "/"
        return relationships([
            ("rIdStyles", type + "styles", "styles.xml"), ("rIdNumbering", type + "numbering", "numbering.xml"),
            ("rIdSettings", type + "settings", "settings.xml"), (headerID, type + "header", "header1.xml"),
            (firstHeaderID, type + "header", "header2.xml"), (footerID, type + "footer", "footer1.xml"),
        ])
    }

    private static func core(_ document: WordDocument) -> String {
        let created = document.created.map {
            #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(WordXML.escape($0))</dcterms:created>"#
                + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(WordXML.escape($0))</dcterms:modified>"#
        } ?? ""
        return declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#
            + #" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#
            + #" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(WordXML.escape(document.title))</dc:title><dc:subject>\(WordXML.escape(document.subject))</dc:subject>"
            + "<dc:creator>orgscope</dc:creator><dc:language>\(WordXML.escape(document.languageTag))</dc:language>"
            + created + "</cp:coreProperties>\n"
    }

    private static let application = declaration
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>orgscope</Application></Properties>\n"

    /// One list: items marked "-", indented as the body's first line.
    private static func numbering(_ layout: DocumentProfile.PageLayout) -> String {
        let indent = WordStyles.twips(centimetres: layout.firstLineIndent)
        return declaration + #"<w:numbering xmlns:w="\#(WordNamespace.main)">"#
            + #"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>"#
            + #"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:suff w:val="space"/><w:lvlText w:val="-"/>"#
            + #"<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="\#(indent)"/></w:pPr></w:lvl></w:abstractNum>"#
            + #"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"# + "\n"
    }

    private static func settings(_ languageTag: String) -> String {
        declaration + #"<w:settings xmlns:w="\#(WordNamespace.main)"><w:zoom w:percent="100"/>"#
            + #"<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>"#
            + #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
            + #"<w:themeFontLang w:val="\#(WordXML.escape(languageTag))"/></w:settings>"# + "\n"
    }

    /// The header: the page number, centred (a PAGE field), or nothing (a section's first page).
    private static func header(pageNumber: Bool) -> String {
        let field = pageNumber
            ? #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#
                + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
            : ""
        return declaration + #"<w:hdr xmlns:w="\#(WordNamespace.main)" xmlns:r="\#(WordNamespace.relationships)">"#
            + #"<w:p><w:pPr><w:pStyle w:val="\#(WordStyles.headerStyle)"/></w:pPr>\#(field)</w:p></w:hdr>"# + "\n"
    }

    private static let footer = declaration + #"<w:ftr xmlns:w="\#(WordNamespace.main)" xmlns:r="\#(WordNamespace.relationships)">"#
        + #"<w:p><w:pPr><w:pStyle w:val="\#(WordStyles.headerStyle)"/></w:pPr></w:p></w:ftr>"# + "\n"
}
