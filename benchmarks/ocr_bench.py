"""OCR speed and memory: seconds per A4 page and peak memory, on fixtures built like the tests'.

    .venv/bin/python benchmarks/ocr_bench.py [--rounds 3]

Inputs (``tests/fixtures/scan_fixtures.py``): a scanned copy of each sample PDF (image-only,
200 dpi, turned ~1°) and a phone photo of a one-page form. Each input is read in a fresh
process: the engine's model loading is reported apart (``load``), then ``--rounds`` reads of
the file (the median is kept); per page it prints wall seconds and CPU seconds (user+system,
all threads), and the process's peak resident memory. The load average is printed too: on a
shared machine wall time grows with it, CPU time much less.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

CHILD = r"""
import json, os, resource, statistics, sys, time
from jdx.extractors import ocr, read_document
path, rounds = sys.argv[1], int(sys.argv[2])
data = open(path, "rb").read()
t = time.perf_counter(); ocr._get_engine(); load = time.perf_counter() - t
walls, cpus = [], []
for _ in range(rounds):
    t, c = time.perf_counter(), os.times()
    doc = read_document(data)
    c2 = os.times()
    walls.append(time.perf_counter() - t)
    cpus.append((c2.user - c.user) + (c2.system - c.system))
print(json.dumps({"pages": doc.pages, "blocks": len(doc.blocks), "load": load,
                  "wall": statistics.median(walls), "cpu": statistics.median(cpus),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from scan_fixtures import phone_photo, scanned_pdf

    inputs = {
        f"scan of {p.name}": scanned_pdf(p.read_bytes()) for p in sorted((ROOT / "samples" / "documents").glob("*.pdf"))
    }
    inputs["phone photo (JPEG)"] = phone_photo((ROOT / "tests" / "fixtures" / "pdf" / "quality_engineer.pdf").read_bytes())
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {args.rounds} rounds per input\n")
    print(f"{'input':34} {'pages':>5} {'load s':>7} {'s/page':>7} {'cpu s/page':>10} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in inputs.items():
            path = Path(tmp) / "input"
            path.write_bytes(data)
            run = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), str(args.rounds)], capture_output=True, text=True, check=True
            )
            r = json.loads(run.stdout.strip().splitlines()[-1])
            pages = r["pages"] or 1
            print(
                f"{name[:34]:34} {pages:>5} {r['load']:>7.2f} {r['wall'] / pages:>7.2f} "
                f"{r['cpu'] / pages:>10.2f} {r['peak_mb']:>8.0f}"
            )


if __name__ == "__main__":
    main()
