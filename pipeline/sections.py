"""Sections within a role: every content piece gets the section of the heading above it.

Labels carry their own field and need no section; headings switch the section; a lead-in
(``以下是…职责:``) opens the section it names. Text before any heading falls in the role's
default section — duties for a ``XX岗位职责`` document, nothing for a ``XX岗位说明书``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .fields.pay import perk_item, perk_list, perks_in_prose
from .fields.qualifications import classify_label
from .fields.reporting import superior_clause, superior_name
from .fields.values import clause_spans, clean_item
from .lexicon import Lexicon, alternation
from .piece import Kind, Piece
from .position_lines import headcount_pattern
from .rules import rule
from .scan import SWITCHING_LABELS, seq_key
from .segment import INNER_SECTIONS, RoleDraft, employer_introduction
from .self_evident import (
    duty_sentence,
    duty_start,
    pay_clause_start,
    pay_line,
    prose_paragraph_section,
    requirement_sentence,
    requirement_topics,
    self_evident_requirement,
    terms_paragraph,
    without_lead,
)
from .tables import is_duty_marker
from .titles import is_position_name

Tagged = list[tuple[str | None, Piece]]
# Roles whose paragraphs may say what they are: opened by a recruiting sentence, a posting's or
# document's title line, a heading, or the file name (a form's label titles keep their fields).
PROSE_TITLES = ("prose", "posting", "doc", "file", "heading")
# Shorter text is a phrase or a note, too little to say what part of a posting it is.
MIN_PARAGRAPH = 12


def tag_sections(draft: RoleDraft, lexicon: Lexicon) -> Tagged:
    tagged: Tagged = []
    section = draft.default_section
    opened_at: int | None = None  # the heading level of the heading block that opened the section
    for i, piece in enumerate(draft.pieces):
        if piece.kind == Kind.TABLE:
            tagged.append(("kpis", piece))
            continue
        if piece is draft.department_piece:
            tagged.append((None, piece))  # the department's line: the identity's
            continue
        if piece is draft.organization_piece and piece is not draft.title_piece:
            tagged.append((None, piece))  # the company line: the identity's
            if any(p.kind not in (Kind.TITLE, Kind.HEADING) for p in draft.pieces[:i]):
                section = "company"  # an employer's card after the posting: the lines after it are the company's
            continue
        before = section
        section = _switch(section, piece, draft, lexicon)
        if piece.kind == Kind.TITLE:
            opened_at = None
        elif piece.source == "heading_block":
            if _peer_heading_ends_section(piece, opened_at) or _sentence_heading_ends_section(piece, lexicon):
                section, opened_at = None, piece.heading_level
        elif section != before or piece.kind == Kind.HEADING:
            opened_at = piece.heading_level
        if piece.kind == Kind.HEADING and piece.name in lexicon.data.grammar.ambiguous_headings:
            section = _ambiguous_section(draft.pieces[i + 1:], lexicon)
        elif piece.kind == Kind.HEADING and section == "purpose" and (_summary_heading_lists_duties(
                draft.pieces[i + 1:], lexicon) or _summary_is_the_work(piece, draft, lexicon)):
            section = "duties"
        tagged.append((_own_section(section, piece, lexicon), piece))
    for retag in (_unheaded_duty_lists, _list_turns_to_asking, _announced_wishes, _pay_list, _perk_lists,
                  _perk_lines, _places_to_apply):
        tagged = retag(tagged, lexicon)
    tagged = _wrapped_requirements(_unknown_label_lines(tagged, lexicon), lexicon)
    tagged = _own_clauses(tagged, draft, lexicon)
    tagged = _superiors_in_prose(_recruiting_sentences(tagged, draft, lexicon), draft, lexicon)
    tagged = _requirement_sentences(_prose_paragraphs(tagged, draft, lexicon), lexicon)
    return _lead_purpose(tagged, draft, lexicon)


def _own_clauses(tagged: Tagged, draft: RoleDraft, lexicon: Lexicon) -> Tagged:
    others = tuple(t for t in draft.listed_with if t != draft.title)
    if not others or not draft.title:
        return tagged
    out: Tagged = []
    for section, piece in tagged:
        kept = _clauses_for(piece, others, lexicon) if piece.kind in (Kind.TEXT, Kind.ITEM) else None
        if kept is None and not (piece.kind == Kind.TEXT and piece.text.startswith(draft.title)):
            out.append((section, piece))
            continue
        for s, e in kept if kept is not None else [(0, len(piece.text))]:
            named = _own_name_heads(piece.text[s:e], draft.title, lexicon)
            if named is not None:
                section, s = named[0], s + named[1]
            out.append((section, piece.changed(text=piece.text[s:e], loc=piece.loc.narrow(s, e))))
    return out


@rule
def _own_name_heads(clause: str, title: str, lexicon: Lexicon) -> tuple[str, int] | None:
    """In a line written for several listed positions, a clause that opens with this position's
    name and a section word (``会计要求：会计专业大专以上学历…``, ``出纳职责：…``) is that section
    of this role: the name and the word head it. Returns the section and where its text starts."""
    if not clause.startswith(title):
        return None
    m = lexicon.heading_re.match(clause, len(title))
    section = lexicon.section_key(m.group()) if m else None
    if m is None or section is None:
        return None
    end = m.end() + (clause[m.end():m.end() + 1] in ("：", ":"))
    return section, end


@rule
def _clauses_for(piece: Piece, others: tuple[str, ...], lexicon: Lexicon) -> list[tuple[int, int]] | None:
    """A notice that lists its positions and then writes for all of them may give one position a
    clause of its own inside a shared line (``大专及以上学历；其中药房调剂员须持有药士资格证``,
    ``收费员要求会计相关专业；药房调剂员要求药学专业``): a clause that names another listed position
    is that position's, not this one's. Returns the spans this position keeps, or None when no
    clause names another position."""
    spans = clause_spans(piece.text, "；;。")
    addressed = [_names_position_first(piece.text[s:e], others, lexicon) for s, e in spans]
    if not any(addressed):
        return None
    return [(s, e) for (s, e), other in zip(spans, addressed, strict=True) if not other]


def _names_position_first(clause: str, names: tuple[str, ...], lexicon: Lexicon) -> bool:
    body = clause.lstrip()
    for lead in lexicon.data.grammar.clause_leads:
        body = body.removeprefix(lead)
    return body.startswith(names)


def _list_turns_to_asking(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    out = list(tagged)
    k = 0
    while k < len(out):
        j = k
        while j < len(out) and out[j][0] == "duties" and out[j][1].kind == Kind.ITEM and _same_list(out[k][1], out[j][1]):
            j += 1
        # most pieces start no run of duty items (~7,000 per compilation): nothing to ask
        turn = _asking_item_at([p for _, p in out[k:j]], lexicon) if j > k else None
        if turn is not None:
            out[k + turn:j] = [("qualifications", p) for _, p in out[k + turn:j]]
        k = max(j, k + 1)
    return out


CLAUSE_END = re.compile(r"[，,；;。]")


def _same_list(first: Piece, piece: Piece) -> bool:
    return first.marker is not None and piece.marker is not None and seq_key(first.marker) == seq_key(piece.marker)


@rule
def _asking_item_at(items: list[Piece], lexicon: Lexicon) -> int | None:
    """One list under a heading that covers both (``职位描述：`` / ``1. 负责…`` / … / ``4. 大专及以上
    学历，1年以上电商运营经验`` / ``5. 熟悉…`` / ``6. …者优先``): job boards list the work and then
    what is asked in one numbered run. From the first item whose first clause states a degree,
    years or an age, or asks (``要求…``, ``具有…``), when none from it on starts with a duty verb,
    the items are requirements (all of them, when the list asks from its first item)."""
    for i, item in enumerate(items):
        first = CLAUSE_END.split(item.text.strip(), maxsplit=1)[0]
        if self_evident_requirement(first, lexicon) or requirement_sentence(first, lexicon):
            rest = items[i:]
            if not any(p.text.lstrip().startswith(lexicon.duty_verbs) for p in rest):
                return i
            return None
    return None


def _wrapped_requirements(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    width = max((_line_width(p) for _s, p in tagged if p.line_start and p.loc.row is None), default=0)
    out: Tagged = []
    for section, piece in tagged:
        if out and section in ("qualifications", "preferred") and out[-1][0] == section \
                and _wrapped_requirement(out[-1][1], piece, width, lexicon):
            before = out[-1][1]
            out[-1] = (section, before.changed(text=before.text + piece.text))
            continue
        out.append((section, piece))
    return out


def _line_width(piece: Piece) -> int:
    """Columns the piece's line takes up to its end: a full-width character two, others one."""
    return piece.loc.start + sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in piece.text)


