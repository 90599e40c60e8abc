"""DOCX reader: WordprocessingML package -> :class:`~jdx.schemas.document.Document`.

The XML is walked here directly with lxml. python-docx's document API loses what a
岗位说明书 depends on: automatic numbering labels, content controls, text boxes and tracked
insertions; ``row.cells`` repeats merged cells and is ~10x slower on a 139-role
compilation. Its package loader is not used either (see :class:`_Package`): it fails on
dangling relationships that Word tolerates. Only the parts the reader needs are read —
document, styles, numbering, headers and footers — after the zip-bomb checks, and what it
never looks at is cut from them before they are parsed (latent, table and character styles;
run and layout formatting in the document, headers and footers: see _story_to_read).

Reading rules, each matching what Word displays:

* tracked changes read as accepted (``w:ins``/``w:moveTo`` kept, ``w:del``/``w:moveFrom``
  dropped, deleted rows dropped; a deleted paragraph mark joins the paragraph to the next);
* complex fields show their result, never their instruction text;
* ``mc:AlternateContent`` is read through its ``mc:Choice`` only, so a DrawingML text box
  and its VML fallback copy are read once; text-box paragraphs follow their anchor;
* numbering labels are computed (:mod:`.docx_numbering`) and kept out of the text;
* a table is one TABLE block; merged cells appear once with row/col spans and nested
  tables follow their parent as separate blocks that point back at their cell;
* headers and footers go to ``Document.furniture``, never into the body.
"""

from __future__ import annotations

import functools
import io
import logging
import posixpath
import re
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from lxml import etree
from pydantic import TypeAdapter

from ..schemas.document import Block, BlockKind, Cell, Document, ReadIssue
from . import collector
from .docx_numbering import W_VAL, NumberingCounters, NumberingDefinitions, W
from .errors import DocumentError, ErrorCode
from .flow import Para as _Para
from .limits import DEFAULT_LIMITS, Limits
from .options import DEFAULT_OPTIONS, ReadOptions
from .safexml import parse_part, safe_parser
from .symbols import symbol_char
from .walked_blocks import BlockSink, TableData, furniture_lines, one_table_deeper

logger = logging.getLogger(__name__)

# ----------------------------------------------------------------------------- names

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
STRICT_W = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
STRICT_RT = "http://purl.oclc.org/ooxml/officeDocument/relationships/"

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RT + "officeDocument"
RT_STYLES, RT_NUMBERING, RT_HEADER, RT_FOOTER = _RT + "styles", _RT + "numbering", _RT + "header", _RT + "footer"

W_BODY, W_P, W_R, W_T = W + "body", W + "p", W + "r", W + "t"
W_TBL, W_TR, W_TC = W + "tbl", W + "tr", W + "tc"
W_PPR, W_RPR, W_TRPR, W_TCPR = W + "pPr", W + "rPr", W + "trPr", W + "tcPr"
W_TAB, W_TABS, W_PTAB, W_BR, W_CR = W + "tab", W + "tabs", W + "ptab", W + "br", W + "cr"
W_NOBREAKHYPHEN, W_SYM, W_CHAR, W_FONT = W + "noBreakHyphen", W + "sym", W + "char", W + "font"
W_FLDCHAR, W_FLDCHARTYPE = W + "fldChar", W + "fldCharType"
W_SDT, W_SDTPR, W_SDTCONTENT, W_SHOWINGPLCHDR = W + "sdt", W + "sdtPr", W + "sdtContent", W + "showingPlcHdr"
W_CUSTOMXML, W_SMARTTAG, W_HYPERLINK, W_FLDSIMPLE = W + "customXml", W + "smartTag", W + "hyperlink", W + "fldSimple"
W_INS, W_DEL, W_MOVETO, W_MOVEFROM = W + "ins", W + "del", W + "moveTo", W + "moveFrom"
W_DIR, W_BDO = W + "dir", W + "bdo"
W_DRAWING, W_PICT, W_OBJECT = W + "drawing", W + "pict", W + "object"
W_RUBY, W_RUBYBASE, W_TXBXCONTENT, W_ALTCHUNK = W + "ruby", W + "rubyBase", W + "txbxContent", W + "altChunk"
W_FOOTNOTEREF, W_ENDNOTEREF = W + "footnoteReference", W + "endnoteReference"
W_VANISH = W + "vanish"
W_PSTYLE, W_NUMPR, W_NUMID, W_ILVL, W_OUTLINELVL = W + "pStyle", W + "numPr", W + "numId", W + "ilvl", W + "outlineLvl"
W_GRIDSPAN, W_VMERGE, W_HMERGE = W + "gridSpan", W + "vMerge", W + "hMerge"
W_GRIDBEFORE, W_GRIDAFTER, W_TBLGRID, W_GRIDCOL = W + "gridBefore", W + "gridAfter", W + "tblGrid", W + "gridCol"
W_HEADERREF, W_FOOTERREF = W + "headerReference", W + "footerReference"
W_STYLE, W_NAME, W_BASEDON = W + "style", W + "name", W + "basedOn"
MC_ALTERNATECONTENT, MC_CHOICE, MC_FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
M_OMATH, M_OMATHPARA, M_T = M + "oMath", M + "oMathPara", M + "t"
A_GRAPHICDATA = A + "graphicData"

# Inline wrappers whose content is shown as-is (tracked insertions, links, smart tags ...).
_TRANSPARENT_INLINE = frozenset({W_INS, W_MOVETO, W_HYPERLINK, W_SMARTTAG, W_CUSTOMXML, W_FLDSIMPLE, W_DIR, W_BDO})

# Paragraphs whose text is anything but the concatenation of their w:t: they contain
# deletions, fields, drawings, placeholders, hidden runs, tabs or breaks. They are found in
# the one pass of _PropertyIndex and walked in full; the others are read by itertext.
_NEEDS_FULL_WALK = (
    W_DEL, W_MOVEFROM, W_FLDCHAR, MC_ALTERNATECONTENT, W_DRAWING, W_PICT, W_OBJECT, W_RUBY, W_SYM,
    W_SHOWINGPLCHDR, W_FOOTNOTEREF, W_ENDNOTEREF, W_TXBXCONTENT, M_OMATH, M_OMATHPARA, W_VANISH,
    W_TAB, W_PTAB, W_BR, W_CR, W_NOBREAKHYPHEN,
)
_FULL_WALK_TAGS = frozenset(_NEEDS_FULL_WALK)
# Full-walk tags that are also properties: hidden runs, deleted paragraph marks and rows.
_MARKER_TAGS = frozenset({W_VANISH, W_DEL, W_MOVEFROM})

# Block-level elements other than w:p that the walk looks into (or counts).
_BLOCK_LEVEL = frozenset({W_TBL, W_SDT, W_CUSTOMXML, MC_ALTERNATECONTENT, W_ALTCHUNK})

# Properties collected for the whole part in one pass (see _PropertyIndex), and the
# block-level elements whose parents cannot be read as plain rows of cells of paragraphs.
_INDEXED_TAGS = tuple(
    {
        W_PSTYLE, W_NUMPR, W_OUTLINELVL, W_GRIDSPAN, W_VMERGE, W_HMERGE, W_GRIDBEFORE, W_GRIDAFTER,
        W_HEADERREF, W_FOOTERREF, *_NEEDS_FULL_WALK, *_BLOCK_LEVEL,
    }
)
_FALSE_VALUES = frozenset({"0", "false", "off"})

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_HEADING_ID = re.compile(r"^(?:Heading|heading)?([1-9])$")

