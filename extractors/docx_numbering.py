"""Word automatic numbering: ``numbering.xml`` definitions and the running counters.

Word never writes list labels such as ``一、``, ``1.`` or ``（1）`` into the paragraph text;
it computes them while laying out the document from ``w:numPr`` (on the paragraph or its
style), the ``w:num`` instance and its ``w:abstractNum`` levels. A reader that skips this
loses exactly the structure a 岗位说明书 is built from, so the rules here follow Word:

* counters belong to the *abstract* definition (after ``w:numStyleLink`` indirection), so
  several ``w:num`` instances of one abstractNum continue one sequence (ECMA-376 §17.9,
  and what Word shows when a list is split over numIds);
* a ``w:num`` whose ``w:lvlOverride`` carries ``w:startOverride`` restarts the shared
  sequence at the override the first time that instance is used ("Restart numbering" in
  Word creates exactly such an instance);
* using a level resets the deeper levels unless their ``w:lvlRestart`` says otherwise;
* ``%n`` in ``w:lvlText`` is level n's counter in level n's own format (decimal when the
  current level is ``w:isLgl``); a level never used yet shows its start value.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from lxml import etree

logger = logging.getLogger(__name__)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "{" + W_NS + "}"
W_VAL = W + "val"

MAX_LEVELS = 9

# Word stores bullet glyphs of the Symbol/Wingdings fonts as private-use code points
# (U+F0xx) or as plain ASCII shown in that font; neither means anything as text.
SYMBOL_FONTS = ("symbol", "wingdings", "webdings")
BULLET = "•"

_PLACEHOLDER = re.compile(r"%([1-9])")
_MAX_FORMATTED = 32767  # the largest start value Word accepts for a list level


# --------------------------------------------------------------------------- formats

_CN_DIGITS = "〇一二三四五六七八九"
_CN_DIGITS_ZERO = "零一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_TW_LEGAL_UNITS = ("", "拾", "佰", "仟")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def _roman(n: int) -> str:
    out: list[str] = []
    for value, glyph in _ROMAN:
        count, n = divmod(n, value)
        out.append(glyph * count)
    return "".join(out)


def _letters(n: int, alphabet: str) -> str:
    # Word repeats the letter past Z (AA, BB, ...), it does not count in base 26.
    repeats, index = divmod(n - 1, len(alphabet))
    return alphabet[index] * (repeats + 1)


def _grouped_below_10000(n: int, digits: str, units: tuple[str, ...], zero: str) -> str:
    """1..9999 with place units (一千零一, 三百二十); ``zero`` marks skipped places."""
    text = ""
    pending_zero = False
    for place in range(3, -1, -1):
        digit = (n // 10**place) % 10
        if digit == 0:
            if text:
                pending_zero = True
            continue
        if pending_zero:
            text += zero
            pending_zero = False
        text += digits[digit] + units[place]
    return text


def _grouped(n: int, digits: str, units: tuple[str, ...], zero: str, ten: str, big: str) -> str:
    """Myriad-grouped counting; 10..19 are written 十, 十一 ... like Word does."""
    if n <= 0:
        return str(n)
    high, low = divmod(n, 10_000)
    if high >= 10_000:  # beyond any list a document really has
        return str(n)
    text = ""
    if high:
        text = _grouped_below_10000(high, digits, units, zero) + big
        if low and low < 1000:
            text += zero
    if low:
        text += _grouped_below_10000(low, digits, units, zero)
    if not high and 10 <= n < 20 and ten:
        text = ten + text[2:]  # "一十一" -> "十一"
    return text


def _chinese_counting(n: int) -> str:
    """chineseCounting: 一…十, 十一…九十九, then digit by digit (一〇一) at 100 and above."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "十" if tens == 1 else _CN_DIGITS[tens] + "十"
        return head + (_CN_DIGITS[ones] if ones else "")
    return "".join(_CN_DIGITS[int(d)] for d in str(n))


