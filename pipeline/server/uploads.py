"""Uploads: a hard size limit, names that never touch the file system, isolated conversion.

* :class:`BodyLimit` refuses a request body above the limit with 413 — by its Content-Length at
  once, and by counting while it streams (a chunked body declares no length) — before the
  multipart parser spools it anywhere.
* :func:`upload_name` makes the client's file name a plain name: the last path component, no
  control characters, bounded length. It is only ever data (the name a role's title may fall back
  to, the catalog's document name); the bytes go to the workers through a pipe and nothing is
  written under any name the client chose.
* :class:`ConversionPool` converts in separate worker processes with the batch's limits: a
  wall-clock deadline per document (the worker is killed and replaced when it passes; pebble
  checks deadlines every 0.1 s), an
  address-space cap (``RLIMIT_AS``) per worker, and the same readers' limits. Workers start warm
  from a forkserver that has imported the heavy modules, and live across requests.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import unicodedata
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

MAX_NAME = 200
WARM_UP = "岗位名称：出纳\n岗位职责：\n1. 负责现金收付\n".encode()
# Modules the forkserver imports once, so each (re)started worker forks warm.
PRELOAD = ["jdx.pipeline.convert", "jdx.pipeline.nlp", "jdx.extractors.docx", "jdx.extractors.pdf",
           "jdx.extractors.text", "jieba"]


def upload_name(filename: str | None) -> str:
    """The client's file name as a bare name: ``C:\\x\\..\\岗位.docx`` → ``岗位.docx``."""
    name = unicodedata.normalize("NFC", filename or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(".")
    return name[:MAX_NAME] or "upload"


class _TooLarge(BaseException):  # noqa: N818
    """Unwinds from the body reader to :class:`BodyLimit`. A BaseException on purpose: FastAPI
    turns any Exception raised while it parses a form into a generic 400."""


class BodyLimit:
    """ASGI middleware: 413 for a request body over ``max_bytes``."""

    def __init__(self, app, max_bytes: int, shown: int | None = None) -> None:
        self.app, self.max_bytes = app, max_bytes
        self.shown = shown or max_bytes  # the limit as users set it, without multipart framing

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send) -> None:
        body = json.dumps({"detail": f"the upload is larger than {self.shown:,} bytes",
                           "code": "too_large"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


# ----------------------------------------------------------------------------- the workers

_worker: dict = {}


def _init_worker(memory_limit_mb: int | None, lexicon_path: str | None, limits_json: str) -> None:
    import resource
    import signal
    import warnings

    from ...extractors.limits import Limits
    from ..convert import convert_bytes
    from ..lexicon import load_lexicon

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops the pool
    warnings.simplefilter("ignore")
    if memory_limit_mb:
        cap = memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    _worker["lexicon"] = load_lexicon(lexicon_path)
    _worker["limits"] = Limits.model_validate_json(limits_json)
    convert_bytes(WARM_UP, "warm-up.txt", lexicon=_worker["lexicon"], limits=_worker["limits"])


def _convert(data: bytes, name: str, document: str) -> dict:
    from ..convert import convert_bytes

    result = convert_bytes(data, name, lexicon=_worker["lexicon"], limits=_worker["limits"])
    roles = [r.model_copy(update={"source": r.source.model_copy(update={"file": document})}).model_dump_json()
             for r in result.roles]
    return {"status": result.status, "roles": roles,
            "error": result.error.model_dump() if result.error else None,
            "warnings": [w.model_dump() for w in result.warnings]}


@dataclass
class Converted:
    status: str                      # ok | partial | failed
    roles: list[str] = field(default_factory=list)
    error: dict | None = None        # {code, message}
    warnings: list[dict] = field(default_factory=list)
    seconds: float = 0.0


class ConversionPool:
    """Long-lived isolated workers (pebble's process pool: per-task deadlines that kill the worker)."""

    def __init__(self, workers: int, timeout: float, memory_limit_mb: int | None, lexicon_path: str | None,
                 limits) -> None:
        import multiprocessing as mp

        from pebble import ProcessPool

        self.timeout = timeout
        self.memory_limit_mb = memory_limit_mb
        ctx: mp.context.BaseContext
        try:
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(PRELOAD)
        except ValueError:
            ctx = mp.get_context("spawn")
        self._pool = ProcessPool(max_workers=workers, context=ctx, initializer=_init_worker,
                                 initargs=(memory_limit_mb, lexicon_path, limits.model_dump_json()))

    async def convert(self, data: bytes, name: str, document: str) -> Converted:
        from pebble import ProcessExpired

        loop = asyncio.get_running_loop()
        started = loop.time()
        future = self._pool.schedule(_convert, args=(data, name, document), timeout=self.timeout)
        try:
            out = await asyncio.wrap_future(future)
        except FutureTimeout:
            return Converted("failed", error={"code": "timeout", "message":
                                              f"not converted within {self.timeout:g} s; the worker was stopped"})
        except ProcessExpired as exc:
            code = exc.exitcode
            if code == -9:
                return Converted("failed", error={"code": "out_of_memory", "message": "the worker was killed, "
                                                  "most likely for memory"})
            return Converted("failed", error={"code": "worker_crashed", "message": f"the worker died ({code})"})
        except MemoryError:
            return Converted("failed", error={"code": "out_of_memory", "message": "the document needs more than the "
                                              f"worker's memory limit of {self.memory_limit_mb} MB"})
        except Exception as exc:  # a bug in jdx: an error for this upload, not a dead server
            log.exception("converting %s crashed", name)
            return Converted("failed", error={"code": "internal_error", "message": f"{type(exc).__name__}: {exc}"[:500]})
        return Converted(out["status"], out["roles"], out["error"], out["warnings"], round(loop.time() - started, 4))

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)


def manifest_entry(document: str, sha256: str, size: int, converted: Converted) -> str:
    """The manifest line of an upload, in the batch manifest's shape (``jdx export`` reads it)."""
    return json.dumps({
        "path": document, "path_bytes_hex": None, "sha256": sha256, "size": size, "status": converted.status,
        "roles": len(converted.roles), "error": converted.error, "reason": None, "duplicate_of": None,
        "warnings": converted.warnings, "seconds": converted.seconds,
    }, ensure_ascii=False)



