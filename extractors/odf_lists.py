"""OpenDocument list numbering: list styles and the running counters that label list items.

Like Word, an ODF editor never writes a list label into the text: ``<text:list>`` names a
list style whose ``text:list-level-style-number`` levels give the format (``style:num-format``),
the text around the number (``style:num-prefix``/``num-suffix``, so ``（一）`` is prefix ``（``,
format ``一, 二, 三, ...``, suffix ``）``), the start value and how many upper levels are shown
(``text:display-levels``: ``1.2.``). The label is computed here the way LibreOffice shows it
(ODF 1.2 part 1, §5.3 lists, §16.31 list styles, §19.340 ``style:num-format``):

* a list's nesting depth is its level; the first paragraph of a ``text:list-item`` is numbered,
  a ``text:list-header`` and an item's later paragraphs are not;
* a list restarts at its level's start value unless it continues another one:
  ``text:continue-list`` names the list (by ``xml:id``) it continues, ``text:continue-numbering``
  continues the last list of the same style; nested lists count in their top list's counters;
* using a level resets the deeper ones; ``text:start-value`` on an item sets its number;
* headings outside lists are numbered by the document's outline style (``text:outline-style``),
  which LibreOffice leaves unnumbered unless chapter numbering is switched on.

Number formats: ODF names ``1 a A i I`` and an empty format (no number); the CJK formats are
spelled as LibreOffice writes them (``一, 二, 三, ...``) and rendered by the Word formatter of
:mod:`.docx_numbering`, so an ``（一）`` reads the same from .odt as from .docx. An unknown
format reads as decimal: the counter, never an invented glyph.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from lxml import etree

from .docx_numbering import bullet_text, format_number

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

T_LIST_STYLE, T_OUTLINE_STYLE = TEXT + "list-style", TEXT + "outline-style"
T_LEVEL_NUMBER, T_LEVEL_BULLET, T_OUTLINE_LEVEL_STYLE = (
    TEXT + "list-level-style-number", TEXT + "list-level-style-bullet", TEXT + "outline-level-style")
T_LEVEL, T_START_VALUE, T_DISPLAY_LEVELS, T_BULLET_CHAR = (
    TEXT + "level", TEXT + "start-value", TEXT + "display-levels", TEXT + "bullet-char")
T_CONTINUE_LIST, T_CONTINUE_NUMBERING = TEXT + "continue-list", TEXT + "continue-numbering"
S_NAME, S_NUM_FORMAT, S_NUM_PREFIX, S_NUM_SUFFIX = (
    STYLE + "name", STYLE + "num-format", STYLE + "num-prefix", STYLE + "num-suffix")

# ODF allows 10 list levels; deeper lists are labelled as the tenth.
MAX_LEVELS = 10

# style:num-format -> the Word number format of docx_numbering that renders it.
ODF_FORMATS: dict[str, str] = {
    "1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman", "": "none",
    "一, 二, 三, ...": "chineseCountingThousand", "壹, 贰, 叁, ...": "chineseLegalSimplified",
    "壹, 貳, 參, ...": "ideographLegalTraditional", "甲, 乙, 丙, ...": "ideographTraditional",
    "子, 丑, 寅, ...": "ideographZodiac", "①, ②, ③, ...": "decimalEnclosedCircle",
    "１, ２, ３, ...": "decimalFullWidth",
}


@dataclass(frozen=True)
class LevelStyle:
    """One level of a list or outline style. ``fmt`` is a Word format name; None for a bullet."""

    fmt: str | None = "decimal"
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    display_levels: int = 1
    bullet: str = ""


Levels = Mapping[int, LevelStyle]


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def parse_levels(style: etree._Element) -> dict[int, LevelStyle]:
    """The levels (0-based) of a ``text:list-style`` or ``text:outline-style`` element.
    Image bullets and levels without a level number show no label and are left out."""
    levels: dict[int, LevelStyle] = {}
    for el in style:
        tag = el.tag
        level = _int(el.get(T_LEVEL), 0) - 1
        if not 0 <= level < MAX_LEVELS:
            continue
        prefix, suffix = el.get(S_NUM_PREFIX) or "", el.get(S_NUM_SUFFIX) or ""
        if tag == T_LEVEL_NUMBER or tag == T_OUTLINE_LEVEL_STYLE:
            levels[level] = LevelStyle(
                fmt=ODF_FORMATS.get(el.get(S_NUM_FORMAT) or "", "decimal"), prefix=prefix, suffix=suffix,
                start=_int(el.get(T_START_VALUE), 1),
                display_levels=min(max(_int(el.get(T_DISPLAY_LEVELS), 1), 1), MAX_LEVELS))
        elif tag == T_LEVEL_BULLET:
            levels[level] = LevelStyle(fmt=None, prefix=prefix, suffix=suffix,
                                       bullet=bullet_text(el.get(T_BULLET_CHAR) or "", None))
    return levels


def list_styles(containers: Iterable[etree._Element | None]) -> dict[str, dict[int, LevelStyle]]:
    """Every ``text:list-style`` of the style containers given (later ones win), by name."""
    styles: dict[str, dict[int, LevelStyle]] = {}
    for container in containers:
        if container is not None:
            for style in container.iterchildren(T_LIST_STYLE):
                styles[style.get(S_NAME) or ""] = parse_levels(style)
    return styles


def outline_style(container: etree._Element | None) -> tuple[str | None, dict[int, LevelStyle]]:
    """The name and levels of the document's outline style (heading numbering); no levels
    without one. A ``text:list`` may name it like a list style (headings in a list)."""
    style = container.find(T_OUTLINE_STYLE) if container is not None else None
    return (style.get(S_NAME), parse_levels(style)) if style is not None else (None, {})


@dataclass
class ListCounter:
    """The counters of one list (or of the outline): the last number used on each level."""

    values: list[int | None] = field(default_factory=lambda: [None] * MAX_LEVELS)

    def next_label(self, levels: Levels, level: int, start: int | None = None) -> str | None:
        """Count one numbered paragraph on ``level`` (0-based) and return its label, None
        when the level shows nothing. ``start`` is the item's own ``text:start-value``."""
        level = min(max(level, 0), MAX_LEVELS - 1)
        style = levels.get(level, LevelStyle())
        if style.fmt is not None:
            current = self.values[level]
            self.values[level] = start if start is not None else (style.start if current is None else current + 1)
        for deeper in range(level + 1, MAX_LEVELS):
            self.values[deeper] = None
        if style.fmt is None:
            text = style.bullet
        else:
            first = max(level - style.display_levels + 1, 0)
            text = ".".join(filter(None, (self._shown(levels, upper) for upper in range(first, level + 1))))
        return (style.prefix + text + style.suffix).strip() or None

    def _shown(self, levels: Levels, level: int) -> str:
        style = levels.get(level, LevelStyle())
        if style.fmt is None:
            return ""
        value = self.values[level]
        return format_number(style.start if value is None else value, style.fmt)


class ListChains:
    """Which counters a ``text:list`` counts in: its own, or those of the list it continues."""

    def __init__(self) -> None:
        self._by_id: dict[str, ListCounter] = {}
        self._last_by_style: dict[str, ListCounter] = {}

    def open(self, lst: etree._Element, style: str | None) -> ListCounter:
        continued = lst.get(T_CONTINUE_LIST)
        counter: ListCounter | None = None
        if continued is not None:
            counter = self._by_id.get(continued)
        elif lst.get(T_CONTINUE_NUMBERING) == "true":
            counter = self._last_by_style.get(style or "")
        if counter is None:
            counter = ListCounter()
        list_id = lst.get(XML_ID)
        if list_id is not None:
            self._by_id[list_id] = counter
        self._last_by_style[style or ""] = counter
        return counter
