"""jieba and spaCy, loaded lazily and once per process.

They earn their place where character patterns are not enough: classifying an unlabelled
requirement line (``熟悉劳动法规`` is knowledge, ``具备良好的沟通能力`` a skill, ``责任心强``
a quality) by whole words, so that ``证`` in ``保证`` or ``能力`` inside a longer compound do
not decide it. spaCy's blank ``zh`` pipeline segments with jieba; the lexicon's labels,
headings and position words go into jieba's user dictionary so they stay single tokens,
and a PhraseMatcher over the lexicon's requirement vocabulary does the matching.

Nothing here downloads a model: blank ``zh`` plus jieba's bundled dictionary is all.
Structural parsing (labels, numbering, headings inside run-on lines) stays with the
character-level matchers in :mod:`.pieces`, because segmentation across a glued boundary
such as ``资料岗位名称`` is exactly where a word segmenter is unreliable.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from functools import cache

from .lexicon import Lexicon

log = logging.getLogger(__name__)
_lock = threading.Lock()

# On a tie the more specific list wins.
PRIORITY = ("certifications", "training", "knowledge", "special", "skills", "qualities")


@cache
def _pipeline(lexicon: Lexicon):
    with _lock:
        import jieba
        import spacy
        from spacy.matcher import PhraseMatcher

        jieba.setLogLevel(logging.WARNING)
        vocabulary = set(lexicon.all_terms())
        for words in lexicon.data.requirements.values():
            vocabulary.update(words)
        for term in sorted(vocabulary):
            if len(term) > 1:
                jieba.add_word(term, freq=200_000)
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        matcher = PhraseMatcher(nlp.vocab)
        for field, words in lexicon.data.requirements.items():
            matcher.add(field, [nlp.make_doc(w) for w in words])
        log.debug("spaCy zh pipeline ready with %d user words", len(vocabulary))
        return nlp, matcher


def tokens(text: str, lexicon: Lexicon) -> list[str]:
    nlp, _ = _pipeline(lexicon)
    return [t.text for t in nlp.make_doc(text)]


def classify_requirement(text: str, lexicon: Lexicon) -> str | None:
    """The qualification list an unlabelled requirement line belongs to, or ``None``."""
    nlp, matcher = _pipeline(lexicon)
    doc = nlp.make_doc(text)
    counts: Counter[str] = Counter()
    for match_id, _start, _end in matcher(doc):
        counts[nlp.vocab.strings[match_id]] += 1
    if not counts:
        return None
    best = max(counts.values())
    for field in PRIORITY:
        if counts.get(field) == best:
            return field
    return None


def first_position_name(texts: list[str], lexicon: Lexicon, stem: str = "") -> str | None:
    """The first position a text names (``客服人员作为…`` → 客服人员): a jieba word that is a
    position word, with the word before it when that word qualifies it (客户服务 + 代表). With
    ``stem`` (the department's name) only a position sharing two characters with it counts."""
    heads = {h for h in lexicon.position_heads if len(h) >= 2}
    nlp, _ = _pipeline(lexicon)
    pairs = {stem[i:i + 2] for i in range(len(stem) - 1)}
    for text in texts:
        words = [t.text for t in nlp.make_doc(text)]
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
