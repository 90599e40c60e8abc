"""Role titles: recognise document titles (``XX岗位说明书``, ``XX工作职责范文(3篇)``) and
position names, split a company name off the front (``松川公司客户服务经理``), and clean a
title the way the contract writes it (spaces only around Latin words, no headcount or level
tail, no posting words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .fields.values import text_units
from .lexicon import Lexicon, alternation
from .rules import rule

SENTENCE_PUNCT = re.compile(r"[,。;:!?，；：！？]")
SEPARATORS = "—–-_ ·:"
MAX_TITLE = 30
QUOTES = re.compile(r"[《》“”\"「」]")
CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])|^ +| +$")


@dataclass(frozen=True)
class DocTitle:
    """A document-title match at the start of a text."""

    title: str          # position part, decorations and doc words removed (may be "" or a company)
    end: int            # where the title ends in the text
    label: str | None   # numbering label in front ("一、客服专员岗位职责")
    raw: str            # the matched heading as written


@dataclass(frozen=True)
class TitleParts:
    """A title split into the position and the tails postings put after it."""

    title: str
    headcount: int | None = None
    level: str | None = None
    employment: str | None = None  # "初中数学老师（全职）": the kind of employment in a bracketed tail


@cache
def _doc_title_re(lexicon: Lexicon) -> re.Pattern[str]:
    t = lexicon.data.titles
    n = lexicon.numbering
    words = alternation(lexicon.doc_words)
    decorations = alternation(lexicon.decorations)
    count = alternation(t.count_units)
    edition = alternation(t.edition_words)
    cn = n.cn_class
    count_decoration = (rf"\(\s?(?:\d{{1,3}}|{cn}{{1,4}})\s?(?:{count})?\s?\)|\d{{1,3}}(?:{count})|{cn}{{1,4}}(?:{count})"
                        rf"|\(\s?\d{{4}}\s?(?:{edition}){{0,4}}\s?\)")
    paren_ordinal = rf"\(\s?(?:\d{{1,3}}|{cn}{{1,4}})\s?\)"
    return re.compile(
        # \A: matched at the start only (a search would try every position, 200 ways each).
        rf"\A(?P<label>(?:{n.pattern.pattern})\s*)?"
        rf"(?P<x>[^\n]{{0,{MAX_TITLE}}}?)[{re.escape(SEPARATORS)}]{{0,6}}"
        rf"(?P<doc>{words})"
        rf"(?P<decor>(?:\s{{0,4}}(?:{words}|{decorations}|{count_decoration}|{paren_ordinal}|\((?:{decorations})\))){{0,6}})"
    )


def match_doc_title(text: str, lexicon: Lexicon) -> DocTitle | None:
    """``售后主管工作职责范文(2篇)`` → title 售后主管; only at the start of ``text``."""
    m = _doc_title_re(lexicon).match(text)
    if not m:
        return None
    x = m.group("x").strip(SEPARATORS + " ")
    t = lexicon.data.titles
    if SENTENCE_PUNCT.search(x) or any(w in x for w in t.sentence_words) or QUOTES.search(x):
        return None  # "本《岗位说明书》包括…" quotes a document, it does not head one
    if text[m.end():m.end() + 1] in lexicon.data.grammar.title_conjunctions:
        return None  # "…岗位职责和考核办法": the doc word is part of a longer phrase
    if _names_no_position(m.group("doc"), x, lexicon):
        return None
    full_document = m.group("doc").endswith(tuple(t.full_doc_words))
    if not x and (after := _title_after_doc_word(text[m.end():], lexicon)) is not None:
        return DocTitle(title=after, end=len(text.rstrip()), label=m.group("label").strip() if m.group("label") else None,
                        raw=text.strip())
    if not x:
        if not full_document:
            return None  # "四、岗位职责" is a section heading, not a title
    elif not _plausible_prefix(x):
        return None
    elif not (full_document or is_position_name(clean_title(x, lexicon), lexicon, MAX_TITLE)
              or split_organization(clean_title(x, lexicon), lexicon)[0]):
        return None
    label = m.group("label").strip() if m.group("label") else None
    return DocTitle(title=clean_title(x, lexicon), end=m.end(), label=label, raw=m.group().strip())


@rule
def _names_no_position(doc_word: str, head: str, lexicon: Lexicon) -> bool:
    """``康宁医院门诊部岗位说明``: a short doc word (岗位说明) after a unit's name heads a compilation,
    not one position's document; only after a position's name (``店长岗位说明``) is it a title."""
    return doc_word in lexicon.data.titles.named_doc_words and not is_position_name(
        clean_title(head, lexicon), lexicon, MAX_TITLE)


@rule
def _title_after_doc_word(rest: str, lexicon: Lexicon) -> str | None:
    """``职位说明书——区域销售经理``, ``岗位说明书：出纳``, ``岗位职责（前台）``: the document word first,
    then a dash, colon or bracket and the position, the rest of the line."""
    m = AFTER_DOC_WORD.fullmatch(rest.strip())
    if m is None:
        return None
    name = clean_title(m.group(1), lexicon)
    return name if is_position_name(name, lexicon, MAX_TITLE) and not SENTENCE_PUNCT.search(name) else None


AFTER_DOC_WORD = re.compile(r"(?:[—–\-－:：]{1,3}\s?|[（(])([^（()）]{2,24})[）)]?")


def _plausible_prefix(x: str) -> bool:
    """A title's head has a word and is short; three Latin words make an English sentence
    (``Not all are true 岗位说明书``), not a position's name."""
    return (bool(re.search(r"[\u4e00-\u9fffA-Za-z]", x)) and len(x) <= MAX_TITLE
            and len(re.findall(r"[A-Za-z]+", x)) < 3)


