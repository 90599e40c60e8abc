"""Plain-text reader: encoding detection among the encodings Chinese files really use.

Order matters: a byte-order mark wins; then UTF-16 without BOM (recognised by its NUL
pattern, since it would otherwise look like binary); then strict UTF-8; then
charset-normalizer restricted to GB18030 and Big5 — left open it guesses cp949 on short
GBK text. Latin-1 is never a fallback: it decodes anything and hides mojibake.

Layout that carries structure is kept: lines that are table cells (a Word table copied as
text gives one tab-led cell per line, rows separated by blank lines; or tab-separated
columns) become TABLE blocks; form feeds are page breaks. Markup is not interpreted here:
Markdown files have their own reader (:mod:`.markdown`), so text stays text.
"""

from __future__ import annotations

import codecs
import io
import re
from bisect import bisect_right
from collections.abc import Callable

from ..schemas.document import Block, BlockKind, Cell, Document, ReadIssue, Table
from .bounds import truncated
from .errors import DocumentError, ErrorCode
from .limits import DEFAULT_LIMITS, Limits
from .options import DEFAULT_OPTIONS, ReadOptions

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CHINESE_ENCODINGS = ["gb18030", "big5", "big5hkscs"]
# C0 controls other than tab, newline, carriage return, form feed and escape.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


