"""Scan one line (a block's or a cell's text) into pieces: titles, section headings, labelled
values, list items and plain text, each with its location.

Real documents rarely put one thing per line: document sites flatten a whole 岗位说明书
onto one line (``四、岗位职责一、参与… 二、积极配合… 五、权限范围·本部门…``), forms glue
labels to values (``岗位名称客户服务经理岗位代码岗位序列技术业务``), Word tables put
each label in its own cell. One set of rules driven by the lexicon finds the boundaries in
all of them, so later stages see the same stream whatever the format.

A boundary candidate is accepted according to where it stands — at the start of a line,
after whitespace or sentence punctuation, right after another boundary, or glued inside
text — and what it is: a long section heading may stand after whitespace, a short one
only at a line start; a label needs a colon, padding or a form line full of labels; a
list label glued to text only when it continues the numbering (``…标准2.主持…``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from .lexicon import Lexicon, alternation
from .numbering import Label
from .piece import Kind, Loc, Piece, Token
from .remembered import REMEMBERED_LENGTH, remembered
from .rules import answers_can_be_kept, rule
from .titles import is_position_name, match_doc_title

SENTENCE_END = "。;；!?！？"
UNKNOWN_LABEL = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,6}[:：](?=\S)")
FORM_DENSITY = 40
FLATTENED_LINE = 200
OPEN_PARENS = frozenset("(（")
RULE_CHARS = set("=_＿━─—")
FIELD_BARS = set("｜|")
OPEN_BRACKETS = set("【[〔［")
QUOTE_OPENERS = set("“\"《「")
QUOTE_CLOSERS = set("”\"》」")
CLOSE_BRACKETS = set("】]〕］")
COLONS = (":", "：")
WORD_CHAR = re.compile(r"[^\W_]")


@dataclass
class Line:
    """One line being scanned: its text, the lexicon's candidates in it, and what the scan
    accepted so far."""

    text: str
    origin: int
    lexicon: Lexicon
    heading_at: dict[int, re.Match[str]]
    label_at: dict[int, re.Match[str]]
    num_at: dict[int, re.Match[str]]
    lead_at: dict[int, re.Match[str]]
    unknown_at: dict[int, re.Match[str]]
    form_colon: bool
    form_bare: bool
    flattened: bool
    spaced_pairs: frozenset[int] = frozenset()  # starts of labels of a spaced form line (rule spaced_pairs)
    last_end: int = 0
    last_kind: Kind | None = None
    last_num: dict[str, int] = field(default_factory=dict)
    last_style: str | None = None
    last_title: Label | None = None

    def label(self, m: re.Match[str]) -> Label:
        return self.lexicon.numbering.label(m)

    def continues(self, marker: Label) -> bool:
        """The marker's ordinal is the next of its style."""
        return marker.ordinal is not None and self.last_num.get(seq_key(marker)) == marker.ordinal - 1


@cache
def _lead_in_re(lexicon: Lexicon) -> re.Pattern[str]:
    """"以下是…:" — a sentence that announces the list after it."""
    return re.compile(rf"(?:{alternation(lexicon.lead_ins)})[^:：\n。]{{0,40}}[:：]")


# --- scanning one line -----------------------------------------------------------------------

Scanner = Callable[[str, Loc, Lexicon], list[Piece]]


def remembering_scanner() -> Scanner:
    """:func:`scan_text` scanning each distinct text once per lexicon in this process.

    A text's pieces depend on the text and the lexicon alone, and forms repeat theirs: a
    139-role compilation scans ``岗位职责`` 141 times, 767 distinct texts in 3,586, and one-role
    cards of one template share their labels (a card's extraction is ~20% cheaper after the
    other cards of its template). A text seen before is rebased from its first scan. (Not while
    a rule is off or rule firings are recorded: those must see every scan.)"""
    if not answers_can_be_kept():
        return scan_text

    def scan(text: str, base: Loc, lexicon: Lexicon) -> list[Piece]:
        if len(text) > REMEMBERED_LENGTH:  # long texts are rarely repeated; their pieces are not kept
            return scan_text(text, base, lexicon)
        seen = _scanned(lexicon)
        first = seen.get(text)
        if first is None:
            first = seen[text] = scan_text(text, Loc(0, None, 0, len(text)), lexicon)
        return [p.moved(base.narrow(p.loc.start, p.loc.end)) for p in first]

    return scan


def _scanned(lexicon: Lexicon) -> dict[str, list[Piece]]:
    """The first scans of texts under ``lexicon`` (see :mod:`.remembered`)."""
    return remembered("scan", lexicon)


def scan_text(text: str, base: Loc, lexicon: Lexicon) -> list[Piece]:
    """Pieces of one block or cell text; locations are ``base`` narrowed to each piece."""
    header = _header_line(text, base, lexicon)
    if header is not None:
        return header
    department = _department_statement(text, base, lexicon)
    if department is not None:
        return department
    inside = _bracketed_line(text, lexicon)
    if inside is not None:
        return scan_text(text[1:-1], base.narrow(1, len(text) - 1), lexicon)
    if "｜" in text or "|" in text:
        text = _bar_as_colon(text, lexicon) or text
    pieces: list[Piece] = []
    pos = 0
    # A document title can only open a line; a site sometimes repeats it glued to itself.
    while True:
        title = match_doc_title(text[pos:], lexicon)
        if not title:
            break
        pieces.append(Piece(Kind.TITLE, title.title, base.narrow(pos, pos + title.end), name=title.raw,
                            title_style="doc", line_start=pos == 0))
        pos = _skip_ws(text, pos + title.end)
    shared = _shared_prefix(text, pos, lexicon)
    if shared is not None:
        pos = shared
    tokens = find_tokens(text, pos, lexicon, after_title=bool(pieces))
    cursor = pos
    pending: Token | None = None
    first = len(pieces)
    for tok in tokens:
        pieces.extend(_emit(text, base, pending, cursor, tok.start, lexicon))
        pending, cursor = tok, tok.end
    pieces.extend(_emit(text, base, pending, cursor, len(text), lexicon))
    if shared is not None and len(pieces) > first and pieces[first].kind in (Kind.HEADING, Kind.LABEL):
        pieces[first] = pieces[first].changed(shared=True)
    return pieces


@rule
def _bar_as_colon(text: str, lexicon: Lexicon) -> str | None:
    """Social-media posts part a field's name from its value with a bar (``地点｜北京朝阳``,
    ``职责｜`` over its list): a known label or heading opening a line, then the line's only bar,
    reads as a colon. (A row of several bars is a table's or a tag line's.) Returns the text to
    scan, the bar read as a colon (same length: every piece keeps its place), or None."""
    out, changed, start = list(text), False, 0
    for line in text.split("\n"):
        bars = [i for i, ch in enumerate(line) if ch in FIELD_BARS]
        if len(bars) == 1:
            m = lexicon.label_re.match(line) or lexicon.heading_re.match(line)
            if m is not None and m.end() == bars[0]:
                out[start + bars[0]] = "："
                changed = True
        start += len(line) + 1
    return "".join(out) if changed else None


BRACKET_PAIRS = {"（": "）", "(": ")", "【": "】", "[": "]"}


