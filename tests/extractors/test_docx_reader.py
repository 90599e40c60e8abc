"""The DOCX reader on committed fixtures (built by ``tests/fixtures/docx_fixtures.py``), on
damaged and hostile packages, and, when the shared corpus is present, on its real DOCX files."""

from __future__ import annotations

import importlib.util
import io
import random
import re
import struct
import time
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jdx.extractors.docx import read_docx
from jdx.extractors.docx_numbering import (
    NumberingCounters,
    NumberingDefinitions,
    bullet_text,
    format_number,
)
from jdx.extractors.errors import DocumentError, ErrorCode
from jdx.extractors.limits import Limits
from jdx.schemas.document import Block, BlockKind, Document
from lxml import etree

FIXTURE_SCRIPT = Path(__file__).resolve().parents[1] / "fixtures" / "docx_fixtures.py"
FIXTURES = FIXTURE_SCRIPT.parent / "docx"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus"
HR_COMPILATION = CORPUS / "yangxiaoxin12__Hr_hy/static/file/3.docx"
LIMITS = Limits()
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ----------------------------------------------------------------------------- helpers


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@cache
def read_fixture(name: str) -> Document:
    return read_docx(fixture_bytes(name), LIMITS)


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind is not BlockKind.TABLE]


def labelled(doc: Document) -> list[tuple[str | None, int | None, str]]:
    return [(b.label, b.level, b.text) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]


def tables(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind is BlockKind.TABLE]


def cell_tuples(block: Block) -> list[tuple[int, int, int, int, str]]:
    assert block.table is not None
    return [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in block.table.cells]


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info.filename))
    return out.getvalue()


def assert_well_formed(doc: Document) -> None:
    """Invariants every Document from this reader must keep, whatever the input."""
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert [b.index for b in doc.furniture] == list(range(len(doc.furniture)))
    for block in doc.blocks:
        if block.kind is BlockKind.TABLE:
            assert block.table is not None
            covered: set[tuple[int, int]] = set()
            for cell in block.table.cells:
                assert cell.rowspan >= 1 and cell.colspan >= 1
                assert cell.row + cell.rowspan <= block.table.n_rows
                assert cell.col + cell.colspan <= block.table.n_cols
                slots = {
                    (r, c)
                    for r in range(cell.row, cell.row + cell.rowspan)
                    for c in range(cell.col, cell.col + cell.colspan)
                }
                assert not slots & covered, f"cell {cell} overlaps another cell"
                covered |= slots
            if block.container is not None:
                parent, row, col = block.container
                assert parent < block.index
                assert doc.blocks[parent].kind is BlockKind.TABLE
        else:
            assert block.text.strip()


def load_fixture_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docx_fixtures", FIXTURE_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ----------------------------------------------------------------------------- fixtures


def test_fixtures_are_reproducible() -> None:
    script = load_fixture_script()
    built = script.build_all()
    assert built == script.build_all(), "fixture bytes must not depend on the time they are built"
    assert sorted(built) == sorted(p.name for p in FIXTURES.glob("*.docx"))
    # Compared through the reader, not byte for byte: another python-docx or zlib version may
    # serialise differently without changing what the fixtures contain.
    for name, data in built.items():
        assert read_docx(data, LIMITS) == read_fixture(name), f"{name}: rerun tests/fixtures/docx_fixtures.py"


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")))
def test_every_fixture_is_well_formed(name: str) -> None:
    doc = read_fixture(name)
    assert doc.format == "docx"
    assert doc.pages is None and doc.encoding is None
    assert_well_formed(doc)


# ----------------------------------------------------------------------------- numbering


def test_chinese_three_level_numbering() -> None:
    assert labelled(read_fixture("numbering_chinese.docx")) == [
        ("一、", 0, "岗位职责"),
        ("1.", 1, "负责物资入库验收工作。"),
        ("（1）", 2, "核对送货单与采购订单的品名、规格和数量；"),
        ("（2）", 2, "检查外包装是否完好，发现破损及时拍照留存；"),
        ("2.", 1, "负责物资出库发货工作。"),
        ("（1）", 2, "按领料单备货，做到先进先出；"),
        ("3.", 1, "每月末组织库存盘点，编制盘点报告。"),
        ("二、", 0, "任职资格"),
        ("1.", 1, "大专及以上学历，物流管理相关专业；"),
        ("2.", 1, "两年以上仓库管理工作经验。"),
        ("三、", 0, "工作环境"),
    ]


def test_labels_stay_out_of_the_text() -> None:
    doc = read_fixture("numbering_chinese.docx")
    for block in doc.blocks:
        assert block.label is None or not block.text.startswith(block.label)
    assert "一、 岗位职责" in doc.text()


def test_multilevel_outline_legal_and_no_restart() -> None:
    assert [(label, text) for label, _, text in labelled(read_fixture("numbering_multilevel.docx"))] == [
        ("1.", "岗位概述"),
        ("1.1", "岗位目的"),
        ("1.2", "岗位定位"),
        ("2.", "工作职责"),
        ("2.1", "日常核算"),
        ("2.1.1", "审核原始凭证"),
        ("2.1.2", "编制记账凭证"),
        ("2.2", "税务申报"),
        # w:isLgl: the chapter number shows as 1, not 一, in the sub-level label
        ("第一章", "总则"),
        ("1.1", "适用范围"),
        ("第二章", "职责分工"),
        ("2.1", "会计主管职责"),
        # w:lvlRestart 0: the sub-level keeps counting across its parents
        ("A.", "考核要点"),
        ("（1）", "核算准确"),
        ("（2）", "报表及时"),
        ("B.", "服务意识"),
        ("（3）", "响应部门需求"),
    ]