# Members above this size are checked for an implausible compression ratio; smaller ones
# cannot hurt whatever their ratio.
_RATIO_CHECK_MIN_BYTES = 1 << 20
# Zip local file headers (APPNOTE 4.3.7): a fixed 30 bytes, then the name and the extra field.
_LOCAL_HEADER_MAGIC, _LOCAL_HEADER_SIZE = b"PK\x03\x04", 30
_LOCAL_FLAGS, _LOCAL_NAME_AND_EXTRA = struct.Struct("<H"), struct.Struct("<HH")
# Encrypted (bit 0), compressed patched data (bit 5), strong encryption (bit 6).
_UNPLAIN_FLAGS = 0x1 | 0x20 | 0x40
_MAX_GRID_COLUMNS = 63
# What _grid_value gives (at least 1) for the gridSpan values Word writes: ~50 a one-role card,
# ~10,000 a compilation, each a call, a parse and two clamps otherwise.
_PLAIN_SPANS = {str(n): n for n in range(1, _MAX_GRID_COLUMNS + 1)}


# ----------------------------------------------------------------------------- model




# A paragraph with no label, level, style or heading is kept as its bare text: most
# paragraphs of a form are, and a str costs nothing to make or to read back.
_Item = str | _Para | TableData


# A cell being placed on the grid, as a plain list: [first row, column, colspan, lines, last
# row]. Merge continuations extend it; it becomes a Cell once the table is read. A list is
# the cheapest mutable record to make (a 139-role compilation has ~11,000 cells).
_CellBuilder = list[Any]
_FIRST_ROW, _COL, _COLSPAN, _LINES, _LAST_ROW = range(5)


def _built(cells: list[_CellBuilder]) -> list[Cell]:
    # One validation of a list of plain dicts: ~0.8 µs a cell against ~1.2 µs for Cell(...)
    # each (the model's Python __init__ per call); the same Cells, every field set.
    return _cell_list_validator()(
        [
            {"row": row, "col": col, "rowspan": last_row - row + 1, "colspan": colspan, "text": "\n".join(lines)}
            for row, col, colspan, lines, last_row in cells
        ]
    )


@functools.cache
def _cell_list_validator() -> Callable[[list[dict[str, Any]]], list[Cell]]:
    """Validates a list of cell dicts into Cells; built on first use (a schema build costs ~ms)."""
    return TypeAdapter(list[Cell]).validate_python


@dataclass(frozen=True)
class _StyleInfo:
    name: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None
    heading_level: int | None


# ----------------------------------------------------------------------------- helpers


def _int(value: str | None, default: int) -> int:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _opt_int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def _val(parent: etree._Element | None, tag: str) -> str | None:
    if parent is None:
        return None
    child = parent.find(tag)
    return None if child is None else child.get(W_VAL)


def _on(element: etree._Element | None) -> bool:
    """An OOXML toggle property (``<w:vanish/>`` is on, ``<w:vanish w:val="0"/>`` is off)."""
    return element is not None and element.get(W_VAL) not in _FALSE_VALUES


def _choice(alternate: etree._Element) -> etree._Element | None:
    """The branch of mc:AlternateContent to read: the first Choice, the Fallback only without one."""
    choice = alternate.find(MC_CHOICE)
    return choice if choice is not None else alternate.find(MC_FALLBACK)


def _outermost(root: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Descendants with ``tag`` not inside another one (and never inside an mc:Fallback)."""
    for child in root:
        if not isinstance(child.tag, str):
            continue
        if child.tag == tag:
            yield child
        elif child.tag != MC_FALLBACK:
            yield from _outermost(child, tag)


def _symbol_text(sym: etree._Element) -> str:
    try:
        code = int(sym.get(W_CHAR) or "", 16)
    except ValueError:
        return ""
    return symbol_char(sym.get(W_FONT), code)


# ----------------------------------------------------------------------------- package


def guard_zip(data: bytes, limits: Limits, archive: zipfile.ZipFile | None = None) -> ZipMembers:
    """The package's XML members, after the zip-bomb checks that need no inflating.

    Declared sizes are checked for every member before anything is inflated: their sum, and
    the compression ratio of large members. The inflated bytes are counted too, with a hard
    cap, because declared sizes can lie (see :class:`ZipMembers`); only the members the reader
    parses are ever inflated, each once. ``archive`` is ``data`` already opened (by sniffing).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data)) if archive is None else archive
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"not a readable zip package: {exc}") from exc
    declared = sum(info.file_size for info in infos)
    if declared > limits.max_unzipped_bytes:
        raise DocumentError(
            ErrorCode.ZIP_BOMB,
            f"the package declares {declared:,} bytes uncompressed, above {limits.max_unzipped_bytes:,}",
        )
    for info in infos:
        if info.file_size >= _RATIO_CHECK_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise DocumentError(
                    ErrorCode.ZIP_BOMB, f"member {info.filename!r} inflates {ratio:,.0f}x to {info.file_size:,} bytes"
                )
    return ZipMembers(archive, infos, limits.max_unzipped_bytes, data)


