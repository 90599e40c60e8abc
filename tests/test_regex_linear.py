"""No regular expression of jdx may take super-linear time: a hostile line is a hang.

Every pattern found by :mod:`regex_inventory` (module globals, the compiled lexicon, and
whatever jdx compiles while converting the samples) is fed adversarial lines of 10,000 and
100,000 characters; the time must grow about 10x, not 100x (a ratio, in CPU time).

Issue 10, defect 1: the pay-rule pattern in fields/duties.py took 8.6 s on 10,000 digits and did not
finish on 40,000; ``test_duty_rule_on_a_long_digit_run`` is its reproducer.
"""

from __future__ import annotations

import re

import pytest
from regex_inventory import GENERIC_UNITS, all_patterns, literal_units, super_linear

# Super-linear patterns in modules this test's author may not edit (the extraction core is
# being reshaped; pdf.py is being rewritten), each with the adversarial line that shows it.
# The test fails when one of them becomes linear, so the list cannot go stale silently; a
# pattern that no longer exists is simply not checked.
KNOWN_SUPER_LINEAR: dict[str, str] = {
    # pipeline/boilerplate.py TOC_ENTRY: \S.*? then \s* choices, rescanned from every start
    r"\S.*?(?:\t+|\s*[.．·…]{3,}\s*|\s{2,})\d{1,4}$": "9",
    # pipeline/fields/qualifications.py AGE_* and the experience years: \d+ restarted inside a digit run
    r"(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:岁|周岁)?\s*(?:-|—|–|~|～|〜|至|到)\s*(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:岁|周岁)": "9",
    r"(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:岁|周岁)\s*(?:以上|及以上)": "9",
    r"(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:岁|周岁)\s*(?:以下|及以下|以内)|(?:不超过|不大于|小于)\s*(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:岁|周岁)": "9",
    r"(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:岁|周岁)": "9",
    r"(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:-|—|~|至|到)?\s*(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)?\s*年": "9",
    r"\d+\s*年|[一二两三四五六七八九十]年": "9",
    # pipeline/sections.py: the qualification sentence test
    r"\d+\s*年(?:及)?以上.{0,12}(?:经验|经历)|(?:大专|本科|硕士|博士|中专|高中|研究生)(?:及|或)?以上(?:学历)?": "9",
    # pipeline/titles.py: a trailing bracket, searched lazily from every "("
    r"\(.*?\)$": "(",
    # extractors/pdf.py _LEADER_RE: nested \s* around leader dots
    r"\s*(?:[.．·•…]\s*){4,}(\d{1,4})\s*$": " ",
}
# pipeline/numbering.py LABEL_RE is long; it is matched by its start.
KNOWN_PREFIXES: dict[str, str] = {
    "(?P<label>(?:(?P<article>第[零〇一二两三四五六七八九十百千]{1,4}[条章节项款]": ":",
    # pipeline/fields/kpis.py LINE_KPI: .+? then \s* then \d+ on a line of spaces
    "^(?P<name>.+?)\\s*(?P<target>": " ",
}

PATTERNS = all_patterns()


def _known(pattern: re.Pattern) -> str | None:
    source = pattern.pattern if isinstance(pattern.pattern, str) else ""
    if source in KNOWN_SUPER_LINEAR:
        return KNOWN_SUPER_LINEAR[source]
    return next((unit for prefix, unit in KNOWN_PREFIXES.items() if source.startswith(prefix)), None)


def _id(pattern: re.Pattern) -> str:
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    return source[:60]


def _duty_rule() -> re.Pattern:
    """The duty lexer's pay-and-penalty pattern, compiled from the lexicon."""
    from jdx.pipeline.fields.duties import _patterns
    from jdx.pipeline.lexicon import load_lexicon

    return _patterns(load_lexicon())["rule"]


def test_the_inventory_finds_patterns_of_every_kind() -> None:
    """The collector itself: module globals, lexicon matchers and run-time compiles are all in."""
    sources = {p.pattern for p in PATTERNS}
    from jdx.extractors.sniff import HTML_TAG
    from jdx.pipeline.lexicon import load_lexicon

    RULE = _duty_rule()
    assert RULE.pattern in sources and HTML_TAG.pattern in sources
    assert load_lexicon().label_re.pattern in sources
    assert r"\s+" in sources  # tables._norm's re.sub, compiled inside a function
    assert len(PATTERNS) >= 60


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if _known(p) is None], ids=_id)
def test_pattern_is_linear(pattern: re.Pattern) -> None:
    problems = super_linear(pattern, (*GENERIC_UNITS, *literal_units(pattern)))
    assert not problems, f"super-linear regex {pattern.pattern!r}: " + "; ".join(problems)


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if _known(p) is not None], ids=_id)
def test_known_super_linear_patterns_are_still_listed_for_a_reason(pattern: re.Pattern) -> None:
    """Each listed pattern is still super-linear on its line; fix it, then delete its entry."""
    assert super_linear(pattern, [_known(pattern)], first_only=True), (
        f"{pattern.pattern!r} is linear now: remove it from KNOWN_SUPER_LINEAR")


def test_duty_rule_on_a_long_digit_run() -> None:
    """Issue 10, defect 1: 岗位职责 followed by a run of digits took 8.6 s at 10,000 digits."""
    RULE = _duty_rule()
    assert not super_linear(RULE, ["9"])
    assert RULE.search("迟交一天10元/天") and RULE.search("超额部分按5%奖励") and RULE.search("奖金12.5万元")
    assert not RULE.search("负责现金收付9999")
