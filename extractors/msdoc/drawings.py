"""Which top-level shape a text box belongs to ([MS-ODRAW] records in ``fcDggInfo``).

A text box names its shape (``FTXBXS.lid``) and a shape is anchored in the text by its
FSPA — but only top-level shapes have an FSPA: the boxes of a grouped drawing (an org
chart) belong to a group, and only the group is anchored. Walking the drawing's record tree
maps each shape inside a group to the group's own shape id, so its text box can be read
after the paragraph that anchors the group, as Word lays it out.
"""

from __future__ import annotations

from .binary import Malformed, span, u16, u32

SP_GROUP_CONTAINER = 0xF003
SP_CONTAINER = 0xF004
FSP = 0xF00A
_HEADER = 8
_MAX_DEPTH = 16


def group_owners(table: bytes, fc: int, lcb: int) -> dict[int, int]:
    """Shape id -> id of the top-level group shape it sits in (main-document drawings)."""
    if lcb < _HEADER:
        return {}
    data = span(table, fc, lcb)
    pos = _HEADER + u32(data, 4)  # skip the drawing group (OfficeArtDggContainer)
    owners: dict[int, int] = {}
    while pos + 1 + _HEADER <= len(data):
        label = data[pos]  # 0: main document, 1: headers
        length = u32(data, pos + 1 + 4)
        body = pos + 1 + _HEADER
        if label == 0:
            for child_start, child_type, child_end in _children(data, body, body + length):
                if child_type == SP_GROUP_CONTAINER:  # the patriarch: its groups are the top level
                    _top_level(data, child_start, child_end, owners)
        pos = body + length
    return owners


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    """(body start, record type, body end) of the records in ``[start, end)``."""
    out = []
    pos = start
    end = min(end, len(data))
    while pos + _HEADER <= end:
        rec_type = u16(data, pos + 2)
        length = u32(data, pos + 4)
        body = pos + _HEADER
        if body + length > end:
            raise Malformed("drawing record runs past its container")
        out.append((body, rec_type, body + length))
        pos = body + length
    return out


def _top_level(data: bytes, start: int, end: int, owners: dict[int, int]) -> None:
    for body, rec_type, body_end in _children(data, start, end):
        if rec_type != SP_GROUP_CONTAINER:
            continue
        spids = _spids(data, body, body_end, 0)
        if spids:  # the group's own shape comes first
            for spid in spids[1:]:
                owners[spid] = spids[0]


def _spids(data: bytes, start: int, end: int, depth: int) -> list[int]:
    if depth > _MAX_DEPTH:
        raise Malformed("drawing groups nested too deeply")
    out: list[int] = []
    for body, rec_type, body_end in _children(data, start, end):
        if rec_type == FSP and body_end - body >= 4:
            out.append(u32(data, body))
        elif rec_type in (SP_CONTAINER, SP_GROUP_CONTAINER):
            out.extend(_spids(data, body, body_end, depth + 1))
    return out
