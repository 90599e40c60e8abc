"""Role titles: recognise document titles (``XX岗位说明书``, ``XX工作职责范文(3篇)``) and
position names, and split a company name off the front (``松川公司客户服务经理``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import Lexicon
from .numbering import LABEL_RE

SENTENCE_PUNCT = re.compile(r"[,。;:!?，；：！？]")
SEPARATORS = "—–-_ ·:"
COUNT_DECORATION = (r"\(\s*(?:\d+|[一二三四五六七八九十]+)\s*篇?\s*\)|\d+篇|[一二三四五六七八九十]+篇"
                    r"|\(\s*\d{4}\s*年?\s*(?:修订|最新|更新)?\s*版?\s*\)")
PAREN_ORDINAL = r"\(\s*(?:\d+|[一二三四五六七八九十]+)\s*\)"
MAX_TITLE = 30
CONJUNCTIONS = set("和与及、或的》”")
QUOTES = re.compile(r"[《》“”\"「」]")
# Words that make a phrase a sentence, not a position name.
NOT_A_TITLE = ("以下", "以上", "下面", "如下", "总之", "关于", "的", "如何", "怎么", "什么", "范文", "负责", "协助",
               "完成", "制定", "做好")


@dataclass(frozen=True)
class DocTitle:
    """A document-title match at the start of a text."""

    title: str          # position part, decorations and doc words removed (may be "" or a company)
    end: int            # where the title ends in the text
    label: str | None   # numbering label in front ("一、客服专员岗位职责")
    raw: str            # the matched heading as written


@cache
def _doc_title_re(lexicon: Lexicon) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon.doc_words)
    decorations = "|".join(re.escape(d) for d in lexicon.decorations)
    label = LABEL_RE.pattern
    return re.compile(
        rf"(?P<label>(?:{label})\s*)?"
        rf"(?P<x>[^\n]{{0,{MAX_TITLE}}}?)[{re.escape(SEPARATORS)}]*"
        rf"(?P<doc>{words})"
        rf"(?P<decor>(?:\s*(?:{words}|{decorations}|{COUNT_DECORATION}|{PAREN_ORDINAL}|\((?:{decorations})\)))*)"
    )


def match_doc_title(text: str, lexicon: Lexicon) -> DocTitle | None:
    """``售后主管工作职责范文(2篇)`` → title 售后主管; only at the start of ``text``."""
    m = _doc_title_re(lexicon).match(text)
    if not m:
        return None
    x = m.group("x").strip(SEPARATORS + " ")
    if SENTENCE_PUNCT.search(x) or any(w in x for w in NOT_A_TITLE[:5]) or QUOTES.search(x):
        return None  # "本《岗位说明书》包括…" quotes a document, it does not head one
    if text[m.end():m.end() + 1] in CONJUNCTIONS:
        return None  # "…岗位职责和考核办法": the doc word is part of a longer phrase
    full_document = m.group("doc").endswith(("说明书", "说明"))
    if not x:
        if not full_document:
            return None  # "四、岗位职责" is a section heading, not a title
    elif not _plausible_prefix(x):
        return None
    elif not (full_document or is_position_name(clean_title(x), lexicon, MAX_TITLE)
              or split_organization(clean_title(x), lexicon)[0]):
        return None
    label = m.group("label").strip() if m.group("label") else None
    return DocTitle(title=clean_title(x), end=m.end(), label=label, raw=m.group().strip())


def _plausible_prefix(x: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fffA-Za-z]", x)) and len(x) <= MAX_TITLE


def clean_title(title: str) -> str:
    """Titles carry no spaces inside (contract) and no qualifier after a dash
    (``客户服务主管--工程施工类`` → ``客户服务主管``)."""
    title = re.sub(r"\s+", "", title)
    for sep in ("--", "——", "—", "–"):
        if sep in title:
            head = title.split(sep)[0]
            if head:
                title = head
    return title.strip(SEPARATORS)


def is_position_name(text: str, lexicon: Lexicon, max_len: int = 16) -> bool:
    """A short phrase that ends with a position word (经理, 主管, 专员, 员, 岗 …)."""
    text = re.sub(r"\(.*?\)$", "", text.strip())
    if not text or len(text) > max_len or SENTENCE_PUNCT.search(text):
        return False
    head = next((h for h in lexicon.position_heads if text.endswith(h)), None)
    if head is None or (len(head) == 1 and text.endswith(lexicon.not_position_endings)):
        return False
    # "技术负责人" ends with a position word that itself contains 负责.
    return not any(w in text[: len(text) - len(head)] for w in NOT_A_TITLE)


def split_organization(title: str, lexicon: Lexicon) -> tuple[str | None, str]:
    """``松川公司客户服务经理`` → (``松川公司``, ``客户服务经理``); a bare company → (company, "")."""
    for noise in lexicon.organization_noise:
        if title.startswith(noise):
            title = title[len(noise):]
    best: tuple[str | None, str] = (None, title)
    # Only company words split a title: "地区顾客服务中心主任" is a position, not 中心 + 主任.
    for suffix in (s for s in lexicon.organization_suffixes if s.endswith(("公司", "集团"))):
        idx = title.find(suffix)
        while idx != -1:
            org, rest = title[: idx + len(suffix)], title[idx + len(suffix):]
            if len(org) >= len(suffix) + 2 and (not rest or is_position_name(rest, lexicon, 20)
                                                 or rest.endswith(("部", "部门", "中心", "科", "处", "室"))):
                if best[0] is None or len(org) > len(best[0]):
                    best = (org, rest)
            idx = title.find(suffix, idx + 1)
    return best


def is_organization(text: str, lexicon: Lexicon) -> bool:
    text = text.strip()
    if not 4 <= len(text) <= 40 or SENTENCE_PUNCT.search(text):
        return False
    return text.endswith(lexicon.organization_suffixes) and not text.endswith(tuple(lexicon.doc_words))
