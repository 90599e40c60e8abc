"""Duties: one item per duty, with its group (category), frequency and metrics.

Numbered outlines are rebuilt from the labels: the first label style met is the top level,
a different style below it is a nested list (``一、`` over ``1.``, ``1.X:`` over ``-``), and
a label style met again returns to its level. An item with children is a group: its text
becomes the children's ``category``. Plain lines without labels are one duty each, a line
that does not end a sentence and is followed by an unlabelled line is wrapped, and a run-on
line of unlabelled sentences (slides) is cut at sentence ends.

Flattened duty tables (``职责一 / 协助管理 / duty / 工作需要时`` one cell per line) are read
as what they are: a category marker, its name, duties, and frequency cells that belong to
the duty before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ...schemas.role import Duty, Warning
from ..lexicon import Lexicon, alternation
from ..numbering import Label
from ..piece import Kind, Loc, Piece
from ..rules import rule
from ..sections import WRAPPED_LINE, Tagged
from ..tables import is_duty_marker
from .values import clean_item, clean_value

# The warning a duty table flattened out of order leaves; the review flag reads it.
STRAY_CELLS = "table_cells_out_of_order"
SENTENCE_END = "。;；!?！？"
COLON = re.compile(r"[:：]")
MAX_CATEGORY = 30
INSTRUCTION = re.compile(r"[(（][^()（）]{4,60}[)）]")
SENTENCE_BOUNDARY = re.compile(r"(?<=[。!?！？])")
CLAUSE_BOUNDARY = re.compile(r"(?<=[。!?！？;；])")
# In a long run-on line (slides) whitespace separates bullets, but not between two Latin words.
BULLET_BOUNDARY = re.compile(r"(?<=[。!?！？])|(?<=[.!?])\s+(?=[A-Z])|(?<![\x21-\x7e])\s+|\s+(?![\x21-\x7e])")
SUBGROUP_PUNCT = re.compile(r"[,，。;；:：!?！？]")


@dataclass
class Entry:
    text: str
    loc: Loc
    pieces: list[Piece]
    marker: Label | None = None
    key: tuple[object, ...] | None = None
    level: int | None = None
    category: str | None = None          # given by a table column or a "职责:X" label
    frequency: str | None = None
    metrics: list[str] = field(default_factory=list)
    children: list[Entry] = field(default_factory=list)
    parent: Entry | None = None
    group_marker: int | None = None      # flattened tables: the 职责N this duty sits under


@dataclass
class DutyResult:
    duties: list[Duty]
    used: set[int]
    rules: list[Piece]
    stray_cells: int = 0  # flattened-table cells with no duty of their own row to join


def stray_cells_warning(count: int) -> Warning:
    return Warning(code=STRAY_CELLS, field="duties",
                   message=f"{count} frequency cell(s) of a flattened duty table "
                           "stand before or between duties they cannot belong to")


@cache
def _patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    d = lexicon.data.duties
    money = alternation(d.money_units)
    freq = (rf"(?:{alternation(d.frequency_prefixes)})(?:{alternation(d.frequency_periods)})"
            rf"(?:\d{{1,2}}{re.escape(lexicon.data.grammar.month_word)})?(?:\d{{1,2}}(?:{alternation(d.day_words)}))?(?:{re.escape(d.before_word) or '(?!)'})?")
    deduct = rf"(?:{alternation(d.deduct_words)})\d{{1,3}}{re.escape(lexicon.data.kpis.score_unit or '(?!)')}"
    return {
        # Pay and penalty rules: "迟交一天10元/天", "扣5分", "超额部分按5%奖励".
        "rule": re.compile(rf"\d{{1,9}}(?:\.\d{{1,4}})?\s?(?:{money})|(?:{alternation(d.rule_words)})"
                           rf"|{deduct}|[=＝]"),
        "frequency": re.compile(freq),
        "metric": re.compile(rf"[\u4e00-\u9fff]{{2,10}}(?:{alternation(d.metric_endings)})"),
        "freq_tail": re.compile(rf"[(（]({alternation(sorted(lexicon.frequency_words))})[)）]$"),
        "marker_prefix": re.compile(rf"^(?:{alternation(lexicon.data.tables.duty_markers)})"
                                    rf"(?:{lexicon.numbering.cn_class}|\d){{0,3}}[:：]?"),
    }


def _style_key(piece: Piece) -> tuple[object, ...]:
    if piece.marker is None:
        return ("unlabelled", piece.source)  # table rows and plain lines are siblings
    if piece.marker.is_bullet:
        return ("bullet", 0)  # "·", "•" and "–" mixed in one list are siblings
    return (piece.marker.style, piece.marker.depth)


class DutyOutline:
    """The duty section of one role, read piece by piece into an outline."""

    def __init__(self, lexicon: Lexicon, list_mode: bool) -> None:
        self.lexicon = lexicon
        self.patterns = _patterns(lexicon)
        self.list_mode = list_mode
        self.roots: list[Entry] = []
        self.stack: list[Entry] = []
        self.used: set[int] = set()
        self.rules: list[Piece] = []
        self.label_group: Entry | None = None
        self.last: Entry | None = None
        self.current_marker: int | None = None
        self.marker_names: dict[int, str] = {}
        self.awaiting_name: int | None = None
        self.pending: list[Entry] = []
        self.stray_cells = 0
        self.listed_lines: set[int] = set()  # lines of a list typed without bullets or end marks
        self.bullet_groups: set[int] = set()  # bullet items that name a group of bulleted duties
        self.marked = False  # the piece before was a 职责N： marker

    def add(self, entry: Entry, parent: Entry | None) -> None:
        entry.parent = parent
        (parent.children if parent else self.roots).append(entry)
        entry.group_marker = self.current_marker
        if self.current_marker is None:
            self.pending.append(entry)  # its group is known once the next 职责N marker shows
        self.last = entry
        self.used.update(id(p) for p in entry.pieces)

    def break_chunk(self) -> None:
        """Anything else between duties breaks a flattened table's chunk."""
        self.current_marker = None
        self.stack.clear()
        self.last = None

    def feed(self, piece: Piece, following: Piece | None) -> None:
        text = piece.text.strip()
        if piece.kind in (Kind.HEADING, Kind.LEAD_IN, Kind.LABEL):
            self._structural(piece)
            return
        if piece.kind == Kind.TEXT and self._table_cell(piece, text):
            return
        self.awaiting_name = None
        marked, self.marked = self.marked, False
        if piece.kind == Kind.ITEM and _named_group(piece, following, marked, self.lexicon):
            self.stack.clear()
            self.label_group = Entry(text=text, loc=piece.loc, pieces=[piece])
            self.add(self.label_group, None)
        elif piece.kind == Kind.ITEM:
            self._item(piece, text)
        elif _is_subgroup(piece, following) and not text.startswith(self.lexicon.duty_verbs):
            entry = Entry(text=text, loc=piece.loc, pieces=[piece], key=("subgroup",))
            self.add(entry, self._place(entry))
        elif piece.kind == Kind.TEXT:
            self._text(piece, text)

    # -- structure -----------------------------------------------------------------------------
    def _structural(self, piece: Piece) -> None:
        self.marked = piece.kind == Kind.HEADING and piece.source == "duty_marker"
        if piece.kind == Kind.HEADING:
            self.stack.clear()
            if self.label_group is not None and self.label_group.children:
                self.label_group = None  # a heading right after "职责:X" ("工作任务") introduces X's tasks
            self.used.add(id(piece))
            if _extra_duty_list(piece, self.lexicon):
                self.label_group = Entry(text=piece.name or "", loc=piece.loc, pieces=[piece])
                self.add(self.label_group, None)
        elif piece.kind == Kind.LEAD_IN:
            self.used.add(id(piece))
        elif piece.key == "duties.category":
            value = clean_value(piece.text, self.lexicon)
            self.stack.clear()
            if value and _duty_list_value(value):
                for text, loc in _list_value_items(piece, self.lexicon):
                    self.add(Entry(text=text, loc=loc, pieces=[piece]), None)
            elif value:
                self.label_group = Entry(text=value, loc=piece.loc, pieces=[piece])
                self.add(self.label_group, None)
        elif piece.key == "duties":
            value = clean_value(piece.text, self.lexicon)
            if value:
                self.add(Entry(text=value, loc=piece.loc, pieces=[piece]), self.label_group)

    def _table_cell(self, piece: Piece, text: str) -> bool:
        """Cells of a flattened duty table: frequencies, group markers and group names."""
        if _frequency_cell(text, self.lexicon, self.patterns["frequency"]):
            if self.last is not None and self.last.frequency is None and not self.last.children:
                self.last.frequency = text
                self.used.add(id(piece))
            elif _stray_cell(self.last):
                self.stray_cells += 1
            return True
        if is_duty_marker(text, self.lexicon):
            number = _marker_number(text, self.lexicon)
            self.current_marker = self.awaiting_name = number
            self.stack.clear()
            _group_before_marker(self.pending, number)
            self.pending = []
            self.last = None
            self.used.add(id(piece))
            return True
        if self.awaiting_name is not None and _marker_name(text):
            self.marker_names[self.awaiting_name] = text
            self.awaiting_name = None
            self.used.add(id(piece))
            return True
        return False

    def _item(self, piece: Piece, text: str) -> None:
        if _pay_rule(text, self.patterns["rule"], self.lexicon.duty_verbs):
            self.rules.append(piece)
            self.current_marker = None  # a pay rule between duties breaks a flattened chunk
            return
        key = ("bullet_group", 0) if id(piece) in self.bullet_groups else _style_key(piece)
        if piece.marker is not None and piece.marker.style == "blank" and self.stack:
            key = self.stack[-1].key or key  # "____" stands for the number the template left out
        entry = Entry(text=text, loc=piece.loc, pieces=[piece], marker=piece.marker, key=key, level=piece.level,
                      category=piece.category, frequency=piece.frequency, metrics=list(piece.metrics))
        self.add(entry, self._place(entry))

    def _text(self, piece: Piece, text: str) -> None:
        if _pay_rule(text, self.patterns["rule"], self.lexicon.duty_verbs):
            self.rules.append(piece)
            self.current_marker = None
            return
        if not re.search(r"\w", text) or _column_header(text, self.lexicon) or INSTRUCTION.fullmatch(text) \
                or len(text) <= 3 and not _short_tail(text):
            return  # a drawn rule, a column header, a tick-box option, "(请列出…)"
        last = self.last
        if last is not None and not last.children and _metric_cell(text, self.patterns["metric"]):
            last.metrics.append(text)  # "问题解决及时率" under a duty in a duty table
            self.used.add(id(piece))
            return
        if last is not None and id(piece) not in self.listed_lines and _wrapped_line(last, piece) \
                and not _line_opens_duty(last, piece.text, self.lexicon):
            last.text += text
            last.loc = last.loc._replace(end=piece.loc.end) if last.loc.block == piece.loc.block else last.loc
            last.pieces.append(piece)
            self.used.add(id(piece))
            return
        if self.list_mode or len(text) <= 3:
            return  # prose around a numbered duty list ("售后主管是…", "总之…") is not a duty
        parent = self.stack[-1] if self.stack and self.stack[-1].text.rstrip().endswith((":", "：")) \
            else self.label_group
        chunks = _task_list(piece, self.lexicon) or _sentences(piece)
        if chunks and not piece.line_start:
            chunks[0] = _after_copula(*chunks[0], self.lexicon) or chunks[0]
        for sentence, loc in chunks:
            self.add(Entry(text=sentence, loc=loc, pieces=[piece]), parent)

    def _place(self, entry: Entry) -> Entry | None:
        """Find the parent of ``entry`` in the outline and push it."""
        stack = self.stack
        if entry.level is not None:
            word = entry.marker is not None and entry.marker.style == "word"
            while stack and (word or stack[-1].level is not None) and (stack[-1].level or 0) >= entry.level:
                stack.pop()
        elif entry.key is not None:
            keys = [e.key for e in stack]
            if entry.key in keys:
                while stack and stack[-1].key != entry.key:
                    stack.pop()
                stack.pop()
            else:
                # A label of a higher rank than the open list closes it: "(二)" after "6." is the
                # next section, not a sub-item of 6.
                rank = _rank(entry.key)
                while stack and _rank(stack[-1].key) > rank:
                    stack.pop()
        parent = stack[-1] if stack else self.label_group
        stack.append(entry)
        return parent

    def result(self) -> DutyResult:
        duties, headers = _flatten(self.roots, self.marker_names, self.lexicon)
        for entry in headers:
            self.used.difference_update(id(p) for p in entry.pieces)
        return DutyResult(duties=duties, used=self.used, rules=self.rules, stray_cells=self.stray_cells)


