"""Spreadsheets of a batch's results: ``roles.xlsx`` and CSV twins, from roles.jsonl + manifest.jsonl.

Four tables, each a sheet of ``roles.xlsx`` and a CSV file:

* ``roles``    one row per role: scalar fields, lists one item per line, the duties as a numbered
               multi-line cell (so a person reads a role without leaving its row), counts;
* ``duties``   one row per duty, keyed by ``role_id``;
* ``kpis``     one row per KPI, keyed by ``role_id``;
* ``problems`` one row per failed/skipped file and per warning, so HR sees what to chase.

Headers are Chinese by default (岗位名称, 所属部门, 直接上级 …, from ``zh_texts.toml``), and so are
warnings, statuses and code values (是/否, 月); ``headers="en"`` writes the JSON field paths of the
role contract instead, so columns map one-to-one to ``roles.jsonl``, with values as in the JSON.
Roles a person should check (``review.needed``) come first and are shaded. Every sheet has its
header row frozen, a filter on every column, set column widths and wrapped multi-line cells.

CSVs are UTF-8 with a BOM: without it Excel reads them as the ANSI code page and garbles Chinese.
Text that a spreadsheet would run as a formula (``=…``; in CSV also ``+ - @``) is kept as text.
Rows are streamed (roles.jsonl is read twice, review-needed roles first). The workbook holds its
cells until it closes for a batch whose results are small (:data:`HELD_ROLES_BYTES`: shared
strings, a quarter faster) and streams them beyond (XlsxWriter's constant-memory mode), so memory
does not grow with the batch. Each file is written to a temporary name and renamed, so a crash
never leaves half a spreadsheet.

Public API (also used by the catalog export): :func:`export_tables` for a batch folder;
:func:`write_tables` to write any rows under the same layout; :data:`SHEET_COLUMNS` and the row
builders :func:`role_row`, :func:`duty_rows`, :func:`kpi_rows`, :func:`role_warning_rows`,
:func:`file_problem_rows`.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import re
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..schemas.role import field_value
from .batch.journal import read_records
from .zh_texts import ZhTexts, zh_texts

Headers = Literal["zh", "en"]
HEADERS: tuple[Headers, ...] = ("zh", "en")

SHEETS = ("roles", "duties", "kpis", "problems")
EXPORT_FILES = ("roles.xlsx", *(f"{name}.csv" for name in SHEETS))
EXCEL_CELL_MAX = 32_767
LIST_SEPARATOR = "\n"
CSV_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
# Excel row heights are in points; a line of 11-pt text needs about 15. Rows are capped so one
# role with forty duties does not fill the screen; the duties sheet has every duty in full.
LINE_POINTS = 15.0
MAX_ROW_LINES = 16

# Control characters no XML 1.0 document may hold (openpyxl's ILLEGAL_CHARACTERS_RE; importing
# openpyxl for it would bring numpy, 0.2 s of every batch's parent).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
REVIEW_FILL = "#FFE9C7"  # the shade of a role needing review
# Up to this size of roles.jsonl and manifest.jsonl together the workbook holds its cells in
# memory, measured at about 2.3 times that size (23 MB for the 10 MB of the corpus's 2,447 roles),
# and writes them in a quarter less time than streamed: each string once in a shared table instead
# of inline in every cell, less XML to compress. Beyond it, memory would grow with the batch; the
# cells are streamed.
HELD_ROLES_BYTES = 16_000_000


@dataclass(frozen=True)
class Column:
    """One column: ``key`` is the field path (the English header), ``width`` in Excel character
    units, ``wrap`` for text that runs over several lines, ``coded`` for contract codes shown in
    words under Chinese headers (booleans, ``month``, ``simplified``)."""

    key: str
    width: float = 12
    wrap: bool = False
    coded: bool = False


def _cols(*specs: tuple) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


ROLE_SPECS = _cols(
    ("id", 22), ("title", 18), ("review.needed", 9, False, True), ("review.reasons", 22, True),
    ("warnings", 26, True), ("organization", 22, True), ("department", 14, True), ("code", 12), ("grade", 10),
    ("headcount", 8), ("category", 10), ("employment_type", 10), ("location", 14, True), ("purpose", 40, True),
    ("reporting.reports_to", 14, True), ("reporting.direct_reports", 18, True),
    ("reporting.supervision.direct_positions", 9), ("reporting.supervision.direct_headcount", 9),
    ("reporting.supervision.indirect_positions", 9), ("reporting.supervision.indirect_headcount", 9),
    ("reporting.substitutes", 14, True), ("reporting.rotations", 14, True), ("reporting.promotions", 14, True),
    ("duties", 60, True), ("duties_count", 8), ("authorities", 40, True), ("equipment", 20, True),
    ("qualifications.education.level", 8), ("qualifications.education.or_above", 8, False, True),
    ("qualifications.education.text", 16, True), ("qualifications.majors", 18, True),
    ("qualifications.age.min", 8), ("qualifications.age.max", 8), ("qualifications.age.text", 12, True),
    ("qualifications.gender", 8), ("qualifications.experience.years_min", 9),
    ("qualifications.experience.text", 26, True), ("qualifications.skills", 30, True),
    ("qualifications.qualities", 24, True), ("qualifications.knowledge", 30, True),
    ("qualifications.certifications", 20, True), ("qualifications.training", 20, True),
    ("qualifications.special", 20, True), ("qualifications.preferred", 24, True),
    ("contacts.internal", 20, True), ("contacts.external", 20, True), ("kpis_count", 8),
    ("kpi_table_title", 18, True), ("compensation", 30, True), ("salary.min", 10), ("salary.max", 10),
    ("salary.unit", 8, False, True), ("salary.months", 8), ("salary.text", 16, True), ("benefits", 24, True),
    ("work_conditions", 24, True), ("other_sections", 30, True), ("unmapped_count", 9), ("coverage", 9),
    ("source.file", 30, True), ("source.format", 8), ("source.sha256", 20), ("source.encoding", 9),
    ("source.pages", 6), ("source.role_index", 8), ("source.role_count", 8), ("source.script", 8, False, True),
    ("source.ocr", 8, False, True),
)
DUTY_SPECS = _cols(
    ("role_id", 22), ("role_title", 18), ("n", 6), ("text", 70, True), ("category", 14, True),
    ("frequency", 12, True), ("metrics", 30, True), ("source.file", 30, True),
)
KPI_SPECS = _cols(
    ("role_id", 22), ("role_title", 18), ("n", 6), ("name", 28, True), ("weight_pct", 9), ("targets.month", 14, True),
    ("targets.quarter", 14, True), ("targets.half_year", 14, True), ("targets.year", 14, True),
    ("targets.text", 24, True), ("source.file", 30, True),
)
PROBLEM_SPECS = _cols(
    ("path", 40, True), ("status", 9, False, True), ("kind", 10, False, True), ("code", 22), ("description", 30, True),
    ("message", 40, True), ("role_id", 22), ("duplicate_of", 30, True),
)
SHEET_COLUMNS: dict[str, tuple[Column, ...]] = {
    "roles": ROLE_SPECS, "duties": DUTY_SPECS, "kpis": KPI_SPECS, "problems": PROBLEM_SPECS,
}
ROLE_COLUMNS = tuple(c.key for c in ROLE_SPECS)
DUTY_COLUMNS = tuple(c.key for c in DUTY_SPECS)
KPI_COLUMNS = tuple(c.key for c in KPI_SPECS)
PROBLEM_COLUMNS = tuple(c.key for c in PROBLEM_SPECS)
COLUMNS = {name: tuple(c.key for c in specs) for name, specs in SHEET_COLUMNS.items()}


def header_row(sheet: str, headers: Headers = "zh") -> list[str]:
    """The header cells of a sheet: Chinese names, or the field paths for ``headers="en"``."""
    texts = zh_texts()
    return [c.key if headers == "en" else texts.column(c.key, sheet) for c in SHEET_COLUMNS[sheet]]


def sheet_title(sheet: str, headers: Headers = "zh") -> str:
    return sheet if headers == "en" else zh_texts().sheets[sheet]


def export_tables(out_dir: Path, roles_file: str = "roles.jsonl", manifest_file: str = "manifest.jsonl",
                  *, headers: Headers = "zh", context: Any = None, review: Sequence[bool] | None = None,
                  rows_done: Callable[[], object] | None = None) -> list[Path]:
    """Write roles.xlsx and the four CSVs of a batch folder into it; return their paths.

    Roles needing review come first, in file order, then the others, in file order. ``review``,
    when the caller knows it (a batch's journal index), is each role line's ``review.needed``
    in file order: each line is then parsed once instead of twice (see :func:`batch_rows`).
    ``rows_done`` is called once every row has been built, before the workbook is written out:
    a batch starts its next child there, on the core the rows' child leaves.

    With a multiprocessing ``context`` (a batch's, whose server has the pipeline loaded), a
    child reads the batch's records, builds every row and writes the CSVs, handing the rows
    over as it goes, while this process writes the workbook: the export is the longest part
    of a batch's end, where nothing else runs, and XlsxWriter's cells are about two thirds of
    it (issue 13). The files are the same either way.
    """
    out_dir = Path(out_dir)
    _check_headers(headers)
    streamed = _streamed_workbook(out_dir / roles_file, out_dir / manifest_file)
    # A child forked from the workers' server starts in milliseconds; a spawned one (no forkserver
    # on the platform) would import the pipeline first, and the rows would wait for it.
    if context is None or context.get_start_method() != "forkserver":
        return _write(out_dir, batch_rows(out_dir, roles_file, manifest_file, headers, review), headers,
                      streamed=streamed, rows_done=rows_done)
    from .batch.beside import Streamed

    with _replacing(out_dir), Workbook(out_dir, headers, streamed=streamed) as workbook, \
            Streamed(context, csv_written_rows, out_dir, roles_file, manifest_file, headers, review) as rows:
        for row in rows.items():
            workbook.add(row)
        rows.result()
        if rows_done is not None:
            rows_done()
    return commit_tables(out_dir)


def csv_written_rows(out_dir: Path, roles_file: str, manifest_file: str, headers: Headers,
                     review: Sequence[bool] | None = None) -> Generator[Prepared, None, None]:
    """:func:`batch_rows`, each row also written to the CSV tables as it passes (under their
    temporary names: the caller commits or discards them with the workbook)."""
    with CsvTables(out_dir, headers) as tables:
        for row in batch_rows(out_dir, roles_file, manifest_file, headers, review):
            tables.add(row)
            yield row


def batch_rows(out_dir: Path, roles_file: str = "roles.jsonl", manifest_file: str = "manifest.jsonl",
               headers: Headers = "zh", review: Sequence[bool] | None = None) -> Iterator[Prepared]:
    """The rows of every sheet for a batch folder, prepared (:func:`prepare`), in the order
    they are written: per role its roles row, duties, KPIs and warnings, then the files' problems.
    ``review`` as in :func:`export_tables`."""
    _check_headers(headers)
    entries = list(read_records(out_dir / manifest_file))  # small: one short line per file
    status = {e["path"]: e["status"] for e in entries}
    for role in roles_needing_review_first(out_dir / roles_file, review):
        yield prepare("roles", role_row(role, headers), highlight=needs_review(role))
        for row in duty_rows(role):
            yield prepare("duties", row)
        for row in kpi_rows(role):
            yield prepare("kpis", row)
        for row in role_warning_rows(role, status.get(role["source"]["file"], ""), headers):
            yield prepare("problems", row)
    for entry in entries:
        for row in file_problem_rows(entry, headers):
            yield prepare("problems", row)


def write_tables(out_dir: Path, sheets: dict[str, Iterable[list[Any]]], *, headers: Headers = "zh",
                 highlight: Iterable[bool] | None = None) -> list[Path]:
    """Write rows already built (by :func:`role_row` etc.) as roles.xlsx + CSVs into ``out_dir``.

    ``sheets`` maps sheet names of :data:`SHEETS` to their rows, consumed in that order;
    ``highlight`` (one flag per role row) shades roles needing review. For callers that select
    or order roles themselves, such as a role catalog.
    """
    _check_headers(headers)
    flags = iter(highlight or ())
    rows = (prepare(sheet, row, highlight=sheet == "roles" and next(flags, False))
            for sheet in SHEETS for row in sheets.get(sheet, ()))
    return _write(Path(out_dir), rows, headers)


# ----------------------------------------------------------------------------- rows


def needs_review(role: dict) -> bool:
    return bool((role.get("review") or {}).get("needed"))


def roles_needing_review_first(path: Path, review: Sequence[bool] | None = None) -> Iterator[dict]:
    """The roles of a roles.jsonl, those needing review first, each part in file order; the file
    is read twice (it can be large). With ``review`` (each line's flag, known to the caller) a
    line is parsed only in the pass that yields it; a ``review`` that does not count the file's
    lines is not used."""
    if review is None or _count_lines(path) != len(review):
        yield from (r for r in read_records(path) if needs_review(r))
        yield from (r for r in read_records(path) if not needs_review(r))
        return
    if not review:  # no role lines (or no file)
        return
    for wanted in (True, False):
        with open(path, "rb") as fh:
            lines = (line for line in fh if line.strip())
            yield from (json.loads(line) for line, flag in zip(lines, review, strict=True) if bool(flag) is wanted)


def _count_lines(path: Path) -> int:
    """The non-blank lines of a file (those :func:`read_records` reads); 0 when it is absent."""
    try:
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except FileNotFoundError:
        return 0


def _joined(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def numbered(texts: Iterable[str]) -> str:
    """``1. 负责…\\n2. 组织…``: list items as one cell a person reads top to bottom."""
    return LIST_SEPARATOR.join(f"{n}. {text}" for n, text in enumerate(texts, start=1))


def warning_text(warning: dict, texts: ZhTexts) -> str:
    """A warning in Chinese: the code's wording, and the field it concerns (栏目无内容：岗位编号)."""
    words = texts.code(warning["code"])
    field = warning.get("field")
    return f"{words}：{texts.column(field)}" if field else words


def role_row(role: dict, headers: Headers = "zh") -> list[Any]:
    """The ``roles`` sheet row of one role (a ``roles.jsonl`` object), in :data:`ROLE_SPECS` order."""
    texts = zh_texts()
    zh = headers == "zh"
    warnings = role.get("warnings", [])
    reasons = (role.get("review") or {}).get("reasons", [])
    derived = {
        "duties": numbered(d["text"] for d in role.get("duties", [])),
        "other_sections": LIST_SEPARATOR.join(f"{s['heading']}：{s['text']}" for s in role.get("other_sections", [])),
        "duties_count": len(role.get("duties", [])),
        "kpis_count": len(role.get("kpis", [])),
        "unmapped_count": len(role.get("unmapped", [])),
        "warnings": LIST_SEPARATOR.join(warning_text(w, texts) if zh else w["code"] for w in warnings),
        "review.reasons": LIST_SEPARATOR.join(texts.code(r) if zh else r for r in reasons),
    }
    row = []
    for column, keys in ROLE_PATHS:
        if column.key in derived:
            value = derived[column.key]
        else:  # most columns are a top-level field
            value = _joined(role.get(keys[0]) if len(keys) == 1 else field_value(role, keys))
        row.append(texts.value(value) if zh and column.coded and value is not None else value)
    return row


# Each roles column with its field path split once (a row looks up seventy of them).
ROLE_PATHS = tuple((column, tuple(column.key.split("."))) for column in ROLE_SPECS)


def duty_rows(role: dict) -> Iterator[list[Any]]:
    for n, duty in enumerate(role.get("duties", []), start=1):
        yield [role["id"], role["title"], n, duty["text"], duty.get("category"), duty.get("frequency"),
               _joined(duty.get("metrics", [])), role["source"]["file"]]


def kpi_rows(role: dict) -> Iterator[list[Any]]:
    for n, kpi in enumerate(role.get("kpis", []), start=1):
        targets = kpi.get("targets") or {}
        yield [role["id"], role["title"], n, kpi["name"], kpi.get("weight_pct"), targets.get("month"),
               targets.get("quarter"), targets.get("half_year"), targets.get("year"), targets.get("text"),
               role["source"]["file"]]


def _problem(path: str, status: str, kind: str, code: str, message: str, role_id: str | None,
             duplicate_of: str | None, headers: Headers) -> list[Any]:
    texts = zh_texts()
    if headers == "zh":
        return [path, texts.status(status), texts.value(kind), code, texts.code(code), message, role_id, duplicate_of]
    return [path, status, kind, code, texts.code(code), message, role_id, duplicate_of]


def role_warning_rows(role: dict, status: str, headers: Headers = "zh") -> Iterator[list[Any]]:
    for warning in role.get("warnings", []):
        yield _problem(role["source"]["file"], status, "role warning", warning["code"], warning["message"],
                       role["id"], None, headers)


def file_problem_rows(entry: dict, headers: Headers = "zh") -> Iterator[list[Any]]:
    path, status = entry["path"], entry["status"]
    for kind, key in (("error", "error"), ("skipped", "reason")):
        if entry.get(key):
            yield _problem(path, status, kind, entry[key]["code"], entry[key]["message"], None,
                           entry.get("duplicate_of"), headers)
    for warning in entry.get("warnings", []):
        yield _problem(path, status, "warning", warning["code"], warning["message"], None, None, headers)


# ----------------------------------------------------------------------------- writing


def _clean(text: str) -> str:
    """What a cell can hold: no control characters, no more than Excel's 32,767 characters."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > EXCEL_CELL_MAX:
        text = text[: EXCEL_CELL_MAX - 1] + "…"
    return text


def _csv_fields(values: list[Any]) -> list[Any]:
    """A row's cleaned values (:func:`_clean`) as CSV fields: text a spreadsheet would run as a
    formula kept as text, no value for None. (One comprehension per row, not a call per value:
    the export's rows are built at the end of a batch, where nothing else runs.)"""
    return [("'" + v if v.startswith(CSV_FORMULA_LEADS) else v) if isinstance(v, str) else ("" if v is None else v)
            for v in values]


def display_width(text: str) -> float:
    """Width in Excel character units, about: a CJK character (three bytes in UTF-8) takes two
    units, ASCII one. Counted from the encoded length, which is much faster than per character."""
    return (len(text) + len(text.encode("utf-8"))) / 2


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` characters wide (an estimate:
    Excel fits row heights only when a person asks it to, so the writer sets them)."""
    usable = max(1.0, width - 1)
    if "\n" not in text:  # most cells: one paragraph
        return max(1, math.ceil(display_width(text) / usable))
    return sum(max(1, math.ceil(display_width(line) / usable)) for line in text.split("\n"))


# A row as the writers take it: its sheet, its values cleaned for a cell (:func:`_clean`), the
# lines its tallest wrapped cell takes, and whether it is shaded (a role needing review).
Prepared = tuple[str, list[Any], int, bool]


# Per sheet, the (position, width) of its wrapped columns: those a row's height is fitted to.
WRAPPED = {sheet: tuple((i, c.width) for i, c in enumerate(specs) if c.wrap) for sheet, specs in SHEET_COLUMNS.items()}


def prepare(sheet: str, row: list[Any], highlight: bool = False) -> Prepared:
    """A row of ``sheet`` ready for both writers: cleaned values and its height in lines."""
    if len(row) != len(SHEET_COLUMNS[sheet]):
        raise ValueError(f"a {sheet} row has {len(row)} values for {len(SHEET_COLUMNS[sheet])} columns")
    values = [_clean(v) if isinstance(v, str) else v for v in row]
    lines = max((wrapped_lines(v, width) for v, width in ((values[i], w) for i, w in WRAPPED[sheet])
                 if v and isinstance(v, str)), default=1)
    return sheet, values, lines, highlight


def _check_headers(headers: str) -> None:
    if headers not in HEADERS:
        raise ValueError(f"headers must be one of {HEADERS}, not {headers!r}")


def _streamed_workbook(*sources: Path) -> bool:
    """Whether a batch's workbook streams its cells (:data:`HELD_ROLES_BYTES`): its rows come
    from roles.jsonl and, one per problem, from manifest.jsonl (a folder of 100,000 junk files
    writes few roles and 100,000 problem rows)."""
    try:
        return sum(path.stat().st_size for path in sources) > HELD_ROLES_BYTES
    except OSError:
        return True  # the export reports the missing file itself


def _write(out_dir: Path, rows: Iterable[Prepared], headers: Headers, *, streamed: bool = True,
           rows_done: Callable[[], object] | None = None) -> list[Path]:
    """Both writers over the same rows, in this process; the files replace the old ones at the end."""
    with _replacing(out_dir), Workbook(out_dir, headers, streamed=streamed) as workbook:
        with CsvTables(out_dir, headers) as tables:
            for row in rows:
                workbook.add(row)
                tables.add(row)
        if rows_done is not None:
            rows_done()
    return commit_tables(out_dir)


@contextlib.contextmanager
def _replacing(out_dir: Path) -> Iterator[None]:
    """The tables written inside: on any failure what was written is discarded
    (:func:`discard_tables`), and the tables of an earlier run stay as they were."""
    try:
        yield
    except BaseException:
        discard_tables(out_dir)
        raise


def _tmp(out_dir: Path, name: str) -> Path:
    return out_dir / f".{name}.tmp"


def commit_tables(out_dir: Path) -> list[Path]:
    """Put the written tables (:class:`Workbook`, :class:`CsvTables`) in place of the old ones,
    together, once all of them are complete; return their paths."""
    for name in EXPORT_FILES:
        os.replace(_tmp(out_dir, name), out_dir / name)
    return [out_dir / name for name in EXPORT_FILES]


def discard_tables(out_dir: Path) -> None:
    """Remove what a failed export left; the tables of an earlier run stay as they were."""
    for name in EXPORT_FILES:
        with contextlib.suppress(FileNotFoundError):
            _tmp(out_dir, name).unlink()


class CsvTables:
    """The four CSV files, filled row by row under temporary names (:func:`commit_tables`
    renames them)."""

    def __init__(self, out_dir: Path, headers: Headers = "zh") -> None:
        self._files: dict[str, Any] = {}
        try:
            for name in SHEETS:
                self._files[name] = open(_tmp(out_dir, f"{name}.csv"), "w", encoding="utf-8-sig", newline="")
                csv.writer(self._files[name]).writerow(header_row(name, headers))
        except BaseException:
            self.__exit__(None, None, None)  # the files opened so far
            raise
        self._writers = {name: csv.writer(fh) for name, fh in self._files.items()}

    def add(self, row: Prepared) -> None:
        sheet, values, _, _ = row
        self._writers[sheet].writerow(_csv_fields(values))

    def __enter__(self) -> CsvTables:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        for fh in self._files.values():
            fh.close()


class Workbook:
    """roles.xlsx, filled row by row under a temporary name (:func:`commit_tables` renames it).

    Written with XlsxWriter; ``streamed`` puts it in its constant-memory mode, where each row
    goes to the sheet's XML as it is added, with no cell object per value, and strings inline;
    otherwise it holds the cells and writes each distinct string once (:data:`HELD_ROLES_BYTES`).
    openpyxl's write-only mode made a cell object for every value and spent ~60% of the export
    there, and the export runs at the end of a batch, after the workers (issue 13: the serial
    part of a batch)."""

    def __init__(self, out_dir: Path, headers: Headers = "zh", *, streamed: bool = True) -> None:
        # Imported here: the child that builds a batch's rows and CSVs does without it.
        import xlsxwriter

        # Values as they are: a text that looks like a formula, a number or a link stays text.
        self._workbook = xlsxwriter.Workbook(str(_tmp(out_dir, "roles.xlsx")), {
            "constant_memory": streamed, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False})
        self._sheets = {name: self._workbook.add_worksheet(sheet_title(name, headers)) for name in SHEETS}
        self._rows = dict.fromkeys(SHEETS, 0)  # rows written so far (the header included)
        self._formats: dict[tuple[bool | None, bool], Any] = {}
        self._row_styles: dict[tuple[str, bool, bool], tuple[Any, ...]] = {}
        for name in SHEETS:
            self._start_sheet(name, header_row(name, headers))

    def _start_sheet(self, name: str, header: list[str]) -> None:
        sheet, specs = self._sheets[name], SHEET_COLUMNS[name]
        for i, column in enumerate(specs):
            sheet.set_column(i, i, _xlsxwriter_width(column.width))
        sheet.freeze_panes(1, 2 if name == "roles" else 0)  # C2 / A2
        sheet.write_row(0, 0, header, self._workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"}))
        self._rows[name] = 1

    def add(self, row: Prepared) -> None:
        sheet, values, lines, highlight = row
        ws, index = self._sheets[sheet], self._rows[sheet]
        self._rows[sheet] += 1
        tall = lines > 1
        if tall or highlight:
            # A shaded row carries the shade as its row format, which its empty cells show:
            # a third of a role row's cells are empty, and each written cell costs XML.
            ws.set_row(index, min(lines, MAX_ROW_LINES) * LINE_POINTS if tall else None,
                       self._format(None, True) if highlight else None)
        for col, (value, style) in enumerate(zip(values, self._styles(sheet, tall, highlight), strict=True)):
            if isinstance(value, str):  # typed writers: write() tests every string for formulas, links
                if value:
                    ws.write_string(index, col, value, style)
            elif isinstance(value, bool):
                ws.write_boolean(index, col, value, style)
            elif isinstance(value, int | float):
                ws.write_number(index, col, value, style)
            elif value is not None:
                ws.write(index, col, value, style)

    def _styles(self, sheet: str, tall: bool, highlight: bool) -> tuple[Any, ...]:
        """The format of each cell of a row of ``sheet``: a tall row aligns its cells at the top
        (wrapping the wrapped columns), a shaded one shades them; made once per kind of row."""
        key = (sheet, tall, highlight)
        if key not in self._row_styles:
            plain = self._format(None, True) if highlight else None
            self._row_styles[key] = tuple(self._format(column.wrap, highlight) if tall else plain
                                          for column in SHEET_COLUMNS[sheet])
        return self._row_styles[key]

    def _format(self, wrap: bool | None, highlight: bool) -> Any:
        """A cell format made once and shared: ``wrap`` True wraps at the top, False aligns at
        the top, None leaves the alignment alone; ``highlight`` shades a role needing review."""
        key = (wrap, highlight)
        if key not in self._formats:
            properties: dict[str, Any] = {}
            if wrap is not None:
                properties.update({"text_wrap": True, "valign": "top"} if wrap else {"valign": "top"})
            if highlight:
                properties.update({"pattern": 1, "bg_color": REVIEW_FILL})
            self._formats[key] = self._workbook.add_format(properties)
        return self._formats[key]

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            with contextlib.suppress(Exception):
                self._workbook.close()  # removes its temporary files; the caller discards the rest
            return
        for name, sheet in self._sheets.items():
            sheet.autofilter(0, 0, self._rows[name] - 1, len(SHEET_COLUMNS[name]) - 1)
        self._workbook.close()


def _xlsxwriter_width(width: float) -> float:
    """The width to give XlsxWriter so that the file stores ``width`` itself, as openpyxl
    wrote it: XlsxWriter adds Calibri 11's cell padding (5 of 7 pixels) to what it is given.
    The tiny excess keeps its truncation to 1/256 from landing one step low."""
    return width - 5 / 7 + 1e-9