class ZipMembers:
    """The XML members of a zip package by name, each inflated when first read.

    Media, themes, settings and the like are never inflated: a one-role form has a dozen
    members, of which the reader parses five. What is inflated counts against
    ``max_unzipped_bytes`` whatever the sizes declared, so a member that lies about its size
    stops there (or fails its CRC at the size it declares).
    """

    def __init__(self, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], max_bytes: int,
                 data: bytes | None = None) -> None:
        self._archive = archive
        self._data = data  # the package's bytes, for the direct inflate (see _inflated)
        # A name written twice is read from its last entry, as a dict of the entries would.
        self._infos = {info.filename: info for info in infos if info.filename.lower().endswith((".xml", ".rels"))}
        self._max_bytes = self._budget = max_bytes

    def names(self) -> list[str]:
        return list(self._infos)

    def read(self, name: str) -> bytes:
        info = self._infos[name]
        data = self._inflated(info)
        if data is not None:
            self._budget -= len(data)
            return data
        try:
            with self._archive.open(info) as member:
                data = member.read(self._budget + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
            # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method
            raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged zip member: {exc}") from exc
        self._budget -= len(data)
        if self._budget < 0:
            raise DocumentError(ErrorCode.ZIP_BOMB, f"the package inflates beyond {self._max_bytes:,} bytes")
        return data

    def _inflated(self, info: zipfile.ZipInfo) -> bytes | None:
        """A member inflated straight from the package's bytes, or ``None`` to leave it to
        zipfile: ~9 µs less per member than ``ZipFile.open`` (a one-role card reads five).
        Only the plain case is taken, and its answer only when it is exactly the member —
        within the budget, of the declared size, with the declared CRC; anything else (an
        encrypted, patched or oddly compressed member, a local header that disagrees with
        the directory, a damaged stream) goes the general way, which says what is wrong."""
        data = self._data
        if data is None or info.flag_bits & _UNPLAIN_FLAGS or info.file_size > self._budget:
            return None
        at = info.header_offset
        header = data[at:at + _LOCAL_HEADER_SIZE]
        if len(header) < _LOCAL_HEADER_SIZE or not header.startswith(_LOCAL_HEADER_MAGIC):
            return None
        flags = _LOCAL_FLAGS.unpack_from(header, 6)[0]
        name_length, extra_length = _LOCAL_NAME_AND_EXTRA.unpack_from(header, 26)
        start = at + _LOCAL_HEADER_SIZE
        # decoded as zipfile decodes it: by the local header's UTF-8 flag
        name = data[start:start + name_length].decode("utf-8" if flags & 0x800 else "cp437", "replace")
        if name != info.orig_filename:
            return None
        start += name_length + extra_length
        stream = data[start:start + info.compress_size]
        if info.compress_type == zipfile.ZIP_DEFLATED:
            try:
                out = zlib.decompressobj(-15).decompress(stream, info.file_size + 1)
            except zlib.error:
                return None
        elif info.compress_type == zipfile.ZIP_STORED:
            out = stream
        else:
            return None
        return out if len(out) == info.file_size and zlib.crc32(out) == info.CRC else None


class _Part:
    """One package part: a zip member name and a handle on the package it belongs to."""

    def __init__(self, package: _Package, name: str) -> None:
        self._package = package
        self.name = name

    def root(self) -> etree._Element:
        return self._package.root(self.name)

    def styles_root(self) -> etree._Element:
        """The root of a styles part, parsed without what the reader ignores (see _styles_to_read)."""
        return self._package.root(self.name, _styles_to_read)

    def story_root(self) -> etree._Element:
        """The root of the document or a header or footer, parsed without the formatting the
        reader never reads (see _story_to_read)."""
        return self._package.root(self.name, _story_to_read)

    def related(self, reltype: str) -> list[tuple[str, _Part]]:
        """(rId, part) of this part's internal relationships of one type, in file order."""
        return self._package.related(self.name, reltype)


class _Package:
    """The OPC package: zip members reached through ``_rels`` relationship files.

    Deliberately not python-docx's package loader: it loads *every* related part and fails
    on a single dangling relationship ("There is no item named 'word/NULL' in the archive",
    python-docx issues #678, #797, #1351), which add-ins and converters leave in documents
    Word opens without complaint. Here only the parts the reader needs are read, and a
    relationship to a missing member is skipped.
    """

    def __init__(self, members: ZipMembers) -> None:
        self._members = members
        names = members.names()
        self._names = set(names)
        # Part names are case-insensitive in OPC; zip member names are not.
        self._by_lower = {name.lower(): name for name in names}
        self._rels: dict[str, list[tuple[str, str, str]]] = {}
        # Parsed parts. Parts point at the package, never the other way round: without a
        # reference cycle a 100+ MB tree is freed as soon as the read ends, not at the next
        # full garbage collection.
        self._roots: dict[str, etree._Element] = {}

    def root(self, name: str, trim: Callable[[bytes], bytes] | None = None) -> etree._Element:
        """A part's root element, parsed once; ``trim`` cuts what the reader never looks at."""
        root = self._roots.get(name)
        if root is None:
            data = self._members.read(name)
            trimmed = trim(data) if trim else data
            try:
                root = parse_part(trimmed, name, _SAFE_PARSER)
            except DocumentError:
                if trimmed is data:
                    raise
                root = parse_part(data, name, _SAFE_PARSER)  # the part's own error, where it is
            self._roots[name] = root
        return root

    def member(self, name: str) -> str | None:
        return name if name in self._names else self._by_lower.get(name.lower())

    def part(self, name: str) -> _Part | None:
        member = self.member(name)
        return None if member is None else _Part(self, member)

    def related(self, source: str, reltype: str) -> list[tuple[str, _Part]]:
        out = []
        for rid, kind, target in self.relationships(source):
            part = self.part(target) if kind == reltype else None
            if part is not None:
                out.append((rid, part))
        return out

    def relationships(self, source: str) -> list[tuple[str, str, str]]:
        """(rId, type, target member name) of a part's internal relationships; "" is the package."""
        if source not in self._rels:
            folder, _, filename = source.rpartition("/")
            rels_name = self.member(f"{folder}/_rels/{filename}.rels" if folder else f"_rels/{filename}.rels")
            rels: list[tuple[str, str, str]] = []
            if rels_name is not None:
                for rel in self.root(rels_name):
                    target = rel.get("Target")
                    if target is None or rel.get("TargetMode") == "External":
                        continue
                    rels.append((rel.get("Id", ""), rel.get("Type", ""), _resolve_target(folder, target)))
            self._rels[source] = rels
        return self._rels[source]


_LATENT_STYLES_OPEN, _LATENT_STYLES_CLOSE = b"<w:latentStyles", b"</w:latentStyles>"
_LSD_EXCEPTION = b"<w:lsdException"
# Styles of the types the reader never looks at, as Word and python-docx write their start tag.
_IGNORED_STYLE_OPENS = (b'<w:style w:type="table"', b'<w:style w:type="character"')
_STYLE_OPEN, _STYLE_CLOSE = b"<w:style", b"</w:style>"


def _styles_to_read(data: bytes) -> bytes:
    """styles.xml without what the reader never looks at, when that is written as Word writes it.

    The reader looks at paragraph and numbering ``w:style`` elements only. Latent styles (how
    Word would show a built-in style the document has not defined yet) are ~90% of the part
    Word writes, table styles ~90% of the one python-docx writes; cutting them makes the part
    up to 10x cheaper to parse. Cuts are made by bytes, only in a UTF-8 part made of
    elements and text alone (no comment, CDATA section, processing instruction or DOCTYPE
    after the XML declaration, none of which Word writes there) and only where the bytes can
    be nothing but the one element cut (see _is_latent_styles, _cut_styles): the styles the
    reader uses parse exactly as before (UTF-8 never uses an ASCII byte inside a character).
    """
    if not _is_plain_utf8_markup(data):
        return data
    data = _cut_latent_styles(data)
    for opening in _IGNORED_STYLE_OPENS:
        data = _cut_styles(data, opening)
    return data


def _is_plain_utf8_markup(data: bytes) -> bool:
    """UTF-8 (by default or as declared), and nothing but elements and text after the XML declaration."""
    text = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if not text.startswith(b"<") or text[1:2] == b"\x00":  # UTF-16 or UTF-32
        return False
    start = 0
    if text.startswith(b"<?xml"):
        start = text.find(b"?>") + 2
        declaration = text[:start].lower()
        if b"encoding" in declaration and b"utf-8" not in declaration:
            return False
    return not _has_markup_pair(text, b"!", start) and not _has_markup_pair(text, b"?", start)


def _has_markup_pair(text: bytes, second: bytes, start: int) -> bool:
    """Whether ``<`` followed by ``second`` occurs from ``start``: ``text.find(b"<" + second)``,
    found from the rare second byte (``<`` opens every tag, so a search for the pair checks
    each of them: ~30 µs on a 29 kB styles part, against under 1 µs)."""
    at = text.find(second, start + 1)
    while at >= 0:
        if text[at - 1] == 0x3C:  # "<"
            return True
        at = text.find(second, at + 1)
    return False


def _cut_latent_styles(data: bytes) -> bytes:
    start = data.find(_LATENT_STYLES_OPEN)
    end = data.find(_LATENT_STYLES_CLOSE, start) if start >= 0 else -1
    if end < 0:
        return data
    end += len(_LATENT_STYLES_CLOSE)
    return data[:start] + data[end:] if _is_latent_styles(data[start:end]) else data


def _is_latent_styles(region: bytes) -> bool:
    """Every tag in ``region`` is its w:latentStyles start or end tag or an empty
    w:lsdException (each ``<`` and ``/`` is counted): no other element is inside."""
    exceptions = region.count(_LSD_EXCEPTION)
    return (
        region[len(_LATENT_STYLES_OPEN)] in b" \t\r\n>"
        and region.isascii()
        and region.count(b"<") == exceptions + 2
        and region.count(b"/") == exceptions + 1
    )


def _cut_styles(data: bytes, opening: bytes) -> bytes:
    """``data`` without the w:style elements that start with ``opening``. From such a start
    tag to the first ``</w:style>`` after it is that one element when no other w:style starts
    in between (a self-closed start tag would run into the next style)."""
    kept: list[bytes] = []
    pos = 0
    while (start := data.find(opening, pos)) >= 0:
        end = data.find(_STYLE_CLOSE, start)
        if end < 0:
            break
        end += len(_STYLE_CLOSE)
        kept.append(data[pos:start] if data.count(_STYLE_OPEN, start, end) == 1 else data[pos:end])
        pos = end
    if not kept:
        return data
    kept.append(data[pos:])
    return b"".join(kept)


# Formatting elements the reader never reads (tests/extractors/test_docx_reader.py checks
# them against the tags it does): what a run looks like, and how a paragraph, cell or row is
# laid out. In the order Word writes them most, which is the order they (and their first letters) are tried in.
_RUN_FORMATTING = (
    "sz", "szCs", "rFonts", "spacing", "b", "bCs", "kern", "noProof", "color", "webHidden", "position", "rStyle",
    "lang", "u", "highlight", "w", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "shd", "vertAlign",
    "snapToGrid", "eastAsianLayout", "em", "bdr", "effect", "fitText", "rtl", "cs", "outline", "shadow", "emboss",
    "imprint",
)
_LAYOUT_FORMATTING = (
    "jc", "spacing", "tcW", "ind", "vAlign", "widowControl", "trHeight", "hideMark", "tblCellSpacing", "snapToGrid",
    "shd", "adjustRightInd", "autoSpaceDE", "autoSpaceDN", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
    "textAlignment", "keepNext", "keepLines", "contextualSpacing", "suppressAutoHyphens", "cantSplit", "noWrap",
    "textDirection",
)


def _name_alternation(names: tuple[str, ...]) -> bytes:
    """``names`` as one alternation grouped by their first letter (``s(?:zCs|pacing|z|…)|b(?:Cs)?…``):
    the engine tries a group's rest only after its letter, not each of ~36 names at each tag
    (~12% of the cut). The order inside a group does not matter: a name is followed by a space
    or ``/``, never a letter, so no name matches where another does."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    parts = [first + ("(?:" + "|".join(rests) + ")" if rests != [""] else "") for first, rests in groups.items()]
    return "(?:{})".format("|".join(parts)).encode()


# ``w:`` attributes as Word writes them: values quoted, without entity references or the
# control characters XML refuses; matched possessively (nothing in them is ever given back:
# ~20% faster), up to the empty element's end.
_EMPTY_ELEMENT_REST = rb'(?: w:[A-Za-z]++="[^"<&\x00-\x08\x0b\x0c\x0e-\x1f]*+")*+ ?/>'


def _empty_elements(names: tuple[str, ...]) -> bytes:
    """An empty ``w:`` element of one of ``names`` with ``w:`` attributes, as Word writes it."""
    return b"<w:" + _name_alternation(names) + _EMPTY_ELEMENT_REST


# A run of such elements, or of w:rPr holding nothing else, between two tags (the ">" before
# is kept, "<" after is looked at; the run, not possessive, gives back its last element when
# text follows it): without text on either side, taking them out changes no text node, and
# libxml2 keeps or drops the same blank ones, so the tree is the whole part's less elements
# the reader never reads. Written as ``><w:`` then the rest of one element, then more elements:
# the pattern's literal start lets the engine skip to each ``><w:`` rather than try at every
# ``>`` (~6%; the same cuts, byte for byte, on every story part of the corpus and tests).
_FORMATTING_ELEMENT_REST = (
    b"(?:rPr>(?:" + _empty_elements(_RUN_FORMATTING) + b")*+</w:rPr>|"
    + _name_alternation(_LAYOUT_FORMATTING) + _EMPTY_ELEMENT_REST + b")"
)
_FORMATTING = re.compile(b"><w:" + _FORMATTING_ELEMENT_REST + b"(?:<w:" + _FORMATTING_ELEMENT_REST + b")*(?=<)")
_W_DECLARATION = b'xmlns:w="' + W[1:-1].encode() + b'"'


def _story_to_read(data: bytes) -> bytes:
    """A story part (the document, a header or footer) without the formatting the reader
    never reads, when that is written as Word writes it.

    Run and layout properties are half the bytes and 60% of the elements of a part Word
    writes, and a parse costs about in proportion (139-role compilation: 11.8 MB and 327k
    elements parse in ~180 ms; cut in ~60 ms, 5.8 MB and 132k elements parse in ~60 ms,
    and every later pass over the tree is shorter too). The cut is exact: it is made in a
    UTF-8 part of elements and text alone (see _is_plain_utf8_markup, so every ``<`` opens a
    tag), whose root binds ``w`` to WordprocessingML (see _w_is_wordprocessingml), and only
    between two tags (see _FORMATTING), so every text node is kept as it was. A part that
    does not parse is parsed again whole for its own error (see _Package.root). What the cut
    does not keep is a refusal by libxml2 of something inside what it takes: a repeated
    attribute, or nesting beyond 256 levels reached only by these elements; such a part is
    read rather than refused as corrupt.
    """
    if not _is_plain_utf8_markup(data) or not _w_is_wordprocessingml(data):
        return data
    return _FORMATTING.sub(b">", data)


def _w_is_wordprocessingml(data: bytes) -> bool:
    """The root element binds ``w`` to WordprocessingML (in a part of elements and text alone,
    the first tag after the XML declaration is the root's). Where a descendant binds ``w``
    again, what the cut takes there is in another namespace, which the reader does not read
    either; without the binding the cut could hide libxml2's refusal of an undefined prefix."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if data.startswith(b"<?xml", start):
        start = data.find(b"?>", start) + 2
    root_start = data.find(b"<", start)
    return root_start >= 0 and data.find(_W_DECLARATION, root_start, data.find(b">", root_start)) >= 0


@functools.lru_cache(maxsize=1024)
def _resolve_target(folder: str, target: str) -> str:
    """A relationship target as a zip member name (relative to the source part's folder).
    Remembered: documents name the same few targets (styles.xml, theme/theme1.xml …)."""
    target = unquote(target.replace("\\", "/")).split("#", 1)[0]
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/")


def _open_package(members: ZipMembers) -> _Part:
    """The main document part: the package's officeDocument relationship, else word/document.xml."""
    package = _Package(members)
    relationships = package.relationships("")
    for _, kind, target in relationships:
        if kind == RT_OFFICE_DOCUMENT:
            main = package.part(target)
            if main is not None:
                return main
    if any(kind.startswith(STRICT_RT) for _, kind, _ in relationships):
        raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, "Strict Open XML documents are not supported; save them as .docx")
    main = package.part("word/document.xml")  # some converters write no package relationships
    if main is None:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "the package has no main document part")
    return main


