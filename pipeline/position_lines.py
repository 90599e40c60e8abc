"""Lines that name a position and give what it is in the same line, as notices, leaflets and a
department's list of its positions write them: its name and how many, then its terms clause after
clause (``厨师2名，要求有3年以上川菜经验，月薪6000元以上；``, ``普工：18-45岁，…，月均6000-8000元。``),
or its name and its work (``二、仓管员：负责物料的验收入库…``); a name with its count heading its
lines (``★ 分拣员 12名 要求：…``); a line that lists the openings with their counts. Each clause
says by its form what it is: a pay clause is the pay, the others are requirements.
"""

from __future__ import annotations

import re
from functools import cache

from .fields.pay import names_perk, states_pay
from .fields.qualifications import clause_kind, preferred_text
from .fields.reporting import parse_count
from .fields.values import clause_spans
from .lexicon import Lexicon, alternation
from .piece import Kind, Loc, Piece
from .rules import rule
from .scan import scan_text
from .self_evident import duty_start, work_after_superior
from .titles import is_position_name

MAX_NAME = 16


def headcount_pattern(lexicon: Lexicon, unspecified: bool = True) -> str:
    """A position's count as notices write it: a number or Chinese numeral and its unit (2名, 两人),
    and, with ``unspecified``, 若干(名)."""
    t = lexicon.data.titles
    units = alternation(t.headcount_units)
    counted = rf"(?:\d{{1,3}}|{lexicon.numbering.cn_class}{{1,3}})\s?(?:{units})"
    if not unspecified:
        return counted
    return rf"{counted}|(?:{alternation(t.unspecified_counts + lexicon.data.grammar.recruiting_counts)})(?:{units})?"


@cache
def _counted_re(lexicon: Lexicon) -> re.Pattern[str]:
    """The name (maybe in brackets), its count glued to it or after a space, a colon or a recruiting
    verb (``【销售经理】招聘2人，``), and the clause mark that ends both."""
    verbs = alternation(lexicon.data.grammar.recruiting_verbs)
    return re.compile(rf"[【\[]?(?P<name>[^\s，,：:；;。、\d【】\[\]]{{2,{MAX_NAME}}}?)[】\]]?\s?(?:[：:]|{verbs})?\s?"
                      rf"(?P<count>{headcount_pattern(lexicon)})\s?[，,：:；;]")


