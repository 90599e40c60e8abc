"""``jdx batch``: every file accounted for, hostile input contained, kill -9 resumable.

The batches here run real worker processes (2 of them), so the module shares a few runs
through module-scoped fixtures; the whole file takes well under a minute.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from fixtures.pdf_objects import pdf_bytes
from jdx.extractors.sniff import OLE_MAGIC
from jdx.pipeline.batch import (
    LOCK,
    MANIFEST,
    ROLES,
    SUMMARY,
    BatchUsageError,
    ManifestEntry,
    name_skip_reason,
    run_batch,
    walk_tree,
)
from jdx.pipeline.cli import app
from jdx.pipeline.export import EXPORT_FILES, SHEETS, sheet_title
from jdx.schemas.role import Role
from openpyxl import load_workbook
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "documents"
PDF_FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
GBK_NAME = "旧档案/行政助理岗位说明书（旧）.txt".encode("gbk")

# path -> (status, error or skip code, roles); None for "any number of roles"
EXPECTED: dict[str, tuple[str, str | None, int | None]] = {
    "仓储主管岗位说明书.docx": ("ok", None, 1),
    "质量检验员岗位说明书.docx": ("ok", None, 1),
    "销售区域经理岗位说明书.pdf": ("ok", None, 1),
    "岗位说明书汇编.txt": ("ok", None, 3),
    "行政助理岗位说明书.txt": ("ok", None, 1),
    "門市店長職位說明書.txt": ("ok", None, 1),
    "副本/仓储主管岗位说明书 - 副本.docx": ("skipped", "duplicate", 0),
    "会议纪要.txt": ("partial", None, 0),
    "损坏/empty.docx": ("failed", "empty_file", 0),
    "损坏/blank.txt": ("failed", "empty_file", 0),
    "损坏/random.docx": ("failed", "binary_content", 0),
    "损坏/random.pdf": ("failed", "binary_content", 0),
    "损坏/random.txt": ("failed", "binary_content", 0),
    "损坏/truncated.docx": ("failed", "corrupt_file", 0),
    "损坏/truncated.pdf": ("failed", "corrupt_file", 0),
    "损坏/bomb.docx": ("failed", "zip_bomb", 0),
    "加密/encrypted.pdf": ("failed", "encrypted", 0),
    "加密/encrypted.docx": ("failed", "encrypted", 0),
    # Read by OCR (the dev extra installs it): one role.
    "扫描件/scanned.pdf": ("ok", None, 1),
    "大文件/dump.txt": ("failed", "too_large", 0),
    "大文件/500页.pdf": ("failed", "too_large", 0),
    "~$仓储主管岗位说明书.docx": ("skipped", "lock_file", 0),
    "Thumbs.db": ("skipped", "os_junk", 0),
    ".DS_Store": ("skipped", "os_junk", 0),
    "损坏/desktop.ini": ("skipped", "os_junk", 0),
    "损坏/._仓储主管岗位说明书.docx": ("skipped", "os_junk", 0),
    "~WRL0001.tmp": ("skipped", "temp_file", 0),
    # PNG magic over zeros: an image jdx would OCR, and a damaged one.
    "其他/photo.png": ("failed", "corrupt_file", 0),
    "其他/backup.zip": ("skipped", "unsupported_format", 0),
    "其他/song.mp3": ("skipped", "binary_content", 0),
    "其他/pipe": ("skipped", "not_regular_file", 0),
    "其他/loop": ("skipped", "symlink", 0),
}


# ----------------------------------------------------------------------------- building inputs


def minimal_pdf(pages: int) -> bytes:
    """A valid PDF of empty pages, written by hand: cheap at any page count."""
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    return pdf_bytes(objects)


def zip_bomb_docx() -> bytes:
    """A DOCX whose document part inflates ~1000x (50 MB of spaces in a 50 KB file)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (50 << 20) + b"</w:document>")
    return buf.getvalue()


def encrypted_docx() -> bytes:
    """What Word writes for a password-protected .docx: an OLE file with an EncryptedPackage stream."""
    return OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(1024)


def tiny_png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(64)


def plain_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "backup")
    return buf.getvalue()


