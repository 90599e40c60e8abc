"""Helpers for the review-site tests: a batch folder made in-process, and the browser harness.

The batch folder has exactly the files ``jdx batch`` writes (manifest.jsonl, roles.jsonl,
summary.json) built with the batch module's own models, but converts in this process, which
already has jieba loaded, instead of starting worker processes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from jdx.pipeline.batch import MANIFEST, ROLES, SUMMARY, ManifestEntry, summarize

BROWSER_DIR = ROOT / "tests" / "browser"
ARTEFACTS = Path(os.environ.get("JDX_ARTEFACTS", ROOT / "test-artefacts"))


def make_batch_output(in_dir: Path, out: Path, files: list[str], review: dict[str, list[str]] | None = None,
                      extra_entries: list[ManifestEntry] = ()) -> list[dict]:
    """Convert ``files`` (relative to ``in_dir``) and write a batch folder; ``review`` marks roles
    (by title) as needing review with those reasons, as extraction will once it fills the field."""
    from jdx.pipeline.convert import convert_bytes

    out.mkdir(parents=True, exist_ok=True)
    entries: list[ManifestEntry] = list(extra_entries)
    roles: list[dict] = []
    for rel in files:
        data = (in_dir / rel).read_bytes()
        result = convert_bytes(data, rel)
        for role in result.roles:
            record = role.model_dump(mode="json")
            if review and role.title in review:
                record["review"] = {"needed": True, "reasons": review[role.title]}
            roles.append(record)
        entries.append(ManifestEntry(path=rel, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                                     status=result.status, roles=len(result.roles), error=result.error,
                                     warnings=result.warnings))
    entries.sort(key=lambda e: e.path)
    roles.sort(key=lambda r: (r["source"]["file"], r["source"]["role_index"]))
    (out / MANIFEST).write_text("".join(e.model_dump_json() + "\n" for e in entries), encoding="utf-8")
    (out / ROLES).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in roles), encoding="utf-8")
    summary = summarize(entries, in_dir, out, 0.0, 0, len(files), [MANIFEST, ROLES, SUMMARY])
    (out / SUMMARY).write_text(summary.model_dump_json(indent=2), encoding="utf-8")
    return roles


def browser_ready() -> bool:
    return shutil.which("node") is not None and (BROWSER_DIR / "node_modules" / "puppeteer-core").exists()


def require_browser() -> None:
    """Skip without the npm packages (``npm ci --prefix tests/browser``); fail under
    ``JDX_REQUIRE_BROWSER=1``, which .ci/run sets after installing them."""
    if browser_ready():
        return
    if os.environ.get("JDX_REQUIRE_BROWSER") == "1":
        pytest.fail("tests/browser/node_modules is missing: run `npm ci --prefix tests/browser`")
    pytest.skip("headless Chromium not installed (npm ci --prefix tests/browser)")


def require_shared(path: Path) -> Path:
    if path.exists():
        return path
    if os.environ.get("JDX_REQUIRE_SHARED") == "1":
        pytest.fail(f"{path} is missing and JDX_REQUIRE_SHARED=1")
    pytest.skip(f"{path} not available on this machine")


def run_browser(job: dict, work: Path) -> dict:
    """Run tests/browser/review_check.mjs on a job; return its JSON report."""
    job_file = work / "job.json"
    job_file.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(["node", str(BROWSER_DIR / "review_check.mjs"), str(job_file)], capture_output=True,
                          text=True, timeout=600, cwd=BROWSER_DIR)
    if proc.returncode != 0:
        raise AssertionError(f"browser harness failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout)
