"""Plain-text reader: encoding detection among the encodings Chinese files really use.

Order matters: a byte-order mark wins; then UTF-16 without BOM (recognised by its NUL
pattern, since it would otherwise look like binary); then strict UTF-8; then
charset-normalizer restricted to GB18030 and Big5 — left open it guesses cp949 on short
GBK text. Latin-1 is never a fallback: it decodes anything and hides mojibake.

Layout that carries structure is kept: lines that are table cells (a Word table copied as
text gives one tab-led cell per line, rows separated by blank lines; or tab-separated
columns; or Markdown pipe tables) become TABLE blocks; form feeds are page breaks.
"""

from __future__ import annotations

import codecs
import re

from ..schemas.document import Block, BlockKind, Cell, Document, ReadIssue, Table
from .errors import DocumentError, ErrorCode
from .limits import Limits
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
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# Possessive: with plain \s* on both sides of an optional "|", a line of spaces could be
# split between them in n² ways before failing.
MD_RULE = re.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+$")
MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


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
    blocks, pages = text_to_blocks(text)
    warnings: list[ReadIssue] = []
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        warnings.append(ReadIssue(code="encoding_detected", message=f"decoded as {encoding}"))
    return Document(format="txt", blocks=blocks, pages=pages, encoding=encoding, warnings=warnings)


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
    encoding = _guess_chinese_encoding(data)
    if encoding is None:
        raise DocumentError(
            ErrorCode.UNDECODABLE_TEXT, "not UTF-8, UTF-16, GB18030/GBK or Big5 text; refusing to guess"
        )
    return _check_text(data.decode(encoding, errors="strict")), encoding


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

def text_to_blocks(text: str) -> tuple[list[Block], int | None]:
    """Split decoded text into paragraph, heading and table blocks; form feeds count pages."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = text.count("\f") + 1 if "\f" in text else None
    lines: list[tuple[str, int | None]] = []
    page = 1
    for chunk in text.split("\f"):
        for line in chunk.split("\n"):
            lines.append((line, page if pages else None))
        page += 1

    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        table, consumed = _table_at(lines, i)
        if table is not None:
            blocks.append(Block(index=len(blocks), kind=BlockKind.TABLE, table=table, page=lines[i][1]))
            i += consumed
            continue
        raw, line_page = lines[i]
        i += 1
        line = raw.strip()
        if not line:
            continue
        heading = MD_HEADING.match(line)
        if heading:
            blocks.append(Block(index=len(blocks), kind=BlockKind.HEADING, text=_plain(heading.group(2)),
                                level=len(heading.group(1)) - 1, page=line_page))
        else:
            blocks.append(Block(index=len(blocks), kind=BlockKind.PARAGRAPH, text=_plain(line), page=line_page))
    return blocks, pages


def _plain(line: str) -> str:
    return MD_EMPHASIS.sub(r"\2", line)


def _table_at(lines: list[tuple[str, int | None]], start: int) -> tuple[Table | None, int]:
    for finder in (_cell_per_line_table, _pipe_table, _tab_columns_table):
        rows, consumed = finder(lines, start)
        if rows is not None:
            return _make_table(rows), consumed
    return None, 0


def _cell_per_line_table(lines: list[tuple[str, int | None]], start: int) -> tuple[list[list[str]] | None, int]:
    """Word tables pasted as text: every cell a tab-led line, a blank line between rows."""
    rows: list[list[str]] = []
    row: list[str] = []
    i = start
    while i < len(lines):
        line = lines[i][0]
        if line.startswith("\t") and "\t" not in line[1:].rstrip("\t"):
            row.append(line.strip())
        elif not line.strip():
            if row:
                rows.append(row)
                row = []
            if i + 1 < len(lines) and not lines[i + 1][0].startswith("\t"):
                break
        else:
            break
        i += 1
    if row:
        rows.append(row)
    if sum(1 for r in rows if len(r) >= 2) < 2:
        return None, 0
    return rows, i - start


def _pipe_table(lines: list[tuple[str, int | None]], start: int) -> tuple[list[list[str]] | None, int]:
    rows: list[list[str]] = []
    i = start
    while i < len(lines):
        line = lines[i][0].strip()
        if not (line.startswith("|") and line.endswith("|") and len(line) > 1):
            break
        if not MD_RULE.match(line):
            rows.append([_plain(c.strip()) for c in line[1:-1].split("|")])
        i += 1
    if len(rows) < 2:
        return None, 0
    return rows, i - start


def _tab_columns_table(lines: list[tuple[str, int | None]], start: int) -> tuple[list[list[str]] | None, int]:
    rows: list[list[str]] = []
    i = start
    while i < len(lines):
        line = lines[i][0].strip(" \u3000")
        cells = [c.strip() for c in line.strip("\t").split("\t")]
        if len([c for c in cells if c]) < 2:
            break
        rows.append(cells)
        i += 1
    if len(rows) < 2:
        return None, 0
    return rows, i - start


def _make_table(rows: list[list[str]]) -> Table:
    n_cols = max(len(r) for r in rows)
    cells = [Cell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(n_rows=len(rows), n_cols=n_cols, cells=cells)
