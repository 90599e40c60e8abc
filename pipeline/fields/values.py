"""Small pure helpers that turn raw label values into clean field values."""

from __future__ import annotations

import re

EMPTY_VALUES = {"", "无", "/", "／", "暂无", "-", "—", "--", "不详", "空", "待定", "略", "N/A", "n/a", "null"}
EDGE_PUNCT = " \t\n:：;；,，、。.．!！?？_＿·•"
UNDERSCORES = re.compile(r"_{2,}|＿{2,}")
WS = re.compile(r"\s+")
ENUMERATING_VERBS = ("熟悉", "了解", "掌握", "具有", "具备", "精通", "熟练", "能够", "会", "能", "有", "懂")


def clean_value(text: str | None) -> str | None:
    """Trim, drop fill-in blanks (``__总结理__``) and edge punctuation; ``None`` when nothing is left.
    Lines of a multi-line cell are joined (Chinese needs no space between them)."""
    if text is None:
        return None
    text = UNDERSCORES.sub(" ", text)
    text = "".join(line.strip() for line in text.split("\n")) if "\n" in text else text
    text = WS.sub(" ", text).strip(EDGE_PUNCT).strip()
    text = re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", text)
    return None if text in EMPTY_VALUES else text


def clean_item(text: str) -> str:
    """A list item's text: no trailing sentence punctuation, no edge blanks."""
    return WS.sub(" ", text).strip().rstrip("。;；,，、").strip()


def split_list(text: str) -> list[str]:
    """Split a requirement value: at semicolons if any, else at commas, else at 、.

    ``较强的沟通能力、组织协调能力、培训技能`` → three items, but
    ``管理能力，熟悉机器安装、调试的技能技巧`` → two, since the 、 there joins objects of one verb.
    """
    text = text.strip().rstrip("。.")
    if "\n" in text:
        # One requirement per line of a table cell; a line splits only at semicolons.
        lines = [clean_value(p) for line in text.split("\n") for p in re.split(r"[;；]", line)]
        lines = [p for p in lines if p]
        if len(lines) > 1:
            return lines
    for seps in (r"[;；]", r"[,，]", r"[、]"):
        if seps == r"[、]" and text.lstrip().startswith(ENUMERATING_VERBS):
            break  # "熟悉行政管理、财务管理…知识": the 、 lists objects of one verb
        parts = [clean_value(p) for p in re.split(seps, text)]
        parts = [p for p in parts if p]
        if len(parts) > 1:
            return parts
    single = clean_value(text)
    return [single] if single else []


def split_names(text: str) -> list[str]:
    """Position or unit names: ``售后服务人员、业务人员、办事处经理`` → three names."""
    parts = re.split(r"[、,，;；/／\s]+|或者", text)
    out = []
    for p in parts:
        value = clean_value(p)
        if value and value not in out:
            out.append(value)
    return out
