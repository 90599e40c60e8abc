"""Duties: one item per duty, with its group (category), frequency and metrics.

Numbered outlines are rebuilt from the labels: the first label style met is the top level,
a different style below it is a nested list (``一、`` over ``1.``, ``1.X:`` over ``-``), and
a label style met again returns to its level. An item with children is a group: its text
becomes the children's ``category``. Plain lines without labels are one duty each, a line
that does not end a sentence and is followed by an unlabelled line is wrapped, and a run-on
line of unlabelled sentences (slides) is cut at sentence ends.

Flattened duty tables (``职责一 / 协助管理 / duty / 工作需要时`` one cell per line) are read
as what they are: a category marker, its name, duties, and frequency cells that belong to
the duty before them. When a site reordered page chunks, duties that come before marker
N without a marker of their own are the tail of group N-1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...schemas.role import Duty, Span
from ..lexicon import Lexicon
from ..numbering import Label, cn_to_int
from ..pieces import Kind, Piece
from ..sections import CATEGORY_MARKER, Tagged
from ..tables import COLUMN_ROLES
from .values import clean_item, clean_value

SENTENCE_END = "。;；!?！？"
# Pay and penalty rules ("迟交一天10元/天", "超额部分按5%奖励") sit in duty tables of pay forms.
# A digit run is matched only from its first digit, and possessively: a line of 10,000 digits
# must not be rescanned from every position (that was quadratic).
RULE = re.compile(r"(?<!\d)\d++(?:\.\d++)?\s*万?元|元/次|元/天|扣\d+分|扣除|处罚|罚款|奖励|负激励|[=＝]")
FREQ_TAIL = re.compile(r"[(（](每日|每天|每周|每月|每季度|每年|月度|季度|年度|随时|不定期|定期|工作需要时)[)）]$")
MAX_CATEGORY = 30
FREQUENCY = re.compile(r"(?:每|按)(?:日|天|周|月|季|季度|半年|年|年度)(?:\d{1,2}月)?(?:\d{1,2}[日号])?(?:前)?")
METRIC = re.compile(r"[\u4e00-\u9fff]{2,10}(?:率|度|数|量|次数)")
INSTRUCTION = re.compile(r"[(（][^()（）]{4,}[)）]")
WRAPPED_LINE = 18
COLUMN_HEADERS = {name for names in COLUMN_ROLES.values() for name in names} | {"职责序号", "职责名称"}


@dataclass
class Entry:
    text: str
    span: Span
    pieces: list[Piece]
    marker: Label | None = None
    key: tuple | None = None
    level: int | None = None
    category: str | None = None          # given by a table column or a "职责:X" label
    frequency: str | None = None
    metrics: list[str] = field(default_factory=list)
    children: list[Entry] = field(default_factory=list)
    parent: Entry | None = None
    group_marker: int | None = None      # flattened tables: the 职责N this duty sits under


def _style_key(piece: Piece) -> tuple:
    if piece.marker is None:
        return ("unlabelled", piece.source)  # table rows and plain lines are siblings
    if piece.marker.is_bullet:
        return ("bullet", 0)  # "·", "•" and "–" mixed in one list are siblings
    return (piece.marker.style, piece.marker.depth)


@dataclass
class DutyResult:
    duties: list[Duty]
    used: set[int]
    rules: list[Piece]


def extract_duties(tagged: Tagged, lexicon: Lexicon) -> DutyResult:
    roots: list[Entry] = []
    stack: list[Entry] = []
    used: set[int] = set()
    rules: list[Piece] = []
    label_group: Entry | None = None
    last: Entry | None = None
    current_marker: int | None = None
    marker_names: dict[int, str] = {}
    awaiting_name: int | None = None
    pending: list[Entry] = []
    in_duties_before = False

    def add(entry: Entry, parent: Entry | None) -> None:
        nonlocal last
        entry.parent = parent
        (parent.children if parent else roots).append(entry)
        entry.group_marker = current_marker
        if current_marker is None:
            pending.append(entry)  # its group is known once the next 职责N marker shows
        last = entry
        used.update(id(p) for p in entry.pieces)

    list_mode = _is_list_mode(tagged, lexicon)
    for position, (section, piece) in enumerate(tagged):
        following = tagged[position + 1][1] if position + 1 < len(tagged) else None
        if section != "duties":
            if in_duties_before and piece.kind != Kind.TITLE:
                # Anything else between duties breaks a flattened table's chunk.
                current_marker = None
                stack.clear()
                last = None
            in_duties_before = False
            continue
        in_duties_before = True
        text = piece.text.strip()

        if piece.kind == Kind.HEADING:
            stack.clear()
            if label_group is not None and label_group.children:
                label_group = None  # a heading right after "职责:X" ("工作任务") introduces X's tasks
            used.add(id(piece))
            continue
        if piece.kind == Kind.LEAD_IN:
            used.add(id(piece))
            continue
        if piece.kind == Kind.LABEL and piece.key == "duties.category":
            value = clean_value(piece.text)
            stack.clear()
            if value:
                label_group = Entry(text=value, span=piece.span, pieces=[piece])
                add(label_group, None)
            continue
        if piece.kind == Kind.LABEL and piece.key == "duties":
            value = clean_value(piece.text)
            if value:
                add(Entry(text=value, span=piece.span, pieces=[piece]), label_group)
            continue
        if piece.kind == Kind.LABEL:
            continue

        if piece.kind == Kind.TEXT and (text in lexicon.frequency_words or FREQUENCY.fullmatch(text)):
            if last is not None and last.frequency is None and not last.children:
                last.frequency = text
                used.add(id(piece))
            continue
        if piece.kind == Kind.TEXT and CATEGORY_MARKER.fullmatch(text):
            number = _marker_number(text)
            current_marker = number
            awaiting_name = number
            stack.clear()
            _resolve_pending(pending, number)
            pending = []
            last = None
            used.add(id(piece))
            continue
        if piece.kind == Kind.TEXT and awaiting_name is not None and len(text) <= 12 and not _ends_sentence(text):
            marker_names[awaiting_name] = text
            awaiting_name = None
            used.add(id(piece))
            continue
        awaiting_name = None

        if piece.kind == Kind.ITEM:
            if RULE.search(text):
                rules.append(piece)
                current_marker = None  # a pay rule between duties breaks a flattened chunk
                continue
            key = _style_key(piece)
            if piece.marker is not None and piece.marker.style == "blank" and stack:
                key = stack[-1].key  # "____" stands for the number the template left out
            entry = Entry(text=text, span=piece.span, pieces=[piece], marker=piece.marker,
                          key=key, level=piece.level, category=piece.category,
                          frequency=piece.frequency, metrics=list(piece.metrics))
            parent = _place(entry, stack, label_group)
            add(entry, parent)
            continue

        if section == "duties" and _is_subgroup(piece, following) and not text.startswith(lexicon.duty_verbs):
            entry = Entry(text=text, span=piece.span, pieces=[piece], key=("subgroup",))
            add(entry, _place(entry, stack, label_group))
            continue

        if piece.kind == Kind.TEXT:
            if RULE.search(text) and not text.startswith(lexicon.duty_verbs):
                rules.append(piece)
                current_marker = None
                continue
            if not re.search(r"\w", text) or text in COLUMN_HEADERS or len(text) <= 3 or INSTRUCTION.fullmatch(text):
                continue  # a drawn rule, a column header, a tick-box option, "(请列出…)"
            if METRIC.fullmatch(text) and last is not None and not last.children:
                last.metrics.append(text)  # "问题解决及时率" under a duty in a duty table
                used.add(id(piece))
                continue
            if last is not None and _continues(last, piece, lexicon):
                last.text += text
                last.span = last.span.model_copy(update={"end": piece.span.end}) \
                    if last.span.block == piece.span.block else last.span
                last.pieces.append(piece)
                used.add(id(piece))
                continue
            if list_mode:
                continue  # prose around a numbered duty list ("售后主管是…", "总之…") is not a duty
            parent = stack[-1] if stack and stack[-1].text.rstrip().endswith((":", "：")) else label_group
            for sentence, span in _sentences(piece):
                add(Entry(text=sentence, span=span, pieces=[piece]), parent)

    duties, headers = _flatten(roots, marker_names)
    for entry in headers:
        used.difference_update(id(p) for p in entry.pieces)
    return DutyResult(duties=duties, used=used, rules=rules)


def _is_list_mode(tagged: Tagged, lexicon: Lexicon) -> bool:
    """A duty section written as a numbered list: its unlabelled lines are prose around the
    list, not duties. Flattened tables (职责N markers, table rows) are not lists in this sense."""
    items = 0
    for section, piece in tagged:
        if section != "duties":
            continue
        if piece.kind == Kind.TEXT and CATEGORY_MARKER.fullmatch(piece.text.strip()):
            return False
        if piece.source == "table":
            return False
        if piece.kind == Kind.ITEM and piece.marker is not None and not RULE.search(piece.text):
            items += 1
    return items >= 2


def _marker_number(text: str) -> int | None:
    tail = text[2:]
    return int(tail) if tail.isdigit() else cn_to_int(tail)


def _resolve_pending(pending: list[Entry], number: int | None) -> None:
    if number is None:
        return
    for entry in pending:
        if entry.group_marker is None and number > 1:
            entry.group_marker = number - 1


def _place(entry: Entry, stack: list[Entry], label_group: Entry | None) -> Entry | None:
    """Find the parent of ``entry`` in the outline and push it."""
    if entry.level is not None and entry.marker is not None and entry.marker.style == "word":
        while stack and (stack[-1].level or 0) >= entry.level:
            stack.pop()
    elif entry.level is not None:
        while stack and stack[-1].level is not None and stack[-1].level >= entry.level:
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
    parent = stack[-1] if stack else label_group
    stack.append(entry)
    return parent


# Usual nesting of Chinese outline labels, outermost first. Styles not listed (bullets,
# unlabelled lines) rank lowest, so they nest under anything.
RANKS = {"article": 1, "cn": 2, "cn_paren": 3, "subgroup": 3.5, "dec_multi": 4, "dec": 4, "paren": 5,
         "dec_rparen": 5, "circle": 6}


def _rank(key: tuple | None) -> float:
    if not key:
        return 9
    style, depth = key[0], key[1] if len(key) > 1 and isinstance(key[1], int) else 0
    return RANKS.get(style, 8) + (depth * 0.1 if style == "dec_multi" else 0)


def _is_subgroup(piece: Piece, following: Piece | None) -> bool:
    """"居民维修网格长" alone on a line, then "1. …": a group name over a numbered list."""
    text = piece.text.strip()
    if piece.kind != Kind.TEXT or not 2 <= len(text) <= 16 or re.search(r"[,，。;；:：!?！？]", text):
        return False
    if piece.source == "heading_block":
        return True  # "### 运营方向" over a list of bullets
    return (piece.line_start and following is not None and following.kind == Kind.ITEM
            and following.marker is not None and following.marker.ordinal == 1)


def _ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in SENTENCE_END + "。"


def _continues(last: Entry, piece: Piece, lexicon: Lexicon) -> bool:
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


SENTENCE_BOUNDARY = re.compile(r"(?<=[。!?！？])")
BULLET_BOUNDARY = re.compile(r"(?<=[。!?！？])|\s+")


def _sentences(piece: Piece) -> list[tuple[str, Span]]:
    """Unlabelled run-on text: one duty per sentence; in a long run-on line (slides) also one
    per whitespace-separated bullet."""
    text = piece.text
    run_on = len(text) > 80 or len(re.findall(r"[。!?！？]", text)) >= 2
    boundary = BULLET_BOUNDARY if run_on else SENTENCE_BOUNDARY
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
    base = piece.span
    return [(text[s:e].strip(), base.model_copy(update={"start": base.start + s, "end": base.start + e}))
            for s, e in merged]


def _category_text(entry: Entry) -> str | None:
    text = clean_item(entry.text).rstrip(":：").strip()
    text = re.sub(r"^职责[一二三四五六七八九十\d]*[:：]?", "", text).strip() or text
    return text if 0 < len(text) <= MAX_CATEGORY else (text.split(":")[0][:MAX_CATEGORY] if text else None)


def _flatten(roots: list[Entry], marker_names: dict[int, str]) -> tuple[list[Duty], list[Entry]]:
    """Duties from the outline, and the childless group headers ("日常工作考核:") that are none."""
    duties: list[Duty] = []
    headers: list[Entry] = []

    def walk(entry: Entry, category: str | None) -> None:
        if entry.children:
            own = _category_text(entry)
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
        m = FREQ_TAIL.search(text)
        if m and freq is None:
            freq, text = m.group(1), text[: m.start()].rstrip()
        duties.append(Duty(text=text, category=cat, frequency=freq, metrics=entry.metrics, span=entry.span))

    for root in roots:
        walk(root, None)
    return duties, headers
