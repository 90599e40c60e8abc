"""Spreadsheet readers (.xlsx/.xlsm, .xls/.et, .ods): blocks a person checked against each
fixture (``tests/fixtures/sheet_fixtures.py``), the number formats as Excel displays them,
hostile workbooks, and the corpus workbooks.

The .xls and .ods fixtures are LibreOffice's conversions of the .xlsx ones, so every
block-level expectation is asserted on all three formats.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import shared_dir
from jdx.extractors import DocumentError, ErrorCode, Limits, ReadOptions, read_document, sniff
from jdx.extractors.numfmt import display_text
from jdx.schemas.document import STYLE_SHEET, BlockKind, Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHEETS = FIXTURES / "sheets"
FORMATS = ["xlsx", "xls", "ods"]


def corpus(relative: str) -> Path:
    return shared_dir("corpus", relative)


def read(name: str) -> Document:
    path = SHEETS / name
    return read_document(path.read_bytes(), options=ReadOptions(filename=path.name))


def rows(block) -> list[list[str]]:
    return [[c.text for c in row] for row in block.table.rows()]


def cell(block, r: int, c: int):
    found = block.table.grid()[r][c]
    assert found is not None
    return found


# --- fixtures, every format ----------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_form_sheet_is_a_sheet_heading_and_one_grid_with_merged_spans(fmt: str) -> None:
    doc = read(f"form.{fmt}")
    assert doc.format == fmt
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING, BlockKind.TABLE]
    heading, table = doc.blocks
    assert (heading.text, heading.style, heading.level) == ("出纳岗位说明书", STYLE_SHEET, 0)
    assert (table.table.n_rows, table.table.n_cols) == (10, 6)
    title = cell(table, 0, 0)
    assert (title.text, title.colspan, title.rowspan) == ("岗位说明书", 6, 1)
    assert rows(table)[1] == ["岗位名称", "出纳", "所属部门", "财务部", "岗位编号", "CW-003"]
    superior = cell(table, 2, 1)
    assert (superior.text, superior.colspan) == ("财务经理", 2)
    assert cell(table, 2, 3).text == "直接下级" and cell(table, 2, 4).colspan == 2
    duties_label = cell(table, 4, 0)
    assert (duties_label.text, duties_label.rowspan) == ("岗位职责", 4)
    assert [cell(table, r, 1).text for r in range(4, 8)] == [
        "1、负责现金收付及银行结算业务，做到日清月结；", "2、登记现金日记账和银行存款日记账，每日核对库存现金；",
        "3、保管库存现金、有价证券和空白支票；", "4、完成财务经理交办的其他工作。"]
    assert all(cell(table, r, 1).colspan == 5 for r in range(4, 8))
    # multi-line cell keeps its line breaks; a date under yyyy"年"m"月"d"日" reads as shown
    assert cell(table, 8, 1).text == "学历：大专及以上\n专业：财务、会计相关专业\n经验：2年以上出纳工作经验"
    assert rows(table)[9] == ["编制日期", "2024年3月1日", "", "", "", ""]
    # a merged range is stored once: no cell starts inside it
    starts = {(c.row, c.col) for c in table.table.cells}
    assert (0, 1) not in starts and (5, 0) not in starts and (4, 2) not in starts


@pytest.mark.parametrize("fmt", FORMATS)
def test_catalog_workbook_gives_one_heading_per_sheet_and_marks_the_hidden_one(fmt: str) -> None:
    doc = read(f"catalog.{fmt}")
    headings = [b for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert [h.text for h in headings] == ["目录", "出纳", "会计", "填写说明"]
    assert all(h.style == STYLE_SHEET for h in headings)
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING, BlockKind.TABLE] * 4
    assert rows(doc.blocks[1]) == [["序号", "岗位名称", "所在工作表"], ["1", "出纳", "出纳"], ["2", "会计", "会计"]]
    assert rows(doc.blocks[5])[1] == ["岗位名称", "会计", "所属部门", "财务部", "岗位编号", "CW-002"]
    assert [w.code for w in doc.warnings] == ["hidden_sheet"]
    assert "填写说明" in doc.warnings[0].message


@pytest.mark.parametrize("fmt", FORMATS)
def test_roster_rows_keep_multi_line_cells(fmt: str) -> None:
    doc = read(f"roster.{fmt}")
    grid = rows(doc.blocks[1])
    assert grid[0] == ["岗位名称", "所属部门", "岗位职责", "任职要求"]
    assert [r[0] for r in grid[1:]] == ["仓库管理员", "行政专员", "司机"]
    assert grid[1][2] == "1. 负责物资入库验收；\n2. 负责库存盘点；\n3. 负责出库登记。"
    assert grid[3][3] == "1. 持C1以上驾照；\n2. 3年以上驾龄。"


@pytest.mark.parametrize("fmt", FORMATS)
def test_kpi_sheet_reads_percentages_integers_noise_and_formula_results_as_displayed(fmt: str) -> None:
    doc = read(f"kpi.{fmt}")
    assert rows(doc.blocks[1]) == [
        ["指标", "权重", "目标值"],
        ["销售回款率", "30%", "95%"],
        ["客户满意度", "25%", "90.0%"],
        ["培训完成次数", "25%", "12"],
        ["差错率", "20%", "0.3"],       # 0.1 + 0.2 stored under General
        ["合计", "100%", ""],           # =SUM(B2:B5), its saved result
    ]
    assert not doc.warnings


def test_sheet_fixtures_are_reproducible() -> None:
    spec = importlib.util.spec_from_file_location("sheet_fixtures", FIXTURES / "sheet_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["sheet_fixtures"] = module
    spec.loader.exec_module(module)
    for name, data in module.build_all().items():
        assert (SHEETS / name).read_bytes() == data, f"{name} differs from what the fixture script builds"


# --- number formats -----------------------------------------------------------------------

ACCOUNTING = '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ '


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (0.15, "0%", "15%"),
    (0.875, "0%", "88%"),
    (-0.125, "0.0%", "-12.5%"),
    (0.12345, "0.00%", "12.35%"),
    (3.0, "General", "3"),
    (0.30000000000000004, "General", "0.3"),
    (1e20, "General", "1E+20"),
    (1234.5, "#,##0.00", "1,234.50"),
    (1234567.891, "#,##0.00", "1,234,567.89"),
    (2.5, "0", "3"),                      # Excel rounds half away from zero
    (12, "(000)", "(012)"),
    (8.9, "#.##", "8.9"),
    (12200000, "#.0,,", "12.2"),          # trailing commas scale by a thousand
    (123456, "0.00E+00", "1.23E+05"),
    (7827, ACCOUNTING, "7,827.00"),       # WPS/Excel zh-CN accounting format
    (-37.42077402754967, ACCOUNTING, "-37.42"),
    (0, ACCOUNTING, "-"),
    (5, '0"人"', "5人"),
    (1234, "[$¥-804]#,##0.00", "¥1,234.00"),
    (100, "[Red]0.00", "100.00"),
    (-5, "0.00;[Red]-0.00", "-5.00"),
    (150, "[>100]0;0", "150"),            # conditions: General, never an invented value
    (True, "General", "TRUE"),
    (45352, 'yyyy"年"m"月"d"日"', "2024年3月1日"),
    (dt.datetime(2024, 3, 1), "mm-dd-yy", "2024/3/1"),  # builtin 14: the zh-CN short date
    (dt.datetime(2024, 3, 1, 14, 5), "yyyy/m/d h:mm", "2024/3/1 14:05"),
    (dt.datetime(2024, 3, 1, 14, 5), '上午/下午h"时"mm"分"', "下午2时05分"),
    (dt.datetime(2024, 3, 4), "aaaa", "星期一"),
    (dt.time(9, 30), "h:mm", "9:30"),
    (dt.timedelta(hours=30, minutes=5), "[h]:mm", "30:05"),
    ("编号", '"No."@', "No.编号"),
])
def test_number_formats_render_as_excel_shows_them(value, fmt: str, shown: str) -> None:
    assert display_text(value, fmt) == shown


def test_zh_cn_builtin_date_id_reads_as_a_date_in_xlsx() -> None:
    """Chinese Excel/WPS store 年月日 dates as builtin id 31/57/58 without a format code."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "入职日期"
    wb.active["B1"] = 45352
    buffer = io.BytesIO()
    wb.save(buffer)
    data = _replace_member(buffer.getvalue(), "xl/styles.xml",
                           lambda x: x.replace(b'<cellXfs count="1">', b'<cellXfs count="2">').replace(
                               b"</cellXfs>", b'<xf numFmtId="31" fontId="0" fillId="0" borderId="0" '
                                              b'applyNumberFormat="1"/></cellXfs>'))
    data = _replace_member(data, "xl/worksheets/sheet1.xml", lambda x: x.replace(b'<c r="B1" t="n">',
                                                                                  b'<c r="B1" s="1" t="n">'))
    doc = read_document(data)
    assert rows(doc.blocks[1]) == [["入职日期", "2024年3月1日"]]


