"""The catalog's commands: ``jdx import``, ``jdx export``, ``jdx serve``, ``jdx keys …``.

Registered on the main ``jdx`` app by :func:`register`. Like the rest of the CLI, a thin shell:
SQLAlchemy, Alembic, FastAPI and the batch engine are imported inside the commands, so ``jdx
--help`` loads none of them. Exit codes: 0 done, 1 failed (files that failed in an import, a
catalog that cannot be reached), 2 usage errors.
"""

# No `from __future__ import annotations`: typer reads every command's annotations when the
# command line starts; evaluated here once, they are not compiled again from strings (~2% of
# a cold `jdx convert`).

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal

import typer

DbOption = Annotated[str, typer.Option("--db", envvar="JDX_DB", metavar="URL",
                                       help="Catalog: sqlite:///FILE (or a file path) or postgresql://… ($JDX_DB).")]

keys_app = typer.Typer(name="keys", help="API keys for `jdx serve`: create, list, revoke.", no_args_is_help=True)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"jdx: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def _catalog(url: str) -> Iterator:
    """Open (and migrate) the catalog; one line instead of a traceback when that fails."""
    from sqlalchemy.exc import SQLAlchemyError

    from .store import CatalogUsageError, open_catalog, redacted

    try:
        catalog = open_catalog(url)
    except CatalogUsageError as exc:
        raise _fail(str(exc), 2) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise _fail(f"cannot open the catalog {redacted(url)}: {reason}", 1) from None
    try:
        yield catalog
    finally:
        catalog.close()


def import_command(
    in_dir: Annotated[Path, typer.Argument(metavar="IN_DIR", help="Folder of documents, read recursively.")],
    db: DbOption,
    work: Annotated[Path | None, typer.Option("--work", metavar="DIR", help="Keep the batch output here: a re-import "
                                              "then converts only changed files (default: a temporary folder).")] = None,
    prune: Annotated[bool, typer.Option(help="IN_DIR is the whole collection: retire the roles of documents that are "
                                        "no longer in it.")] = False,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: one per CPU).")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per file.")] = 60.0,
    memory_limit: Annotated[int, typer.Option(help="Address-space cap per worker in MB (0: none).")] = 2048,
    lexicon: Annotated[Path | None, typer.Option(help="Extra lexicon TOML to merge in.")] = None,
    quiet: Annotated[bool, typer.Option(help="No progress display.")] = False,
) -> None:
    """Convert a folder with the batch engine and upsert its roles into the catalog.

    Unchanged files change nothing; a changed file adds a version to each of its roles (keys kept);
    a role gone from its document is retired. Exit code 1 when some files failed to convert.
    """
    from ..batch import BatchError, BatchUsageError, auto_progress
    from .importer import format_import, import_folder

    with _catalog(db) as catalog:
        try:
            report = import_folder(catalog, in_dir, work_dir=work, prune=prune, workers=workers, timeout=timeout,
                                   memory_limit_mb=memory_limit or None, progress=auto_progress(quiet),
                                   lexicon_path=str(lexicon) if lexicon else None)
        except BatchUsageError as exc:
            raise _fail(str(exc), 2) from None
        except BatchError as exc:
            raise _fail(str(exc), 1) from None
    typer.echo(format_import(report), err=True)
    raise typer.Exit(report.batch.exit_code)


