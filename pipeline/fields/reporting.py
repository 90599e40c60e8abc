"""Reporting line: superiors, direct reports, supervision counts, substitutes, rotations,
promotions."""

from __future__ import annotations

import re
from functools import cache

from ...schemas.role import Supervision
from ..lexicon import Lexicon, alternation
from ..rules import rule
from .values import clean_value, split_names


@cache
def _patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    r = lexicon.data.reporting
    to, verbs = re.escape(r.report_to_word), alternation(r.report_verbs)
    kinds = f"({re.escape(r.direct)}|{re.escape(r.indirect)})"
    supervise = alternation(r.supervise_words)
    person, total, unit = re.escape(r.person_unit), re.escape(r.total_word), re.escape(r.position_unit)
    first = re.escape(r.supervise_words[0]) if r.supervise_words else "(?!)"
    return {
        # "按规定向经理汇报业务工作,向分公司经理汇报日常事务性工作" names two superiors.
        "report_to": re.compile(rf"{to}([^,，;；。{to}]{{1,20}}?)(?:{verbs})"),
        # "直接督导 2 个岗位,共 6 人"
        "supervision": re.compile(rf"{kinds}{first}\s{{0,3}}(\d{{0,4}})\s{{0,3}}{unit}\s{{0,3}}[,，]?\s{{0,3}}"
                                  rf"{total}\s{{0,3}}(\d{{0,5}})\s{{0,3}}{person}"),
        # "直接下属4人,间接下属18人"
        "headcounts": re.compile(rf"{kinds}(?:{supervise})(?:{re.escape(r.count_word) or '(?!)'})?\s{{0,3}}[:：]?\s{{0,3}}(\d{{1,5}})\s{{0,3}}{person}"),
        "promotion": re.compile(rf"(?:{alternation(r.promotion_verbs)})(?:{alternation(r.promotion_joins)})"
                                rf"([^。;；]{{2,40}})"),
        "joins": re.compile(alternation(r.name_separators)),
        # "会计2名", "主管（2人）": the count at the end of a name (searched from the end's side, so
        # a long name is not rescanned from each of its characters)
        "counted": re.compile(rf"\s?[(（]?(?P<count>\d{{1,3}}|{lexicon.numbering.cn_class}{{1,3}})\s?"
                              rf"(?:{alternation(lexicon.data.titles.headcount_units)})[)）]?$"),
    }


def parse_superiors(text: str, lexicon: Lexicon) -> list[str]:
    value = clean_value(text, lexicon)
    if not value:
        return []
    found = superiors_in_sentence(value, lexicon)
    return found or split_names(value, lexicon)


@rule
def superiors_in_sentence(value: str, lexicon: Lexicon) -> list[str]:
    """``按规定向经理汇报业务工作,向分公司经理汇报日常事务性工作``: superiors named in a
    sentence sit between 向 and the reporting verb."""
    names = [clean_value(m.group(1), lexicon) for m in _patterns(lexicon)["report_to"].finditer(value)]
    return list(dict.fromkeys(n for n in names if n))


def parse_supervision(text: str, supervision: Supervision, lexicon: Lexicon) -> Supervision:
    """``直接督导 2 个岗位,共 6 人间接督导 个岗位,共 人`` → counts, empty blanks stay null."""
    update: dict[str, int] = {}
    direct = lexicon.data.reporting.direct
    p = _patterns(lexicon)
    for m in p["supervision"].finditer(text):
        kind = "direct" if m.group(1) == direct else "indirect"
        if m.group(2):
            update[f"{kind}_positions"] = int(m.group(2))
        if m.group(3):
            update[f"{kind}_headcount"] = int(m.group(3))
    for m in p["headcounts"].finditer(text):
        kind = "direct" if m.group(1) == direct else "indirect"
        update.setdefault(f"{kind}_headcount", int(m.group(2)))
    return supervision.model_copy(update=update) if update else supervision


