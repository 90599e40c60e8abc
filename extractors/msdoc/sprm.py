"""Property modifiers ([MS-DOC] 2.2.5 Sprm, 2.6): the few paragraph and character properties
the text reader needs, decoded from a grpprl.

A grpprl is a run of (sprm, operand) pairs; the operand's size follows from the sprm's
``spra`` bits, except for the two variable-size operands with a 2-byte or computed size
(``sprmTDefTable``, ``sprmPChgTabs``). Unknown sprms are skipped by size, so a property
this reader does not know never shifts the ones it does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .binary import u8, u16

# Paragraph properties
SPRM_P_ISTD = 0x4600
SPRM_P_ILVL = 0x260A
SPRM_P_ILFO = 0x460B
SPRM_P_IN_TABLE = 0x2416
SPRM_P_TTP = 0x2417
SPRM_P_OUTLVL = 0x2640
SPRM_P_ITAP = 0x6649
SPRM_P_DTAP = 0x664A
SPRM_P_INNER_CELL = 0x244B
SPRM_P_INNER_TTP = 0x244C
SPRM_P_CHG_TABS = 0xC615
SPRM_P_HUGE_PAPX = 0x6646  # the paragraph's real grpprl is in the Data stream (too big for an FKP)
# Character properties
SPRM_C_RMARK_DEL = 0x0800
SPRM_C_VANISH = 0x083C
SPRM_C_SPEC = 0x0855
SPRM_C_SYMBOL = 0x6A09
SPRM_C_RG_FTC0 = 0x4A4F  # the font of ASCII-range characters, symbol fonts included
# Table properties
SPRM_T_DEF_TABLE = 0xD608
SPRM_T_DEF_TABLE10 = 0xD606  # Word 95's row definition: the same 2-byte size

_SGC_TABLE = 5

# [MS-DOC] 2.2.6 Prm0: a single sprm with a 1-byte operand, named by a 7-bit index; only the
# indexes for properties this reader uses (fast-saved files put them on whole pieces).
_PRM0_SPRMS = {
    0x0C: SPRM_P_ILVL, 0x18: SPRM_P_IN_TABLE, 0x19: SPRM_P_TTP, 0x41: SPRM_C_RMARK_DEL,
    0x5C: SPRM_C_VANISH, 0x75: SPRM_C_SPEC, 0x78: SPRM_P_OUTLVL,
}
_FIXED_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


def iter_sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) pairs of a grpprl; a truncated last pair is dropped."""
    pos = 0
    end = len(grpprl)
    while pos + 2 <= end:
        sprm = grpprl[pos] | grpprl[pos + 1] << 8
        pos += 2
        spra = sprm >> 13
        size = _FIXED_SIZES.get(spra)
        if size is None:
            pos, size = _variable_operand(grpprl, pos, sprm)
        if size < 0 or pos + size > end:
            return
        yield sprm, grpprl[pos:pos + size]
        pos += size


def _variable_operand(grpprl: bytes, pos: int, sprm: int) -> tuple[int, int]:
    """(operand start, operand size) of a variable-length operand."""
    if pos >= len(grpprl):
        return pos, -1
    if sprm in (SPRM_T_DEF_TABLE, SPRM_T_DEF_TABLE10):
        if pos + 2 > len(grpprl):
            return pos, -1
        # cb counts the rest of the structure plus one; the operand handed on keeps cb.
        return pos, 2 + u16(grpprl, pos) - 1
    if sprm == SPRM_P_CHG_TABS and grpprl[pos] == 255:
        # PChgTabsDelClose and PChgTabsAdd, sized by their own counts.
        deleted = u8(grpprl, pos + 1) if pos + 1 < len(grpprl) else 0
        add_at = pos + 2 + 4 * deleted
        added = grpprl[add_at] if add_at < len(grpprl) else 0
        return pos, 2 + 4 * deleted + 1 + 3 * added
    return pos + 1, grpprl[pos]


def prm_sprms(prm: int, grpprls: list[bytes]) -> list[tuple[int, bytes]]:
    """The sprms a piece's Prm applies to all its text ([MS-DOC] 2.9.204 Prm)."""
    if prm & 1:  # Prm1: an index into the CLX's property groups
        index = prm >> 1
        return list(iter_sprms(grpprls[index])) if index < len(grpprls) else []
    sprm = _PRM0_SPRMS.get((prm >> 1) & 0x7F)
    if sprm is None:
        return []
    return [(sprm, bytes([prm >> 8]))]


