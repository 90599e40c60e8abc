"""OpenDocument text reader (.odt, .ott templates, flat .fodt) -> :class:`~jdx.schemas.document.Document`.

LibreOffice Writer and WPS save 岗位说明书 as ODF text: a zip package whose ``content.xml``
holds the body and ``styles.xml`` the styles, list styles and the page headers and footers
(a flat ``.fodt`` is the same XML in one file). The XML is walked with lxml, parsed by
:mod:`.safexml` after the zip-bomb checks of the DOCX reader; the reading rules follow what
LibreOffice shows (OASIS OpenDocument 1.2/1.3 part 3 §5–§6 text, §9 tables):

* paragraph text is the character data of ``text:p``/``text:h`` with white space collapsed
  (§6.1.2), ``text:s`` as its ``text:c`` spaces, ``text:tab`` and ``text:line-break`` as tab
  and newline; spans, links, fields and metadata show their content; notes, comments
  (``office:annotation``), ruby text, bookmarks and change marks show nothing (§6.1.1);
* ``text:h`` is a heading of its ``text:outline-level``; a paragraph whose style is named
  ``Heading N``/``标题 N`` is one too, as in the DOCX reader; numbering labels of lists and of
  the outline style are computed (:mod:`.odf_lists`) and kept out of the text;
* tracked changes read as accepted: the body already holds inserted text, deleted text lives
  only in ``text:tracked-changes``, which is never read;
* a table is one TABLE block: every grid slot is a ``table:table-cell`` or a
  ``table:covered-table-cell`` (§9.1.5), so a cell's spans give its merged area and covered
  slots only move the cursor; nested tables follow their parent with a ``container``;
* text boxes (``draw:frame``/``draw:text-box``) and shapes with text are read after the
  paragraph they are anchored in, as the DOCX reader reads Word's; images are counted;
* generated indexes (a table of contents repeats the headings) and hidden sections are
  skipped with a warning; page headers and footers of the master pages go to
  ``Document.furniture``;
* a package whose manifest declares ``manifest:encryption-data`` is password protected:
  ``encrypted``, as for the other formats.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..schemas.document import Block, BlockKind, Cell, Document, ReadIssue
from . import collector
from .docx import guard_zip
from .errors import DocumentError, ErrorCode
from .flow import HEADING_STYLE_NAME, Para
from .limits import Limits
from .odf_lists import Levels, LevelStyle, ListChains, ListCounter, list_styles, outline_style
from .ods import space_run
from .options import DEFAULT_OPTIONS, ReadOptions
from .safexml import parse_part
from .walked_blocks import BlockSink, TableData, furniture_lines, one_table_deeper

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"

O_BODY, O_TEXT, O_STYLES, O_AUTOMATIC_STYLES, O_MASTER_STYLES, O_ANNOTATION = (
    OFFICE + n for n in ("body", "text", "styles", "automatic-styles", "master-styles", "annotation"))
S_STYLE, S_NAME, S_DISPLAY_NAME, S_FAMILY, S_PARENT, S_DEFAULT_OUTLINE, S_DISPLAY, S_MASTER_PAGE = (
    STYLE + n for n in ("style", "name", "display-name", "family", "parent-style-name", "default-outline-level",
                        "display", "master-page"))
S_LIST_STYLE = STYLE + "list-style-name"
# Page furniture of a master page (§16.10), the left/first-page variants included.
S_FURNITURE = tuple(STYLE + n for n in ("header", "header-first", "header-left", "footer", "footer-first",
                                        "footer-left"))
S_REGIONS = tuple(STYLE + n for n in ("region-left", "region-center", "region-right"))
T_P, T_H, T_LIST, T_LIST_ITEM, T_LIST_HEADER, T_SECTION, T_NUMBERED_PARAGRAPH = (
    TEXT + n for n in ("p", "h", "list", "list-item", "list-header", "section", "numbered-paragraph"))
T_S, T_C, T_TAB, T_LINE_BREAK, T_NOTE, T_NUMBER, T_RUBY, T_RUBY_BASE = (
    TEXT + n for n in ("s", "c", "tab", "line-break", "note", "number", "ruby", "ruby-base"))
T_STYLE_NAME, T_OUTLINE_LEVEL, T_START_VALUE, T_IS_LIST_HEADER, T_RESTART_NUMBERING, T_DISPLAY = (
    TEXT + n for n in ("style-name", "outline-level", "start-value", "is-list-header", "restart-numbering",
                       "display"))
TABLE_TABLE, TABLE_ROW, TABLE_CELL, TABLE_COVERED = (
    TABLE + n for n in ("table", "table-row", "table-cell", "covered-table-cell"))
TABLE_ROW_GROUPS = frozenset(TABLE + n for n in ("table-header-rows", "table-rows", "table-row-group"))
TABLE_ROWS_REPEATED, TABLE_COLS_REPEATED, TABLE_ROWS_SPANNED, TABLE_COLS_SPANNED = (
    TABLE + n for n in ("number-rows-repeated", "number-columns-repeated", "number-rows-spanned",
                        "number-columns-spanned"))
DRAW_FRAME, DRAW_TEXT_BOX, DRAW_IMAGE, DRAW_OBJECT, DRAW_OBJECT_OLE = (
    DRAW + n for n in ("frame", "text-box", "image", "object", "object-ole"))
M_ENCRYPTION_DATA = MANIFEST + "encryption-data"

# Inline elements whose content is not part of the paragraph's text (§6.1.1) or marks that
# show nothing: change marks (deleted text is in text:tracked-changes), bookmarks, index marks.
_NOT_SHOWN = frozenset(TEXT + n for n in (
    "ruby-text", "change", "change-start", "change-end", "bookmark", "bookmark-start", "bookmark-end",
    "reference-mark", "reference-mark-start", "reference-mark-end", "toc-mark", "toc-mark-start", "toc-mark-end",
    "alphabetical-index-mark", "alphabetical-index-mark-start", "alphabetical-index-mark-end", "user-index-mark",
    "user-index-mark-start", "user-index-mark-end", "soft-page-break", "hidden-text", "hidden-paragraph",
)) | {OFFICE + "annotation-end"}
# Inline content skipped with a warning, by its issue code.
_COUNTED_INLINE = {T_NOTE: "note_skipped", O_ANNOTATION: "annotation_skipped"}
# Generated indexes: their entries repeat the document's headings (or list its figures).
_INDEXES = frozenset(TEXT + n for n in (
    "table-of-content", "illustration-index", "table-index", "object-index", "user-index", "alphabetical-index",
    "bibliography"))

_WHITE_SPACE = re.compile(r"[ \t\r\n]+")
# No Writer table is this wide; a damaged or hostile number-columns-repeated stops here.
MAX_TABLE_COLUMNS = 1024


# ----------------------------------------------------------------------------- model




_Item = Para | TableData


@dataclass
class _Slot:
    """A cell being placed on the grid; covered slots with text add their lines to it."""

    row: int
    col: int
    rowspan: int
    colspan: int
    lines: list[str]

    def covers(self, row: int, col: int) -> bool:
        return self.row <= row < self.row + self.rowspan and self.col <= col < self.col + self.colspan


@dataclass(frozen=True)
class _StyleInfo:
    name: str | None = None
    heading_level: int | None = None  # 0-based, from a style named Heading N / 标题 N
    outline_level: int | None = None  # 1-based style:default-outline-level
    list_style: str | None = None  # style:list-style-name: the list style of a numbered paragraph style


@dataclass(frozen=True)
class _ListPlace:
    """Where a list item stands: its list's counter, its level, the list's style (if the list
    names one) and the item's own start value."""

    counter: ListCounter
    depth: int
    style: str | None
    start: int | None


