"""The ``jdx`` command's entry point: what a run does before the command line's imports.

The command line (:mod:`.cli`) imports typer, and each command its part of the pipeline; what
can start earlier does so here, with the standard library only: the regular expressions an
earlier run compiled are seeded (:mod:`.compiled_patterns`), pydantic's plugin search is
switched off, and a ``jdx batch`` starts its workers' server (:mod:`.worker_server`), which
then loads the pipeline while this process imports typer and the batch package.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def prepare(argv: Sequence[str]) -> None:
    """Everything a run does before importing the command line; ``argv`` without the program name."""
    from .compiled_patterns import seed

    # pydantic looks for plugins by reading the entry points of every installed distribution
    # (~10 ms of a cold start); jdx's models want none. A user's own setting is kept. Set
    # before the workers' server starts: it inherits this environment.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if argv[:1] == ["batch"]:  # multiprocessing costs other commands ~11 ms of their start
        from .worker_server import start_early

        start_early(argv)  # before seeding here: the server seeds its own patterns
    seed()  # regular expressions compiled by an earlier run (see compiled_patterns)


def main() -> None:
    prepare(sys.argv[1:])
    from .cli import run_app

    run_app()


if __name__ == "__main__":
    main()
