"""jieba, loaded lazily and once per process.

It earns its place where character patterns are not enough: classifying an unlabelled
requirement line (``熟悉劳动法规`` is knowledge, ``具备良好的沟通能力`` a skill, ``责任心强``
a quality) by whole words, so that ``证`` in ``保证`` or ``能力`` inside a longer compound do
not decide it. The lexicon's labels, headings and position words go into jieba's user
dictionary so they stay single words, and each requirement phrase matches as its own
sequence of jieba words.

spaCy's blank ``zh`` pipeline did the same with jieba as its segmenter and a PhraseMatcher
over the token sequences; it added nothing but its import (1–2 s of a cold start), so the
phrase table below is matched directly over jieba's words. Nothing here downloads a model.
Structural parsing (labels, numbering, headings inside run-on lines) stays with the
character-level matchers in :mod:`.pieces`, because segmentation across a glued boundary
such as ``资料岗位名称`` is exactly where a word segmenter is unreliable.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .lexicon import Lexicon
from .rules import rule

log = logging.getLogger(__name__)
_lock = threading.Lock()

# On a tie the more specific list wins.
PRIORITY = ("certifications", "training", "knowledge", "special", "skills", "qualities")


@dataclass(frozen=True)
class _Segmenter:
    cut: Callable[[str], list[str]]                 # jieba's words, whitespace left out
    phrases: dict[tuple[str, ...], frozenset[str]]  # a requirement phrase's words -> its lists
    longest: int


@cache
def _pipeline(lexicon: Lexicon) -> _Segmenter:
    from .word_frequencies import add_user_words

    with _lock:
        tokenizer = _tokenizer()
        vocabulary = set(lexicon.all_terms())
        for words in lexicon.data.requirements.values():
            vocabulary.update(words)
        add_user_words(tokenizer, (term for term in sorted(vocabulary) if len(term) > 1), 200_000)

        def cut(text: str) -> list[str]:
            return [w for w in tokenizer.cut(text, cut_all=False) if w.strip()]

        table: dict[tuple[str, ...], set[str]] = {}
        for field, words in lexicon.data.requirements.items():
            for word in words:
                key = tuple(cut(word))
                if key:
                    table.setdefault(key, set()).add(field)
        phrases = {k: frozenset(v) for k, v in table.items()}
        log.debug("jieba ready with %d user words, %d requirement phrases", len(vocabulary), len(phrases))
        return _Segmenter(cut=cut, phrases=phrases, longest=max((len(k) for k in phrases), default=0))


def _import_jieba() -> Any:
    """jieba, imported without ``pkg_resources``: its ``_compat`` imports that (80 ms of a cold
    start, and deprecated by setuptools) only to open its own data files, and opens them by
    path when the import fails."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    block = "pkg_resources" not in sys.modules
    if block:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes its import fail
    try:
        import jieba
    finally:
        if block:
            del sys.modules["pkg_resources"]
    return jieba


def _tokenizer() -> Any:
    """A jieba tokenizer of its own (the module-level one is shared with whatever else the
    process runs), over jieba's dictionary read from disk a word at a time
    (:mod:`.word_frequencies`) rather than unmarshalled whole."""
    jieba = _import_jieba()
    from .word_frequencies import open_for

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    frequencies = open_for(Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME))
    if frequencies is not None:
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = frequencies, frequencies.total, True
    return tokenizer


def tokens(text: str, lexicon: Lexicon) -> list[str]:
    return _pipeline(lexicon).cut(text)


def classify_requirement(text: str, lexicon: Lexicon) -> str | None:
    """The qualification list an unlabelled requirement line belongs to, or ``None``."""
    seg = _pipeline(lexicon)
    words = seg.cut(text)
    counts: Counter[str] = Counter()
    for i in range(len(words)):
        for n in range(1, min(seg.longest, len(words) - i) + 1):
            for field in seg.phrases.get(tuple(words[i:i + n]), ()):
                counts[field] += 1
    if not counts:
        counts = _compound_words(words, seg.phrases) or counts
    if not counts:
        return None
    best = max(counts.values())
    for field in PRIORITY:
        if counts.get(field) == best:
            return field
    return None


@rule
def _compound_words(words: list[str], phrases: dict[tuple[str, ...], frozenset[str]]) -> Counter[str] | None:
    """jieba keeps some compounds whole (``书写能力``, ``组织能力``, ``驾驶技能``) where the lexicon's word
    is their head (能力, 技能): a word ending with a one-word requirement phrase counts for its lists,
    when no phrase matched a whole word."""
    counts: Counter[str] = Counter()
    for word in words:
        for n in range(MIN_HEAD, min(MAX_HEAD, len(word) - 1) + 1):
            for field in phrases.get((word[-n:],), ()):
                counts[field] += 1
    return counts or None


MIN_HEAD, MAX_HEAD = 2, 4  # a head word of two to four characters, after at least one more


def first_position_name(texts: list[str], lexicon: Lexicon, stem: str = "") -> str | None:
    """The first position a text names (``客服人员作为…`` → 客服人员): a jieba word that is a
    position word, with the word before it when that word qualifies it (客户服务 + 代表). With
    ``stem`` (the department's name) only a position sharing two characters with it counts."""
    heads = {h for h in lexicon.position_heads if len(h) >= 2}
    cut = _pipeline(lexicon).cut
    pairs = {stem[i:i + 2] for i in range(len(stem) - 1)}
    for text in texts:
        words = cut(text)
        for i, word in enumerate(words):
            if word not in heads and not (len(word) >= 3 and word.endswith(tuple(heads))):
                continue
            prev = words[i - 1] if i > 0 else ""
            if len(prev) >= 2 and prev.isalpha() and not prev.startswith(lexicon.duty_verbs):
                name = prev + word
            elif len(word) >= 3:
                name = word
            else:
                continue
            if not pairs or any(name[j:j + 2] in pairs for j in range(len(name) - 1)):
                return name
    return None
