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
