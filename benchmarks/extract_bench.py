"""Single-file speed: how long `jdx convert` takes per format, and how long extraction of a
typical one-role document takes once the process is warm.

    .venv/bin/python benchmarks/extract_bench.py [--repeat 20]
    .venv/bin/python benchmarks/extract_bench.py --floor [--rounds 7] [FILE.docx ...]
    .venv/bin/python benchmarks/extract_bench.py --cold [--rounds 7] [FILE.docx]

Default: per bundled sample, cold start of a `jdx convert` process (what someone on the
command line waits for), warm read (reader only), warm extraction (normalise → fields), and
warm total — medians over --repeat runs.

``--floor`` (issue 13: 139-role DOCX ≤ 2.0×, one-role cards ≤ 4×): per DOCX, warm, in paired
rounds (every variant once per round, rotating order), the floor — unzip + lxml parse of
``word/document.xml`` + a walk over its ``w:t`` text (``batch_bench.docx_floor``) — against
jdx's reader and jdx's whole conversion to JSON; medians and the median of the per-round
ratios. Default files: the 139-role compilation and the one-role form cards of
../shared/corpus (``yangxiaoxin12__Hr_hy``), and the sample DOCX files.

``--cold`` (issue 13: ≤ 6×): cold processes, in paired rounds: ``jdx convert FILE -o
/dev/null`` (default isolation), the same in-process (``--timeout 0 --memory-limit 0``), a
cold Python that only unzips, parses and walks the file's XML, and ``python -c pass``.
Default file: a one-role corpus DOCX whose conversion reaches the NLP path (jieba);
the benchmark checks that it does. Like Python's bytecode, jdx's caches (compiled regular
expressions, the lexicon's parse; see README) are written by a first run and then read, so the
rounds measure every run after the first; the benchmark says whether the pattern store was
there. Figures, not assertions: tests never time things.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "documents"
CORPUS = ROOT.parent / "shared" / "corpus"
COMPILATION = CORPUS / "yangxiaoxin12__Hr_hy" / "static" / "file" / "3.docx"  # 139 roles
CARDS = sorted(set((CORPUS / "yangxiaoxin12__Hr_hy" / "static" / "file").glob("[0-9].docx")) - {COMPILATION})  # one role each
NLP_ONE_ROLE = CORPUS / "SolidFighter__LH_EDU" / "管理" / "前台招聘.docx"  # classifies unlabelled lines
sys.path.insert(0, str(Path(__file__).resolve().parent))


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


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def floor_bench(files: list[Path], rounds: int) -> None:
    """Warm DOCX conversion against the lxml floor, in paired rounds."""
    from batch_bench import docx_floor
    from jdx.extractors import read_document
    from jdx.pipeline.convert import convert_bytes
    from jdx.pipeline.lexicon import load_lexicon
    from pdf_bench import paired_rounds, ratio

    lexicon = load_lexicon()
    files = files or [p for p in [COMPILATION, *CARDS] if p.is_file()] + sorted(SAMPLES.glob("*.docx"))
    print(f"{len(files)} DOCX files, {rounds} paired rounds, load average {loadavg()} on {os.cpu_count()} cores\n")
    print(f"{'file':34} {'roles':>5} {'floor':>8} {'read':>8} {'convert':>8} {'read/fl':>8} {'conv/fl':>8}")
    for path in files:
        data = path.read_bytes()
        roles = len(convert_bytes(data, path.name, lexicon=lexicon).roles)  # warm: readers, NLP, caches
        variants = {
            "floor": lambda d=data: docx_floor(d),
            "read": lambda d=data: read_document(d),
            "convert": lambda d=data, n=path.name: convert_bytes(d, n, lexicon=lexicon).model_dump_json(),
        }
        times = paired_rounds(variants, rounds)
        med = {name: 1000 * statistics.median(values) for name, values in times.items()}
        name = f"{path.parent.name}/{path.name}" if path.parent.name == "file" else path.name
        print(f"{name[:34]:34} {roles:5d} {med['floor']:6.1f}ms {med['read']:6.1f}ms {med['convert']:6.1f}ms "
              f"{ratio(times, 'read', 'floor'):8.2f} {ratio(times, 'convert', 'floor'):8.2f}")
    print(f"\nload average after: {loadavg()}")


COLD_FLOOR = """import sys, zipfile
from lxml import etree
root = etree.fromstring(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))
"".join(el.text or "" for el in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
"""

REACHES_NLP = """import sys
from pathlib import Path
from jdx.pipeline.convert import convert_bytes
p = Path(sys.argv[1])
roles = len(convert_bytes(p.read_bytes(), p.name).roles)
print(roles, "jieba" in sys.modules)
"""


def cold_bench(path: Path, rounds: int) -> None:
    """Cold ``jdx convert`` against a cold Python that only parses the file's XML."""
    from pdf_bench import paired_rounds, ratio

    roles, nlp = subprocess.run([sys.executable, "-c", REACHES_NLP, str(path)], capture_output=True, text=True,
                                check=True).stdout.split()
    print(f"{path.name}: {roles} role(s), conversion reaches the NLP path (jieba loaded): {nlp}")
    from jdx.pipeline.compiled_patterns import store_path

    store = store_path()  # written by the first `jdx convert` that lacks it, as bytecode is
    print(f"compiled patterns: {store} {'present' if store.exists() else 'absent (the first round writes it)'}"
          f"{'; not written: PYTHONDONTWRITEBYTECODE is set' if os.environ.get('PYTHONDONTWRITEBYTECODE') else ''}")
    print(f"{rounds} paired rounds of cold processes, load average {loadavg()} on {os.cpu_count()} cores\n")
    jdx = str(Path(sys.executable).with_name("jdx"))

    def run(command: list[str]):
        return lambda: subprocess.run(command, check=True, capture_output=True)

    variants = {
        "python -c pass": run([sys.executable, "-c", "pass"]),
        "cold XML parse": run([sys.executable, "-c", COLD_FLOOR, str(path)]),
        "jdx convert": run([jdx, "convert", str(path), "-o", "/dev/null"]),
        "jdx convert in-process": run([jdx, "convert", str(path), "-o", "/dev/null", "--timeout", "0",
                                       "--memory-limit", "0"]),
    }
    times = paired_rounds(variants, rounds)
    for name, values in times.items():
        print(f"{name:24} {statistics.median(values):6.3f} s   {ratio(times, name, 'cold XML parse'):6.2f}× cold XML parse")
    print(f"\nload average after: {loadavg()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--floor", action="store_true", help="warm DOCX conversion against the lxml floor")
    parser.add_argument("--cold", action="store_true", help="cold jdx convert against a cold XML parse")
    parser.add_argument("--rounds", type=int, default=7, help="paired rounds for --floor and --cold")
    parser.add_argument("files", nargs="*", type=Path, help="documents to measure (default: samples/)")
    args = parser.parse_args()
    if args.floor:
        return floor_bench(args.files, args.rounds)
    if args.cold:
        return cold_bench(args.files[0] if args.files else NLP_ONE_ROLE, args.rounds)

    from jdx.extractors import read_document
    from jdx.pipeline.convert import convert_bytes, extract
    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    files = args.files or sorted(p for p in SAMPLES.iterdir() if p.suffix in (".docx", ".pdf", ".txt"))
    t = time.perf_counter()
    convert_bytes(files[0].read_bytes(), files[0].name, lexicon=lexicon)  # loads jieba once
    warmup = (time.perf_counter() - t) * 1000

    print(f"first conversion in this process (loads readers, jieba): {warmup:.0f} ms\n")
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
