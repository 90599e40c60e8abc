"""Lines that say what they are wherever they stand: a short degree or ``N年以上…经验`` line is a
requirement, a short line opening with a pay range is the pay — under no heading, before the
first one, or in another section's list."""

from __future__ import annotations

import re
from functools import cache

from .fields.pay import parse_salary
from .lexicon import Lexicon, alternation
from .rules import rule


@rule
def pay_line(text: str, lexicon: Lexicon) -> bool:
    """A short line that opens with a pay range (``10-20k * 14``, ``8000-12000元/月``), maybe after
    a pay word (``月薪4000-6000元``), states the pay, wherever a posting put it: after the
    requirements, in a list of its own, under no heading."""
    head = _without_lead(text, lexicon.data.postings.pay_words).lstrip(":： ")
    return len(text) <= 30 and head[:1].isdigit() and parse_salary(text, lexicon) is not None


@rule
def duty_sentence(text: str, lexicon: Lexicon) -> bool:
    """A sentence of a prose posting that opens with a duty verb, maybe after 主要 or 该岗位
    (``主要负责现金收付、银行结算和日记账登记。``), says what the job does."""
    return _without_lead(text, lexicon.data.grammar.duty_sentence_leads).startswith(lexicon.duty_verbs)


def _without_lead(text: str, leads: list[str]) -> str:
    lead = max((w for w in leads if text.startswith(w)), key=len, default="")
    return text[len(lead):]


@cache
def _requirement_re(lexicon: Lexicon) -> re.Pattern[str]:
    q = lexicon.data.qualifications
    levels = alternation(list(q.education))
    above = alternation(q.at_least)
    years = alternation(q.year_units)
    exp = alternation(q.experience_words[:2])
    return re.compile(rf"\d{{1,2}}\s?(?:{years})(?:{above}).{{0,12}}(?:{exp})|(?:{levels})(?:{above})")


@rule
def self_evident_requirement(text: str, lexicon: Lexicon) -> bool:
    """A short line that states a degree or ``N年以上…经验`` is a requirement wherever it
    stands, even before any heading."""
    return len(text) <= 30 and bool(_requirement_re(lexicon).search(text))