def _replace_member(data: bytes, name: str, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            dst.writestr(info.filename, change(content) if info.filename == name else content)
    return out.getvalue()


# --- what the readers report ---------------------------------------------------------------

def test_formula_without_saved_result_reads_empty_and_is_reported() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["权重", 0.5])
    ws.append(["合计", "=SUM(B1:B1)"])  # openpyxl saves the formula, never its result
    buffer = io.BytesIO()
    wb.save(buffer)
    doc = read_document(buffer.getvalue())
    assert rows(doc.blocks[1]) == [["权重", "0.5"], ["合计", ""]]
    assert [w.code for w in doc.warnings] == ["formula_without_value"]


def test_empty_sheets_give_no_blocks_and_an_empty_workbook_is_empty() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.create_sheet("Sheet2")
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(DocumentError) as info:
        read_document(buffer.getvalue())
    assert info.value.code == ErrorCode.EMPTY_FILE


# --- sniffing ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_workbooks_are_sniffed_by_their_containers_whatever_their_name(fmt: str) -> None:
    data = (SHEETS / f"kpi.{fmt}").read_bytes()
    assert sniff(data).format == fmt
    assert read_document(data, options=ReadOptions(filename="考核表.docx")).format == fmt


def test_xlsb_is_refused_by_name() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x00" * 10)
    with pytest.raises(DocumentError) as info:
        read_document(buffer.getvalue())
    assert info.value.code == ErrorCode.UNSUPPORTED_FORMAT and ".xlsb" in info.value.message