def test_instances_of_one_abstract_share_counters_and_start_override_restarts() -> None:
    doc = read_fixture("numbering_restart.docx")
    assert [label for label, _, _ in labelled(doc)] == [
        "1.", "2.", "3.",  # numId 3
        "1.", "2.",  # numId 4: startOverride 1 restarts the shared list
        "3.",  # numId 3 again continues the shared counter, as Word shows it
        "4.",  # numId 5, same abstractNum, no override: continues too
        "3.", "4.",  # another abstractNum whose level starts at 3
    ]


def test_numbering_inherited_from_paragraph_styles() -> None:
    doc = read_fixture("numbering_style.docx")
    rows = [(b.label, b.level, b.style, b.text) for b in doc.blocks]
    assert rows == [
        (None, None, None, "仓库管理员主要职责"),
        ("1、", 0, "岗位职责条目", "负责仓库日常管理。"),
        ("（1）", 1, "岗位职责子条目", "建立物资台账；"),
        ("（2）", 1, "岗位职责子条目", "定期核对账实；"),
        ("2、", 0, "岗位职责条目", "负责仓库安全管理。"),
        (None, None, "岗位职责条目", "（本条为说明文字，不编号）"),  # numId 0 switches it off
        ("3、", 0, "职责说明", "负责仓库人员管理。"),  # style basedOn the numbered style
        (None, None, None, "考核方式"),
        ("a)", 0, None, "月度考核"),  # w:numStyleLink -> numbering style -> w:styleLink levels
        ("b)", 0, None, "年度考核"),
    ]
    assert doc.blocks[5].kind is BlockKind.PARAGRAPH


def test_enclosed_circle_and_paren_numbers() -> None:
    assert [label for label, _, _ in labelled(read_fixture("numbering_circled.docx"))] == [
        "①", "②", "③", "①", "②", "⑴", "⑵",
    ]


def test_number_formats_past_ten() -> None:
    labels = [label for label, _, _ in labelled(read_fixture("numbering_formats.docx"))]
    assert labels == [
        "壹、", "贰、", "甲、", "乙、", "子、", "丑、", "A.", "B.", "iii)", "iv)", "IX.", "X.",
        "09", "10", "⒈", "⒉", "９．", "１０．", "十、", "十一、", "二十、", "二十一、", "十、", "十一、",
        "一〇一、", "一〇二、", "一百零一、", "一百零二、", "十一.", "十二.", None, None,
    ]


def test_bullets_from_symbol_fonts_become_readable() -> None:
    assert labelled(read_fixture("bullets.docx")) == [
        ("•", 0, "熟悉仓储管理流程"),
        ("•", 1, "掌握WMS系统操作"),
        ("•", 2, "能使用叉车"),
        ("●", 0, "具备良好的沟通能力"),
        ("•", 0, "责任心强"),
    ]
    for block in read_fixture("bullets.docx").blocks:
        assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in (block.label or "") + block.text)


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (21, "chineseCounting", "二十一"),
        (99, "chineseCounting", "九十九"),
        (10, "chineseCountingThousand", "十"),
        (110, "chineseCountingThousand", "一百一十"),
        (1001, "chineseCountingThousand", "一千零一"),
        (10001, "chineseCountingThousand", "一万零一"),
        (3, "chineseLegalSimplified", "叁"),
        (10, "chineseLegalSimplified", "壹拾"),
        (3, "ideographTraditional", "丙"),
        (10, "ideographTraditional", "癸"),
        (12, "ideographZodiac", "亥"),
        (20, "decimalEnclosedCircle", "⑳"),
        (21, "decimalEnclosedCircle", "21"),
        (5, "decimalEnclosedCircleChinese", "⑤"),
        (3, "decimalEnclosedParen", "⑶"),
        (3, "decimalEnclosedFullstop", "⒊"),
        (12, "decimalFullWidth", "１２"),
        (5, "decimalZero", "05"),
        (27, "lowerLetter", "aa"),
        (4, "upperRoman", "IV"),
        (1994, "lowerRoman", "mcmxciv"),
        (111, "japaneseCounting", "百十一"),
        (12, "taiwaneseCounting", "十二"),
        (7, "none", ""),
        (7, "someFutureFormat", "7"),
        (10**12, "upperRoman", "1000000000000"),  # a hostile start value is not spelled out
        (10**12, "lowerLetter", "1000000000000"),
    ],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_bullet_text_maps_symbol_glyphs_only() -> None:
    assert bullet_text("\uf0b7", "Symbol") == "•"
    assert bullet_text("l", "Wingdings") == "•"
    assert bullet_text("\uf076", None) == "•"
    assert bullet_text("◆", "宋体") == "◆"
    assert bullet_text("", "Wingdings") == ""


def _numbering(xml: str) -> NumberingDefinitions:
    root = etree.fromstring(f'<w:numbering xmlns:w="{W_NS}">{xml}</w:numbering>')
    return NumberingDefinitions(root)


