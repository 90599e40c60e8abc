"""Characters drawn from symbol fonts (Wingdings, Symbol): check boxes and bullets of forms.

Word stores such a character as a font plus a code (DOCX ``w:sym``, Word 97 ``sprmCSymbol``,
RTF text in a ``\\fcharset2`` font); the code means nothing as Unicode. The glyphs forms use
are mapped to their Unicode look-alikes; other codes are kept as the character of the same
value, unless that is a control character or a lone surrogate.
"""

from __future__ import annotations

SYMBOL_GLYPHS: dict[str, dict[int, str]] = {
    "wingdings": {
        0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x75: "◆", 0x76: "❖", 0x9F: "•", 0xA1: "○",
        0xA7: "▪", 0xA8: "□", 0xD8: "➢", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
    },
    "wingdings 2": {0x4F: "✗", 0x50: "✓", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "□"},
    "symbol": {0xB7: "•", 0xD6: "√", 0xB4: "×", 0xAE: "→", 0xA8: "♦"},
}


def symbol_char(font: str | None, code: int) -> str:
    """The character a symbol-font ``code`` shows; "" for codes that show nothing readable."""
    glyphs = SYMBOL_GLYPHS.get((font or "").lower(), {})
    # Symbol fonts are addressed either by their 8-bit code or by U+F000 + code.
    glyph = glyphs.get(code - 0xF000 if 0xF000 <= code <= 0xF0FF else code)
    if glyph is not None:
        return glyph
    if code < 0x20 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:  # no controls or lone surrogates
        return ""
    return chr(code)
