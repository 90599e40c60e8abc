"""Word 97 list numbering ([MS-DOC] 2.9.147 LSTF, 2.9.150 LVL, 2.9.131 LFO) as the numbering
definitions of :mod:`..docx_numbering`, so one counter engine labels DOCX, DOC and RTF lists.

The binary structures map one to one onto WordprocessingML's: an LSTF (list, by ``lsid``) is
an ``abstractNum`` — its counters are shared by every paragraph that uses it — and an LFO is
a ``num`` instance whose LFOLVLs override start values or whole levels. A level's number
text (``xst``) holds the level placeholders as the characters U+0000-U+0008 at the offsets
``rgbxchNums`` names; they become ``%1``-``%9``. ``nfc`` codes are MSONFC values
([MS-OSHARED] 2.2.1.3), which name the same formats as ``w:numFmt``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..docx_numbering import MAX_LEVELS, LevelDef, NumDef
from .binary import Malformed, i32, span, u8, u16, u32
from .sprm import iter_sprms

# MSONFC value -> ST_NumberFormat name ([MS-OSHARED] 2.2.1.3).
NFC_FORMATS: dict[int, str] = {
    0x00: "decimal", 0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter", 0x04: "lowerLetter",
    0x05: "ordinal", 0x06: "cardinalText", 0x07: "ordinalText", 0x08: "hex", 0x09: "chicago",
    0x0A: "ideographDigital", 0x0B: "japaneseCounting", 0x0C: "aiueo", 0x0D: "iroha", 0x0E: "decimalFullWidth",
    0x0F: "decimalHalfWidth", 0x10: "japaneseLegal", 0x11: "japaneseDigitalTenThousand",
    0x12: "decimalEnclosedCircle", 0x13: "decimalFullWidth2", 0x14: "aiueoFullWidth", 0x15: "irohaFullWidth",
    0x16: "decimalZero", 0x17: "bullet", 0x18: "ganada", 0x19: "chosung", 0x1A: "decimalEnclosedFullstop",
    0x1B: "decimalEnclosedParen", 0x1C: "decimalEnclosedCircleChinese", 0x1D: "ideographEnclosedCircle",
    0x1E: "ideographTraditional", 0x1F: "ideographZodiac", 0x20: "ideographZodiacTraditional",
    0x21: "taiwaneseCounting", 0x22: "ideographLegalTraditional", 0x23: "taiwaneseCountingThousand",
    0x24: "taiwaneseDigital", 0x25: "chineseCounting", 0x26: "chineseLegalSimplified",
    0x27: "chineseCountingThousand", 0xFF: "none",
}
SPRM_C_RG_FTC0 = 0x4A4F  # the font of the number text: a bullet's symbol font
_LSTF_SIZE = 28
_LVLF_SIZE = 28
_LFO_SIZE = 16
_MAX_LISTS = 0x7FF0


def nfc_format(nfc: int) -> str:
    return NFC_FORMATS.get(nfc, "decimal")


def level_text(xst: str, placeholders: list[int]) -> str:
    """Number text with its placeholders (characters U+0000-U+0008 at the 1-based offsets
    ``placeholders``) written ``%1``-``%9``, as ``w:lvlText`` does."""
    out: list[str] = []
    at = set(placeholders)
    for i, ch in enumerate(xst, start=1):
        code = ord(ch)
        if i in at and code < MAX_LEVELS:
            out.append(f"%{code + 1}")
        elif code >= 0x20 or ch == "\t":
            out.append(ch)
    return "".join(out)


@dataclass
class ListDefinitions:
    """Duck-typed :class:`..docx_numbering.NumberingDefinitions` over a ``.doc``'s lists:
    ``num_id`` is the paragraph's ilfo (as a string), the counter key the list's lsid."""

    lists: dict[int, dict[int, LevelDef]] = field(default_factory=dict)  # lsid -> levels
    style_levels: dict[int, dict[int, int]] = field(default_factory=dict)  # lsid -> istd -> ilvl
    nums: dict[str, NumDef] = field(default_factory=dict)

    def has_num(self, num_id: str) -> bool:
        return num_id in self.nums

    def num(self, num_id: str) -> NumDef | None:
        return self.nums.get(num_id)

    def resolve(self, num_id: str) -> tuple[str, dict[int, LevelDef]] | None:
        num = self.nums.get(num_id)
        if num is None or num.abstract_id is None:
            return None
        levels = self.lists.get(int(num.abstract_id))
        if levels is None:
            return None
        merged = dict(levels)
        merged.update(num.level_overrides)
        return num.abstract_id, merged

    def level_for_style(self, num_id: str, istd: int) -> int | None:
        num = self.nums.get(num_id)
        if num is None or num.abstract_id is None:
            return None
        return self.style_levels.get(int(num.abstract_id), {}).get(istd)


def _parse_lvl(data: bytes, pos: int, ilvl: int, fonts: list[str]) -> tuple[LevelDef, int]:
    """(level, position after it) of an LVL at ``pos``."""
    lvlf = span(data, pos, _LVLF_SIZE)
    start = i32(lvlf, 0)
    nfc = lvlf[4]
    flags = lvlf[5]
    placeholders = [b for b in lvlf[6:15] if b]
    cb_chpx, cb_papx, restart_lim = lvlf[24], lvlf[25], lvlf[26]
    pos += _LVLF_SIZE + cb_papx
    chpx = span(data, pos, cb_chpx)
    pos += cb_chpx
    cch = u16(data, pos)
    xst = span(data, pos + 2, 2 * cch).decode("utf-16-le", "replace")
    pos += 2 + 2 * cch
    font = None
    for sprm, operand in iter_sprms(chpx):
        if sprm == SPRM_C_RG_FTC0 and len(operand) >= 2:
            index = int.from_bytes(operand[:2], "little")
            font = fonts[index] if index < len(fonts) else None
    level = LevelDef(
        ilvl=ilvl,
        start=start,
        fmt=nfc_format(nfc),
        text=level_text(xst, placeholders),
        # fNoRestart: the level restarts only after levels above ilvlRestartLim (0: never).
        restart=restart_lim if flags & 0x08 else None,
        is_legal=bool(flags & 0x04),
        font=font,
    )
    return level, pos


def parse_lists(table: bytes, lst: tuple[int, int], lfo: tuple[int, int], fonts: list[str]) -> ListDefinitions:
    """Read PlfLst (+ its LVLs) and PlfLfo. Raises :class:`Malformed` on a damaged table."""
    defs = ListDefinitions()
    fc_lst, lcb_lst = lst
    if lcb_lst >= 2:
        _parse_plflst(table, fc_lst, defs, fonts)
    fc_lfo, lcb_lfo = lfo
    if lcb_lfo >= 4:
        _parse_plflfo(table, fc_lfo, defs, fonts)
    return defs


def _parse_plflst(table: bytes, fc: int, defs: ListDefinitions, fonts: list[str]) -> None:
    count = u16(table, fc)
    if count > _MAX_LISTS:
        raise Malformed("implausible list count")
    pos = fc + 2 + _LSTF_SIZE * count  # the LVLs follow the LSTF array
    for i in range(count):
        lstf = span(table, fc + 2 + _LSTF_SIZE * i, _LSTF_SIZE)
        lsid = i32(lstf, 0)
        simple = bool(lstf[26] & 0x01)
        levels: dict[int, LevelDef] = {}
        for ilvl in range(1 if simple else MAX_LEVELS):
            levels[ilvl], pos = _parse_lvl(table, pos, ilvl, fonts)
        defs.lists[lsid] = levels
        styles = {}
        for ilvl in range(MAX_LEVELS):
            istd = u16(lstf, 8 + 2 * ilvl)
            if istd != 0x0FFF:
                styles[istd] = ilvl
        defs.style_levels[lsid] = styles


def _parse_plflfo(table: bytes, fc: int, defs: ListDefinitions, fonts: list[str]) -> None:
    count = u32(table, fc)
    if count > _MAX_LISTS:
        raise Malformed("implausible list override count")
    lfos = [span(table, fc + 4 + _LFO_SIZE * i, _LFO_SIZE) for i in range(count)]
    pos = fc + 4 + _LFO_SIZE * count
    for i, lfo in enumerate(lfos):
        num = NumDef(num_id=str(i + 1), abstract_id=str(i32(lfo, 0)))
        overrides = u8(lfo, 12)
        pos += 4  # LFOData.cp
        for _ in range(min(overrides, MAX_LEVELS)):
            start = i32(table, pos)
            flags = u32(table, pos + 4)
            pos += 8
            ilvl = flags & 0x0F
            if flags & 0x20:  # fFormatting: a whole level follows
                level, pos = _parse_lvl(table, pos, ilvl, fonts)
                if ilvl < MAX_LEVELS:
                    num.level_overrides[ilvl] = replace(level, ilvl=ilvl)
                    num.start_overrides[ilvl] = level.start
            elif flags & 0x10 and ilvl < MAX_LEVELS:  # fStartAt
                num.start_overrides[ilvl] = start
        defs.nums[num.num_id] = num
