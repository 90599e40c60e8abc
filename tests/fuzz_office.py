"""Hypothesis strategies for the readers that came after the first fuzz suite: workbooks
(XLSX, legacy XLS, ODS), Word 97 binary documents (.doc, also RC4-encrypted), encrypted
OOXML containers, RTF and images (PNG, JPEG) for OCR.

Like :mod:`fuzz_strategies`, they build documents from the structures the readers read —
shared strings, merged ranges and number formats; repeated ODS rows and spans; FIB, piece
tables and table rows through :mod:`fixtures.msdoc_writer`; RTF groups, tables, lists and
fields the way :mod:`fixtures.doc_fixtures` writes them; PNG chunks — and add the hostile
ones: sheets declaring A1:XFD1048576, merged ranges over a million cells, a million repeated
ODS rows, RTF groups nested thousands deep, control words thousands of letters long, an
OLE FAT whose chains loop or point past the end, streams that claim more than the file
holds, truncated files, image headers declaring huge canvases. No legacy ``.xls`` writer is
maintained, so XLS cases are the committed ``tests/fixtures/sheets/*.xls`` taken apart at
the BIFF record level, mutated and put back into a compound file.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from functools import cache
from pathlib import Path

import fuzz_strategies
from fixtures import msdoc_writer as mw
from fixtures.doc_fixtures import RTF_HEADER, gbk, uni
from fuzz_strategies import DUTIES, LABELS, VALUES, _esc, cjk_text, jd_line
from hypothesis import strategies as st

SHEETS = Path(__file__).resolve().parent / "fixtures" / "sheets"

# XML 1.0 has no form feed: the text of XML parts leaves it out (the text formats keep it).
cell_text = st.one_of(st.sampled_from(LABELS + VALUES + DUTIES), cjk_text,
                      jd_line(max_run=200).map(lambda t: t.replace("\x0c", "")))


def _zip(members: dict[str, bytes | str], stored: tuple[str, ...] = ()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _damage_zip_members(draw, members: dict[str, bytes | str], main: str) -> str:
    """Damage at the package level, in place: a DTD, a dropped or garbage part, cut XML."""
    damage = draw(st.sampled_from(["none"] * 15 + ["doctype", "drop", "garbage", "bad_xml", "truncate"]))
    if damage == "doctype":
        name = draw(st.sampled_from(sorted(n for n in members if n.endswith(".xml"))))
        text = members[name]
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        members[name] = text.replace("?>", '?><!DOCTYPE x SYSTEM "/etc/passwd">', 1)
    elif damage == "drop":
        members.pop(draw(st.sampled_from(sorted(members))))
    elif damage == "garbage":
        members[draw(st.sampled_from(sorted(members)))] = "\x00\xff garbage"
    elif damage == "bad_xml" and main in members:
        text = members[main]
        members[main] = text[: len(text) * 2 // 3]
    return damage


def _truncated(draw, data: bytes, damage: str) -> bytes:
    if damage == "truncate":
        return data[: draw(st.integers(30, max(31, len(data) - 1)))]
    return data


# ----------------------------------------------------------------------------- XLSX

X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
HUGE_REFS = ["A1:XFD1048576", "A1:A1048576", "A1:XFD1"]
BAD_REFS = ["B2:A1", "A0:B2", "ZZZZ1:A1", "A1", "", "A1:B99999999"]  # openpyxl refuses the workbook
NUMBER_FORMATS = ["0%", "0.00%", 'yyyy"年"m"月"d"日"', "[DBNum1]General", "#,##0.00", "@", "0.0E+00", "[h]:mm:ss",
                  '[Red][<0]"负"0;"正"0', "General", ";;;", "0" * 300, "[$-804]aaaa", '"' * 3]


def _col(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@st.composite
def xlsx_cell(draw, ref: str, strings: list[str], hostile: bool) -> str:
    """One cell; ``hostile`` lets in the values that make openpyxl refuse the whole workbook
    (one such cell fails every other, so they are drawn for a few workbooks only)."""
    kind = draw(st.sampled_from(["shared"] * 6 + ["inline", "number", "number", "formula", "bool", "error", "date"]
                                + ["bad"] * hostile))
    style = f' s="{draw(st.integers(0, 4))}"' if draw(st.booleans()) else ""
    if kind == "shared":
        strings.append(_esc(draw(cell_text)))
        index = len(strings) - 1 if not hostile or draw(st.integers(0, 5)) else draw(st.sampled_from([-1, 10**9, "x"]))
        return f'<c r="{ref}" t="s"{style}><v>{index}</v></c>'
    if kind == "inline":
        return f'<c r="{ref}" t="inlineStr"><is><t>{_esc(draw(cell_text))}</t></is></c>'
    if kind == "number":
        value = draw(st.sampled_from(["0.15", "1", "-3", "1e308", "45352", "2958466", "0.30000000000000004"]
                                     + ["nan"] * hostile))
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    if kind == "formula":
        saved = draw(st.sampled_from(["<v>0.3</v>", "<v/>", ""] + ["<v>岗位</v>"] * hostile))
        return f'<c r="{ref}"{style}><f>SUM(A1:A9)</f>{saved}</c>'
    if kind == "bool":
        return f'<c r="{ref}" t="b"><v>{draw(st.sampled_from(["0", "1"] + ["2"] * hostile))}</v></c>'
    if kind == "error":
        return f'<c r="{ref}" t="e"><v>#DIV/0!</v></c>'
    if kind == "date":
        return f'<c r="{ref}" t="d"><v>{draw(st.sampled_from(["2024-03-01T09:00:00"] + ["9999-99-99", ""] * hostile))}</v></c>'
    return f'<c r="{draw(st.sampled_from(["XFD1048576", "A0", "1A", "", "AAAA1"]))}"><v>1</v></c>'


@st.composite
def xlsx_sheet(draw, strings: list[str], hostile: bool) -> str:
    rows = []
    width = draw(st.integers(1, 6))
    for r in range(draw(st.integers(1, 12))):
        row_number = r + 1 if draw(st.integers(0, 8)) else draw(st.sampled_from([1048576, r] + [0, 10**7] * hostile))
        cells = "".join(draw(xlsx_cell(f"{_col(c)}{row_number}", strings, hostile))
                        for c in range(draw(st.integers(1, width))))
        spans = f' spans="1:{draw(st.sampled_from([width, 16384, 10**9]))}"' if draw(st.integers(0, 4)) == 0 else ""
        rows.append(f'<row r="{row_number}"{spans}>{cells}</row>')
    if draw(st.integers(0, 6)) == 0:  # many empty rows: what a formatted-but-empty sheet holds
        rows.append("".join(f'<row r="{20 + k}"/>' for k in range(draw(st.integers(100, 3000)))))
    refs = ["A1:F1", "A3:A9", "B2:C3"] + HUGE_REFS + BAD_REFS * hostile
    merges = [draw(st.sampled_from(refs)) for _ in range(draw(st.integers(0, 4)))]
    merge_xml = (f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges)
                 + "</mergeCells>") if merges else ""
    dimension = draw(st.sampled_from(["A1:F20", "A1:XFD1048576", "A1"] + ["", "Z9:A1"] * hostile))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{X}" xmlns:r="{R}">'
            f'<dimension ref="{dimension}"/><sheetData>{"".join(rows)}</sheetData>{merge_xml}</worksheet>')


def _styles(draw) -> str:
    formats = draw(st.lists(st.sampled_from(NUMBER_FORMATS), max_size=4))
    numfmts = "".join(f'<numFmt numFmtId="{164 + i}" formatCode="{_esc(f).replace(chr(34), "&quot;")}"/>'
                      for i, f in enumerate(formats))
    ids = [0, 9, 14, 31, 57, 176, 999] + [164 + i for i in range(len(formats))]
    xfs = "".join(f'<xf numFmtId="{draw(st.sampled_from(ids))}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
                  for _ in range(5))
    return (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{X}"><numFmts count="{len(formats)}">{numfmts}'
            '</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/>'
            f'</borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="5">{xfs}</cellXfs></styleSheet>')


def _rels(entries: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{RT}{t}" Target="{target}"/>' for i, t, target in entries)
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PR}">{body}</Relationships>'


@st.composite
def xlsx_documents(draw) -> tuple[str, bytes]:
    strings: list[str] = []
    hostile = draw(st.integers(0, 3)) == 3  # not 0: Hypothesis starts from the smallest draws
    sheet_count = draw(st.integers(1, 3))
    sheets = {f"xl/worksheets/sheet{i + 1}.xml": draw(xlsx_sheet(strings, hostile)) for i in range(sheet_count)}
    states = [draw(st.sampled_from(["visible", "visible", "hidden", "veryHidden"] + ["bogus"] * hostile)) for _ in sheets]
    names = [draw(st.sampled_from(["岗位说明书", "出纳", "目录", "Sheet1", "填写说明"] + ["x" * 40, ""] * hostile))
             for _ in sheets]
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{X}" xmlns:r="{R}"><sheets>'
                + "".join(f'<sheet name="{_esc(n)}{i}" sheetId="{i + 1}" state="{s}" r:id="rId{i + 1}"/>'
                          for i, (n, s) in enumerate(zip(names, states, strict=True)))
                + "</sheets></workbook>")
    rels = [(f"rId{i + 1}", "worksheet", f"worksheets/sheet{i + 1}.xml") for i in range(sheet_count)]
    rels += [("rId90", "sharedStrings", "sharedStrings.xml"), ("rId91", "styles", "styles.xml")]
    if draw(st.integers(0, 8)) == 0:
        rels.append(("rId92", "theme", draw(st.sampled_from(["../../../etc/passwd", "/dev/stdin", "NULL"]))))
    shared = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{X}" count="{len(strings)}">'
              + "".join(f"<si><t>{s}</t></si>" if k % 3 else f"<si><r><t>{s}</t></r><r><t>尾</t></r></si>"
                        for k, s in enumerate(strings)) + "</sst>")
    content_types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/{p}" ContentType="application/vnd.openxmlformats-officedocument.'
                  f'spreadsheetml.worksheet+xml"/>' for p in sheets)
        + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + "</Types>")
    members: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": _rels([("rId1", "officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": _rels(rels),
        "xl/sharedStrings.xml": shared,
        "xl/styles.xml": _styles(draw),
        **sheets,
    }
    damage = _damage_zip_members(draw, members, "xl/worksheets/sheet1.xml")
    name = draw(st.sampled_from(["fuzz.xlsx", "fuzz.xlsm"]))
    return name, _truncated(draw, _zip(members), damage)


# ----------------------------------------------------------------------------- ODS

ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')
REPEATS = ["1", "2", "0", "3", "20"]
HOSTILE_REPEATS = ["-1", "x", "16384", "1048576", "1000000000"]


@st.composite
def ods_cell(draw, hostile: bool) -> str:
    repeats = REPEATS + HOSTILE_REPEATS * hostile
    attrs = ""
    if draw(st.integers(0, 4)) == 0:
        attrs += f' table:number-columns-repeated="{draw(st.sampled_from(repeats))}"'
    if draw(st.integers(0, 4)) == 0:
        attrs += (f' table:number-columns-spanned="{draw(st.sampled_from(repeats))}"'
                  f' table:number-rows-spanned="{draw(st.sampled_from(repeats))}"')
    kind = draw(st.sampled_from(["text", "float", "percent", "empty", "covered", "rich"]))
    if kind == "covered":
        return f"<table:covered-table-cell{attrs}/>"
    if kind == "empty":
        return f"<table:table-cell{attrs}/>"
    text = _esc(draw(cell_text))
    if kind == "float":
        attrs += ' office:value-type="float" office:value="0.15"'
    elif kind == "percent":
        attrs += ' office:value-type="percentage" office:value="0.15"'
        text = "15%"
    else:
        attrs += ' office:value-type="string"'
    body = f"<text:p>{text}</text:p>"
    if kind == "rich":
        spaces = draw(st.sampled_from(["1", "3", "0", "100"] + ["-2", "100000", "1000000000", "x"] * hostile))
        body = (f'<text:p>{text}<text:s text:c="{spaces}"/><text:tab/>{text}<text:line-break/></text:p>'
                f"<office:annotation><text:p>批注</text:p></office:annotation><text:p>第二段</text:p>")
    return f"<table:table-cell{attrs}>{body}</table:table-cell>"


@st.composite
def ods_table(draw, index: int, hostile: bool) -> str:
    rows = []
    for _ in range(draw(st.integers(0, 10))):
        repeat = (f' table:number-rows-repeated="{draw(st.sampled_from(REPEATS + HOSTILE_REPEATS * hostile))}"'
                  if draw(st.integers(0, 4)) == 0 else "")
        cells = "".join(draw(st.lists(ods_cell(hostile), max_size=6)))
        rows.append(f"<table:table-row{repeat}>{cells}</table:table-row>")
    if draw(st.integers(0, 5)) == 0:  # what Calc writes below the last row: a million empty rows in one element
        rows.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
                    'table:number-columns-repeated="1024"/></table:table-row>')
    style = draw(st.sampled_from(["ta1", "ta2", "missing"]))
    name = _esc(draw(st.sampled_from(["岗位说明书", "目录", "Sheet1", ""])))
    group = draw(st.sampled_from(["", "table:table-row-group", "table:table-header-rows"]))
    body = "".join(rows)
    if group:
        body = f"<{group}>{body}</{group}>"
    return f'<table:table table:name="{name}{index}" table:style-name="{style}">{body}</table:table>'


@st.composite
def ods_documents(draw, hostile_cases: bool = True) -> tuple[str, bytes]:
    """``hostile_cases=False`` leaves out the huge repeats and spans: a grid of 100,000 cells
    costs extraction tens of CPU seconds (a finding of this suite), too slow for CI."""
    hostile = hostile_cases and draw(st.integers(0, 3)) == 3  # huge repeats and spans, a billion spaces
    tables = "".join(draw(ods_table(i, hostile)) for i in range(draw(st.integers(1, 3))))
    styles = ('<office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties '
              'table:display="true"/></style:style><style:style style:name="ta2" style:family="table">'
              '<style:table-properties table:display="false"/></style:style></office:automatic-styles>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} office:version="1.2">'
               f"{styles}<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
               "</office:document-content>")
    if draw(st.integers(0, 8)) == 0:  # element nesting far deeper than any spreadsheet
        depth = draw(st.integers(100, 5000))
        content = content.replace("<text:p>", "<text:p>" + "<text:span>" * depth + "深" + "</text:span>" * depth, 1)
    mimetype = draw(st.sampled_from(["application/vnd.oasis.opendocument.spreadsheet"] * 8
                                    + ["application/vnd.oasis.opendocument.spreadsheet-template",
                                       "application/vnd.oasis.opendocument.spreadsheet\n"]))
    return "fuzz.ods", _odf_package(draw, mimetype, content)


def _odf_package(draw, mimetype: str, content: str) -> bytes:
    """An OpenDocument zip (mimetype stored first, a manifest), maybe damaged or truncated."""
    members: dict[str, bytes | str] = {
        "mimetype": mimetype,
        "content.xml": content,
        "META-INF/manifest.xml": '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                                 'opendocument:xmlns:manifest:1.0"/>',
    }
    damage = _damage_zip_members(draw, members, "content.xml")
    if "mimetype" not in members:
        members = {"mimetype": mimetype, **members}
    return _truncated(draw, _zip(members, stored=("mimetype",)), damage)


# ----------------------------------------------------------------------------- ODT

ODT_NS = ODS_NS + (' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
                   ' xmlns:xlink="http://www.w3.org/1999/xlink"')
ODT_LIST_STYLES = (
    '<office:automatic-styles><text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-prefix="（" style:num-suffix="）" '
    'style:num-format="一, 二, 三, ..."/><text:list-level-style-number text:level="2" style:num-suffix="." '
    'style:num-format="1" text:display-levels="{display}" text:start-value="{start}"/>'
    '<text:list-level-style-bullet text:level="3" text:bullet-char="\uf0b7"/></text:list-style>'
    '</office:automatic-styles>'
)


@st.composite
def odt_paragraph(draw, hostile: bool) -> str:
    text = _esc(draw(cell_text))
    kind = draw(st.sampled_from(["p", "h", "rich", "frame", "note", "change"]))
    if kind == "h":
        level = draw(st.sampled_from(["1", "2", "0", "11", "x"]))
        return f'<text:h text:outline-level="{level}">{text}</text:h>'
    if kind == "rich":
        spaces = draw(st.sampled_from(["1", "3", "0"] + ["-2", "1000000000", "x"] * hostile))
        return (f'<text:p> {text}<text:span><text:a xlink:href="x">{text}</text:a></text:span>'
                f'<text:s text:c="{spaces}"/><text:tab/><text:line-break/><text:soft-page-break/></text:p>')
    if kind == "frame":
        return (f'<text:p>{text}<draw:frame><draw:text-box><text:p>{text}</text:p></draw:text-box></draw:frame>'
                '<draw:frame><draw:image xlink:href="Pictures/x.png"/></draw:frame></text:p>')
    if kind == "note":
        return (f'<text:p>{text}<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>注'
                '</text:p></text:note-body></text:note><office:annotation><text:p>批注</text:p></office:annotation></text:p>')
    if kind == "change":
        return f'<text:p><text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>{text}</text:p>'
    return f"<text:p>{text}</text:p>"


@st.composite
def odt_list(draw, hostile: bool, depth: int = 0) -> str:
    items = []
    for _ in range(draw(st.integers(0, 4))):
        body = draw(odt_paragraph(hostile))
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            body += draw(odt_list(hostile, depth + 1))
        start = f' text:start-value="{draw(st.sampled_from(["2", "0", "-1", "x"]))}"' if draw(st.integers(0, 5)) == 0 else ""
        items.append(f"<text:list-item{start}>{body}</text:list-item>")
    attrs = ' text:style-name="L1"' if depth == 0 and draw(st.booleans()) else ""
    attrs += draw(st.sampled_from(["", ' text:continue-numbering="true"', ' text:continue-list="nowhere"']))
    return f"<text:list{attrs}>{''.join(items)}</text:list>"


@st.composite
def odt_documents(draw, hostile_cases: bool = True) -> tuple[str, bytes]:
    """Paragraphs, headings, lists, frames and the ODS generator's tables (Writer tables have
    the same markup) in one ODF text package, damaged like the other packages."""
    hostile = hostile_cases and draw(st.integers(0, 3)) == 3
    parts = []
    for i in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["p", "p", "list", "table"]))
        if kind == "p":
            parts.append(draw(odt_paragraph(hostile)))
        elif kind == "list":
            parts.append(draw(odt_list(hostile)))
        else:
            parts.append(draw(ods_table(i, hostile)))
    styles = ODT_LIST_STYLES.format(display=draw(st.sampled_from(["1", "2", "0", "99", "x"])),
                                    start=draw(st.sampled_from(["1", "0", "-5", "1000000000", "x"])))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS} office:version="1.2">'
               f"{styles}<office:body><office:text>{''.join(parts)}</office:text></office:body>"
               "</office:document-content>")
    mimetype = draw(st.sampled_from(["application/vnd.oasis.opendocument.text"] * 8
                                    + ["application/vnd.oasis.opendocument.text-template"]))
    return "fuzz.odt", _odf_package(draw, mimetype, content)


# ----------------------------------------------------------------------------- OLE compound files

ENDOFCHAIN, FREESECT = 0xFFFFFFFE, 0xFFFFFFFF


def _fat_offset(data: bytes) -> int:
    """Where the first FAT sector of a compound file lies (its header's first DIFAT entry)."""
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    first = struct.unpack_from("<I", data, 0x4C)[0]
    return (1 << shift) * (first + 1)


@st.composite
def ole_damage(draw, data: bytes) -> bytes:
    """Damage a compound file at the container level: FAT chains that loop or point past the
    end, a directory past the end, a stream claiming more than the file holds, a torn header,
    a truncated file. Most cases keep the container whole."""
    kind = draw(st.sampled_from(["none"] * 8 + ["fat_loop", "fat_self", "fat_far", "dir_far", "dir_size",
                                                "header", "truncate", "sector_shift", "flip"]))
    out = bytearray(data)
    fat = _fat_offset(data)
    sectors = max(1, (len(data) - 512) // 512)
    if kind in ("fat_loop", "fat_self", "fat_far") and fat + 4 * sectors <= len(out):
        k = draw(st.integers(0, sectors - 1))
        target = {"fat_loop": draw(st.integers(0, max(0, k))), "fat_self": k,
                  "fat_far": draw(st.sampled_from([sectors + 5, 0x7FFFFFFF, 0xFFFFFFF0]))}[kind]
        struct.pack_into("<I", out, fat + 4 * k, target)
    elif kind == "dir_far":
        struct.pack_into("<I", out, 0x30, draw(st.sampled_from([sectors + 1, 0x7FFFFFFF, ENDOFCHAIN])))
    elif kind == "dir_size":  # the size field of one directory entry (entry 1 and on: the streams)
        directory = 512 * (struct.unpack_from("<I", data, 0x30)[0] + 1)
        entry = directory + 128 * draw(st.integers(1, 3))
        if entry + 128 <= len(out):
            struct.pack_into("<Q", out, entry + 120, draw(st.sampled_from([2**31, 2**40, 0, 4097, 10**7])))
    elif kind == "header":
        struct.pack_into("<I", out, draw(st.sampled_from([0x2C, 0x3C, 0x40, 0x44, 0x48])),
                         draw(st.sampled_from([0, 1, 109, 2**20, FREESECT])))
    elif kind == "sector_shift":
        struct.pack_into("<H", out, 0x1E, draw(st.sampled_from([12, 7, 16, 30])))
    elif kind == "flip":
        for _ in range(draw(st.integers(1, 8))):
            position = draw(st.integers(0, len(out) - 1))
            out[position] ^= draw(st.integers(1, 255))
    elif kind == "truncate":
        return bytes(out[: draw(st.integers(8, len(out) - 1))])
    return bytes(out)


# ----------------------------------------------------------------------------- Word 97 .doc

@st.composite
def _doc_paragraphs(draw) -> list[mw.Paragraph]:
    out: list[mw.Paragraph] = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["para", "para", "heading", "list", "table", "special"]))
        text = draw(jd_line(max_run=200)).replace("\x0c", "")
        if kind == "heading":
            out.append(mw.para(text, istd=draw(st.sampled_from([1, 2, 0, 14, 999]))))
        elif kind == "list":
            out.append(mw.para(text, mw.numbered(draw(st.integers(0, 3)), draw(st.integers(0, 9)))))
        elif kind == "table":
            out.extend(draw(_doc_table()))
        elif kind == "special":
            runs = [mw.Run(text), mw.Run(draw(st.sampled_from(["\x13", "\x14", "\x15", "\x01", "\x02", "\x08"])),
                                         mw.SPECIAL), mw.Run(draw(cjk_text))]
            out.append(mw.Paragraph(runs, mark=draw(st.sampled_from(["\r", "\x07", "\x0c"]))))
        else:
            out.append(mw.para(text))
    return out


