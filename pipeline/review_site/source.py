"""The source document a role's spans point into, read again the way conversion read it.

Spans are offsets into the *normalised* Document (``jdx blocks FILE``), so the file listed in
``manifest.jsonl`` is read with the same reader options (the file name as a hint) and passed
through :func:`~jdx.pipeline.normalize.normalize_document` with the same lexicon. Its bytes are
checked against the role's ``source.sha256``: a file changed since the batch would put every
highlight in the wrong place, so it is refused rather than shown.

:func:`document_json` is the compact form the role page's script renders; :func:`span_text`
is the text a span covers, which the page highlights.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ...schemas.document import Block, BlockKind, Document

KIND_CODES = {BlockKind.PARAGRAPH: "p", BlockKind.HEADING: "h", BlockKind.LIST_ITEM: "l", BlockKind.TABLE: "t"}


class SourceProblem(BaseModel):
    """Why a role page shows no document: ``missing``, ``changed`` or ``unreadable``."""

    code: str
    message: str


def load_source(path: Path, sha256: str | None, lexicon: Any) -> Document | SourceProblem:
    """The normalised Document of ``path``, or why there is none."""
    from ...extractors import DEFAULT_LIMITS, DocumentError, ReadOptions, read_document
    from ..normalize import normalize_document

    try:
        data = path.read_bytes()
    except OSError as exc:
        return SourceProblem(code="missing", message=f"{path}: {exc.strerror or exc}")
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        return SourceProblem(code="changed", message=f"{path} has changed since the batch read it")
    try:
        doc = read_document(data, DEFAULT_LIMITS, ReadOptions(filename=path.name))
        return normalize_document(doc, lexicon)
    except DocumentError as exc:
        return SourceProblem(code="unreadable", message=f"{exc.code}: {exc.message}")
    except Exception as exc:  # a reader bug must not stop the site being written
        return SourceProblem(code="unreadable", message=f"{type(exc).__name__}: {exc}")


def span_text(doc: Document, span: dict) -> str | None:
    """The source text a span covers, or None when it points outside the document."""
    index = span.get("block")
    if not isinstance(index, int) or not 0 <= index < len(doc.blocks):
        return None
    block = doc.blocks[index]
    text = block.text
    if span.get("row") is not None and block.table is not None:
        cell = next((c for c in block.table.cells if c.row == span["row"] and c.col == span.get("col")), None)
        if cell is None:
            return None
        text = cell.text
    start, end = span.get("start", 0), span.get("end", 0)
    if not 0 <= start <= end <= len(text):
        return None
    return text[start:end]


def _block_json(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"k": KIND_CODES.get(block.kind, "p")}
    if block.text:
        out["t"] = block.text
    if block.label:
        out["l"] = block.label
    if block.level is not None:
        out["v"] = block.level
    if block.page is not None:
        out["p"] = block.page
    if block.style:
        out["s"] = block.style
    if block.container is not None:
        out["c"] = list(block.container)
    if block.table is not None:
        out["g"] = {"r": block.table.n_rows, "c": block.table.n_cols,
                    "x": [[c.row, c.col, c.rowspan, c.colspan, c.text] for c in block.table.cells]}
    return out


def document_json(doc: Document) -> dict[str, Any]:
    """The Document as the role page's script reads it: blocks by index, short keys."""
    return {"format": doc.format, "pages": doc.pages, "blocks": [_block_json(b) for b in doc.blocks]}