def extract_duties(tagged: Tagged, lexicon: Lexicon) -> DutyResult:
    outline = DutyOutline(lexicon, _list_mode(tagged, lexicon))
    outline.listed_lines = _unpunctuated_lines(tagged) or set()
    outline.bullet_groups = _bullet_groups(tagged, lexicon) or set()
    in_duties_before = False
    for position, (section, piece) in enumerate(tagged):
        if section != "duties":
            if in_duties_before and piece.kind != Kind.TITLE:
                outline.break_chunk()
            in_duties_before = False
            continue
        in_duties_before = True
        following = tagged[position + 1][1] if position + 1 < len(tagged) else None
        outline.feed(piece, following)
    return outline.result()


# --- rules ------------------------------------------------------------------------------------

@rule
def _unpunctuated_lines(tagged: Tagged) -> set[int] | None:
    """A duty section typed as lines without bullets, none of which ends a sentence
    (``公司日常费用报销单据的审核与账务处理`` / ``月度、季度、年度财务报表的编制与报送`` / …), is a list: each
    line is a duty, however long. Text wrapped by a page ends its sentence somewhere (。 or ；), and
    its lines are joined. (A form's cells flattened to lines, ``关键流程:…`` / ``重大结果:…``, are one
    duty's parts.) Returns the ids of the lines of such runs."""
    out: set[int] = set()
    runs: list[list[Piece]] = [[]]
    for section, piece in tagged:
        if section == "duties" and piece.kind is Kind.TEXT and piece.line_start and piece.marker is None:
            runs[-1].append(piece)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        if len(run) >= 2 and not any(p.text.rstrip()[-1:] in SENTENCE_END or COLON.search(p.text) for p in run):
            out.update(id(p) for p in run)
    return out or None