def _count(value: str | None, default: int = 1) -> int:
    try:
        return max(int(value), 1) if value is not None else default
    except ValueError:
        return default


def _opt_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# ----------------------------------------------------------------------------- styles


class _ParagraphStyles:
    """Paragraph styles by name: the automatic ones of one part (``P1`` …, whose parent is the
    style the user chose) and the common ones of styles.xml, resolved along their parents."""

    def __init__(self, common: etree._Element | None, automatic: etree._Element | None) -> None:
        self._common = _paragraph_styles(common)
        self._automatic = _paragraph_styles(automatic)
        self._cache: dict[str, _StyleInfo] = {}

    def info(self, name: str | None) -> _StyleInfo:
        if name is None:
            return _StyleInfo()
        cached = self._cache.get(name)
        if cached is None:
            cached = self._cache[name] = self._resolve(name)
        return cached

    def _resolve(self, name: str) -> _StyleInfo:
        """The nearest common style names the paragraph; the nearest outline level wins."""
        style = self._automatic.get(name)
        outline = _opt_int(style.get(S_DEFAULT_OUTLINE)) if style is not None else None
        list_style = style.get(S_LIST_STYLE) if style is not None else None
        current = style.get(S_PARENT) if style is not None else name
        seen: set[str] = set()
        display: str | None = None
        while current is not None and current not in seen:
            seen.add(current)
            style = self._common.get(current)
            if style is None:
                break
            display = display or style.get(S_DISPLAY_NAME) or current
            outline = outline if outline is not None else _opt_int(style.get(S_DEFAULT_OUTLINE))
            list_style = list_style or style.get(S_LIST_STYLE)
            current = style.get(S_PARENT)
        match = HEADING_STYLE_NAME.match(display or "")
        return _StyleInfo(name=display, heading_level=int(match.group(1)) - 1 if match else None,
                          outline_level=outline, list_style=list_style)


