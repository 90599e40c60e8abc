"""Answers kept for the process: what depends on a short text and the lexicon alone.

Forms repeat their texts — a 139-role compilation has 767 distinct cell texts in ~12,000,
and one-role cards of one template share their labels and headings — so a text's display
form, matching form and first scan are computed once per lexicon and process, not once per
document. Each kind of answer is kept per lexicon (the lexicon is held, so that its id names
no other), for texts up to :data:`REMEMBERED_LENGTH` characters and at most
:data:`REMEMBERED_TEXTS` texts, then forgotten all at once: a bound on memory (~40M
characters a kind), not a policy.
"""

from __future__ import annotations

from typing import Any

REMEMBERED_TEXTS = 20_000
REMEMBERED_LENGTH = 2_000
_MAX_TABLES = 16  # (kind, lexicon) pairs; more means lexicons come and go (tests): start afresh

_kept: dict[tuple[str, int], tuple[object, dict[str, Any]]] = {}


def remembered(kind: str, lexicon: object) -> dict[str, Any]:
    """The answers of ``kind`` (a name such as ``"scan"``) under ``lexicon`` so far, text by text
    (``lexicon`` None: answers that depend on the text alone). The caller stores only texts of
    at most :data:`REMEMBERED_LENGTH` characters."""
    key = (kind, id(lexicon))
    entry = _kept.get(key)
    if entry is None or len(entry[1]) >= REMEMBERED_TEXTS:
        if entry is None and len(_kept) >= _MAX_TABLES:
            _kept.clear()
        entry = _kept[key] = (lexicon, {})
    return entry[1]
