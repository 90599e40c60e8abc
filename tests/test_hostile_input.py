"""Issue 10: hostile input that hung, ate memory or probed the file system — each defect's
reproducer is built here, at its size or at a size that shows its growth.

Defect 1 (the duty regex) is in ``test_regex_linear.py``; 3 and 4 belong to the PDF reader.
Hangs are measured in CPU time under a CPU-time alarm (a hang fails, it never blocks the
suite); memory with tracemalloc, which sees every Python allocation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import FIXTURES, SAMPLES
from hostile import (
    CpuBudgetExceeded,
    cpu_seconds,
    merged_column_docx,
    span_bomb_html,
    tab_table_text,
    with_doctype,
)
from jdx.extractors import Limits, read_document
from jdx.extractors.errors import DocumentError
from jdx.pipeline.convert import convert_bytes

ROOT = Path(__file__).resolve().parents[1]


def jdx(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jdx.pipeline.cli", *args], capture_output=True, timeout=timeout,
                          **kwargs)


# ----------------------------------------------------------------------------- 2: merged column


def test_a_column_merged_over_thousands_of_rows_converts_in_linear_time() -> None:
    """Defect 2: 5,000 rows under one vMerge took over 240 s (every row re-read the merged
    cell, which holds all the rows' hidden text). 4x the rows must cost about 4x, not 16x."""
    small, large = merged_column_docx(500), merged_column_docx(2000)
    convert_bytes(small, "warm.docx")
    t_small = min(cpu_seconds(lambda: convert_bytes(small, "a.docx"), 10) for _ in range(2))
    try:
        t_large = cpu_seconds(lambda: convert_bytes(large, "b.docx"), max(10 * t_small, 2.0))
    except CpuBudgetExceeded:
        pytest.fail(f"2,000 merged rows took over 10x the time of 500 ({t_small:.2f} s)")
    assert t_large < 8 * max(t_small, 0.05), (t_small, t_large)  # linear: about 4x; quadratic: 16x


def test_the_merged_cell_is_read_once_and_every_row_still_counts() -> None:
    result = convert_bytes(merged_column_docx(300), "仓库管理员.docx")
    # partial: 600 duty lines are more than a role has, and the role is flagged for review
    assert result.status in ("ok", "partial") and len(result.roles) == 1
    texts = [u.text for u in result.unassigned] + [d.text for r in result.roles for d in r.duties]
    texts += [s.text for r in result.roles for s in r.other_sections] + [u.text for r in result.roles for u in r.unmapped]
    joined = "\n".join(texts)
    assert joined.count("负责仓库物资的收发与盘点工作299") == 1  # the last row is there, once
    assert joined.count("日常工作") <= 1


# ----------------------------------------------------------------------------- 5: nesting


@pytest.mark.parametrize("data", [b"[" * 1000 + b"]" * 1000, b"[" * 100_000, b'{"a":' * 5000 + b"1" + b"}" * 5000])
def test_deeply_nested_brackets_are_data_not_an_internal_error(data: bytes) -> None:
    """Defect 5: ``[``×1000 + ``]``×1000 as a .txt gave internal_error (RecursionError)."""
    result = convert_bytes(data, "brackets.txt")
    assert result.status == "failed" and result.error.code == "unsupported_format", result.error


def test_html_nested_past_the_bound_is_read_flat_with_its_text() -> None:
    page = ("<html><body>" + "<div>" * 200 + "岗位名称：出纳 负责现金收付" + "</div>" * 200 + "</body></html>").encode()
    doc = read_document(page, Limits(max_nesting_depth=20))
    assert any("负责现金收付" in b.text for b in doc.blocks)
    assert "nesting_flattened" in {w.code for w in doc.warnings}


def test_docx_tables_nested_past_the_bound_are_too_large() -> None:
    from hostile import minimal_docx

    inner = "<w:p><w:r><w:t>岗位名称</w:t></w:r></w:p>"
    for _ in range(12):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    with pytest.raises(DocumentError) as caught:
        read_document(minimal_docx(inner), Limits(max_nesting_depth=8))
    assert caught.value.code == "too_large"
    assert read_document(minimal_docx(inner), Limits(max_nesting_depth=16)).blocks


# ----------------------------------------------------------------------------- 6: memory


def _peak_mb(work) -> tuple[object, float]:
    tracemalloc.start()
    try:
        value = work()
        return value, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def test_span_bomb_html_reads_in_bounded_memory() -> None:
    """Defect 6: rowspan=colspan=100 on every cell of a 191 KB page reached 2.5 GB."""
    page = span_bomb_html(4000)
    doc, peak = _peak_mb(lambda: read_document(page))
    assert peak < 100, f"{peak:.0f} MB to read a {len(page) // 1024} KB page"
    assert "truncated" in {w.code for w in doc.warnings}
    limits = Limits()
    assert all(b.table.n_rows * b.table.n_cols <= limits.max_table_cells for b in doc.blocks if b.table)


def test_html_spans_are_placed_as_browsers_place_them() -> None:
    page = ("<table><tr><td rowspan=2>类别</td><td>岗位名称</td><td>出纳</td></tr>"
            "<tr><td>所属部门</td><td>财务部</td></tr>"
            "<tr><td colspan=3>岗位职责：负责现金收付</td></tr></table>" + "<p>备注</p>" * 5).encode()
    table = next(b.table for b in read_document(page).blocks if b.table)
    cells = {(c.row, c.col): (c.text, c.rowspan, c.colspan) for c in table.cells}
    assert cells[(0, 0)] == ("类别", 2, 1) and cells[(1, 1)] == ("所属部门", 1, 1) and cells[(1, 2)] == ("财务部", 1, 1)
    assert cells[(2, 0)] == ("岗位职责：负责现金收付", 1, 3)
    assert (table.n_rows, table.n_cols) == (3, 3)


def test_a_huge_tab_table_converts_in_bounded_memory_with_a_warning() -> None:
    """Defect 6: a 2,000 × 500 tab table (6 MB) reached 1.7 GB and then MemoryError."""
    data = tab_table_text(2000, 500)
    result, peak = _peak_mb(lambda: convert_bytes(data, "table.txt"))
    assert result.status == "partial" and "truncated" in {w.code for w in result.warnings}
    assert peak < 600, f"{peak:.0f} MB"


def test_bounds_are_enforced_on_any_reader_output(monkeypatch) -> None:
    """The contract holds for a reader that forgets it: read_document cuts what it returns."""
    from jdx.extractors import READERS
    from jdx.schemas.document import Block, BlockKind, Cell, Document, Table

    def careless(data, limits, options):
        table = Table(n_rows=30, n_cols=10, cells=[Cell(row=r, col=c, text="x") for r in range(30) for c in range(10)])
        blocks = [Block(index=i, kind=BlockKind.PARAGRAPH, text="段落" * 10, page=1) for i in range(50)]
        return Document(format="txt", blocks=[Block(index=50, kind=BlockKind.TABLE, table=table), *blocks])

    monkeypatch.setitem(sys.modules, "careless_reader", type(sys)("careless_reader"))
    sys.modules["careless_reader"].read = careless
    monkeypatch.setitem(READERS, "txt", "careless_reader:read")
    doc = read_document(b"any text", Limits(max_table_cells=100, max_blocks=40, max_page_chars=200))
    assert len(doc.blocks) <= 40
    table = doc.blocks[0].table
    assert table.n_rows == 10 and all(c.row < 10 for c in table.cells)
    assert sum(len(b.text) for b in doc.blocks if b.page == 1) <= 200 + 20
    assert [w.code for w in doc.warnings].count("truncated") == 3


def test_memory_error_in_a_conversion_gives_out_of_memory_not_a_traceback() -> None:
    """Defect 6: the MemoryError came back inside the out-of-memory handler (the traceback
    still held the memory). The isolated child answers after leaving the handler."""
    from jdx.pipeline.isolate import Isolation, Outcome, run_isolated

    def hog() -> Outcome:
        blocks = [bytearray(64 << 20) for _ in range(64)]  # 4 GB: past the 1 GB cap
        return Outcome(status="ok", roles=len(blocks), output=b"")

    outcome = run_isolated(hog, Isolation(timeout=60, memory_limit_mb=1024))
    assert (outcome.status, outcome.error_code) == ("failed", "out_of_memory")


def test_jdx_convert_of_the_tab_table_under_a_memory_cap_prints_json(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_bytes(tab_table_text(2000, 500))
    done = jdx("convert", str(path), "--memory-limit", "1536", timeout=120)
    assert b"Traceback" not in done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "partial" and done.returncode == 1  # partial, but no roles in a grid of codes


# ----------------------------------------------------------------------------- 7: DTDs


READ_PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml",
              "word/_rels/document.xml.rels", "_rels/.rels"]


@pytest.mark.parametrize("part", READ_PARTS)
def test_a_doctype_in_any_read_part_is_refused_the_same_whether_its_path_exists(part: str, tmp_path: Path) -> None:
    """Defect 7: ``<!DOCTYPE … SYSTEM "/etc/passwd">`` made libxml2 open the path: an existing
    path gave corrupt_file, a missing one ok (a probe of the server's files)."""
    docx = (FIXTURES / "docx" / "header_footer.docx").read_bytes()
    existing = tmp_path / "exists.dtd"
    existing.write_text("<!ELEMENT x ANY>")
    answers = []
    for target in (str(existing), str(tmp_path / "missing.dtd"), "/etc/passwd"):
        result = convert_bytes(with_doctype(docx, part, target), "岗位.docx")
        answers.append((result.status, result.error.code if result.error else None,
                        (result.error.message if result.error else "").replace(target, "")))
    assert answers[0][:2] == ("failed", "corrupt_file") and "DTD" in answers[0][2]
    assert answers[0] == answers[1] == answers[2]


def test_a_doctype_naming_a_fifo_never_blocks(tmp_path: Path) -> None:
    """Defect 7: a FIFO (or /dev/stdin) as the DTD blocked ``jdx convert`` forever; now no
    part opens anything, parsed or not (settings.xml is never read)."""
    fifo = tmp_path / "dtd.fifo"
    os.mkfifo(fifo)
    docx = (FIXTURES / "docx" / "header_footer.docx").read_bytes()
    for part in ("word/document.xml", "word/settings.xml"):
        path = tmp_path / f"{part.replace('/', '_')}.docx"
        path.write_bytes(with_doctype(docx, part, str(fifo)))
        try:
            done = jdx("convert", str(path), "--timeout", "20", timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail(f"a DTD in {part} naming a FIFO blocked jdx convert")
        result = json.loads(done.stdout)
        code = result["error"]["code"] if result["error"] else None
        assert code != "timeout", part
        assert code == ("corrupt_file" if part == "word/document.xml" else None), (part, result["error"])


# ----------------------------------------------------------------------------- 10: convert isolation


def test_jdx_convert_has_a_time_limit_of_its_own(tmp_path: Path) -> None:
    """Defect 10: ``jdx convert`` had no deadline; a file whose read never ends (here a FIFO
    nobody writes to) hung it. Now it fails as ``timeout`` and the command ends."""
    fifo = tmp_path / "岗位说明书.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    try:
        done = jdx("convert", str(fifo), "--timeout", "2", timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("jdx convert did not stop at its --timeout")
    assert time.monotonic() - started < 30
    result = json.loads(done.stdout)
    assert done.returncode == 1 and result["error"]["code"] == "timeout"
    assert b"Traceback" not in done.stderr and len(done.stderr.decode().strip().splitlines()) == 1


def test_jdx_convert_defaults_match_batch() -> None:
    from jdx.pipeline.cli import batch, convert

    def default(command, name):
        import inspect

        return inspect.signature(command).parameters[name].default

    assert default(convert, "timeout") == default(batch, "timeout")
    assert default(convert, "memory_limit") == default(batch, "memory_limit")


def test_isolated_and_in_process_conversions_agree(tmp_path: Path) -> None:
    sample = SAMPLES / "行政助理岗位说明书.txt"
    isolated = jdx("convert", str(sample))
    in_process = jdx("convert", str(sample), "--timeout", "0", "--memory-limit", "0")
    assert isolated.returncode == in_process.returncode == 0
    assert isolated.stdout == in_process.stdout
