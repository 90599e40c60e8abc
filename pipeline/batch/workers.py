"""Worker processes: each converts one file at a time under a memory cap; the pool in the
parent hands out files, enforces the deadline per file and replaces workers that die."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import logging
import math
import os
import resource
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait

from pydantic import BaseModel

from ...extractors.errors import ErrorCode
from ...schemas.role import ErrorInfo, Warning
from ..isolate import warm_up_document
from ..worker_server import worker_context
from .plan import DOCUMENT_EXTENSIONS, extension
from .records import BatchError, FileOutcome, FileTask, WorkerConfig

log = logging.getLogger(__name__)

# Refusals by content that mean "not a document" rather than "a broken document".
NOT_TEXT_CODES = frozenset({ErrorCode.BINARY_CONTENT.value, ErrorCode.UNDECODABLE_TEXT.value})
WORKER_START_SECONDS = 180.0
MAX_START_FAILURES = 3


class _Ready(BaseModel):
    pid: int


class _StartFailed(BaseModel):
    message: str


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
    """One worker's state: the lexicon and the convert function, warm when the batch is."""

    def __init__(self, config: WorkerConfig) -> None:
        from ..lexicon import load_lexicon

        self.config = config
        self.lexicon = load_lexicon(config.lexicon_path)
        module, func = config.convert_fn.split(":")
        self.convert = getattr(importlib.import_module(module), func)
        if config.warm and not _nlp_ready(self.lexicon):
            # jieba's dictionary loads on first use: pay for it before the first
            # deadline runs (when the forkserver did not: a user lexicon, or a server started
            # cold by an earlier batch of this process).
            from ..convert import convert_bytes

            convert_bytes(warm_up_document(), "warm-up.txt", lexicon=self.lexicon, limits=config.limits)

    def run(self, task: FileTask) -> FileOutcome:
        started = time.perf_counter()
        outcome: FileOutcome | None = None
        try:
            outcome = self._convert(task)
        except MemoryError:
            pass  # answered below: inside the handler the traceback still holds what filled memory
        except Exception as exc:  # a bug in jdx: one failed line, not a dead batch
            log.exception("converting %s crashed", task.path)
            outcome = FileOutcome(status="failed", error=ErrorInfo(
                code=ErrorCode.INTERNAL_ERROR.value, message=f"{type(exc).__name__}: {exc}"[:500]))
        if outcome is None:
            outcome = FileOutcome(status="failed", fatal=True, error=ErrorInfo(
                code=ErrorCode.OUT_OF_MEMORY.value,
                message=f"the file needs more than the worker's memory limit of {self.config.memory_limit_mb} MB"))
        outcome.seconds = round(time.perf_counter() - started, 4)
        return outcome

    def _convert(self, task: FileTask) -> FileOutcome:
        limits = self.config.limits
        if task.size > limits.max_file_bytes:
            return self._oversized(task)
        try:
            with open(task.abs_path, "rb") as fh:
                data = fh.read(limits.max_file_bytes + 1)
        except OSError as exc:
            return _failed(ErrorCode.CORRUPT_FILE.value, f"cannot read the file: {exc.strerror or exc}")
        sha = hashlib.sha256(data).hexdigest()
        # No sniff here: the reader sniffs once, and a refusal comes back as the result's error.
        result = self.convert(data, task.title_name, lexicon=self.lexicon, limits=limits,
                              options=self.config.options, keep_script=self.config.keep_script,
                              raise_errors=True)
        if result.status == "failed" and result.error:
            return self._refused(task, sha, result.error, result.warnings)
        roles = [
            role.model_copy(update={"source": role.source.model_copy(update={"file": task.path})}).model_dump_json()
            for role in result.roles
        ]
        keys = [(task.path, role.source.sha256, role.id, role.source.role_index, role.review.needed)
                for role in result.roles]
        return FileOutcome(status=result.status, sha256=sha, roles=roles, role_keys=keys, warnings=result.warnings)

    def _refused(self, task: FileTask, sha: str, error: ErrorInfo, warnings: Sequence[Warning] = ()) -> FileOutcome:
        """Skipped when the content says 'not a document', failed when it is a broken one."""
        not_text = error.code in NOT_TEXT_CODES and extension(task.abs_path) not in DOCUMENT_EXTENSIONS
        if error.code == ErrorCode.UNSUPPORTED_FORMAT.value or not_text:
            return FileOutcome(status="skipped", sha256=sha, reason=error, warnings=list(warnings))
        return FileOutcome(status="failed", sha256=sha, error=error, warnings=list(warnings))

    def _oversized(self, task: FileTask) -> FileOutcome:
        """Above max_file_bytes: never read whole; a glance at the head tells junk from a document."""
        from ...extractors.sniff import FOREIGN_SIGNATURES

        with open(task.abs_path, "rb") as fh:
            head = fh.read(64)
        for magic, name in FOREIGN_SIGNATURES:
            if head.startswith(magic):
                return FileOutcome(status="skipped", sha256=task.sha256, reason=ErrorInfo(
                    code=ErrorCode.UNSUPPORTED_FORMAT.value, message=f"this is a {name}, not a document jdx reads"))
        return FileOutcome(status="failed", sha256=task.sha256, error=ErrorInfo(
            code=ErrorCode.TOO_LARGE.value,
            message=f"file is {task.size:,} bytes, above the limit of {self.config.limits.max_file_bytes:,}"))


def _nlp_ready(lexicon) -> bool:
    """Whether the forkserver this worker came from warmed the pipeline for ``lexicon``."""
    warm = sys.modules.get("jdx.pipeline.batch.warm")
    return warm is not None and warm.LEXICON is lexicon


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


class WorkerPool:
    """Feeds tasks to worker processes, one file each at a time, with deadlines and restarts."""

    def __init__(self, config: WorkerConfig, size: int, timeout: float,
                 on_outcome: Callable[[FileTask, FileOutcome], None],
                 on_idle: Callable[[], None] = lambda: None) -> None:
        self._ctx = worker_context(config.warm)
        self._config, self._size, self._timeout = config, size, timeout
        self._on_outcome = on_outcome
        self._on_idle = on_idle  # called once per turn of the loop (the journal's timed flush)
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
                self._on_idle()
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
        while (message := _receive(worker)) is not None:
            if self._handle(worker, message):  # may raise BatchOutputError: the run stops
                worker.kill()
                return True
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


def _receive(worker: _Worker) -> object | None:
    """The worker's next message, or None when there is none (or its pipe is broken: the
    process check that follows finds out why). Only the pipe's errors are caught here."""
    try:
        return worker.conn.recv() if worker.conn.poll() else None
    except (EOFError, OSError):
        return None


def _death_outcome(exitcode: int | None) -> FileOutcome:
    if exitcode == -signal.SIGKILL:
        # Nobody here sent it (deadline kills are handled before): the kernel's OOM killer.
        return _failed(ErrorCode.OUT_OF_MEMORY.value, "the worker was killed by SIGKILL, most likely for memory")
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        return _failed(ErrorCode.WORKER_CRASHED.value, f"the worker died with signal {name}")
    return _failed(ErrorCode.WORKER_CRASHED.value, f"the worker exited unexpectedly (exit code {exitcode})")