def position_line(text: str, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """A line that names a position and gives its count and terms, its terms, or its work."""
    return counted_position_line(text, base, lexicon) or named_terms_line(text, base, lexicon) \
        or named_duties_line(text, base, lexicon)


@rule
def counted_position_line(text: str, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """A line that opens with a position's name and its count and goes on, after a clause mark,
    with that position's terms: the name opens a role, the count is its headcount, a clause that
    states pay (a salary, or 面议) or names a perk (包午餐) is its pay, a gender word its gender, and
    the other clauses are its requirements, each as written. A numbered line (``1、电工2名，…``,
    ``二、楼面经理：2名，…``) is one too. A line whose name is no position (``本店员工5名，…``) or
    that states no terms is not one."""
    m = _counted_re(lexicon).match(text)
    if m is None or not is_position_name(m.group("name"), lexicon, MAX_NAME):
        return None
    cut = _sections_after_terms(text, m.end(), lexicon) or len(text)
    rest = [(m.end() + s, m.end() + e) for s, e in clause_spans(text[m.end():cut])]
    if not rest:
        return None
    count = Piece(Kind.LABEL, m.group("count"), base.narrow(m.start("count"), m.end("count")), key="headcount",
                  name="headcount", line_start=False)
    out = _position_with_terms(text, base, m, rest, lexicon, [count])
    return out + scan_text(text[cut:], base.narrow(cut, len(text)), lexicon) if cut < len(text) else out


@rule
def _sections_after_terms(text: str, at: int, lexicon: Lexicon) -> int | None:
    """``【销售经理】招聘2人，月薪8000-15000元。职责：负责…。要求：…``: a posting written on one line gives
    its count and terms in the first sentence and then its sections under their own headings; the
    terms end with that sentence, and the rest is read as any text is. Returns where the rest starts."""
    end = text.find("。", at)
    if end < 0:
        return None
    start = end + 1
    return start if lexicon.heading_re.match(text, start) or lexicon.label_re.match(text, start) else None


@rule
def named_terms_line(text: str, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """``普工：18-45岁，身体健康，…，月均6000-8000元。``: a position's name and a colon, then two or
    more clauses that say by their form what terms they are (pay, age, a degree, years, a
    gender), or two clauses one of which does (``销售助理：大专以上学历，会用电脑；``) — the position's
    terms, as a counted line gives them (:func:`counted_position_line`).
    A label (岗位职责：…) or a line of duties (销售经理：负责…) names no terms."""
    m = NAME_COLON.match(text)
    if m is None or not is_position_name(m.group("name"), lexicon, MAX_NAME):
        return None
    rest = [(m.end() + s, m.end() + e) for s, e in clause_spans(text[m.end():])]
    terms = [c for s, e in rest if (c := text[s:e].rstrip("。.;；"))
             and (_clause_label(c, lexicon) is not None or clause_kind(c, lexicon) is not None)]
    enough = len(terms) >= MIN_TERMS or terms and len(rest) >= MIN_TERMS  # "销售助理：大专以上学历，会用电脑；"
    return _position_with_terms(text, base, m, rest, lexicon, []) if enough else None


@rule
def named_duties_line(text: str, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """``二、会计：负责日常账务处理，编制会计凭证和账簿，按时申报纳税。``: a department's list of its
    positions gives each one line — the position's name, a colon and its work, opening with a
    duty verb (or with whom it works under, then the work). The name opens the position's role
    and the rest is its duty. A field's label that reads as a position (``直属主管：管理部经理``) names
    none."""
    m = NAME_COLON.match(text)
    if m is None or not is_position_name(m.group("name"), lexicon, MAX_NAME) or lexicon.label_key(m.group("name")):
        return None
    rest = text[m.end():].rstrip()
    at = duty_start(rest, None, lexicon)
    if at is None and rest and work_after_superior(rest, None, lexicon):
        at = 0  # "社工助理：在上级的领导下，协助…": the duty as written, its superior's clause in it
    if not rest or at is None:
        return None
    start = m.end() + at
    return [_title_piece(text, base, m),
            Piece(Kind.HEADING, "", base.narrow(start, start), key="duties", name="", line_start=False,
                  source="position_line"),
            Piece(Kind.TEXT, text[start:m.end() + len(rest)], base.narrow(start, m.end() + len(rest)), line_start=True,
                  source="position_line")]


NAME_COLON = re.compile(rf"(?P<name>[^\s，,：:；;。、\d]{{2,{MAX_NAME}}}?)\s?[：:]\s?")
MIN_TERMS = 2


def _position_with_terms(text: str, base: Loc, m: re.Match[str], rest: list[tuple[int, int]], lexicon: Lexicon,
                         extra: list[Piece]) -> list[Piece]:
    out = [_title_piece(text, base, m), *extra,
           Piece(Kind.HEADING, "", base.narrow(rest[0][0], rest[0][0]), key="qualifications", name="",
                 line_start=False, source="position_line")]
    for s, e in rest:
        clause = text[s:e].rstrip("。.;；")
        key = _clause_label(clause, lexicon)
        if key is not None:
            out.append(Piece(Kind.LABEL, clause, base.narrow(s, s + len(clause)), key=key, name=key, line_start=False))
        else:
            out.append(Piece(Kind.TEXT, clause, base.narrow(s, s + len(clause)), line_start=True, source="position_line"))
    return out


def _title_piece(text: str, base: Loc, m: re.Match[str]) -> Piece:
    return Piece(Kind.TITLE, m.group("name"), base.narrow(m.start("name"), m.end("name")), name=text.strip(),
                 title_style="heading", source="position_line")


def _clause_label(clause: str, lexicon: Lexicon) -> str | None:
    """The field a clause states by its form alone: the pay (``月薪3500元``, ``面议``, a perk such
    as ``包午餐``) or the gender (``女``, ``男女不限``); a wish (``…者优先``) is a requirement."""
    q = lexicon.data.qualifications
    if clause in q.gender_free + q.male + q.female:
        return "qualifications.gender"
    if preferred_text(clause, lexicon):
        return None
    return "compensation" if states_pay(clause, lexicon) or names_perk(clause, lexicon) else None


@rule
def openings_list(value: str, lexicon: Lexicon) -> bool:
    """``招聘岗位：普工20名、质检员3名、仓管员2名``: a title label whose value lists several
    positions with their counts is the notice's list of openings, which the lines after it
    describe one by one; it names no position of its own."""
    parts = [p.strip() for p in OPENING_SEPARATORS.split(value.strip().rstrip("。；;")) if p.strip()]
    counted = _counted_name_re(lexicon)
    return len(parts) >= 2 and all((m := counted.fullmatch(p)) is not None
                                   and is_position_name(m.group("name"), lexicon, MAX_NAME) for p in parts)


OPENING_SEPARATORS = re.compile(r"[、，,;；]")


@cache
def _counted_name_re(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?P<name>[^\s\d]{{2,{MAX_NAME}}}?)\s?(?P<count>{headcount_pattern(lexicon, unspecified=False)})")


@cache
def _name_and_count_re(lexicon: Lexicon) -> re.Pattern[str]:
    """A name and its count — glued, after a space, or in brackets — and nothing else."""
    count = headcount_pattern(lexicon)
    return re.compile(rf"(?P<name>[^\s\d（(【\[]{{2,{MAX_NAME}}}?)\s?(?:[（(【\[]\s?(?P<bracketed>{count})\s?[）)】\]]"
                      rf"|(?P<count>{count}))")


def name_and_count(text: str, lexicon: Lexicon) -> tuple[re.Match[str], str] | None:
    """``快递员 若干名``, ``客服专员2名``, ``会计（1人）``: the match and which group holds the count,
    when the text is a position's name and its count."""
    m = _name_and_count_re(lexicon).fullmatch(text)
    if m is None or not is_position_name(m.group("name"), lexicon, MAX_NAME):
        return None
    return m, "bracketed" if m.group("bracketed") else "count"


def opening_counts(value: str, lexicon: Lexicon) -> dict[str, int]:
    """The positions of an openings list and their counts: ``普工20名、质检员3名`` → 普工 20, 质检员 3."""
    out: dict[str, int] = {}
    for part in OPENING_SEPARATORS.split(value):
        m = _counted_name_re(lexicon).fullmatch(part.strip().rstrip("。；;"))
        count = parse_count(m.group("count"), lexicon) if m else None
        if m is not None and count is not None:
            out[m.group("name")] = count
    return out
