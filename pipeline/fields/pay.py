"""Postings' pay, benefits, places and employment type.

``salary`` is parsed from the compensation text only when it states one figure range
(``15K-25K·14薪``, ``4000 - 6000元/月``, ``年薪20-30万``); 面议, two pay regimes or no figures
give none. Amounts are in yuan (``15K`` → 15000, ``20万`` → 200000); the unit comes from the
text (``元/月``, ``年薪``) or from the K-per-month convention.
"""

from __future__ import annotations

import re
from functools import cache

from ...schemas.role import Salary
from ..lexicon import Lexicon, alternation
from ..rules import rule
from .values import clauses_outside_brackets, clean_item, clean_value

# Thousands separators as written in HK/TW and English postings: "HK$18,000 - 22,000".
AMOUNT = r"(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,7}(?:\.\d{1,3})?)"


@cache
def _patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    p = lexicon.data.postings
    sep = alternation(lexicon.data.qualifications.range_separators)
    mult = alternation(p.thousand + p.ten_thousand)
    yuan = alternation(p.yuan)
    signs = alternation(p.currency_signs)
    return {
        # a clock time (9:00-18:00, 8：30—17：30) is no pay range: no figure next to a colon
        # the unit may stand after both figures ("3000元-5000元", "4千元到6千元")
        # "$25,000 - $30,000": a currency sign may stand before the second figure too
        "range": re.compile(rf"(?<![\d.])(?<!\d[:：]){AMOUNT}\s{{0,2}}({mult})?\s{{0,2}}(?:{yuan})?\s{{0,3}}(?:{sep})\s{{0,3}}"
                            rf"(?:{signs})?\s?{AMOUNT}\s{{0,2}}({mult})?(?!\d|[:：]\d)", re.IGNORECASE),
        "months": re.compile(rf"(\d{{2}})\s{{0,2}}(?:{alternation(p.months_words)})|[*×xX]\s{{0,2}}(\d{{2}})\b"),
        "unit": re.compile(alternation(list(p.salary_units))),
        "negotiable": re.compile(alternation(p.negotiable)),
        "place_split": re.compile(alternation(p.place_separators)),
        "place_prefix": re.compile(rf"^(?:{alternation(p.place_prefixes)})\s{{0,3}}"),
        "employment": re.compile(alternation(p.employment_types), re.IGNORECASE),
        # a slash before a period says "per" (餐补/月); elsewhere it parts perks (五险/一金)
        "benefit_split": re.compile(rf"[、,，;；]|/(?!{alternation(p.pay_periods)})|\s{{2,}}"),
        "money": re.compile(rf"\d\s*(?:{alternation(p.thousand + p.ten_thousand + p.yuan)})"),
        "perk_verb": re.compile(alternation(p.perk_verbs)),
        "perk_join": re.compile(alternation(p.perk_joiners)),
        "figure_before": re.compile(rf"(\d+(?:\.\d+)?)\s*(?:{alternation(p.yuan)})?\s*$"),
    }


def states_pay(text: str, lexicon: Lexicon) -> bool:
    """Whether a clause states pay: an amount of money (``月薪6000元以上``, ``8K``) or 面议."""
    p = _patterns(lexicon)
    return bool(p["money"].search(text) or p["negotiable"].search(text))


@rule
def pay_clause(clause: str, lexicon: Lexicon) -> bool:
    """One-sentence ads and leaflets run the pay into the requirements (``招聘司机一名，要求持C1驾照，
    三年以上驾龄，月薪5000元，有意者请联系…``): a clause that opens with a pay word and states an
    amount (or 面议) is the pay, not a requirement no field took."""
    p = lexicon.data.postings
    openers = tuple(w for w in p.pay_words if w not in p.perk_pay_words and w not in p.yuan)
    return clause.lstrip().startswith(openers) and states_pay(clause, lexicon)


def _amount(value: str, mult: str | None, lexicon: Lexicon) -> float:
    p = lexicon.data.postings
    amount = float(value.replace(",", ""))
    if mult and mult in p.thousand or mult and mult.upper() in {m.upper() for m in p.thousand}:
        return amount * 1000
    if mult and (mult in p.ten_thousand or mult.upper() in {m.upper() for m in p.ten_thousand}):
        return amount * 10000
    return amount


