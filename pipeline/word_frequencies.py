"""jieba's word dictionary read from disk a word at a time, instead of loaded whole.

jieba keeps its dictionary (349,046 words and every prefix of them, 584,429 keys) in one
Python dict that it unmarshals from a cache file at first use: about a second and ~70 MB in
every process, even when the process segments five requirement lines (issue 13: a one-role
``jdx convert`` spent most of its time there). Segmenting a sentence only asks the
dictionary about the fragments of that sentence, so here the same keys and frequencies live
in an SQLite file (built once from jieba's own ``dict.txt`` into the user's cache folder) and
each key is looked up when first asked and remembered. The segmentation is jieba's, unchanged:
:class:`WordFrequencies` answers exactly what jieba's dict would.

When the cache cannot be written (a read-only home, no temp folder) jieba loads its dict as
it always did.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .cache_folder import cache_folder

log = logging.getLogger(__name__)

# Bumped when the file's layout changes, so an old cache is rebuilt rather than misread.
FORMAT = 1
_MISSING = -1
# Files kept in the cache folder, the most recently used: each is ~9 MB and its name is keyed
# by the dictionary file's path and date, so every new environment or jieba install builds
# another (a development machine had 47 of them, 400 MB, after a day of fresh CI clones).
KEEP_FILES = 3


def _source_key(source: Path) -> str:
    stat = source.stat()
    return hashlib.sha1(f"{FORMAT}|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]


def prefix_dictionary(source: Path) -> tuple[dict[str, int], int]:
    """The dictionary file's words with their frequencies, every prefix of a word with 0, and
    the total of the frequencies: jieba's own ``gen_pfdict``, so the file answers as jieba would."""
    import jieba  # already imported by the caller (nlp), without pkg_resources

    with source.open("rb") as lines:
        freq, total = jieba.Tokenizer.gen_pfdict(lines)
    return freq, total


def build(source: Path, target: Path) -> None:
    """Write the SQLite file for ``source`` at ``target`` (atomically: a half-written file is
    never seen by another process building or reading it at the same time)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(temp)
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
            freq, total = prefix_dictionary(source)
            db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            db.execute("INSERT INTO meta VALUES (?)", (total,))
            db.commit()
        finally:
            db.close()
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class WordFrequencies:
    """A read-through view of the SQLite dictionary that behaves as jieba's ``FREQ`` dict:
    ``in``, ``[]``, ``get`` and assignment (jieba's ``add_word`` writes user words here; they
    stay in memory). Every answer from the file is remembered, misses included."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: dict[str, int] = {}
        # Prefixes of user words (:meth:`add_words`): 0 unless the file knows them.
        self._user_prefixes: set[str] = set()
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        row = self._query("SELECT total FROM meta")
        self.total = int(row[0]) if row else 0

    def _query(self, sql: str, *args: str) -> tuple[int, ...] | None:
        with self._lock:
            # A connection must not cross a fork: a forked batch worker opens its own.
            if self._db is None or self._pid != os.getpid():
                self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                self._pid = os.getpid()
            found: tuple[int, ...] | None = self._db.execute(sql, args).fetchone()
            return found

    def _count(self, word: str) -> int:
        count = self._known.get(word)
        if count is None:
            row = self._query("SELECT count FROM freq WHERE word = ?", word)
            count = int(row[0]) if row is not None else 0 if word in self._user_prefixes else _MISSING
            self._known[word] = count
        return count

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._count(word) != _MISSING

    def __getitem__(self, word: str) -> int:
        count = self._count(word)
        if count == _MISSING:
            raise KeyError(word)
        return count

    def get(self, word: str, default: int | None = None) -> int | None:
        count = self._count(word)
        return default if count == _MISSING else count

    def __setitem__(self, word: str, count: int) -> None:
        self._known[word] = count

    def add_words(self, words: Iterable[str], count: int) -> int:
        """What jieba's ``add_word(word, freq=count)`` does to its dict, for many words at once
        and without reading the file: each word gets ``count``, and each prefix of a word the
        dictionary lacks gets 0 (a prefix is looked up only when a sentence asks for it, instead
        of every prefix of every word being probed now: ~2,000 queries for the lexicon's ~900
        words). Returns what jieba adds to its ``total``: ``count`` per word, as ``add_word``
        (it never subtracts a word's old frequency)."""
        if count <= 0:
            raise ValueError("a user word needs a positive frequency (jieba force-splits words of 0)")
        added = 0
        for word in words:
            self._known[word] = count
            added += count
            for end in range(1, len(word)):
                prefix = word[:end]
                self._user_prefixes.add(prefix)
                if self._known.get(prefix) == _MISSING:
                    self._known[prefix] = 0
        return added


def add_user_words(tokenizer: Any, words: Iterable[str], count: int) -> None:
    """``tokenizer.add_word(word, freq=count)`` for every word, in bulk when the tokenizer
    reads its dictionary from the file (:meth:`WordFrequencies.add_words`)."""
    if isinstance(tokenizer.FREQ, WordFrequencies):
        tokenizer.total += tokenizer.FREQ.add_words(words, count)
        return
    for word in words:
        tokenizer.add_word(word, freq=count)


def prune(folder: Path, keep: int = KEEP_FILES) -> list[Path]:
    """Remove all but the ``keep`` most recently used dictionary files of ``folder``; returns
    what was removed. A process still reading a removed file keeps reading it (POSIX)."""
    files = sorted(folder.glob("jieba-words-*.sqlite"), key=_used, reverse=True)
    removed = []
    for stale in files[keep:]:
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale)
    return removed


def _used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def open_for(source: Path) -> WordFrequencies | None:
    """The on-disk dictionary for jieba's dictionary file ``source``, built on first use;
    ``None`` when it can be neither found nor written."""
    target = cache_folder() / f"jieba-words-{_source_key(source)}.sqlite"
    try:
        if target.is_file():
            with contextlib.suppress(OSError):  # a read-only cache still serves
                os.utime(target)  # used now: what prune keeps is the most recently used
        else:
            log.info("building the word dictionary cache %s (once)", target)
            build(source, target)
            prune(target.parent)
        return WordFrequencies(target)
    except (OSError, sqlite3.Error) as exc:
        log.debug("word dictionary cache unusable (%s); jieba loads its dictionary whole", exc)
        return None
