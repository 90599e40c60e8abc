"""A regex for "any of these phrases", written as a trie so matching it is cheap.

The lexicon's vocabulary reaches the matchers as alternations of hundreds of literal phrases
(every section heading, every label). CPython's regex engine tries the alternatives of
``a|b|c…`` one after another at every place of the text, so a plain alternation of ~400
phrases costs ~1 µs per character scanned, and ~5× that when it ignores case (every
comparison then folds case). Written as a trie (``岗位(?:名称|职责)?…``) the engine follows
one branch per character instead; the set of strings matched, and which one is matched
first, stay those of the plain alternation, longest phrase first:

* at one place of the text, every phrase that matches is a prefix of the text there, so
  the matching phrases lie on one path of the trie; trying a longer continuation before
  stopping (a greedy ``(?:…)?``) finds them longest first, as the longest-first alternation
  does — also when a larger pattern backtracks into the group;
* that holds only while no character of the text can enter two branches of one node. For
  ``ignore_case`` the trie is built over folded characters, each written as a class of its
  spellings (``[Kk]``); a case-sensitive trie whose branches differ only in case (``K…`` and
  ``k…``, which a caller's ``re.IGNORECASE`` would let one letter enter both) falls back to the
  plain alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from . import kept_alternations

NOTHING = "(?!)"  # an empty list of phrases matches nothing


class _Node:
    __slots__ = ("end", "kids")

    def __init__(self) -> None:
        self.end = False
        self.kids: dict[str, tuple[set[str], _Node]] = {}  # key -> (spellings, child)


def alternation(phrases: Iterable[str], *, ignore_case: bool = False) -> str:
    """A regex matching any of ``phrases``, the longest first where several match at one place.

    With ``ignore_case`` the regex itself ignores the case of letters: compile it without
    ``re.IGNORECASE``, which would make the engine fold every character it compares.
    """
    return _alternation(frozenset(phrases), ignore_case)


@lru_cache(maxsize=512)
def _alternation(unique: frozenset[str], ignore_case: bool) -> str:
    # Cached: matchers built per call (a suffix after a heading, a company name in a blurb)
    # ask for the same vocabulary again and again, and a trie costs more to build than a join;
    # and kept between runs (:mod:`.kept_alternations`): ~30 ms of a cold conversion.
    if not unique:
        return NOTHING
    digest = kept_alternations.key(unique, ignore_case)
    source = kept_alternations.kept(digest)
    if source is None:
        source = _written(unique, ignore_case)
        kept_alternations.remember(digest, source)
    return source


def _written(unique: frozenset[str], ignore_case: bool) -> str:
    root = _trie(unique, ignore_case)
    if not ignore_case and _case_collides(root):
        return _plain(unique)
    return _emit(root, ignore_case, first=True)


def _plain(phrases: frozenset[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


def _trie(phrases: frozenset[str], ignore_case: bool) -> _Node:
    root = _Node()
    for phrase in phrases:
        node = root
        for ch in phrase:
            key = ch.lower() if ignore_case and len(ch.lower()) == 1 else ch
            if key not in node.kids:
                node.kids[key] = (set(), _Node())
            spellings, node = node.kids[key]
            spellings.add(ch)
        node.end = True
    return root


def _folds(ch: str) -> set[str]:
    return {f for f in (ch.lower(), ch.upper(), ch.casefold()) if len(f) == 1} | {ch}


def _case_collides(node: _Node) -> bool:
    seen: set[str] = set()
    for key in node.kids:
        folds = _folds(key)
        if folds & seen:
            return True
        seen |= folds
    return any(_case_collides(child) for _s, child in node.kids.values())


def _char(spellings: set[str], ignore_case: bool) -> str:
    chars = set().union(*(_folds(c) for c in spellings)) if ignore_case else spellings
    if len(chars) == 1:
        return re.escape(next(iter(chars)))
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _emit(node: _Node, ignore_case: bool, first: bool = False) -> str:
    branches = [_char(spellings, ignore_case) + _emit(child, ignore_case)
                for _key, (spellings, child) in sorted(node.kids.items())]
    if first and ignore_case:
        branches = _literal_first(node)
    if not branches:
        return ""
    if len(branches) > 1:
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if node.end else body
    return f"(?:{branches[0]})?" if node.end else branches[0]


def _literal_first(root: _Node) -> list[str]:
    """The root's branches of a case-folded trie, one per spelling of its first character
    (``A(?:…)|a(?:…)`` rather than ``[Aa](?:…)``).

    When every branch of a pattern opens with one literal character, the regex engine learns the
    set of characters a match can start with and skips the rest of a text in C; one class
    among the branches hides that set, and then every place of the text tries every branch
    (~4× slower over a form's cells). The spellings of distinct keys are disjoint, so the
    branches still differ in their first character."""
    return [re.escape(c) + _emit(child, True)
            for _key, (spellings, child) in sorted(root.kids.items())
            for c in sorted(set().union(*(_folds(s) for s in spellings)))]