def test_deeper_levels_restart_and_unused_parents_show_their_start() -> None:
    defs = _numbering(
        '<w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>'
        "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    counters = NumberingCounters(defs)
    sequence = [(1, 1), (1, 2), (1, 0), (1, 1), (1, 2), (1, 2), (1, 0)]
    assert [counters.next_label(str(num), ilvl) for num, ilvl in sequence] == [
        "1.1", "1.1.a", "1.", "1.1", "1.1.a", "1.1.b", "2.",
    ]


def test_undefined_num_id_gives_no_label_and_a_warning() -> None:
    defs = _numbering("")
    assert defs.resolve("5") is None
    data = replace_member(
        fixture_bytes("numbering_restart.docx"),
        "word/document.xml",
        _document_xml(
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="42"/></w:numPr></w:pPr>'
            "<w:r><w:t>编号定义缺失的段落</w:t></w:r></w:p>"
        ),
    )
    doc = read_docx(data, LIMITS)
    assert [(b.kind, b.label, b.text) for b in doc.blocks] == [(BlockKind.PARAGRAPH, None, "编号定义缺失的段落")]
    assert [w.code for w in doc.warnings] == ["numbering_undefined"]


# ----------------------------------------------------------------------------- tables


def test_form_table_spans_and_grid() -> None:
    doc = read_fixture("form_table.docx")
    assert texts(doc) == ["仓库管理员岗位说明书"]
    (table,) = tables(doc)
    assert table.table is not None
    assert (table.table.n_rows, table.table.n_cols) == (10, 4)
    assert cell_tuples(table) == [
        (0, 0, 1, 1, "岗位名称"),
        (0, 1, 1, 1, "仓库管理员"),
        (0, 2, 1, 1, "所属部门"),
        (0, 3, 1, 1, "物流部"),
        (1, 0, 1, 1, "直接上级"),
        (1, 1, 1, 3, "物流部经理"),
        (2, 0, 1, 1, "职责类别"),
        (2, 1, 1, 3, "工作职责"),
        (3, 0, 3, 1, "日常管理"),
        (3, 1, 1, 3, "1.入库验收：核对单据与实物。"),
        (4, 1, 1, 3, "2.出库发货：按单备货。"),
        (5, 1, 1, 3, "3.库存盘点：每月末盘点。"),
        (6, 0, 2, 1, "安全管理"),
        (6, 1, 1, 3, "4.消防检查：每周巡查。"),
        (7, 1, 1, 3, "5.危险品管理：单独存放。"),
        (8, 1, 1, 2, "签字"),  # w:gridBefore shifts the row one column right
        (8, 3, 1, 1, "日期"),
        (9, 0, 1, 1, "备注"),  # a row shorter than the grid
        (9, 1, 1, 1, "无"),
    ]
    grid = table.table.grid()
    assert grid[4][0] is grid[3][0] and grid[5][0] is grid[3][0]
    assert grid[8][0] is None and grid[9][3] is None
    # a merged cell's text is stored once, not once per slot it covers
    assert sum(c.text == "日常管理" for c in table.table.cells) == 1


def test_nested_tables_follow_their_parent_and_point_to_their_cell() -> None:
    doc = read_fixture("nested_table.docx")
    summary = [(b.index, b.kind, b.container) for b in doc.blocks]
    assert summary == [
        (0, BlockKind.PARAGRAPH, None),
        (1, BlockKind.TABLE, None),
        (2, BlockKind.TABLE, (1, 0, 1)),
        (3, BlockKind.TABLE, (2, 2, 1)),
        (4, BlockKind.TABLE, (1, 1, 1)),
        (5, BlockKind.PARAGRAPH, None),
    ]
    outer, inner, deepest, second = tables(doc)
    assert cell_tuples(outer) == [
        (0, 0, 1, 1, "考核维度"),
        (0, 1, 1, 1, "详见下表：\n（权重合计100%）"),  # the nested table's text is not in the cell
        (1, 0, 1, 1, "能力素质"),
        (1, 1, 1, 1, ""),
    ]
    assert [c.text for c in inner.table.cells] == ["指标", "权重", "账务准确率", "40%", "报表及时率", "30%"]  # type: ignore[union-attr]
    assert [c.text for c in deepest.table.cells] == ["月报", "次月5日前"]  # type: ignore[union-attr]
    assert [c.text for c in second.table.cells] == ["沟通能力", "良好"]  # type: ignore[union-attr]


def test_content_controls_keep_their_content_and_cells() -> None:
    doc = read_fixture("content_controls.docx")
    assert texts(doc) == [
        "岗位名称：会计",  # inline content control
        "岗位编号：",  # a control still showing its placeholder prompt contributes nothing
        "会计学或财务管理专业本科及以上学历；",  # block-level content control
        "持有初级会计师及以上职称。",
        "上海总部财务部",  # smart tag
        "负责总账核算与月度结账。",  # customXml wrapper
    ]
    (table,) = tables(doc)
    assert table.table is not None
    rows = [[c.text for c in row] for row in table.table.rows()]
    assert rows == [
        ["职责", "频次", "输出"],
        ["编制会计凭证", "每日", "记账凭证"],  # rows inside a repeating-section control
        ["编制财务报表", "每月", "月度报表"],
        ["纳税申报", "每季", "申报表"],  # a cell inside a content control
    ]
    assert [w.code for w in doc.warnings] == ["placeholder_text_skipped"]


# ----------------------------------------------------------------------------- text


def test_text_box_is_read_once_right_after_its_anchor() -> None:
    fixtures = load_fixture_script()
    doc = read_fixture("textbox.docx")
    assert texts(doc) == [
        "仓库管理员岗位说明书",
        fixtures.TEXTBOX_TEXT,  # DrawingML text box; its VML fallback copy is not read
        "岗位职责：负责物资收发与保管。",
        fixtures.VML_ONLY_TEXT,  # a VML text box outside mc:AlternateContent is read
        "任职资格：高中及以上学历。",
    ]
    assert doc.text().count(fixtures.TEXTBOX_TEXT) == 1


def test_tracked_changes_read_as_accepted() -> None:
    doc = read_fixture("tracked_changes.docx")
    assert [(b.label, b.text) for b in doc.blocks if b.kind is not BlockKind.TABLE] == [
        (None, "负责仓库物资的收发与盘点工作。"),  # w:ins kept, w:del dropped
        (None, "执行出入库登记。"),  # w:moveFrom dropped
        (None, "每月末完成盘点报告。"),  # w:moveTo kept
        (None, "协助财务部完成年度资产清查。"),  # deleted paragraph mark joins the paragraphs
        ("1.", "遵守公司安全制度。"),  # a wholly deleted paragraph leaves nothing behind
        ("2.", "参加消防演练。"),  # an inserted numbered paragraph counts
        (None, "此段编号已被修订取消。"),  # numbering only in w:pPrChange (the old state)
    ]
    (table,) = tables(doc)
    assert [[c.text for c in row] for row in table.table.rows()] == [["项目", "要求"], ["学历", "大专"]]  # type: ignore[union-attr]
    assert "及清洁" not in doc.text() and "本段已整体删除" not in doc.text()


def test_fields_links_and_symbols() -> None:
    assert texts(read_fixture("fields_links.docx")) == [
        "简历请投递至 hr@example.com",
        "详见 公司招聘页面。",  # HYPERLINK field: result shown, instruction not
        "发布日期：2024年3月1日",  # w:fldSimple result
        "是否需要持证上岗：☑是 □否",  # Wingdings 2 check boxes
        "联系人：王老师\t电话：-021\n（工作日）",
    ]


def test_headers_and_footers_are_furniture_only() -> None:
    fixtures = load_fixture_script()
    doc = read_fixture("header_footer.docx")
    assert texts(doc) == ["岗位名称：出纳", "所属部门：财务部"]
    assert [b.text for b in doc.furniture] == [fixtures.HEADER_TEXT, fixtures.FIRST_PAGE_HEADER, "第 1 页 共 2 页"]
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.furniture)
    assert "PAGE" not in " ".join(b.text for b in doc.furniture)


