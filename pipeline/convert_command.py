"""The library behind ``jdx convert``: inputs, outputs, formats and isolation, the way
docling, pandoc and markitdown users expect them.

* Inputs: one or more files, or glob patterns (``'岗位/**/*.docx'``, expanded here when the
  shell did not); ``-`` reads stdin. A folder is a usage error (that is ``jdx batch``).
* Output: stdout by default. ``-o PATH`` is a file for one input; it is a folder (created when
  missing) when there are several inputs, when PATH is an existing folder, or when it ends
  with ``/``; each input then gets ``<its name>.<format>`` there. An output that cannot be
  written is a usage error found before anything is converted.
* Formats (``--to``): ``json`` the full result of a file (indented for one file on stdout,
  one line per file when several go to stdout), ``jsonl`` one role per line (the shape of a
  batch's ``roles.jsonl``), ``md`` a readable Markdown rendering (:mod:`.render_md`).
* Isolation (:mod:`.isolate`): each file in a child process with a deadline and a memory cap,
  the defaults of ``jdx batch``; ``timeout=None`` and ``memory_limit_mb=None`` run in-process.
* Exit code: 0 when every file gave roles, 1 when one failed or gave none, 2 for usage errors.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..extractors.collector import paused
from . import compiled_patterns, kept_alternations
from .isolate import Isolation, Outcome, run_in_process, run_isolated

Format = Literal["json", "jsonl", "md"]
EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "md": ".md"}
STDIN = "-"
GLOB_CHARS = frozenset("*?[")


class ConvertUsageError(ValueError):
    """Bad arguments or an output that cannot be written: one line, exit 2."""


@dataclass(frozen=True)
class Request:
    inputs: list[str]
    output: str | None = None  # as typed: a trailing "/" asks for a folder
    to: Format = "json"
    compact: bool = False
    lexicon_path: str | None = None
    isolation: Isolation = Isolation()
    debug: bool = False
    keep_script: bool = False  # Traditional Chinese as written (default: Simplified)
    password: str | None = None
    via_libreoffice: bool = False


# ----------------------------------------------------------------------------- inputs and outputs


def expand_inputs(patterns: list[str]) -> list[str]:
    """Files named or matched, in the order given (a pattern's matches sorted), each once."""
    found: list[str] = []
    for pattern in patterns:
        if pattern == STDIN:
            found.append(STDIN)
            continue
        if GLOB_CHARS & set(pattern) and not os.path.exists(pattern):
            matches = sorted(m for m in glob.glob(pattern, recursive=True) if os.path.isfile(m))
            if not matches:
                raise ConvertUsageError(f"no file matches {pattern}")
            found.extend(matches)
            continue
        if not os.path.exists(pattern):
            raise ConvertUsageError(f"no such file: {pattern}")
        if os.path.isdir(pattern):
            raise ConvertUsageError(f"{pattern} is a folder; use `jdx batch {pattern} -o OUT`")
        found.append(pattern)
    if found.count(STDIN) > 1:
        raise ConvertUsageError("stdin ('-') can be read only once")
    return list(dict.fromkeys(found))


def output_targets(inputs: list[str], typed: str | None, to: Format) -> list[Path | None]:
    """Where each input's result goes (None: stdout), checked writable before any conversion."""
    if typed is None:
        return [None] * len(inputs)
    output = Path(typed)
    as_folder = len(inputs) > 1 or output.is_dir() or typed.endswith(("/", os.sep))
    if not as_folder:
        _check_writable_file(output)
        return [output]
    _make_writable_folder(output)
    targets: list[Path | None] = []
    taken: set[str] = set()
    for name in inputs:
        base = "stdin" if name == STDIN else Path(name).name
        candidate, n = base + EXTENSIONS[to], 1
        while candidate in taken:  # the same name from two folders
            n += 1
            candidate = f"{base}-{n}{EXTENSIONS[to]}"
        taken.add(candidate)
        targets.append(output / candidate)
    return targets


def _check_writable_file(path: Path) -> None:
    if path.is_dir():
        return
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ConvertUsageError(f"cannot write {path}: no such folder {parent}")
    _probe(parent, path)
    if path.exists() and not os.access(path, os.W_OK):
        raise ConvertUsageError(f"cannot write {path}: permission denied")


def _make_writable_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConvertUsageError(f"cannot create the output folder {folder}: {exc.strerror or exc}") from None
    _probe(folder, folder)


def _probe(folder: Path, shown: Path) -> None:
    """Create and remove a file in ``folder``: the only test that a read-only mount, a full
    quota or a foreign folder cannot fool."""
    probe = folder / f".jdx-write-test-{os.getpid()}"
    try:
        with open(probe, "wb"):
            pass
        probe.unlink()
    except OSError as exc:
        raise ConvertUsageError(f"cannot write {shown}: {exc.strerror or exc}") from None


# ----------------------------------------------------------------------------- one file


def render(result, to: Format, compact: bool, one_per_line: bool) -> bytes:
    """A ConvertResult in the requested format."""
    if to == "json":
        indent = None if compact or one_per_line else 2
        return (result.model_dump_json(indent=indent) + "\n").encode("utf-8")
    if to == "jsonl":
        return "".join(role.model_dump_json() + "\n" for role in result.roles).encode("utf-8")
    from .render_md import render_result

    return render_result(result).encode("utf-8")


def convert_job(source: str, data: bytes | None, request: Request, one_per_line: bool) -> Callable[[], Outcome]:
    """The work of one file, to run in the child: convert, then render there, so only bytes
    and a small header cross back."""

    def job() -> Outcome:
        # start-up allocates long-lived models, patterns and modules, no garbage: ~20 ms of
        # collections found nothing
        with paused():
            from ..extractors.options import ReadOptions
            from .convert import convert_bytes, convert_path
            from .lexicon import load_lexicon

            lexicon = load_lexicon(request.lexicon_path)
        options = ReadOptions(password=request.password, via_libreoffice=request.via_libreoffice,
                              filename=None if data is not None else Path(source).name)
        if data is not None:
            result = convert_bytes(data, source, lexicon=lexicon, options=options, keep_script=request.keep_script,
                                   raise_errors=request.debug)
        else:
            result = convert_path(source, lexicon=lexicon, options=options, keep_script=request.keep_script,
                                  raise_errors=request.debug)
        output = render(result, request.to, request.compact, one_per_line)
        compiled_patterns.save()  # here, in the child that compiled them (it leaves by os._exit)
        kept_alternations.save()
        return Outcome(
            status=result.status, roles=len(result.roles), output=output,
            error_code=result.error.code if result.error else None,
            error_message=result.error.message if result.error else None,
            warnings=tuple(f"{w.code}: {w.message}" for w in result.warnings),
        )

    return job


def render_failure(name: str, outcome: Outcome, request: Request, one_per_line: bool) -> bytes:
    """The output of a file the isolation failed (timeout, crash, memory): a failed result."""
    from ..schemas.role import ConvertResult, ErrorInfo

    result = ConvertResult(file=name, status="failed",
                           error=ErrorInfo(code=outcome.error_code or "internal_error",
                                           message=outcome.error_message or "the conversion failed"))
    return render(result, request.to, request.compact, one_per_line)


def warm_up(lexicon_path: str | None) -> None:
    """Load the pipeline (lexicon, jieba) once in this process, so that children
    forked for several files start warm instead of each loading it again."""
    from .convert import convert_bytes
    from .isolate import warm_up_document
    from .lexicon import load_lexicon

    convert_bytes(warm_up_document(), "warm-up.txt", lexicon=load_lexicon(lexicon_path))


# ----------------------------------------------------------------------------- the command


Report = Callable[[str, Outcome, float], None]


def run_convert(request: Request, report: Report, stdin: Callable[[], bytes] | None = None) -> int:
    """Convert every input of ``request``; returns the exit code. ``report(name, outcome,
    seconds)`` is told about each file (the CLI prints messages from it)."""
    import time

    inputs = expand_inputs(request.inputs)
    targets = output_targets(inputs, request.output, request.to)
    one_per_line = len(inputs) > 1 and request.output is None
    limited = request.isolation.timeout is not None or request.isolation.memory_limit_mb is not None
    isolated = limited and hasattr(os, "fork")  # no fork (Windows): in-process, without the limits
    if isolated and len(inputs) > 1:
        warm_up(request.lexicon_path)
    worst = 0
    for name, target in zip(inputs, targets, strict=True):
        data = (stdin or sys.stdin.buffer.read)() if name == STDIN else None
        job = convert_job(name, data, request, one_per_line)
        started = time.monotonic()
        outcome = run_isolated(job, request.isolation, request.debug) if isolated else run_in_process(job, request.debug)
        output = outcome.output or render_failure(name, outcome, request, one_per_line)
        _write(target, output)
        report(name, outcome, time.monotonic() - started)
        worst = max(worst, 0 if outcome.roles else 1)
    return worst


def _write(target: Path | None, output: bytes) -> None:
    if target is None:
        sys.stdout.buffer.write(output) if hasattr(sys.stdout, "buffer") else sys.stdout.write(output.decode("utf-8"))
        sys.stdout.flush()
        return
    try:
        target.write_bytes(output)
    except OSError as exc:
        raise ConvertUsageError(f"cannot write {target}: {exc.strerror or exc}") from None
