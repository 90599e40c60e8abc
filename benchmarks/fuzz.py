"""The long fuzz campaign: thousands of generated documents through every reader, each in
its own process with a time and memory limit. Not a test; prints a report.

Cases come from the Hypothesis strategies of ``tests/fuzz_strategies.py`` (DOCX packages, PDFs,
HTML, text, Markdown, built from real structures and hostile ones; long lines up to
``--max-run`` units, PDF page trees that loop included) and ``tests/fuzz_office.py`` (XLSX, XLS,
ODS, Word 97 .doc, RTF, PNG/JPEG images, encrypted OOXML containers), plus the issue-10 reproducers of
``tests/hostile.py``. Each case is converted by ``convert_bytes`` in a process forked from a
warm parent, under ``RLIMIT_AS`` (``--memory-limit``) and a wall-clock deadline
(``--timeout``), with logging set up as the command line sets it (warnings to stderr, no
``--debug``). Counted per format: outcomes by status and error code, ``internal_error``,
tracebacks on stderr, runs over the deadline, processes that died, peak RSS (``wait4``), time.

    .venv/bin/python benchmarks/fuzz.py --cases 5000
    .venv/bin/python benchmarks/fuzz.py --cases 500 --save /tmp/fuzz-findings   # keep what failed
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import select
import signal
import statistics
import sys
import time
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

FORMATS = ("txt", "md", "html", "docx", "pdf", "xlsx", "xls", "ods", "odt", "doc", "rtf", "image", "encrypted")


@dataclass
class Case:
    fmt: str
    name: str
    data: bytes


@dataclass
class Result:
    case: Case
    outcome: str  # status or status:code, "timeout", "died:<signal or code>"
    seconds: float
    max_rss_mb: float
    tracebacks: int
    stderr_tail: str = ""


@dataclass
class Totals:
    outcomes: Counter = field(default_factory=Counter)
    seconds: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    tracebacks: int = 0


# ----------------------------------------------------------------------------- cases


def generate(cases: int, seed: int, max_run: int) -> list[Case]:
    """``cases`` documents spread evenly over the formats (less the reproducers)."""
    import fuzz_office
    import fuzz_strategies
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    fuzz_strategies.MAX_RUN = max_run
    out: list[Case] = list(reproducers())
    per_format = max(1, (cases - len(out)) // len(FORMATS))
    for fmt in FORMATS:
        strategy = fuzz_office.STRATEGIES[fmt]()  # PDF page loops included

        @hypothesis_seed(seed)
        @settings(max_examples=per_format, database=None, deadline=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def harvest(case) -> None:
            out.append(Case(fmt, case[0], case[1]))  # noqa: B023 - run at once, in this iteration

        started = time.monotonic()
        harvest()
        print(f"# generated {per_format} {fmt} cases in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return out


def reproducers() -> list[Case]:
    """Issue 10's reproducers at the sizes the issue names."""
    import hostile

    return [
        Case("txt", "digits.txt", ("岗位名称：出纳\n岗位职责：\n1. 负责" + "9" * 40_000).encode()),
        Case("txt", "brackets.txt", b"[" * 1000 + b"]" * 1000),
        Case("txt", "tab-table.txt", hostile.tab_table_text(2000, 500)),
        Case("html", "spans.html", hostile.span_bomb_html(4000)),
        Case("docx", "merged-column.docx", hostile.merged_column_docx(5000)),
        Case("docx", "doctype.docx", hostile.with_doctype(
            (ROOT / "tests/fixtures/docx/header_footer.docx").read_bytes(), "word/document.xml", "/etc/passwd")),
        Case("pdf", "page-loop.pdf", _page_loop_pdf()),
    ]


def _page_loop_pdf() -> bytes:
    """249 bytes in the issue: object 2 -> 3 -> 2."""
    from fixtures.pdf_objects import pdf_bytes

    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])


# ----------------------------------------------------------------------------- running


