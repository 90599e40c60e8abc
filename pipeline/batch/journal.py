"""The journal: ``roles.jsonl`` and ``manifest.jsonl`` appended under the atomicity
invariant, and the compaction every run starts and ends with (see the package docstring)."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .records import MANIFEST, ROLES, BatchOutputError, ManifestEntry, RoleKey

log = logging.getLogger(__name__)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def describe_write_error(exc: OSError, path: Path) -> str:
    """One line naming the file and the cause, in words an HR admin acts on."""
    cause = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
             errno.EFBIG: "the file size limit was reached", errno.EROFS: "the file system is read-only",
             errno.EACCES: "permission denied", errno.EPERM: "permission denied"}.get(exc.errno or 0)
    return f"cannot write {path}: {cause or exc.strerror or exc}"


class Journal:
    """Appends results under the atomicity invariant (see the package docstring).

    Group commit: results wait in memory and are written together — all their role lines, one
    fsync, then their manifest lines, one fsync — once ``max_files`` are waiting or the oldest
    has waited ``max_delay`` seconds, and at :meth:`close`. The invariant holds for every
    group (no manifest line before its roles are on disk) and a crash loses at most the last
    group, whose files are converted again. Two fsyncs per file (about 10 ms) kept the parent
    from handing out the next file, which workers paid for as idle time.

    A write that fails (disk full, permission) truncates both files back to the end of the
    last complete group, so they stay readable and resumable, and raises
    :class:`BatchOutputError`; the journal takes no more writes after that.

    :attr:`index` says what each role line written is (:class:`IndexedRole`, by offset), when the
    caller gives each line's ``keys``, starting from ``index`` (the compaction's, of the lines
    already there): the closing compaction and the export then read the lines without parsing
    every one again (:func:`compact_indexed`).
    """

    def __init__(self, out_dir: Path, max_files: int = 32, max_delay: float = 1.0,
                 index: RolesIndex | None = None) -> None:
        self._paths = (out_dir / ROLES, out_dir / MANIFEST)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        self._fds: list[int] = []
        try:
            for path in self._paths:
                self._fds.append(os.open(path, flags, 0o644))
        except OSError as exc:
            self.close()
            raise BatchOutputError(describe_write_error(exc, path)) from None
        self._good = [os.fstat(fd).st_size for fd in self._fds]
        self._roles: list[str] = []
        self._keys: list[RoleKey | None] = []
        self._entries: list[str] = []
        self.index: RolesIndex = dict(index or {})
        self._oldest = 0.0
        self._max_files, self._max_delay = max_files, max_delay
        self._broken = False

    def record(self, entries: Sequence[ManifestEntry], role_lines: Sequence[str] = (),
               keys: Sequence[RoleKey] | None = None) -> None:
        """Queue ``entries`` and their role lines; ``keys``, when given, say what each line is."""
        if not self._entries:
            self._oldest = time.monotonic()
        self._roles.extend(role_lines)
        self._keys.extend(keys if keys is not None and len(keys) == len(role_lines) else [None] * len(role_lines))
        self._entries.extend(e.model_dump_json() for e in entries)
        if len(self._entries) >= self._max_files:
            self.flush()
        else:
            self.flush_if_due()

    def flush_if_due(self) -> None:
        if self._entries and time.monotonic() - self._oldest >= self._max_delay:
            self.flush()

    def flush(self) -> None:
        if self._broken:
            raise BatchOutputError("the output could not be written; the run stopped")
        if not self._entries and not self._roles:
            return
        encoded = [(line + "\n").encode("utf-8") for line in self._roles]
        for i, chunks in enumerate((encoded, [(line + "\n").encode("utf-8") for line in self._entries])):
            if not chunks:
                continue
            try:
                _write_all(self._fds[i], b"".join(chunks))
                os.fsync(self._fds[i])
            except OSError as exc:
                self._roll_back()
                raise BatchOutputError(describe_write_error(exc, self._paths[i])) from None
        offset = self._good[0]
        for data, key in zip(encoded, self._keys, strict=True):
            if key is not None:
                self.index[offset] = IndexedRole(*key, length=len(data))
            offset += len(data)
        self._good = [os.fstat(fd).st_size for fd in self._fds]
        self._roles, self._keys, self._entries = [], [], []

    def _roll_back(self) -> None:
        """Cut both files back to the last complete group (ftruncate needs no free space)."""
        self._broken = True
        self._roles, self._keys, self._entries = [], [], []
        for fd, size in zip(self._fds, self._good, strict=False):
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
                os.fsync(fd)

    def close(self) -> None:
        try:
            if not self._broken and self._fds:
                self.flush()
        finally:
            for fd in self._fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._fds = []


def _complete_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(offset, line) of every newline-terminated line; a torn last line is left out."""
    if not path.exists():
        return
    offset = 0
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                log.info("%s: dropping a torn last line of %d bytes", path.name, len(line))
                return
            yield offset, line
            offset += len(line)


