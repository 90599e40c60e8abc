"""The document model every reader produces: ordered blocks with provenance.

Readers (``jdx.extractors``) turn bytes into a :class:`Document`; everything after that
(normalisation, segmentation, field extraction) works on this model only, so a DOCX form,
a PDF printed from Word and a GBK text file look the same to the extraction code.

Provenance lives on the smallest unit: every block knows its index in the body, its page
(PDF), and table cells know their grid coordinates. Page headers and footers are kept in
``Document.furniture`` instead of the body, the way docling marks them as furniture.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .role import SourceFormat, new_dict, new_list

# Block styles with a meaning every stage relies on (other styles are the source's own names):
# "sheet"      a HEADING that opens one sheet of a workbook: a hard boundary, no role spans it;
# "bold"       a HEADING made of a whole line in bold (Markdown ``**岗位职责：**``, HTML <strong>);
# "boilerplate" furniture moved out of the body by normalisation.
STYLE_SHEET = "sheet"
STYLE_BOLD = "bold"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    HEADING = "heading"
    TABLE = "table"


class Cell(BaseModel):
    """One cell of a table grid, stored once at its top-left position.

    ``rowspan``/``colspan`` say how many grid rows/columns a merged cell covers, so a
    vertically merged category column or a gridSpan label is read once, not per grid slot.
    """

    model_config = ConfigDict(frozen=True)

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str = ""


class Table(BaseModel):
    model_config = ConfigDict(frozen=True)

    n_rows: int
    n_cols: int
    cells: list[Cell] = Field(default_factory=new_list)

    def grid(self) -> list[list[Cell | None]]:
        """A rectangular ``n_rows × n_cols`` view; a merged cell appears in every slot it covers."""
        n_rows, n_cols = self.n_rows, self.n_cols
        grid: list[list[Cell | None]] = [[None] * n_cols for _ in range(n_rows)]
        for cell in self.cells:
            row, col = cell.row, cell.col
            if cell.rowspan == 1 and 0 <= row < n_rows and 0 <= col < n_cols:
                # most cells lie in one row (a compilation's: 11,348 of 11,348): fill their slots at once
                end = min(col + cell.colspan, n_cols)
                grid[row][col:end] = [cell] * (end - col)
                continue
            for r in range(cell.row, min(cell.row + cell.rowspan, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.colspan, self.n_cols)):
                    grid[r][c] = cell
        return grid

    def rows(self) -> list[list[Cell]]:
        """Cells that start in each row, left to right (merged cells only where they begin)."""
        out: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
            if 0 <= cell.row < self.n_rows:
                out[cell.row].append(cell)
        return out


class Block(BaseModel):
    """A paragraph, list item, heading or table in reading order.

    ``label`` is a numbering label the reader recovered outside the text (Word's automatic
    numbering: ``一、``, ``1.``, ``（1）``), with ``level`` its 0-based list level (for a
    heading, its 0-based heading level: h1 is 0); literal labels typed into the text stay in
    ``text``. ``container`` points at the table cell a nested table sits in, as
    ``(block, row, col)``. ``confidence`` is the OCR engine's mean confidence (0–1) for
    blocks read from an image, ``None`` for text read from the file.
    """

    model_config = ConfigDict(frozen=True)

    index: int
    kind: BlockKind
    text: str = ""
    label: str | None = None
    level: int | None = None
    style: str | None = None
    page: int | None = None
    table: Table | None = None
    container: tuple[int, int, int] | None = None
    # Set by normalisation when site furniture (a download notice, a comment box) was
    # removed right before this block: the text on either side may belong to different
    # documents of a compilation.
    follows_furniture: bool = False
    confidence: float | None = None


class ReadIssue(BaseModel):
    """Something a reader noticed but could work around (a warning, not an error)."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str


class Document(BaseModel):
    format: SourceFormat
    blocks: list[Block] = Field(default_factory=new_list)
    furniture: list[Block] = Field(default_factory=new_list)
    pages: int | None = None
    encoding: str | None = None
    warnings: list[ReadIssue] = Field(default_factory=new_list)
    # Document-level fields the source states outside its body: Markdown/YAML front matter
    # (title, location, tags …), DOCX core properties. Values as written.
    metadata: dict[str, str | list[str]] = Field(default_factory=new_dict)
    ocr: bool = False
    # Set by normalisation: the script the document is written in.
    script: Literal["simplified", "traditional"] | None = None

    def text(self) -> str:
        """Plain text of the body, one block per line, tables row by row (for debugging and tests)."""
        lines: list[str] = []
        for block in self.blocks:
            if block.table is not None:
                for row in block.table.rows():
                    lines.append("\t".join(c.text for c in row))
            else:
                lines.append(f"{block.label} {block.text}" if block.label else block.text)
        return "\n".join(lines)
