"""Convert a whole folder tree: the library behind ``jdx batch IN_DIR -o OUT_DIR``.

Built for HR teams importing thousands of legacy files copied from Windows shares. One call
gets through everything, never stops on one bad file, survives being killed, and ends with
one manifest line for every file it saw.

Outputs in ``OUT_DIR``
    ``manifest.jsonl``  one :class:`ManifestEntry` per file found (status ok/partial/failed/skipped)
    ``roles.jsonl``     one :class:`~jdx.schemas.role.Role` per line, exactly the roles the manifest counts
    ``roles.xlsx`` and ``roles.csv``/``duties.csv``/``kpis.csv``/``problems.csv`` (:mod:`.export`)
                        and ``org.json``/``org.csv`` (:mod:`.org`), regenerated at the end of
                        every run from the two files above
    ``summary.json``    :class:`BatchSummary`

Skip rule — what is a document
    Settled from the name, in this process, without converting:
    * Word/LibreOffice lock files (``~$name.docx``, ``.~lock.name#``), OS junk (``Thumbs.db``,
      ``.DS_Store``, ``desktop.ini``, AppleDouble ``._name``) -> ``skipped``;
    * zero-byte files -> ``skipped`` (temp files) unless their extension names a document
      (``.docx``, ``.pdf``, ``.txt`` …): an empty ``岗位说明书.docx`` is a document that FAILED
      (``empty_file``) — the HR team has to find the real one;
    * symbolic links (never followed: they can loop or lead out of IN_DIR) and FIFOs, sockets,
      devices (reading a FIFO would block) -> ``skipped``; so is the output folder of another
      batch nested in IN_DIR (one line for the folder); this run's OUT_DIR is not listed at all;
    * a second file with the same bytes as one earlier in path order -> ``skipped`` with
      ``duplicate_of``: role ids come from the bytes, so writing its roles again would give an
      importer two records with one id; the manifest still accounts for the copy.
    Settled from the content, in a worker: formats :func:`~jdx.extractors.sniff.sniff` refuses as
    ``unsupported_format`` (images, archives, spreadsheets, executables) -> ``skipped``. Every
    other refusal (``corrupt_file``, ``encrypted``, ``empty_file``, ``zip_bomb``, ``too_large`` …)
    is a document that ``failed``. Bytes that are neither a container nor text
    (``binary_content``, ``undecodable_text``) fail when the name claims a document format and
    are skipped otherwise (a ``.mp3`` is no damaged 岗位说明书; a ``.docx`` of garbage is).

Process model
    This process walks, hashes and plans, then feeds files one at a time to ``workers``
    long-lived worker processes over pipes. Each worker loads the lexicon, jieba and spaCy
    once, caps its address space (``RLIMIT_AS``) and converts files until told to stop. The
    parent enforces a wall-clock deadline per file: a worker past it is SIGKILLed and replaced
    (``timeout``); one that dies is replaced (``worker_crashed``, or ``out_of_memory`` for a
    ``MemoryError`` or a SIGKILL nobody here sent — the kernel's OOM killer). Each worker leads
    its own process group, so the kill also takes a LibreOffice it started for a ``.doc``; it
    dies with the parent (``PR_SET_PDEATHSIG``), so ``kill -9`` of the batch leaves nothing
    running. Workers fork from a ``forkserver`` that has already imported the heavy modules, so
    a replacement is cheap. Only the parent writes output files.

Atomicity invariant
    Per file, the parent appends the file's role lines to ``roles.jsonl`` (fsync'd) and only
    then its manifest line to ``manifest.jsonl`` (fsync'd). So a manifest line exists only if all
    its roles are on disk before it. A kill at any moment can leave: role lines with no manifest
    line, or a torn last line in either file. Every run therefore starts with a *compaction*:
    it reads the complete manifest lines, keeps the reusable ones (resume rule), keeps exactly the
    role lines those entries account for (matched by ``source.file`` + ``source.sha256``, each
    role id once), drops an entry whose role count does not match, and rewrites both files
    (temp file + fsync + rename). Orphan and torn lines vanish; nothing is counted twice. The
    count check also covers a power loss after which the OS kept the manifest line but not the
    roles: the file is converted again. The end of a run compacts again, which also sorts both
    files by path so reruns are byte-stable.

Resume rule
    A manifest entry from an earlier run is reused when the same path still holds the same bytes
    (sha256) and its status is ok, partial or skipped-by-content. Failed files are retried; entries
    settled in the parent (junk, links, duplicates) are recomputed every run, as are files whose
    bytes changed; files no longer present disappear with their roles. ``force=True`` starts over.
    Settings (lexicon, limits) are not part of the key: after changing them, use ``force``.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import importlib
import json
import logging
import math
import multiprocessing as mp
import os
import resource
import signal
import stat
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, computed_field

from ..extractors.errors import DocumentError, ErrorCode
from ..extractors.limits import DEFAULT_LIMITS, Limits
from ..extractors.options import DEFAULT_OPTIONS, ReadOptions
from ..schemas.role import ErrorInfo, Warning

log = logging.getLogger(__name__)

MANIFEST = "manifest.jsonl"
ROLES = "roles.jsonl"
SUMMARY = "summary.json"
LOCK = ".jdx-batch.lock"

DEFAULT_MEMORY_LIMIT_MB = 2048
DEFAULT_CONVERT = "jdx.pipeline.convert:convert_bytes"
Status = Literal["ok", "partial", "failed", "skipped"]

# Extensions that claim a document: garbage under these names is a damaged document, not junk.
DOCUMENT_EXTENSIONS = frozenset(
    {".docx", ".docm", ".dotx", ".doc", ".dot", ".wps", ".pdf", ".txt", ".text", ".md", ".htm", ".html", ".rtf",
     ".markdown", ".xlsx", ".xlsm", ".xls", ".et", ".ods"}
)
OS_JUNK = frozenset({b"thumbs.db", b"ehthumbs.db", b".ds_store", b"desktop.ini", b"icon\r"})
# Refusals by content that mean "not a document" rather than "a broken document".
NOT_TEXT_CODES = frozenset({ErrorCode.BINARY_CONTENT.value, ErrorCode.UNDECODABLE_TEXT.value})
# Modules a worker needs; the forkserver imports them once so each worker starts warm.
WORKER_PRELOAD = [
    "jdx.pipeline.batch", "jdx.pipeline.convert", "jdx.pipeline.nlp", "jdx.extractors.docx",
    "jdx.extractors.pdf", "jdx.extractors.text", "jieba", "spacy", "spacy.lang.zh",
]
WORKER_START_SECONDS = 180.0
MAX_START_FAILURES = 3
WARM_UP_TEXT = "岗位名称：出纳\n任职资格：\n熟悉财务制度，责任心强\n岗位职责：\n1. 负责现金收付\n"


class BatchUsageError(ValueError):
    """Bad arguments (missing IN_DIR, OUT_DIR is a file …): the CLI exits 2."""


class BatchError(RuntimeError):
    """The batch cannot go on at all (workers cannot start). Results so far stay resumable."""


# ----------------------------------------------------------------------------- records


class ManifestEntry(BaseModel):
    """One line of ``manifest.jsonl``: what happened to one file."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="Relative to IN_DIR; a non-UTF-8 name is escaped (\\xNN), see path_bytes_hex")
    path_bytes_hex: str | None = Field(default=None, description="The name's raw bytes when it is not UTF-8")
    sha256: str | None = None
    size: int | None = None
    status: Status
    roles: int = 0
    error: ErrorInfo | None = Field(default=None, description="Why the file failed")
    reason: ErrorInfo | None = Field(default=None, description="Why the file was skipped")
    duplicate_of: str | None = None
    warnings: list[Warning] = Field(default_factory=list)
    seconds: float = 0.0

    def raw_path(self) -> bytes:
        return bytes.fromhex(self.path_bytes_hex) if self.path_bytes_hex else self.path.encode("utf-8")


