"""Cut a normalised document (matching form) into the piece stream the later stages read.

Each body block is scanned (:mod:`.scan`), each table read by its shape (:mod:`.tables`);
what the reader knew (Word numbering labels, heading styles, sheet boundaries) is carried
onto the pieces; and a label left without a value takes the line after it
(:func:`resolve_dangling_labels`), so forms flattened one cell per line read like forms.
"""

from __future__ import annotations

import re
from functools import cache

from ..schemas.document import Block, BlockKind, Document
from .fields.pay import parse_salary
from .lexicon import Lexicon, alternation, chars
from .numbering import Label
from .piece import Kind, Loc, Piece
from .position_lines import headcount_pattern, name_and_count, openings_list, position_line
from .rules import rule
from .scan import NAME_FIELDS, Scanner, has_word, remembering_scanner, scan_text
from .segment import department_line
from .self_evident import without_lead
from .tables import duty_marker_line, table_pieces
from .tag_line import tag_line
from .titles import is_organization, is_position_name

SENTENCE = re.compile(r"[。!?！？]")


def document_pieces(doc: Document, lexicon: Lexicon) -> list[Piece]:
    pieces: list[Piece] = []
    scan = remembering_scanner()
    for block in doc.blocks:
        if block.table is None and not has_word(block.text):
            continue  # a drawn rule "-----" or a lone bracket separates; it holds no text
        after_question = bool(pieces) and pieces[-1].source == "question"
        new = table_pieces(block, lexicon, scan) if block.table is not None else \
            (after_question and _answer_pieces(block, lexicon, scan)) or block_pieces(block, lexicon, scan)
        if new and block.follows_furniture:
            new[0] = new[0].changed(follows_furniture=True)
        if len(new) == 1 and block.table is None:
            new[0] = new[0].changed(alone=True)
        if block.style and new:
            new = [p.changed(style=block.style) for p in new]
        pieces.extend(new)
    pieces = _names_over_forms(pieces)
    return resolve_dangling_labels(_titles_over_pay_lines(_numbered_groups(_numbered_figure_lines(pieces)), lexicon))


def _names_over_forms(pieces: list[Piece]) -> list[Piece]:
    for i, piece in enumerate(pieces[:-1]):
        if piece.kind == Kind.TEXT and piece.alone and _name_over_form(piece, pieces[i + 1]):
            pieces[i] = piece.changed(kind=Kind.TITLE, title_style="heading", name=piece.text)
    return pieces


@rule
def _name_over_form(piece: Piece, following: Piece) -> bool:
    """A compilation sets each position's name as a line of its own over its form or card, whose
    岗位名称 row or line names it again (``前台`` / ``岗位名称 | 前台``, ``车间主任`` / ``岗位名称：车间主任``):
    the line heads that position's role, not the text at the end of the role before it."""
    return following.kind == Kind.LABEL and following.key == "title" \
        and following.loc.block == piece.loc.block + 1 and following.text.strip() == piece.text.strip()


def _numbered_groups(pieces: list[Piece]) -> list[Piece]:
    for i, piece in enumerate(pieces):
        if piece.kind == Kind.TITLE and piece.title_style == "numbered" and piece.marker is not None and i > 0 \
                and pieces[i - 1].kind == Kind.TITLE and pieces[i - 1].title_style == "doc":
            siblings = _siblings(pieces, i, piece.marker)
            if siblings and _group_among_groups(piece, siblings):
                pieces[i] = piece.changed(kind=Kind.ITEM, text=piece.text, title_style=None)
    return pieces


def _siblings(pieces: list[Piece], i: int, marker: Label) -> list[Piece]:
    """The later pieces numbered in ``marker``'s style that go on its count (二、, 三、 …)."""
    out: list[Piece] = []
    ordinal = marker.ordinal or 0
    for piece in pieces[i + 1:i + 1 + SIBLING_REACH]:
        if piece.kind == Kind.TITLE and piece.title_style == "doc":
            break
        m = piece.marker
        if m is not None and m.style == marker.style and m.ordinal == ordinal + 1:
            out.append(piece)
            ordinal += 1
    return out


SIBLING_REACH = 60  # pieces: a group's items lie between it and its sibling


@rule
def _group_among_groups(piece: Piece, siblings: list[Piece]) -> bool:
    """``前台岗位职责`` / ``一、日常接待`` / ``1. 负责…`` / ``二、行政事务`` / ``1. …``: under a position's own
    title, a numbered line that reads as a position (接待) is the name of a group of duties when no
    later line of its numbering is a position (行政事务: an item): the numbered lines are the
    groups of one position's duties (the first became the role's title and 前台 was lost). One
    position among them (``三、出纳``) makes the numbered lines positions."""
    return all(s.kind == Kind.ITEM and s.line_start for s in siblings)


