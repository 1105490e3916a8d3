"""Constants and the parsing of a decision's text into items (clauses, points, sub-items, headings)."""
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

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
AUTHOR = "Phòng Tư pháp"
REV_DATE = "2025-03-01T00:00:00Z"
DEL_WORDS = ["và các văn bản khác có liên quan", "theo hướng dẫn của cấp trên",
             "trong phạm vi được phân công", "đối với các lĩnh vực khác"]
DELETED_PARAGRAPH = "Thực hiện các nhiệm vụ khác theo đề nghị của các cơ quan trung ương đóng trên địa bàn."
VN_LETTERS = "abcdđeghiklmnopqrstuvxy"

# ---------------------------------------------------------------- parsing

RE_DIEU = re.compile(r"^(Điều\s+\d+[a-zđ]?\.)\s+(.*)$")
RE_HEAD = re.compile(r"^(Điều\s+\d+|Chương\s+[IVXLC]+\b|Mục\s+\d+\b)")
RE_CLAUSE = re.compile(r"^(\d+)\.\s+(.*)$")
RE_POINT = re.compile(r"^([a-zđ])([).])\s+(.*)$")
RE_BULLET = re.compile(r"^([-+])\s+(.*)$")
KIND_LEVEL = {"clause": 0, "point": 1, "dash": 2, "plus": 3}


def norm(s):
    return " ".join(s.split())


def is_title(s):
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and s == s.upper() and len(s) < 90


def parse(lines):
    """Lines -> items: dict(kind, text (without label), label, value, sep, raw)."""
    items = []
    for raw in lines:
        it = {"raw": raw, "label": "", "text": raw, "value": None, "sep": ""}
        m = RE_HEAD.match(raw)
        if m:
            it["kind"] = "heading"
        elif RE_CLAUSE.match(raw):
            m = RE_CLAUSE.match(raw)
            it.update(kind="clause", label=m.group(1) + ".", value=int(m.group(1)), sep=".", text=m.group(2))
        elif RE_POINT.match(raw):
            m = RE_POINT.match(raw)
            it.update(kind="point", label=m.group(1) + m.group(2), value=m.group(1), sep=m.group(2),
                      text=m.group(3))
        elif RE_BULLET.match(raw):
            m = RE_BULLET.match(raw)
            it.update(kind="dash" if m.group(1) == "-" else "plus", label=m.group(1), value=m.group(1),
                      sep="", text=m.group(2))
        elif is_title(raw):
            it["kind"] = "title"
        else:
            it["kind"] = "plain"
        items.append(it)
    return items


def successor(kind, prev, cur):
    if kind == "clause":
        return cur == prev + 1
    if kind == "point":
        vn = VN_LETTERS.find(prev) + 1 == VN_LETTERS.find(cur) and prev in VN_LETTERS
        en = prev != "đ" and cur != "đ" and ord(cur) == ord(prev) + 1
        return vn or en
    return True


def assign_lists(items):
    """Group list items into lists (siblings under one parent with consecutive labels)."""
    lists = []  # each: dict(kind, items, auto)
    open_ = {}  # kind -> list
    for idx, it in enumerate(items):
        k = it["kind"]
        if k in ("heading", "title"):
            open_.clear()
            continue
        if k not in KIND_LEVEL:
            continue
        lvl = KIND_LEVEL[k]
        for kk in list(open_):
            if KIND_LEVEL[kk] > lvl:
                del open_[kk]
        cur = open_.get(k)
        if cur is None or not successor(k, cur["items"][-1]["value"], it["value"]):
            cur = {"kind": k, "items": [], "id": len(lists)}
            lists.append(cur)
            open_[k] = cur
        cur["items"].append(it)
        it["list"] = cur
    for lst in lists:
        auto = True
        if lst["kind"] == "point":
            vals = [i["value"] for i in lst["items"]]
            seps = {i["sep"] for i in lst["items"]}
            auto = len(seps) == 1 and "đ" not in vals and all(
                ord(b) == ord(a) + 1 for a, b in zip(vals, vals[1:]))
            lst["sep"] = seps.pop() if len(seps) == 1 else ")"
        lst["auto"] = auto
        first = lst["items"][0]["value"]
        lst["start"] = first if lst["kind"] == "clause" else (
            ord(first) - ord("a") + 1 if lst["kind"] == "point" and first != "đ" else 1)
    return lists


def heading_block(items):
    """(left, right) index ranges of the heading-block table, or None."""
    chxh = next((i for i, it in enumerate(items[:10]) if it["raw"].upper().startswith("CỘNG HÒA")), None)
    if chxh is None:
        return None
    end = chxh + 1
    for j in range(chxh + 1, min(chxh + 5, len(items))):
        if re.search(r"ngày\s+\S+\s+tháng", items[j]["raw"]):
            end = j + 1
            break
    else:
        end = min(chxh + 2, len(items))
    return (0, chxh), (chxh, end)


def structure_tables(items):
    """Item indices that go into tables: list of (clause index, [item indices])."""
    tables = []
    in_struct = False
    cur = None
    for idx, it in enumerate(items):
        k = it["kind"]
        if k in ("heading", "title"):
            in_struct = k == "heading" and "cơ cấu tổ chức" in it["raw"].lower() and it["raw"].startswith("Điều")
            cur = None
        elif not in_struct:
            continue
        elif k == "clause":
            cur = None if it["text"].lower().startswith("lãnh đạo") else (idx, [])
            if cur:
                tables.append(cur)
        elif k in ("point", "dash", "plus") and cur is not None:
            cur[1].append(idx)
        else:
            cur = None
    return [t for t in tables if t[1]]



# ---------------------------------------------------------------- helpers shared by the parts

def esc(s):
    return escape(s, {'"': "&quot;"})


def hnum(*parts):
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest(), 16)


def numpr_xml(num_id, ilvl):
    return '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (ilvl, num_id)


NUMPR_OFF = '<w:numPr><w:numId w:val="0"/></w:numPr>'
STYLE_BASE = {"clause": "Khoan", "point)": "Diem", "point.": "DiemCham", "dash": "GachDau", "plus": "DauCong"}


def list_key(lst):
    return "point" + lst.get("sep", ")") if lst["kind"] == "point" else lst["kind"]

