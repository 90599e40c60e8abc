"""Table rows of a ``.doc`` ([MS-DOC] 2.4.3 Overview of Tables, 2.9.321 TDefTableOperand).

A row's cells are paragraphs ending in a cell mark; the row-end mark's paragraph carries
the row definition as table sprms: ``sprmTDefTable`` gives the cells' edges (twips) and
their TC80 merge flags, and later sprms edit it (``sprmTVertMerge`` for vertical merges
Word 2000+ writes, and the insert/delete/merge/split edits of fast saves).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..flow import Merge
from .binary import i16, u8, u16

SPRM_T_DEF_TABLE = 0xD608
SPRM_T_VERT_MERGE = 0xD62B
SPRM_T_INSERT = 0x7621
SPRM_T_DELETE = 0x5622
SPRM_T_MERGE = 0x5624
SPRM_T_SPLIT = 0x5625
_TC80_SIZE = 20
MAX_CELLS = 63  # Word's own limit per row
# TCGRF merge bits. horzMerge is read as the Word 97 documentation names its two bits —
# 0x01 fFirstMerged (the first cell of a merged range), 0x02 fMerged (merged with the cell
# before) — as Apache POI and LibreOffice read them; [MS-DOC] 2.9.317's own table words
# the two values the other way round, which would merge every Word 97 range into the cell
# left of it. vertMerge follows [MS-DOC] 2.9.342 (1 continuation, 3 restart).
_HORZ = {0: Merge.NONE, 1: Merge.START, 2: Merge.CONTINUE, 3: Merge.START}
_VERT = {0: Merge.NONE, 1: Merge.CONTINUE, 2: Merge.NONE, 3: Merge.START}


@dataclass
class RowDef:
    left: int | None = None
    rights: list[int] = field(default_factory=list)
    hmerge: list[Merge] = field(default_factory=list)
    vmerge: list[Merge] = field(default_factory=list)

    @property
    def defined(self) -> bool:
        return self.left is not None


def row_definition(table_sprms: list[tuple[int, bytes]]) -> RowDef:
    row = RowDef()
    for sprm, operand in table_sprms:
        if sprm == SPRM_T_DEF_TABLE:
            row = _def_table(operand)
        elif sprm == SPRM_T_VERT_MERGE and len(operand) >= 2:
            if operand[0] < len(row.vmerge):
                row.vmerge[operand[0]] = _VERT.get(operand[1] & 3, Merge.NONE)
        elif sprm in (SPRM_T_MERGE, SPRM_T_SPLIT) and len(operand) >= 2:
            _merge(row, operand[0], operand[1], sprm == SPRM_T_MERGE)
        elif sprm == SPRM_T_INSERT and len(operand) >= 4:
            _insert(row, operand[0], operand[1], i16(operand, 2))
        elif sprm == SPRM_T_DELETE and len(operand) >= 2:
            _delete(row, operand[0], operand[1])
    return row


def _def_table(operand: bytes) -> RowDef:
    # operand: cb (2), itcMac (1), rgdxaCenter (itcMac + 1 XAS), rgTc80 (as many as fit)
    if len(operand) < 3:
        return RowDef()
    count = min(u8(operand, 2), MAX_CELLS)
    centers_end = 3 + 2 * (count + 1)
    if len(operand) < centers_end:
        return RowDef()
    edges = [i16(operand, 3 + 2 * i) for i in range(count + 1)]
    row = RowDef(left=edges[0], rights=edges[1:], hmerge=[Merge.NONE] * count, vmerge=[Merge.NONE] * count)
    for i in range(count):
        at = centers_end + _TC80_SIZE * i
        if at + 2 > len(operand):
            break
        tcgrf = u16(operand, at)
        row.hmerge[i] = _HORZ[tcgrf & 3]
        row.vmerge[i] = _VERT[(tcgrf >> 5) & 3]
    return row


def _merge(row: RowDef, first: int, limit: int, merge: bool) -> None:
    for i in range(first, min(limit, len(row.hmerge))):
        row.hmerge[i] = (Merge.START if i == first else Merge.CONTINUE) if merge else Merge.NONE


def _insert(row: RowDef, at: int, count: int, width: int) -> None:
    if not row.defined or at > len(row.rights) or len(row.rights) + count > MAX_CELLS:
        return
    left = row.rights[at - 1] if at > 0 else row.left or 0
    shift = count * width
    new = [left + width * (k + 1) for k in range(count)]
    row.rights = row.rights[:at] + new + [r + shift for r in row.rights[at:]]
    row.hmerge[at:at] = [Merge.NONE] * count
    row.vmerge[at:at] = [Merge.NONE] * count


def _delete(row: RowDef, first: int, limit: int) -> None:
    """Remove cells; the cells right of them keep their widths and move left."""
    if not row.defined or first >= limit or row.left is None:
        return
    edges = [row.left, *row.rights]
    widths = [b - a for a, b in zip(edges, edges[1:], strict=False)]
    del widths[first:limit]
    rights: list[int] = []
    x = row.left
    for width in widths:
        x += width
        rights.append(x)
    row.rights = rights
    del row.hmerge[first:limit]
    del row.vmerge[first:limit]
