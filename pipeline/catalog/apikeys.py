"""API keys: created by ``jdx keys create``, shown once, stored only as a hash.

A key is ``jdx_`` + 43 URL-safe characters from :func:`secrets.token_urlsafe` (256 random bits).
The catalog keeps its SHA-256: a key that random cannot be guessed from its hash, so a slow
password hash (bcrypt, argon2) would buy nothing and cost milliseconds on every request. Lookup
is by the hash, so no comparison of secrets happens in Python at all.

Scopes: ``read`` may read roles, versions and changes; ``import`` may also upload documents.
A revoked key stops working at once (every request looks the key up).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update

from .store import Catalog, now_iso
from .tables import api_keys

SCOPES = ("read", "import")
PREFIX = "jdx_"


@dataclass(frozen=True)
class ApiKey:
    id: str
    scope: str
    name: str | None
    created_at: str
    revoked_at: str | None


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(catalog: Catalog, scope: str, name: str | None = None) -> tuple[ApiKey, str]:
    """A new key: (its record, the secret — shown to the user once, never stored)."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    secret = PREFIX + secrets.token_urlsafe(32)
    record = ApiKey(id=secrets.token_hex(6), scope=scope, name=name, created_at=now_iso(), revoked_at=None)
    with catalog.writing() as conn:
        conn.execute(api_keys.insert().values(id=record.id, key_hash=key_hash(secret), scope=scope, name=name,
                                              created_at=record.created_at))
    return record, secret


def list_keys(catalog: Catalog) -> list[ApiKey]:
    with catalog.reading() as conn:
        rows = conn.execute(select(api_keys).order_by(api_keys.c.created_at, api_keys.c.id))
        return [ApiKey(r.id, r.scope, r.name, r.created_at, r.revoked_at) for r in rows]


def revoke_key(catalog: Catalog, key_id: str) -> bool:
    """Revoke by public id; False when no such key (revoking twice keeps the first time)."""
    with catalog.writing() as conn:
        found = conn.execute(select(api_keys.c.revoked_at).where(api_keys.c.id == key_id)).first()
        if found is None:
            return False
        if found.revoked_at is None:
            conn.execute(update(api_keys).where(api_keys.c.id == key_id).values(revoked_at=now_iso()))
        return True


def scope_of(catalog: Catalog, secret: str) -> str | None:
    """The scope of a valid, unrevoked key; None for anything else."""
    if not secret.startswith(PREFIX):
        return None
    with catalog.engine.connect() as conn:
        row = conn.execute(select(api_keys.c.scope, api_keys.c.revoked_at)
                           .where(api_keys.c.key_hash == key_hash(secret))).first()
    return row.scope if row is not None and row.revoked_at is None else None
