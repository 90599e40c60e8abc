"""``jdx import``, ``jdx export``, ``jdx keys``: output, exit codes, files written."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import pytest
from conftest import modules_loaded_by_help
from jdx.pipeline.cli import app
from jdx.pipeline.export import EXPORT_FILES, SHEETS
from jdx.pipeline.zh_texts import zh_texts
from jdx.schemas.catalog import CatalogRole
from openpyxl import load_workbook
from typer.testing import CliRunner

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "documents"
runner = CliRunner()


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> str:
    db = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'catalog.db'}"
    result = runner.invoke(app, ["import", str(SAMPLES), "--db", db, "--workers", "2", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "roles added 8, changed 0, retired 0" in result.stderr
    return db


def test_reimporting_the_same_folder_changes_nothing(imported) -> None:
    result = runner.invoke(app, ["import", str(SAMPLES), "--db", imported, "--workers", "1", "--quiet"])
    assert result.exit_code == 0
    assert "0 documents applied, 6 unchanged" in result.stderr and "roles added 0, changed 0, retired 0" in result.stderr


def test_keys_are_printed_once_alone_and_stored_as_a_hash(tmp_path) -> None:
    db_file = tmp_path / "k.db"
    db = f"sqlite:///{db_file}"
    created = runner.invoke(app, ["keys", "create", "--db", db, "--scope", "read", "--name", "career site"])
    assert created.exit_code == 0
    assert re.fullmatch(r"jdx_[A-Za-z0-9_-]{43}\n", created.stdout)
    secret = created.stdout.strip()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("k.db"))
    assert secret.encode() not in raw
    assert hashlib.sha256(secret.encode()).hexdigest().encode() in raw
    listed = runner.invoke(app, ["keys", "list", "--db", db])
    key_id, scope, name, _created, state = listed.stdout.strip().split("\t")
    assert (scope, name, state) == ("read", "career site", "active")
    assert secret not in listed.stdout
    assert runner.invoke(app, ["keys", "revoke", key_id, "--db", db]).exit_code == 0
    assert runner.invoke(app, ["keys", "list", "--db", db]).stdout.strip().split("\t")[-1] != "active"
    assert runner.invoke(app, ["keys", "revoke", "nope", "--db", db]).exit_code == 1
    assert runner.invoke(app, ["keys", "create", "--db", db, "--scope", "admin"]).exit_code == 2


def test_export_jsonl(imported, tmp_path) -> None:
    result = runner.invoke(app, ["export", "--db", imported, "--to", "jsonl"])
    assert result.exit_code == 0
    rows = [CatalogRole.model_validate_json(line) for line in result.stdout.splitlines()]
    assert len(rows) == 8 and all(r.version == 1 and r.status == "active" for r in rows)
    assert [r.key for r in rows] == sorted(r.key for r in rows)
    assert "成都仁康医院.行政办公室.行政助理" in {r.key for r in rows}


def test_export_jsonld(imported, tmp_path) -> None:
    out = tmp_path / "roles.jsonld"
    assert runner.invoke(app, ["export", "--db", imported, "--to", "jsonld", "-o", str(out)]).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    titles = {n["title"]: n for n in doc["@graph"]}
    assert titles["行政助理"]["hiringOrganization"]["name"] == "成都仁康医院"
    assert titles["行政助理"]["educationRequirements"]["credentialCategory"] == "associate degree"


def test_export_spreadsheets_as_batch_writes_them(imported, tmp_path) -> None:
    folder = tmp_path / "csv"
    assert runner.invoke(app, ["export", "--db", imported, "--to", "csv", "-o", str(folder)]).exit_code == 0
    csv_names = sorted(name for name in EXPORT_FILES if name.endswith(".csv"))
    assert sorted(p.name for p in folder.iterdir()) == csv_names
    cells = set()
    for name in csv_names:
        with open(folder / name, encoding="utf-8-sig", newline="") as fh:
            cells |= {cell for row in csv.reader(fh) for cell in row}
    assert "成都仁康医院.行政办公室.行政助理" in cells  # the key stands where the role id stood
    book = tmp_path / "out" / "roles.xlsx"
    assert runner.invoke(app, ["export", "--db", imported, "--to", "xlsx", "-o", str(book)]).exit_code == 0
    assert load_workbook(book, read_only=True).sheetnames == [zh_texts().sheets[s] for s in SHEETS]
    assert [p.name for p in book.parent.iterdir()] == ["roles.xlsx"]  # nothing else left behind


@pytest.mark.parametrize(("args", "code", "says"), [
    (["export", "--db", "ftp://example/x", "--to", "jsonl"], 2, "unsupported database"),
    (["export", "--db", "/no/such/folder/c.db", "--to", "jsonl"], 2, "no such folder"),
    (["export", "--db", "postgresql://nobody@127.0.0.1:1/x", "--to", "jsonl"], 1, "cannot open the catalog"),
    (["export", "--db", "sqlite:///{tmp}/c.db", "--to", "csv"], 2, "needs -o"),
    (["import", "{tmp}/missing", "--db", "sqlite:///{tmp}/c.db"], 2, "no such folder"),
])
def test_usage_and_connection_errors_are_one_line(tmp_path, args, code, says) -> None:
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == code
    assert says in result.stderr and "Traceback" not in result.output


def test_help_does_not_load_the_catalog_or_server_stack() -> None:
    heavy = ("sqlalchemy", "alembic", "fastapi", "uvicorn", "psycopg", "pebble", "starlette")
    assert modules_loaded_by_help(heavy, ("keys",)) == []
