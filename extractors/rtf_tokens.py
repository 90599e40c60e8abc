"""RTF tokens and text decoding: the lexical half of the RTF reader (:mod:`.rtf`).

RTF is a stream of groups (``{`` ``}``), control words (``\\word`` with an optional signed
parameter and a delimiting space), control symbols (``\\~``, ``\\'hh``) and text. Bytes of
text — ``\\'hh`` escapes and raw 8-bit bytes some writers emit — are characters in the code
page of the current font (``\\fcharset``/``\\cpg`` in the font table) or of the document
(``\\ansicpg``): GBK under ``\\ansicpg936`` or a ``\\fcharset134`` font. They are collected
as bytes and decoded together, so a double-byte character split over two escapes (or an
escape and a literal trail byte) decodes as one. ``\\binN`` is followed by N raw bytes that
are data, never text.
"""

from __future__ import annotations

import codecs
import re

# One token: control word (name, param), hex byte, control symbol, brace, text; newlines
# and a lone trailing backslash match without a group (``lastgroup`` is None).
_TOKEN_ALTERNATIVES = (
    r"\\(?P<name>[a-zA-Z]{1,32})(?P<param>-?\d{1,10})? ?"
    r"|\\'(?P<hex>[0-9a-fA-F]{2})"
    r"|\\(?P<symbol>[^a-zA-Z'])"
    r"|(?P<brace>[{}])"
    r"|(?P<text>[^\\{}\r\n]+)"
    r"|[\r\n]+"
    r"|\\"
)
TOKEN = re.compile(_TOKEN_ALTERNATIVES, re.S)
# \uN characters each followed by its \'hh fallback bytes (and perhaps preceded by the
# \ucN that counts them): how Word and LibreOffice write every CJK character. A run of
# them is one match, split by UNICODE_ITEM.
_UNICODE_RUN = r"(?P<unicode>(?:(?:\\uc\d{1,5} ?)?\\u-?\d{1,10} ?(?:\\'[0-9a-fA-F]{2})*)+)"
UNICODE_ITEM = re.compile(r"(?:\\uc(\d{1,5}) ?)?\\u(-?\d{1,10}) ?((?:\\'[0-9a-fA-F]{2})*)")
HEX_ITEM = re.compile(r"\\'([0-9a-fA-F]{2})")


def _trie_regex(words: frozenset[str]) -> str:
    """An alternation of ``words`` as a trie (``p(?:ar(?:d)?|age)``): Python's re tries the
    branches of a flat alternation one by one, a trie only the ones that share a prefix."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def fast_token_pattern(meaningful: frozenset[str]) -> re.Pattern[str]:
    """The token pattern with two more alternatives in front: a run of \\uN characters, and
    a run of control words the reader does nothing with (font sizes, colours, spacing …),
    each matched in one step instead of one token a word."""
    names = _trie_regex(meaningful)
    ignorable = rf"(?:\\(?!(?:{names})(?![a-zA-Z]))[a-zA-Z]{{1,32}}(?:-?\d{{1,10}})? ?)+"
    empty_groups = r"(?:\{\})+"  # hold nothing, change nothing
    return re.compile(_UNICODE_RUN + "|" + ignorable + "|" + empty_groups + "|" + _TOKEN_ALTERNATIVES, re.S)


# \fcharsetN -> Windows code page ([MS-RTF] \fcharset, the GDI character sets).
CHARSET_CODEPAGES: dict[int, int] = {
    0: 1252, 2: 0, 77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253, 162: 1254,
    163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250, 254: 437, 255: 850,
}
# Code page -> Python codec. GB18030 decodes every GBK byte sequence and more.
_CODECS: dict[int, str] = {936: "gb18030", 950: "cp950", 932: "cp932", 949: "cp949", 1361: "johab",
                           10000: "mac_roman", 65001: "utf-8", 437: "cp437", 850: "cp850", 874: "cp874"}
SYMBOL_CODEPAGE = 0  # a symbol font: bytes are glyph indexes, not characters


_SKIP_SCAN = re.compile(r"\\bin(\d{1,10}) ?|\\[\\{}]|[{}]")


def skip_group(data: str, pos: int) -> int:
    """Position after the group that encloses ``pos`` (its closing brace), or the end."""
    depth = 1
    n = len(data)
    while pos < n:
        m = _SKIP_SCAN.search(data, pos)
        if m is None:
            return n
        pos = m.end()
        text = m.group(0)
        if m.group(1) is not None:
            pos = min(pos + int(m.group(1)), n)
        elif text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
            if depth == 0:
                return pos
    return n


def codec_for(codepage: int) -> str:
    if codepage in _CODECS:
        return _CODECS[codepage]
    try:
        return codecs.lookup(f"cp{codepage}").name
    except LookupError:
        return "cp1252"


def decode_bytes(raw: bytes, codepage: int) -> tuple[str, bool]:
    """(text, clean) of text bytes in ``codepage``; undecodable bytes become U+FFFD."""
    codec = codec_for(codepage)
    try:
        return raw.decode(codec), True
    except UnicodeDecodeError:
        return raw.decode(codec, "replace"), False
