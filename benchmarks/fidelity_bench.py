"""CJK fidelity: how much of a peer's text jdx keeps, on DOCX and PDF, labels aside.

    .venv/bin/python benchmarks/fidelity_bench.py [--show 10] [FILE ...]

Default files: the DOCX and PDF files of ../shared/corpus and of samples/. Peers read each
file's full text the plain way:

- DOCX: ``lxml`` — every paragraph (``w:p``) of ``word/document.xml``, table cells and text
  boxes included (an ``mc:AlternateContent`` through its first ``mc:Choice``, as Word shows
  it; its ``mc:Fallback`` repeats the same text); ``python-docx`` — body paragraphs and table
  cells, nested tables included (text boxes are invisible to it);
- PDF: pdfplumber's page text (overprinted fake-bold copies merged) and PDFium's page text.

Fidelity is the share of a peer's CJK characters, with multiplicity, that jdx also has:
``Document`` against everything jdx's reader produced (blocks, table cells, furniture), and
``roles`` against what ``jdx convert`` outputs (role field values and unassigned text). Labels
aside: a form label or section heading that became a key is not a value, so a peer's text unit
(a paragraph, or a whitespace-separated chunk of a line) that is a lexicon label or heading
(``岗位名称``, ``一、岗位职责：``) is left out of the peer, and a unit that starts with one
followed by a colon (``岗位名称：出纳``) loses that label. Numbering labels (``第五条`` ``一、`` ``（3）``), which the
contract removes from list items, are left out of the peer the same way, and so are the column headers of duty and
KPI tables (``序号`` ``主要内容`` ``权重``), which name a column's role. ``--show N`` lists, per file, up to N
peer units (labels aside) whose CJK characters, in order, are nowhere in jdx's output (its CJK
characters in order): content jdx dropped, or split or reordered.

The figure to compare with issue 13 (≥ 0.99) is ``roles`` against the best peer (the peer with
the most CJK characters), summed over the files of each format.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "samples" / "documents"
sys.path.insert(0, str(Path(__file__).resolve().parent))

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


# --- counting -----------------------------------------------------------------------------


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def cjk_counts(text: str) -> Counter[str]:
    return Counter(filter(is_cjk, text))


def coverage(peer: str, ours: str) -> float:
    want, have = cjk_counts(peer), cjk_counts(ours)
    total = sum(want.values())
    return 1.0 - missing(want, have) / total if total else 1.0


def cjk_only(text: str) -> str:
    return "".join(filter(is_cjk, text))


def missing(want: Counter[str], have: Counter[str]) -> int:
    return sum(max(0, n - have[ch]) for ch, n in want.items())


# --- jdx's side ---------------------------------------------------------------------------


def document_text(doc) -> str:
    parts = [doc.text()]
    for block in doc.furniture:
        parts.append(block.text)
        if block.table is not None:
            parts.extend(c.text for c in block.table.cells)
    return "\n".join(parts)


def role_values(result_json: str) -> str:
    def walk(value) -> list[str]:
        if isinstance(value, dict):
            skip = ("source", "span", "id", "file", "warnings", "error")
            return [s for k, v in value.items() if k not in skip for s in walk(v)]
        if isinstance(value, list):
            return [s for v in value for s in walk(v)]
        return [value] if isinstance(value, str) else []

    return "\n".join(walk(json.loads(result_json)))


# --- peers --------------------------------------------------------------------------------


def lxml_paragraphs(data: bytes) -> list[str]:
    """Every ``w:p`` of the body, cells and text boxes included, each once."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    for alt in list(root.iter(MC + "AlternateContent")):
        choices = alt.findall(MC + "Choice")
        for child in list(alt):
            if child.tag == MC + "Fallback" and choices or child.tag == MC + "Choice" and child is not choices[0]:
                alt.remove(child)
    texts = []
    for p in root.iter(W + "p"):
        # a paragraph's own runs: text of a text box inside it is its own w:p
        own = [t.text or "" for t in p.iter(W + "t") if next(t.iterancestors(W + "p")) is p]
        texts.append("".join(own))
    return texts


def python_docx_paragraphs(data: bytes) -> list[str]:
    import docx

    def cells(table) -> list[str]:
        out, seen = [], set()
        for row in table.rows:
            for cell in row.cells:
                if cell._tc in seen:  # a merged cell repeats in every row and column it spans
                    continue
                seen.add(cell._tc)
                out.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    out.extend(cells(inner))
        return out

    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts.extend(cells(table))
    return texts


def pdf_peers(data: bytes) -> dict[str, list[str]]:
    from pdf_bench import pdfium_text, plumber_text

    return {"pdfplumber": plumber_text(data).splitlines(), "pdfium": pdfium_text(data).splitlines()}


def docx_peers(data: bytes) -> dict[str, list[str]]:
    return {"lxml": lxml_paragraphs(data), "python-docx": python_docx_paragraphs(data)}


# --- labels aside -------------------------------------------------------------------------

COLON = "：:"
DECORATION = re.compile(r"^[\s（(【\[〔]*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）])?\s*"
                        r"|[\s）)】\]〕：:]*$")