class FileTask(BaseModel):
    """A file sent to a worker."""

    abs_path: bytes
    path: str = Field(description="Manifest path; also written to Role.source.file")
    path_bytes_hex: str | None = None
    warnings: list[Warning] = Field(default_factory=list, description="About the file name")
    title_name: str = Field(description="Name given to convert for its file-name title fallback")
    sha256: str
    size: int

    def raw_path(self) -> bytes:
        return bytes.fromhex(self.path_bytes_hex) if self.path_bytes_hex else self.path.encode("utf-8")


class FileOutcome(BaseModel):
    """A worker's answer for one file; roles travel as ready-made JSON lines."""

    status: Status
    sha256: str | None = None
    roles: list[str] = Field(default_factory=list)
    error: ErrorInfo | None = None
    reason: ErrorInfo | None = None
    warnings: list[Warning] = Field(default_factory=list)
    seconds: float = 0.0
    fatal: bool = Field(default=False, description="The worker is unusable afterwards and exits")


class WorkerConfig(BaseModel):
    limits: Limits = DEFAULT_LIMITS
    # Password and converter choice for every file (ReadOptions.filename stays unset: each
    # file's name is filled in per file).
    options: ReadOptions = DEFAULT_OPTIONS
    lexicon_path: str | None = None
    memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB
    convert_fn: str = DEFAULT_CONVERT


class _Ready(BaseModel):
    pid: int


class _StartFailed(BaseModel):
    message: str


class BatchSummary(BaseModel):
    in_dir: str
    out_dir: str
    files: int
    by_status: dict[str, int]
    roles: int
    error_codes: dict[str, int] = Field(description="Failed files by error code, most common first")
    skip_reasons: dict[str, int]
    reused: int = Field(description="Files settled by an earlier run and not converted again")
    converted: int = Field(description="Files converted by this run's workers")
    elapsed_seconds: float
    outputs: list[str]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def exit_code(self) -> int:
        return 1 if self.by_status.get("failed") else 0


# ----------------------------------------------------------------------------- progress


class BatchProgress(Protocol):
    def start(self, total: int, counts: Counter[str]) -> None: ...

    def advance(self, entry: ManifestEntry, counts: Counter[str]) -> None: ...

    def stop(self) -> None: ...


