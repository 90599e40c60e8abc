"""One function run in a child process beside this one, its result or its error handed back.

The end of a batch writes the spreadsheets (about a second for a hundred files, openpyxl cell
by cell) and the organisation files (org.json/org.csv); on their own they would run one after
the other on one core while the others idle. :class:`Beside` runs the second in a child of the
workers' multiprocessing context (the forkserver, which has the pipeline loaded: a fork costs
milliseconds) while this process writes the first.

The caller sees what it would have seen calling the function itself: :meth:`Beside.result`
returns its value, raises an ``OSError`` as that ``OSError`` (errno, message and file name
kept, so a full disk is still reported as one) and any other failure as :class:`ChildFailed`
carrying the child's traceback. Without a context, or when no process can be started, the
function runs in this process when the result is asked for.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any


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
        child = context.Process(target=_run, args=(sender, fn, args), name="jdx-beside", daemon=True)
        try:
            child.start()
        except OSError:  # no process to be had (EAGAIN, ENOMEM): result() runs fn here
            receiver.close()
            return
        finally:
            sender.close()
        self._child, self._receiver = child, receiver

    def result(self) -> Any:
        if self._child is None:
            return self._fn(*self._args)
        try:
            message = self._receiver.recv()
        except EOFError:
            self._child.join()
            raise ChildFailed(f"the process running {self._fn.__name__} died "
                              f"(exit code {self._child.exitcode})") from None
        finally:
            self._close()
        kind, *rest = message
        if kind == "oserror":
            raise rest[0]
        if kind == "error":
            raise ChildFailed(rest[0])
        return rest[0]

    def _close(self) -> None:
        self._child.join()
        self._receiver.close()
        self._child = None

    def __enter__(self) -> Beside:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        # The caller failed before asking for the result: let the child finish its files
        # (a fraction of a second) rather than kill it half-way through a rename.
        if self._child is not None:
            self._close()


def _run(sender: Any, fn: Callable[..., Any], args: tuple) -> None:
    """The child: call ``fn`` and send back ("ok", value), ("oserror", the error) or ("error", traceback)."""
    try:
        value = fn(*args)
    except OSError as exc:
        sender.send(("oserror", exc))
    except BaseException:  # noqa: BLE001 - reported to the parent, which decides
        sender.send(("error", traceback.format_exc()))
    else:
        sender.send(("ok", value))
    finally:
        sender.close()