def export_command(
    db: DbOption,
    to: Annotated[Literal["jsonl", "jsonld", "csv", "xlsx"], typer.Option("--to", help="jsonl: catalog roles; jsonld: "
                  "schema.org JobPosting; csv/xlsx: the spreadsheets jdx batch writes.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (jsonl, jsonld, xlsx) or folder (csv); "
                                                "jsonl and jsonld go to stdout without it.")] = None,
    include_retired: Annotated[bool, typer.Option(help="jsonl: retired roles too.")] = False,
) -> None:
    """Write the catalog's current roles as JSON Lines, JSON-LD (JobPosting), CSV or XLSX."""
    from .exports import export_jsonl, export_jsonld, export_tables

    if to in ("csv", "xlsx") and output is None:
        raise _fail(f"--to {to} needs -o ({'a folder' if to == 'csv' else 'the .xlsx file'})", 2)
    if output is not None and to != "csv" and output.is_dir():
        raise _fail(f"-o {output} is a folder; give a file name", 2)
    with _catalog(db) as catalog:
        try:
            if to in ("csv", "xlsx"):
                assert output is not None  # refused above: the tables need -o
                report = export_tables(catalog, output, to)
            else:
                stream = open(output, "w", encoding="utf-8") if output else sys.stdout
                try:
                    report = (export_jsonl(catalog, stream, include_retired) if to == "jsonl"
                              else export_jsonld(catalog, stream))
                finally:
                    if output:
                        stream.close()
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc.strerror or exc}", 2) from None
    for key, problems in report.left_out:
        typer.echo(f"jdx: left out {key}: {'; '.join(problems)}", err=True)
    typer.echo(f"jdx export: {report.roles} roles" + (f", {len(report.left_out)} left out" if report.left_out else ""),
               err=True)


def serve_command(
    db: DbOption,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Conversion worker processes for uploads.")] = 2,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per uploaded document.")] = 60.0,
    memory_limit: Annotated[int, typer.Option(help="Address-space cap per conversion worker in MB (0: none).")] = 2048,
    max_upload_mb: Annotated[float, typer.Option(help="Largest upload accepted, in MB.")] = 50.0,
    lexicon: Annotated[Path | None, typer.Option(help="Extra lexicon TOML to merge in.")] = None,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = True,
) -> None:
    """Serve the catalog over HTTP: /v1/roles, /v1/changes, /v1/documents (needs the `server` extra)."""
    try:
        import uvicorn

        from ..server.app import Settings, create_app
    except ImportError as exc:
        raise _fail(f"jdx serve needs the server extra ({exc.name} is missing): pip install 'jdx[server]'", 2) from None
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    with _catalog(db) as catalog:
        settings = Settings(workers=workers, timeout=timeout, memory_limit_mb=memory_limit or None,
                            max_upload_bytes=int(max_upload_mb * 1024 * 1024),
                            lexicon_path=str(lexicon) if lexicon else None)
        uvicorn.run(create_app(catalog, settings), host=host, port=port, access_log=access_log,
                    log_level="info", timeout_graceful_shutdown=10)


@keys_app.command("create")
def keys_create(
    db: DbOption,
    scope: Annotated[Literal["read", "import"], typer.Option(help="read: roles and changes; import: also uploads.")],
    name: Annotated[str | None, typer.Option(help="A note on who the key is for.")] = None,
) -> None:
    """Create an API key and print it, alone, on stdout — once: only its hash is stored."""
    from .apikeys import create_key

    with _catalog(db) as catalog:
        record, secret = create_key(catalog, scope, name)
    sys.stdout.write(secret + "\n")
    typer.echo(f"jdx: key {record.id} ({scope}) created; it cannot be shown again", err=True)


@keys_app.command("list")
def keys_list(db: DbOption) -> None:
    """List API keys (id, scope, name, created, revoked); never the keys themselves."""
    from .apikeys import list_keys

    with _catalog(db) as catalog:
        keys = list_keys(catalog)
    for k in keys:
        sys.stdout.write("\t".join([k.id, k.scope, k.name or "-", k.created_at, k.revoked_at or "active"]) + "\n")


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[str, typer.Argument(metavar="ID", help="The key's id, as `jdx keys list` shows it.")],
    db: DbOption,
) -> None:
    """Revoke an API key by its id; it stops working at once."""
    from .apikeys import revoke_key

    with _catalog(db) as catalog:
        if not revoke_key(catalog, key_id):
            raise _fail(f"no API key with id {key_id}", 1)
    typer.echo(f"jdx: key {key_id} revoked", err=True)


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
    app.command("export")(export_command)
    app.command("serve")(serve_command)
    app.add_typer(keys_app)
