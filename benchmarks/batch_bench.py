"""Benchmark ``jdx batch`` on real corpus files: 2 workers against 1, against the bare parse,
and a one-file batch against ``jdx convert``. Not a test; prints figures and ratios.

Inputs are the DOCX, PDF and Markdown files of ``../shared/corpus`` (or ``--corpus``), read in
place: the batch's input folder holds hard links to them (no copies; a copy only where the
file system refuses links). ``--synthetic N`` adds N generated documents (DOCX, sample-PDF
copies, texts) for a larger batch.

Measured, each in paired runs (1 worker then 2 workers, ``--pairs`` times; medians and the
ratio of every pair):

* **bare parse**, in this process, the floor any pipeline pays: DOCX = unzip + lxml parse of
  ``word/document.xml`` + a walk over its ``w:t`` text (python-docx is slower than the floor
  and would flatter the ratio); PDF = pdfplumber text and tables of every page; Markdown/text
  = decoding;
* **convert in-process**: ``convert_bytes`` over the same files, warm, in one process;
* **batch**: ``jdx batch`` in a subprocess, cold, wall time including worker start, the
  journal and the spreadsheet export; the export alone is timed afterwards, and the end of a
  batch (export + org.json/org.csv) both one after the other and as the batch does it, org in
  a child beside the export;
* **one file**: a batch of one small DOCX against ``jdx convert`` of it, both cold processes;
* **host ceiling**, in the same rounds: (a) pure CPU — one process running a Python loop against
  two processes running half of it each, what the machine gives two processes at that moment
  (about 2.0× on two idle cores; near 1.0× when a neighbour holds a core); (b) the same
  conversions in one cold process and split over two cold processes at once, without the batch,
  the two halves balanced by each file's warm conversion time (longest first, onto the lighter
  half). A split by position (every other file) put 2.1 s of the corpus's 3.0 s in one half and
  made a 1.35× "ceiling" of what was a 2-file imbalance;
* **serial bound**: what the 1-worker batch would take with its conversions split perfectly over
  two workers and all else (start, journal, export) left serial — the most two workers can gain
  before the batch's own serial part is made smaller.

    .venv/bin/python benchmarks/batch_bench.py                 # the corpus, 3 pairs
    .venv/bin/python benchmarks/batch_bench.py --pairs 5 --synthetic 300

Targets (issue 13): 2 workers ≥ 1.7× one worker on the corpus batch; a one-file batch not
seconds more than ``jdx convert``.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "documents"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
KINDS = {".docx": "docx", ".pdf": "pdf", ".md": "md"}

TITLES = ("出纳", "会计", "仓储主管", "采购专员", "质量检验员", "人事专员", "行政助理", "销售代表", "客服专员", "生产主管")
DUTIES = ("负责日常现金收付及银行结算业务", "负责编制月度资金报表并按时报送", "负责仓库物资的验收、入库和出库管理",
          "负责供应商的开发、评估与维护", "负责来料检验并记录检验结果", "负责员工招聘、入职及离职手续办理")


# ----------------------------------------------------------------------------- inputs


def link_corpus(corpus: Path, into: Path) -> list[Path]:
    """Hard links to the corpus's DOCX, PDF and Markdown files (their bytes read in place)."""
    paths = []
    for i, source in enumerate(sorted(p for p in corpus.rglob("*") if p.suffix.lower() in KINDS and p.is_file())):
        target = into / f"{i:03d}-{source.name}"
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        paths.append(target)
    return paths


def synthetic(into: Path, count: int, seed: int = 1) -> list[Path]:
    from docx import Document

    rng = random.Random(seed)
    pdf = (SAMPLES / "销售区域经理岗位说明书.pdf").read_bytes()
    text = (SAMPLES / "岗位说明书汇编.txt").read_bytes()
    paths = []
    for i in range(count):
        if i % 3 == 0:
            doc = Document()
            title = TITLES[i % len(TITLES)]
            doc.add_heading(f"{title}岗位说明书（第{i}版）", level=1)
            doc.add_paragraph(f"岗位名称：{title}")
            doc.add_paragraph("岗位职责：")
            for n, duty in enumerate(rng.sample(DUTIES, 4), start=1):
                doc.add_paragraph(f"{n}. {duty}。")
            buf = io.BytesIO()
            doc.save(buf)
            path, data = into / f"syn-{i:05d}.docx", buf.getvalue()
        elif i % 3 == 1:
            path, data = into / f"syn-{i:05d}.pdf", pdf + b"%% copy %d\n" % i
        else:
            path, data = into / f"syn-{i:05d}.md", text + f"\n备注：第{i}号\n".encode()
        path.write_bytes(data)
        paths.append(path)
    return paths


# ----------------------------------------------------------------------------- measurements


