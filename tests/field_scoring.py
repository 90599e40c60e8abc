"""Field-level precision/recall/F1 of role records against expected ones, the way
``../shared/tools/score.py`` scores gold (its rules, restated here so tests that run without
``../shared`` can use them): only keys present in the expected role count; text is compared
after NFKC, lower-casing and dropping everything but letters and digits; list items pair
one-to-one at similarity ≥ 0.85 on their primary key; scalars must be equal."""

from __future__ import annotations

import difflib
import unicodedata

ITEM_SIM = 0.85
PRIMARY = {"duties": "text", "kpis": "name", "unmapped": "text", "other_sections": "heading"}
# Provenance and bookkeeping, not content: where a value was found, ids, review flags.
IGNORED = {"span", "id", "source", "warnings", "schema_version", "review", "coverage", "evidence"}


def norm(value) -> str:
    text = unicodedata.normalize("NFKC", "" if value is None else str(value)).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def sim(a, b) -> float:
    a, b = norm(a), norm(b)
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.misses: list[str] = []

    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _key(field: str, item):
    return item.get(PRIMARY.get(field, "text"), "") if isinstance(item, dict) else item


def _pairs(field: str, gold: list, pred: list) -> list[tuple[int, int]]:
    candidates = sorted(
        ((sim(_key(field, g), _key(field, p)), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        reverse=True,
    )
    used_g, used_p, pairs = set(), set(), []
    for score, gi, pi in candidates:
        if score >= ITEM_SIM and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(path: str, gold, pred, tally: Tally) -> None:
    if isinstance(gold, dict):
        pred = pred if isinstance(pred, dict) else {}
        for key, value in gold.items():
            if key not in IGNORED:
                score(f"{path}.{key}", value, pred.get(key), tally)
    elif isinstance(gold, list):
        pred = pred if isinstance(pred, list) else []
        field = path.split(".")[-1].rstrip("[]")
        pairs = _pairs(field, gold, pred)
        tally.tp += len(pairs)
        tally.fp += len(pred) - len(pairs)
        tally.fn += len(gold) - len(pairs)
        paired = {gi for gi, _ in pairs}
        tally.misses += [f"{path}: missing {str(_key(field, g))[:50]!r}" for i, g in enumerate(gold) if i not in paired]
        for gi, pi in pairs:
            if isinstance(gold[gi], dict):
                rest = {k: v for k, v in gold[gi].items() if k != PRIMARY.get(field, "text")}
                score(f"{path}[]", rest, pred[pi], tally)
    elif gold is None or gold == "":
        if pred not in (None, "", [], {}):
            tally.fp += 1
            tally.misses.append(f"{path}: expected nothing, got {str(pred)[:50]!r}")
    elif pred in (None, "", [], {}):
        tally.fn += 1
        tally.misses.append(f"{path}: missing {str(gold)[:50]!r}")
    elif norm(gold) == norm(pred) or (
        isinstance(gold, int | float) and isinstance(pred, int | float) and abs(gold - pred) < 1e-6
    ):
        tally.tp += 1
    else:
        tally.fp += 1
        tally.fn += 1
        tally.misses.append(f"{path}: got {str(pred)[:50]!r}, expected {str(gold)[:50]!r}")


def field_scores(expected_roles: list[dict], actual_roles: list[dict]) -> Tally:
    """Roles paired in order by title (the samples hold one role each)."""
    tally = Tally()
    for i, gold in enumerate(expected_roles):
        pred = max(actual_roles, key=lambda r: sim(gold.get("title"), r.get("title")), default={})
        score(f"roles[{i}]", gold, pred, tally)
    return tally
