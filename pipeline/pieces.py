"""Cut the normalised document into *pieces*: titles, section headings, labelled values,
list items and plain text, each with the span it came from.

Real documents rarely put one thing per line: document sites flatten a whole 岗位说明书
onto one line (``四、岗位职责一、参与… 二、积极配合… 五、权限范围·本部门…``), forms glue
labels to values (``岗位名称客户服务经理岗位代码岗位序列技术业务``), Word tables put
each label in its own cell. This module finds the boundaries in all of them with one set of
rules driven by the lexicon, so later stages see the same stream whatever the format.

A boundary candidate is accepted according to where it stands — at the start of a line,
after whitespace or sentence punctuation, right after another boundary, or glued inside
text — and what it is: a long section heading may stand after whitespace, a short one
only at a line start; a label needs a colon, padding or a form line full of labels; a
list label glued to text only when it continues the numbering (``…标准2.主持…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache

from ..schemas.document import Block, BlockKind, Document
from ..schemas.role import Span
from .lexicon import Lexicon
from .numbering import LABEL_RE, Label, label_from_match, parse_label
from .tables import table_pieces
from .titles import is_position_name, match_doc_title


class Kind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    LABEL = "label"
    ITEM = "item"
    TEXT = "text"
    LEAD_IN = "lead_in"
    TABLE = "table"


@dataclass
class Piece:
    kind: Kind
    text: str                      # content: value of a label, item text, title, heading's trailing nothing
    span: Span
    key: str | None = None         # section key (HEADING), field path (LABEL)
    name: str | None = None        # label or heading as written
    marker: Label | None = None    # numbering label of an ITEM
    level: int | None = None       # list level from the reader (Word numbering)
    line_start: bool = True        # the piece starts a line/cell (not cut out of a run-on line)
    category: str | None = None    # from a table's category column
    frequency: str | None = None
    metrics: list[str] = field(default_factory=list)
    follows_furniture: bool = False
    source: str = "text"           # text | table | word_list | heading_style
    table: object | None = None    # TABLE pieces: the KPI grid (list of rows of (text, span))
    title_style: str | None = None  # TITLE: doc | numbered | heading
    alone: bool = False            # the only piece of its block or cell (a label waiting for its value)


DIGIT_LABELS = {"qualifications.age", "qualifications.experience", "headcount"}
NAME_FIELDS = {
    "title", "code", "department", "grade", "headcount", "category", "organization",
    "reporting.reports_to", "reporting.direct_reports", "reporting.substitutes", "reporting.rotations",
    "reporting.promotions", "qualifications.gender", "qualifications.age",
}
REPORTING_LABELS = ("汇报对象", "直接上级", "直属上司", "上级主管", "直接汇报对象", "汇报上级", "直接上司")
SENTENCE_END = "。;；!?！？"
PROSE_FOLLOWERS = set("的和与及、是为在将对把被")
STRONG_START_FOLLOWERS = set("的和与及、是")
UNKNOWN_LABEL = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,6}[:：](?=\S)")
WS = re.compile(r"\s+")
WORD_CHAR = re.compile(r"[^\W_]")
HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．:：]\s*")
FORM_DENSITY = 40
FLATTENED_LINE = 200
GLUE_BLOCKERS = PROSE_FOLLOWERS | set("(（")
PROSE_PRECEDERS = set("的将把对和与及在为从向是-–—)）")
RULE_CHARS = set("=_＿━─—")
OPEN_BRACKETS = set("【[〔［")
QUOTE_OPENERS = set("“\"《「")
QUOTE_CLOSERS = set("”\"》」")
CLOSE_BRACKETS = set("】]〕］")
TABLE_TAIL = re.compile(r"(?:考核|评分|评价|汇总|统计)?表")
ORDINAL_TAIL = re.compile(r"[一二三四五六七八九十\d]{1,3}$")


@dataclass(frozen=True)
class Token:
    kind: Kind
    start: int
    end: int            # end of the token (label/heading/marker incl. colon)
    key: str | None = None
    name: str | None = None
    marker: Label | None = None
    title: str | None = None


@cache
def _lead_in_re(lexicon: Lexicon) -> re.Pattern[str]:
    """"以下是…:" — a sentence that announces the list after it."""
    words = "|".join(re.escape(w) for w in lexicon.lead_ins) or "(?!)"
    return re.compile(rf"(?:{words})[^:：\n。]{{0,40}}[:：]")


@cache
def _label_keys(lexicon: Lexicon) -> dict[str, str | None]:
    keys: dict[str, str | None] = dict(lexicon.labels)
    for meta in lexicon.meta_labels:
        keys.setdefault(meta, None)
    return keys


def document_pieces(doc: Document, lexicon: Lexicon) -> list[Piece]:
    pieces: list[Piece] = []
    for block in doc.blocks:
        if block.table is None and not WORD_CHAR.search(block.text):
            continue  # a drawn rule "-----" or a lone bracket separates; it holds no text
        if block.table is not None:
            new = table_pieces(block, lexicon, scan_text)
        else:
            new = block_pieces(block, lexicon)
        if new and block.follows_furniture:
            new[0] = replace(new[0], follows_furniture=True)
        if len(new) == 1 and block.table is None:
            new[0] = replace(new[0], alone=True)
        pieces.extend(new)
    return pieces


def block_pieces(block: Block, lexicon: Lexicon) -> list[Piece]:
    base = Span(block=block.index, page=block.page, start=0, end=len(block.text))
    pieces = scan_text(block.text, base, lexicon)
    if block.kind == BlockKind.LIST_ITEM and block.label:
        marker = parse_label(block.label) or Label(text=block.label, style="word", ordinal=None)
        if pieces and pieces[0].kind == Kind.TEXT:
            pieces[0] = replace(pieces[0], kind=Kind.ITEM, marker=marker, level=block.level, source="word_list")
        elif pieces and pieces[0].kind == Kind.HEADING:
            pieces[0] = replace(pieces[0], level=block.level)
        elif pieces and pieces[0].kind == Kind.ITEM:
            pieces[0] = replace(pieces[0], level=block.level)
    if block.kind == BlockKind.HEADING and len(pieces) == 1 and pieces[0].kind in (Kind.TEXT, Kind.ITEM):
        # A heading line that is a position ("一:教育咨询师", "### 运营专员") opens a role.
        text = HEADING_NUMBER.sub("", pieces[0].text)
        if is_position_name(text, lexicon, 20):
            pieces[0] = replace(pieces[0], kind=Kind.TITLE, text=text, title_style="heading", source="heading_style",
                                name=block.text)
        elif pieces[0].kind == Kind.TEXT:
            pieces[0] = replace(pieces[0], source="heading_block")
    return pieces


# --- scanning one line of text -------------------------------------------------------------

def scan_text(text: str, base: Span, lexicon: Lexicon) -> list[Piece]:
    """Pieces of one block or cell text; spans are ``base`` narrowed to each piece."""
    pieces: list[Piece] = []
    pos = 0
    # A document title can only open a line; a site sometimes repeats it glued to itself.
    while True:
        title = match_doc_title(text[pos:], lexicon)
        if not title:
            break
        pieces.append(Piece(Kind.TITLE, title.title, _span(base, pos, pos + title.end), name=title.raw,
                            title_style="doc", line_start=pos == 0))
        pos = _skip_ws(text, pos + title.end)
    tokens = find_tokens(text, pos, lexicon, after_title=bool(pieces))
    cursor = pos
    pending: Token | None = None
    for tok in tokens:
        _emit(pieces, text, base, pending, cursor, tok.start, lexicon)
        pending, cursor = tok, tok.end
    _emit(pieces, text, base, pending, cursor, len(text), lexicon)
    return pieces


def _emit(pieces: list[Piece], text: str, base: Span, tok: Token | None, start: int, end: int,
          lexicon: Lexicon) -> None:
    """Turn the token ``tok`` and the text after it (``text[start:end]``) into pieces."""
    s, e = _trim(text, start, end)
    body = text[s:e]
    line_start = tok.start == 0 if tok else start == 0
    if tok is None:
        if body:
            pieces.append(Piece(Kind.TEXT, body, _span(base, s, e), line_start=line_start))
        return
    tspan = _span(base, tok.start, tok.end)
    if tok.kind == Kind.HEADING:
        pieces.append(Piece(Kind.HEADING, "", tspan, key=tok.key, name=tok.name, marker=tok.marker,
                            line_start=line_start))
        if body:
            pieces.append(Piece(Kind.TEXT, body, _span(base, s, e), line_start=False))
    elif tok.kind == Kind.LABEL:
        value_end = _value_end(text, s, e, tok.key, lexicon.duty_verbs)
        vs, ve = _trim(text, s, value_end)
        pieces.append(Piece(Kind.LABEL, text[vs:ve], _span(base, vs, ve) if ve > vs else tspan, key=tok.key,
                            name=tok.name, line_start=line_start,
                            source="unknown_label" if tok.title == "unknown" and tok.key is None else "text"))
        rs, re_ = _trim(text, value_end, e)
        if re_ > rs:
            pieces.append(Piece(Kind.TEXT, text[rs:re_], _span(base, rs, re_), line_start=False))
    elif tok.kind == Kind.ITEM:
        if body:  # "1、教育水平:…" — the label that follows carries the content
            pieces.append(Piece(Kind.ITEM, body, _span(base, s, e), marker=tok.marker, line_start=line_start))
    elif tok.kind == Kind.TITLE:
        pieces.append(Piece(Kind.TITLE, tok.title or "", tspan, name=tok.name, marker=tok.marker,
                            title_style="numbered", line_start=line_start))
        if body:
            pieces.append(Piece(Kind.TEXT, body, _span(base, s, e), line_start=False))
    elif tok.kind == Kind.LEAD_IN:
        pieces.append(Piece(Kind.LEAD_IN, tok.title or "", tspan, name=tok.name, key=tok.key,
                            line_start=line_start))
        if body:
            pieces.append(Piece(Kind.TEXT, body, _span(base, s, e), line_start=False))


def _value_end(text: str, start: int, end: int, key: str | None, duty_verbs: tuple[str, ...] = ()) -> int:
    """Where a label's value stops when no other boundary does."""
    segment = text[start:end]
    if key in NAME_FIELDS and key != "title" and segment.startswith(duty_verbs):
        return start  # "汇报对象: 负责门店日常运营。" — the label is empty, a duty follows
    if key == "reporting.reports_to" and "汇报" in segment.split("。")[0]:
        # "按规定向经理汇报业务工作,向分公司经理汇报日常事务性工作。" names the superiors in a sentence.
        stop = segment.find("。")
        return start + stop + 1 if stop != -1 else end
    if key in NAME_FIELDS:
        m = re.search(r"\s|[。;；]", segment)
        if m:
            # "汇报对象: 负责建立…" — a colon followed by a sentence is an empty label.
            if m.start() > 12 or re.search(r"[,，。]", segment[: m.start()]):
                return start
            return start + m.start()
        if len(segment) > 24 and re.search(r"[,，。]", segment):
            return start
        return end
    m = re.search(r"。\s|[。;；]\s*$", segment)
    if m and m.end() < len(segment.rstrip()):
        return start + m.start() + 1
    return end


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