@rule
def _bullet_groups(tagged: Tagged, lexicon: Lexicon) -> set[int] | None:
    """A duty list drawn with two bullet glyphs, each item of the first a short name followed by
    items of the second (``• 供应商管理`` / ``- 开发新供应商…`` / ``- 定期评估…`` / ``• 采购执行`` / ``- …``),
    is a list of groups: the first glyph's items name the groups (the duties' category), the
    second's are the duties. Glyphs mixed in one flat list as they come stay siblings: here the
    first glyph alternates with runs of the second at least twice and names no duty (short, no
    duty verb, no sentence mark). Returns the ids of the group items."""
    items = [(p, p.marker.text) for s, p in tagged if s == "duties" and p.kind == Kind.ITEM and p.marker is not None
             and p.marker.is_bullet]
    if not items:
        return None
    group = items[0][1]
    groups: list[Piece] = []
    i = 0
    while i < len(items):
        piece, glyph = items[i]
        name = piece.text.strip()
        # no inner punctuation either: a flat list's short duty (协助盘点，核对账目) names no group
        if glyph != group or not _group_name(name, lexicon) or SUBGROUP_PUNCT.search(name):
            return None
        j = i + 1
        while j < len(items) and items[j][1] != group:
            j += 1
        if j == i + 1 or len({g for _, g in items[i + 1:j]}) != 1:
            return None  # a name with no duties under it, or duties drawn with several glyphs
        groups.append(piece)
        i = j
    return {id(p) for p in groups} if len(groups) >= 2 else None