class NullProgress:
    def start(self, total: int, counts: Counter[str]) -> None:
        pass

    def advance(self, entry: ManifestEntry, counts: Counter[str]) -> None:
        pass

    def stop(self) -> None:
        pass


def _counts_text(counts: Counter[str]) -> str:
    return " ".join(f"{s} {counts.get(s, 0)}" for s in ("ok", "partial", "failed", "skipped"))


class LineProgress:
    """Plain lines for logs and pipes: every ``every`` files or ``seconds``, whichever first."""

    def __init__(self, stream=None, every: int = 100, seconds: float = 5.0) -> None:
        self._stream = stream or sys.stderr
        self._every, self._seconds = every, seconds
        self._total = self._done = self._since = self._start_done = 0
        self._t0 = self._last = time.monotonic()

    def start(self, total: int, counts: Counter[str]) -> None:
        self._total, self._done = total, sum(counts.values())
        self._start_done = self._done
        self._t0 = self._last = time.monotonic()
        self._emit(counts)

    def advance(self, entry: ManifestEntry, counts: Counter[str]) -> None:
        self._done += 1
        self._since += 1
        now = time.monotonic()
        if self._since >= self._every or now - self._last >= self._seconds or self._done == self._total:
            self._emit(counts)

    def _emit(self, counts: Counter[str]) -> None:
        now = time.monotonic()
        rate = (self._done - self._start_done) / max(now - self._t0, 1e-9)
        eta = f", ETA {(self._total - self._done) / rate:,.0f} s" if rate > 0 and self._done < self._total else ""
        print(f"jdx batch: {self._done}/{self._total} files ({_counts_text(counts)}), {rate:.1f} files/s{eta}",
              file=self._stream, flush=True)
        self._last, self._since = now, 0

    def stop(self) -> None:
        pass