def test_headings_from_styles_and_outline_levels() -> None:
    doc = read_fixture("headings.docx")
    assert [(b.kind, b.level, b.label, b.style, b.text) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, None, None, "Title", "出纳岗位说明书"),
        (BlockKind.HEADING, 0, None, "heading 1", "岗位概述"),
        (BlockKind.PARAGRAPH, None, None, None, "负责公司资金收付与保管。"),
        (BlockKind.HEADING, 1, None, "heading 2", "岗位职责"),
        (BlockKind.HEADING, 1, None, "JD小标题", "现金管理"),  # basedOn Heading 2
        (BlockKind.HEADING, 2, None, None, "银行账户管理"),  # w:outlineLvl in the paragraph
        (BlockKind.PARAGRAPH, None, None, "heading 1", "这是一段正文，但误用了标题样式"),  # outlineLvl 9
        (BlockKind.HEADING, 0, "一、", "heading 1", "任职资格"),  # numbered heading keeps its label
        (BlockKind.HEADING, 0, "二、", "heading 1", "工作环境"),
        (BlockKind.HEADING, 0, None, "标题 1", "附则"),  # Chinese built-in style name
    ]


_STYLES = (
    f'<w:styles xmlns:w="{W_NS}"><w:latentStyles w:defLockedState="0" w:count="2">'
    '<w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/>'
    '<w:lsdException w:name="heading 1" w:uiPriority="9"/></w:latentStyles>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="普通表格"/><w:tblPr/></w:style>'
    '<w:style w:type="character" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style>'
    '<w:style w:type="numbering" w:styleId="a2"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    "</w:styles>"
).encode()


def test_styles_part_is_parsed_without_what_the_reader_ignores() -> None:
    # Latent, table and character styles are most of the styles part Word or python-docx
    # writes; the reader looks at paragraph and numbering styles only.
    from jdx.extractors.docx import _styles_to_read

    cut = _styles_to_read(_STYLES)
    kept = etree.fromstring(cut)
    assert [s.get(f"{{{W_NS}}}styleId") for s in kept.iter(f"{{{W_NS}}}style")] == ["1", "a2"]
    assert b"latentStyles" not in cut