def _span(base: Span, start: int, end: int) -> Span:
    return base.model_copy(update={"start": base.start + start, "end": base.start + end})


# --- boundary tokens -------------------------------------------------------------------------

def find_tokens(text: str, pos: int, lexicon: Lexicon, after_title: bool = False) -> list[Token]:
    label_keys = _label_keys(lexicon)
    colon_labels, bare_labels = _count_labels(text, lexicon)
    # A form line is dense with labels; a long paragraph that mentions a few label words
    # ("在公司内部和公司外部…") is not.
    form_colon = colon_labels >= 2
    form_bare = bare_labels >= 3 and len(text) / bare_labels <= FORM_DENSITY
    heading_at: dict[int, re.Match[str]] = {m.start(): m for m in lexicon.heading_re.finditer(text, pos)}
    label_at: dict[int, re.Match[str]] = {m.start(): m for m in lexicon.label_re.finditer(text, pos)}
    num_at: dict[int, re.Match[str]] = {m.start(): m for m in LABEL_RE.finditer(text, pos)}
    lead_at: dict[int, re.Match[str]] = {m.start(): m for m in _lead_in_re(lexicon).finditer(text, pos)}
    unknown_at: dict[int, re.Match[str]] = {m.start(): m for m in UNKNOWN_LABEL.finditer(text, pos)}
    starts = sorted(set(heading_at) | set(label_at) | set(num_at) | set(lead_at) | set(unknown_at))

    tokens: list[Token] = []
    last_end = pos
    last_kind: Kind | None = Kind.TITLE if after_title else None
    last_num: dict[str, int] = {}
    last_style: list[str | None] = [None]
    last_title: list[Label | None] = [None]
    flattened = _is_flattened(text, lexicon)
    for i in starts:
        if i < last_end:
            continue
        where = _position(text, i, last_end, pos)
        tok = (
            _numbered_title(text, i, num_at.get(i), where, lexicon, last_title[0])
            or _heading(text, i, heading_at.get(i), num_at.get(i), where, last_kind, lexicon,
                        form_bare or flattened, label_keys, last_num)
            or _label(text, i, label_at.get(i), where, last_kind, form_colon, form_bare, label_keys, flattened,
                      lexicon)
            or _lead_in(text, i, lead_at.get(i), where, lexicon)
            or _item(text, i, num_at.get(i), where, last_kind, last_num, last_style[0])
            or _unknown_label(text, i, unknown_at.get(i), where, label_keys, last_kind)
        )
        if tok is None:
            continue
        tokens.append(tok)
        last_end, last_kind = tok.end, tok.kind
        last_title[0] = tok.marker if tok.kind == Kind.TITLE else None
        if tok.marker is not None and tok.marker.ordinal is not None:
            last_num[_seq_key(tok.marker)] = tok.marker.ordinal
        if tok.kind == Kind.ITEM and tok.marker is not None:
            last_style[0] = _seq_key(tok.marker)
    return tokens


