"""Hypothesis strategies that build documents, not only bytes: DOCX packages, PDFs, HTML pages,
plain text and Markdown, assembled from the structures real 岗位说明书 use (labels, numbered
duties, merged table cells, numbering definitions, page trees …) and from the hostile ones
issue 10 found (long digit runs, deep nesting, huge spans, DTDs, page-tree loops, damaged
containers). Shared by ``test_fuzz.py`` (a few hundred cases in CI) and
``benchmarks/fuzz.py`` (thousands, each in an isolated process)."""

from __future__ import annotations

import io
import zipfile

from fixtures.pdf_objects import pdf_bytes
from hypothesis import strategies as st

# ----------------------------------------------------------------------------- text pieces

LABELS = ["岗位名称", "所属部门", "直接上级", "直接下级", "岗位编号", "岗位职责", "任职资格", "工作职责", "学历要求",
          "工作经验", "考核指标", "工作权限", "汇报对象", "定员", "薪酬", "工作地点"]
HEADINGS = ["一、岗位职责", "二、任职资格", "三、工作关系", "第一条 岗位目的", "岗位说明书", "## 职位描述", "【岗位要求】"]
DUTIES = ["负责现金收付及银行结算业务", "负责仓库物资的验收、入库和出库管理", "协助部门经理完成月度预算",
          "完成上级交办的其他工作", "按时提交月度报表（每月5日前）", "迟交一天扣10元/天"]
VALUES = ["出纳", "财务部", "财务经理", "大专及以上学历", "3年以上相关工作经验", "23~35周岁", "男女不限", "100%", "30%"]
NOISE = ["9" * 50, "、、、、、、", "：：：：", "(((((", "（" * 30, "——", "…" * 20, "\u3000" * 10, "第第第", "1.1.1.1.1.1.",
         "<%", "<?php", "|---|---|", "\t\t\t", "=SUM(A1)", "&amp;", "\x0c", "一二三四五六七八九十" * 3]
NUMBERS = ["1、", "2.", "（3）", "④", "一、", "(五)", "第六条", "1.2.3", "•", "-", "*"]

# Text is drawn as a few chunks rather than character by character: generation stays cheap
# (hundreds of cases must run in CI within a minute) and the chunks are what documents hold.
CHUNKS = ["岗位", "职责", "负责", "管理", "部门", "经理", "协助", "完成", "工作", "要求", "学历", "经验", "年以上", "，", "。",
          "、", "：", "；", "（", "）", "(", ")", "12", "3", " ", "-", "岗位名称", "本科", "及以上", "\t", "A"]
cjk_text = st.lists(st.sampled_from(CHUNKS), max_size=8).map("".join)


# Longest run of one unit in a "long" line: modest for CI (a run of labels costs extraction
# about 0.3 ms a label), raised by benchmarks/fuzz.py for the long campaign.
MAX_RUN = 800


@st.composite
def jd_line(draw, max_run: int | None = None) -> str:
    kind = draw(st.sampled_from(["label", "heading", "duty", "free", "noise", "table", "long"]))
    if kind == "label":
        sep = draw(st.sampled_from(["：", ":", " ", "", "\t"]))
        return draw(st.sampled_from(LABELS)) + sep + draw(st.one_of(st.sampled_from(VALUES), cjk_text))
    if kind == "heading":
        return draw(st.sampled_from(HEADINGS))
    if kind == "duty":
        return draw(st.sampled_from(NUMBERS)) + draw(st.sampled_from(DUTIES))
    if kind == "noise":
        return draw(st.sampled_from(NOISE)) * draw(st.integers(1, 4))
    if kind == "table":
        cells = draw(st.lists(st.one_of(st.sampled_from(LABELS + VALUES), cjk_text), min_size=2, max_size=6))
        return "\t".join(cells)
    if kind == "long":  # one long run: digits after a label, a label repeated, glued lines
        unit = draw(st.sampled_from(["9", "岗位职责：", "1.", "、", " ", "负责"]))
        return draw(st.sampled_from(["岗位职责：\n1. 负责", "", "岗位名称："])) + unit * draw(st.integers(10, max_run or MAX_RUN))
    return draw(cjk_text)


