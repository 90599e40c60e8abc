"""Load the vocabulary (``lexicon.toml``) and compile it into matchers.

The vocabulary is data; this module only turns it into longest-first regular expressions
and lookup tables once per process. A user file extends the bundled one: lists are
appended, tables merged, so a company can teach jdx its own template's labels without
touching code.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


# eq=False: compared and hashed by identity, so matchers can be cached per lexicon object.
@dataclass(frozen=True, eq=False)
class Lexicon:
    sections: dict[str, str]                 # heading phrase -> section key
    labels: dict[str, str]                   # label phrase -> field path
    meta_labels: frozenset[str]
    doc_words: tuple[str, ...]
    decorations: tuple[str, ...]
    position_heads: tuple[str, ...]
    organization_suffixes: tuple[str, ...]
    not_position_endings: tuple[str, ...]
    frequency_words: frozenset[str]
    duty_verbs: tuple[str, ...]
    boilerplate_phrases: tuple[str, ...]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    trailers: frozenset[str]
    closers: tuple[str, ...]
    lead_ins: tuple[str, ...]
    inline_junk: tuple[str, ...]
    inline_patterns: tuple[re.Pattern[str], ...]
    organization_noise: tuple[str, ...]
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @property
    def heading_re(self) -> re.Pattern[str]:
        return _alternation(tuple(self.sections))

    @property
    def label_re(self) -> re.Pattern[str]:
        return _alternation(tuple(self.labels) + tuple(self.meta_labels))

    def all_terms(self) -> list[str]:
        """Every phrase of the vocabulary: the jieba user dictionary is built from this."""
        terms = set(self.sections) | set(self.labels) | set(self.meta_labels) | set(self.doc_words)
        terms |= {h for h in self.position_heads if len(h) > 1}
        return sorted(terms)


@cache
def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return re.compile("|".join(re.escape(p) for p in ordered))


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        elif isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = merged[key] + [v for v in value if v not in merged[key]]
        else:
            merged[key] = value
    return merged


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    """phrase -> key; when a phrase is listed under two keys the first listed wins."""
    out: dict[str, str] = {}
    for key, phrases in table.items():
        for phrase in phrases:
            out.setdefault(phrase, key)
    return out


def build_lexicon(data: dict[str, Any]) -> Lexicon:
    titles = data.get("titles", {})
    boiler = data.get("boilerplate", {})
    return Lexicon(
        sections=_invert(data.get("sections", {})),
        labels=_invert(data.get("labels", {})),
        meta_labels=frozenset(data.get("meta_labels", {}).get("labels", [])),
        doc_words=tuple(sorted(titles.get("doc_words", []), key=len, reverse=True)),
        decorations=tuple(titles.get("decorations", [])),
        position_heads=tuple(sorted(titles.get("position_heads", []), key=len, reverse=True)),
        organization_suffixes=tuple(sorted(titles.get("organization_suffixes", []), key=len, reverse=True)),
        not_position_endings=tuple(titles.get("not_position_endings", [])),
        frequency_words=frozenset(data.get("lists", {}).get("frequency_words", [])),
        duty_verbs=tuple(data.get("lists", {}).get("duty_verbs", [])),
        boilerplate_phrases=tuple(p.lower() for p in boiler.get("phrases", [])),
        boilerplate_patterns=tuple(re.compile(p, re.IGNORECASE) for p in boiler.get("patterns", [])),
        trailers=frozenset(boiler.get("trailers", [])),
        closers=tuple(boiler.get("closers", [])),
        lead_ins=tuple(boiler.get("lead_ins", [])),
        inline_junk=tuple(boiler.get("inline", [])),
        inline_patterns=tuple(re.compile(p) for p in boiler.get("inline_patterns", [])),
        organization_noise=tuple(titles.get("organization_noise", [])),
        raw=data,
    )


def bundled_data() -> dict[str, Any]:
    text = resources.files("jdx.pipeline").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def load_lexicon(user_file: str | None = None) -> Lexicon:
    """The bundled lexicon, extended by ``user_file`` or by the file named in ``$JDX_LEXICON``."""
    data = bundled_data()
    user_file = user_file or os.environ.get("JDX_LEXICON") or None
    if user_file:
        data = _merge(data, tomllib.loads(Path(user_file).read_text(encoding="utf-8")))
    return build_lexicon(data)
