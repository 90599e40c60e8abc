"""Role keys, the matching rules that keep them, field diffs and the JobPosting mapping — the
pure parts of the catalog, each against values a person checked."""

from __future__ import annotations

import json
import string

import pytest
from catalog_support import ACCOUNTANT, CASHIER, CLERK, role
from hypothesis import given
from hypothesis import strategies as st
from jdx.pipeline.catalog.diff import role_diff
from jdx.pipeline.catalog.jobposting import (
    employment_type,
    job_posting,
    job_posting_problems,
    salary_currency,
)
from jdx.pipeline.catalog.matching import (
    Candidate,
    Incoming,
    duty_similarity,
    match_keys,
    new_key,
    rename_rule,
)
from jdx.pipeline.keys import role_key
from jdx.schemas.role import Education, Experience, Qualifications, Salary

URL_RESERVED = set(":/?#[]@!$&'()*+,;=%\"<>\\^`{|}") | set(string.whitespace)


@pytest.mark.parametrize(("parts", "key"), [
    (("华邦集团", "营销部", "营销 经理"), "华邦集团.营销部.营销经理"),
    ((None, "财务部", "出纳"), "_.财务部.出纳"),
    (("松川公司", None, "高级 iOS 开发工程师"), "松川公司._.高级ios开发工程师"),
    (("ＡＢ公司", "营销部（华东）", "经理/副经理"), "ab公司.营销部华东.经理副经理"),
    ((None, None, ""), "_._._"),
])
def test_role_key(parts, key) -> None:
    assert role_key(*parts) == key


@given(st.text(), st.text(), st.text())
def test_every_key_is_a_url_path_segment_with_three_parts(org, dept, title) -> None:
    key = role_key(org, dept, title)
    assert len(key.split(".")) == 3
    assert not URL_RESERVED & set(key)
    assert "~" not in key and all(part for part in key.split("."))


def test_collision_rule_takes_the_first_free_number() -> None:
    assert new_key("a.b.c", set()) == "a.b.c"
    assert new_key("a.b.c", {"a.b.c"}) == "a.b.c~2"
    assert new_key("a.b.c", {"a.b.c", "a.b.c~2", "a.b.c~4"}) == "a.b.c~3"


def test_duty_similarity() -> None:
    reworded = ["负责现金收付及银行结算业务", "负责登记现金日记账、银行存款日记账", "负责保管库存现金与有价证券"]
    assert duty_similarity(CASHIER, CASHIER) == 1.0
    assert duty_similarity(CASHIER, list(reversed(CASHIER))) == 1.0  # order-free
    assert duty_similarity(CASHIER, reworded) > 0.7
    assert duty_similarity(CASHIER, ACCOUNTANT) < 0.4
    assert duty_similarity(CASHIER, CLERK) < 0.3
    assert duty_similarity([], CASHIER) == 0.0


def _candidate(key: str, base: str, duties: list[str], order: int) -> Candidate:
    return Candidate(key, base, (order,), lambda: duties)


def test_same_names_pair_in_document_order_before_any_rename() -> None:
    incoming = [Incoming(0, "x.财务部.出纳", tuple(CLERK)), Incoming(1, "x.财务部.出纳", tuple(CASHIER))]
    candidates = [_candidate("x.财务部.出纳", "x.财务部.出纳", CASHIER, 0), _candidate("x.财务部.出纳~2", "x.财务部.出纳", CLERK, 1)]
    # by name first, in order — even though duties would pair them the other way round
    assert match_keys(incoming, [candidates]) == {0: "x.财务部.出纳", 1: "x.财务部.出纳~2"}


def test_an_ambiguous_rename_gets_no_key() -> None:
    incoming = [Incoming(0, "x.y.课题1组组长", tuple(CASHIER))]
    twins = [_candidate("x.y.课题一组组长", "x.y.课题一组组长", CASHIER, 0),
             _candidate("x.y.课题二组组长", "x.y.课题二组组长", CASHIER, 1)]
    assert rename_rule(incoming, twins) == {}
    assert rename_rule(incoming, twins[:1]) == {0: "x.y.课题一组组长"}


def test_own_document_keys_are_tried_before_those_of_vanished_documents() -> None:
    incoming = [Incoming(0, "x.财务部.出纳", tuple(CASHIER))]
    own = [_candidate("x.财务部.现金出纳", "x.财务部.现金出纳", CASHIER, 0)]
    vanished = [_candidate("x.财务部.出纳", "x.财务部.出纳", CASHIER, 0)]
    assert match_keys(incoming, [own, vanished]) == {0: "x.财务部.现金出纳"}


