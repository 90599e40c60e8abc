"""The catalog's HTTP API (``jdx serve``).

=====================================  ======  =====================================================
``GET /v1/roles``                       read    current roles; filters, cursor pagination by key
``GET /v1/roles/{key}``                 read    one role (its current version)
``GET /v1/roles/{key}/versions``        read    every version, oldest first, with field diffs
``GET /v1/changes?since=CURSOR``        read    the change feed: added / changed / retired
``POST /v1/documents``                  import  upload one document → converted → catalog
``GET /v1/schema``                      —       the role JSON Schema (what ``jdx schema`` prints)
``GET /openapi.json``, ``/healthz``     —       the API description; liveness and catalog reachability
=====================================  ======  =====================================================

Every error has one body, :class:`~jdx.schemas.catalog.ErrorBody` (``detail`` and, for documents,
a stable ``code``). Reads return JSON built around the stored records (:mod:`..catalog.queries`),
declared in OpenAPI by the models of :mod:`jdx.schemas.catalog`.

Extensions (e.g. a review page): name a ``"module:function"`` in :data:`EXTENSIONS`; it is called
as ``function(app, settings)`` after the API's routes are in place, and may include routers,
mount static files, and use :func:`.auth.require` and ``app.state.catalog``.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ... import __version__
from ...extractors.errors import DocumentError, ErrorCode
from ...extractors.limits import DEFAULT_LIMITS, Limits
from ...schemas.catalog import CatalogRole, ChangePage, ErrorBody, RolePage, RoleVersions, UploadResult
from ..catalog import queries
from ..catalog.store import Catalog
from ..catalog.upsert import DocumentResult, apply_documents
from .auth import require
from .uploads import BodyLimit, ConversionPool, manifest_entry, upload_name

log = logging.getLogger(__name__)

EXTENSIONS: tuple[str, ...] = ()
# Refusals that say "this is not a document jdx reads" (415) rather than "a broken document" (422).
NOT_A_DOCUMENT = frozenset({ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.BINARY_CONTENT, ErrorCode.UNDECODABLE_TEXT})
JSON = "application/json"


@dataclass(frozen=True)
class Settings:
    workers: int = 2
    timeout: float = 60.0                 # seconds per document, as jdx batch
    memory_limit_mb: int | None = 2048    # per worker, as jdx batch
    max_upload_bytes: int = 50 * 1024 * 1024
    lexicon_path: str | None = None
    limits: Limits = DEFAULT_LIMITS


def _errors(*codes: int) -> dict:
    return {code: {"model": ErrorBody} for code in codes}


def _json(text: str, status: int = 200) -> Response:
    return Response(content=text, media_type=JSON, status_code=status)


def _error(status: int, detail: str, code: str | None = None, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail, "code": code}, status_code=status, headers=headers)


def create_app(catalog: Catalog, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.pool = ConversionPool(settings.workers, settings.timeout, settings.memory_limit_mb,
                                        settings.lexicon_path, settings.limits)
        try:
            yield
        finally:
            app.state.pool.close()

    app = FastAPI(title="jdx role catalog", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Roles digitised from job descriptions, with stable keys, versions and a change feed. "
                              "Authenticate with `Authorization: Bearer KEY` (keys from `jdx keys create`).")
    app.state.catalog = catalog
    app.state.settings = settings
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes + 64 * 1024,  # + multipart framing
                       shown=settings.max_upload_bytes)
    _error_handlers(app)
    _read_routes(app)
    _upload_route(app, settings)
    _public_routes(app, catalog)
    for target in EXTENSIONS:
        module, function = target.split(":")
        getattr(importlib.import_module(module), function)(app, settings)
    return app


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, f"{where}: {first.get('msg', 'invalid request')}", "invalid_request")


def _read_routes(app: FastAPI) -> None:
    read = [Depends(require("read"))]

    @app.get("/v1/roles", response_model=RolePage, dependencies=read, responses=_errors(401, 403, 422),
             summary="List roles", tags=["roles"])
    def list_roles(
        request: Request,
        organization: Annotated[str | None, Query(description="Organization, compared after normalisation")] = None,
        department: Annotated[str | None, Query(description="Department, compared after normalisation")] = None,
        title: Annotated[str | None, Query(description="Text the title contains")] = None,
        review_needed: Annotated[bool | None, Query(description="Only roles whose review.needed is this")] = None,
        status: Annotated[Literal["active", "retired", "all"], Query()] = "active",
        cursor: Annotated[str | None, Query(pattern=queries.CURSOR_PATTERN, max_length=4096,
                                            description="next_cursor of the previous page")] = None,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 50,
    ) -> Response:
        filters = queries.RoleFilter(organization, department, title, review_needed, status)
        with request.app.state.catalog.reading() as conn:
            return _json(queries.role_page(conn, filters, cursor, limit))

    @app.get("/v1/roles/{key}", response_model=CatalogRole, dependencies=read, responses=_errors(401, 403, 404, 422),
             summary="One role, current version", tags=["roles"])
    def get_role(request: Request, key: str) -> Response:
        with request.app.state.catalog.reading() as conn:
            found = queries.one_role(conn, key)
        if found is None:
            raise HTTPException(404, f"no role with key {key!r}")
        return _json(found)

    @app.get("/v1/roles/{key}/versions", response_model=RoleVersions, dependencies=read,
             responses=_errors(401, 403, 404, 422), summary="Every version of a role", tags=["roles"])
    def get_versions(request: Request, key: str) -> Response:
        with request.app.state.catalog.reading() as conn:
            found = queries.versions_of(conn, key)
        if found is None:
            raise HTTPException(404, f"no role with key {key!r}")
        return _json(found)

    @app.get("/v1/changes", response_model=ChangePage, dependencies=read, responses=_errors(401, 403, 422),
             summary="The change feed", tags=["changes"])
    def get_changes(
        request: Request,
        since: Annotated[int, Query(ge=0, description="Return changes with a cursor above this (0: from the start)")] = 0,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 100,
    ) -> Response:
        with request.app.state.catalog.reading() as conn:
            return _json(queries.change_page(conn, since, limit))


def _upload_route(app: FastAPI, settings: Settings) -> None:
    @app.post("/v1/documents", response_model=UploadResult, dependencies=[Depends(require("import"))],
              responses=_errors(400, 401, 403, 413, 415, 422), summary="Upload a document into the catalog",
              tags=["documents"])
    async def upload(
        request: Request,
        file: Annotated[UploadFile, File(description="The document (DOCX, PDF, text, HTML …); its format is "
                                                     "read from its bytes")],
        document: Annotated[str | None, Form(max_length=1000, description="Catalog document to revise (default: the "
                                                                          "file's name)")] = None,
    ) -> Response:
        data = await file.read()
        name = upload_name(file.filename)
        doc_name = (document or "").strip() or name
        from ...extractors.sniff import sniff

        try:
            await run_in_threadpool(sniff, data)
        except DocumentError as exc:
            return _error(415 if exc.code in NOT_A_DOCUMENT else 422, exc.message, exc.code.value)
        converted = await request.app.state.pool.convert(data, name, doc_name)
        if converted.status == "failed":
            error = converted.error or {}
            code = error.get("code")
            return _error(415 if code in NOT_A_DOCUMENT else 422, error.get("message", "conversion failed"), code)
        sha = hashlib.sha256(data).hexdigest()
        result = DocumentResult(path=doc_name, sha256=sha, status=converted.status,
                                entry=manifest_entry(doc_name, sha, len(data), converted), roles=converted.roles)
        body = await run_in_threadpool(_apply_upload, request.app.state.catalog, result, converted.warnings)
        return _json(body)


def _apply_upload(catalog: Catalog, result: DocumentResult, warnings: list[dict]) -> str:
    report = apply_documents(catalog, [result], origin="upload", source=result.path)
    with catalog.reading() as conn:
        roles = queries.roles_of_document(conn, result.path)
        changes = queries.changes_of_import(conn, report.import_id) if report.import_id else "[]"
    return (f'{{"document":{json.dumps(result.path, ensure_ascii=False)},"status":{json.dumps(result.status)},'
            f'"roles":[{",".join(roles)}],"changes":{changes},'
            f'"warnings":{json.dumps(warnings, ensure_ascii=False)}}}')


def _public_routes(app: FastAPI, catalog: Catalog) -> None:
    from ...schemas.role import json_schema

    schema_text = json.dumps(json_schema(), ensure_ascii=False)

    @app.get("/v1/schema", summary="The role JSON Schema", tags=["meta"],
             responses={200: {"content": {JSON: {"schema": {"type": "object"}}}}})
    def get_schema() -> Response:
        return _json(schema_text)

    @app.get("/healthz", summary="Liveness and catalog reachability", tags=["meta"],
             responses={200: {"content": {JSON: {"schema": {"type": "object"}}}}, 503: {"model": ErrorBody}})
    def healthz(request: Request) -> Response:
        try:
            with request.app.state.catalog.reading() as conn:
                cursor = queries.last_cursor(conn)
        except Exception as exc:  # the database is down or unreachable: say so, do not crash
            log.warning("health check failed: %s", exc)
            return _error(503, "the catalog database is not reachable", "catalog_unreachable")
        return _json(json.dumps({"status": "ok", "version": __version__, "catalog": catalog.dialect,
                                 "last_cursor": cursor}))
