"""The native Word 97-2003 reader on committed fixtures (built by ``tests/fixtures/doc_fixtures.py``
from the [MS-DOC] specification), on damaged and hostile files, and, when the shared corpus is
present, on its two real ``.doc`` files.

Expected values were read off the fixture script's content (what the document says) and,
for the corpus files, checked by hand against LibreOffice's rendering of them.
"""

from __future__ import annotations

import importlib.util
import os
import random
import struct
import sys
import time
from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from jdx.extractors import read_document
from jdx.extractors.doc import read_doc
from jdx.extractors.errors import DocumentError, ErrorCode
from jdx.extractors.limits import Limits
from jdx.extractors.msdoc import read_word97
from jdx.extractors.options import ReadOptions
from jdx.extractors.sniff import sniff
from jdx.schemas.document import BlockKind, Document

DOC = FIXTURES / "doc"
LIMITS = Limits()
CORPUS_DOC = SHARED / "corpus" / "SolidFighter__LH_EDU" / "员工归档" / "工作输出" / "杨晨"
MANUAL = CORPUS_DOC / "领航教育运营管理手册.doc"
SALARY = CORPUS_DOC / "薪酬绩效" / "领航教育课程顾问薪资体系.doc"

sys.path.insert(0, str(FIXTURES))
import msdoc_writer as writer  # noqa: E402


