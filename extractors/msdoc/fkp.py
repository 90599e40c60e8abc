"""Formatted disk pages ([MS-DOC] 2.9.176 PapxFkp, 2.9.33 ChpxFkp): paragraph and character
properties by file offset.

The bin tables in the table stream (``PlcBtePapx``, ``PlcBteChpx``) point at 512-byte pages
of the WordDocument stream; each page maps FC ranges to a grpprl. The reader looks a
paragraph up by the FC of its paragraph mark and a character by its own FC.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterator
from dataclasses import dataclass

from .binary import Malformed, read_plc, span, u8, u16

PAGE = 512
# A PapxFkp entry (BxPap): the properties' offset byte and 12 reserved bytes.
BX_SIZE = 13


@dataclass(frozen=True)
class Run:
    fc_start: int
    fc_end: int
    grpprl: bytes
    istd: int = 0


class RunIndex:
    """Runs sorted by FC, looked up by bisection."""

    def __init__(self, runs: list[Run]) -> None:
        runs = sorted(runs, key=lambda r: r.fc_start)
        self.runs = runs
        self._starts = [r.fc_start for r in runs]

    def at(self, fc: int) -> Run | None:
        i = bisect.bisect_right(self._starts, fc) - 1
        if i >= 0 and fc < self.runs[i].fc_end:
            return self.runs[i]
        return None

    def overlapping(self, fc_start: int, fc_end: int) -> list[Run]:
        """Runs that overlap ``[fc_start, fc_end)``, in FC order."""
        i = max(bisect.bisect_right(self._starts, fc_start) - 1, 0)
        out: list[Run] = []
        while i < len(self.runs) and self.runs[i].fc_start < fc_end:
            if self.runs[i].fc_end > fc_start:
                out.append(self.runs[i])
            i += 1
        return out


def _pages(word: bytes, table: bytes, fc: int, lcb: int) -> list[bytes]:
    """The FKP pages a bin table points at, each at most once (a damaged table may repeat
    a page number; reading it again would only duplicate its runs)."""
    if lcb == 0:
        return []
    plc = read_plc(table, fc, lcb, 4)
    seen: set[int] = set()
    pages: list[bytes] = []
    for i in range(len(plc)):
        pn = int.from_bytes(plc.element(i), "little") & 0x3FFFFF
        if pn in seen:
            continue
        seen.add(pn)
        pages.append(span(word, pn * PAGE, PAGE))
    return pages


def _fcs(page: bytes, count: int) -> tuple[int, ...]:
    """The page's ``count + 1`` FC boundaries."""
    if 4 * (count + 1) > PAGE - 1:
        raise Malformed(f"an FKP page claims {count} entries")
    return struct.unpack_from(f"<{count + 1}I", page, 0)


def _entries(word: bytes, table: bytes, fc: int, lcb: int, entry_size: int) -> Iterator[tuple[int, int, bytes, int]]:
    """(start FC, end FC, page, byte offset of the properties or 0 for none) of every run of the
    FKP pages a bin table points at. Both kinds of page hold ``count + 1`` FCs, then ``count``
    entries whose first byte is the offset of the run's properties in 2-byte words."""
    for page in _pages(word, table, fc, lcb):
        count = page[PAGE - 1]
        entry_base = 4 * (count + 1)
        fcs = _fcs(page, count)
        for i in range(count):
            yield fcs[i], fcs[i + 1], page, 2 * u8(page, entry_base + entry_size * i)


def paragraph_runs(word: bytes, table: bytes, fc: int, lcb: int) -> RunIndex:
    runs: list[Run] = []
    for start, end, page, offset in _entries(word, table, fc, lcb, BX_SIZE):
        if offset == 0:
            runs.append(Run(start, end, b""))
            continue
        istd, grpprl = _papx(page, offset)
        runs.append(Run(start, end, grpprl, istd))
    return RunIndex(runs)


def _papx(page: bytes, offset: int) -> tuple[int, bytes]:
    """(istd, grpprl) of a PapxInFkp."""
    cb = u8(page, offset)
    if cb == 0:
        size = 2 * u8(page, offset + 1)
        data = span(page, offset + 2, size)
    else:
        data = span(page, offset + 1, 2 * cb - 1)
    if len(data) < 2:
        raise Malformed("paragraph properties shorter than their style index")
    return u16(data, 0), data[2:]


def character_runs(word: bytes, table: bytes, fc: int, lcb: int) -> RunIndex:
    runs: list[Run] = []
    for start, end, page, offset in _entries(word, table, fc, lcb, 1):
        grpprl = b"" if offset == 0 else span(page, offset + 1, u8(page, offset))
        runs.append(Run(start, end, grpprl))
    return RunIndex(runs)