def read_text(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    # No encoding spends more than 4 bytes a character: refuse before decoding a huge file.
    if len(data) > 4 * limits.max_text_chars:
        raise DocumentError(ErrorCode.TOO_LARGE,
                            f"text file of {len(data):,} bytes is above the limit of {limits.max_text_chars:,} characters")
    text, encoding = decode(data)
    if len(text) > limits.max_text_chars:
        raise DocumentError(
            ErrorCode.TOO_LARGE,
            f"text of {len(text):,} characters is above the limit of {limits.max_text_chars:,}",
        )
    if not text.strip():
        raise DocumentError(ErrorCode.EMPTY_FILE, "the file holds no text")
    warnings: list[ReadIssue] = []
    table = _csv_table(text, limits, warnings) if (options.filename or "").lower().endswith(".csv") else None
    if table is not None:
        blocks, pages = [Block(index=0, kind=BlockKind.TABLE, table=table)], None
    else:
        blocks, pages = text_to_blocks(text, limits, warnings)
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        warnings.append(ReadIssue(code="encoding_detected", message=f"decoded as {encoding}"))
    return Document(format="txt", blocks=blocks, pages=pages, encoding=encoding, warnings=warnings)


def _csv_table(text: str, limits: Limits, issues: list[ReadIssue]) -> Table | None:
    """A ``.csv`` file (an HR system's export: one position a row under a header) as one table,
    read by the standard library's CSV reader (quoted cells may hold commas and line breaks). A
    file that does not parse as CSV, or has fewer than two columns, is read as plain text."""
    import csv  # lazy: only .csv files need it

    rows = _Rows(limits.max_table_cells)
    try:
        for row in csv.reader(io.StringIO(text.replace("\r\n", "\n"))):
            cells = [c.strip() for c in row]
            if any(cells):
                rows.add(cells)
    except csv.Error:
        return None
    if not rows.rows or max(len(r) for r in rows.rows) < 2:
        return None
    if rows.cut:
        issues.append(truncated(f"the CSV table is above {limits.max_table_cells:,} cells; the rows that fit were read"))
    return _make_table(rows.rows)


# --- decoding ---------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise ``binary_content`` / ``undecodable_text``."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError(ErrorCode.UNDECODABLE_TEXT, f"invalid {encoding} after its BOM") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _check_text(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536] and not _plausible_utf16(data):
        raise DocumentError(ErrorCode.BINARY_CONTENT, "binary data, not text (NUL bytes)")
    try:
        return _check_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _plausible_utf16(data)
    if utf16:
        return _check_text(data.decode(utf16)), utf16
    guessed = _guess_chinese_encoding(data)
    if guessed is None:
        raise DocumentError(
            ErrorCode.UNDECODABLE_TEXT, "not UTF-8, UTF-16, GB18030/GBK or Big5 text; refusing to guess"
        )
    return _check_text(data.decode(guessed, errors="strict")), guessed


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    # ASCII-heavy UTF-16 has NULs in every other byte; CJK-heavy UTF-16 has few NULs but
    # still decodes cleanly, which charset-normalizer would not try for us.
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


PLAIN_CHAR = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\n\r\t\u2000-\u206f]")
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _plausible_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM and with few ASCII characters has almost no NUL bytes; it is
    recognised by decoding into text that is nearly all Chinese and common punctuation,
    which GBK or Big5 bytes read as UTF-16 never are."""
    if len(data) % 2 or len(data) < 8:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[:8192].decode(encoding)
        except UnicodeDecodeError:
            continue
        plain = len(PLAIN_CHAR.findall(sample)) / len(sample)
        if plain >= 0.95 and len(CJK_CHAR.findall(sample)) / len(sample) >= 0.2:
            return encoding
    return None


def _guess_chinese_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 text needs it

    best = from_bytes(data[:200_000], cp_isolation=CHINESE_ENCODINGS).best()
    if best is None:
        return None
    encoding = best.encoding.replace("_", "-")
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if encoding == "gb18030":
        # Report GBK when the bytes stay inside it: that is what people call these files.
        try:
            data.decode("gbk")
            return "gbk"
        except UnicodeDecodeError:
            return "gb18030"
    return encoding


def _check_text(text: str) -> str:
    sample = text[:65536]
    if sample and len(CONTROL.findall(sample)) / len(sample) > 0.02:
        raise DocumentError(ErrorCode.BINARY_CONTENT, "binary data, not text (control characters)")
    return text


# --- layout -----------------------------------------------------------------------------

class _Lines:
    """The text's lines and the page of each, without a tuple per line (a file of 8 million
    newlines must not cost half a gigabyte before anything is read)."""

    def __init__(self, text: str) -> None:
        self._lines: list[str] = []
        self._page_starts: list[int] = []
        for chunk in text.split("\f"):
            self._page_starts.append(len(self._lines))
            self._lines.extend(chunk.split("\n"))
        self.pages = len(self._page_starts) if len(self._page_starts) > 1 else None

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i: int) -> tuple[str, int | None]:
        return self._lines[i], (bisect_right(self._page_starts, i) if self.pages else None)


def text_to_blocks(text: str, limits: Limits = DEFAULT_LIMITS,
                   issues: list[ReadIssue] | None = None) -> tuple[list[Block], int | None]:
    """Split decoded text into paragraph, heading and table blocks; form feeds count pages.

    Within the work bounds: reading stops at ``max_blocks`` and a table keeps the rows that
    fit ``max_table_cells``, each with a ``truncated`` warning added to ``issues``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = _Lines(text)
    issues = [] if issues is None else issues
    blocks: list[Block] = []
    # A finder that scanned a run of lines and found no table will not find one starting
    # inside that run either (its rows would be a subset): skip it there, or a long run of
    # single-cell lines costs run² to scan.
    no_table_until: dict[Callable, int] = {}
    cut_tables = 0
    i = 0
    while i < len(lines):
        if len(blocks) >= limits.max_blocks:
            issues.append(truncated(f"the text has more than {limits.max_blocks:,} blocks; the first were read"))
            break
        table, consumed, cut = _table_at(lines, i, limits.max_table_cells, no_table_until)
        if table is not None:
            blocks.append(Block(index=len(blocks), kind=BlockKind.TABLE, table=table, page=lines[i][1]))
            cut_tables += cut
            i += consumed
            continue
        raw, line_page = lines[i]
        i += 1
        line = raw.strip()
        if not line:
            continue
        blocks.append(Block(index=len(blocks), kind=BlockKind.PARAGRAPH, text=line, page=line_page))
    if cut_tables:
        issues.append(truncated(f"{cut_tables} table(s) above {limits.max_table_cells:,} cells kept only the "
                                "rows that fit"))
    return blocks, lines.pages


