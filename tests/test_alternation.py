"""The trie alternation matches what the plain longest-first alternation of the same phrases
matches, at the same places, the same text — alone, inside larger patterns that backtrack
into it, with and without ignoring case."""

from __future__ import annotations

import random
import re

import pytest
from jdx.pipeline.alternation import _plain, alternation
from jdx.pipeline.lexicon import load_lexicon

ALPHABET = "岗位名称职责任资格aAbBkK:："


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


def _random_phrases(rng: random.Random) -> set[str]:
    return {"".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))}


@pytest.mark.parametrize("seed", range(300))
def test_same_matches_as_the_plain_alternation(seed: int) -> None:
    rng = random.Random(seed)
    phrases = _random_phrases(rng)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(8)]
    texts += ["".join(rng.sample(sorted(phrases), len(phrases)))]  # phrases next to each other
    plain = _plain(frozenset(phrases))
    for flags in (0, re.IGNORECASE):
        for wrap in ("(?:{})", "(?:{})[:：]", "^.*?(?:{})(?:{})?", "(?:{})+b"):
            old = re.compile(wrap.format(plain, plain), flags)
            new = re.compile(wrap.format(alternation(phrases), alternation(phrases)), flags)
            for text in texts:
                assert _found(new, text) == _found(old, text), (phrases, wrap, flags, text)
        folded = re.compile(alternation(phrases, ignore_case=True))
        for text in texts:
            assert _found(folded, text) == _found(re.compile(plain, re.IGNORECASE), text), (phrases, text)


def test_case_variants_fall_back_to_the_plain_alternation() -> None:
    # "K…" and "k…" under a caller's re.IGNORECASE could both enter a trie at one letter.
    assert alternation(["Ka", "kab"]) == _plain(frozenset({"Ka", "kab"}))
    # ignore_case folds each letter into a class (the first one into a branch per spelling)
    assert "[Aa]" in alternation(["Ka", "kab"], ignore_case=True)


def test_nothing_matches_an_empty_list() -> None:
    assert re.search(alternation([]), "岗位名称") is None


def test_the_lexicon_headings_and_labels_match_as_before() -> None:
    lexicon = load_lexicon()
    text = ("岗位名称：行政专员 所属部门：行政部 直接上级：行政经理\n岗位职责 1.负责公司日常行政事务\n"
            "任职资格：本科以上学历 Job Description Responsibilities KPI考核 工作内容 职责描述")
    for phrases in (set(lexicon.sections), set(lexicon.labels) | lexicon.meta_labels):
        old = re.compile(_plain(frozenset(phrases)), re.IGNORECASE)
        new = re.compile(alternation(phrases, ignore_case=True))
        assert _found(new, text) == _found(old, text)
        assert _found(new, text)
