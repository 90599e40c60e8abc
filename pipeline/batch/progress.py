"""Progress of a batch on stderr: a live bar on a terminal, plain lines in logs and pipes."""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import TYPE_CHECKING, Protocol

from .records import ManifestEntry

if TYPE_CHECKING:  # rich loads only when a terminal shows the bar
    from rich.progress import TaskID


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
        self._task: TaskID | None = None

    def start(self, total: int, counts: Counter[str]) -> None:
        self._progress.start()
        self._task = self._progress.add_task("files", total=total, completed=sum(counts.values()),
                                             counts=_counts_text(counts))

    def advance(self, entry: ManifestEntry, counts: Counter[str]) -> None:
        assert self._task is not None, "advance() before start()"
        self._progress.update(self._task, advance=1, counts=_counts_text(counts))

    def stop(self) -> None:
        self._progress.stop()


def auto_progress(quiet: bool = False) -> BatchProgress:
    if quiet:
        return NullProgress()
    return RichProgress() if sys.stderr.isatty() else LineProgress()