LIST_SEPARATORS = re.compile(r"[、,，;；]")
SEMICOLONS = re.compile(r"[;；]")


@rule
def _extra_duty_list(piece: Piece, lexicon: Lexicon) -> bool:
    """Cards add duty lists beside the main one (``安全生产责任``, ``安全职责``, ``质量职责``): their
    items are duties, grouped under the list's heading as their category."""
    return (piece.name or "") in lexicon.data.grammar.categorised_duty_headings


@rule
def _duty_list_value(value: str) -> bool:
    """``职责: 开拓客户,产品销售`` lists the duties themselves; ``职责：协助管理`` in a duty table
    names a group. A value with list separators is a list."""
    return bool(LIST_SEPARATORS.search(value))


@rule
def _one_duty_with_objects(value: str, lexicon: Lexicon) -> bool:
    """``职责：负责订单录入、发货跟踪及客户回款对账；``: a value that opens with a duty verb and
    has no semicolon inside is one duty, whose objects the 、 and commas list; a value with
    semicolons inside lists one duty per part."""
    body = value.strip().rstrip("。;；")
    return body.startswith(lexicon.duty_verbs) and not SEMICOLONS.search(body)


def _list_value_items(piece: Piece, lexicon: Lexicon) -> list[tuple[str, Loc]]:
    body = piece.text.rstrip().rstrip("。;；")
    if _one_duty_with_objects(body, lexicon):
        lead = len(body) - len(body.lstrip())
        return [(body.strip(), piece.loc.narrow(lead, len(body)))]
    separators = SEMICOLONS if SEMICOLONS.search(body) else LIST_SEPARATORS
    out: list[tuple[str, Loc]] = []
    start = 0
    for m in list(separators.finditer(piece.text)) + [None]:
        end = m.start() if m else len(piece.text)
        item = piece.text[start:end].strip().rstrip("。")
        if item:
            lead = piece.text.find(item, start)
            out.append((item, piece.loc.narrow(lead, lead + len(item))))
        start = m.end() if m else end
    return out


