"""Lines that say what they are wherever they stand: a short degree or ``N年以上…经验`` line is a
requirement, a short line opening with a pay range is the pay — under no heading, before the
first one, or in another section's list."""

from __future__ import annotations

import re
from functools import cache

from .fields.pay import parse_salary, pay_clause, perks_in_prose
from .fields.reporting import superior_clause
from .fields.values import clause_spans
from .lexicon import Lexicon, alternation
from .rules import rule


@rule
def pay_line(text: str, lexicon: Lexicon) -> bool:
    """A short line that opens with a pay range (``10-20k * 14``, ``8000-12000元/月``), maybe after
    a pay word (``月薪4000-6000元``), states the pay, wherever a posting put it: after the
    requirements, in a list of its own, under no heading."""
    head = without_lead(text, lexicon.data.postings.pay_words).lstrip(":： ")
    return len(text) <= 30 and head[:1].isdigit() and parse_salary(text, lexicon) is not None


@rule
def duty_sentence(text: str, lexicon: Lexicon) -> bool:
    """A sentence of a prose posting that opens with a duty verb, maybe after 主要 or 该岗位
    (``主要负责现金收付、银行结算和日记账登记。``), says what the job does."""
    return without_lead(text, lexicon.data.grammar.duty_sentence_leads).startswith(lexicon.duty_verbs)


def without_lead(text: str, leads: list[str]) -> str:
    """``text`` without the longest of ``leads`` it opens with."""
    if not text.startswith(tuple(leads)):  # most texts open with none: one test, not one per lead
        return text
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
    """A short line that states a degree, ``N年以上…经验`` or an age range is a requirement
    wherever it stands, even before any heading."""
    if len(text) > 30:
        return False
    return bool(_requirement_re(lexicon).search(text)) or _age_range(text, lexicon)


def _age_range(text: str, lexicon: Lexicon) -> bool:
    """``18-35岁，男女不限``: a stated age range is asked of the person."""
    from .fields.qualifications import age_in_text

    age = age_in_text(text, lexicon)
    return age is not None and age.min is not None and age.max is not None


@rule
def prose_paragraph_section(text: str, title: str | None, lexicon: Lexicon) -> str | None:
    """A paragraph of a prose posting says which part of the posting it is by how it opens and
    what it talks about: the position as subject and a duty verb (``财务经理主要负责…``,
    ``客户经理的工作是开发…``) — duties; the candidate as subject, or a modal and a verb of having
    (``应聘者须具有…``, ``须持有…``), or two requirement topics (a degree and years of
    experience) — requirements; how to send an application — the application, unless the
    paragraph opened as requirements (``要求女性，…，有意者请致电…``); a pay or perk
    word at its start or perks
    given (``公司为员工缴纳五险一金…``) — the pay. ``None`` when it says none of these."""
    g = lexicon.data.grammar
    body = text.strip()
    # the work opens the paragraph before anything it mentions ("…筛选简历并安排面试" is a duty)
    if duty_start(body, title, lexicon) is not None or work_after_superior(body, title, lexicon):
        return "duties"
    # "要求女性，25岁以下，…，有意者请致电…": opened as requirements, the paragraph is requirements
    # though it ends with how to apply
    if _application(body, lexicon) and not body.startswith(tuple(g.requirement_openers)):
        return "application"
    rest = without_lead(body, [w for w in (title, *g.position_subjects) if w])
    # "该职位要求候选人具有…": the position as subject, then what it asks of the candidate
    if requirement_sentence(rest, lexicon) if rest is not body else requirement_sentence(body, lexicon):
        return "qualifications"
    p = lexicon.data.postings
    if body.startswith(tuple(p.offer_openers)) or perks_in_prose(body, lexicon) or terms_paragraph(body, lexicon):
        return "compensation"
    return None


