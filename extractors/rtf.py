"""RTF reader: Rich Text Format -> :class:`Document`.

Written here rather than taken from a library: the maintained Python RTF packages either
strip RTF to flat text (striprtf: a table becomes ``|``-separated lines with no merges) or
parse it for another purpose (rtfparse, rtfde: HTML encapsulated in Outlook messages);
none rebuilds tables with merged cells or decodes ``\\'hh`` per font code page. The
tokenizer and decoding are in :mod:`.rtf_tokens`; this module keeps the group state and
builds paragraphs and tables with :mod:`.flow`, like the Word 97 reader.

What is read, following [MS-RTF] 1.9.1:

* text in the document's code page (``\\ansicpg936``: GBK) or its font's (``\\fcharset134``);
  ``\\uN`` with its ``\\ucN`` fallback characters skipped; symbol fonts as their look-alikes;
* paragraphs (``\\par``), line breaks and tabs; list labels from ``\\listtext``/``\\pntext``,
  the label Word itself writes before each list paragraph; headings from ``\\outlinelevel``
  or a heading style of the style sheet;
* tables: ``\\trowd``/``\\cellx`` row definitions, ``\\cell``/``\\row``, nested tables
  (``\\itap``, ``\\nestcell``, ``\\nestrow``, ``\\nesttableprops``), merged cells
  (``\\clmgf``/``\\clmrg``, ``\\clvmgf``/``\\clvmrg``) as spans;
* fields show their result (``\\fldrslt``), never their instruction;
* headers and footers (``\\header…``, ``\\footer…``) and footnotes go to the furniture; text
  boxes (``\\shptxt``) follow the paragraph they are anchored in;
* skipped: font/colour/style tables (read for their names only), pictures, objects' data,
  comments, ``\\*`` destinations the reader does not know, hidden (``\\v``) and deleted text.

Bounds: groups nested deeper than :data:`MAX_DEPTH` fail as ``corrupt_file``; the text is
held to ``max_text_chars``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from ..schemas.document import Block, BlockKind, Document, ReadIssue
from .docx_numbering import bullet_text
from .errors import DocumentError, ErrorCode
from .flow import (
    HEADING_STYLE_NAME,
    BlockSink,
    Item,
    Merge,
    Para,
    RawCell,
    RawRow,
    TableItem,
    furniture_blocks,
    row_with_edges,
)
from .limits import Limits
from .options import DEFAULT_OPTIONS, ReadOptions
from .rtf_tokens import (
    CHARSET_CODEPAGES,
    HEX_ITEM,
    SYMBOL_CODEPAGE,
    TOKEN,
    UNICODE_ITEM,
    decode_bytes,
    fast_token_pattern,
    skip_group,
)
from .symbols import symbol_char

logger = logging.getLogger(__name__)

MAX_DEPTH = 512
MAX_TABLE_DEPTH = 16
# Groups, paragraphs, cells and rows one document may open or end. A 152,000-character
# manual written by LibreOffice has ~45,000; a file with a million is built to stall the
# reader (each costs several microseconds), not a document.
MAX_EVENTS = 1_000_000

# Destinations whose content is not text of the document.
SKIPPED = frozenset({
    "colortbl", "pict", "objdata", "themedata", "colorschememapping", "latentstyles", "datastore",
    "xmlnstbl", "rsidtbl", "generator", "mmathPr", "pgdsctbl", "filetbl", "revtbl", "listtable",
    "listoverridetable", "fldinst", "bkmkstart", "bkmkend", "nonshppict", "sp", "shprslt", "pn",
    "annotation", "atnid", "atnauthor", "atndate", "atnref", "atrfstart", "atrfend", "xe", "tc", "template",
    "userprops", "docvar", "wgrffmtfilter", "passwordhash", "nonesttables", "private", "blipuid",
    "ftnsep", "ftnsepc", "aftnsep", "aftnsepc", "protusertbl", "defchp", "defpap", "formfield",
    "datafield", "fchars", "lchars", "operator", "comment", "doccomm", "keywords", "category",
    "hlinkbase", "manager", "title", "subject", "author", "company",
})
# \* destinations whose content *is* read (everything else starred is skipped).
READ_STARRED = frozenset({"shpinst", "nesttableprops", "listtext", "pntext", "fldrslt"})
FURNITURE = frozenset({"header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf"})
NOTES = frozenset({"footnote"})
TEXT_WORDS: dict[str, str] = {
    "tab": "\t", "line": "\n", "page": "\n", "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
    "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005", "zwbo": "", "zwnbo": "", "zwj": "", "zwnj": "",
}
TEXT_SYMBOLS: dict[str, str] = {"~": "\u00a0", "-": "", "_": "-", "{": "{", "}": "}", "\\": "\\"}
DEFAULT_CODEPAGES = {"ansi": 1252, "mac": 10000, "pc": 437, "pca": 850}
_SURROGATE = re.compile("[\ud800-\udfff]")
_SYMBOL_FONT_AREA = re.compile("[\uf020-\uf0ff]")


@dataclass
class _State:
    """Group state: copied when a group opens, restored when it closes."""

    dest: str = "body"  # body | label | fonttbl(_entry) | stylesheet | style_entry | info
    uc: int = 1
    font: int | None = None
    hidden: bool = False
    deleted: bool = False
    intbl: bool = False
    itap: int | None = None
    ls: int | None = None
    ilvl: int | None = None
    style: int = 0
    outline: int | None = None
    nested_props: bool = False  # inside \*\nesttableprops: row definitions of the nested table
    flow: _Flow | None = None
    entry: int | None = None  # the \fN or \sN a font-table or style-sheet entry defines

    def copy(self) -> _State:
        new = _State.__new__(_State)
        new.__dict__.update(self.__dict__)
        return new

    def depth(self) -> int:
        if not self.intbl:
            return 0
        return min(max(self.itap if self.itap is not None else 1, 1), MAX_TABLE_DEPTH)


@dataclass
class _RowDefinition:
    left: int = 0
    rights: list[int] = field(default_factory=list)
    hmerge: list[Merge] = field(default_factory=list)
    vmerge: list[Merge] = field(default_factory=list)
    next_h: Merge = Merge.NONE
    next_v: Merge = Merge.NONE


class _OpenTable:
    def __init__(self) -> None:
        self.rows: list[RawRow] = []
        self.cells: list[RawCell] = []
        self.cell_items: list[Item] = []

    def end_cell(self) -> None:
        self.cells.append(RawCell(items=self.cell_items))
        self.cell_items = []

    def end_row(self, definition: _RowDefinition | None) -> None:
        if self.cell_items:
            self.end_cell()
        if definition is None:
            self.rows.append(RawRow(cells=self.cells))
        else:
            self.rows.append(row_with_edges(self.cells, definition.left, list(definition.rights),
                                            list(definition.hmerge), list(definition.vmerge)))
        self.cells = []

    def finish(self) -> TableItem:
        if self.cell_items:
            self.end_cell()
        if self.cells:
            self.rows.append(RawRow(cells=self.cells))
        return TableItem(rows=self.rows)


class _Flow:
    """One story being built (the body, a header, a note, a text box): items and open tables."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.items: list[Item] = []
        self.parts: list[str] = []
        self.label_parts: list[str] = []
        self.tables: list[_OpenTable] = []
        self.boxes: list[list[Item]] = []  # text boxes waiting for their anchor paragraph to end

    def place(self, item: Item, depth: int) -> None:
        if depth == 0:
            self.close_tables(0)
            self.items.append(item)
        else:
            self.open_to(depth)
            self.tables[depth - 1].cell_items.append(item)

    def open_to(self, depth: int) -> None:
        if len(self.tables) > depth:
            self.close_tables(depth)
        while len(self.tables) < depth:
            self.tables.append(_OpenTable())

    def close_tables(self, keep: int) -> None:
        while len(self.tables) > keep:
            table = self.tables.pop().finish()
            if self.tables:
                self.tables[-1].cell_items.append(table)
            else:
                self.items.append(table)


