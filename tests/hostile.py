"""Builders of the hostile inputs of issue 10 (and helpers to measure them), shared by
``test_hostile_input.py`` and ``benchmarks/fuzz.py``. Each builds the reproducer the issue
describes, at a size the caller picks."""

from __future__ import annotations

import gc
import io
import re
import signal
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{_esc(text)}</w:t></w:r></w:p>' if text else "<w:p/>"


def minimal_docx(body_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A DOCX with just a document part (and ``extra`` members): what the reader needs."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{body_xml}</w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        zf.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def merged_column_docx(rows: int) -> bytes:
    """Issue 10, defect 2: a table whose first column is merged top to bottom (``vMerge``),
    each covered cell still holding text (Word hides it; the reader keeps it), beside one
    duty per row."""
    def cell(text: str, merge: str | None) -> str:
        props = "" if merge is None else (
            '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' if merge == "restart" else "<w:tcPr><w:vMerge/></w:tcPr>")
        return f"<w:tc>{props}{_para(text)}</w:tc>"

    body = [_para("岗位名称：仓库管理员"), _para("岗位职责"), "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"]
    for r in range(rows):
        first = cell("日常工作", "restart") if r == 0 else cell("负责的事项", "continue")
        body.append(f"<w:tr>{first}{cell(f'负责仓库物资的收发与盘点工作{r}', None)}</w:tr>")
    body.append("</w:tbl>")
    return minimal_docx("".join(body))


def span_bomb_html(cells: int, rows: int = 50) -> bytes:
    """Issue 10, defect 6: a table of ``rowspan=colspan=100`` cells (2.5 GB from 191 KB)."""
    first = '<td rowspan="100" colspan="100">岗位</td>' * cells
    return (f"<html><body><p>岗位名称：出纳</p><table><tr>{first}</tr>"
            + "<tr><td>负责现金收付</td></tr>" * rows + "</table></body></html>").encode("utf-8")


def tab_table_text(rows: int, cols: int) -> bytes:
    """Issue 10, defect 6: a tab-separated table of ``rows`` × ``cols`` short cells
    (2,000 × 500: 6 MB that reached 1.7 GB)."""
    return "\n".join("\t".join(f"{r % 10}{c % 7}格" for c in range(cols)) for r in range(rows)).encode("utf-8")


def with_doctype(docx: bytes, part: str, system_id: str) -> bytes:
    """``docx`` with ``<!DOCTYPE … SYSTEM "system_id">`` inserted into one XML part."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                text = data.decode("utf-8")
                root = re.search(r"<([A-Za-z_][\w.:-]*)[\s>/]", text[text.index("?>") + 2 if text.startswith("<?xml") else 0:])
                assert root is not None
                doctype = f'<!DOCTYPE {root.group(1)} SYSTEM "{system_id}">'
                if text.startswith("<?xml"):
                    end = text.index("?>") + 2
                    text = text[:end] + doctype + text[end:]
                else:
                    text = doctype + text
                data = text.encode("utf-8")
            out.writestr(info, data)
    return buf.getvalue()


class CpuBudgetExceeded(Exception):
    pass


def cpu_seconds(work: Callable[[], object], budget: float, without_gc: bool = True, collect_first: bool = True) -> float:
    """CPU seconds ``work`` takes (not wall-clock: CI machines are shared), or
    :class:`CpuBudgetExceeded` past ``budget`` CPU seconds, so a hang fails instead of waiting
    (the regex engine and the interpreter check for the signal). ``collect_first=False`` skips
    the full collection before a timing without the collector, for callers that time thousands
    of short scans."""
    def alarm(signum, frame):
        raise CpuBudgetExceeded

    previous = signal.signal(signal.SIGVTALRM, alarm)
    # The collector's full passes cost in proportion to everything alive in the process (a
    # long test session holds a lot): with it running, growth would measure the session too.
    collecting = gc.isenabled() and without_gc
    if collecting:
        if collect_first:
            gc.collect()
        gc.disable()
    signal.setitimer(signal.ITIMER_VIRTUAL, budget)
    started = time.thread_time()
    try:
        work()
        return time.thread_time() - started
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
        if collecting:
            gc.enable()