@rule
def terms_paragraph(body: str, lexicon: Lexicon) -> bool:
    """A paragraph that states the job's terms clause by clause, the pay among them
    (``工作时间为做六休一，早九晚六，月薪4000-5500元，包吃住。``): the pay clause
    (:func:`.fields.pay.pay_clause`) makes it the pay paragraph, as long as no clause asks
    something of the candidate. The pay is the clauses from the pay clause on; the terms
    before it (the hours) are the job's conditions (:func:`pay_clause_start`)."""
    return pay_clause_start(body, lexicon) is not None and requirement_topics(body, lexicon) == 0


def pay_clause_start(body: str, lexicon: Lexicon) -> int | None:
    """Where the first clause that states the pay starts in ``body``; None when none does."""
    return next((s for s, e in clause_spans(body, "，,。；;！!？?") if pay_clause(body[s:e], lexicon)), None)


@rule
def work_after_superior(body: str, title: str | None, lexicon: Lexicon) -> bool:
    """``在上级的领导下，负责现金收付…``: whom the position works under, then its work — a
    paragraph of duties, though the work does not open it."""
    g = lexicon.data.grammar
    rest = without_lead(body, [w for w in (title, *g.position_subjects) if w])
    m = superior_clause(rest, lexicon)
    return m is not None and duty_start(rest[m.end():], None, lexicon) is not None


def requirement_sentence(text: str, lexicon: Lexicon) -> bool:
    """A sentence that asks something of the candidate: it opens with the candidate, a modal and
    a verb of having, or 要求 (``要求持C1驾照，五年以上驾龄``), or it names two requirement topics."""
    return (text.startswith(tuple(lexicon.data.grammar.requirement_openers)) or _candidate_opening(text, lexicon)
            or requirement_topics(text, lexicon) >= 2)


def _application(text: str, lexicon: Lexicon) -> bool:
    return any(w in text for w in lexicon.data.grammar.application_words) and requirement_topics(text, lexicon) == 0


@cache
def _candidate_re(lexicon: Lexicon) -> re.Pattern[str]:
    g = lexicon.data.grammar
    subjects, modals = alternation(g.candidate_subjects), alternation(g.requirement_modals)
    # the verb of having is what makes it a requirement: "您将参与…" tells the work, not the person;
    # after the candidate a verb of knowing does too ("你需要熟悉Spring框架")
    return re.compile(rf"(?:{subjects})?(?:{modals})?(?:{alternation(g.possession_verbs)})"
                      rf"|(?:{subjects})(?:{modals})?(?:{alternation(g.knowing_verbs)})")


def _candidate_opening(text: str, lexicon: Lexicon) -> bool:
    m = _candidate_re(lexicon).match(text)
    return m is not None and m.end() > min(map(len, lexicon.data.grammar.possession_verbs))  # more than 有…


def requirement_topics(text: str, lexicon: Lexicon) -> int:
    q = lexicon.data.qualifications
    topics = [any(level in text for level in q.education), any(w in text for w in q.experience_words[:2])]
    topics += [w in text for w in lexicon.data.grammar.requirement_topics]
    return sum(topics)


def duty_start(text: str, title: str | None, lexicon: Lexicon) -> int | None:
    """Where the work a prose paragraph describes starts, after its subject and the words that
    introduce the work (``审计专员主要|负责…``, ``客户经理的工作是|开发…``); ``None`` when the
    paragraph does not open that way."""
    g = lexicon.data.grammar
    body = text.lstrip()
    offset = len(text) - len(body)
    rest = without_lead(body, [w for w in (title, *g.position_subjects) if w])
    if rest is not body:  # "在这个职位上，你将负责…": a comma may part the subject from the work
        rest = rest.lstrip(",，")
    opener = max((w for w in g.duty_openers if rest.startswith(w)), key=len, default=None)
    if opener is not None:
        # "本岗位的主要职责是：组织…": the colon after the opener introduces the work too
        after = rest[len(opener):]
        return offset + len(body) - len(after.lstrip(":：").lstrip())
    verb_at = without_lead(rest, g.duty_sentence_leads)
    if verb_at.startswith(lexicon.duty_verbs):
        return offset + len(body) - len(verb_at)
    return None
