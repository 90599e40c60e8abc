"""schemathesis against a running ``jdx serve`` on loopback: every operation of the OpenAPI
description, all checks (status codes, response schemas, content types, auth enforcement,
negative data …), 0 failures. The auth matrix itself is in test_server.py."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from catalog_support import ACCOUNTANT, CASHIER, CLERK, document
from jdx.pipeline.catalog.apikeys import create_key
from jdx.pipeline.catalog.store import open_catalog
from jdx.pipeline.catalog.upsert import apply_documents

CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, log: Path, *extra: str) -> subprocess.Popen:
    with open(log, "wb") as fh:  # a file, not a pipe: nobody reads it while the server runs
        server = subprocess.Popen([sys.executable, "-m", "jdx.pipeline.cli", "serve", "--db", db, "--port", str(port),
                                   "--no-access-log", *extra], stdout=subprocess.DEVNULL, stderr=fh)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(log.read_text(errors="replace")) from None
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("jdx serve did not start")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()


def test_schemathesis_finds_no_failure(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'catalog.db'}"
    catalog = open_catalog(db)
    apply_documents(catalog, [
        document("财务.txt", [dict(title="出纳", duties=CASHIER), dict(title="会计", duties=ACCOUNTANT)]),
        document("行政.txt", [dict(title="文员", duties=CLERK, department="行政部")]),
    ], origin="cli", source="test")
    key = create_key(catalog, "import")[1]
    catalog.close()
    port = free_port()
    server = start_server(db, port, tmp_path / "serve.log", "--workers", "1", "--timeout", "10", "--max-upload-mb", "1")
    try:
        run = subprocess.run(
            [str(Path(sys.executable).parent / "schemathesis"), "--config-file", str(CONFIG), "run",
             f"http://127.0.0.1:{port}/openapi.json", "--header", f"Authorization: Bearer {key}",
             "--max-examples", "15", "--seed", "20261202", "--generation-database", "none",
             "--no-color", "--workers", "2"],
            capture_output=True, text=True, cwd=tmp_path, timeout=600,
            env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
        )
    finally:
        stop_server(server)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "7 selected / 7 total" in run.stdout
