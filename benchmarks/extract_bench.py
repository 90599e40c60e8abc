"""Single-file speed: how long `jdx convert` takes per format, and how long extraction of a
typical one-role document takes once the process is warm.

    .venv/bin/python benchmarks/extract_bench.py [--repeat 20]

Prints, per bundled sample: cold start of a `jdx convert` process (what someone on the
command line waits for), warm read (reader only), warm extraction (normalise → fields), and
warm total — medians over --repeat runs. Figures, not assertions: tests never time things.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "documents"


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def cold_convert_ms(path: Path, repeat: int) -> float:
    exe = Path(sys.executable).with_name("jdx")
    cmd = [str(exe), "convert", str(path), "-o", "/dev/null"]
    return median_ms(lambda: subprocess.run(cmd, check=False, capture_output=True), max(1, repeat // 5))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("files", nargs="*", type=Path, help="documents to measure (default: samples/)")
    args = parser.parse_args()

    from jdx.extractors import read_document
    from jdx.pipeline.convert import convert_bytes, extract
    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    files = args.files or sorted(p for p in SAMPLES.iterdir() if p.suffix in (".docx", ".pdf", ".txt"))
    t = time.perf_counter()
    convert_bytes(files[0].read_bytes(), files[0].name, lexicon=lexicon)  # loads jieba/spaCy once
    warmup = (time.perf_counter() - t) * 1000

    print(f"first conversion in this process (loads readers, jieba, spaCy): {warmup:.0f} ms\n")
    print(f"{'file':34} {'fmt':5} {'roles':>5} {'cold CLI':>9} {'read':>8} {'extract':>8} {'total':>8}")
    for path in files:
        data = path.read_bytes()
        doc = read_document(data)
        roles = len(convert_bytes(data, path.name, lexicon=lexicon).roles)
        read_ms = median_ms(lambda d=data: read_document(d), args.repeat)
        extract_ms = median_ms(lambda d=doc, n=path.name: extract(d, name=n, sha256="0" * 64, lexicon=lexicon),
                               args.repeat)
        total_ms = median_ms(lambda d=data, n=path.name: convert_bytes(d, n, lexicon=lexicon), args.repeat)
        cold = cold_convert_ms(path, args.repeat)
        print(f"{path.name[:34]:34} {doc.format:5} {roles:5d} {cold:7.0f}ms {read_ms:6.1f}ms {extract_ms:6.1f}ms "
              f"{total_ms:6.1f}ms")


if __name__ == "__main__":
    main()
