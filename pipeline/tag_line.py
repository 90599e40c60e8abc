"""A job board prints a position's terms on one line of short tags: ``北京 | 3-5年 | 本科``,
``20k-35k / 上海 / 经验5-10年 / 本科及以上 / 全职``. Each tag says what it is by its form — a
pay range, years, a degree, full-time or not — and the one tag no form names is the city.
"""

from __future__ import annotations

import re
from functools import cache

from .fields.pay import parse_salary
from .lexicon import Lexicon, alternation
from .piece import Kind, Loc, Piece
from .rules import rule
from .titles import is_position_name

# Tags stand between bars, or between slashes or middle dots with space around them ("元/月" is
# one tag; "杭州 · 3-5年 · 本科");
# the spaces around a tag are stripped from it, not matched here (a run of spaces would be
# rescanned from each of its places).
TAG_SEPARATOR = re.compile(r"[|｜]|(?<=\s)[/／·•](?=\s)")
MAX_TAG = 14
MAX_SPACED_LINE = 30
SPACES = re.compile(r"\s+")
PLACE = re.compile(r"[\u4e00-\u9fff]{2,5}(?:(?:\s?[-·]\s?|\s)[\u4e00-\u9fff]{2,8}){0,2}")


# A tag line has one of these: a pay range (``月薪4500-5500元 | 宁波北仑 | 全职``), years or a degree.
ANCHOR_TAGS = frozenset({"qualifications.experience", "qualifications.education", "compensation"})


@rule
def tag_line(text: str, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """A line of three or more short tags, at least two of them a position's terms (years of
    experience, a degree, pay, the kind of employment) and one of them pay, experience or a degree:
    each tag is a label of its own field; a tag no form names is the place, when it reads as
    one (``北京``, ``上海-浦东新区``)."""
    tags = _tags(text)
    if len(tags) < 3 or any(not tag or len(tag) > MAX_TAG for _s, tag in tags):
        return None
    keys = [_tag_key(tag, lexicon) for _s, tag in tags]
    unknown = [tag for (_s, tag), key in zip(tags, keys, strict=True) if key is None]
    if len(tags) - len(unknown) < 2 or not ANCHOR_TAGS & set(keys):
        return None
    if len(unknown) > 1 or unknown and (not PLACE.fullmatch(unknown[0]) or is_position_name(unknown[0], lexicon)):
        return None
    return [Piece(Kind.LABEL, tag, base.narrow(start, start + len(tag)), key=key or "location", name=key or "location",
                  line_start=i == 0, source="tag_line")
            for i, ((start, tag), key) in enumerate(zip(tags, keys, strict=True))]


def _tags(text: str) -> list[tuple[int, str]]:
    """The tags between bars or spaced slashes; on a short line with neither, between spaces
    (``上海 3-5年 本科``: a job board's tags set apart by spacing alone)."""
    separators = list(TAG_SEPARATOR.finditer(text))
    lead = len(text) - len(text.lstrip())
    if not separators and len(text) <= MAX_SPACED_LINE:
        separators = list(SPACES.finditer(text, lead, len(text.rstrip())))
    out, at = [], lead
    for m in [*separators, None]:
        end = m.start() if m else len(text)
        raw = text[at:end]
        out.append((at + len(raw) - len(raw.lstrip()), raw.strip()))
        at = m.end() if m else at
    return out


@cache
def _years_re(lexicon: Lexicon) -> re.Pattern[str]:
    """``3-5年``, ``5年``: a number of years, maybe a range."""
    q = lexicon.data.qualifications
    return re.compile(rf"\d{{1,2}}\s?(?:(?:{alternation(q.range_separators)})\s?\d{{1,2}}\s?)?(?:{alternation(q.year_units)})")


def _tag_key(tag: str, lexicon: Lexicon) -> str | None:
    q = lexicon.data.qualifications
    if _years_re(lexicon).search(tag) or any(w in tag for w in q.experience_words[:1]) or tag in q.experience_tags:
        return "qualifications.experience"
    if any(level in tag for level in q.education) and len(tag) <= 8 or tag in q.education_tags:
        return "qualifications.education"
    if tag in lexicon.data.postings.employment_types:
        return "employment_type"
    if parse_salary(tag, lexicon) is not None:
        return "compensation"
    return None
