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