jd_lines = st.lists(jd_line(), min_size=1, max_size=30)


# ----------------------------------------------------------------------------- text and Markdown


@st.composite
def text_documents(draw) -> tuple[str, bytes]:
    lines = draw(jd_lines)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(lines)
    if draw(st.booleans()):
        text = text.replace(newline * 2, "\f", 1)  # a page break
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16", "utf-16-le", "big5"]))
    data = text.encode(encoding, errors="replace" if encoding != "big5" else "ignore")
    return "fuzz.txt", data


@st.composite
def markdown_documents(draw) -> tuple[str, bytes]:
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append("---\ntitle: " + draw(st.sampled_from(VALUES)) + "\nlocation: [上海, 北京]\n---")
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["heading", "list", "table", "para", "fence", "html", "quote"]))
        if kind == "heading":
            parts.append("#" * draw(st.integers(1, 7)) + " " + draw(st.sampled_from(HEADINGS + LABELS)))
        elif kind == "list":
            marker = draw(st.sampled_from(["- ", "* ", "1. ", "  - ", "    1) "]))
            parts.append("\n".join(marker + draw(st.sampled_from(DUTIES)) for _ in range(draw(st.integers(1, 6)))))
        elif kind == "table":
            width = draw(st.integers(1, 6))
            rows = draw(st.integers(0, 8))
            cells = st.lists(st.one_of(st.sampled_from(LABELS + VALUES), cjk_text), min_size=width, max_size=width)
            lines = ["| " + " | ".join(draw(cells)) + " |" for _ in range(rows + 1)]
            rule = "|" + "---|" * width if draw(st.booleans()) else "|" + ":-:|" * draw(st.integers(0, 8))
            parts.append("\n".join([lines[0], rule, *lines[1:]]))
        elif kind == "fence":
            parts.append("```\n" + draw(jd_line()) + "\n```" * draw(st.integers(0, 1)))
        elif kind == "html":
            parts.append("<div>" + draw(jd_line()) + "</div>" * draw(st.integers(0, 2)))
        elif kind == "quote":
            parts.append("> " + draw(jd_line()))
        else:
            parts.append("**" + draw(st.sampled_from(LABELS)) + "：**" + draw(jd_line()))
    return "fuzz.md", "\n\n".join(parts).encode("utf-8")


# ----------------------------------------------------------------------------- HTML


def _span_value(draw) -> str:
    return draw(st.sampled_from(["1", "2", "3", "0", "-1", "100", "1000000", "x", "", " 2 "]))