def _seq_key(marker: Label) -> str:
    return f"{marker.style}{marker.depth}" if marker.style == "dec_multi" else marker.style


def _is_flattened(text: str, lexicon: Lexicon) -> bool:
    """A whole form or document flattened onto one long line (doc-site copies): headings and
    labels stand glued to the text before them."""
    if len(text) < FLATTENED_LINE:
        return False
    phrases = {m.group() for m in lexicon.heading_re.finditer(text) if len(m.group()) >= 4}
    phrases |= {m.group() for m in lexicon.label_re.finditer(text) if len(m.group()) >= 4}
    return len(phrases) >= 4


def _count_labels(text: str, lexicon: Lexicon) -> tuple[int, int]:
    colon = bare = 0
    for m in lexicon.label_re.finditer(text):
        after = text[m.end():m.end() + 1]
        if after in (":", "："):
            colon += 1
        elif len(m.group()) >= 4:
            bare += 1
    return colon, bare


def _position(text: str, i: int, last_end: int, origin: int) -> str:
    if not text[origin:i].strip():
        return "start"
    if not text[last_end:i].strip():
        return "after"
    prev = text[i - 1]
    if prev.isspace() or prev in RULE_CHARS or prev in OPEN_BRACKETS:
        return "space"  # "=====1.职位目的:" / "【岗位目的】" — rules and brackets separate like whitespace
    if prev in SENTENCE_END:
        return "sentence"
    if prev in ":：":
        return "colon"
    if prev in ",，":
        return "comma"
    return "glued"


