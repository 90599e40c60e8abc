"""Reads of the catalog: pages of roles, one role, its versions, the change feed, export streams.

Results are JSON text built around the stored records (``role_versions.record`` is already the
Role's JSON), so a page of fifty roles is sent without parsing or re-serialising any of them.
The shapes are :mod:`jdx.schemas.catalog`'s models.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from ..keys import normalize_name
from .tables import changes, role_versions, roles

MAX_PAGE = 500

_current = (roles.c.key == role_versions.c.key) & (roles.c.version == role_versions.c.version)
_ROLE_COLUMNS = (roles.c.key, roles.c.version, roles.c.status, roles.c.document, roles.c.updated_at,
                 role_versions.c.record)


@dataclass(frozen=True)
class RoleFilter:
    organization: str | None = None   # matched after normalize_name, so spacing and width do not matter
    department: str | None = None
    title: str | None = None          # a part of the title, normalised the same way
    review_needed: bool | None = None
    status: str = "active"            # active | retired | all


CURSOR_PATTERN = r"^[A-Za-z0-9_-]*$"  # base64url without padding


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    """The key a page ended at. Total on :data:`CURSOR_PATTERN`: any such string is a position in
    key order (a hand-made one just starts the page somewhere), so none is an error."""
    usable = cursor[: len(cursor) - len(cursor) % 4] if len(cursor) % 4 == 1 else cursor
    return base64.urlsafe_b64decode(usable + "=" * (-len(usable) % 4)).decode("utf-8", errors="replace")


def _j(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def catalog_role_json(row) -> str:
    """A :class:`~jdx.schemas.catalog.CatalogRole` as JSON text."""
    return (f'{{"key":{_j(row.key)},"version":{row.version},"status":{_j(row.status)},'
            f'"document":{_j(row.document)},"updated_at":{_j(row.updated_at)},"role":{row.record}}}')


def _conditions(f: RoleFilter) -> list:
    where = []
    if f.status != "all":
        where.append(roles.c.status == f.status)
    if f.organization is not None:
        where.append(roles.c.organization_norm == normalize_name(f.organization))
    if f.department is not None:
        where.append(roles.c.department_norm == normalize_name(f.department))
    if f.title:
        # normalize_name removes % and _, so the pattern has no wildcard but the two around it
        where.append(roles.c.title_norm.contains(normalize_name(f.title), autoescape=True))
    if f.review_needed is not None:
        where.append(roles.c.review_needed == f.review_needed)
    return where


def role_page(conn: Connection, f: RoleFilter, cursor: str | None, limit: int) -> str:
    """A :class:`~jdx.schemas.catalog.RolePage` as JSON text, in key order."""
    where = _conditions(f)
    if cursor:
        where.append(roles.c.key > decode_cursor(cursor))
    query = select(*_ROLE_COLUMNS).join(role_versions, _current).where(*where).order_by(roles.c.key).limit(limit + 1)
    rows = list(conn.execute(query))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = _j(encode_cursor(rows[-1].key)) if more else "null"
    return f'{{"items":[{",".join(catalog_role_json(r) for r in rows)}],"next_cursor":{next_cursor}}}'


def one_role(conn: Connection, key: str) -> str | None:
    row = conn.execute(select(*_ROLE_COLUMNS).join(role_versions, _current).where(roles.c.key == key)).first()
    return catalog_role_json(row) if row else None


def versions_of(conn: Connection, key: str) -> str | None:
    """A :class:`~jdx.schemas.catalog.RoleVersions` as JSON text."""
    status = conn.execute(select(roles.c.status).where(roles.c.key == key)).scalar()
    if status is None:
        return None
    rows = conn.execute(select(role_versions).where(role_versions.c.key == key).order_by(role_versions.c.version))
    items = ",".join(
        f'{{"version":{r.version},"document":{_j(r.document)},"document_sha256":{_j(r.document_sha256)},'
        f'"created_at":{_j(r.created_at)},"diff":{r.diff or "null"},"role":{r.record}}}'
        for r in rows
    )
    return f'{{"key":{_j(key)},"status":{_j(status)},"versions":[{items}]}}'


def _change_json(row) -> str:
    return (f'{{"cursor":{row.seq},"kind":{_j(row.kind)},"key":{_j(row.key)},"version":{row.version},'
            f'"at":{_j(row.at)}}}')


def change_page(conn: Connection, since: int, limit: int) -> str:
    """A :class:`~jdx.schemas.catalog.ChangePage` as JSON text: changes with a cursor above ``since``."""
    rows = list(conn.execute(select(changes).where(changes.c.seq > since).order_by(changes.c.seq).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    items = ",".join(_change_json(r) for r in rows)
    next_since = rows[-1].seq if rows else since
    return f'{{"changes":[{items}],"next_since":{next_since},"has_more":{"true" if more else "false"}}}'


def last_cursor(conn: Connection) -> int:
    return conn.execute(select(func.coalesce(func.max(changes.c.seq), 0))).scalar_one()


def current_roles(conn: Connection, include_retired: bool = False) -> Iterator:
    """Rows (key, version, status, document, updated_at, record, created_at) in key order, streamed."""
    query = select(*_ROLE_COLUMNS, role_versions.c.created_at).join(role_versions, _current).order_by(roles.c.key)
    if not include_retired:
        query = query.where(roles.c.status == "active")
    yield from conn.execution_options(yield_per=500).execute(query)


def roles_of_document(conn: Connection, document: str) -> list[str]:
    """CatalogRole JSON of a document's active roles, in document order."""
    rows = conn.execute(select(*_ROLE_COLUMNS).join(role_versions, _current).where(
        roles.c.document == document, roles.c.status == "active").order_by(roles.c.role_index))
    return [catalog_role_json(r) for r in rows]


def changes_of_import(conn: Connection, import_id: int) -> str:
    """The changes one import made, as a JSON list of :class:`~jdx.schemas.catalog.ChangeEntry`."""
    rows = conn.execute(select(changes).where(changes.c.import_id == import_id).order_by(changes.c.seq))
    return "[" + ",".join(_change_json(r) for r in rows) + "]"