@st.composite
def html_tables(draw) -> str:
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        cells = []
        for _ in range(draw(st.integers(0, 5))):
            tag = draw(st.sampled_from(["td", "th"]))
            attrs = ""
            if draw(st.integers(0, 3)) == 0:
                attrs += f' rowspan="{_span_value(draw)}"'
            if draw(st.integers(0, 3)) == 0:
                attrs += f' colspan="{_span_value(draw)}"'
            inner = draw(st.one_of(st.sampled_from(LABELS + VALUES + DUTIES), cjk_text))
            if draw(st.integers(0, 10)) == 0:
                inner = draw(html_tables())  # a table in a cell
            cells.append(f"<{tag}{attrs}>{inner}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


@st.composite
def html_nodes(draw, depth: int = 0) -> str:
    if depth > 2:
        return draw(st.sampled_from(DUTIES))
    kind = draw(st.sampled_from(["p", "div", "ul", "ol", "dl", "h", "table", "text", "script", "br", "template",
                                 "deep"]))
    if kind in ("p", "div"):
        inner = "".join(draw(st.lists(html_nodes(depth + 1), max_size=3)))
        return f"<{kind}>{draw(jd_line())}{inner}</{kind}>"
    if kind in ("ul", "ol"):
        items = draw(st.lists(st.sampled_from(DUTIES), min_size=1, max_size=6))
        return f"<{kind}>" + "".join(f"<li>{i}" + ("</li>" if draw(st.booleans()) else "") for i in items) + f"</{kind}>"
    if kind == "dl":
        return "<dl>" + "".join(f"<dt>{n}</dt><dd>{d}</dd>" for n, d in zip(NUMBERS, DUTIES, strict=False)) + "</dl>"
    if kind == "h":
        level = draw(st.integers(1, 6))
        return f"<h{level}>{draw(st.sampled_from(HEADINGS))}</h{level}>"
    if kind == "table":
        return draw(html_tables())
    if kind == "script":
        return "<script>var x = '岗位名称：黑客';</script><style>p{}</style>"
    if kind == "br":
        return draw(st.sampled_from(LABELS)) + "：<br>" + draw(st.sampled_from(VALUES)) + "<br/>"
    if kind == "template":
        return draw(st.sampled_from(["<?php echo $x; ?>", "<% out.print(x); %>", "<%", "<?", "?>"])) + draw(jd_line())
    if kind == "deep":
        n = draw(st.integers(50, 400))
        return "<div>" * n + draw(st.sampled_from(DUTIES)) + "</div>" * draw(st.integers(0, n))
    return draw(jd_line())


@st.composite
def html_documents(draw) -> tuple[str, bytes]:
    body = "".join(draw(st.lists(html_nodes(), min_size=3, max_size=10)))
    doctype = draw(st.sampled_from(["", "<!DOCTYPE html>", '<!DOCTYPE html SYSTEM "/etc/passwd">']))
    charset = draw(st.sampled_from(["utf-8", "gbk"]))
    page = f'{doctype}<html><head><meta charset="{charset}"><title>招聘</title></head><body>{body}</body></html>'
    return "fuzz.html", page.encode(charset, errors="replace")


# ----------------------------------------------------------------------------- DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def docx_paragraph(draw) -> str:
    text = _esc(draw(jd_line()).replace("\x0c", ""))
    ppr = ""
    if draw(st.integers(0, 2)) == 0:
        ppr += f'<w:numPr><w:ilvl w:val="{draw(st.integers(-1, 9))}"/><w:numId w:val="{draw(st.integers(0, 5))}"/></w:numPr>'
    if draw(st.integers(0, 4)) == 0:
        ppr += f'<w:pStyle w:val="{draw(st.sampled_from(["Heading1", "Title", "ListParagraph", "Missing"]))}"/>'
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    wrap = draw(st.sampled_from(["plain", "ins", "del", "field", "sdt", "box", "tab"]))
    if wrap == "ins":
        run = f'<w:ins w:id="1" w:author="a">{run}</w:ins>'
    elif wrap == "del":
        run = f'<w:del w:id="2" w:author="a"><w:r><w:delText>{text}</w:delText></w:r></w:del>' + run
    elif wrap == "field":
        run = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run
               + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' * draw(st.integers(0, 1)))
    elif wrap == "sdt":
        run = f"<w:sdt><w:sdtContent>{run}</w:sdtContent></w:sdt>"
    elif wrap == "box":
        run = (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p>{run}</w:p>'
               f'</w:txbxContent></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>')
    elif wrap == "tab":
        run = run + "<w:r><w:tab/><w:br/><w:t>尾</w:t></w:r>"
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{run}</w:p>"


@st.composite
def docx_table(draw, depth: int = 0) -> str:
    rows = []
    for r in range(draw(st.integers(0, 6))):
        cells = []
        for _c in range(draw(st.integers(1, 4))):
            props = ""
            if draw(st.integers(0, 3)) == 0:
                props += f'<w:gridSpan w:val="{draw(st.sampled_from(["2", "3", "0", "-4", "999999999", "x"]))}"/>'
            if draw(st.integers(0, 2)) == 0:
                props += '<w:vMerge w:val="restart"/>' if r == 0 or draw(st.booleans()) else "<w:vMerge/>"
            if draw(st.integers(0, 8)) == 0:
                props += "<w:hMerge/>"
            inner = draw(docx_paragraph())
            if depth < 3 and draw(st.integers(0, 12)) == 0:
                inner += draw(docx_table(depth + 1)) + "<w:p/>"
            cells.append(f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{inner}</w:tc>")
        trpr = f'<w:trPr><w:gridBefore w:val="{draw(st.integers(0, 3))}"/></w:trPr>' if draw(st.integers(0, 5)) == 0 else ""
        rows.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    grid = "<w:tblGrid>" + "<w:gridCol/>" * draw(st.integers(0, 6)) + "</w:tblGrid>"
    return f"<w:tbl>{grid}{''.join(rows)}</w:tbl>"


@st.composite
def numbering_xml(draw) -> str:
    levels = []
    for ilvl in range(draw(st.integers(1, 9))):
        fmt = draw(st.sampled_from(["decimal", "chineseCounting", "ideographTraditional", "upperRoman", "bullet",
                                    "decimalEnclosedCircle", "none", "unknownFormat"]))
        text = draw(st.sampled_from([f"%{ilvl + 1}.", "（%1）", "%1.%2.%3", "第%1条", "●", "", "%9",
                                     "%1" * 200, "9" * 2000]))
        start = draw(st.sampled_from(["1", "0", "-5", "99999999", "x"]))
        levels.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                      f'<w:lvlText w:val="{_esc(text)}"/></w:lvl>')
    abstract = f'<w:abstractNum w:abstractNumId="0">{"".join(levels)}</w:abstractNum>'
    nums = "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{draw(st.integers(0, 1))}"/></w:num>'
                   for n in range(1, 5))
    return f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">{abstract}{nums}</w:numbering>'