@rule
def _bracketed_line(text: str, lexicon: Lexicon) -> bool | None:
    """A line set in brackets that holds a label and its value (``（直接上级：财务经理）``, a note
    under a card's title): the brackets enclose the line, the label inside still labels."""
    if len(text) < 6 or BRACKET_PAIRS.get(text[0]) != text[-1] or "\n" in text:
        return None
    inner = text[1:-1]
    m = lexicon.label_re.match(inner)
    if m is None or inner[m.end():m.end() + 1] not in COLONS or any(b in inner for b in "（(【[）)】]"):
        return None
    return True


@rule
def _shared_prefix(text: str, pos: int, lexicon: Lexicon) -> int | None:
    """``以上岗位福利待遇：…``, ``所有岗位工作地点：…``, ``以上岗位均要求：…``: a section or label that
    says it covers every role of the document. Returns where the heading or label starts."""
    g = lexicon.data.grammar
    for word in g.all_roles_words:
        if text.startswith(word, pos):
            after = pos + len(word)
            # "以上岗位均要求：…": an adverb may stand between the words and the heading
            adverb = next((a for a in g.all_roles_adverbs if text.startswith(a, after)), "")
            for at in dict.fromkeys((after, after + len(adverb))):
                if lexicon.heading_re.match(text, at) or lexicon.label_re.match(text, at):
                    return at
    return None


def _emit(text: str, base: Loc, tok: Token | None, start: int, end: int, lexicon: Lexicon) -> list[Piece]:
    """The token ``tok`` and the text after it (``text[start:end]``) as pieces."""
    s, e = _trim(text, start, end)
    body = text[s:e]
    line_start = tok.start == 0 if tok else start == 0
    if tok is None:
        return [Piece(Kind.TEXT, body, base.narrow(s, e), line_start=line_start)] if body else []
    after = [Piece(Kind.TEXT, body, base.narrow(s, e), line_start=False)] if body else []
    tloc = base.narrow(tok.start, tok.end)
    if tok.kind == Kind.HEADING:
        return [Piece(Kind.HEADING, "", tloc, key=tok.key, name=tok.name, marker=tok.marker,
                      line_start=line_start, shared=tok.shared)] + after
    if tok.kind == Kind.LABEL:
        return _label_pieces(text, base, tok, s, e, line_start, lexicon)
    if tok.kind == Kind.ITEM:
        # "1、教育水平:…" — the label that follows carries the content
        return [Piece(Kind.ITEM, body, base.narrow(s, e), marker=tok.marker, line_start=line_start)] if body else []
    if tok.kind == Kind.TITLE:
        return [Piece(Kind.TITLE, tok.title or "", tloc, name=tok.name, marker=tok.marker,
                      title_style="numbered", line_start=line_start)] + after
    return [Piece(Kind.LEAD_IN, tok.title or "", tloc, name=tok.name, key=tok.key, line_start=line_start)] + after


def _label_pieces(text: str, base: Loc, tok: Token, s: int, e: int, line_start: bool,
                  lexicon: Lexicon) -> list[Piece]:
    value_end = prose_value_end(text, s, e) if tok.title == "prose" else value_end_of(text, s, e, tok.key, lexicon)
    vs, ve = _trim(text, s, value_end)
    note = _shared_note(text[vs:ve], lexicon)
    if note is not None:
        ve = _trim(text, vs, vs + note)[1]
    source = "unknown_label" if tok.title == "unknown" and tok.key is None else "text"
    out = [Piece(Kind.LABEL, text[vs:ve], base.narrow(vs, ve) if ve > vs else base.narrow(tok.start, tok.end),
                 key=tok.key, name=tok.name, line_start=line_start, source=source, shared=note is not None,
                 lead=vs - tok.start if ve > vs else 0)]
    rs, re_ = _trim(text, value_end, e)
    # "上班地点在徐家汇，手表…": the comma ended the value and the clause after it goes on with
    # the sentence's subject; "直接上级为仓储主管。主要负责…": the sentence ended with the value, and
    # the next opens after its mark, which stays with the text (a value joined from the pieces
    # keeps the punctuation as written)
    joined = rs < re_ and text[rs] in CLAUSE_JOINERS + SENTENCE_MARKS
    while rs < re_ and text[rs] in CLAUSE_JOINERS:
        rs += 1
    if re_ > rs:
        out.append(Piece(Kind.TEXT, text[rs:re_], base.narrow(rs, re_), line_start=False, clause_start=joined))
    return out


# An empty label of these fields heads a list or a text, like a heading does.
SWITCHING_LABELS = ("qualifications.", "equipment", "benefits", "location", "compensation", "purpose",
                    "work_conditions")

# Labels whose value is a name or a short phrase: it ends at the first space or sentence end.
NAME_FIELDS = frozenset({
    "title", "code", "department", "grade", "headcount", "category", "organization",
    "reporting.reports_to", "reporting.direct_reports", "reporting.substitutes", "reporting.rotations",
    "reporting.promotions", "qualifications.gender", "qualifications.age", "employment_type",
})


CLAUSE_END = re.compile(r"[,，。;；]")


def prose_value_end(text: str, start: int, end: int) -> int:
    """A value stated in prose ends with its clause."""
    m = CLAUSE_END.search(text, start, end)
    return m.start() if m else end


def value_end_of(text: str, start: int, end: int, key: str | None, lexicon: Lexicon) -> int:
    """Where a label's value stops when no other boundary does."""
    segment = text[start:end]
    if key in NAME_FIELDS:
        return start + _name_value_end(segment, key, lexicon)
    m = re.search(r"。\s|[。;；]\s*$", segment)
    if m and m.end() < len(segment.rstrip()):
        return start + m.start() + 1
    return end


def _name_value_end(segment: str, key: str | None, lexicon: Lexicon) -> int:
    if key != "title" and _label_before_duty(segment, lexicon):
        return 0
    if key == "qualifications.age" and (age_end := _spaced_age_range(segment, lexicon)):
        return age_end
    sentence = _reporting_sentence(segment, key, lexicon)
    if sentence is not None:
        return sentence
    m = NAME_END.search(segment)
    longest = 12
    if m and m.group().isspace() and (key == "title" or _latin_led_name(segment)):
        spaced = _spaced_name_end(segment, m)
        if spaced is not None:
            # Latin names spell out in letters what Chinese writes in a few characters
            # ("Order Management Specialist" is 27 characters, 订单管理专员 six)
            latin = len(ASCII_LETTERS.findall(segment[:spaced.start()])) * 2 > spaced.start()
            m, longest = spaced, 48 if latin else 24
    if m:
        # "汇报对象: 负责建立…" — a colon followed by a sentence is an empty label.
        if m.start() > longest or re.search(r"[,，。]", segment[: m.start()]):
            return 0
        return m.start()
    if len(segment) > 24 and re.search(r"[,，。]", segment):
        return 0
    return len(segment)


@rule
def _latin_led_name(segment: str) -> bool:
    """Bilingual forms (``Department 部门: Sales 销售部``, ``Reports to 汇报对象: General Manager 总经理``)
    give a department or a superior in English, then in Chinese: a name that opens with a Latin word
    holds its spaces as a title does (:func:`_spaced_name_end`); the first space ended it at
    ``Sales`` and ``General``."""
    return bool(ASCII_WORD.match(segment[:1]))


@rule
def _spaced_age_range(segment: str, lexicon: Lexicon) -> int | None:
    """``年    龄：25 - 35 岁``: an age range written with spaces is one value; the space that ends
    a name elsewhere does not end it."""
    m = _age_range_re(lexicon).match(segment)
    return m.end() if m else None


