"""PDF speed and fidelity against the floors jdx stands on.

    .venv/bin/python benchmarks/pdf_bench.py [--rounds 5] [FILE.pdf ...]

Default files: the 43-page corpus PDF and the other PDFs of ../shared/corpus, and the sample
PDF. Per file, in paired rounds (every variant once per round, in rotating order, so a load
spike hits all of them alike), wall-clock seconds of:

- ``plumber``: pdfplumber's text and tables (``extract_text`` + ``extract_tables`` per page) —
  the floor the old reader stood on;
- ``pdfium``: bare PDFium text (``get_text_range`` per page) — the floor the new one stands on;
- ``old read``: the pdfplumber-based reader jdx had (from git history, ``pdf_reference.py``);
- ``read``: jdx's PDF reader (``read_pdf``: PDFium, rules, layout, blocks);
- ``convert``: jdx's whole conversion to JSON (read, normalise, extract roles, serialise).

Prints medians and the median of the per-round ratios of ``read``/``convert`` to ``plumber``
and to ``pdfium``. Then CJK fidelity: for each peer text (pdfplumber, PDFium), the share of its
CJK characters (with multiplicity) that jdx's Document (blocks, table cells, furniture) also
has; and the same against what ``jdx convert`` outputs (role field values and unassigned
text: headings and labels that became keys are not in it, so that figure is a lower bound;
``benchmarks/fidelity_bench.py`` gives it with labels aside, and for DOCX).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NNZR = "附件：1.南宁中燃客户服务部管理组织架构及岗位职责.pdf"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fidelity_bench import cjk_counts, coverage, document_text, role_values  # noqa: E402


def default_files() -> list[Path]:
    corpus = sorted((SHARED / "corpus").rglob("*.pdf")) if (SHARED / "corpus").is_dir() else []
    corpus.sort(key=lambda p: p.name != NNZR)
    return corpus + sorted((ROOT / "samples" / "documents").glob("*.pdf"))


# --- the variants -------------------------------------------------------------------------


def plumber_text_tables(data: bytes) -> str:
    import pdfplumber

    parts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            parts.append(page.extract_text() or "")
            for table in page.extract_tables():
                parts.extend(cell or "" for row in table for cell in row)
    return "\n".join(parts)


def plumber_text(data: bytes) -> str:
    """pdfplumber's page text as a peer would give it: overprinted (fake-bold) copies merged
    with its own ``dedupe_chars``, table text once (it is part of the page text)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.dedupe_chars().extract_text() or "" for page in pdf.pages)


def pdfium_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def jdx_read(data: bytes):
    from jdx.extractors.limits import Limits
    from jdx.extractors.pdf import read_pdf

    return read_pdf(data, Limits())


def old_read(data: bytes):
    from jdx.extractors.limits import Limits
    from pdf_reference import reference_reader

    return reference_reader()(data, Limits())


def jdx_convert(data: bytes, name: str, lexicon) -> str:
    from jdx.pipeline.convert import convert_bytes

    return convert_bytes(data, name, lexicon=lexicon).model_dump_json()


# --- timing -------------------------------------------------------------------------------


def paired_rounds(variants: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    names = list(variants)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            start = time.perf_counter()
            variants[name]()
            times[name].append(time.perf_counter() - start)
    return times


def ratio(times: dict[str, list[float]], a: str, b: str) -> float:
    return statistics.median(x / y for x, y in zip(times[a], times[b], strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = args.files or default_files()

    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    load = os.getloadavg()[0]
    print(f"{len(files)} files, {args.rounds} paired rounds, load average {load:.2f} on {os.cpu_count()} cores\n")
    header = f"{'file':28} {'pages':>5} {'plumber':>8} {'pdfium':>8} {'old read':>8} {'read':>8} {'convert':>8}"
    print(header + f" {'read/pl':>8} {'conv/pl':>8} {'read/pdfium':>11} {'conv/pdfium':>11}")
    fidelity_rows = []
    for path in files:
        data = path.read_bytes()
        jdx_convert(data, path.name, lexicon)  # warm: readers imported, NLP loaded, caches filled
        old_read(data)
        variants = {
            "plumber": lambda d=data: plumber_text_tables(d),
            "pdfium": lambda d=data: pdfium_text(d),
            "old read": lambda d=data: old_read(d),
            "read": lambda d=data: jdx_read(d),
            "convert": lambda d=data, n=path.name: jdx_convert(d, n, lexicon),
        }
        times = paired_rounds(variants, args.rounds)
        med = {name: statistics.median(values) for name, values in times.items()}
        doc = jdx_read(data)
        print(
            f"{path.name[:28]:28} {doc.pages:>5} "
            + " ".join(f"{med[n]:>8.3f}" for n in ("plumber", "pdfium", "old read", "read", "convert"))
            + f" {ratio(times, 'read', 'plumber'):>8.2f} {ratio(times, 'convert', 'plumber'):>8.2f}"
            + f" {ratio(times, 'read', 'pdfium'):>11.2f} {ratio(times, 'convert', 'pdfium'):>11.2f}"
        )
        ours, roles = document_text(doc), role_values(jdx_convert(data, path.name, lexicon))
        peers = {"pdfplumber": plumber_text(data), "pdfium": pdfium_text(data)}
        for peer, text in peers.items():
            fidelity_rows.append((path.name, peer, sum(cjk_counts(text).values()), coverage(text, ours), coverage(text, roles)))
    print("\nCJK fidelity: share of a peer's CJK characters that jdx keeps")
    print(f"{'file':28} {'peer':10} {'peer CJK':>8} {'Document':>9} {'roles':>7}")
    for name, peer, total, in_doc, in_roles in fidelity_rows:
        print(f"{name[:28]:28} {peer:10} {total:>8} {in_doc:>9.4f} {in_roles:>7.4f}")


if __name__ == "__main__":
    main()
