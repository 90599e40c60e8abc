"""``jdx import IN_DIR --db URL``: the batch engine into a work folder, then the catalog.

The batch does everything it does for ``jdx batch`` (isolated workers, deadlines, memory cap,
resumable manifest); this module only reads its two outputs, ``manifest.jsonl`` and
``roles.jsonl``, and hands each document to :func:`~.upsert.apply_documents`. With a kept work
folder (``--work DIR``) a re-import converts only the files whose bytes changed; without one,
a temporary folder is used and removed.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .store import Catalog
from .upsert import ApplyReport, DocumentResult, apply_documents

MANIFEST = "manifest.jsonl"
ROLES = "roles.jsonl"


@dataclass
class ImportReport:
    batch: Any                 # the batch's BatchSummary
    catalog: ApplyReport
    batch_seconds: float
    catalog_seconds: float


def _lines(path: Path) -> Iterator[str]:
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield line.rstrip("\n")


def read_batch_output(out_dir: Path) -> list[DocumentResult]:
    """Every document of a finished batch with its role lines (in role_index order)."""
    by_file: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for line in _lines(out_dir / ROLES):
        source = json.loads(line)["source"]
        by_file[source["file"]].append((source["role_index"], line))
    results = []
    for line in _lines(out_dir / MANIFEST):
        entry = json.loads(line)
        role_lines = [text for _, text in sorted(by_file.get(entry["path"], []))]
        results.append(DocumentResult(path=entry["path"], sha256=entry.get("sha256"), status=entry["status"],
                                      entry=line, roles=role_lines))
    return results


def import_folder(catalog: Catalog, in_dir: Path, *, work_dir: Path | None = None, prune: bool = False,
                  **batch_options: Any) -> ImportReport:
    """Convert ``in_dir`` with the batch engine and apply the results to ``catalog``.

    ``batch_options`` go to :func:`~jdx.pipeline.batch.run_batch` (workers, timeout, progress …).
    """
    from ..batch import run_batch

    temporary = work_dir is None
    work = Path(tempfile.mkdtemp(prefix="jdx-import-")) if work_dir is None else Path(work_dir)
    try:
        started = time.perf_counter()
        summary = run_batch(in_dir, work, **batch_options)
        converted = time.perf_counter()
        report = apply_documents(catalog, read_batch_output(work), origin="cli", source=str(in_dir), prune=prune)
        return ImportReport(summary, report, converted - started, time.perf_counter() - converted)
    finally:
        if temporary:
            shutil.rmtree(work, ignore_errors=True)


def format_import(report: ImportReport) -> str:
    c = report.catalog
    return (f"jdx import: {c.documents} documents applied, {c.unchanged} unchanged, {c.failed} failed"
            + (f", {c.removed} removed" if c.removed else "")
            + f"; roles added {c.count('added')}, changed {c.count('changed')}, retired {c.count('retired')}"
            + f" (batch {report.batch_seconds:.1f} s, catalog {report.catalog_seconds:.2f} s)")
