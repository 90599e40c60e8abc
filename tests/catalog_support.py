"""Helpers for the catalog tests: a real PostgreSQL server, catalog URLs, role records.

The PostgreSQL server is pgserver's bundled PostgreSQL (a dev dependency), started once per test
process in a temporary folder and removed at exit; each test gets a database of its own.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import shutil
import tempfile
import warnings
from pathlib import Path

from jdx.pipeline.catalog.upsert import DocumentResult
from jdx.schemas.role import Duty, Role, Source, Span

BACKENDS = ("sqlite", "postgresql")
_numbers = itertools.count(1)


@functools.cache
def postgres_server():
    import atexit

    root = Path(tempfile.mkdtemp(prefix="jdx-pg-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns about XDG_RUNTIME_DIR on servers
        import pgserver

        return pgserver.get_server(root / "data", cleanup_mode="delete")


def postgres_url() -> str:
    """A new, empty database on the test server."""
    import psycopg

    server = postgres_server()
    name = f"jdx_test_{next(_numbers)}"
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.get_uri(name)


def catalog_url(backend: str, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'catalog.db'}" if backend == "sqlite" else postgres_url()


def role(title: str, duties: list[str], *, organization: str | None = "华邦集团", department: str | None = "财务部",
         file: str = "a.txt", index: int = 0, count: int = 1, sha: str = "0" * 64, **fields) -> Role:
    span = Span(block=0, start=0, end=1)
    return Role(id=f"{sha[:16]}-{index:03d}", title=title, organization=organization, department=department,
                duties=[Duty(text=t, span=span) for t in duties],
                source=Source(file=file, format="txt", sha256=sha, role_index=index, role_count=count), **fields)


def document(path: str, roles: list[dict], *, revision: str = "1", status: str = "ok") -> DocumentResult:
    """A converted document: ``roles`` are keyword sets for :func:`role`; ``revision`` stands for its bytes."""
    sha = hashlib.sha256(f"{path}@{revision}".encode()).hexdigest()
    built = [role(file=path, index=i, count=len(roles), sha=sha, **r).model_dump_json() for i, r in enumerate(roles)]
    return DocumentResult(path=path, sha256=sha, status=status, roles=built,
                          entry=f'{{"path": "{path}", "sha256": "{sha}", "status": "{status}", "roles": {len(built)}}}')


CASHIER = ["负责现金收付和银行结算业务", "负责登记现金日记账和银行存款日记账", "负责保管库存现金和有价证券"]
ACCOUNTANT = ["负责编制记账凭证并审核原始凭证", "负责月末结账和编制财务报表", "负责纳税申报和税务登记工作"]
CLERK = ["负责公司公文的收发、登记和归档", "负责会议的组织安排和会议记录", "负责办公用品的采购和发放"]


def shared_corpus() -> Path:
    """../shared/corpus; the test skips without it, and fails instead when JDX_REQUIRE_SHARED=1."""
    import os

    import pytest

    path = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if not path.is_dir():
        if os.environ.get("JDX_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is required (JDX_REQUIRE_SHARED=1) but missing")
        pytest.skip(f"{path} not available on this machine")
    return path