def _paragraph_styles(container: etree._Element | None) -> dict[str, etree._Element]:
    if container is None:
        return {}
    return {style.get(S_NAME) or "": style for style in container.iterchildren(S_STYLE)
            if style.get(S_FAMILY) == "paragraph"}


# ----------------------------------------------------------------------------- walking


class _Context:
    """Per-document state shared by all stories: the outline style, the table depth, warnings."""

    def __init__(self, limits: Limits, outline: Levels, outline_name: str | None = None) -> None:
        self.limits = limits
        self.outline = outline
        self.outline_name = outline_name
        self.table_depth = 0
        self.issues: Counter[str] = Counter()


class _Story:
    """Walks one story (the body, or one header/footer) in reading order, with the paragraph
    and list styles of the part it is in."""

    def __init__(self, ctx: _Context, styles: _ParagraphStyles, lists: dict[str, dict[int, LevelStyle]]) -> None:
        self.ctx = ctx
        self.styles = styles
        self.lists = lists
        self.chains = ListChains()
        self.outline = ListCounter()

    def blocks(self, container: etree._Element) -> list[_Item]:
        items: list[_Item] = []
        self._blocks_into(container, items)
        return items

    def _blocks_into(self, container: etree._Element, items: list[_Item]) -> None:
        for child in container:
            self._block(child, items)

    def _block(self, el: etree._Element, items: list[_Item]) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag == T_P or tag == T_H:
            self._paragraph(el, items)
        elif tag == T_LIST:
            self._list(el, items, 0, None, None)
        elif tag == TABLE_TABLE:
            items.append(self._table(el))
        elif tag == T_SECTION:
            if el.get(T_DISPLAY) == "none":  # "condition" hides it only when a field condition holds
                self.ctx.issues["hidden_section_skipped"] += 1
            else:
                self._blocks_into(el, items)
        elif tag == T_NUMBERED_PARAGRAPH:
            self._blocks_into(el, items)
        elif tag in _INDEXES:
            self.ctx.issues["index_skipped"] += 1
        elif tag.startswith(DRAW):
            self._drawing(el, items)
        # text:tracked-changes (deleted text), declarations, forms, soft page breaks: nothing shown

    def _drawing(self, el: etree._Element, items: list[_Item]) -> None:
        """A frame's text box is read in place; shapes hold their text as paragraphs; a
        draw:a link or draw:g group holds frames and shapes."""
        if el.tag == DRAW_FRAME:
            box = el.find(DRAW_TEXT_BOX)
            if box is not None:
                self._blocks_into(box, items)
            elif el.find(DRAW_IMAGE) is not None:
                self.ctx.issues["image_skipped"] += 1
            elif el.find(DRAW_OBJECT) is not None or el.find(DRAW_OBJECT_OLE) is not None:
                self.ctx.issues["embedded_object_skipped"] += 1
            return
        self._blocks_into(el, items)

    # -- lists ------------------------------------------------------------------

    def _list(self, lst: etree._Element, items: list[_Item], depth: int, counter: ListCounter | None,
              style: str | None) -> None:
        """A ``text:list`` at nesting ``depth``; nested lists count in their top list's counter."""
        style = lst.get(T_STYLE_NAME) or style
        if counter is None:
            counter = self.chains.open(lst, style)
        for item in lst:
            if item.tag != T_LIST_ITEM and item.tag != T_LIST_HEADER:
                continue
            # Only an item's first paragraph is numbered; a list header's none.
            place = _ListPlace(counter, depth, style, _opt_int(item.get(T_START_VALUE))) \
                if item.tag == T_LIST_ITEM else None
            for child in item:
                if child.tag == T_LIST:
                    self._list(child, items, depth + 1, counter, style)
                    place = None
                elif child.tag == T_P or child.tag == T_H:
                    self._paragraph(child, items, place)
                    place = None
                else:
                    self._block(child, items)

    # -- paragraphs -------------------------------------------------------------

    def _paragraph(self, p: etree._Element, items: list[_Item], place: _ListPlace | None = None) -> None:
        """A paragraph or heading; ``place`` is its list item's when it is the item's first paragraph."""
        segments: list[tuple[str, bool]] = []
        boxes: list[etree._Element] = []
        shown_labels: list[str] = []
        self._inline(p, segments, boxes, shown_labels)
        info = self.styles.info(p.get(T_STYLE_NAME))
        numbered = self._list_number(place, info) if place is not None else None
        heading = info.heading_level
        if p.tag == T_H:
            outline = _opt_int(p.get(T_OUTLINE_LEVEL)) or info.outline_level or 1
            heading = min(max(outline, 1), 10) - 1
            if numbered is None:
                numbered = self._outline_number(p, heading)
        para = Para(text=_collapsed(segments), style=info.name)
        para.set_levels(numbered, heading)
        if para.label is None and shown_labels:
            # A label the producer wrote down (text:number, §6.1.4) where no style gives one.
            para.label = "".join(shown_labels).strip() or None
        items.append(para)
        for box in boxes:
            self._drawing(box, items)

    def _list_number(self, place: _ListPlace, info: _StyleInfo) -> tuple[str | None, int]:
        """(label, level) of a list item's first paragraph. A list without a style of its own
        takes the list style of the paragraph's style (LibreOffice writes numbered paragraph
        styles so); with no list style at all it shows no label."""
        style = place.style or info.list_style or ""
        levels = self.lists.get(style)
        # Headings in a list that names the outline style count in the outline's one sequence.
        counter = self.outline if style == self.ctx.outline_name else place.counter
        label = counter.next_label(levels, place.depth, place.start) if levels is not None else None
        return label, place.depth

    def _outline_number(self, h: etree._Element, level: int) -> tuple[str | None, int] | None:
        """A heading outside lists is numbered by the outline style, when it numbers that level."""
        if h.get(T_IS_LIST_HEADER) == "true" or level not in self.ctx.outline:
            return None
        start = _opt_int(h.get(T_START_VALUE)) if h.get(T_RESTART_NUMBERING) == "true" else None
        label = self.outline.next_label(self.ctx.outline, level, start)
        return (label, level) if label else None

    def _inline(self, el: etree._Element, segments: list[tuple[str, bool]], boxes: list[etree._Element],
                shown_labels: list[str]) -> None:
        """Character data as (text, collapsible) segments: text nodes collapse their white
        space, ``text:s``/``tab``/``line-break`` are literal."""
        if el.text:
            segments.append((el.text, True))
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_SHOWN:
                pass
            elif tag == T_S:
                segments.append((" " * space_run(child.get(T_C)), False))
            elif tag == T_TAB:
                segments.append(("\t", False))
            elif tag == T_LINE_BREAK:
                segments.append(("\n", False))
            elif tag in _COUNTED_INLINE:
                self.ctx.issues[_COUNTED_INLINE[tag]] += 1
            elif tag == T_NUMBER:
                shown_labels.append("".join(child.itertext()))
            elif tag == T_RUBY:
                base = child.find(T_RUBY_BASE)
                if base is not None:
                    self._inline(base, segments, boxes, shown_labels)
            elif tag.startswith(DRAW):
                boxes.append(child)
            else:  # spans, links, fields, metadata: their content is shown
                self._inline(child, segments, boxes, shown_labels)
            if child.tail:
                segments.append((child.tail, True))

    # -- tables -----------------------------------------------------------------

    def _table(self, tbl: etree._Element) -> TableData:
        """A table nested at most ``max_nesting_depth`` deep (:func:`one_table_deeper`)."""
        with one_table_deeper(self.ctx):
            return self._table_in_bounds(tbl)

    def _table_in_bounds(self, tbl: etree._Element) -> TableData:
        """Rows are kept while the grid fits ``max_table_cells`` (else ``truncated``); a
        repeated row is its cells again on each row it repeats to."""
        slots: list[_Slot] = []
        nested: list[tuple[int, int, TableData]] = []
        width = n_rows = 0
        max_cells = self.ctx.limits.max_table_cells
        for tr in _rows(tbl):
            row_slots, row_nested, row_width = self._row(tr, n_rows, slots)
            width = max(width, row_width)
            nested.extend(row_nested)
            for k in range(_count(tr.get(TABLE_ROWS_REPEATED))):
                if (n_rows + 1) * max(width, 1) > max_cells:
                    self.ctx.issues["truncated"] += 1
                    return _table_data(slots, nested, n_rows, width)
                slots.extend(_Slot(n_rows, s.col, s.rowspan, s.colspan, s.lines if k == 0 else list(s.lines))
                             for s in row_slots)
                n_rows += 1
        return _table_data(slots, nested, n_rows, width)

    def _row(self, tr: etree._Element, r: int, placed: list[_Slot]) -> tuple[
            list[_Slot], list[tuple[int, int, TableData]], int]:
        """Row ``r``'s cells, the tables nested in them and the row's width in grid slots.
        Each slot is a cell element (§9.1.5): a spanning cell is followed by covered cells,
        so every element moves the cursor by one slot, whatever it spans."""
        row: list[_Slot] = []
        nested: list[tuple[int, int, TableData]] = []
        col = 0
        for cell in tr:
            if cell.tag != TABLE_CELL and cell.tag != TABLE_COVERED:
                continue
            repeat = min(_count(cell.get(TABLE_COLS_REPEATED)), MAX_TABLE_COLUMNS - col)
            if repeat <= 0:
                break
            lines, inner = self._cell_content(cell)
            if cell.tag == TABLE_COVERED:
                # Hidden under a merged cell; text left there is kept with that cell, not lost.
                owner = _owner([*placed, *row], r, col) if lines or inner else None
                if owner is not None:
                    owner.lines.extend(lines)
                    nested.extend((owner.row, owner.col, t) for t in inner)
                col += repeat
                continue
            rowspan = _count(cell.get(TABLE_ROWS_SPANNED))
            colspan = min(_count(cell.get(TABLE_COLS_SPANNED)), MAX_TABLE_COLUMNS - col)
            for k in range(repeat):
                row.append(_Slot(r, col, rowspan, colspan, lines if k == 0 else list(lines)))
                nested.extend((r, col, t) for t in (inner if k == 0 else ()))
                col += 1
        return row, nested, col

    def _cell_content(self, cell: etree._Element) -> tuple[list[str], list[TableData]]:
        """The non-blank paragraphs of a cell as lines (numbering labels in front), and its tables."""
        lines: list[str] = []
        tables: list[TableData] = []
        for item in self.blocks(cell):
            if isinstance(item, TableData):
                tables.append(item)
            elif item.text.strip():
                lines.append(item.line())
        return lines, tables


