"""The command line: JSON on stdout, typed failures with exit 1, usage errors with exit 2,
and a ``--help`` that does not load jieba or the PDF stack."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SAMPLES, modules_loaded_by_help
from jdx.pipeline.cli import app
from jdx.schemas.role import ConvertResult, json_schema
from typer.testing import CliRunner

runner = CliRunner()
OLE_ENCRYPTED = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64


def convert(path: Path) -> tuple[int, dict]:
    result = runner.invoke(app, ["convert", str(path)])
    return result.exit_code, json.loads(result.stdout)


def test_convert_prints_valid_json_and_exits_0() -> None:
    code, data = convert(SAMPLES / "行政助理岗位说明书.txt")
    assert code == 0
    result = ConvertResult.model_validate(data)
    assert result.status == "ok" and result.roles[0].title == "行政助理"


def _truncated_docx() -> bytes:
    data = (SAMPLES / "质量检验员岗位说明书.docx").read_bytes()
    return data[: len(data) // 2]


def _docx_named_pdf() -> bytes:
    return (SAMPLES / "质量检验员岗位说明书.docx").read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.docx", b"", "empty_file"),
        ("random.docx", bytes(range(256)) * 8, "binary_content"),
        ("random.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8, "corrupt_file"),
        ("truncated.docx", None, "corrupt_file"),
        ("protected.docx", OLE_ENCRYPTED, "encrypted"),
        ("binary.txt", b"\x00\x01\x02\x03\xff\xfe" * 500, "binary_content"),
        ("image.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "corrupt_file"),
    ],
)
def test_bad_input_fails_with_a_specific_code(tmp_path: Path, name: str, data: bytes | None, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(_truncated_docx() if data is None else data)
    exit_code, out = convert(path)
    assert exit_code == 1
    assert out["status"] == "failed" and out["error"]["code"] == code
    assert out["roles"] == [] and "\n" not in out["error"]["message"]


def test_encrypted_pdf_fails_with_encrypted() -> None:
    exit_code, out = convert(FIXTURES / "pdf" / "encrypted_open_password.pdf")
    assert (exit_code, out["error"]["code"]) == (1, "encrypted")


def test_format_is_sniffed_not_taken_from_the_name(tmp_path: Path) -> None:
    path = tmp_path / "actually-a-word-file.pdf"
    path.write_bytes(_docx_named_pdf())
    exit_code, out = convert(path)
    assert exit_code == 0 and out["roles"][0]["source"]["format"] == "docx"


def test_zip_that_is_not_a_document(tmp_path: Path) -> None:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    path = tmp_path / "archive.docx"
    path.write_bytes(buf.getvalue())
    exit_code, out = convert(path)
    assert (exit_code, out["error"]["code"]) == (1, "unsupported_format")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["convert", str(tmp_path / "missing.docx")]).exit_code == 2
    assert runner.invoke(app, ["convert", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["convert"]).exit_code == 2
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2


def test_schema_command_prints_the_committed_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    committed = json.loads((ROOT / "schemas" / "role.schema.json").read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == committed == json_schema(), "run `jdx schema > schemas/role.schema.json`"


def test_every_command_has_help() -> None:
    for command in app.registered_commands:
        assert command.callback.__doc__, f"{command.name or command.callback.__name__} has no help text"


def test_help_does_not_load_heavy_modules() -> None:
    assert modules_loaded_by_help(("jieba", "pdfplumber", "pdfminer", "opencc", "lxml.etree")) == []
