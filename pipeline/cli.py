"""The ``jdx`` command line: a thin shell over the library.

Data goes to stdout, logs and progress to stderr. Exit codes: 0 roles produced (or the
command succeeded), 1 the file failed / the batch had failed files, 2 usage errors.
Heavy modules (the readers, jieba, spaCy) are imported inside the commands so that
``jdx --help`` answers at once.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="jdx",
    help="Digitize Chinese job-description files (岗位说明书) into role records (JSON).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _setup_logging(debug: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


@app.command()
def convert(
    file: Annotated[str, typer.Argument(help="Input file (DOCX, PDF or text); '-' reads stdin.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write JSON here instead of stdout.")] = None,
    lexicon: Annotated[Path | None, typer.Option(help="Extra lexicon TOML (labels, headings) to merge in.")] = None,
    compact: Annotated[bool, typer.Option(help="One-line JSON.")] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks and debug logs.")] = False,
) -> None:
    """Convert one file and print its role records as JSON."""
    _setup_logging(debug)
    from .convert import convert_bytes, convert_path
    from .lexicon import load_lexicon

    lex = load_lexicon(str(lexicon) if lexicon else None)
    if file == "-":
        result = convert_bytes(sys.stdin.buffer.read(), "-", lexicon=lex, raise_errors=debug)
    else:
        path = Path(file)
        if not path.exists():
            typer.echo(f"jdx: no such file: {file}", err=True)
            raise typer.Exit(2)
        if path.is_dir():
            typer.echo(f"jdx: {file} is a folder; use `jdx batch {file} -o OUT`", err=True)
            raise typer.Exit(2)
        result = convert_path(path, lexicon=lex, raise_errors=debug)
    text = result.model_dump_json(indent=None if compact else 2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    if result.status == "failed" and result.error:
        typer.echo(f"jdx: {file}: {result.error.code}: {result.error.message}", err=True)
        raise typer.Exit(1)


@app.command()
def batch(
    in_dir: Annotated[Path, typer.Argument(metavar="IN_DIR", help="Folder to convert, read recursively.")],
    out_dir: Annotated[Path, typer.Option("-o", "--output", metavar="OUT_DIR", help="Where manifest.jsonl, roles.jsonl, "
                                          "roles.xlsx and the CSVs go; rerun with the same folder to resume.")],
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: one per CPU).")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per file before it fails as `timeout`.")] = 60.0,
    memory_limit: Annotated[int, typer.Option(help="Address-space cap per worker in MB (0: none).")] = 2048,
    force: Annotated[bool, typer.Option(help="Start over instead of resuming: redo every file.")] = False,
    quiet: Annotated[bool, typer.Option(help="No progress display (the closing summary is still printed).")] = False,
    lexicon: Annotated[Path | None, typer.Option(help="Extra lexicon TOML (labels, headings) to merge in.")] = None,
    debug: Annotated[bool, typer.Option(help="Show debug logs.")] = False,
) -> None:
    """Convert every file under a folder; one manifest line per file, roles in JSONL and Excel.

    Exit code 0 when every file is ok, partial or skipped, 1 when some failed, 2 on usage errors.
    """
    _setup_logging(debug)
    import signal

    from .batch import BatchError, BatchUsageError, auto_progress, format_summary, run_batch

    def interrupted(signum, frame):  # SIGTERM stops like Ctrl-C: results so far stay resumable
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    try:
        summary = run_batch(in_dir, out_dir, workers=workers, timeout=timeout, force=force,
                            progress=auto_progress(quiet), memory_limit_mb=memory_limit or None,
                            lexicon_path=str(lexicon) if lexicon else None)
    except BatchUsageError as exc:
        typer.echo(f"jdx: {exc}", err=True)
        raise typer.Exit(2) from None
    except BatchError as exc:
        typer.echo(f"jdx: {exc}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo(f"jdx: interrupted; run the same command again to resume into {out_dir}", err=True)
        raise typer.Exit(130) from None
    typer.echo(format_summary(summary), err=True)
    raise typer.Exit(summary.exit_code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output contract."""
    from ..schemas.role import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def blocks(
    file: Annotated[Path, typer.Argument(help="Input file.")],
    raw: Annotated[bool, typer.Option(help="Show the reader's blocks before normalisation.")] = False,
) -> None:
    """Show the document model (blocks with provenance) that spans refer to."""
    from ..extractors import DocumentError, read_document
    from .lexicon import load_lexicon
    from .normalize import normalize_document

    try:
        doc = read_document(file.read_bytes())
    except DocumentError as exc:
        typer.echo(f"jdx: {file}: {exc.code}: {exc.message}", err=True)
        raise typer.Exit(1) from None
    if not raw:
        doc = normalize_document(doc, load_lexicon())
    sys.stdout.write(doc.model_dump_json(indent=2, exclude_defaults=True) + "\n")


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of *.gold.json files (e.g. ../shared/gold).")],
    pred_dir: Annotated[Path | None, typer.Option("--pred", help="Where to write predictions (temp dir if omitted).")] = None,
    scorer: Annotated[Path | None, typer.Option(help="score.py to run (default: GOLD_DIR/../tools/score.py).")] = None,
    verbose: Annotated[bool, typer.Option(help="List every missed value.")] = False,
) -> None:
    """Convert the inputs named by gold files and print the shared scorer's table."""
    _setup_logging(False)
    from .evaluate import run_eval

    raise typer.Exit(run_eval(gold_dir, pred_dir, scorer, verbose))


from .catalog.cli import register as _register_catalog  # noqa: E402 - import, export, serve, keys

_register_catalog(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
