"""HTML reader for career pages (also PHP/JSP/ASPX templates around their markup).

lxml's HTML parser is forgiving enough for template tags. Block elements become blocks in
document order: headings, paragraphs, list items (an ``<ol>`` numbers its items, a ``<ul>``
bullets them, nesting gives the level), tables with their spans, and ``<dt>``/``<dd>`` pairs
joined, because some sites put a list's numbers in ``<dt>`` and the text in ``<dd>``. Scripts,
styles, forms and navigation are not content.

Rules for how career pages are written (each named below): a line wholly inside
``<strong>``/``<b>`` is a HEADING of style ``"bold"`` (:meth:`_Walker.line_is_bold`); ``<br>``
ends a block, so ``<br>``-separated items are separate blocks; an ``<li>`` whose text already
starts with a typed number (``1、``) keeps it in its text and gets no second label
(:data:`TYPED_LABEL`); a page that declares its charset (``<meta charset=gb2312>``) is decoded
with it (:func:`decode_page`).
"""

from __future__ import annotations

import re

from ..schemas.document import STYLE_BOLD, Block, BlockKind, Cell, Document, ReadIssue, Table
from .bounds import truncated
from .errors import DocumentError, ErrorCode
from .limits import Limits
from .options import DEFAULT_OPTIONS, ReadOptions
from .text import decode

SKIP = {"script", "style", "noscript", "nav", "footer", "header", "form", "select", "option", "button",
        "iframe", "svg", "head", "template"}
BLOCKS = {"p", "div", "section", "article", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          "pre", "td", "th", "tr", "table", "ul", "ol", "dl", "br", "hr", "body", "main", "aside", "center"}
HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}
SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
# Server-side template tags and where each closes.
TEMPLATE_TAGS = (("<?", "?>"), ("<%", "%>"))
BOLD_TAGS = {"strong", "b"}
COLONS = ":："
# Numbering a person typed into an <li> (the list's own number is then not shown twice).
TYPED_LABEL = re.compile(r"^\s*(?:\d{1,3}\s*[.、．)）]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|[①-⑳]"
                         r"|[一二三四五六七八九十]{1,3}[、.．])")
META_CHARSET = re.compile(rb"""<meta[^>]{1,1024}charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
CHARSETS = {"gb2312": "gbk", "gbk": "gbk", "x-gbk": "gbk", "gb18030": "gb18030", "cp936": "gbk",
            "big5": "big5", "big5-hkscs": "big5hkscs", "utf-8": "utf-8", "utf8": "utf-8"}


def read_html(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    import lxml.html  # lazy: only HTML pages need it

    text, encoding, declared = decode_page(data)
    if len(text) > limits.max_text_chars:
        raise DocumentError(ErrorCode.TOO_LARGE, f"page of {len(text):,} characters is above the limit")
    text = strip_templates(text)
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"unreadable HTML: {exc}") from exc
    walker = _Walker(limits, anchor_names(root))
    walker.walk(root)
    walker.flush()
    if not walker.blocks:
        raise DocumentError(ErrorCode.EMPTY_FILE, "the page holds no text")
    warnings = []
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        how = "as its <meta charset> declares" if declared else "detected"
        warnings.append(ReadIssue(code="encoding_detected", message=f"decoded as {encoding} ({how})"))
    warnings.extend(walker.issues())
    return Document(format="html", blocks=walker.blocks, furniture=page_furniture(root), encoding=encoding,
                    warnings=warnings)


FURNITURE_TAGS = ("title", "header", "footer")


def page_furniture(root) -> list[Block]:  # type: ignore[no-untyped-def]
    """The page's title and its header and footer, as a running header and footer are in a
    Word file: not the posting's body, but where a career page names its company (``加入我们 -
    杭州某某科技有限公司``, ``©2026 杭州某某科技有限公司``)."""
    out: list[Block] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in FURNITURE_TAGS and furniture_class(el) not in PAGE_EDGES:
            continue
        if any(a.tag in FURNITURE_TAGS or furniture_class(a) for a in el.iterancestors()):
            continue  # counted with the outer one
        text = SPACE.sub(" ", el.text_content()).strip()
        if text:
            out.append(Block(index=len(out), kind=BlockKind.PARAGRAPH, text=text[:MAX_FURNITURE]))
    return out


MAX_FURNITURE = 500

# Pages built before <nav>/<footer> name their page furniture by class or id instead
# (<div class="nav">, <div id="footer">): a whole class or id token, not part of one
# (class="job-header" heads a posting).
FURNITURE_CLASSES = frozenset({"nav", "navbar", "navigation", "menu", "mainmenu", "topmenu", "breadcrumb",
                               "breadcrumbs", "crumbs", "sidebar", "footer", "foot", "copyright", "header",
                               "topbar", "toolbar"})
PAGE_EDGES = frozenset({"footer", "foot", "copyright", "header"})  # their text goes to the furniture


def furniture_class(el) -> str | None:  # type: ignore[no-untyped-def]
    """The furniture token of an element's class or id (``nav``, ``footer``), if it has one."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
    return next((n for n in names if n in FURNITURE_CLASSES), None)