# Nothing is loaded, fetched or expanded and a DTD is refused: the XML comes from untrusted files.
_SAFE_PARSER = safe_parser(remove_blank_text=True)
# The text nodes of one w:t that has children (comments, processing instructions): all of
# them, where .text would stop at the first child.
_TEXT_NODES = etree.XPath("text()", smart_strings=False)


def _plain_text(p: etree._Element) -> str:
    """All w:t text of a paragraph, as XPath ``.//w:t/text()`` reads it: a C-level iter over
    its w:t with .text is ~15% cheaper than that XPath's call (13,700 paragraphs on the
    139-role compilation: ~47 -> ~40 ms); a w:t with any child node is read by XPath."""
    return "".join([(t.text or "") if not len(t) else "".join(_TEXT_NODES(t)) for t in p.iter(W_T)])


# ----------------------------------------------------------------------------- styles


class _Styles:
    """Paragraph-style lookups over styles.xml, resolved along ``w:basedOn`` and cached."""

    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, etree._Element] = {}
        self._cache: dict[str, _StyleInfo] = {}
        self.default_paragraph: str | None = None
        self.numbering_style_num_ids: dict[str, str] = {}  # for w:numStyleLink
        if root is None:
            return
        for style in root.iter(W_STYLE):
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            kind = style.get(W + "type", "paragraph")
            if kind == "paragraph":
                self._raw.setdefault(style_id, style)
                if style.get(W + "default") in ("1", "true", "on") and self.default_paragraph is None:
                    self.default_paragraph = style_id
            elif kind == "numbering":
                ppr = style.find(W_PPR)
                num_id = _val(ppr.find(W_NUMPR) if ppr is not None else None, W_NUMID)
                if num_id is not None:
                    self.numbering_style_num_ids[style_id] = num_id

    def info(self, style_id: str) -> _StyleInfo:
        cached = self._cache.get(style_id)
        if cached is None:
            cached = self._cache[style_id] = self._resolve(style_id)
        return cached

    def _resolve(self, style_id: str) -> _StyleInfo:
        """Walk the basedOn chain; the nearest style that sets a property wins."""
        name: str | None = None
        num_id: str | None = None
        ilvl: int | None = None
        outline: int | None = None
        heading: int | None = None
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen:
            style = self._raw.get(current)
            if style is None:
                if not seen:  # a pStyle naming a style that styles.xml lacks
                    heading = _heading_from_id(current)
                break
            style_name = _val(style, W_NAME)
            if not seen:
                name = style_name
            seen.add(current)
            ppr = style.find(W_PPR)
            numpr = ppr.find(W_NUMPR) if ppr is not None else None
            if numpr is not None:
                num_id = num_id if num_id is not None else _val(numpr, W_NUMID)
                ilvl = ilvl if ilvl is not None else _opt_int(_val(numpr, W_ILVL))
            if outline is None and ppr is not None:
                outline = _opt_int(_val(ppr, W_OUTLINELVL))
            if heading is None:
                match = _HEADING_NAME.match(style_name or "")
                if match:
                    heading = int(match.group(1)) - 1
                elif style_name is None:
                    heading = _heading_from_id(current)
            current = _val(style, W_BASEDON)
        return _StyleInfo(name=name, num_id=num_id, ilvl=ilvl, outline=outline, heading_level=heading)


