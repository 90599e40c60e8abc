"""``run_batch``: check the arguments, lock OUT_DIR, walk, plan, compact, convert, export."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from ...extractors.limits import DEFAULT_LIMITS, Limits
from ...extractors.options import DEFAULT_OPTIONS, ReadOptions
from ..worker_server import worker_context
from .beside import Beside
from .journal import Journal, RolesIndex, compact_indexed, describe_write_error, replace_atomically
from .plan import Plan, longest_first, plan
from .progress import BatchProgress, NullProgress
from .records import (
    DEFAULT_CONVERT,
    DEFAULT_MEMORY_LIMIT_MB,
    LOCK,
    MANIFEST,
    ROLES,
    SUMMARY,
    BatchOutputError,
    BatchSummary,
    BatchUsageError,
    FileOutcome,
    FileTask,
    ManifestEntry,
    WorkerConfig,
)
from .walk import _dir_key, walk_tree
from .workers import WorkerPool

log = logging.getLogger(__name__)


def _check_args(in_dir: Path, out_dir: Path, workers: int, timeout: float, lexicon_path: str | None) -> None:
    if not in_dir.exists():
        raise BatchUsageError(f"no such folder: {in_dir}")
    if not in_dir.is_dir():
        raise BatchUsageError(f"not a folder: {in_dir} (use `jdx convert` for one file)")
    if out_dir.exists() and not out_dir.is_dir():
        raise BatchUsageError(f"OUT_DIR exists and is not a folder: {out_dir}")
    if out_dir.exists() and os.path.samefile(in_dir, out_dir):
        raise BatchUsageError("OUT_DIR must not be IN_DIR itself (a subfolder is fine: it is not read)")
    if workers < 1:
        raise BatchUsageError(f"--workers must be at least 1, not {workers}")
    if not timeout > 0:
        raise BatchUsageError(f"--timeout must be positive, not {timeout}")
    if lexicon_path and not Path(lexicon_path).is_file():
        raise BatchUsageError(f"no such lexicon file: {lexicon_path}")


def prepare_out_dir(out_dir: Path) -> None:
    """Create OUT_DIR and prove it can be written before anything runs: a read-only or
    foreign folder is a usage error with one line, not a traceback half-way through."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".jdx-write-test-{os.getpid()}"
        with open(probe, "wb") as fh:
            fh.write(b"x")
        probe.unlink()
    except OSError as exc:
        raise BatchUsageError(describe_write_error(exc, out_dir)) from None


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """One batch per OUT_DIR at a time: two writers would break the journal's invariant."""
    try:
        fd = os.open(out_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise BatchUsageError(describe_write_error(exc, out_dir / LOCK)) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EACCES):
                raise BatchUsageError(f"another jdx batch is writing to {out_dir}") from None
            raise
        yield
    finally:
        os.close(fd)


def _clear_outputs(out_dir: Path) -> None:
    from ..export import EXPORT_FILES
    from ..org import ORG_CSV, ORG_JSON

    for name in (MANIFEST, ROLES, SUMMARY, *EXPORT_FILES, ORG_JSON, ORG_CSV):
        try:
            (out_dir / name).unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise BatchOutputError(describe_write_error(exc, out_dir / name)) from None


def _reusable(tasks: list[FileTask]) -> Callable[[ManifestEntry], bool]:
    current = {t.raw_path(): t.sha256 for t in tasks}

    def keep(entry: ManifestEntry) -> bool:
        if entry.sha256 is None or current.get(entry.raw_path()) != entry.sha256:
            return False  # gone, changed, or settled from its name (no task: links, FIFOs, junk)
        return entry.status != "failed" and entry.duplicate_of is None

    return keep