class RichProgress:
    """A live bar with counts and ETA, for a terminal."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("[bold]jdx batch"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.fields[counts]}"), console=Console(stderr=True), transient=False,
        )
        self._task = None

    def start(self, total: int, counts: Counter[str]) -> None:
        self._progress.start()
        self._task = self._progress.add_task("files", total=total, completed=sum(counts.values()),
                                             counts=_counts_text(counts))

    def advance(self, entry: ManifestEntry, counts: Counter[str]) -> None:
        self._progress.update(self._task, advance=1, counts=_counts_text(counts))

    def stop(self) -> None:
        self._progress.stop()


def auto_progress(quiet: bool = False) -> BatchProgress:
    if quiet:
        return NullProgress()
    return RichProgress() if sys.stderr.isatty() else LineProgress()


# ----------------------------------------------------------------------------- walking


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


# ----------------------------------------------------------------------------- planning


def display_path(raw: bytes) -> tuple[str, str | None]:
    """(manifest path, hex of the raw bytes when they are not UTF-8).

    A folder or file name that is not UTF-8 shows every non-ASCII byte as ``\\xNN``: decoding
    what happens to parse would mix escapes with stray characters that were never in the name.
    """
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return "/".join(_escaped(part) for part in raw.split(b"/")), raw.hex()


def _escaped(part: bytes) -> str:
    try:
        return part.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(chr(b) if b < 0x80 else f"\\x{b:02x}" for b in part)


def legacy_name(raw: bytes) -> str | None:
    """A non-UTF-8 name read as GB18030, what Chinese Windows (cp936) wrote on its shares."""
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return None


def _extension(raw: bytes) -> str:
    return os.path.splitext(raw)[1].decode("ascii", "replace").lower()


def name_skip_reason(name: bytes, size: int) -> ErrorInfo | None:
    """Why a file is skipped from its name alone (see the module docstring), or None."""
    lower = name.lower()
    if lower.startswith(b"~$") or (lower.startswith(b".~lock.") and lower.endswith(b"#")):
        return ErrorInfo(code="lock_file", message="lock file left by an open Word/LibreOffice document")
    if lower in OS_JUNK or lower.startswith(b"._"):
        return ErrorInfo(code="os_junk", message="file-system metadata (thumbnails, folder settings, AppleDouble)")
    if size == 0 and _extension(name) not in DOCUMENT_EXTENSIONS:
        return ErrorInfo(code="temp_file", message="zero-byte file with no document extension")
    return None


@dataclass
class Plan:
    decided: list[ManifestEntry]  # settled here: junk, links, duplicates, unreadable
    tasks: list[FileTask]         # for the workers, in path order


def _entry(found: Found, **fields) -> ManifestEntry:
    path, hexed = display_path(found.raw)
    return ManifestEntry(path=path, path_bytes_hex=hexed, **fields)


def name_warnings(raw: bytes) -> list[Warning]:
    if display_path(raw)[1] is None:
        return []
    reading = legacy_name(raw)
    hint = f"; read as GB18030 it is {reading}" if reading else ""
    return [Warning(code="filename_not_utf8", message=f"the file name is not valid UTF-8{hint}")]


def sha256_file(path: bytes) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def plan(found: list[Found]) -> Plan:
    """Decide what the parent can, hash the rest, and mark duplicates (first path wins)."""
    decided: list[ManifestEntry] = []
    tasks: list[FileTask] = []
    first_by_sha: dict[str, str] = {}
    for item in sorted(found, key=lambda f: f.raw):
        entry_or_task = _plan_one(item, first_by_sha)
        (decided if isinstance(entry_or_task, ManifestEntry) else tasks).append(entry_or_task)
    return Plan(decided, tasks)


def _plan_one(item: Found, first_by_sha: dict[str, str]) -> ManifestEntry | FileTask:
    warnings = name_warnings(item.raw)
    if item.kind == "symlink":
        return _entry(item, status="skipped", warnings=warnings, reason=ErrorInfo(
            code="symlink", message=f"symbolic link to {item.detail}; links are not followed"))
    if item.kind == "special":
        return _entry(item, status="skipped", warnings=warnings, reason=ErrorInfo(
            code="not_regular_file", message=f"{item.detail}, not a regular file"))
    if item.kind == "jdx_output":
        return _entry(item, status="skipped", warnings=warnings, reason=ErrorInfo(
            code="jdx_output", message="output folder of an earlier jdx batch; not read"))
    if item.kind == "unreadable":
        return _entry(item, status="failed", warnings=warnings, error=ErrorInfo(
            code=ErrorCode.CORRUPT_FILE.value, message=f"cannot read: {item.detail}"))
    try:
        sha = sha256_file(item.abs)
    except OSError as exc:
        return _entry(item, status="failed", size=item.size, warnings=warnings, error=ErrorInfo(
            code=ErrorCode.CORRUPT_FILE.value, message=f"cannot read the file: {exc.strerror or exc}"))
    reason = name_skip_reason(os.path.basename(item.raw), item.size)
    if reason:
        return _entry(item, status="skipped", sha256=sha, size=item.size, reason=reason, warnings=warnings)
    path = display_path(item.raw)[0]
    first = first_by_sha.setdefault(sha, path) if item.size else path
    if first != path:
        return _entry(item, status="skipped", sha256=sha, size=item.size, duplicate_of=first, warnings=warnings,
                      reason=ErrorInfo(code="duplicate", message=f"same bytes as {first}; its roles are listed once"))
    hexed = display_path(item.raw)[1]
    title = path if hexed is None else (legacy_name(item.raw) or path)
    return FileTask(abs_path=item.abs, path=path, path_bytes_hex=hexed, warnings=warnings, title_name=title,
                    sha256=sha, size=item.size)


# ----------------------------------------------------------------------------- the journal


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class Journal:
    """Appends results; see the atomicity invariant in the module docstring."""

    def __init__(self, out_dir: Path) -> None:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        self._roles = os.open(out_dir / ROLES, flags, 0o644)
        self._manifest = os.open(out_dir / MANIFEST, flags, 0o644)

    def record(self, entries: Sequence[ManifestEntry], role_lines: Sequence[str] = ()) -> None:
        if role_lines:
            _write_all(self._roles, "".join(line + "\n" for line in role_lines).encode("utf-8"))
            os.fsync(self._roles)
        if entries:
            _write_all(self._manifest, "".join(e.model_dump_json() + "\n" for e in entries).encode("utf-8"))
            os.fsync(self._manifest)

    def close(self) -> None:
        os.close(self._roles)
        os.close(self._manifest)


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


@dataclass(frozen=True)
class _RoleSpan:
    index: int
    offset: int
    length: int


def _index_roles(path: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], list[_RoleSpan]]:
    """Where the role lines of each wanted (file, sha256) are, each role id once."""
    spans: dict[tuple[str, str], list[_RoleSpan]] = {}
    seen_ids: set[str] = set()
    for offset, line in _complete_lines(path):
        try:
            role = json.loads(line)
            key = (role["source"]["file"], role["source"]["sha256"])
            role_id, index = role["id"], role["source"]["role_index"]
        except (ValueError, KeyError, TypeError):
            continue
        if key in wanted and role_id not in seen_ids:
            seen_ids.add(role_id)
            spans.setdefault(key, []).append(_RoleSpan(index, offset, len(line)))
    return spans


def _replace_atomically(path: Path, write: Callable[[object], None]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        write(fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def compact(out_dir: Path, keep: Callable[[ManifestEntry], bool] = lambda e: True) -> list[ManifestEntry]:
    """Rewrite manifest and roles with the kept entries and exactly their roles, sorted by path."""
    entries = sorted((e for e in read_manifest(out_dir / MANIFEST) if keep(e)), key=ManifestEntry.raw_path)
    roles_path = out_dir / ROLES
    spans = _index_roles(roles_path, {(e.path, e.sha256) for e in entries if e.roles and e.sha256})
    kept: list[ManifestEntry] = []
    ordered: list[_RoleSpan] = []
    for entry in entries:
        mine = sorted(spans.get((entry.path, entry.sha256 or ""), []), key=lambda s: s.index)
        if len(mine) != entry.roles:
            log.warning("%s: %d role lines for %d counted; converting it again", entry.path, len(mine), entry.roles)
            continue
        kept.append(entry)
        ordered.extend(mine)
    _rewrite_roles(roles_path, ordered)
    _replace_atomically(out_dir / MANIFEST, lambda fh: fh.writelines(
        (e.model_dump_json() + "\n").encode("utf-8") for e in kept))
    _fsync_dir(out_dir)
    return kept


def _rewrite_roles(path: Path, ordered: list[_RoleSpan]) -> None:
    if not path.exists():
        path.touch()
    with open(path, "rb") as src:
        def copy(fh) -> None:
            for span in ordered:
                src.seek(span.offset)
                fh.write(src.read(span.length))

        _replace_atomically(path, copy)


# ----------------------------------------------------------------------------- workers


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when its parent dies, even by SIGKILL."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _prepare_worker(config: WorkerConfig) -> None:
    # Ctrl-C reaches the whole process group; the parent decides what happens to workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Its own process group, so that a deadline kill also takes what it started (LibreOffice
    # converting a .doc) instead of leaving it running as an orphan.
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    _die_with_parent()
    import warnings

    warnings.simplefilter("ignore")  # pdfminer & co. would scribble over the progress bar
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr, format="jdx worker: %(levelname)s %(name)s: %(message)s")
    if config.memory_limit_mb:
        cap = config.memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


class _Converter:
    """One worker's state: the lexicon and the convert function, warmed up once."""

    def __init__(self, config: WorkerConfig) -> None:
        from .lexicon import load_lexicon

        self.config = config
        self.lexicon = load_lexicon(config.lexicon_path)
        module, func = config.convert_fn.split(":")
        self.convert = getattr(importlib.import_module(module), func)
        # jieba's dictionary and spaCy load on first use: pay for it before the first deadline runs.
        from .convert import convert_bytes

        convert_bytes(WARM_UP_TEXT.encode("utf-8"), "warm-up.txt", lexicon=self.lexicon, limits=config.limits)

    def run(self, task: FileTask) -> FileOutcome:
        started = time.perf_counter()
        try:
            outcome = self._convert(task)
        except MemoryError:
            outcome = FileOutcome(status="failed", fatal=True, error=ErrorInfo(
                code=ErrorCode.OUT_OF_MEMORY.value,
                message=f"the file needs more than the worker's memory limit of {self.config.memory_limit_mb} MB"))
        except Exception as exc:  # a bug in jdx: one failed line, not a dead batch
            log.exception("converting %s crashed", task.path)
            outcome = FileOutcome(status="failed", error=ErrorInfo(
                code=ErrorCode.INTERNAL_ERROR.value, message=f"{type(exc).__name__}: {exc}"[:500]))
        outcome.seconds = round(time.perf_counter() - started, 4)
        return outcome

    def _convert(self, task: FileTask) -> FileOutcome:
        from ..extractors.sniff import sniff

        limits = self.config.limits
        if task.size > limits.max_file_bytes:
            return self._oversized(task)
        try:
            with open(task.abs_path, "rb") as fh:
                data = fh.read(limits.max_file_bytes + 1)
        except OSError as exc:
            return _failed(ErrorCode.CORRUPT_FILE.value, f"cannot read the file: {exc.strerror or exc}")
        sha = hashlib.sha256(data).hexdigest()
        try:
            sniff(data)
        except DocumentError as exc:
            return self._refused(task, sha, ErrorInfo(code=exc.code.value, message=exc.message))
        result = self.convert(data, task.title_name, lexicon=self.lexicon, limits=limits,
                              options=self.config.options, raise_errors=True)
        if result.status == "failed" and result.error:
            return self._refused(task, sha, result.error, result.warnings)
        roles = [
            role.model_copy(update={"source": role.source.model_copy(update={"file": task.path})}).model_dump_json()
            for role in result.roles
        ]
        return FileOutcome(status=result.status, sha256=sha, roles=roles, warnings=result.warnings)

    def _refused(self, task: FileTask, sha: str, error: ErrorInfo, warnings: Sequence[Warning] = ()) -> FileOutcome:
        """Skipped when the content says 'not a document', failed when it is a broken one."""
        not_text = error.code in NOT_TEXT_CODES and _extension(task.abs_path) not in DOCUMENT_EXTENSIONS
        if error.code == ErrorCode.UNSUPPORTED_FORMAT.value or not_text:
            return FileOutcome(status="skipped", sha256=sha, reason=error, warnings=list(warnings))
        return FileOutcome(status="failed", sha256=sha, error=error, warnings=list(warnings))

    def _oversized(self, task: FileTask) -> FileOutcome:
        """Above max_file_bytes: never read whole; a glance at the head tells junk from a document."""
        from ..extractors.sniff import FOREIGN_SIGNATURES

        with open(task.abs_path, "rb") as fh:
            head = fh.read(64)
        for magic, name in FOREIGN_SIGNATURES:
            if head.startswith(magic):
                return FileOutcome(status="skipped", sha256=task.sha256, reason=ErrorInfo(
                    code=ErrorCode.UNSUPPORTED_FORMAT.value, message=f"this is a {name}, not a document jdx reads"))
        return FileOutcome(status="failed", sha256=task.sha256, error=ErrorInfo(
            code=ErrorCode.TOO_LARGE.value,
            message=f"file is {task.size:,} bytes, above the limit of {self.config.limits.max_file_bytes:,}"))