def _numbered_figure_lines(pieces: list[Piece]) -> list[Piece]:
    for i in range(1, len(pieces)):
        if pieces[i].kind == Kind.TEXT and pieces[i].line_start and pieces[i - 1].kind == Kind.ITEM:
            pieces[i] = _next_item_before_a_figure(pieces[i - 1], pieces[i]) or pieces[i]
    return pieces


@rule
def _next_item_before_a_figure(before: Piece, piece: Piece) -> Piece | None:
    """``1.持有低压电工证；`` / ``2.3年以上工厂电工经验。``: a line that opens with the next number of the
    list above it and a figure straight after the dot is that list's next item, the figure its own
    (alone, ``2.3年`` reads as 2.3 years: it was 2.3 years of experience)."""
    marker = before.marker
    if marker is None or marker.style != "dec" or marker.ordinal is None:
        return None
    number = f"{marker.ordinal + 1}."
    text = piece.text.lstrip()
    if not text.startswith(number) or text[len(number):len(number) + 1] not in NONZERO_DIGITS:
        return None
    end = len(piece.text) - len(text) + len(number)
    label = Label(text=number, style="dec", ordinal=marker.ordinal + 1, depth=marker.depth)
    return piece.changed(kind=Kind.ITEM, text=piece.text[end:], loc=piece.loc.narrow(end, len(piece.text)),
                         marker=label)


NONZERO_DIGITS = frozenset("123456789")


def _titles_over_pay_lines(pieces: list[Piece], lexicon: Lexicon) -> list[Piece]:
    for i in range(len(pieces) - 1):
        first = pieces[i]
        if first.kind != Kind.TEXT or not first.alone:
            continue  # the rule asks for a line alone: most pieces are not (~7,900 per compilation)
        pair = _title_over_pay_line(first, pieces[i + 1], lexicon)
        if pair is not None:
            pieces[i], pieces[i + 1] = pair
    return pieces


@rule
def _title_over_pay_line(first: Piece, second: Piece, lexicon: Lexicon) -> tuple[Piece, Piece] | None:
    """A job board prints a posting's head as a position's name on a line of its own and its pay
    on the next (``运营经理`` / ``15-25K·13薪``): the name is the posting's title, the line under
    it its pay."""
    whole_pay = second.kind == Kind.LABEL and second.source == "pay_line"
    if not (first.kind == Kind.TEXT and (second.kind == Kind.TEXT or whole_pay) and first.alone and second.alone
            and first.line_start):
        return None
    name, pay = first.text.strip(), second.text.strip()
    if len(pay) > MAX_PAY_LINE or parse_salary(pay, lexicon) is None or not is_position_name(name, lexicon, 16) \
            or is_organization(name, lexicon):
        return None
    return (first.changed(kind=Kind.TITLE, text=name, title_style="posting", name=name),
            second.changed(kind=Kind.LABEL, key="compensation", name="compensation", line_start=False))


MAX_PAY_LINE = 20


def block_pieces(block: Block, lexicon: Lexicon, scan: Scanner = scan_text) -> list[Piece]:
    base = Loc(block=block.index, page=block.page, start=0, end=len(block.text))
    whole = _whole_line_reading(block, base, lexicon)
    if whole is not None:
        return whole
    pieces = scan(block.text, base, lexicon)
    _mark_openings(pieces, lexicon)
    qualified = _qualified_pay_line(pieces, block.text, base, lexicon)
    if qualified is not None:
        return qualified
    counted = _counted_item(pieces, block, lexicon)
    if counted is not None:
        return counted
    if len(pieces) >= 2:
        subject = _subject_title(pieces[0], pieces[1], lexicon)
        if subject is not None:
            pieces[0] = subject
    if len(pieces) == 1 and pieces[0].kind == Kind.TEXT:
        duty = _marked_duty(pieces[0], lexicon)
        if duty is not None:
            return duty
        pieces[0] = _posting_title_line(pieces[0], lexicon) or _base_line(pieces[0], lexicon) or pieces[0]
    if block.kind == BlockKind.LIST_ITEM and block.label and pieces:
        pieces[0] = _word_list_item(pieces[0], block, lexicon)
    if len(pieces) == 1 and pieces[0].kind == Kind.TEXT:
        # a name set off as a heading or in brackets needs a count or pay after it; a plain line
        # needs a pay range (``数据分析师 15-25K·14薪``, a job board's title line)
        marked = block.kind == BlockKind.HEADING or _bracketed(pieces[0])
        tails = _title_with_tails(pieces[0], block, lexicon, needs_salary=not marked)
        if tails is not None:
            return tails
    if block.kind == BlockKind.HEADING and len(pieces) == 1 and pieces[0].kind in (Kind.TEXT, Kind.ITEM):
        pieces[0] = _heading_block(pieces[0], block, lexicon)
    if block.kind == BlockKind.HEADING and pieces and block.level is not None:
        pieces[0] = pieces[0].changed(heading_level=block.level)
    return pieces


