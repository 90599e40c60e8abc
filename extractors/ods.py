"""OpenDocument spreadsheets (.ods: LibreOffice Calc, WPS, Excel "save as ODS").

An ODS cell stores, next to its value, the text the application displayed (``<text:p>``
paragraphs, ODF 1.2 §9.1.4 and §19.642): a weight of 0.15 shown as 15% is stored as
``office:value="0.15"`` *and* ``<text:p>15%</text:p>``. Reading that text is reading the cell
as a person sees it, with no number-format engine. python-calamine reads ODS values only and
odfpy builds a DOM of the whole document, so the content part is streamed with lxml:
``table:number-rows-repeated`` / ``number-columns-repeated`` (how ODS writes a million empty
rows in one element) only move the cursor; spans give the merged ranges; a table whose style
says ``table:display="false"`` is a hidden sheet.
"""

from __future__ import annotations

import io
import zipfile

from ..schemas.document import Document
from .errors import DocumentError, ErrorCode
from .limits import Limits
from .options import DEFAULT_OPTIONS, ReadOptions
from .workbook import SheetData, check_zip, scan_budget, workbook_document

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
T_TABLE, T_ROW, T_CELL, T_COVERED = (f"{{{TABLE_NS}}}{n}" for n in ("table", "table-row", "table-cell",
                                                                       "covered-table-cell"))
T_NAME, T_STYLE, T_ROWS_REP, T_COLS_REP = (f"{{{TABLE_NS}}}{n}" for n in (
    "name", "style-name", "number-rows-repeated", "number-columns-repeated"))
T_COLS_SPAN, T_ROWS_SPAN, T_DISPLAY = (f"{{{TABLE_NS}}}{n}" for n in (
    "number-columns-spanned", "number-rows-spanned", "display"))
X_P, X_H, X_S, X_TAB, X_BREAK, X_C = (f"{{{TEXT_NS}}}{n}" for n in ("p", "h", "s", "tab", "line-break", "c"))
X_NOTE = f"{{{TEXT_NS}}}note"
S_STYLE, S_NAME, S_FAMILY, S_TABLE_PROPS = (f"{{{STYLE_NS}}}{n}" for n in ("style", "name", "family",
                                                                            "table-properties"))
OFFICE_ANNOTATION = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation"


def read_ods(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    from lxml import etree  # lazy

    check_zip(data, limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as source:
            sheets = _Reader(limits).read(source)
    except KeyError as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "the spreadsheet has no content.xml") from exc
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged OpenDocument spreadsheet: {exc}") from exc
    return workbook_document(sheets, "ods", limits)


class _Reader:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.hidden_styles: set[str] = set()
        self.sheets: list[SheetData] = []
        self.sheet: SheetData | None = None
        self.row = 0
        self.budget = 0

    def read(self, source) -> list[SheetData]:
        from lxml import etree

        events = etree.iterparse(source, events=("start", "end"), resolve_entities=False, no_network=True,
                                 huge_tree=False)
        for event, el in events:
            tag = el.tag
            if event == "start":
                if tag == T_TABLE:
                    self._open_table(el)
                continue
            if tag == S_STYLE:
                self._style(el)
            elif tag == T_ROW and self.sheet is not None:
                self._row(el)
                _release(el)
            elif tag == T_TABLE:
                self.sheet = None
                _release(el)
        return self.sheets

    def _open_table(self, el) -> None:
        self.sheet = SheetData(name=el.get(T_NAME) or f"Sheet{len(self.sheets) + 1}",
                               hidden=el.get(T_STYLE) in self.hidden_styles)
        self.sheets.append(self.sheet)
        self.row = 0
        self.budget = scan_budget(self.limits)

    def _style(self, el) -> None:
        if el.get(S_FAMILY) == "table":
            props = el.find(S_TABLE_PROPS)
            if props is not None and props.get(T_DISPLAY) == "false":
                self.hidden_styles.add(el.get(S_NAME) or "")

    def _row(self, el) -> None:
        sheet = self.sheet
        assert sheet is not None
        repeat = _count(el.get(T_ROWS_REP))
        if sheet.truncated:
            return
        cells = self._cells(el)
        if not cells:
            self.row += repeat  # a million empty rows are one element: move the cursor only
            return
        for _ in range(repeat):
            for (col, text), (rows, cols) in cells:
                sheet.cells[(self.row, col)] = text
                if rows > 1 or cols > 1:
                    sheet.merges.append((self.row, col, self.row + rows - 1, col + cols - 1))
            self.row += 1
            self.budget -= len(cells) + 1
            if len(sheet.cells) > self.limits.max_sheet_cells or self.budget < 0:
                sheet.truncated = True
                return

    def _cells(self, row) -> list[tuple[tuple[int, str], tuple[int, int]]]:
        """``((col, text), (rowspan, colspan))`` of the row's cells that show text or open a merge."""
        out: list[tuple[tuple[int, str], tuple[int, int]]] = []
        col = 0
        for cell in row:
            if cell.tag not in (T_CELL, T_COVERED):
                continue
            repeat = _count(cell.get(T_COLS_REP))
            text = _cell_text(cell) if cell.tag == T_CELL else ""
            spans = (_count(cell.get(T_ROWS_SPAN)), _count(cell.get(T_COLS_SPAN)))
            if text or spans != (1, 1):
                for k in range(min(repeat, max(self.budget, 0))):
                    out.append(((col + k, text), spans))
            col += repeat
            if col > 1_048_576:
                break
        return out


def _count(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


# ``<text:s text:c="N"/>`` stands for N spaces: 30 bytes could ask for a gigabyte. No cell
# shows more spaces in a row than a page holds characters (Limits.max_page_chars, 200,000).
MAX_SPACE_RUN = 200_000


def space_run(value: str | None) -> int:
    count = _count(value)
    if count > MAX_SPACE_RUN:
        raise DocumentError(ErrorCode.TOO_LARGE, f"a run of {count:,} spaces in one cell, above the limit of "
                                                 f"{MAX_SPACE_RUN:,}")
    return count


def _cell_text(cell) -> str:
    paragraphs = [_paragraph_text(p) for p in cell if p.tag in (X_P, X_H)]
    return "\n".join(paragraphs).strip()


def _paragraph_text(el) -> str:
    parts: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == X_S:
            parts.append(" " * space_run(child.get(X_C)))
        elif tag == X_TAB:
            parts.append("\t")
        elif tag == X_BREAK:
            parts.append("\n")
        elif tag in (X_NOTE, OFFICE_ANNOTATION):
            pass  # a comment or footnote, not the cell's text
        else:
            parts.append(_paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _release(el) -> None:
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]