def test_field_diff_ignores_where_values_were_read() -> None:
    before = json.loads(role("出纳", CASHIER).model_dump_json())
    after = json.loads(role("现金出纳", CASHIER, sha="1" * 64, index=0).model_dump_json())
    after["duties"][0]["span"]["block"] = 7  # same text, read elsewhere
    after["qualifications"]["education"] = {"level": "本科", "or_above": False, "text": "本科"}
    assert role_diff(before, after) == [
        {"field": "title", "before": "出纳", "after": "现金出纳"},
        {"field": "qualifications.education", "before": None, "after": {"level": "本科", "or_above": False,
                                                                           "text": "本科"}},
    ]


def test_job_posting_maps_the_contract_fields() -> None:
    r = role("销售代表", ["开拓华东市场客户", "完成月度销售指标"], organization="华邦集团",
             purpose="负责华东区域的产品销售", location=["上海", "杭州"], employment_type="全职（可实习）",
             salary=Salary(min=8000, max=12000, unit="month", months=14, text="8K-12K·14薪"),
             benefits=["五险一金", "带薪年假"], headcount=3,
             qualifications=Qualifications(education=Education(level="大专", or_above=True, text="大专及以上"),
                                           experience=Experience(years_min=2, text="两年以上销售经验"),
                                           skills=["沟通能力强"]))
    node = job_posting(json.loads(r.model_dump_json()), "华邦集团.财务部.销售代表", "2026-12-02")
    assert node["title"] == "销售代表"
    assert node["description"] == "<p>负责华东区域的产品销售</p><ul><li>开拓华东市场客户</li><li>完成月度销售指标</li></ul>"
    assert node["hiringOrganization"] == {"@type": "Organization", "name": "华邦集团"}
    assert node["baseSalary"] == {"@type": "MonetaryAmount", "currency": "CNY", "value": {
        "@type": "QuantitativeValue", "minValue": 8000, "maxValue": 12000, "unitText": "MONTH"}}
    assert [p["address"]["addressLocality"] for p in node["jobLocation"]] == ["上海", "杭州"]
    assert node["employmentType"] == "INTERN"  # the first word found wins: 实习 before 全职
    assert node["educationRequirements"] == {"@type": "EducationalOccupationalCredential",
                                             "description": "大专及以上", "credentialCategory": "associate degree"}
    assert node["experienceRequirements"]["monthsOfExperience"] == 24
    assert (node["totalJobOpenings"], node["jobBenefits"], node["skills"]) == (3, "五险一金\n带薪年假", "沟通能力强")
    assert job_posting_problems(node, json.loads(r.model_dump_json())) == []


def test_job_posting_description_falls_back_to_what_the_role_states() -> None:
    r = json.loads(role("前端工程师", [], qualifications=Qualifications(skills=["熟悉 Vue"])).model_dump_json())
    r["other_sections"] = [{"heading": "工作时间", "text": "双休", "span": None}]
    node = job_posting(r, "k", "2026-12-02")
    assert node["description"] == "<p>熟悉 Vue</p><p>工作时间：双休</p>"


def test_job_posting_problems() -> None:
    r = json.loads(role("", [], organization="华邦集团").model_dump_json())
    node = job_posting(r, "k", "2026-12-02")
    del node["hiringOrganization"]
    node["salary"] = 1
    assert job_posting_problems(node, r) == [
        "title is missing", "description is missing",
        "hiringOrganization is missing though the role names its organization", "not JobPosting properties: salary"]


@pytest.mark.parametrize(("text", "code"), [("8000-12000元/月", "CNY"), ("15K", "CNY"), ("$5,000/月", "USD"),
                                            ("港币20000", "HKD"), ("月薪 NT$40,000", "TWD")])
def test_salary_currency(text, code) -> None:
    assert salary_currency(text) == code


@pytest.mark.parametrize(("text", "value"), [("全职", "FULL_TIME"), ("兼职", "PART_TIME"), ("劳务派遣", "CONTRACTOR"),
                                             ("实习生", "INTERN"), ("合同制", "合同制"), (None, None)])
def test_employment_type(text, value) -> None:
    assert employment_type(text) == value