MAX_PAY_QUALIFIER = 8
PAY_KEYS = ("compensation", "salary")


@rule
def _qualified_pay_line(pieces: list[Piece], text: str, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """A pay line whose label carries a qualifier glued before it (``实习期间薪资： 200/天，福利：
    1500 元餐补/月``, ``实习期间日薪：180元/天，福利：免费工作餐``) states one regime of pay, and the
    line is its pay text as written — the qualifier and the labels inside it too, not ``实习期间``
    apart from ``200/天``. Labels later on the line (福利：…) keep their own fields as well."""
    if len(pieces) < 2 or pieces[0].kind != Kind.TEXT or pieces[0].loc.start != 0:
        return None
    name = _pay_line_name(pieces, text, lexicon)
    if name is None:
        return None
    line = text.rstrip()
    whole = Piece(Kind.LABEL, line, base.narrow(0, len(line)), key="compensation", name=name, line_start=True)
    return [whole, *(p for p in pieces[1:] if p.kind == Kind.LABEL and p.key not in PAY_KEYS)]


def _pay_line_name(pieces: list[Piece], text: str, lexicon: Lexicon) -> str | None:
    """The qualified pay label a line opens with: a short qualifier glued to a pay label the
    scanner found (实习期间 + 薪资), or a name ending in a pay word before a colon (实习期间日薪：)
    when the scanner found labels after it."""
    qualifier, label = pieces[0].text, pieces[1]
    if label.kind == Kind.LABEL and label.key in PAY_KEYS and label.name and 2 <= len(qualifier) <= MAX_PAY_QUALIFIER \
            and qualifier.isalnum() and text.startswith(qualifier + label.name):
        return qualifier + label.name
    m = PAY_NAME.match(text)
    if m and label.kind == Kind.LABEL and m.group(1).endswith(tuple(lexicon.data.postings.pay_words)):
        return m.group(1)
    return None


PAY_NAME = re.compile(rf"(\w{{3,{MAX_PAY_QUALIFIER + 2}}})[:：]")


@rule
def _marked_duty(piece: Piece, lexicon: Lexicon) -> list[Piece] | None:
    """``职责一：接听客户来电，解答产品咨询；`` / ``职责二：…``: a line opened by a duty's ordinal marker
    (as duty tables number their rows) is one duty of the duty list, the marker its numbering."""
    m = duty_marker_line(piece.text, lexicon)
    if m is None or not piece.line_start:
        return None
    return [Piece(Kind.HEADING, "", piece.loc.narrow(0, m.end()), key="duties", name=m.group(1), line_start=True,
                  source="duty_marker"),
            piece.changed(kind=Kind.ITEM, text=piece.text[m.end():], loc=piece.loc.narrow(m.end(), len(piece.text)))]


def _mark_openings(pieces: list[Piece], lexicon: Lexicon) -> None:
    """A title label that lists the openings (:func:`openings_list`) heads them: it names no role."""
    if pieces and pieces[0].kind == Kind.LABEL and pieces[0].key == "title" and openings_list(pieces[0].text, lexicon):
        pieces[0] = pieces[0].changed(kind=Kind.HEADING, key="openings")


def _counted_item(pieces: list[Piece], block: Block, lexicon: Lexicon) -> list[Piece] | None:
    """A block that is one list item or line naming a position with its count: ``1、电工2名，持…``
    (its terms after it), ``● 会计（1人）`` (the count in brackets), ``★ 快递员 若干名 要求：…`` (its
    sections after it on the same line)."""
    if not pieces or pieces[0].kind not in (Kind.TEXT, Kind.ITEM) or "\n" in block.text:
        return None
    if len(pieces) > 1 and pieces[1].kind not in (Kind.HEADING, Kind.LABEL):
        return None
    if len(pieces) == 1 and pieces[0].kind == Kind.ITEM:
        counted = position_line(pieces[0].text, pieces[0].loc, lexicon)
        if counted is not None:
            return counted
    named = _name_with_count(pieces[0], block, lexicon) if block.kind != BlockKind.HEADING else None
    return named + pieces[1:] if named is not None else None


@rule
def _question_heading(text: str, base: Loc, lexicon: Lexicon) -> Piece | None:
    """A posting written as questions and answers (``Q：这个岗位做什么？`` / ``A：负责…``) heads each
    answer with its question: a question about the work heads the duties, about the person the
    requirements, about pay the pay, about the place the place."""
    p = lexicon.data.postings
    line = text.strip()
    if not line.startswith(tuple(p.question_openers)) or not line.endswith(("？", "?")):
        return None
    section = next((key for word, key in p.question_topics.items() if word in line), None)
    if section is None:
        return None
    return Piece(Kind.HEADING, "", base.narrow(0, len(text)), key=section, name=line, source="question")


def _answer_pieces(block: Block, lexicon: Lexicon, scan: Scanner) -> list[Piece] | None:
    """The answer under a question (``A：负责…``): what follows its mark reads as any line does.
    (Only under a question: A：B：C： elsewhere enumerate.)"""
    n = len(next((o for o in lexicon.data.postings.answer_openers if block.text.startswith(o)), ""))
    if not n:
        return None
    rest = block_pieces(block.model_copy(update={"text": block.text[n:]}), lexicon, scan)
    return [p.changed(loc=p.loc._replace(start=p.loc.start + n, end=p.loc.end + n)) for p in rest]


def _whole_line_reading(block: Block, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """A block read as a whole, by its form: a line of tags, a question, a recruiting sentence, a
    line that names a position and gives its count, terms or work (:func:`position_line`)."""
    one_line = "\n" not in block.text
    tags = tag_line(block.text, base, lexicon) if one_line else None
    if tags is not None:
        return tags
    question = _question_heading(block.text, base, lexicon) if one_line else None
    if question is not None:
        return [question]
    if one_line and (pay := _pay_line_whole(block.text, base, lexicon)) is not None:
        return [pay]
    if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):  # "# 我们在找一位新媒体运营" heads its posting
        prose = _recruiting_sentence(block.text, base, lexicon)
        if prose is not None:
            return prose
    return position_line(block.text, base, lexicon) if one_line else None


@rule
def _pay_line_whole(text: str, base: Loc, lexicon: Lexicon) -> Piece | None:
    """A short line that is all pay (``15-25K · 13薪``, a job board's line under the title) is the
    pay, whole: the spaced middle dot before the months is no bullet (it parted ``13薪`` as an item)."""
    line = text.strip()
    if len(line) > MAX_PAY_LINE or not re.search(r"\s[·•]\s", line):
        return None
    salary = parse_salary(line, lexicon)
    if salary is None or salary.text != line:
        return None
    start = text.find(line)
    return Piece(Kind.LABEL, line, base.narrow(start, start + len(line)), key="compensation", name="compensation",
                 line_start=True, alone=True, source="pay_line")


@rule
def _posting_title_line(piece: Piece, lexicon: Lexicon) -> Piece | None:
    """A line of its own that wraps a position in recruiting words (``行政专员招聘启事``,
    ``诚聘行政专员``, ``仓库管理员岗位招聘``) names the position the posting is for; a company in
    the same place (``某某酒店招聘启事``) names none."""
    text = piece.text.strip()
    if len(text) > MAX_POSTING_LINE or SENTENCE_END.search(text):
        return None
    t = lexicon.data.titles
    name = text
    for word in sorted(t.posting_tails + t.posting_words, key=len, reverse=True):
        name = name.removesuffix(word).strip()
    # a one-character verb (招) is part of names like 招商经理; 招聘主管 is a position of its own
    verbs = [v for v in lexicon.data.grammar.recruiting_verbs if len(v) > 1]
    name = without_lead(_without_bracketed_tag(name, verbs + t.posting_words), verbs)
    recruiting = name != text
    name = name.strip(" ：:|｜-—·")  # "产品运营专员 | 招聘": the separator goes with the recruiting word
    if not recruiting or name in lexicon.position_heads or not is_position_name(name, lexicon, 16) \
            or is_organization(name, lexicon):
        return None
    start = piece.text.find(name)
    return piece.changed(kind=Kind.TITLE, text=name, loc=piece.loc.narrow(start, start + len(name)),
                         title_style="posting", name=text)


def _without_bracketed_tag(text: str, words: list[str]) -> str:
    """``【急招】奶茶店店长`` without its bracketed recruiting word: a tag, not part of the name."""
    opens, closes = TITLE_BRACKETS
    if text[:1] not in opens:
        return text
    end = next((i for i, ch in enumerate(text) if ch in closes), -1)
    return text[end + 1:].strip() if end > 0 and text[1:end].strip() in words else text


# A posting's title line is short: a position and its recruiting words.
MAX_POSTING_LINE = 24


def _word_list_item(piece: Piece, block: Block, lexicon: Lexicon) -> Piece:
    """The first piece of a list paragraph carries the label the reader recovered."""
    if piece.kind == Kind.TEXT:
        marker = lexicon.numbering.parse(block.label or "") or Label(text=block.label or "", style="word", ordinal=None)
        return piece.changed(kind=Kind.ITEM, marker=marker, level=block.level, source="word_list")
    if piece.kind in (Kind.HEADING, Kind.ITEM):
        return piece.changed(level=block.level)
    return piece


def _heading_block(piece: Piece, block: Block, lexicon: Lexicon) -> Piece:
    heading_title = _heading_names_position(piece, block, lexicon)
    if heading_title is not None:
        return heading_title
    return piece.changed(source="heading_block") if piece.kind == Kind.TEXT else piece


@rule
def _heading_names_position(piece: Piece, block: Block, lexicon: Lexicon) -> Piece | None:
    """A heading line that is a position (``一:教育咨询师``, ``### 运营专员``) opens a role:
    compilations and postings head each role with its name in a heading style."""
    text = lexicon.numbering.heading_number.sub("", piece.text)
    if not (is_position_name(text, lexicon, 20) or _linked_heading(text, block, lexicon)):
        return None
    return piece.changed(kind=Kind.TITLE, text=text, title_style="heading", source="heading_style", name=block.text)


@rule
def _linked_heading(text: str, block: Block, lexicon: Lexicon) -> bool:
    """A heading the page's own list of positions links to (``[大模型量化压缩工程师](#infer1)`` above,
    ``<a id="infer1">`` / ``### 飞桨推理方向量化压缩岗位`` below) names a position, whatever its
    last word — unless it names a section (``岗位待遇``, ``## 福利待遇``: a page's tabs link there too)."""
    return (block.style == "anchor" and 2 <= len(text) <= 24 and not SENTENCE_END.search(text)
            and not lexicon.heading_re.search(text) and not lexicon.label_re.fullmatch(text))


SENTENCE_END = re.compile(r"[。！？!?；;]")


def _recruiting_parts(lexicon: Lexicon, stop: str = "") -> tuple[str, str, str]:
    """The pieces both word orders of a recruiting sentence share: the words before the verb,
    a count with its unit, and a position's name (no punctuation, digits or numerals inside,
    nor any of ``stop``)."""
    numerals = lexicon.numbering.cn_class
    lead = r"^[^。！？!?；;\n]{0,30}?"
    count = rf"(?:\d{{1,3}}|{numerals}{{1,3}})(?:{alternation(lexicon.data.titles.headcount_units)})"
    name = rf"[^\s\d{numerals[1:-1]},，。、；;：:!?！？()（）{stop}]{{2,14}}?"
    return lead, count, name


@cache
def _recruiting_re(lexicon: Lexicon) -> re.Pattern[str]:
    """``我公司现招聘出纳一名``: the verb, the name, then its count (or 若干)."""
    g = lexicon.data.grammar
    lead, count, name = _recruiting_parts(lexicon)
    numerals = lexicon.numbering.cn_class
    counted = rf"(?:\d{{1,3}}|{numerals}{{1,3}}|{alternation(g.recruiting_counts)})"
    units = alternation(lexicon.data.titles.headcount_units)
    return re.compile(rf"{lead}(?:{alternation(g.recruiting_verbs)})(?P<name>{name})(?P<count>{counted})(?:{units})")


@cache
def _count_first_re(lexicon: Lexicon) -> re.Pattern[str]:
    """``诚聘2名销售经理，``, ``我们正在寻找一位经验丰富的财务分析师加入…``: the count before the
    name, which a 的-phrase may describe and which ends the clause or joins (加入)."""
    g = lexicon.data.grammar
    marks = chars("".join(g.attributive_marks))
    lead, count, name = _recruiting_parts(lexicon, marks)
    return re.compile(rf"{lead}(?:{alternation(g.recruiting_verbs + g.seeking_verbs)})"
                      rf"(?P<count>{count})(?:[^，,。；;{marks}]{{1,12}}[{marks}])?(?P<name>{name})"
                      rf"(?=[，,。；;！!]|$|{alternation(g.joining_words)})")


@rule
def _recruiting_sentence(text: str, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """A posting written as prose names its position in a recruiting sentence (``我公司现招聘出纳
    一名。``, ``因业务发展需要，诚聘销售经理2名，…``): the position with its count opens the role,
    and every sentence after it is a line of that role's text."""
    m = _recruiting_re(lexicon).match(text) or _count_first_re(lexicon).match(text)
    if m is None or not is_position_name(m.group("name"), lexicon, 14) or _notice_total(m.group("name"), lexicon):
        return None
    stop = SENTENCE_END.search(text, m.end())
    listed = _openings_in_sentence(text, m, stop.start() if stop else len(text), lexicon)
    if listed:
        # "现招聘会计1名、出纳2名。": the openings list titles as many roles as it names (segment)
        title = Piece(Kind.LABEL, text[m.start("name"):listed], base.narrow(m.start("name"), listed), key="title",
                      name="recruiting_list", line_start=True)
        count_end = listed
        pieces = [title]
    else:
        title = Piece(Kind.TITLE, m.group("name"), base.narrow(m.start("name"), m.end("name")),
                      name=text[:stop.end() if stop else len(text)].strip(), title_style="prose", line_start=True)
        count_end = m.end() if m.start("count") > m.start("name") else m.end("count")
        count = Piece(Kind.LABEL, text[m.start("count"):count_end], base.narrow(m.start("count"), count_end),
                      key="headcount", name="headcount", line_start=False)
        pieces = [title, count]
    lead = text[:min(m.start("name"), m.start("count"))].strip()
    company = (_company_subject(lead, lexicon) or 0) if lead else 0
    if company:
        pieces.append(Piece(Kind.LABEL, lead[:company], base.narrow(0, company), key="organization",
                            name="organization", line_start=False))
    department = 0 if company else (_department_subject(lead, lexicon) or 0)
    if department:
        pieces.append(Piece(Kind.LABEL, lead[:department], base.narrow(0, department), key="department",
                            name="department", line_start=False))
    company = company or department
    if lead[company:].strip():  # 本公司因业务发展需要，现招聘: the sentence's own words, kept as the role's text
        pieces.append(Piece(Kind.TEXT, lead[company:], base.narrow(company, len(lead)), line_start=False,
                            source="recruiting_lead"))
    start = max(m.end(), count_end)  # the rest of the recruiting sentence (，负责…) is text of the role too
    for stop in [*SENTENCE_END.finditer(text, start), None]:
        stop_at = stop.end() if stop else len(text)
        sentence = text[start:stop_at]
        body = sentence.lstrip(" \t，,、：:").rstrip()
        if body.strip("。！？!?；;"):
            first = start + sentence.index(body)
            found = scan_text(body, base.narrow(first, first + len(body)), lexicon)
            pieces.extend(p.changed(source="prose_sentence") if p.kind == Kind.TEXT else p for p in found)
        start = stop_at
    return pieces


@rule
def _openings_in_sentence(text: str, m: re.Match[str], end: int, lexicon: Lexicon) -> int | None:
    """``现招聘会计1名、出纳2名。``: a recruiting sentence that goes on from its first opening with
    more (``、`` and a name with its count) lists the openings, as a notice's 招聘岗位 line does.
    Returns where the list ends, or None when the sentence names one position."""
    if m.start("name") > m.start("count"):
        return None  # "诚聘2名销售经理": the count before the name opens one role
    clause = re.match(r"[^，,；;：:]*", text[m.start("name"):end])
    listed = clause.group() if clause else ""
    return m.start("name") + len(listed) if "、" in listed and openings_list(listed, lexicon) else None


@rule
def _notice_total(name: str, lexicon: Lexicon) -> bool:
    """``面向社会公开招聘编外工作人员12名``: a notice counts its staff as a whole (工作人员, 员工)
    before it lists the positions; that sentence opens no role."""
    return name.endswith(tuple(lexicon.data.grammar.collective_staff))


@rule
def _company_subject(lead: str, lexicon: Lexicon) -> int | None:
    """A recruiting sentence whose subject is the employer (``宁波某某物流有限公司因业务发展需要，
    现招聘…``) names the organization: the shortest opening that ends with a company word, with
    any company word straight after it (``某某集团有限公司``). Returns where the name ends.
    ``随着公司业务发展``, ``本公司``: a clause of cause or a self-reference names no one."""
    g, suffixes = lexicon.data.grammar, lexicon.organization_suffixes
    clause = re.split(r"[，,;；]", lead, maxsplit=1)[0]
    end = next((i for i in range(4, len(clause) + 1) if clause[:i].endswith(suffixes)), None)
    if end is None or clause.startswith(tuple(g.clause_prepositions + lexicon.data.titles.self_references)):
        return None
    while (more := next((s for s in suffixes if clause.startswith(s, end)), None)) is not None:
        end += len(more)
    return end if is_organization(clause[:end], lexicon) else None


@rule
def _department_subject(lead: str, lexicon: Lexicon) -> int | None:
    """A recruiting sentence whose subject is a department (``质检部需招聘质检员2名``, ``研发中心现招聘…``)
    names the role's department: the whole subject before the verb, maybe with a modal (需, 拟,
    现), when it is a department's name and nothing else. Returns where the name ends."""
    g = lexicon.data.grammar
    head = lead.strip()
    verb = next((v for v in sorted(g.recruiting_verbs, key=len, reverse=True) if head.endswith(v)), None)
    if verb is None:
        return None
    head = head[: -len(verb)]
    modal = next((m for m in g.recruiting_modals if head.endswith(m)), "")
    head = head[: len(head) - len(modal)]
    name = department_line(head, lexicon)
    return len(head) if name == head and lead.startswith(head) else None


SUBJECT_LABELS = frozenset({"department", "reporting.reports_to"})
LIST_LABELS = frozenset({"benefits", "location"})


def _bracketed(piece: Piece) -> bool:
    first = piece.text.lstrip()[:1]
    return bool(first) and first in TITLE_BRACKETS[0]


# Leaflets set a position's name in brackets: 【厨师长】, [店长].
TITLE_BRACKETS = ("【[［「", "】]］」")


@cache
def _tails_re(lexicon: Lexicon) -> re.Pattern[str]:
    count = headcount_pattern(lexicon)
    opens, closes = (re.escape(b) for b in TITLE_BRACKETS)
    # a bracketed name ends at its bracket; a bare one at a space
    return re.compile(rf"^\s*(?:[{opens}](?P<bracketed>[^{opens}{closes}]{{2,16}})[{closes}]|(?P<bare>\S{{2,16}})\s)\s*"
                      rf"(?P<count>{count})?\s*(?P<pay>.*?)\s*$")


@rule
def _title_with_tails(piece: Piece, block: Block, lexicon: Lexicon, needs_salary: bool = False) -> list[Piece] | None:
    """A leaflet heads each position with one line that names it and goes on with its count
    and its pay (``【厨师长】1名  月薪8000-12000元``, ``服务员 若干 3500-4500元/月``), as a job
    board does with the pay alone (``数据分析师 15-25K·14薪``): the name opens the role, the
    count is its headcount, the rest its pay. ``needs_salary``: a line not set off as a
    heading or by brackets counts only with a pay range."""
    m = _tails_re(lexicon).match(piece.text)
    name = "bracketed" if m and m.group("bracketed") else "bare"
    if m is None or not (m.group("count") or m.group("pay")) or not is_position_name(m.group(name), lexicon, 16):
        return None
    pay = m.group("pay")
    salary = parse_salary(pay, lexicon) if pay else None
    if needs_salary and salary is None:
        return None
    if pay and not (salary or any(w in pay for w in lexicon.data.postings.negotiable)):
        return None
    loc = piece.loc
    out = [Piece(Kind.TITLE, m.group(name), loc.narrow(m.start(name), m.end(name)), name=block.text,
                 title_style="heading", source="heading_style")]
    if m.group("count"):
        out.append(Piece(Kind.LABEL, m.group("count"), loc.narrow(m.start("count"), m.end("count")), key="headcount",
                         name="headcount", line_start=False))
    if pay:
        out.append(Piece(Kind.LABEL, pay, loc.narrow(m.start("pay"), m.end("pay")), key="compensation",
                         name="compensation", line_start=False))
    return out


@rule
def _name_with_count(piece: Piece, block: Block, lexicon: Lexicon) -> list[Piece] | None:
    """A line, or a bulleted one, that opens with only a position's name and its count — in
    brackets, after a space or glued (``● 会计（1人）``, ``★ 快递员 若干名 要求：…``) — heads that
    position, as a numbered one (``一、课程顾问（3名）``) does: the count is its headcount."""
    text = piece.text.rstrip()
    found = name_and_count(text, lexicon)
    if found is None:
        return None
    m, group = found
    loc = piece.loc
    return [piece.changed(kind=Kind.TITLE, text=m.group("name"), loc=loc.narrow(m.start("name"), m.end("name")),
                          title_style="heading", name=block.text.strip(), marker=None),
            Piece(Kind.LABEL, m.group(group), loc.narrow(m.start(group), m.end(group)), key="headcount",
                  name="headcount", line_start=False)]


@rule
def _base_line(piece: Piece, lexicon: Lexicon) -> Piece | None:
    """``Base 北京`` on a line of its own says where the job is, as a 工作地点 label would: tech
    postings write the place after the English word Base."""
    text = piece.text.strip()
    word = next((w for w in lexicon.data.postings.place_prefixes if text.startswith(w + " ")), None)
    if word is None:
        return None
    place = text[len(word):].strip()
    if not place or len(place) > 12 or re.search(r"[，。,.;；:：]", place):
        return None
    start = piece.loc.start + piece.text.index(place)
    return Piece(Kind.LABEL, place, piece.loc._replace(start=start, end=start + len(place)), key="location",
                 name=word, line_start=piece.line_start, alone=True)


@rule
def _subject_title(first: Piece, second: Piece, lexicon: Lexicon) -> Piece | None:
    """Prose names the position as the subject of its first sentence (``仓储主管岗位隶属于供应
    链管理部，直接上级为…``): a paragraph that opens with a position and goes on with where it
    belongs or whom it reports to opens that position's role."""
    if first.kind != Kind.TEXT or not first.line_start or second.kind != Kind.LABEL or second.key not in SUBJECT_LABELS:
        return None
    name = first.text.strip()
    for tail in lexicon.data.grammar.subject_tails:
        name = name.removesuffix(tail)
    if not is_position_name(name, lexicon, 20):
        return None
    return first.changed(kind=Kind.TITLE, text=name, title_style="prose", name=first.text)


def resolve_dangling_labels(pieces: list[Piece]) -> list[Piece]:
    """A label alone on its line takes the next line as its value (forms flattened one cell
    per line: ``直接上司`` / ``管理处经理``)."""
    out: list[Piece] = []
    skip = False
    for i, piece in enumerate(pieces):
        if skip:
            skip = False
            continue
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        # asked only of an empty label (~1 piece in 40), before the rule's own test
        taken = _label_takes_next_line(piece, nxt) if piece.kind == Kind.LABEL and not piece.text else None
        if taken is not None:
            out.append(taken)
            skip = True
            continue
        out.append(piece)
    return out


def _stands_before(a: Loc, b: Loc) -> bool:
    """``a`` is earlier than ``b`` in the same table's reading order."""
    return a.block == b.block and a.row is not None and b.row is not None and (a.row, a.col or 0) < (b.row, b.col or 0)


def _other_row(a: Loc, b: Loc) -> bool:
    return a.block == b.block and a.row is not None and b.row is not None and a.row != b.row


@rule
def _label_takes_next_line(piece: Piece, nxt: Piece | None) -> Piece | None:
    """An empty label that ends its line takes the next line as its value when that line is
    plain text that fits the field: forms flattened one cell per line (``直接上司`` /
    ``管理处经理``) and labels whose value the layout wrapped."""
    if piece.kind != Kind.LABEL or piece.text or nxt is None or nxt.kind != Kind.TEXT:
        return None
    if piece.key in LIST_LABELS:
        return None  # "公司福利:" heads the lines after it, not only the first
    if _stands_before(nxt.loc, piece.loc) or _other_row(nxt.loc, piece.loc):
        # a table label's value is its own box: the next row's first cell (a merged cell read
        # again, an opinion row under a blank form) never is
        return None
    last_on_line = piece.alone or (nxt.alone and nxt.loc.cell != piece.loc.cell)
    if not last_on_line or not (nxt.alone or nxt.line_start and piece.key in NAME_FIELDS):
        return None
    if not _fits_label(piece.key, nxt.text):
        return None
    return Piece(Kind.LABEL, nxt.text, nxt.loc, key=piece.key, name=piece.name, alone=True,
                 follows_furniture=piece.follows_furniture, style=piece.style)


def _fits_label(key: str | None, text: str) -> bool:
    if key is None or key == "title" and not text:
        return False
    if key in NAME_FIELDS:
        return len(text) <= 24 and not SENTENCE.search(text)
    if key == "duties.category":
        return not _work_under_group_label(text)
    return True


MAX_CATEGORY_NAME = 12


@rule
def _work_under_group_label(text: str) -> bool:
    """``职责`` alone on its line names the group of the duties under it only when the next line is
    a group's name (``人员管理``): over ``负责亚马逊店铺日常运营，包括…`` it heads the duties, and the
    work is the first duty, not a category."""
    return len(text) > MAX_CATEGORY_NAME or bool(re.search(r"[，,。；;、]", text))
