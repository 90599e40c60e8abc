"""Convert a whole folder tree: the library behind ``jdx batch IN_DIR -o OUT_DIR``.

Modules: :mod:`.walk` (the folder tree), :mod:`.plan` (skip rules, hashing, duplicates,
order), :mod:`.journal` (manifest and roles on disk), :mod:`.workers` (the processes),
:mod:`.progress` (stderr), :mod:`.run` (``run_batch``); :mod:`.records` holds what they share.

Built for HR teams importing thousands of legacy files copied from Windows shares. One call
gets through everything, never stops on one bad file, survives being killed, and ends with
one manifest line for every file it saw.

Outputs in ``OUT_DIR``
    ``manifest.jsonl``  one :class:`ManifestEntry` per file found (status ok/partial/failed/skipped)
    ``roles.jsonl``     one :class:`~jdx.schemas.role.Role` per line, exactly the roles the manifest counts
    ``roles.xlsx`` and ``roles.csv``/``duties.csv``/``kpis.csv``/``problems.csv`` (:mod:`.export`),
                        regenerated at the end of every run from the two files above
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
    Settled from the content, in a worker (the reader sniffs each file once): formats
    :func:`~jdx.extractors.sniff.sniff` refuses as
    ``unsupported_format`` (images, archives, spreadsheets, executables) -> ``skipped``. Every
    other refusal (``corrupt_file``, ``encrypted``, ``empty_file``, ``zip_bomb``, ``too_large`` …)
    is a document that ``failed``. Bytes that are neither a container nor text
    (``binary_content``, ``undecodable_text``) fail when the name claims a document format and
    are skipped otherwise (a ``.mp3`` is no damaged 岗位说明书; a ``.docx`` of garbage is).

Process model
    This process walks, hashes and plans, then feeds files one at a time, the costliest first
    (:func:`.plan.longest_first`), to ``workers`` long-lived worker processes over pipes. Each worker loads the lexicon and jieba
    once, caps its address space (``RLIMIT_AS``) and converts files until told to stop. The
    parent enforces a wall-clock deadline per file: a worker past it is SIGKILLed and replaced
    (``timeout``); one that dies is replaced (``worker_crashed``, or ``out_of_memory`` for a
    ``MemoryError`` or a SIGKILL nobody here sent — the kernel's OOM killer). Each worker leads
    its own process group, so the kill also takes a LibreOffice it started for a ``.doc``; it
    dies with the parent (``PR_SET_PDEATHSIG``), so ``kill -9`` of the batch leaves nothing
    running. Workers fork from a ``forkserver`` that has already imported the heavy modules, so
    a replacement is cheap. Only the parent writes output files.

Atomicity invariant
    The parent appends role lines to ``roles.jsonl`` (fsync'd) and only then the manifest lines
    of their files to ``manifest.jsonl`` (fsync'd), a group of files at a time (group commit,
    :class:`.journal.Journal`). So a manifest line exists only if all its roles are on disk
    before it. A kill at any moment can leave: role lines with no manifest
    line, or a torn last line in either file. Every run therefore starts with a *compaction*:
    it reads the complete manifest lines, keeps the reusable ones (resume rule), keeps exactly the
    role lines those entries account for (matched by ``source.file`` + ``source.sha256``, each
    role id once), drops an entry whose role count does not match, and rewrites both files
    (temp file + fsync + rename). Orphan and torn lines vanish; nothing is counted twice. The
    count check also covers a power loss after which the OS kept the manifest line but not the
    roles: the file is converted again. The end of a run compacts again, which also sorts both
    files by path so reruns are byte-stable. What each role line is (file, sha256, id, index,
    review flag) the workers send with it, and the journal keeps by offset: the closing
    compaction and the export read the lines this run wrote without parsing them to find out.

Resume rule
    A manifest entry from an earlier run is reused when the same path still holds the same bytes
    (sha256) and its status is ok, partial or skipped-by-content. Failed files are retried; entries
    settled in the parent (junk, links, duplicates) are recomputed every run, as are files whose
    bytes changed; files no longer present disappear with their roles. ``force=True`` starts over.
    Settings (lexicon, limits) are not part of the key: after changing them, use ``force``.

Write failures
    A failed write of the manifest, the roles, the spreadsheets or the summary (disk full,
    permission) stops the run at once with :class:`BatchOutputError` (one line naming the file
    and the cause; the CLI exits 2): the journal is cut back to its last complete group, temp
    files are removed, and a rerun resumes. An OUT_DIR that cannot be created or written is a
    :class:`BatchUsageError` before anything runs.
"""

from __future__ import annotations

from .journal import Journal, compact, read_manifest
from .plan import DOCUMENT_EXTENSIONS, OS_JUNK, Plan, display_path, legacy_name, name_skip_reason, plan
from .progress import BatchProgress, LineProgress, NullProgress, RichProgress, auto_progress
from .records import (
    DEFAULT_CONVERT,
    DEFAULT_MEMORY_LIMIT_MB,
    LOCK,
    MANIFEST,
    ROLES,
    SUMMARY,
    BatchError,
    BatchOutputError,
    BatchSummary,
    BatchUsageError,
    FileOutcome,
    FileTask,
    ManifestEntry,
    WorkerConfig,
)
from .run import format_summary, run_batch, summarize
from .walk import Found, walk_tree
from .workers import WorkerPool, worker_main

__all__ = [
    "DEFAULT_CONVERT", "DEFAULT_MEMORY_LIMIT_MB", "DOCUMENT_EXTENSIONS", "LOCK", "MANIFEST", "OS_JUNK", "ROLES",
    "SUMMARY", "BatchError", "BatchOutputError", "BatchProgress", "BatchSummary", "BatchUsageError", "FileOutcome",
    "FileTask", "Found", "Journal", "LineProgress", "ManifestEntry", "NullProgress", "Plan", "RichProgress",
    "WorkerConfig", "WorkerPool", "auto_progress", "compact", "display_path", "format_summary", "legacy_name",
    "name_skip_reason", "plan", "read_manifest", "run_batch", "summarize", "walk_tree", "worker_main",
]