class _RtfReader:
    def __init__(self, data: str, limits: Limits) -> None:
        self.data = data
        self.limits = limits
        self.body = _Flow("body")
        self.state = _State(flow=self.body)
        self.stack: list[_State] = []
        self.codepage = 1252
        self.default_font: int | None = None
        self.fonts: dict[int, tuple[str, int | None]] = {}  # \fN -> (name, code page)
        self.styles: dict[int, tuple[str, int | None]] = {}  # \sN -> (name, outline level)
        self.entry_text: list[str] = []
        self.pending = bytearray()
        self.pending_cp = 1252
        self.skip_fallback = 0
        self.star = False
        self.rows: dict[int, _RowDefinition] = {}
        self.furniture: list[Block] = []
        self.furniture_seen: set[str] = set()
        self.issues: Counter[str] = Counter()
        self.chars = 0
        self.events = 0

    def _count_event(self) -> None:
        self.events += 1
        if self.events > MAX_EVENTS:
            raise DocumentError(ErrorCode.TOO_LARGE,
                                f"more than {MAX_EVENTS:,} groups and paragraphs: not a document jdx reads")

    # -- driver ---------------------------------------------------------------------

    def read(self) -> None:
        data = self.data
        n = len(data)
        fast, plain = _FAST_TOKEN.match, TOKEN.match
        pos = 0
        while pos < n:
            # After \* or inside a \u fallback every control word counts: no runs skipped.
            m = (plain if self.star or self.skip_fallback else fast)(data, pos)
            if m is None:  # cannot happen: the alternatives cover every character
                pos += 1
                continue
            pos = m.end()
            kind = m.lastgroup
            if kind is None:  # a newline, or a run of control words with no meaning here
                continue
            value = m.group(kind)
            if kind == "brace":
                if value == "{":
                    self._open_group()
                    continue
                self._close_group()
                if not self.stack:  # the document's own group has closed
                    return
            elif kind == "text":
                self._text_bytes(value)
            elif kind == "unicode":
                self._unicode_run(value)
            elif kind == "hex":
                self._hex(int(value, 16))
            elif kind in ("name", "param"):
                name, param = m.group("name"), m.group("param")
                number = int(param) if param is not None else None
                if name == "bin":
                    pos = min(pos + max(number or 0, 0), n)  # binary data, never text
                elif self._word(name, number):  # a skipped destination: jump past its group
                    pos = skip_group(data, pos)
                    self._close_group()
                    if not self.stack:
                        return
            else:
                self._symbol(value)
        self.issues["truncated"] += 1  # the data ended inside a group

    def _open_group(self) -> None:
        self._flush()
        self.skip_fallback = 0
        if len(self.stack) >= MAX_DEPTH:
            raise DocumentError(ErrorCode.CORRUPT_FILE, f"RTF groups nested deeper than {MAX_DEPTH}")
        self._count_event()
        self.stack.append(self.state)
        self.state = self.state.copy()
        self.star = False

    def _close_group(self) -> None:
        self._flush()
        self.skip_fallback = 0
        if not self.stack:
            return
        closing = self.state
        self.state = self.stack.pop()
        if closing.dest in ("fonttbl_entry", "style_entry") and closing.entry is not None:
            self._end_entry(closing)
        if closing.flow is not self.state.flow and closing.flow is not None:
            self._end_flow(closing.flow)

    # -- text -----------------------------------------------------------------------

    def _text_bytes(self, raw: str) -> None:
        if self.skip_fallback:
            cut = min(self.skip_fallback, len(raw))
            self.skip_fallback -= cut
            raw = raw[cut:]
        if raw and self._takes_text():
            if not self.pending and raw.isascii() and self.state.dest == "body" and (
                    self._codepage() != SYMBOL_CODEPAGE):
                self._emit(raw)  # plain ASCII decodes to itself in every code page RTF uses
            else:
                self._add_bytes(raw.encode("latin-1"))

    def _hex(self, value: int) -> None:
        if self.skip_fallback:
            self.skip_fallback -= 1
            return
        if self._takes_text():
            self._add_bytes(bytes([value]))

    def _takes_text(self) -> bool:
        state = self.state
        if state.dest in ("fonttbl_entry", "style_entry"):
            return True
        if state.hidden or state.deleted:
            return False
        return state.dest in ("body", "label")

    def _add_bytes(self, raw: bytes) -> None:
        codepage = self._codepage()
        if self.pending and codepage != self.pending_cp:
            self._flush()
        self.pending_cp = codepage
        self.pending.extend(raw)

    def _codepage(self) -> int:
        state = self.state
        index = state.entry if state.dest == "fonttbl_entry" else state.font
        font = self.fonts.get(index if index is not None else -1)
        if font is not None and font[1] is not None:
            return font[1]
        return self.codepage

    def _flush(self) -> None:
        if not self.pending:
            return
        raw = bytes(self.pending)
        self.pending.clear()
        if self.pending_cp == SYMBOL_CODEPAGE:
            font = self.fonts.get(self.state.font if self.state.font is not None else -1)
            name = font[0] if font else None
            if self.state.dest == "label":  # a bullet drawn from a symbol font, as DOCX/DOC show it
                text = bullet_text(raw.decode("latin-1"), name)
            else:
                text = "".join(symbol_char(name, b) for b in raw)
        else:
            text, clean = decode_bytes(raw, self.pending_cp)
            if not clean:
                self.issues["undecodable_text"] += 1
        self._emit(text)

    def _emit(self, text: str) -> None:
        """Text already decoded, to wherever the current destination collects it."""
        state = self.state
        if state.dest in ("fonttbl_entry", "style_entry"):
            self.entry_text.append(text)
            return
        flow = state.flow
        if flow is None:
            return
        if state.dest == "label":
            flow.label_parts.append(text)
        else:
            flow.parts.append(text)
            self.chars += len(text)
            if self.chars > self.limits.max_text_chars:
                raise DocumentError(ErrorCode.TOO_LARGE,
                                    f"the document has more than {self.limits.max_text_chars:,} characters")

    def _unicode_run(self, run: str) -> None:
        """\\uN characters, each with up to ``uc`` fallback bytes to drop; further \\'hh
        bytes after one are text of their own."""
        self._flush()
        uc = max(self.state.uc, 0)
        takes = self._takes_text()
        chars: list[str] = []
        for count, number, fallback in UNICODE_ITEM.findall(run):
            if count:
                uc = self.state.uc = int(count)
            if takes:
                chars.append(chr(int(number) % 65536))
            extra = HEX_ITEM.findall(fallback)
            if len(extra) > uc and takes:
                if chars:
                    self._emit_unicode("".join(chars))
                    chars = []
                self._add_bytes(bytes(int(h, 16) for h in extra[uc:]))
                self._flush()
            self.skip_fallback = max(uc - len(extra), 0)
        if chars:
            self._emit_unicode("".join(chars))

    def _emit_unicode(self, text: str) -> None:
        """Characters from \\uN: a symbol font's U+F0xx glyphs become their look-alikes
        (in a list label they stay, for :func:`bullet_text`)."""
        if _SYMBOL_FONT_AREA.search(text) and self.state.dest != "label":
            font = self.fonts.get(self.state.font if self.state.font is not None else -1)
            name = font[0] if font else None
            text = _SYMBOL_FONT_AREA.sub(lambda m: symbol_char(name, ord(m.group())), text)
        self._emit(text)

    def _unicode(self, value: int) -> None:
        self._flush()
        if self._takes_text():
            self._emit_unicode(chr(value % 65536))
        self.skip_fallback = max(self.state.uc, 0)

    # -- control words ----------------------------------------------------------------

    def _symbol(self, ch: str) -> None:
        if self.skip_fallback:
            self.skip_fallback -= 1
            return
        if ch == "*":
            self.star = True
        elif ch in ("\n", "\r"):
            self._paragraph()
        elif ch in TEXT_SYMBOLS:
            if ch in "{}\\":
                self._text_bytes(ch)
            elif self._takes_text():
                self._flush()
                self._emit(TEXT_SYMBOLS[ch])

    def _word(self, name: str, param: int | None) -> bool:
        """Handle a control word; True when it opens a destination to skip."""
        if self.skip_fallback and name not in ("u", "uc"):
            self.skip_fallback -= 1
            return False
        starred, self.star = self.star, False
        if starred and name not in READ_STARRED:
            return True
        if name in SKIPPED:
            return True
        self._flush()
        handler = _HANDLERS.get(name)
        if handler is not None:
            handler(self, param)
        elif name in TEXT_WORDS and self._takes_text():
            self._emit(TEXT_WORDS[name])
        elif name in FURNITURE or name in NOTES or name == "shptxt":
            self.state.flow = _Flow("footnote" if name in NOTES else "textbox" if name == "shptxt" else "furniture")
            self.state.dest = "body"
        return False

    # paragraphs

    def _paragraph(self, _param: int | None = None) -> None:
        state = self.state
        if state.deleted:
            return  # a deleted paragraph mark joins its paragraph to the next
        flow = state.flow
        if flow is None or state.dest != "body":
            return
        self._end_paragraph(flow, state.depth())

    def _end_paragraph(self, flow: _Flow, depth: int) -> None:
        self._count_event()
        if not flow.parts and not flow.label_parts and not flow.boxes and depth == 0:
            return  # an empty paragraph outside a table: no block would come of it
        text = "".join(flow.parts)
        if _SURROGATE.search(text):
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        label = "".join(flow.label_parts).strip() or None
        flow.parts, flow.label_parts = [], []
        flow.place(self._describe(text, label), depth)
        for box in flow.boxes:
            for item in box:
                flow.place(item, depth)
        flow.boxes = []

    def _describe(self, text: str, label: str | None) -> Para:
        state = self.state
        name, style_outline = self.styles.get(state.style, ("", None)) if state.style else ("", None)
        para = Para(text=text, style=name or None)
        if label is not None:
            font = self.fonts.get(state.font if state.font is not None else -1)
            para.label = bullet_text(label, font[0] if font else None) if len(label) == 1 else label
            para.kind, para.level = BlockKind.LIST_ITEM, state.ilvl or 0
        elif state.ls is not None and state.ls > 0:
            para.kind, para.level = BlockKind.LIST_ITEM, state.ilvl or 0
        outline = state.outline if state.outline is not None else style_outline
        heading = outline if outline is not None and 0 <= outline <= 8 else None
        if heading is None and outline is None and name:
            m = HEADING_STYLE_NAME.match(name.strip())
            heading = int(m.group(1)) - 1 if m else None
        if heading is not None:
            para.kind, para.level = BlockKind.HEADING, heading
        return para

    def _pard(self, _param: int | None) -> None:
        state = self.state
        state.intbl, state.itap, state.ls, state.ilvl, state.style, state.outline = False, None, None, None, 0, None

    def _plain(self, _param: int | None) -> None:
        self.state.font, self.state.hidden, self.state.deleted = self.default_font, False, False

    # tables

    def _cell(self, _param: int | None) -> None:
        self._end_cell(1)

    def _nestcell(self, _param: int | None) -> None:
        self._end_cell(max(self.state.itap or 2, 2))

    def _end_cell(self, depth: int) -> None:
        self._count_event()
        flow = self.state.flow
        if flow is None or self.state.dest != "body":
            return
        depth = min(depth, MAX_TABLE_DEPTH)
        if flow.parts or flow.label_parts:
            self._end_paragraph(flow, depth)
        flow.open_to(depth)
        flow.tables[depth - 1].end_cell()

    def _row(self, _param: int | None) -> None:
        self._end_row(1)

    def _nestrow(self, _param: int | None) -> None:
        self._end_row(max(self.state.itap or 2, 2))

    def _end_row(self, depth: int) -> None:
        self._count_event()
        flow = self.state.flow
        if flow is None:
            return
        depth = min(depth, MAX_TABLE_DEPTH)
        flow.open_to(depth)
        flow.tables[depth - 1].end_row(self.rows.get(depth))

    def _row_depth(self) -> int:
        return min(max(self.state.itap or 2, 2), MAX_TABLE_DEPTH) if self.state.nested_props else 1

    def _trowd(self, _param: int | None) -> None:
        self.rows[self._row_depth()] = _RowDefinition()

    def _row_definition(self) -> _RowDefinition:
        return self.rows.setdefault(self._row_depth(), _RowDefinition())

    def _cellx(self, param: int | None) -> None:
        row = self._row_definition()
        if len(row.rights) >= 63:
            return
        row.rights.append(param or 0)
        row.hmerge.append(row.next_h)
        row.vmerge.append(row.next_v)
        row.next_h = row.next_v = Merge.NONE

    def _trleft(self, param: int | None) -> None:
        self._row_definition().left = param or 0

    def _merge(self, horizontal: bool, merge: Merge) -> None:
        row = self._row_definition()
        if horizontal:
            row.next_h = merge
        else:
            row.next_v = merge

    # destinations and tables of the header

    def _fonttbl(self, _param: int | None) -> None:
        self.state.dest = "fonttbl"

    def _stylesheet(self, _param: int | None) -> None:
        self.state.dest = "stylesheet"

    def _info(self, _param: int | None) -> None:
        self.state.dest = "info"

    def _font(self, param: int | None) -> None:
        state = self.state
        if state.dest in ("fonttbl", "fonttbl_entry"):
            if state.dest == "fonttbl_entry":  # entries written without their own group
                self._end_entry(state)
            state.dest, state.entry = "fonttbl_entry", param
            self.fonts.setdefault(param or 0, ("", None))
        else:
            state.font = param

    def _fcharset(self, param: int | None) -> None:
        if self.state.dest == "fonttbl_entry" and self.state.entry is not None:
            name, _ = self.fonts.get(self.state.entry, ("", None))
            self.fonts[self.state.entry] = (name, CHARSET_CODEPAGES.get(param or 0) if param not in (0, 1) else None)

    def _cpg(self, param: int | None) -> None:
        if self.state.dest == "fonttbl_entry" and self.state.entry is not None and param:
            name, _ = self.fonts.get(self.state.entry, ("", None))
            self.fonts[self.state.entry] = (name, param)

    def _style(self, param: int | None) -> None:
        state = self.state
        if state.dest in ("stylesheet", "style_entry"):
            if state.dest == "style_entry":
                self._end_entry(state)
            state.dest, state.entry = "style_entry", param or 0
            self.styles.setdefault(param or 0, ("", None))
        else:
            state.style = param or 0

    def _outlinelevel(self, param: int | None) -> None:
        state = self.state
        if state.dest == "style_entry" and state.entry is not None:
            name, _ = self.styles.get(state.entry, ("", None))
            self.styles[state.entry] = (name, param)
        else:
            state.outline = param

    def _end_entry(self, closing: _State) -> None:
        """Name the font or style whose definition ends (at its ``;`` or its group's end)."""
        self._flush()
        name = "".join(self.entry_text).split(";", 1)[0].strip()
        self.entry_text = []
        if not name:
            return
        if closing.dest == "fonttbl_entry":
            _, codepage = self.fonts.get(closing.entry or 0, ("", None))
            self.fonts[closing.entry or 0] = (name, codepage)
        else:
            _, outline = self.styles.get(closing.entry or 0, ("", None))
            self.styles[closing.entry or 0] = (name, outline)

    def _end_flow(self, flow: _Flow) -> None:
        self._flush_flow(flow)
        if flow.kind == "textbox":
            parent = self.state.flow
            if parent is not None:
                parent.boxes.append(flow.items)
            return
        style = "footnote" if flow.kind == "footnote" else None
        key = "\n".join(i.text if isinstance(i, Para) else repr(i) for i in flow.items)
        if not key.strip() or (style is None and key in self.furniture_seen):
            return
        self.furniture_seen.add(key)
        furniture_blocks(flow.items, self.furniture, style)

    def _flush_flow(self, flow: _Flow) -> None:
        if flow.parts or flow.label_parts:
            self._end_paragraph(flow, 0)
        flow.close_tables(0)

    def finish(self) -> tuple[list[Item], list[Block]]:
        self._flush()
        self._flush_flow(self.body)
        return self.body.items, self.furniture


