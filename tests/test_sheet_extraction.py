"""End-to-end expectations for spreadsheets: what a person reading each fixture workbook
(``tests/fixtures/sheet_fixtures.py``) expects in the role records, in .xlsx, .xls and .ods.

Roster, KPI-sheet and contents-sheet extraction (written as strict xfails before the core
could meet them) now pass.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from jdx.pipeline.convert import convert_path

SHEETS = Path(__file__).resolve().parent / "fixtures" / "sheets"
FORMATS = ["xlsx", "xls", "ods"]


def convert(name: str):
    result = convert_path(SHEETS / name)
    assert result.error is None, result.error
    return result


def same(a: str) -> str:
    """Compare values regardless of full-/half-width punctuation (issue 8 keeps it as written)."""
    return unicodedata.normalize("NFKC", a)


@pytest.mark.parametrize("fmt", FORMATS)
def test_form_sheet_gives_its_role(fmt: str) -> None:
    result = convert(f"form.{fmt}")
    assert [r.title for r in result.roles] == ["出纳"]
    role = result.roles[0]
    assert (role.code, role.department) == ("CW-003", "财务部")
    assert role.reporting.reports_to == ["财务经理"]
    assert [same(d.text) for d in role.duties] == [same(t) for t in (
        "负责现金收付及银行结算业务，做到日清月结", "登记现金日记账和银行存款日记账，每日核对库存现金",
        "保管库存现金、有价证券和空白支票", "完成财务经理交办的其他工作")]
    assert role.qualifications.education.level == "大专"
    assert role.qualifications.experience.years_min == 2
    assert role.source.format == fmt


@pytest.mark.parametrize("fmt", FORMATS)
def test_catalog_workbook_forms_give_one_role_per_sheet(fmt: str) -> None:
    result = convert(f"catalog.{fmt}")
    forms = [r for r in result.roles if r.code]
    assert [(r.title, r.code) for r in forms] == [("出纳", "CW-003"), ("会计", "CW-002")]
    assert [len(r.duties) for r in forms] == [4, 3]


@pytest.mark.parametrize("fmt", FORMATS)
def test_contents_sheet_is_not_a_role(fmt: str) -> None:
    result = convert(f"catalog.{fmt}")
    assert [r.title for r in result.roles] == ["出纳", "会计"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_roster_gives_one_role_per_row_with_items_split(fmt: str) -> None:
    result = convert(f"roster.{fmt}")
    assert [(r.title, r.department) for r in result.roles] == [
        ("仓库管理员", "物流部"), ("行政专员", "行政部"), ("司机", "行政部")]
    keeper = result.roles[0]
    assert [same(d.text) for d in keeper.duties] == [same(t) for t in ("负责物资入库验收", "负责库存盘点", "负责出库登记")]
    assert keeper.qualifications.education.level == "高中"
    assert keeper.qualifications.experience.years_min == 1
    assert [len(r.duties) for r in result.roles] == [3, 2, 2]


@pytest.mark.parametrize("fmt", FORMATS)
def test_kpi_sheet_gives_kpis_with_weights_and_no_total_row(fmt: str) -> None:
    result = convert(f"kpi.{fmt}")
    kpis = [k for r in result.roles for k in r.kpis]
    assert [(k.name, k.weight_pct) for k in kpis] == [
        ("销售回款率", 30.0), ("客户满意度", 25.0), ("培训完成次数", 25.0), ("差错率", 20.0)]
    assert [k.targets.text for k in kpis] == ["95%", "90.0%", "12", "0.3"]
    assert all(k.name != "合计" for k in kpis)


_DUMP_ROWS = [
    ("https://jobs.example.com/1.html", "出纳", "上海甲乙贸易有限公司", "五险一金 周末双休", "4-6千/月",
     "岗位职责：1、负责现金收付及银行结算；2、负责登记现金日记账。任职要求：1、大专及以上学历；2、有出纳证。", "上海-徐汇区"),
    ("https://jobs.example.com/2.html", "仓库管理员", "苏州丙丁物流有限公司", "包吃包住", "5-7千/月",
     "工作内容：负责货物的出入库管理与盘点，维护库存台账，配合财务做好月末对账工作。", "苏州-工业园区"),
    ("https://jobs.example.com/3.html", "销售代表", "杭州戊己科技有限公司", "年终奖金", "面议",
     "职位：销售代表（华东区）。岗位职责：开拓华东区域客户，完成季度销售目标，维护老客户关系。", "杭州-西湖区"),
    ("https://jobs.example.com/4.html", "行政专员", "南京庚辛咨询有限公司", "带薪年假", "4.5-6千/月",
     "岗位职责：1、负责公司前台接待与来访登记；2、负责办公用品采购与发放；3、协助组织员工活动。", "南京-鼓楼区"),
    ("https://jobs.example.com/5.html", "会计助理", "上海壬癸食品有限公司", "五险一金", "3.5-5千/月",
     "岗位职责：协助会计处理日常账务，整理凭证，开具发票，完成领导交办的其他工作。", "上海-闵行区"),
    ("https://jobs.example.com/6.html", "客服专员", "上海子丑电子商务有限公司", "节日福利", "4-5千/月",
     "岗位职责：1、接听客户来电并解答咨询；2、处理售后问题并记录。任职要求：中专及以上学历。", "上海-浦东新区"),
]


def test_a_posting_dump_without_a_header_row_gives_one_role_per_row(tmp_path: Path) -> None:
    """Job-board scrapes save one posting per row with no header: the columns' contents say
    which holds the position (short position names), the company, the pay and the posting's
    text. A ``职位：`` inside a description names no role of its own."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in _DUMP_ROWS:
        sheet.append(row)
    path = tmp_path / "postings.xlsx"
    book.save(path)
    roles = convert_path(path).roles
    assert [r.title for r in roles] == [row[1] for row in _DUMP_ROWS]
    assert [r.organization for r in roles] == [row[2] for row in _DUMP_ROWS]
    assert [r.compensation for r in roles] == [row[4] for row in _DUMP_ROWS]
    assert [d.text for d in roles[0].duties] == ["负责现金收付及银行结算", "负责登记现金日记账"]
    assert roles[0].qualifications.education.level == "大专"
    assert (roles[1].salary.min, roles[1].salary.max, roles[1].salary.unit) == (5000, 7000, "month")
    # the columns nobody named keep their text in the role, under the column's place
    assert ("第7列", "上海-徐汇区") in [(o.heading, o.text) for o in roles[0].other_sections]


def test_an_instructions_sheet_gives_no_role() -> None:
    """A 填写说明 sheet explains the form (``岗位名称：填写公司统一的岗位名称``); its labels
    describe no role, the other sheets do."""
    import io

    import openpyxl
    from jdx.pipeline.convert import convert_bytes

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "填写说明"
    sheet.append(["岗位名称：填写公司统一的岗位名称"])
    sheet.append(["岗位职责：按重要程度逐条填写，每条以动词开头"])
    for title in ("出纳", "会计"):
        form = book.create_sheet(title)
        form.append(["岗位名称", title])
        form.append(["岗位职责", "1、负责日常账务\n2、负责报表"])
    data = io.BytesIO()
    book.save(data)
    result = convert_bytes(data.getvalue(), "岗位说明书.xlsx", raise_errors=True)
    assert [(r.title, [d.text for d in r.duties]) for r in result.roles] == [
        ("出纳", ["负责日常账务", "负责报表"]), ("会计", ["负责日常账务", "负责报表"])]