def _follows_ok(text: str, end: int) -> bool:
    """A heading or bare label must be followed by a colon, space, a list label or nothing."""
    if end >= len(text):
        return True
    nxt = text[end]
    return nxt in ":：" or nxt.isspace() or nxt in CLOSE_BRACKETS or bool(LABEL_RE.match(text, end))


def _heading(text: str, i: int, m: re.Match[str] | None, num: re.Match[str] | None, where: str,
             last_kind: Kind | None, lexicon: Lexicon, form_bare: bool,
             label_keys: dict[str, str | None], last_num: dict[str, int]) -> Token | None:
    marker = None
    start = i
    if m is None and num is not None:
        # "四、岗位职责" / "(二)安全职责" / "2.0 关键职责": a numbered heading.
        after = _skip_ws(text, num.end())
        m2 = lexicon.heading_re.match(text, after)
        if m2 is None:
            return None
        marker = label_from_match(num)
        continues = marker.ordinal is not None and last_num.get(_seq_key(marker)) == marker.ordinal - 1
        if where not in ("start", "after", "space", "sentence", "colon") and not continues:
            return None
        m, where = m2, "after"
    if m is None:
        return None
    phrase = m.group()
    end = m.end()
    nxt = text[end:end + 1]
    # "岗位职责的明确性…" is prose; at a line start "发展机会在本岗位…" is still a heading.
    blockers = STRONG_START_FOLLOWERS if where == "start" and len(phrase) >= 4 else PROSE_FOLLOWERS
    if nxt in blockers or ORDINAL_TAIL.match(text, end) or TABLE_TAIL.match(text, end):
        return None  # "职责三" is a duty-table marker; "…指标考核表" a table's title
    is_label = phrase in label_keys and label_keys[phrase] is not None
    if is_label and marker is None and (nxt in (":", "：") or not text[end:].strip()):
        # "工作地点:X" is a label; so is "薪资标准" alone in a form cell, its value next.
        return None
    strong = len(phrase) >= 4
    nm = LABEL_RE.match(text, end)
    if nm and where == "glued":
        nl = label_from_match(nm)
        if nl.ordinal is not None and last_num.get(_seq_key(nl)) == nl.ordinal - 1:
            return None  # "…完善岗位工作标准2.主持…": the phrase ends the previous item
    if not strong and not _follows_ok(text, end):
        return None  # "职责序号" is a column header, not the 职责 section
    if where in ("start", "after") and (last_kind in (None, Kind.TITLE, Kind.ITEM, Kind.HEADING)
                                        or marker is not None or where == "start"):
        ok = True
    elif strong and where in ("space", "sentence") and _follows_ok(text, end):
        ok = True
    elif (strong and where == "glued" and text[i - 1] not in PROSE_PRECEDERS
          and (form_bare and nxt not in GLUE_BLOCKERS or _opens_list(text, end))):
        ok = True  # "…执行工作任务1.主持…": a heading glued to the text before, its list after
    else:
        ok = False
    if not ok:
        return None
    if nxt in CLOSE_BRACKETS:
        end += 1
        nxt = text[end:end + 1]
    if nxt in (":", "："):
        end += 1
    if start > 0 and text[start - 1] in OPEN_BRACKETS:
        start -= 1
    return Token(Kind.HEADING, start, end, key=lexicon.sections[phrase], name=phrase, marker=marker)


