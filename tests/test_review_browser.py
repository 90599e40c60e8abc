"""The review site in a real browser (headless Chromium from @sparticuz/chromium, driven by
puppeteer-core): counts, filters, span highlighting, the organisation tree, no network.

Screenshots of the batch page, a role page and the org chart are saved to ``test-artefacts/``
(or ``$JDX_ARTEFACTS``)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, SHARED
from jdx.extractors.errors import ErrorCode
from jdx.pipeline.batch import ManifestEntry
from jdx.schemas.role import ErrorInfo
from review_support import ARTEFACTS, make_batch_output, require_browser, require_shared, run_browser

REVIEW = {"会计": ["pooled_duties"], "门市店长": ["low_coverage", "ocr_doubt"]}
HR_HY_FORM = SHARED / "corpus" / "yangxiaoxin12__Hr_hy" / "static" / "file" / "0.docx"


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> tuple[Path, list[dict], dict]:
    require_browser()
    from jdx.pipeline.review_site import ReviewSite

    out = tmp_path_factory.mktemp("review") / "out"
    files = sorted(p.name for p in SAMPLES.iterdir() if p.is_file())
    junk = ManifestEntry(path="Thumbs.db", status="skipped", reason=ErrorInfo(code="os_junk", message="junk"))
    broken = ManifestEntry(path="损坏.docx", sha256="0" * 64, size=10, status="failed",
                           error=ErrorInfo(code=ErrorCode.CORRUPT_FILE.value, message="truncated"))
    roles = make_batch_output(SAMPLES, out, files, REVIEW, [junk, broken])
    ReviewSite(out).write()
    artefacts = ARTEFACTS / "review"
    job = {"site": str(out / "review"), "artefacts": str(artefacts), "batch": True, "roles": "all", "org": {},
           "screenshots": True, "screenshotRole": 0, "search": ["经理", "主管"], "keys": True}
    report = run_browser(job, out)
    return out, roles, report


def test_no_request_leaves_the_page_and_no_script_error(sample_site) -> None:
    _, _, report = sample_site
    assert report["external"] == []
    assert report["errors"] == []


def test_screenshots_saved(sample_site) -> None:
    for name in ("batch.png", "role.png", "org.png"):
        path = ARTEFACTS / "review" / name
        assert path.exists() and path.stat().st_size > 10_000, path


def test_batch_page_counts_match_summary_json(sample_site) -> None:
    out, roles, report = sample_site
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    counts = report["batch"]["dom"]["counts"]
    assert counts["files"] == summary["files"] == 8
    assert counts["roles"] == summary["roles"] == len(roles) == 8
    assert {s: counts[s] for s in ("ok", "partial", "failed", "skipped")} == summary["by_status"]
    assert counts["review"] == len(REVIEW) == 2
    assert report["batch"]["dom"]["countCheck"] == "与 summary.json 一致。"
    matrix = dict(report["batch"]["dom"]["matrix"])
    assert matrix == {"ok": 6, "partial": 0, "failed": 1, "skipped": 1}


def test_roles_needing_review_come_first_with_their_reasons(sample_site) -> None:
    _, roles, report = sample_site
    first = report["batch"]["dom"]["firstRows"]
    needing = [r for r in roles if r["review"]["needed"]]
    assert [row["id"] for row in first[: len(needing)]] == [r["id"] for r in needing]
    assert all(row["review"] for row in first[: len(needing)]) and not first[len(needing)]["review"]
    assert first[0]["reasons"] == "职责过多，可能多个岗位连在一起"
    assert report["batch"]["dom"]["reviewOnly"] == len(needing)


def test_filters_and_search_change_the_list(sample_site) -> None:
    _, roles, report = sample_site
    dom = report["batch"]["dom"]
    assert dom["rows"] == dom["matches"] == len(roles)
    fields = {"f-org": lambda r: [r["organization"]], "f-dept": lambda r: [r["department"]],
              "f-format": lambda r: [r["source"]["format"]],
              "f-warning": lambda r: [w["code"] for w in r["warnings"]] + r["review"]["reasons"]}
    for select, pick in fields.items():
        options = dom["filters"][select]
        assert options, select
        for option in options:
            expected = {r["id"] for r in roles if option["value"] in pick(r)}
            assert set(option["ids"]) == expected and option["matches"] == len(expected), (select, option["value"])
            assert option["matches"] < len(roles) or len(options) == 1
    assert sorted(dom["search"]["经理"]) == sorted(r["title"] for r in roles if "经理" in r["title"])
    assert sorted(dom["search"]["主管"]) == sorted(r["title"] for r in roles if "主管" in r["title"])


def _python_spans(out: Path, roles: list[dict]) -> dict[str, dict[str, tuple[str | None, str]]]:
    """Per role, per value path: the text its span covers in the normalised Document, and the
    comparison's verdict, computed in Python."""
    from jdx.pipeline.lexicon import load_lexicon
    from jdx.pipeline.review_site.source import load_source, span_text
    from jdx.pipeline.review_site.values import review_values, with_status

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    in_dir = Path(summary["in_dir"])
    lexicon = load_lexicon()
    expected = {}
    for role in roles:
        doc = load_source(in_dir / role["source"]["file"], role["source"]["sha256"], lexicon)
        values = with_status(review_values(role), lambda span, doc=doc: span_text(doc, span))
        expected[role["id"]] = {v.path: (span_text(doc, v.span) if v.span else None, v.status) for v in values}
    return expected


