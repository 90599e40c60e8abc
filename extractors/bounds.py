"""The work bounds of :class:`~.limits.Limits`, checked on every Document a reader returns.

Readers keep within the bounds while they read, so memory never grows past them; this last
check makes the bounds a property of every reader (a new one included) rather than of the
ones that remembered. It only cuts: blocks past ``max_blocks``, table rows past
``max_table_cells``, and a page's blocks once ``max_page_chars`` is spent, each with one
``truncated`` warning that says what was cut.
"""

from __future__ import annotations

from ..schemas.document import Block, Cell, Document, ReadIssue, Table
from .limits import Limits

TRUNCATED = "truncated"


def truncated(message: str) -> ReadIssue:
    return ReadIssue(code=TRUNCATED, message=message)


def rows_within(n_rows: int, n_cols: int, limits: Limits) -> int:
    """How many rows of an ``n_cols``-wide table fit in ``max_table_cells`` grid slots."""
    return min(n_rows, limits.max_table_cells // max(n_cols, 1))


def cut_table(table: Table, limits: Limits) -> Table | None:
    """``table`` with only the rows that fit the cell bound, or None when it fits whole."""
    return _cut_to(table, limits.max_table_cells)


def _cut_to(table: Table, max_cells: int) -> Table | None:
    keep = min(table.n_rows, max_cells // max(table.n_cols, 1))
    if keep >= table.n_rows:
        return None
    cells = [
        c if c.row + c.rowspan <= keep else Cell(row=c.row, col=c.col, rowspan=keep - c.row, colspan=c.colspan,
                                                  text=c.text)
        for c in table.cells if c.row < keep
    ]
    return Table(n_rows=keep, n_cols=table.n_cols, cells=cells)


def enforce_bounds(doc: Document, limits: Limits) -> Document:
    """``doc`` cut to the work bounds, with a ``truncated`` warning per kind of cut."""
    issues: list[ReadIssue] = []
    blocks = doc.blocks
    if len(blocks) > limits.max_blocks:
        issues.append(truncated(f"the document has {len(blocks):,} blocks; the first {limits.max_blocks:,} were read"))
        blocks = blocks[: limits.max_blocks]
    blocks, cut_tables = _cut_tables(blocks, limits)
    if cut_tables:
        issues.append(truncated(f"{cut_tables} table(s) were cut to the rows that fit {limits.max_table_cells:,} "
                                f"cells a table, {limits.max_document_table_cells:,} a document"))
    blocks, cut_pages = _cut_pages(blocks, limits)
    if cut_pages:
        issues.append(truncated(f"{cut_pages} page(s) above {limits.max_page_chars:,} characters were cut"))
    if not issues:
        return doc
    return doc.model_copy(update={"blocks": blocks, "warnings": [*doc.warnings, *issues]})


def _cut_tables(blocks: list[Block], limits: Limits) -> tuple[list[Block], int]:
    """Each table cut to ``max_table_cells``; once the document's tables have spent
    ``max_document_table_cells``, later tables are cut to what is left (or dropped)."""
    out: list[Block] = []
    cut = 0
    left = limits.max_document_table_cells
    for block in blocks:
        if block.table is None:
            out.append(block)
            continue
        # A bound as a number, not a Limits copy per table: this runs on every document read.
        smaller = _cut_to(block.table, min(limits.max_table_cells, left))
        table = block.table if smaller is None else smaller
        if smaller is not None:
            cut += 1
        left -= table.n_rows * table.n_cols
        if table.n_rows:
            out.append(block if smaller is None else block.model_copy(update={"table": table}))
    return out, cut


def block_chars(block: Block) -> int:
    if block.table is not None:
        return sum(len(c.text) for c in block.table.cells)
    return len(block.text)


def _cut_pages(blocks: list[Block], limits: Limits) -> tuple[list[Block], int]:
    """Blocks of a numbered page once its characters exceed the bound are dropped (a block
    that crosses the bound is kept whole: values are never cut inside)."""
    spent: dict[int, int] = {}
    over: set[int] = set()
    out: list[Block] = []
    for block in blocks:
        if block.page is None:
            out.append(block)
            continue
        if spent.get(block.page, 0) >= limits.max_page_chars:
            over.add(block.page)
            continue
        spent[block.page] = spent.get(block.page, 0) + block_chars(block)
        out.append(block)
    return out, len(over)
