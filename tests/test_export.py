"""The workbook HR opens: Chinese headers, duties on the role row, layout, review-needed first."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from jdx.pipeline.export import (
    EXPORT_FILES,
    ROLE_COLUMNS,
    SHEET_COLUMNS,
    export_tables,
    header_row,
    numbered,
    role_row,
    wrapped_lines,
    write_tables,
)
from jdx.pipeline.zh_texts import zh_texts
from jdx.schemas.role import Role
from openpyxl import load_workbook

SHA = "0123456789abcdef" * 4


def _role(n: int, title: str, **extra) -> dict:
    data = {
        "id": f"{SHA[:16]}-{n:03d}", "title": title, "department": "物流部",
        "reporting": {"reports_to": ["物流部经理"]},
        "duties": [{"text": "根据采购订单组织到货验收", "span": {"block": 1, "start": 2, "end": 14}},
                   {"text": "组织月度盘点", "span": {"block": 2, "start": 2, "end": 8}}],
        "source": {"file": "a.docx", "format": "docx", "sha256": SHA, "role_index": n, "role_count": 3},
        **extra,
    }
    return Role.model_validate(data).model_dump(mode="json")


@pytest.fixture
def batch_out(tmp_path: Path) -> Path:
    roles = [
        _role(0, "仓管员"),
        _role(1, "叉车司机", review={"needed": True, "reasons": ["no_duties"]},
              warnings=[{"code": "empty_label", "message": "label 岗位编号 has no value", "field": "code"}],
              salary={"min": 5000, "max": 8000, "unit": "month", "months": 13, "text": "5K-8K·13薪"},
              benefits=["五险一金", "带薪年假"], location=["苏州"], employment_type="全职",
              qualifications={"preferred": ["有叉车证者优先"], "education": {"level": "高中", "or_above": True,
                                                                       "text": "高中及以上"}},
              source={"file": "a.docx", "format": "docx", "sha256": SHA, "role_index": 1, "role_count": 3,
                      "script": "traditional", "ocr": True}),
        _role(2, "仓储主管"),
    ]
    (tmp_path / "roles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in roles),
                                          encoding="utf-8")
    manifest = {"path": "a.docx", "sha256": SHA, "size": 10, "status": "ok", "roles": 3,
                "warnings": [{"code": "encoding_detected", "message": "decoded as gbk"}]}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(manifest, ensure_ascii=False) + "\n", encoding="utf-8")
    return tmp_path


def _rows(path: Path, sheet: str) -> list[tuple]:
    book = load_workbook(path / "roles.xlsx")
    return [tuple(c.value for c in row) for row in book[sheet].iter_rows()]


def test_chinese_headers_by_default_and_english_paths_on_request(batch_out: Path) -> None:
    export_tables(batch_out)
    header = _rows(batch_out, "岗位")[0]
    assert header[:2] == ("岗位ID", "岗位名称")
    assert {"所属部门", "直接上级", "岗位职责", "需要审核", "审核原因", "薪资下限", "福利待遇", "工作地点",
            "用工形式", "优先条件", "原文字形", "OCR识别"} <= set(header)
    with open(batch_out / "roles.csv", encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh)) == list(header)
    export_tables(batch_out, headers="en")
    assert _rows(batch_out, "roles")[0] == ROLE_COLUMNS
    assert {"qualifications.preferred", "salary.min", "review.reasons", "source.ocr"} <= set(ROLE_COLUMNS)


def test_every_header_has_chinese_words() -> None:
    for sheet, columns in SHEET_COLUMNS.items():
        zh = header_row(sheet)
        untranslated = [c.key for c, h in zip(columns, zh, strict=True) if h == c.key]
        assert not untranslated, (sheet, untranslated)


def test_review_needed_roles_come_first_shaded_with_reasons_and_warnings_in_chinese(batch_out: Path) -> None:
    export_tables(batch_out)
    book = load_workbook(batch_out / "roles.xlsx")
    sheet = book["岗位"]
    header = [c.value for c in sheet[1]]
    col = {h: i for i, h in enumerate(header)}
    titles = [r[col["岗位名称"]].value for r in sheet.iter_rows(min_row=2)]
    assert titles == ["叉车司机", "仓管员", "仓储主管"]  # needing review first, then file order
    first, second = list(sheet.iter_rows(min_row=2, max_row=3))
    assert first[col["需要审核"]].value == "是" and second[col["需要审核"]].value == "否"
    assert first[col["审核原因"]].value == "未找到岗位职责"
    assert first[col["提示"]].value == "栏目无内容：岗位编号"
    assert first[0].fill.fgColor.rgb.endswith("FFE9C7") and second[0].fill.fill_type is None
    # Its empty cells show the shade of the row's own format (they are not written one by one).
    assert first[col["岗位编号"]].value is None and sheet.row_dimensions[2].fill.fgColor.rgb.endswith("FFE9C7")
    assert sheet.row_dimensions[3].fill is None or sheet.row_dimensions[3].fill.fill_type is None
    assert first[col["薪资单位"]].value == "月" and first[col["原文字形"]].value == "繁体"
    assert first[col["薪资下限"]].value == 5000 and first[col["年薪月数"]].value == 13
    assert first[col["福利待遇"]].value == "五险一金\n带薪年假"
    assert first[col["优先条件"]].value == "有叉车证者优先" and first[col["学历及以上"]].value == "是"
    problems = [tuple(c.value for c in r) for r in book["问题清单"].iter_rows(min_row=2)]
    assert ("a.docx", "成功", "岗位提示", "empty_label", "栏目无内容", "label 岗位编号 has no value",
            f"{SHA[:16]}-001", None) in problems
    assert any(p[2] == "提示" and p[4] == "已自动识别文本编码" for p in problems)


def test_duties_are_a_numbered_cell_on_the_role_row_and_their_own_sheet(batch_out: Path) -> None:
    export_tables(batch_out)
    book = load_workbook(batch_out / "roles.xlsx")
    header = [c.value for c in book["岗位"][1]]
    cell = book["岗位"].cell(row=2, column=header.index("岗位职责") + 1)
    assert cell.value == "1. 根据采购订单组织到货验收\n2. 组织月度盘点"
    assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
    assert book["岗位"].row_dimensions[2].height == 30  # two lines
    duties = [tuple(c.value for c in r) for r in book["岗位职责"].iter_rows()]
    assert duties[0][:4] == ("岗位ID", "岗位名称", "序号", "职责内容")
    assert len(duties) == 1 + 3 * 2


def test_layout_widths_frozen_header_and_filters(batch_out: Path) -> None:
    export_tables(batch_out)
    book = load_workbook(batch_out / "roles.xlsx")
    for name, sheet in zip(("roles", "duties", "kpis", "problems"), book.worksheets, strict=True):
        columns = SHEET_COLUMNS[name]
        assert sheet.freeze_panes == ("C2" if name == "roles" else "A2")
        last = sheet.cell(row=1, column=len(columns)).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert [_column_width(sheet, i + 1) for i in range(len(columns))] == [c.width for c in columns]
        assert all(c.font.bold for c in sheet[1])


def _column_width(sheet, index: int) -> float | None:
    """The width a spreadsheet shows for column ``index`` (1-based): a ``<col>`` element may
    cover a range of neighbouring columns of equal width, as Excel itself writes them, and
    openpyxl files such a range under its first column's letter only."""
    for dimension in sheet.column_dimensions.values():
        if dimension.min <= index <= dimension.max and dimension.customWidth:
            return dimension.width
    return None