def read_records(path: Path) -> Iterator[dict]:
    """Every non-blank line of a finished batch's ``roles.jsonl`` or ``manifest.jsonl`` as a dict,
    one at a time (the roles file can be large); nothing when the file is absent. The exports, the
    organisation chart and the review site read a batch this way once it has been compacted."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_manifest(path: Path) -> list[ManifestEntry]:
    """Complete, valid lines; the last entry of a path wins."""
    by_path: dict[bytes, ManifestEntry] = {}
    for _, line in _complete_lines(path):
        try:
            entry = ManifestEntry.model_validate_json(line)
        except ValueError:
            log.warning("%s: ignoring an unreadable line", path.name)
            continue
        by_path[entry.raw_path()] = entry
    return list(by_path.values())


@dataclass(frozen=True, slots=True)  # one per role of a batch: no __dict__ each
class IndexedRole:
    """A role line of ``roles.jsonl``: what it is (:data:`RoleKey`) and its length in bytes."""

    file: str
    sha256: str
    id: str
    index: int
    review: bool
    length: int


# The role lines of a roles.jsonl by their byte offset.
RolesIndex = dict[int, IndexedRole]


def role_key(role: dict) -> RoleKey:
    """The :data:`RoleKey` of a role as read from roles.jsonl (KeyError/TypeError when not a role)."""
    source = role["source"]
    return (source["file"], source["sha256"], role["id"], source["role_index"],
            bool((role.get("review") or {}).get("needed")))


def _read_index(path: Path, known: RolesIndex) -> Iterator[tuple[int, IndexedRole]]:
    """Every complete role line of ``path`` with what it is: from ``known`` where a line of that
    length was written at that offset, else parsed; unreadable lines are left out."""
    for offset, line in _complete_lines(path):
        found = known.get(offset)
        if found is None or found.length != len(line):
            try:
                found = IndexedRole(*role_key(json.loads(line)), length=len(line))
            except (ValueError, KeyError, TypeError):
                continue
        yield offset, found


def replace_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``path`` through a temporary file, fsync'd and renamed into place; on any error
    the temporary file is removed and the old ``path`` is left as it was."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BatchOutputError(describe_write_error(exc, path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def compact(out_dir: Path, keep: Callable[[ManifestEntry], bool] = lambda e: True) -> list[ManifestEntry]:
    """Rewrite manifest and roles with the kept entries and exactly their roles, sorted by path."""
    return compact_indexed(out_dir, keep)[0]


def compact_indexed(out_dir: Path, keep: Callable[[ManifestEntry], bool] = lambda e: True,
                    known: RolesIndex | None = None) -> tuple[list[ManifestEntry], RolesIndex]:
    """:func:`compact`, reading the role lines ``known`` says what they are without parsing them
    (a journal's :attr:`Journal.index`); returns the kept entries and the rewritten file's index."""
    entries = sorted((e for e in read_manifest(out_dir / MANIFEST) if keep(e)), key=ManifestEntry.raw_path)
    roles_path = out_dir / ROLES
    wanted = {(e.path, e.sha256) for e in entries if e.roles and e.sha256}
    spans: dict[tuple[str, str], list[tuple[int, IndexedRole]]] = {}
    seen_ids: set[str] = set()
    for offset, role in _read_index(roles_path, known or {}):
        key = (role.file, role.sha256)
        if key in wanted and role.id not in seen_ids:
            seen_ids.add(role.id)
            spans.setdefault(key, []).append((offset, role))
    kept: list[ManifestEntry] = []
    ordered: list[tuple[int, IndexedRole]] = []
    for entry in entries:
        mine = sorted(spans.get((entry.path, entry.sha256 or ""), []), key=lambda item: item[1].index)
        if len(mine) != entry.roles:
            log.warning("%s: %d role lines for %d counted; converting it again", entry.path, len(mine), entry.roles)
            continue
        kept.append(entry)
        ordered.extend(mine)
    _rewrite_roles(roles_path, ordered)
    replace_atomically(out_dir / MANIFEST, lambda fh: fh.writelines(
        (e.model_dump_json() + "\n").encode("utf-8") for e in kept))
    try:
        _fsync_dir(out_dir)
    except OSError as exc:
        raise BatchOutputError(describe_write_error(exc, out_dir)) from None
    index: RolesIndex = {}
    offset = 0
    for _, role in ordered:
        index[offset] = role
        offset += role.length
    return kept, index


def _rewrite_roles(path: Path, ordered: list[tuple[int, IndexedRole]]) -> None:
    if not path.exists():
        replace_atomically(path, lambda fh: None)
    with open(path, "rb") as src:
        def copy(fh) -> None:
            for offset, role in ordered:
                src.seek(offset)
                fh.write(src.read(role.length))

        replace_atomically(path, copy)
