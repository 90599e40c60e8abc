"""The text reader: encodings Chinese files really use, layout that carries structure, and
bad input that must fail with a typed error."""

from __future__ import annotations

import codecs
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jdx.extractors import DocumentError, ErrorCode, read_document
from jdx.extractors.limits import Limits
from jdx.extractors.text import decode, read_text
from jdx.schemas.document import BlockKind
from jdx.schemas.role import SourceFormat

JD = "岗位名称：行政助理          岗位编号：\n所属部门：行政办公室\n【工作职责】\n1、负责公文收发。\n2、负责会议记录。\n"
TRADITIONAL = "職位名稱：門市店長\n所屬部門：營運部\n一、工作職責\n1. 負責門市日常營運管理，督導店員執行銷售計畫。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (JD.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + JD.encode("utf-8"), "utf-8-sig"),
        (JD.encode("gbk"), "gbk"),
        ("任职资格：大专以上学历".encode("gbk"), "gbk"),  # short GBK: an open detector says cp949
        (JD.encode("gb18030") + "𠀀".encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
        (JD.encode("utf-16"), "utf-16"),
        (JD.encode("utf-16-le"), "utf-16-le"),
        (JD.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_are_detected_and_decoded(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert found == encoding
    assert "岗位名称" in text or "職位名稱" in text or "任职资格" in text


def test_crlf_padding_and_form_feeds() -> None:
    data = "岗位名称：出纳    \r\n\r\n所属部门：财务部\r\n\f第二页内容\r\n".encode("gbk")
    doc = read_text(data, Limits())
    assert doc.encoding == "gbk"
    assert [b.text for b in doc.blocks] == ["岗位名称：出纳", "所属部门：财务部", "第二页内容"]
    assert doc.pages == 2 and doc.blocks[-1].page == 2


def test_word_table_pasted_one_cell_per_line_becomes_a_table() -> None:
    text = (
        "考核表\n\n\t关键业绩指标\n\t权重\n\t目标值\n\n\t回款率\n\t20%\n\t95%\n\n\t费用率\n\t10%\n\t5%\n\n备注\n"
    )
    doc = read_text(text.encode("utf-8"), Limits())
    tables = [b for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1
    rows = tables[0].table.rows()
    assert [[c.text for c in r] for r in rows] == [
        ["关键业绩指标", "权重", "目标值"], ["回款率", "20%", "95%"], ["费用率", "10%", "5%"],
    ]
    assert doc.blocks[-1].text == "备注"


def test_tab_separated_tables_and_markdown_stays_text() -> None:
    # Markdown pipe tables are the Markdown reader's (tests/extractors/test_markdown_reader.py)
    text = "考核指标\t权重\t目标值\n回款率\t20%\t≥95%\n\n| 指标 | 权重 |\n|---|---|\n| 满意度 | 30% |\n"
    doc = read_text(text.encode("utf-8"), Limits())
    tables = [b.table for b in doc.blocks if b.table is not None]
    assert len(tables) == 1
    assert [[c.text for c in r] for r in tables[0].rows()][1] == ["回款率", "20%", "≥95%"]
    assert [b.text for b in doc.blocks[1:]] == ["| 指标 | 权重 |", "|---|---|", "| 满意度 | 30% |"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", ErrorCode.EMPTY_FILE),
        (b"  \r\n\t ", ErrorCode.EMPTY_FILE),
        (bytes(range(256)) * 4, ErrorCode.BINARY_CONTENT),
        (b"\x00\x01\x02\x03binary\x00data" * 100, ErrorCode.BINARY_CONTENT),
        (b"\xa1\xff" * 100, ErrorCode.UNDECODABLE_TEXT),
    ],
)
def test_bad_text_fails_with_a_code(data: bytes, code: ErrorCode) -> None:
    with pytest.raises(DocumentError) as info:
        read_document(data)
    assert info.value.code == code


def test_huge_text_is_refused() -> None:
    with pytest.raises(DocumentError) as info:
        read_text(("岗位职责" * 100).encode("utf-8"), Limits(max_text_chars=100))
    assert info.value.code == ErrorCode.TOO_LARGE


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_read_or_fail_cleanly(data: bytes) -> None:
    try:
        doc = read_document(data)
    except DocumentError as exc:
        assert exc.code in set(ErrorCode)
    else:
        assert doc.format in get_args(SourceFormat)


SENTENCES = [
    "负责公司现金收付业务，严格审核报销单据的审批手续，做到日清月结。",
    "熟悉仓储管理、物料编码及库存控制知识；了解消防安全常识。",
    "大专及以上学历，三年以上制造企业仓储管理工作经验。",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("encoding", ["gbk", "utf-8", "utf-16", "utf-16-le"])
def test_realistic_sentences_round_trip(sentence: str, encoding: str) -> None:
    decoded, _ = decode(sentence.encode(encoding))
    assert decoded == sentence