def _heading_from_id(style_id: str) -> int | None:
    match = _HEADING_ID.match(style_id)
    return int(match.group(1)) - 1 if match else None


# ----------------------------------------------------------------------------- properties


class _PropertyIndex:
    """The few properties the reader needs, gathered for a whole part in one pass.

    One C-level ``iter`` over a handful of tags is far cheaper than looking into the pPr of
    every paragraph and the tcPr of every cell from Python (which creates a proxy object per
    child). Properties are keyed by the element that owns them; revision records
    (``w:pPrChange``, ``w:tcPrChange``: the state *before* a tracked change) are ignored
    because their grandparent is the change record, not the paragraph or cell.
    """

    def __init__(self, root: etree._Element) -> None:
        self.paragraph: dict[etree._Element, dict[str, etree._Element]] = {}
        self.span: dict[etree._Element, int] = {}  # w:tc -> its w:gridSpan, when it has one
        self.h_merged: set[etree._Element] = set()  # w:tc continuing a legacy horizontal merge
        self.v_merged: set[etree._Element] = set()  # w:tc continuing a vertical merge
        self.row: dict[etree._Element, dict[str, etree._Element]] = {}
        # Elements with a block-level child other than w:p (a table, content control,
        # customXml, mc:AlternateContent or altChunk): their rows, cells or paragraphs are
        # not plain children, so they take the general walk.
        self.mixed: set[etree._Element] = set()
        self.deleted_marks: set[etree._Element] = set()
        self.deleted_rows: set[etree._Element] = set()
        self.hidden_runs: set[etree._Element] = set()
        self.full_walk: set[etree._Element] = set()  # paragraphs the itertext shortcut would misread
        self.section_refs: list[str] = []  # header/footer rIds in document order
        span = self.span
        for el in root.iter(*_INDEXED_TAGS):
            tag = el.tag
            parent = el.getparent()
            if parent is None:
                continue
            ptag = parent.tag
            # The commonest two, first: a cell's width, and a tab stop (pPr/tabs/tab), which is
            # no tab in the text.
            if ptag == W_TCPR and tag == W_GRIDSPAN:
                owner = parent.getparent()
                if owner is not None and owner.tag == W_TC:
                    # the last of repeated ones wins; a plain "2" is looked up, not parsed
                    span[owner] = _PLAIN_SPANS.get(el.get(W_VAL)) or max(_grid_value(el, 1), 1)
                continue
            if ptag == W_TABS and tag == W_TAB:
                continue
            if tag in _BLOCK_LEVEL:
                self.mixed.add(parent)
                if tag != MC_ALTERNATECONTENT:  # which also needs the full walk in a paragraph
                    continue
            if tag in _FULL_WALK_TAGS:
                if ptag != W_TABS:  # pPr/tabs/tab is a tab stop, not a tab in the text
                    self._needs_full_walk(parent)
                if tag not in _MARKER_TAGS:
                    continue
            elif tag == W_HEADERREF or tag == W_FOOTERREF:
                rid = el.get(R_ID)
                if rid is not None and rid not in self.section_refs:
                    self.section_refs.append(rid)
                continue
            owner = parent.getparent()
            if owner is not None:
                self._add(tag, el, ptag, owner)

    def _add(self, tag: str, el: etree._Element, ptag: str, owner: etree._Element) -> None:
        otag = owner.tag
        if ptag == W_TCPR:
            if otag == W_TC:
                # The last of repeated properties wins, as in a dict of them.
                if tag == W_GRIDSPAN:
                    self.span[owner] = max(_grid_value(el, 1), 1)
                elif tag == W_HMERGE or tag == W_VMERGE:
                    merged = self.h_merged if tag == W_HMERGE else self.v_merged
                    if el.get(W_VAL) != "restart":
                        merged.add(owner)
                    else:
                        merged.discard(owner)
        elif ptag == W_PPR:
            if otag == W_P:
                self.paragraph.setdefault(owner, {})[tag] = el
        elif ptag == W_TRPR:
            if otag == W_TR:
                if tag == W_DEL:
                    self.deleted_rows.add(owner)
                else:
                    self.row.setdefault(owner, {})[tag] = el
        elif ptag == W_RPR:
            if tag == W_VANISH:
                if otag == W_R and _on(el):
                    self.hidden_runs.add(owner)
            elif otag == W_PPR:  # w:del / w:moveFrom on the paragraph mark
                paragraph = owner.getparent()
                if paragraph is not None and paragraph.tag == W_P:
                    self.deleted_marks.add(paragraph)

    def _needs_full_walk(self, el: etree._Element | None) -> None:
        while el is not None:
            if el.tag == W_P:
                self.full_walk.add(el)
                return
            el = el.getparent()


