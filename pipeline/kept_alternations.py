"""The lexicon's alternations (:mod:`.alternation`), built once and kept between runs.

Writing a vocabulary as a trie costs Python time: the ~60 alternations a conversion asks for
(every section heading, every label, the company suffixes …) take ~30 ms of a cold ``jdx
convert``, about a tenth of it, though the regex they become is already compiled
(:mod:`.compiled_patterns`). The regex written depends only on the phrases, whether case is
ignored, and the code that writes it; so it is kept in jdx's cache folder
(:mod:`.cache_folder`) under a digest of the sorted phrases and the flag, in a store stamped
with the interpreter and the text of :mod:`.alternation`: a changed writer (or another
Python) finds the store stale and builds again. As with compiled patterns, nothing is written
under ``PYTHONDONTWRITEBYTECODE``, nor where the folder is not writable; the store is read on
the first alternation a process asks for and written by :func:`save`, which ``jdx convert``
calls after a conversion.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = 1
MAX_ENTRIES = 400  # a user's lexicon adds its own; the oldest are dropped past this
SEPARATOR = "\x1f"  # a phrase of the lexicon never holds a control character

_kept: dict[bytes, str] | None = None  # read from the store on first use
_new: dict[bytes, str] = {}  # built by this process, not in the store


def store_path() -> Path:
    from .cache_folder import cache_folder

    return cache_folder() / f"alternations.{sys.implementation.cache_tag}.marshal"


def key(phrases: frozenset[str], ignore_case: bool) -> bytes:
    """The digest a set of phrases and the flag are kept under."""
    text = ("1" if ignore_case else "0") + SEPARATOR + SEPARATOR.join(sorted(phrases))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def kept(digest: bytes) -> str | None:
    """The alternation kept under ``digest``, if a run of the same writer stored it."""
    global _kept
    if _kept is None:
        _kept = _read(store_path())
    return _kept.get(digest)


def remember(digest: bytes, source: str) -> None:
    """An alternation this process built, for :func:`save` to store."""
    _new[digest] = source


def save(path: Path | None = None) -> int:
    """Store the alternations this process built that the store lacks; returns how many."""
    if sys.dont_write_bytecode or not _new:
        return 0
    path = path or store_path()
    try:
        entries = _read(path)
        added = {k: v for k, v in _new.items() if k not in entries}
        if added:
            entries.update(added)
            _write(path, dict(list(entries.items())[-MAX_ENTRIES:]))
    except Exception as exc:  # noqa: BLE001 - a read-only install, a full disk: build next time
        log.debug("alternations not stored: %s", exc)
        return 0
    _new.clear()
    return len(added)


def _stamp() -> tuple[int, str, bytes] | None:
    """What the kept alternations were written by: the format, the interpreter and the writer's
    code (``None`` when that code cannot be read: then nothing is kept)."""
    from . import alternation

    try:
        writer = Path(alternation.__file__ or "").read_bytes()
    except OSError:
        return None
    return FORMAT, sys.version, hashlib.blake2b(writer, digest_size=16).digest()


def _read(path: Path) -> dict[bytes, str]:
    stamp = _stamp()
    try:
        stored, entries = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return entries if stamp is not None and stored == stamp and isinstance(entries, dict) else {}


def _write(path: Path, entries: dict[bytes, str]) -> None:
    stamp = _stamp()
    if stamp is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(marshal.dumps((stamp, entries)))
        os.replace(temporary, path)  # atomic: a concurrent reader sees the old store or the new
    finally:
        temporary.unlink(missing_ok=True)