@cache
def _age_range_re(lexicon: Lexicon) -> re.Pattern[str]:
    q = lexicon.data.qualifications
    return re.compile(rf"\d{{1,2}}\s?(?:{alternation(q.range_separators)})\s?\d{{1,2}}(?:\s?(?:{alternation(q.age_units)}))?")


SPACE_RUN = re.compile(r"\s+")
NAME_END = re.compile(r"\s|[。;；|]")
ASCII_WORD = re.compile(r"[A-Za-z0-9+#.]")
ASCII_LETTERS = re.compile(r"[A-Za-z]")
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


@rule
def _spaced_name_end(segment: str, first: re.Match[str]) -> re.Match[str] | None:
    """A position name holds spaces around Latin words (``高级 iOS 开发工程师``, ``Python 开发工程师``)
    and between the characters of a spread-out name (``出  纳``): the value runs past such a
    space to the first space that separates two Chinese words, or to a sentence end."""
    pos = first.start()
    moved = False
    while True:
        gap = SPACE_RUN.match(segment, pos)
        if gap is None:
            break
        before, after = segment[:gap.start()], segment[gap.end():]
        latin = bool(ASCII_WORD.fullmatch(before[-1:])) or bool(ASCII_WORD.match(after[:1]))
        single = bool(CJK_CHAR.fullmatch(after[:1])) and (len(_last_word(before)) == 1 or len(_first_word(after)) == 1)
        if not (latin or single) or not after:
            break
        moved = True
        nxt = NAME_END.search(segment, gap.end())
        if nxt is None:
            return _END.match(segment, len(segment))
        if not nxt.group().isspace():
            return nxt
        pos = nxt.start()
    return SPACE_RUN.match(segment, pos) if moved else None


_END = re.compile(r"$")


def _last_word(text: str) -> str:
    return re.split(r"\s", text)[-1]


def _first_word(text: str) -> str:
    return re.split(r"\s", text)[0]


@rule
def _label_before_duty(segment: str, lexicon: Lexicon) -> bool:
    """A name label whose "value" starts with a duty verb is an empty label followed by a
    duty (``汇报对象: 负责门店日常运营。``): forms leave the cell blank and the text runs on. A
    short value that is a name — a department's or a position's (``部门：管理部``, ``直属主管：
    管理部经理``, 管理 being both a verb and the first word of a name) — is the label's value."""
    if not segment.startswith(lexicon.duty_verbs):
        return False
    name = segment.strip().split("\n")[0].strip()
    return not (len(name) <= MAX_NAME_VALUE and not re.search(r"[,，。;；、]", name)
                and (name.endswith(lexicon.department_endings) or is_position_name(name, lexicon, MAX_NAME_VALUE)))


MAX_NAME_VALUE = 12  # characters: a department's or a position's name, not a sentence


@rule
def _reporting_sentence(segment: str, key: str | None, lexicon: Lexicon) -> int | None:
    """The superior is stated as a sentence (``汇报对象: 按规定向经理汇报业务工作,向分公司经理汇报
    日常事务性工作。``): the value runs to the sentence end, and the names are read from it."""
    verbs = lexicon.data.reporting.report_verbs[:2]
    if key != "reporting.reports_to" or not any(v in segment.split("。")[0] for v in verbs):
        return None
    stop = segment.find("。")
    return stop + 1 if stop != -1 else len(segment)


CLAUSE_JOINERS = "，,、；; "
SENTENCE_MARKS = "。！？!?"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ":："):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