_NO_PROPS: dict[str, etree._Element] = {}


# ----------------------------------------------------------------------------- walking


class _Context:
    """Per-document state shared by all stories: styles, numbering definitions, warnings."""

    def __init__(self, styles: _Styles, numbering: NumberingDefinitions, limits: Limits = DEFAULT_LIMITS) -> None:
        self.styles = styles
        self.numbering = numbering
        self.limits = limits
        self.table_depth = 0  # tables open around the one being read (a table in a cell is 1)
        self.issues: Counter[str] = Counter()
        self.undefined_num_ids: set[str] = set()


class _Story:
    """Walks one story (the body, or one header/footer) in reading order."""

    def __init__(self, ctx: _Context, props: _PropertyIndex) -> None:
        self.ctx = ctx
        self.props = props
        self.counters = NumberingCounters(ctx.numbering)
        # Open complex fields, innermost last: True while still in the instruction part.
        self._fields: list[bool] = []
        self._in_instruction = False
        # Looked up once per paragraph: keep them one attribute access away.
        self._full_walk = props.full_walk
        self._deleted_marks = props.deleted_marks
        self._paragraph_props = props.paragraph
        default = ctx.styles.info(ctx.styles.default_paragraph) if ctx.styles.default_paragraph else None
        # Most paragraphs set no style, numbering or outline level: skip their lookups.
        self._default_is_plain = default is None or (
            default.num_id is None and default.outline is None and default.heading_level is None
        )

    # -- block level ------------------------------------------------------------

    def blocks(self, container: etree._Element) -> list[_Item]:
        items: list[_Item] = []
        carried: list[str] = []  # text of paragraphs whose mark was deleted
        self._blocks_into(container, items, carried)
        if carried:
            items.append("".join(carried))
        return items

    def _blocks_into(self, container: etree._Element, items: list[_Item], carried: list[str]) -> None:
        paragraph = self._paragraph
        for child in container:
            tag = child.tag
            if tag == W_P:
                paragraph(child, items, carried)
            elif tag not in _BLOCK_LEVEL:
                continue  # properties (w:tcPr, w:sectPr), bookmarks, proofing marks
            elif tag == W_TBL:
                if carried:
                    items.append("".join(carried))
                    carried.clear()
                items.append(self._table(child))
            elif tag == W_SDT:
                content = self._sdt_content(child)
                if content is not None:
                    self._blocks_into(content, items, carried)
            elif tag == W_CUSTOMXML:
                self._blocks_into(child, items, carried)
            elif tag == MC_ALTERNATECONTENT:
                branch = _choice(child)
                if branch is not None:
                    self._blocks_into(branch, items, carried)
            elif tag == W_ALTCHUNK:
                self.ctx.issues["alt_chunk_skipped"] += 1

    def _sdt_content(self, sdt: etree._Element) -> etree._Element | None:
        props = sdt.find(W_SDTPR)
        if props is not None and _on(props.find(W_SHOWINGPLCHDR)):
            # Still the placeholder prompt ("单击此处输入文字"): nobody filled it in.
            self.ctx.issues["placeholder_text_skipped"] += 1
            return None
        return sdt.find(W_SDTCONTENT)

    def _paragraph(self, p: etree._Element, items: list[_Item], carried: list[str]) -> None:
        boxes: list[etree._Element] = []
        if self._in_instruction or p in self._full_walk:
            parts: list[str] = []
            self._inline(p, parts, boxes)
            text = "".join(parts)
        else:  # nothing but runs of text: read in one C-level pass
            text = _plain_text(p)
        if p in self._deleted_marks:
            # Accepting the deletion of a paragraph mark joins this text to the next paragraph,
            # which keeps its own properties; the joined paragraph is numbered once.
            carried.append(text)
        else:
            if carried:
                text = "".join(carried) + text
                carried.clear()
            ppr = self._paragraph_props.get(p)
            items.append(text if ppr is None and self._default_is_plain else self._describe(ppr or _NO_PROPS, text))
        if boxes:
            for box in boxes:
                items.extend(self._text_box(box))

    def _describe(self, ppr: dict[str, etree._Element], text: str) -> _Para:
        styles = self.ctx.styles
        pstyle = ppr.get(W_PSTYLE)
        style_id = pstyle.get(W_VAL) if pstyle is not None else None
        # Without w:pStyle the document's default paragraph style applies.
        effective = style_id or styles.default_paragraph
        info = styles.info(effective) if effective else None
        para = _Para(text=text, style=(info.name or style_id) if info and style_id else style_id)

        outline_el = ppr.get(W_OUTLINELVL)
        outline = _opt_int(outline_el.get(W_VAL)) if outline_el is not None else None
        if outline is None and info is not None:
            outline = info.outline
        heading = outline if outline is not None and 0 <= outline <= 8 else None
        if outline is None and info is not None:
            heading = info.heading_level

        para.set_levels(self._number(ppr.get(W_NUMPR), style_id, info), heading)
        return para

    def _number(
        self, numpr: etree._Element | None, style_id: str | None, info: _StyleInfo | None
    ) -> tuple[str | None, int] | None:
        """(label, ilvl) of a numbered paragraph, advancing the counters; None if not numbered."""
        num_id: str | None = None
        ilvl: int | None = None
        if numpr is not None:
            num_id = _val(numpr, W_NUMID)
            ilvl = _opt_int(_val(numpr, W_ILVL))
        from_style = False
        if num_id is None and info is not None and info.num_id is not None:
            num_id, from_style = info.num_id, True
        if num_id is None or num_id.strip() in ("0", ""):
            return None  # numId 0 switches numbering off, also against the style
        if ilvl is None and info is not None and (from_style or info.num_id == num_id):
            ilvl = info.ilvl
        if ilvl is None and from_style and style_id:
            # A list attached to a style names the style on one of its levels (w:lvl/w:pStyle).
            ilvl = self.ctx.numbering.level_for_style(num_id, style_id)
        if self.ctx.numbering.resolve(num_id) is None:
            self.ctx.undefined_num_ids.add(num_id)
            return None
        ilvl = min(max(ilvl or 0, 0), 8)
        return self.counters.next_label(num_id, ilvl), ilvl

    def _text_box(self, content: etree._Element) -> list[_Item]:
        # A text box is a story of its own: a field cannot run into or out of it.
        saved = self._fields, self._in_instruction
        self._fields, self._in_instruction = [], False
        try:
            return self.blocks(content)
        finally:
            self._fields, self._in_instruction = saved

    # -- inline level -----------------------------------------------------------

    def _inline(self, parent: etree._Element, parts: list[str], boxes: list[etree._Element]) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self._run(child, parts, boxes)
            elif tag in _TRANSPARENT_INLINE:
                self._inline(child, parts, boxes)
            elif tag == W_SDT:
                content = self._sdt_content(child)
                if content is not None:
                    self._inline(content, parts, boxes)
            elif tag == MC_ALTERNATECONTENT:
                branch = _choice(child)
                if branch is not None:
                    self._inline(branch, parts, boxes)
            elif tag == M_OMATHPARA or tag == M_OMATH:
                if not self._in_instruction:
                    parts.extend(t.text or "" for t in child.iter(M_T))
            # w:del, w:moveFrom, w:pPr, bookmarks, comment ranges, proofing marks: nothing shown

    def _run(self, run: etree._Element, parts: list[str], boxes: list[etree._Element]) -> None:
        hidden = run in self.props.hidden_runs
        if hidden:
            self.ctx.issues["hidden_text_skipped"] += 1
        for child in run:
            tag = child.tag
            if tag == W_FLDCHAR:  # field structure counts even in hidden runs
                self._field_char(child.get(W_FLDCHARTYPE))
            elif self._in_instruction or hidden:
                continue
            elif tag == W_T:
                parts.append(child.text or "")
            elif tag == W_TAB or tag == W_PTAB:
                parts.append("\t")
            elif tag == W_BR or tag == W_CR:
                parts.append("\n")
            elif tag == W_NOBREAKHYPHEN:
                parts.append("-")
            elif tag == W_SYM:
                parts.append(_symbol_text(child))
            elif tag == W_DRAWING:
                self._drawing(child, boxes)
            elif tag == MC_ALTERNATECONTENT:
                branch = _choice(child)
                if branch is not None:
                    self._run(branch, parts, boxes)
            elif tag == W_PICT:
                self._vml(child, boxes)
            elif tag == W_OBJECT:
                self.ctx.issues["embedded_object_skipped"] += 1
            elif tag == W_RUBY:
                base = child.find(W_RUBYBASE)  # the annotated text, not its pronunciation guide
                if base is not None:
                    self._inline(base, parts, boxes)
            elif tag == W_FOOTNOTEREF or tag == W_ENDNOTEREF:
                self.ctx.issues["note_skipped"] += 1

    def _field_char(self, kind: str | None) -> None:
        fields = self._fields
        if kind == "begin":
            fields.append(True)
        elif kind == "separate":
            if fields:
                fields[-1] = False
        elif kind == "end":
            if fields:
                fields.pop()
        self._in_instruction = True in fields

    def _drawing(self, drawing: etree._Element, boxes: list[etree._Element]) -> None:
        found = list(_outermost(drawing, W_TXBXCONTENT))
        if found:
            boxes.extend(found)
            return
        graphic = next(drawing.iter(A_GRAPHICDATA), None)
        uri = (graphic.get("uri") or "") if graphic is not None else ""
        if uri.endswith("/diagram"):
            self.ctx.issues["smartart_skipped"] += 1
        elif "chart" in uri:
            self.ctx.issues["chart_skipped"] += 1
        else:
            self.ctx.issues["image_skipped"] += 1

    def _vml(self, pict: etree._Element, boxes: list[etree._Element]) -> None:
        found = list(_outermost(pict, W_TXBXCONTENT))
        if found:
            boxes.extend(found)
        elif any(isinstance(el.tag, str) and el.tag.endswith("}imagedata") for el in pict.iter()):
            self.ctx.issues["image_skipped"] += 1

    # -- tables -----------------------------------------------------------------

    def _table(self, tbl: etree._Element) -> TableData:
        """A table within the work bounds: nested at most ``max_nesting_depth`` deep, rows kept while
        the grid fits ``max_table_cells`` (else ``truncated``)."""
        with one_table_deeper(self.ctx):
            return self._table_in_bounds(tbl)

    def _table_in_bounds(self, tbl: etree._Element) -> TableData:
        grid = tbl.find(W_TBLGRID)
        grid_cols = len(grid.findall(W_GRIDCOL)) if grid is not None else 0
        cells: list[_CellBuilder] = []
        nested: list[tuple[int, int, TableData]] = []
        above: dict[int, _CellBuilder] = {}  # grid column -> the cell a vMerge below extends
        width = 0
        deleted_rows = self.props.deleted_rows
        all_rows = _rows(tbl) if tbl in self.props.mixed else tbl.iterchildren(W_TR)
        rows = [tr for tr in all_rows if tr not in deleted_rows]
        row_props = self.props.row
        max_cells = self.ctx.limits.max_table_cells
        for r, tr in enumerate(rows):
            if (r + 1) * max(width, grid_cols, 1) > max_cells:
                self.ctx.issues["truncated"] += 1
                rows = rows[:r]
                break
            trpr = row_props.get(tr, _NO_PROPS)
            col = _grid_value(trpr.get(W_GRIDBEFORE), 0) if trpr else 0
            in_this_row, col = self._row(tr, r, col, above, cells, nested)
            width = max(width, col + (_grid_value(trpr.get(W_GRIDAFTER), 0) if trpr else 0))
            above = in_this_row
        built = _built(cells)
        return TableData(
            n_rows=len(rows), n_cols=max(grid_cols, width), cells=built, nested=nested,
            chars=sum(len(c.text) for c in built),
        )

    def _row(self, tr: etree._Element, r: int, col: int, above: dict[int, _CellBuilder],
             cells: list[_CellBuilder], nested: list[tuple[int, int, TableData]]) -> tuple[dict[int, _CellBuilder], int]:
        """Place row ``r``'s cells from grid column ``col``: new cells go to ``cells``, merge
        continuations extend the cell above or on the left. Returns the row's cells by column
        and the column after its last cell."""
        props = self.props
        spans, h_merged, v_merged = props.span, props.h_merged, props.v_merged
        plain_lines = self._plain_lines
        in_this_row: dict[int, _CellBuilder] = {}
        left: _CellBuilder | None = None
        for tc in _cells(tr) if tr in props.mixed else tr.iterchildren(W_TC):
            span = spans.get(tc, 1)
            lines = plain_lines(tc)
            inner = None
            if lines is None:
                lines, inner = self._cell_content(tc)
            if h_merged and tc in h_merged and left is not None and left[_FIRST_ROW] == r:
                # Legacy horizontal merge: this slot belongs to the cell on its left.
                left[_COLSPAN] += span
                left[_LINES].extend(lines)
                if inner:
                    nested.extend((left[_FIRST_ROW], left[_COL], t) for t in inner)
                col += span
                continue
            anchor = above.get(col)
            # A continuation merges only into a cell of the same width: with mismatched
            # spans (damaged files) the merged area would overlap its neighbours.
            if anchor is not None and anchor[_COLSPAN] == span and tc in v_merged:
                anchor[_LAST_ROW] = r
                anchor[_LINES].extend(lines)  # Word hides such text; keep it rather than lose it
                if inner:
                    nested.extend((anchor[_FIRST_ROW], anchor[_COL], t) for t in inner)
                cell = anchor
            else:
                cell = [r, col, span, lines, r]
                cells.append(cell)
                if inner:
                    nested.extend((r, col, t) for t in inner)
            in_this_row[col] = cell
            left = cell
            col += span
        return in_this_row, col

    def _cell_content(self, tc: etree._Element) -> tuple[list[str], list[TableData]]:
        """The non-blank paragraphs of a cell that is not plain (see _plain_lines) as lines
        (numbering labels in front), and its nested tables."""
        lines: list[str] = []
        tables: list[TableData] = []
        for item in self.blocks(tc):
            if isinstance(item, str):
                if item.strip():
                    lines.append(item)
            elif isinstance(item, TableData):
                tables.append(item)
            elif item.text.strip():
                lines.append(item.line())
        return lines, tables


    def _plain_lines(self, tc: etree._Element) -> list[str] | None:
        """The non-blank lines of a cell that holds nothing but plain paragraphs — no
        numbering, style, deleted mark, field, tab or nested table, as in most cells of a
        form — read without the general walk; None for any other cell. Same lines as
        :meth:`blocks`, which reads a plain paragraph the same way and without side effects,
        so giving up half-way loses nothing."""
        if self._in_instruction or not self._default_is_plain or tc in self.props.mixed:
            return None
        full_walk, deleted_marks, paragraph_props = self._full_walk, self._deleted_marks, self._paragraph_props
        lines: list[str] = []
        for p in tc.iterchildren(W_P):
            if p in full_walk or p in deleted_marks or p in paragraph_props:
                return None
            text = _plain_text(p)
            if text.strip():
                lines.append(text)
        return lines


