"""Excel 97–2003 workbooks (.xls) and WPS 表格 files (.et) through xlrd.

xlrd is the maintained reader of the BIFF format (2.x reads only .xls, which is what it is
kept for), and with ``formatting_info`` it gives what a cell's displayed text depends on:
the number format of its XF record, the merged ranges, and each sheet's visibility. A WPS
.et file is the same OLE container with a BIFF8 ``Workbook`` stream. BIFF stores a
formula's last result next to it, so formulas read as their saved values.

xlrd reads a whole sheet at once, so files above :attr:`Limits.max_xls_bytes` are refused
before parsing; within that, grids are bounded like every workbook's.
"""

from __future__ import annotations

import logging

from ..schemas.document import Document
from .errors import DocumentError, ErrorCode
from .limits import Limits
from .numfmt import display_text
from .options import DEFAULT_OPTIONS, ReadOptions
from .workbook import SheetData, scan_budget, workbook_document

log = logging.getLogger(__name__)


def read_xls(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    if len(data) > limits.max_xls_bytes:
        raise DocumentError(ErrorCode.TOO_LARGE, f"legacy workbook of {len(data):,} bytes is above the limit of "
                                                 f"{limits.max_xls_bytes:,}")
    import xlrd  # lazy: only legacy workbooks need it

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, ragged_rows=True,
                                  logfile=_NullLog())
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise DocumentError(ErrorCode.ENCRYPTED, "password-protected Excel workbook") from exc
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"unreadable Excel 97-2003 workbook: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - xlrd raises CompDocError, struct.error, AssertionError … on damaged bytes
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged Excel 97-2003 workbook: {type(exc).__name__}: {exc}") \
            from exc
    try:
        sheets = [_read_sheet(book, i, limits) for i in range(book.nsheets)]
    except Exception as exc:  # noqa: BLE001 - any failure inside xlrd's sheet parser is a damaged sheet
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged Excel 97-2003 sheet: {type(exc).__name__}: {exc}") \
            from exc
    finally:
        book.release_resources()
    return workbook_document(sheets, "xls", limits)


def _read_sheet(book, index: int, limits: Limits) -> SheetData:
    sh = book.sheet_by_index(index)
    sheet = SheetData(name=str(sh.name), hidden=sh.visibility != 0)
    budget = scan_budget(limits)
    for r in range(sh.nrows):
        row = sh.row(r)
        budget -= len(row) + 1
        for c, cell in enumerate(row):
            text = _cell_text(book, cell)
            if text:
                sheet.cells[(r, c)] = text
        if len(sheet.cells) > limits.max_sheet_cells or budget < 0:
            sheet.truncated = True
            break
    sheet.merges = [(rlo, clo, rhi - 1, chi - 1) for rlo, rhi, clo, chi in sh.merged_cells]
    book.unload_sheet(index)
    return sheet


def _cell_text(book, cell) -> str:
    import xlrd

    ctype, value = cell.ctype, cell.value
    if ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if ctype == xlrd.XL_CELL_TEXT:
        return display_text(value, _format(book, cell)).strip()
    if ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERR")
    if ctype == xlrd.XL_CELL_DATE:
        try:
            value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            pass
    return display_text(value, _format(book, cell)).strip()


def _format(book, cell) -> str | None:
    try:
        return book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    except (IndexError, KeyError, TypeError, AttributeError):
        return None


class _NullLog:
    """xlrd prints format warnings to a log file (stdout by default); they go to our logger."""

    def write(self, text: str) -> None:
        if text.strip():
            log.debug("xlrd: %s", text.strip())
