"""One function run in a child process beside this one, its result or its error handed back.

The end of a batch writes the spreadsheets and the organisation files (org.json/org.csv); on
their own they would run one after the other on one core while the others idle. A child of
the workers' multiprocessing context (the forkserver, which has the pipeline loaded: a fork
costs milliseconds) runs one part while this process runs another: :class:`Beside` runs a
function and hands back its result (org.json/org.csv); :class:`Streamed` runs a generator and
hands over what it yields as it yields it (the export's rows, built and written to the CSVs in
the child while this process writes them to the workbook).

The caller sees what it would have seen calling the function itself: :meth:`Beside.result`
returns its value, raises an ``OSError`` as that ``OSError`` (errno, message and file name
kept, so a full disk is still reported as one) and any other failure as :class:`ChildFailed`
carrying the child's traceback. Without a context, or when no process can be started, the
function runs in this process when the result is asked for.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Generator, Iterator
from typing import Any, Self

# Items a streamed child sends per message: one pickle and one pipe write per chunk rather
# than per row (a batch's export hands over thousands of rows). The first chunks are small,
# so that the parent starts on them at once, and grow to CHUNK.
FIRST_CHUNK = 8
CHUNK = 256


class ChildFailed(RuntimeError):
    """The function failed in the child other than by an ``OSError``, or the child died; the
    message holds the child's traceback or its exit code."""


class Beside:
    """``fn(*args)`` started now in a child of ``context``; :meth:`result` waits for it."""

    def __init__(self, context: Any, fn: Callable[..., Any], *args: Any) -> None:
        self._fn, self._args = fn, args
        self._child: Any = None
        self._receiver: Any = None
        if context is None:
            return
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=self._target(), args=(sender, fn, args), name="jdx-beside", daemon=True)
        try:
            child.start()
        except OSError:  # no process to be had (EAGAIN, ENOMEM): result() runs fn here
            receiver.close()
            return
        finally:
            sender.close()
        self._child, self._receiver = child, receiver
        self._exitcode: int | None = None

    def _target(self) -> Callable[..., None]:
        return _run

    def result(self) -> Any:
        if self._child is None:
            return self._fn(*self._args)
        try:
            message = self._receiver.recv()
        except EOFError:
            self._close()
            raise ChildFailed(f"the process running {self._fn.__name__} died "
                              f"(exit code {self._exitcode})") from None
        self._close()
        kind, *rest = message
        return _answer(kind, rest)

    def _close(self) -> None:
        self._child.join()
        self._exitcode = self._child.exitcode
        self._receiver.close()
        self._child = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        # The caller failed before asking for the result: let the child finish its files
        # (a fraction of a second) rather than kill it half-way through a rename.
        if self._child is not None:
            self._close()


class Streamed(Beside):
    """``fn(*args)``, a generator, run in a child of ``context``: :meth:`items` yields what it
    yields, as it yields it (sent over in chunks), and :meth:`result` then returns its return
    value or raises its error as :class:`Beside` does. Without a child, :meth:`items` runs the
    generator here.

    Leaving the ``with`` block before the items are all taken stops the child: a child blocked
    on a full pipe would never finish. What it was writing is its caller's to clean up."""

    def __init__(self, context: Any, fn: Callable[..., Generator[Any, None, Any]], *args: Any) -> None:
        self._final: Any = None
        self._value: Any = None
        self._done = False
        super().__init__(context, fn, *args)

    def _target(self) -> Callable[..., None]:
        return _stream

    def items(self) -> Iterator[Any]:
        if self._child is None:
            self._value = yield from self._fn(*self._args)
            self._done = True
            return
        while self._final is None:
            try:
                kind, *rest = self._receiver.recv()
            except EOFError:
                self._final = ("died",)
                return
            if kind == "items":
                yield from rest[0]
            else:
                self._final = (kind, *rest)

    def result(self) -> Any:
        if self._child is None:
            if not self._done:
                for _ in self.items():
                    pass
            return self._value
        for _ in self.items():  # the items not taken
            pass
        kind, *rest = self._final
        self._close()
        if kind == "died":
            raise ChildFailed(f"the process running {self._fn.__name__} died (exit code {self._exitcode})")
        return _answer(kind, rest)

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._child is not None and self._final is None:
            self._child.kill()
        super().__exit__(exc_type, exc, tb)


def _stream(sender: Any, fn: Callable[..., Generator[Any, None, Any]], args: tuple) -> None:
    """The child of :class:`Streamed`: send ("items", chunk)… then ("ok", the return value),
    ("oserror", the error) or ("error", traceback)."""
    def send_all() -> Any:
        chunk: list[Any] = []
        size = FIRST_CHUNK
        items = fn(*args)
        while True:
            try:
                chunk.append(next(items))
            except BaseException as exc:  # its end or its failure: what it yielded is still handed over
                if chunk:
                    sender.send(("items", chunk))
                if isinstance(exc, StopIteration):
                    return exc.value
                raise
            if len(chunk) >= size:
                sender.send(("items", chunk))
                chunk, size = [], min(2 * size, CHUNK)

    _report(sender, send_all)


def _answer(kind: str, rest: list[Any]) -> Any:
    """The parent's side of a child's last message: its value, or its error raised here."""
    if kind == "oserror":
        raise rest[0]
    if kind == "error":
        raise ChildFailed(rest[0])
    return rest[0]


def _run(sender: Any, fn: Callable[..., Any], args: tuple) -> None:
    """The child of :class:`Beside`: call ``fn`` and send back its value."""
    _report(sender, lambda: fn(*args))


def _report(sender: Any, call: Callable[[], Any]) -> None:
    """In a child: ``call()`` and send ("ok", value), ("oserror", the error) or ("error", traceback)."""
    try:
        value = call()
    except OSError as exc:
        sender.send(("oserror", exc))
    except BaseException:  # noqa: BLE001 - reported to the parent, which decides
        sender.send(("error", traceback.format_exc()))
    else:
        sender.send(("ok", value))
    finally:
        sender.close()
