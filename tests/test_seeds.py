"""The five seed documents from ../shared: valid output, no boilerplate roles, nothing lost,
and the shared scorer's figures above the bar set for the project. Skipped when ../shared is
not next to the repository."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import lost_characters, shared_dir
from jdx.pipeline.convert import convert_path
from jdx.schemas.role import ConvertResult

BOILERPLATE_WORDS = ("下载", "文档", "侵权", "VIP", "评论", "本站", "仅供参考")


def seeds() -> list[Path]:
    return sorted(shared_dir("seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def results() -> dict[str, ConvertResult]:
    return {p.name: convert_path(p) for p in seeds()}


def test_seed_outputs_validate_and_make_no_boilerplate_roles(results) -> None:
    for name, result in results.items():
        ConvertResult.model_validate_json(result.model_dump_json())
        assert result.status in ("ok", "partial") and result.roles, name
        for role in result.roles:
            assert role.title and not any(w in role.title for w in BOILERPLATE_WORDS), (name, role.title)


def test_no_site_boilerplate_leaks_into_role_text(results) -> None:
    for name, result in results.items():
        for role in result.roles:
            texts = [d.text for d in role.duties] + [u.text for u in role.unmapped]
            for text in texts:
                assert "下载文档前请自行甄别" not in text and "原创力文档" not in text, (name, text)


def test_scorer_figures(tmp_path: Path, results) -> None:
    scorer = shared_dir("tools", "score.py")
    for name, result in results.items():
        (tmp_path / f"{name}.json").write_text(result.model_dump_json(), encoding="utf-8")
    report = tmp_path / "report.json"
    subprocess.run([sys.executable, str(scorer), str(shared_dir("gold")), str(tmp_path), "--json", str(report)],
                   check=True, capture_output=True)
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert figures["roles"]["f1"] == 1.0
    assert figures["overall"]["f1"] >= 0.969  # the figure before the core was reshaped (issue 7)
    for name, floor in SEED_FIELD_FLOORS.items():
        assert figures["files"][name]["fields"]["f"] >= floor, (name, figures["files"][name]["misses"])


# Field F1 per seed as measured on 2026-12-02 (0.994, 0.953, 0.991, 0.994, 0.976) minus 0.01:
# a change that costs one seed more than that fails here even when the total holds.
SEED_FIELD_FLOORS = {
    "000_d216c4d5e24a8c42.txt": 0.984,
    "001_ef6c7dffdb5f0b76.txt": 0.947,
    "002_9909b16a23535c37.txt": 0.981,
    "003_b07b886979fda708.txt": 0.990,
    "004_d5faa52017648b83.txt": 0.965,
}


def test_nothing_from_a_seed_body_is_lost(results, lexicon) -> None:
    """Every Chinese character of the normalised body is in a field, other_sections, unmapped
    or unassigned, apart from label/heading words and furniture."""
    for path in seeds():
        missing, total = lost_characters(path.read_bytes(), results[path.name], lexicon, path.name)
        assert sum(missing.values()) <= 0.01 * total, (path.name, missing.most_common(10))
