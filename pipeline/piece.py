"""The unit every extraction stage passes along: a *piece* of a document with its location.

Readers give blocks; :mod:`.pieces` cuts blocks and table cells into pieces — titles, section
headings, labelled values, list items, plain text — each knowing where it came from. Pieces
are immutable: a stage that changes one makes a new one (``dataclasses.replace``). They are
compared by identity, so a stage can remember which pieces it used.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from enum import StrEnum
from typing import Any, NamedTuple

from ..schemas.role import Span
from .numbering import Label


class Kind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    LABEL = "label"
    ITEM = "item"
    TEXT = "text"
    LEAD_IN = "lead_in"
    TABLE = "table"


class Loc(NamedTuple):
    """Where a piece sits: block, page, offsets in the block (or cell) text, cell coordinates.

    A plain tuple in the hot loop; :meth:`span` makes the contract's :class:`Span` at the edge.
    """

    block: int
    page: int | None
    start: int
    end: int
    row: int | None = None
    col: int | None = None

    def span(self) -> Span:
        return Span(block=self.block, page=self.page, start=self.start, end=self.end, row=self.row, col=self.col)

    def narrow(self, start: int, end: int) -> Loc:
        """The part ``[start, end)`` of this location's text."""
        block, page, offset, _end, row, col = self
        # tuple.__new__ is what _replace ends in, without its keyword and map machinery
        return _new_loc(Loc, (block, page, offset + start, offset + end, row, col))

    @property
    def cell(self) -> tuple[int, int | None, int | None]:
        return (self.block, self.row, self.col)


_new_loc = tuple.__new__


@dataclass(frozen=True, eq=False)
class Piece:
    kind: Kind
    text: str                      # content: value of a label, item text, title, heading's trailing nothing
    loc: Loc
    key: str | None = None         # section key (HEADING), field path (LABEL)
    name: str | None = None        # label or heading as written
    marker: Label | None = None    # numbering label of an ITEM
    level: int | None = None       # list level from the reader (Word numbering)
    line_start: bool = True        # the piece starts a line/cell (not cut out of a run-on line)
    category: str | None = None    # from a table's category column
    frequency: str | None = None
    metrics: tuple[str, ...] = ()
    follows_furniture: bool = False
    source: str = "text"           # text | table | word_list | heading_style | heading_block | unknown_label
    table: object | None = None    # TABLE pieces: the KPI grid
    title_style: str | None = None  # TITLE: doc | numbered | heading | label | header_line
    alone: bool = False            # the only piece of its block or cell (a label waiting for its value)
    style: str | None = None       # the block's style (``sheet``, ``bold`` …)
    shared: bool = False           # a heading or label that says it covers every role ("以上岗位福利")
    heading_level: int | None = None  # the piece opens a heading block of this level (h1 is 0)
    lead: int = 0                  # LABEL: characters its label takes before the value (合丰全称：)
    clause_start: bool = False     # TEXT: opens a clause of the sentence a label's value ended with a comma

    @property
    def span(self) -> Span:
        return self.loc.span()

    def moved(self, loc: Loc) -> Piece:
        """A copy at ``loc``: :meth:`changed` for the one field the scanner's cache rebases."""
        new = object.__new__(Piece)
        fields = new.__dict__
        fields.update(self.__dict__)
        fields["loc"] = loc
        return new

    def changed(self, **changes: Any) -> Piece:
        """A copy with ``changes``: :func:`dataclasses.replace` without its cost.

        ``replace`` calls ``__init__`` with all twenty fields (~10 µs); the scanner's cache
        rebases every piece of a repeated cell text, thousands per compilation. A Piece has
        no ``__post_init__`` and no derived field, so copying its fields is the same thing.
        """
        if not changes.keys() <= self.__dict__.keys():
            raise TypeError(f"Piece has no field {sorted(changes.keys() - self.__dict__.keys())}")
        new = object.__new__(Piece)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new


def _init_through_dict(cls: type) -> None:
    """Give a frozen dataclass an ``__init__`` that stores its fields straight into the instance
    dict, as :meth:`Piece.changed` does: the generated one sets each of Piece's twenty-one
    fields through ``object.__setattr__`` (~2.7 µs a piece; a compilation makes ~6,000).
    Same parameters, defaults and order; only for fields with plain defaults (Piece's)."""
    params, stores, defaults = [], [], []
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init or f.name in ("self", "d"):
            return  # keep the dataclass's own __init__
        params.append(f.name)
        stores.append(f"    d[{f.name!r}] = {f.name}")
        if f.default is not MISSING:
            defaults.append(f.default)
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n" + "\n".join(stores)
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)  # noqa: S102 (our own text, as dataclasses write theirs)
    init = namespace["__init__"]
    init.__defaults__ = tuple(defaults)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = dict(vars(cls)["__init__"].__annotations__)
    cls.__init__ = init  # type: ignore[misc]


_init_through_dict(Piece)


@dataclass(frozen=True)
class Token:
    """A boundary the scanner accepted inside a line: where it starts and ends, and what it is."""

    kind: Kind
    start: int
    end: int            # end of the token (label/heading/marker incl. colon)
    key: str | None = None
    name: str | None = None
    marker: Label | None = None
    title: str | None = None
    shared: bool = False