@st.composite
def _doc_table(draw) -> list[mw.Paragraph]:
    """Rows of cells ending in a row mark whose TDefTable gives the cell edges and merges."""
    out: list[mw.Paragraph] = []
    for _ in range(draw(st.integers(1, 4))):
        width = draw(st.integers(1, 4))
        depth = draw(st.sampled_from([1, 1, 1, 2, 0, 70]))
        for _ in range(width):
            out.append(mw.Paragraph([mw.Run(draw(cell_text))], mark="\x07", papx=mw.in_table(depth)))
        edges = sorted(draw(st.lists(st.integers(-100, 20000), min_size=width + 1, max_size=width + 1)))
        merges = [mw.tc80(horz=draw(st.integers(0, 3)), vert=draw(st.sampled_from([0, 0, 1, 3])))
                  for _ in range(width)]
        sprms = mw.def_table(edges, merges)
        if draw(st.integers(0, 5)) == 0:
            sprms += mw.vert_merge(draw(st.integers(0, 255)), draw(st.integers(0, 3)))
        out.append(mw.Paragraph([], mark="\x07", papx=mw.in_table(depth) + mw.flag(mw.SPRM_P_TTP) + sprms))
    return out


@cache
def _list_defs() -> tuple[list[mw.ListDef], list[mw.Override]]:
    levels = [mw.Level(nfc=n, text=t) for n, t in [(39, "\x00、"), (0, "\x00.\x01."), (23, "\x08"), (4, "(\x00)"),
                                                   (0, "\x09"), (255, ""), (1, "\x00" * 40), (2, "第\x00条"),
                                                   (0, "\x00")]]
    lists = [mw.ListDef(lsid=1, levels=levels), mw.ListDef(lsid=2, levels=levels[:1])]
    return lists, [mw.Override(lsid=1), mw.Override(lsid=2, start_at={0: 5}), mw.Override(lsid=99)]


