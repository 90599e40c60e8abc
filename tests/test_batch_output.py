"""Issue 10, defects 8 and 9: a batch whose output cannot be written.

A full disk is simulated with ``RLIMIT_FSIZE`` (writes past the size fail with EFBIG, the way
they fail with ENOSPC on a full disk) so the test needs no privileges; a read-only folder with
a mount when the test runs as root, with permissions otherwise.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES
from jdx.pipeline.batch import MANIFEST, ROLES, BatchOutputError, Journal, ManifestEntry, compact, run_batch
from jdx.pipeline.batch.journal import replace_atomically

TEXT = (SAMPLES / "行政助理岗位说明书.txt").read_bytes()


def make_inputs(folder: Path, count: int, start: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        (folder / f"{i:03d}-行政助理岗位说明书.txt").write_bytes(TEXT + f"\r\n备注：第{i}号\r\n".encode("gbk"))


def counting_convert(data: bytes, name: str, **kwargs):
    """Injected into workers: leaves an empty marker per conversion (empty files pass any
    size limit), so the test can count what the workers did."""
    from jdx.pipeline.convert import convert_bytes

    marker_dir = os.environ["JDX_TEST_MARKERS"]
    open(os.path.join(marker_dir, f"{len(os.listdir(marker_dir)):04d}"), "wb").close()
    return convert_bytes(data, name, **kwargs)


# Runs `jdx batch` under a file size limit, with workers that count their conversions.
LIMITED_BATCH = (
    "import resource, signal, sys\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.getrlimit(resource.RLIMIT_FSIZE)[1]))\n"
    "import jdx.pipeline.batch as batch\n"
    "original = batch.run_batch\n"
    "batch.run_batch = lambda *a, **k: original(*a, **{**k, 'convert_fn': 'test_batch_output:counting_convert'})\n"
    "from jdx.pipeline.cli import main\n"
    "sys.argv = ['jdx', 'batch', sys.argv[2], '-o', sys.argv[3], '--workers', '1', '--quiet']\n"
    "main()\n"
)


def consistent(out: Path) -> list[ManifestEntry]:
    """Every complete manifest line's roles are all in roles.jsonl: the state is resumable."""
    lines = (out / MANIFEST).read_bytes().splitlines(keepends=True)
    assert all(line.endswith(b"\n") for line in lines), "a torn manifest line"
    assert (out / ROLES).read_bytes().endswith(b"\n") or not (out / ROLES).read_bytes()
    entries = [ManifestEntry.model_validate_json(line) for line in lines]
    kept = compact(out)  # drops any entry whose roles are missing
    assert len(kept) == len(entries)
    return entries


def test_a_full_disk_stops_the_batch_at_once_and_leaves_the_last_complete_state(tmp_path: Path) -> None:
    """Defect 8: workers went on converting every file, manifest and roles ended torn with a
    stray .tmp, and the run ended in a raw OSError traceback."""
    in_dir, out, clean, markers = tmp_path / "in", tmp_path / "out", tmp_path / "clean", tmp_path / "markers"
    markers.mkdir()
    make_inputs(in_dir, 5)
    run_batch(in_dir, out, workers=1)
    before = {name: (out / name).read_bytes() for name in (MANIFEST, ROLES)}
    make_inputs(in_dir, 45, start=5)
    env = {**os.environ, "JDX_TEST_MARKERS": str(markers), "PYTHONPATH": str(Path(__file__).parent)}
    limit = max(len(before[ROLES]), len(before[MANIFEST])) + 2000
    done = subprocess.run([sys.executable, "-c", LIMITED_BATCH, str(limit), str(in_dir), str(out)],
                          capture_output=True, env=env, timeout=300)
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    assert "cannot write" in stderr and "size limit" in stderr
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    assert {name: (out / name).read_bytes() for name in (MANIFEST, ROLES)} == before
    assert len(os.listdir(markers)) < 45, "the workers went on after the write failed"
    consistent(out)
    # Space freed: the rerun resumes and ends where a clean run ends.
    resumed = run_batch(in_dir, out, workers=2)
    run_batch(in_dir, clean, workers=2)
    assert resumed.by_status["ok"] == 50
    assert (out / ROLES).read_bytes() == (clean / ROLES).read_bytes()


@contextlib.contextmanager
def file_size_limit(limit: int):
    previous_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous_handler)


def test_a_failed_journal_write_rolls_back_to_the_last_complete_group(tmp_path: Path) -> None:
    entry = ManifestEntry(path="a.txt", sha256="0" * 64, status="ok", roles=1)
    journal = Journal(tmp_path, max_files=1)
    journal.record([entry], ['{"id": "x"}'])
    sizes = [(tmp_path / name).stat().st_size for name in (ROLES, MANIFEST)]
    with file_size_limit(sum(sizes) + 100), pytest.raises(BatchOutputError) as caught:
        journal.record([entry], ["x" * 5000])
    journal.close()
    assert "cannot write" in str(caught.value) and str(tmp_path / ROLES) in str(caught.value)
    assert [(tmp_path / name).stat().st_size for name in (ROLES, MANIFEST)] == sizes


def test_a_failed_atomic_replace_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "summary.json"
    target.write_bytes(b"old")
    with file_size_limit(1000), pytest.raises(BatchOutputError):
        replace_atomically(target, lambda fh: fh.write(b"x" * 5000))
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["summary.json"]


# ----------------------------------------------------------------------------- 9: unwritable


def _cli_batch(in_dir: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jdx.pipeline.cli", "batch", str(in_dir), "-o", str(out), "--quiet"],
                          capture_output=True, timeout=120)


def _assert_usage_error(done: subprocess.CompletedProcess) -> None:
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    assert stderr.startswith("jdx: cannot write")


def test_an_output_folder_that_cannot_be_created_is_a_usage_error(tmp_path: Path) -> None:
    """Defect 9: a raw traceback and exit 1."""
    make_inputs(tmp_path / "in", 1)
    (tmp_path / "a-file").write_text("x")
    _assert_usage_error(_cli_batch(tmp_path / "in", tmp_path / "a-file" / "out"))


def _read_only_folder(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return folder, lambda: folder.chmod(0o755)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("running as root without permission to mount a read-only folder")
    return folder, lambda: subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 1)
    folder, undo = _read_only_folder(tmp_path)
    try:
        done = _cli_batch(tmp_path / "in", folder)
        _assert_usage_error(done)
        assert "read-only" in done.stderr.decode() or "permission" in done.stderr.decode()
    finally:
        undo()
    shutil.rmtree(tmp_path / "in")
