"""The batch package's own mechanisms: one sniff per file, longest files first, group commit,
warm workers only where they pay off, and the public names other code imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jdx.extractors as extractors
from conftest import SAMPLES
from jdx.pipeline.batch import MANIFEST, ROLES, FileTask, Journal, ManifestEntry, WorkerConfig, run_batch
from jdx.pipeline.batch.plan import longest_first
from jdx.pipeline.batch.workers import _Converter


def _task(path: Path, name: str | None = None) -> FileTask:
    return FileTask(abs_path=os.fsencode(path), path=name or path.name, title_name=path.name, sha256="0" * 64,
                    size=path.stat().st_size)


def test_a_worker_sniffs_each_file_once(monkeypatch, tmp_path: Path) -> None:
    calls: list[int] = []
    real = extractors.sniff

    def counting(data: bytes, filename: str | None = None):
        calls.append(len(data))
        return real(data, filename)

    monkeypatch.setattr(extractors, "sniff", counting)
    converter = _Converter(WorkerConfig(warm=False, memory_limit_mb=None))
    ok = converter.run(_task(SAMPLES / "仓储主管岗位说明书.docx"))
    assert ok.status == "ok" and len(calls) == 1
    program = tmp_path / "setup.exe"  # not a document: skipped, after the one sniff
    program.write_bytes(b"MZ\x90\x00" + bytes(64))
    skipped = converter.run(_task(program))
    assert (skipped.status, skipped.reason.code) == ("skipped", "unsupported_format") and len(calls) == 2


def test_longest_files_go_first_and_text_weighs_more_per_byte(tmp_path: Path) -> None:
    sizes = {"small.docx": 10_000, "big.pdf": 2_000_000, "mid.md": 300_000, "huge.docx": 3_000_000}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
    order = [t.path for t in longest_first([_task(tmp_path / name) for name in sizes])]
    # cost: pdf 2/byte, docx 1/byte, text 5/byte
    assert order == ["big.pdf", "huge.docx", "mid.md", "small.docx"]


def test_group_commit_writes_roles_before_their_manifest_lines(tmp_path: Path) -> None:
    journal = Journal(tmp_path, max_files=3, max_delay=3600)
    entries = [ManifestEntry(path=f"{i}.txt", sha256=f"{i:064d}", status="ok", roles=1) for i in range(4)]
    for entry in entries[:2]:
        journal.record([entry], [json.dumps({"n": entry.path})])
    assert (tmp_path / ROLES).read_bytes() == b"" and (tmp_path / MANIFEST).read_bytes() == b""
    journal.record([entries[2]], [json.dumps({"n": "2.txt"})])  # the third: the group is written
    assert len((tmp_path / ROLES).read_bytes().splitlines()) == 3
    assert len((tmp_path / MANIFEST).read_bytes().splitlines()) == 3
    journal.record([entries[3]], [json.dumps({"n": "3.txt"})])
    journal.close()  # the rest at close
    assert len((tmp_path / MANIFEST).read_bytes().splitlines()) == 4


def nlp_probe_convert(data: bytes, name: str, **kwargs):
    """Injected into workers: says in a warning whether jieba was loaded before this file."""
    from jdx.pipeline.convert import convert_bytes
    from jdx.schemas.role import Warning

    loaded = "jieba" in sys.modules
    result = convert_bytes(data, name, **kwargs)
    return result.model_copy(update={"warnings": [*result.warnings, Warning(code=f"nlp_loaded_{loaded}",
                                                                             message="probe")]})


def _probe_codes(out: Path) -> list[str]:
    entries = [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()]
    return [w["code"] for e in entries for w in e["warnings"] if w["code"].startswith("nlp_loaded")]


def test_only_batches_with_more_files_than_workers_start_warm(tmp_path: Path) -> None:
    """A one-file batch should cost about what ``jdx convert`` costs: its worker loads jieba
    only if its file needs it. A longer batch loads it once, before the first file."""
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.docx").write_bytes((SAMPLES / "仓储主管岗位说明书.docx").read_bytes())
    # In a fresh process: the forkserver is shared by a process's batches, and an earlier
    # test's batch may have started it warm.
    code = ("import sys; from jdx.pipeline.batch import run_batch; "
            "run_batch(sys.argv[1], sys.argv[2], workers=1, convert_fn='test_batch_package:nlp_probe_convert')")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    subprocess.run([sys.executable, "-c", code, str(one), str(tmp_path / "out-one")], check=True, env=env,
                   timeout=120, capture_output=True)
    assert _probe_codes(tmp_path / "out-one") == ["nlp_loaded_False"]
    many = tmp_path / "many"
    many.mkdir()
    for i in range(3):
        (many / f"{i}.txt").write_bytes((SAMPLES / "行政助理岗位说明书.txt").read_bytes() + f"\n备注{i}\n".encode("gbk"))
    run_batch(many, tmp_path / "out-many", workers=1, convert_fn=f"{__name__}:nlp_probe_convert")
    assert _probe_codes(tmp_path / "out-many") == ["nlp_loaded_True"] * 3


def test_the_names_other_code_imports_stay() -> None:
    import inspect

    from jdx.pipeline import batch

    for name in ("run_batch", "format_summary", "auto_progress", "BatchError", "BatchUsageError"):
        assert hasattr(batch, name), name
    parameters = list(inspect.signature(batch.run_batch).parameters)
    assert parameters == ["in_dir", "out_dir", "workers", "timeout", "force", "progress", "memory_limit_mb", "limits",
                          "lexicon_path", "convert_fn", "headers", "options", "keep_script"]