def parse_count(text: str, lexicon: Lexicon | None = None) -> int | None:
    m = re.search(r"\d{1,6}", text or "")
    if m:
        return int(m.group())
    if lexicon is not None:
        cn = re.search(rf"{lexicon.numbering.cn_class}{{1,4}}", text or "")
        return lexicon.numbering.to_int(cn.group()) if cn else None
    return None


@rule
def parse_promotions(text: str, lexicon: Lexicon) -> list[str]:
    """Career prose names the positions a role leads to (``…有机会晋升为高级客户服务专员或者
    客户服务主管,…``): the names after 晋升为/升迁至 are promotions."""
    out: list[str] = []
    p = _patterns(lexicon)
    for m in p["promotion"].finditer(text):
        for name in p["joins"].split(m.group(1)):
            value = clean_value(re.split(r"[,，]", name)[0], lexicon)
            if value and len(value) <= 16 and value not in out:
                out.append(value)
    return out


@rule
def counted_positions(names: list[str], lexicon: Lexicon) -> tuple[list[str], int | None] | None:
    """``下属有会计2名、出纳1名``, ``直接下级：主管（2人）、专员（5人）``: a position under a role
    written with its count is named without it; when every one is counted, the counts add up to
    the direct headcount (``下辖副店长1名、店员若干名``: names only)."""
    pattern = _patterns(lexicon)["counted"]
    found = [m if (m := pattern.search(name)) and m.start() > 0 else None for name in names]
    if not any(found):
        return None
    counts = [parse_count(m.group("count"), lexicon) if m else None for m in found]
    stripped = [name[:m.start()].strip() if m else name for name, m in zip(names, found, strict=True)]
    total = sum(c for c in counts if c is not None) if all(c is not None for c in counts) else None
    return stripped, total


@cache
def _superior_clause_re(lexicon: Lexicon) -> re.Pattern[str]:
    r = lexicon.data.reporting
    name = r"[^,，。;；、\s]{2,15}?"
    under = (rf"(?:{alternation(r.superior_openers)})(?P<under>{name})(?:{alternation(r.superior_closers)})")
    to = rf"{re.escape(r.report_to_word) or '(?!)'}(?P<to>{name})(?:{alternation(r.report_verbs)})"
    answers = rf"(?:{alternation(r.responsible_openers)})(?P<answers>{name})(?:{alternation(r.responsible_verbs)})"
    after = rf"(?:{alternation(r.report_to_verbs_first) or '(?!)'})(?P<after>{name})(?=[,，。;；]|$)"
    # "在区域经理的领导下全面负责…": after 领导下/指导下 the work may follow without a comma
    return re.compile(rf"(?:{alternation(r.superior_adverbs)})?(?:{under}|{to}|{answers}|{after})"
                      rf"(?:{alternation(r.superior_tails)})?(?:[,，]\s?|(?=[。;；])|$|(?<={re.escape(r.under_end) or '(?!)'}))")


@rule
def superior_clause(text: str, lexicon: Lexicon) -> re.Match[str] | None:
    """A paragraph about a position opens with whom it works under (``在行政经理领导下工作，``,
    ``向行政主管汇报，``, ``受部门经理领导，``, ``汇报给行政经理，``): the superior, said in prose before the work.
    Matched at the start of ``text`` (after the position's name); the match ends where the
    work starts."""
    m = _superior_clause_re(lexicon).match(text)
    if m and m.group("answers") and not _answers_to_a_position(m.group("answers"), lexicon):
        return None
    return m if m and (m.group("under") or m.group("to") or m.group("answers") or m.group("after")) else None


def superior_name(m: re.Match[str]) -> str:
    """The group of a :func:`superior_clause` match that holds the superior's name."""
    return next(g for g in ("under", "to", "answers", "after") if m.group(g))


@rule
def _answers_to_a_position(name: str, lexicon: Lexicon) -> bool:
    """``本岗位对总经理负责`` names whom the position answers to; ``对产品质量负责`` names what it
    answers for: only a position's name is a superior."""
    from ..titles import is_position_name

    return is_position_name(name, lexicon)
