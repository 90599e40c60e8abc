"""The workers' server (issue 13, batch scaling): ``jdx batch`` starts it before its own imports,
and it starts with the regular expressions an earlier run stored. Each test runs in a fresh
process: a process has one server, started once, and the test process's may already run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLES


def _python(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environ.update({"JDX_CACHE_DIR": str(tmp_path / "cache"), **env})
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=environ,
                          cwd=tmp_path)


START = """
from multiprocessing import forkserver
from jdx.pipeline.worker_server import start_early
assert not start_early(["convert", "a.docx"]) and not start_early([])
assert not start_early(["batch", "in", "--help"])  # help starts nothing
assert forkserver._forkserver._forkserver_pid is None
assert start_early(["batch", "in", "-o", "out"])
assert forkserver._forkserver._forkserver_pid is not None
print("ok")
"""


def test_a_batch_command_line_starts_the_server_and_nothing_else_does(tmp_path: Path) -> None:
    done = _python(START, tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


SEEDED = """
import re
from jdx.pipeline import compiled_patterns
PATTERNS = [f"(?P<n>岗位{i})说明书[一二三]" for i in range(6)]  # compiled by no module of jdx


def stored_in_child():
    return [(str, p, 0) in re._cache for p in PATTERNS]


if __name__ == "__main__":
    import sys
    if sys.argv[1] == "store":
        for p in PATTERNS:
            re.compile(p)
        assert compiled_patterns.save() >= len(PATTERNS)
    else:
        from jdx.pipeline.batch.beside import Beside
        from jdx.pipeline.worker_server import worker_context

        with Beside(worker_context(warm=False), stored_in_child) as child:
            print(child.result(), [(str, p, 0) in re._cache for p in PATTERNS])
"""


def test_the_server_starts_with_the_patterns_an_earlier_run_stored(tmp_path: Path) -> None:
    """A child forked from the server finds the stored patterns compiled: the server seeded
    them before its preload imports (this process, which did not seed, has none of them)."""
    script = tmp_path / "seeded.py"
    script.write_text(SEEDED, encoding="utf-8")
    stored = _python(f"import runpy, sys; sys.argv = ['', 'store']; runpy.run_path({str(script)!r}, run_name='__main__')",
                     tmp_path)
    assert stored.returncode == 0, stored.stderr
    done = subprocess.run([sys.executable, str(script), "check"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "JDX_CACHE_DIR": str(tmp_path / "cache")}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{[True] * 6} {[False] * 6}"


FROZEN = """
import gc
from jdx.pipeline.batch.beside import Beside
from jdx.pipeline.worker_server import worker_context


def frozen_in_child():
    return gc.get_freeze_count()


if __name__ == "__main__":
    import sys
    with Beside(worker_context(warm=sys.argv[1] == "warm"), frozen_in_child) as child:
        print(child.result() > 10_000, gc.get_freeze_count())
"""


def test_workers_fork_from_a_server_that_froze_what_it_loaded(tmp_path: Path) -> None:
    """The pipeline's objects in the server sit in the collector's permanent generation, so a
    worker's collections do not walk (and copy) them; this process froze nothing."""
    script = tmp_path / "frozen.py"
    script.write_text(FROZEN, encoding="utf-8")
    for warm in ("warm", "cold"):
        done = subprocess.run([sys.executable, str(script), warm], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "JDX_CACHE_DIR": str(tmp_path / "cache")}, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "True 0"


def test_the_installed_command_runs_a_batch_through_the_early_start(tmp_path: Path) -> None:
    """``jdx`` is :func:`jdx.pipeline.launch.main`: the batch it runs gives what a batch gives."""
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    for name in ("行政助理岗位说明书.txt", "仓储主管岗位说明书.docx"):
        (in_dir / name).write_bytes((SAMPLES / name).read_bytes())
    done = subprocess.run([sys.executable, "-m", "jdx.pipeline.launch", "batch", str(in_dir), "-o",
                           str(tmp_path / "out"), "--workers", "2", "--quiet"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2 files" in done.stderr and "ok 2" in done.stderr
    assert (tmp_path / "out" / "roles.xlsx").is_file()
    helped = subprocess.run([sys.executable, "-m", "jdx.pipeline.launch", "batch", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "IN_DIR" in helped.stdout