def write(root: Path, rel: str | bytes, data: bytes) -> None:
    path = os.path.join(os.fsencode(root), rel if isinstance(rel, bytes) else rel.encode("utf-8"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def build_hostile_tree(root: Path) -> None:
    rng = random.Random(20240501)
    for sample in ("仓储主管岗位说明书.docx", "质量检验员岗位说明书.docx", "销售区域经理岗位说明书.pdf",
                   "岗位说明书汇编.txt", "行政助理岗位说明书.txt", "門市店長職位說明書.txt"):
        write(root, sample, (SAMPLES / sample).read_bytes())
    docx = (SAMPLES / "仓储主管岗位说明书.docx").read_bytes()
    pdf = (SAMPLES / "销售区域经理岗位说明书.pdf").read_bytes()
    write(root, "副本/仓储主管岗位说明书 - 副本.docx", docx)
    # A GBK file name, as copied from a Chinese Windows share; distinct bytes so not a duplicate.
    write(root, GBK_NAME, (SAMPLES / "行政助理岗位说明书.txt").read_bytes() + "\r\n备注：旧档案\r\n".encode("gbk"))
    write(root, "会议纪要.txt", "会议纪要\n时间：2023年5月10日下午三点\n地点：三楼会议室\n"
          "会议内容：讨论第三季度预算安排，确定下一步工作计划。\n散会。\n".encode())
    write(root, "损坏/empty.docx", b"")
    write(root, "损坏/blank.txt", b"  \r\n\r\n  ")
    for ext in ("docx", "pdf", "txt"):
        write(root, f"损坏/random.{ext}", rng.randbytes(4096))
    write(root, "损坏/truncated.docx", docx[: len(docx) // 2])
    write(root, "损坏/truncated.pdf", pdf[: len(pdf) // 2])
    write(root, "损坏/bomb.docx", zip_bomb_docx())
    write(root, "加密/encrypted.pdf", (PDF_FIXTURES / "encrypted_open_password.pdf").read_bytes())
    write(root, "加密/encrypted.docx", encrypted_docx())
    write(root, "扫描件/scanned.pdf", (PDF_FIXTURES / "scanned.pdf").read_bytes())
    write(root, "大文件/dump.txt", "岗位职责：负责。\n".encode() * (30 * 2**20 // 25))  # ~30 MB, 11M chars
    write(root, "大文件/500页.pdf", minimal_pdf(500))
    write(root, "~$仓储主管岗位说明书.docx", b"\x0bzhangsan" + bytes(150))
    write(root, "Thumbs.db", OLE_MAGIC + bytes(512))
    write(root, ".DS_Store", b"\x00\x00\x00\x01Bud1" + bytes(100))
    write(root, "损坏/desktop.ini", b"[.ShellClassInfo]\r\nIconResource=x\r\n")
    write(root, "损坏/._仓储主管岗位说明书.docx", b"\x00\x05\x16\x07" + bytes(80))
    write(root, "~WRL0001.tmp", b"")
    write(root, "其他/photo.png", tiny_png())
    write(root, "其他/backup.zip", plain_zip())
    write(root, "其他/song.mp3", b"ID3\x04\x00" + bytes(8) + rng.randbytes(2000))
    os.mkfifo(root / "其他" / "pipe")
    os.symlink("..", root / "其他" / "loop")


GBK_ESCAPED = "".join(chr(b) if b < 0x80 else f"\\x{b:02x}" for b in GBK_NAME)


def expected_with_gbk() -> dict[str, tuple[str, str | None, int | None]]:
    return {**EXPECTED, GBK_ESCAPED: ("ok", None, 1)}


def manifest(out: Path) -> dict[str, ManifestEntry]:
    lines = (out / MANIFEST).read_text(encoding="utf-8").splitlines()
    return {entry.path: entry for entry in map(ManifestEntry.model_validate_json, lines)}


def role_lines(out: Path) -> list[str]:
    return (out / ROLES).read_text(encoding="utf-8").splitlines()


def without_timing(out: Path) -> list[dict]:
    return [e.model_dump(exclude={"seconds"}) for e in manifest(out).values()]


# ----------------------------------------------------------------------------- hostile batch


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    in_dir = tmp_path_factory.mktemp("share")
    build_hostile_tree(in_dir)
    out_dir = in_dir / "jdx-out"  # inside IN_DIR on purpose: it must not be read back
    summary = run_batch(in_dir, out_dir, workers=2, timeout=30)
    return in_dir, out_dir, summary


def test_every_file_gets_one_manifest_line_with_its_status_and_code(hostile) -> None:
    _, out, summary = hostile
    entries = manifest(out)
    expected = expected_with_gbk()
    assert sorted(entries) == sorted(expected)
    for path, (status, code, roles) in expected.items():
        entry = entries[path]
        got_code = (entry.error or entry.reason).code if (entry.error or entry.reason) else None
        assert (entry.status, got_code) == (status, code), (path, entry)
        if roles is not None:
            assert entry.roles == roles, path
    assert summary.by_status == {"ok": 8, "partial": 1, "failed": 13, "skipped": 11}
    assert summary.roles == 10
    assert summary.exit_code == 1


def test_roles_are_exactly_what_the_manifest_counts_and_validate(hostile) -> None:
    _, out, _ = hostile
    per_file: dict[str, int] = {}
    ids = set()
    for line in role_lines(out):
        role = Role.model_validate_json(line)
        ids.add(role.id)
        per_file[role.source.file] = per_file.get(role.source.file, 0) + 1
        assert role.id.startswith(role.source.sha256[:16])
    assert len(ids) == len(role_lines(out))
    assert per_file == {path: e.roles for path, e in manifest(out).items() if e.roles}


def test_hostile_details(hostile) -> None:
    _, out, _ = hostile
    entries = manifest(out)
    gbk = entries[GBK_ESCAPED]
    assert gbk.path.startswith("\\xbe\\xc9\\xb5\\xb5\\xb0\\xb8/")  # 旧档案 in GBK, every byte escaped
    assert bytes.fromhex(gbk.path_bytes_hex) == GBK_NAME
    assert gbk.warnings[0].code == "filename_not_utf8" and "行政助理岗位说明书（旧）" in gbk.warnings[0].message
    dup = entries["副本/仓储主管岗位说明书 - 副本.docx"]
    assert dup.duplicate_of == "仓储主管岗位说明书.docx" and dup.sha256 == entries[dup.duplicate_of].sha256
    assert [w.code for w in entries["会议纪要.txt"].warnings] == ["not_a_job_description"]
    assert "500" in entries["大文件/500页.pdf"].error.message
    assert all(e.sha256 for p, e in entries.items() if p not in ("其他/pipe", "其他/loop"))
    assert not any(p.startswith("jdx-out") for p in entries)


def test_spreadsheets_cover_every_role(hostile) -> None:
    _, out, summary = hostile
    for name in EXPORT_FILES:
        assert (out / name).exists(), name
    book = load_workbook(out / "roles.xlsx", read_only=True)
    assert book.sheetnames == [sheet_title(s) for s in SHEETS] == ["岗位", "岗位职责", "考核指标", "问题清单"]
    rows = list(book["岗位"].iter_rows(values_only=True))
    assert rows[0][:2] == ("岗位ID", "岗位名称") and len(rows) == summary.roles + 1
    assert {r[1] for r in rows[1:]} >= {"仓储主管", "出纳", "会计", "财务经理"}
    duties = list(book["岗位职责"].iter_rows(values_only=True))
    assert len(duties) > summary.roles
    book.close()
    raw = (out / "roles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    with open(out / "problems.csv", encoding="utf-8-sig", newline="") as fh:
        problems = list(csv.DictReader(fh))
    assert {p["代码"] for p in problems if p["类别"] == "错误"} >= {"zip_bomb", "encrypted", "too_large"}
    summary_json = json.loads((out / SUMMARY).read_text(encoding="utf-8"))
    assert summary_json["by_status"] == summary.by_status and summary_json["exit_code"] == 1


def test_rerun_reuses_successes_and_retries_failures(hostile) -> None:
    in_dir, out, _ = hostile
    roles_before, manifest_before = (out / ROLES).read_bytes(), without_timing(out)
    again = run_batch(in_dir, out, workers=2, timeout=30)
    # ok 8 + partial 1 + skipped by content 2 are reused; failures are retried, and what the
    # parent decides from names alone (junk, links, duplicates) is recomputed.
    assert (again.reused, again.converted) == (11, 13)
    assert (out / ROLES).read_bytes() == roles_before
    assert without_timing(out) == manifest_before


# ----------------------------------------------------------------------------- isolation


def hostile_convert(data: bytes, name: str, **kwargs):
    """Injected into workers: stands for inputs that hang, crash or eat memory."""
    from jdx.pipeline.convert import convert_bytes

    if data.startswith(b"#HANG"):
        time.sleep(600)
    if data.startswith(b"#CRASH"):
        os.abort()
    if data.startswith(b"#HOG"):
        hog = bytearray(8 << 30)  # above the 2 GB address-space guard: MemoryError
        del hog
    return convert_bytes(data, name, **kwargs)


def test_hang_crash_and_memory_hog_cost_one_line_each(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    for name in ("hang.txt", "crash.txt", "hog.txt"):
        write(in_dir, name, f"#{name.split('.')[0].upper()}\n岗位名称：出纳\n".encode())
    for sample in ("岗位说明书汇编.txt", "仓储主管岗位说明书.docx", "行政助理岗位说明书.txt"):
        write(in_dir, sample, (SAMPLES / sample).read_bytes())
    summary = run_batch(in_dir, tmp_path / "out", workers=2, timeout=3,
                        convert_fn=f"{__name__}:hostile_convert")
    entries = manifest(tmp_path / "out")
    assert entries["hang.txt"].error.code == "timeout"
    assert entries["crash.txt"].error.code == "worker_crashed" and "SIGABRT" in entries["crash.txt"].error.message
    assert entries["hog.txt"].error.code == "out_of_memory"
    assert [entries[s].status for s in ("岗位说明书汇编.txt", "仓储主管岗位说明书.docx", "行政助理岗位说明书.txt")] == ["ok"] * 3
    assert summary.roles == 5


# ----------------------------------------------------------------------------- resume


def build_many(root: Path, copies: int) -> None:
    """Distinct documents of every format: texts and DOCX with a numbered note, PDFs with a trailer comment."""
    texts = ("岗位说明书汇编.txt", "行政助理岗位说明书.txt", "門市店長職位說明書.txt")
    pdf = (SAMPLES / "销售区域经理岗位说明书.pdf").read_bytes()
    for i in range(copies):
        for sample in texts:
            encoding = "utf-8" if sample == texts[0] else ("gbk" if sample == texts[1] else "big5")
            note = f"\r\n備註：第{i}號\r\n" if encoding == "big5" else f"\r\n备注：第{i}号\r\n"
            write(root, f"批次{i % 3}/{i:02d}-{sample}", (SAMPLES / sample).read_bytes() + note.encode(encoding))
        doc = DocxDocument(str(SAMPLES / "仓储主管岗位说明书.docx"))
        doc.add_paragraph(f"备注：第{i}号")
        buf = io.BytesIO()
        doc.save(buf)
        write(root, f"批次{i % 3}/{i:02d}-仓储主管岗位说明书.docx", buf.getvalue())
        if i % 4 == 0:
            write(root, f"批次{i % 3}/{i:02d}-销售区域经理岗位说明书.pdf", pdf + b"%% copy %d\n" % i)
    write(root, "损坏/truncated.docx", b"PK\x03\x04" + bytes(100))


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    in_dir = tmp_path_factory.mktemp("many")
    build_many(in_dir, 16)
    clean = tmp_path_factory.mktemp("clean") / "out"
    run_batch(in_dir, clean, workers=2, timeout=30)
    return in_dir, clean


def test_resume_after_a_crash_at_any_point_of_the_journal(many, tmp_path: Path) -> None:
    """Simulate what kill -9 can leave: orphan role lines, torn lines in both files."""
    in_dir, clean = many
    out = tmp_path / "out"
    shutil.copytree(clean, out)
    lines = (out / MANIFEST).read_text(encoding="utf-8").splitlines(keepends=True)
    with_roles = [i for i, line in enumerate(lines) if '"roles":0' not in line]
    dropped = {with_roles[0], with_roles[len(with_roles) // 2], with_roles[-1]}  # their roles stay: orphans
    torn_manifest = lines[with_roles[1]][:40]
    kept = [line for i, line in enumerate(lines) if i not in dropped and i != with_roles[1]]
    (out / MANIFEST).write_text("".join(kept) + torn_manifest, encoding="utf-8")
    with open(out / ROLES, "ab") as fh:
        fh.write(role_lines(clean)[0].encode()[:70])  # a role line cut short
    summary = run_batch(in_dir, out, workers=2, timeout=30)
    assert summary.converted == 4 + 1  # the dropped, the torn, and the failed one retried
    assert (out / ROLES).read_bytes() == (clean / ROLES).read_bytes()
    assert without_timing(out) == without_timing(clean)


def test_kill_9_part_way_then_resume_equals_a_clean_run(many, tmp_path: Path) -> None:
    in_dir, clean = many
    out = tmp_path / "out"
    total = len(manifest(clean))
    cmd = [sys.executable, "-m", "jdx.pipeline.cli", "batch", str(in_dir), "-o", str(out), "--workers", "2", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        done = _wait_for_progress(out / MANIFEST, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert 1 <= done < total, "the batch finished before it could be killed"
    resumed = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    assert resumed.returncode == 1, resumed.stderr.decode()  # the truncated DOCX fails
    assert sorted(role_lines(out)) == sorted(role_lines(clean))
    assert (out / ROLES).read_bytes() == (clean / ROLES).read_bytes()
    assert without_timing(out) == without_timing(clean)
    assert json.loads((out / SUMMARY).read_text())["reused"] >= done - 1


def _wait_for_progress(path: Path, proc: subprocess.Popen, limit: float = 60.0) -> int:
    """Lines written by workers (not the one-off failed line) once at least one is there."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            done = path.read_bytes().count(b'"status":"ok"')
            if done >= 1:
                return done
        time.sleep(0.005)
    return 0


# ----------------------------------------------------------------------------- units and CLI


def test_walk_never_follows_links_and_reports_them(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    os.symlink("../..", tmp_path / "a" / "b" / "up")
    os.symlink("missing.docx", tmp_path / "a" / "broken.docx")
    (tmp_path / "a" / "b" / "f.txt").write_text("x")
    (tmp_path / "old-out").mkdir()
    (tmp_path / "old-out" / LOCK).touch()
    (tmp_path / "old-out" / "roles.jsonl").write_text("{}")
    found = {f.raw.decode(): f.kind for f in walk_tree(tmp_path)}
    assert found == {"a/b/up": "symlink", "a/broken.docx": "symlink", "a/b/f.txt": "file", "old-out": "jdx_output"}


@pytest.mark.parametrize(("name", "size", "code"), [
    (b"~$abc.docx", 162, "lock_file"), (b".~lock.abc.docx#", 90, "lock_file"), (b"THUMBS.DB", 10, "os_junk"),
    (b"x.tmp", 0, "temp_file"), (b"noext", 0, "temp_file"), (b"a.docx", 0, None), (b"a.txt", 5, None),
])
def test_name_rules(name: bytes, size: int, code: str | None) -> None:
    reason = name_skip_reason(name, size)
    assert (reason.code if reason else None) == code


def test_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(BatchUsageError):
        run_batch(tmp_path / "missing", tmp_path / "out")
    (tmp_path / "file").write_text("x")
    with pytest.raises(BatchUsageError):
        run_batch(tmp_path, tmp_path / "file")
    with pytest.raises(BatchUsageError):
        run_batch(tmp_path, tmp_path)


runner = CliRunner()


def test_cli_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good"
    write(good, "岗位说明书汇编.txt", (SAMPLES / "岗位说明书汇编.txt").read_bytes())
    write(good, "~$x.docx", b"lock")
    result = runner.invoke(app, ["batch", str(good), "-o", str(tmp_path / "o1"), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "ok 1" in result.output and "3 roles" in result.output

    write(good, "bad.pdf", b"%PDF-1.4\n garbage")
    result = runner.invoke(app, ["batch", str(good), "-o", str(tmp_path / "o1"), "--workers", "1"])
    assert result.exit_code == 1, result.output
    assert "corrupt_file 1" in result.output and "1 files from an earlier run" in result.output

    assert runner.invoke(app, ["batch", str(tmp_path / "nope"), "-o", str(tmp_path / "o2")]).exit_code == 2
    (tmp_path / "a-file").write_text("x")
    assert runner.invoke(app, ["batch", str(good), "-o", str(tmp_path / "a-file")]).exit_code == 2
    assert runner.invoke(app, ["batch", str(good), "-o", str(tmp_path / "o3"), "--workers", "0"]).exit_code == 2
    assert runner.invoke(app, ["batch", str(good)]).exit_code == 2  # -o is required


def test_force_starts_over(tmp_path: Path) -> None:
    write(tmp_path / "in", "a.txt", (SAMPLES / "行政助理岗位说明书.txt").read_bytes())
    run_batch(tmp_path / "in", tmp_path / "out", workers=1)
    again = run_batch(tmp_path / "in", tmp_path / "out", workers=1, force=True)
    assert (again.reused, again.converted, again.roles) == (0, 1, 1)


def test_export_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    from jdx.pipeline.export import export_tables

    role = Role.model_validate({
        "id": "0123456789abcdef-000", "title": "=HYPERLINK(\"x\")",
        "duties": [{"text": "-负责\x07核算", "span": {"block": 0, "start": 0, "end": 3}}],
        "source": {"file": "a.txt", "format": "txt", "sha256": "0123456789abcdef" * 4, "role_index": 0, "role_count": 1},
    })
    (tmp_path / ROLES).write_text(role.model_dump_json() + "\n", encoding="utf-8")
    (tmp_path / MANIFEST).write_text("", encoding="utf-8")
    export_tables(tmp_path, headers="en")
    sheet = load_workbook(tmp_path / "roles.xlsx")["roles"]
    assert sheet["B2"].value == "=HYPERLINK(\"x\")" and sheet["B2"].data_type == "s"
    duty_text = load_workbook(tmp_path / "roles.xlsx")["duties"]["D2"].value
    assert duty_text == "-负责核算"  # control characters Excel rejects are dropped
    with open(tmp_path / "duties.csv", encoding="utf-8-sig", newline="") as fh:
        assert next(csv.DictReader(fh))["text"] == "'-负责核算"