def clean_title(title: str, lexicon: Lexicon) -> str:
    """The position as written, cleaned the way the contract writes it: spaces between
    Chinese characters removed, spaces around Latin words kept (``高级 iOS 开发工程师``), no
    qualifier after a dash (``客户服务主管--工程施工类``), no posting words. A headcount or level
    tail stays until :func:`split_title` takes it off."""
    title = CJK_SPACE.sub("", re.sub(r"\s+", " ", title.strip()))
    title = _dash_qualifier(title) or title
    title = _posting_words(title, lexicon) or title
    # "岗位名称：会计，招聘人数：1人": the comma parts the value from the next label
    return title.strip(SEPARATORS).rstrip(CLAUSE_ENDS).strip(SEPARATORS)


# What may close a label's value in a line of several labels; no position's name ends with one.
CLAUSE_ENDS = ",，;；、。"


def split_title(title: str, lexicon: Lexicon) -> TitleParts:
    """The title without its headcount or level tail, and what the tail says."""
    title = clean_title(title, lexicon)
    tail = _employment_tail(title, lexicon)
    if tail is not None:
        parts = _headcount_tail(tail[0], lexicon) or TitleParts(title=tail[0])
        return replace(parts, employment=tail[1])
    return _headcount_tail(title, lexicon) or TitleParts(title=title)