def test_write_tables_takes_rows_built_by_the_caller(tmp_path: Path, batch_out: Path) -> None:
    roles = [json.loads(line) for line in (batch_out / "roles.jsonl").read_text(encoding="utf-8").splitlines()]
    paths = write_tables(tmp_path, {"roles": [role_row(r, "en") for r in roles]}, headers="en")
    assert [p.name for p in paths] == list(EXPORT_FILES)
    rows = _rows(tmp_path, "roles")
    assert [r[1] for r in rows[1:]] == ["仓管员", "叉车司机", "仓储主管"]
    assert rows[2][ROLE_COLUMNS.index("review.needed")] is True  # English keeps JSON values
    assert _rows(tmp_path, "duties") == [tuple(SHEET_COLUMNS["duties"][i].key for i in range(8))]


def test_bad_header_choice_is_refused(batch_out: Path) -> None:
    with pytest.raises(ValueError, match="headers"):
        export_tables(batch_out, headers="fr")  # type: ignore[arg-type]


def test_wrapped_line_estimate_counts_chinese_as_double_width() -> None:
    assert wrapped_lines("负责" * 10, 21) == 2  # 40 units in a 20-unit-wide cell
    assert wrapped_lines("ab\ncd", 10) == 2
    assert numbered(["甲", "乙"]) == "1. 甲\n2. 乙"


def test_warning_and_reason_codes_read_in_chinese() -> None:
    texts = zh_texts()
    assert texts.code("no_duties") == "未找到岗位职责"
    assert texts.code("some_new_code") == "some_new_code"  # untranslated, never hidden
    assert texts.column("category", "duties") == "职责类别" and texts.column("category") == "岗位类别"