def _japanese_counting(n: int) -> str:
    # Japanese writes no 一 before 十, 百 and 千 (十一, 百十一, 二千百) and no zero marker.
    return re.sub("一(?=[十百千])", "", _grouped(n, _CN_DIGITS_ZERO, _CN_UNITS, "", "", "万"))


def _enclosed(n: int, first: int, size: int) -> str:
    return chr(first + n - 1) if 1 <= n <= size else str(n)


def _positional(n: int, digits: str) -> str:
    return "".join(digits[int(d)] for d in str(n))


def _cycle(n: int, glyphs: str) -> str:
    return glyphs[(n - 1) % len(glyphs)] if n >= 1 else str(n)


_FORMATTERS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: _positional(n, "０１２３４５６７８９"),
    "decimalFullWidth2": lambda n: _positional(n, "０１２３４５６７８９"),
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3280, 10),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz") if n >= 1 else str(n),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") if n >= 1 else str(n),
    "lowerRoman": lambda n: _roman(n).lower() if n >= 1 else str(n),
    "upperRoman": lambda n: _roman(n) if n >= 1 else str(n),
    "chineseCounting": _chinese_counting,
    "taiwaneseCounting": _chinese_counting,
    "chineseCountingThousand": lambda n: _grouped(n, _CN_DIGITS_ZERO, _CN_UNITS, "零", "十", "万"),
    "taiwaneseCountingThousand": lambda n: _grouped(n, _CN_DIGITS_ZERO, _CN_UNITS, "零", "十", "萬"),
    "chineseLegalSimplified": lambda n: _grouped(n, _CN_LEGAL_DIGITS, _CN_LEGAL_UNITS, "零", "", "万"),
    "ideographLegalTraditional": lambda n: _grouped(n, _TW_LEGAL_DIGITS, _TW_LEGAL_UNITS, "零", "", "萬"),
    "ideographDigital": lambda n: _positional(n, _CN_DIGITS),
    "taiwaneseDigital": lambda n: _positional(n, _CN_DIGITS),
    "japaneseCounting": _japanese_counting,
    "ideographTraditional": lambda n: _cycle(n, _HEAVENLY_STEMS),
    "ideographZodiac": lambda n: _cycle(n, _EARTHLY_BRANCHES),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word number format ``fmt``; unknown formats fall back to decimal."""
    if fmt == "bullet":
        return ""
    formatter = _FORMATTERS.get(fmt)
    if formatter is None:
        return str(n)
    if (n <= 0 or n > _MAX_FORMATTED) and fmt not in ("decimal", "decimalZero", "none"):
        # Word's own limit; also keeps a hostile w:start="10**9" from spelling out a billion
        # Roman numerals or letters.
        return str(n)
    return formatter(n)


def bullet_text(text: str, font: str | None) -> str:
    """A bullet level's ``lvlText`` as a readable glyph.

    Private-use code points and ASCII drawn in a symbol font are font glyph indexes, not
    characters, so they all become "•"; real Unicode bullets (●, ◆, ➢) are kept.
    """
    if not text:
        return ""
    in_symbol_font = bool(font and font.lower().startswith(SYMBOL_FONTS))
    if in_symbol_font or any(0xE000 <= ord(ch) <= 0xF8FF for ch in text):
        return BULLET
    return text


# --------------------------------------------------------------------------- definitions


def _opt_int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        try:  # some writers emit "1.0"
            return int(float(value))
        except (ValueError, OverflowError):
            return None


def _int(value: str | None, default: int) -> int:
    number = _opt_int(value)
    return default if number is None else number


def _val(parent: etree._Element, tag: str) -> str | None:
    child = parent.find(tag)
    return None if child is None else child.get(W_VAL)


@dataclass(frozen=True)
class LevelDef:
    """One ``w:lvl``: how a list level counts and what its label looks like."""

    ilvl: int
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # None: restart after any higher level; 0: never
    is_legal: bool = False
    pstyle: str | None = None
    font: str | None = None


def _num_fmt(lvl: etree._Element, num_fmt: etree._Element | None) -> str:
    fmt = None if num_fmt is None else num_fmt.get(W_VAL)
    if fmt is not None:
        return fmt
    # Word 2010+ writes custom formats ("01, 02, 03, ...") as mc:AlternateContent with a
    # plain numFmt in the Fallback; the fallback is the closest standard format.
    for alt in lvl.iter("{" + MC_NS + "}AlternateContent"):
        for branch in alt:
            nf = branch.find(W + "numFmt")
            if nf is None:
                continue
            custom = nf.get(W + "format") or ""
            if nf.get(W_VAL) == "custom" and custom.startswith("0"):
                return "decimalZero"
            if nf.get(W_VAL) not in (None, "custom"):
                return nf.get(W_VAL) or "decimal"
    return "decimal"


def _first_children(parent: etree._Element) -> dict[object, etree._Element]:
    """Each tag's first child, in one pass: what ``parent.find(tag)`` gives for every tag
    (lxml's find goes through its Python ElementPath; nine levels of eight lookups each cost
    more than the rest of a card's numbering)."""
    first: dict[object, etree._Element] = {}
    for child in parent:
        first.setdefault(child.tag, child)
    return first


_LVL_TEXT, _LVL_RESTART, _RPR, _IS_LGL, _START, _NUM_FMT, _PSTYLE = (
    W + "lvlText", W + "lvlRestart", W + "rPr", W + "isLgl", W + "start", W + "numFmt", W + "pStyle")


def parse_level(lvl: etree._Element) -> LevelDef:
    children = _first_children(lvl)
    ilvl = _int(lvl.get(W + "ilvl"), 0)
    lvl_text = children.get(_LVL_TEXT)
    text = None if lvl_text is None else (lvl_text.get(W_VAL) or "")
    restart_el = children.get(_LVL_RESTART)
    font = None
    rpr = children.get(_RPR)
    if rpr is not None:
        fonts = rpr.find(W + "rFonts")
        if fonts is not None:
            font = fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or fonts.get(W + "eastAsia")
    is_lgl = children.get(_IS_LGL)
    start = children.get(_START)
    pstyle = children.get(_PSTYLE)
    return LevelDef(
        ilvl=ilvl,
        start=_int(None if start is None else start.get(W_VAL), 1),
        fmt=_num_fmt(lvl, children.get(_NUM_FMT)),
        text=text,
        restart=None if restart_el is None else _opt_int(restart_el.get(W_VAL)),
        is_legal=is_lgl is not None and is_lgl.get(W_VAL) not in ("0", "false", "off"),
        pstyle=None if pstyle is None else pstyle.get(W_VAL),
        font=font,
    )


@dataclass
class NumDef:
    """A ``w:num`` instance: its abstract definition plus per-level overrides."""

    num_id: str
    abstract_id: str | None
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, LevelDef] = field(default_factory=dict)


