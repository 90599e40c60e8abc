"""Shared paths and helpers for the test suite.

Tests that read ``../shared`` (the seeds, gold and corpus next to the repository) skip when
that folder is absent, as on a machine that only has the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "documents"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_dir(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available on this machine")
    return path


@pytest.fixture(scope="session")
def lexicon():
    from jdx.pipeline.lexicon import load_lexicon

    return load_lexicon()
