"""Which catalog key a freshly converted role keeps.

A role's identity in the catalog is its key, never its batch id (``sha256[:16]-index`` changes
with every comma). When a document comes back with new bytes, each of its roles is matched to a
key the catalog already holds, by two named rules in this order:

1. :func:`same_name_rule` — a role whose base key (:func:`~jdx.pipeline.keys.role_key`:
   organization + department + normalised title) equals a candidate key's base keeps that key.
   When a base occurs several times on both sides, they pair in document order: the first
   ``出纳`` of the new revision takes the key of the first ``出纳`` of the old one.
2. :func:`rename_rule` — among the roles and keys left over, a role whose duties are at least
   :data:`RENAME_SIMILARITY` alike (:func:`duty_similarity`) to a candidate's keeps that key: the
   document renamed the position (``销售经理`` → ``营销经理``) but it is the same job. Only
   unambiguous pairs count (:data:`RENAME_MARGIN`); best pairs first; each key goes to one role.
   Roles without duties are never matched this way.

Candidates are the keys the catalog attributes to the same document (active or retired), and with
``jdx import --prune`` also the keys of documents that vanished in the same import (a file moved or
renamed). A role that matches nothing gets a new key: its base key if no key in the catalog has
that name yet, else the first free ``base~2``, ``base~3`` … (the collision rule: an existing key is
never taken from its holder, and a key is never reused, not even a retired one).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..keys import normalize_name, numbered_key

# Dice similarity of the duties' character bigrams at which a renamed role keeps its key. In the
# corpus, different roles of one document score 0.18 at the median; 38 of 10,792 such pairs reach
# 0.7, all from templated compilations — hence the margin below.
RENAME_SIMILARITY = 0.7
# How far a rename pair must lead the next-best pairing of either side to count as unambiguous.
RENAME_MARGIN = 0.05


@dataclass(frozen=True)
class Incoming:
    """A converted role waiting for a key."""

    index: int              # position in its document
    base_key: str
    duties: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    """A key the catalog holds that an incoming role may keep."""

    key: str
    base_key: str
    order: tuple            # how candidates of one base pair up with incoming roles (document order)
    duties: Callable[[], Sequence[str]]  # read lazily: only leftovers need it


def _bigrams(texts: Iterable[str]) -> Counter[str]:
    grams: Counter[str] = Counter()
    for text in texts:
        norm = normalize_name(text)
        grams.update(norm[i:i + 2] for i in range(len(norm) - 1))
    return grams


def duty_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Dice coefficient of the character-bigram multisets of two duty lists (0 … 1).

    Bigrams, not words: Chinese has no spaces, and a reworded duty keeps most of its character
    pairs. Order-free, so reordered or renumbered duties still match.
    """
    return _dice(_bigrams(a), _bigrams(b))


def _dice(ga: Counter[str], gb: Counter[str]) -> float:
    total = ga.total() + gb.total()
    if not total:
        return 0.0
    return 2 * (ga & gb).total() / total


def same_name_rule(incoming: Sequence[Incoming], candidates: Sequence[Candidate]) -> dict[int, str]:
    """Rule 1: equal base keys pair up in document order."""
    by_base: dict[str, list[Candidate]] = defaultdict(list)
    for cand in sorted(candidates, key=lambda c: c.order):
        by_base[cand.base_key].append(cand)
    matched: dict[int, str] = {}
    for role in sorted(incoming, key=lambda r: r.index):
        queue = by_base.get(role.base_key)
        if queue:
            matched[role.index] = queue.pop(0).key
    return matched


def rename_rule(incoming: Sequence[Incoming], candidates: Sequence[Candidate],
                threshold: float = RENAME_SIMILARITY, margin: float = RENAME_MARGIN) -> dict[int, str]:
    """Rule 2: duties alike above ``threshold`` keep the key — only when the pair is unambiguous.

    A pair counts only if its score beats, by ``margin``, the role's second-best candidate and the
    candidate's second-best role: templated compilations give different positions the same duties
    (课题一组组长 / 课题二组组长 score 0.99 in the corpus), and a role given the wrong key is worse
    than one given a new key. Accepted pairs are taken best first; each key goes to one role.
    """
    roles = [r for r in incoming if r.duties]
    cands = [(c, c.duties()) for c in candidates]
    cands = [(c, d) for c, d in cands if d]
    # each duty list's bigrams once, not once per pair: a sheet of 1,500 postings makes 2 M pairs
    role_grams = {r.index: _bigrams(r.duties) for r in roles}
    cand_grams = {c.key: _bigrams(d) for c, d in cands}
    scores = {(r.index, c.key): _dice(role_grams[r.index], cand_grams[c.key]) for r in roles for c, _d in cands}

    def runner_up(values: list[float]) -> float:
        return sorted(values, reverse=True)[1] if len(values) > 1 else 0.0

    by_role = {r.index: runner_up([scores[r.index, c.key] for c, _ in cands]) for r in roles}
    by_key = {c.key: runner_up([scores[r.index, c.key] for r in roles]) for c, _ in cands}
    pairs = [(s, i, k) for (i, k), s in scores.items()
             if s >= threshold and s - by_role[i] >= margin and s - by_key[k] >= margin]
    matched: dict[int, str] = {}
    taken: set[str] = set()
    for _score, index, key in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if index not in matched and key not in taken:
            matched[index] = key
            taken.add(key)
    return matched


def match_keys(incoming: Sequence[Incoming], candidate_groups: Sequence[Sequence[Candidate]]) -> dict[int, str]:
    """Role index → kept key. Each group (the document's own keys, then keys of vanished documents)
    is tried with both rules before the next group is looked at."""
    matched: dict[int, str] = {}
    used: set[str] = set()
    for group in candidate_groups:
        for rule in (same_name_rule, rename_rule):
            roles = [r for r in incoming if r.index not in matched]
            cands = [c for c in group if c.key not in used]
            if not roles or not cands:
                break
            found = rule(roles, cands)
            matched.update(found)
            used.update(found.values())
    return matched


def new_key(base: str, taken: Callable[[str], bool] | set[str]) -> str:
    """The collision rule: the base itself when free, else the first free ``base~n``."""
    is_taken = taken.__contains__ if isinstance(taken, set) else taken
    n = 1
    while is_taken(numbered_key(base, n)):
        n += 1
    return numbered_key(base, n)
