"""Open a catalog by URL, bring its schema up to date, and run transactions on it.

``sqlite:///catalog.db`` (or just a file path) and ``postgresql://user@host/db`` are accepted;
PostgreSQL goes through psycopg 3 (the ``postgres`` extra).

Writers take one catalog-wide lock for the whole transaction — ``BEGIN IMMEDIATE`` on SQLite,
a transaction-scoped advisory lock on PostgreSQL. That is what makes the change cursor safe to
poll: sequence numbers are handed out inside the lock, so changes commit in cursor order and a
reader that has seen cursor N can never later find a committed change below N. (Without the lock,
two PostgreSQL transactions can commit 8 before 7, and a consumer polling in between skips 7.)
Readers take no lock: SQLite runs in WAL mode, where reads do not wait for the writer.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any constant will do; it only has to be the same in every process that writes this catalog.
PG_WRITE_LOCK = 0x6A6478  # "jdx"
SQLITE_BUSY_MS = 30_000
_WRITE = "jdx_write"


class CatalogUsageError(ValueError):
    """A --db URL that names no catalog jdx can open (the CLI exits 2)."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def database_url(url: str) -> str:
    """The SQLAlchemy URL for a ``--db`` value.

    ``postgresql://`` and ``postgres://`` use psycopg 3 (SQLAlchemy would pick psycopg2); a value
    with no scheme is a SQLite file path.
    """
    if "://" not in url:
        return f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return url


def _sqlite_setup(engine: Engine) -> None:
    """WAL (readers never wait for the writer), foreign keys on, and explicit BEGINs.

    The sqlite3 module's own transaction handling is switched off so that a write transaction
    can start with ``BEGIN IMMEDIATE``: it takes the write lock before reading, so two writers
    queue up instead of one failing halfway with ``database is locked``.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def create_catalog_engine(url: str) -> Engine:
    try:
        sa_url = make_url(database_url(url))
    except ArgumentError:
        raise CatalogUsageError(f"not a database URL: {url!r} (use sqlite:///FILE or postgresql://…)") from None
    backend = sa_url.get_backend_name()
    if backend == "sqlite":
        if sa_url.database and sa_url.database != ":memory:":
            folder = Path(sa_url.database).expanduser().resolve().parent
            if not folder.is_dir():
                raise CatalogUsageError(f"no such folder for the catalog file: {folder}")
        engine = create_engine(sa_url)
        _sqlite_setup(engine)
        return engine
    if backend == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise CatalogUsageError("a PostgreSQL catalog needs psycopg: pip install 'jdx[postgres]'") from None
        return create_engine(sa_url, pool_pre_ping=True)
    raise CatalogUsageError(f"unsupported database {backend!r}: use sqlite:///FILE or postgresql://…")


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


class Catalog:
    """An open catalog: an engine plus the transaction discipline described in the module docstring."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        """One transaction holding the catalog's write lock; commits on success."""
        with self.engine.connect() as conn:
            conn.execution_options(**{_WRITE: True})
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})
                yield conn

    def close(self) -> None:
        self.engine.dispose()


def migrate(catalog: Catalog) -> None:
    """Create or upgrade the schema to the newest migration (a no-op when it is current)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with catalog.writing() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_catalog(url: str, *, upgrade: bool = True) -> Catalog:
    """The catalog at ``url``, created on first use and migrated to the current schema."""
    catalog = Catalog(create_catalog_engine(url))
    try:
        if upgrade:
            migrate(catalog)
    except Exception:
        catalog.close()
        raise
    return catalog
