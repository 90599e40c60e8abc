"""Pure field parsers: qualifications, reporting, KPIs, list values."""

from __future__ import annotations

import pytest
from jdx.pipeline.fields.kpis import kpi_from_line, kpis_from_run, weights_warning
from jdx.pipeline.fields.qualifications import (
    majors,
    parse_age,
    parse_education,
    parse_experience,
    parse_gender,
)
from jdx.pipeline.fields.reporting import parse_promotions, parse_superiors, parse_supervision
from jdx.pipeline.fields.values import clean_value, split_list, split_names
from jdx.pipeline.lexicon import load_lexicon
from jdx.pipeline.piece import Loc
from jdx.schemas.role import KPI, PeriodTargets, Span, Supervision

SPAN = Span(block=0, start=0, end=0)
LOC = Loc(block=0, page=None, start=0, end=0)
LEX = load_lexicon()


@pytest.mark.parametrize(
    ("text", "level", "or_above"),
    [
        ("大专以上", "大专", True),
        ("大专及以上学历", "大专", True),
        ("中技", "中专", False),
        ("技校或职高", "中专", False),
        ("大学专科", "大专", False),
        ("全日制本科及以上", "本科", True),
        ("研究生学历", "硕士", False),
        ("硕士以上学历", "硕士", True),
        ("高中以上学历(有两年以上工作经验者不受此限)", "高中", True),
    ],
)
def test_education_levels(text: str, level: str, or_above: bool) -> None:
    edu = parse_education(text, LEX)
    assert edu is not None and (edu.level, edu.or_above) == (level, or_above)


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [("28岁以上", 28, None), ("25—45周岁", 25, 45), ("30〜45岁", 30, 45), ("22-35岁", 22, 35),
     ("25至40岁", 25, 40), ("35岁以下", None, 35), ("年龄不超过40岁", None, 40)],
)
def test_age_ranges(text: str, lo: int | None, hi: int | None) -> None:
    age = parse_age(text, LEX)
    assert age is not None and (age.min, age.max) == (lo, hi)


@pytest.mark.parametrize(
    ("text", "years"),
    [("5年以上相关工作经验", 5), ("五年以上", 5), ("两年以上在电器销售行业从事售后服务的工作经验", 2),
     ("至少3年以上客户服务相关经验", 3), ("半年以上实习经历", 0.5), ("3-5年财务工作经验", 3)],
)
def test_years_of_experience(text: str, years: float) -> None:
    exp = parse_experience(text, LEX)
    assert exp is not None and exp.years_min == years


@pytest.mark.parametrize(("text", "gender"), [("男女不限", None), ("不限", None), ("男", "男"), ("限女性", "女")])
def test_gender(text: str, gender: str | None) -> None:
    assert parse_gender(text, LEX) == gender


def test_requirement_lists_split_at_the_right_level() -> None:
    assert split_list("较强的沟通能力、组织协调能力、培训技能", LEX) == ["较强的沟通能力", "组织协调能力", "培训技能"]
    assert split_list("管理能力，熟悉机器安装、调试的技能技巧", LEX) == ["管理能力", "熟悉机器安装、调试的技能技巧"]
    assert split_list("性格外向; 乐观、积极主动; 为人亲和,有耐心", LEX) == ["性格外向", "乐观、积极主动", "为人亲和,有耐心"]


def test_values_and_names() -> None:
    assert clean_value("__总结理__ _ __", LEX) == "总结理"
    assert clean_value("  无 ", LEX) is None
    assert split_names("售后服务人员、业务人员、办事处经理", LEX) == ["售后服务人员", "业务人员", "办事处经理"]
    assert split_names("客服专员/管理员/助理", LEX) == ["客服专员", "管理员", "助理"]


def test_reporting_lines() -> None:
    assert parse_superiors("按规定向经理汇报业务工作,向分公司经理汇报日常事务性工作。", LEX) == ["经理", "分公司经理"]
    assert parse_superiors("营销总部经理", LEX) == ["营销总部经理"]
    sup = parse_supervision("直接督导 2 个岗位,共 6 人间接督导 个岗位,共 人", Supervision(), LEX)
    assert sup == Supervision(direct_positions=2, direct_headcount=6)
    assert parse_promotions("并有机会晋升为高级客户服务专员或者客户服务主管,承担更多的责任", LEX) == [
        "高级客户服务专员", "客户服务主管"]


def test_kpi_table_flattened_onto_one_line() -> None:
    run = ("关键业绩指标要求目标权重月度季度半年年度(100-90分)(90-70分)"
           "服务费用率0.5%0.5%0.5%0.5%15%保修期服务平均次数3次/台3次/台3次/台3次/台20%调试及时率98%98%98%5%")
    kpis = kpis_from_run(run, LOC, LEX)
    assert [k.name for k in kpis] == ["服务费用率", "保修期服务平均次数", "调试及时率"]
    assert kpis[0].targets == PeriodTargets(month="0.5%", quarter="0.5%", half_year="0.5%", year="0.5%")
    assert [k.weight_pct for k in kpis] == [15.0, 20.0, 5.0]


def test_kpi_lines() -> None:
    kpi = kpi_from_line("二次销售的完成率>80%", LOC, LEX)
    assert kpi is not None and kpi.name == "二次销售的完成率" and kpi.targets.text == ">80%"
    kpi = kpi_from_line("业务流失率小于5%", LOC, LEX)
    assert kpi is not None and (kpi.name, kpi.targets.text) == ("业务流失率", "小于5%")
    kpi = kpi_from_line("故障及重大投诉", LOC, LEX)
    assert kpi is not None and kpi.targets is None