def _set(attr: str, on_value: object = True):  # noqa: ANN202 - a small handler factory
    def handler(reader: _RtfReader, param: int | None) -> None:
        setattr(reader.state, attr, on_value if param != 0 else False)
    return handler


def _set_int(attr: str):  # noqa: ANN202
    def handler(reader: _RtfReader, param: int | None) -> None:
        setattr(reader.state, attr, param)
    return handler


def _codepage_word(reader: _RtfReader, param: int | None) -> None:
    if param:
        reader.codepage = param


def _default_charset(name: str):  # noqa: ANN202
    def handler(reader: _RtfReader, _param: int | None) -> None:
        reader.codepage = DEFAULT_CODEPAGES[name]
    return handler


def _deff(reader: _RtfReader, param: int | None) -> None:
    reader.default_font = param
    if reader.state.font is None:
        reader.state.font = param


def _uc(reader: _RtfReader, param: int | None) -> None:
    reader.state.uc = param if param is not None else 1


def _u(reader: _RtfReader, param: int | None) -> None:
    reader._unicode(param or 0)


def _label(reader: _RtfReader, _param: int | None) -> None:
    reader.state.dest = "label"


def _nesttableprops(reader: _RtfReader, _param: int | None) -> None:
    reader.state.nested_props = True


def _intbl(reader: _RtfReader, _param: int | None) -> None:
    reader.state.intbl = True