@rule
def _list_mode(tagged: Tagged, lexicon: Lexicon) -> bool:
    """A duty section written as a numbered list: its unlabelled lines are prose around the
    list (``售后主管是…``, ``总之…``), not duties. Flattened tables (职责N markers, table rows)
    are not lists in this sense."""
    items = 0
    rule_re = _patterns(lexicon)["rule"]
    for section, piece in tagged:
        if section != "duties":
            continue
        if piece.kind == Kind.TEXT and is_duty_marker(piece.text, lexicon) or piece.source == "table":
            return False
        if piece.kind == Kind.ITEM and piece.marker is not None and not rule_re.search(piece.text):
            items += 1
    return items >= 2


@rule
def _stray_cell(last: Entry | None) -> bool:
    """A frequency cell of a flattened duty table with no duty before it, or after a duty that
    already has its frequency, does not line up with the table's rows: the scrape put the cells
    out of order (a frequency column read before its duty column, a table read column by
    column), so the duties' frequencies and groups may be wrong and a person should check."""
    return last is None or last.frequency is not None


@rule
def _frequency_cell(text: str, lexicon: Lexicon, frequency: re.Pattern[str]) -> bool:
    """A cell of a frequency column (``每月``, ``工作需要时``, ``每月5日前``) belongs to the
    duty before it, never a duty of its own."""
    return text in lexicon.frequency_words or bool(frequency.fullmatch(text))


@rule
def _marker_name(text: str) -> bool:
    """The short cell after a ``职责N`` marker names that group of duties (``协助管理``)."""
    return len(text) <= 12 and not _ends_sentence(text)


def _group_name(text: str, lexicon: Lexicon) -> bool:
    """A short name that says no duty (no duty verb, no sentence): a group of duties' name."""
    return _marker_name(text) and not text.startswith(lexicon.duty_verbs)


@rule
def _named_group(piece: Piece, following: Piece | None, marked: bool, lexicon: Lexicon) -> bool:
    """``职责一：行政管理`` / ``（1）制定行政管理制度；`` / ``（2）…``: after a duty's marker, a short
    name that does not say a duty (no duty verb, no sentence) and is followed by numbered items
    names a group of duties — the items' category — and is no duty itself."""
    return marked and piece.marker is None and _group_name(piece.text.strip(), lexicon) \
        and following is not None and following.kind == Kind.ITEM and following.marker is not None


@rule
def _group_before_marker(pending: list[Entry], number: int | None) -> bool:
    """Duties before marker N that have no marker of their own are the tail of group N−1:
    a site that cut a flattened duty table into chunks put a chunk's first duties before
    its marker."""
    if number is None or number <= 1:
        return False
    moved = False
    for entry in pending:
        if entry.group_marker is None:
            entry.group_marker = number - 1
            moved = True
    return moved


@rule
def _pay_rule(text: str, pattern: re.Pattern[str], duty_verbs: tuple[str, ...]) -> bool:
    """Pay and penalty rules (``迟交一天10元/天``, ``扣5分``, ``超额部分按5%奖励``) sit in the
    duty tables of pay forms; they are assessment rules (考核办法), not duties. A line that opens
    with a duty verb (``制定…奖励制度``) is a duty that mentions them."""
    return bool(pattern.search(text)) and not text.startswith(duty_verbs)


