"""Numbering labels of Chinese documents: ``一、`` ``（一）`` ``第三条`` ``1、`` ``1.`` ``3.1.1``
``(1)`` ``1)`` ``①`` ``⑴`` ``·`` ``-`` …, typed into the text or recovered by a reader.

:func:`parse_label` tells a label's style (so a list can tell its own items from a nested
list's) and its ordinal (so ``…标准2.主持…`` can be split where the numbering continues).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUM = "[一二三四五六七八九十百零〇]{1,4}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
STOP_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
BULLETS = "·•●◆◇■□▪▫▶►○◎★☆✓√❑❖➢➤※"
DASHES = "-–—"

# Order matters: longer, more specific forms first.
LABEL_RE = re.compile(
    "|".join(
        [
            rf"(?P<article>第{CN_NUM}[条章节项款]|第\d{{1,3}}[条章节项款])",
            rf"(?P<cn_paren>[(（]{CN_NUM}[)）])",
            rf"(?P<cn>{CN_NUM}[、.．](?![\d]))",
            r"(?P<dec_multi>\d{1,2}(?:\.\d{1,2}){1,3}(?![\d%.]))",
            r"(?P<paren>[(（]\d{1,2}[)）])",
            r"(?P<dec>\d{1,2}(?:[、．]|\.(?![\d%])|[•](?=\S)))",
            r"(?P<dec_rparen>\d{1,2}[)）](?![\d%]))",
            rf"(?P<circle>[{CIRCLED}])",
            rf"(?P<paren_digit>[{PAREN_DIGITS}])",
            rf"(?P<stop_digit>[{STOP_DIGITS}])",
            rf"(?P<bullet>[{BULLETS}]|\.(?=[\u4e00-\u9fff]))",
            rf"(?P<dash>[{DASHES}])",
            r"(?P<blank>[_＿]{2,}(?=[\u4e00-\u9fff]))",
        ]
    )
)


@dataclass(frozen=True)
class Label:
    text: str
    style: str        # article | cn_paren | cn | dec_multi | paren | dec | dec_rparen | circle | bullet | dash ...
    ordinal: int | None
    depth: int = 0    # for dec_multi: "3.1" is 1, "3.1.1" is 2

    @property
    def is_bullet(self) -> bool:
        return self.style in ("bullet", "dash")


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十一 → 11, 二十三 → 23, 一百零五 → 105."""
    if not text:
        return None
    total, current = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (current or 1) * CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def label_from_match(m: re.Match[str]) -> Label:
    style = m.lastgroup or "bullet"
    text = m.group()
    digits = re.findall(r"\d+", text)
    cn = re.findall(CN_NUM, text)
    ordinal: int | None
    depth = 0
    if style == "circle":
        ordinal = CIRCLED.index(text) + 1
    elif style == "paren_digit":
        ordinal, style = PAREN_DIGITS.index(text) + 1, "paren"
    elif style == "stop_digit":
        ordinal, style = STOP_DIGITS.index(text) + 1, "dec"
    elif style == "dec_multi":
        parts = text.split(".")
        ordinal, depth = int(parts[-1]), len(parts) - 1
        # "2.0 关键职责" is a section number, not item 0 of section 2.
        if ordinal == 0:
            ordinal, depth = int(parts[0]), 0
    elif style in ("bullet", "dash", "blank"):
        ordinal = None
    elif digits:
        ordinal = int(digits[0])
    elif cn:
        ordinal = cn_to_int(cn[0])
    else:
        ordinal = None
    return Label(text=text, style=style, ordinal=ordinal, depth=depth)


def parse_label(text: str) -> Label | None:
    """The label a reader recovered (Word numbering), e.g. ``"（1）"``, parsed; ``None`` if unknown."""
    text = text.strip()
    m = LABEL_RE.fullmatch(text)
    if m:
        return label_from_match(m)
    m = LABEL_RE.match(text)
    return label_from_match(m) if m else None
