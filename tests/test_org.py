"""The organisation graph: names matched to roles, the tree, the consistency report, org.json/csv."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from jdx.pipeline.org import build_org, title_aliases, write_org

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
HR_HY = SHARED / "yangxiaoxin12__Hr_hy" / "static" / "file" / "3.docx"
NNZR = SHARED / "z305760276__nnzr" / "public" / "docs" / "附件：1.南宁中燃客户服务部管理组织架构及岗位职责.pdf"


def role(n: int, title: str, department: str | None = None, reports_to=(), direct_reports=(),
         organization: str | None = "华谊新材料", file: str = "a.docx", direct_positions: int | None = None) -> dict:
    return {
        "id": f"r{n:02d}", "title": title, "department": department, "organization": organization,
        "reporting": {"reports_to": list(reports_to), "direct_reports": list(direct_reports),
                      "supervision": {"direct_positions": direct_positions}},
        "source": {"file": file},
    }


def tree_ids(org) -> list[str]:
    out: list[str] = []

    def walk(node: str) -> None:
        out.append(node)
        for child in org.children.get(node, []):
            walk(child)

    for root in org.roots:
        walk(root)
    return out


def parents(report) -> dict[str, str | None]:
    return {r.id: r.parent for o in report.organisations for r in o.roles}


def test_department_relative_names_find_their_role() -> None:
    roles = [
        role(0, "人力资源部经理", "人力资源部"), role(1, "招聘管理", "人力资源部", ["经理"]),
        role(2, "经理", "财务部"), role(3, "出纳", "财务部", ["经理"]),
        role(4, "丙烯酸装置主任", "丙烯酸装置", ["生产管理部经理"]), role(5, "内操", "丙烯酸装置", ["装置主任"]),
        role(6, "经理", "生产管理部"), role(7, "副经理", "安全环保部", ["经理"]),
        role(8, "安环部经理", "安全环保部"), role(9, "质检中心设备技术员", "安全环保部"),
        role(10, "班长", "安全环保部", ["设备技术员"]), role(11, "设备技术员", "生产管理部"),
    ]
    got = parents(build_org(roles))
    assert got["r01"] == "r00"  # 经理 in 人力资源部 → 人力资源部经理 (department + name)
    assert got["r03"] == "r02"  # 经理 in 财务部 → that department's 经理, not 生产管理部's
    assert got["r05"] == "r04"  # 装置主任 in 丙烯酸装置 → 丙烯酸装置主任 (part of the department's name)
    assert got["r04"] == "r06"  # 生产管理部经理 → the 经理 of 生产管理部
    assert got["r07"] == "r08"  # 经理 in 安全环保部 → 安环部经理 (a qualifier), never the 副经理 itself
    assert got["r10"] == "r09"  # 设备技术员 in 安全环保部 → its own 质检中心设备技术员 first


def test_a_deputy_is_not_the_post_it_deputises() -> None:
    report = build_org([role(0, "副经理", "财务部"), role(1, "出纳", "财务部", ["经理"])])
    assert parents(report)["r01"] != "r00"
    assert [p.kind for p in report.problems("dangling")] == ["dangling"]


def test_parenthesised_post_name_is_an_alias() -> None:
    assert "服务站站长" in title_aliases("客户服务管理岗（服务站站长）")
    assert title_aliases("稽查员(安全稽查员、安全管理员)") == {"稽查员安全稽查员安全管理员"}  # a list, no alias
    report = build_org([role(0, "客户服务管理岗（服务站站长）"), role(1, "网格员", reports_to=["服务站站长"])])
    assert parents(report)["r01"] == "r00"


def test_consistency_report_kinds() -> None:
    roles = [
        role(0, "所长", "研究所", ["总经理"]),  # dangling: no 总经理 in the batch
        role(1, "分析组副组长", "研究所", ["分析组副组长"]),  # its own superior: a cycle
        role(2, "分析组组长", "研究所", ["所长"], ["分析组副组长"]),  # claims r01: its tree parent
        role(3, "甲", "研究所", ["乙"]), role(4, "乙", "研究所", ["甲"]),  # a two-role cycle
        role(5, "实验员", "研究所", ["研发技术员"]), role(6, "研发技术员", "研究所", ["所长"], ["实验员"]),
        role(7, "中试技术员", "研究所", ["所长"], ["实验员"]),  # conflict: 实验员 names 研发技术员
        role(8, "经理", "财务部", direct_positions=3), role(9, "经理", "技术部"),
        role(10, "主任", "发展部", ["经理"]),  # ambiguous: two 经理, neither in 发展部
        role(11, "顾问"),  # names no superior and nobody claims it
    ]
    report = build_org(roles)
    by_kind = {kind: report.problems(kind) for kind in
               ("dangling", "ambiguous", "cycle", "conflict", "no_superior", "supervision")}
    assert [(p.role_ids, p.name) for p in by_kind["dangling"]] == [(["r00"], "总经理")]
    assert [(p.role_ids, p.candidates) for p in by_kind["ambiguous"]] == [(["r10"], ["r08", "r09"])]
    assert sorted(sorted(p.role_ids) for p in by_kind["cycle"]) == [["r01"], ["r03", "r04"]]
    assert [(p.role_ids, p.other) for p in by_kind["conflict"]] == [(["r07", "r05"], "r06")]
    assert by_kind["no_superior"][0].role_ids == ["r08", "r09", "r11"]
    assert [(p.role_ids, p.detail) for p in by_kind["supervision"]] == [(["r08"], "3 ≠ 0")]
    org = report.organisations[0]
    ids = tree_ids(org)
    assert sorted(i for i in ids if i.startswith("r")) == sorted(r["id"] for r in roles)  # every role once
    assert len(ids) == len(set(ids))
    assert {p.name: p.reason for p in org.placeholders} == {"总经理": "dangling", "经理": "ambiguous"}
    got = parents(report)
    assert got["r05"] == "r06" and got["r01"] == "r02"  # r01 is cut from its self-loop, r02 claims it


def test_roles_without_organisation_are_grouped_by_file() -> None:
    roles = [role(0, "总经理", organization=None, file="a.docx"),
             role(1, "秘书", organization=None, file="b.docx", reports_to=["总经理"])]
    report = build_org(roles)
    assert len(report.organisations) == 2
    assert [p.name for p in report.problems("dangling")] == ["总经理"]  # b.docx cannot borrow a.docx's


def test_org_files(tmp_path: Path) -> None:
    roles = [role(0, "人力资源部经理", "人力资源部", ["总经理"]), role(1, "培训管理", "人力资源部", ["经理"])]
    (tmp_path / "roles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in roles),
                                          encoding="utf-8")
    json_path, csv_path = write_org(tmp_path)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["organisations"][0]["name"] == "华谊新材料"
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["role_id"], r["superior_id"], r["superior_name"], r["via"]) for r in rows] == [
        ("r00", "", "总经理", "unmatched"), ("r01", "r00", "经理", "reports_to")]
    assert rows[1]["role_key"] == "华谊新材料/人力资源部/培训管理"
    assert rows[1]["superior_key"] == "华谊新材料/人力资源部/人力资源部经理"


def _corpus_roles(path: Path) -> list[dict]:
    if not path.exists():
        if os.environ.get("JDX_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is missing and JDX_REQUIRE_SHARED=1")
        pytest.skip("../shared/corpus is not here")
    from jdx.pipeline.convert import convert_path

    result = convert_path(path)
    return [r.model_dump(mode="json") for r in result.roles]


@pytest.mark.parametrize("path", [HR_HY, NNZR], ids=["Hr_hy-139", "nnzr-27"])
def test_corpus_compilations_every_role_once(path: Path) -> None:
    roles = _corpus_roles(path)
    report = build_org(roles)
    assert len(report.organisations) == 1
    org = report.organisations[0]
    ids = [i for i in tree_ids(org) if not i.startswith(org.id + "-p")]
    assert sorted(ids) == sorted(r["id"] for r in roles) and len(ids) == len(set(ids))
    if path == HR_HY:
        assert len(roles) == 139
        dangling = {p.name for p in report.problems("dangling")}
        # Read in the document: these superiors head no form of the compilation.
        assert {"公司分管领导", "总经理", "党委书记", "财务总监", "纪委书记"} <= dangling
        by_id = {r["id"]: r["title"] for r in roles}
        cycles = [[by_id[i] for i in p.role_ids] for p in report.problems("cycle")]
        assert ["分析综合组副组长"] in cycles  # its form names itself as 直接上级
    else:
        assert len(roles) == 27
        assert not report.problems("cycle")
