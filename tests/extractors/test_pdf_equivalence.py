"""The PDFium reader gives the blocks the pdfplumber reader gave, on every PDF we have.

The old reader is loaded from git history (``benchmarks/pdf_reference.py``); the two must
agree on every block's kind, page, text, style and table grid, and on the furniture, for the
committed fixtures, the sample PDF and every PDF of the shared corpus. A difference that is a
fix goes into ``FIXES`` with the reason, never silently.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from jdx.extractors.limits import Limits
from jdx.extractors.pdf import read_pdf
from jdx.schemas.document import Document

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))
from pdf_reference import ReferenceUnavailable, reference_reader  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
READABLE_FIXTURES = ["quality_engineer.pdf", "short_role.pdf", "encrypted_owner_only.pdf", "mixed_cid.pdf"]
LIMITS = Limits()

# (file name, block index) -> why the new reader's block is right where the old one's was not.
FIXES: dict[tuple[str, int], str] = {}


def corpus_pdfs() -> list[Path]:
    corpus = SHARED / "corpus"
    return sorted(corpus.rglob("*.pdf")) if corpus.is_dir() else []


def outline(doc: Document) -> list[tuple]:
    def block(b) -> tuple:
        if b.table is not None:
            cells = tuple((c.row, c.col, c.rowspan, c.colspan, c.text) for c in b.table.cells)
            return ("table", b.page, b.table.n_rows, b.table.n_cols, cells)
        return (b.kind.value, b.page, b.text, b.style)

    return [block(b) for b in doc.blocks] + [("furniture", *block(b)) for b in doc.furniture]


def old_reader():
    try:
        return reference_reader()
    except ReferenceUnavailable as exc:
        pytest.skip(str(exc))


def compare(path: Path) -> None:
    data = path.read_bytes()
    old, new = outline(old_reader()(data, LIMITS)), outline(read_pdf(data, LIMITS))
    for i, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b and (path.name, i) not in FIXES:
            pytest.fail(f"{path.name} block {i} differs:\nold {a!r}\nnew {b!r}")
    assert len(old) == len(new)


@pytest.mark.parametrize("name", READABLE_FIXTURES)
def test_fixture_blocks_are_unchanged(name: str):
    compare(FIXTURES / name)


@pytest.mark.parametrize("path", sorted((ROOT / "samples" / "documents").glob("*.pdf")), ids=lambda p: p.name)
def test_sample_blocks_are_unchanged(path: Path):
    compare(path)


def test_corpus_blocks_are_unchanged():
    paths = corpus_pdfs()
    if not paths:
        if os.environ.get("JDX_REQUIRE_SHARED") == "1":
            pytest.fail("JDX_REQUIRE_SHARED=1 but ../shared/corpus holds no PDF")
        pytest.skip("the shared corpus is not next to the repository")
    for path in paths:
        compare(path)