@rule
def _metric_cell(text: str, pattern: re.Pattern[str]) -> bool:
    """A short ``…率/度/数/量`` cell under a duty in a duty table is that duty's metric
    (``问题解决及时率``)."""
    return bool(pattern.fullmatch(text))


@rule
def _short_tail(text: str) -> bool:
    """``系统；`` under ``…维护员工档案及人事信息``: a line of a character or two that ends the way
    items end is the wrapped end of the item above (a page broke it there), not a tick-box option;
    it was left unmapped and the duty cut."""
    return text.endswith(ITEM_END_MARKS)


ITEM_END_MARKS = ("；", ";", "。")


@rule
def _wrapped_line(last: Entry, piece: Piece) -> bool:
    """A wrapped line: the previous line was long, did not end its sentence, and this line
    has no label and does not start a duty of its own."""
    if not piece.line_start or last.children:
        return False
    prev = last.text.rstrip()
    if not prev or prev[-1] in SENTENCE_END or prev.endswith((":", "：")):
        return False
    if len(last.pieces[-1].text) < WRAPPED_LINE:
        return False  # short lines are a list of their own, not a wrapped paragraph
    return len(piece.text) < 200


@rule
def _line_opens_duty(last: Entry, text: str, lexicon: Lexicon) -> bool:
    """In a list typed without bullets (lines that end without punctuation), a line that opens with
    a duty's verb (``跟进客户订单，…`` under ``开发海外客户，…获取询盘``) is a duty of its own, not the
    wrapped rest of the line before. Under a numbered item it is still that item's wrapped rest
    (``2.报障派单、接单:…进行协调及反馈`` / ``做好甲方、…的维系;``)."""
    return last.marker is None and text.lstrip().startswith(lexicon.duty_verbs)


@rule
def _is_subgroup(piece: Piece, following: Piece | None) -> bool:
    """``居民维修网格长`` alone on a line, then ``1. …``: a group name over a numbered list;
    a short heading line (``### 运营方向``) over bullets likewise."""
    text = piece.text.strip()
    if piece.kind != Kind.TEXT or not 2 <= len(text) <= 16 or SUBGROUP_PUNCT.search(text):
        return False
    if piece.source == "heading_block":
        return True
    return (piece.line_start and following is not None and following.kind == Kind.ITEM
            and following.marker is not None and following.marker.ordinal == 1)


def _column_header(text: str, lexicon: Lexicon) -> bool:
    columns = lexicon.data.tables.columns
    return text in set(columns.label + columns.category + columns.text + columns.frequency + columns.metrics
                       + columns.importance + lexicon.data.tables.extra_column_headers)


def _marker_number(text: str, lexicon: Lexicon) -> int | None:
    tail = text.strip()
    for marker in lexicon.data.tables.duty_markers:
        if tail.startswith(marker):
            tail = tail[len(marker):]
            break
    return int(tail) if tail.isdigit() else lexicon.numbering.to_int(tail)


# Usual nesting of Chinese outline labels, outermost first. Styles not listed (bullets,
# unlabelled lines) rank lowest, so they nest under anything.
RANKS = {"article": 1, "cn": 2, "cn_paren": 3, "subgroup": 3.5, "dec_multi": 4, "dec": 4, "paren": 5,
         "dec_rparen": 5, "circle": 6, "bullet_group": 7}


def _rank(key: tuple[object, ...] | None) -> float:
    if not key:
        return 9
    style = str(key[0])
    depth = key[1] if len(key) > 1 and isinstance(key[1], int) else 0
    return RANKS.get(style, 8) + (depth * 0.1 if style == "dec_multi" else 0)


def _ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in SENTENCE_END


CLAUSES = re.compile(r"(?<=[;；])")


@rule
def _clause_list(text: str) -> bool:
    """Prose lists duties as clauses separated by semicolons (``主要职责包括：负责…；监督…；
    建立…。``, ``负责集团公司全面工作；主抓党风廉政建设工作``): each clause is a duty. (A numbered
    item stays one duty, whatever it holds.)"""
    return len(re.findall(r"[;；]", text.rstrip("。;； "))) >= 1