class AbstractDef:
    """A ``w:abstractNum``; each level is parsed when first used (a list of one level, as in most
    forms, never parses the other eight)."""

    def __init__(self, abstract_id: str, element: etree._Element) -> None:
        self.abstract_id = abstract_id
        self.num_style_link = _val(element, W + "numStyleLink")
        self._element = element
        self._elements: dict[int, etree._Element] | None = None  # ilvl -> its first w:lvl
        self._parsed: dict[int, LevelDef] = {}

    def level(self, ilvl: int) -> LevelDef | None:
        level = self._parsed.get(ilvl)
        if level is None:
            element = self.level_elements().get(ilvl)
            if element is None:
                return None
            level = self._parsed[ilvl] = parse_level(element)
        return level

    def level_elements(self) -> dict[int, etree._Element]:
        """The first ``w:lvl`` of each level 0-8, in the order they are written."""
        if self._elements is None:
            elements: dict[int, etree._Element] = {}
            for lvl in self._element.iter(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0)  # as parse_level reads it
                if 0 <= ilvl < MAX_LEVELS:
                    elements.setdefault(ilvl, lvl)
            self._elements = elements
        return self._elements


class Levels(Mapping[int, LevelDef]):
    """The levels of a ``w:num``: its abstract definition's, each parsed when first asked for,
    with the num's overrides in their place."""

    def __init__(self, abstract: AbstractDef, overrides: dict[int, LevelDef]) -> None:
        self._abstract = abstract
        self._overrides = overrides

    def __getitem__(self, ilvl: int) -> LevelDef:
        level = self._overrides.get(ilvl)
        if level is None:
            level = self._abstract.level(ilvl)
            if level is None:
                raise KeyError(ilvl)
        return level

    def __iter__(self) -> Iterator[int]:
        # as dict(abstract levels).update(overrides) orders them
        return iter(dict.fromkeys([*self._abstract.level_elements(), *self._overrides]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*self._abstract.level_elements(), *self._overrides]))


