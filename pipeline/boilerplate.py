"""Recognise document-site furniture: download notices, copyright blurbs, related-document
lists, comment boxes, template closers.

Furniture is moved out of the body (into ``Document.furniture``, style ``boilerplate``)
rather than deleted, so nothing disappears without a trace; the first body block after it
is marked ``follows_furniture`` because on doc-site pages the text on either side of a
notice often belongs to different documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..schemas.document import Block, BlockKind
from .lexicon import Lexicon

LONG_LINE = 200
# A trailer heading may carry a count: "文档评论(0)".
TRAILER_COUNT = re.compile(r"\(\d*\)$")
LIST_DASH = re.compile(r"^[-•·]\s*")
# A table-of-contents entry: text, a tab or a dotted leader, a page number.
TOC_ENTRY = re.compile(r"\S.*?(?:\t+|\s*[.．·…]{3,}\s*|\s{2,})\d{1,4}$")
TOC_RUN = 3


def phrase_hits(text: str, lexicon: Lexicon) -> int:
    low = text.lower()
    hits = sum(1 for p in lexicon.boilerplate_phrases if p in low)
    hits += sum(1 for p in lexicon.boilerplate_patterns if p.search(text))
    return hits


def is_boilerplate_line(text: str, lexicon: Lexicon) -> bool:
    hits = phrase_hits(text, lexicon)
    if hits == 0:
        return False
    # A long run-on line of real content can mention a site once ("…收益归属…"); a
    # notice is short, or long and saturated with site phrases.
    return len(text) <= LONG_LINE or hits >= 3


def is_closer(text: str, lexicon: Lexicon) -> bool:
    """Template sentences like "以上岗位说明仅供参考，具体要求可根据公司实际情况进行调整。"."""
    if len(text) > 90 or not text.startswith(tuple(lexicon.data.boilerplate.closer_starts)):
        return False
    return any(c in text for c in lexicon.closers)


def is_trailer(text: str, lexicon: Lexicon) -> bool:
    return TRAILER_COUNT.sub("", LIST_DASH.sub("", text)).strip() in lexicon.trailers


def starts_with_section(text: str, lexicon: Lexicon) -> bool:
    label = lexicon.numbering.pattern.match(text.lstrip())
    rest = text.lstrip()[label.end():] if label else text
    m = lexicon.heading_re.match(rest.lstrip())
    return m is not None and len(m.group()) >= 4


def toc_blocks(blocks: list[Block]) -> set[int]:
    """Indexes of runs of table-of-contents entries (three or more in a row)."""
    out: set[int] = set()
    run: list[int] = []
    for i, block in enumerate(blocks + [Block(index=-1, kind=BlockKind.PARAGRAPH, text="")]):
        if block.kind != BlockKind.TABLE and TOC_ENTRY.fullmatch(block.text.strip()):
            run.append(i)
            continue
        if len(run) >= TOC_RUN:
            out.update(run)
        run = []
    return out


def classify_boilerplate(blocks: list[Block], lexicon: Lexicon,
                         fold: Callable[[str], str] = lambda t: t) -> tuple[list[Block], list[Block]]:
    """Split ``blocks`` (display form) into body and furniture; matching reads ``fold(text)``."""
    toc = toc_blocks(blocks)
    kept: list[Block] = []
    removed: list[Block] = []
    in_trailer = False
    after_removed = False
    for i, block in enumerate(blocks):
        text = fold(block.text)
        site = closer = False
        if (block.style or "").lower().startswith("toc") or i in toc:
            # A table of contents lists every role title once more; it is furniture, and
            # does not cut the page the way a site notice does.
            removed.append(block)
            continue
        if block.kind != BlockKind.TABLE:
            if in_trailer and starts_with_section(text, lexicon):
                in_trailer = False
            if is_trailer(text, lexicon):
                in_trailer = True
            site = in_trailer or is_boilerplate_line(text, lexicon)
            closer = not site and is_closer(text, lexicon)
        if site or closer:
            removed.append(block)
            # A closer ends its own template; only a site notice cuts a page in two.
            after_removed = after_removed or site
            continue
        kept.append(block.model_copy(update={"follows_furniture": True}) if after_removed else block)
        after_removed = False
    return kept, removed
