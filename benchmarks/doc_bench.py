"""Word 97 ``.doc`` (and RTF): the native readers against LibreOffice, on every ``.doc`` at hand.

    .venv/bin/python benchmarks/doc_bench.py [--make-extra] [--repeat 5] [FILES...]

Inputs: the ``.doc`` files of ``../shared/corpus`` (from its manifest), the committed
fixtures in ``tests/fixtures/doc``, FILES given on the command line, and with
``--make-extra`` every DOCX of ``samples/``, ``tests/fixtures/docx`` and the corpus saved
as ``.doc`` (and as ``.rtf``) by LibreOffice into a temporary folder — nothing is kept.

Per file it prints:

* ``native s`` — the built-in reader (:mod:`jdx.extractors.msdoc`), median of --repeat runs;
* ``LO s`` — ``--via-libreoffice``: LibreOffice converts to DOCX, the DOCX reader reads it
  (one run; a LibreOffice start-up each time, as in a batch);
* ``LO/native`` — how many times slower the LibreOffice path is;
* ``agree`` — character-level agreement of the native reader's body text with the text
  LibreOffice itself exports (``soffice --convert-to txt``): 2·matched / (both lengths), after
  whitespace is removed, lines aligned first and then characters within changed lines
  (difflib). LibreOffice's text export leaves out text boxes and shows tracked deletions and
  hidden text, so 1.0000 is not expected everywhere; the column ``LO-path agree`` gives the
  same figure for the ``--via-libreoffice`` Document, as the yardstick.
* with ``--make-extra``, ``rtf s`` and ``rtf agree`` for the RTF reader on LibreOffice's RTF
  of the same document (agreement against the native .doc reading).

Figures, not assertions; LibreOffice (``soffice``) must be installed for the LO columns.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def body_lines(doc) -> list[str]:  # noqa: ANN001 - a Document
    """The body as LibreOffice's text export lays it out: a line per paragraph and per cell
    paragraph, list labels in front."""
    lines: list[str] = []
    for block in doc.blocks:
        if block.table is not None:
            for cell in sorted(block.table.cells, key=lambda c: (c.row, c.col)):
                lines.extend(cell.text.split("\n"))
        else:
            lines.append((block.label or "") + block.text)
    return lines


def _squeeze(lines: list[str]) -> list[str]:
    return [s for s in (re.sub(r"\s+", "", line) for line in lines) if s]


def agreement(ours: list[str], reference: list[str]) -> float:
    a, b = _squeeze(ours), _squeeze(reference)
    matched = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            matched += sum(len(x) for x in a[i1:i2])
        elif tag == "replace":
            x, y = "".join(a[i1:i2]), "".join(b[j1:j2])
            if len(x) * len(y) <= 4_000_000:  # character alignment of a changed stretch
                matched += sum(m.size for m in difflib.SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks())
    total = sum(map(len, a)) + sum(map(len, b))
    return 2 * matched / total if total else 1.0


def corpus_docs() -> list[Path]:
    manifest = SHARED / "corpus" / "manifest.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return [SHARED / row[0] for row in rows if len(row) > 4 and row[4] in ("doc", "wps")]


def corpus_docx() -> list[Path]:
    manifest = SHARED / "corpus" / "manifest.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as fh:
        return [SHARED / row[0] for row in csv.reader(fh, delimiter="\t") if len(row) > 4 and row[4] == "docx"]


def soffice_convert(exe: str, files: list[Path], target: str, out_dir: Path) -> None:
    """LibreOffice conversion of ``files`` into ``out_dir`` (one process, a private profile)."""
    if not files:
        return
    profile = out_dir / ".profile"
    cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
           "--outdir", str(out_dir), *map(str, files)]
    subprocess.run(cmd, capture_output=True, timeout=1800, check=False)


def make_extra(exe: str, work: Path) -> tuple[list[Path], dict[str, Path]]:
    """DOCX inputs saved as .doc (and .rtf) by LibreOffice; names made unique by a prefix."""
    sources = sorted((ROOT / "samples" / "documents").glob("*.docx")) + sorted(
        (ROOT / "tests" / "fixtures" / "docx").glob("*.docx")) + corpus_docx()
    staged = work / "docx"
    staged.mkdir()
    for i, path in enumerate(sources):
        shutil.copy(path, staged / f"x{i:02d}_{path.stem[:40]}.docx")
    docs = work / "doc"
    docs.mkdir()
    soffice_convert(exe, sorted(staged.glob("*.docx")), "doc", docs)
    rtfs = work / "rtf"
    rtfs.mkdir()
    soffice_convert(exe, sorted(docs.glob("*.doc")), "rtf", rtfs)
    return sorted(docs.glob("*.doc")), {p.stem: p for p in rtfs.glob("*.rtf")}


def median_seconds(fn, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--make-extra", action="store_true", help="also measure DOCX inputs saved as .doc by LibreOffice")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()

    from jdx.extractors.doc import read_via_libreoffice, soffice
    from jdx.extractors.errors import DocumentError
    from jdx.extractors.limits import Limits
    from jdx.extractors.msdoc import read_word97
    from jdx.extractors.rtf import read_rtf

    limits = Limits()
    exe = soffice()
    files = corpus_docs() + sorted((ROOT / "tests" / "fixtures" / "doc").glob("*.doc")) + list(args.files)
    with tempfile.TemporaryDirectory(prefix="jdx-doc-bench-") as tmp:
        work = Path(tmp)
        rtfs: dict[str, Path] = {}
        if args.make_extra and exe:
            extra, rtfs = make_extra(exe, work)
            files += extra
        texts = work / "txt"
        texts.mkdir()
        staged = work / "in"
        staged.mkdir()
        names = {}
        for i, path in enumerate(files):  # unique plain names for LibreOffice's output files
            names[path] = staged / f"f{i:03d}.doc"
            shutil.copy(path, names[path])
        if exe:
            soffice_convert(exe, list(names.values()), "txt:Text (encoded):UTF8", texts)

        print(f"LibreOffice: {exe or 'not installed'}")
        header = f"{'file':46} {'chars':>7} {'native s':>9} {'LO s':>7} {'LO/native':>9} {'agree':>7} {'LO-path agree':>13}"
        if rtfs:
            header += f" {'rtf s':>7} {'rtf agree':>9}"
        print(header)
        totals = {"native": [], "lo": [], "agree": [], "rtf": [], "rtf_agree": []}
        for path in files:
            data = path.read_bytes()
            label = path.name if len(path.name) <= 44 else path.name[:43] + "…"
            try:
                doc = read_word97(data, limits)
            except DocumentError as exc:
                print(f"{label:46} {exc.code.value}: {exc.message[:60]}")
                continue
            native = median_seconds(lambda data=data: read_word97(data, limits), args.repeat)
            ours = body_lines(doc)
            row = f"{label:46} {sum(map(len, ours)):7d} {native:9.4f}"
            ref_file = texts / (names[path].stem + ".txt")
            if exe and ref_file.exists():
                reference = ref_file.read_text(encoding="utf-8-sig").splitlines()
                started = time.perf_counter()
                try:
                    lo_doc = read_via_libreoffice(data, limits, exe)
                    lo = time.perf_counter() - started
                    lo_agree = f"{agreement(body_lines(lo_doc), reference):13.4f}"
                except DocumentError:
                    lo, lo_agree = float("nan"), f"{'failed':>13}"
                agree = agreement(ours, reference)
                totals["native"].append(native)
                totals["lo"].append(lo)
                totals["agree"].append(agree)
                row += f" {lo:7.2f} {lo / native:9.0f} {agree:7.4f} {lo_agree}"
            rtf = rtfs.get(path.stem)
            if rtf is not None:
                rtf_data = rtf.read_bytes()
                rtf_s = median_seconds(lambda rtf_data=rtf_data: read_rtf(rtf_data, limits), args.repeat)
                rtf_agree = agreement(body_lines(read_rtf(rtf_data, limits)), ours)
                totals["rtf"].append(rtf_s)
                totals["rtf_agree"].append(rtf_agree)
                row += f" {rtf_s:7.3f} {rtf_agree:9.4f}"
            print(row)
        if totals["native"]:
            print(f"\n{len(totals['native'])} files with a LibreOffice reference: native median "
                  f"{statistics.median(totals['native']):.4f} s/file, LibreOffice median "
                  f"{statistics.median(totals['lo']):.2f} s/file; agreement median "
                  f"{statistics.median(totals['agree']):.4f}, min {min(totals['agree']):.4f}")
        if totals["rtf"]:
            print(f"RTF reader on LibreOffice's RTF of the same files: median {statistics.median(totals['rtf']):.4f} "
                  f"s/file, agreement with the .doc reading: median {statistics.median(totals['rtf_agree']):.4f}, "
                  f"min {min(totals['rtf_agree']):.4f}")


if __name__ == "__main__":
    main()
