"""Shared by the catalog benchmarks: a PostgreSQL server (pgserver), synthetic catalogs of real roles.

Not a test module. A synthetic catalog replicates roles converted from real documents, each copy
with its own title and document, so keys, filters and records look like a real catalog's.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "documents"
CORPUS = ROOT.parent / "shared" / "corpus"


def postgres_url(name: str) -> str:
    """A new database on a pgserver PostgreSQL started for this process (removed at exit)."""
    import psycopg

    global _SERVER
    if "_SERVER" not in globals():
        root = Path(tempfile.mkdtemp(prefix="jdx-bench-pg-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

            _SERVER = pgserver.get_server(root / "data", cleanup_mode="delete")
    with psycopg.connect(_SERVER.get_uri(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return _SERVER.get_uri(name)


def real_roles(folder: Path = SAMPLES) -> list[dict]:
    """Roles converted in this process from the documents of ``folder`` (top level only)."""
    from jdx.pipeline.convert import convert_path

    roles = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        roles += [json.loads(r.model_dump_json()) for r in convert_path(path).roles]
    return roles


def synthetic_documents(templates: list[dict], roles: int, per_document: int = 10, revision: str = "1",
                        start: int = 0) -> Iterator:
    """DocumentResults holding ``roles`` roles, ``per_document`` each, cycling through ``templates``."""
    from jdx.pipeline.catalog.upsert import DocumentResult

    n = start
    for d in range((roles + per_document - 1) // per_document):
        path = f"synthetic/{d:05d}.docx"
        sha = hashlib.sha256(f"{path}@{revision}".encode()).hexdigest()
        lines = []
        for i in range(min(per_document, roles - d * per_document)):
            role = json.loads(json.dumps(templates[n % len(templates)]))
            role["title"] = f"{role['title']}{n:05d}"
            role["id"] = f"{sha[:16]}-{i:03d}"
            role["source"].update(file=path, sha256=sha, role_index=i, role_count=per_document)
            if revision != "1" and role["duties"]:
                role["duties"][0]["text"] += f"（修订{revision}）"
            lines.append(json.dumps(role, ensure_ascii=False))
            n += 1
        yield DocumentResult(path=path, sha256=sha, status="ok", roles=lines,
                             entry=json.dumps({"path": path, "sha256": sha, "status": "ok", "roles": len(lines)}))
