"""Name normalisation shared by everything that matches roles by name.

The catalog's stable role key (organization + department + title), the organisation chart
(a 直接上级 value matched to the role it names) and duplicate detection must agree on when
two names are the same name, so there is one function for it.
"""

from __future__ import annotations

import unicodedata

# Unicode categories that never distinguish two names: punctuation, symbols, separators.
_IGNORED_CATEGORIES = ("P", "S", "Z", "C")


def normalize_name(text: str | None) -> str:
    """``营销部 经理（副职）`` and ``营销部经理(副职)`` are the same name.

    NFKC (full-width → half-width), case-folded, with whitespace, punctuation and symbols
    removed. Characters are not otherwise rewritten: ``经理`` and ``副经理`` stay different.
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not unicodedata.category(ch).startswith(_IGNORED_CATEGORIES))


# ----------------------------------------------------------------------------- catalog role keys

KEY_SEPARATOR = "."
EMPTY_KEY_PART = "_"
COLLISION_SEPARATOR = "~"
# Names longer than this are cut in the key (not in the record): a key stays short enough to type
# and to sit in a URL; two names that only differ past the cut are a collision (numbered).
MAX_KEY_PART = 64


def role_key(organization: str | None, department: str | None, title: str | None) -> str:
    """The base catalog key of a role: ``organization.department.title``, each part normalised.

    ``华邦集团`` / ``营销部`` / ``营销 经理`` → ``华邦集团.营销部.营销经理``; a part the role does not
    state is ``_`` (``_.财务部.出纳``), so parts keep their positions. :func:`normalize_name` drops
    every punctuation, symbol, separator and control character, so ``.``, ``_`` and ``~`` can never
    come from a name, and no character a URL path reserves (``/ ? # % &`` …) survives: a key is a
    valid path segment as it stands (percent-encoded as UTF-8 like any non-ASCII text).
    """
    parts = (normalize_name(part)[:MAX_KEY_PART] or EMPTY_KEY_PART for part in (organization, department, title))
    return KEY_SEPARATOR.join(parts)


def numbered_key(base: str, n: int) -> str:
    """The n-th holder of a base key: the first keeps it, later ones get ``~2``, ``~3`` …"""
    return base if n <= 1 else f"{base}{COLLISION_SEPARATOR}{n}"
