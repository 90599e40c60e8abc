"""Alembic environment for the catalog: always run by jdx itself (``store.migrate``) on a
connection it opened, never from an ``alembic.ini``; no logging configuration is touched."""

from __future__ import annotations

from alembic import context
from jdx.pipeline.catalog.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