def _fib_damage(draw, word: bytes) -> bytes:
    """A FIB whose (fc, lcb) pairs point outside the table stream, or at a piece table cut short."""
    out = bytearray(word)
    base = 32 + 2 + 28 + 2 + 88 + 2  # where FibRgFcLcb97 starts
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.sampled_from(sorted(mw.FC_INDEX.values()) + [33]))  # 33: fcClx
        fc, lcb = draw(st.sampled_from([(0, 0), (2**31, 8), (0, 2**31), (10, 3), (1, 0xFFFFFFFF), (4000, 4000)]))
        struct.pack_into("<II", out, base + 8 * index, fc, lcb)
    if draw(st.booleans()):  # ccpText larger than the pieces
        struct.pack_into("<i", out, 32 + 2 + 28 + 2 + 12, draw(st.sampled_from([10**6, -1, 2**31 - 1])))
    return bytes(out)


@st.composite
def doc_documents(draw) -> tuple[str, bytes]:
    body = draw(_doc_paragraphs())
    lists, overrides = _list_defs() if draw(st.booleans()) else ([], [])
    text_length = sum(len(p.text) for p in body)
    breaks = sorted(set(draw(st.lists(st.integers(1, max(1, text_length - 1)), max_size=3)))) if text_length > 2 else []
    headers = {"odd_header": [mw.para(draw(cjk_text))]} if draw(st.integers(0, 3)) == 0 else {}
    footnotes = [[mw.para(draw(cjk_text))]] if draw(st.integers(0, 5)) == 0 else []
    if footnotes:
        body.append(mw.Paragraph([mw.Run("注"), mw.Run("\x02", mw.SPECIAL)]))
    document = mw.Document(body=body, lists=lists, overrides=overrides, piece_breaks=breaks, headers=headers,
                           footnotes=footnotes, section=mw.headers_section(list(headers)),
                           # Word 6/95 numbers go to LibreOffice when it is installed (seconds a file): rare
                           nfib=draw(st.sampled_from([0x0065, 0x0068, 0x0101, 0x0112, 0]))
                           if draw(st.integers(0, 15)) == 0 else 0x00C1)
    if draw(st.integers(0, 10)) == 0:
        return "fuzz.doc", mw.rc4_cryptoapi_encrypt(document, "jdx-2024")
    word, table = mw.build(document)
    if draw(st.integers(0, 5)) == 0:
        word = _fib_damage(draw, word)
    streams = {"WordDocument": word, "1Table": table}
    if draw(st.integers(0, 10)) == 0:
        streams[draw(st.sampled_from(["WordDocument", "1Table"]))] = b""
    data = draw(ole_damage(mw.cfb(streams)))
    return draw(st.sampled_from(["fuzz.doc", "fuzz.doc", "fuzz.wps"])), data


