"""The catalog's tables, as SQLAlchemy Core metadata — the one schema SQLite and PostgreSQL share.

The migrations in ``migrations/versions`` build exactly this; a test compares the two on both
databases, so a change here without a migration fails.

Conventions, chosen so both databases behave the same:

* times are ISO-8601 UTC text (``2026-11-01T08:30:00.123456Z``): they sort as text and round-trip
  exactly on both (SQLite has no time type, and would hand back naive datetimes);
* role records are stored as the JSON text :class:`~jdx.schemas.role.Role` wrote, so the API can
  send them without parsing and re-serialising;
* keys and paths compare bytewise on both (``COLLATE "C"`` on PostgreSQL; SQLite's default), so
  key order — the order of ``/v1/roles`` pages — is the same on both.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
)

metadata = MetaData()


def _bytewise() -> Text:
    """Text that orders by code point on PostgreSQL too, whatever the server's locale."""
    return Text().with_variant(Text(collation="C"), "postgresql")


# The change cursor: BIGINT on PostgreSQL, INTEGER on SQLite (where only INTEGER PRIMARY KEY is
# the rowid that AUTOINCREMENT keeps strictly increasing, never reusing a deleted number).
_Cursor = BigInteger().with_variant(Integer(), "sqlite")

imports = Table(
    "imports", metadata,
    Column("id", _Cursor, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False, comment="cli (jdx import) or upload (POST /v1/documents)"),
    Column("source", Text, nullable=True, comment="IN_DIR of jdx import; the document name of an upload"),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text, nullable=True),
    Column("documents", Integer, nullable=False, default=0),
    Column("added", Integer, nullable=False, default=0),
    Column("changed", Integer, nullable=False, default=0),
    Column("retired", Integer, nullable=False, default=0),
    sqlite_autoincrement=True,
)

documents = Table(
    "documents", metadata,
    Column("path", _bytewise(), primary_key=True, comment="relative to IN_DIR, as the batch manifest names it"),
    Column("sha256", Text, nullable=True, comment="bytes whose roles the catalog holds; null when none yet"),
    Column("status", Text, nullable=False, comment="ok|partial|failed|skipped of the last import; removed"),
    Column("entry", Text, nullable=False, comment="the last batch manifest line (JSON)"),
    Column("updated_at", Text, nullable=False),
)

roles = Table(
    "roles", metadata,
    Column("key", _bytewise(), primary_key=True),
    Column("base_key", _bytewise(), nullable=False, comment="role_key() of the current version"),
    Column("version", Integer, nullable=False, comment="current (latest) version"),
    Column("status", Text, nullable=False, comment="active | retired"),
    Column("document", _bytewise(), nullable=False, comment="documents.path of the current version"),
    Column("role_index", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("organization_norm", Text, nullable=False, comment="normalize_name(organization); '' when none"),
    Column("department_norm", Text, nullable=False),
    Column("title_norm", Text, nullable=False),
    Column("review_needed", Boolean, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Index("ix_roles_document", "document"),
    Index("ix_roles_base_key", "base_key"),
    Index("ix_roles_organization_department", "organization_norm", "department_norm"),
)

role_versions = Table(
    "role_versions", metadata,
    Column("key", _bytewise(), nullable=False),
    Column("version", Integer, nullable=False),
    Column("record", Text, nullable=False, comment="the Role as JSON, exactly as converted"),
    Column("diff", Text, nullable=True, comment="JSON list of {field, before, after} against the previous version"),
    Column("document", _bytewise(), nullable=False),
    Column("document_sha256", Text, nullable=False),
    Column("import_id", _Cursor, nullable=False),
    Column("created_at", Text, nullable=False),
    PrimaryKeyConstraint("key", "version"),
    ForeignKeyConstraint(["key"], ["roles.key"]),
    ForeignKeyConstraint(["import_id"], ["imports.id"]),
)

changes = Table(
    "changes", metadata,
    Column("seq", _Cursor, primary_key=True, autoincrement=True, comment="the change cursor"),
    Column("kind", Text, nullable=False, comment="added | changed | retired"),
    Column("key", _bytewise(), nullable=False),
    Column("version", Integer, nullable=False),
    Column("import_id", _Cursor, nullable=False),
    Column("at", Text, nullable=False),
    ForeignKeyConstraint(["key"], ["roles.key"]),
    ForeignKeyConstraint(["import_id"], ["imports.id"]),
    sqlite_autoincrement=True,
)

api_keys = Table(
    "api_keys", metadata,
    Column("id", Text, primary_key=True, comment="public id for list and revoke; not part of the secret"),
    Column("key_hash", Text, nullable=False, unique=True, comment="sha256 hex of the whole key"),
    Column("scope", Text, nullable=False, comment="read | import"),
    Column("name", Text, nullable=True),
    Column("created_at", Text, nullable=False),
    Column("revoked_at", Text, nullable=True),
)
