"""The piece table ([MS-DOC] 2.4.1, 2.9.38 Clx): which bytes of the WordDocument stream hold
which characters.

A Word document's text is not stored in reading order: fast saves append edited pieces to
the end of the stream. The CLX in the table stream lists the pieces in CP (character
position) order, each with its file offset and width — 16-bit UTF-16 or "compressed"
8-bit (cp1252 with the spec's own mapping of 0x82-0x9F). The text of all stories is the
concatenation of the pieces; properties are looked up by file offset (FC), so each piece
also keeps where its characters are in the stream.
"""

from __future__ import annotations

import array
import bisect
import re
import sys
from dataclasses import dataclass

from ..errors import DocumentError, ErrorCode
from .binary import Malformed, i16, span, u8, u16, u32

# [MS-DOC] 2.9.73 FcCompressed: bytes mapped to other characters in 8-bit pieces; every
# other byte is the Unicode character of the same value.
_COMPRESSED_MAP = str.maketrans({
    0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021",
    0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160", 0x8B: "\u2039", 0x8C: "\u0152", 0x91: "\u2018",
    0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014",
    0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153", 0x9F: "\u0178",
})


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset of the first character in the WordDocument stream
    compressed: bool  # 1 byte a character instead of 2
    prm: int  # property modifier applied to the whole piece

    def fc_of(self, cp: int) -> int:
        return self.fc + (cp - self.cp_start) * (1 if self.compressed else 2)


@dataclass
class Clx:
    pieces: list[Piece]
    grpprls: list[bytes]  # the Prc property groups that Prm1 modifiers refer to


def parse_clx(table: bytes, fc: int, lcb: int) -> Clx:
    """Parse the CLX (``fcClx``/``lcbClx`` in the table stream). Raises :class:`Malformed`."""
    if lcb == 0:
        raise Malformed("the document has no piece table")
    clx = span(table, fc, lcb)
    pos = 0
    grpprls: list[bytes] = []
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property groups for Prm1
        size = i16(clx, pos + 1)
        if size < 0:
            raise Malformed("negative Prc size")
        grpprls.append(span(clx, pos + 3, size))
        pos += 3 + size
    if u8(clx, pos) != 0x02:
        raise Malformed("the CLX has no piece table (Pcdt)")
    size = u32(clx, pos + 1)
    plc = span(clx, pos + 5, size)
    n = (size - 4) // 12
    if n <= 0:
        raise Malformed("the piece table is empty")
    cps = [u32(plc, 4 * i) for i in range(n + 1)]
    pieces: list[Piece] = []
    for i in range(n):
        pcd = 4 * (n + 1) + 8 * i
        raw_fc = u32(plc, pcd + 2)
        compressed = bool(raw_fc & 0x40000000)
        fc = raw_fc & 0x3FFFFFFF
        if cps[i + 1] < cps[i]:
            raise Malformed("piece table positions out of order")
        pieces.append(Piece(cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed, u16(plc, pcd + 6)))
    return Clx(pieces, grpprls)


class Text:
    """All characters of the document by CP, with the FC of each one for property lookups."""

    def __init__(self, word: bytes, pieces: list[Piece], max_chars: int) -> None:
        total = pieces[-1].cp_end if pieces else 0
        if total > max_chars:
            raise DocumentError(ErrorCode.TOO_LARGE,
                                f"the document has {total:,} characters, above {max_chars:,}")
        parts: list[str] = []
        cp = 0
        kept: list[Piece] = []
        for piece in pieces:
            if piece.cp_start != cp:  # a gap or overlap: the table contradicts itself
                raise Malformed(f"piece at CP {piece.cp_start} does not follow CP {cp}")
            n = piece.cp_end - piece.cp_start
            width = 1 if piece.compressed else 2
            raw = span(word, piece.fc, n * width)  # a piece pointing past the end raises here
            parts.append(raw.decode("latin-1").translate(_COMPRESSED_MAP) if piece.compressed
                         else _utf16_units(raw))
            kept.append(piece)
            cp = piece.cp_end
        self.chars = "".join(parts)
        self.pieces = kept
        self._starts = [p.cp_start for p in kept]

    def piece_at(self, cp: int) -> Piece:
        return self.pieces[max(bisect.bisect_right(self._starts, cp) - 1, 0)]

    def fc_of(self, cp: int) -> int:
        return self.piece_at(cp).fc_of(cp)


def _utf16_units(raw: bytes) -> str:
    """One str character per UTF-16 code unit, so that CPs and string indexes agree; a
    surrogate pair stays two characters here and is joined in :func:`join_surrogates`."""
    text = raw.decode("utf-16-le", "surrogatepass")
    if len(text) * 2 == len(raw):
        return text
    units = array.array("H", raw)  # astral characters present (rare)
    if sys.byteorder == "big":
        units.byteswap()
    return "".join(map(chr, units))


def join_surrogates(text: str) -> str:
    """Join surrogate pairs into one character; a lone surrogate becomes U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