def _rels(entries: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{RT}{t}" Target="{target}"/>' for i, t, target in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>')


@st.composite
def docx_documents(draw) -> tuple[str, bytes]:
    blocks = draw(st.lists(st.one_of(docx_paragraph(), docx_paragraph(), docx_table()), min_size=1, max_size=15))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}" '
                f'xmlns:mc="{MC}"><w:body>{"".join(blocks)}</w:body></w:document>')
    members = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": _rels([("rId1", "officeDocument", "word/document.xml")]),
        "word/document.xml": document,
    }
    doc_rels = []
    if draw(st.booleans()):
        members["word/numbering.xml"] = draw(numbering_xml())
        doc_rels.append(("rId2", "numbering", "numbering.xml"))
    if draw(st.booleans()):
        members["word/header1.xml"] = (f'<?xml version="1.0"?><w:hdr xmlns:w="{W}">{draw(docx_paragraph())}</w:hdr>')
        doc_rels.append(("rId3", "header", "header1.xml"))
    if draw(st.integers(0, 5)) == 0:
        doc_rels.append(("rId4", "styles", draw(st.sampled_from(["NULL", "../../../etc/passwd", "styles.xml"]))))
    members["word/_rels/document.xml.rels"] = _rels(doc_rels)
    damage = draw(st.sampled_from(["none"] * 6 + ["doctype", "truncate", "drop", "garbage", "bad_xml"]))
    if damage == "doctype":
        name = draw(st.sampled_from(sorted(members)))
        members[name] = members[name].replace("?>", '?><!DOCTYPE x SYSTEM "/etc/passwd">', 1)
    elif damage == "drop":
        members.pop(draw(st.sampled_from(sorted(members))))
    elif damage == "garbage":
        members[draw(st.sampled_from(sorted(members)))] = "\x00\xff garbage"
    elif damage == "bad_xml":
        members["word/document.xml"] = document[: len(document) * 2 // 3]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    data = buf.getvalue()
    if damage == "truncate":
        data = data[: draw(st.integers(30, max(31, len(data) - 1)))]
    return "fuzz.docx", data


# ----------------------------------------------------------------------------- PDF


def _tounicode_cmap() -> bytes:
    """Identity ToUnicode for the code points used (two-byte codes = UTF-16BE of the BMP)."""
    ranges = [(hi << 8, (hi << 8) | 0xFF) for hi in [0x00, 0x30, *range(0x4E, 0xA0), 0xFF]]
    body = b"\n".join(b"<%04X> <%04X> <%04X>" % (lo, hi, lo) for lo, hi in ranges)
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Fuzz def "
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + b"%d beginbfrange\n" % len(ranges) + body + b"\nendbfrange endcmap CMapName currentdict /CMap "
            b"defineresource pop end end")