def _owner(slots: list[_Slot], row: int, col: int) -> _Slot | None:
    return next((s for s in reversed(slots) if s.covers(row, col)), None)


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    """The rows of a table in order, through header-row, row and row-group wrappers."""
    for child in tbl:
        if child.tag == TABLE_ROW:
            yield child
        elif child.tag in TABLE_ROW_GROUPS:
            yield from _rows(child)


def _table_data(slots: list[_Slot], nested: list[tuple[int, int, TableData]], n_rows: int,
                n_cols: int) -> TableData:
    """The table of the rows kept: spans end at the last row (a damaged span may run past it)."""
    cells = [Cell(row=s.row, col=s.col, rowspan=min(s.rowspan, n_rows - s.row), colspan=s.colspan,
                  text="\n".join(s.lines)) for s in slots]
    kept = [(row, col, t) for row, col, t in nested if row < n_rows]
    return TableData(n_rows=n_rows, n_cols=n_cols, cells=cells, nested=kept, chars=sum(len(c.text) for c in cells))


def _collapsed(segments: list[tuple[str, bool]]) -> str:
    """The paragraph's text: runs of white space in character data are one space, and none
    at the paragraph's start or end (ODF 1.2 part 1 §6.1.2); literal segments are kept."""
    out: list[str] = []
    after_space = True  # white space at the start of a paragraph is ignored
    last_collapsible = False
    for text, collapsible in segments:
        if collapsible:
            text = _WHITE_SPACE.sub(" ", text)
            if after_space and text.startswith(" "):
                text = text[1:]
            if not text:
                continue
            after_space = text.endswith(" ")
        else:
            after_space = False
        out.append(text)
        last_collapsible = collapsible
    if last_collapsible and out[-1].endswith(" "):
        out[-1] = out[-1][:-1]
    return "".join(out)


