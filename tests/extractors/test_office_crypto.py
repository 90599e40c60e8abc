"""Password-protected Office files: encrypted DOCX opened with msoffcrypto-tool, through the
library, ``jdx convert --password`` and ``jdx batch --password``.

The encrypted packages are made here from committed DOCX fixtures with msoffcrypto-tool's own
ECMA-376 Agile encryption (what Word 2010+ writes); its random salt is why they are built per
test session instead of committed.
"""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES, SAMPLES
from jdx.extractors import read_document
from jdx.extractors.errors import DocumentError, ErrorCode
from jdx.extractors.limits import Limits
from jdx.extractors.office_crypto import decrypt_ooxml
from jdx.extractors.options import ReadOptions
from jdx.extractors.sniff import sniff
from jdx.pipeline.cli import app
from typer.testing import CliRunner

PASSWORD = "岗位2024!"
LIMITS = Limits()
runner = CliRunner()


@cache
def encrypted(name: str = "form_table.docx", source: Path | None = None) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = (source or FIXTURES / "docx" / name).read_bytes()
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(PASSWORD, out)
    return out.getvalue()


def test_encrypted_ooxml_is_sniffed_as_such() -> None:
    assert sniff(encrypted()).format == "ooxml_encrypted"


def test_without_password_it_stays_encrypted() -> None:
    with pytest.raises(DocumentError) as info:
        read_document(encrypted(), LIMITS)
    assert info.value.code is ErrorCode.ENCRYPTED and "--password" in info.value.message


def test_wrong_password_says_it_did_not_open() -> None:
    with pytest.raises(DocumentError) as info:
        read_document(encrypted(), LIMITS, ReadOptions(password="wrong"))
    assert info.value.code is ErrorCode.ENCRYPTED
    assert info.value.message == "the password given did not open this document"


def test_right_password_reads_the_same_document_as_the_plain_file() -> None:
    plain = read_document((FIXTURES / "docx" / "form_table.docx").read_bytes(), LIMITS)
    doc = read_document(encrypted(), LIMITS, ReadOptions(password=PASSWORD))
    assert doc.format == "docx"
    assert doc.blocks == plain.blocks and doc.furniture == plain.furniture
    assert [w.code for w in doc.warnings] == [w.code for w in plain.warnings] + ["decrypted"]


def test_decrypt_ooxml_returns_the_zip_package() -> None:
    assert decrypt_ooxml(encrypted(), PASSWORD).startswith(b"PK\x03\x04")


def test_damaged_encryption_info_is_corrupt_not_a_traceback() -> None:
    data = bytearray(encrypted())
    marker = "EncryptionInfo".encode("utf-16-le")
    at = data.find(marker)
    assert at > 0
    # Wreck the sectors after the directory entry names: the container stays, its content goes.
    for i in range(4096, len(data) - 1024, 7):
        data[i] ^= 0x5A
    with pytest.raises(DocumentError) as info:
        read_document(bytes(data), LIMITS, ReadOptions(password=PASSWORD))
    assert info.value.code in {ErrorCode.CORRUPT_FILE, ErrorCode.ENCRYPTED}


def test_cli_convert_with_and_without_password(tmp_path: Path) -> None:
    path = tmp_path / "仓储主管岗位说明书.docx"
    path.write_bytes(encrypted("sample", SAMPLES / "仓储主管岗位说明书.docx"))
    locked = runner.invoke(app, ["convert", str(path)])
    assert locked.exit_code == 1 and json.loads(locked.stdout)["error"]["code"] == "encrypted"
    wrong = runner.invoke(app, ["convert", str(path), "--password", "nope"])
    assert json.loads(wrong.stdout)["error"]["message"] == "the password given did not open this document"
    opened = runner.invoke(app, ["convert", str(path), "--password", PASSWORD])
    assert opened.exit_code == 0
    assert json.loads(opened.stdout)["roles"][0]["title"] == "仓储主管"
    from_env = runner.invoke(app, ["convert", str(path)], env={"JDX_PASSWORD": PASSWORD})
    assert from_env.exit_code == 0


def test_cli_batch_with_password(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "仓储主管岗位说明书.docx").write_bytes(encrypted("sample", SAMPLES / "仓储主管岗位说明书.docx"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(src), "-o", str(out), "--workers", "1", "--quiet",
                                 "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    line = json.loads((out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert line["status"] == "ok"
