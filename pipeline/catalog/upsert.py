"""Apply converted documents to the catalog: keys, versions, diffs, retirements, the change log.

The unit is a document, named by its path (relative to the imported folder; for an upload, the
name it was sent under). For each document of an import:

* **same bytes** as the catalog's version (sha256) → nothing is written at all;
* **failed** (corrupt, timeout …) → its roles stay as they are; only the document's status is
  recorded — a conversion that broke is no reason to retire a role;
* **new bytes** (ok, partial or skipped) → each converted role keeps a key (:mod:`.matching`) and
  gains a version — version 1 and an ``added`` change for a new key, version n+1 with a field
  diff (:mod:`.diff`) and a ``changed`` change for a kept one (``added`` again if that key had
  been retired) — and every active key of the document that no role kept is ``retired``: its
  versions stay, the key is never handed to another role.

With ``prune`` (``jdx import --prune``: the folder is the whole collection) documents the import
did not see are removed and their active keys retired, unless a role of another document of the
same import keeps them (a moved or renamed file).

Everything happens in one write transaction (:meth:`~.store.Catalog.writing`): an import lands
whole or not at all, and its changes get consecutive cursors in document order.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from ..keys import normalize_name, role_key
from .diff import role_diff
from .matching import Candidate, Incoming, match_keys, new_key
from .store import Catalog, now_iso
from .tables import changes, documents, imports, role_versions, roles

log = logging.getLogger(__name__)

APPLIED_STATUSES = frozenset({"ok", "partial", "skipped"})


@dataclass
class DocumentResult:
    """One document's outcome, as the batch wrote it: its manifest line and its role lines."""

    path: str
    sha256: str | None
    status: str
    entry: str                                          # the manifest line (JSON)
    roles: list[str] = field(default_factory=list)      # Role JSON, in role_index order


@dataclass(frozen=True)
class Change:
    kind: str  # added | changed | retired
    key: str
    version: int
    document: str


@dataclass
class ApplyReport:
    import_id: int | None = None
    documents: int = 0          # documents whose roles were (re)applied
    unchanged: int = 0
    failed: int = 0             # documents whose conversion failed; their roles were kept
    removed: int = 0            # documents pruned
    changes: list[Change] = field(default_factory=list)
    keys: dict[str, list[str]] = field(default_factory=dict)  # document -> its roles' keys, in order

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


@dataclass
class _KeyState:
    key: str
    base_key: str
    version: int
    status: str
    document: str
    role_index: int


@dataclass
class _Writes:
    new_roles: list[dict] = field(default_factory=list)
    role_updates: list[dict] = field(default_factory=list)
    versions: list[dict] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    new_documents: list[dict] = field(default_factory=list)
    document_updates: list[dict] = field(default_factory=list)


def apply_documents(catalog: Catalog, results: Iterable[DocumentResult], *, origin: str, source: str | None,
                    prune: bool = False) -> ApplyReport:
    """Apply ``results`` in one write transaction; see the module docstring."""
    with catalog.writing() as conn:
        return _Apply(conn, origin, source).run(list(results), prune)