# --- hostile workbooks ----------------------------------------------------------------------

def _xlsx_with_sheet_xml(sheet_data: bytes) -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<dimension ref="A1:XFD1048576"/><sheetData>')
    return _replace_member(buffer.getvalue(), "xl/worksheets/sheet1.xml",
                           lambda _: head + sheet_data + b"</sheetData></worksheet>")


def _inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def test_a_million_empty_rows_are_bounded_in_time_and_grid() -> None:
    rows_xml = b"".join(b'<row r="%d"/>' % r for r in range(2, 1_000_000))
    data = _xlsx_with_sheet_xml(b'<row r="1">' + _inline("A1", "岗位名称") + _inline("B1", "出纳") + b"</row>"
                                + rows_xml + b'<row r="1000000">' + _inline("A1000000", "备注") + b"</row>")
    start = time.monotonic()
    doc = read_document(data, Limits(max_sheet_cells=10_000))
    assert time.monotonic() - start < 60
    table = doc.blocks[1].table
    assert table.n_rows * table.n_cols <= 10_000
    assert rows(doc.blocks[1])[0] == ["岗位名称", "出纳"]
    assert [w.code for w in doc.warnings] == ["sheet_truncated"]


def test_a_16384_column_sheet_is_cut_with_a_warning() -> None:
    rows_xml = b"".join(b'<row r="%d">' % r + _inline(f"A{r}", f"职责{r}") + _inline(f"XFD{r}", "备注")
                        + b"</row>" for r in range(1, 201))
    data = _xlsx_with_sheet_xml(rows_xml)
    doc = read_document(data, Limits(max_sheet_cells=50_000))
    table = doc.blocks[1].table
    assert table.n_cols == 16_384 and table.n_rows * table.n_cols <= 50_000
    assert rows(doc.blocks[1])[0][0] == "职责1" and rows(doc.blocks[1])[0][-1] == "备注"
    assert [w.code for w in doc.warnings] == ["sheet_truncated"]