_HANDLERS = {
    "par": _RtfReader._paragraph, "sect": _RtfReader._paragraph, "pard": _RtfReader._pard,
    "plain": _RtfReader._plain, "cell": _RtfReader._cell, "nestcell": _RtfReader._nestcell,
    "row": _RtfReader._row, "nestrow": _RtfReader._nestrow, "trowd": _RtfReader._trowd,
    "cellx": _RtfReader._cellx, "trleft": _RtfReader._trleft,
    "clmgf": lambda r, p: r._merge(True, Merge.START), "clmrg": lambda r, p: r._merge(True, Merge.CONTINUE),
    "clvmgf": lambda r, p: r._merge(False, Merge.START), "clvmrg": lambda r, p: r._merge(False, Merge.CONTINUE),
    "fonttbl": _RtfReader._fonttbl, "stylesheet": _RtfReader._stylesheet, "info": _RtfReader._info,
    "f": _RtfReader._font, "fcharset": _RtfReader._fcharset, "cpg": _RtfReader._cpg, "s": _RtfReader._style,
    "outlinelevel": _RtfReader._outlinelevel,
    "intbl": _intbl, "itap": _set_int("itap"), "ls": _set_int("ls"), "ilvl": _set_int("ilvl"),
    "v": _set("hidden"), "deleted": _set("deleted"),
    "ansicpg": _codepage_word, "ansi": _default_charset("ansi"), "mac": _default_charset("mac"),
    "pc": _default_charset("pc"), "pca": _default_charset("pca"), "deff": _deff,
    "uc": _uc, "u": _u, "listtext": _label, "pntext": _label, "nesttableprops": _nesttableprops,
}


