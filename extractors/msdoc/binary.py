"""Bounds-checked little-endian reads and PLC arrays for the Word binary format.

Every offset in a ``.doc`` comes from the file itself, so every read is checked: a value
that points outside its stream raises :class:`Malformed`, which the reader turns into
``corrupt_file`` instead of an ``IndexError`` from deep inside.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

_U16 = struct.Struct("<H")
_I16 = struct.Struct("<h")
_U32 = struct.Struct("<I")
_I32 = struct.Struct("<i")


class Malformed(Exception):
    """A structure of the file points outside its stream or contradicts itself."""


def _read(fmt: struct.Struct, buf: bytes, offset: int) -> int:
    if offset < 0 or offset + fmt.size > len(buf):
        raise Malformed(f"read of {fmt.size} bytes at {offset} past the end ({len(buf)})")
    return fmt.unpack_from(buf, offset)[0]


def u8(buf: bytes, offset: int) -> int:
    if offset < 0 or offset >= len(buf):
        raise Malformed(f"read at {offset} past the end ({len(buf)})")
    return buf[offset]


def u16(buf: bytes, offset: int) -> int:
    return _read(_U16, buf, offset)


def i16(buf: bytes, offset: int) -> int:
    return _read(_I16, buf, offset)


def u32(buf: bytes, offset: int) -> int:
    return _read(_U32, buf, offset)


def i32(buf: bytes, offset: int) -> int:
    return _read(_I32, buf, offset)


def span(buf: bytes, offset: int, size: int) -> bytes:
    """``size`` bytes at ``offset``, all of them inside ``buf``."""
    if offset < 0 or size < 0 or offset + size > len(buf):
        raise Malformed(f"{size} bytes at {offset} past the end ({len(buf)})")
    return buf[offset:offset + size]


@dataclass(frozen=True)
class Plc:
    """A PLC: n+1 ascending CPs (or FCs) and n data elements of ``cb_data`` bytes each."""

    positions: list[int]
    data: bytes
    cb_data: int

    def __len__(self) -> int:
        return len(self.positions) - 1 if self.positions else 0

    def element(self, i: int) -> bytes:
        return self.data[i * self.cb_data:(i + 1) * self.cb_data]


def read_plc(buf: bytes, offset: int, size: int, cb_data: int, ordered: int | None = None) -> Plc:
    """Read a PLC of ``size`` bytes at ``offset``. The first ``ordered`` positions (all by
    default) must not decrease."""
    raw = span(buf, offset, size)
    if size < 4:
        return Plc([], b"", cb_data)
    n = (size - 4) // (4 + cb_data)
    positions = list(struct.unpack_from(f"<{n + 1}I", raw, 0))
    checked = positions if ordered is None else positions[:ordered]
    if any(b < a for a, b in zip(checked, checked[1:], strict=False)):
        raise Malformed("PLC positions out of order")
    start = 4 * (n + 1)
    return Plc(positions, raw[start:start + n * cb_data], cb_data)