def run_batch(
    in_dir: str | Path,
    out_dir: str | Path,
    *,
    workers: int | None = None,
    timeout: float = 60.0,
    force: bool = False,
    progress: BatchProgress | None = None,
    memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB,
    limits: Limits = DEFAULT_LIMITS,
    lexicon_path: str | None = None,
    convert_fn: str = DEFAULT_CONVERT,
    headers: Literal["zh", "en"] = "zh",
    options: ReadOptions | None = None,
    keep_script: bool = False,
) -> BatchSummary:
    """Convert every file under ``in_dir`` into ``out_dir``; resumable (see the module docstring).

    ``convert_fn`` ("module:function", called like :func:`~jdx.pipeline.convert.convert_bytes`)
    lets a caller plug in another converter; ``memory_limit_mb`` caps each worker's address space
    (None: no cap); ``headers`` is the spreadsheets' header language (``zh`` or ``en``, see
    :mod:`..export`). Raises :class:`BatchUsageError` for bad arguments and :class:`BatchError` when
    workers cannot start; bad input files never raise.
    """
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    workers = (os.cpu_count() or 1) if workers is None else workers
    _check_args(in_dir, out_dir, workers, timeout, lexicon_path)
    prepare_out_dir(out_dir)
    progress = progress or NullProgress()
    config = WorkerConfig(limits=limits, lexicon_path=lexicon_path, memory_limit_mb=memory_limit_mb,
                          convert_fn=convert_fn, options=options or DEFAULT_OPTIONS,
                          keep_script=keep_script)
    with _locked(out_dir):
        started = time.monotonic()
        if force:
            _clear_outputs(out_dir)
        out_key = _dir_key(os.fsencode(out_dir))
        found = list(walk_tree(in_dir, exclude=frozenset({out_key} if out_key else ())))
        # Workers start warm when there are more files than workers (a file or two should not
        # pay for NLP they may never reach). The forkserver starts loading now, while this
        # process loads the spreadsheet writer, hashes, plans and compacts.
        files = sum(f.kind == "file" for f in found)
        context = worker_context(warm=files > workers) if files else None
        if files:
            _load_spreadsheet_writer()
        the_plan = plan(found)
        reused, index = compact_indexed(out_dir, _reusable(the_plan.tasks))
        done = {e.raw_path() for e in reused}
        todo = longest_first([t for t in the_plan.tasks if t.raw_path() not in done])
        config = config.model_copy(update={"warm": len(todo) > workers})
        converted, index = _convert_all(out_dir, the_plan, reused, todo, config, workers, timeout, progress, index)
        return _finish(in_dir, out_dir, started, len(reused), converted, headers, context, index)


def _load_spreadsheet_writer() -> None:
    """Import the export (XlsxWriter, the role schema) while the forkserver loads the pipeline
    on another core, rather than at the end of the run, where nothing else runs."""
    import xlsxwriter  # noqa: F401

    from .. import export  # noqa: F401


def _convert_all(out_dir: Path, the_plan: Plan, reused: list[ManifestEntry], todo: list[FileTask],
                 config: WorkerConfig, workers: int, timeout: float, progress: BatchProgress,
                 index: RolesIndex) -> tuple[int, RolesIndex]:
    """Convert ``todo``; the number converted and the index of every role line now in roles.jsonl
    (``index``, the compaction's of the lines kept, and the lines written here)."""
    counts: Counter[str] = Counter(e.status for e in (*reused, *the_plan.decided))
    journal = Journal(out_dir, index=index)
    converted = 0

    def on_outcome(task: FileTask, outcome: FileOutcome) -> None:
        nonlocal converted
        entry = _task_entry(task, outcome)
        journal.record([entry], outcome.roles, outcome.role_keys)
        converted += 1
        counts[entry.status] += 1
        progress.advance(entry, counts)

    try:
        journal.record(the_plan.decided)
        progress.start(len(reused) + len(the_plan.decided) + len(todo), counts)
        if todo:
            WorkerPool(config, workers, timeout, on_outcome, on_idle=journal.flush_if_due).run(todo)
    finally:
        progress.stop()
        journal.close()
    return converted, journal.index


def _task_entry(task: FileTask, outcome: FileOutcome) -> ManifestEntry:
    return ManifestEntry(
        path=task.path, path_bytes_hex=task.path_bytes_hex, sha256=outcome.sha256 or task.sha256, size=task.size,
        status=outcome.status, roles=len(outcome.roles), error=outcome.error, reason=outcome.reason,
        warnings=[*task.warnings, *outcome.warnings], seconds=outcome.seconds,
    )


