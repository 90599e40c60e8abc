"""The process batch workers fork from (multiprocessing's ``forkserver``), and its early start.

Workers fork from a server that has already imported the pipeline and, for a batch of more
files than workers, loaded jieba's dictionary and converted a few lines (:mod:`.batch.warm`),
so no worker loads them again. Starting that server is the longest serial step of a batch
(about 0.3 s: a fresh interpreter importing the pipeline), and every worker waits for it; a
batch's speed-up over one worker is bounded by what stays serial (issue 13). Two things here
make it shorter:

* the server seeds the compiled regular expressions an earlier run stored
  (:mod:`.compiled_patterns`) before it imports anything: the pipeline's module-level
  patterns and the warm-up's otherwise compile from scratch there (~60 ms of its start);
* ``jdx batch`` starts the server before the command line is parsed (:func:`start_early`),
  so that it loads while the batch's own process imports typer and the batch package.

This module imports only the standard library: it is imported before anything else, both
by the command line and first thing in the server (it is the first preload module).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
from collections.abc import Iterator, Sequence

# Set only in the environment the server starts with (see _in_server).
SERVER_ENV = "JDX_BATCH_SERVER"
# Modules the server imports once, before it forks workers, in this order (this module first:
# it seeds the compiled patterns the others use). Every batch gets the pipeline; a batch with
# more files than workers also gets jieba and the PDF stack loaded and warmed up there. A
# batch of a file or two does not pay for NLP its files may never reach: its workers load
# what a file needs. jieba itself is not listed: a bare ``import jieba`` brings pkg_resources
# (60 ms of the server's start, which every batch waits for); the warm-up imports it through
# :func:`.nlp._import_jieba`, without.
# The last module, in both, freezes what the server made (:mod:`.batch.freeze`).
LOADED = ["jdx.pipeline.worker_server", "jdx.pipeline.batch.workers", "jdx.pipeline.convert",
          "jdx.extractors.docx", "jdx.extractors.text"]
COLD_PRELOAD = [*LOADED, "jdx.pipeline.batch.freeze"]
WARM_PRELOAD = [*LOADED, "jdx.extractors.pdf", "jdx.pipeline.nlp", "jdx.pipeline.batch.warm",
                "jdx.pipeline.batch.freeze"]
HELP_FLAGS = frozenset({"--help", "-h"})


def worker_context(warm: bool):
    """forkserver (workers fork from a process that already imported the pipeline, and for a
    ``warm`` batch loaded jieba) where there is one, else spawn. The server is shared by the
    batches of one process; the first one decides its preload."""
    try:
        ctx = mp.get_context("forkserver")
    except ValueError:
        return mp.get_context("spawn")
    ctx.set_forkserver_preload(WARM_PRELOAD if warm else COLD_PRELOAD)
    from multiprocessing import forkserver

    with _server_environment():
        forkserver.ensure_running()
    return ctx


def start_early(argv: Sequence[str]) -> bool:
    """Start the workers' server now when ``argv`` (the command line after the program name)
    is a ``jdx batch`` run, before the command line's own imports; True when started.

    The server starts warm: a batch is nearly always a folder of many files, and a one-file
    batch's server warms up while this process still imports (the batch itself decides later,
    from its files, whether its workers warm up when the server did not). ``--help`` starts
    nothing. A batch that then stops on a usage error leaves a server that exits on its own
    once this process is gone."""
    if not argv or argv[0] != "batch" or HELP_FLAGS.intersection(argv):
        return False
    try:
        worker_context(warm=True)
    except Exception:  # noqa: BLE001 - no server now: the batch starts one itself, or reports why
        return False
    return True


@contextlib.contextmanager
def _server_environment() -> Iterator[None]:
    """The environment the server starts with (it inherits this one, and only at its start):
    warnings off — one from a library it imports would land on stderr over the progress bar —
    and :data:`SERVER_ENV`, which tells this module, preloaded there, that it runs in the server."""
    changes = {"PYTHONWARNINGS": "ignore", SERVER_ENV: "1"}
    saved = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def _in_server() -> None:
    """In the workers' server only (elsewhere importing this module changes nothing):

    * seed the stored compiled patterns before the other preload modules compile theirs;
    * exit without the interpreter's teardown once the batch's process is gone. Tearing down
      what the server preloaded (the pipeline, jieba, the lexicon) took 40-60 ms after the
      batch had finished, and a caller reading the batch's output waited for it: the server
      holds the batch's stdout and stderr open. The server has nothing to flush or close; the
      workers it forks already leave by ``os._exit``."""
    if os.environ.pop(SERVER_ENV, None) != "1":  # popped: not passed on to what the server forks
        return
    import atexit

    from .compiled_patterns import seed

    seed()
    atexit.register(os._exit, 0)


_in_server()
