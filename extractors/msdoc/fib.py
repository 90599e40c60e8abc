"""The File Information Block ([MS-DOC] 2.5): where every other structure of a ``.doc`` is.

Only what the text reader needs is kept: the flags (encryption, which table stream), the
character counts of the stories (``FibRgLw97``) and the offset/size pairs of the tables it
reads (``FibRgFcLcb97``). Their positions are counted from ``csw``/``cslw``/``cbRgFcLcb``
rather than assumed, so a FIB written by a later Word (longer arrays) reads the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from .binary import Malformed, i32, u16, u32

WORD_IDENT = 0xA5EC
# nFib of Word 97; Word 6/95 files (nFib 101-105) store text in another layout.
NFIB_WORD97 = 0x00C1
NFIB_WORD97_MIN = 0x00C0  # some Word 97 betas and converters write 0xC0

# Index of each (fc, lcb) pair in FibRgFcLcb97 that the reader uses.
FC_LCB_INDEX: dict[str, int] = {
    "Stshf": 1,
    "PlcffndTxt": 3,
    "PlcfHdd": 11,
    "PlcfBteChpx": 12,
    "PlcfBtePapx": 13,
    "SttbfFfn": 15,
    "Clx": 33,
    "PlcSpaMom": 40,
    "DggInfo": 50,
    "PlcftxbxTxt": 56,
    "PlfLst": 73,
    "PlfLfo": 74,
}

# Order of the stories in CP space ([MS-DOC] 2.3.1 ff.); FibRgLw97 index of each count.
STORY_COUNTS: tuple[tuple[str, int], ...] = (
    ("main", 3), ("footnotes", 4), ("headers", 5), ("macros", 6), ("comments", 7),
    ("endnotes", 8), ("textboxes", 9), ("header_textboxes", 10),
)


@dataclass(frozen=True)
class Fib:
    nfib: int
    encrypted: bool
    obfuscated: bool
    table_stream: str  # "0Table" or "1Table"
    key: int  # lKey: size of the encryption header, or the XOR verifier
    story_chars: dict[str, int]
    fc_lcb: dict[str, tuple[int, int]]

    def story_ranges(self) -> dict[str, tuple[int, int]]:
        """CP range ``[start, end)`` of each story."""
        ranges: dict[str, tuple[int, int]] = {}
        cp = 0
        for name, _ in STORY_COUNTS:
            n = self.story_chars[name]
            ranges[name] = (cp, cp + n)
            cp += n
        return ranges

    def location(self, name: str) -> tuple[int, int]:
        return self.fc_lcb.get(name, (0, 0))


@dataclass(frozen=True)
class FibBase:
    """The FIB's first 32 bytes, which encryption leaves in the clear."""

    nfib: int
    encrypted: bool
    obfuscated: bool
    table_stream: str  # "0Table" or "1Table"
    key: int  # lKey: size of the encryption header, or the XOR verifier


def parse_fib_base(word: bytes) -> FibBase:
    if u16(word, 0) != WORD_IDENT:
        raise Malformed("the WordDocument stream does not start with a Word FIB")
    flags = u16(word, 0x0A)
    return FibBase(
        nfib=u16(word, 2),
        encrypted=bool(flags & 0x0100),
        obfuscated=bool(flags & 0x8000),
        table_stream="1Table" if flags & 0x0200 else "0Table",
        key=u32(word, 0x0E),
    )


def parse_fib(word: bytes) -> Fib:
    """Parse the FIB at the start of the WordDocument stream. Raises :class:`Malformed`."""
    base = parse_fib_base(word)
    pos = 0x20
    csw = u16(word, pos)
    pos += 2 + 2 * csw
    cslw = u16(word, pos)
    lw_base = pos + 2
    pos = lw_base + 4 * cslw
    cb_rg_fc_lcb = u16(word, pos)
    fc_base = pos + 2
    story_chars = {}
    for name, index in STORY_COUNTS:
        value = i32(word, lw_base + 4 * index) if index < cslw else 0
        story_chars[name] = max(value, 0)
    fc_lcb = {}
    for name, index in FC_LCB_INDEX.items():
        if index < cb_rg_fc_lcb:
            fc_lcb[name] = (u32(word, fc_base + 8 * index), u32(word, fc_base + 8 * index + 4))
    return Fib(
        nfib=base.nfib,
        encrypted=base.encrypted,
        obfuscated=base.obfuscated,
        table_stream=base.table_stream,
        key=base.key,
        story_chars=story_chars,
        fc_lcb=fc_lcb,
    )
