"""Benchmark ``jdx batch``: throughput with 1 and 2 workers, memory, and cost against bare parsing.

Not a test. Builds a corpus of distinct documents (DOCX written with python-docx, copies of
the sample PDF with a unique trailer comment, variants of the sample texts in UTF-8, GBK and
Big5), then measures:

* bare parse: python-docx load + walk of paragraphs and table cells, pdfplumber text and tables
  of every page, text decoding — in this process, the floor any pipeline pays;
* convert in-process: ``convert_bytes`` over the same files in one process (the pipeline
  without batch machinery);
* ``jdx batch`` in a subprocess with each worker count: wall time including worker start and
  the spreadsheet export, and the export alone;
* peak memory of the batch's process tree, sampled from /proc every 0.1 s: sum of RSS and
  sum of PSS (PSS shares the pages workers inherit from the forkserver fairly), the parent
  alone, the largest single process (``top1``: its own VmHWM — a worker), and the run's
  ``RUSAGE_CHILDREN`` max RSS from ``wait4`` (``ru_max``: the largest process the batch reaped;
  workers are reaped by the forkserver, which is reaped or not depending on exit timing, so
  this column wanders between the parent's and a worker's peak — trust ``top1``).

Targets reported against: batch ≤ 1.5× bare parse, 2 workers ≥ 1.7× one worker, peak memory
flat as the batch grows (5,000 files within 1.2× of 500). Example::

    .venv/bin/python benchmarks/batch_bench.py --files 300
    .venv/bin/python benchmarks/batch_bench.py --files 200 1000 --no-bare --workers 2
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "documents"
PAGE = os.sysconf("SC_PAGE_SIZE")

TITLES = ("出纳", "会计", "仓储主管", "采购专员", "质量检验员", "人事专员", "行政助理", "销售代表", "客服专员", "生产主管")
DUTIES = (
    "负责日常现金收付及银行结算业务", "负责编制月度资金报表并按时报送", "负责仓库物资的验收、入库和出库管理",
    "负责供应商的开发、评估与维护", "负责来料检验并记录检验结果", "负责员工招聘、入职及离职手续办理",
    "负责公司会议的组织与会议纪要整理", "负责区域客户的开发与维护", "负责客户投诉的受理与跟进", "负责生产计划的执行与协调",
)


# ----------------------------------------------------------------------------- corpus


def make_docx(i: int, rng: random.Random) -> bytes:
    from docx import Document

    title = TITLES[i % len(TITLES)]
    doc = Document()
    doc.add_heading(f"{title}岗位说明书（第{i}版）", level=1)
    table = doc.add_table(rows=4, cols=4)
    for row, (label, value) in enumerate((("岗位名称", title), ("所属部门", "综合管理部"), ("直接上级", "部门经理"),
                                          ("岗位编号", f"JD-{i:05d}"))):
        table.cell(row, 0).text, table.cell(row, 1).text = label, value
        table.cell(row, 2).text, table.cell(row, 3).text = "定员", str(rng.randint(1, 9))
    doc.add_paragraph("岗位职责：")
    for n, duty in enumerate(rng.sample(DUTIES, 5), start=1):
        doc.add_paragraph(f"{n}. {duty}。")
    doc.add_paragraph("任职资格：")
    doc.add_paragraph(f"1. 大专及以上学历，{rng.randint(1, 5)}年以上相关工作经验。")
    doc.add_paragraph("2. 熟练使用办公软件，具备良好的沟通能力。")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def make_text(i: int) -> tuple[str, bytes]:
    samples = (("岗位说明书汇编.txt", "utf-8"), ("行政助理岗位说明书.txt", "gbk"), ("門市店長職位說明書.txt", "big5"))
    name, encoding = samples[i % len(samples)]
    note = f"\r\n備註：第{i}號\r\n" if encoding == "big5" else f"\r\n备注：第{i}号\r\n"
    return name, (SAMPLES / name).read_bytes() + note.encode(encoding)


def build_corpus(root: Path, files: int, seed: int = 1) -> list[Path]:
    """``files`` distinct documents, a third of each format, in nested folders."""
    rng = random.Random(seed)
    pdf = (SAMPLES / "销售区域经理岗位说明书.pdf").read_bytes()
    paths = []
    for i in range(files):
        folder = root / f"部门{i % 7}" / f"{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = i % 3
        if kind == 0:
            path, data = folder / f"{i:05d}-岗位说明书.docx", make_docx(i, rng)
        elif kind == 1:
            path, data = folder / f"{i:05d}-销售区域经理岗位说明书.pdf", pdf + b"%% copy %d\n" % i
        else:
            name, data = make_text(i)
            path = folder / f"{i:05d}-{name}"
        path.write_bytes(data)
        paths.append(path)
    return paths


# ----------------------------------------------------------------------------- measurements


def bare_parse(paths: list[Path]) -> float:
    """Seconds to parse every file with the libraries alone, no extraction."""
    import docx
    import pdfplumber
    from jdx.extractors.text import decode

    started = time.perf_counter()
    for path in paths:
        data = path.read_bytes()
        if path.suffix == ".docx":
            document = docx.Document(io.BytesIO(data))
            _ = [p.text for p in document.paragraphs]
            _ = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        elif path.suffix == ".pdf":
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.extract_tables()
        else:
            decode(data)
    return time.perf_counter() - started


def convert_in_process(paths: list[Path]) -> float:
    from jdx.pipeline.convert import convert_bytes
    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    convert_bytes("岗位名称：出纳\n岗位职责：\n1. 负责现金收付\n".encode(), "warm.txt", lexicon=lexicon)
    started = time.perf_counter()
    for path in paths:
        convert_bytes(path.read_bytes(), path.name, lexicon=lexicon)
    return time.perf_counter() - started


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _tree(pid: int) -> list[int]:
    children, out, stack = _children_map(), [], [pid]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current, []))
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE
    except OSError:
        return 0


def _hwm(pid: int) -> int:
    """The process's own peak RSS (VmHWM), whether or not anyone reaps it."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Peak RSS/PSS of a process tree, summed over its processes."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = self.peak_parent = self.peak_processes = self.largest_hwm = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            pids = _tree(self.pid)
            self.peak_rss = max(self.peak_rss, sum(map(_rss, pids)))
            self.peak_pss = max(self.peak_pss, sum(map(_pss, pids)))
            self.peak_parent = max(self.peak_parent, _rss(self.pid))
            self.peak_processes = max(self.peak_processes, len(pids))
            self.largest_hwm = max([self.largest_hwm, *map(_hwm, pids)])
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


