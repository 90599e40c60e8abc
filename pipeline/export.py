"""Spreadsheets of a batch's results: ``roles.xlsx`` and CSV twins, from roles.jsonl + manifest.jsonl.

Four tables, each a sheet of ``roles.xlsx`` and a CSV file:

* ``roles``    one row per role: scalar fields, lists joined one item per line, counts of duties/KPIs;
* ``duties``   one row per duty, keyed by ``role_id``;
* ``kpis``     one row per KPI, keyed by ``role_id``;
* ``problems`` one row per failed/skipped file and per warning, so HR sees what to chase.

Headers are the JSON field paths of the role contract so columns map one-to-one to ``roles.jsonl``.
CSVs are UTF-8 with a BOM: without it Excel reads them as the ANSI code page and garbles Chinese.
Text that a spreadsheet would run as a formula (``=…``; in CSV also ``+ - @``) is kept as text.
Everything is streamed (openpyxl write-only mode), so memory does not grow with the batch, and
each file is written to a temporary name and renamed, so a crash never leaves half a spreadsheet.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

SHEETS = ("roles", "duties", "kpis", "problems")
EXPORT_FILES = ("roles.xlsx", *(f"{name}.csv" for name in SHEETS))
EXCEL_CELL_MAX = 32_767
LIST_SEPARATOR = "\n"
CSV_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")

ROLE_COLUMNS = (
    "id", "title", "code", "organization", "department", "grade", "headcount", "category", "purpose",
    "reporting.reports_to", "reporting.direct_reports", "reporting.supervision.direct_positions",
    "reporting.supervision.direct_headcount", "reporting.supervision.indirect_positions",
    "reporting.supervision.indirect_headcount", "reporting.substitutes", "reporting.rotations",
    "reporting.promotions", "authorities", "equipment",
    "qualifications.education.level", "qualifications.education.or_above", "qualifications.education.text",
    "qualifications.majors", "qualifications.age.min", "qualifications.age.max", "qualifications.age.text",
    "qualifications.gender", "qualifications.experience.years_min", "qualifications.experience.text",
    "qualifications.skills", "qualifications.qualities", "qualifications.knowledge",
    "qualifications.certifications", "qualifications.training", "qualifications.special",
    "contacts.internal", "contacts.external", "kpi_table_title", "compensation", "work_conditions",
    "other_sections", "duties_count", "kpis_count", "unmapped_count", "coverage", "warnings",
    "source.file", "source.format", "source.sha256", "source.encoding", "source.pages",
    "source.role_index", "source.role_count",
)
DUTY_COLUMNS = ("role_id", "role_title", "n", "text", "category", "frequency", "metrics", "source.file")
KPI_COLUMNS = (
    "role_id", "role_title", "n", "name", "weight_pct", "targets.month", "targets.quarter", "targets.half_year",
    "targets.year", "targets.text", "source.file",
)
PROBLEM_COLUMNS = ("path", "status", "kind", "code", "message", "role_id", "duplicate_of")
COLUMNS = {"roles": ROLE_COLUMNS, "duties": DUTY_COLUMNS, "kpis": KPI_COLUMNS, "problems": PROBLEM_COLUMNS}


def export_tables(out_dir: Path, roles_file: str = "roles.jsonl", manifest_file: str = "manifest.jsonl") -> list[Path]:
    """Write roles.xlsx and the four CSVs into ``out_dir``; return their paths."""
    entries = list(_json_lines(out_dir / manifest_file))  # small: one short line per file
    status = {e["path"]: e["status"] for e in entries}
    with _Tables(out_dir) as tables:
        for role in _json_lines(out_dir / roles_file):
            tables.add("roles", role_row(role))
            for row in duty_rows(role):
                tables.add("duties", row)
            for row in kpi_rows(role):
                tables.add("kpis", row)
            for row in role_warning_rows(role, status.get(role["source"]["file"], "")):
                tables.add("problems", row)
        for entry in entries:
            for row in file_problem_rows(entry):
                tables.add("problems", row)
    return [out_dir / name for name in EXPORT_FILES]


# ----------------------------------------------------------------------------- rows


def _get(obj: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _joined(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def role_row(role: dict) -> list[Any]:
    derived = {
        "other_sections": LIST_SEPARATOR.join(f"{s['heading']}：{s['text']}" for s in role.get("other_sections", [])),
        "duties_count": len(role.get("duties", [])),
        "kpis_count": len(role.get("kpis", [])),
        "unmapped_count": len(role.get("unmapped", [])),
        "warnings": LIST_SEPARATOR.join(w["code"] for w in role.get("warnings", [])),
    }
    return [derived[c] if c in derived else _joined(_get(role, c)) for c in ROLE_COLUMNS]


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


def role_warning_rows(role: dict, status: str) -> Iterator[list[Any]]:
    for warning in role.get("warnings", []):
        yield [role["source"]["file"], status, "role warning", warning["code"], warning["message"], role["id"], None]


def file_problem_rows(entry: dict) -> Iterator[list[Any]]:
    path, status = entry["path"], entry["status"]
    for kind, key in (("error", "error"), ("skipped", "reason")):
        if entry.get(key):
            yield [path, status, kind, entry[key]["code"], entry[key]["message"], None, entry.get("duplicate_of")]
    for warning in entry.get("warnings", []):
        yield [path, status, "warning", warning["code"], warning["message"], None, None]


# ----------------------------------------------------------------------------- writing


def _json_lines(path: Path) -> Iterator[dict]:
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _clean(value: Any) -> Any:
    """What a cell can hold: no control characters, no more than Excel's 32,767 characters."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(value) > EXCEL_CELL_MAX:
        value = value[: EXCEL_CELL_MAX - 1] + "…"
    return value


