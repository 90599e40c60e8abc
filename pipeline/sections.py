"""Sections within a role: every content piece gets the section of the heading above it.

Labels carry their own field and need no section; headings switch the section; a lead-in
(``以下是…职责:``) opens the section it names. Text before any heading falls in the role's
default section — duties for a ``XX岗位职责`` document, nothing for a ``XX岗位说明书``.
"""

from __future__ import annotations

import re

from .pieces import Kind, Piece
from .segment import RoleDraft

CATEGORY_MARKER = re.compile(r"职责[一二三四五六七八九十\d]{1,3}")

Tagged = list[tuple[str | None, Piece]]


def tag_sections(draft: RoleDraft, frequency_words: frozenset[str]) -> Tagged:
    tagged: Tagged = []
    section = draft.default_section
    for piece in draft.pieces:
        if piece.kind == Kind.HEADING:
            section = piece.key
        elif piece.kind == Kind.LEAD_IN and piece.key:
            section = piece.key
        elif piece.kind == Kind.TABLE:
            tagged.append(("kpis", piece))
            continue
        elif piece.kind == Kind.TEXT and piece.alone and CATEGORY_MARKER.fullmatch(piece.text.strip()):
            # "职责一" alone on a line: a duty table flattened one cell per line.
            section = "duties"
        elif (section is None and piece.kind == Kind.TEXT and piece.alone
              and piece.text.strip() in frequency_words):
            section = "duties"
        tagged.append((section, piece))
    return tagged