def warm_parent() -> None:
    """Load the whole pipeline once; every forked case starts from it."""
    import jdx.extractors.doc  # noqa: F401
    import jdx.extractors.docx  # noqa: F401
    import jdx.extractors.html  # noqa: F401
    import jdx.extractors.image  # noqa: F401
    import jdx.extractors.ods  # noqa: F401
    import jdx.extractors.odt  # noqa: F401
    import jdx.extractors.office_crypto  # noqa: F401
    import jdx.extractors.pdf  # noqa: F401
    import jdx.extractors.rtf  # noqa: F401
    import jdx.extractors.xls  # noqa: F401
    import jdx.extractors.xlsx  # noqa: F401
    import openpyxl  # noqa: F401
    import xlrd  # noqa: F401
    from jdx.pipeline.convert import convert_bytes
    from jdx.pipeline.isolate import warm_up_document
    from jdx.pipeline.lexicon import load_lexicon

    convert_bytes(warm_up_document(), "warm.txt", lexicon=load_lexicon())


def _child(case: Case, write_fd: int, memory_limit_mb: int) -> None:
    os.setpgid(0, 0)
    cap = memory_limit_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s",
                        force=True)
    warnings.simplefilter("default")
    from jdx.pipeline.convert import convert_bytes
    from jdx.pipeline.lexicon import load_lexicon

    outcome = "raised"
    try:
        result = convert_bytes(case.data, case.name, lexicon=load_lexicon())
        outcome = result.status + (f":{result.error.code}" if result.error else "")
    except MemoryError:
        outcome = "raised:MemoryError"
    except BaseException as exc:  # noqa: BLE001 - a raise out of convert_bytes is itself a finding
        import traceback

        traceback.print_exc()
        outcome = f"raised:{type(exc).__name__}"
    os.write(write_fd, outcome.encode())


def start(case: Case, memory_limit_mb: int, stderr_path: Path) -> tuple[int, int, float]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.close(read_fd)
            err = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(err, 2)
            _child(case, write_fd, memory_limit_mb)
        except BaseException:  # noqa: BLE001
            code = 70
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd, time.monotonic()


def finish(case: Case, pid: int, read_fd: int, started: float, timeout: float, stderr_path: Path) -> Result:
    ready, _, _ = select.select([read_fd], [], [], max(0.0, started + timeout - time.monotonic()))
    timed_out = not ready
    if timed_out:
        with_suppressed(os.killpg, pid, signal.SIGKILL)
    data = b"" if timed_out else os.read(read_fd, 4096)
    os.close(read_fd)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    outcome = "timeout" if timed_out else data.decode() or (f"died:{code}")
    stderr = stderr_path.read_text(encoding="utf-8", errors="replace") if stderr_path.exists() else ""
    return Result(case, outcome, seconds, usage.ru_maxrss / 1024, stderr.count("Traceback (most recent call last)"),
                  stderr[-1500:])


def with_suppressed(function, *args) -> None:
    try:
        function(*args)
    except OSError:
        pass


def run_all(cases: list[Case], workers: int, timeout: float, memory_limit_mb: int, scratch: Path) -> list[Result]:
    """At most ``workers`` cases at a time, each collected when it answers or its deadline passes."""
    results: list[Result] = []
    pending = list(reversed(cases))
    running: dict[int, tuple[Case, int, float, Path]] = {}  # read fd -> case
    while pending or running:
        while pending and len(running) < workers:
            case = pending.pop()
            stderr_path = scratch / f"stderr-{len(results) + len(running)}"
            pid, fd, started = start(case, memory_limit_mb, stderr_path)
            running[fd] = (case, pid, started, stderr_path)
        soonest = min(started + timeout for _, _, started, _ in running.values())
        ready, _, _ = select.select(list(running), [], [], max(0.0, soonest - time.monotonic()))
        done = set(ready) | {fd for fd, (_, _, s, _) in running.items() if time.monotonic() >= s + timeout}
        for fd in done:
            case, pid, started, stderr_path = running.pop(fd)
            results.append(finish(case, pid, fd, started, timeout, stderr_path))
            stderr_path.unlink(missing_ok=True)
            if len(results) % 500 == 0:
                print(f"# {len(results)}/{len(cases)} cases", file=sys.stderr)
    return results


