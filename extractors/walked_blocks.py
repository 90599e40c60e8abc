"""What the Word and OpenDocument readers walk — paragraphs and tables — turned into blocks.

Paragraphs without text are dropped. A table nested in a cell follows its parent as a block
of its own that points back at the cell (``container``); in a running header or footer a table
gives one tab-separated line per row, as Word shows it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..schemas.document import Block, BlockKind, Cell, Table
from .errors import DocumentError, ErrorCode


@dataclass
class TableData:
    n_rows: int
    n_cols: int
    cells: list[Cell]
    # (row, col, table) of the tables nested in this table's cells, in document order
    nested: list[tuple[int, int, TableData]] = field(default_factory=list)
    chars: int = 0  # text length of all cells, for the max_text_chars limit


def append_table(blocks: list[Block], data: TableData, container: tuple[int, int, int] | None = None) -> int:
    """Append ``data`` and the tables nested in it to ``blocks``; returns the characters added."""
    if data.n_rows == 0:  # every row deleted by tracked changes, or none at all
        return 0
    index = len(blocks)
    table = Table(n_rows=data.n_rows, n_cols=data.n_cols, cells=data.cells)
    blocks.append(Block(index=index, kind=BlockKind.TABLE, table=table, container=container))
    return data.chars + sum(append_table(blocks, inner, (index, row, col)) for row, col, inner in data.nested)


def furniture_lines(data: TableData) -> list[str]:
    """A header's or footer's table as lines: one per row, its cells parted by tabs; nested
    tables after it."""
    rows: dict[int, list[str]] = {}
    for cell in sorted(data.cells, key=lambda c: (c.row, c.col)):
        if cell.text.strip():
            rows.setdefault(cell.row, []).append(cell.text)
    lines = ["\t".join(texts) for _, texts in sorted(rows.items())]
    for _, _, inner in data.nested:
        lines.extend(furniture_lines(inner))
    return lines


class WalkedParagraph(Protocol):
    kind: BlockKind
    text: str
    label: str | None
    level: int | None
    style: str | None


class BlockSink:
    """Indexed blocks from walked items (a bare string is a plain paragraph), counting the
    characters for the text bound."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.chars = 0

    def add(self, items: Sequence[str | WalkedParagraph | TableData]) -> None:
        for item in items:
            if isinstance(item, TableData):
                self.chars += append_table(self.blocks, item)
            elif isinstance(item, str):
                if item.strip():
                    self.chars += len(item)
                    self.blocks.append(Block(index=len(self.blocks), kind=BlockKind.PARAGRAPH, text=item))
            elif item.text.strip():
                self.chars += len(item.text)
                self.blocks.append(Block(index=len(self.blocks), kind=item.kind, text=item.text, label=item.label,
                                         level=item.level, style=item.style))


class _WalkState(Protocol):
    table_depth: int
    limits: Any  # Limits: max_nesting_depth


@contextmanager
def one_table_deeper(ctx: _WalkState) -> Iterator[None]:
    """Read a table nested at most ``max_nesting_depth`` deep (else ``too_large``): the Word and
    OpenDocument readers keep the same bound on tables in cells."""
    if ctx.table_depth >= ctx.limits.max_nesting_depth:
        raise DocumentError(ErrorCode.TOO_LARGE, f"tables nested more than {ctx.limits.max_nesting_depth} deep")
    ctx.table_depth += 1
    try:
        yield
    finally:
        ctx.table_depth -= 1