class _Apply:
    def __init__(self, conn: Connection, origin: str, source: str | None) -> None:
        self.conn, self.origin, self.source = conn, origin, source
        self.now = now_iso()
        self.report = ApplyReport()
        self.writes = _Writes()
        self.docs: dict[str, Any] = {}
        self.keys: dict[str, _KeyState] = {}          # keys of the documents this import touches
        self.by_doc: dict[str, list[_KeyState]] = defaultdict(list)
        self.allocated: set[str] = set()              # keys handed out by this import
        self.kept: set[str] = set()                   # keys a role of this import holds
        self._records: dict[str, dict] = {}
        self._raw_records: dict[str, str] = {}

    def _load(self, paths: Sequence[str] | None) -> None:
        """The documents named (all of them for ``None``) and the keys they hold: only what this
        import can touch, so an upload into a large catalog reads a few rows, not the catalog."""
        doc_query = select(documents.c.path, documents.c.sha256, documents.c.status)
        key_query = select(roles.c.key, roles.c.base_key, roles.c.version, roles.c.status, roles.c.document,
                           roles.c.role_index)
        chunks = [None] if paths is None else [paths[i:i + 500] for i in range(0, len(paths), 500)]
        for chunk in chunks:
            dq = doc_query if chunk is None else doc_query.where(documents.c.path.in_(chunk))
            kq = key_query if chunk is None else key_query.where(roles.c.document.in_(chunk))
            self.docs.update((r.path, r) for r in self.conn.execute(dq))
            for r in self.conn.execute(kq):
                state = _KeyState(r.key, r.base_key, r.version, r.status, r.document, r.role_index)
                self.keys[r.key] = state
                self.by_doc[r.document].append(state)
        for states in self.by_doc.values():
            states.sort(key=lambda s: s.role_index)

    def _taken(self, key: str) -> bool:
        if key in self.keys or key in self.allocated:
            return True
        return self.conn.execute(select(roles.c.key).where(roles.c.key == key)).first() is not None

    # ------------------------------------------------------------------ planning

    def run(self, results: list[DocumentResult], prune: bool) -> ApplyReport:
        seen = {r.path for r in results}
        self._load(None if prune else sorted(seen))
        vanished = sorted(p for p, d in self.docs.items() if prune and p not in seen and d.status != "removed")
        vanished_keys = [s for p in vanished for s in self.by_doc.get(p, []) if s.status == "active"]
        for result in sorted(results, key=lambda r: r.path):
            self._document(result, vanished_keys)
        for state in vanished_keys:
            if state.key not in self.kept:
                self._retire(state)
        for path in vanished:
            self.writes.document_updates.append({"b_path": path, "sha256": None, "status": "removed",
                                                 "entry": json.dumps({"path": path, "status": "removed"}),
                                                 "updated_at": self.now})
            self.report.removed += 1
        self._write()
        return self.report

    def _document(self, result: DocumentResult, vanished_keys: list[_KeyState]) -> None:
        known = self.docs.get(result.path)
        if known is not None and known.sha256 is not None and known.sha256 == result.sha256:
            self.report.unchanged += 1
            if known.status != result.status:  # back to bytes the catalog holds, after a failed revision
                self._record_document(result, True, sha256=known.sha256)
            self.report.keys[result.path] = self._current_keys(result.path)
            return
        if result.status not in APPLIED_STATUSES:
            self.report.failed += 1
            if known is None or known.status != result.status:
                self._record_document(result, known is not None, sha256=known.sha256 if known else None)
            self.report.keys[result.path] = self._current_keys(result.path)
            return
        self.report.documents += 1
        self._record_document(result, known is not None, sha256=result.sha256)
        parsed = [json.loads(line) for line in result.roles]
        incoming = [Incoming(i, role_key(r.get("organization"), r.get("department"), r.get("title")),
                             tuple(d.get("text", "") for d in r.get("duties", []))) for i, r in enumerate(parsed)]
        own = list(self.by_doc.get(result.path, []))
        self._prefetch_records(result.path)
        matched = match_keys(incoming, [self._candidates(own), self._candidates(vanished_keys)])
        keys: list[str] = []
        for role, line, inc in zip(parsed, result.roles, incoming, strict=True):
            key = matched.get(inc.index) or new_key(inc.base_key, self._taken)
            self.allocated.add(key)
            self.kept.add(key)
            self._new_version(key, inc, role, line, result)
            keys.append(key)
        for state in own:
            if state.key not in self.kept and state.status == "active":
                self._retire(state)
        self.report.keys[result.path] = keys

    def _current_keys(self, path: str) -> list[str]:
        return [s.key for s in self.by_doc.get(path, []) if s.status == "active"]

    def _candidates(self, states: Sequence[_KeyState]) -> list[Candidate]:
        def duties_of(key: str):
            return lambda: [d.get("text", "") for d in self._record(key).get("duties", [])]

        return [Candidate(s.key, s.base_key, (s.status != "active", s.document, s.role_index, s.key), duties_of(s.key))
                for s in states if s.key not in self.kept]

    def _prefetch_records(self, path: str) -> None:
        """The current records of a document's keys, in one query (each is diffed or matched)."""
        query = (select(role_versions.c.key, role_versions.c.record)
                 .join(roles, (roles.c.key == role_versions.c.key) & (roles.c.version == role_versions.c.version))
                 .where(roles.c.document == path))
        self._raw_records.update((r.key, r.record) for r in self.conn.execute(query))

    def _record(self, key: str) -> dict:
        if key not in self._records:
            line = self._raw_records.get(key)
            if line is None:
                state = self.keys[key]
                line = self.conn.execute(select(role_versions.c.record).where(
                    role_versions.c.key == key, role_versions.c.version == state.version)).scalar_one()
            self._records[key] = json.loads(line)
        return self._records[key]

    def _new_version(self, key: str, inc: Incoming, role: dict, line: str, result: DocumentResult) -> None:
        state = self.keys.get(key)
        row = {
            "base_key": inc.base_key, "status": "active", "document": result.path, "role_index": inc.index,
            "title": role.get("title") or "", "organization_norm": normalize_name(role.get("organization")),
            "department_norm": normalize_name(role.get("department")), "title_norm": normalize_name(role.get("title")),
            "review_needed": bool((role.get("review") or {}).get("needed")), "updated_at": self.now,
        }
        if state is None:
            version, diff, kind = 1, None, "added"
            self.writes.new_roles.append({"key": key, "version": 1, "created_at": self.now, **row})
        else:
            version = state.version + 1
            diff = json.dumps(role_diff(self._record(key), role), ensure_ascii=False)
            kind = "changed" if state.status == "active" else "added"
            self.writes.role_updates.append({"b_key": key, "version": version, **row})
        self.writes.versions.append({"key": key, "version": version, "record": line, "diff": diff,
                                     "document": result.path, "document_sha256": result.sha256 or "",
                                     "created_at": self.now})
        self.writes.changes.append(Change(kind, key, version, result.path))

    def _retire(self, state: _KeyState) -> None:
        self.writes.role_updates.append({
            "b_key": state.key, "version": state.version, "status": "retired", "updated_at": self.now,
        })
        self.writes.changes.append(Change("retired", state.key, state.version, state.document))
        state.status = "retired"

    def _record_document(self, result: DocumentResult, exists: bool, sha256: str | None) -> None:
        row = {"sha256": sha256, "status": result.status, "entry": result.entry, "updated_at": self.now}
        if exists:
            self.writes.document_updates.append({"b_path": result.path, **row})
        else:
            self.writes.new_documents.append({"path": result.path, **row})

    # ------------------------------------------------------------------ writing

    def _write(self) -> None:
        w, conn = self.writes, self.conn
        if w.new_documents:
            conn.execute(documents.insert(), w.new_documents)
        for rows in _grouped_by_columns(w.document_updates):
            conn.execute(update(documents).where(documents.c.path == bindparam("b_path")), rows)
        if not w.changes:
            return
        import_id = conn.execute(imports.insert().values(
            origin=self.origin, source=self.source, started_at=self.now, documents=self.report.documents,
            added=sum(c.kind == "added" for c in w.changes), changed=sum(c.kind == "changed" for c in w.changes),
            retired=sum(c.kind == "retired" for c in w.changes),
        ).returning(imports.c.id)).scalar_one()
        if w.new_roles:
            conn.execute(roles.insert(), w.new_roles)
        for rows in _grouped_by_columns(w.role_updates):
            conn.execute(update(roles).where(roles.c.key == bindparam("b_key")), rows)
        if w.versions:
            conn.execute(role_versions.insert(), [{**v, "import_id": import_id} for v in w.versions])
        conn.execute(changes.insert(), [
            {"kind": c.kind, "key": c.key, "version": c.version, "import_id": import_id, "at": self.now}
            for c in w.changes
        ])
        conn.execute(update(imports).where(imports.c.id == import_id).values(finished_at=now_iso()))
        self.report.import_id = import_id
        self.report.changes = w.changes


def _grouped_by_columns(rows: list[dict]) -> list[list[dict]]:
    """executemany needs the same columns in every row; updates of two shapes go as two batches."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    return list(groups.values())