@pytest.mark.parametrize("inside", [
    '<w:style w:type="paragraph" w:styleId="2"/>', "<!-- x -->", "<![CDATA[x]]>", "<?pi?>",
    "--><!--", "]]><![CDATA[",
])
def test_styles_part_is_cut_only_where_nothing_else_can_be_inside(inside: str) -> None:
    from jdx.extractors.docx import _styles_to_read

    for end_tag in ("</w:latentStyles>", "<w:tblPr/></w:style>", "Font\"/></w:style>"):
        kept = _STYLES.replace(end_tag.encode(), inside.encode() + end_tag.encode())
        assert kept != _STYLES
        # whatever else is cut, the element holding ``inside`` is not
        assert inside.encode() in _styles_to_read(kept), (inside, end_tag)
    # latent styles only as Word writes them: empty lsdException tags, in ASCII
    for inside_latent in ('<w:lsdException w:name="x"></w:lsdException>', '<w:lsdException w:name="正文"/>'):
        kept = _STYLES.replace(b"</w:latentStyles>", inside_latent.encode() + b"</w:latentStyles>")
        assert inside_latent.encode() in _styles_to_read(kept)
    # a part with a comment (or CDATA, a processing instruction) is parsed whole: no cut can
    # start inside one and end outside it
    for commented in (
        _STYLES.replace(b'<w:style w:type="paragraph"', b'<!-- <w:style w:type="table"> --><w:style w:type="paragraph"'),
        _STYLES.replace(b"<w:latentStyles", b"<!-- <w:latentStyles/> --><w:latentStyles"),
    ):
        assert _styles_to_read(commented) == commented
    declared = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' + _STYLES
    assert len(_styles_to_read(declared)) < len(declared)
    for other in (declared.replace(b"UTF-8", b"GB18030"), _STYLES.decode().encode("utf-16")):
        assert _styles_to_read(other) == other
    # a latent-styles element without its end tag is parsed whole
    unclosed = _STYLES.replace(b"</w:latentStyles>", b"")
    assert _styles_to_read(unclosed).startswith(unclosed[:unclosed.index(b'<w:style w:type="paragraph"')])


# ----------------------------------------------------------------------------- bad input