def decode_page(data: bytes) -> tuple[str, str, bool]:
    """``(text, encoding, declared)``: a byte-order mark wins, then the charset the page
    declares in a ``<meta>`` tag when the bytes decode with it (GBK pages served as
    ``charset=gb2312`` are common and too short for detection to be sure), then detection."""
    match = META_CHARSET.search(data[:8192])
    declared = CHARSETS.get(match.group(1).decode("ascii").lower()) if match else None
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        for encoding in dict.fromkeys((declared, "gb18030" if declared == "gbk" else declared)):
            try:
                return data.decode(encoding), encoding, True
            except UnicodeDecodeError:
                continue
    text, encoding = decode(data)
    return text, encoding, False


def anchor_names(root) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """In-page links (``<a href="#advertises1">医学部专家回访客服专员</a>``): target id → the link's
    text. Career pages list their positions as tabs or a contents table and keep each
    position's text in an element with that id, without repeating its name there."""
    names: dict[str, str] = {}
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        text = SPACE.sub(" ", a.text_content() or "").strip()
        if href.startswith("#") and len(href) > 1 and text and len(text) <= 40:
            names.setdefault(href[1:], text)
    return names


def strip_templates(text: str) -> str:
    """Replace each ``<?php … ?>`` / ``<% … %>`` with a space.

    Found with ``str.find``, not a lazy regex: an opener that is never closed would make the
    regex scan to the end from every later opener (a page of ``<%`` was quadratic). Once one
    kind has no closer left, later openers of that kind cannot close either.
    """
    out: list[str] = []
    pos = 0
    live = list(TEMPLATE_TAGS)
    while live:
        found = [(start, opener, closer) for opener, closer in live if (start := text.find(opener, pos)) >= 0]
        if not found:
            break
        start, opener, closer = min(found)
        end = text.find(closer, start + len(opener))
        if end < 0:
            live.remove((opener, closer))
            continue
        out.append(text[pos:start])
        out.append(" ")
        pos = end + len(closer)
    out.append(text[pos:])
    return "".join(out)


