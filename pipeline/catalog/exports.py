"""``jdx export --db URL --to jsonl|jsonld|csv|xlsx``: the catalog's current roles as files.

* ``jsonl``  one :class:`~jdx.schemas.catalog.CatalogRole` per line (key, version, status, role);
* ``jsonld`` one JSON-LD document, ``{"@context": "https://schema.org", "@graph": [JobPosting …]}``
  (:mod:`.jobposting`); a role that cannot be a valid JobPosting (no title, or no text at all to
  describe it) is left out and reported;
* ``csv`` / ``xlsx`` the spreadsheets ``jdx batch`` writes (:func:`jdx.pipeline.export.export_tables`,
  called, not copied), from the catalog's roles and documents. In these sheets the ``id`` and
  ``role_id`` columns hold the catalog key, so a sheet row names the role the way the API does.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from .jobposting import CONTEXT, job_posting, job_posting_problems
from .queries import catalog_role_json, current_roles
from .store import Catalog
from .tables import documents

FORMATS = ("jsonl", "jsonld", "csv", "xlsx")


@dataclass
class ExportReport:
    roles: int = 0
    left_out: list[tuple[str, list[str]]] = field(default_factory=list)  # (key, why) for jsonld
    files: list[Path] = field(default_factory=list)


def export_jsonl(catalog: Catalog, out: TextIO, include_retired: bool = False) -> ExportReport:
    report = ExportReport()
    with catalog.reading() as conn:
        for row in current_roles(conn, include_retired):
            out.write(catalog_role_json(row) + "\n")
            report.roles += 1
    return report


def export_jsonld(catalog: Catalog, out: TextIO) -> ExportReport:
    """Streamed: the graph is written node by node, so memory does not grow with the catalog."""
    report = ExportReport()
    out.write(f'{{"@context":{json.dumps(CONTEXT)},"@graph":[')
    with catalog.reading() as conn:
        for row in current_roles(conn):
            role = json.loads(row.record)
            node = job_posting(role, row.key, row.created_at[:10])
            problems = job_posting_problems(node, role)
            if problems:
                report.left_out.append((row.key, problems))
                continue
            out.write(("," if report.roles else "") + "\n" + json.dumps(node, ensure_ascii=False))
            report.roles += 1
    out.write("\n]}\n")
    return report


def _write_batch_files(catalog: Catalog, folder: Path) -> int:
    """roles.jsonl (id = key) and manifest.jsonl from the catalog, as a batch would have written them."""
    count = 0
    with catalog.reading() as conn, open(folder / "roles.jsonl", "w", encoding="utf-8") as roles_fh, \
            open(folder / "manifest.jsonl", "w", encoding="utf-8") as manifest_fh:
        for row in current_roles(conn):
            role = json.loads(row.record)
            role["id"] = row.key
            roles_fh.write(json.dumps(role, ensure_ascii=False) + "\n")
            count += 1
        for entry in conn.execute(select(documents.c.entry).where(documents.c.status != "removed")
                                  .order_by(documents.c.path)).scalars():
            manifest_fh.write(entry + "\n")
    return count


def export_tables(catalog: Catalog, dest: Path, to: str) -> ExportReport:
    """``xlsx``: ``dest`` is the workbook file; ``csv``: ``dest`` is a folder for the CSV files."""
    from ..export import export_tables as write_tables

    target_dir = dest.parent if to == "xlsx" else dest
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".jdx-export-", dir=target_dir) as tmp:
        work = Path(tmp)
        report = ExportReport(roles=_write_batch_files(catalog, work))
        written = write_tables(work)
        wanted: Callable[[Path], bool] = (lambda p: p.suffix == ".xlsx") if to == "xlsx" else (lambda p: p.suffix == ".csv")
        for path in (p for p in written if wanted(p)):
            final = dest if to == "xlsx" else dest / path.name
            os.replace(path, final)
            report.files.append(final)
    return report