def without_numbering(unit: str, lexicon) -> str:
    """``unit`` without its leading numbering labels (``第五条`` ``一、`` ``（3）``), which the
    contract removes from list items: they are numbering, not text a value lost."""
    pattern = lexicon.numbering.pattern
    while (m := pattern.match(unit)) and m.lastgroup not in ("bullet", "dash", "blank"):
        unit = unit[m.end():].lstrip()
    return unit


@cache
def column_headers(lexicon) -> frozenset[str]:
    """The column headers of duty and KPI tables (``序号`` ``主要内容`` ``权重``): a table's
    labels, which become its columns' roles rather than values."""
    tables, kpis = lexicon.data.tables, lexicon.data.kpis
    words = [w for column in tables.columns.model_dump().values() for w in column]
    words += tables.extra_column_headers + kpis.name_headers + kpis.weight_headers + kpis.target_headers
    return frozenset(words)


def is_label(unit: str, lexicon) -> bool:
    bare = DECORATION.sub("", unit)
    return bool(bare) and (lexicon.label_key(bare) is not None or lexicon.section_key(bare) is not None
                           or bare in lexicon.meta_labels or bare in column_headers(lexicon))


def unlabelled(unit: str, lexicon) -> str:
    """``unit`` without a label: '' for a label or heading alone, the value for ``label：value``."""
    unit = without_numbering(unit, lexicon)
    if not unit or is_label(unit, lexicon):
        return ""
    for colon in COLON:
        head, sep, rest = unit.partition(colon)
        if sep and is_label(head, lexicon):
            return rest
    return unit


def peer_units(lines: list[str], lexicon) -> list[str]:
    """The peer's text units with labels aside: whitespace-separated chunks of each line."""
    return [u for line in lines for chunk in line.split() if (u := unlabelled(chunk, lexicon))]


# --- report -------------------------------------------------------------------------------


def default_files() -> list[Path]:
    found = [p for root in (CORPUS, SAMPLES) if root.is_dir() for p in sorted(root.rglob("*"))
             if p.suffix.lower() in (".docx", ".pdf") and p.is_file()]
    return found


def measure(path: Path, lexicon, show: int) -> list[tuple[str, str, int, int, int, list[str]]]:
    """Per peer: (format, peer, peer CJK, missing from Document, missing from roles, dropped units)."""
    from jdx.extractors import read_document
    from jdx.pipeline.convert import convert_bytes

    data = path.read_bytes()
    fmt = path.suffix.lower().lstrip(".")
    doc = read_document(data)
    ours_doc = cjk_counts(document_text(doc))
    roles_text = role_values(convert_bytes(data, path.name, lexicon=lexicon).model_dump_json())
    ours_roles, flat = cjk_counts(roles_text), cjk_only(roles_text)
    rows = []
    for peer, lines in (docx_peers(data) if fmt == "docx" else pdf_peers(data)).items():
        units = peer_units(lines, lexicon)
        want = cjk_counts("\n".join(units))
        dropped = [u for u in units if cjk_only(u) and cjk_only(u) not in flat][:show]
        rows.append((fmt, peer, sum(want.values()), missing(want, ours_doc), missing(want, ours_roles), dropped))
    return rows


def share(miss: int, total: int) -> float:
    return 1 - miss / total if total else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=0, help="list up to N dropped peer units per file")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()

    from jdx.pipeline.lexicon import load_lexicon

    lexicon = load_lexicon()
    files = args.files or default_files()
    print(f"{len(files)} files; load average {os.getloadavg()[0]:.2f}\n")
    print(f"{'file':34} {'peer':11} {'peer CJK':>8} {'Document':>9} {'roles':>7}")
    totals: dict[tuple[str, str], list[int]] = {}
    best: dict[str, list[int]] = {}
    for path in files:
        rows = measure(path, lexicon, args.show)
        for fmt, peer, total, miss_doc, miss_roles, dropped in rows:
            print(f"{path.name[:34]:34} {peer:11} {total:8d} {share(miss_doc, total):9.4f} "
                  f"{share(miss_roles, total):7.4f}")
            for unit in dropped:
                print(f"    dropped: {unit[:100]}")
            acc = totals.setdefault((fmt, peer), [0, 0, 0])
            for i, n in enumerate((total, miss_doc, miss_roles)):
                acc[i] += n
        fmt, _, total, miss_doc, miss_roles, _ = max(rows, key=lambda r: r[2])  # the best peer of this file
        acc = best.setdefault(fmt, [0, 0, 0])
        for i, n in enumerate((total, miss_doc, miss_roles)):
            acc[i] += n
    print("\nSummed over files (labels aside)")
    print(f"{'format':6} {'peer':11} {'peer CJK':>8} {'Document':>9} {'roles':>7}")
    for (fmt, peer), (total, miss_doc, miss_roles) in sorted(totals.items()) + [
            ((fmt, "best peer"), acc) for fmt, acc in sorted(best.items())]:
        print(f"{fmt:6} {peer:11} {total:8d} {share(miss_doc, total):9.4f} {share(miss_roles, total):7.4f}")


if __name__ == "__main__":
    main()