class _Walker:
    def __init__(self, limits: Limits, anchors: dict[str, str] | None = None) -> None:
        self.limits = limits
        self.anchors = anchors or {}
        self.named: set[str] = set()
        self.blocks: list[Block] = []
        self.buffer: list[tuple[str, bool]] = []  # text pieces, and whether each is inside <strong>/<b>
        self.pending_label: str | None = None
        self.bold = 0
        self.list_depth = 0

        self.depth = 0
        self.flattened = self.cut_tables = self.cut_blocks = 0

    def issues(self) -> list[ReadIssue]:
        issues = []
        if self.flattened:
            issues.append(ReadIssue(code="nesting_flattened", message=(
                f"{self.flattened} element(s) nested deeper than {self.limits.max_nesting_depth} were read as plain text")))
        if self.cut_tables:
            issues.append(truncated(f"{self.cut_tables} table(s) above {self.limits.max_table_cells:,} cells kept "
                                    "only the rows that fit"))
        if self.cut_blocks:
            issues.append(truncated(f"the page has more than {self.limits.max_blocks:,} blocks; the first were read"))
        return issues

    def _append(self, block: Block) -> None:
        if len(self.blocks) >= self.limits.max_blocks:
            self.cut_blocks += 1
            return
        self.blocks.append(block)

    def add(self, text: str) -> None:
        self.buffer.append((text, self.bold > 0))

    def flush(self, kind: BlockKind = BlockKind.PARAGRAPH, level: int | None = None, label: str | None = None) -> None:
        lines: list[list[tuple[str, bool]]] = [[]]
        for text, bold in self.buffer:
            parts = text.split("\n")
            for n, part in enumerate(parts):
                if n:
                    lines.append([])
                lines[-1].append((part, bold))
        self.buffer = []
        for pieces in lines:
            line = SPACE.sub(" ", "".join(text for text, _ in pieces)).strip()
            if not line:
                continue
            style = None
            if self.pending_label and kind == BlockKind.PARAGRAPH:
                label, self.pending_label = self.pending_label, None
                kind = BlockKind.LIST_ITEM
            if kind == BlockKind.LIST_ITEM and label and TYPED_LABEL.match(line):
                label = None  # the number is typed in the text: one number, not two
            if kind == BlockKind.PARAGRAPH and self.line_is_bold(pieces):
                kind, style = BlockKind.HEADING, STYLE_BOLD
            self._append(Block(index=len(self.blocks), kind=kind, text=line, level=level, label=label,
                                     style=style))
            kind, label, level = BlockKind.PARAGRAPH, None, None

    @staticmethod
    def line_is_bold(pieces: list[tuple[str, bool]]) -> bool:
        """A line wholly inside ``<strong>``/``<b>`` (a colon after it allowed) is a label
        heading: career pages mark 工作职责： / 任职要求： this way instead of with <h3>."""
        shown = [(text.strip(), bold) for text, bold in pieces if text.strip()]
        while shown and not shown[-1][1] and not shown[-1][0].strip(COLONS):
            shown.pop()
        return bool(shown) and all(bold for _, bold in shown)

    def walk(self, el, list_state: list[int] | None = None) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in SKIP or furniture_class(el):  # comments, scripts, navigation
            self._tail(el)
            return
        if self.depth >= self.limits.max_nesting_depth:
            # Past the nesting bound the structure is not followed (no recursion without end);
            # the text is kept as it reads.
            self.flattened += 1
            self.add(el.text_content())
            self._tail(el)
            return
        self.depth += 1
        try:
            self._walk(el, tag, list_state)
        finally:
            self.depth -= 1

    def _walk(self, el, tag: str, list_state: list[int] | None) -> None:
        if tag == "table":
            self.flush()
            table, cut = _table(el, self.limits)
            self.cut_tables += cut
            if table is not None:
                self._append(Block(index=len(self.blocks), kind=BlockKind.TABLE, table=table))
            self._tail(el)
            return
        if tag in BLOCKS:
            self.flush()
        self._anchor_heading(el)
        if tag == "br":
            self.add("\n")
        bold = tag in BOLD_TAGS
        self.bold += bold
        self.list_depth += tag in ("ol", "ul")
        if el.text and tag not in SKIP:
            self.add(el.text)
        counter = [0] if tag == "ol" else list_state
        for child in el:
            child_tag = child.tag if isinstance(child.tag, str) else ""
            if child_tag == "li":
                self.flush()
                label = None
                if tag == "ol" and counter is not None:
                    counter[0] += 1
                    label = f"{counter[0]}."
                elif tag == "ul":
                    label = "•"
                self.walk_item(child, label, counter)
                continue
            self.walk(child, counter)
        self.bold -= bold
        self.list_depth -= tag in ("ol", "ul")
        if tag in HEADINGS:
            self.flush(BlockKind.HEADING, HEADINGS[tag])
        elif tag == "dt":
            text = SPACE.sub(" ", "".join(text for text, _ in self.buffer)).strip()
            if re.fullmatch(r"[\d一二三四五六七八九十]+[.、)]?", text):
                self.buffer = []
                self.pending_label = text  # the number of the <dd> that follows
            else:
                self.flush()
        elif tag in BLOCKS:
            self.flush()
        self._tail(el)

    def _anchor_heading(self, el) -> None:  # type: ignore[no-untyped-def]
        """An element a page's own link points to gets that link's text as its heading, once."""
        target = el.get("id") or el.get("name")
        if not target or target not in self.anchors or target in self.named:
            return
        name = self.anchors[target]
        if any(name in text for text, _ in self.buffer):
            return
        self.named.add(target)
        self.flush()
        self._append(Block(index=len(self.blocks), kind=BlockKind.HEADING, text=name, level=2, style="anchor"))

    def walk_item(self, el, label: str | None, counter) -> None:
        level = max(0, self.list_depth - 1)
        if el.text:
            self.add(el.text)
        for child in el:
            child_tag = child.tag if isinstance(child.tag, str) else ""
            if child_tag in BLOCKS and label and "".join(text for text, _ in self.buffer).strip():
                # the item's own text comes before a nested list or paragraph, with its label
                self.flush(BlockKind.LIST_ITEM, level, label)
                label = None
            self.walk(child, counter)
        self.flush(BlockKind.LIST_ITEM if label else BlockKind.PARAGRAPH, level, label)
        self._tail(el)

    def _tail(self, el) -> None:
        if el.tail:
            self.add(el.tail)


