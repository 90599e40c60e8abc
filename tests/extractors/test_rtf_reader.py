"""The RTF reader on committed fixtures (``tests/fixtures/doc_fixtures.py`` writes them by hand,
the way Word writes RTF), on small hand-written snippets for one rule each, and on hostile
input."""

from __future__ import annotations

import random
import time
from functools import cache

import pytest
from conftest import FIXTURES
from jdx.extractors import read_document
from jdx.extractors.errors import DocumentError, ErrorCode
from jdx.extractors.limits import Limits
from jdx.extractors.rtf import MAX_DEPTH, read_rtf
from jdx.extractors.sniff import sniff
from jdx.schemas.document import BlockKind, Document

RTF = FIXTURES / "rtf"
LIMITS = Limits()


@cache
def read(name: str) -> Document:
    return read_rtf((RTF / name).read_bytes(), LIMITS)


def texts(source: str) -> list[str]:
    doc = read_rtf(source.encode("latin-1"), LIMITS)
    return [b.text for b in doc.blocks]


def gbk(text: str) -> str:
    return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))


# ----------------------------------------------------------------------------- fixtures


def test_sniffed_as_rtf() -> None:
    assert sniff((RTF / "form_role.rtf").read_bytes()).format == "rtf"
    assert read_document((RTF / "form_role.rtf").read_bytes()).format == "rtf"


def test_form_role_paragraphs_headings_lists_fields_and_symbols() -> None:
    doc = read("form_role.rtf")
    shown = [(b.kind, b.label, b.level, b.text) for b in doc.blocks if b.kind is not BlockKind.TABLE]
    assert shown == [
        (BlockKind.HEADING, None, 0, "仓库管理员岗位说明书"),  # \s1 heading 1 with \outlinelevel0
        (BlockKind.HEADING, None, 1, "基本信息"),  # a style named 标题 2 (its name in GBK)
        (BlockKind.PARAGRAPH, None, None, "详见公司招聘页面。"),  # \fldrslt in \uN with GBK fallbacks
        # \pict, an unknown \* destination and \v hidden text are skipped; \uN with "?" fallbacks
        (BlockKind.PARAGRAPH, None, None, "申请方式：邮件或电话"),
        (BlockKind.PARAGRAPH, None, None, "表格之后"),
        (BlockKind.LIST_ITEM, "1.", 0, "负责收发货"),  # \listtext labels, the \tab dropped
        (BlockKind.LIST_ITEM, "2.", 0, "负责盘点"),
        (BlockKind.LIST_ITEM, "•", 0, "能使用叉车"),  # \'b7 in the Symbol font
        (BlockKind.PARAGRAPH, None, None, "持证上岗：☑是 □否"),  # Wingdings \'fe and \'a8
        (BlockKind.PARAGRAPH, None, None, "编制依据。"),  # the footnote is not in the body
    ]
    assert doc.encoding == "cp936"
    assert doc.warnings == []


def test_form_role_table_with_merged_cells() -> None:
    table = next(b.table for b in read("form_role.rtf").blocks if b.table is not None)
    assert (table.n_rows, table.n_cols) == (4, 4)
    assert [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells] == [
        (0, 0, 1, 1, "岗位名称"), (0, 1, 1, 1, "仓库管理员"), (0, 2, 1, 1, "所属部门"), (0, 3, 1, 1, "物流部"),
        (1, 0, 1, 1, "直接上级"), (1, 1, 1, 3, "物流部经理"),  # \clmgf + two \clmrg
        (2, 0, 2, 1, "职责类别"),  # \clvmgf, continued by \clvmrg below
        (2, 1, 1, 3, "入库验收\n出库发货"),  # two paragraphs in one cell; a wide \cellx
        (3, 1, 1, 3, "库存盘点"),
    ]


def test_header_footer_and_footnote_go_to_furniture() -> None:
    assert [(b.text, b.style) for b in read("form_role.rtf").furniture] == [
        ("华东物流有限公司", None), ("第 1 页", None), (" 依据2024年版制度。", "footnote")]


def test_nested_table() -> None:
    doc = read("nested_table.rtf")
    outer, inner = doc.blocks[1], doc.blocks[2]
    assert [c.text for c in outer.table.cells] == ["职责", "考核", "收发货", ""]
    assert inner.container == (1, 1, 1)
    assert [(c.row, c.col, c.text) for c in inner.table.cells] == [
        (0, 0, "指标"), (0, 1, "权重"), (1, 0, "准确率"), (1, 1, "60%")]
    assert doc.blocks[3].text == "表后文字"


# ----------------------------------------------------------------------------- rules


def test_code_page_comes_from_the_font_then_the_document() -> None:
    big5 = "".join(f"\\'{b:02x}" for b in "職位".encode("big5"))
    source = ("{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 A;}{\\f1\\fcharset136 B;}}"
              "\\f0 " + gbk("岗位") + "\\par \\f1 " + big5 + "\\par}")
    assert texts(source) == ["岗位", "職位"]