@rule
def parse_salary(text: str, lexicon: Lexicon) -> Salary | None:
    """Pay text with one figure range becomes numbers: ``15K-25K·14薪`` → 15000–25000 a month,
    14 months; ``4000 - 6000元/月``; ``年薪20-30万``. 面议 and two pay regimes give none."""
    pat = _patterns(lexicon)
    ranges = list(pat["range"].finditer(text))
    if len(ranges) != 1:
        return None  # no range ("面议", "150元/天": one figure) or two regimes
    m = ranges[0]
    mult_hi = m.group(4) or m.group(2)
    lo = _amount(m.group(1), m.group(2) or mult_hi, lexicon)
    hi = _amount(m.group(3), mult_hi, lexicon)
    if lo > hi or hi < 100:
        return None
    kilo = bool(mult_hi) and mult_hi.upper() in {t.upper() for t in lexicon.data.postings.thousand}
    units = lexicon.data.postings.salary_units
    figures = _unit_figures(text, m, pat["unit"], pat["figure_before"])
    own = next((u for u, amount in figures if amount is None), None)
    unit = units[own.group()] if own else ("month" if kilo else None)
    if _second_pay_regime(unit, lo, [(units[u.group()], amount) for u, amount in figures if amount is not None]):
        return None
    months_m = pat["months"].search(text)
    months = int(months_m.group(1) or months_m.group(2)) if months_m else None
    if months is not None and not 12 <= months <= 20:
        months = None
    return Salary(min=lo, max=hi, unit=unit, months=months, text=clean_item(text))  # type: ignore[arg-type]


def _unit_figures(text: str, pay_range: re.Match[str], unit: re.Pattern[str],
                  figure_before: re.Pattern[str]) -> list[tuple[re.Match[str], float | None]]:
    """The pay units in ``text``, each with the amount of the figure it follows when that figure
    is not the range (``实习期间 200/天`` → 200.0), else None (``4000 - 6000元/月``, ``年薪``)."""
    out = []
    for m in unit.finditer(text):
        figure = figure_before.search(text, 0, m.start())
        other = figure is not None and not pay_range.start() <= figure.start() < pay_range.end()
        out.append((m, float(figure.group(1)) if other and figure else None))
    return out


# Periods of pay in months, to weigh a figure paid by the day against a monthly range.
MONTHS_PER = {"month": 1.0, "year": 12.0, "day": 1 / 21.75, "hour": 1 / 174.0}


@rule
def _second_pay_regime(unit: str | None, low: float, others: list[tuple[str, float]]) -> bool:
    """Besides its range the pay text states another figure paid by another period, worth about
    as much (``实习期间 200/天`` … ``转正后 8K - 15K``): two pay regimes, so no one salary, and the
    range never borrows the other figure's unit. A figure paid by the same period (``餐补300元/月``)
    or worth little beside the range (``工作餐（15元/日）``) is an allowance."""
    if unit not in MONTHS_PER:
        return False
    monthly_low = low / MONTHS_PER[unit]
    return any(u != unit and amount / MONTHS_PER[u] >= 0.3 * monthly_low for u, amount in others)


MAX_PLACE = 12


@rule
def place_prose(text: str, lexicon: Lexicon) -> bool:
    """A 工作地点 value written as a sentence (``本岗位的工作地点为公司总部,需配合出差``) states a
    working condition, not a list of places: place names are short."""
    parts = clauses_outside_brackets(text, "".join(lexicon.data.postings.place_separators))
    return any(len(_patterns(lexicon)["place_prefix"].sub("", p)) > MAX_PLACE and not _address(p, lexicon)
               for p in parts)


@rule
def _address(text: str, lexicon: Lexicon) -> bool:
    """A street address (``成都市武侯区天府大道88号``) is a long place, not a sentence: it ends with
    an address word after a number or a road, and has no words of a sentence (的, 为, 需)."""
    p = lexicon.data.postings
    return (len(text) <= MAX_ADDRESS and text.endswith(tuple(p.address_endings))
            and not any(w in text for w in p.sentence_words_in_places) and not PHONE.search(text))


# A telephone number: a line with one is a contact, whatever address it holds.
PHONE = re.compile(r"\d{7,}")


MAX_ADDRESS = 40


def split_places(text: str, lexicon: Lexicon) -> list[str]:
    """``北京，上海`` → 北京, 上海; ``Base 北京`` → 北京; conditions (``特别优秀可 Remote``) are not places."""
    pat = _patterns(lexicon)
    not_places = lexicon.data.postings.not_places
    out: list[str] = []
    parts = clauses_outside_brackets(text, "".join(lexicon.data.postings.place_separators))
    for part in [p for whole in parts for p in _place_alternatives(whole, lexicon)]:
        place = clean_value(pat["place_prefix"].sub("", part.strip()), lexicon)
        place = (_place_without_condition(place, not_places) or place) if place else place
        if not place or any(w in place for w in not_places) or len(place) > 20 and not _address(place, lexicon):
            continue
        if place not in out:
            out.append(place)
    return out


MAX_CONDITIONED_PLACE = 6


def _place_alternatives(part: str, lexicon: Lexicon) -> list[str]:
    """``上海或深圳`` → 上海, 深圳: 或 parts short names only (``有物流行业或者…经验`` is no list of places)."""
    alternatives = lexicon.data.postings.place_alternatives
    names = re.split(alternation(alternatives), part) if alternatives else [part]
    return names if all(2 <= len(n.strip()) <= MAX_ALTERNATIVE_PLACE for n in names) else [part]


