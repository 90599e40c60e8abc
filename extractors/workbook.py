"""What every spreadsheet reader shares: sheets of displayed cell text → Document blocks.

The .xlsx, .xls and .ods readers each turn their file into :class:`SheetData` — the text every
non-empty cell shows, the merged ranges, whether the sheet is hidden — and this module makes
the blocks, so the three formats cannot drift apart:

- each sheet opens with a HEADING of style ``"sheet"`` carrying the sheet's name: a hard
  boundary that no role spans (a workbook often holds one 岗位说明书 per sheet);
- then one TABLE block: a rectangular grid with empty rows and columns at its edges dropped,
  every slot present (empty slots as empty cells, so a label and its value stay side by side),
  a merged range stored once at its top-left slot with its rowspan/colspan, the way the DOCX
  reader stores vMerge/gridSpan;
- a hidden sheet is kept and reported with a ``hidden_sheet`` warning (its content is real,
  and 岗位说明书 templates often hide reference sheets rather than delete them);
- a sheet with no text at all gives no block (the ``Sheet2``/``Sheet3`` every new workbook has);
- a grid larger than :attr:`Limits.max_sheet_cells` keeps its first rows, with a
  ``sheet_truncated`` warning.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from ..schemas.document import STYLE_SHEET, Block, BlockKind, Cell, Document, ReadIssue, Table
from ..schemas.role import SourceFormat
from .errors import DocumentError, ErrorCode
from .limits import Limits

# (first_row, first_col, last_row, last_col), 0-based and inclusive, as the file states it.
MergeRange = tuple[int, int, int, int]


@dataclass
class SheetData:
    name: str
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[MergeRange] = field(default_factory=list)
    hidden: bool = False
    # The reader stopped early (more cells than the bound): the grid is a prefix of the sheet.
    truncated: bool = False


# Members smaller than this are not ratio-checked: a tiny styles.xml compresses very well.
RATIO_CHECK_MIN_BYTES = 1 << 20


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a zip container whose declared inflated size or compression ratio is a bomb's,
    before a library inflates it (zipfile never inflates a member past its declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"not a readable zip container: {exc}") from exc
    declared = sum(info.file_size for info in infos)
    if declared > limits.max_unzipped_bytes:
        raise DocumentError(ErrorCode.ZIP_BOMB, f"the workbook declares {declared:,} bytes uncompressed, "
                                                f"above {limits.max_unzipped_bytes:,}")
    for info in infos:
        if info.file_size >= RATIO_CHECK_MIN_BYTES and info.file_size / max(info.compress_size, 1) > \
                limits.max_compression_ratio:
            raise DocumentError(ErrorCode.ZIP_BOMB, f"member {info.filename!r} inflates "
                                                    f"{info.file_size / max(info.compress_size, 1):,.0f}x")
        if info.flag_bits & 0x1:
            raise DocumentError(ErrorCode.ENCRYPTED, f"member {info.filename!r} is encrypted")


def scan_budget(limits: Limits) -> int:
    """How many cell slots a reader may walk (empty ones and empty rows included) before it
    stops reading a sheet: past twice the grid bound, whatever follows would be cut from the
    grid anyway, and a million empty rows or rows padded out to column XFD must not cost
    minutes."""
    return 2 * limits.max_sheet_cells


def workbook_document(sheets: list[SheetData], fmt: SourceFormat, limits: Limits,
                      warnings: list[ReadIssue] | None = None) -> Document:
    """Blocks for ``sheets`` in workbook order; ``empty_file`` when no sheet holds any text."""
    blocks: list[Block] = []
    issues = list(warnings or [])
    for sheet in sheets:
        table, cut = sheet_table(sheet, limits.max_sheet_cells)
        if table is None:
            continue
        blocks.append(Block(index=len(blocks), kind=BlockKind.HEADING, text=sheet.name, level=0, style=STYLE_SHEET))
        blocks.append(Block(index=len(blocks), kind=BlockKind.TABLE, table=table))
        if sheet.hidden:
            issues.append(ReadIssue(code="hidden_sheet", message=f"sheet {sheet.name!r} is hidden in the workbook; "
                                                                  "its content is read"))
        if cut or sheet.truncated:
            issues.append(ReadIssue(code="sheet_truncated",
                                    message=f"sheet {sheet.name!r} is larger than {limits.max_sheet_cells:,} cells; "
                                            f"only its first {table.n_rows:,} rows are read"))
    if not blocks:
        raise DocumentError(ErrorCode.EMPTY_FILE, "the workbook holds no text")
    return Document(format=fmt, blocks=blocks, warnings=issues)


def sheet_table(sheet: SheetData, max_cells: int) -> tuple[Table | None, bool]:
    """The sheet's grid as a :class:`Table` (``None`` when it holds no text), and whether rows
    were cut to stay within ``max_cells`` slots."""
    filled = [pos for pos, text in sheet.cells.items() if text]
    if not filled:
        return None, False
    top = min(r for r, _ in filled)
    left = min(c for _, c in filled)
    bottom = max(r for r, _ in filled)
    right = max(c for _, c in filled)
    merges = _clean_merges(sheet.merges, sheet.cells)
    for r0, c0, r1, c1 in merges:  # a merged value cell reaches as far as its range
        if (r0, c0) in sheet.cells and sheet.cells[(r0, c0)]:
            bottom, right = max(bottom, r1), max(right, c1)
    n_cols = right - left + 1
    n_rows = bottom - top + 1
    cut = n_rows * n_cols > max_cells
    if cut:
        # A row wider than the bound (an ODS span of a billion columns) is cut at the bound too.
        n_cols = min(n_cols, max_cells)
        n_rows = max(1, max_cells // n_cols)
    cells = _grid_cells(sheet.cells, merges, top, left, n_rows, n_cols)
    return Table(n_rows=n_rows, n_cols=n_cols, cells=cells), cut


MAX_MERGES = 50_000


def _clean_merges(merges: list[MergeRange], cells: dict[tuple[int, int], str]) -> list[MergeRange]:
    """Well-formed ranges of more than one slot; at most :data:`MAX_MERGES` of them."""
    return [(r0, c0, r1, c1) for r0, c0, r1, c1 in merges[:MAX_MERGES]
            if r1 >= r0 and c1 >= c0 and (r0, c0) != (r1, c1)]


def _grid_cells(texts: dict[tuple[int, int], str], merges: list[MergeRange], top: int, left: int,
                n_rows: int, n_cols: int) -> list[Cell]:
    bottom, right = top + n_rows - 1, left + n_cols - 1
    covered: set[tuple[int, int]] = set()
    anchors: dict[tuple[int, int], tuple[int, int, str]] = {}
    for r0, c0, r1, c1 in merges:
        # Clip to the grid: a range starting above or left of it keeps its visible part, with
        # the text of its real anchor.
        r0c, c0c, r1c, c1c = max(r0, top), max(c0, left), min(r1, bottom), min(c1, right)
        if r0c > r1c or c0c > c1c:
            continue
        if (r0c, c0c) in covered or (r0c, c0c) in anchors:
            continue  # cheap first: a repeated spanning cell's ranges all start inside the previous one
        slots = [(r, c) for r in range(r0c, r1c + 1) for c in range(c0c, c1c + 1)]
        if any(slot in covered or slot in anchors for slot in slots):
            continue  # a damaged file's overlapping or repeated range: the first stated wins
        anchors[(r0c, c0c)] = (r1c - r0c + 1, c1c - c0c + 1, texts.get((r0, c0), ""))
        covered.update(slots[1:])
    cells: list[Cell] = []
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            if (r, c) in covered:
                continue
            rowspan, colspan, text = anchors.get((r, c), (1, 1, texts.get((r, c), "")))
            # model_construct: 200,000 cells validated one by one cost seconds; the values are ints and str
            cells.append(Cell.model_construct(row=r - top, col=c - left, rowspan=rowspan, colspan=colspan, text=text))
    return cells