def _sentences(piece: Piece) -> list[tuple[str, Loc]]:
    """Unlabelled run-on text: one duty per sentence; in a long run-on line (slides) also one
    per whitespace-separated bullet; in a prose clause list one per clause."""
    text = piece.text
    run_on = len(text) > 80 or len(re.findall(r"[。!?！？]", text)) >= 2
    boundary = BULLET_BOUNDARY if run_on else SENTENCE_BOUNDARY
    if _clause_list(text):
        boundary = CLAUSE_BOUNDARY
    chunks: list[tuple[int, int]] = []
    start = 0
    for m in boundary.finditer(text):
        if m.start() > start:
            chunks.append((start, m.start()))
        start = max(start, m.end())
    if start < len(text):
        chunks.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in chunks:
        if merged and len(re.sub(r"\W", "", text[s:e])) < 4:
            merged[-1] = (merged[-1][0], e)
        elif text[s:e].strip():
            merged.append((s, e))
    return [(text[s:e].strip(), piece.loc.narrow(s, e)) for s, e in merged]


@rule
def _after_copula(text: str, loc: Loc, lexicon: Lexicon) -> tuple[str, Loc] | None:
    """``工作内容主要是负责小区的日常管理…``: after a heading run into its text, the copula (主要是,
    为) joins the heading to the work; the duty starts at the work's verb (it kept 主要是)."""
    lead = next((c for c in lexicon.data.grammar.copula_leads if text.startswith(c)), None)
    if lead is None or not text[len(lead):].startswith(lexicon.duty_verbs):
        return None
    return text[len(lead):], loc.narrow(len(lead), loc.end - loc.start)


@rule
def _task_list(piece: Piece, lexicon: Lexicon) -> list[tuple[str, Loc]] | None:
    """``岗位职责：货物出入库管理、库存盘点、单据整理``: a leaflet names the tasks as short noun
    phrases parted by 、 — one duty each (it was one duty). A verb before them (``负责订单录入、发货
    跟踪…``) makes them the objects of one duty, and a comma makes the line a sentence."""
    text = piece.text.strip().rstrip("。；;")
    parts = text.split("、")
    if len(parts) < MIN_TASKS or re.search(r"[，,。；;:：]", text) or text.startswith(lexicon.duty_verbs) \
            or any(not MIN_TASK <= len(p.strip()) <= MAX_TASK or len(HAN.findall(p)) < MIN_TASK for p in parts):
        return None
    out, at = [], piece.text.find(text)
    for part in parts:
        start = piece.text.find(part, at)
        at = start + len(part)
        out.append((part.strip(), piece.loc.narrow(start, at)))
    return out


MIN_TASKS, MIN_TASK, MAX_TASK = 3, 2, 12
HAN = re.compile(r"[\u4e00-\u9fff]")


def _category_text(entry: Entry, lexicon: Lexicon) -> str | None:
    text = clean_item(entry.text).rstrip(":：").strip()
    text = _patterns(lexicon)["marker_prefix"].sub("", text).strip() or text
    return text if 0 < len(text) <= MAX_CATEGORY else (text.split(":")[0][:MAX_CATEGORY] if text else None)


def _flatten(roots: list[Entry], marker_names: dict[int, str], lexicon: Lexicon) -> tuple[list[Duty], list[Entry]]:
    """Duties from the outline, and the childless group headers ("日常工作考核:") that are none."""
    duties: list[Duty] = []
    headers: list[Entry] = []
    freq_tail = _patterns(lexicon)["freq_tail"]

    def walk(entry: Entry, category: str | None) -> None:
        if entry.children:
            own = _category_text(entry, lexicon)
            for child in entry.children:
                walk(child, own or category)
            return
        text = clean_item(entry.text)
        if not text:
            return
        if entry.marker is None and entry.text.rstrip().endswith((":", "：")) and len(text) <= 20:
            headers.append(entry)
            return
        cat = entry.category or category
        if cat is None and entry.group_marker is not None:
            cat = marker_names.get(entry.group_marker)
        freq = entry.frequency
        m = freq_tail.search(text)
        if m and freq is None:
            freq, text = m.group(1), text[: m.start()].rstrip()
        duties.append(Duty(text=text, category=cat, frequency=freq, metrics=entry.metrics, span=entry.loc.span()))

    for root in roots:
        walk(root, None)
    return duties, headers