def _table(el, limits: Limits) -> tuple[Table | None, bool]:
    """The table's cells with their spans, and whether rows past ``max_table_cells`` were cut.

    Spans are placed with one "covered until row" mark per column (the HTML table model),
    never a set of grid slots: ``rowspan=colspan=100`` on every cell of a 191 KB page made
    that set reach 2.5 GB. A rowspan ends with the table, as browsers end it.
    """
    rows = [tr for tr in el.iter("tr")]
    if not rows:
        return None, False
    covered: list[int] = []  # per grid column: the first row no longer covered by a rowspan
    cells: list[Cell] = []
    n_cols = 0
    cut = False
    for r, tr in enumerate(rows):
        row_cells, width = _row_cells(tr, r, len(rows), covered, limits.max_table_cells // (r + 1))
        if width is None or (r + 1) * max(n_cols, width) > limits.max_table_cells:
            cut = True
            break
        cells.extend(row_cells)
        n_cols = max(n_cols, width)
    if not cells:
        return None, cut
    n_rows = len(rows)
    if cut:  # r is the first row left out: spans end above it
        n_rows = r
        cells = [c if c.row + c.rowspan <= r else c.model_copy(update={"rowspan": r - c.row}) for c in cells]
    return Table(n_rows=n_rows, n_cols=n_cols, cells=cells), cut


def _row_cells(tr, r: int, n_rows: int, covered: list[int], max_width: int) -> tuple[list[Cell], int | None]:
    """Cells of row ``r`` placed around the rowspans above; width None past ``max_width``."""
    cells: list[Cell] = []
    c = 0
    for td in tr:
        if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
            continue
        while c < len(covered) and covered[c] > r:
            c += 1
        rowspan = min(_int(td.get("rowspan")), n_rows - r)
        colspan = _int(td.get("colspan"))
        if c + colspan > max_width:
            return cells, None
        text = SPACE.sub(" ", td.text_content()).strip()
        cells.append(Cell(row=r, col=c, rowspan=rowspan, colspan=colspan, text=text))
        if len(covered) < c + colspan:
            covered.extend([0] * (c + colspan - len(covered)))
        for dc in range(colspan):
            covered[c + dc] = r + rowspan
        c += colspan
    return cells, c


def _int(value: str | None) -> int:
    try:
        return max(1, min(100, int(value or 1)))
    except ValueError:
        return 1