def load_fixture_script():  # noqa: ANN201
    spec = importlib.util.spec_from_file_location("doc_fixtures", FIXTURES / "doc_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@cache
def read(name: str) -> Document:
    return read_word97((DOC / name).read_bytes(), LIMITS)


def error_of(data: bytes, **options: object) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        read_document(data, LIMITS, ReadOptions(**options))
    return info.value


def corpus(path: Path) -> bytes:
    if not path.exists():
        if os.environ.get("JDX_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is required (JDX_REQUIRE_SHARED=1)")
        pytest.skip(f"{path} not available on this machine")
    return path.read_bytes()


# ----------------------------------------------------------------------------- fixtures


def test_fixtures_are_reproducible() -> None:
    built = load_fixture_script().build_all()
    for folder, files in built.items():
        assert sorted(files) == sorted(p.name for p in (FIXTURES / folder).iterdir()), folder
        for name, data in files.items():
            assert data == (FIXTURES / folder / name).read_bytes(), f"{name}: rerun tests/fixtures/doc_fixtures.py"


def test_form_role_paragraphs_lists_and_headings() -> None:
    doc = read("form_role.doc")
    assert doc.format == "doc"
    shown = [(b.kind, b.label, b.level, b.text) for b in doc.blocks if b.kind is not BlockKind.TABLE]
    assert shown == [
        (BlockKind.HEADING, None, 0, "仓库管理员岗位说明书"),  # style sti 1, named 标题 1
        (BlockKind.PARAGRAPH, None, None, "详见公司招聘页面。"),  # HYPERLINK: result kept, code dropped
        (BlockKind.PARAGRAPH, None, None, "一级标题之前的说明文字。"),
        (BlockKind.LIST_ITEM, "一、", 0, "岗位职责"),  # chineseCounting level 0
        (BlockKind.LIST_ITEM, "1.", 1, "负责仓库物资的收发与盘点工作。"),
        (BlockKind.LIST_ITEM, "2.", 1, "负责库区安全检查"),  # "及清洁" is a tracked deletion
        (BlockKind.LIST_ITEM, "二、", 0, "任职资格"),
        (BlockKind.LIST_ITEM, "1.", 1, "大专及以上学历。"),  # level 1 restarts under a new level 0
        (BlockKind.LIST_ITEM, "•", 0, "能使用叉车"),  # Symbol-font bullet U+F0B7
        (BlockKind.LIST_ITEM, "•", 0, "熟悉WMS系统"),
        (BlockKind.LIST_ITEM, "5)", 0, "第五项起的编号"),  # LFO start-at override
        (BlockKind.LIST_ITEM, "6)", 0, "接着的编号"),
        (BlockKind.PARAGRAPH, None, None, "是否需要持证上岗：☑是 □否"),  # sprmCSymbol Wingdings
        (BlockKind.PARAGRAPH, None, None, "本段的标记已删除，与下一段相连。"),  # deleted paragraph mark
        (BlockKind.PARAGRAPH, None, None, "工作地点：上海。"),  # hidden text skipped
        (BlockKind.PARAGRAPH, None, None, "组织架构图："),  # the picture is not text
        (BlockKind.PARAGRAPH, None, None, "编制依据。"),  # the footnote reference is not text
        (BlockKind.PARAGRAPH, None, None, "Ref: HR-2024-007"),  # an 8-bit piece
    ]
    assert doc.blocks[0].style == "标题 1"
    assert {w.code for w in doc.warnings} == {"hidden_text_skipped", "image_skipped"}


def test_form_role_table_grid_with_spans() -> None:
    table = read("form_role.doc").blocks[2].table
    assert table is not None and (table.n_rows, table.n_cols) == (5, 4)
    cells = [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells]
    assert cells == [
        (0, 0, 1, 1, "岗位名称"), (0, 1, 1, 1, "仓库管理员"), (0, 2, 1, 1, "所属部门"), (0, 3, 1, 1, "物流部"),
        (1, 0, 1, 1, "直接上级"), (1, 1, 1, 3, "物流部经理"),  # a wider cell: colspan from the edges
        (2, 0, 2, 1, "职责类别"),  # TC80 restart + sprmTVertMerge continuation
        (2, 1, 1, 3, "1.入库验收：核对单据与实物。"),  # a numbered paragraph in a cell: label + text
        (3, 1, 1, 3, "2.出库发货：按单备货。"),
        (4, 0, 1, 1, "备注"), (4, 1, 1, 3, "无"),  # Word 97 fFirstMerged/fMerged, row kept in the Data stream
    ]


def test_headers_footers_and_footnotes_go_to_furniture() -> None:
    doc = read("form_role.doc")
    assert [(b.text, b.style) for b in doc.furniture] == [
        ("华东物流有限公司\u3000岗位说明书", None),
        ("第 1 页", None),  # PAGE field: its stored result
        ("机密文件\u3000仅限内部使用", None),
        (" 依据2024年版《岗位管理制度》。", "footnote"),
    ]
    assert all("华东物流" not in b.text for b in doc.blocks)


def test_nested_table_follows_its_parent_and_points_at_its_cell() -> None:
    doc = read("nested_table.doc")
    outer, inner = doc.blocks[1], doc.blocks[2]
    assert outer.table is not None and inner.table is not None
    assert [c.text for c in outer.table.cells] == ["职责", "考核", "收发货", ""]
    assert inner.container == (1, 1, 1)
    assert [(c.row, c.col, c.text) for c in inner.table.cells] == [
        (0, 0, "指标"), (0, 1, "权重"), (1, 0, "准确率"), (1, 1, "60%")]
    assert doc.blocks[3].text == "表后文字"


def test_wps_saved_in_word_format_reads_as_wps() -> None:
    data = (DOC / "role.wps").read_bytes()
    assert sniff(data, "role.wps").format == "wps"
    assert sniff(data, "role.doc").format == "doc"
    doc = read_document(data, LIMITS, ReadOptions(filename="role.wps"))
    assert doc.format == "wps"
    assert doc.blocks[0].text == "出纳岗位说明书" and doc.blocks[0].kind is BlockKind.HEADING
    assert [c.text for c in doc.blocks[1].table.cells] == ["岗位名称", "出纳", "所属部门", "财务部"]


def test_works_wps_is_refused_as_unsupported() -> None:
    works = writer.cfb({"CONTENTS": b"\x00" * 600, "SPELLING": b"\x00" * 100})
    assert error_of(works, filename="old.wps").code is ErrorCode.UNSUPPORTED_FORMAT


def test_word95_is_legacy_doc_without_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("jdx.extractors.doc.soffice", lambda: None)
    error = error_of((DOC / "word95.doc").read_bytes())
    assert error.code is ErrorCode.LEGACY_DOC and "Word 6.0/95" in error.message


def test_via_libreoffice_without_libreoffice_reads_natively_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("jdx.extractors.doc.soffice", lambda: None)
    doc = read_doc((DOC / "role.wps").read_bytes(), LIMITS, ReadOptions(via_libreoffice=True))
    assert doc.blocks[0].text == "出纳岗位说明书"
    assert "libreoffice_missing" in [w.code for w in doc.warnings]


# ----------------------------------------------------------------------------- encryption


def test_encrypted_doc_without_password_is_encrypted() -> None:
    error = error_of((DOC / "encrypted_rc4.doc").read_bytes())
    assert error.code is ErrorCode.ENCRYPTED and "--password" in error.message


def test_encrypted_doc_with_wrong_password_says_so() -> None:
    error = error_of((DOC / "encrypted_rc4.doc").read_bytes(), password="wrong")
    assert error.code is ErrorCode.ENCRYPTED and "did not open" in error.message


def test_encrypted_doc_opens_with_its_password() -> None:
    doc = read_document((DOC / "encrypted_rc4.doc").read_bytes(), LIMITS, ReadOptions(password="jdx-2024"))
    plain = read("role.wps")
    assert [b.model_dump(exclude={"index"}) for b in doc.blocks] == [b.model_dump(exclude={"index"}) for b in plain.blocks]
    assert "decrypted" in [w.code for w in doc.warnings]


def test_xor_obfuscated_doc_is_encrypted() -> None:
    word, table = writer.build(writer.Document(body=[writer.para("x")], styles=writer.default_styles()))
    word = bytearray(word)
    struct.pack_into("<H", word, 0x0A, struct.unpack_from("<H", word, 0x0A)[0] | 0x8100)  # fEncrypted|fObfuscated
    data = writer.cfb({"WordDocument": bytes(word), "1Table": table})
    error = error_of(data, password="anything")
    assert error.code is ErrorCode.ENCRYPTED and "XOR" in error.message


# ----------------------------------------------------------------------------- hostile input


def _fixture_streams() -> tuple[bytearray, bytearray]:
    word, table = writer.build(load_fixture_script().wps_role())
    return bytearray(word), bytearray(table)


def _fc_lcb(word: bytes, name: str) -> int:
    """Offset in the FIB of the (fc, lcb) pair ``name``."""
    return 154 + 8 * writer.FC_INDEX[name]


def hostile_files() -> dict[str, bytes]:
    good = (DOC / "role.wps").read_bytes()
    files = {
        "truncated": good[: len(good) // 3],
        "random_after_magic": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(7).randbytes(8192),
        "header_only": good[:512],
        "short_header": good[:300],
    }
    # A FAT whose chains loop: every sector points at itself.
    looping = bytearray(good)
    fat_sector = struct.unpack_from("<I", looping, 0x4C)[0]
    fat_at = 512 * (fat_sector + 1)
    for i in range(128):
        struct.pack_into("<I", looping, fat_at + 4 * i, i)
    files["looping_fat"] = bytes(looping)
    # A piece table whose piece points past the end of the WordDocument stream.
    word, table = _fixture_streams()
    fc, lcb = struct.unpack_from("<II", word, _fc_lcb(word, "Clx"))
    n = (lcb - 5 - 4) // 12
    struct.pack_into("<I", table, fc + 5 + 4 * (n + 1) + 2, 0x3FFFFFF0)
    files["piece_past_end"] = writer.cfb({"WordDocument": bytes(word), "1Table": bytes(table)})
    # A piece claiming a billion characters (above max_text_chars).
    word, table = _fixture_streams()
    fc, lcb = struct.unpack_from("<II", word, _fc_lcb(word, "Clx"))
    struct.pack_into("<I", table, fc + 5 + 4, 1_000_000_000)
    files["huge_piece"] = writer.cfb({"WordDocument": bytes(word), "1Table": bytes(table)})
    # The CLX location itself out of range, and FKP page numbers out of range.
    word, table = _fixture_streams()
    struct.pack_into("<I", word, _fc_lcb(word, "Clx"), 0x7FFFFFF0)
    files["clx_past_end"] = writer.cfb({"WordDocument": bytes(word), "1Table": bytes(table)})
    word, table = _fixture_streams()
    fc, lcb = struct.unpack_from("<II", word, _fc_lcb(word, "PlcfBtePapx"))
    struct.pack_into("<I", table, fc + lcb - 4, 0x3FFFFF)
    files["fkp_page_past_end"] = writer.cfb({"WordDocument": bytes(word), "1Table": bytes(table)})
    # Random bytes in the table stream behind a valid FIB.
    word, table = _fixture_streams()
    files["random_table_stream"] = writer.cfb({"WordDocument": bytes(word),
                                               "1Table": random.Random(3).randbytes(len(table))})
    # A table 10,000 levels deep (sprmPItap) and 5,000 unclosed fields.
    deep = [writer.para("x", writer.in_table(10_000)) for _ in range(3)]
    fields = [writer.Paragraph([writer.Run("\x13" * 5000, writer.SPECIAL), writer.Run("text")])]
    files["deep_table"] = writer.word_file(writer.Document(body=deep, styles=writer.default_styles()))
    files["unclosed_fields"] = writer.word_file(writer.Document(body=fields, styles=writer.default_styles()))
    return files


# What each hostile file must give: an error code, or (for structures that are only odd)
# a Document read in bounded time.
HOSTILE_OUTCOMES = {
    "truncated": ErrorCode.CORRUPT_FILE, "random_after_magic": ErrorCode.CORRUPT_FILE,
    "header_only": ErrorCode.CORRUPT_FILE, "short_header": ErrorCode.CORRUPT_FILE,
    "looping_fat": ErrorCode.CORRUPT_FILE, "piece_past_end": ErrorCode.CORRUPT_FILE,
    "huge_piece": ErrorCode.TOO_LARGE, "clx_past_end": ErrorCode.CORRUPT_FILE,
    "fkp_page_past_end": ErrorCode.CORRUPT_FILE, "random_table_stream": ErrorCode.CORRUPT_FILE,
    "deep_table": None, "unclosed_fields": None,
}


@pytest.mark.parametrize(("name", "data"), sorted(hostile_files().items()))
def test_hostile_files_fail_with_a_code_in_bounded_time(name: str, data: bytes) -> None:
    started = time.monotonic()
    expected = HOSTILE_OUTCOMES[name]
    if expected is None:
        assert isinstance(read_document(data, LIMITS, ReadOptions(filename=f"{name}.doc")), Document)
    else:
        with pytest.raises(DocumentError) as info:
            read_document(data, Limits(max_text_chars=1_000_000), ReadOptions(filename=f"{name}.doc"))
        assert info.value.code is expected, info.value
    assert time.monotonic() - started < 10, name


def test_deep_table_is_clamped_and_unclosed_fields_are_reported() -> None:
    deep = read_document(hostile_files()["deep_table"], LIMITS)
    assert deep.blocks[0].kind is BlockKind.TABLE
    fields = read_document(hostile_files()["unclosed_fields"], LIMITS)
    assert "field_unclosed" in [w.code for w in fields.warnings]


def test_text_above_the_limit_is_too_large() -> None:
    with pytest.raises(DocumentError) as info:
        read_word97((DOC / "form_role.doc").read_bytes(), Limits(max_text_chars=100))
    assert info.value.code is ErrorCode.TOO_LARGE


# ----------------------------------------------------------------------------- corpus


def test_corpus_salary_table_reads_rows_and_vertical_merges() -> None:
    doc = read_word97(corpus(SALARY), LIMITS)
    first = doc.blocks[0].table
    assert first is not None
    assert [c.text for c in first.rows()[1]] == ["季度指标完成率＜70%", "1200元/月"]
    team = next(c for b in doc.blocks if b.table for c in b.table.cells if c.text == "季度业绩团队指标")
    assert (team.col, team.rowspan) == (0, 3)  # merged down over its two rows of values


def test_corpus_manual_reads_the_nine_roles_with_numbered_duties() -> None:
    doc = read_word97(corpus(MANUAL), LIMITS)
    texts = [b.text for b in doc.blocks]
    roles = ["（一）校长岗位职能：", "（二）教学主管岗位职能：", "（三）教师岗位职能：", "（四）市场主管岗位职能",
             "（五）咨询师（市场专员）岗位职能", "（六）会计岗位职能", "（七）出纳岗位职能", "（八）行政人事主管岗位职能",
             "（九）行政专员岗位职能"]
    positions = [texts.index(r) for r in roles]
    assert positions == sorted(positions)
    first = doc.blocks[positions[0] + 1]
    assert (first.kind, first.label, first.text) == (BlockKind.LIST_ITEM, "1.", "学校整体发展方向的规划；")
    staffing = next(b.table for b in doc.blocks if b.table and b.table.n_cols == 4 and b.table.cells[0].text == "部门")
    assert [c.text for c in staffing.rows()[0]] == ["部门", "岗位", "人数", "备注"]
    assert any(f.text.startswith("领航教育运营管理手册") for f in doc.furniture)  # the running header
    # The org chart's grouped text boxes follow the paragraph that anchors the drawing.
    chart = texts.index("培训中心组织结构框架")
    assert texts[chart + 1:chart + 3] == [" 校  长", "市场部"]


def test_corpus_manual_gives_its_nine_roles_and_no_role_from_its_blank_forms() -> None:
    """After the nine roles the manual appends blank forms (an application form, a probation
    form: ``姓名 | ␣ | 部门 | ␣ | 应聘职位 | ␣``). Their rows are not a roster of positions, and a
    label's empty box does not take the next row's text (``教育及``, ``校长意见``) as its value."""
    from jdx.pipeline.convert import convert_bytes

    result = convert_bytes(corpus(MANUAL), MANUAL.name, raise_errors=True)
    # nor does the labour-contract template's blank (乙方工作为  部门  职位  月试用期。)
    assert [r.title for r in result.roles] == ["校长", "教学主管", "教师", "市场主管", "咨询师（市场专员）", "会计", "出纳",
                                              "行政人事主管", "行政专员"]


def test_a_flood_of_paragraph_marks_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real bound is a million marks (seconds of work); a small one checks the mechanism.
    monkeypatch.setattr("jdx.extractors.msdoc.reader.MAX_PARAGRAPHS", 50)
    flood = writer.word_file(writer.Document(body=[writer.para("") for _ in range(100)], styles=writer.default_styles()))
    with pytest.raises(DocumentError) as info:
        read_word97(flood, LIMITS)
    assert info.value.code is ErrorCode.TOO_LARGE
    assert read_word97((DOC / "role.wps").read_bytes(), LIMITS).blocks  # a real document stays below


def test_cli_convert_reads_wps_natively_and_takes_via_libreoffice(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    import json

    from jdx.pipeline.cli import app
    from typer.testing import CliRunner

    monkeypatch.setattr("jdx.extractors.doc.soffice", lambda: None)
    path = tmp_path / "出纳岗位说明书.wps"
    path.write_bytes((DOC / "role.wps").read_bytes())
    runner = CliRunner()
    plain = json.loads(runner.invoke(app, ["convert", str(path)]).stdout)
    assert plain["roles"][0]["source"]["format"] == "wps"
    assert plain["roles"][0]["title"] == "出纳"
    via = json.loads(runner.invoke(app, ["convert", str(path), "--via-libreoffice"]).stdout)
    assert "libreoffice_missing" in [w["code"] for w in via["warnings"]]


@cache
def _plain_streams() -> tuple[bytes, bytes]:
    word, table = writer.build(load_fixture_script().wps_role())
    return word, table


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 8191), st.integers(0, 255)), min_size=1, max_size=12))
def test_damaged_streams_read_or_fail_with_a_code(edits: list[tuple[bool, int, int]]) -> None:
    """Byte edits inside a valid container reach every structure the reader parses."""
    word, table = (bytearray(s) for s in _plain_streams())
    for in_word, at, value in edits:
        target = word if in_word else table
        target[at % len(target)] = value
    try:
        read_word97(writer.cfb({"WordDocument": bytes(word), "1Table": bytes(table)}), LIMITS)
    except DocumentError as exc:
        assert exc.code in set(ErrorCode)