def test_clicking_a_value_highlights_its_source_text(sample_site) -> None:
    out, roles, report = sample_site
    expected = _python_spans(out, roles)
    statuses: Counter[str] = Counter()
    for role in roles:
        page = report["roles"][role["id"]]
        assert page["checked"], role["title"]
        for value in page["checked"]:
            source, status = expected[role["id"]][value["path"]]
            assert value["highlighted"] == source, (role["title"], value["path"])  # the DOM shows the span's text
            assert value["activeOk"] and value["inView"], (role["title"], value["path"])
            if value["group"] in ("unmapped", "evidence") or not value["text"]:
                continue
            assert value["status"] == status, (role["title"], value["path"])  # browser and Python agree
            statuses[value["status"]] += 1
    # Every sample value is found in the source text it highlights; spans that cover more than
    # their value (a whole cell for one of its items, a closing 。) are "inside".
    assert set(statuses) <= {"exact", "inside"} and statuses["exact"] > 100


def test_role_page_renders_the_document_model(sample_site) -> None:
    _, roles, report = sample_site
    by_title = {r["title"]: report["roles"][r["id"]] for r in roles}
    assert by_title["仓储主管"]["tables"] == 1 and by_title["仓储主管"]["merged"] > 0  # a form with merged cells
    assert by_title["销售区域经理"]["pages"] == ["第 1 页", "第 2 页"]  # the PDF's page numbers
    assert by_title["质量检验员"]["labels"] > 0  # Word's automatic numbering labels beside their items
    assert "需要审核：职责过多，可能多个岗位连在一起" in by_title["会计"]["alerts"]
    assert "提示：栏目无内容（直接下级）" in by_title["会计"]["alerts"]


def test_keys_move_to_the_next_role_needing_review(sample_site) -> None:
    _, roles, report = sample_site
    needing = [r["id"] for r in roles if r["review"]["needed"]]
    first = report["roles"][needing[0]]
    assert first["nav"] == {"next": True, "prev": False}
    assert first["keyNext"] == needing[1]


def test_org_tree_shows_every_role_once_and_expands(sample_site) -> None:
    _, roles, report = sample_site
    org = report["org"]
    assert org["organisations"] == 6
    shown = [i for i in org["expanded"] if "-p" not in i.split("-", 1)[-1][:2]]
    role_ids = [i for i in org["expanded"] if i in {r["id"] for r in roles}]
    assert len(role_ids) == len(set(role_ids)) == 3 and len(shown) >= 3  # the 山东鲁信 compilation
    assert len(org["afterCollapse"]) < len(org["expanded"]) and org["afterExpand"] == org["expanded"]
    assert org["zoomed"] and org["clickedTo"].endswith(".html")
    assert org["report"][0]["kind"] == "dangling" and "财务总监" in org["report"][0]["items"][0]


def test_real_form_document_highlights(tmp_path: Path) -> None:
    """A real 岗位说明书 form (one big table, merged cells): every highlight is the span's text."""
    require_browser()
    form = require_shared(HR_HY_FORM)
    from jdx.pipeline.review_site import ReviewSite

    out = tmp_path / "out"
    roles = make_batch_output(form.parent, out, [form.name])
    ReviewSite(out).write()
    report = run_browser({"site": str(out / "review"), "artefacts": str(tmp_path / "art"), "roles": "all"}, tmp_path)
    expected = _python_spans(out, roles)
    assert report["external"] == [] and report["errors"] == []
    page = report["roles"][roles[0]["id"]]
    assert page["merged"] > 0 and len(page["checked"]) > 20
    for value in page["checked"]:
        assert value["highlighted"] == (expected[roles[0]["id"]][value["path"]][0] or ""), value["path"]


def test_artefacts_folder_is_ignored_by_git() -> None:
    assert "/test-artefacts/" in (ROOT / ".gitignore").read_text(encoding="utf-8")