def _csv_value(value: Any) -> Any:
    value = _clean(value)
    if isinstance(value, str) and value.startswith(CSV_FORMULA_LEADS):
        return "'" + value
    return "" if value is None else value


class _Tables:
    """The xlsx sheets and CSV files, filled row by row and renamed into place on success."""

    def __init__(self, out_dir: Path) -> None:
        self._out_dir = out_dir
        self._workbook = Workbook(write_only=True)
        self._sheets = {name: self._workbook.create_sheet(name) for name in SHEETS}
        self._csv_files = {name: open(self._tmp(f"{name}.csv"), "w", encoding="utf-8-sig", newline="")
                           for name in SHEETS}
        self._csv = {name: csv.writer(fh) for name, fh in self._csv_files.items()}
        for name, columns in COLUMNS.items():
            self._sheets[name].append(list(columns))
            self._csv[name].writerow(columns)

    def _tmp(self, name: str) -> Path:
        return self._out_dir / f".{name}.tmp"

    def add(self, sheet: str, row: list[Any]) -> None:
        self._sheets[sheet].append([self._cell(sheet, value) for value in row])
        self._csv[sheet].writerow([_csv_value(value) for value in row])

    def _cell(self, sheet: str, value: Any) -> Any:
        value = _clean(value)
        if isinstance(value, str) and value.startswith("=") and len(value) > 1:
            # openpyxl would store "=销售额×10%" as a formula for Excel to run; it is text.
            cell = WriteOnlyCell(self._sheets[sheet], value=value)
            cell.data_type = "s"
            return cell
        return value  # plain values: a cell object per value costs more than the XML writing

    def __enter__(self) -> _Tables:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        for fh in self._csv_files.values():
            fh.close()
        if exc_type is not None:
            for name in SHEETS:
                with contextlib.suppress(FileNotFoundError):
                    self._tmp(f"{name}.csv").unlink()
            return
        self._workbook.save(self._tmp("roles.xlsx"))
        for name in EXPORT_FILES:
            os.replace(self._tmp(name), self._out_dir / name)