# ----------------------------------------------------------------------------- encrypted OOXML

@st.composite
def encrypted_ooxml_documents(draw) -> tuple[str, bytes]:
    """An OLE container with ``EncryptionInfo`` and ``EncryptedPackage`` streams: a Standard
    (AES) or Agile (XML) header, intact or damaged, over bytes that are no real package."""
    agile = draw(st.booleans())
    if agile:
        xml = ('<?xml version="1.0" encoding="UTF-8"?><encryption xmlns="http://schemas.microsoft.com/office/2006/'
               'encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
               'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
               + draw(st.sampled_from(["</encryption>", "", '<!DOCTYPE x SYSTEM "/etc/passwd">', "<keyEncryptors/>"])))
        info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode()
    else:
        header = struct.pack("<IIIIIIII", 0x24, 0, 0x660E, 0x8004, draw(st.sampled_from([128, 0, 7, 2**31])),
                             0x18, 0, 0) + "Microsoft Enhanced RSA and AES Cryptographic Provider\x00".encode("utf-16-le")
        verifier = struct.pack("<I", 16) + bytes(16) + bytes(16) + struct.pack("<I", 20) + bytes(32)
        info = struct.pack("<HHI", draw(st.sampled_from([3, 4, 2])), 2, 0x24) + struct.pack("<I", len(header)) \
            + header + verifier
    info = info[: draw(st.integers(8, len(info)))] if draw(st.integers(0, 4)) == 0 else info
    package = struct.pack("<Q", draw(st.sampled_from([4096, 0, 2**40]))) + bytes(draw(st.integers(0, 4096)))
    data = mw.cfb({"EncryptionInfo": info, "EncryptedPackage": package})
    return draw(st.sampled_from(["fuzz.docx", "fuzz.xlsx"])), draw(ole_damage(data))