def _grid_value(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    # Word tables have at most 63 columns; a damaged gridSpan of 10**9 must not make a
    # billion-column grid for whoever calls Table.grid() later.
    return min(max(_int(element.get(W_VAL), default), 0), _MAX_GRID_COLUMNS)


def _wrapped(parent: etree._Element, wanted: str) -> Iterator[etree._Element]:
    """Children with tag ``wanted`` in order, through content-control, customXml and
    markup-compatibility wrappers (rows of a table, cells of a row)."""
    for child in parent:
        tag = child.tag
        if tag == wanted:
            yield child
        elif tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _wrapped(content, wanted)
        elif tag == W_CUSTOMXML:
            yield from _wrapped(child, wanted)
        elif tag == MC_ALTERNATECONTENT:
            branch = _choice(child)
            if branch is not None:
                yield from _wrapped(branch, wanted)


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    return _wrapped(tbl, W_TR)


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    return _wrapped(tr, W_TC)


# ----------------------------------------------------------------------------- output


def _furniture(items: list[_Item], out: list[Block]) -> None:
    """Header/footer content as plain paragraphs; a table gives one tab-separated line per row."""
    for item in items:
        if isinstance(item, str):
            if item.strip():
                out.append(Block(index=len(out), kind=BlockKind.PARAGRAPH, text=item))
        elif isinstance(item, TableData):
            for line in furniture_lines(item):
                out.append(Block(index=len(out), kind=BlockKind.PARAGRAPH, text=line))
        elif item.text.strip():
            out.append(Block(index=len(out), kind=BlockKind.PARAGRAPH, text=item.line()))


def _header_footer_parts(main: _Part, section_refs: list[str]) -> list[_Part]:
    """Header/footer parts in the order the section properties name them, then any others."""
    by_rid = dict(main.related(RT_HEADER) + main.related(RT_FOOTER))
    ordered = [rid for rid in section_refs if rid in by_rid]
    rest = sorted((rid for rid in by_rid if rid not in ordered), key=lambda rid: by_rid[rid].name)
    parts: list[_Part] = []
    for rid in ordered + rest:
        if all(by_rid[rid].name != part.name for part in parts):  # one part may serve several sections
            parts.append(by_rid[rid])
    return parts


_ISSUE_MESSAGES: dict[str, str] = {
    "image_skipped": "{n} image(s) without text were skipped",
    "smartart_skipped": "{n} SmartArt diagram(s) (e.g. an org chart) were not read",
    "chart_skipped": "{n} chart(s) were not read",
    "embedded_object_skipped": "{n} embedded OLE object(s) were not read",
    "alt_chunk_skipped": "{n} imported chunk(s) (w:altChunk, HTML/RTF inside the DOCX) were not read",
    "placeholder_text_skipped": "{n} content control(s) still showing their placeholder prompt were skipped",
    "hidden_text_skipped": "{n} hidden run(s) (w:vanish) were skipped",
    "note_skipped": "{n} footnote/endnote reference(s); the note text is not read",
    "truncated": "{n} table(s) above the cell bound kept only the rows that fit",
}


def _issues(ctx: _Context) -> list[ReadIssue]:
    issues = [
        ReadIssue(code=code, message=_ISSUE_MESSAGES.get(code, code + ": {n}").format(n=n))
        for code, n in sorted(ctx.issues.items())
    ]
    if ctx.undefined_num_ids:
        ids = ", ".join(sorted(ctx.undefined_num_ids))
        issues.append(
            ReadIssue(code="numbering_undefined", message=f"paragraphs use numId {ids}, missing from numbering.xml")
        )
    return issues


# ----------------------------------------------------------------------------- entry


def read_docx(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS, *,
              archive: zipfile.ZipFile | None = None) -> Document:
    """Read a DOCX. Raises :class:`DocumentError` for anything that is not a readable DOCX.
    ``archive``: ``data`` already opened as a zip archive."""
    main = _open_package(guard_zip(data, limits, archive))
    try:
        with collector.paused():
            return _read(main, limits)
    except RecursionError as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "the document is nested too deeply to read") from exc




