"""Excel 2007+ workbooks (.xlsx, .xlsm) through openpyxl, in read-only (streaming) mode.

openpyxl is the maintained reader that exposes what the text of a cell depends on: the saved
result of a formula (``data_only``), the number format, the sheet state. Read-only mode streams
rows, so a sheet can be cut at :attr:`Limits.max_sheet_cells` without loading it whole (the
full mode holds every cell as an object: 200 MB for 350,000 cells in ``benchmarks/sheet_bench.py``).
Two things read-only mode does not give are found in the sheet part's bytes: merged ranges, and
formulas whose result was never saved (a file written by a program rather than by Excel) —
those cells read empty and are reported.

A cell's text is what Excel shows (:mod:`.numfmt`): ``0.15`` under ``0%`` reads ``15%``.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
import zipfile

from ..schemas.document import Document, ReadIssue
from .errors import DocumentError, ErrorCode
from .limits import Limits
from .numfmt import ZH_CN_BUILTIN_FORMATS, display_text
from .options import DEFAULT_OPTIONS, ReadOptions
from .workbook import MergeRange, SheetData, check_zip, scan_budget, workbook_document

log = logging.getLogger(__name__)



def read_xlsx(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    check_zip(data, limits)
    workbook = _open(data)
    sheets: list[SheetData] = []
    issues: list[ReadIssue] = []
    uncalculated = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for ws in workbook.worksheets:
                sheet = _read_sheet(ws, limits)
                part = getattr(ws, "_worksheet_path", None)
                if part:
                    sheet.merges, missing = _scan_part(archive, part)
                    uncalculated += missing
                sheets.append(sheet)
    except DocumentError:
        raise
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, OSError, EOFError, zipfile.BadZipFile,
            SyntaxError) as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged workbook: {type(exc).__name__}: {exc}") from exc
    finally:
        workbook.close()
    if uncalculated:
        issues.append(ReadIssue(code="formula_without_value",
                                message=f"{uncalculated} formula cell(s) have no saved result (the file was not "
                                        "saved by a spreadsheet program) and read empty"))
    return workbook_document(sheets, "xlsx", limits, issues)


def _open(data: bytes):
    import openpyxl  # lazy: only workbooks need it

    try:
        with warnings.catch_warnings():
            # openpyxl warns about data validation, unknown extensions, default styles: not ours
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except zipfile.BadZipFile as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged workbook container: {exc}") from exc
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, OSError, EOFError, SyntaxError) as exc:
        # openpyxl raises what its XML binding meets: a missing part, a bad attribute …
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged workbook: {type(exc).__name__}: {exc}") from exc


def _read_sheet(ws, limits: Limits) -> SheetData:
    sheet = SheetData(name=str(ws.title), hidden=ws.sheet_state != "visible")
    ws.reset_dimensions()  # the stated <dimension> may say A1:XFD1048576; rows are padded only to their last cell
    budget = scan_budget(limits)
    filled = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for r, row in enumerate(ws.iter_rows()):
            budget -= len(row) + 1
            for c, cell in enumerate(row):
                text = _cell_text(cell)
                if text:
                    sheet.cells[(r, c)] = text
                    filled += 1
            if filled > limits.max_sheet_cells or budget < 0:
                sheet.truncated = True
                break
    return sheet


def _cell_text(cell) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    fmt = cell.number_format
    if fmt == "General" and not isinstance(value, str):
        # zh-CN builtin date formats are stored as an id openpyxl does not know
        fmt = ZH_CN_BUILTIN_FORMATS.get(cell.style_array.numFmtId, fmt)
    return display_text(value, fmt).strip()


# The two things openpyxl's read-only mode leaves out, found in the sheet part's bytes. Their
# markup is fixed by the schema (a mergeCell has one attribute; a formula's saved result is the
# <v> after its <f>), so a byte scan finds them without building a million row elements in
# Python the way an event parser would.
MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Za-z]{1,3}\d{1,7}:[A-Za-z]{1,3}\d{1,7})"')
FORMULA_WITHOUT_VALUE = re.compile(
    rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>")


def _scan_part(archive: zipfile.ZipFile, part: str) -> tuple[list[MergeRange], int]:
    """Merged ranges of one worksheet part, and how many formula cells have no saved value."""
    from openpyxl.utils.cell import range_boundaries

    try:
        xml = archive.read(part.lstrip("/"))  # its declared size was bounded by check_zip
    except (KeyError, OSError, zipfile.BadZipFile, EOFError) as exc:
        log.debug("worksheet part %s unreadable: %s", part, exc)
        return [], 0
    merges = [b for b in (_bounds(m.group(1).decode("ascii"), range_boundaries) for m in MERGE_REF.finditer(xml))
              if b is not None]
    return merges, len(FORMULA_WITHOUT_VALUE.findall(xml))


def _bounds(ref: str | None, range_boundaries) -> MergeRange | None:
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref or "")
    except (ValueError, TypeError):
        return None
    if None in (min_col, min_row, max_col, max_row):
        return None
    return (min_row - 1, min_col - 1, max_row - 1, max_col - 1)