# Every control word the reader acts on; the others are skipped in runs (see rtf_tokens).
_MEANINGFUL = frozenset(_HANDLERS) | frozenset(TEXT_WORDS) | SKIPPED | READ_STARRED | FURNITURE | NOTES | {
    "shptxt", "bin"}
_FAST_TOKEN = fast_token_pattern(_MEANINGFUL)


def read_rtf(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Read an RTF file. Raises :class:`DocumentError`."""
    start = data.find(b"{\\rtf")
    if start < 0 or start > 16:
        raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, "not an RTF document")
    if b"\x00" in data and b"\\bin" not in data:
        # RTF is 7-bit text; NUL bytes outside \bin data mean binary content under an RTF header.
        raise DocumentError(ErrorCode.BINARY_CONTENT, "binary data under an RTF header")
    reader = _RtfReader(data[start:].decode("latin-1"), limits)
    try:
        reader.read()
        items, furniture = reader.finish()
    except RecursionError as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "the document is nested too deeply to read") from exc
    sink = BlockSink()
    sink.add(items)
    issues = [ReadIssue(code=code, message=_ISSUE_MESSAGES.get(code, code).format(n=n))
              for code, n in sorted(reader.issues.items())]
    logger.debug("read RTF: %d blocks, %d furniture blocks", len(sink.blocks), len(furniture))
    return Document(format="rtf", blocks=sink.blocks, furniture=furniture, warnings=issues,
                    encoding=f"cp{reader.codepage}")


_ISSUE_MESSAGES = {
    "truncated": "the RTF data ends before its last group is closed; the text up to there was read",
    "undecodable_text": "{n} run(s) of text were not valid in their code page and contain U+FFFD",
}
