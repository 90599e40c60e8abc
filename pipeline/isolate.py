"""One conversion in a child process with a time and a memory limit: ``jdx convert``'s isolation.

``jdx batch`` always ran files in workers with a deadline and an address-space cap; ``jdx
convert`` ran them in its own process, so a hostile file hung the command or took the machine
down. Now each file is converted in a forked child:

* the child caps its address space (``RLIMIT_AS``), leads its own process group (a deadline
  kill also takes a LibreOffice it started for a ``.doc``) and dies with the parent;
* it converts and renders the output itself, and hands back one small header (status, error,
  role count) and the rendered bytes over a pipe, so the parent never imports the pipeline;
* the parent waits until the deadline, then SIGKILLs the group and answers ``timeout``; a
  child that dies answers ``out_of_memory`` (a ``MemoryError``, or a SIGKILL nobody here sent:
  the kernel's OOM killer) or ``worker_crashed``.

A fork costs about a millisecond; the child pays the imports the in-process path paid. With
several files the parent loads the pipeline once before forking, so each child starts warm.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import select
import signal
import struct
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

# A child's answer: 4-byte header length, the JSON header, then the rendered output.
_LENGTH = struct.Struct(">I")
DEFAULT_TIMEOUT = 60.0  # as `jdx batch`
DEFAULT_MEMORY_LIMIT_MB = 2048  # as `jdx batch`


def warm_up_document() -> bytes:
    """A one-role text that reaches every stage (labels, a requirements section, a numbered
    duty), converted once so a process loads the lexicon and the NLP before the real files."""
    from importlib import resources

    return resources.files(__package__).joinpath("warm_up.txt").read_bytes()


@dataclass(frozen=True)
class Outcome:
    """What the parent learns about one file: enough for the exit code and the messages."""

    status: str  # ok | partial | failed
    roles: int
    output: bytes  # the rendered result (JSON, JSON Lines or Markdown)
    error_code: str | None = None
    error_message: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Isolation:
    timeout: float | None = DEFAULT_TIMEOUT  # None: no deadline
    memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB  # None: no cap


# ----------------------------------------------------------------------------- the child side


def die_with_parent() -> None:
    """Linux: the kernel kills this process when its parent dies, even by SIGKILL."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def cap_memory(memory_limit_mb: int | None) -> None:
    if memory_limit_mb:
        cap = memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def own_process_group() -> None:
    """Lead a process group, so a kill of the group also takes what this process started."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)


def _child(job: Callable[[], Outcome], write_fd: int, isolation: Isolation, debug: bool) -> None:
    own_process_group()
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    cap_memory(isolation.memory_limit_mb)
    outcome: Outcome | None = None
    try:
        outcome = job()
    except MemoryError:
        pass  # answered below: inside the handler the traceback still holds what filled memory
    except Exception as exc:  # noqa: BLE001 - a bug in jdx: one failed result, not a traceback
        if debug:
            traceback.print_exc()
        outcome = failure("internal_error", f"{type(exc).__name__}: {exc}"[:500])
    if outcome is None:
        outcome = failure("out_of_memory", f"the file needs more than the memory limit of "
                                           f"{isolation.memory_limit_mb} MB")
    _send(write_fd, outcome)


def _send(fd: int, outcome: Outcome) -> None:
    header = json.dumps({"status": outcome.status, "roles": outcome.roles, "error_code": outcome.error_code,
                         "error_message": outcome.error_message, "warnings": list(outcome.warnings)},
                        ensure_ascii=False).encode("utf-8")
    data = _LENGTH.pack(len(header)) + header + outcome.output
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def failure(code: str, message: str) -> Outcome:
    """A file the isolation itself failed (deadline, crash, memory); no output is rendered yet:
    the caller renders the failed result in its own format."""
    return Outcome(status="failed", roles=0, output=b"", error_code=code, error_message=message)


# ----------------------------------------------------------------------------- the parent side


def run_isolated(job: Callable[[], Outcome], isolation: Isolation, debug: bool = False) -> Outcome:
    """Run ``job`` in a forked child within ``isolation``'s limits (see the module docstring)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        code = 0
        try:
            os.close(read_fd)
            _child(job, write_fd, isolation, debug)
        except BaseException:  # noqa: BLE001 - nothing may escape a forked child
            code = 70
        finally:
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(code)
    os.close(write_fd)
    try:
        data, timed_out = _read_until(read_fd, isolation.timeout)
    except BaseException:  # Ctrl-C or SIGTERM in the parent: the child goes too
        _kill(pid)
        raise
    finally:
        os.close(read_fd)
    if timed_out:
        _kill(pid)
        return failure("timeout", f"not converted within {isolation.timeout:g} s; the conversion was stopped")
    _, status = os.waitpid(pid, 0)
    outcome = _parse(data)
    return outcome if outcome is not None else _death(os.waitstatus_to_exitcode(status))


def _read_until(fd: int, timeout: float | None) -> tuple[bytes, bool]:
    """Everything the child writes until it closes the pipe; (data, True) past the deadline."""
    deadline = None if timeout is None else time.monotonic() + timeout
    chunks: list[bytes] = []
    while True:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return b"".join(chunks), True
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)


def _kill(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _parse(data: bytes) -> Outcome | None:
    if len(data) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack_from(data)
    if len(data) < _LENGTH.size + length:
        return None
    try:
        header = json.loads(data[_LENGTH.size:_LENGTH.size + length])
    except ValueError:
        return None
    return Outcome(status=header["status"], roles=header["roles"], output=data[_LENGTH.size + length:],
                   error_code=header["error_code"], error_message=header["error_message"],
                   warnings=tuple(header.get("warnings", ())))


def _death(exitcode: int) -> Outcome:
    if exitcode == -signal.SIGKILL:
        # Nobody here sent it (a deadline kill answers before): the kernel's OOM killer.
        return failure("out_of_memory", "the conversion was killed by SIGKILL, most likely for memory")
    if exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        return failure("worker_crashed", f"the conversion died with signal {name}")
    return failure("worker_crashed", f"the conversion exited unexpectedly (exit code {exitcode})")


def run_in_process(job: Callable[[], Outcome], debug: bool = False) -> Outcome:
    """``job`` without isolation (``--timeout 0 --memory-limit 0``): the same answers, no fork."""
    outcome: Outcome | None = None
    try:
        outcome = job()
    except MemoryError:
        pass
    except Exception as exc:  # noqa: BLE001
        if debug:
            raise
        outcome = failure("internal_error", f"{type(exc).__name__}: {exc}"[:500])
    return outcome if outcome is not None else failure("out_of_memory", "ran out of memory")