# ----------------------------------------------------------------------------- paragraphs


@dataclass
class ParaProps:
    istd: int = 0
    in_table: bool = False
    ttp: bool = False  # the paragraph is a table's row-end mark (depth 1)
    itap: int | None = None  # table depth, when stated
    inner_cell: bool = False  # ends a cell of a nested table
    inner_ttp: bool = False  # the row-end mark of a nested table
    ilfo: int | None = None  # 1-based list override index; 0 switches numbering off
    ilvl: int | None = None
    outline: int | None = None  # 0-8: an outline (heading) level; 9: body text
    table_sprms: list[tuple[int, bytes]] = field(default_factory=list)

    @property
    def depth(self) -> int:
        """Table nesting depth: 0 outside tables."""
        if self.itap is not None:
            return max(self.itap, 0)
        return 1 if self.in_table else 0


def apply_para_sprms(props: ParaProps, sprms: list[tuple[int, bytes]] | Iterator[tuple[int, bytes]]) -> ParaProps:
    for sprm, operand in sprms:
        _apply_para_sprm(props, sprm, operand)
    return props


def _apply_para_sprm(props: ParaProps, sprm: int, operand: bytes) -> None:
    if (sprm >> 10) & 7 == _SGC_TABLE:
        props.table_sprms.append((sprm, operand))
        return
    if not operand:
        return
    if sprm == SPRM_P_IN_TABLE:
        props.in_table = operand[0] != 0
    elif sprm == SPRM_P_TTP:
        props.ttp = operand[0] != 0
    elif sprm == SPRM_P_ITAP and len(operand) >= 4:
        props.itap = int.from_bytes(operand[:4], "little", signed=True)
    elif sprm == SPRM_P_DTAP and len(operand) >= 4:
        props.itap = props.depth + int.from_bytes(operand[:4], "little", signed=True)
    elif sprm == SPRM_P_INNER_CELL:
        props.inner_cell = operand[0] != 0
    elif sprm == SPRM_P_INNER_TTP:
        props.inner_ttp = operand[0] != 0
    elif sprm == SPRM_P_ILFO and len(operand) >= 2:
        props.ilfo = int.from_bytes(operand[:2], "little", signed=True)
    elif sprm == SPRM_P_ILVL:
        props.ilvl = operand[0]
    elif sprm == SPRM_P_OUTLVL:
        props.outline = operand[0]
    elif sprm == SPRM_P_ISTD and len(operand) >= 2:
        props.istd = int.from_bytes(operand[:2], "little")


# ----------------------------------------------------------------------------- characters


@dataclass(frozen=True)
class CharProps:
    deleted: bool = False  # a tracked deletion: read as accepted, so not shown
    hidden: bool = False
    special: bool = False  # the character is a special character (picture, field mark …)
    symbol: tuple[int, int] | None = None  # (font index, character code) of a symbol-font character
    font: int | None = None  # index into the font table, when the run names one


PLAIN = CharProps()


def char_props(sprms: list[tuple[int, bytes]]) -> CharProps:
    deleted = hidden = special = False
    symbol: tuple[int, int] | None = None
    font: int | None = None
    for sprm, operand in sprms:
        if not operand:
            continue
        if sprm == SPRM_C_RMARK_DEL:
            deleted = _toggle(operand[0], deleted)
        elif sprm == SPRM_C_VANISH:
            hidden = _toggle(operand[0], hidden)
        elif sprm == SPRM_C_SPEC:
            special = operand[0] != 0
        elif sprm == SPRM_C_SYMBOL and len(operand) >= 4:
            symbol = (int.from_bytes(operand[:2], "little"), int.from_bytes(operand[2:4], "little"))
        elif sprm == SPRM_C_RG_FTC0 and len(operand) >= 2:
            font = int.from_bytes(operand[:2], "little")
    if not (deleted or hidden or special or symbol or font is not None):
        return PLAIN
    return CharProps(deleted, hidden, special, symbol, font)


def _toggle(value: int, current: bool) -> bool:
    """A ToggleOperand: 0 off, 1 on, 0x80 as the style, 0x81 the opposite of the style
    (styles carry neither property here, so 0x80 is off and 0x81 on)."""
    if value in (0, 0x80):
        return False
    if value in (1, 0x81):
        return True
    return current