# ----------------------------------------------------------------------------- output


def _furniture(items: list[_Item], out: list[Block]) -> None:
    """Header/footer content as plain paragraphs; a table gives one tab-separated line per row."""
    for item in items:
        if isinstance(item, TableData):
            for line in furniture_lines(item):
                out.append(Block(index=len(out), kind=BlockKind.PARAGRAPH, text=line))
        elif item.text.strip():
            out.append(Block(index=len(out), kind=BlockKind.PARAGRAPH, text=item.line()))


def _page_furniture(ctx: _Context, styles_root: etree._Element | None, styles: _ParagraphStyles,
                    lists: dict[str, dict[int, LevelStyle]]) -> list[Block]:
    """Headers and footers of every master page (a page style), each read as its own story,
    identical ones once (page styles often repeat one header); one switched off
    (``style:display="false"``) is not shown and not read."""
    out: list[Block] = []
    seen: set[tuple[str, ...]] = set()
    masters = styles_root.find(O_MASTER_STYLES) if styles_root is not None else None
    if masters is None:
        return out
    for page in masters.iterchildren(S_MASTER_PAGE):
        for region in page:
            if region.tag not in S_FURNITURE or region.get(S_DISPLAY) == "false":
                continue
            story = _Story(ctx, styles, lists)
            blocks: list[Block] = []
            for part in [r for r in region if r.tag in S_REGIONS] or [region]:
                _furniture(story.blocks(part), blocks)
            texts = tuple(b.text for b in blocks)
            if texts not in seen:
                seen.add(texts)
                out.extend(b.model_copy(update={"index": len(out) + i}) for i, b in enumerate(blocks))
    return out


