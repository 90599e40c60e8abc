"""The unit every extraction stage passes along: a *piece* of a document with its location.

Readers give blocks; :mod:`.pieces` cuts blocks and table cells into pieces — titles, section
headings, labelled values, list items, plain text — each knowing where it came from. Pieces
are immutable: a stage that changes one makes a new one (``dataclasses.replace``). They are
compared by identity, so a stage can remember which pieces it used.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from ..schemas.role import Span
from .numbering import Label


class Kind(str):
    """What a piece is: ``Kind.TITLE`` … ``Kind.TABLE``, each equal to its value (``"title"``).

    Not an Enum: on Python 3.11 an Enum class's metaclass defines ``__getattr__``, which puts
    every ``Kind.TITLE`` lookup on the slow path (~75 ns against ~10 ns on a plain class), and
    the stages ask ~310,000 times per conversion of the 139-role compilation (~5% of its
    extraction).
    """

    __slots__ = ()

    TITLE: ClassVar[Kind]
    HEADING: ClassVar[Kind]
    LABEL: ClassVar[Kind]
    ITEM: ClassVar[Kind]
    TEXT: ClassVar[Kind]
    LEAD_IN: ClassVar[Kind]
    TABLE: ClassVar[Kind]

    def __repr__(self) -> str:
        return f"Kind.{self.upper()}"


Kind.TITLE = Kind("title")
Kind.HEADING = Kind("heading")
Kind.LABEL = Kind("label")
Kind.ITEM = Kind("item")
Kind.TEXT = Kind("text")
Kind.LEAD_IN = Kind("lead_in")
Kind.TABLE = Kind("table")


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
        """The contract's :class:`Span` of this location. Its fields are the location's own,
        integers or ``None`` already, so the model is filled without validating them again
        (~1.6 → ~0.8 µs; a compilation makes ~5,600 spans, 40% of its pydantic models)."""
        block, page, start, end, row, col = self
        span = _new_object(Span)
        _set_attribute(span, "__dict__", {"block": block, "page": page, "start": start, "end": end,
                                          "row": row, "col": col})
        _set_attribute(span, "__pydantic_fields_set__", set(_SPAN_FIELDS))
        _set_attribute(span, "__pydantic_extra__", None)
        _set_attribute(span, "__pydantic_private__", None)
        return span

    def narrow(self, start: int, end: int) -> Loc:
        """The part ``[start, end)`` of this location's text."""
        block, page, offset, _end, row, col = self
        # tuple.__new__ is what _replace ends in, without its keyword and map machinery
        return _new_loc(Loc, (block, page, offset + start, offset + end, row, col))

    @property
    def cell(self) -> tuple[int, int | None, int | None]:
        return (self.block, self.row, self.col)


_new_loc = tuple.__new__
_new_object = object.__new__
_set_attribute = object.__setattr__
_SPAN_FIELDS = frozenset(Span.model_fields)
assert _SPAN_FIELDS == set(Loc._fields), "Loc.span fills every field of Span from the location's own"


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
    source: str = "text"           # text | table | word_list | heading_style | heading_block | unknown_label | position_line …
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


def _piece_init(self: Piece, kind: Kind, text: str, loc: Loc, **optional: Any) -> None:
    """:class:`Piece`'s constructor: the fields go straight into ``__dict__``.

    A frozen dataclass's own ``__init__`` sets each of the twenty-two fields through
    ``object.__setattr__`` (~2.3 µs a piece against ~0.6 µs); a compilation makes ~4,000
    pieces. Type checkers still see the dataclass's signature.
    """
    if not optional.keys() <= _OPTIONAL.keys():
        raise TypeError(f"Piece has no field {sorted(optional.keys() - _OPTIONAL.keys())}")
    fields = self.__dict__
    fields.update(_OPTIONAL)
    fields["kind"], fields["text"], fields["loc"] = kind, text, loc
    fields.update(optional)


# every field but the first three has a default, and each default is immutable (metrics: ())
_OPTIONAL: dict[str, Any] = {f.name: f.default for f in dataclasses.fields(Piece)[3:]}
assert all(default is not dataclasses.MISSING for default in _OPTIONAL.values())
Piece.__init__ = _piece_init  # type: ignore[assignment,method-assign]


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