@rule
def _department_statement(text: str, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """A line that titles a department's duties (``教务部工作职责``, ``研发中心部门职责``) opens
    text about the department, which belongs to no role: department statements list what a
    unit does, not a position."""
    stripped = text.strip()
    if len(stripped) > 24:
        return None  # a title line, not a paragraph
    for word in _department_duty_words(lexicon):
        if stripped.endswith(word) and len(stripped) <= 24:
            unit = stripped[: -len(word)]
            if len(unit) >= 2 and unit.endswith(lexicon.department_endings) and not is_position_name(unit, lexicon, 24):
                return [Piece(Kind.HEADING, "", base.narrow(0, len(text)), key="department_info", name=stripped)]
            return None
    return None


@cache
def _department_duty_words(lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(lexicon.data.titles.department_duty_words, key=len, reverse=True))


# --- one-line role headers ------------------------------------------------------------------------

HEADER_FIELD_ORDER = ("headcount", "qualifications.gender", "qualifications.age", "compensation",
                      "qualifications.education")


@cache
def _attribute_patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    t, q, p = lexicon.data.titles, lexicon.data.qualifications, lexicon.data.postings
    cn = lexicon.numbering.cn_class
    units = alternation(t.headcount_units)
    sep = alternation(q.range_separators)
    age = alternation(q.age_units)
    money = alternation(p.thousand + p.ten_thousand + p.yuan + list(p.salary_units))
    return {
        "headcount": re.compile(rf"(?:\d{{1,3}}|{cn}{{1,3}}|{alternation(t.unspecified_counts)})\s?(?:{units})?"),
        "qualifications.gender": re.compile(alternation(q.gender_free + q.male + q.female)),
        "qualifications.age": re.compile(rf"\d{{2}}\s?(?:(?:{sep})\s?\d{{2}}\s?)?(?:{age})(?:{alternation(q.at_least + q.at_most)})?"),
        "compensation": re.compile(rf"\d{{1,6}}(?:\.\d)?\s?(?:{money})?(?:\s?(?:{sep})\s?\d{{1,6}}(?:\.\d)?)?\s?(?:{money})"
                                   rf"(?:/\S{{1,2}})?|{alternation(p.negotiable)}", re.IGNORECASE),
        "qualifications.education": re.compile(rf"(?:{alternation(list(q.education))})(?:{alternation(q.or_above)})?(?:{alternation(q.degree_words)})?"),
    }


def _attribute(token: str, lexicon: Lexicon) -> str | None:
    for key, pattern in _attribute_patterns(lexicon).items():
        if pattern.fullmatch(token):
            return key
    return None


@rule
def _header_line(text: str, base: Loc, lexicon: Lexicon) -> list[Piece] | None:
    """Leaflets head each role with one line of fields separated by spaces (``前台接待 2人 男女不限
    20-35岁 3500-4500元/月``): a short name followed by at least two field tokens, one of them
    a headcount, pay or age. The name opens a role; each token fills its field."""
    if len(text) > 80:
        return None
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    if len(tokens) < 3:
        return None
    name_start, name = tokens[0]
    if name_start or len(name) > 20 or re.search(r"[:：,，。;；、]", name) or _attribute(name, lexicon):
        return None
    if lexicon.heading_re.fullmatch(name) or lexicon.label_re.fullmatch(name):
        return None
    fields = [(start, tok, _attribute(tok, lexicon)) for start, tok in tokens[1:]]
    if any(key is None for _s, _t, key in fields):
        return None
    keys = [key for _s, _t, key in fields]
    if len(keys) < 2 or not {"headcount", "compensation", "qualifications.age"} & set(keys):
        return None
    pieces = [Piece(Kind.TITLE, name, base.narrow(0, len(name)), name=name, title_style="header_line")]
    pieces += [Piece(Kind.LABEL, tok, base.narrow(start, start + len(tok)), key=key, name=key, line_start=False)
               for start, tok, key in fields]
    return pieces


# --- boundary tokens -------------------------------------------------------------------------

def find_tokens(text: str, pos: int, lexicon: Lexicon, after_title: bool = False) -> list[Token]:
    line = _line(text, pos, lexicon)
    line.last_end = pos
    line.last_kind = Kind.TITLE if after_title else None
    tokens: list[Token] = []
    starts = sorted(set(line.heading_at) | set(line.label_at) | set(line.num_at) | set(line.lead_at)
                    | set(line.unknown_at))
    for i in starts:
        if i < line.last_end:
            continue
        where = _position(text, i, line.last_end, pos)
        tok = _token(line, i, where)
        if tok is None:
            continue
        tokens.append(tok)
        line.last_end, line.last_kind = tok.end, tok.kind
        line.last_title = tok.marker if tok.kind == Kind.TITLE else None
        if tok.marker is not None and tok.marker.ordinal is not None:
            line.last_num[seq_key(tok.marker)] = tok.marker.ordinal
        if tok.kind == Kind.ITEM and tok.marker is not None:
            line.last_style = seq_key(tok.marker)
    return tokens


def _token(line: Line, i: int, where: str) -> Token | None:
    return (_numbered_title(line, i, where) or _heading(line, i, where) or _label(line, i, where)
            or _lead_in(line, i, where) or _item(line, i, where) or _unknown_label(line, i, where))


def _line(text: str, pos: int, lexicon: Lexicon) -> Line:
    heading_at = {m.start(): m for m in lexicon.heading_re.finditer(text, pos)}
    label_at = {m.start(): m for m in lexicon.label_re.finditer(text, pos)}
    colon_labels, bare_labels = _count_labels(text, label_at.values(), lexicon.data.grammar.colon_labels)
    return Line(
        text=text, origin=pos, lexicon=lexicon,
        heading_at=heading_at, label_at=label_at,
        num_at=lexicon.numbering.matches(text, pos),
        lead_at={m.start(): m for m in _lead_in_re(lexicon).finditer(text, pos)},
        unknown_at=_unknown_labels(text, pos),
        # A form line is dense with labels; a long paragraph that mentions a few label words
        # ("在公司内部和公司外部…") is not.
        form_colon=colon_labels >= 2,
        form_bare=bare_labels >= 3 and len(text) / bare_labels <= FORM_DENSITY,
        flattened=bool(_flattened_line(text, heading_at, label_at, lexicon.data.grammar.colon_labels)),
        spaced_pairs=_spaced_pairs(text, label_at, lexicon.data.grammar.colon_labels) or frozenset(),
    )


PAIR_GAP = "  "  # what parts the pairs of a spaced form line: two spaces or more (a tab reads as spaces)


@rule
def _spaced_pairs(text: str, label_at: dict[int, re.Match[str]], colon_only: list[str]) -> frozenset[int] | None:
    """A form typed or copied as text without colons pairs each label with its value by one
    space and parts the pairs by wider gaps (``岗位名称 会计    所属部门 财务部``, ``直接上级 财务经理
    直接下级 出纳``): a label that opens the line or follows such a gap, then one space and a
    value, is a label when the line holds two such pairs or more. Returns the labels' starts."""
    if PAIR_GAP not in text:
        return None
    found: list[int] = []
    for i, m in label_at.items():
        opens = i == 0 or text[i - 1] == "\n" or text.endswith(PAIR_GAP, 0, i)
        spaced = text[m.end():m.end() + 1] == " " and text[m.end() + 1:m.end() + 2] not in ("", " ", "\n")
        if opens and spaced and m.group() not in colon_only and len(m.group()) >= 2:
            found.append(i)
    return frozenset(found) if len(found) >= 2 else None


def _unknown_labels(text: str, pos: int) -> dict[int, re.Match[str]]:
    if text.find(":", pos) == -1 and text.find("：", pos) == -1:
        return {}  # most cells hold no colon: no ``X:`` to look for
    return {m.start(): m for m in UNKNOWN_LABEL.finditer(text, pos)}


def seq_key(marker: Label) -> str:
    return f"{marker.style}{marker.depth}" if marker.style == "dec_multi" else marker.style


@rule
def _flattened_line(text: str, heading_at: dict[int, re.Match[str]], label_at: dict[int, re.Match[str]],
                    colon_only: list[str]) -> bool:
    """A whole form or document flattened onto one long line (doc-site copies): headings and
    labels stand glued to the text before them. A text that kept its line breaks (a Word
    paragraph of soft-broken lines) was not flattened unless one of its lines was. A label that
    is also a sentence's noun (上级领导) counts only before a colon."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(line) >= FLATTENED_LINE:
            phrases = {m.group() for at in (heading_at, label_at) for i, m in at.items()
                       if start <= i < end and len(m.group()) >= 4
                       and (m.group() not in colon_only or text[m.end():m.end() + 1] in COLONS)}
            if len(phrases) >= 4:
                return True
        start = end + 1
    return False


def _count_labels(text: str, labels: Iterable[re.Match[str]], colon_only: list[str]) -> tuple[int, int]:
    colon = bare = 0
    for m in labels:
        after = text[m.end():m.end() + 1]
        if after in COLONS:
            colon += 1
        elif len(m.group()) >= 4 and m.group() not in colon_only:  # 上级领导 in a sentence labels nothing
            bare += 1
    return colon, bare


def _position(text: str, i: int, last_end: int, origin: int) -> str:
    if not text[origin:i].strip():
        return "start"
    if not text[last_end:i].strip():
        return "after"
    prev = text[i - 1]
    if prev.isspace() or prev in RULE_CHARS or prev in OPEN_BRACKETS or prev in FIELD_BARS:
        # "=====1.职位目的:" / "【岗位目的】" / "月薪：12-18K｜职位描述：" — rules, brackets and bars
        # separate like whitespace
        return "space"
    if prev in SENTENCE_END:
        return "sentence"
    if prev in COLONS:
        return "colon"
    if prev in ",，":
        return "comma"
    return "glued"


def _follows_ok(line: Line, end: int, announced: bool = True) -> bool:
    """A heading or bare label must be followed by a colon, space, a list label or nothing (or,
    where ``announced``, a word announcing what follows and its colon: :func:`_announced_end`)."""
    text = line.text
    if end >= len(text):
        return True
    nxt = text[end]
    return (nxt in COLONS or nxt.isspace() or nxt in CLOSE_BRACKETS
            or bool(line.lexicon.numbering.pattern.match(text, end))
            or announced and _announced_end(line, end) is not None)


@rule
def _gloss_end(text: str, end: int) -> int | None:
    """``关键业绩指标（KPI）：``, ``Responsibilities (JD):``: a short English gloss in brackets between a
    heading and its colon is the heading's (it was left unmapped). Returns where the gloss ends."""
    m = HEADING_GLOSS.match(text, end)
    return m.end() - 1 if m else None


HEADING_GLOSS = re.compile(r"[（(][A-Za-z][A-Za-z ./&-]{0,9}[)）][:：]")  # "(二)" after a heading numbers it


@rule
def _announced_end(line: Line, end: int) -> int | None:
    """``主要工作内容如下：``, ``岗位职责包括：``, ``任职要求为：``: a word that announces what follows,
    between a heading and its colon, leaves the phrase a heading, as a bare colon does; the
    heading takes the word. Returns where the word ends (the colon's position)."""
    text = line.text
    for word in line.lexicon.data.grammar.announcing_words:
        after = end + len(word)
        if text.startswith(word, end) and text[after:after + 1] in COLONS:
            return after
    return None


# --- headings ---------------------------------------------------------------------------------

def _heading(line: Line, i: int, where: str) -> Token | None:
    m, marker, where = _heading_phrase(line, i, where)
    if m is None:
        return None
    text, phrase, end = line.text, m.group(), m.end()
    if _heading_is_prose(line, m, where) or _label_not_heading(line, m, marker):
        return None
    if not _heading_accepted(line, i, m, where, marker):
        return None
    start = i
    if text[end:end + 1] in CLOSE_BRACKETS:
        end += 1
    end = _announced_end(line, end) or _gloss_end(text, end) or end
    if text[end:end + 1] in COLONS:
        end += 1
    if start > 0 and text[start - 1] in OPEN_BRACKETS:
        start -= 1
    shared = _shared_suffix(line, end)
    if shared:
        end = shared
        if text[end:end + 1] in COLONS:
            end += 1
    return Token(Kind.HEADING, start, end, key=line.lexicon.section_key(phrase), name=phrase, marker=marker,
                 shared=bool(shared))


@rule
def _shared_note(value: str, lexicon: Lexicon) -> int | None:
    """``工作地点：苏州（以上岗位均同）``: a note in brackets after a value says it holds for every
    role; the value is what stands before the note. Returns where the note starts."""
    m = _shared_note_re(lexicon).search(value)
    return m.start() if m and m.start() > 0 else None


@cache
def _shared_note_re(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"\s?[(（](?:{alternation(lexicon.data.grammar.all_roles_words)})[^()（）]{{0,6}}[)）]$")


def _shared_suffix(line: Line, end: int) -> int | None:
    """``公司福利（所有岗位）``: the bracket after a heading says it covers every role."""
    words = alternation(line.lexicon.data.grammar.all_roles_words)
    m = re.match(rf"\s?[(（](?:{words})[)）]", line.text[end:end + 12])
    return end + m.end() if m else None


def _heading_phrase(line: Line, i: int, where: str) -> tuple[re.Match[str] | None, Label | None, str]:
    m = line.heading_at.get(i)
    if m is not None:
        return m, None, where
    num = line.num_at.get(i)
    if num is None:
        return None, None, where
    numbered = _numbered_heading(line, num, where)
    return (numbered[0], numbered[1], "after") if numbered else (None, None, where)


@rule
def _numbered_heading(line: Line, num: re.Match[str], where: str) -> tuple[re.Match[str], Label] | None:
    """``四、岗位职责`` / ``(二)安全职责`` / ``2.0 关键职责``: a list label before a heading phrase
    numbers the heading; glued inside text only where the numbering continues."""
    after = _skip_ws(line.text, num.end())
    m2 = line.lexicon.heading_re.match(line.text, after)
    if m2 is None:
        return None
    marker = line.label(num)
    if where not in ("start", "after", "space", "sentence", "colon") and not line.continues(marker) \
            and not (marker.style == "bullet" and _marks_part_sections(line, marker)):
        return None
    return m2, marker


@rule
def _heading_is_prose(line: Line, m: re.Match[str], where: str) -> bool:
    """A heading word followed by a function word, an ordinal or a table word is prose or a
    column header, not a heading: ``岗位职责的明确性…``, ``职责三`` (a duty-table marker),
    ``…指标考核表``; a verb heading run into its object (``我们提供五险一金…``) is a sentence."""
    text, phrase, end = line.text, m.group(), m.end()
    nxt = text[end:end + 1]
    # at a line start "发展机会在本岗位…" is still a heading
    g = line.lexicon.data.grammar
    blockers = g.strong_start_followers if where == "start" and len(phrase) >= 4 else g.prose_followers
    if phrase in g.verb_headings and nxt.strip() and nxt not in COLONS:
        return True  # "我们提供五险一金…": the verb runs into its object
    if _announced_end(line, end) is not None:
        return False  # "岗位职责为：" announces the section
    return (nxt in blockers or bool(line.lexicon.numbering.ordinal_tail.fullmatch(text, end))
            or text.startswith(tuple(line.lexicon.data.tables.table_suffixes), end))


@rule
def _label_not_heading(line: Line, m: re.Match[str], marker: Label | None) -> bool:
    """A phrase that is both a heading and a label (``工作地点``, ``薪资标准``) is a label when a
    colon or nothing follows it: ``工作地点:X``, or alone in a form cell with its value next."""
    phrase, end = m.group(), m.end()
    key = line.lexicon.label_key(phrase)
    if key is None or marker is not None and not marker.is_bullet:
        return False  # "四、岗位职责" is numbered as a section; "·工作地点：杭州" is a bulleted label
    nxt = line.text[end:end + 1]
    return nxt in COLONS or not line.text[end:].strip()


def _heading_accepted(line: Line, i: int, m: re.Match[str], where: str, marker: Label | None) -> bool:
    text, phrase, end = line.text, m.group(), m.end()
    if _place_stated(line, m):
        return False
    if phrase.isascii() and not _latin_heading(line, m, where):
        return False
    if _running_heading(line, m, where):
        return True
    strong = len(phrase) >= 4
    nm = line.lexicon.numbering.pattern.match(text, end)
    if nm and where == "glued" and line.continues(line.label(nm)):
        return False  # "…完善岗位工作标准2.主持…": the phrase ends the previous item
    if marker is not None and marker.style == "bullet" and _marks_part_sections(line, marker):
        return True
    if not strong and not _follows_ok(line, end):
        return False  # "职责序号" is a column header, not the 职责 section
    if where in ("start", "after"):
        return (line.last_kind in (None, Kind.TITLE, Kind.ITEM, Kind.HEADING) or marker is not None
                or where == "start")
    if strong and where in ("space", "sentence"):
        # "…开展工作。其主要职责是：" — inside a paragraph only a bare colon makes a heading
        return _follows_ok(line, end, announced=False)
    if strong and where == "glued":
        return bool(_glued_heading(line, i, end))
    return _short_heading_after_sentence(text, end, where)


@rule
def _short_heading_after_sentence(text: str, end: int, where: str) -> bool:
    """``…月薪8000-15000元。要求：大专以上学历…``: a short section word (要求, 职责) right after a
    sentence's end (or a space: ``…for open orders 要求： 大专…``, a job board's cell) and before its
    colon heads a section of a posting written on one line, as the longer ones (任职要求：) do anywhere."""
    return where in ("sentence", "space") and text[end:end + 1] in COLONS


# Graphic marks a flattened posting parts its sections with; a dash or a middle dot numbers items.
SECTION_MARKS = frozenset("●■◆▲★◇□○◎※►▶")


@rule
def _marks_part_sections(line: Line, marker: Label) -> bool:
    """Job boards flatten a posting onto one line and part its sections with a mark
    (``●职责算法实现与调试●要求1.计算机…``): where the same mark stands before a section's name
    twice or more on the line, each mark opens a section, the name glued to what follows it."""
    mark = marker.text.strip()
    if mark not in SECTION_MARKS or line.text.count(mark) < 2:
        return False
    named = 0
    for part in line.text.split(mark)[1:]:
        named += bool(line.lexicon.heading_re.match(part.lstrip()))
    return named >= 2


@rule
def _place_stated(line: Line, m: re.Match[str]) -> bool:
    """``工作地点在启明县城区营业部。``: the place's label (a heading word too) followed by 在 or
    位于 states the place in a sentence — a label, not a section heading."""
    return (line.lexicon.label_key(m.group()) == "location"
            and line.text.startswith(tuple(line.lexicon.data.grammar.place_copulas), m.end()))


@rule
def _running_heading(line: Line, m: re.Match[str], where: str) -> bool:
    """Prose introduces a section with a phrase that runs straight into its content
    (``主要职责包括：负责…；监督…``, ``任职者应具备本科及以上学历…``): a section wherever a
    sentence starts, whatever follows it."""
    return m.group() in line.lexicon.data.grammar.running_headings and where in (
        "start", "after", "sentence", "space", "comma")


@rule
def _latin_heading(line: Line, m: re.Match[str], where: str) -> bool:
    """A Latin heading (``Responsibilities``) heads a section only at a line start, where its
    whole word ends (no ``Responsibilitiesxyz``): mid-sentence the same word is prose, and so is
    one that runs on into a lower-case word (``1. Contact the forwarder…`` is a duty, not how to apply)."""
    end = m.end()
    if line.text[end:end + 1].isalpha() or (m.start() > 0 and line.text[m.start() - 1].isalpha()):
        return False
    after = line.text[end:end + 2]
    if after[:1] == " " and after[1:].islower():
        return False
    return where in ("start", "after")


@rule
def _glued_heading(line: Line, i: int, end: int) -> bool:
    """In a flattened page a long heading stands glued to the text before it, its list after
    it (``…执行工作任务1.主持…``) or its form run around it."""
    text = line.text
    nxt = text[end:end + 1]
    g = line.lexicon.data.grammar
    if text[i - 1] in g.prose_preceders:
        return False
    if (line.form_bare or line.flattened) and nxt not in g.prose_followers and nxt not in OPEN_PARENS:
        return True
    nm = line.lexicon.numbering.pattern.match(text, end)
    return nm is not None and line.label(nm).ordinal == 1


# --- labels -------------------------------------------------------------------------------------

def _label(line: Line, i: int, where: str) -> Token | None:
    m = line.label_at.get(i)
    if m is None:
        return None
    text, phrase, end = line.text, m.group(), m.end()
    if _inside_longer_heading(line, i, end) or _inside_latin_word(line, m):
        return None
    nxt = text[end:end + 1]
    if i > 0 and text[i - 1] in QUOTE_OPENERS or nxt in QUOTE_CLOSERS:
        return None  # "“岗位序列”:指…" defines the word, it does not label a value
    colon = nxt in COLONS
    comma = nxt in (",", "，") and where == "start"
    bracketed = _bracketed_label(line, i, end)
    if (_noun_without_colon(line, m, colon) or _latin_word_in_prose(m, colon, where)) and not bracketed:
        return None
    prose = _prose_label(line, m, where)
    if prose is not None:
        return _prose_token(line, m, where, prose)
    numbered = _numbered_title_label(line, m, where)
    if numbered is not None:
        return Token(Kind.LABEL, i, numbered, key="title", name=text[i:numbered].rstrip(":："))
    if bracketed:
        close = end + 1 + (text[end + 1:end + 2] in COLONS)
        return Token(Kind.LABEL, i - 1, close, key=line.lexicon.label_key(phrase), name=phrase)
    if not (colon or comma) and _blank_in_sentence(text, i, end):
        return None
    if where in ("start", "after", "space", "sentence", "comma", "colon"):
        ok = _separated_label(line, m, where, colon or comma)
    elif where == "glued":
        ok = _glued_label(line, m, colon) and not _tail_of_item_label(line, m, colon)
    else:
        ok = False
    if not ok:
        return None
    if colon or comma:
        end += 1
    return Token(Kind.LABEL, _label_start(text, i, phrase), end, key=line.lexicon.label_key(phrase), name=phrase)


def _prose_token(line: Line, m: re.Match[str], where: str, copula: int) -> Token:
    """A label stated with a verb; after 本职位的 the owner's words are the label's too."""
    i, phrase = m.start(), m.group()
    owner = _owner_start(line.text, i, line.lexicon) if where == "glued" else None
    return Token(Kind.LABEL, i if owner is None else owner, m.end() + copula, key=line.lexicon.label_key(phrase),
                 name=phrase, title="prose")


def _label_start(text: str, i: int, phrase: str) -> int:
    return 0 if not phrase.isascii() and _english_twin(text, i) else i


ENGLISH_LABEL = re.compile(r"[A-Za-z][A-Za-z.'/&-]*(?: [A-Za-z][A-Za-z.'/&-]*){0,3} ?")


@rule
def _english_twin(text: str, i: int) -> bool:
    """Bilingual forms name a field in English before its Chinese label (``Department 部门: Sales``,
    ``Reports to 汇报对象:``): the English words that alone stand before the label on its line are
    the label's too, not text of the role (asked of Chinese labels only: before ``Location:`` they
    are a title): the label starts at the line's start."""
    return i > 0 and bool(ENGLISH_LABEL.fullmatch(text, 0, i))


@rule
def _latin_word_in_prose(m: re.Match[str], colon: bool, where: str) -> bool:
    """An English label word inside a sentence (``…transportation company for cargo receiving``)
    labels nothing: off a line's start an English label needs its colon (``Location: Shanghai``) or
    its brackets (``[base] 北京``)."""
    return m.group().isascii() and not colon and where != "start"


@rule
def _noun_without_colon(line: Line, m: re.Match[str], colon: bool) -> bool:
    """A label that is also a sentence's common noun (公司, 雇主) labels only before a colon or
    in brackets: ``公司：杭州星禾文化传媒有限公司`` names the employer, ``公司为每名入职员工购买
    社会保险金`` is a sentence about it."""
    return not colon and m.group() in line.lexicon.data.grammar.colon_labels


@rule
def _inside_latin_word(line: Line, m: re.Match[str]) -> bool:
    """A Latin label is a whole word: ``Base`` in ``HBase``/``Hbase``, ``Position`` in
    ``Positions`` label nothing."""
    if not m.group()[:1].isascii():
        return False
    text = line.text
    before = text[m.start() - 1:m.start()] if m.start() else ""
    after = text[m.end():m.end() + 1]
    return before.isascii() and before.isalnum() or after.isascii() and after.isalnum()


@rule
def _inside_longer_heading(line: Line, i: int, end: int) -> bool:
    """A label word that starts a longer section name at the same place (``Position`` in
    ``Position Description``, 岗位 in 岗位职责) is part of that name, even where the name does not
    head a section there: it labels no value."""
    heading = line.heading_at.get(i)
    return heading is not None and heading.end() > end


ITEM_LABEL_MAX = 6


@rule
def _tail_of_item_label(line: Line, m: re.Match[str], colon: bool) -> bool:
    """``1、工作时间：8小时／每天`` in a run: a list item that opens with a label of its own, which
    the lexicon does not know; a metadata label at its tail (``时间``, as in 编制时间) is part of
    that longer label, not a label glued to the text before it."""
    if not colon or line.lexicon.label_key(m.group()) is not None:
        return False  # a field label keeps its meaning at the tail: 最低学历：硕士 is the degree
    text, start = line.text, m.start()
    while start > line.last_end and text[start - 1].isalpha() and not text[start - 1].isascii():
        start -= 1
    head = text[start:m.start()]
    if not head or len(head) + len(m.group()) > ITEM_LABEL_MAX:
        return False
    return start == line.last_end and line.last_kind == Kind.ITEM or bool(
        _item_marker_before(line.lexicon).search(text, 0, start))


@cache
def _item_marker_before(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:\d{{1,2}}|{lexicon.numbering.cn_class}{{1,3}})[、.．]$")


@rule
def _bracketed_label(line: Line, i: int, end: int) -> bool:
    """Postings set labels in brackets instead of ending them with a colon (``【所属部门】综合管理部``,
    ``[工作性质]全职``): the closing bracket ends the label like a colon does."""
    text = line.text
    return i > 0 and text[i - 1] in OPEN_BRACKETS and text[end:end + 1] in CLOSE_BRACKETS


FILL_IN_BLANK = re.compile(r"\s{2,}")  # runs of spaces reach matching text as two
CLAUSE_PUNCT = re.compile(r"[,，。;；]")


@rule
def _blank_in_sentence(text: str, start: int, end: int) -> bool:
    """A contract or letter template leaves blanks in its sentences (``乙方工作为␣␣␣部门␣␣␣职位␣␣␣
    月试用期。``): a field word inside a sentence, with a wide blank after it, names the blank to
    fill, it does not label the words after the blank."""
    return bool(FILL_IN_BLANK.match(text, end)) and bool(CLAUSE_PUNCT.search(text, 0, start))


@rule
def _numbered_title_label(line: Line, m: re.Match[str], where: str) -> int | None:
    """Postings number their positions inside the label (``职位一：市场策划专员``, ``岗位2：``,
    ``### 岗位一：…``): a title label, an ordinal and a colon."""
    if line.lexicon.label_key(m.group()) != "title" or where not in ("start", "after", "space"):
        return None
    n = re.match(rf"(?:{line.lexicon.numbering.cn_class}|\d){{1,2}}\s?[:：]", line.text[m.end():m.end() + 5])
    return m.end() + n.end() if n else None


@rule
def _prose_label(line: Line, m: re.Match[str], where: str) -> int | None:
    """Prose states a field with a verb instead of a colon: ``岗位名称为区域仓储经理，``,
    ``直接上级为供应链总监``, ``隶属于供应链管理部``, ``下设仓管员、叉车工等岗位``. Returns how
    many characters of copula follow the label (0 for labels that carry their own verb)."""
    g = line.lexicon.data.grammar
    text, phrase, end = line.text, m.group(), m.end()
    if phrase in g.prose_labels:
        return 0 if text[end:end + 1] and text[end:end + 1] not in COLONS else None
    key = line.lexicon.label_key(phrase)
    # a place is stated with 在 or 位于 as well: ``工作地点在杭州``; whom one has under one with
    # 有: ``下属有会计2名、出纳1名``
    copulas = [*g.copulas, *g.place_copulas] if key == "location" else \
        [*g.copulas, *g.having_copulas] if key == "reporting.direct_reports" else g.copulas
    copula = max((c for c in copulas if text.startswith(c, end)), key=len, default=None)
    if copula is None:
        return None
    if where not in ("start", "after", "sentence", "comma", "space") \
            and not (key in NAME_FIELDS and _owner_start(text, m.start(), line.lexicon) is not None):
        return None
    return len(copula) if key in NAME_FIELDS or key == "location" else None


@rule
def _owner_start(text: str, start: int, lexicon: Lexicon) -> int | None:
    """``本职位的直接上级为财务经理``, ``该岗位的上级是…``: the position's own field, stated in prose
    after 本岗位的 — a label glued to 的 is otherwise prose (``部门的上级…``). Returns where the
    owner (本职位的) starts: the label's words begin there."""
    g = lexicon.data.grammar
    owner = next((f"{s}{g.possessive}" for s in g.position_subjects
                  if text.endswith(f"{s}{g.possessive}", 0, start)), None)
    return start - len(owner) if owner else None


def _separated_label(line: Line, m: re.Match[str], where: str, punct: bool) -> bool:
    text, phrase, end = line.text, m.group(), m.end()
    padded = end >= len(text) or text[end:end + 2].isspace() and len(text[end:end + 2]) == 2
    if punct or padded or (line.form_bare and len(phrase) >= 4) or m.start() in line.spaced_pairs:
        return True
    if _label_before_number(line, m, where):
        return True
    return line.form_colon and where == "space" and _follows_ok(line, end) and text[end:end + 1].isspace()


@rule
def _label_before_number(line: Line, m: re.Match[str], where: str) -> bool:
    """``年龄25—45周岁`` in a flattened form, ``从业年限 5年以上`` in a form typed as text: a label
    followed by a number, maybe after one space, has lost its colon, not its meaning. (A pay word
    before a figure is the value's own: ``年薪2.8万元``.)"""
    if line.lexicon.label_key(m.group()) == "compensation":
        return False
    if where not in ("space", "start") or len(m.group()) < 2:
        return False
    # one space is a lost colon only before a value with none inside ("年龄 25 - 45 岁" is prose)
    return line.text[m.end():m.end() + 1].isdigit() or bool(SPACED_NUMBER.match(line.text, m.end()))


SPACED_NUMBER = re.compile(r" \d[^\s，。；,;]*(?:$|[\n，。；,;])")
DIGIT_LABELS = frozenset({"qualifications.age", "qualifications.experience", "headcount"})


@rule
def _glued_label(line: Line, m: re.Match[str], colon: bool) -> bool:
    """A label glued to the text before it starts a value when the line is a form run
    (``岗位名称客户服务经理岗位代码…``), a flattened page, or a number follows a numeric label
    (``男女不限年龄25—45周岁``: a cell boundary was lost)."""
    text, phrase, end = line.text, m.group(), m.end()
    nxt = text[end:end + 1]
    if line.form_colon and colon:
        return True
    if len(phrase) >= 4 and nxt not in line.lexicon.data.grammar.prose_followers and nxt not in OPEN_PARENS and (
            line.form_bare or line.flattened and not _phrase_at(line, end)):
        return True
    return nxt.isdigit() and line.lexicon.label_key(phrase) in DIGIT_LABELS


def _phrase_at(line: Line, pos: int) -> bool:
    """A heading or label right after a glued label ("…督导下属工作任务1.…") means the label
    words were the end of the text before, not a label with a value."""
    lex = line.lexicon
    return bool(lex.heading_re.match(line.text, pos) or lex.label_re.match(line.text, pos))


# --- list items ---------------------------------------------------------------------------------

def _item(line: Line, i: int, where: str) -> Token | None:
    m = line.num_at.get(i)
    if m is None:
        return None
    marker = line.label(m)
    end = m.end()
    rest = line.text[end:].lstrip()
    if not rest or rest[0] in SENTENCE_END + ",，)）%":
        return None
    if marker.style == "blank" and where != "start":
        return None  # "____部门各环节…": a template's blank number, only ever at a line start
    if marker.style == "dash":
        return Token(Kind.ITEM, i, end, marker=marker) if _dash_bullet(line, i, end, where) else None
    if m.lastgroup == "dec_before_figure":
        return Token(Kind.ITEM, i, end, marker=marker) if _number_before_a_figure(line, marker, where) else None
    if where in ("start", "after", "space", "sentence", "colon"):
        if where == "colon" and marker.style == "dec_multi":
            return None
        return Token(Kind.ITEM, i, end, marker=marker)
    if where in ("glued", "comma") and marker.ordinal is not None and _glued_item(line, marker, where):
        return Token(Kind.ITEM, i, end, marker=marker)
    return None


@rule
def _dash_bullet(line: Line, i: int, end: int, where: str) -> bool:
    """A dash is a bullet at a line start, right after a colon or another boundary, or glued
    to a word with a space after it (``团队管理- 领导…``: a flattened list) — never inside a
    value: ``4000 - 6000元/月``, ``9:00 - 17:30``, ``25—45岁`` and ``收付 - 包括`` keep their dash."""
    if where in ("start", "after", "colon"):
        return True
    text = line.text
    return where == "glued" and text[end:end + 1] == " " and not text[i - 1].isdigit() and not text[i - 1].isspace()


@rule
def _number_before_a_figure(line: Line, marker: Label, where: str) -> bool:
    """``1.本科以上学历；2.5年以上经验；3.…``: a list run onto one line numbers an item that opens
    with a figure straight after its number (2.5年 reads as a decimal): after a clause's end, the
    next number of the run is the item's number and the figure the item's own."""
    prev = line.last_num.get(marker.style)
    return where in ("sentence", "after", "space", "comma") and prev is not None and marker.ordinal == prev + 1


@rule
def _glued_item(line: Line, marker: Label, where: str) -> bool:
    """A list label glued to text continues a list when its ordinal is the next one
    (``…标准2.主持…``), or starts a nested list right after its parent item
    (``一、制定服务策略1. 分析市场…``)."""
    prev = line.last_num.get(marker.style)
    if prev is not None and marker.ordinal == prev + 1:
        return True
    return (marker.ordinal == 1 and line.last_kind == Kind.ITEM and line.last_style not in (None, marker.style)
            and where == "glued")


# --- titles and lead-ins ---------------------------------------------------------------------------

@rule
def _numbered_title(line: Line, i: int, where: str) -> Token | None:
    """``(8)公关助理 汇报对象:…`` and ``第十条 客服支持岗(服务运营监督班长)`` open a role: a
    numbered position name followed by its fields, its duties, or the next numbered position."""
    m = line.num_at.get(i)
    if m is None or where not in ("start", "space", "sentence", "after"):
        return None
    marker = line.label(m)
    if marker.is_bullet or marker.style == "circle" or not line.lexicon.numbering.is_role_article(marker):
        return None
    text = line.text
    after = _skip_ws(text, m.end())
    nm = re.match(r"[^\s,，。:：;；]{2,20}", text[after:after + 20])
    if not nm or not is_position_name(nm.group(), line.lexicon, 20) or nm.group().startswith(line.lexicon.duty_verbs):
        return None  # "1．安排车辆调度" is a duty that ends in a position word, not a position
    end = after + nm.end()
    if not _title_followed_by_role(line, marker, end, where):
        return None
    return Token(Kind.TITLE, i, end, name=text[i:end], marker=marker, title=nm.group())


def _title_followed_by_role(line: Line, marker: Label, end: int, where: str) -> bool:
    text, lex = line.text, line.lexicon
    rest = text[end:]
    stripped = rest.lstrip()
    if marker.style == "article":
        return not rest.strip() or rest[:1].isspace()
    if not rest.strip():
        return where == "start" or _continues_titles(line, marker)
    if not rest[:1].isspace():
        return False
    reporting_labels = tuple(lex.data.labels.get("reporting.reports_to", []))
    if stripped.startswith(reporting_labels):
        return True
    nm = lex.numbering.pattern.match(stripped)
    if nm and re.match(r"\s*[^\s]{2,20}(\s|$)", stripped[nm.end():nm.end() + 22]) and _next_is_title(stripped, lex):
        return True
    # "(1)经理 负责…": a bracketed number, a position, then its duties.
    if marker.style in ("paren", "cn_paren", "dec_rparen") and stripped.startswith(lex.duty_verbs):
        return True
    return _continues_titles(line, marker)


def _continues_titles(line: Line, marker: Label) -> bool:
    """"(3)收银员 (4)理货员 …": the numbering of titles continues with another position."""
    previous = line.last_title
    return (previous is not None and previous.style == marker.style and previous.ordinal is not None
            and marker.ordinal == previous.ordinal + 1)


def _next_is_title(text: str, lexicon: Lexicon) -> bool:
    m = lexicon.numbering.pattern.match(text)
    if not m:
        return False
    nm = re.match(r"\s*([^\s,，。:：;；]{2,20})", text[m.end():m.end() + 24])
    return nm is not None and is_position_name(nm.group(1), lexicon, 20)


@rule
def _lead_in(line: Line, i: int, where: str) -> Token | None:
    """``以下是售后主管的一些主要工作职责:`` announces a list and names the role it belongs to:
    a new role once the current one already has duties (template sites chain several)."""
    m = line.lead_at.get(i)
    if m is None or where not in ("start", "space", "sentence", "after"):
        return None
    lex = line.lexicon
    phrase = m.group()
    b = lex.data.boilerplate
    inner = re.sub(rf"^(?:{alternation(b.lead_ins)})(?:{alternation(b.lead_in_fillers)})?", "", phrase[:-1])
    inner = re.sub(rf"^(?:{alternation(b.lead_in_fillers)})", "", inner)
    title = match_doc_title(inner, lex)
    name = title.title if title else _lead_in_position(inner, lex)
    section = None
    hm = lex.heading_re.search(inner)
    if hm:
        section = lex.section_key(hm.group())
    elif title is not None:
        section = "duties" if any(w in title.raw for w in lex.data.tables.duty_markers) else None
    return Token(Kind.LEAD_IN, i, m.end(), name=phrase, title=name, key=section)


def _lead_in_position(inner: str, lexicon: Lexicon) -> str | None:
    duty_words = alternation(lexicon.data.titles.duty_doc_words + lexicon.data.tables.duty_markers)
    fillers = alternation(lexicon.data.boilerplate.lead_in_fillers)
    tm = re.match(rf"(.{{2,16}}?)(?:{fillers}){{0,3}}(?:{duty_words})", inner)
    return tm.group(1) if tm and is_position_name(tm.group(1), lexicon, 16) else None


@rule
def _unknown_label(line: Line, i: int, where: str) -> Token | None:
    """A short ``X:`` after whitespace mid-line (slide titles like ``步骤4:…``) ends the text
    before it, even when the lexicon does not know the label."""
    m = line.unknown_at.get(i)
    # after a list label, "领导售后团队:…" is the item's own heading
    if m is None or not (where == "space" or where == "after" and line.last_kind == Kind.TITLE):
        return None
    phrase = m.group()[:-1]
    if phrase.isdigit():
        return None
    section = line.lexicon.section_key(phrase) if line.lexicon.label_key(phrase) is None else None
    if section is not None:
        # "职责：1.… 要求：1.…" on one line: a short heading with its colon opens its section
        return Token(Kind.HEADING, i, m.end(), key=section, name=phrase)
    return Token(Kind.LABEL, i, m.end(), key=line.lexicon.label_key(phrase), name=phrase, title="unknown")


def has_word(text: str) -> bool:
    return bool(WORD_CHAR.search(text))