# ----------------------------------------------------------------------------- report


def report(results: list[Result], timeout: float, memory_limit_mb: int, elapsed: float) -> None:
    by_format: dict[str, Totals] = defaultdict(Totals)
    for r in results:
        totals = by_format[r.case.fmt]
        totals.outcomes[r.outcome] += 1
        totals.seconds.append(r.seconds)
        totals.rss.append(r.max_rss_mb)
        totals.tracebacks += r.tracebacks
    print(f"{len(results)} cases in {elapsed:.0f} s; limits {timeout:g} s and {memory_limit_mb} MB per case")
    print(f"{'format':<6} {'cases':>6} {'p50 s':>6} {'p99 s':>6} {'max s':>6} {'RSS p50':>8} {'RSS max':>8} "
          f"{'tracebacks':>10}  outcomes")
    for fmt in FORMATS:
        t = by_format.get(fmt)
        if not t:
            continue
        q = statistics.quantiles(t.seconds, n=100) if len(t.seconds) > 1 else t.seconds * 99
        outcomes = ", ".join(f"{k} {v}" for k, v in t.outcomes.most_common())
        print(f"{fmt:<6} {len(t.seconds):>6} {statistics.median(t.seconds):6.2f} {q[98]:6.2f} {max(t.seconds):6.2f} "
              f"{statistics.median(t.rss):7.0f}M {max(t.rss):7.0f}M {t.tracebacks:>10}  {outcomes}")
    bad = [r for r in results if _finding(r)]
    internal = sum(1 for r in results if "internal_error" in r.outcome)
    print(f"internal_error {internal}; tracebacks {sum(r.tracebacks for r in results)}; "
          f"over the time limit {sum(r.outcome == 'timeout' for r in results)}; "
          f"died {sum(r.outcome.startswith('died') for r in results)}; "
          f"raised {sum(r.outcome.startswith('raised') for r in results)}; "
          f"peak RSS {max(r.max_rss_mb for r in results):.0f} MB (limit {memory_limit_mb} MB)")
    for r in sorted(bad, key=lambda r: -r.seconds)[:15]:
        print(f"  finding: {r.case.fmt} {r.case.name} {len(r.case.data):,} bytes -> {r.outcome} "
              f"({r.seconds:.1f} s, {r.max_rss_mb:.0f} MB, {r.tracebacks} traceback(s))")


def _finding(r: Result) -> bool:
    return (r.tracebacks > 0 or r.outcome == "timeout" or r.outcome.startswith(("died", "raised"))
            or "internal_error" in r.outcome)


def save(results: list[Result], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, r in enumerate(x for x in results if _finding(x)):
        stem = f"{i:04d}-{r.outcome.replace(':', '_')}-{r.case.name}"
        (folder / stem).write_bytes(r.case.data)
        (folder / f"{stem}.stderr.txt").write_text(r.stderr_tail, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per case (the batch default)")
    parser.add_argument("--memory-limit", type=int, default=2048, help="MB per case (the batch default)")
    parser.add_argument("--max-run", type=int, default=20_000, help="longest run of one unit in a long line")
    parser.add_argument("--save", type=Path, help="write the cases with findings here")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    cases = generate(args.cases, args.seed, args.max_run)
    warm_parent()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="jdx-fuzz-") as scratch:
        started = time.monotonic()
        results = run_all(cases, args.workers, args.timeout, args.memory_limit, Path(scratch))
        report(results, args.timeout, args.memory_limit, time.monotonic() - started)
    if args.save:
        save(results, args.save)


if __name__ == "__main__":
    main()
