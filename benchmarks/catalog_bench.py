"""Benchmark the catalog's import: ``jdx import`` into SQLite and PostgreSQL against ``jdx batch`` alone.

Not a test. Part 1 converts a real folder (../shared/corpus by default, else samples/documents)
three ways in one run — ``run_batch`` alone, ``import_folder`` into SQLite, ``import_folder`` into
a PostgreSQL server (pgserver, started here) — each into a fresh work folder, after a warm-up
batch so that no run pays the forkserver's start. The batch runs twice (first and last) to show
how much two identical batch runs differ on this machine; the catalog's own cost is also shown
directly: the seconds ``apply_documents`` took after the batch in the same import. Then each
import is repeated over the unchanged folder (the batch reuses everything; the catalog finds
every document unchanged).

Part 2 measures the catalog alone at scale: ``--roles`` synthetic roles (copies of real roles)
applied in transactions of 100 documents, then the same with 10% of the documents revised, then
unchanged. Target: the catalog costs ≤ 10% on top of ``jdx batch``. Example::

    .venv/bin/python benchmarks/catalog_bench.py
    .venv/bin/python benchmarks/catalog_bench.py --folder samples/documents --roles 10000
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from catalog_support import CORPUS, SAMPLES, postgres_url, real_roles, synthetic_documents


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def part1(folder: Path, workers: int, tmp: Path) -> None:
    from jdx.pipeline.batch import run_batch
    from jdx.pipeline.catalog.importer import import_folder
    from jdx.pipeline.catalog.store import open_catalog

    run_batch(SAMPLES, tmp / "warm", workers=workers)
    catalogs = {"sqlite": open_catalog(f"sqlite:///{tmp / 'bench.db'}"),
                "postgresql": open_catalog(postgres_url("jdx_bench_import"))}
    rows = []

    def batch_alone(n: int) -> None:
        t = time.perf_counter()
        summary = run_batch(folder, tmp / f"batch{n}", workers=workers)
        rows.append((f"jdx batch alone (run {n})", time.perf_counter() - t, None, summary.roles))

    batch_alone(1)
    for name, catalog in catalogs.items():
        t = time.perf_counter()
        report = import_folder(catalog, folder, work_dir=tmp / f"work-{name}", workers=workers)
        rows.append((f"jdx import → {name}", time.perf_counter() - t, report.catalog_seconds,
                     report.catalog.count("added")))
    batch_alone(2)
    for name, catalog in catalogs.items():
        t = time.perf_counter()
        report = import_folder(catalog, folder, work_dir=tmp / f"work-{name}", workers=workers)
        rows.append((f"re-import unchanged → {name}", time.perf_counter() - t, report.catalog_seconds,
                     report.catalog.unchanged))
    base = (rows[0][1] + rows[3][1]) / 2
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    print(f"\nPart 1 — {folder} ({files} files), {workers} workers, mean of the two batch-alone runs = {base:.2f} s")
    print(f"{'run':34} {'wall s':>8} {'÷ batch':>8} {'catalog s':>10} {'catalog ÷ batch':>16}  roles/docs")
    for label, wall, cat, n in rows:
        share = f"{cat / base:15.1%}" if cat is not None else " " * 15
        print(f"{label:34} {wall:8.2f} {wall / base:8.2f} {cat if cat is not None else float('nan'):10.3f} "
              f"{share}  {n}")
    for catalog in catalogs.values():
        catalog.close()


def part2(roles: int, tmp: Path) -> None:
    from jdx.pipeline.catalog.store import open_catalog
    from jdx.pipeline.catalog.upsert import apply_documents

    templates = real_roles()
    print(f"\nPart 2 — catalog alone: {roles:,} synthetic roles (10 per document, 100 documents per transaction)")
    print(f"{'catalog':11} {'step':26} {'seconds':>8} {'roles/s':>9} {'CPU s':>7}")
    for name, url in (("sqlite", f"sqlite:///{tmp / 'scale.db'}"), ("postgresql", postgres_url("jdx_bench_scale"))):
        catalog = open_catalog(url)
        steps = (("first import", "1", roles), ("10% of documents revised", "2", roles // 10),
                 ("the same 10% again", "2", roles // 10))
        for step, revision, count in steps:
            docs = list(synthetic_documents(templates, count, revision=revision))
            cpu, t = _cpu(), time.perf_counter()
            for i in range(0, len(docs), 100):
                apply_documents(catalog, docs[i:i + 100], origin="cli", source="bench")
            wall = time.perf_counter() - t
            print(f"{name:11} {step:26} {wall:8.2f} {count / wall:9,.0f} {_cpu() - cpu:7.2f}")
        catalog.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=CORPUS if CORPUS.is_dir() else SAMPLES)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--skip-import", action="store_true", help="only part 2")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="jdx-catalog-bench-") as tmp:
        if not args.skip_import:
            part1(args.folder, args.workers, Path(tmp))
        part2(args.roles, Path(tmp))


if __name__ == "__main__":
    main()