def _finish(in_dir: Path, out_dir: Path, started: float, reused: int, converted: int,
            headers: Literal["zh", "en"] = "zh", context: Any = None, index: RolesIndex | None = None
            ) -> BatchSummary:
    """Compact, then the derived files, on every core the workers left: the workbook here,
    its rows built and the CSVs written in a child of the workers' ``context``, and org.json and
    org.csv in another child (:mod:`.beside`) started once the rows are built, while this
    process writes the workbook out: started with the rows' child, it took CPU from the rows
    the workbook waits for."""
    from ..export import export_tables
    from ..org import ORG_JSON, write_org

    entries, index = compact_indexed(out_dir, known=index)
    review = [role.review for role in index.values()]  # in file order: the index is built in it
    with contextlib.ExitStack() as children:
        org: list[Beside] = []

        def start_org() -> None:
            if not org:
                org.append(children.enter_context(Beside(context, write_org, out_dir)))

        tables = _written("the spreadsheets", out_dir / "roles.xlsx", lambda: export_tables(
            out_dir, headers=headers, context=context, review=review, rows_done=start_org))
        start_org()  # when the export failed before its rows were done
        tables += _written("org.json/org.csv", out_dir / ORG_JSON, org[0].result)
    outputs = [MANIFEST, ROLES, *tables, SUMMARY]
    summary = summarize(entries, in_dir, out_dir, time.monotonic() - started, reused, converted, outputs)
    replace_atomically(out_dir / SUMMARY, lambda fh: fh.write(
        (summary.model_dump_json(indent=2) + "\n").encode("utf-8")))
    return summary


def _written(what: str, path: Path, write: Callable[[], list[Path]]) -> list[str]:
    """The names of the files ``write`` wrote. An ``OSError`` (disk full, permission) stops the
    run like any other write failure; any other failure is logged and the run goes on: the
    JSONL results are complete and valid, and a bug in a derived file must not hide them."""
    try:
        return [p.name for p in write()]
    except OSError as exc:
        raise BatchOutputError(describe_write_error(exc, path)) from None
    except Exception:
        log.exception("writing %s failed; manifest.jsonl and roles.jsonl are complete", what)
        return []


def summarize(entries: list[ManifestEntry], in_dir: Path, out_dir: Path, elapsed: float,
              reused: int, converted: int, outputs: list[str]) -> BatchSummary:
    by_status = Counter(e.status for e in entries)
    errors = Counter(e.error.code for e in entries if e.error and e.status == "failed")
    skips = Counter(e.reason.code for e in entries if e.reason and e.status == "skipped")
    return BatchSummary(
        in_dir=str(in_dir), out_dir=str(out_dir), files=len(entries),
        by_status={s: by_status.get(s, 0) for s in ("ok", "partial", "failed", "skipped")},
        roles=sum(e.roles for e in entries), error_codes=dict(errors.most_common()),
        skip_reasons=dict(skips.most_common()), reused=reused, converted=converted,
        elapsed_seconds=round(elapsed, 2), outputs=outputs,
    )


def format_summary(summary: BatchSummary) -> str:
    s = summary.by_status
    lines = [
        f"jdx batch: {summary.files} files in {summary.elapsed_seconds:.1f} s — ok {s['ok']}, partial {s['partial']}, "
        f"failed {s['failed']}, skipped {s['skipped']}; {summary.roles} roles"
        + (f" ({summary.reused} files from an earlier run)" if summary.reused else ""),
    ]
    if summary.error_codes:
        lines.append("  failed:  " + ", ".join(f"{c} {n}" for c, n in list(summary.error_codes.items())[:6]))
    if summary.skip_reasons:
        lines.append("  skipped: " + ", ".join(f"{c} {n}" for c, n in list(summary.skip_reasons.items())[:6]))
    lines.append(f"  output:  {summary.out_dir}/ ({', '.join(summary.outputs)})")
    return "\n".join(lines)
