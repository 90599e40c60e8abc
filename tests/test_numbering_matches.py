"""``Numbering.matches`` finds what ``pattern.finditer`` finds: it only skips the places where
no alternative can start, so its list of openers must cover every alternative's first character."""

from __future__ import annotations

import random

import pytest
from jdx.pipeline.lexicon import load_lexicon


def _numbering():  # type: ignore[no-untyped-def]
    return load_lexicon().numbering


def _alphabet() -> str:
    v = _numbering().vocab
    chars = set(v.article_prefix + v.circled + v.paren_digits + v.stop_digits + v.bullets + v.dashes
                + v.list_separators + v.article_units + v.value_units)
    chars |= set("".join(_numbering().cn_digits) + "".join(_numbering().cn_units))
    return "".join(sorted(chars)) + "0123456789١٢(（)）._＿%:： \n岗位职责负责aK"


@pytest.mark.parametrize("seed", range(200))
def test_same_matches_as_finditer(seed: int) -> None:
    numbering, alphabet = _numbering(), _alphabet()
    rng = random.Random(seed)
    for _ in range(10):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        pos = rng.randint(0, len(text))
        expected = {m.start(): m.group() for m in numbering.pattern.finditer(text, pos)}
        assert {i: m.group() for i, m in numbering.matches(text, pos).items()} == expected, (text, pos)
