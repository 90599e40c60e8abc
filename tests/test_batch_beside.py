"""The end of a batch in two processes (issue 13, item 4): org.json/org.csv are written by a
child of the workers' forkserver while the parent writes the spreadsheets. The child must give
the files the parent would have written, and its failures must reach the run as the parent's
own would: an ``OSError`` stops the run naming the file, anything else is logged."""

from __future__ import annotations

import errno
import multiprocessing as mp
import os
from pathlib import Path

import pytest
from conftest import SAMPLES
from jdx.pipeline.batch import BatchOutputError, run_batch
from jdx.pipeline.batch.beside import CHUNK, Beside, ChildFailed, Streamed
from jdx.pipeline.org import ORG_CSV, ORG_JSON, write_org


def _pid_and(value: str) -> tuple[int, str]:
    return os.getpid(), value


def _full_disk(path: str) -> None:
    raise OSError(errno.ENOSPC, "No space left on device", path)


def _bug() -> None:
    raise KeyError("no such column")


def _dies() -> None:
    os._exit(3)


def _numbers(count: int, then: str = "done"):
    for n in range(count):
        yield os.getpid(), n
    if then == "disk full":
        raise OSError(errno.ENOSPC, "No space left on device", "/out/roles.csv")
    if then == "bug":
        raise KeyError("no such column")
    if then == "die":
        os._exit(3)
    return then


def _forever():
    n = 0
    while True:
        yield n
        n += 1


@pytest.fixture(scope="module")
def context():
    return mp.get_context("forkserver")


def test_the_result_comes_from_a_child(context) -> None:
    with Beside(context, _pid_and, "组织图") as job:
        pid, value = job.result()
    assert value == "组织图" and pid != os.getpid()


def test_an_os_error_in_the_child_is_raised_as_itself(context) -> None:
    with pytest.raises(OSError) as caught, Beside(context, _full_disk, "/out/org.json") as job:
        job.result()
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == "/out/org.json"


def test_any_other_failure_carries_the_childs_traceback(context) -> None:
    with pytest.raises(ChildFailed, match="KeyError: 'no such column'"), Beside(context, _bug) as job:
        job.result()


def test_a_child_that_dies_is_a_failure_with_its_exit_code(context) -> None:
    with pytest.raises(ChildFailed, match="exit code 3"), Beside(context, _dies) as job:
        job.result()


def test_without_a_context_the_function_runs_here() -> None:
    with Beside(None, _pid_and, "x") as job:
        assert job.result() == (os.getpid(), "x")


def test_a_streamed_child_hands_over_every_item_in_order_then_its_return_value(context) -> None:
    count = 3 * CHUNK + 5  # chunks of growing size, and a short last one
    with Streamed(context, _numbers, count) as job:
        items = list(job.items())
        assert job.result() == "done"
    assert [n for _, n in items] == list(range(count))
    assert {pid for pid, _ in items} != {os.getpid()}


@pytest.mark.parametrize(("then", "raised", "match"), [
    ("disk full", OSError, "No space left"), ("bug", ChildFailed, "KeyError: 'no such column'"),
    ("die", ChildFailed, "exit code 3")])
def test_a_streamed_childs_failure_is_raised_by_result_after_its_items(context, then, raised, match) -> None:
    with Streamed(context, _numbers, 40, then) as job:
        assert len(list(job.items())) == 40 or then == "die"  # a dying child's last chunk may be lost
        with pytest.raises(raised, match=match):
            job.result()


def test_leaving_a_stream_early_stops_the_child(context) -> None:
    with Streamed(context, _forever) as job:
        child = job._child
        assert next(iter(job.items())) == 0
    child.join(5)
    assert not child.is_alive()  # it was blocked writing to a pipe nobody reads


def test_without_a_context_the_stream_runs_here() -> None:
    with Streamed(None, _numbers, 3) as job:
        assert [pid for pid, _ in job.items()] == [os.getpid()] * 3
        assert job.result() == "done"


def _batch(tmp_path: Path) -> tuple[Path, Path]:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    for name in ("行政助理岗位说明书.txt", "仓储主管岗位说明书.docx", "岗位说明书汇编.txt"):
        (in_dir / name).write_bytes((SAMPLES / name).read_bytes())
    return in_dir, out


def test_the_batch_writes_the_org_files_the_parent_would_have(tmp_path: Path) -> None:
    in_dir, out = _batch(tmp_path)
    summary = run_batch(in_dir, out, workers=2, timeout=60)
    assert summary.roles > 3 and ORG_JSON in summary.outputs and ORG_CSV in summary.outputs
    from_child = (out / ORG_JSON).read_bytes(), (out / ORG_CSV).read_bytes()
    write_org(out)  # the same function in this process
    assert ((out / ORG_JSON).read_bytes(), (out / ORG_CSV).read_bytes()) == from_child


def test_an_org_file_that_cannot_be_written_stops_the_batch_naming_it(tmp_path: Path) -> None:
    in_dir, out = _batch(tmp_path)
    out.mkdir()
    (out / f".{ORG_JSON}.tmp").mkdir()  # the child's write of org.json fails with IsADirectoryError
    with pytest.raises(BatchOutputError, match=r"cannot write .*org\.json"):
        run_batch(in_dir, out, workers=2, timeout=60)
    assert (out / "roles.xlsx").exists()  # the spreadsheets, written beside it, are complete


def test_a_bug_in_the_child_is_logged_and_the_run_goes_on(context, caplog) -> None:
    from jdx.pipeline.batch.run import _written

    with Beside(context, _bug) as job:
        assert _written("org.json/org.csv", Path("/out/org.json"), job.result) == []
    assert "writing org.json/org.csv failed" in caplog.text and "KeyError" in caplog.text