def test_weights_must_sum_to_100() -> None:
    kpis = [KPI(name="a", weight_pct=60, span=SPAN), KPI(name="b", weight_pct=30, span=SPAN)]
    assert "90" in (weights_warning(kpis) or "")
    assert weights_warning([KPI(name="a", weight_pct=100, span=SPAN)]) is None


def test_a_second_pay_figure_of_another_period_is_a_second_regime() -> None:
    """``实习期间 200/天`` beside ``转正后 8K - 15K`` is two pay regimes: no salary, and the range
    never takes the day as its unit (rule second_pay_regime); a small allowance paid by the day
    (``工作餐（15元/日）``) or one paid by the month (``餐补300元/月``) leaves the salary alone."""
    from jdx.pipeline.fields.pay import parse_salary
    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert parse_salary("实习期间薪资：200/天；转正后：8K - 15K，13薪 + 奖金", lexicon) is None
    meal = parse_salary("4.5-6千/月；提供工作餐（15元/日）", lexicon)
    assert meal is not None and (meal.min, meal.max, meal.unit) == (4500, 6000, "month")
    allowance = parse_salary("月薪4000-6000元，另有餐补300元/月", lexicon)
    assert allowance is not None and (allowance.min, allowance.max, allowance.unit) == (4000, 6000, "month")


def test_a_slash_before_a_period_parts_no_benefits() -> None:
    """``1500 元餐补/月`` is one benefit paid per month, not ``1500 元餐补`` and ``月``; a slash
    between perks (``五险/一金``) still parts them."""
    from jdx.pipeline.fields.pay import split_benefits
    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert split_benefits("1500 元餐补/月、带薪年假", lexicon) == ["1500 元餐补/月", "带薪年假"]
    assert split_benefits("五险/一金", lexicon) == ["五险", "一金"]


def test_a_place_keeps_its_name_without_its_condition() -> None:
    """``优先北京/上海，深圳需要特别优秀`` names three places, each with or without a condition; a
    condition alone (``特别优秀可 Remote``) or a clause (``可以选择入职上海或南京``) names none (rule
    place_without_condition)."""
    from jdx.pipeline.fields.pay import split_places
    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert split_places("优先北京/上海，深圳需要特别优秀", lexicon) == ["北京", "上海", "深圳"]
    assert split_places("杭州（需要特别优秀），成都", lexicon) == ["杭州", "成都"]
    assert split_places("特别优秀可 Remote", lexicon) == []
    assert split_places("可以选择入职上海或南京", lexicon) == []
    assert split_places("可选北京、上海", lexicon) == ["北京", "上海"]  # the longer condition word, 可选, not 可


def test_years_of_driving_or_teaching_are_experience() -> None:
    """``5年以上驾龄`` and ``3年以上教龄`` state years of experience as ``5年以上工作经验`` does
    (lexicon experience_words)."""
    from jdx.pipeline.fields.qualifications import years_in_text
    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert years_in_text("5年以上驾龄", lexicon).years_min == 5
    assert years_in_text("3年以上教龄", lexicon).years_min == 3


def test_a_labelled_list_value_keeps_its_wish_line_apart() -> None:
    """``证照：`` over two lines, ``记帐士证照`` / ``具会计师证照者优先``: a certificate and a wish,
    not one wish of both lines."""
    from jdx.pipeline.fields.qualifications import QualificationBuilder
    from jdx.pipeline.lexicon import load_lexicon

    quals = QualificationBuilder(load_lexicon())
    assert quals.add_labelled("certifications", "记帐士证照\n具会计师证照者优先")
    assert (quals.lists["certifications"], quals.lists["preferred"]) == (["记帐士证照"], ["具会计师证照者优先"])


def test_a_labelled_wish_list_of_several_lines_is_a_wish_per_line() -> None:
    """``优先条件`` over ``持有 RHCE 或 CCNP 证书`` / ``有证券行业运维经验``: two wishes."""
    from jdx.pipeline.fields.qualifications import QualificationBuilder
    from jdx.pipeline.lexicon import load_lexicon

    quals = QualificationBuilder(load_lexicon())
    assert quals.add_labelled("preferred", "持有 RHCE 或 CCNP 证书\n有证券行业运维经验")
    assert quals.lists["preferred"] == ["持有 RHCE 或 CCNP 证书", "有证券行业运维经验"]


@pytest.mark.parametrize(("text", "expected"), [
    # names of majors with a separator word inside (the national catalogue's …及其自动化, 计算机及应用)
    ("电气工程及其自动化、机械设计制造及其自动化等相关专业", ["电气工程及其自动化", "机械设计制造及其自动化"]),
    ("计算机及应用、通信工程专业", ["计算机及应用", "通信工程"]),
    # 及其相关专业 is the tail, not part of a name
    ("新闻学、汉语言文学及其相关专业", ["新闻学", "汉语言文学"]),
    ("会计及财务管理专业", ["会计", "财务管理"]),
    # a note in brackets after the closing major word lists no majors
    ("电子工程、通信工程等相关专业（主要针对FPGA、DSP等嵌入式系统）", ["电子工程", "通信工程"]),
    ("计算机专业、电子专业", ["计算机", "电子"]),
])
def test_majors_keep_names_with_a_separator_inside(text: str, expected: list[str]) -> None:
    assert majors(text, LEX) == expected


def test_places_parted_by_or_when_they_are_short_names() -> None:
    from jdx.pipeline.fields.pay import split_places

    assert split_places("北京、上海或深圳", LEX) == ["北京", "上海", "深圳"]
    assert split_places("有物流行业或者物流操作经验者优先", LEX) == []  # no list of places: a condition