MAX_ALTERNATIVE_PLACE = 6


@rule
def _place_without_condition(place: str, not_places: list[str]) -> str | None:
    """A place often carries its condition (``优先北京``, ``深圳需要特别优秀``): the place is the part
    before a condition word, or after one that opens the text; a condition alone (``特别优秀可
    Remote``, ``不限``) names no place, and a text with no condition is not this rule's."""
    cut = False
    while True:
        at = min(((place.find(w), -len(w), w) for w in not_places if w in place), default=None)
        if at is None:
            # a place cut out of a condition is a name, not a clause ("可以选择入职上海或南京")
            return place if cut and len(place) <= MAX_CONDITIONED_PLACE else None
        i, _, word = at
        if i > 0:
            place = place[:i].rstrip(" （(【[")
            return place if place and len(place) <= MAX_CONDITIONED_PLACE else None
        place, cut = place[len(word):].strip(), True
        if not place:
            return None


MAX_PERK = 10


@rule
def perk_list(text: str, lexicon: Lexicon) -> list[str]:
    """A 福利待遇 value that only names perks (``包吃包住、五险、带薪年假、生日福利``) is a list of
    benefits, not pay: short items, no figures, no pay words."""
    p = lexicon.data.postings
    if re.search(r"\d", text) or any(w in text for w in p.pay_words if w not in p.perk_pay_words):
        return []
    items = split_benefits(text, lexicon)
    if len(items) < 2 or any(len(i) > MAX_PERK for i in items):
        return []
    return items


MAX_PERK_ITEM = 12


def perk_item(text: str, lexicon: Lexicon) -> bool:
    """One list item that names a perk (``五险一金``, ``每年 12 天带薪年假``): short, no money figure,
    no pay word but the perk ones (奖金, 补贴 …), no sentence."""
    p = lexicon.data.postings
    item = clean_item(text).replace(" ", "")
    if not item or len(item) > MAX_PERK_ITEM or re.search(r"[，,。！!？?~～；;]", item):
        return False
    if _patterns(lexicon)["money"].search(item):
        return False
    return not any(w in item for w in p.pay_words if w not in p.perk_pay_words)


def names_perk(text: str, lexicon: Lexicon) -> bool:
    """A clause that names a perk (``包午餐``, ``五险一金``): a perk item with a perk's word in it,
    or a thing given after a verb of giving."""
    named = perk_item(text, lexicon) and any(w in text for w in lexicon.data.postings.perk_heads)
    return named or bool(perks_in_prose(text, lexicon))


@rule
def perks_in_prose(text: str, lexicon: Lexicon) -> list[str]:
    """A sentence about what the employer offers names its perks after a verb of giving
    (``公司为员工缴纳五险一金，提供带薪年假和年度体检``): each thing given that is a perk's name —
    short, a perk's word in it (险, 假, 餐, 体检 …), no figure or pay word, no modifier with 的 (``国家规定的各项福利`` describes, it names
    nothing) — is a benefit, as written."""
    p = lexicon.data.postings
    verbs, joiners = _patterns(lexicon)["perk_verb"], _patterns(lexicon)["perk_join"]
    out: list[str] = []
    for clause in re.split(r"[，,。；;！!？?]", text):
        m = verbs.search(clause)
        if m is None:
            continue
        given = clause[m.end():]
        closer = min((i for c in p.perk_list_closers if (i := given.find(c)) > 0), default=len(given))
        for part in joiners.split(given[:closer]):  # 等假期福利 sums the list up, it names no perk
            item = part.strip()
            if len(item) >= 2 and not any(w in item for w in p.perk_describers) and _whole_phrase(item) and perk_item(item, lexicon) and item not in out \
                    and any(w in item for w in p.perk_heads) and not any(w in item for w in p.perk_verbs):
                out.append(item)
    return out


def _whole_phrase(item: str) -> bool:
    """A thing given is a phrase of its own: no label before a colon, no bracket left open or
    closed by a clause cut out of a longer one (``5天带薪年假）``)."""
    opened = item.count("(") + item.count("（")
    closed = item.count(")") + item.count("）")
    return opened == closed and not any(c in item for c in ":：")


def split_benefits(text: str, lexicon: Lexicon) -> list[str]:
    """``五险一金、带薪年假、节日福利`` → three benefits; ``1500 元餐补/月`` is one (a slash before a
    period says "per", it parts nothing)."""
    out: list[str] = []
    for part in _patterns(lexicon)["benefit_split"].split(text):
        item = clean_item(part)
        if item and item not in out:
            out.append(item)
    return out


def employment_type(text: str, lexicon: Lexicon) -> str | None:
    m = _patterns(lexicon)["employment"].search(text)
    return m.group() if m else None