def test_ods_repeated_rows_and_columns_only_move_the_cursor() -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="岗位"><table:table-row><table:table-cell><text:p>岗位名称</text:p>'
        '</table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048575"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row>'
        '</table:table></office:spreadsheet></office:body></office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
    doc = read_document(buffer.getvalue())
    assert doc.format == "ods"
    assert rows(doc.blocks[1]) == [["岗位名称"]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_truncated_workbooks_fail_with_a_code(fmt: str) -> None:
    data = (SHEETS / f"form.{fmt}").read_bytes()
    with pytest.raises(DocumentError) as info:
        read_document(data[: len(data) // 2])
    assert info.value.code in (ErrorCode.CORRUPT_FILE, ErrorCode.UNSUPPORTED_FORMAT)


def test_random_bytes_under_the_ole_magic_with_a_workbook_stream_fail_with_a_code() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8 + "Workbook\x00".encode("utf-16-le")
    with pytest.raises(DocumentError) as info:
        read_document(data)
    assert info.value.code == ErrorCode.CORRUPT_FILE


def test_oversized_legacy_workbook_is_refused_before_parsing() -> None:
    data = (SHEETS / "form.xls").read_bytes()
    with pytest.raises(DocumentError) as info:
        read_document(data, Limits(max_xls_bytes=1000))
    assert info.value.code == ErrorCode.TOO_LARGE


# --- corpus workbooks ---------------------------------------------------------------------

@pytest.mark.parametrize("relative", [
    "SONGXUEJUN1234__SONG1/KPI.xlsx",
    "Brain-storming__Brain/KPI.xlsx",
    "xuchangyan__mydoc/岗位职责.xls",
    "z305760276__nnzr/public/docs/附件2.《中燃集团客服条口红黄线考核细则》.xlsx",
    "z305760276__nnzr/public/docs/附件3.《客户服务部负面清单记分标准》.xlsx",
    "yingtaoluo__51jobs-Text-Mining/sy3/qianchengwuyou.xlsx",
])
def test_corpus_workbooks_read_without_error(relative: str) -> None:
    path = corpus(relative)
    doc = read_document(path.read_bytes(), options=ReadOptions(filename=path.name))
    assert doc.blocks and doc.blocks[0].style == STYLE_SHEET
    assert any(b.table is not None and b.table.n_rows > 1 for b in doc.blocks)


def test_corpus_duty_matrix_xls_reads_its_rows() -> None:
    doc = read_document(corpus("xuchangyan__mydoc/岗位职责.xls").read_bytes())
    assert [b.text for b in doc.blocks if b.kind == BlockKind.HEADING] == ["Sheet1"]  # Sheet2/3 are empty
    grid = rows(doc.blocks[1])
    assert grid[0] == ["事项", "第一责任人", "第二责任人", "第三责任人", "最新调整日"]
    assert grid[2][:3] == ["网络布线等网络相关", "李辉", "刘银芳"]
    assert grid[-1][:2] == ["内控员", "鲁衍铄"]
    assert len(grid) == 22


def test_corpus_kpi_workbook_shows_percentages_and_accounting_amounts() -> None:
    grid = rows(read_document(corpus("SONGXUEJUN1234__SONG1/KPI.xlsx").read_bytes()).blocks[1])
    assert grid[0][0] == "2025年VPO工作站KPI指标目标分解"
    assert grid[3][:8] == ["1", "核算达标率", "北部区域", "财务区域/财务部", "结账时效50%，核算准确率50%", "目标",
                           "1.00", "1.00"]
    assert grid[4][8] == "88%"        # 0.875 under 0%
    assert grid[12][6] == "7,827.00"  # accounting format
    assert grid[13][6] == "-688.00"


def test_corpus_kpi_form_keeps_its_merged_header() -> None:
    block = read_document(corpus("Brain-storming__Brain/KPI.xlsx").read_bytes()).blocks[1]
    title = cell(block, 0, 0)
    assert (title.text, title.colspan) == ("【如愿】绩效考核评价表", 11)
    assert cell(block, 4, 0).text == "基础指标" and cell(block, 4, 0).rowspan == 4


# ----------------------------------------------------------------------------- found by tests/fuzz_office.py


def _ods(cells_xml: str) -> bytes:
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               f'<table:table table:name="岗位"><table:table-row>{cells_xml}</table:table-row></table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
    return buf.getvalue()


def test_ods_span_of_a_billion_columns_is_cut_at_the_cell_bound() -> None:
    """Fuzz finding: one cell with ``number-columns-spanned="1000000000"`` made a grid one row
    by a billion columns (minutes of CPU); the grid is now cut at ``max_sheet_cells``."""
    data = _ods('<table:table-cell table:number-columns-spanned="1000000000"><text:p>岗位职责</text:p>'
                '</table:table-cell>')
    doc = read_document(data, Limits())
    # The grid is cut and reported. (The 100,000-column row is then wider than the per-table
    # bound of bounds.py, which drops it whole: a follow-up, the text is lost.)
    assert {"sheet_truncated", "truncated"} <= {w.code for w in doc.warnings}


def test_ods_run_of_a_billion_spaces_is_too_large() -> None:
    """Fuzz finding: ``<text:s text:c="1000000000"/>`` (30 bytes) asked for a 1 GB string."""
    data = _ods('<table:table-cell><text:p>岗位<text:s text:c="1000000000"/>职责</text:p></table:table-cell>')
    with pytest.raises(DocumentError) as err:
        read_document(data, Limits())
    assert err.value.code is ErrorCode.TOO_LARGE


def test_ods_repeated_spanning_cells_keep_the_first_range() -> None:
    """Fuzz finding: 16,384 repeated cells each spanning 16,384 columns gave 16,384 ranges that
    each listed every slot they cover before the overlap was noticed (100 s). A range whose
    top-left slot is already covered is dropped at once; the first range stands."""
    data = _ods('<table:table-cell table:number-columns-repeated="16384" table:number-columns-spanned="16384">'
                '<text:p>职责</text:p></table:table-cell>')
    doc = read_document(data, Limits())
    table = [b for b in doc.blocks if b.kind is BlockKind.TABLE][0].table
    assert (table.cells[0].colspan, table.cells[0].text) == (16384, "职责")
    assert table.cells[1].col == 16384  # the next repeated cell, which the first range does not cover
