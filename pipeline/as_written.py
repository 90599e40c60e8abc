"""Give every value the document's own writing back.

Extraction reads the matching form of a document (full-width punctuation folded to ASCII,
Traditional characters mapped to Simplified when the script is kept); values come out in
that form. The display form has the same length, character for character, so a value found
at an offset of the matching text is written as the display text at that offset.

A value is looked up in the texts of its role (the blocks and cells its pieces came from):
whole, when it is a plain substring; otherwise character by character, each character that
could differ (folded punctuation, a converted ideograph) taking the writing found at the
same place in context. A value not found (a title from the file name) stays as it is.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from ..schemas.document import Document
from ..schemas.role import Role
from .normalize import FOLDED_CHARS
from .piece import Kind, Loc, Piece

# Fields whose strings are not the document's text.
SKIP = {"id", "schema_version", "source", "warnings", "evidence", "review", "span", "coverage", "level", "unit"}
CONTEXT = 4


class Restorer:
    """Maps matching-form strings of one document to their display writing."""

    def __init__(self, display: Document, matching: Document, keep_script: bool = False) -> None:
        self.display = display
        self.matching = matching
        self.all_chars = keep_script and display.script == "traditional"
        # a block's texts in both forms, looked up once: _cell_texts is asked ~8,000 times per
        # compilation, and each attribute of a pydantic Document or Block costs ~5x a plain one's
        self._matching_blocks, self._display_blocks = matching.blocks, display.blocks
        self._blocks: dict[int, tuple[str, str] | None] = {}
        self._cells: dict[int, dict[tuple[int, int], tuple[str, str]]] = {}

    def texts(self, locs: Iterable[Loc]) -> tuple[str, str]:
        """The matching and display texts of the blocks and cells ``locs`` point into, joined."""
        seen: set[tuple[int, int | None, int | None]] = set()
        m_parts: list[str] = []
        d_parts: list[str] = []
        for loc in locs:
            cell = (loc.block, loc.row, loc.col)  # Loc.cell, without a property call per piece
            if cell in seen:
                continue
            seen.add(cell)
            pair = self._cell_texts(loc)
            if pair is not None:
                m_parts.append(pair[0])
                d_parts.append(pair[1])
        return "\n".join(m_parts), "\n".join(d_parts)

    def _cell_texts(self, loc: Loc) -> tuple[str, str] | None:
        cells = self._cells.get(loc.block)
        if cells is not None:
            return cells.get((loc.row or 0, loc.col or 0))
        if loc.block in self._blocks:
            return self._blocks[loc.block]
        if not 0 <= loc.block < len(self._matching_blocks):
            return None
        mb, db = self._matching_blocks[loc.block], self._display_blocks[loc.block]
        if mb.table is None or db.table is None:
            pair = self._blocks[loc.block] = (mb.text, db.text)
            return pair
        cells = {(mc.row, mc.col): (mc.text, dc.text) for mc, dc in zip(mb.table.cells, db.table.cells, strict=False)}
        self._cells[loc.block] = cells
        return cells.get((loc.row or 0, loc.col or 0))

    def unplaced(self, piece: Piece) -> tuple[str, Loc]:
        """The text of a piece that went to no field, as written, with where it stands: a
        label's value keeps its label (``合丰全称：华谊合丰…``) and a heading is its own text, for
        neither became a key of the output."""
        loc = piece.loc
        pair = self._cell_texts(loc)
        if pair is None:
            return piece.text, loc
        matching, display = pair
        if piece.kind == Kind.HEADING or piece.kind == Kind.LABEL and not piece.text:
            return display[loc.start:loc.end].strip(), loc
        value = self.restore(piece.text, matching, display)
        if piece.kind != Kind.LABEL or not piece.lead or loc.start < piece.lead:
            return value, loc
        start = loc.start - piece.lead
        return display[start:loc.start] + value, loc._replace(start=start)

    def gap(self, left: Loc, right: Loc) -> str | None:
        """The text between two places of one block or cell, as written; ``None`` when they lie
        apart or out of order."""
        if left.cell != right.cell or right.start < left.end:
            return None
        pair = self._cell_texts(left)
        return None if pair is None else pair[1][left.end:right.start]

    def needs(self, value: str) -> bool:
        return self.all_chars or not FOLDED_CHARS.isdisjoint(value)

    def restore(self, value: str, matching: str, display: str) -> str:
        if not value or not self.needs(value):
            return value
        return self.as_written(value, matching, display)

    def as_written(self, value: str, matching: str, display: str) -> str:
        """``value`` as the document writes it, for a value :meth:`needs` said may differ."""
        pos = matching.find(value)
        if pos != -1:
            return display[pos: pos + len(value)]
        return "".join(self._char(value, i, matching, display) for i in range(len(value)))

    def _char(self, value: str, i: int, matching: str, display: str) -> str:
        ch = value[i]
        if not (self.all_chars or ch in FOLDED_CHARS):
            return ch
        for left, right in ((CONTEXT, CONTEXT), (CONTEXT, 0), (0, CONTEXT), (2, 1), (1, 2), (1, 0), (0, 1)):
            window = value[max(0, i - left): i + right + 1]
            if len(window) < 2:
                continue
            pos = matching.find(window)
            if pos != -1:
                return display[pos + min(left, i)]
        return ch


def restore_role(role: Role, restorer: Restorer, locs: Iterable[Loc]) -> Role:
    """``role`` with every text value in the document's own writing."""
    matching, display = restorer.texts(locs)
    if matching == display:
        return role
    restored: Role = _restored(role, restorer, matching, display)
    return restored