def _failed(code: str, message: str) -> FileOutcome:
    return FileOutcome(status="failed", error=ErrorInfo(code=code, message=message))


def worker_main(conn: Connection, config: WorkerConfig) -> None:
    """Entry point of a worker process: convert the files the parent sends until told to stop."""
    try:
        _prepare_worker(config)
        converter = _Converter(config)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which gives up cleanly
        with contextlib.suppress(Exception):
            conn.send(_StartFailed(message=f"{type(exc).__name__}: {exc}"))
        return
    conn.send(_Ready(pid=os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        outcome = converter.run(task)
        try:
            conn.send(outcome)
        except MemoryError:
            conn.send(_failed(ErrorCode.OUT_OF_MEMORY.value, "the result is too large to hand back").model_copy(
                update={"fatal": True}))
            return
        except (BrokenPipeError, OSError):
            return
        if outcome.fatal:
            return


class _Worker:
    """The parent's handle on one worker process."""

    def __init__(self, ctx, config: WorkerConfig) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_main, args=(child, config), daemon=True, name="jdx-batch-worker")
        self.process.start()
        child.close()
        self.ready = False
        self.task: FileTask | None = None
        self.deadline = math.inf
        self.started = time.monotonic()
        self.killed = False

    def assign(self, task: FileTask, timeout: float) -> None:
        self.conn.send(task)  # first: a dead worker must not be charged with a file it never got
        self.task, self.deadline = task, time.monotonic() + timeout

    def take(self) -> FileTask:
        task, self.task, self.deadline = self.task, None, math.inf
        assert task is not None
        return task

    def kill(self) -> None:
        self.killed = True
        with contextlib.suppress(OSError, TypeError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


def _context():
    """forkserver (workers fork from a process that already imported jieba/spaCy) where there is one."""
    try:
        ctx = mp.get_context("forkserver")
    except ValueError:
        return mp.get_context("spawn")
    ctx.set_forkserver_preload(WORKER_PRELOAD)
    from multiprocessing import forkserver

    # The server imports jieba, whose pkg_resources import warns on stderr over the progress
    # bar; it inherits this environment, and only at its start.
    saved = os.environ.get("PYTHONWARNINGS")
    os.environ["PYTHONWARNINGS"] = "ignore"
    try:
        forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ["PYTHONWARNINGS"]
        else:
            os.environ["PYTHONWARNINGS"] = saved
    return ctx


class WorkerPool:
    """Feeds tasks to worker processes, one file each at a time, with deadlines and restarts."""

    def __init__(self, config: WorkerConfig, size: int, timeout: float,
                 on_outcome: Callable[[FileTask, FileOutcome], None]) -> None:
        self._ctx = _context()
        self._config, self._size, self._timeout = config, size, timeout
        self._on_outcome = on_outcome
        self._workers: list[_Worker] = []
        self._start_failures = 0

    def run(self, tasks: list[FileTask]) -> None:
        queue = deque(tasks)
        try:
            self._workers = [_Worker(self._ctx, self._config) for _ in range(min(self._size, len(queue)))]
            while queue or any(w.task for w in self._workers):
                self._dispatch(queue)
                self._wait()
                self._service(queue)
        except BaseException:
            for worker in self._workers:  # Ctrl-C, SIGTERM or a fatal error: no point in waiting for them
                worker.kill()
            raise
        for worker in self._workers:
            worker.stop()

    def _dispatch(self, queue: deque[FileTask]) -> None:
        for worker in self._workers:
            if worker.ready and worker.task is None and queue:
                try:
                    worker.assign(queue[0], self._timeout)
                except (BrokenPipeError, OSError):
                    continue  # it died; _service replaces it and the file waits for the next one
                queue.popleft()

    def _wait(self) -> None:
        now = time.monotonic()
        soonest = min((w.deadline for w in self._workers), default=math.inf)
        timeout = max(0.0, min(soonest - now, 1.0))
        if not self._workers:
            return
        wait([w.conn for w in self._workers] + [w.process.sentinel for w in self._workers], timeout)

    def _service(self, queue: deque[FileTask]) -> None:
        alive: list[_Worker] = []
        for worker in self._workers:
            if not self._serve(worker):
                alive.append(worker)
            elif queue:
                alive.append(_Worker(self._ctx, self._config))
        self._workers = alive

    def _serve(self, worker: _Worker) -> bool:
        """Handle what the worker said or did; True when it is gone and may need a replacement."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if self._handle(worker, message):
                    worker.kill()
                    return True
        except (EOFError, OSError):
            pass
        if not worker.process.is_alive():
            self._died(worker)
            return True
        if worker.task and time.monotonic() > worker.deadline:
            worker.kill()
            self._on_outcome(worker.take(), _failed(
                ErrorCode.TIMEOUT.value, f"not converted within {self._timeout:g} s; the worker was stopped"
            ).model_copy(update={"seconds": self._timeout}))
            return True
        if not worker.ready and time.monotonic() - worker.started > WORKER_START_SECONDS:
            raise BatchError(f"a worker did not start within {WORKER_START_SECONDS:g} s")
        return False

    def _handle(self, worker: _Worker, message: object) -> bool:
        if isinstance(message, _Ready):
            worker.ready = True
            self._start_failures = 0
            return False
        if isinstance(message, _StartFailed):
            raise BatchError(f"worker processes cannot start: {message.message}"
                             + (" (is the memory limit too low?)" if "MemoryError" in message.message else ""))
        if isinstance(message, FileOutcome) and worker.task is not None:
            self._on_outcome(worker.take(), message)
            return message.fatal
        return False

    def _died(self, worker: _Worker) -> None:
        worker.process.join(1)
        code = worker.process.exitcode
        worker.kill()
        if worker.task is None:
            if not worker.ready:
                self._start_failures += 1
                if self._start_failures >= MAX_START_FAILURES:
                    raise BatchError(f"worker processes keep dying at start (exit code {code})")
            return
        self._on_outcome(worker.take(), _death_outcome(code))


def _death_outcome(exitcode: int | None) -> FileOutcome:
    if exitcode == -signal.SIGKILL:
        # Nobody here sent it (deadline kills are handled before): the kernel's OOM killer.
        return _failed(ErrorCode.OUT_OF_MEMORY.value, "the worker was killed by SIGKILL, most likely for memory")
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        return _failed(ErrorCode.WORKER_CRASHED.value, f"the worker died with signal {name}")
    return _failed(ErrorCode.WORKER_CRASHED.value, f"the worker exited unexpectedly (exit code {exitcode})")


# ----------------------------------------------------------------------------- the batch


def _check_args(in_dir: Path, out_dir: Path, workers: int, timeout: float, lexicon_path: str | None) -> None:
    if not in_dir.exists():
        raise BatchUsageError(f"no such folder: {in_dir}")
    if not in_dir.is_dir():
        raise BatchUsageError(f"not a folder: {in_dir} (use `jdx convert` for one file)")
    if out_dir.exists() and not out_dir.is_dir():
        raise BatchUsageError(f"OUT_DIR exists and is not a folder: {out_dir}")
    if out_dir.exists() and os.path.samefile(in_dir, out_dir):
        raise BatchUsageError("OUT_DIR must not be IN_DIR itself (a subfolder is fine: it is not read)")
    if workers < 1:
        raise BatchUsageError(f"--workers must be at least 1, not {workers}")
    if not timeout > 0:
        raise BatchUsageError(f"--timeout must be positive, not {timeout}")
    if lexicon_path and not Path(lexicon_path).is_file():
        raise BatchUsageError(f"no such lexicon file: {lexicon_path}")


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """One batch per OUT_DIR at a time: two writers would break the journal's invariant."""
    fd = os.open(out_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EACCES):
                raise BatchUsageError(f"another jdx batch is writing to {out_dir}") from None
            raise
        yield
    finally:
        os.close(fd)


def _clear_outputs(out_dir: Path) -> None:
    from .export import EXPORT_FILES
    from .org import ORG_CSV, ORG_JSON

    for name in (MANIFEST, ROLES, SUMMARY, *EXPORT_FILES, ORG_JSON, ORG_CSV):
        with contextlib.suppress(FileNotFoundError):
            (out_dir / name).unlink()


def _reusable(tasks: list[FileTask]) -> Callable[[ManifestEntry], bool]:
    current = {t.raw_path(): t.sha256 for t in tasks}

    def keep(entry: ManifestEntry) -> bool:
        if entry.sha256 is None or current.get(entry.raw_path()) != entry.sha256:
            return False  # gone, changed, or settled from its name (no task: links, FIFOs, junk)
        return entry.status != "failed" and entry.duplicate_of is None

    return keep


def run_batch(
    in_dir: str | Path,
    out_dir: str | Path,
    *,
    workers: int | None = None,
    timeout: float = 60.0,
    force: bool = False,
    progress: BatchProgress | None = None,
    memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB,
    limits: Limits = DEFAULT_LIMITS,
    lexicon_path: str | None = None,
    convert_fn: str = DEFAULT_CONVERT,
    headers: str = "zh",
    options: ReadOptions | None = None,
) -> BatchSummary:
    """Convert every file under ``in_dir`` into ``out_dir``; resumable (see the module docstring).

    ``convert_fn`` ("module:function", called like :func:`~jdx.pipeline.convert.convert_bytes`)
    lets a caller plug in another converter; ``memory_limit_mb`` caps each worker's address space
    (None: no cap); ``headers`` is the spreadsheets' header language (``zh`` or ``en``, see
    :mod:`.export`). Raises :class:`BatchUsageError` for bad arguments and :class:`BatchError` when
    workers cannot start; bad input files never raise.
    """
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    workers = (os.cpu_count() or 1) if workers is None else workers
    _check_args(in_dir, out_dir, workers, timeout, lexicon_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    progress = progress or NullProgress()
    config = WorkerConfig(limits=limits, lexicon_path=lexicon_path, memory_limit_mb=memory_limit_mb,
                          convert_fn=convert_fn, options=options or DEFAULT_OPTIONS)
    with _locked(out_dir):
        started = time.monotonic()
        if force:
            _clear_outputs(out_dir)
        the_plan = plan(list(walk_tree(in_dir, exclude=frozenset({_dir_key(os.fsencode(out_dir))}))))
        reused = compact(out_dir, _reusable(the_plan.tasks))
        done = {e.raw_path() for e in reused}
        todo = [t for t in the_plan.tasks if t.raw_path() not in done]
        converted = _convert_all(out_dir, the_plan, reused, todo, config, workers, timeout, progress)
        return _finish(in_dir, out_dir, started, len(reused), converted, headers)


def _convert_all(out_dir: Path, the_plan: Plan, reused: list[ManifestEntry], todo: list[FileTask],
                 config: WorkerConfig, workers: int, timeout: float, progress: BatchProgress) -> int:
    counts = Counter(e.status for e in (*reused, *the_plan.decided))
    journal = Journal(out_dir)
    converted = 0

    def on_outcome(task: FileTask, outcome: FileOutcome) -> None:
        nonlocal converted
        entry = _task_entry(task, outcome)
        journal.record([entry], outcome.roles)
        converted += 1
        counts[entry.status] += 1
        progress.advance(entry, counts)

    try:
        journal.record(the_plan.decided)
        progress.start(len(reused) + len(the_plan.decided) + len(todo), counts)
        if todo:
            WorkerPool(config, workers, timeout, on_outcome).run(todo)
    finally:
        progress.stop()
        journal.close()
    return converted


def _task_entry(task: FileTask, outcome: FileOutcome) -> ManifestEntry:
    return ManifestEntry(
        path=task.path, path_bytes_hex=task.path_bytes_hex, sha256=outcome.sha256 or task.sha256, size=task.size,
        status=outcome.status, roles=len(outcome.roles), error=outcome.error, reason=outcome.reason,
        warnings=[*task.warnings, *outcome.warnings], seconds=outcome.seconds,
    )


def _finish(in_dir: Path, out_dir: Path, started: float, reused: int, converted: int,
            headers: str = "zh") -> BatchSummary:
    from .export import export_tables
    from .org import write_org

    entries = compact(out_dir)
    try:
        tables = [p.name for p in export_tables(out_dir, headers=headers)]
    except Exception:  # the JSONL results are complete and valid; a spreadsheet bug must not hide them
        log.exception("writing the spreadsheets failed; manifest.jsonl and roles.jsonl are complete")
        tables = []
    try:
        tables += [p.name for p in write_org(out_dir)]
    except Exception:
        log.exception("writing org.json/org.csv failed; manifest.jsonl and roles.jsonl are complete")
    outputs = [MANIFEST, ROLES, *tables, SUMMARY]
    summary = summarize(entries, in_dir, out_dir, time.monotonic() - started, reused, converted, outputs)
    _replace_atomically(out_dir / SUMMARY, lambda fh: fh.write(
        (summary.model_dump_json(indent=2) + "\n").encode("utf-8")))
    return summary


def summarize(entries: list[ManifestEntry], in_dir: Path, out_dir: Path, elapsed: float,
              reused: int, converted: int, outputs: list[str]) -> BatchSummary:
    by_status = Counter(e.status for e in entries)
    errors = Counter(e.error.code for e in entries if e.error and e.status == "failed")
    skips = Counter(e.reason.code for e in entries if e.reason and e.status == "skipped")
    return BatchSummary(
        in_dir=str(in_dir), out_dir=str(out_dir), files=len(entries),
        by_status={s: by_status.get(s, 0) for s in ("ok", "partial", "failed", "skipped")},
        roles=sum(e.roles for e in entries), error_codes=dict(errors.most_common()),
        skip_reasons=dict(skips.most_common()), reused=reused, converted=converted,
        elapsed_seconds=round(elapsed, 2), outputs=outputs,
    )


def format_summary(summary: BatchSummary) -> str:
    s = summary.by_status
    lines = [
        f"jdx batch: {summary.files} files in {summary.elapsed_seconds:.1f} s — ok {s['ok']}, partial {s['partial']}, "
        f"failed {s['failed']}, skipped {s['skipped']}; {summary.roles} roles"
        + (f" ({summary.reused} files from an earlier run)" if summary.reused else ""),
    ]
    if summary.error_codes:
        lines.append("  failed:  " + ", ".join(f"{c} {n}" for c, n in list(summary.error_codes.items())[:6]))
    if summary.skip_reasons:
        lines.append("  skipped: " + ", ".join(f"{c} {n}" for c, n in list(summary.skip_reasons.items())[:6]))
    lines.append(f"  output:  {summary.out_dir}/ ({', '.join(summary.outputs)})")
    return "\n".join(lines)