def _document_xml(body: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def _error(data: bytes, limits: Limits = LIMITS) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        read_docx(data, limits)
    return info.value


def test_truncated_docx_is_corrupt() -> None:
    data = fixture_bytes("form_table.docx")
    assert _error(data[: len(data) // 2]).code is ErrorCode.CORRUPT_FILE


def test_malformed_document_xml_is_corrupt() -> None:
    data = replace_member(
        fixture_bytes("form_table.docx"), "word/document.xml", _document_xml("<w:p><w:r><w:t>未闭合")[:-20]
    )
    error = _error(data)
    assert error.code is ErrorCode.CORRUPT_FILE
    assert "document.xml" in error.message


def test_zip_without_a_main_document_is_corrupt() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "不是 Word 文档")
    assert _error(out.getvalue()).code is ErrorCode.CORRUPT_FILE


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04", b"\x00" * 64, "岗位说明书".encode()])
def test_garbage_is_corrupt(data: bytes) -> None:
    assert _error(data).code is ErrorCode.CORRUPT_FILE


def _with_zeros_member(size: int) -> bytes:
    """A real fixture plus one highly compressible member, written in chunks (no big allocation)."""
    out = io.BytesIO(fixture_bytes("form_table.docx"))
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("word/media/zeros.bin", "w") as member:
        for _ in range(size // len(chunk)):
            member.write(chunk)
    return out.getvalue()


def test_zip_bomb_by_declared_size() -> None:
    data = _with_zeros_member(8 << 20)
    error = _error(data, Limits(max_unzipped_bytes=4 << 20))
    assert error.code is ErrorCode.ZIP_BOMB


def test_zip_bomb_by_compression_ratio() -> None:
    data = _with_zeros_member(8 << 20)  # ~1000:1, far past the default 200:1
    assert len(data) < 200_000
    assert _error(data).code is ErrorCode.ZIP_BOMB


def test_zip_bomb_with_a_huge_declared_member() -> None:
    # A member that claims to inflate to 1 GB: refused from the central directory alone.
    data = bytearray(_with_zeros_member(1 << 20))
    _patch_sizes(data, "word/media/zeros.bin", 1 << 30)
    assert _error(bytes(data)).code is ErrorCode.ZIP_BOMB


def test_member_inflating_beyond_its_declared_size_is_refused() -> None:
    # The document part declares 1 KB but inflates to 2 MB: reading stops at the declared
    # size and the CRC fails. (Whitespace after the root element, mixed so as to compress
    # below the ratio bound.)
    fixture = fixture_bytes("form_table.docx")
    with zipfile.ZipFile(io.BytesIO(fixture)) as archive:
        document = archive.read("word/document.xml")
    padding = bytes(random.Random(0).choices(b" \t\n", k=2 << 20))
    data = bytearray(replace_member(fixture, "word/document.xml", document + padding))
    assert read_docx(bytes(data), LIMITS).blocks == read_fixture("form_table.docx").blocks
    _patch_sizes(data, "word/document.xml", 1024)
    assert _error(bytes(data)).code in (ErrorCode.CORRUPT_FILE, ErrorCode.ZIP_BOMB)


def test_inflated_bytes_are_capped_whatever_the_sizes_declared() -> None:
    from jdx.extractors.docx import guard_zip

    members = guard_zip(fixture_bytes("form_table.docx"), LIMITS)
    size = len(members.read("word/document.xml"))
    capped = guard_zip(fixture_bytes("form_table.docx"), Limits(max_unzipped_bytes=10 << 20))
    capped._budget = size - 1  # as if the declared sizes had summed to less than the real ones
    with pytest.raises(DocumentError) as info:
        capped.read("word/document.xml")
    assert info.value.code is ErrorCode.ZIP_BOMB


def test_members_inflated_directly_are_zipfiles_bytes() -> None:
    # ZipMembers inflates plain members from the package bytes itself; every member reads as
    # zipfile reads it, and a member whose CRC does not match goes zipfile's way, to its error.
    from jdx.extractors.docx import guard_zip

    data = fixture_bytes("form_table.docx")
    members = guard_zip(data, LIMITS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in members.names():
            assert members._inflated(members._infos[name]) == archive.read(name)
    damaged = bytearray(data)
    info = members._infos["word/document.xml"]
    _, extra = struct.unpack_from("<HH", damaged, info.header_offset + 26)
    start = info.header_offset + 30 + len(info.orig_filename.encode()) + extra
    damaged[start + info.compress_size // 2] ^= 0xFF
    broken = guard_zip(bytes(damaged), LIMITS)
    assert broken._inflated(broken._infos["word/document.xml"]) is None
    with pytest.raises(DocumentError) as error:
        broken.read("word/document.xml")
    assert error.value.code is ErrorCode.CORRUPT_FILE


def test_members_the_reader_does_not_parse_are_never_inflated() -> None:
    # Media, themes, settings: a damaged or lying member the reader has no use for is never
    # inflated, so it cannot cost anything, and the document reads.
    data = bytearray(_with_zeros_member(4 << 20))
    _patch_sizes(data, "word/media/zeros.bin", 1024)
    assert read_docx(bytes(data), LIMITS).blocks == read_fixture("form_table.docx").blocks


def _patch_sizes(data: bytearray, name: str, size: int) -> None:
    """Overwrite the uncompressed size of one member in its local and central headers."""
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    end_of_directory = data.rfind(b"PK\x05\x06")
    entries, directory = struct.unpack_from("<HxxxxI", data, end_of_directory + 10)
    position = directory
    for _ in range(entries):
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, position + 28)
        if bytes(data[position + 46 : position + 46 + name_len]) == name.encode():
            struct.pack_into("<I", data, position + 24, size)
        position += 46 + name_len + extra_len + comment_len


def test_dangling_relationships_are_tolerated() -> None:
    # Add-ins leave relationships to parts that are not in the zip ("word/NULL"); Word opens
    # such files, and python-docx's loader famously does not.
    data = fixture_bytes("numbering_chinese.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rId900" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"'
        ' Target="NULL"/><Relationship Id="rId901"'
        ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="#_top"/>'
        "</Relationships>",
    )
    doc = read_docx(replace_member(data, "word/_rels/document.xml.rels", rels.encode()), LIMITS)
    assert labelled(doc) == labelled(read_fixture("numbering_chinese.docx"))


def test_package_without_package_relationships_still_reads() -> None:
    data = fixture_bytes("form_table.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != "_rels/.rels":
                dst.writestr(info.filename, src.read(info.filename))
    assert read_docx(out.getvalue(), LIMITS).blocks == read_fixture("form_table.docx").blocks


def test_strict_open_xml_is_unsupported() -> None:
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"'
        ' Target="word/strict.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/strict.xml", '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"/>')
    assert _error(out.getvalue()).code is ErrorCode.UNSUPPORTED_FORMAT


def test_external_entities_are_not_resolved() -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>岗位&secret;说明</w:t></w:r></w:p></w:body></w:document>'
    ).encode()
    data = replace_member(fixture_bytes("form_table.docx"), "word/document.xml", xml)
    try:
        doc = read_docx(data, LIMITS)
    except DocumentError as error:
        assert error.code is ErrorCode.CORRUPT_FILE
    else:
        assert "root:" not in doc.text()


def test_text_limit() -> None:
    error = _error(fixture_bytes("numbering_chinese.docx"), Limits(max_text_chars=20))
    assert error.code is ErrorCode.TOO_LARGE


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_give_a_document_or_a_document_error(data: bytes) -> None:
    try:
        doc = read_docx(data, LIMITS)
    except DocumentError:
        return
    assert_well_formed(doc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_fixture_bytes_give_a_document_or_a_document_error(data: st.DataObject) -> None:
    original = bytearray(fixture_bytes("content_controls.docx"))
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    try:
        doc = read_docx(bytes(original), LIMITS)
    except DocumentError:
        return
    assert_well_formed(doc)


# Random, often invalid, WordprocessingML: the reader must neither crash nor break its invariants.
_LEAVES = st.sampled_from(
    [
        "<w:r><w:t>职责</w:t></w:r>",
        "<w:r><w:tab/><w:br/><w:cr/><w:noBreakHyphen/></w:r>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        "<w:r><w:instrText> PAGE </w:instrText></w:r>",
        '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:char="D800"/><w:sym w:char="zz"/></w:r>',
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>",
        "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>",
        '<w:pPr><w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr></w:pPr>',
        '<w:pPr><w:numPr><w:ilvl w:val="-3"/><w:numId w:val="x"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr>',
        '<w:pPr><w:pStyle w:val="Heading1"/><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>',
        '<w:tcPr><w:gridSpan w:val="999999"/><w:vMerge/></w:tcPr>',
        '<w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>',
        '<w:tcPr><w:hMerge/></w:tcPr>',
        '<w:trPr><w:gridBefore w:val="3"/><w:gridAfter w:val="-1"/></w:trPr>',
        "<w:trPr><w:del/></w:trPr>",
        "<w:sdtPr><w:showingPlcHdr/></w:sdtPr>",
        "",
    ]
)
_CONTAINERS = [
    "w:p", "w:r", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:ins", "w:hyperlink", "w:txbxContent",
    "w:customXml", "w:moveTo", "w:moveFrom", "mc:AlternateContent", "mc:Choice", "mc:Fallback", "w:pict",
    "w:drawing", "w:fldSimple",
]
_XML_TREES = st.recursive(
    _LEAVES,
    lambda children: st.builds(
        lambda tag, inner: f"<{tag}>{''.join(inner)}</{tag}>",
        st.sampled_from(_CONTAINERS),
        st.lists(children, max_size=4),
    ),
    max_leaves=30,
)


@cache
def _small_package_parts() -> dict[str, bytes]:
    """The parts of a fixture the reader looks at, without the 400 KB of template styles."""
    keep = ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/numbering.xml")
    with zipfile.ZipFile(io.BytesIO(fixture_bytes("numbering_multilevel.docx"))) as archive:
        parts = {name: archive.read(name) for name in keep}
    # Drop relationships to the parts left out, so the package stays consistent.
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    for rel in list(rels):
        if not rel.get("Target", "").endswith("numbering.xml"):
            rels.remove(rel)
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels)
    return parts


def _small_docx(document_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, content in {**_small_package_parts(), "word/document.xml": document_xml}.items():
            archive.writestr(name, content)
    return out.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_XML_TREES, min_size=1, max_size=5))
def test_random_wordprocessingml_never_crashes(fragments: list[str]) -> None:
    data = _small_docx(_document_xml("".join(fragments)))
    try:
        doc = read_docx(data, LIMITS)
    except DocumentError as error:
        assert error.code is ErrorCode.CORRUPT_FILE
        return
    assert_well_formed(doc)


# Formatting the story cut takes (see docx._story_to_read) among random WordprocessingML, next
# to text, inside text and next to what the reader does read.
_FORMATTING_LEAVES = st.sampled_from(
    [
        '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hint="eastAsia"/><w:b/><w:sz w:val="24"/></w:rPr><w:t>加粗</w:t></w:r>',
        "<w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>",
        '<w:pPr><w:spacing w:line="360"/><w:jc w:val="center"/><w:rPr><w:del w:id="2"/><w:b/></w:rPr></w:pPr>',
        '<w:pPr><w:jc w:val="left"/><w:rPr><w:sz w:val="21"/></w:rPr></w:pPr>',
        '<w:tcPr><w:tcW w:w="2520" w:type="dxa"/><w:gridSpan w:val="2"/><w:vAlign w:val="center"/></w:tcPr>',
        '<w:t>前<w:rPr><w:b/></w:rPr></w:t>', '<w:t><w:rPr><w:b/></w:rPr>后</w:t>', '<w:t xml:space="preserve"> <w:b/> </w:t>',
        "<w:r><w:t>文</w:t><w:rPr><w:b/></w:rPr></w:r>", "<w:rPr><w:b /></w:rPr>", '<w:jc w:val="a&amp;b"/>',
        '<w:r><w:rPr><w:u w14:val="x"/></w:rPr><w:t>另一命名空间</w:t></w:r>',
    ]
)
_TREES_WITH_FORMATTING = st.recursive(
    st.one_of(_LEAVES, _FORMATTING_LEAVES),
    lambda children: st.builds(
        lambda tag, inner: f"<{tag}>{''.join(inner)}</{tag}>",
        st.sampled_from([*_CONTAINERS, "w:t", "w:rPr"]),
        st.lists(children, max_size=4),
    ),
    max_leaves=30,
)


def _read_or_error(data: bytes) -> str:
    try:
        return read_docx(data, LIMITS).model_dump_json()
    except DocumentError as error:
        return f"{error.code}: {error.message}"


def _assert_cut_reads_as_whole(data: bytes) -> None:
    from jdx.extractors import docx

    cut = _read_or_error(data)
    original = docx._story_to_read
    try:
        docx._story_to_read = lambda part: part
        assert cut == _read_or_error(data)
    finally:
        docx._story_to_read = original


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TREES_WITH_FORMATTING, min_size=1, max_size=5), st.sampled_from(["", "\n", "  "]))
def test_story_cut_reads_as_the_whole_part(fragments: list[str], blank: str) -> None:
    # The document read with the formatting cut out and read whole give the same Document, or
    # the same error; blanks between tags are where libxml2 keeps or drops whitespace.
    _assert_cut_reads_as_whole(_small_docx(_document_xml(blank.join(fragments))))


@pytest.mark.parametrize("run", [
    "<w:t><w:rPr><w:b/></w:rPr>后</w:t>", "<w:t>前<w:rPr><w:b/></w:rPr></w:t>", "<w:t> <w:b/> </w:t>",
    "<w:t><w:jc/> </w:t>", "<w:t> <w:jc/></w:t>", "<w:t><w:jc/></w:t>", "<w:t>甲<w:jc/>乙</w:t>",
])
@pytest.mark.parametrize("full_walk", ["", "<w:tab/>"])
def test_story_cut_keeps_text_next_to_what_it_takes(run: str, full_walk: str) -> None:
    # Formatting misplaced inside text: a cut next to text would join or move it (the full
    # walk reads a w:t's .text, the plain path all of its text nodes).
    _assert_cut_reads_as_whole(_small_docx(_document_xml(f"<w:p><w:r>{full_walk}{run}</w:r></w:p>")))


def test_story_cut_takes_only_formatting_between_tags() -> None:
    from jdx.extractors.docx import _story_to_read

    part = _document_xml(
        '<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:pPr>'
        '<w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t>隐</w:t></w:r><w:r><w:rPr><w:sz w:val="2"/></w:rPr><w:t>文</w:t></w:r>'
        "<w:r><w:t>a<w:rPr><w:b/></w:rPr></w:t></w:r></w:p>"
    )
    cut = _story_to_read(part)
    assert cut == part.replace(b'<w:jc w:val="center"/><w:rPr><w:b/><w:sz w:val="24"/></w:rPr>', b"").replace(
        b'<w:rPr><w:sz w:val="2"/></w:rPr>', b"")
    # a part that does not bind w on its root, or has a comment, is parsed whole
    for whole in (part.replace(b'xmlns:w="', b'xmlns:x="'), part.replace(b"<w:body>", b"<w:body><!-- -->")):
        assert _story_to_read(whole) is whole


def test_story_cut_names_no_tag_the_reader_reads() -> None:
    from jdx.extractors import docx, docx_numbering

    read = {value.removeprefix(docx.W) for module in (docx, docx_numbering) for name, value in vars(module).items()
            if name.startswith("W_") and isinstance(value, str) and value.startswith(docx.W)}
    assert {"t", "p", "tab", "vanish", "gridSpan"} <= read
    assert not read & {*docx._RUN_FORMATTING, *docx._LAYOUT_FORMATTING}


def test_malformed_story_reports_the_error_of_the_whole_part() -> None:
    # The message (with its line and column) is libxml2's on the part as written, not on the cut one.
    from lxml import etree as lxml_etree

    body = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>未闭合</w:p>'
    document = _document_xml(body)
    with pytest.raises(lxml_etree.XMLSyntaxError) as whole:
        lxml_etree.fromstring(document)
    assert str(whole.value).split(" (")[0] in _error(_small_docx(document)).message


# ----------------------------------------------------------------------------- corpus

CORPUS_DOCX = sorted(CORPUS.glob("**/*.docx")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus (../shared) is not present")


def _raw_cell_count(data: bytes) -> int:
    """w:tc elements the reader must emit: all body cells minus merge continuations.

    Cells in mc:Fallback (duplicates of the mc:Choice content) and in deleted rows are not
    shown by Word either.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    w = "{" + W_NS + "}"
    count = 0
    for tc in root.iter(w + "tc"):
        if any(
            a.tag == "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
            for a in tc.iterancestors()
        ):
            continue
        tcpr = tc.find(w + "tcPr")
        vmerge = tcpr.find(w + "vMerge") if tcpr is not None else None
        hmerge = tcpr.find(w + "hMerge") if tcpr is not None else None
        if vmerge is not None and vmerge.get(w + "val") != "restart":
            continue
        if hmerge is not None and hmerge.get(w + "val") != "restart":
            continue
        count += 1
    return count


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_DOCX, ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_docx_reads_and_merged_cells_appear_once(path: Path) -> None:
    data = path.read_bytes()
    doc = read_docx(data, LIMITS)
    assert_well_formed(doc)
    assert doc.blocks, "a real document has text"
    emitted = sum(len(b.table.cells) for b in tables(doc) if b.table is not None)
    assert emitted == _raw_cell_count(data)


@needs_corpus
def test_hr_compilation_has_one_card_per_role() -> None:
    if not HR_COMPILATION.is_file():
        pytest.skip("the 139-role compilation is not in the corpus")
    data = HR_COMPILATION.read_bytes()
    started = time.perf_counter()
    doc = read_docx(data, LIMITS)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0, f"{elapsed:.2f}s: far slower than the ~0.7s measured; something went quadratic"
    role_headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING and b.level == 2]
    assert len(role_headings) == 139
    cards = [
        b for b in tables(doc) if b.table is not None and any(c.text in ("岗位名称", "岗位概述") for c in b.table.cells)
    ]
    # one card (催化剂正极班长) labels its name cell 岗位概述 instead of 岗位名称
    assert len(cards) == 139
    for card in cards:
        assert card.table is not None
        # the full-width section rows are merged cells: read once each, never per grid slot
        assert Counter(c.text for c in card.table.cells)["基本信息"] == 1
    # department headings are numbered by Word (一、 二、 三、), not typed
    assert Counter(b.label for b in doc.blocks if b.kind is BlockKind.HEADING and b.level == 1)["一、"] >= 10
    assert all(re.fullmatch(r"\d+\.", b.label or "") for b in role_headings if b.label)
    assert [b.text for b in doc.furniture] and not any("PAGE" in b.text for b in doc.furniture)


def test_text_element_with_a_comment_or_instruction_inside_reads_all_its_text() -> None:
    """A w:t holding a comment or processing instruction between text (no writer does this,
    a hand-made file may) gives all its text, in body paragraphs and in plain table cells."""
    from hostile import minimal_docx

    odd = "<w:r><w:t>岗位<!-- note -->名称<?pi x?>：出纳</w:t><w:t/><w:t>员</w:t></w:r>"
    body = (f"<w:p>{odd}</w:p><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>"
            f"<w:tr><w:tc><w:p>{odd}</w:p></w:tc></w:tr></w:tbl>")
    doc = read_docx(minimal_docx(body), Limits())
    assert doc.blocks[0].text == "岗位名称：出纳员"
    assert cell_tuples(doc.blocks[1])[0][-1] == "岗位名称：出纳员"
