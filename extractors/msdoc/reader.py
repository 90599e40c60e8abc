"""Word 97-2003 ``.doc`` (and WPS files saved in Word's format) -> :class:`Document`.

The reading follows [MS-DOC] 2.4 ("Algorithms"): the FIB locates the piece table, which
gives every character of every story by CP; paragraphs end at paragraph marks (``\\r``),
cell marks (``\\x07``) and section marks (``\\x0c``); a paragraph's properties are those of
its mark, found by FC in the PAPX pages, on top of its style's. Rules that match what Word
displays:

* fields show their result: characters between a field's begin (``\\x13``) and separator
  (``\\x14``) are its instruction and are dropped, the result up to its end (``\\x15``) is
  kept, nested fields alike (a TOC's PAGEREFs, a HYPERLINK's text);
* tracked deletions (``sprmCFRMarkDel``) read as accepted — not shown, and a deleted
  paragraph mark joins its paragraph to the next; hidden text (``sprmCFVanish``) is skipped;
* pictures, drawn-object anchors and note references are not text; symbol-font characters
  (``sprmCSymbol``, Wingdings check boxes) read as their Unicode look-alikes;
* table cells and rows are rebuilt from the cell marks and the row definition on each
  row-end mark (:mod:`.tables`), nested tables by their depth (``sprmPItap``), and become a
  rectangular grid with spans (:mod:`..flow`);
* list labels are computed from the LST/LFO tables by the DOCX counter engine
  (:mod:`.lists`) and kept out of the text; headings come from outline levels and the
  built-in heading styles;
* headers and footers (``PlcfHdd``) go to ``Document.furniture``, identical ones once; foot-
  and endnotes follow there (style ``footnote``/``endnote``); comments are not read; a text
  box is read after the paragraph that anchors it, or into furniture when no anchor is found.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...schemas.document import Block, Document, ReadIssue
from ...schemas.role import SourceFormat
from ..docx_numbering import NumberingCounters
from ..errors import DocumentError, ErrorCode
from ..flow import BlockSink, Item, Para, RawCell, RawRow, TableItem, furniture_blocks, row_with_edges
from ..limits import Limits
from ..symbols import symbol_char
from .binary import Malformed, read_plc, span, u16, u32
from .container import Container
from .drawings import group_owners
from .fib import NFIB_WORD97_MIN, Fib, FibBase, parse_fib, parse_fib_base
from .fkp import RunIndex, character_runs, paragraph_runs
from .lists import ListDefinitions, parse_lists
from .pieces import Text, join_surrogates, parse_clx
from .sprm import (
    PLAIN,
    SPRM_P_HUGE_PAPX,
    CharProps,
    ParaProps,
    apply_para_sprms,
    char_props,
    iter_sprms,
    prm_sprms,
)
from .styles import StyleSheet, parse_font_names, parse_stylesheet
from .tables import row_definition

logger = logging.getLogger(__name__)

PARAGRAPH_ENDS = "\r\x07\x0c"
FIELD_BEGIN, FIELD_SEPARATE, FIELD_END = "\x13", "\x14", "\x15"
# Characters that are structure, not text: paragraph ends, field marks, and the specials
# a Word story embeds (pictures \x01, note references \x02, separators \x03/\x04, comment
# anchors \x05, drawn objects \x08, line/column breaks \x0b/\x0e, hyphens \x1e/\x1f).
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f]")
_SYMBOL_FONT_AREA = re.compile("[\uf020-\uf0ff]")
_REPLACEMENTS = {"\x0b": "\n", "\x0e": "\n", "\x1e": "-", "\t": "\t"}
MAX_TABLE_DEPTH = 16
MAX_FIELD_DEPTH = 64
# Paragraph, cell and row marks one document may hold. A 139-role compilation has ~20,000;
# a million empty marks is a file built to stall the reader (each costs ~10 µs).
MAX_PARAGRAPHS = 1_000_000
# PlcfHdd: six separator stories come before the per-section headers and footers.
_HDD_SEPARATORS = 6
_FSPA_SIZE = 26
_FTXBXS_SIZE = 22


@dataclass
class RawPara:
    text: str
    mark: str  # the character that ended it ("" at the end of a story)
    props: ParaProps
    boxes: list[tuple[int, int]] = field(default_factory=list)  # text-box stories anchored here
    deleted: bool = False  # the mark is a tracked deletion (a deleted row's row-end mark)


# ----------------------------------------------------------------------------- document


class _Word97:
    """One open document: its text, property tables and the stories' paragraphs."""

    def __init__(self, word: bytes, table: bytes, fib: Fib, limits: Limits, data: bytes = b"") -> None:
        self.fib = fib
        self.data = data
        self.issues: Counter[str] = Counter()
        clx = parse_clx(table, *fib.location("Clx"))
        self.text = Text(word, clx.pieces, limits.max_text_chars)
        self.grpprls = clx.grpprls
        self.papx = paragraph_runs(word, table, *fib.location("PlcfBtePapx"))
        self.chpx = self._optional(lambda: character_runs(word, table, *fib.location("PlcfBteChpx")),
                                   RunIndex([]), "character_properties_unreadable")
        self.styles = self._optional(lambda: parse_stylesheet(table, *fib.location("Stshf")),
                                     StyleSheet(), "styles_unreadable")
        self.fonts = self._optional(lambda: parse_font_names(table, *fib.location("SttbfFfn")), [],
                                    "fonts_unreadable")
        self.lists = self._optional(
            lambda: parse_lists(table, fib.location("PlfLst"), fib.location("PlfLfo"), self.fonts),
            ListDefinitions(), "numbering_unreadable")
        self.table = table
        self.paragraph_count = 0
        self._para_cache: dict[tuple[int, bytes, int], ParaProps] = {}
        self._char_cache: dict[tuple[bytes, int], CharProps] = {}

    def _optional(self, parse, default, issue: str):  # noqa: ANN001, ANN202 - a local helper
        """Tables the text can do without: a damaged one is reported, not fatal."""
        try:
            return parse()
        except Malformed as exc:
            logger.debug("%s: %s", issue, exc)
            self.issues[issue] += 1
            return default

    def font_name(self, index: int | None) -> str | None:
        return self.fonts[index] if index is not None and 0 <= index < len(self.fonts) else None

    # -- properties -----------------------------------------------------------------

    def paragraph_props(self, mark_cp: int) -> ParaProps:
        piece = self.text.piece_at(mark_cp)
        run = self.papx.at(piece.fc_of(mark_cp))
        istd, grpprl = (run.istd, run.grpprl) if run else (0, b"")
        key = (istd, grpprl, piece.prm)
        props = self._para_cache.get(key)
        if props is None:
            props = self.styles.paragraph_props(istd)
            apply_para_sprms(props, self._expand_huge(iter_sprms(grpprl)))
            apply_para_sprms(props, [s for s in prm_sprms(piece.prm, self.grpprls) if (s[0] >> 10) & 7 == 1])
            self._para_cache[key] = props
        return props

    def _expand_huge(self, sprms: Iterator[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
        """sprmPHugePapx stands for a grpprl too big for its FKP page, stored in the Data
        stream (a row-end mark of a wide table carries its whole row definition there)."""
        for sprm, operand in sprms:
            if sprm != SPRM_P_HUGE_PAPX or len(operand) < 4:
                yield sprm, operand
                continue
            offset = int.from_bytes(operand[:4], "little")
            try:
                size = u16(self.data, offset)
                yield from iter_sprms(span(self.data, offset + 2, size))
            except Malformed:
                self.issues["paragraph_properties_unreadable"] += 1

    def char_segments(self, cp_start: int, cp_end: int) -> list[tuple[int, int, CharProps]]:
        """``[start, end)`` CP ranges of equal character properties covering the range."""
        out: list[tuple[int, int, CharProps]] = []
        cp = cp_start
        while cp < cp_end:
            piece = self.text.piece_at(cp)
            end = min(piece.cp_end, cp_end)
            if end <= cp:  # cannot happen with a validated piece table; never loop
                break
            width = 1 if piece.compressed else 2
            fc_start, fc_end = piece.fc_of(cp), piece.fc_of(end)
            at = cp
            for run in self.chpx.overlapping(fc_start, fc_end):
                run_end = min(end, cp + max(run.fc_end - fc_start, 0) // width)
                if run_end > at:
                    out.append((at, run_end, self._char_props(run.grpprl, piece.prm)))
                    at = run_end
            if at < end:
                out.append((at, end, self._char_props(b"", piece.prm)))
            cp = end
        return out

    def _char_props(self, grpprl: bytes, prm: int) -> CharProps:
        key = (grpprl, prm)
        props = self._char_cache.get(key)
        if props is None:
            sprms = list(iter_sprms(grpprl)) + [s for s in prm_sprms(prm, self.grpprls) if (s[0] >> 10) & 7 == 2]
            props = char_props(sprms) if sprms else PLAIN
            self._char_cache[key] = props
        return props

    # -- stories --------------------------------------------------------------------

    def paragraphs(self, cp_start: int, cp_end: int, anchors: dict[int, list[tuple[int, int]]] | None = None,
                   ) -> list[RawPara]:
        return _StoryReader(self, anchors or {}).read(cp_start, cp_end)


class _StoryReader:
    """Splits one story into paragraphs, applying fields, deletions and special characters."""

    def __init__(self, doc: _Word97, anchors: dict[int, list[tuple[int, int]]]) -> None:
        self.doc = doc
        self.anchors = anchors
        self.parts: list[str] = []
        self.boxes: list[tuple[int, int]] = []
        self.fields: list[bool] = []  # open fields, innermost last: True while in the instruction
        self.out: list[RawPara] = []

    def read(self, cp_start: int, cp_end: int) -> list[RawPara]:
        chars = self.doc.text.chars
        for start, end, props in self.doc.char_segments(cp_start, cp_end):
            if props.deleted or props.hidden:
                if props.hidden and not props.deleted:
                    self.doc.issues["hidden_text_skipped"] += 1
                self._structure_only(chars, start, end, props.deleted)
            else:
                self._visible(chars, start, end, props)
        if self.parts or self.boxes:
            self._end_paragraph("", cp_end - 1 if cp_end > cp_start else cp_start)
        if self.fields:
            self.doc.issues["field_unclosed"] += 1
        return self.out

    def _in_instruction(self) -> bool:
        return True in self.fields

    def _visible(self, chars: str, start: int, end: int, props: CharProps) -> None:
        pos = start
        for m in _SPECIAL.finditer(chars, start, end):
            if m.start() > pos and not self._in_instruction():
                self._text(chars[pos:m.start()], props)
            self._special(m.group(), m.start())
            pos = m.end()
        if pos < end and not self._in_instruction():
            self._text(chars[pos:end], props)

    def _text(self, text: str, props: CharProps) -> None:
        if props.symbol is not None:
            font_index, code = props.symbol
            text = text.replace("(", symbol_char(self.doc.font_name(font_index), code))
        elif _SYMBOL_FONT_AREA.search(text):
            # Word 2002+ stores an inserted symbol as U+F0xx in the symbol font itself.
            font = self.doc.font_name(props.font)
            text = _SYMBOL_FONT_AREA.sub(lambda m: symbol_char(font, ord(m.group())), text)
        self.parts.append(text)

    def _structure_only(self, chars: str, start: int, end: int, deleted: bool) -> None:
        """Deleted or hidden text: only field marks and (undeleted) paragraph ends count."""
        for m in _SPECIAL.finditer(chars, start, end):
            ch = m.group()
            if ch in (FIELD_BEGIN, FIELD_SEPARATE, FIELD_END):
                self._field(ch)
            elif ch == "\r" and deleted:
                continue  # accepting a deleted paragraph mark joins the paragraph to the next
            elif ch in PARAGRAPH_ENDS:
                self._end_paragraph(ch, m.start(), deleted)

    def _special(self, ch: str, cp: int) -> None:
        if ch in PARAGRAPH_ENDS:
            self._end_paragraph(ch, cp)
        elif ch in (FIELD_BEGIN, FIELD_SEPARATE, FIELD_END):
            self._field(ch)
        elif self._in_instruction():
            return
        elif ch == "\x08" and cp in self.anchors:
            self.boxes.extend(self.anchors[cp])
        elif ch == "\x01":
            self.doc.issues["image_skipped"] += 1
        else:
            replacement = _REPLACEMENTS.get(ch)
            if replacement:
                self.parts.append(replacement)

    def _field(self, ch: str) -> None:
        fields = self.fields
        if ch == FIELD_BEGIN:
            if len(fields) < MAX_FIELD_DEPTH:
                fields.append(True)
        elif ch == FIELD_SEPARATE:
            if fields:
                fields[-1] = False
        elif fields:
            fields.pop()

    def _end_paragraph(self, mark: str, cp: int, deleted: bool = False) -> None:
        self.doc.paragraph_count += 1
        if self.doc.paragraph_count > MAX_PARAGRAPHS:
            raise DocumentError(ErrorCode.TOO_LARGE, f"more than {MAX_PARAGRAPHS:,} paragraphs: not a document jdx reads")
        text = join_surrogates("".join(self.parts))
        self.out.append(RawPara(text=text, mark=mark, props=self.doc.paragraph_props(cp), boxes=self.boxes,
                                deleted=deleted))
        self.parts = []
        self.boxes = []


# ----------------------------------------------------------------------------- structure


class _Assembler:
    """Paragraphs of one story into items: list labels, headings, tables by depth."""

    def __init__(self, doc: _Word97, box_items) -> None:  # noqa: ANN001 - callable (start, end) -> items
        self.doc = doc
        self.counters = NumberingCounters(doc.lists)  # type: ignore[arg-type]  # duck-typed definitions
        self.box_items = box_items

    def items(self, paras: list[RawPara]) -> list[Item]:
        items: list[Item] = []
        i = 0
        while i < len(paras):
            if _depth(paras[i]) > 0:
                table, i = self._table(paras, i, 1)
                items.append(table)
            else:
                items.extend(self._para_items(paras[i]))
                i += 1
        return items

    def _table(self, paras: list[RawPara], i: int, depth: int) -> tuple[TableItem, int]:
        table = TableItem()
        cells: list[RawCell] = []
        while i < len(paras) and _depth(paras[i]) >= depth:
            p = paras[i]
            if _depth(p) == depth and _ends_row(p, depth):
                if not p.deleted:  # a deleted row reads as accepted: gone
                    table.rows.append(_row(cells, p))
                cells = []
                i += 1
                continue
            cell, i = self._cell(paras, i, depth)
            cells.append(cell)
        if cells:  # a row without its row-end mark (damaged file): keep what it holds
            table.rows.append(RawRow(cells=cells))
        return table, i

    def _cell(self, paras: list[RawPara], i: int, depth: int) -> tuple[RawCell, int]:
        cell = RawCell()
        while i < len(paras):
            p = paras[i]
            d = _depth(p)
            if d < depth or (d == depth and _ends_row(p, depth)):
                break
            if d > depth:
                inner, i = self._table(paras, i, depth + 1)
                cell.items.append(inner)
                continue
            cell.items.extend(self._para_items(p))
            i += 1
            if _ends_cell(p, depth):
                break
        return cell, i

    def _para_items(self, p: RawPara) -> list[Item]:
        items: list[Item] = [self._describe(p)]
        for start, end in p.boxes:
            items.extend(self.box_items(start, end))
        return items

    def _describe(self, p: RawPara) -> Para:
        props = p.props
        styles = self.doc.styles
        para = Para(text=p.text, style=styles.name(props.istd) if props.istd else None)
        if props.outline is not None:
            heading = props.outline if 0 <= props.outline <= 8 else None
        else:
            heading = styles.heading_level(props.istd)
        para.set_levels(self._number(props), heading)
        return para

    def _number(self, props: ParaProps) -> tuple[str | None, int] | None:
        if props.ilfo is None or props.ilfo <= 0:
            return None
        num_id = str(props.ilfo)
        lists = self.doc.lists
        if lists.resolve(num_id) is None:
            self.doc.issues["numbering_undefined"] += 1
            return None
        ilvl = props.ilvl
        if ilvl is None:
            ilvl = lists.level_for_style(num_id, props.istd)
        ilvl = min(max(ilvl or 0, 0), 8)
        return self.counters.next_label(num_id, ilvl), ilvl


def _depth(p: RawPara) -> int:
    return min(p.props.depth, MAX_TABLE_DEPTH)


def _ends_row(p: RawPara, depth: int) -> bool:
    if depth == 1:
        return p.props.ttp and p.mark == "\x07"
    return p.props.inner_ttp


def _ends_cell(p: RawPara, depth: int) -> bool:
    if depth == 1:
        return p.mark == "\x07"
    return p.props.inner_cell


def _row(cells: list[RawCell], end: RawPara) -> RawRow:
    """A row with the edges and merge flags of the definition on its row-end mark."""
    definition = row_definition(end.props.table_sprms)
    return row_with_edges(cells, definition.left, definition.rights, definition.hmerge, definition.vmerge)


# ----------------------------------------------------------------------------- stories


def _header_stories(doc: _Word97, table: bytes) -> list[tuple[int, int]]:
    start, end = doc.fib.story_ranges()["headers"]
    fc, lcb = doc.fib.location("PlcfHdd")
    if end <= start or lcb < 8:
        return []
    plc = read_plc(table, fc, lcb, 0, ordered=(lcb // 4) - 1)
    cps = plc.positions[:-1]  # the last CP is undefined
    stories = []
    for a, b in zip(cps[_HDD_SEPARATORS:], cps[_HDD_SEPARATORS + 1:], strict=False):
        if a < b and start + b <= end:
            stories.append((start + a, start + b))
    return stories


def _text_boxes(doc: _Word97, table: bytes) -> tuple[dict[int, list[tuple[int, int]]], list[tuple[int, int]]]:
    """Text-box stories by the main-document CP of their anchor, and those without one."""
    start, end = doc.fib.story_ranges()["textboxes"]
    fc, lcb = doc.fib.location("PlcftxbxTxt")
    if end <= start or lcb == 0:
        return {}, []
    boxes = read_plc(table, fc, lcb, _FTXBXS_SIZE)
    anchors: dict[int, int] = {}
    spa_fc, spa_lcb = doc.fib.location("PlcSpaMom")
    if spa_lcb:
        shapes = read_plc(table, spa_fc, spa_lcb, _FSPA_SIZE)
        anchors = {u32(shapes.element(i), 0): shapes.positions[i] for i in range(len(shapes))}
    try:
        owners = group_owners(table, *doc.fib.location("DggInfo"))
    except Malformed:
        owners = {}
    anchored: dict[int, list[tuple[int, int]]] = {}
    loose: list[tuple[int, int]] = []
    for i in range(len(boxes) - 1):  # the last entry only ends the previous range
        entry = boxes.element(i)
        if u16(entry, 8) & 1:  # fReusable: a spare entry, not a text box
            continue
        story = (start + boxes.positions[i], min(start + boxes.positions[i + 1], end))
        if story[0] >= story[1]:
            continue
        spid = u32(entry, 14)
        anchor = anchors.get(spid, anchors.get(owners.get(spid, -1)))
        if anchor is None:
            loose.append(story)
        else:
            anchored.setdefault(anchor, []).append(story)
    return anchored, loose


# ----------------------------------------------------------------------------- entry


_ISSUE_MESSAGES: dict[str, str] = {
    "image_skipped": "{n} picture(s) without text were skipped",
    "hidden_text_skipped": "{n} run(s) of hidden text were skipped",
    "comments_skipped": "the document's comments were not read",
    "header_textboxes_skipped": "text boxes in headers and footers were not read",
    "field_unclosed": "{n} field(s) without an end; text after them may be missing",
    "numbering_undefined": "{n} paragraph(s) use a list that is not defined",
    "numbering_unreadable": "the list definitions are damaged; list labels are missing",
    "styles_unreadable": "the style sheet is damaged; headings may be missed",
    "character_properties_unreadable": "character properties are damaged; deleted or hidden text may show",
    "fonts_unreadable": "the font table is damaged; symbol characters may be wrong",
    "paragraph_properties_unreadable": "{n} paragraph(s) point at properties past the Data stream",
    "headers_unreadable": "the header/footer table is damaged; headers and footers were not read",
    "textboxes_unreadable": "the text-box table is damaged; text boxes were not read",
    "textbox_unanchored": "{n} text box(es) without a findable anchor were put with the furniture",
}


def _issues(counts: Counter[str]) -> list[ReadIssue]:
    return [ReadIssue(code=code, message=_ISSUE_MESSAGES.get(code, code + ": {n}").format(n=n))
            for code, n in sorted(counts.items())]


def open_word97(data: bytes) -> tuple[Container, bytes, FibBase]:
    """The container, WordDocument stream and FIB base of a Word binary file."""
    container = Container(data)
    word = container.stream("WordDocument")
    try:
        base = parse_fib_base(word)
    except Malformed as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged Word file header: {exc}") from exc
    if base.nfib < NFIB_WORD97_MIN:
        raise DocumentError(ErrorCode.LEGACY_DOC,
                            "a Word 6.0/95 file: the built-in reader reads Word 97-2003; convert it with "
                            "LibreOffice (--via-libreoffice) or save it as .docx")
    return container, word, base


def read_word97_streams(container: Container, word: bytes, limits: Limits, fmt: SourceFormat) -> Document:
    try:
        fib = parse_fib(word)
    except Malformed as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged Word file header: {exc}") from exc
    table = container.stream(fib.table_stream)
    data = container.stream("Data") if container.has("Data") else b""
    try:
        doc = _Word97(word, table, fib, limits, data)
        return _document(doc, table, fmt)
    except Malformed as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged Word document structure: {exc}") from exc
    except RecursionError as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "the document is nested too deeply to read") from exc


def _document(doc: _Word97, table: bytes, fmt: SourceFormat) -> Document:
    ranges = doc.fib.story_ranges()
    try:
        anchored, loose = _text_boxes(doc, table)
    except Malformed:
        doc.issues["textboxes_unreadable"] += 1
        anchored, loose = {}, []

    def box_items(start: int, end: int) -> list[Item]:
        return _Assembler(doc, lambda a, b: []).items(doc.paragraphs(start, end))

    sink = BlockSink()
    main_start, main_end = ranges["main"]
    sink.add(_Assembler(doc, box_items).items(doc.paragraphs(main_start, main_end, anchored)))

    furniture: list[Block] = []
    seen: set[str] = set()
    try:
        headers = _header_stories(doc, table)
    except Malformed:
        doc.issues["headers_unreadable"] += 1
        headers = []
    for start, end in headers:
        items = _Assembler(doc, box_items).items(doc.paragraphs(start, end))
        key = "\n".join(i.text if isinstance(i, Para) else repr(i) for i in items)
        if key.strip() and key not in seen:
            seen.add(key)
            furniture_blocks(items, furniture)
    for name, style in (("footnotes", "footnote"), ("endnotes", "endnote")):
        start, end = ranges[name]
        if end > start:
            furniture_blocks(_Assembler(doc, box_items).items(doc.paragraphs(start, end)), furniture, style)
    for start, end in loose:
        doc.issues["textbox_unanchored"] += 1
        furniture_blocks(box_items(start, end), furniture, "textbox")
    if ranges["comments"][1] > ranges["comments"][0]:
        doc.issues["comments_skipped"] += 1
    if ranges["header_textboxes"][1] > ranges["header_textboxes"][0]:
        doc.issues["header_textboxes_skipped"] += 1
    logger.debug("read Word 97 document: %d blocks, %d furniture blocks", len(sink.blocks), len(furniture))
    return Document(format=fmt, blocks=sink.blocks, furniture=furniture, warnings=_issues(doc.issues))
