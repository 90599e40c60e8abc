"""What the role catalog hands to other systems: the HTTP API's bodies and ``jdx export --to jsonl``.

A catalog role wraps the contract's :class:`~jdx.schemas.role.Role` — unchanged, as converted —
with its stable ``key`` and ``version``. ``Role.id`` stays what the contract says (the same bytes
and position give the same id); the key is what survives a revision of the document.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .role import Role, Warning

RoleStatus = Literal["active", "retired"]
ChangeKind = Literal["added", "changed", "retired"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CatalogRole(_Model):
    key: str = Field(description="Stable across revisions: organization.department.title, normalised (see README)")
    version: int = Field(ge=1, description="Current version; each new revision of the document adds one")
    status: RoleStatus = Field(description="retired: the role is gone from its document; its versions are kept")
    document: str = Field(description="The document (path relative to the imported folder, or upload name)")
    updated_at: str = Field(description="When this key last changed (ISO 8601, UTC)")
    role: Role


class RolePage(_Model):
    items: list[CatalogRole]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page")


class FieldChange(_Model):
    field: str = Field(description="Dotted path of the field, e.g. qualifications.education.level")
    before: Any = None
    after: Any = None


class RoleVersion(_Model):
    version: int = Field(ge=1)
    document: str
    document_sha256: str
    created_at: str
    diff: list[FieldChange] | None = Field(description="Fields that differ from the previous version; null for version 1")
    role: Role


class RoleVersions(_Model):
    key: str
    status: RoleStatus
    versions: list[RoleVersion] = Field(description="Oldest first")


class ChangeEntry(_Model):
    cursor: int = Field(ge=1, description="Strictly increasing; never reused")
    kind: ChangeKind
    key: str
    version: int = Field(ge=1, description="The version added or changed to; for retired, the last version")
    at: str


class ChangePage(_Model):
    changes: list[ChangeEntry]
    next_since: int = Field(ge=0, description="Pass as ?since= to continue: the cursor of the last change returned")
    has_more: bool


class UploadResult(_Model):
    document: str
    status: Literal["ok", "partial", "skipped"]
    roles: list[CatalogRole] = Field(description="The document's roles as the catalog now holds them")
    changes: list[ChangeEntry] = Field(description="What this upload changed (empty for bytes already imported)")
    warnings: list[Warning] = Field(default_factory=list)


class ErrorBody(_Model):
    detail: str
    code: str | None = Field(default=None, description="A stable error code (jdx error codes for documents)")