def test_a_batch_context_writes_the_same_tables_with_the_rows_built_in_a_child(batch_out: Path) -> None:
    """A batch builds the rows and writes the CSVs in a child of its workers' server while
    this process writes the workbook (issue 13): the files must be those one process writes."""
    import multiprocessing as mp

    export_tables(batch_out)
    alone = {name: (batch_out / name).read_bytes() for name in EXPORT_FILES if name.endswith(".csv")}
    cells = {sheet: _rows(batch_out, sheet) for sheet in ("岗位", "岗位职责", "问题清单")}
    paths = export_tables(batch_out, context=mp.get_context("forkserver"))
    assert [p.name for p in paths] == list(EXPORT_FILES)
    assert {name: (batch_out / name).read_bytes() for name in alone} == alone
    assert {sheet: _rows(batch_out, sheet) for sheet in cells} == cells
    assert not list(batch_out.glob(".*.tmp"))


def test_a_failed_export_leaves_the_earlier_tables_and_no_temporary_files(batch_out: Path) -> None:
    import multiprocessing as mp

    export_tables(batch_out)
    before = (batch_out / "roles.csv").read_bytes()
    (batch_out / "roles.jsonl").write_text('{"id": "broken", "title": "仓管员"}\n', encoding="utf-8")  # no source
    for context in (None, mp.get_context("forkserver")):
        with pytest.raises(Exception):  # noqa: B017 - a KeyError here, ChildFailed from the child
            export_tables(batch_out, context=context)
        assert (batch_out / "roles.csv").read_bytes() == before
        assert not list(batch_out.glob(".*.tmp"))


def test_without_a_forkserver_the_rows_are_built_here(batch_out: Path, monkeypatch) -> None:
    """A spawned child would import the pipeline before its first row: under a spawn context
    (platforms without a forkserver) the export runs in this process."""
    import multiprocessing as mp

    from jdx.pipeline.batch import beside

    def no_child(*args, **kwargs):
        raise AssertionError("no child process expected")

    monkeypatch.setattr(beside, "Streamed", no_child)
    paths = export_tables(batch_out, context=mp.get_context("spawn"))
    assert [p.name for p in paths] == list(EXPORT_FILES)


def _sheet_looks(path: Path) -> dict:
    """What a person sees in every sheet: values, row heights, row shading."""
    book = load_workbook(path / "roles.xlsx")
    return {ws.title: ([tuple(c.value for c in row) for row in ws.iter_rows()],
                       {n: (d.height, d.fill.fgColor.rgb if d.fill is not None and d.fill.fill_type else None)
                        for n, d in ws.row_dimensions.items()})
            for ws in book.worksheets}


def test_a_small_batch_workbook_holds_its_cells_a_large_one_streams_them(batch_out: Path, monkeypatch) -> None:
    """Held cells write each string once (xl/sharedStrings.xml), streamed ones inline, with memory
    not growing with the batch; past HELD_ROLES_BYTES of roles.jsonl and manifest.jsonl together
    the workbook streams. What a person sees is the same either way."""
    import zipfile

    from jdx.pipeline import export

    export_tables(batch_out)
    with zipfile.ZipFile(batch_out / "roles.xlsx") as book:
        assert "xl/sharedStrings.xml" in book.namelist()
        assert b"inlineStr" not in book.read("xl/worksheets/sheet1.xml")
    held = _sheet_looks(batch_out)
    results = sum((batch_out / name).stat().st_size for name in ("roles.jsonl", "manifest.jsonl"))
    monkeypatch.setattr(export, "HELD_ROLES_BYTES", results)
    export_tables(batch_out)
    with zipfile.ZipFile(batch_out / "roles.xlsx") as book:
        assert b"inlineStr" not in book.read("xl/worksheets/sheet1.xml")
    monkeypatch.setattr(export, "HELD_ROLES_BYTES", results - 1)  # the manifest's problem rows count
    export_tables(batch_out)
    with zipfile.ZipFile(batch_out / "roles.xlsx") as book:
        assert b"inlineStr" in book.read("xl/worksheets/sheet1.xml")
    assert _sheet_looks(batch_out) == held
    assert held["岗位"][1][2][1].endswith("FFE9C7")  # the shaded row compared is there


def test_rows_done_is_called_once_the_rows_are_built_before_the_workbook_is_written(batch_out: Path) -> None:
    """A batch starts its org.json child there (issue 13): started with the rows' child it took
    CPU from the rows the workbook waits for; after the rows it runs beside the workbook's write."""
    import multiprocessing as mp

    seen = []

    def rows_done() -> None:
        with open(batch_out / ".roles.csv.tmp", encoding="utf-8-sig", newline="") as fh:
            seen.append((len(list(csv.reader(fh))), (batch_out / ".roles.xlsx.tmp").exists()))

    for context in (None, mp.get_context("forkserver")):
        export_tables(batch_out, context=context, rows_done=rows_done)
    # Each time: header + three roles in the CSV, the workbook not yet written out.
    assert seen == [(4, False), (4, False)]
