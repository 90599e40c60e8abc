"""The review site without a browser: what is written, what is rendered on demand, the value list
and the comparison of values with their source text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jdx.pipeline.cli import app
from jdx.pipeline.review_site.site import ASSETS, ReviewSite, _json_script
from jdx.pipeline.review_site.values import comparable, review_values, span_status
from review_support import make_batch_output
from typer.testing import CliRunner

TEXT = """华南精工机械有限公司
岗位名称：仓管员
所属部门：物流部
直接上级：物流部经理
岗位职责：
1、负责原材料入库验收；
2、负责月度盘点。
任职资格：
学历：高中及以上
技能要求：熟练使用ERP系统、会开叉车
"""


@pytest.fixture
def batch(tmp_path: Path) -> tuple[Path, Path, list[dict]]:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    (in_dir / "仓管员.txt").write_text(TEXT, encoding="utf-8")
    roles = make_batch_output(in_dir, out, ["仓管员.txt"], {"仓管员": ["no_title"]})
    return in_dir, out, roles


def test_comparable_follows_the_contract() -> None:
    assert comparable("１、负责盘点。") == "负责盘点"  # label, full-width digit, closing 。
    assert comparable(" 熟练使用 ERP 系统； ") == "熟练使用ERP系统"
    assert comparable("（2）组织验收") == "组织验收"
    assert comparable("1.5年以上") == "1.5年以上"  # a number is no label
    assert span_status("负责盘点", "2、负责盘点。") == "exact"
    assert span_status("叉车司机", "仓管员、叉车司机") == "inside"
    assert span_status("财务经理", "总经理") == "differs"
    assert span_status("x", None) == "invalid"  # the span points outside the document


def test_every_value_and_every_evidence_key_is_listed(batch) -> None:
    _, _, roles = batch
    role = roles[0]
    values = review_values(role)
    paths = [v.path for v in values]
    assert paths[:2] == ["title", "organization"] or "title" in paths
    assert {"duties[0]", "duties[1]", "reporting.reports_to[0]"} <= set(paths)
    evidence_paths = set(role["evidence"])
    covered = {p for p in paths} | {re.sub(r"\[\d+\]$", "", p) for p in paths}
    assert evidence_paths <= covered
    skills = [v for v in values if v.path.startswith("qualifications.skills")]
    assert [v.text for v in skills] == role["qualifications"]["skills"]
    assert all(v.span for v in skills)  # a whole-list span stands for each of its items


def test_site_files_and_pages(batch) -> None:
    _, out, roles = batch
    written = ReviewSite(out).write()
    site = out / "review"
    names = {p.relative_to(site).as_posix() for p in written}
    assert {"index.html", "org.html", f"roles/{roles[0]['id']}.html",
            f"docs/{roles[0]['source']['sha256'][:16]}.js"} | {f"assets/{a}" for a in ASSETS} == names
    page = (site / "roles" / f"{roles[0]['id']}.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "../docs/" in page
    data = json.loads(re.search(r'<script type="application/json" id="jdx-data">(.*?)</script>', page, re.S).group(1))
    assert data["reasons"] == ["未找到岗位名称"] and data["nav"]["review_total"] == 1
    assert all(v["status"] in ("exact", "inside", "none") for v in data["values"])


def test_no_asset_reaches_the_network() -> None:
    from importlib import resources

    folder = resources.files("jdx.pipeline.review_site").joinpath("assets")
    for item in folder.iterdir():
        text = item.read_text(encoding="utf-8")
        urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.\w+[^\s\"')]*", text))
        assert urls <= {"http://www.w3.org/2000/svg"}, (item.name, urls)


def test_render_serves_each_path_on_demand(batch) -> None:
    _, out, roles = batch
    site = ReviewSite(out)
    body, kind = site.render("index.html")
    assert kind.startswith("text/html") and "岗位说明书批次审核".encode() in body
    assert site.render("/")[0] == body
    assert site.render(f"roles/{roles[0]['id']}.html")[1].startswith("text/html")
    assert site.render(f"docs/{roles[0]['source']['sha256'][:16]}.js")[0].startswith(b"window.JDX_DOC=")
    assert site.render("assets/role.js")[1].startswith("text/javascript")
    assert site.render("org.html") is not None
    for missing in ("roles/nope.html", "docs/0000000000000000.js", "../summary.json", "assets/x.js"):
        assert site.render(missing) is None


def test_a_changed_source_file_is_not_shown(batch) -> None:
    in_dir, out, roles = batch
    (in_dir / "仓管员.txt").write_text(TEXT.replace("仓管员", "仓库管理员"), encoding="utf-8")
    ReviewSite(out).write()
    page = (out / "review" / "roles" / f"{roles[0]['id']}.html").read_text(encoding="utf-8")
    assert "../docs/" not in page and '"code":"changed"' in page


def test_json_in_a_page_cannot_close_its_script() -> None:
    text = _json_script({"title": "</script><script>alert(1)</script>"})
    assert "</" not in text and json.loads(text)["title"].startswith("</script>")


def test_cli_review(batch) -> None:
    _, out, roles = batch
    result = CliRunner().invoke(app, ["review", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "review" / "index.html").exists() and (out / "org.json").exists() and (out / "org.csv").exists()
    assert CliRunner().invoke(app, ["review", str(out / "nothing")]).exit_code == 2
