"""Golden files: each bundled sample against its hand-checked expected JSON.

``samples/expected/<sample>.json`` were reviewed field by field against the documents (see
samples/README.md for what each sample exercises). Regenerate with ``JDX_UPDATE_GOLDEN=1
pytest tests/test_samples.py`` and review the diff before committing; the guard test below
fails while the flag is set, so a regenerated run can never pass in CI unnoticed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from jdx.pipeline.convert import convert_path
from jdx.schemas.role import ConvertResult

SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".docx", ".pdf", ".txt"))
UPDATE = bool(os.environ.get("JDX_UPDATE_GOLDEN"))


def expected_path(sample: Path) -> Path:
    return SAMPLES.parent / "expected" / f"{sample.name}.json"


def run(sample: Path) -> dict:
    result = convert_path(sample.relative_to(ROOT) if sample.is_relative_to(ROOT) else sample)
    return json.loads(result.model_dump_json())


def test_golden_update_flag_is_off() -> None:
    assert not UPDATE, "JDX_UPDATE_GOLDEN is set: review the regenerated golden files, then unset it"


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_sample_matches_its_golden_file(sample: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    actual = run(sample)
    path = expected_path(sample)
    if UPDATE:
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_sample_output_validates_and_is_complete(sample: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = ConvertResult.model_validate(run(sample))
    assert result.status == "ok" and result.roles
    for role in result.roles:
        assert role.title and role.duties and role.qualifications.education is not None
        assert role.coverage >= 0.85
        assert not any(w.code in ("no_title", "no_duties") for w in role.warnings)
