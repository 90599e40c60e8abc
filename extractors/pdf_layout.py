"""PDF page layout: characters with boxes into lines, ruled tables, paragraphs and blocks.

The front end (PDFium for a text layer, OCR for a page image) hands each page over as plain
data — characters with their boxes and font sizes, and the cell boxes of ruled tables — and
this module does the rest, the same way for both:

1. the characters inside a ruled table become its cells; the rest are grouped into lines (a
   page in two plain columns is read column by column);
2. running headers/footers (lines in the top/bottom band that repeat, digits masked, on at
   least half of the pages) and page numbers become furniture;
3. tables split by a page break are joined again (a repeated header row dropped, a row broken
   by the page break glued back);
4. wrapped lines are joined into paragraphs: a line continues the previous one when the
   previous line ran into the right margin, the line carries no list/heading label and sits
   at normal line spacing, also across a page break.

Lines are emitted as PARAGRAPH blocks with literal labels left in the text; table-of-contents
entries get ``style="toc"`` with the dotted leader replaced by a tab. Characters read by OCR
carry the engine's confidence, and each block the mean of its characters'.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..schemas.document import Block, BlockKind, Cell, Document, ReadIssue, Table
from ..schemas.role import SourceFormat
from .errors import DocumentError, ErrorCode

# --- tunables -----------------------------------------------------------------------------

# A page whose non-space characters are more than this share undecodable is unreadable.
UNDECODABLE_SHARE = 0.30
# Running headers/footers live in this share of the page height at the top and bottom.
FURNITURE_BAND = 0.15
# ...and are among this many outermost elements of the page.
FURNITURE_DEPTH = 3
# Gaps between characters, in font sizes, that become one space: between two Latin
# characters, and where an ideograph is involved.
LATIN_SPACE_GAP = 0.2
CJK_SPACE_GAP = 0.4
# Two lines belong to one paragraph only if their distance is at most this multiple of the
# document's usual line pitch.
PITCH_SLACK = 1.45
# Cell-edge and column-edge positions closer than this (points) are the same edge.
EDGE_TOLERANCE = 2.0
# Share of the page height at top and bottom left out when looking for a column gutter
# (a centred page number would otherwise bridge it).
COLUMN_BAND = 0.08
# Stand-in for a symbol-font bullet glyph (private-use code point) until the line is built.
BULLET_GLYPH = "\uf0b7"

# --- character classes --------------------------------------------------------------------

_CJK_RANGES = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x303F),  # CJK punctuation
    (0x3040, 0x30FF),  # kana
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x2FA1F),
)
# Chinese typesetting never starts a line with these, so the character before them is
# pushed to the next line together with them; the previous line then ends early.
_CLOSING_PUNCT = set("，。、；：！？）」』”’》〉】〕…%％,.;:!?)]")
_SENTENCE_END = tuple("。！？；：!?;")
_FULL_STOPS = tuple("。！？；.!?;")

# Some fonts map glyphs to Kangxi/CJK radicals or compatibility ideographs (⼯ for 工);
# NFKC folds exactly those back to the ordinary ideographs.
_RADICAL_FOLD = {
    cp: unicodedata.normalize("NFKC", chr(cp))
    for lo, hi in ((0x2E80, 0x2EF3), (0x2F00, 0x2FD5), (0xF900, 0xFAFF))
    for cp in range(lo, hi + 1)
    if unicodedata.normalize("NFKC", chr(cp)) != chr(cp)
}

# List and heading labels: a line starting with one never continues the previous line.
_LABEL_RE = re.compile(
    r"""^\s*(?:
        第\s*[一二三四五六七八九十百千零〇两\d]+\s*[章节条款部分篇项]
      | [一二三四五六七八九十百]+\s*[、.．]
      | [（(]\s*(?:[一二三四五六七八九十百]+|\d{1,3}|[a-zA-Z])\s*[)）]
      | \d{1,3}(?:[.．]\d{1,3})*\s*(?:[、)）]|[.．](?!\d))
      | \d{1,2}(?:[.．]\d{1,2})+\s+(?=\D)
      | [a-zA-Z]\s*[、)）]
      | [\u2460-\u2473\u2474-\u249b\u2776-\u2793]
      | [•·●○◆◇■□▪▫★☆►▶▸➢➤✓✔❖]
      | [-–*](?=\s|[\u4e00-\u9fff])
    )""",
    re.VERBOSE,
)

_PAGE_NUMBER_RE = re.compile(
    r"""^(?:
        [-–—－_~]?\s*\d{1,4}\s*[-–—－_~]?
      | 第\s*[\d一二三四五六七八九十百]+\s*页\s*(?:[,，/／]?\s*共\s*[\d一二三四五六七八九十百]+\s*页)?
      | 共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页
      | \d{1,4}\s*[/／]\s*\d{1,4}
      | (?:page|p\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?
      | [ivx]{1,5}
    )$""",
    re.VERBOSE | re.IGNORECASE,
)

# Dotted leaders of a table of contents, with the page number they lead to.
_LEADER_RE = re.compile(r"\s*(?:[.．·•…]\s*){4,}(\d{1,4})\s*$")


def is_cjk(ch: str) -> bool:
    cp = ord(ch[0])
    if 0x4E00 <= cp <= 0x9FFF:
        return True  # the common case, decided without the range table
    return cp >= 0x2E80 and any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def is_private_use(ch: str) -> bool:
    cp = ord(ch[0])
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def fold_radicals(text: str) -> str:
    """Kangxi radicals and compatibility ideographs some fonts map glyphs to, as ordinary ideographs."""
    return text.translate(_RADICAL_FOLD)


def is_label(text: str) -> bool:
    return _LABEL_RE.match(text) is not None


def is_page_number(text: str) -> bool:
    return _PAGE_NUMBER_RE.match(text.strip()) is not None


# --- intermediate model -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph: its text, box (top-down page coordinates, points) and font size; ``confidence``
    is the OCR engine's (0–1) for a character read from an image, None for a text layer."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    confidence: float | None = None

    @property
    def mid_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Line:
    page: int
    chars: list[Char]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    style: str | None = None
    # The text column of a line set in columns; None means the page's usual frame.
    frame: Frame | None = None


@dataclass(slots=True)
class TableRegion:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    table: Table
    col_edges: tuple[float, ...]
    confidence: float | None = None


Element = Line | TableRegion

Box = tuple[float, float, float, float]
"""An axis-parallel box ``(x0, top, x1, bottom)``: a ruled cell as :func:`.pdf_rules.table_cells`
finds it, or the union of a table's cells."""


@dataclass(slots=True)
class Page:
    number: int
    width: float
    top: float
    height: float
    left: float = 0.0
    elements: list[Element] = field(default_factory=list)
    n_chars: int = 0
    n_undecodable: int = 0
    n_dropped: int = 0
    has_images: bool = False
    failed: bool = False
    # More characters or objects than the reader's per-page bound: skipped.
    too_large: bool = False
    # The page's text was read from its image by OCR.
    ocr: bool = False
    # OCR was tried on the page (no text layer, or an undecodable one) and found no text.
    ocr_found_nothing: bool = False

    @property
    def undecodable(self) -> bool:
        return self.n_chars > 0 and self.n_undecodable > UNDECODABLE_SHARE * self.n_chars

    @property
    def image_only(self) -> bool:
        return self.n_chars == 0 and self.has_images and not self.ocr


@dataclass(frozen=True, slots=True)
class Frame:
    """The text column of a page: where lines start and where full lines end."""

    left: float
    right: float


# --- one page -----------------------------------------------------------------------------


def layout_page(chars: list[Char], table_cells: list[list[Box]], geometry: Page) -> list[Element]:
    """Elements of one page in reading order; ``table_cells`` holds the cell boxes of each
    ruled table found on the page."""
    page = geometry.number
    elements: list[Element] = []
    loose = chars
    for cells in table_cells:
        if len(_cluster(v for c in cells for v in (c[0], c[2]))) < 3:
            # One column of boxes is a frame around text (a page border with a rule under
            # the header, a boxed note), not a table: its text stays running text.
            continue
        bbox = _union(cells)
        inside = [c for c in loose if _contains(bbox, c.mid_x, c.mid_y)]
        loose = [c for c in loose if not _contains(bbox, c.mid_x, c.mid_y)]
        region = _table_region(cells, inside, page)
        if region is not None:
            elements.append(region)
    columns = None if elements else _column_lines(loose, geometry)
    if columns is not None:
        elements = list(columns)
    else:
        elements.extend(_group_lines(loose, page))
        elements.sort(key=lambda e: (round(e.top, 1), e.x0))
    for element in elements:
        if isinstance(element, Line):
            _mark_toc(element)
    return elements


def _column_lines(chars: list[Char], page: Page) -> list[Line] | None:
    """Lines of a page set in two columns, left column first; None for any other layout.

    Only the simple case: a vertical gutter in the middle of the page that no character
    crosses (header and footer bands aside), with real text lines on both sides. Without
    this, lines of the two columns that share a baseline would be read as one.
    """
    band = COLUMN_BAND * page.height
    top_band = [c for c in chars if c.mid_y < page.top + band]
    bottom_band = [c for c in chars if c.mid_y > page.top + page.height - band]
    body = [c for c in chars if page.top + band <= c.mid_y <= page.top + page.height - band]
    if len(body) < 40:
        return None
    size = sorted(c.size for c in body)[len(body) // 2]
    gutter = _widest_gap(body, page.left + 0.3 * page.width, page.left + 0.7 * page.width)
    if gutter is None or gutter[1] - gutter[0] < size:
        return None
    split = (gutter[0] + gutter[1]) / 2
    left = _group_lines([c for c in body if c.mid_x < split], page.number)
    right = _group_lines([c for c in body if c.mid_x >= split], page.number)
    for side in (left, right):
        # Two lines and a real line of text on each side; a form's label column has neither.
        if len(side) < 2 or max(line.x1 - line.x0 for line in side) < 0.25 * page.width:
            return None
    for side in (left, right):
        frame = Frame(left=min(line.x0 for line in side), right=max(line.x1 for line in side))
        for line in side:
            line.frame = frame
    return [*_group_lines(top_band, page.number), *left, *right, *_group_lines(bottom_band, page.number)]


def _widest_gap(chars: Sequence[Char], lo: float, hi: float) -> tuple[float, float] | None:
    """The widest x-range between ``lo`` and ``hi`` that no character overlaps."""
    best: tuple[float, float] | None = None
    covered_to = -math.inf
    for ch in sorted(chars, key=lambda c: c.x0):
        if ch.x0 > covered_to and covered_to > -math.inf:
            start, end = max(covered_to, lo), min(ch.x0, hi)
            if end > start and (best is None or end - start > best[1] - best[0]):
                best = (covered_to, ch.x0)
        covered_to = max(covered_to, ch.x1)
    return best


def _union(boxes: Sequence[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _contains(bbox: Sequence[float], x: float, y: float, pad: float = 0.5) -> bool:
    return bbox[0] - pad <= x <= bbox[2] + pad and bbox[1] - pad <= y <= bbox[3] + pad


# --- lines --------------------------------------------------------------------------------


def _group_lines(chars: list[Char], page: int) -> list[Line]:
    """Characters into lines: a character belongs to the line whose band holds its middle."""
    lines: list[list[Char]] = []
    band_top = band_bottom = -math.inf
    for ch in sorted(chars, key=lambda c: (c.top, c.x0)):
        if lines and band_top <= ch.mid_y <= band_bottom:
            lines[-1].append(ch)
            band_top, band_bottom = min(band_top, ch.top), max(band_bottom, ch.bottom)
        else:
            lines.append([ch])
            band_top, band_bottom = ch.top, ch.bottom
    return [line for members in lines if (line := _make_line(members, page)) is not None]


def _make_line(members: list[Char], page: int) -> Line | None:
    ordered = _dedupe(sorted(members, key=lambda c: c.x0))
    text = _chars_text(ordered)
    if not text.strip():
        return None
    size = Counter(round(c.size, 1) for c in ordered).most_common(1)[0][0]
    return Line(
        page=page,
        chars=ordered,
        text=text,
        x0=ordered[0].x0,
        x1=max(c.x1 for c in ordered),
        top=min(c.top for c in ordered),
        bottom=max(c.bottom for c in ordered),
        size=size,
    )


def _dedupe(chars: list[Char]) -> list[Char]:
    """Drop overprinted copies (fake bold draws a glyph two or three times, slightly shifted)."""
    out: list[Char] = []
    for ch in chars:
        if out and ch.text == out[-1].text and ch.x0 - out[-1].x0 < 0.5 * max(out[-1].x1 - out[-1].x0, 0.1):
            continue
        out.append(ch)
    return out


def _chars_text(chars: Sequence[Char]) -> str:
    """Characters of one line, with a space where the gap is wider than letter spacing."""
    parts: list[str] = []
    prev: Char | None = None
    for ch in chars:
        if ch.text == BULLET_GLYPH:
            # A private-use glyph is a bullet at the start of a line, noise anywhere else.
            if prev is None:
                parts.append("•")
                prev = ch
            continue
        if prev is not None:
            # Between ideographs and Latin, typesetters add about 1/4 em of spacing by themselves
            # (Word/WPS/LibreOffice "autospace"); only a wider gap is a typed space.
            latin = not is_cjk(prev.text[-1]) and not is_cjk(ch.text[0])
            if ch.x0 - prev.x1 > (LATIN_SPACE_GAP if latin else CJK_SPACE_GAP) * max(prev.size, ch.size):
                parts.append(" ")
        parts.append(ch.text)
        prev = ch
    return "".join(parts).strip()


def _mark_toc(line: Line) -> None:
    """A table-of-contents entry: the dotted leader becomes a tab, as in Word's TOC fields."""
    match = _LEADER_RE.search(line.text)
    if match is None or match.start() == 0:
        return
    line.text = f"{line.text[: match.start()].rstrip()}\t{match.group(1)}"
    line.style = "toc"


def _first_token_width(line: Line) -> float:
    """Width of what the previous line would have needed room for: the first word, or the
    first ideograph with the punctuation that may not start a line."""
    chars = line.chars
    first = chars[0]
    end = first.x1
    latin = not is_cjk(first.text[0])
    for prev, ch in zip(chars, chars[1:], strict=False):
        if latin:
            if is_cjk(ch.text[0]) or ch.x0 - prev.x1 > LATIN_SPACE_GAP * ch.size:
                break
        elif ch.text[0] not in _CLOSING_PUNCT:
            break
        end = ch.x1
    return end - first.x0


# --- tables -------------------------------------------------------------------------------


def _cluster(values: Iterable[float], tolerance: float = EDGE_TOLERANCE) -> list[float]:
    edges: list[float] = []
    for v in sorted(values):
        if not edges or v - edges[-1] > tolerance:
            edges.append(v)
    return edges


def _nearest(edges: Sequence[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _table_region(cells: list[Box], chars: list[Char], page: int) -> TableRegion | None:
    """A pdfplumber table as a grid: spans from each cell box against the distinct edges."""
    col_edges = _cluster(v for c in cells for v in (c[0], c[2]))
    row_edges = _cluster(v for c in cells for v in (c[1], c[3]))
    if len(col_edges) < 2 or len(row_edges) < 2:
        return None
    placed: dict[tuple[int, int], tuple[Cell, Box]] = {}
    for box in sorted(cells, key=lambda b: (b[1], b[0])):
        col, row = _nearest(col_edges, box[0]), _nearest(row_edges, box[1])
        if (row, col) in placed:
            continue
        colspan = max(1, _nearest(col_edges, box[2]) - col)
        rowspan = max(1, _nearest(row_edges, box[3]) - row)
        placed[(row, col)] = (Cell(row=row, col=col, rowspan=rowspan, colspan=colspan), box)
    texts = _cell_texts([box for _, box in placed.values()], chars, page)
    table_cells = [
        cell.model_copy(update={"text": text}) for (cell, _), text in zip(placed.values(), texts, strict=True)
    ]
    table = Table(
        n_rows=len(row_edges) - 1, n_cols=len(col_edges) - 1, cells=sorted(table_cells, key=_cell_key)
    )
    bbox = _union(cells)
    return TableRegion(
        page, bbox[0], bbox[1], bbox[2], bbox[3], table, tuple(col_edges), _mean_confidence(chars)
    )


def _mean_confidence(chars: Iterable[Char]) -> float | None:
    values = [c.confidence for c in chars if c.confidence is not None]
    return round(sum(values) / len(values), 4) if values else None


def _cell_key(cell: Cell) -> tuple[int, int]:
    return (cell.row, cell.col)


def _cell_texts(boxes: list[Box], chars: list[Char], page: int) -> list[str]:
    buckets: list[list[Char]] = [[] for _ in boxes]
    for ch in chars:
        for i, box in enumerate(boxes):
            if _contains(box, ch.mid_x, ch.mid_y, pad=1.0):
                buckets[i].append(ch)
                break
    texts = []
    for box, members in zip(boxes, buckets, strict=True):
        lines = _group_lines(members, page)
        if not lines:
            texts.append("")
            continue
        # Cell text is often centred: a full line then leaves as much room on the right as
        # on the left, so the right limit mirrors the left padding.
        left = min(line.x0 for line in lines)
        frame = Frame(left=left, right=box[2] - max(EDGE_TOLERANCE, left - box[0]))
        paragraphs = _paragraphs(lines, _same_frame(frame), pitch_limit=None, indents=False)
        texts.append("\n".join(text for text, _ in paragraphs))
    return texts


def _same_frame(frame: Frame) -> Callable[[Line], Frame]:
    """A ``frame_of`` that gives every line of one cell the cell's frame."""
    return lambda _line: frame


# --- paragraphs ---------------------------------------------------------------------------


def _continues(
    prev: Line, line: Line, frame: Frame, pitch_limit: float | None, indents: bool = True
) -> bool:
    """Whether ``line`` is the wrapped continuation of ``prev`` (``frame`` is prev's column).

    ``indents`` enables the first-line-indent cues; table cells turn them off because their
    text is often centred, which looks like indentation.
    """
    if line.style or prev.style or is_label(line.text):
        return False
    size = max(prev.size, line.size)
    if abs(prev.size - line.size) > 0.15 * size:
        return False
    if line.page == prev.page:
        distance = line.top - prev.top
        if distance <= 0.3 * size:
            return False
        if pitch_limit is not None and distance > pitch_limit * size:
            return False
    elif line.page != prev.page + 1:
        return False
    # Wrapping happened only if the next line's first word did not fit after prev.
    if frame.right - prev.x1 > _first_token_width(line) + size:
        return False
    if prev.text.endswith(_SENTENCE_END) and _looks_like_heading(line, frame):
        return False
    if not indents:
        return True
    # First-line indent after a full line: a new paragraph (hanging indents start labelled).
    indented = line.x0 - prev.x0 > size
    if indented and not is_label(prev.text):
        return False
    # Both lines indented alike and prev finished its sentence: two one-line paragraphs, each
    # with a first-line indent, not a wrap (a continuation would start at the column edge).
    if line.x0 - frame.left > size and prev.text.endswith(_SENTENCE_END) and line.x0 - prev.x0 > -0.5 * size:
        return False
    return True


def _looks_like_heading(line: Line, frame: Frame) -> bool:
    """A short line without closing punctuation (or ending in a colon): ``任职资格：``.

    The last line of a wrapped sentence nearly always ends in punctuation in these documents,
    so after a finished sentence such a line starts something new.
    """
    if frame.right - line.x1 <= 2 * line.size:
        return False
    last = line.text[-1]
    return last in "：:" or not unicodedata.category(last).startswith("P")


def _join(left: str, right: str) -> str:
    """Wrapped lines: Latin words get their space back, ideographs and numbers do not."""
    if not left or not right:
        return left + right
    a, b = left[-1], right[0]
    latin = a.isascii() and not a.isspace() and a not in "-/(" and b.isascii() and b.isalnum()
    if latin and not (a.isdigit() and b.isdigit()):
        return f"{left} {right}"
    return left + right


def _paragraphs(
    lines: Sequence[Line],
    frame_of: Callable[[Line], Frame],
    pitch_limit: float | None,
    indents: bool = True,
) -> list[tuple[str, list[Line]]]:
    """Join wrapped lines; returns (text, its lines) per paragraph."""
    out: list[tuple[str, list[Line]]] = []
    prev: Line | None = None
    for line in lines:
        if prev is not None and out and _continues(prev, line, frame_of(prev), pitch_limit, indents):
            text, members = out[-1]
            out[-1] = (_join(text, line.text), [*members, line])
        else:
            out.append((line.text, [line]))
        prev = line
    return out


def _line_pitch(pages: Sequence[Page]) -> float:
    """The usual distance between consecutive lines, in font sizes (a low quantile, so that
    space between paragraphs does not count as line spacing)."""
    ratios: list[float] = []
    for page in pages:
        lines = [e for e in page.elements if isinstance(e, Line)]
        for a, b in zip(lines, lines[1:], strict=False):
            if abs(a.size - b.size) < 0.5 and b.top - a.top > 0.9 * a.size:
                ratios.append((b.top - a.top) / a.size)
    if not ratios:
        return 2.5
    ratios.sort()
    return ratios[len(ratios) // 5] * PITCH_SLACK


def _frames(pages: Sequence[Page]) -> dict[int, Frame]:
    """Text column per page; pages of the same size share one, so a page holding only short
    lines still knows where a full line would end."""
    by_size: dict[tuple[int, int], list[Line]] = {}
    for page in pages:
        key = (round(page.width), round(page.height))
        by_size.setdefault(key, []).extend(e for e in page.elements if isinstance(e, Line))
    frames: dict[int, Frame] = {}
    for page in pages:
        lines = by_size.get((round(page.width), round(page.height)), [])
        if not lines:
            continue
        left = min(line.x0 for line in lines)
        ends = sorted(line.x1 for line in lines)
        # A high quantile, not the maximum: one line running into the margin (a long URL)
        # must not make every full line look short.
        right = ends[int(0.98 * (len(ends) - 1))]
        if len(lines) < 8:
            # Too few lines to have seen a full one: assume margins as wide as the left one.
            right = max(right, page.width - left)
        frames[page.number] = Frame(left=left, right=right)
    return frames


# --- furniture ----------------------------------------------------------------------------


def _element_key(element: Element) -> str:
    if isinstance(element, Line):
        text = element.text
    else:
        text = "|".join(c.text for c in element.table.cells)
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", text))


def _furniture_candidates(page: Page) -> list[tuple[int, Element]]:
    """Elements lying wholly in the top or bottom band, among the outermost ones."""
    n = len(page.elements)
    out = []
    for i, element in enumerate(page.elements):
        in_top = element.bottom <= page.top + FURNITURE_BAND * page.height and i < FURNITURE_DEPTH
        in_bottom = element.top >= page.top + (1 - FURNITURE_BAND) * page.height and i >= n - FURNITURE_DEPTH
        if in_top or in_bottom:
            out.append((i, element))
    return out


def _split_furniture(pages: Sequence[Page]) -> list[Element]:
    """Remove running headers/footers and page numbers from the pages; return them."""
    candidates = {page.number: _furniture_candidates(page) for page in pages}
    body_sizes = [e.size for page in pages for e in page.elements if isinstance(e, Line)]
    body_size = sorted(body_sizes)[len(body_sizes) // 2] if body_sizes else 0.0
    pages_with: Counter[str] = Counter()
    for items in candidates.values():
        pages_with.update({_element_key(e) for _, e in items})
    needed = max(2, math.ceil(sum(1 for p in pages if p.elements) / 2))
    furniture: list[Element] = []
    for page in pages:
        drop: set[int] = set()
        for i, element in candidates[page.number]:
            repeated = pages_with[_element_key(element)] >= needed
            if isinstance(element, Line):
                # A repeated title set larger than the body (one role card per page) is content.
                repeated = repeated and element.size <= body_size * 1.1
                if repeated or is_page_number(element.text):
                    drop.add(i)
            elif repeated:
                drop.add(i)
        furniture.extend(page.elements[i] for i in sorted(drop))
        page.elements = [e for i, e in enumerate(page.elements) if i not in drop]
    return furniture


# --- tables across pages ------------------------------------------------------------------


def _continues_table(head: TableRegion, tail: TableRegion, head_page: Page, tail_page: Page) -> bool:
    """``tail`` (first on its page) carries on ``head`` (last on the page before): the same
    outer edges, ``head`` running into the bottom of its page and ``tail`` starting at the top.

    Column edges inside may differ: Word lays out each page's part of a merged-cell form with
    only the edges that part uses. The position test keeps two one-page role cards apart.
    """
    tolerance = max(3.0, 0.01 * tail_page.width)
    same_outline = (
        abs(head.col_edges[0] - tail.col_edges[0]) <= tolerance
        and abs(head.col_edges[-1] - tail.col_edges[-1]) <= tolerance
    )
    at_bottom = head.bottom >= head_page.top + 0.6 * head_page.height
    at_top = tail.top <= tail_page.top + 0.4 * tail_page.height
    return same_outline and at_bottom and at_top


def _common_edges(a: Sequence[float], b: Sequence[float], width: float) -> list[float]:
    """``a`` when both tables have the same columns (within a tolerance), else their union."""
    tolerance = max(3.0, 0.01 * width)
    if len(a) == len(b) and all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True)):
        return list(a)
    return _cluster([*a, *b])


def _regrid(table: Table, edges: Sequence[float], common: Sequence[float]) -> list[Cell]:
    """Cells of ``table`` (laid out on ``edges``) re-indexed onto the finer ``common`` edges."""
    index = [_nearest(common, x) for x in edges]
    return [
        c.model_copy(update={"col": index[c.col], "colspan": max(1, index[c.col + c.colspan] - index[c.col])})
        for c in table.cells
    ]


def _row_signature(cells: Sequence[Cell], row: int) -> list[tuple[int, int, str]] | None:
    in_row = [c for c in cells if c.row == row]
    if not in_row or any(c.rowspan != 1 for c in in_row):
        return None
    return [(c.col, c.colspan, re.sub(r"\s+", "", c.text)) for c in sorted(in_row, key=_cell_key)]


def _glue_split_row(head_cells: list[Cell], last_row: int, tail_cells: list[Cell], first_row: int) -> bool:
    """Word lets a tall row break across pages; its rest then opens the next page's part as a
    row whose other cells are empty. Glue that text onto the row it came from (in place).

    It is a broken row only if some cell is empty and every filled cell sits under a filled
    cell of the last row that stops mid-sentence; a new row of a vertically merged block
    starts its own sentence and stays a row.
    """
    row = [c for c in tail_cells if c.row == first_row]
    if not row or any(c.rowspan != 1 for c in row) or all(c.text for c in row):
        return False
    above = {(c.col, c.colspan): i for i, c in enumerate(head_cells) if c.row == last_row}
    pairs = []
    for cell in row:
        if not cell.text:
            continue
        i = above.get((cell.col, cell.colspan))
        if i is None or not head_cells[i].text or head_cells[i].text.endswith(_FULL_STOPS):
            return False
        pairs.append((i, cell))
    if not pairs:
        return False
    for i, cell in pairs:
        head_cells[i] = head_cells[i].model_copy(update={"text": _join(head_cells[i].text, cell.text)})
    return True


def _append_table(head: TableRegion, tail: TableRegion, width: float) -> TableRegion:
    """``tail`` continues ``head`` on the next page; a repeated header row is dropped and a
    row broken by the page break is made whole again."""
    common = _common_edges(head.col_edges, tail.col_edges, width)
    head_cells = _regrid(head.table, head.col_edges, common)
    tail_cells = _regrid(tail.table, tail.col_edges, common)
    skip = 0
    signature = _row_signature(head_cells, 0)
    if signature is not None and signature == _row_signature(tail_cells, 0) and tail.table.n_rows > 1:
        skip = 1
    if skip < tail.table.n_rows and _glue_split_row(head_cells, head.table.n_rows - 1, tail_cells, skip):
        skip += 1
    offset = head.table.n_rows - skip
    moved = [c.model_copy(update={"row": c.row + offset}) for c in tail_cells if c.row >= skip]
    table = Table(
        n_rows=head.table.n_rows + tail.table.n_rows - skip,
        n_cols=len(common) - 1,
        cells=[*head_cells, *moved],
    )
    # The bottom is where the table now ends (on tail's page), for the next continuation test.
    return TableRegion(head.page, head.x0, head.top, head.x1, tail.bottom, table, tuple(common))


def _join_split_tables(pages: Sequence[Page]) -> int:
    """Join a table ending page N with a same-shaped table starting page N+1; count joins."""
    joins = 0
    carrier: Page | None = None  # the page holding the last body element seen so far
    reached: Page | None = None  # the page that element ends on (later when a table goes on)
    for page in pages:
        if not page.elements:
            continue
        if carrier is not None and reached is not None and reached.number == page.number - 1:
            last, first = carrier.elements[-1], page.elements[0]
            if (
                isinstance(last, TableRegion)
                and isinstance(first, TableRegion)
                and _continues_table(last, first, reached, page)
            ):
                carrier.elements[-1] = _append_table(last, first, page.width)
                page.elements.pop(0)
                joins += 1
                reached = page
                if not page.elements:
                    continue  # the whole page was table: it may go on over the next page too
        carrier = reached = page
    return joins


# --- assembly -----------------------------------------------------------------------------


def assemble(pages: list[Page], page_count: int, fmt: SourceFormat, warnings: list[ReadIssue], ocr_hint: str) -> Document:
    """The document from its laid-out pages: furniture set apart, split tables joined, wrapped
    lines joined. ``ocr_hint`` ends the message when no page has text (what would read it)."""
    warnings = [*_page_warnings(pages, fmt), *warnings]
    readable = [p for p in pages if not p.failed and not p.undecodable and p.elements]
    if not readable:
        raise _no_text_error(pages, fmt, ocr_hint)
    furniture = _split_furniture(pages)
    _join_split_tables(pages)
    frames = _frames(pages)
    pitch = _line_pitch(pages)
    blocks = _body_blocks([e for p in pages for e in p.elements], frames, pitch)
    furniture_blocks = [_element_block(i, e) for i, e in enumerate(furniture)]
    return Document(
        format=fmt,
        blocks=blocks,
        furniture=furniture_blocks,
        pages=page_count,
        warnings=warnings,
        ocr=any(p.ocr for p in pages),
    )


def _body_blocks(elements: Sequence[Element], frames: dict[int, Frame], pitch: float) -> list[Block]:
    blocks: list[Block] = []
    run: list[Line] = []

    def flush() -> None:
        default = Frame(0.0, math.inf)

        def frame_of(line: Line) -> Frame:
            return line.frame or frames.get(line.page, default)

        for text, lines in _paragraphs(run, frame_of, pitch):
            first = lines[0]
            blocks.append(
                Block(
                    index=len(blocks),
                    kind=BlockKind.PARAGRAPH,
                    text=text,
                    page=first.page,
                    style=first.style,
                    confidence=_mean_confidence(c for line in lines for c in line.chars),
                )
            )
        run.clear()

    for element in elements:
        if isinstance(element, Line):
            run.append(element)
            continue
        flush()
        blocks.append(
            Block(
                index=len(blocks),
                kind=BlockKind.TABLE,
                page=element.page,
                table=element.table,
                confidence=element.confidence,
            )
        )
    flush()
    return blocks


def _element_block(index: int, element: Element) -> Block:
    if isinstance(element, Line):
        return Block(
            index=index,
            kind=BlockKind.PARAGRAPH,
            text=element.text,
            page=element.page,
            confidence=_mean_confidence(element.chars),
        )
    return Block(
        index=index, kind=BlockKind.TABLE, page=element.page, table=element.table, confidence=element.confidence
    )


def _pages_list(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def _page_warnings(pages: Sequence[Page], fmt: str) -> list[ReadIssue]:
    warnings: list[ReadIssue] = []
    failed = [p.number for p in pages if p.failed]
    undecodable = [p.number for p in pages if p.undecodable]
    image_only = [p.number for p in pages if p.image_only]
    too_large = [p.number for p in pages if p.too_large]
    dropped = sum(p.n_dropped for p in pages if not p.undecodable and not p.failed)
    if too_large:
        warnings.append(
            ReadIssue(
                code="oversized_pages",
                message=f"pages {_pages_list(too_large)} hold more characters or objects than a page may "
                "and were skipped",
            )
        )
    if failed:
        warnings.append(
            ReadIssue(
                code="unreadable_pages",
                message=f"pages {_pages_list(failed)} could not be parsed and were skipped",
            )
        )
    ocr_note = " (OCR found no text on them either)" if any(p.ocr_found_nothing for p in pages) else ""
    if undecodable:
        warnings.append(
            ReadIssue(
                code="undecodable_pages",
                message=f"pages {_pages_list(undecodable)} use fonts whose text cannot be decoded and were "
                f"skipped{ocr_note}",
            )
        )
    if image_only:
        warnings.append(
            ReadIssue(
                code="image_only_pages",
                message=f"pages {_pages_list(image_only)} hold only images (scanned?) and no text{ocr_note}",
            )
        )
    ocr_read = [p.number for p in pages if p.ocr]
    if ocr_read and fmt == "pdf":
        warnings.append(
            ReadIssue(code="ocr_pages", message=f"pages {_pages_list(ocr_read)} were read from their images by OCR")
        )
    if dropped:
        warnings.append(
            ReadIssue(
                code="undecodable_glyphs", message=f"{dropped} glyphs without a Unicode mapping were left out"
            )
        )
    return warnings


def _no_text_error(pages: Sequence[Page], fmt: str, ocr_hint: str) -> DocumentError:
    what = "the PDF" if fmt == "pdf" else "the image"
    if any(p.ocr_found_nothing for p in pages):
        ocr_hint = "OCR found no text on it either"
    hint = f"; {ocr_hint}" if ocr_hint else ""
    if all(p.failed for p in pages):
        return DocumentError(ErrorCode.CORRUPT_FILE, f"no page of {what} could be parsed")
    if all(p.failed or p.too_large for p in pages):
        return DocumentError(ErrorCode.TOO_LARGE, f"every page of {what} is beyond the per-page limits")
    if any(p.undecodable for p in pages):
        return DocumentError(
            ErrorCode.NO_TEXT_LAYER,
            "the PDF's text cannot be decoded: its fonts have no Unicode mapping ((cid:N) or private-use glyphs); "
            f"it needs OCR or the source document{hint}",
        )
    if any(p.image_only for p in pages):
        return DocumentError(
            ErrorCode.NO_TEXT_LAYER,
            f"the PDF has no text layer, only page images (a scan?); it needs OCR first{hint}",
        )
    if any(p.ocr for p in pages):
        return DocumentError(ErrorCode.NO_TEXT_LAYER, f"OCR found no text in {what}")
    return DocumentError(ErrorCode.NO_TEXT_LAYER, f"{what} contains no text")