class _Rows:
    """Table rows as they are found, kept while the grid (rows × widest row) fits ``cap``;
    the lines after that are still consumed as the table's, but not stored."""

    def __init__(self, cap: int) -> None:
        self.rows: list[list[str]] = []
        self.cap = cap
        self.width = 0
        self.cut = False

    def add(self, row: list[str]) -> None:
        width = max(self.width, len(row))
        if self.cut or (len(self.rows) + 1) * width > self.cap:
            self.cut = True
            return
        self.rows.append(row)
        self.width = width


Finder = Callable[[_Lines, int, _Rows], tuple[bool, int]]


def _table_at(lines: _Lines, start: int, cap: int,
              no_table_until: dict[Callable, int]) -> tuple[Table | None, int, int]:
    """(table, lines consumed, 1 if it was cut) for a table starting at ``start``."""
    for finder in (_cell_per_line_table, _tab_columns_table, _spaced_columns_table):
        if no_table_until.get(finder, -1) > start:
            continue
        rows = _Rows(cap)
        found, scanned = finder(lines, start, rows)
        if found and rows.rows:
            return _make_table(rows.rows), scanned, int(rows.cut)
        no_table_until[finder] = start + scanned
    return None, 0, 0


def _cell_per_line_table(lines: _Lines, start: int, out: _Rows) -> tuple[bool, int]:
    """Word tables pasted as text: every cell a tab-led line, a blank line between rows."""
    wide_rows = 0
    row: list[str] = []
    i = start
    while i < len(lines):
        line = lines[i][0]
        if line.startswith("\t") and "\t" not in line[1:].rstrip("\t"):
            row.append(line.strip())
        elif not line.strip():
            if row:
                wide_rows += len(row) >= 2
                out.add(row)
                row = []
            if i + 1 < len(lines) and not lines[i + 1][0].startswith("\t"):
                break
        else:
            break
        i += 1
    if row:
        wide_rows += len(row) >= 2
        out.add(row)
    return wide_rows >= 2, i - start


def _tab_columns_table(lines: _Lines, start: int, out: _Rows) -> tuple[bool, int]:
    found = 0
    i = start
    while i < len(lines):
        line = lines[i][0].strip(" \u3000")
        cells = [c.strip() for c in line.strip("\t").split("\t")]
        if len([c for c in cells if c]) < 2:
            break
        found += 1
        out.add(cells)
        i += 1
    return found >= 2, i - start



COLUMN_GAP = re.compile(r"[ \u3000]{2,}|\t")
MIN_SPACED_COLUMNS = 3
MAX_SPACED_CELL = 30


def _spaced_cells(line: str) -> list[str] | None:
    """The cells of a line whose columns are aligned with runs of spaces, or None: at least
    three, none long (prose with a double space is no row), none a label and its value."""
    cells = [c for c in COLUMN_GAP.split(line.strip(" \u3000\t")) if c]
    if len(cells) < MIN_SPACED_COLUMNS or any(len(c) > MAX_SPACED_CELL or ":" in c or "：" in c for c in cells):
        return None
    return cells


def _spaced_columns_table(lines: _Lines, start: int, out: _Rows) -> tuple[bool, int]:
    """A table typed or copied as text with its columns aligned by spaces (``指标名称    权重
    考核标准`` over ``采购成本降低率    30%    年度降低3%以上``): three or more lines with the same
    number of cells (three or more), each parted from the next by two spaces or more. A last
    column left blank to be filled in (``得分``, ``备注`` on a form) leaves the rows under the header
    one cell short."""
    first = _spaced_cells(lines[start][0])
    if first is None:
        return False, 1
    widths = {len(first), len(first) - 1}
    i, row_width = start, None
    while i < len(lines):
        cells = _spaced_cells(lines[i][0])
        if cells is None or len(cells) not in widths or i > start and row_width not in (None, len(cells)):
            break
        row_width = len(cells) if i > start else None
        out.add(cells)
        i += 1
    return i - start >= 3, max(i - start, 1)

def _make_table(rows: list[list[str]]) -> Table:
    n_cols = max(len(r) for r in rows)
    cells = [Cell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(n_rows=len(rows), n_cols=n_cols, cells=cells)