def _phrase_at(text: str, pos: int, lexicon: Lexicon | None) -> bool:
    """A heading or label right after a glued label ("…督导下属工作任务1.…") means the label
    words were the end of the text before, not a label with a value."""
    if lexicon is None:
        return False
    return bool(lexicon.heading_re.match(text, pos) or lexicon.label_re.match(text, pos))


def _opens_list(text: str, end: int) -> bool:
    nm = LABEL_RE.match(text, end)
    return bool(nm) and label_from_match(nm).ordinal == 1


def _label(text: str, i: int, m: re.Match[str] | None, where: str, last_kind: Kind | None,
           form_colon: bool, form_bare: bool, label_keys: dict[str, str | None],
           flattened: bool = False, lexicon: Lexicon | None = None) -> Token | None:
    if m is None:
        return None
    phrase = m.group()
    end = m.end()
    nxt = text[end:end + 1]
    colon = nxt in (":", "：")
    comma = nxt in (",", "，") and where == "start"
    padded = end >= len(text) or text[end:end + 2].isspace() and len(text[end:end + 2]) == 2
    if i > 0 and text[i - 1] in QUOTE_OPENERS or text[end:end + 1] in QUOTE_CLOSERS:
        return None  # "“岗位序列”:指…" defines the word, it does not label a value
    if where in ("start", "after", "space", "sentence", "comma", "colon"):
        ok = colon or comma or padded or (form_bare and len(phrase) >= 4)
        # "年龄25—45周岁" in a flattened form: a label directly followed by a number.
        ok = ok or (where in ("space", "start") and nxt.isdigit() and len(phrase) >= 2)
        if not ok and form_colon and where == "space":
            ok = _follows_ok(text, end) and text[end:end + 1].isspace()
    elif where == "glued":
        ok = (form_colon and colon) or (
            len(phrase) >= 4 and nxt not in GLUE_BLOCKERS
            # a form run of empty labels is label after label; in a flattened page a label
            # word followed by a heading is the tail of a sentence
            and (form_bare or flattened and not _phrase_at(text, end, lexicon)))
        # "男女不限年龄25—45周岁": a cell boundary lost, the value is a number.
        ok = ok or (nxt.isdigit() and label_keys.get(phrase, "") in DIGIT_LABELS)
    else:
        ok = False
    if not ok:
        return None
    if colon or comma:
        end += 1
    return Token(Kind.LABEL, i, end, key=label_keys.get(phrase), name=phrase)


