"""Every document of ../shared/corpus converts without a crash: a typed failure at worst; its
values (pay, purpose, requirements, duties, places …) are the document's own text; no unflagged
role pools more than 40 duties; the corpus's notes, manifest and regulation give no role.
Skipped when the corpus is not next to the repository (failed under CI)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED, shared_dir
from jdx.extractors import ReadOptions, read_document
from jdx.pipeline.convert import convert_path
from jdx.pipeline.lexicon import load_lexicon
from jdx.pipeline.normalize import normalize_document
from jdx.pipeline.review import MAX_DUTIES

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
        # a pooled role (a missed boundary) may pass only with its review flag up
        assert len(role.duties) <= MAX_DUTIES or "pooled_duties" in role.review.reasons, role.title
    values = [v for r in result.roles for v in _written_values(r)]
    if values:
        text = _document_text(path)
        for field, value in values:
            # values as written: every part of a value (pay joins its parts with ；, other text
            # fields with the line break they had) is in the document
            for part in re.split("[；\n]", value):
                assert SPACE.sub("", part) in text, (role_titles(result), field, part)


def _written_values(role) -> list[tuple[str, str]]:
    """The role's values that must be the document's own text (a title may come from the file
    name, and is left out)."""
    q = role.qualifications
    out = [(f, getattr(role, f)) for f in ("compensation", "purpose", "work_conditions", "department",
                                           "organization") if getattr(role, f)]
    out += [(f, o.text) for f in ("education", "experience", "age") if (o := getattr(q, f)) is not None and o.text]
    out += [(f, v) for f in ("skills", "qualities", "knowledge", "certifications", "training", "special",
                             "preferred", "majors") for v in getattr(q, f)]
    out += [("duties", d.text) for d in role.duties]
    out += [("benefits", v) for v in role.benefits] + [("location", v) for v in role.location]
    return out


SPACE = re.compile(r"\s+")


def role_titles(result) -> list[str]:
    return [r.title for r in result.roles]


def _document_text(path: Path) -> str:
    """All of the document's text as the reader gave it (Simplified, as the values are), spaces out;
    the furniture too (a running header or a page's title may name the organization)."""
    doc = normalize_document(read_document(path.read_bytes(), options=ReadOptions(filename=path.name)), load_lexicon())
    parts = [b.text for b in [*doc.blocks, *doc.furniture] if b.text]
    parts += [c.text for b in doc.blocks if b.table for c in b.table.cells]
    return SPACE.sub("", "\n".join(parts))


@pytest.mark.parametrize("name", ["NOTES.md", "manifest.tsv", "z305760276__nnzr/public/docs/附件：2.南宁中燃客户服务部管理制度.docx"])
def test_notes_manifest_and_regulation_give_no_role(name: str) -> None:
    result = convert_path(shared_dir("corpus", *name.split("/")))
    assert result.roles == []
    assert any(w.code == "not_a_job_description" for w in result.warnings)
