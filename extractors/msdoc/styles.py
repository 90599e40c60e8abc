"""The style sheet ([MS-DOC] 2.9.271 STSH): style names, heading levels and the paragraph
properties (list numbering, outline level) a paragraph inherits from its style.

Built-in styles carry a language-independent identifier (``sti``): 1-9 are "heading 1"-"heading 9"
whatever the style is called in the document's language (标题 1), so headings are found by
``sti`` first and by name only for user-defined styles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..flow import HEADING_STYLE_NAME
from .binary import Malformed, span, u16
from .sprm import ParaProps, apply_para_sprms, iter_sprms

STK_PARAGRAPH = 1
ISTD_NONE = 0x0FFF
_MAX_STYLES = 0x0FFE
# FFN: ffid, wWeight, chs, ixchSzAlt, panose (10), fs (24), then the NUL-terminated name.
_FFN_NAME_OFFSET = 39


@dataclass
class Style:
    sti: int
    stk: int
    base: int
    name: str
    papx: bytes = b""  # the paragraph grpprl of a paragraph style

    @property
    def heading_level(self) -> int | None:
        """0-based heading level of a built-in or "标题 N"-named heading style."""
        if 1 <= self.sti <= 9:
            return self.sti - 1
        m = HEADING_STYLE_NAME.match(self.name.split(",")[0].strip())
        return int(m.group(1)) - 1 if m else None


@dataclass
class StyleSheet:
    styles: dict[int, Style] = field(default_factory=dict)
    _resolved: dict[int, ParaProps] = field(default_factory=dict)

    def name(self, istd: int) -> str | None:
        style = self.styles.get(istd)
        return style.name.split(",")[0] if style and style.name else None

    def heading_level(self, istd: int) -> int | None:
        style = self.styles.get(istd)
        return style.heading_level if style else None

    def paragraph_props(self, istd: int) -> ParaProps:
        """Properties of a paragraph style along its ``istdBase`` chain (a copy to modify)."""
        if istd not in self._resolved:
            chain: list[Style] = []
            seen: set[int] = set()
            current = istd
            while current in self.styles and current not in seen:  # a loop ends the chain
                seen.add(current)
                chain.append(self.styles[current])
                current = self.styles[current].base
            props = ParaProps(istd=istd)
            for style in reversed(chain):
                apply_para_sprms(props, iter_sprms(style.papx))
            props.istd = istd
            props.table_sprms = []  # table properties of a style are not a row definition
            self._resolved[istd] = props
        base = self._resolved[istd]
        return ParaProps(istd=base.istd, ilfo=base.ilfo, ilvl=base.ilvl, outline=base.outline)


def parse_stylesheet(table: bytes, fc: int, lcb: int) -> StyleSheet:
    """Parse the STSH; a damaged entry ends the sheet (the styles read so far are kept)."""
    sheet = StyleSheet()
    if lcb < 2:
        return sheet
    data = span(table, fc, lcb)
    cb_stshi = u16(data, 0)
    count = min(u16(data, 2), _MAX_STYLES)
    cb_base = u16(data, 4) if cb_stshi >= 4 else 10
    pos = 2 + cb_stshi
    for istd in range(count):
        try:
            cb_std = u16(data, pos)
        except Malformed:
            break
        if cb_std:
            try:
                style = _parse_std(span(data, pos + 2, cb_std), cb_base)
            except Malformed:
                break
            if style is not None:
                sheet.styles[istd] = style
        pos += 2 + cb_std
    return sheet


def _parse_std(std: bytes, cb_base: int) -> Style | None:
    sti = u16(std, 0) & 0x0FFF
    word2 = u16(std, 2)
    stk, base = word2 & 0x000F, word2 >> 4
    pos = cb_base
    cch = u16(std, pos)
    name = span(std, pos + 2, 2 * cch).decode("utf-16-le", "replace")
    pos += 2 + 2 * cch + 2  # the name is followed by a terminating NUL
    papx = b""
    if stk == STK_PARAGRAPH and pos + 2 <= len(std):
        cb_upx = u16(std, pos)
        upx = span(std, pos + 2, cb_upx)
        papx = upx[2:]  # the paragraph UPX starts with its istd
    return Style(sti=sti, stk=stk, base=base if base != ISTD_NONE else -1, name=name, papx=papx)


def parse_font_names(table: bytes, fc: int, lcb: int) -> list[str]:
    """Font names of the SttbfFfn ([MS-DOC] 2.9.286), indexed like ``sprmCRgFtc0``/``sprmCSymbol``."""
    if lcb < 4:
        return []
    data = span(table, fc, lcb)
    count = u16(data, 0)
    pos = 4  # cData, cbExtra
    names: list[str] = []
    for _ in range(count):
        if pos >= len(data):
            break
        size = data[pos]
        ffn = data[pos + 1:pos + 1 + size]
        raw = ffn[_FFN_NAME_OFFSET:]
        name = raw.decode("utf-16-le", "replace") if len(raw) % 2 == 0 else raw[:-1].decode("utf-16-le", "replace")
        names.append(name.split("\x00", 1)[0])
        pos += 1 + size
    return names