# ----------------------------------------------------------------------------- legacy XLS (mutated fixtures)

BIFF_DIMENSIONS, BIFF_MERGEDCELLS, BIFF_LABELSST, BIFF_SST, BIFF_CONTINUE = 0x0200, 0x00E5, 0x00FD, 0x00FC, 0x003C
BIFF_ROW, BIFF_FORMAT, BIFF_BOUNDSHEET = 0x0208, 0x041E, 0x0085


@cache
def _xls_records() -> dict[str, list[tuple[int, bytes]]]:
    """The BIFF records of the Workbook stream of each committed .xls fixture."""
    import olefile

    out = {}
    for path in sorted(SHEETS.glob("*.xls")):
        with olefile.OleFileIO(path.read_bytes()) as ole:
            stream = ole.openstream("Workbook").read()
        records, pos = [], 0
        while pos + 4 <= len(stream):
            kind, size = struct.unpack_from("<HH", stream, pos)
            records.append((kind, stream[pos + 4: pos + 4 + size]))
            pos += 4 + size
        out[path.name] = records
    return out


def _mutate_record(draw, kind: int, body: bytes) -> list[tuple[int, bytes]]:
    if kind == BIFF_DIMENSIONS and len(body) >= 10:  # first row, last row + 1, first col, last col + 1
        return [(kind, struct.pack("<IIHH", 0, draw(st.sampled_from([65536, 1048576, 2**32 - 1])), 0,
                                   draw(st.sampled_from([256, 16384, 65535]))) + body[12:])]
    if kind == BIFF_MERGEDCELLS:
        ranges = [struct.pack("<HHHH", 0, draw(st.sampled_from([65535, 5, 0])), 0, draw(st.sampled_from([255, 3])))
                  for _ in range(draw(st.integers(1, 20)))]
        count = draw(st.sampled_from([len(ranges), 0, 1024, 65535]))
        return [(kind, struct.pack("<H", count) + b"".join(ranges))]
    if kind in (BIFF_LABELSST, BIFF_ROW) and len(body) >= 6:
        return [(kind, body[:2] + struct.pack("<H", draw(st.sampled_from([255, 16383, 65535]))) + body[4:])]
    if kind in (BIFF_SST, BIFF_FORMAT, BIFF_BOUNDSHEET) and body:
        cut = draw(st.integers(0, len(body)))
        return [(kind, body[:cut] + draw(st.binary(max_size=8)))]
    choice = draw(st.sampled_from(["drop", "repeat", "flip"]))
    if choice == "drop":
        return []
    if choice == "repeat":
        return [(kind, body)] * draw(st.integers(2, 200))
    flipped = bytearray(body or b"\x00")
    flipped[draw(st.integers(0, len(flipped) - 1))] ^= 0xFF
    return [(kind, bytes(flipped))]