def _restored(node: Any, restorer: Restorer, matching: str, display: str) -> Any:
    """``node`` with its strings restored: the same object where nothing changed, a copy along
    each path to a changed string. Objects a role shares with others are never altered, and a
    role is not dumped and validated again. Each string is asked once whether it may need its
    writing back (a scan of its characters): a compilation restores ~3,000 strings, ~2,000 of
    them changed, in ~8,500 nodes."""
    kind = type(node)
    if kind is list:
        return _restored_list(node, restorer, matching, display)
    if kind is str or isinstance(node, str):
        return _restored_text(node, restorer, matching, display) if restorer.needs(node) else node
    if isinstance(node, BaseModel):
        return _restored_model(node, restorer, matching, display)
    if isinstance(node, list):
        return _restored_list(node, restorer, matching, display)
    if isinstance(node, dict):
        entries = {key: _restored(value, restorer, matching, display) if key not in SKIP else value
                   for key, value in node.items()}
        return entries if any(entries[key] is not value for key, value in node.items()) else node
    return node


def _restored_model(node: BaseModel, restorer: Restorer, matching: str, display: str) -> BaseModel:
    changes = {}
    all_chars = restorer.all_chars
    values = node.__dict__
    for key in _written_fields(type(node)):
        value = values[key]
        # absent and empty values have no writing; most strings need nothing
        if not value:
            continue
        kind = type(value)
        if kind is str:
            if not all_chars and FOLDED_CHARS.isdisjoint(value):
                continue
            new = _restored_text(value, restorer, matching, display)
        else:
            new = _restored(value, restorer, matching, display)
        if new is not value:
            changes[key] = new
    return _copied(node, changes) if changes else node


@functools.cache
def _written_fields(kind: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class that may hold the document's text: not :data:`SKIP`, and not
    only numbers or flags (a role's supervision counts are four integers)."""
    return tuple(name for name, info in kind.model_fields.items()
                 if name not in SKIP and not _numeric(info.annotation))


def _numeric(annotation: Any) -> bool:
    options = typing.get_args(annotation) if typing.get_origin(annotation) in (typing.Union, types.UnionType) \
        else (annotation,)
    return all(option in (int, float, bool, type(None)) for option in options)


def _restored_list(node: list[Any], restorer: Restorer, matching: str, display: str) -> list[Any]:
    items = None
    all_chars = restorer.all_chars
    for i, value in enumerate(node):
        if type(value) is str:
            if not value or not all_chars and FOLDED_CHARS.isdisjoint(value):
                continue
            new = _restored_text(value, restorer, matching, display)
        else:
            new = _restored(value, restorer, matching, display)
        if new is not value:
            items = items if items is not None else list(node)
            items[i] = new
    return node if items is None else items


def _copied(node: BaseModel, changes: dict[str, Any]) -> BaseModel:
    """``node.model_copy(update=changes)`` for a model without extra or private attributes
    (every role model forbids extras), without pydantic's general copy: ~2,000 per compilation."""
    if node.__pydantic_extra__ is not None or getattr(node, "__pydantic_private__", None) is not None:
        return node.model_copy(update=changes)
    kind = type(node)
    copy = kind.__new__(kind)
    object.__setattr__(copy, "__dict__", {**node.__dict__, **changes})
    object.__setattr__(copy, "__pydantic_extra__", None)
    object.__setattr__(copy, "__pydantic_fields_set__", node.__pydantic_fields_set__ | changes.keys())
    object.__setattr__(copy, "__pydantic_private__", None)
    return copy


def _restored_text(text: str, restorer: Restorer, matching: str, display: str) -> str:
    """``text``, which :meth:`Restorer.needs` said may differ, as written: the same object when
    its writing is the same."""
    value = restorer.as_written(text, matching, display)
    return text if value == text else value


def _walk(node: Any, restorer: Restorer, matching: str, display: str) -> Any:
    if isinstance(node, str):
        return restorer.restore(node, matching, display)
    if isinstance(node, dict):
        for key, value in node.items():
            # numbers, flags and absent values have no writing (a role holds ~100 of them)
            if key not in SKIP and isinstance(value, (str, dict, list)):
                node[key] = _walk(value, restorer, matching, display)
        return node
    if isinstance(node, list):
        return [_walk(v, restorer, matching, display) for v in node]
    return node


def restore_model(model: BaseModel, restorer: Restorer, locs: Iterable[Loc]) -> dict[str, Any]:
    matching, display = restorer.texts(locs)
    data = model.model_dump()
    return _walk(data, restorer, matching, display) if matching != display else data