_ISSUE_MESSAGES: dict[str, str] = {
    "image_skipped": "{n} image(s) without text were skipped",
    "embedded_object_skipped": "{n} embedded object(s) (charts, formulas, OLE) were not read",
    "note_skipped": "{n} footnote/endnote(s); the note text is not read",
    "annotation_skipped": "{n} comment(s) (office:annotation) were skipped",
    "index_skipped": "{n} generated index(es) (a table of contents repeats the headings) were skipped",
    "hidden_section_skipped": "{n} hidden section(s) were skipped",
    "truncated": "{n} table(s) above the cell bound kept only the rows that fit",
}


def _issues(ctx: _Context) -> list[ReadIssue]:
    return [ReadIssue(code=code, message=_ISSUE_MESSAGES.get(code, code + ": {n}").format(n=n))
            for code, n in sorted(ctx.issues.items())]


# ----------------------------------------------------------------------------- entry

MANIFEST_PART = "META-INF/manifest.xml"


def read_odt(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Read an ODF text package (.odt/.ott). Raises :class:`DocumentError` for anything that
    is not a readable one."""
    members = guard_zip(data, limits)
    names = set(members.names())
    if MANIFEST_PART in names:
        manifest = parse_part(members.read(MANIFEST_PART), MANIFEST_PART)
        if next(manifest.iter(M_ENCRYPTION_DATA), None) is not None:
            raise DocumentError(ErrorCode.ENCRYPTED, "the OpenDocument file is password-protected")
    if "content.xml" not in names:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "the OpenDocument package has no content.xml")
    content = parse_part(members.read("content.xml"), "content.xml")
    styles = parse_part(members.read("styles.xml"), "styles.xml") if "styles.xml" in names else None
    return _read_guarded(content, styles, limits)


def read_fodt(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Read a flat ODF text document (.fodt): the parts of a package as one XML file."""
    root = parse_part(data, "the flat OpenDocument file")
    return _read_guarded(root, root, limits)


def _read_guarded(content: etree._Element, styles: etree._Element | None, limits: Limits) -> Document:
    try:
        with collector.paused():
            return _read(content, styles, limits)
    except RecursionError as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "the document is nested too deeply to read") from exc


