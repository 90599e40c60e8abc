"""``jdx convert`` with the conventions of docling, pandoc and markitdown (issue 11, item 4):
several files or globs, ``-o`` a file or a folder, ``--to json|jsonl|md``, ``-q``/``-v``,
an unwritable ``-o`` as a one-line usage error, no roles as exit 1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES
from jdx.pipeline.cli import app
from jdx.pipeline.convert import convert_path
from jdx.schemas.role import ConvertResult, Role
from typer.testing import CliRunner

runner = CliRunner()
TEXT = SAMPLES / "行政助理岗位说明书.txt"
COMPILATION = SAMPLES / "岗位说明书汇编.txt"
DOCX = SAMPLES / "仓储主管岗位说明书.docx"
MINUTES = "会议纪要\n时间：2023年5月10日下午三点\n会议内容：讨论第三季度预算安排。\n散会。\n"


def invoke(*args: str):
    return runner.invoke(app, ["convert", *args])


def test_one_file_prints_the_same_json_as_before() -> None:
    result = invoke(str(TEXT))
    assert result.exit_code == 0
    expected = convert_path(TEXT).model_dump_json(indent=2) + "\n"
    assert result.stdout == expected


def test_several_files_to_stdout_give_one_json_line_each() -> None:
    result = invoke(str(TEXT), str(COMPILATION), str(DOCX))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    results = [ConvertResult.model_validate_json(line) for line in lines]
    assert [len(r.roles) for r in results] == [1, 3, 1]
    assert results[2].roles[0].title == "仓储主管"


def test_a_glob_is_expanded_when_the_shell_did_not(tmp_path: Path) -> None:
    for sample in (TEXT, COMPILATION):
        shutil.copy(sample, tmp_path / sample.name)
    (tmp_path / "sub").mkdir()
    shutil.copy(DOCX, tmp_path / "sub" / DOCX.name)
    result = invoke(str(tmp_path / "**" / "*岗位说明*"), "--to", "jsonl")
    assert result.exit_code == 0, result.output
    titles = {Role.model_validate_json(line).title for line in result.stdout.splitlines()}
    assert {"行政助理", "仓储主管", "出纳"} <= titles
    missing = invoke(str(tmp_path / "*.pdf"))
    assert missing.exit_code == 2 and "no file matches" in missing.output


def test_output_folder_is_created_with_one_file_per_input(tmp_path: Path) -> None:
    out = tmp_path / "new" / "folder"
    result = invoke(str(TEXT), str(DOCX), "-o", str(out), "--to", "md")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [f"{DOCX.name}.md", f"{TEXT.name}.md"]
    assert (out / f"{TEXT.name}.md").read_text(encoding="utf-8").startswith("# 行政助理\n")
    assert result.stdout == ""


def test_one_input_and_a_trailing_slash_makes_a_folder(tmp_path: Path) -> None:
    result = invoke(str(TEXT), "-o", str(tmp_path / "out") + "/")
    assert result.exit_code == 0
    data = json.loads((tmp_path / "out" / f"{TEXT.name}.json").read_text(encoding="utf-8"))
    assert data["roles"][0]["title"] == "行政助理"


def test_jsonl_is_one_role_per_line_like_a_batch() -> None:
    result = invoke(str(COMPILATION), "--to", "jsonl")
    roles = [Role.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [r.title for r in roles] == [r.title for r in convert_path(COMPILATION).roles]
    assert [r.source.role_index for r in roles] == [0, 1, 2]


def test_the_same_name_from_two_folders_does_not_overwrite(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(TEXT, tmp_path / folder / "jd.txt")
    result = invoke(str(tmp_path / "a" / "jd.txt"), str(tmp_path / "b" / "jd.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["jd.txt-2.json", "jd.txt.json"]


def test_a_file_without_roles_exits_1_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "会议纪要.txt"
    path.write_text(MINUTES, encoding="utf-8")
    result = invoke(str(path))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["status"] == "partial"
    assert "no roles found" in result.stderr
    both = invoke(str(TEXT), str(path))
    assert both.exit_code == 1  # one file without roles is enough


def test_quiet_and_verbose(tmp_path: Path) -> None:
    path = tmp_path / "会议纪要.txt"
    path.write_text(MINUTES, encoding="utf-8")
    quiet = invoke(str(path), "-q")
    assert quiet.exit_code == 1 and quiet.stderr == ""
    verbose = invoke(str(TEXT), "-v")
    assert verbose.exit_code == 0
    assert f"{TEXT}: ok, 1 role(s)" in verbose.stderr
    assert "warning encoding_detected" in verbose.stderr


def _one_line_usage_error(result) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("jdx: cannot ") and "Traceback" not in result.output


def test_an_unwritable_output_is_a_one_line_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    _one_line_usage_error(invoke(str(TEXT), "-o", str(tmp_path / "a-file" / "out.json")))
    _one_line_usage_error(invoke(str(TEXT), str(DOCX), "-o", str(tmp_path / "a-file" / "dir")))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _one_line_usage_error(invoke(str(TEXT), "-o", str(folder / "out.json")))
    finally:
        folder.chmod(0o755)


def test_usage_errors(tmp_path: Path) -> None:
    assert invoke(str(TEXT), "--to", "yaml").exit_code == 2
    assert invoke(str(tmp_path)).exit_code == 2
    assert invoke(str(tmp_path / "missing.docx")).exit_code == 2
    assert invoke("-", "-").exit_code == 2


def test_stdin_still_works_with_an_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    text = "岗位名称：出纳\n岗位职责：\n1、负责现金收付。\n".encode("gbk")
    result = runner.invoke(app, ["convert", "-", "-o", str(out)], input=text)
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["roles"][0]["title"] == "出纳"


def test_markdown_rendering_reads_like_the_document() -> None:
    from jdx.pipeline.render_md import render_result

    result = convert_path(TEXT)
    role = result.roles[0]
    md = render_result(result)
    assert md.startswith("# 行政助理\n")
    assert f"- **直接上级**：{role.reporting.reports_to[0]}" in md
    assert "## 岗位职责\n\n1. " + role.duties[0].text in md
    assert f"{len(role.duties)}. {role.duties[-1].text}" in md
    assert "## 任职资格" in md and role.qualifications.education.text in md
    assert md.rstrip().endswith("（txt，1/1）*")


def test_markdown_kpi_table_and_escaping() -> None:
    from jdx.pipeline.render_md import render_role

    role = Role.model_validate({
        "id": "x-000", "title": "销售|经理", "kpis": [
            {"name": "销售额|完成率", "weight_pct": 40, "targets": {"month": "100万", "year": "1200万"},
             "span": {"block": 0, "start": 0, "end": 1}},
            {"name": "回款率", "targets": {"text": "≥95%\n按月考核"}, "span": {"block": 0, "start": 0, "end": 1}},
        ],
        "source": {"file": "a.pdf", "format": "pdf", "sha256": "0" * 64, "pages": 2, "role_index": 0, "role_count": 1},
    })
    md = render_role(role)
    assert "| 指标 | 权重 | 月度 | 年度 | 目标 |" in md
    assert "| 销售额\\|完成率 | 40% | 100万 | 1200万 |  |" in md
    assert "| 回款率 |  |  |  | ≥95%<br>按月考核 |" in md
    assert "（pdf, 2 页，1/1）" in md


def test_each_file_runs_in_a_child_within_the_limits(tmp_path: Path) -> None:
    """A file that crashes its conversion costs its own result, not the command."""
    done = subprocess.run([sys.executable, "-m", "jdx.pipeline.cli", "convert", str(TEXT), str(DOCX),
                           "--memory-limit", "1536"], capture_output=True, timeout=120)
    assert done.returncode == 0
    assert [len(json.loads(line)["roles"]) for line in done.stdout.splitlines()] == [1, 1]
