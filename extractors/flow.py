"""Reading-order items of flowing-text formats (Word 97 binary, RTF) and their turn into blocks.

Both formats describe a table row by row, each cell with its right edge in twips and merge
flags (Word's TC80 / RTF's ``\\cellx``, ``\\clmgf``, ``\\clvmgf`` …), never as a grid. The
grid is rebuilt here once for both: the distinct cell edges of all rows are the grid's
column lines, so a row of two wide cells over a row of four narrow ones gives colspans, as
Word lays them out; horizontal-merge continuations join the cell on their left and
vertical-merge continuations the cell above, giving the rectangular ``Table`` with spans
the DOCX reader produces.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import IntEnum

from ..schemas.document import Block, BlockKind, Cell, Table

# Word refuses more than 63 columns; beyond it the edges are noise (a damaged or hostile
# row definition), and columns are then counted per row instead.
MAX_GRID_COLUMNS = 63
# Edges closer than this (twips; 1/20 pt) are one column line: Word itself rounds widths
# when a row is copied, so the edges of rows that look aligned differ by a few twips.
EDGE_TOLERANCE = 20
# A numbered paragraph in a cell reads "label text"; no space after a label ending in punctuation.
_LABEL_ENDS_IN_PUNCT = ("、", ".", "．", "。", "，", ",", ":", "：", ";", "；", ")", "）", "]", "】", "」", "』", "〉", "》")


# A style named for a heading level in English or Chinese Word ("heading 2", "标题 2").
HEADING_STYLE_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


class Merge(IntEnum):
    NONE = 0
    START = 1  # the first cell of a merged set: its text and format extend over the set
    CONTINUE = 2  # covered by the START cell before it (left, or above)


@dataclass
class Para:
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    label: str | None = None
    level: int | None = None
    style: str | None = None

    def set_levels(self, numbered: tuple[str | None, int] | None, heading: int | None) -> None:
        """Kind and level from the paragraph's list numbering (label, list level) and heading
        level, either None when absent. A heading level wins over the list and keeps the label:
        Word numbers headings (``第一章``) with the same lists as list items."""
        if numbered is not None:
            self.label, self.level = numbered
            self.kind = BlockKind.LIST_ITEM
        if heading is not None:
            self.kind = BlockKind.HEADING
            self.level = heading

    def line(self) -> str:
        """The paragraph as one line of cell text, its numbering label in front."""
        if not self.label:
            return self.text
        sep = "" if self.label.endswith(_LABEL_ENDS_IN_PUNCT) else " "
        return f"{self.label}{sep}{self.text}"


@dataclass
class RawCell:
    """A cell as the format describes it: content, right edge (twips), merge flags."""

    items: list[Para | TableItem] = field(default_factory=list)
    right: int | None = None
    hmerge: Merge = Merge.NONE
    vmerge: Merge = Merge.NONE


@dataclass
class RawRow:
    cells: list[RawCell] = field(default_factory=list)
    left: int | None = None  # left edge of the row (twips), when known


@dataclass
class TableItem:
    rows: list[RawRow] = field(default_factory=list)


Item = Para | TableItem


def row_with_edges(cells: list[RawCell], left: int | None, rights: list[int],
                   hmerge: list[Merge], vmerge: list[Merge]) -> RawRow:
    """A row whose cells get the edges and merge flags of the row's definition.

    The edges are used only when the definition has one edge per cell: otherwise (a damaged
    or hand-edited file) the grid counts this row's cells instead of placing them.
    """
    row = RawRow(cells=cells, left=left)
    if left is not None and len(rights) == len(cells):
        for cell, right, h, v in zip(cells, rights, hmerge, vmerge, strict=False):
            cell.right, cell.hmerge, cell.vmerge = right, h, v
    else:
        row.left = None
        for cell, h, v in zip(cells, hmerge, vmerge, strict=False):
            cell.hmerge, cell.vmerge = h, v
    return row


# ----------------------------------------------------------------------------- grid


@dataclass
class _Slot:
    row: int
    col: int
    colspan: int
    lines: list[str]
    nested: list[TableItem]
    last_row: int = -1

    def cell(self) -> Cell:
        rowspan = max(self.last_row, self.row) - self.row + 1
        return Cell(row=self.row, col=self.col, rowspan=rowspan, colspan=self.colspan, text="\n".join(self.lines))


@dataclass
class GridTable:
    n_rows: int
    n_cols: int
    cells: list[Cell]
    nested: list[tuple[int, int, TableItem]]  # (row, col, table) in document order


def _cell_content(cell: RawCell) -> tuple[list[str], list[TableItem]]:
    lines: list[str] = []
    nested: list[TableItem] = []
    for item in cell.items:
        if isinstance(item, TableItem):
            nested.append(item)
        elif item.text.strip():
            lines.append(item.line())
    return lines, nested


def _column_lines(rows: list[RawRow]) -> list[int] | None:
    """Sorted distinct cell edges of all rows, or None when edges are missing or too many."""
    edges: list[int] = []
    for row in rows:
        if row.left is None or any(c.right is None for c in row.cells):
            return None
        edges.append(row.left)
        edges.extend(c.right for c in row.cells if c.right is not None)
    lines: list[int] = []
    for edge in sorted(set(edges)):
        if not lines or edge - lines[-1] > EDGE_TOLERANCE:
            lines.append(edge)
    return lines if len(lines) - 1 <= MAX_GRID_COLUMNS else None


def _span(lines: list[int], left: int, right: int, col: int) -> tuple[int, int]:
    """(first grid column, column count) of a cell between two edges, snapped to the lines;
    never left of ``col``, where the previous cell ended (edges out of order in a damaged row)."""
    start = max(_nearest(lines, left), col)
    return start, max(_nearest(lines, right) - start, 1)


def _nearest(lines: list[int], x: int) -> int:
    i = bisect.bisect_left(lines, x)
    if i == len(lines) or (i > 0 and x - lines[i - 1] <= lines[i] - x):
        return max(i - 1, 0)
    return i


def build_grid(table: TableItem) -> GridTable:
    """The rectangular grid of a table: merged cells once, with row and column spans."""
    rows = [_join_horizontal(row) for row in table.rows]
    lines = _column_lines(rows)
    slots: list[_Slot] = []
    nested: list[tuple[int, int, TableItem]] = []
    # First grid column -> the cell there in the previous row. A continuation merges into
    # the cell above that starts in its column even when their widths differ (rows of a
    # form drawn by hand rarely line up), as Word and LibreOffice show it.
    above: dict[int, _Slot] = {}
    n_cols = 0
    for r, row in enumerate(rows):
        current: dict[int, _Slot] = {}
        x = row.left
        col = 0
        for cell in row.cells:
            if lines is not None and x is not None and cell.right is not None:
                col, span = _span(lines, x, cell.right, col)
                x = max(x, cell.right)
            else:
                span = 1
            lines_text, inner = _cell_content(cell)
            anchor = above.get(col)
            if cell.vmerge is Merge.CONTINUE and anchor is not None:
                anchor.last_row = r
                anchor.lines.extend(lines_text)  # Word hides such text; keep it rather than lose it
                slot = anchor
            else:
                slot = _Slot(row=r, col=col, colspan=span, lines=lines_text, nested=[], last_row=r)
                slots.append(slot)
            nested.extend((slot.row, slot.col, t) for t in inner)
            current[col] = slot
            col += span
            n_cols = max(n_cols, col)
        above = current
    if lines is not None:
        n_cols = max(n_cols, len(lines) - 1)
    return GridTable(n_rows=len(rows), n_cols=n_cols, cells=[s.cell() for s in slots], nested=nested)


def _join_horizontal(row: RawRow) -> RawRow:
    """Cells flagged as horizontal-merge continuations join the cell on their left (Word 97
    wrote merged cells this way; later versions write one wide cell instead)."""
    if all(c.hmerge is not Merge.CONTINUE for c in row.cells):
        return row
    joined: list[RawCell] = []
    for cell in row.cells:
        if cell.hmerge is Merge.CONTINUE and joined:
            left = joined[-1]
            left.items = left.items + cell.items
            left.right = cell.right if cell.right is not None else left.right
        else:
            joined.append(RawCell(items=list(cell.items), right=cell.right, hmerge=cell.hmerge, vmerge=cell.vmerge))
    return RawRow(cells=joined, left=row.left)


# ----------------------------------------------------------------------------- blocks


class BlockSink:
    """Turns items into indexed blocks; paragraphs without text are dropped here.

    A nested table follows its parent table as a block of its own whose ``container`` is
    the parent cell, as the DOCX reader does.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.chars = 0

    def add(self, items: list[Item]) -> None:
        for item in items:
            if isinstance(item, TableItem):
                self._table(item, None)
            elif item.text.strip():
                self.chars += len(item.text)
                self.blocks.append(Block(index=len(self.blocks), kind=item.kind, text=item.text, label=item.label,
                                         level=item.level, style=item.style))

    def _table(self, item: TableItem, container: tuple[int, int, int] | None) -> None:
        grid = build_grid(item)
        if grid.n_rows == 0 or grid.n_cols == 0:
            return
        index = len(self.blocks)
        self.chars += sum(len(c.text) for c in grid.cells)
        table = Table(n_rows=grid.n_rows, n_cols=grid.n_cols, cells=grid.cells)
        self.blocks.append(Block(index=index, kind=BlockKind.TABLE, table=table, container=container))
        for row, col, inner in grid.nested:
            self._table(inner, (index, row, col))


def furniture_blocks(items: list[Item], out: list[Block], style: str | None = None) -> None:
    """Header/footer (or note) content as plain paragraphs; a table gives one tab-separated
    line per row."""
    for item in items:
        if isinstance(item, TableItem):
            grid = build_grid(item)
            by_row: dict[int, list[str]] = {}
            for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
                if cell.text.strip():
                    by_row.setdefault(cell.row, []).append(cell.text)
            for _, texts in sorted(by_row.items()):
                out.append(Block(index=len(out), kind=BlockKind.PARAGRAPH, text="\t".join(texts), style=style))
            furniture_blocks([inner for _, _, inner in grid.nested], out, style)
        elif item.text.strip():
            out.append(Block(index=len(out), kind=BlockKind.PARAGRAPH, text=item.line(), style=style))