def _read(main: _Part, limits: Limits) -> Document:
    root = main.story_root()
    if isinstance(root.tag, str) and root.tag.startswith(STRICT_W):
        raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, "Strict Open XML documents are not supported")
    styles_parts = main.related(RT_STYLES)
    numbering_parts = main.related(RT_NUMBERING)
    styles = _Styles(styles_parts[0][1].styles_root() if styles_parts else None)
    numbering = NumberingDefinitions(
        numbering_parts[0][1].root() if numbering_parts else None, styles.numbering_style_num_ids
    )
    ctx = _Context(styles, numbering, limits)

    props = _PropertyIndex(root)
    body = root.find(W_BODY)
    sink = BlockSink()
    if body is not None:
        sink.add(_Story(ctx, props).blocks(body))

    furniture: list[Block] = []
    for part in _header_footer_parts(main, props.section_refs):
        part_root = part.story_root()
        _furniture(_Story(ctx, _PropertyIndex(part_root)).blocks(part_root), furniture)

    if sink.chars > limits.max_text_chars:
        raise DocumentError(
            ErrorCode.TOO_LARGE, f"the document has {sink.chars:,} characters, above {limits.max_text_chars:,}"
        )
    logger.debug("read DOCX: %d blocks, %d furniture blocks", len(sink.blocks), len(furniture))
    return Document(format="docx", blocks=sink.blocks, furniture=furniture, warnings=_issues(ctx))