@rule
def _employment_tail(title: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """``初中数学老师（全职）``, ``Java开发工程师(实习)``: a bracket after the position holding only the
    kind of employment is no part of the title; it states the employment type."""
    m = EMPLOYMENT_TAIL.search(title)
    if m is None or m.start() < 2 or m.group(1).strip() not in lexicon.data.postings.employment_types:
        return None
    return title[:m.start()].strip(), m.group(1).strip()


EMPLOYMENT_TAIL = re.compile(r"[（(]([^（()）]{1,12})[)）]$")


@rule
def _dash_qualifier(title: str) -> str | None:
    """A qualifier after a double or long dash is a classification, not the position
    (``客户服务主管--工程施工类``, ``会计——总账``): doc-site titles and form headers add them."""
    for sep in ("--", "——", "—", "–"):
        if sep in title:
            head = title.split(sep)[0].strip()
            if head:
                return head
    return None


@cache
def _posting_re(lexicon: Lexicon) -> re.Pattern[str]:
    words = alternation(lexicon.data.titles.posting_words)
    # "招聘：前台", "招聘 前台", "【招聘】前台", "行政内勤岗位招聘JD" — but 招聘主管 is a position of its own
    return re.compile(rf"^(?:{words})\s{{0,3}}[:：]\s{{0,3}}|^(?:{words})\s{{1,3}}|^[【\[](?:{words})[】\]]\s{{0,3}}"
                      rf"|\s{{0,3}}(?:{words})$")


def posting_name(text: str, lexicon: Lexicon) -> str:
    """``text`` without the recruiting words around a position (``招聘：前台`` → 前台)."""
    return _posting_words(text, lexicon) or text


@rule
def _posting_words(title: str, lexicon: Lexicon) -> str | None:
    """Postings wrap the position in recruiting words (``招聘：前台``, ``【招聘】前台``, ``行政内勤岗位招聘JD``):
    they are not part of the title."""
    out = title
    for _ in range(3):
        new = _posting_re(lexicon).sub("", out).strip()
        if new == out or not new:
            break
        out = new
    return out if out != title else None


# "（P6-P7）", "(T3)", "（M2+）": a tech firm's grade codes in a title's tail, a level like 中级/高级.
# Only the letters firms grade by: "（H5）" names a technology (HTML5), not a grade.
GRADE_CODES = r"[PpTtMmLl]\d{1,2}\+?(?:\s?[-~～/]\s?[PpTtMmLl]?\d{1,2}\+?)?"


@cache
def _tail_re(lexicon: Lexicon) -> re.Pattern[str]:
    t = lexicon.data.titles
    units = alternation(t.headcount_units)
    levels = alternation(t.level_words)
    joins = alternation(lexicon.data.grammar.level_joins)
    number = rf"\d{{1,4}}|{lexicon.numbering.cn_class}{{1,4}}|{alternation(lexicon.data.titles.unspecified_counts)}"
    return re.compile(
        rf"\s?[(（\[【]\s?(?:(?P<n>{number})\s?(?:{units})?\s?(?:[:：,，、]?\s?(?P<lv1>[^)）\]】]{{0,20}}))?"
        rf"|(?P<lv2>(?:{levels})(?:\s?(?:{joins})\s?(?:{levels})){{0,4}}|{GRADE_CODES}))\s?[)）\]】]\s?$"
        rf"|(?:\s|(?<=[\u4e00-\u9fff]))(?P<n2>\d{{1,4}})\s?(?:{units})$"  # 销售代表 5名, 护士10名
    )


@rule
def _headcount_tail(title: str, lexicon: Lexicon) -> TitleParts | None:
    """Postings append the number of openings and the levels to the title (``前端工程师（3人）``,
    ``Java 工程师（2人：中级和高级）``, ``运维（中级/高级）``, ``销售代表 5名``, ``护士10名``): the tail is
    headcount (and a level), not title; so is a grade code (``高级Java开发工程师（P6-P7）``)."""
    m = _tail_re(lexicon).search(title)
    if not m or m.start() == 0:
        return None
    count_text = m.group("n") or m.group("n2")
    count = None
    if count_text and count_text.isdigit():
        count = int(count_text)
    elif count_text:
        count = lexicon.numbering.to_int(count_text)  # None for 若干
    if count_text is None and not m.group("lv2"):
        return None
    unit = re.search(alternation(lexicon.data.titles.headcount_units), m.group())
    if count is not None and not m.group("n2") and not unit and not m.group("lv1"):
        return None  # "(1)" after a title is an ordinal, not a headcount
    level = (m.group("lv1") or m.group("lv2") or "").strip() or None
    return TitleParts(title=title[: m.start()].strip(SEPARATORS), headcount=count, level=level)


def _without_trailing_bracket(text: str) -> str:
    """``出纳（兼）`` → ``出纳``: from the first opening bracket to the end, when the text ends with
    a closing one (a lazy ``[(（].*?[)）]$`` search did the same in time quadratic in brackets)."""
    if not text.endswith((")", "）")):
        return text
    starts = [i for i in (text.find("("), text.find("（")) if i >= 0]
    return text[:min(starts)] if starts else text


def is_position_name(text: str, lexicon: Lexicon, max_len: int = 16) -> bool:
    """A short phrase that ends with a position word (经理, 主管, 专员, 员, 岗 …)."""
    text = _without_trailing_bracket(text.strip())
    # a Latin word counts as one character does: 会计文员 Accounts Clerk is a short name
    if not text or len(text) > max_len and text_units(text) > max_len or SENTENCE_PUNCT.search(text):
        return False
    head = _position_head(text, lexicon)
    if head is None or (len(head) == 1 and text.endswith(lexicon.not_position_endings)):
        return False
    # "技术负责人" ends with a position word that itself contains 负责.
    return not any(w in text[: len(text) - len(head)] for w in lexicon.data.titles.not_a_title)


def _position_head(text: str, lexicon: Lexicon) -> str | None:
    """The longest position word ``text`` ends with: one set lookup per length of those words
    instead of an endswith per word (the first of ``position_heads``, longest first, that matches)."""
    lengths, heads = _position_heads(lexicon)
    end = len(text)
    return next((text[end - n:] for n in lengths if n <= end and text[end - n:] in heads), None)


@cache
def _position_heads(lexicon: Lexicon) -> tuple[tuple[int, ...], frozenset[str]]:
    heads = lexicon.position_heads
    return tuple(sorted({len(h) for h in heads}, reverse=True)), frozenset(heads)


def split_organization(title: str, lexicon: Lexicon) -> tuple[str | None, str]:
    """``松川公司客户服务经理`` → (``松川公司``, ``客户服务经理``); a bare company → (company, "")."""
    for noise in lexicon.organization_noise:
        if title.startswith(noise):
            title = title[len(noise):]
    best: tuple[str | None, str] = (None, title)
    # Only company words split a title: "地区顾客服务中心主任" is a position, not 中心 + 主任.
    for suffix in lexicon.company_suffixes:
        idx = title.find(suffix)
        while idx != -1:
            org, rest = title[: idx + len(suffix)], title[idx + len(suffix):]
            if len(org) >= len(suffix) + 2 and (not rest or is_position_name(rest, lexicon, 20)
                                                 or rest.endswith(lexicon.department_endings)):
                if best[0] is None or len(org) > len(best[0]):
                    best = (org, rest)
            idx = title.find(suffix, idx + 1)
    return best


@rule
def title_with_employer(text: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """A posting's title line names the position and its employer side by side: ``易路软件有限公司 -
    高级前端开发工程师``, ``前端工程师 | 杭州云栖科技有限公司``, ``【杭州云栖科技有限公司】后端开发工程师``,
    ``前端工程师（杭州云栖科技有限公司）``. Of two parts, one a position's name and the other a
    company's whole name: (title, employer)."""
    pairs, bracket_after = _side_by_side(text, BRACKETED_EMPLOYER, EMPLOYER_SEPARATORS)
    for title, who in pairs:
        # only a company's whole name: a short word beside a title is as often a place (【深圳】, [北京]),
        # a direction (- Web 方向), a heading word (岗位介绍 -) or a note (（急招）)
        if not is_position_name(title, lexicon, 24) or not is_organization(who, lexicon):
            continue
        if who.endswith(tuple(lexicon.department_endings)) and not who.endswith(
                tuple(lexicon.data.titles.registered_suffixes)):
            continue  # "产品中心 | 产品经理": a unit of the employer (title_with_department)
        if bracket_after and not who.endswith(tuple(lexicon.data.titles.registered_suffixes)):
            continue  # "行政客服/前台（田林中心）": a bracket after the title names a branch or a note
        return title, who
    return None


def _side_by_side(text: str, bracketed: re.Pattern[str], separators: re.Pattern[str]) -> tuple[list[tuple[str, str]], bool]:
    """The (title, other) readings of a title line that sets a name beside the position — in brackets
    before it (【…】title), in brackets after it (title（…）: the bool), or on either side of a separator
    — for the caller to tell which part is the position."""
    text = text.strip()
    m = bracketed.fullmatch(text)
    if m:
        if m.group(2):
            return [(m.group(2), m.group(1))], False
        return [(m.group(3), m.group(4))], True
    parts = [p.strip() for p in separators.split(text)]
    if len(parts) != 2 or not all(parts):
        return [], False
    return [(parts[1], parts[0]), (parts[0], parts[1])], False


BRACKETED_EMPLOYER = re.compile(r"[【\[](?P<who>[^】\]]{2,20})[】\]]\s*(?P<title>.{2,24})"
                                r"|(?P<title2>[^（(]{2,24})[（(](?P<who2>[^）)]{4,40})[）)]")
# a run of spaces is tried from its first space only (linear on long runs); \u4e28: the bar-like 丨
EMPLOYER_SEPARATORS = re.compile(r"(?<!\s)(?:\s+[-–—]{1,2}\s+|\s*[|｜\u4e28·•]\s*)")


@rule
def title_with_department(text: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """A title line names the department beside the position: ``技术部-Java开发工程师``, ``产品中心 |
    产品经理``, ``财务专员（财务部）``, ``【研发中心】算法工程师``. Of two parts, one a position's name and
    the other a unit's name (ending 部, 中心, 科, 处, 室) that names no position: (title, department)."""
    pairs, bracket_after = _side_by_side(text, BRACKETED_UNIT, UNIT_SEPARATORS)
    t = lexicon.data.titles
    # a bracket after the title names a branch as often (（田林中心）, （总部）): only an office there
    endings = tuple(t.office_endings if bracket_after else lexicon.department_endings)
    for title, unit in pairs:
        if len(unit) <= MAX_UNIT and unit.endswith(endings) and not unit.endswith(tuple(t.branch_endings)) \
                and not is_position_name(unit, lexicon, 24) and is_position_name(title, lexicon, 24) \
                and not title.endswith(endings):
            return title, unit
    return None


MAX_UNIT = 12
BRACKETED_UNIT = re.compile(r"[【\[](?P<unit>[^】\]]{2,12})[】\]]\s*(?P<title>.{2,24})"
                            r"|(?P<title2>[^（(]{2,24})[（(](?P<unit2>[^）)]{2,12})[）)]")
# a dash with or without spaces ("技术部-Java开发工程师"), a bar, a middle dot
UNIT_SEPARATORS = re.compile(r"(?<!\s)\s*(?:[-–—]{1,2}|[|｜\u4e28·•])\s*")


@rule
def recruiter_before_title(text: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """``蚂蚁金服 商家与开放技术部招 前端技术专家``, ``字节跳动招聘：算法工程师``: who recruits, a
    recruiting verb, then the position. The verb must end its word (a space or colon after it:
    招聘专员 and 招商经理 are positions); the employer is the recruiter's first word (its team or
    department after a space is not the employer). A recruiter in brackets ends there
    (``【蓝海教育】诚聘英语教师``): the verb needs no space after it."""
    m = _recruiter_re(lexicon).match(text.strip()) or _bracketed_recruiter_re(lexicon).match(text.strip())
    if m is None or not is_position_name(m.group("title"), lexicon, 30):
        return None
    who = m.group("who").strip()
    employer = who.split()[0] if " " in who else who
    adverbs = tuple(lexicon.data.titles.recruiting_adverbs)  # 高薪急招 …: how, not who
    while employer.endswith(adverbs) or employer.startswith(adverbs):
        employer = next((employer[:-len(a)] for a in adverbs if employer.endswith(a)), None) \
            or next((employer[len(a):] for a in adverbs if employer.startswith(a)), "")
    if len(employer) < 2 or employer.endswith(lexicon.department_endings) or is_position_name(employer, lexicon):
        return None  # 技术部招 前端工程师: a department recruiting names no employer
    return employer, m.group("title").strip()


@cache
def _recruiter_re(lexicon: Lexicon) -> re.Pattern[str]:
    verbs = alternation([*lexicon.data.titles.posting_words, *lexicon.data.titles.recruiting_verbs])
    return re.compile(rf"(?P<who>[^\s:：][^:：]{{1,30}}?)\s?(?:{verbs})(?:\s{{1,3}}|\s?[:：]\s?)(?P<title>\S.{{1,30}})")


@cache
def _bracketed_recruiter_re(lexicon: Lexicon) -> re.Pattern[str]:
    verbs = alternation([*lexicon.data.titles.posting_words, *lexicon.data.titles.recruiting_verbs])
    return re.compile(rf"[【\[](?P<who>[^】\]\s]{{2,12}})[】\]]\s?(?:{verbs})\s?[:：]?\s?(?P<title>[^\s:：].{{1,30}})")


def is_organization(text: str, lexicon: Lexicon) -> bool:
    text = text.strip()
    if not 4 <= len(text) <= 40 or SENTENCE_PUNCT.search(text):
        return False
    return text.endswith(lexicon.organization_suffixes) and not text.endswith(tuple(lexicon.doc_words))