@st.composite
def xls_documents(draw) -> tuple[str, bytes]:
    records = list(draw(st.sampled_from(sorted(_xls_records().items())))[1])
    targets = draw(st.lists(st.integers(0, len(records) - 1), max_size=4, unique=True))
    out: list[tuple[int, bytes]] = []
    for i, (kind, body) in enumerate(records):
        out.extend(_mutate_record(draw, kind, body) if i in targets else [(kind, body)])
    stream = b"".join(struct.pack("<HH", k, min(len(b), 0xFFFF)) + b[:0xFFFF] for k, b in out)
    if draw(st.integers(0, 6)) == 0:  # a record whose declared size runs past the stream
        stream += struct.pack("<HH", BIFF_SST, 0xFFFF) + b"\x01\x00"
    if draw(st.integers(0, 6)) == 0:
        stream = stream[: draw(st.integers(0, len(stream)))]
    data = draw(ole_damage(mw.cfb({"Workbook": stream})))
    return draw(st.sampled_from(["fuzz.xls", "fuzz.xls", "fuzz.et"])), data


# ----------------------------------------------------------------------------- RTF

RTF_WORDS = ["par", "line", "tab", "pard", "plain", "b", "i0", "fs24", "f0", "f1", "f99", "cell", "row", "intbl",
             "nestcell", "nestrow", "itap2", "itap0", "sect", "page", "lquote", "emdash", "bullet", "uc0", "uc2",
             "uc99", "u-3913", "u20154", "u99999999", "ansicpg936", "ansicpg65001", "ansicpg999", "deleted", "v",
             "outlinelevel0", "outlinelevel9", "s1", "s99", "ls1", "ilvl0", "ilvl12", "cellx2000", "cellx-5",
             "cellx99999999", "clmgf", "clmrg", "clvmgf", "clvmrg", "trowd", "lastrow"]