@dataclass
class BatchRun:
    workers: int
    seconds: float
    export_seconds: float
    peak_rss: int
    peak_pss: int
    peak_parent: int
    largest_hwm: int
    ru_maxrss: int
    processes: int


def run_batch_subprocess(in_dir: Path, out_dir: Path, workers: int) -> BatchRun:
    shutil.rmtree(out_dir, ignore_errors=True)
    cmd = [sys.executable, "-m", "jdx.pipeline.cli", "batch", str(in_dir), "-o", str(out_dir),
           "--workers", str(workers), "--timeout", "600", "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    stderr = proc.stderr.read()
    # wait4, not Popen.wait: its rusage is this run's RUSAGE_CHILDREN (the batch process and
    # whatever it reaped), where getrusage(RUSAGE_CHILDREN) would mix in earlier runs.
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({proc.returncode}): {stderr.decode()}")
    export = _time_export(out_dir)
    return BatchRun(workers, seconds, export, sampler.peak_rss, sampler.peak_pss, sampler.peak_parent,
                    sampler.largest_hwm, usage.ru_maxrss * 1024, sampler.peak_processes)


def _time_export(out_dir: Path) -> float:
    from jdx.pipeline.export import export_tables

    started = time.perf_counter()
    export_tables(out_dir)
    return time.perf_counter() - started


# ----------------------------------------------------------------------------- report


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f}"


