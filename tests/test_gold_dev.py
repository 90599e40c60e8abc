"""Extraction quality on ../shared/gold-dev (postings, role cards and leaflets from the corpus,
labelled by hand) and on our own families' holdout set, measured by the shared scorer.

Floors sit at the figures measured on 2026-12-03 (stop 22) minus 0.01 (gold-dev: roles 1.000,
fields 0.985; families holdout: roles 0.978, fields 0.951): a change that costs a family more
than that fails here, whatever the seeds say."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, shared_dir
from jdx.pipeline.evaluate import score_gold_dir


def test_gold_dev_figures(tmp_path: Path) -> None:
    fields, roles = score_gold_dir(shared_dir("gold-dev"), shared_dir("tools", "score.py"), tmp_path)
    assert roles.prf()[2] >= 0.990
    assert fields.prf()[2] >= 0.977  # measured 0.987 (stop 23); the floor sits 0.01 below


def test_families_holdout_figures(tmp_path: Path) -> None:
    """The holdout is scored only in aggregate (its documents are not tuned to one by one)."""
    fields, roles = score_gold_dir(ROOT / "tests" / "families" / "holdout" / "gold", shared_dir("tools", "score.py"),
                                   tmp_path)
    assert roles.prf()[2] >= 0.990  # measured 1.000 (stop 25; 0.978 at its start)
    assert fields.prf()[2] >= 0.956  # measured 0.966 (stop 25; 0.963 at its start)
