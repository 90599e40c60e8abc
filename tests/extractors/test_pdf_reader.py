"""The PDF reader on committed fixtures (built by ``tests/fixtures/pdf_fixtures.py``) and,
when the shared corpus is present, on the real PDFs in it."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jdx.extractors import pdf_layout as layout
from jdx.extractors.errors import DocumentError, ErrorCode
from jdx.extractors.limits import Limits
from jdx.extractors.options import ReadOptions
from jdx.extractors.pdf import read_pdf
from jdx.extractors.pdf_layout import is_label, is_page_number
from jdx.schemas.document import Block, BlockKind, Cell, Document, Table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NNZR = SHARED / "corpus/z305760276__nnzr/public/docs/附件：1.南宁中燃客户服务部管理组织架构及岗位职责.pdf"
BLOCKCHAIN = SHARED / "corpus/github__personal-website/_posts/2019-03-29-blockchain.pdf"
LIMITS = Limits()


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@cache
def read_fixture(name: str) -> Document:
    return read_pdf(fixture_bytes(name), LIMITS)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def paragraphs(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind is not BlockKind.TABLE]


def tables(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind is BlockKind.TABLE]


def cell_text(block: Block, row: int, col: int) -> str:
    assert block.table is not None
    cell = block.table.grid()[row][col]
    assert cell is not None, (row, col)
    return cell.text


# --- the 质量工程师 fixture: two pages, header/footer, form table, split KPI table ----------

DUTY_1 = (
    "1.负责建立、实施并持续改进公司质量管理体系，组织编制质量手册、程序文件和作业指导书，"
    "确保体系文件符合IATF16949标准要求并在各部门得到有效执行。"
)
DUTY_4 = (
    "4.负责客户投诉的调查与处理，组织相关部门运用8D方法分析根本原因，制定纠正和预防措施，"
    "并在规定时间内向客户提交书面报告，跟踪措施的有效性验证。"
)


def test_document_metadata():
    doc = read_fixture("quality_engineer.pdf")
    assert doc.format == "pdf"
    assert doc.pages == 2
    assert doc.warnings == []
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_running_header_and_page_numbers_are_furniture_only():
    doc = read_fixture("quality_engineer.pdf")
    body = doc.text()
    assert "华东精密制造有限公司" not in body
    assert "HD-HR-JD-017" not in body
    assert not re.search(r"第\s*\d+\s*页", body)
    furniture = [(b.page, squash(b.text)) for b in doc.furniture]
    assert furniture == [
        (1, "华东精密制造有限公司文件编号：HD-HR-JD-017"),
        (1, "第1页共2页"),
        (2, "华东精密制造有限公司文件编号：HD-HR-JD-017"),
        (2, "第2页共2页"),
    ]


def test_wrapped_duty_lines_are_joined_into_one_paragraph_each():
    doc = read_fixture("quality_engineer.pdf")
    texts = [squash(b.text) for b in paragraphs(doc)]
    assert DUTY_1 in texts
    assert DUTY_4 in texts
    duties = [t for t in texts if re.match(r"\d\.", t)]
    assert [t[0] for t in duties] == list("12345678")
    assert all(t.endswith("。") for t in duties)


def test_wrapped_latin_lines_are_joined_with_one_space():
    doc = read_fixture("quality_engineer.pdf")
    note = next(b.text for b in paragraphs(doc) if b.text.startswith("Note:"))
    assert note == (
        "Note: the quality engineer owns the PPAP submission package and the 8D reports for customer "
        "complaints, and coordinates corrective actions with suppliers and the production team."
    )


def test_blocks_follow_reading_order_with_tables_in_place():
    doc = read_fixture("quality_engineer.pdf")
    outline = [("TABLE" if b.kind is BlockKind.TABLE else squash(b.text)[:4]) for b in doc.blocks]
    assert outline == [
        "质量工程",
        "TABLE",
        "一、岗位",
        *[f"{n}.负责" if n < 8 else "8.完成" for n in range(1, 9)],
        "Note",
        "二、考核",
        "TABLE",
        "三、工作",
        "（一）内",
        "（二）外",
    ]
    assert [b.page for b in doc.blocks if b.kind is BlockKind.TABLE] == [1, 1]
    assert doc.blocks[-1].page == 2


def test_form_table_has_true_row_and_column_spans():
    form = tables(read_fixture("quality_engineer.pdf"))[0]
    table = form.table
    assert table is not None
    assert (table.n_rows, table.n_cols) == (7, 4)
    spans = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in table.cells}
    assert spans[(0, 0)] == (1, 1, "岗位名称")
    assert spans[(0, 3)] == (1, 1, "质量管理部")
    assert spans[(3, 1)][:2] == (1, 3)
    assert squash(spans[(3, 1)][2]) == (
        "通过建立和维护产品质量控制体系，预防和减少质量问题的发生，确保公司产品持续满足客户要求和相关法规标准。"
    )
    assert spans[(4, 0)] == (3, 1, "任职资格")
    assert spans[(4, 2)][:2] == (1, 2)
    # The wrapped cell comes out as one line; merged cells are stored once.
    assert spans[(4, 2)][2] == "本科及以上学历，机械、材料或质量管理相关专业"
    assert (5, 0) not in spans and (3, 2) not in spans
    assert len(table.cells) == 21
    assert cell_text(form, 6, 0) == "任职资格"


def test_table_text_is_not_repeated_as_loose_lines():
    doc = read_fixture("quality_engineer.pdf")
    loose = "\n".join(b.text for b in paragraphs(doc))
    for inside in ("岗位名称", "质量管理部", "HD-QA-017", "任职资格", "来料检验合格率", "≥98.5%", "权重"):
        assert inside not in loose


def test_kpi_table_split_by_a_page_break_is_joined_once():
    kpi = tables(read_fixture("quality_engineer.pdf"))[1]
    table = kpi.table
    assert table is not None
    assert (table.n_rows, table.n_cols) == (24, 3)
    names = [squash(cell_text(kpi, r, 0)) for r in range(table.n_rows)]
    assert names[0] == "考核指标"
    assert names.count("考核指标") == 1  # the header row repeated on page 2 is dropped
    assert names[1:4] == ["客户投诉次数", "客户投诉8D报告按时提交率", "来料检验合格率"]
    assert names[-1] == "质量记录归档完整率"
    assert len(set(names)) == len(names)
    assert [squash(cell_text(kpi, 2, c)) for c in range(3)] == ["客户投诉8D报告按时提交率", "10%", "100%"]
    weights = [int(cell_text(kpi, r, 1).rstrip("%")) for r in range(1, table.n_rows)]
    assert sum(weights) == 100


# --- files the reader must refuse or read around ------------------------------------------


def test_open_password_is_reported_as_encrypted():
    with pytest.raises(DocumentError) as info:
        read_pdf(fixture_bytes("encrypted_open_password.pdf"), LIMITS)
    assert info.value.code is ErrorCode.ENCRYPTED


def test_owner_password_only_reads_normally():
    doc = read_fixture("encrypted_owner_only.pdf")
    assert [squash(b.text) for b in doc.blocks][:2] == ["仓库管理员岗位说明书", "岗位职责"]
    assert (
        squash(doc.blocks[2].text)
        == "1.负责仓库物料的收发、保管和盘点工作，确保账物卡一致，发现差异及时查明原因并上报。"
    )


def test_image_only_pdf_has_no_text_layer_without_ocr():
    with pytest.raises(DocumentError) as info:
        read_pdf(fixture_bytes("scanned.pdf"), LIMITS, ReadOptions(ocr=False))
    assert info.value.code is ErrorCode.NO_TEXT_LAYER
    assert "OCR" in info.value.message


def test_font_without_unicode_mapping_has_no_text_layer():
    with pytest.raises(DocumentError) as info:
        read_pdf(fixture_bytes("cid_font.pdf"), LIMITS)
    assert info.value.code is ErrorCode.NO_TEXT_LAYER
    assert "cid" in info.value.message


def test_undecodable_page_is_skipped_with_a_warning_naming_it():
    doc = read_fixture("mixed_cid.pdf")
    assert [b.text for b in doc.blocks] == [
        "Warehouse Keeper",
        "Keeps the stock records accurate and reports differences.",
    ]
    assert "(cid:" not in doc.text()
    assert [w.code for w in doc.warnings] == ["undecodable_pages"]
    assert "pages 2 " in doc.warnings[0].message


def test_missing_end_marker_reads_with_a_warning():
    data = fixture_bytes("short_role.pdf")
    assert data.rstrip().endswith(b"%%EOF")
    doc = read_pdf(data.rstrip()[: -len(b"%%EOF")], LIMITS)
    assert squash(doc.blocks[0].text) == "仓库管理员岗位说明书"
    assert [w.code for w in doc.warnings] == ["truncated"]


def test_truncated_pdf_is_corrupt():
    data = fixture_bytes("quality_engineer.pdf")
    # Cut before the cross-reference table and trailer: nothing says where the pages are.
    with pytest.raises(DocumentError) as info:
        read_pdf(data[: len(data) * 3 // 4], LIMITS)
    assert info.value.code is ErrorCode.CORRUPT_FILE


@pytest.mark.parametrize(
    "data", [b"", b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", b"hello"]
)
def test_garbage_is_corrupt(data: bytes):
    with pytest.raises(DocumentError) as info:
        read_pdf(data, LIMITS)
    assert info.value.code is ErrorCode.CORRUPT_FILE


def test_page_limit():
    with pytest.raises(DocumentError) as info:
        read_pdf(fixture_bytes("quality_engineer.pdf"), Limits(max_pdf_pages=1))
    assert info.value.code is ErrorCode.TOO_LARGE
    assert "2 pages" in info.value.message


def test_text_limit():
    with pytest.raises(DocumentError) as info:
        read_pdf(fixture_bytes("quality_engineer.pdf"), Limits(max_text_chars=100))
    assert info.value.code is ErrorCode.TOO_LARGE


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048), st.booleans())
def test_any_bytes_give_a_document_or_a_document_error(data: bytes, as_pdf: bool):
    if as_pdf:
        data = b"%PDF-1.4\n" + data
    try:
        doc = read_pdf(data, LIMITS)
    except DocumentError as exc:
        assert exc.code in {ErrorCode.CORRUPT_FILE, ErrorCode.ENCRYPTED, ErrorCode.NO_TEXT_LAYER}
    else:
        assert doc.format == "pdf"


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=2000), st.binary(min_size=1, max_size=64))
def test_damaged_real_pdf_never_escapes(offset: int, junk: bytes):
    data = bytearray(fixture_bytes("short_role.pdf"))
    position = offset * len(data) // 2000
    data[position : position + len(junk)] = junk
    try:
        read_pdf(bytes(data), LIMITS)
    except DocumentError:
        pass


# --- small rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["17", "- 17 -", "— 3 —", "第 17 页", "第17页 共43页", "第 1 页 共 2 页", "17/43", "Page 3 of 9", "iv"],
)
def test_page_number_lines(text: str):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["第十七条 客服支持岗", "17个网格", "2025-12-05", "共同完成", "civil"])
def test_not_page_number_lines(text: str):
    assert not is_page_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "一、岗位职责",
        "（一）岗位职责",
        "(2) 负责",
        "1. 负责",
        "1．负责",
        "1、负责",
        "10.负责",
        "（1）负责",
        "①负责",
        "第二十七条 稽查员",
        "第三章 组织架构",
        "• 负责",
        "- 负责",
        "3.2 任职资格",
    ],
)
def test_labels(text: str):
    assert is_label(text)


@pytest.mark.parametrize(
    "text", ["营商环境。", "1.5倍以上", "2025年4月1日发布", "第三方认证机构", "Android深度定制", "100%。"]
)
def test_not_labels(text: str):
    assert not is_label(text)


# Paragraph joining on synthetic lines: 12 pt ideographs, text column from x=70 to x=538.

COLUMN = layout.Frame(left=70.0, right=538.0)


def line(text: str, x0: float, top: float, page: int = 1, size: float = 12.0) -> layout.Line:
    chars, x = [], x0
    for ch in text:
        width = size if layout.is_cjk(ch) else size / 2
        if ch != " ":
            chars.append(layout.Char(ch, x, x + width, top, top + size, size))
        x += width
    made = layout._make_line(chars, page)
    assert made is not None
    return made


def chars_of(text: str, x0: float, top: float, size: float = 12.0) -> list[layout.Char]:
    return [
        layout.Char(ch, x0 + i * size, x0 + (i + 1) * size, top, top + size, size)
        for i, ch in enumerate(text)
    ]


def test_two_columns_are_read_one_after_the_other():
    page = layout.Page(number=1, width=595.0, top=0.0, height=842.0)
    left = ["岗位职责：负责集团公司全面工作，主持集", "团党委、董事会工作；主抓党风廉政建设工", "作。"]
    right = ["岗位职责：负责综治、维稳、禁毒工作，工", "会、共青团、妇女工作，协助党委书记抓好", "党建工作。"]
    chars = []
    for i, text in enumerate(left):
        chars += chars_of(text, 60, 200 + 20 * i)
    for i, text in enumerate(right):
        chars += chars_of(text, 320, 208 + 20 * i)  # half a line lower: baselines interleave
    elements = layout.layout_page(chars, [], page)
    texts = [e.text for e in elements]
    assert texts == left + right
    blocks = layout._body_blocks(elements, {1: layout.Frame(60, 548)}, 2.0)
    assert [b.text for b in blocks] == ["".join(left), "".join(right)]


def test_form_with_aligned_values_is_not_two_columns():
    page = layout.Page(number=1, width=595.0, top=0.0, height=842.0)
    chars = []
    for i, (label, value) in enumerate(
        [("岗位名称：", "质量工程师"), ("所属部门：", "质量管理部"), ("直接上级：", "质量经理")] * 3
    ):
        chars += chars_of(label, 70, 200 + 20 * i) + chars_of(value, 320, 200 + 20 * i)
    texts = [e.text for e in layout.layout_page(chars, [], page)]
    assert texts[:2] == ["岗位名称： 质量工程师", "所属部门： 质量管理部"]


def joined(*lines: layout.Line) -> list[str]:
    return [text for text, _ in layout._paragraphs(lines, lambda _l: COLUMN, pitch_limit=2.0)]


FULL = "负责部门日常管理工作，组织开展业务培训与考核，确保各项工作按计划推进落实的情况"  # 39 ideographs: to x=538


def test_line_reaching_the_margin_continues_into_the_next():
    assert joined(line(FULL, 70, 100), line("并按月汇总上报。", 70, 120)) == [FULL + "并按月汇总上报。"]


def test_short_line_ends_the_paragraph():
    assert joined(line("负责部门日常管理工作。", 70, 100), line("组织开展业务培训。", 70, 120)) == [
        "负责部门日常管理工作。",
        "组织开展业务培训。",
    ]


def test_labelled_line_starts_a_new_paragraph_even_after_a_full_line():
    assert len(joined(line(FULL, 70, 100), line("2．负责档案管理。", 70, 120))) == 2


def test_hanging_indent_continues_but_first_line_indent_starts_anew():
    hanging = joined(line("1．" + FULL[:37], 70, 100), line("并按月汇总上报。", 94, 120))
    assert len(hanging) == 1
    indented = joined(line(FULL, 70, 100), line("分管综合业务", 94, 120))
    assert indented == [FULL, "分管综合业务"]


def test_heading_after_a_finished_sentence_is_not_joined():
    sentence = FULL[:-1] + "。"
    assert joined(
        line(sentence, 70, 100), line("任职资格：", 70, 120), line("1．本科及以上学历。", 70, 140)
    ) == [
        sentence,
        "任职资格：",
        "1．本科及以上学历。",
    ]


def test_paragraph_gap_and_page_break():
    assert len(joined(line(FULL, 70, 100), line("并按月汇总上报。", 70, 160))) == 2
    across = joined(line(FULL, 70, 760, page=3), line("并按月汇总上报。", 70, 62, page=4))
    assert across == [FULL + "并按月汇总上报。"]
    assert len(joined(line(FULL, 70, 760, page=3), line("并按月汇总上报。", 70, 62, page=5))) == 2


def test_latin_words_get_their_space_back():
    words = "Coordinates corrective actions with suppliers and the production team and reports"
    assert joined(line(words, 70, 100), line("to the quality manager.", 70, 114)) == [
        words + " to the quality manager."
    ]


def kpi_part(page: int, rows: list[tuple[str, str]]) -> layout.TableRegion:
    cells = [Cell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    table = Table(n_rows=len(rows), n_cols=2, cells=cells)
    return layout.TableRegion(page, 90.0, 80.0, 500.0, 700.0, table, (90.0, 300.0, 500.0))


def test_table_running_over_three_pages_is_joined_and_headers_dropped():
    header = ("考核指标", "权重")
    pages = []
    for number, rows in enumerate(
        [[header, ("A", "50%")], [header, ("B", "30%")], [header, ("C", "20%")]], start=1
    ):
        page = layout.Page(number=number, width=595.0, top=0.0, height=842.0)
        page.elements = [kpi_part(number, rows)]
        pages.append(page)
    pages[2].elements.append(line("三、工作关系", 90, 720, page=3))
    assert layout._join_split_tables(pages) == 2
    merged = pages[0].elements[0]
    assert isinstance(merged, layout.TableRegion)
    assert [[c.text for c in row] for row in merged.table.rows()] == [
        ["考核指标", "权重"],
        ["A", "50%"],
        ["B", "30%"],
        ["C", "20%"],
    ]
    assert pages[1].elements == [] and len(pages[2].elements) == 1


def test_row_broken_by_a_page_break_is_glued_back():
    head = kpi_part(1, [("素质", "具有敏锐的市场洞察力，良好的")])
    tail = kpi_part(2, [("", "判断力和应变能力。"), ("性别", "不限")])
    page = layout.Page(number=2, width=595.0, top=0.0, height=842.0)
    assert layout._continues_table(head, tail, page, page)
    merged = layout._append_table(head, tail, 595.0).table
    assert [[c.text for c in row] for row in merged.rows()] == [
        ["素质", "具有敏锐的市场洞察力，良好的判断力和应变能力。"],
        ["性别", "不限"],
    ]


def test_new_row_under_a_finished_sentence_stays_a_row():
    head = kpi_part(1, [("任职资格", "本科及以上学历。")])
    tail = kpi_part(2, [("", "三年以上相关工作经验。")])
    merged = layout._append_table(head, tail, 595.0).table
    assert merged.n_rows == 2
    assert [c.text for c in merged.rows()[1]] == ["", "三年以上相关工作经验。"]


# --- the real corpus (present on developer machines and CI next to the repository) ------


@cache
def read_corpus(path: Path) -> Document:
    return read_pdf(path.read_bytes(), LIMITS)


def require(path: Path) -> Path:
    """The corpus file, or a skip without ../shared (a failure when CI says it must be there)."""
    if not path.is_file():
        reason = f"{path.name} is not in ../shared/corpus"
        if os.environ.get("JDX_REQUIRE_SHARED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def test_corpus_nnzr_header_footer_and_wrapped_duties():
    doc = read_corpus(require(NNZR))
    assert doc.pages == 43
    header = "南宁中燃城市燃气发展有限公司企业标准"
    assert not any(header in b.text for b in doc.blocks)
    assert sum(header in f.text for f in doc.furniture) >= 40
    assert not any(re.fullmatch(r"\d{1,2}", b.text) for b in doc.blocks)
    texts = [squash(b.text) for b in paragraphs(doc)]
    assert (
        "1．持续建立健全部门管理制度、部门人员配置、班组建设、各业务组目标考核管理。设立服务目标、抄收目标和安全管理目标，"
        "建立服务质量与安全管理监督体系，组织开展业务稽查与安全稽查工作，督导部门员工与外包业务单位遵章守纪、履行岗位职责，"
        "达成团队目标。"
    ) in texts
    # Continued across the page break between pages 5 and 6.
    assert any(
        t.startswith("（八）检查本单位的安全生产状况") and t.endswith("提出改进安全生产管理的建议。")
        for t in texts
    )


def test_corpus_nnzr_roles_and_table_of_contents():
    doc = read_corpus(require(NNZR))
    toc = [b for b in doc.blocks if b.style == "toc"]
    assert len(toc) == 34
    assert all("\t" in b.text and "..." not in b.text for b in toc)
    body = [b for b in paragraphs(doc) if b.style is None]
    chapter_4 = next(i for i, b in enumerate(body) if squash(b.text) == "第四章客户服务部岗位职责与安全职责")
    roles = [squash(b.text) for b in body[chapter_4:] if re.match(r"第[一二三四五六七八九十]+条", b.text)]
    assert len(roles) == 27
    assert roles[0] == "第一条客户服务经理"
    assert roles[-1] == "第二十七条稽查员（营业厅督导岗）"
    assert len(tables(doc)) == 1


def test_corpus_blockchain_posting():
    doc = read_corpus(require(BLOCKCHAIN))
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "公司简介"
    assert "1. 负责区块链核心协议及接口设计" in texts
    # Headings there are fake bold (each glyph drawn twice, shifted): read once.
    assert any(t.startswith("招聘职位：区块链核心开发工程师") for t in texts)
    assert not any("招招" in t or "聘聘" in t for t in texts)
    assert doc.furniture == []


def test_glyph_drawn_again_at_almost_the_same_place_is_one_character():
    # PDFium already merges most overprints; a copy it keeps (another text object, a
    # larger shift) is dropped by the layout.
    chars = chars_of("招聘职位", 70, 100) + chars_of("招聘职位", 70.4, 100)
    made = layout._make_line(chars, 1)
    assert made is not None and made.text == "招聘职位"


def test_a_library_error_carrying_a_traceback_is_one_line_in_the_warning() -> None:
    """The long fuzz campaign: RapidOCR raises onnxruntime errors whose message is a whole
    traceback; the page warning must show the error, not the traceback."""
    from jdx.extractors.errors import exception_summary

    message = ('Traceback (most recent call last):\n  File "infer_engine.py", line 196, in __call__\n'
               "    return self.session.run(names, feed)\n"
               "onnxruntime.Fail: [ONNXRuntimeError] : 1 : FAIL : std::bad_alloc\n")
    summary = exception_summary(RuntimeError(message))
    assert summary == "RuntimeError: onnxruntime.Fail: [ONNXRuntimeError] : 1 : FAIL : std::bad_alloc"
    assert "\n" not in summary and "Traceback" not in summary
    assert exception_summary(ValueError("bad xref")) == "ValueError: bad xref"
