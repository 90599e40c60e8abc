"""What isolation costs ``jdx convert``: the same one-role files converted by cold processes
with the default isolation (a forked child with ``--timeout`` and ``--memory-limit``) and
in-process (``--timeout 0 --memory-limit 0``), in alternating runs; medians and differences.
A cold ``python -c pass`` is the floor of any command. Not a test.

    .venv/bin/python benchmarks/convert_bench.py --runs 11
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "samples" / "documents" / name for name in ("仓储主管岗位说明书.docx", "行政助理岗位说明书.txt")]


def seconds(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    jdx = [sys.executable, "-m", "jdx.pipeline.cli", "convert"]
    floor = statistics.median(seconds([sys.executable, "-c", "pass"]) for _ in range(args.runs))
    print(f"cold `python -c pass`: {floor:.3f} s (median of {args.runs})")
    for sample in SAMPLES:
        isolated, in_process = [], []
        for _ in range(args.runs):  # alternating, so load drift falls on both
            isolated.append(seconds([*jdx, str(sample)]))
            in_process.append(seconds([*jdx, str(sample), "--timeout", "0", "--memory-limit", "0"]))
        iso, inp = statistics.median(isolated), statistics.median(in_process)
        print(f"{sample.name}: isolated {iso:.3f} s, in-process {inp:.3f} s (medians of {args.runs} cold runs): "
              f"isolation costs {1000 * (iso - inp):+.0f} ms ({iso / inp:.2f}×)")


if __name__ == "__main__":
    main()