@rule
def _wrapped_requirement(before: Piece, piece: Piece, width: int, lexicon: Lexicon) -> bool:
    """Text copied out of a PDF keeps the page's line breaks inside list items (``2. 1年以上…，
    熟练使用办公软`` / ``件及ERP系统；``): a shorter line with no number of its own that ends the
    way the items end, right below a requirement that did not end its sentence and runs to the
    width the text is wrapped at (its longest lines), is that requirement's end (the duty list
    reads its wrapped lines alike, :func:`~.fields.duties._wrapped_line`). A line that ends
    otherwise is a line of its own (``有意者请发送简历至…`` under an unpunctuated list)."""
    prev, text = before.text.rstrip(), piece.text.rstrip()
    return (piece.kind == Kind.TEXT and piece.line_start and before.kind in (Kind.TEXT, Kind.ITEM)
            and piece.loc.block == before.loc.block + 1 and piece.loc.row is None
            and len(prev) >= WRAPPED_LINE and prev[-1] not in WRAP_ENDS
            and _line_width(before) >= width - WRAP_SLACK and _line_width(piece) < _line_width(before)
            and text[-1:] in ITEM_ENDS and not DIGIT_COMMA.match(text.lstrip())
            and not lexicon.numbering.pattern.match(text.lstrip()))


WRAP_ENDS = "。;；!?！？:：,，、)）"
ITEM_ENDS = "。;；"  # the tail ends the item the way the list's items end
DIGIT_COMMA = re.compile(r"\d{1,2}\s?[，,]")  # "2，熟悉…": a number parted by a comma
WRAPPED_LINE = 18  # characters: a shorter line is a list item of its own, not a wrapped one
WRAP_SLACK = 4  # columns: a line may stop short of the width where a mark may not open the next


# 名称：值, or the name in brackets (``【实习时间】即日起，…``), whose value runs longer
UNKNOWN_LABEL_LINE = re.compile(r"([\u4e00-\u9fff]{2,6})[:：]\s*(\S.{0,39})|【([\u4e00-\u9fff]{2,8})】\s*(\S.{0,199})?")