def _read(content: etree._Element, styles_root: etree._Element | None, limits: Limits) -> Document:
    body = content.find(O_BODY)
    text = body.find(O_TEXT) if body is not None else None
    if text is None:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "the OpenDocument file has no text body (office:text)")
    common = styles_root.find(O_STYLES) if styles_root is not None else None
    content_automatic = content.find(O_AUTOMATIC_STYLES)
    styles_automatic = styles_root.find(O_AUTOMATIC_STYLES) if styles_root is not None else None
    outline_name, outline = outline_style(common)
    ctx = _Context(limits, outline, outline_name)
    # List styles a user defines are common styles; those LibreOffice makes per list are
    # automatic ones, of the part the list is in.
    body_lists = list_styles((common, content_automatic))
    furniture_lists = list_styles((common, styles_automatic))
    if outline_name is not None:
        body_lists.setdefault(outline_name, outline)
        furniture_lists.setdefault(outline_name, outline)
    sink = BlockSink()
    sink.add(_Story(ctx, _ParagraphStyles(common, content_automatic), body_lists).blocks(text))
    if sink.chars > limits.max_text_chars:
        raise DocumentError(
            ErrorCode.TOO_LARGE, f"the document has {sink.chars:,} characters, above {limits.max_text_chars:,}")
    furniture = _page_furniture(ctx, styles_root, _ParagraphStyles(common, styles_automatic), furniture_lists)
    return Document(format="odt", blocks=sink.blocks, furniture=furniture, warnings=_issues(ctx))
