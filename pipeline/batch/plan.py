"""Planning: what the parent settles from names alone (junk, links, duplicates) and the
tasks it hands to workers, hashed, in the order that finishes soonest."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from ...extractors.errors import ErrorCode
from ...schemas.role import ErrorInfo, Warning
from .records import FileTask, ManifestEntry
from .walk import Found

# Extensions that claim a document: garbage under these names is a damaged document, not junk.
DOCUMENT_EXTENSIONS = frozenset(
    {".docx", ".docm", ".dotx", ".doc", ".dot", ".wps", ".pdf", ".txt", ".text", ".md", ".htm", ".html", ".rtf",
     ".markdown", ".xlsx", ".xlsm", ".xls", ".et", ".ods", ".odt", ".ott", ".odm", ".fodt"}
)
OS_JUNK = frozenset({b"thumbs.db", b"ehthumbs.db", b".ds_store", b"desktop.ini", b"icon\r"})


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


def extension(raw: bytes) -> str:
    return os.path.splitext(raw)[1].decode("ascii", "replace").lower()


def name_skip_reason(name: bytes, size: int) -> ErrorInfo | None:
    """Why a file is skipped from its name alone (see the module docstring), or None."""
    lower = name.lower()
    if lower.startswith(b"~$") or (lower.startswith(b".~lock.") and lower.endswith(b"#")):
        return ErrorInfo(code="lock_file", message="lock file left by an open Word/LibreOffice document")
    if lower in OS_JUNK or lower.startswith(b"._"):
        return ErrorInfo(code="os_junk", message="file-system metadata (thumbnails, folder settings, AppleDouble)")
    if size == 0 and extension(name) not in DOCUMENT_EXTENSIONS:
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
        if isinstance(entry_or_task, ManifestEntry):
            decided.append(entry_or_task)
        else:
            tasks.append(entry_or_task)
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


# Seconds of conversion per byte, relative: text is read character by character, a DOCX is
# zip-compressed XML (about 5x smaller than its text), a PDF in between (fonts, images).
COST_PER_BYTE = {".pdf": 2.0, ".docx": 1.0, ".doc": 1.0, ".wps": 1.0}
TEXT_COST_PER_BYTE = 5.0


def estimated_cost(task: FileTask) -> float:
    return task.size * COST_PER_BYTE.get(extension(task.abs_path), TEXT_COST_PER_BYTE)


def longest_first(tasks: list[FileTask]) -> list[FileTask]:
    """Tasks in descending estimated cost (the longest-processing-time rule).

    Handed out in path order, the corpus's one 2 MB PDF (a third of all the work) could start
    last and leave one worker busy alone at the end; started first, it overlaps with the rest.
    The output order does not depend on this: the closing compaction sorts by path.
    """
    return sorted(tasks, key=lambda t: (-estimated_cost(t), t.path))
