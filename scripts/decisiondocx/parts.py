"""The package parts besides the body: content types, relationships, properties, settings, numbering, styles."""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape
from decisiondocx.parse import *  # noqa: F401,F403

def content_types(numbered):
    o = [("/word/document.xml", "wordprocessingml.document.main"), ("/word/styles.xml", "wordprocessingml.styles"),
         ("/word/settings.xml", "wordprocessingml.settings"), ("/word/header1.xml", "wordprocessingml.header"),
         ("/word/footer1.xml", "wordprocessingml.footer"), ("/docProps/app.xml", "extended-properties")]
    if numbered:
        o.append(("/word/numbering.xml", "wordprocessingml.numbering"))
    s = "".join('<Override PartName="%s" ContentType="application/vnd.openxmlformats-officedocument.%s+xml"/>'
                % (p, t) for p, t in o)
    s += ('<Override PartName="/docProps/core.xml" '
          'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>')
    return (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>%s</Types>' % s)


ROOT_RELS = (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="word/document.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
             'metadata/core-properties" Target="docProps/core.xml"/>'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'extended-properties" Target="docProps/app.xml"/></Relationships>')

APP = (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       '<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>')


def doc_rels(numbered):
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    rels = [("rIdStyles", "styles", "styles.xml"), ("rIdSettings", "settings", "settings.xml"),
            ("rIdHeader1", "header", "header1.xml"), ("rIdFooter1", "footer", "footer1.xml")]
    if numbered:
        rels.append(("rIdNumbering", "numbering", "numbering.xml"))
    return (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s'
            '</Relationships>' % "".join('<Relationship Id="%s" Type="%s%s" Target="%s"/>' % (i, base, t, g)
                                         for i, t, g in rels))


def core(items):
    title = next((it["raw"] for it in items if it["raw"].startswith("Quy định") or it["raw"].startswith("Về ")),
                 "Quyết định")
    return (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/'
            'terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title>'
            '<dc:creator>Văn phòng UBND tỉnh</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy>'
            '<cp:revision>3</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-02-20T08:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-01T00:00:00Z</dcterms:modified>'
            '</cp:coreProperties>' % (esc(title), esc(AUTHOR)))


def settings(tracked):
    return (XML_DECL + '<w:settings xmlns:w="%s">%s<w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="'
            'compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '</w:settings>' % (W_NS, "<w:revisionView w:markup=\"0\" w:insDel=\"0\" w:formatting=\"0\"/><w:trackRevisions/>" if tracked else ""))


def lvl(ilvl, fmt, text, left):
    font = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr>' if fmt == "bullet" else ""
    return ('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:suff w:val="space"/>'
            '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="%d"/>'
            '</w:pPr>%s</w:lvl>' % (ilvl, fmt, esc(text), left, font))


def numbering(nums):
    absx = ""
    for aid, ptext in ((1, "%2)"), (2, "%2.")):
        absx += ('<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>%s%s%s%s'
                 '</w:abstractNum>' % (aid, lvl(0, "decimal", "%1.", 567), lvl(1, "lowerLetter", ptext, 567),
                                       lvl(2, "bullet", "-", 567), lvl(3, "bullet", "+", 567)))
    numx = "".join('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/><w:lvlOverride w:ilvl="%d">'
                   '<w:startOverride w:val="%d"/></w:lvlOverride></w:num>' % n for n in nums)
    return XML_DECL + '<w:numbering xmlns:w="%s">%s%s</w:numbering>' % (W_NS, absx, numx)


def styles(style_defs, base_num, mode):
    def st(sid, name, based, ppr="", rpr="", typ="paragraph"):
        return ('<w:style w:type="%s" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/>%s%s%s</w:style>'
                % (typ, sid, esc(name), '<w:basedOn w:val="%s"/>' % based if based else "",
                   "<w:pPr>%s</w:pPr>" % ppr if ppr else "", "<w:rPr>%s</w:rPr>" % rpr if rpr else ""))
    s = ('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
         'w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/>'
         '<w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" '
         'w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>')
    s += ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
          '<w:pPr><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>')
    s += st("Dieu", "Điều", "Normal", '<w:keepNext/>', "<w:b/>")
    s += st("Chuong", "Chương", "Normal", '<w:keepNext/><w:ind w:firstLine="0"/><w:jc w:val="center"/>', "<w:b/>")
    s += st("TieuDe", "Tiêu đề", "Normal", '<w:keepNext/><w:ind w:firstLine="0"/><w:jc w:val="center"/>', "<w:b/>")
    s += st("BangChu", "Bảng chữ", "Normal", '<w:spacing w:after="0"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>')
    s += ('<w:style w:type="table" w:styleId="BangLuoi"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
          + "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>' % b
                    for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
          + '</w:tblBorders></w:tblPr></w:style>')
    if mode == "style":
        chain = [("clause", "Khoan", "Khoản", "Normal"), ("point)", "Diem", "Điểm", "Khoan"),
                 ("point.", "DiemCham", "Điểm chấm", "Khoan"), ("dash", "GachDau", "Gạch đầu dòng", "Diem"),
                 ("plus", "DauCong", "Dấu cộng", "GachDau")]
        for key, sid, name, based in chain:
            s += st(sid, name, based, numpr_xml(base_num[key], KIND_LEVEL[key.rstrip(").")]))
        for sid, name, based, npr in style_defs:
            s += st(sid, name, based, npr)
    return XML_DECL + '<w:styles xmlns:w="%s">%s</w:styles>' % (W_NS, s)


def write_docx(parts, path):
    with open(path, "wb") as f:
        f.write(docx_bytes(parts))


def docx_bytes(parts):
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            z.writestr(zi, text.encode("utf-8"))
    return buf.getvalue()