def _stream(content: bytes, length: int | None = None) -> bytes:
    return b"<< /Length %d >>\nstream\n" % (len(content) if length is None else length) + content + b"\nendstream"


def _text_ops(lines: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 14 TL 60 780 Td"]
    for line in lines:
        encoded = line.encode("utf-16-be", errors="replace")
        ops.append(b"<" + encoded.hex().upper().encode() + b"> Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


@st.composite
def pdf_documents(draw, page_loops: bool = True) -> tuple[str, bytes]:
    """Pages of CJK text through a Type0 font with a ToUnicode map; page trees nested, with a
    wrong /Count, with missing kids, and (``page_loops``) pointing back at themselves; streams
    with a wrong /Length; damaged cross-reference data."""
    pages = draw(st.lists(st.lists(jd_line(max_run=200), min_size=1, max_size=12), min_size=1, max_size=3))
    # 1 catalog, 2 root pages, 3 font, 4 descendant, 5 cmap, 6 descriptor, then per page: page, content
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /Fuzz /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
    descendant = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fuzz /CIDSystemInfo << /Registry (Adobe) "
                  b"/Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor 6 0 R >>")
    descriptor = (b"<< /Type /FontDescriptor /FontName /Fuzz /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
                  b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", font, descendant, _stream(_tounicode_cmap()),
                            descriptor]
    kids = []
    wrong_length = draw(st.integers(0, 6)) == 0
    for lines in pages:
        page_number, content_number = len(objects) + 1, len(objects) + 2
        kids.append(page_number)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % content_number)
        content = _text_ops([line.replace("\x0c", "") for line in lines])
        objects.append(_stream(content, len(content) + 7 if wrong_length else None))
    tree = draw(st.sampled_from(["flat", "nested", "count", "missing"] + (["loop"] if page_loops else [])))
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    count = len(kids) if tree != "count" else draw(st.sampled_from([0, -1, 10**9, len(kids) + 5]))
    if tree == "nested":  # an intermediate /Pages node between the root and the pages
        objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (refs, len(kids)))
        refs = b"%d 0 R" % len(objects)
    if tree == "missing":
        refs += b" 999 0 R"
    if tree == "loop":  # 2 -> an intermediate node -> 2 again
        objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R %s] /Count %d >>" % (refs, len(kids)))
        refs = b"%d 0 R" % len(objects)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, count)
    data = pdf_bytes(objects)
    damage = draw(st.sampled_from(["none"] * 5 + ["truncate", "xref", "flip"]))
    if damage == "truncate":
        data = data[: draw(st.integers(16, len(data) - 1))]
    elif damage == "xref":
        data = data.replace(b"startxref\n", b"startxref\n9", 1)
    elif damage == "flip":
        position = draw(st.integers(16, len(data) - 1))
        data = data[:position] + bytes([data[position] ^ 0xFF]) + data[position + 1:]
    return "fuzz.pdf", data


def any_document(page_loops: bool = True) -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(text_documents(), markdown_documents(), html_documents(), docx_documents(),
                     pdf_documents(page_loops=page_loops))


STRATEGIES = {
    "txt": text_documents, "md": markdown_documents, "html": html_documents, "docx": docx_documents,
    "pdf": pdf_documents,
}