def _item(text: str, i: int, m: re.Match[str] | None, where: str, last_kind: Kind | None,
          last_num: dict[str, int], last_style: str | None = None) -> Token | None:
    if m is None:
        return None
    marker = label_from_match(m)
    end = m.end()
    rest = text[end:].lstrip()
    if not rest or rest[0] in SENTENCE_END + ",，)）%":
        return None
    if marker.style == "blank" and where != "start":
        return None  # "____部门各环节…": a template's blank number, only ever at a line start
    if marker.style == "dash":
        # A dash is a bullet at a line start, after a colon, or as "X- Y" — never in "25—45岁".
        if where == "glued" and not (text[end:end + 1] == " " and i > 0 and not text[i - 1].isdigit()):
            return None
        if where not in ("start", "after", "space", "colon", "glued"):
            return None
        return Token(Kind.ITEM, i, end, marker=marker)
    if where in ("start", "after", "space", "sentence", "colon"):
        if where == "colon" and marker.style in ("dec_multi",):
            return None
        return Token(Kind.ITEM, i, end, marker=marker)
    if where in ("glued", "comma") and marker.ordinal is not None:
        prev = last_num.get(marker.style)
        if prev is not None and marker.ordinal == prev + 1:
            return Token(Kind.ITEM, i, end, marker=marker)
        # "一、制定服务策略1. 分析市场…": a nested list starts right after its parent item.
        if (marker.ordinal == 1 and last_kind == Kind.ITEM and last_style not in (None, marker.style)
                and where == "glued"):
            return Token(Kind.ITEM, i, end, marker=marker)
    return None