W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def docx_floor(data: bytes) -> str:
    """The DOCX floor: unzip, lxml parse of ``word/document.xml``, a walk over its ``w:t`` text."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return "".join(el.text or "" for el in root.iter(W_T))


def bare_parse(paths: list[Path]) -> float:
    """Seconds for the libraries alone: the floor (see the module docstring)."""
    import pdfplumber
    from jdx.extractors.text import decode

    started = time.perf_counter()
    for path in paths:
        data = path.read_bytes()
        if path.suffix == ".docx":
            docx_floor(data)
        elif path.suffix == ".pdf":
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.extract_tables()
        else:
            decode(data)
    return time.perf_counter() - started


def convert_in_process(paths: list[Path]) -> dict[Path, float]:
    """Warm conversion seconds of each file, in this process."""
    from jdx.pipeline.convert import convert_bytes
    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    convert_bytes("岗位名称：出纳\n任职资格：\n熟悉财务制度\n岗位职责：\n1. 负责现金收付\n".encode(), "warm.txt", lexicon=lexicon)
    seconds = {}
    for path in paths:
        data = path.read_bytes()
        started = time.perf_counter()
        convert_bytes(data, path.name, lexicon=lexicon)
        seconds[path] = time.perf_counter() - started
    return seconds


def jdx_command(*args: str) -> float:
    """Wall seconds of one cold ``jdx`` process, started as the installed command starts
    (:mod:`jdx.pipeline.launch`, which starts a batch's worker server before its imports)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "jdx.pipeline.launch", *args], capture_output=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"jdx {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return seconds


def batch(in_dir: Path, out_dir: Path, workers: int) -> float:
    shutil.rmtree(out_dir, ignore_errors=True)
    return jdx_command("batch", str(in_dir), "-o", str(out_dir), "--workers", str(workers), "--timeout", "600",
                       "--quiet")


def export_seconds(out_dir: Path) -> float:
    """The spreadsheets in this process, its imports done first (a batch's parent imports
    XlsxWriter while the workers' server starts)."""
    import xlsxwriter  # noqa: F401
    from jdx.pipeline.export import export_tables

    started = time.perf_counter()
    export_tables(out_dir)
    return time.perf_counter() - started


def tail_seconds(out_dir: Path) -> tuple[float, float]:
    """The end of a batch after its compaction, in this process (export already imported):
    the spreadsheets then org.json/org.csv one after the other, and as ``jdx batch`` writes
    them, in children of the workers' forkserver beside the workbook: the rows and CSVs in one,
    knowing each role's review flag from the compaction's index, org in another started once
    the rows are built."""
    from jdx.pipeline.batch.beside import Beside
    from jdx.pipeline.batch.journal import compact_indexed
    from jdx.pipeline.export import export_tables
    from jdx.pipeline.org import write_org
    from jdx.pipeline.worker_server import worker_context

    context = worker_context(warm=False)
    with Beside(context, os.getpid):  # the server is up before the clock starts, as in a batch
        pass
    started = time.perf_counter()
    export_tables(out_dir)
    write_org(out_dir)
    serial = time.perf_counter() - started
    review = [role.review for role in compact_indexed(out_dir)[1].values()]
    started = time.perf_counter()
    org: list[Beside] = []
    export_tables(out_dir, context=context, review=review,
                  rows_done=lambda: org.append(Beside(context, write_org, out_dir)))
    org[0].result()
    return serial, time.perf_counter() - started


CHILD = """
import sys
from pathlib import Path
from jdx.pipeline.convert import convert_bytes
from jdx.pipeline.lexicon import load_lexicon
lexicon = load_lexicon()
for path in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
    convert_bytes(Path(path).read_bytes(), Path(path).name, lexicon=lexicon)
"""

SPIN = """
import sys
x = 0
for i in range(int(sys.argv[1])):
    x += i * i % 7
"""
SPIN_STEPS = 10_000_000  # about 0.4 s of one core here


def balanced_halves(seconds: dict[Path, float]) -> list[list[Path]]:
    """Two lists of files whose conversion seconds are as even as the longest-first rule makes
    them: each file, longest first, onto the half with less work so far."""
    halves: list[list[Path]] = [[], []]
    work = [0.0, 0.0]
    for path in sorted(seconds, key=lambda p: -seconds[p]):
        lighter = work.index(min(work))
        halves[lighter].append(path)
        work[lighter] += seconds[path]
    return halves


def at_once(commands: list[list[str]]) -> float:
    """Wall seconds of ``commands`` started together, until the last one ends."""
    started = time.perf_counter()
    children = [subprocess.Popen(command) for command in commands]
    if any(child.wait() for child in children):
        raise SystemExit(f"a ceiling child failed: {commands}")
    return time.perf_counter() - started


def cpu_ceiling() -> tuple[float, float]:
    """One process running the loop twice over, then two processes running it once each."""
    one = at_once([[sys.executable, "-c", SPIN, str(2 * SPIN_STEPS)]])
    return one, at_once([[sys.executable, "-c", SPIN, str(SPIN_STEPS)]] * 2)


def conversion_ceiling(seconds: dict[Path, float], work: Path) -> tuple[float, float]:
    """The same conversions in one cold process, then in two cold processes at once, each
    given one of :func:`balanced_halves` — no batch machinery."""
    listings = []
    for name, paths in (("all", list(seconds)), *zip(("half-0", "half-1"), balanced_halves(seconds), strict=True)):
        listing = work / f"{name}.txt"
        listing.write_text("\n".join(str(p) for p in paths), encoding="utf-8")
        listings.append(listing)
    one = at_once([[sys.executable, "-c", CHILD, str(listings[0])]])
    return one, at_once([[sys.executable, "-c", CHILD, str(listing)] for listing in listings[1:]])


def paired(first, second, pairs: int) -> list[tuple[float, float]]:
    """``pairs`` runs of (first, second), alternating, so that drifting machine load falls
    on both alike."""
    return [(first(), second()) for _ in range(pairs)]


def loadavg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


# ----------------------------------------------------------------------------- report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--synthetic", type=int, default=0, help="generated documents to add")
    parser.add_argument("--no-bare", action="store_true",
                        help="skip the bare parse (the warm in-process conversions always run: the ceiling splits by them)")
    parser.add_argument("--no-one-file", action="store_true", help="skip the one-file comparison")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus} (use --corpus)")
    work = Path(tempfile.mkdtemp(prefix="jdx-batch-bench-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args, work: Path) -> None:
    in_dir = work / "in"
    in_dir.mkdir()
    paths = link_corpus(args.corpus, in_dir) + synthetic(in_dir, args.synthetic)
    kinds = {k: sum(1 for p in paths if p.suffix.lower() == ext) for ext, k in KINDS.items()}
    size = sum(p.stat().st_size for p in paths)
    print(f"# {len(paths)} files ({', '.join(f'{n} {k}' for k, n in kinds.items())}), {size / 2**20:.1f} MB; "
          f"{os.cpu_count()} CPUs; load {loadavg()}")
    seconds = convert_in_process(paths)  # also what the conversion ceiling splits by
    inproc = sum(seconds.values())
    if not args.no_bare:
        bare = statistics.median(bare_parse(paths) for _ in range(3))
        print(f"bare parse (lxml / pdfplumber / decode)  {bare:7.2f} s")
        print(f"convert in-process, warm                 {inproc:7.2f} s   {inproc / bare:5.2f}× bare")
    runs = paired(lambda: batch(in_dir, work / "out1", 1), lambda: batch(in_dir, work / "out2", 2), args.pairs)
    one, two = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    print(f"batch, 1 worker (median of {args.pairs})        {one:7.2f} s" + ("" if args.no_bare else
                                                                            f"   {one / bare:5.2f}× bare"))
    print(f"batch, 2 workers (median of {args.pairs})       {two:7.2f} s")
    print("pairs (1 worker, 2 workers, speed-up):   " + "; ".join(f"{a:.2f} {b:.2f} {a / b:.2f}×" for a, b in runs))
    speedup = statistics.median(a / b for a, b in runs)
    print(f"speed-up 2 workers / 1 (median pair)     {speedup:7.2f}×  (target ≥ 1.7)")
    split = max(inproc / 2, max(seconds.values()))
    print(f"serial bound: 1 worker less its conversions ({one - inproc:.2f} s) left serial, the conversions "
          f"split at best ({split:.2f} s): {one / (one - inproc + split):.2f}×")
    rounds = [(cpu_ceiling(), conversion_ceiling(seconds, work)) for _ in range(args.pairs)]
    cpu = statistics.median(a / b for (a, b), _ in rounds)
    ceiling = statistics.median(a / b for _, (a, b) in rounds)
    print("host ceiling, pure CPU (1 process, 2):   " + "; ".join(f"{a:.2f} {b:.2f} {a / b:.2f}×" for (a, b), _ in rounds))
    print("host ceiling, conversions (1, 2 halves): " + "; ".join(f"{a:.2f} {b:.2f} {a / b:.2f}×" for _, (a, b) in rounds))
    print(f"ceiling 2 processes / 1 (median)         pure CPU {cpu:.2f}×, conversions {ceiling:.2f}×"
          f"  -> the batch reaches {speedup / ceiling:.0%} of the second")
    print(f"export alone (roles.xlsx + CSVs)         {export_seconds(work / 'out2'):7.2f} s")
    serial, beside = tail_seconds(work / "out2")
    print(f"end of batch: export + org one after the other {serial:.2f} s, as the batch does it (children beside) {beside:.2f} s")
    if not args.no_one_file:
        one_file(work)
    print(f"# load after: {loadavg()}")


def one_file(work: Path) -> None:
    single = work / "single"
    single.mkdir()
    sample = SAMPLES / "仓储主管岗位说明书.docx"
    os.link(sample, single / sample.name) if sample.stat().st_dev == single.stat().st_dev else shutil.copy(
        sample, single / sample.name)
    runs = paired(lambda: jdx_command("convert", str(single / sample.name)),
                  lambda: batch(single, work / "out-single", 1), 5)
    convert, one = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    print(f"one-file: jdx convert {convert:.2f} s, jdx batch {one:.2f} s (median of 5 pairs): "
          f"batch costs {one - convert:+.2f} s, {one / convert:.2f}×")


if __name__ == "__main__":
    main()