DESTINATIONS = ["\\*\\unknowndest", "\\pict\\pngblip", "\\header", "\\footer", "\\footnote", "\\info", "\\fonttbl",
                "\\stylesheet", "\\listtext", "\\*\\fldinst", "\\fldrslt", "\\field", "\\*\\nesttableprops",
                "\\nonesttables", "\\*\\bkmkstart x", "\\object", "\\*\\shppict"]


@st.composite
def rtf_text(draw) -> str:
    text = draw(jd_line(max_run=200))
    how = draw(st.sampled_from(["gbk", "gbk", "uni", "uni_ascii", "raw"]))
    if how == "gbk":
        return gbk(text.encode("gbk", "replace").decode("gbk"))
    if how == "uni":  # its fallback bytes are GBK: characters outside GBK become "?" first
        return uni(text.encode("gbk", "replace").decode("gbk"))
    if how == "uni_ascii":
        return uni(text, "ascii")
    return text.encode("ascii", "replace").decode("ascii").replace("\\", "\\\\").replace("{", "").replace("}", "")


@st.composite
def rtf_piece(draw, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["para", "para", "table", "list", "group", "word", "field", "hostile"]))
    if kind == "para":
        return f"\\pard\\plain\\f0 {draw(rtf_text())}\\par\n"
    if kind == "table":
        width = draw(st.integers(1, 4))
        merge = [draw(st.sampled_from(["", "", "\\clmgf", "\\clmrg", "\\clvmgf", "\\clvmrg"])) for _ in range(width)]
        row = "\\trowd\\trleft0" + "".join(f"{m}\\cellx{2000 * (i + 1)}" for i, m in enumerate(merge)) + " "
        cells = "".join(f"\\pard\\intbl {draw(rtf_text())}\\cell " for _ in range(draw(st.integers(0, width + 1))))
        return (row + cells + "\\row\n") * draw(st.integers(1, 3))
    if kind == "list":
        label = draw(st.sampled_from(["1.", "2.", "\\'b7", "(3)", ""]))
        return f"{{\\listtext\\pard\\plain\\f0 {label}\\tab}}\\pard\\plain\\ls1\\ilvl0\\f0 {draw(rtf_text())}\\par\n"
    if kind == "group" and depth < 3:
        inner = "".join(draw(st.lists(rtf_piece(depth + 1), max_size=3)))
        return "{" + draw(st.sampled_from(DESTINATIONS + [""] * 4)) + " " + inner + "}"
    if kind == "field":
        return ('{\\field{\\*\\fldinst HYPERLINK "https://hr.example.com"}{\\fldrslt ' + draw(rtf_text()) + "}}")
    if kind == "hostile":
        return draw(rtf_hostile())
    return "\\" + " \\".join(draw(st.lists(st.sampled_from(RTF_WORDS), min_size=1, max_size=4))) + " "


@st.composite
def rtf_hostile(draw) -> str:
    kind = draw(st.sampled_from(["deep", "unbalanced_open", "unbalanced_close", "long_word", "long_number", "bin",
                                 "bad_hex", "pict", "deep_table", "many_cells"]))
    if kind == "deep":
        n = draw(st.integers(100, 20_000))
        return "{" * n + "深" + "}" * draw(st.integers(0, n))
    if kind == "unbalanced_open":
        return "{\\b " * draw(st.integers(1, 300))
    if kind == "unbalanced_close":
        return "}" * draw(st.integers(1, 300))
    if kind == "long_word":
        return "\\" + draw(st.sampled_from(["a", "par", "u"])) * draw(st.integers(33, 20_000)) + " "
    if kind == "long_number":
        return "\\" + draw(st.sampled_from(["u", "uc", "cellx", "fs", "bin", "itap", "ansicpg"])) \
            + draw(st.sampled_from(["", "-"])) + "9" * draw(st.integers(5, 5000)) + " "
    if kind == "bin":
        return f"{{\\*\\objdata \\bin{draw(st.sampled_from([0, 10, 2**31, 10**12]))} " + "x" * 20 + "}"
    if kind == "bad_hex":
        return "\\'" + draw(st.sampled_from(["zz", "4", "", "\\'", "ff\\'"])) * draw(st.integers(1, 50))
    if kind == "pict":
        return "{\\pict\\pngblip " + "89504e47" * draw(st.integers(1, 20_000)) + "}"
    if kind == "deep_table":
        return "\\pard\\intbl\\itap" + str(draw(st.sampled_from([3, 64, 65, 1000, 10**6]))) + " 深\\nestcell\\nestrow "
    return "\\trowd" + "\\cellx100" * draw(st.integers(100, 5000)) + " " + "\\intbl x\\cell " * 50 + "\\row "


