"""Walking IN_DIR: every entry once, in byte order, links reported and never followed."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .records import LOCK


@dataclass(frozen=True)
class Found:
    raw: bytes  # path relative to IN_DIR, as the file system has it
    abs: bytes
    kind: Literal["file", "symlink", "special", "unreadable", "jdx_output"]
    size: int = 0
    detail: str = ""


def walk_tree(in_dir: Path, exclude: frozenset[tuple[int, int]] = frozenset()) -> Iterator[Found]:
    """Every entry under ``in_dir`` in byte order, symlinks reported and never followed.

    Visited folders are tracked by (device, inode) so a bind mount or other loop cannot recurse;
    ``exclude`` prunes folders such as OUT_DIR nested inside IN_DIR; the output folder of another
    batch (it holds the lock file) is reported, not read.
    """
    root = os.fsencode(os.path.abspath(in_dir))
    seen: set[tuple[int, int]] = set()
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=errors.append):
        yield from (_unreadable(root, e) for e in _drain(errors))
        key = _dir_key(dirpath)
        if key is None or key in seen:
            dirnames[:] = []
            continue
        seen.add(key)
        kept: list[bytes] = []
        for name in sorted(dirnames):
            full = os.path.join(dirpath, name)
            if os.path.islink(full):
                yield _link(root, full)
            elif _dir_key(full) in exclude:
                continue
            elif os.path.exists(os.path.join(full, os.fsencode(LOCK))):
                yield Found(_rel(root, full), full, "jdx_output")
            else:
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            yield _classify(root, os.path.join(dirpath, name))
    yield from (_unreadable(root, e) for e in _drain(errors))


def _drain(errors: list[OSError]) -> list[OSError]:
    out = list(errors)
    errors.clear()
    return out


def _dir_key(path: bytes) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _rel(root: bytes, full: bytes) -> bytes:
    return os.path.relpath(full, root)


def _classify(root: bytes, full: bytes) -> Found:
    try:
        st = os.lstat(full)
    except OSError as exc:
        return Found(_rel(root, full), full, "unreadable", detail=exc.strerror or str(exc))
    if stat.S_ISLNK(st.st_mode):
        return _link(root, full)
    if stat.S_ISREG(st.st_mode):
        return Found(_rel(root, full), full, "file", size=st.st_size)
    return Found(_rel(root, full), full, "special", detail=_special_kind(st.st_mode))


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device file"


def _link(root: bytes, full: bytes) -> Found:
    try:
        target = os.fsdecode(os.readlink(full))
    except OSError:
        target = "?"
    return Found(_rel(root, full), full, "symlink", detail=target)


def _unreadable(root: bytes, exc: OSError) -> Found:
    full = os.fsencode(exc.filename) if exc.filename is not None else root
    return Found(_rel(root, full), full, "unreadable", detail=exc.strerror or str(exc))