def _unknown_label_lines(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    out: Tagged = list(tagged)
    for k, (section, piece) in enumerate(tagged):
        if section in INNER_SECTIONS:
            continue  # a form's own short lines (``同级：各部门`` / ``事由：…``)
        if section in (None, "basic_info") and k + 1 < len(tagged) \
                and _unknown_label_cell(piece, tagged[k + 1][1], tagged[k - 1][1] if k else None, lexicon):
            # the value cell becomes the label (its span is the value's); the name cell is consumed
            cell, name = tagged[k + 1][1], piece.text.strip()
            out[k] = (None, piece.changed(text="", kind=Kind.LABEL, key=None, name=name, source="label_name"))
            out[k + 1] = (None, cell.changed(kind=Kind.LABEL, key=None, name=name, source="unknown_label"))
            continue
        m = UNKNOWN_LABEL_LINE.fullmatch(piece.text) if piece.kind == Kind.TEXT and piece.line_start else None
        name_group = 1 if m is None or m.group(1) else 3
        # the line before as this pass left it: a run of unknown fields chains (出差外派：… / 上班时段：…);
        # a bracketed name follows a line that a bracketed name opened (【工作地点】深圳… / 【实习时间】…)
        before = out[k - 1][1] if k else None
        if name_group == 3 and k:
            before = _line_opener(out, k - 1)
        if m is None or not _label_line_among_labels(m.group(name_group), before, lexicon):
            continue
        text = m.group(name_group + 1) or ""  # 【部门直推链接】 and nothing: a name that heads what follows
        at = m.start(name_group + 1) if text else m.end()
        value = piece.loc.narrow(at, at + len(text))
        out[k] = (None, Piece(Kind.LABEL, text, value, name=m.group(name_group), source="unknown_label"))
    return out


def _line_opener(tagged: Tagged, k: int) -> Piece:
    """The piece that opens the line (block or cell) piece ``k`` stands in, as a label: a heading
    that ran into its text on that line (``【工作地点】深圳…``) labelled it."""
    cell = tagged[k][1].loc.cell
    while k > 0 and tagged[k - 1][1].loc.cell == cell:
        k -= 1
    opener = tagged[k][1]
    if opener.kind == Kind.HEADING and k + 1 < len(tagged) and tagged[k + 1][1].loc.cell == cell:
        return opener.changed(kind=Kind.LABEL, text=tagged[k + 1][1].text)
    return opener


@rule
def _unknown_label_cell(piece: Piece, value: Piece, before: Piece | None, lexicon: Lexicon) -> bool:
    """A two-column form's row whose label the lexicon does not know (``工作时间 | 周一至周五 9:00-18:00``
    among ``岗位名称 | …`` rows) is a field of the form: its value goes under its own name in
    other_sections (both cells were unmapped). Asked among the form's head fields only: inside a
    section (任职资格 | … / 专业经验 | …) a row is that section's."""
    name = piece.text.strip()
    return (piece.kind == Kind.TEXT and value.kind == Kind.TEXT and piece.loc.col == 0 and value.loc.col == 1
            and piece.loc.row is not None and value.loc.row == piece.loc.row and value.loc.block == piece.loc.block
            and bool(UNKNOWN_LABEL_NAME.fullmatch(name)) and lexicon.label_key(name) is None
            and lexicon.section_key(name) is None and before is not None and before.loc.block == piece.loc.block
            and before.loc.row is not None and before.loc.row < piece.loc.row and before.kind in (Kind.LABEL, Kind.HEADING))


UNKNOWN_LABEL_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}")


@rule
def _label_line_among_labels(name: str, before: Piece | None, lexicon: Lexicon) -> bool:
    """Notices list a position's fields one ``名称：值`` line each (``招聘人数：2人`` / ``学科方向：人工
    智能、计算机视觉`` / ``岗位要求：…``): a line of that shape right after a known field's line is a field
    the lexicon does not know — its value goes under its own name, not into the section above.
    The first line under a heading stays that section's (``岗位职责：`` / ``成本控制：负责…``), and
    lines among a section's lines are its own (``薪酬：`` / ``实习期间：200/天`` / ``转正后：8K``)."""
    if lexicon.label_key(name) is not None or lexicon.section_key(name) is not None:
        return False
    # a label with nothing after it on its line (待遇：) heads the lines below as a heading does
    return before is not None and before.line_start and before.kind == Kind.LABEL \
        and (before.key is not None or before.source == "unknown_label") and bool(before.text.strip())