def _numbered_title(text: str, i: int, m: re.Match[str] | None, where: str, lexicon: Lexicon,
                    previous: Label | None = None) -> Token | None:
    """``(8)公关助理 汇报对象:…`` and ``第十条 客服支持岗(服务运营监督班长)`` open a role."""
    if m is None or where not in ("start", "space", "sentence", "after"):
        return None
    marker = label_from_match(m)
    if marker.is_bullet or marker.style in ("circle",):
        return None
    if marker.style == "article" and not marker.text.endswith("条"):
        return None  # 第X章 / 第X节 structure a regulation; roles are its articles
    after = _skip_ws(text, m.end())
    nm = re.match(r"[^\s,，。:：;；]{2,20}", text[after:])
    if not nm:
        return None
    name = nm.group()
    end = after + nm.end()
    if not is_position_name(name, lexicon, 20):
        return None
    rest = text[end:]
    stripped = rest.lstrip()
    if marker.style == "article":
        ok = not rest.strip() or rest[:1].isspace()
    else:
        ok = rest[:1].isspace() and (
            stripped.startswith(REPORTING_LABELS)
            or bool(re.match(rf"(?:{LABEL_RE.pattern})\s*[^\s]{{2,20}}(\s|$)", stripped))
            and _next_is_title(stripped, lexicon)
            # "(1)经理 负责…": a bracketed number, a position, then its duties.
            or marker.style in ("paren", "cn_paren", "dec_rparen") and len(name) <= 12
            and stripped.startswith(lexicon.duty_verbs)
        ) or (not rest.strip() and where == "start") or (
            # "(3)收银员 (4)理货员 …": the numbering of titles continues with another position
            previous is not None and previous.style == marker.style and previous.ordinal is not None
            and marker.ordinal == previous.ordinal + 1 and (not rest.strip() or rest[:1].isspace())
        )
    if not ok:
        return None
    return Token(Kind.TITLE, i, end, name=text[i:end], marker=marker, title=name)


def _next_is_title(text: str, lexicon: Lexicon) -> bool:
    m = LABEL_RE.match(text)
    if not m:
        return False
    nm = re.match(r"\s*([^\s,，。:：;；]{2,20})", text[m.end():])
    return bool(nm) and is_position_name(nm.group(1), lexicon, 20)


def _lead_in(text: str, i: int, m: re.Match[str] | None, where: str, lexicon: Lexicon) -> Token | None:
    if m is None or where not in ("start", "space", "sentence", "after"):
        return None
    phrase = m.group()
    inner = re.sub(rf"^(?:{'|'.join(map(re.escape, lexicon.lead_ins))})(?:一个|一份|一些|该|本)?", "", phrase[:-1])
    inner = re.sub(r"^(?:关于)?", "", inner)
    title = match_doc_title(inner, lexicon)
    name = title.title if title else None
    if name is None:
        tm = re.match(r"(.{2,16}?)(?:的)?(?:一些)?(?:主要)?(?:工作职责|岗位职责|职责)", inner)
        name = tm.group(1) if tm and is_position_name(tm.group(1), lexicon, 16) else None
    section = None
    hm = lexicon.heading_re.search(inner)
    if hm:
        section = lexicon.sections[hm.group()]
    elif title is not None:
        section = "duties" if "职责" in title.raw else None
    return Token(Kind.LEAD_IN, i, m.end(), name=phrase, title=name, key=section)


def _unknown_label(text: str, i: int, m: re.Match[str] | None, where: str,
                   label_keys: dict[str, str | None], last_kind: Kind | None = None) -> Token | None:
    """A short ``X:`` after whitespace mid-line (slide titles like ``步骤4:…``) ends the text before it."""
    if m is None or not (where == "space" or where == "after" and last_kind == Kind.TITLE):
        return None  # after a list label, "领导售后团队:…" is the item's own heading
    phrase = m.group()[:-1]
    if phrase.isdigit():
        return None
    return Token(Kind.LABEL, i, m.end(), key=label_keys.get(phrase), name=phrase, title="unknown")
