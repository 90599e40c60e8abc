"""What the review site reads from a batch folder: summary, manifest, and an index of roles.

``roles.jsonl`` can hold many thousand roles, so it is never loaded whole: one pass builds a
compact index (a short row per role and the byte offset of its line), and role pages read their
role again by offset. The index order is the batch page's order: roles needing review first,
then the others, each in file order.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from ..batch.journal import read_records
from ..zh_texts import zh_texts


class RoleEntry(BaseModel):
    id: str
    title: str
    organization: str | None = None
    department: str | None = None
    file: str
    format: str
    sha256: str
    needs_review: bool = False
    reasons: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    duties: int = 0
    coverage: float = 0.0
    offset: int = Field(description="Byte offset of the role's line in roles.jsonl")


class BatchData(BaseModel):
    out_dir: Path
    in_dir: Path | None
    summary: dict[str, Any]
    manifest: list[dict[str, Any]]
    roles: list[RoleEntry] = Field(description="In page order: needing review first, then file order")
    _by_path: dict[str, dict[str, Any]] = PrivateAttr(default_factory=dict)

    def role(self, entry: RoleEntry) -> dict:
        """The full role record of an index entry."""
        with open(self.out_dir / "roles.jsonl", "rb") as fh:
            fh.seek(entry.offset)
            return json.loads(fh.readline())

    def manifest_entry(self, file: str) -> dict[str, Any]:
        if not self._by_path:
            self._by_path.update((m["path"], m) for m in self.manifest)
        return self._by_path.get(file, {})

    def source_path(self, file: str) -> Path | None:
        return None if self.in_dir is None else self.in_dir / file


def _role_entries(path: Path) -> Iterator[RoleEntry]:
    if not path.exists():
        return
    with open(path, "rb") as fh:
        offset = 0
        for line in fh:
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            r = json.loads(line)
            review = r.get("review") or {}
            yield RoleEntry(
                id=r["id"], title=r["title"], organization=r.get("organization"), department=r.get("department"),
                file=r["source"]["file"], format=r["source"]["format"], sha256=r["source"]["sha256"],
                needs_review=bool(review.get("needed")), reasons=list(review.get("reasons") or []),
                warnings=[w["code"] for w in r.get("warnings", [])], duties=len(r.get("duties", [])),
                coverage=r.get("coverage", 0.0), offset=start,
            )


def resolve_in_dir(out_dir: Path, summary: dict, manifest: list[dict], in_dir: Path | None) -> Path | None:
    """Where the batch's source files are: ``in_dir`` when given, else summary.json's ``in_dir``
    — absolute, or relative to where the batch ran (tried from here and from OUT_DIR's parent)."""
    if in_dir is not None:
        return Path(in_dir)
    recorded = summary.get("in_dir")
    if not recorded:
        return None
    recorded_path = Path(recorded)
    candidates = [recorded_path] if recorded_path.is_absolute() else [
        Path.cwd() / recorded_path, out_dir.resolve().parent / recorded_path, out_dir.resolve() / recorded_path]
    probe = next((e["path"] for e in manifest if e.get("status") in ("ok", "partial")), None)
    for candidate in candidates:
        if candidate.is_dir() and (probe is None or (candidate / probe).exists()):
            return candidate
    return candidates[0]


def load_batch(out_dir: Path, in_dir: Path | None = None) -> BatchData:
    out_dir = Path(out_dir)
    summary_path = out_dir / "summary.json"
    summary = json.loads(summary_path.read_text(encoding="utf-8")) if summary_path.exists() else {}
    manifest = list(read_records(out_dir / "manifest.jsonl"))
    entries = list(_role_entries(out_dir / "roles.jsonl"))
    ordered = [e for e in entries if e.needs_review] + [e for e in entries if not e.needs_review]
    return BatchData(out_dir=out_dir, in_dir=resolve_in_dir(out_dir, summary, manifest, in_dir), summary=summary,
                     manifest=manifest, roles=ordered)


def file_format(entry: dict, formats: dict[str, str]) -> str:
    """A file's format: what its roles say the reader found, else its extension."""
    if entry["path"] in formats:
        return formats[entry["path"]]
    ext = os.path.splitext(entry["path"])[1].lower().lstrip(".")
    return ext or "—"


def batch_page_data(batch: BatchData) -> dict[str, Any]:
    """The batch page's data: counts, files, and one short row per role."""
    texts = zh_texts()
    formats = {e.file: e.format for e in batch.roles}
    files = []
    codes: set[str] = set()
    for entry in batch.manifest:
        problem = entry.get("error") or entry.get("reason")
        warnings = [w["code"] for w in entry.get("warnings", [])]
        codes.update(warnings)
        if problem:
            codes.add(problem["code"])
        files.append([entry["path"], entry["status"], file_format(entry, formats), entry.get("roles", 0),
                      problem["code"] if problem else None, warnings])
    file_index = {f[0]: i for i, f in enumerate(files)}
    roles = []
    for e in batch.roles:
        codes.update(e.reasons)
        codes.update(e.warnings)
        roles.append([e.id, e.title, e.organization, e.department, file_index.get(e.file, -1), e.format,
                      1 if e.needs_review else 0, e.reasons, e.warnings, e.duties, e.coverage])
    counted = {
        "files": len(files), "roles": sum(f[3] for f in files),
        "by_status": {s: sum(1 for f in files if f[1] == s) for s in ("ok", "partial", "failed", "skipped")},
    }
    summary = {k: batch.summary.get(k) for k in ("files", "roles", "by_status", "in_dir", "elapsed_seconds")}
    return {
        "summary": summary, "counted": counted, "files": files, "roles": roles,
        "codes": {c: texts.code(c) for c in sorted(codes)},
        "statuses": {s: texts.status(s) for s in ("ok", "partial", "failed", "skipped")},
    }
