"""Compiled regular expressions kept between runs, the way Python keeps bytecode.

CPython compiles a regular expression in Python code (``re._parser``, ``re._compiler``), and
slowly for the patterns of Chinese text: a class of CJK ideographs is expanded code point by
code point, any class holding a character above U+00FF is packed into a 64K-entry bitmap, and
the lexicon's alternations hold hundreds of phrases. The ~190 patterns a conversion compiles
cost about a third of the instructions of a cold ``jdx convert`` of a one-role file.

The compiled program depends only on the pattern, its flags and the interpreter, so it is
stored once per interpreter in jdx's cache folder (:mod:`.cache_folder`, beside jieba's
dictionary); like bytecode, it is not written under ``PYTHONDONTWRITEBYTECODE``, nor where the
folder is not writable. A later process loads the store (~2 ms) and puts each program into ``re``'s own
cache as the regex engine's Pattern, so every ``re.compile``/``re.search`` of that pattern
anywhere in the process finds it compiled. Such a Pattern equals, by ``==`` (which compares
the compiled code), the one ``re.compile`` builds; a store from another interpreter, or one
the engine rejects, is ignored.

This relies on two private parts of CPython, ``re._cache`` and ``_sre.compile`` (stable from
3.7 to 3.13); when either is missing or changes shape, ``seed`` and ``save`` do nothing and
patterns compile as usual.
"""

from __future__ import annotations

import logging
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = 1
# A handful of unseen patterns (a library's, built from a set in hash order, new in every
# process) is not worth rewriting the store; the patterns of a reader or a lexicon not yet
# stored are.
MIN_NEW = 5
# A lexicon's alternation (hundreds of phrases, CJK in it) costs milliseconds to compile: one
# new is worth a rewrite, where a library's few short ASCII patterns are not.
COSTLY_LENGTH = 2000


def _costly(pattern: Any) -> bool:
    return isinstance(pattern, str) and len(pattern) >= COSTLY_LENGTH and any(
        "\u4e00" <= ch <= "\u9fff" for ch in pattern)


# re's own cache holds 512; more would be evicted before use.
MAX_ENTRIES = 500
# The store's programs, in opcodes, at most: every start loads all of them. The lexicon's
# alternations are the large ones (up to 12k opcodes each) and each edit of the lexicon makes new
# ones, the old never asked for again: a development store had grown to 497k opcodes (2.9 MB,
# 8 ms of every start's 10) for a working set of 81k (jdx convert and jdx batch). The oldest go
# first; one still in use is compiled and stored again by the next run that needs it. About
# twice the working set.
MAX_OPCODES = 160_000

# (type, pattern, flags) keys of re._cache that came from the store (or were in it)
_stored: set[tuple[type, Any, int]] = set()


def store_path() -> Path:
    from .cache_folder import cache_folder

    return cache_folder() / f"patterns.{sys.implementation.cache_tag}.marshal"


def _stamp() -> tuple[Any, ...]:
    import _sre

    return FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode


def _read(path: Path) -> list[tuple[Any, ...]]:
    try:
        # loads(read()): marshal.load on a file object reads item by item, ~20x slower
        stamp, entries = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return []
    return entries if stamp == _stamp() else []


def seed(path: Path | None = None) -> int:
    """Put the stored programs into ``re``'s cache; returns how many."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return 0
    try:
        import _sre

        count = 0
        for pattern, flags, final_flags, code, groups, groupindex, indexgroup in _read(path or store_path()):
            key = (type(pattern), pattern, flags)
            cache[key] = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
            _stored.add(key)
            count += 1
        return count
    except Exception as exc:  # noqa: BLE001 - a store the engine rejects: compile as usual
        log.debug("compiled patterns not used: %s", exc)
        return 0


def _program(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, as marshal can store it."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    return pattern, flags, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def save(path: Path | None = None) -> int:
    """Store the programs of the patterns this process compiled that the store lacks;
    returns how many were added (0 when not worth a rewrite, or not allowed)."""
    cache = getattr(re, "_cache", None)
    if sys.dont_write_bytecode or not isinstance(cache, dict):
        return 0
    new = [key for key in list(cache) if key not in _stored and isinstance(key, tuple) and len(key) == 3
           and key[0] in (str, bytes) and not key[2] & re.DEBUG]
    if len(new) < MIN_NEW and not any(_costly(key[1]) for key in new):
        return 0
    path = path or store_path()
    try:
        entries = _read(path)
        known = {(type(e[0]), e[0], e[1]) for e in entries}
        added = [_program(pattern, flags) for _, pattern, flags in new if (type(pattern), pattern, flags) not in known]
        if added:
            _write(path, newest_within_budget(entries + added))
    except Exception as exc:  # noqa: BLE001 - a read-only install, a full disk: compile next time
        log.debug("compiled patterns not stored: %s", exc)
        return 0
    _stored.update(new)
    return len(added)


def newest_within_budget(entries: list[tuple[Any, ...]], max_entries: int | None = None,
                         max_opcodes: int | None = None) -> list[tuple[Any, ...]]:
    """The newest ``entries`` (stored oldest first) within :data:`MAX_ENTRIES` and :data:`MAX_OPCODES`."""
    max_entries = MAX_ENTRIES if max_entries is None else max_entries
    max_opcodes = MAX_OPCODES if max_opcodes is None else max_opcodes
    kept: list[tuple[Any, ...]] = []
    opcodes = 0
    for entry in reversed(entries):
        opcodes += len(entry[3])
        if len(kept) == max_entries or opcodes > max_opcodes:
            break
        kept.append(entry)
    return kept[::-1]


def _write(path: Path, entries: list[tuple[Any, ...]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(marshal.dumps((_stamp(), entries)))
        os.replace(temporary, path)  # atomic: a concurrent reader sees the old store or the new
    finally:
        temporary.unlink(missing_ok=True)