def _requirement_sentences(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    """Cut a duty paragraph where a sentence of it starts to ask (:func:`_sentence_asks`)."""
    out: Tagged = []
    for section, piece in tagged:
        # a sentence the recruiting sentence's split left on its own may ask from its first word
        at = _asking_sentence_at(piece, lexicon, piece.source == "prose_sentence") \
            if section in (None, "duties") and piece.kind == Kind.TEXT else None
        if at is None:
            out.append((section, piece))
            continue
        head = piece.text[:at].rstrip()
        out.append((section, piece.changed(text=head, loc=piece.loc.narrow(0, len(head)))))
        heading = lexicon.heading_re.match(piece.text, at)
        if heading is not None and lexicon.section_key(heading.group()) == "qualifications":
            at = heading.end()  # "职位要求计算机、模式识别相关专业…": the section's name, glued
        # the requirements go on sentence after sentence, or part after part at semicolons
        for start, end in clause_spans(piece.text[at:], "。；;！!"):
            out.append(("qualifications", piece.changed(text=piece.text[at + start:at + end],
                                                        loc=piece.loc.narrow(at + start, at + end), line_start=True)))
    return out


def _asking_sentence_at(piece: Piece, lexicon: Lexicon, first_may_ask: bool = False) -> int | None:
    for m in SENTENCE_WITH_END.finditer(piece.text):
        sentence = m.group()
        lead = len(sentence) - len(sentence.lstrip())
        if (m.start() > 0 or first_may_ask) and sentence.strip() and _sentence_asks(sentence[lead:], lexicon):
            return m.start() + lead
    return None


SENTENCE_END = re.compile(r"[。！？!?]")
SENTENCE_WITH_END = re.compile(r"[^。！？!?]+[。！？!?]*")


@rule
def _sentence_asks(rest: str, lexicon: Lexicon) -> bool:
    """A paragraph under a position that says what it does and then what it asks, sentence after
    sentence (``负责来访家长的咨询接待…。要求大专以上学历，…``): from the sentence that opens as a
    requirement and names what is required (a degree, years of experience …), the paragraph
    lists requirements, not duties."""
    sentence = SENTENCE_END.split(rest, maxsplit=1)[0]
    return requirement_sentence(sentence, lexicon) and requirement_topics(sentence, lexicon) >= 1


def _superiors_in_prose(tagged: Tagged, draft: RoleDraft, lexicon: Lexicon) -> Tagged:
    """A paragraph that opens with the position and whom it works under (``行政主管在行政经理
    领导下工作，负责…``, ``该岗位向行政主管汇报，…``) states the superior
    (:func:`superior_clause`): a reports_to label; the paragraph goes on from the work."""
    subjects = [w for w in (draft.title, *short_names(draft.title, lexicon), *lexicon.data.grammar.position_subjects) if w]
    out: Tagged = []
    for section, piece in tagged:
        body = piece.text.lstrip()
        rest = _after_subject(piece, body, subjects)
        found = _superior_in_first_sentence(rest, lexicon) if rest is not None else None
        if rest is None and _may_open_with_superior(section, piece) and _opens_with_superior(section, piece, lexicon):
            rest, found = body, (0, superior_clause(body, lexicon))  # type: ignore[assignment]
        if found is None or rest is None:
            out.append((section, piece))
            continue
        at, m = len(piece.text) - len(rest) + found[0], found[1]
        group = superior_name(m)
        label = Piece(Kind.LABEL, m.group(group), piece.loc.narrow(at + m.start(group), at + m.end(group)),
                      key="reporting.reports_to", name="reporting.reports_to", line_start=False)
        if _summary_keeps_superior(section):
            out += [(section, piece), (None, label)]
            continue
        before = piece.text[:at].rstrip(",， ") if found[0] else ""
        if before.strip():  # "财务经理负责…，向财务总监汇报。": the work before the clause
            out.append((section, piece.changed(text=before, loc=piece.loc.narrow(0, len(before)))))
        out.append((None, label))
        after = piece.text[at + m.end():]
        if after.strip(" 。;；"):
            start = at + m.end() + len(after) - len(after.lstrip(" 。;；"))
            # after a superior that opened the paragraph, the rest opens it too (and may say what it is)
            out.append((section, piece.changed(text=piece.text[start:], loc=piece.loc.narrow(start, len(piece.text)),
                                               line_start=not found[0], clause_start=bool(found[0]))))
    return out


@rule
def _summary_keeps_superior(section: str | None) -> bool:
    """A 岗位概述 sentence that says whom the position works under (``店长是门店的第一负责人，在区域
    经理的领导下全面负责门店的经营管理工作``) names the superior and stays the summary as written:
    only duties are parted around the clause."""
    return section == "purpose"


def _recruiting_sentences(tagged: Tagged, draft: RoleDraft, lexicon: Lexicon) -> Tagged:
    if not draft.title:
        return tagged
    out: Tagged = []
    for section, piece in tagged:
        out.append((section, piece))
        if section in (None, "company") and piece.kind == Kind.TEXT:  # a blurb may end recruiting
            out.extend((None, p) for p in recruiting_terms(piece, draft.title, lexicon))
    return out


@rule
def recruiting_terms(piece: Piece, title: str, lexicon: Lexicon) -> list[Piece]:
    """An introduction that says what it recruits (``现招聘区域运营经理一名，工作地点杭州。``) states the
    position's count and its place in prose: the count after the position's name, the place after
    the place's label without a colon. The sentence itself stays the document's text."""
    out: list[Piece] = []
    m = _recruiting_count_re(lexicon, title).search(piece.text)
    if m:
        out.append(Piece(Kind.LABEL, m.group("count"), piece.loc.narrow(m.start("count"), m.end("count")),
                         key="headcount", name="headcount", line_start=False))
    p = _place_in_prose_re(lexicon).search(piece.text)
    if p and not p.group("place").startswith(tuple(lexicon.data.postings.not_places)):
        out.append(Piece(Kind.LABEL, p.group("place"), piece.loc.narrow(p.start("place"), p.end("place")),
                         key="location", name="location", line_start=False))
    return out


@lru_cache(maxsize=256)  # per lexicon and title: a compilation asks once per role
def _recruiting_count_re(lexicon: Lexicon, title: str) -> re.Pattern[str]:
    words = alternation(lexicon.data.titles.posting_words)
    return re.compile(rf"(?:{words})\s?{re.escape(title)}\s?(?P<count>{headcount_pattern(lexicon, unspecified=False)})")


@cache
def _place_in_prose_re(lexicon: Lexicon) -> re.Pattern[str]:
    """``工作地点杭州``, ``工作地点为杭州``: a work-place heading word, maybe a copula, then the place up
    to the clause's end."""
    labels = alternation(lexicon.data.sections["location"])
    copulas = alternation([*lexicon.data.grammar.place_copulas, *lexicon.data.grammar.copulas])
    return re.compile(rf"(?:{labels})(?:{copulas})?(?P<place>[\u4e00-\u9fff]{{2,10}}?)(?=[，,。；;！!\s]|$)")


def _may_open_with_superior(section: str | None, piece: Piece) -> bool:
    """Whether :func:`_opens_with_superior` can apply: a paragraph that starts a line, of no
    section yet. Asked before the rule, which every piece of every role would reach (~40 a card)."""
    return piece.kind == Kind.TEXT and piece.line_start and section is None


@rule
def _opens_with_superior(section: str | None, piece: Piece, lexicon: Lexicon) -> bool:
    """A paragraph under the position's name may leave the position unsaid and open with whom
    it works under (``在行政经理的指导下，负责…``, ``接受部门经理的领导，…``): the subject is the
    position the paragraph describes. Only a paragraph of no section yet (a 岗位目的 sentence
    stays whole), and only a position's name (在上级的领导下 names no one)."""
    if not _may_open_with_superior(section, piece):
        return False
    m = superior_clause(piece.text.lstrip(), lexicon)
    return m is not None and is_position_name(m.group(superior_name(m)), lexicon)


@rule
def short_names(title: str | None, lexicon: Lexicon) -> list[str]:
    """A document calls its position by the tail of the full name once it has named it
    (``办公室综合科科员岗位职责`` / ``综合科科员在办公室主任领导下开展工作``): every ending of the
    title after one of its units (部, 科, 室, 中心 …) that is itself a position's name stands
    for the position (综合科科员, 科员)."""
    if not title:
        return []
    tails = [title[i:] for i in range(1, len(title) - 1) if title[:i].endswith(lexicon.department_endings)]
    return [t for t in tails if is_position_name(t, lexicon)]


def _after_subject(piece: Piece, body: str, subjects: list[str]) -> str | None:
    """The paragraph after the position named as its subject, or a clause that has one."""
    if piece.kind != Kind.TEXT:
        return None
    if _clause_after_value(piece):
        return body
    rest = without_lead(body, subjects) if piece.line_start else body
    return rest if rest is not body else None


@rule
def _clause_after_value(piece: Piece) -> bool:
    """A clause that goes on after a value a comma ended, in the same sentence (``该岗位隶属于
    仓储部，|直接向仓储部经理汇报，…``), has that sentence's subject: it may say whom the position
    reports to, or what it does, as a sentence that names the position does."""
    return piece.clause_start


def _superior_in_first_sentence(text: str, lexicon: Lexicon) -> tuple[int, re.Match[str]] | None:
    """Where a clause of the paragraph's first sentence names the superior (right after the
    subject, or after the work: ``…负责公司的财务管理工作，向财务总监汇报。``)."""
    end = next((i for i, ch in enumerate(text) if ch in SENTENCE_ENDS), len(text))
    for start in [0, *(i + 1 for i, ch in enumerate(text[:end]) if ch in CLAUSE_MARKS)]:
        m = superior_clause(text[start:], lexicon)
        if m is not None:
            return start, m
    return None


SENTENCE_ENDS = "。;；!！?？"
CLAUSE_MARKS = ",，"


def _prose_paragraphs(tagged: Tagged, draft: RoleDraft, lexicon: Lexicon) -> Tagged:
    """A paragraph of a posting written as prose — a role that a recruiting sentence, a posting's
    title line or the file name opened — goes to the section it says it is
    (:func:`prose_paragraph_section`) when no heading placed it: under no heading, or after a
    heading that ran into its own paragraph (``你将负责公司日常行政事务…``), which heads that
    paragraph only. A duty paragraph's subject and the words that introduce the work
    (``审计专员主要``, ``客户经理的工作是``) head it the way ``主要职责包括：`` does: the duty is what
    follows them."""
    if draft.title_source not in PROSE_TITLES:
        return tagged
    out: Tagged = []
    open_to_prose = True  # no heading, or a running one, placed the paragraphs that follow
    heading_cell = None
    for i, (section, piece) in enumerate(tagged):
        if piece.kind == Kind.HEADING:
            open_to_prose = _heading_runs_into_paragraph(piece, tagged[i + 1:i + 2])
            heading_cell = piece.loc.cell
        elif open_to_prose and _says_for_itself(piece, heading_cell) and (section is None or heading_cell is not None) \
                and (found := _prose_section(piece, draft, lexicon)):
            if found == "duties":
                out.extend(_duty_sentences(piece, draft.title, lexicon))
                continue
            if found == "compensation" and (at := _terms_before_pay(piece, lexicon)):
                out.extend(at)
                continue
            section = found
        out.append((section, piece))
    return out


def _duty_sentences(piece: Piece, title: str | None, lexicon: Lexicon) -> Tagged:
    """A duty paragraph's sentences, each after the subject and the words that introduce its
    work (``招聘专员需要|根据…``), as :func:`duty_start` finds them in the first; from a sentence
    that asks (:func:`_sentence_asks`) on, requirements."""
    out: Tagged = []
    section = "duties"
    for m in SENTENCE_WITH_END.finditer(piece.text):  # the end mark stays: it says the sentence ended
        s, e = m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
        sentence = piece.text[s:e]
        if not sentence.strip(" \t" + SENTENCE_ENDS):  # the mark of the sentence before (…主管。|主要负责…)
            continue
        if section == "duties" and s > 0 and _sentence_asks(sentence, lexicon):
            section = "qualifications"
        start = s + (duty_start(sentence, title, lexicon) or 0 if section == "duties" else 0)
        out.append((section, piece.changed(text=piece.text[start:e], loc=piece.loc.narrow(start, e), line_start=s == 0)))
    return out


def _terms_before_pay(piece: Piece, lexicon: Lexicon) -> Tagged | None:
    """A terms paragraph (:func:`terms_paragraph`) whose pay clause follows other terms
    (``工作时间为做六休一，早九晚六，|月薪4000-5500元，包吃住。``): the terms before the pay are the
    job's conditions, the rest its pay."""
    at = pay_clause_start(piece.text, lexicon) if terms_paragraph(piece.text.strip(), lexicon) else None
    if not at:
        return None
    head = piece.text[:at].rstrip(" ，,；;")
    if head.lstrip().startswith(tuple(lexicon.data.postings.offer_openers)) or perks_in_prose(head, lexicon):
        return None  # 公司为员工缴纳六险二金，…，月薪…: what the employer gives is pay too
    return [("work_conditions", piece.changed(text=head, loc=piece.loc.narrow(0, len(head)))),
            ("compensation", piece.changed(text=piece.text[at:], loc=piece.loc.narrow(at, len(piece.text)),
                                           line_start=False))]


def _says_for_itself(piece: Piece, heading_cell: tuple[int, int | None, int | None] | None) -> bool:
    return piece.loc.cell != heading_cell or _later_sentence_of_headed_paragraph(piece)


@rule
def _later_sentence_of_headed_paragraph(piece: Piece) -> bool:
    """A heading that ran into its paragraph heads its own sentence (``应聘者需具备大专以上学历…。``);
    a later sentence of the same paragraph (``公司提供月薪…``) says for itself what it is, as a
    paragraph under no heading does."""
    return piece.line_start and piece.kind == Kind.TEXT


@rule
def _heading_runs_into_paragraph(heading: Piece, following: Tagged) -> bool:
    """A heading with its text straight after it in the same paragraph (``你将负责公司日常…``)
    heads that paragraph; the paragraphs after it say for themselves what they are."""
    return bool(following) and following[0][1].loc.cell == heading.loc.cell and following[0][1].kind == Kind.TEXT \
        and not following[0][1].line_start


def _prose_section(piece: Piece, draft: RoleDraft, lexicon: Lexicon) -> str | None:
    if piece.kind != Kind.TEXT or not (piece.line_start or _clause_after_value(piece)) \
            or not _is_paragraph(piece.text, lexicon):
        return None
    return prose_paragraph_section(piece.text.lstrip(SENTENCE_ENDS), draft.title, lexicon)


def _is_paragraph(text: str, lexicon: Lexicon) -> bool:
    """A sentence or more: long enough, with a mark that parts or ends a sentence."""
    marks = lexicon.data.grammar.sentence_inner_marks
    return len(text.strip()) >= MIN_PARAGRAPH and any(m in text for m in marks)


def _lead_purpose(tagged: Tagged, draft: RoleDraft, lexicon: Lexicon) -> Tagged:
    # "接受财务经理的监督和指导，负责收银台的日常管理。": the superior said first, then the sum
    first = next((k for k, (_, p) in enumerate(tagged) if p.kind != Kind.TITLE and not _superior_said(p)), None)
    if first is not None and _lead_sentence_is_purpose(tagged[first:first + 2], draft.default_section, lexicon):
        tagged = [*tagged[:first], ("purpose", tagged[first][1]), *tagged[first + 1:]]
    return tagged


def _announced_wishes(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    """The lines after a requirement that announces wishes are wishes, up to the next item of
    the announcing item's own list (``6、符合如下条件之一者优先考虑：`` / ``有教育行业招生经验；`` /
    ``有一线教师经验；`` / ``7、…``)."""
    out = list(tagged)
    style: str | None = None
    announced = False
    for k, (section, piece) in enumerate(out):
        if announced and section == "qualifications" and piece.line_start and piece.kind in (Kind.TEXT, Kind.ITEM):
            if piece.kind == Kind.ITEM and piece.marker is not None and seq_key(piece.marker) == style:
                announced = False
            else:
                out[k] = ("preferred", piece)
                continue
        announced = False  # a heading, a label or text run on from the line before ends the wishes
        if section == "qualifications" and piece.line_start and wish_list_announced(piece.text, lexicon):
            announced, style = True, seq_key(piece.marker) if piece.marker is not None else None
            out[k] = ("preferred", piece)
    return out


def _perk_lists(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    out = list(tagged)
    k = 0
    while k < len(out):
        j = k
        while j < len(out) and out[j][0] == "compensation" and out[j][1].kind == Kind.ITEM:
            j += 1
        if j > k and _list_names_perks([p for _, p in out[k:j]], lexicon):
            out[k:j] = [("benefits", p) for _, p in out[k:j]]
        k = max(j, k + 1)
    return out


def _perk_lines(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    out = list(tagged)
    for k in range(len(out)):
        piece = out[k][1]
        if piece.kind in (Kind.HEADING, Kind.LABEL) and piece.key == "compensation" and not piece.text.strip():
            j = k + 1
            while j < len(out) and out[j][0] == "compensation" and out[j][1].kind not in (Kind.HEADING, Kind.LABEL):
                j += 1
            if j > k + 1 and _lines_list_perks([p for _, p in out[k + 1:j]], lexicon):
                out[k + 1:j] = [("benefits", p) for _, p in out[k + 1:j]]
        elif k and _perk_line_after_pay_value(out[k - 1][1], piece, lexicon):
            out[k] = ("benefits", piece)
    return out


def _lists_perks(piece: Piece, lexicon: Lexicon) -> bool:
    return piece.kind == Kind.TEXT and piece.line_start and bool(perk_list(clean_item(piece.text), lexicon))


@rule
def _lines_list_perks(body: list[Piece], lexicon: Lexicon) -> bool:
    """Under a pay heading (``## 福利待遇``, ``福利待遇：`` alone on its line), lines that each list
    perks and nothing else (``六险一金、年终奖、带薪年假``) are the benefits list, as the same perks
    are when written as items (``- 五险一金``) or after the label on its own line; one line with a
    pay figure or word keeps the whole section the pay text, as written."""
    return all(_lists_perks(p, lexicon) for p in body)


@rule
def _perk_line_after_pay_value(before: Piece, piece: Piece, lexicon: Lexicon) -> bool:
    """A pay label alone on its line takes the next line as its value (``薪资待遇`` / ``月薪8000元``);
    a line that then lists perks and nothing else (``五险一金、带薪年假``) is the benefits list, not
    more of the section the label interrupted (it was read as a duty)."""
    return (before.kind == Kind.LABEL and before.key == "compensation" and bool(before.text.strip())
            and before.alone and _lists_perks(piece, lexicon))


def _places_to_apply(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    # the rule is asked only under how to apply: a card has ~40 pieces, none of them there
    return [("application", piece.changed(key="application"))
            if section == "application" and _place_to_apply(section, piece, lexicon)
            else (section, piece) for section, piece in tagged]


@rule
def _place_to_apply(section: str | None, piece: Piece, lexicon: Lexicon) -> bool:
    """Under how to apply (``报名方式`` / ``报名时间：3月10日至20日，地点：人事科``) a bare place label
    says where to apply, not where the job is done; a label that names the work (``工作地点``)
    keeps its field wherever it stands."""
    return (section == "application" and piece.kind == Kind.LABEL and piece.key == "location"
            and lexicon.section_key(piece.name or "") != "location")


@rule
def _list_names_perks(items: list[Piece], lexicon: Lexicon) -> bool:
    """A list under a pay heading (``福利待遇：`` / ``- 五险一金`` / ``- 年度体检``) whose every item names
    a perk is the benefits list; one pay line or sentence among them keeps the list the pay
    text, as written (``薪资福利：`` / ``- 绝对能匹配上你能力的薪资~``)."""
    return len(items) >= 2 and all(perk_item(p.text, lexicon) for p in items)


def _pay_list(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    out = list(tagged)
    for k, (section, piece) in enumerate(out):
        if section != "compensation" or piece.kind != Kind.ITEM or piece.marker is None:
            continue
        if not pay_line(piece.text, lexicon):
            continue
        j = k + 1
        while j < len(out) and _pay_list_goes_on(out[j], seq_key(piece.marker)):
            out[j] = ("compensation", out[j][1])
            j += 1
    return out


@rule
def _pay_list_goes_on(entry: tuple[str | None, Piece], style: str) -> bool:
    """A numbered list that opens with the pay (``1. 10-20k * 14`` under no pay heading) is the
    pay's list: its next items (``2. 期权激励``) are pay too."""
    section, piece = entry
    return (section != "compensation" and piece.kind == Kind.ITEM and piece.marker is not None
            and seq_key(piece.marker) == style)


@rule
def wish_list_announced(text: str, lexicon: Lexicon) -> bool:
    """``符合如下条件之一者优先考虑：``, ``具备以下条件者优先:``: a wish that announces a list (以下,
    如下 …) and ends with a colon heads a list of wishes; it names none itself."""
    text = text.strip()
    return (text[-1:] in (":", "：") and any(m in text for m in lexicon.data.qualifications.preferred_markers)
            and any(w in text for w in lexicon.data.grammar.list_announcers))


@rule
def _lead_sentence_is_purpose(opening: Tagged, default_section: str | None, lexicon: Lexicon) -> bool:
    """A role card that never says 岗位职责 opens with one unnumbered sentence that sums the
    position up (``全面掌控学校的整体发展方向并负责组织实施，向投资人负责``) and then lists its
    duties: that sentence is the purpose, neither a duty nor text of no field. Over a 岗位职责
    heading such a sentence opens with the work (``接受财务经理的监督和指导，负责收银台的日常管理。``:
    after the superior it was left unmapped)."""
    if len(opening) < 2:
        return False
    (section, lead), (next_section, item) = opening
    if section not in (None, default_section) or lead.kind != Kind.TEXT or not lead.line_start:
        return False
    text = lead.text.strip()
    if not text or any(c in text for c in ":：\n"):
        return False  # a label's line ("职位说明:…"), or several lines, sum nothing up
    if any(w in text for w in lexicon.data.grammar.list_announcers):
        return False  # "主要职责如下", "您过来主要做以下事情" announce the list
    if next_section != "duties":
        return False
    # ... then lists its duties; over their heading the sum opens with the work (负责…)
    return item.kind == Kind.ITEM or (item.kind == Kind.HEADING and item.key == "duties"
                                      and text.startswith(lexicon.duty_verbs))


def _superior_said(piece: Piece) -> bool:
    return piece.kind == Kind.LABEL and piece.key == "reporting.reports_to" and not piece.line_start


def _switch(section: str | None, piece: Piece, draft: RoleDraft, lexicon: Lexicon) -> str | None:
    """The section in force from ``piece`` on."""
    if piece.kind == Kind.TITLE:
        return draft.default_section  # the document's heading written again starts it afresh
    if piece.kind in (Kind.HEADING, Kind.LEAD_IN) and (piece.kind == Kind.HEADING or piece.key):
        return piece.key
    if piece.kind == Kind.LABEL:
        if section == "qualifications" and piece.source == "unknown_label" and _names_a_requirement(piece, lexicon):
            return section  # "其他：持物业管理员证" under 任职要求 goes on with the requirements
        return _label_section(section, piece)
    if piece.kind == Kind.TEXT and _flattened_duty_cell(section, piece, lexicon):
        return "duties"
    return section


@rule
def _peer_heading_ends_section(piece: Piece, opened_at: int | None) -> bool:
    """A heading the lexicon does not know, of the same rank as the heading that opened the
    section or higher (``## 你能得到什么`` after ``## 加分项``), starts a section of its own; only
    a lower-ranked heading (``### 支付方向`` under ``## 工作内容``) groups the section's items."""
    return piece.heading_level is not None and opened_at is not None and piece.heading_level <= opened_at


@rule
def _sentence_heading_ends_section(piece: Piece, lexicon: Lexicon) -> bool:
    """A heading written as a sentence to the reader (``如果你也是这样，应该能够快速融入团队~``)
    is not the name of a group of items: it starts a section of its own."""
    text = piece.text.strip()
    g = lexicon.data.grammar
    return any(m in text[:-1] for m in g.sentence_inner_marks) or text[-1:] in g.sentence_final_marks


# Labels with nothing after them that open a section of prose: 职业发展 over the career text.
SECTION_OF_LABEL = {"reporting.promotions": "career"}


@rule
def _names_a_requirement(piece: Piece, lexicon: Lexicon) -> bool:
    """Under 任职要求, a label the lexicon does not know (``其他：``, ``语言能力：``) whose words name a
    kind of requirement (lexicon label_hints) heads that requirement, not a section of its own."""
    # (培训： after the requirements says what training the employer gives)
    return classify_label((piece.name or "").strip(), lexicon) not in (None, "training")


def _label_section(section: str | None, piece: Piece) -> str | None:
    if piece.key in ("duties", "duties.category"):
        return "duties"  # "职责:X" / "任务名称:X" only occur in duty tables
    if not piece.text and piece.key and piece.key.startswith(SWITCHING_LABELS):
        return piece.key.split(".")[0]
    if not piece.text and piece.key in SECTION_OF_LABEL:
        return SECTION_OF_LABEL[piece.key]  # "职业发展：公司提供完善的晋升体系…": the career section, in prose
    if piece.source == "unknown_label":
        # "步骤2:服务承诺" — an unknown heading of its own; what follows is not the section above.
        return None
    return section


@rule
def _flattened_duty_cell(section: str | None, piece: Piece, lexicon: Lexicon) -> bool:
    """A duty table flattened one cell per line announces itself by its cells standing alone:
    a group marker (``职责一``), a frequency (``每月``) or a column header (``工作内容``)."""
    if not piece.alone:
        return False
    text = piece.text.strip()
    if is_duty_marker(text, lexicon):
        return True
    headers = set(lexicon.data.tables.extra_column_headers)
    return section != "kpis" and (text in lexicon.frequency_words or text in headers)


@rule
def _summary_heading_lists_duties(following: list[Piece], lexicon: Lexicon) -> bool:
    """A summary heading (``岗位描述``, ``职位概述``) heads one paragraph in a 岗位说明书, but postings
    put their duty list under it (``岗位描述：`` / ``1、负责现金收付`` / ``2、负责银行结算``): a list
    of two or more items or lines of their own, most opening with a duty verb, is duties."""
    items: list[Piece] = []
    for piece in following:
        if piece.kind in (Kind.HEADING, Kind.TITLE):
            break
        if piece.kind == Kind.ITEM or piece.kind == Kind.TEXT and piece.line_start:
            items.append(piece)
    return len(items) >= 2 and _dutylike(items, lexicon) * 2 > len(items)


@rule
def _summary_is_the_work(heading: Piece, draft: RoleDraft, lexicon: Lexicon) -> bool:
    """A posting with no duty heading of its own puts its work under the summary heading
    (``岗位描述：负责客户咨询的接待与回复，处理客户投诉，维护客户关系。``): when nothing else in
    the role says what the job does, the summary's text, opening with a duty verb, is the duties.
    A 岗位说明书 states its purpose there and its duties under 岗位职责."""
    if any(p.key == "duties" and p.kind in (Kind.HEADING, Kind.LABEL, Kind.LEAD_IN) for p in draft.pieces):
        return False
    at = next((k for k, p in enumerate(draft.pieces) if p is heading), None)
    following = draft.pieces[at + 1:at + 2] if at is not None else []
    return bool(following) and following[0].kind == Kind.TEXT and following[0].loc.cell == heading.loc.cell \
        and following[0].text.lstrip().startswith(lexicon.duty_verbs)


def _dutylike(pieces: list[Piece], lexicon: Lexicon) -> int:
    """How many of ``pieces`` open with a duty verb (负责…, 处理…)."""
    return sum(1 for p in pieces if p.text.lstrip().startswith(lexicon.duty_verbs))


@rule
def _ambiguous_section(following: list[Piece], lexicon: Lexicon) -> str:
    """``职责要求`` heads duties in one document and requirements in another: the list under it
    decides — mostly lines that start with a duty verb (负责…, 处理…) are duties."""
    duty = requirement = 0
    words = lexicon.data.qualifications.requirement_words
    for piece in following:
        if piece.kind in (Kind.HEADING, Kind.TITLE):
            break
        text = piece.text.strip()
        if piece.kind not in (Kind.ITEM, Kind.TEXT) or not text:
            continue
        if text.startswith(lexicon.duty_verbs):
            duty += 1
        elif any(w in text for w in words):
            requirement += 1
    return "duties" if duty > requirement else "qualifications"


def _unheaded_duty_lists(tagged: Tagged, lexicon: Lexicon) -> Tagged:
    out = list(tagged)
    i = 0
    while i < len(out):
        if out[i][0] is not None or out[i][1].kind != Kind.ITEM:
            i += 1
            continue
        j = i
        while j < len(out) and out[j][1].kind in (Kind.ITEM, Kind.TEXT) and (
                out[j][0] is None or _self_evident_item(out[j], lexicon)):
            j += 1
        untagged = [p for s, p in out[i:j] if s is None]
        if len(untagged) < j - i:  # requirements among the bullets: each other bullet by itself
            for k in range(i, j):
                if out[k][0] is None and _mixed_leaflet_item(out[k][1], lexicon):
                    out[k] = ("duties", out[k][1])
        elif _duty_list_without_heading(untagged, lexicon) or _work_before_asks(untagged, out[j:j + 1], lexicon):
            for k in range(i, j):
                out[k] = ("duties", out[k][1])
        i = j
    return out


def _self_evident_item(entry: tuple[str | None, Piece], lexicon: Lexicon) -> bool:
    section, piece = entry
    return section == "qualifications" and piece.kind == Kind.ITEM and self_evident_requirement(piece.text, lexicon)


@rule
def _mixed_leaflet_item(piece: Piece, lexicon: Lexicon) -> bool:
    """A leaflet's bullets under a position mix what the job does with what it asks (``- 负责餐前
    准备…`` / ``- 18-35岁，男女不限``): the requirements say so themselves, and a bullet that opens
    with a duty verb is a duty."""
    return piece.kind == Kind.ITEM and _dutylike([piece], lexicon) == 1


@rule
def _duty_list_without_heading(run: list[Piece], lexicon: Lexicon) -> bool:
    """A numbered list under no heading whose items read like duties (负责…, 协助…) is the
    duty list of a document that never says 岗位职责."""
    items = [p for p in run if p.kind == Kind.ITEM]
    return len(items) >= 2 and _dutylike(items, lexicon) * 2 >= len(items)


@rule
def _work_before_asks(run: list[Piece], following: Tagged, lexicon: Lexicon) -> bool:
    """Under a position's name, bullets that say what the job does and then a labelled list of
    what it asks (``- 负责自动化测试平台建设`` / ``- 要求：本科及以上学历``): the bullets before the
    requirements' label are the duties even when there is one, as long as they read like duties."""
    items = [p for p in run if p.kind == Kind.ITEM]
    return bool(items) and bool(following) and following[0][1].kind in (Kind.HEADING, Kind.LEAD_IN) \
        and following[0][1].key == "qualifications" and _dutylike(items, lexicon) * 2 > len(items)


def _own_section(section: str | None, piece: Piece, lexicon: Lexicon) -> str | None:
    if piece.kind not in (Kind.TEXT, Kind.ITEM):
        return section
    if piece.source == "recruiting_lead":
        return None  # "我们正在寻找|一名Java开发工程师，负责…": the words before the position say no duty
    text = piece.text.strip()
    if section is None and self_evident_requirement(text, lexicon):
        return "qualifications"
    if section is None and piece.kind == Kind.TEXT and employer_introduction(piece, lexicon):
        return "company"  # the employer's own blurb inside the posting: it names the organization
    if section is None and piece.source == "prose_sentence" and duty_sentence(text, lexicon):
        return "duties"
    if section == "qualifications" and piece.kind == Kind.ITEM and _duty_in_requirements(text, lexicon):
        return "duties"
    if section in (None, "qualifications") and pay_line(text, lexicon):
        return "compensation"
    return section


@rule
def _duty_in_requirements(text: str, lexicon: Lexicon) -> bool:
    """A ``负责…`` item with no requirement word in a 任职资格 list is a duty the layout (or a
    scrambled page) put there; not ``参与过…``, which says what a candidate has done."""
    q = lexicon.data.qualifications
    verb = max((v for v in lexicon.duty_verbs if text.startswith(v)), key=len, default=None)
    if verb is None or len(text) < 8 or any(w in text for w in q.requirement_words):
        return False
    return not text[len(verb):].startswith(tuple(q.experiential_aspect))  # 参与过…: done before, a requirement
