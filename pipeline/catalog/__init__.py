"""The role catalog: a versioned store of roles with stable keys and a change feed.

SQLite by default (a file, nothing to install), PostgreSQL by URL for a shared deployment;
one schema (:mod:`.tables`) and one migration history (Alembic, ``migrations/``) for both.

* :mod:`.store`     open a catalog by URL, migrate it, write transactions, queries;
* :mod:`.matching`  which existing key a converted role keeps (same name, or a rename);
* :mod:`.upsert`    apply a document's new roles: versions, diffs, retirements, the change log;
* :mod:`.importer`  ``jdx import``: the batch engine into a work folder, then :mod:`.upsert`;
* :mod:`.apikeys`   API keys (only their hashes are stored);
* :mod:`.exports` and :mod:`.jobposting`  ``jdx export`` (JSON Lines, schema.org JSON-LD, CSV/XLSX).

Nothing here is imported by ``jdx --help``: SQLAlchemy and Alembic load only when a catalog
command runs.
"""
