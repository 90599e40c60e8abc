"""Small pure helpers that turn raw label values into clean field values.

Values keep their writing: only edges are trimmed (spaces, the colon after a label, a closing
；/。), fill-in blanks (``__总结理__``) dropped, and a value that says "none" (无, 暂无, —) is
no value at all.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import Lexicon, alternation

EDGE_PUNCT = " \t\n:：;；,，、。.．!！?？_＿·•｜|"
UNDERSCORES = re.compile(r"_{2,}|＿{2,}")
WS = re.compile(r"\s+")
CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def clean_value(text: str | None, lexicon: Lexicon) -> str | None:
    """Trim, drop fill-in blanks and edge punctuation; ``None`` when nothing is left or the
    value says there is none. Lines of a multi-line cell are joined (Chinese needs no space
    between them)."""
    if text is None:
        return None
    if "_" in text or "＿" in text:  # most values hold no blank to fill in
        text = UNDERSCORES.sub(" ", text)
    text = "".join(line.strip() for line in text.split("\n")) if "\n" in text else text
    text = _spaced(text).strip(EDGE_PUNCT).strip()
    if " " in text:
        text = CJK_GAP.sub("", text)
    return None if text in lexicon.empty_values else text


LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.+#-]*")


def text_units(text: str) -> int:
    """How long a text reads: a Latin word counts as one unit, like one Chinese character.
    Lengths that tell a short requirement from a sentence are in these units, so that
    ``Bachelor's degree or above in …`` (135 characters, 20 words) is as short as its Chinese
    twin (``计算机相关专业本科及以上学历``)."""
    words = LATIN_WORD.findall(text)
    return len(text) - sum(len(w) for w in words) + len(words)


def clean_item(text: str) -> str:
    """A list item's text: no trailing sentence punctuation, no edge blanks."""
    return _spaced(text).rstrip("。;；,，、").strip()


def _spaced(text: str) -> str:
    """``WS.sub(" ", text).strip()``: each run of whitespace one space, none at the edges. str.split
    splits at the characters ``\\s`` matches (both ask str.isspace), in C without a pattern tried at
    every character (~3x cheaper on a value; a card cleans ~40)."""
    return " ".join(text.split())


def split_list(text: str, lexicon: Lexicon) -> list[str]:
    """Split a requirement value: at semicolons if any, else at commas, else at 、.

    ``较强的沟通能力、组织协调能力、培训技能`` → three items, but
    ``管理能力，熟悉机器安装、调试的技能技巧`` → two, since the 、 there joins objects of one verb.
    """
    text = text.strip().rstrip("。.")
    if "\n" in text:
        # One requirement per line of a table cell; a line splits only at semicolons.
        lines = [clean_value(p, lexicon) for line in text.split("\n") for p in re.split(r"[;；]", line)]
        kept = [p for p in lines if p]
        if len(kept) > 1:
            return kept
    verbs = tuple(lexicon.data.qualifications.enumerating_verbs)
    for seps in (r"[;；]", r"[,，]", r"[、]"):
        if seps == r"[、]" and text.lstrip().startswith(verbs):
            break  # "熟悉行政管理、财务管理…知识": the 、 lists objects of one verb
        parts = [clean_value(p, lexicon) for p in re.split(seps, text)]
        found = [p for p in parts if p]
        if len(found) > 1:
            return found
    single = clean_value(text, lexicon)
    return [single] if single else []


@cache
def _names_re(lexicon: Lexicon) -> re.Pattern[str]:
    words = [w for w in lexicon.data.reporting.name_separators if len(w) > 1]
    # a space beside a Latin word is inside a name ("General Manager 总经理"), not between two
    return re.compile(rf"[、,，;；/／]+\s*|(?<![A-Za-z])\s+(?![A-Za-z])|{alternation(words)}")


def split_names(text: str, lexicon: Lexicon) -> list[str]:
    """Position or unit names: ``售后服务人员、业务人员、办事处经理`` → three names;
    ``仓管员、叉车工等岗位`` → 仓管员, 叉车工; ``General Manager 总经理`` (a bilingual form) → one."""
    out: list[str] = []
    tails = tuple(sorted(lexicon.data.reporting.name_tails, key=len, reverse=True))
    for part in _names_re(lexicon).split(text):
        value = clean_value(part, lexicon)
        for tail in tails:
            if value and value.endswith(tail) and len(value) > len(tail) + 1:
                value = value[: -len(tail)]
                break
        if value and value not in out:
            out.append(value)
    return out


def clauses_outside_brackets(text: str, separators: str = ",，;；。") -> list[str]:
    """``text`` cut at the separators that stand outside brackets, each clause as written
    (``熟悉办公软件（Word，Excel）`` stays one clause)."""
    return [text[s:e] for s, e in clause_spans(text, separators)]


def split_label(text: str) -> tuple[str, str, str]:
    """``名称：值`` → (name, colon, value), the text stripped first; a half-width colon wins, as
    forms typed on Latin keyboards write it. (text, "", "") when there is no colon."""
    text = text.strip()
    return text.partition(":") if ":" in text else text.partition("：")


def clause_spans(text: str, separators: str = ",，;；。") -> list[tuple[int, int]]:
    """Where the clauses of :func:`clauses_outside_brackets` stand, stripped, empty ones left out."""
    out: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate([*text, None]):
        if ch in ("(", "（", "[", "【"):
            depth += 1
        elif ch in (")", "）", "]", "】"):
            depth = max(0, depth - 1)
        elif ch is None or depth == 0 and ch in separators:
            raw = text[start:i]
            if raw.strip():
                lead = len(raw) - len(raw.lstrip())
                out.append((start + lead, start + len(raw.rstrip())))
            start = i + 1
    return out