def test_double_byte_character_split_over_an_escape_and_a_literal_trail_byte() -> None:
    # 岗 (B8 DA) and 与 (D3 EB) as escapes; 丂 is GBK 81 40, whose trail byte 0x40 some
    # writers leave unescaped as "@": the bytes are decoded together, not escape by escape.
    source = "{\\rtf1\\ansi\\ansicpg936 \\'b8\\'da\\'d3\\'eb\\'81@\\par}"
    assert texts(source) == ["岗与丂"]


def test_unicode_fallbacks_are_skipped_per_uc() -> None:
    source = "{\\rtf1\\ansi{\\uc1\\u23703?\\u20301?}{\\uc2\\u32844\\'d6\\'b0}{\\uc0\\u36131}\\par}"
    assert texts(source) == ["岗位职责"]


def test_surrogate_pairs_join() -> None:
    # \\u is a signed 16-bit value: -10179 is U+D83D and -8576 U+DE80, the pair of U+1F680.
    assert texts("{\\rtf1\\ansi\\uc1\\u-10179?\\u-8576?\\par}") == ["\U0001F680"]


def test_bin_data_is_never_text() -> None:
    # Braces inside \\binN data neither open nor close groups, in a skipped destination or not.
    assert texts("{\\rtf1\\ansi A{\\*\\objdata\\bin4 }}{{}\\par B\\par}") == ["A", "B"]
    assert texts("{\\rtf1\\ansi A\\bin3 }{}\\par B\\par}") == ["A", "B"]


def test_deleted_text_and_paragraph_marks_read_as_accepted() -> None:
    source = "{\\rtf1\\ansi keep{\\deleted gone}\\par joined{\\deleted \\par}next\\par}"
    assert texts(source) == ["keep", "joinednext"]


def test_fonttbl_without_groups_and_escaped_braces() -> None:
    source = "{\\rtf1\\ansi{\\fonttbl\\f0\\fcharset0 Arial;\\f1\\fcharset2 Wingdings;}\\f1 \\'fe\\f0  \\{x\\}\\par}"
    assert texts(source) == ["☑ {x}"]


# ----------------------------------------------------------------------------- hostile


@cache
def hostile() -> dict[str, bytes]:
    good = (RTF / "form_role.rtf").read_bytes()
    return {
        "truncated": good[: len(good) // 2],
        "random_under_magic": b"{\\rtf1 " + random.Random(5).randbytes(20000),
        "deep_groups": b"{\\rtf1 " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}",
        "fifty_mb_of_braces": b"{\\rtf1 " + b"{" * (50 << 20),
        "not_rtf_after_magic": b"{\\rtf1\x00\x00\x00binary",
    }


@pytest.mark.parametrize("name", sorted(hostile()))
def test_hostile_rtf_fails_with_a_code_or_reads_in_bounded_time(name: str) -> None:
    data = hostile()[name]
    started = time.monotonic()
    try:
        doc = read_document(data, LIMITS)
    except DocumentError as exc:
        expected = {"deep_groups": ErrorCode.CORRUPT_FILE, "fifty_mb_of_braces": ErrorCode.CORRUPT_FILE,
                    "not_rtf_after_magic": ErrorCode.BINARY_CONTENT, "random_under_magic": ErrorCode.BINARY_CONTENT}
        assert exc.code is expected.get(name), (name, exc)
    else:
        assert name == "truncated", name
        assert "truncated" in [w.code for w in doc.warnings]
        assert doc.blocks[0].text == "仓库管理员岗位说明书"
    assert time.monotonic() - started < 10, name


def test_nesting_limit_is_generous_for_real_documents() -> None:
    depth = MAX_DEPTH - 10
    source = "{\\rtf1 " + "{" * depth + "deep" + "}" * depth + "\\par}"
    assert texts(source) == ["deep"]


def test_text_above_the_limit_is_too_large() -> None:
    with pytest.raises(DocumentError) as info:
        read_rtf(b"{\\rtf1 " + b"x" * 5000 + b"\\par}", Limits(max_text_chars=1000))
    assert info.value.code is ErrorCode.TOO_LARGE


def test_a_flood_of_groups_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real bound is a million groups and paragraphs (a few seconds of work); a small one
    # here checks the mechanism without spending those seconds.
    monkeypatch.setattr("jdx.extractors.rtf.MAX_EVENTS", 1000)
    with pytest.raises(DocumentError) as info:
        read_rtf(b"{\\rtf1 " + b"{a}" * 2000 + b"}", LIMITS)
    assert info.value.code is ErrorCode.TOO_LARGE
    assert texts("{\\rtf1 " + "{a}" * 500 + "\\par}") == ["a" * 500]