def bench(files: int, workers: list[int], bare: bool, keep: Path | None) -> list[dict]:
    work = Path(keep or tempfile.mkdtemp(prefix="jdx-bench-"))
    in_dir = work / "in"
    shutil.rmtree(in_dir, ignore_errors=True)
    paths = build_corpus(in_dir, files)
    print(f"# {files} files, a third each DOCX, PDF and text, in {in_dir}", file=sys.stderr)
    rows: list[dict] = []
    bare_s = bare_parse(paths) if bare else None
    inproc_s = convert_in_process(paths) if bare else None
    if bare:
        rows.append({"files": files, "what": "bare parse", "seconds": bare_s})
        rows.append({"files": files, "what": "convert in-process", "seconds": inproc_s})
    for w in workers:
        run = run_batch_subprocess(in_dir, work / f"out-{w}", w)
        rows.append({"files": files, "what": f"batch {w} worker(s)", "seconds": run.seconds, "run": run})
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'files':>6} {'what':<20} {'seconds':>8} {'docs/s':>7} {'×bare':>6} {'export s':>8} "
          f"{'RSS MB':>7} {'PSS MB':>7} {'parent':>7} {'top1':>6} {'ru_max':>6} {'procs':>5}")
    bare = {r["files"]: r["seconds"] for r in rows if r["what"] == "bare parse"}
    for r in rows:
        run: BatchRun | None = r.get("run")
        ratio = f"{r['seconds'] / bare[r['files']]:.2f}" if r["files"] in bare else "-"
        mem = _memory_cells(run)
        print(f"{r['files']:>6} {r['what']:<20} {r['seconds']:8.2f} {r['files'] / r['seconds']:7.1f} {ratio:>6} {mem}")
    _targets(rows)


def _memory_cells(run: BatchRun | None) -> str:
    if run is None:
        return f"{'-':>8} {'-':>7} {'-':>7} {'-':>7} {'-':>6} {'-':>6} {'-':>5}"
    return (f"{run.export_seconds:8.2f} {mb(run.peak_rss):>7} {mb(run.peak_pss):>7} {mb(run.peak_parent):>7} "
            f"{mb(run.largest_hwm):>6} {mb(run.ru_maxrss):>6} {run.processes:>5}")


def _targets(rows: list[dict]) -> None:
    by = {(r["files"], r["what"]): r for r in rows}
    for files in sorted({r["files"] for r in rows}):
        one, two = by.get((files, "batch 1 worker(s)")), by.get((files, "batch 2 worker(s)"))
        bare = by.get((files, "bare parse"))
        if one and bare:
            print(f"{files} files: batch(1) / bare parse = {one['seconds'] / bare['seconds']:.2f} (target ≤ 1.5)")
        if one and two:
            print(f"{files} files: speed-up 2 workers / 1 = {one['seconds'] / two['seconds']:.2f} (target ≥ 1.7)")
    sizes = sorted({r["files"] for r in rows if r.get("run") and r["run"].workers == 2})
    if len(sizes) >= 2:
        small, large = (by[(s, "batch 2 worker(s)")]["run"] for s in (sizes[0], sizes[-1]))
        print(f"peak PSS {sizes[-1]} vs {sizes[0]} files (2 workers): {large.peak_pss / small.peak_pss:.2f}× "
              f"(RSS {large.peak_rss / small.peak_rss:.2f}×; target ≤ 1.2)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, nargs="+", default=[300], help="corpus sizes to run (e.g. 500 5000)")
    parser.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2],
                        help="worker counts, comma-separated (default 1,2)")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare-parse and in-process baselines")
    parser.add_argument("--keep", type=Path, help="build the corpus and outputs here and keep them")
    args = parser.parse_args()
    rows = []
    for files in args.files:
        rows += bench(files, args.workers, not args.no_bare, args.keep / str(files) if args.keep else None)
    print_table(rows)


if __name__ == "__main__":
    main()