class NumberingDefinitions:
    """Lookups over ``numbering.xml``; resolution results are cached per document."""

    def __init__(
        self,
        root: etree._Element | None,
        style_num_ids: Mapping[str, str] | None = None,
    ) -> None:
        self._nums: dict[str, NumDef] = {}
        self._abstracts: dict[str, AbstractDef] = {}
        # numbering-style id -> numId, to follow w:numStyleLink to the real levels
        self._style_num_ids = dict(style_num_ids or {})
        self._resolved: dict[str, tuple[str, Levels] | None] = {}
        if root is not None:
            self._parse(root)

    def _parse(self, root: etree._Element) -> None:
        for child in root:
            if child.tag == W + "abstractNum":
                abstract_id = child.get(W + "abstractNumId")
                if abstract_id is not None:
                    self._abstracts[abstract_id] = AbstractDef(abstract_id, child)
            elif child.tag == W + "num":
                num_id = child.get(W + "numId")
                if num_id is None:
                    continue
                num = NumDef(num_id, _val(child, W + "abstractNumId"))
                for override in child.findall(W + "lvlOverride"):
                    ilvl = _int(override.get(W + "ilvl"), 0)
                    start = _opt_int(_val(override, W + "startOverride"))
                    if start is not None:
                        num.start_overrides[ilvl] = start
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        level = parse_level(lvl)
                        num.level_overrides[ilvl] = replace(level, ilvl=ilvl)
                        if lvl.find(W + "start") is not None and ilvl not in num.start_overrides:
                            num.start_overrides[ilvl] = level.start
                self._nums[num_id] = num

    def has_num(self, num_id: str) -> bool:
        return num_id in self._nums

    def num(self, num_id: str) -> NumDef | None:
        return self._nums.get(num_id)

    def resolve(self, num_id: str) -> tuple[str, Levels] | None:
        """(counter key, levels) for a numId, following numStyleLink; None if undefined."""
        if num_id in self._resolved:
            return self._resolved[num_id]
        result = None
        num = self._nums.get(num_id)
        if num is not None and num.abstract_id is not None:
            abstract = self._follow_style_links(num.abstract_id)
            if abstract is not None:
                result = (abstract.abstract_id, Levels(abstract, num.level_overrides))
        self._resolved[num_id] = result
        return result

    def _follow_style_links(self, abstract_id: str) -> AbstractDef | None:
        seen: set[str] = set()
        abstract = self._abstracts.get(abstract_id)
        # A chain longer than a few links is a loop in a damaged file; stop at the last
        # definition that has levels of its own.
        while abstract is not None and abstract.num_style_link and abstract.abstract_id not in seen:
            seen.add(abstract.abstract_id)
            linked_num = self._nums.get(self._style_num_ids.get(abstract.num_style_link, ""))
            target = self._abstracts.get(linked_num.abstract_id or "") if linked_num else None
            if target is None:
                logger.debug("numStyleLink %r of abstractNum %s leads nowhere", abstract.num_style_link, abstract_id)
                break
            abstract = target
        return abstract

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The ilvl whose ``w:pStyle`` names ``style_id`` (style-attached lists omit ilvl)."""
        resolved = self.resolve(num_id)
        if resolved is None:
            return None
        for ilvl, level in sorted(resolved[1].items()):
            if level.pstyle == style_id:
                return ilvl
        return None


# --------------------------------------------------------------------------- counters


@dataclass
class _ListState:
    values: list[int | None] = field(default_factory=lambda: [None] * MAX_LEVELS)
    pending_start: list[int | None] = field(default_factory=lambda: [None] * MAX_LEVELS)


class NumberingCounters:
    """Running counters of one story (the body, or one header/footer)."""

    def __init__(self, definitions: NumberingDefinitions) -> None:
        self._defs = definitions
        self._lists: dict[str, _ListState] = {}
        self._nums_seen: set[str] = set()

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counters for one numbered paragraph and return its label.

        None when the level shows nothing (format ``none``, empty ``lvlText``) or the numId
        is not defined (Word then shows no number at all; check with ``resolve`` first).
        """
        resolved = self._defs.resolve(num_id)
        if resolved is None:
            return None
        key, levels = resolved
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        state = self._lists.setdefault(key, _ListState())
        if num_id not in self._nums_seen:
            self._nums_seen.add(num_id)
            num = self._defs.num(num_id)
            for overridden, start in (num.start_overrides.items() if num else ()):
                if 0 <= overridden < MAX_LEVELS:
                    state.values[overridden] = None
                    state.pending_start[overridden] = start
        level = levels.get(ilvl) or LevelDef(ilvl=ilvl)
        value = self._next_value(state, level)
        state.values[ilvl] = value
        state.pending_start[ilvl] = None
        self._reset_deeper(state, levels, ilvl)
        return self._label(state, levels, level)

    @staticmethod
    def _next_value(state: _ListState, level: LevelDef) -> int:
        current = state.values[level.ilvl]
        if current is not None:
            return current + 1
        pending = state.pending_start[level.ilvl]
        return level.start if pending is None else pending

    @staticmethod
    def _reset_deeper(state: _ListState, levels: Mapping[int, LevelDef], used: int) -> None:
        for deeper in range(used + 1, MAX_LEVELS):
            if state.values[deeper] is None:
                continue  # nothing to reset: its definition need not be read
            level = levels.get(deeper)
            restart = None if level is None else level.restart
            # lvlRestart is 1-based: "restart after level r" means after ilvl r-1 or above.
            if restart is None or (restart > 0 and used <= restart - 1):
                state.values[deeper] = None

    @staticmethod
    def _shown(state: _ListState, levels: Mapping[int, LevelDef], ilvl: int) -> int:
        if state.values[ilvl] is not None:
            return state.values[ilvl]  # type: ignore[return-value]
        pending = state.pending_start[ilvl]
        if pending is not None:
            return pending
        level = levels.get(ilvl)
        return level.start if level else 1

    def _label(self, state: _ListState, levels: Mapping[int, LevelDef], level: LevelDef) -> str | None:
        if level.text is None:
            # No lvlText at all: Word shows the bare number of this level.
            template = "" if level.fmt in ("bullet", "none") else f"%{level.ilvl + 1}"
        else:
            template = level.text
        if level.fmt == "bullet":
            label = bullet_text(template, level.font)
            return label or None

        def substitute(match: re.Match[str]) -> str:
            ref = int(match.group(1)) - 1
            ref_level = levels.get(ref)
            fmt = ref_level.fmt if ref_level else "decimal"
            if level.is_legal and fmt not in ("none", "bullet"):
                fmt = "decimal"
            return format_number(self._shown(state, levels, ref), fmt)

        label = _PLACEHOLDER.sub(substitute, template)
        if any(0xE000 <= ord(ch) <= 0xF8FF for ch in label):
            label = "".join(BULLET if 0xE000 <= ord(ch) <= 0xF8FF else ch for ch in label)
        label = label.strip()
        return label or None
