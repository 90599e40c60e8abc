"""Numbering labels of Chinese documents: ``一、`` ``（一）`` ``第三条`` ``1、`` ``1.`` ``3.1.1``
``(1)`` ``1)`` ``①`` ``⑴`` ``·`` ``-`` …, typed into the text or recovered by a reader.

:class:`Numbering` tells a label's style (so a list can tell its own items from a nested
list's) and its ordinal (so ``…标准2.主持…`` can be split where the numbering continues). The
characters (Chinese digits, article words, bullets) come from the lexicon's ``[numbering]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lexicon import NumberingVocab


@dataclass(frozen=True)
class Label:
    text: str
    style: str        # article | cn_paren | cn | cn_copula | dec_multi | paren | dec | dec_rparen | circle | bullet | dash ...
    ordinal: int | None
    depth: int = 0    # for dec_multi: "3.1" is 1, "3.1.1" is 2

    @property
    def is_bullet(self) -> bool:
        return self.style in ("bullet", "dash")


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class Numbering:
    """The numbering grammar compiled from the lexicon's characters."""

    def __init__(self, vocab: NumberingVocab) -> None:
        self.vocab = vocab
        self.cn_digits = dict(vocab.cn_digits)
        self.cn_units = dict(vocab.cn_units)
        cn = re.escape("".join(self.cn_digits) + "".join(self.cn_units)) or r"\x00"
        self.cn_num = f"[{cn}]{{1,4}}"
        self.cn_class = f"[{cn}]"
        art, units = re.escape(vocab.article_prefix), re.escape(vocab.article_units) or r"\x00"
        seps = re.escape(vocab.list_separators) or r"\x00"
        copulas = "|".join(map(re.escape, vocab.enumeration_copulas)) or r"\x00"
        spaced = _cls(vocab.spaced_bullets) or r"\x00"
        line_start = _cls(vocab.line_bullets) or r"\x00"
        self.pattern = re.compile("|".join([
            rf"(?P<article>{art}{self.cn_num}[{units}]|{art}\d{{1,3}}[{units}])",
            rf"(?P<cn_paren>[(（]{self.cn_num}[)）])",
            rf"(?P<cn>{self.cn_num}[{seps}](?![\d]))",
            # "一是…；二是…": official prose enumerates with a numeral and 是, at a clause's start
            rf"(?P<cn_copula>(?<![\u4e00-\u9fff]){self.cn_class}{{1,2}}(?:{copulas})(?=[\u4e00-\u9fff]))",
            rf"(?P<dec_multi>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}(?![\d%.{_cls(vocab.value_units)}]))",
            r"(?P<paren>[(（]\d{1,2}[)）])",
            rf"(?P<dec>\d{{1,2}}(?:[{seps}](?<!\.)|\.(?![\d%])|[•](?=\S)))",
            # "2）1年以上…": a bracket ends a number; no figure reads "2)1"
            r"(?P<dec_rparen>\d{1,2}[)）](?!%))",
            # "Ⅰ、大专以上学历" (Ⅰ Ⅱ Ⅲ fold to I II III): Roman numerals number a list
            r"(?P<roman>(?<![A-Za-z0-9])(?:I{1,3}|IV|VI{0,3}|IX|X)[.、)）](?=\s?[\u4e00-\u9fff]))",
            # "a. 发布招聘信息", "b）筛选简历": letters number the items nested under an item
            r"(?P<latin>(?<![A-Za-z0-9])[a-hA-H][.、)）](?=\s?[\u4e00-\u9fff]))",
            rf"(?P<circle>[{_cls(vocab.circled)}])",
            rf"(?P<paren_digit>[{_cls(vocab.paren_digits)}])",
            rf"(?P<stop_digit>[{_cls(vocab.stop_digits)}])",
            rf"(?P<bullet>[{_cls(vocab.bullets)}]|\.(?=[\u4e00-\u9fff])|[{spaced}](?=\s)|(?<![^\n])[{line_start}](?=\s))",
            rf"(?P<dash>[{_cls(vocab.dashes)}])",
            r"(?P<blank>[_＿]{2,}(?=[\u4e00-\u9fff]))",
            # "；2.5年以上经验" in a run of 1. 2. 3.: the number 2. before a figure (a decimal
            # otherwise; the scanner takes it only as the next number of its run)
            # (never before 0 or an amount of money: 6.0K, 6.5万 are figures)
            rf"(?P<dec_before_figure>\d{{1,2}}\.(?=[1-9]\d?(?![\d.]|\s?[{_cls(vocab.money_units)}])))",
        ]))
        # The first character of every alternative above, kept beside them: the engine cannot
        # see through the named groups that a match must open with one of these, so finditer
        # tries all thirteen alternatives at every place of a text (~9x slower over a form's cells).
        self.openers = re.compile(
            f"[{art}{cn}(（\\da-hA-HIVX{_cls(vocab.circled)}{_cls(vocab.paren_digits)}{_cls(vocab.stop_digits)}"
            f"{_cls(vocab.bullets)}{_cls(vocab.spaced_bullets)}{_cls(vocab.line_bullets)}.{_cls(vocab.dashes)}_＿]")
        self.heading_number = re.compile(rf"^\s*(?:{self.cn_class}{{1,3}}|\d{{1,2}})\s*[{seps}:：]\s*")
        self.ordinal_tail = re.compile(rf"(?:{self.cn_class}|\d){{1,3}}")
        self.role_article_units = vocab.role_article_units
        self.chapter_units = vocab.chapter_units

    def to_int(self, text: str) -> int | None:
        """一 → 1, 十一 → 11, 二十三 → 23, 一百零五 → 105."""
        if not text:
            return None
        total, current = 0, 0
        for ch in text:
            if ch in self.cn_digits:
                current = self.cn_digits[ch]
            elif ch in self.cn_units:
                total += (current or 1) * self.cn_units[ch]
                current = 0
            else:
                return None
        return total + current

    def label(self, m: re.Match[str]) -> Label:
        style = m.lastgroup or "bullet"
        text = m.group()
        if style == "dec_before_figure":
            style = "dec"
        if style in ("circle", "paren_digit", "stop_digit"):
            return self._enclosed(style, text)
        if style == "dec_multi":
            parts = text.split(".")
            # "2.0 关键职责" is a section number, not item 0 of section 2.
            if int(parts[-1]) == 0:
                return Label(text=text, style=style, ordinal=int(parts[0]), depth=0)
            return Label(text=text, style=style, ordinal=int(parts[-1]), depth=len(parts) - 1)
        if style in ("bullet", "dash", "blank"):
            return Label(text=text, style=style, ordinal=None)
        if style == "latin":
            return Label(text=text, style=style, ordinal=ord(text[0].lower()) - ord("a") + 1)
        if style == "roman":
            return Label(text=text, style=style, ordinal=ROMAN.index(text[:-1]) + 1)
        digits = re.findall(r"\d+", text)
        if digits:
            return Label(text=text, style=style, ordinal=int(digits[0]))
        cn = re.findall(self.cn_num, text)
        return Label(text=text, style=style, ordinal=self.to_int(cn[0]) if cn else None)

    def _enclosed(self, style: str, text: str) -> Label:
        table = {"circle": (self.vocab.circled, "circle"), "paren_digit": (self.vocab.paren_digits, "paren"),
                 "stop_digit": (self.vocab.stop_digits, "dec")}
        chars, new_style = table[style]
        return Label(text=text, style=new_style, ordinal=chars.index(text) + 1)

    def matches(self, text: str, pos: int = 0) -> dict[int, re.Match[str]]:
        """``{start: match}`` of :attr:`pattern` in ``text`` from ``pos``, the matches
        ``finditer`` finds, tried only where an opener stands."""
        found: dict[int, re.Match[str]] = {}
        end = pos
        for opener in self.openers.finditer(text, pos):
            at = opener.start()
            if at < end:
                continue  # inside the match before, as finditer would step over it
            m = self.pattern.match(text, at)
            if m is not None:
                found[at] = m
                end = m.end()
        return found

    def parse(self, text: str) -> Label | None:
        """A label a reader recovered (Word numbering), e.g. ``"（1）"``, parsed; ``None`` if unknown."""
        text = text.strip()
        m = self.pattern.fullmatch(text) or self.pattern.match(text)
        return self.label(m) if m else None

    def is_role_article(self, label: Label) -> bool:
        """第X条 opens a role in a regulation-style compilation; 第X章/节 do not."""
        return label.style != "article" or label.text.endswith(tuple(self.role_article_units))

    def is_chapter(self, label: Label | None) -> bool:
        """第四章 / 第二篇: a part of a manual, above sections and articles."""
        return label is not None and label.style == "article" and label.text.endswith(tuple(self.chapter_units))


def _cls(text: str) -> str:
    return re.escape(text) if text else r"\x00"
