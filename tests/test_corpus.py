"""Every document of ../shared/corpus converts without a crash: a typed failure at worst.
Skipped when the corpus is not next to the repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED
from jdx.pipeline.convert import convert_path

CORPUS = SHARED / "corpus"
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name not in ("manifest.tsv", "NOTES.md")) \
    if CORPUS.exists() else []


@pytest.mark.skipif(not FILES, reason="../shared/corpus not available")
@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_corpus_file_converts_without_crashing(path: Path) -> None:
    result = convert_path(path)
    assert result.status in ("ok", "partial", "failed")
    if result.error is not None:
        assert result.error.code != "internal_error", result.error.message
    for role in result.roles:
        assert role.source.role_count == len(result.roles)
