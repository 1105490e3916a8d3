"""Building the document body: runs, numbering, tracked changes, tables."""
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
from decisiondocx.parts import *  # noqa: F401,F403

# ---------------------------------------------------------------- rendering helpers



class Doc:
    def __init__(self, items, opts):
        self.items = items
        self.o = opts
        self.rev = 100
        self.bm = 0
        self.pcount = 0

    def rid(self):
        self.rev += 1
        return self.rev

    def runs(self, segs, bold=False):
        """segments (kind, text) -> run XML. kinds: t, ins, del, tab, br."""
        self.pcount += 1
        pn = self.pcount
        split = self.o.split_runs
        out = []
        runs_n = [0]

        def rpr(extra=""):
            b = "<w:b/>" if bold or (split and runs_n[0] % 2 == 1) else ""
            runs_n[0] += 1
            return "<w:rPr>%s%s</w:rPr>" % (b, extra) if (b or extra) else ""

        def text_runs(text):
            if not text:
                return ""
            chunks = [text]
            if split:
                chunks, pos, h = [], 0, hnum("split", pn, text)
                while pos < len(text):
                    n = 3 + h % 9
                    h //= 9
                    if h == 0:
                        h = hnum("more", pn, pos)
                    chunks.append(text[pos:pos + n])
                    pos += n
            res = []
            for i, c in enumerate(chunks):
                if split and pn % 3 == 0 and i == 1:
                    res.append('<w:proofErr w:type="spellStart"/>')
                res.append('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr(), esc(c)))
                if split and pn % 3 == 0 and i == 1:
                    res.append('<w:proofErr w:type="spellEnd"/>')
            return "".join(res)

        for kind, text in segs:
            if kind == "t":
                out.append(text_runs(text))
            elif kind == "tab":
                out.append("<w:r>%s<w:tab/></w:r>" % rpr())
            elif kind == "br":
                out.append("<w:r>%s<w:br/></w:r>" % rpr())
            elif kind == "ins":
                out.append('<w:ins w:id="%d" w:author="%s" w:date="%s">%s</w:ins>'
                           % (self.rid(), esc(AUTHOR), REV_DATE, text_runs(text)))
            elif kind == "del":
                out.append('<w:del w:id="%d" w:author="%s" w:date="%s"><w:r>%s<w:delText xml:space='
                           '"preserve">%s</w:delText></w:r></w:del>'
                           % (self.rid(), esc(AUTHOR), REV_DATE, rpr(), esc(text)))
        body = "".join(out)
        if split and pn % 4 == 0:
            self.bm += 1
            body = ('<w:bookmarkStart w:id="%d" w:name="_Ref%06d"/>' % (self.bm, 100000 + self.bm) + body +
                    '<w:bookmarkEnd w:id="%d"/>' % self.bm)
        return body

    def para(self, segs, style=None, numpr=None, jc=None, bold=False, extra_ppr=""):
        ppr = ""
        if style:
            ppr += '<w:pStyle w:val="%s"/>' % style
        if numpr is not None:
            ppr += numpr
        ppr += extra_ppr
        if jc:
            ppr += '<w:jc w:val="%s"/>' % jc
        return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", self.runs(segs, bold))



def build(lines, opts):
    """Return {part name: bytes} plus the ordered entry list."""
    items = parse(lines)
    lists = assign_lists(items)
    mode = opts.numbering
    numbered = mode in ("auto", "style")

    # numbering instances: numId per auto list (ids from 10 up, base-style nums 1..5)
    nums = []  # (numId, abstractId, ilvl, start)
    base_num = {}
    style_defs = []  # (styleId, name, basedOn, numPr xml or "")
    if numbered:
        for n, key in enumerate(["clause", "point)", "point.", "dash", "plus"], 1):
            base_num[key] = n
        kind_count = {}
        for lst in lists:
            if not lst["auto"]:
                continue
            key = list_key(lst)
            abstract = 2 if key == "point." else 1
            ilvl = KIND_LEVEL[lst["kind"]]
            kind_count[key] = kind_count.get(key, 0) + 1
            k = kind_count[key]
            if mode == "style" and k == 1:
                lst["num"] = base_num[key]
            else:
                lst["num"] = 10 + len(nums)
                nums.append((lst["num"], abstract, ilvl, lst["start"]))
            if mode == "style":
                lst["style"] = "%s%d" % (STYLE_BASE[key], k)
                style_defs.append((lst["style"], "%s %d" % (STYLE_BASE[key], k), STYLE_BASE[key],
                                   "" if k == 1 else numpr_xml(lst["num"], ilvl)))
        # base nums: the first list of each kind (style mode) or unused defaults
        first_start = {}
        for lst in lists:
            if lst["auto"]:
                first_start.setdefault(list_key(lst), lst["start"])
        for key, n in base_num.items():
            abstract = 2 if key == "point." else 1
            nums.insert(n - 1, (n, abstract, KIND_LEVEL[key.rstrip(").")], first_start.get(key, 1)))

    # which plain paragraph gets style Khoan + numId 0
    off_idx = None
    if mode == "style":
        seen_clause = False
        cands = []
        for i, it in enumerate(items):
            if it["kind"] in ("heading", "title"):
                seen_clause = False
            elif it["kind"] == "clause":
                seen_clause = True
            elif it["kind"] == "plain" and seen_clause:
                cands.append(i)
        pref = [i for i in cands if items[i]["raw"].lower().startswith("biên chế")]
        off_idx = (pref or cands or [None])[0]

    tables = structure_tables(items) if opts.table_structure else []
    table_of = {}
    for clause_idx, members in tables:
        for m in members:
            table_of[m] = clause_idx
    table_start = {members[0]: members for _, members in tables}

    # w:br: the two longest paragraphs (> 120 chars) outside the heading block and tables
    hb = heading_block(items)
    hb_end = hb[1][1] if hb else 0
    cand = sorted((i for i, it in enumerate(items) if i >= hb_end and i not in table_of
                   and it["kind"] not in ("heading", "title") and len(it["text"]) > 120),
                  key=lambda i: (-len(items[i]["text"]), i))
    br_set = set(cand[:2])

    # tracked changes: every 5th list paragraph outside tables
    track_set, deleted_after = set(), None
    if opts.tracked_changes:
        duty = [i for i, it in enumerate(items) if it["kind"] in KIND_LEVEL and i not in table_of]
        track_set = {i for n, i in enumerate(duty) if n % 5 == 4 and len(items[i]["text"].split()) >= 4}
        if len(duty) >= 3:
            deleted_after = duty[2]

    d = Doc(items, opts)

    def item_segments(i, it, text):
        segs = [("t", text)]
        if it["kind"] == "heading":
            m = RE_DIEU.match(text)
            if m:
                segs = [("t", m.group(1)), ("tab", ""), ("t", m.group(2))]
        if i in br_set:
            k = max(range(len(segs)), key=lambda j: len(segs[j][1]) if segs[j][0] == "t" else -1)
            s = segs[k][1]
            spaces = [p for p, c in enumerate(s) if c == " "]
            if spaces:
                p = min(spaces, key=lambda p: (abs(p - len(s) // 2), p))
                segs[k:k + 1] = [("t", s[:p]), ("br", ""), ("t", s[p + 1:])]
        if i in track_set:
            k = max(j for j in range(len(segs)) if segs[j][0] == "t")
            s = segs[k][1]
            spaces = [p for p, c in enumerate(s) if c == " "]
            if spaces:
                p = min(spaces, key=lambda p: (abs(p - len(s) * 6 // 10), p))
                words = DEL_WORDS[hnum("del", i) % len(DEL_WORDS)]
                segs[k:k + 1] = [("t", s[:p + 1]), ("del", words + " "), ("ins", s[p + 1:])]
        return segs

    def label_parts(it):
        """(numPr xml or None, style, text) for a list item."""
        lst = it["list"]
        key = list_key(lst)
        if not numbered:
            return None, None, it["raw"]
        if not lst["auto"]:
            if mode == "style":
                return NUMPR_OFF, STYLE_BASE[key], it["raw"]
            return None, None, it["raw"]
        if mode == "auto":
            return numpr_xml(lst["num"], KIND_LEVEL[lst["kind"]]), None, it["text"]
        return None, lst["style"], it["text"]

    body = []
    # heading block table
    start = 0
    if hb:
        (l0, l1), (r0, r1) = hb
        cells = []
        for (a, b), width in (((l0, l1), 3600), ((r0, r1), 5800)):
            ps = "".join(d.para([("t", items[i]["raw"])], style="BangChu", jc="center",
                                bold=not items[i]["raw"].startswith("Số") and "ngày" not in items[i]["raw"])
                         for i in range(a, b)) or "<w:p/>"
            cells.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (width, ps))
        body.append('<w:tbl><w:tblPr><w:tblW w:w="9400" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
                    '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="3600"/>'
                    '<w:gridCol w:w="5800"/></w:tblGrid><w:tr>%s</w:tr></w:tbl>' % "".join(cells))
        start = hb_end

    for i in range(start, len(items)):
        it = items[i]
        k = it["kind"]
        if i in table_of:
            if i in table_start:
                rows = ['<w:tr><w:trPr><w:tblHeader/></w:trPr>'
                        '<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr>%s</w:tc>'
                        '<w:tc><w:tcPr><w:tcW w:w="8400" w:type="dxa"/></w:tcPr>%s</w:tc></w:tr>'
                        % (d.para([("t", "STT")], style="BangChu", jc="center", bold=True),
                           d.para([("t", "Tên tổ chức")], style="BangChu", jc="center", bold=True))]
                for m in table_start[i]:
                    mi = items[m]
                    numpr, style, _ = label_parts(mi)
                    ind = '<w:spacing w:after="0"/><w:ind w:left="0" w:firstLine="0"/>'
                    if numbered and mi["list"]["auto"]:
                        if mode == "auto":
                            stt = d.para([], style="BangChu", numpr=numpr, jc="center", extra_ppr=ind)
                        else:
                            stt = d.para([], style=style, jc="center", extra_ppr=ind)
                    else:
                        stt = d.para([("t", mi["label"])], style="BangChu", numpr=numpr, jc="center",
                                     extra_ppr=ind)
                    rows.append('<w:tr><w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr>%s</w:tc>'
                                '<w:tc><w:tcPr><w:tcW w:w="8400" w:type="dxa"/></w:tcPr>%s</w:tc></w:tr>'
                                % (stt, d.para([("t", mi["text"])], style="BangChu")))
                body.append('<w:tbl><w:tblPr><w:tblStyle w:val="BangLuoi"/><w:tblW w:w="9400" w:type="dxa"/>'
                            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>'
                            '<w:gridCol w:w="1000"/><w:gridCol w:w="8400"/></w:tblGrid>%s</w:tbl>'
                            % "".join(rows))
            continue
        if k in KIND_LEVEL:
            numpr, style, text = label_parts(it)
            body.append(d.para(item_segments(i, it, text), style=style, numpr=numpr))
        elif k == "heading":
            center = not it["raw"].startswith("Điều")
            body.append(d.para(item_segments(i, it, it["raw"]), style="Dieu" if not center else "Chuong",
                               jc="center" if center else None))
        elif k == "title":
            body.append(d.para(item_segments(i, it, it["raw"]), style="TieuDe"))
        else:
            if i == off_idx:
                body.append(d.para(item_segments(i, it, it["raw"]), style="Khoan", numpr=NUMPR_OFF))
            else:
                body.append(d.para(item_segments(i, it, it["raw"])))
        if i == deleted_after:
            rid = d.rid()
            body.append('<w:p><w:pPr><w:rPr><w:del w:id="%d" w:author="%s" w:date="%s"/></w:rPr></w:pPr>'
                        '<w:del w:id="%d" w:author="%s" w:date="%s"><w:r><w:delText xml:space="preserve">'
                        '%s</w:delText></w:r></w:del></w:p>'
                        % (rid, esc(AUTHOR), REV_DATE, d.rid(), esc(AUTHOR), REV_DATE, esc(DELETED_PARAGRAPH)))

    body.append('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
                '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
                '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
                'w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    document = (XML_DECL + '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s</w:body></w:document>'
                % (W_NS, R_NS, "".join(body)))

    so = next((it["raw"] for it in items[:10] if it["raw"].startswith("Số")), "")
    so = re.sub(r"^Số\s*:?\s*", "", so)
    header = (XML_DECL + '<w:hdr xmlns:w="%s" xmlns:r="%s"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
              '<w:r><w:rPr><w:i/><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:hdr>'
              % (W_NS, R_NS, esc("Quyết định số " + so if so else "Quyết định")))
    footer = (XML_DECL + '<w:ftr xmlns:w="%s" xmlns:r="%s"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
              '<w:r><w:t xml:space="preserve">Trang </w:t></w:r>'
              '<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
              '<w:r><w:t>/</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>' % (W_NS, R_NS))

    parts = [("[Content_Types].xml", content_types(numbered)), ("_rels/.rels", ROOT_RELS),
             ("docProps/core.xml", core(items)), ("docProps/app.xml", APP),
             ("word/document.xml", document), ("word/styles.xml", styles(style_defs, base_num, mode))]
    if numbered:
        parts.append(("word/numbering.xml", numbering(nums)))
    parts += [("word/settings.xml", settings(opts.tracked_changes)), ("word/header1.xml", header),
              ("word/footer1.xml", footer), ("word/_rels/document.xml.rels", doc_rels(numbered))]
    return parts


