"""Spreadsheet libraries and jdx's readers: seconds and peak memory per workbook.

    .venv/bin/python benchmarks/sheet_bench.py [--rows 20000] [--no-corpus]

Why openpyxl and xlrd: for each workbook, every candidate library reads every cell (values,
plus what it offers for merged ranges and number formats) in a fresh process, and the jdx
reader does the whole job (displayed text, spans, blocks). Figures are printed, never
asserted. Workbooks: the corpus workbooks (when ../shared/corpus is there), the committed
fixtures, and a generated roster of ``--rows`` rows × 8 columns (Chinese text, multi-line
cells, percentages) written by openpyxl and converted to .xls/.ods by LibreOffice when
``soffice`` is installed. Candidates that are not installed print as such
(python-calamine is not a jdx dependency: ``pip install python-calamine`` to compare).

Columns: wall seconds of the read (imports excluded), peak RSS of the process in MB (a bare
interpreter with the library imported is printed as "base"), cells seen, and for jdx the
ratio of its time to the bare parse by the library it uses, measured in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "sheets"

# name -> (formats, import line, code that reads path P and counts non-empty cells into N)
CANDIDATES: dict[str, tuple[set[str], str, str]] = {
    "openpyxl (full)": ({"xlsx"}, "import openpyxl", """
wb = openpyxl.load_workbook(P, data_only=True)
for ws in wb.worksheets:
    N += sum(1 for c in ws._cells.values() if c.value is not None and c.number_format)
    M = len(ws.merged_cells.ranges)"""),
    "openpyxl (read-only)": ({"xlsx"}, "import openpyxl", """
wb = openpyxl.load_workbook(P, data_only=True, read_only=True)
for ws in wb.worksheets:
    ws.reset_dimensions()
    for row in ws.iter_rows():
        N += sum(1 for c in row if c.value is not None and c.number_format)"""),
    "python-calamine": ({"xlsx", "xls", "ods"}, "import python_calamine as pc", """
wb = pc.CalamineWorkbook.from_path(P)
for name in wb.sheet_names:
    s = wb.get_sheet_by_name(name)
    N += sum(1 for row in s.iter_rows() for v in row if v != "")
    M = s.merged_cell_ranges"""),
    "xlrd (formats)": ({"xls"}, "import xlrd", """
bk = xlrd.open_workbook(P, formatting_info=True, on_demand=True)
for i in range(bk.nsheets):
    sh = bk.sheet_by_index(i)
    for r in range(sh.nrows):
        for c in sh.row(r):
            if c.ctype:
                N += 1
                F = bk.format_map[bk.xf_list[c.xf_index].format_key].format_str"""),
    "odfpy": ({"ods"}, "from odf.opendocument import load\nfrom odf import table", """
doc = load(P)
for sheet in doc.spreadsheet.getElementsByType(table.Table):
    N += sum(1 for cell in sheet.getElementsByType(table.TableCell) if str(cell))"""),
    "lxml (content.xml)": ({"ods"}, "import zipfile\nfrom lxml import etree", """
TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
with zipfile.ZipFile(P) as zf, zf.open("content.xml") as src:
    for _, el in etree.iterparse(src, tag=TEXT_P):
        N += bool(el.text)
        el.clear()"""),
    "jdx reader": ({"xlsx", "xls", "ods"},
                   "from jdx.extractors import read_document, ReadOptions\nimport jdx.extractors.xlsx, "
                   "jdx.extractors.xls, jdx.extractors.ods, openpyxl, xlrd, lxml.etree", """
doc = read_document(open(P, 'rb').read(), options=ReadOptions(filename=P))
N = sum(1 for b in doc.blocks if b.table for c in b.table.cells if c.text)"""),
}
# the library each jdx reader parses with, for the ratio
BARE = {"xlsx": "openpyxl (read-only)", "xls": "xlrd (formats)", "ods": "lxml (content.xml)"}

RUNNER = """
import resource, sys, time
{imports}
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
P = sys.argv[1]
N = 0
_started = time.perf_counter()
{code}
elapsed = time.perf_counter() - _started
print(elapsed, base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, N)
"""


def measure(name: str, path: Path) -> tuple[float, float, float, int] | str:
    _, imports, code = CANDIDATES[name]
    program = RUNNER.format(imports=imports, code=code)
    try:
        done = subprocess.run([sys.executable, "-c", program, str(path)], capture_output=True, text=True,
                              timeout=900)
    except subprocess.TimeoutExpired:
        return "timeout"
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return "not installed" if "ModuleNotFoundError" in last else f"error: {last[:60]}"
    seconds, base, peak, cells = done.stdout.split()
    return float(seconds), int(base) / 1024, int(peak) / 1024, int(cells)


def generated(rows: int, folder: Path) -> list[Path]:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("岗位花名册")
    ws.append(["岗位名称", "所属部门", "岗位职责", "任职要求", "编制", "权重", "目标值", "备注"])
    for i in range(rows):
        ws.append([f"岗位{i}", f"部门{i % 37}", f"1、负责第{i}项工作的计划与执行；\n2、完成上级交办的其他任务。",
                   "本科及以上学历，三年以上相关工作经验", i % 7, 0.15, 1234.5 + i, None])
    path = folder / f"roster_{rows}.xlsx"
    wb.save(path)
    out = [path]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        for target in ("xls", "ods"):
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                                target, "--outdir", str(folder), str(path)], capture_output=True, timeout=900)
            converted = path.with_suffix(f".{target}")
            if converted.exists():
                out.append(converted)
    return out


def workbooks(args, folder: Path) -> list[Path]:
    files: list[Path] = []
    if not args.no_corpus and CORPUS.exists():
        files += sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in (".xlsx", ".xls", ".ods"))
    files += sorted(FIXTURES.glob("kpi.*")) + sorted(FIXTURES.glob("catalog.*"))
    files += generated(args.rows, folder)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000, help="rows of the generated roster")
    parser.add_argument("--no-corpus", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for path in workbooks(args, Path(tmp)):
            fmt = path.suffix.lower().lstrip(".")
            print(f"\n{path.name} ({path.stat().st_size / 1024:,.0f} KB)", flush=True)
            times: dict[str, float] = {}
            for name, (formats, _, _) in CANDIDATES.items():
                if fmt not in formats:
                    continue
                result = measure(name, path)
                if isinstance(result, str):
                    print(f"  {name:22} {result}", flush=True)
                    continue
                seconds, base, peak, cells = result
                times[name] = seconds
                ratio = ""
                if name == "jdx reader" and BARE[fmt] in times and times[BARE[fmt]] > 0:
                    ratio = f"  {seconds / times[BARE[fmt]]:.2f}x {BARE[fmt]}"
                print(f"  {name:22} {seconds:8.3f} s  peak {peak:7.0f} MB (base {base:4.0f})  cells {cells:>8,}{ratio}",
                      flush=True)


if __name__ == "__main__":
    main()