@st.composite
def rtf_documents(draw) -> tuple[str, bytes]:
    header = draw(st.sampled_from([RTF_HEADER, "{\\rtf1\\ansi", "{\\rtf1\\ansi\\ansicpg936\\deff0",
                                   "\ufeff{\\rtf1", "{\\rtf" + "1" * 30, "{\\rtf1\\mac\\ansicpg10008"]))
    body = "".join(draw(st.lists(rtf_piece(), min_size=1, max_size=15)))
    close = draw(st.sampled_from(["}", "}", "}", "", "}}}}", "}\x00garbage"]))
    data = (header + body + close).encode("utf-8")
    if draw(st.integers(0, 8)) == 0:
        data = data[: draw(st.integers(6, max(6, len(data) - 1)))]
    return "fuzz.rtf", data


# ----------------------------------------------------------------------------- images

def _png_chunk(kind: bytes, body: bytes, crc: int | None = None) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body)
                                                                    if crc is None else crc)


@st.composite
def png_documents(draw) -> tuple[str, bytes]:
    """A PNG written chunk by chunk: a real small grey or RGB image, or a header that lies
    (a canvas of billions of pixels in a few bytes, a bad colour type, a bad CRC), an IDAT
    cut short or holding noise, many frames of an APNG, no IEND."""
    width = draw(st.sampled_from([1, 8, 32, 64, 200]))
    height = draw(st.sampled_from([1, 8, 32, 64, 100]))
    color = draw(st.sampled_from([0, 0, 2, 3, 6, 5]))
    channels = {0: 1, 2: 3, 3: 1, 6: 4}.get(color, 1)
    raw = b"".join(b"\x00" + bytes([(x * 7 + y * 3) % 256 for x in range(width * channels)]) for y in range(height))
    declared = (draw(st.sampled_from([(width, height)] * 5 + [(100_000, 100_000), (2**31 - 1, 1), (0, 0),
                                                              (16_384, 16_384), (60_000, 1)])))
    ihdr = struct.pack(">IIBBBBB", *declared, draw(st.sampled_from([8, 8, 8, 16, 1, 3])), color, 0, 0,
                       draw(st.sampled_from([0, 0, 0, 1, 7])))
    idat = zlib.compress(raw)
    body = draw(st.sampled_from(["ok"] * 5 + ["cut", "noise", "bomb", "badcrc", "noend", "plte", "apng"]))
    chunks = [_png_chunk(b"IHDR", ihdr)]
    if body == "plte" or color == 3:
        chunks.append(_png_chunk(b"PLTE", bytes(range(256)) * 3))
    if body == "apng":
        chunks.append(_png_chunk(b"acTL", struct.pack(">II", draw(st.sampled_from([2, 10_000, 2**31])), 0)))
    if body == "cut":
        idat = idat[: len(idat) // 2]
    elif body == "noise":
        idat = draw(st.binary(min_size=1, max_size=200))
    elif body == "bomb":
        idat = zlib.compress(b"\x00" * 20_000_000, 9)
    chunks.append(_png_chunk(b"IDAT", idat, crc=0 if body == "badcrc" else None))
    if body != "noend":
        chunks.append(_png_chunk(b"IEND", b""))
    return "fuzz.png", b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


@cache
def _jpeg_base() -> bytes:
    """A 64x48 grey JPEG saved by Pillow: markers in the order real encoders write them."""
    from PIL import Image

    image = Image.new("L", (64, 48), 255)
    image.paste(0, (8, 8, 56, 12))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=75)
    return out.getvalue()


@st.composite
def jpeg_documents(draw) -> tuple[str, bytes]:
    """Pillow's JPEG with its frame header (SOF0) declaring another size, an EXIF orientation
    segment (valid or not), its scan cut or flipped."""
    data = bytearray(_jpeg_base())
    sof = data.find(b"\xff\xc0")
    if sof > 0 and draw(st.integers(0, 2)) == 0:
        height, width = draw(st.sampled_from([(65535, 65535), (0, 0), (1, 1), (48, 64), (60000, 2)]))
        struct.pack_into(">HH", data, sof + 5, height, width)
    if draw(st.integers(0, 3)) == 0:
        tiff = b"MM\x00*\x00\x00\x00\x08" + struct.pack(">HHHIHH", 1, 0x0112, 3, 1,
                                                          draw(st.sampled_from([1, 6, 8, 0, 99])), 0) + b"\x00" * 4
        exif = b"Exif\x00\x00" + tiff[: draw(st.integers(4, len(tiff)))]
        data[2:2] = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    damage = draw(st.sampled_from(["none", "none", "cut", "flip", "no_eoi", "marker_len"]))
    if damage == "cut":
        data = data[: draw(st.integers(3, len(data) - 1))]
    elif damage == "flip":
        for _ in range(draw(st.integers(1, 10))):
            data[draw(st.integers(2, len(data) - 1))] ^= draw(st.integers(1, 255))
    elif damage == "no_eoi":
        data = data[:-2]
    elif damage == "marker_len" and sof > 0:
        struct.pack_into(">H", data, sof + 2, draw(st.sampled_from([0, 1, 65535])))
    return "fuzz.jpg", bytes(data)


def image_documents() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(png_documents(), jpeg_documents())


def office_documents() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(xlsx_documents(), xls_documents(), ods_documents(), doc_documents(), rtf_documents(),
                     image_documents(), encrypted_ooxml_documents())


# Every strategy by the format it is counted under (the long campaign and the CI test).
STRATEGIES = {
    **fuzz_strategies.STRATEGIES,
    "xlsx": xlsx_documents, "xls": xls_documents, "ods": ods_documents, "odt": odt_documents, "doc": doc_documents,
    "rtf": rtf_documents, "image": image_documents, "encrypted": encrypted_ooxml_documents,
}
