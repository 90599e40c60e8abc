"""The ``jdx`` command line: a thin shell over the library.

Data goes to stdout, logs and progress to stderr. Exit codes: 0 roles produced (or the
command succeeded), 1 a file failed or gave no roles / the batch had failed files, 2 usage
errors (including an output that cannot be written).
Heavy modules (the readers, jieba) are imported inside the commands so that
``jdx --help`` answers at once.
"""

# No `from __future__ import annotations`: typer reads every command's annotations when the
# command line starts; evaluated here once, they are not compiled again from strings (~2% of
# a cold `jdx convert`).

import gc
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


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"jdx {version('jdx')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Digitize Chinese job-description files (岗位说明书) into role records (JSON)."""


PASSWORD_HELP = ("Password that opens encrypted DOCX/XLSX/DOC/PDF files (or set JDX_PASSWORD); "
                 "without it they fail as `encrypted`.")
VIA_LIBREOFFICE_HELP = "Read .doc/.wps by converting them with LibreOffice (when installed) instead of natively."


def _setup_logging(debug: bool, verbose: bool = False) -> None:
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


@app.command()
def convert(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE...", help="Input files or glob patterns (DOCX, PDF, text, HTML, Markdown …); '-' reads stdin.")],
    output: Annotated[str | None, typer.Option(
        "-o", "--output", help="Write here instead of stdout: a file for one input, else a folder (created when "
        "missing; a trailing / also asks for one) with one output per input.")] = None,
    to: Annotated[str, typer.Option(
        "--to", help="json: the full result per file; jsonl: one role per line; md: readable Markdown.")] = "json",
    lexicon: Annotated[Path | None, typer.Option(help="Extra lexicon TOML (labels, headings) to merge in.")] = None,
    compact: Annotated[bool, typer.Option(help="One-line JSON.")] = False,
    keep_script: Annotated[bool, typer.Option(help="Keep Traditional Chinese as written (default: Simplified).")] = False,
    password: Annotated[str | None, typer.Option(envvar="JDX_PASSWORD", help=PASSWORD_HELP)] = None,
    via_libreoffice: Annotated[bool, typer.Option(help=VIA_LIBREOFFICE_HELP)] = False,
    timeout: Annotated[float, typer.Option(
        help="Seconds per file before it fails as `timeout` (0: no limit).")] = 60.0,
    memory_limit: Annotated[int, typer.Option(help="Address-space cap per file in MB (0: none).")] = 2048,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No messages on stderr, only the exit code.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="A line per file with its status, roles and time.")]
    = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks and debug logs.")] = False,
) -> None:
    """Convert files and print their role records (JSON, JSON Lines or Markdown).

    Each file runs in a child process with a time and memory limit. Exit code 0 when every
    file gave roles, 1 when one failed or gave none, 2 on usage errors.
    """
    _setup_logging(debug, verbose and not quiet)
    from .convert_command import ConvertUsageError, Request, run_convert
    from .isolate import Isolation

    if to not in ("json", "jsonl", "md"):
        typer.echo(f"jdx: --to must be json, jsonl or md, not {to}", err=True)
        raise typer.Exit(2)
    if timeout < 0 or memory_limit < 0:
        typer.echo("jdx: --timeout and --memory-limit must not be negative", err=True)
        raise typer.Exit(2)
    if lexicon and not lexicon.is_file():
        typer.echo(f"jdx: no such lexicon file: {lexicon}", err=True)
        raise typer.Exit(2)
    _lexicon_or_exit(lexicon)  # a misspelt key is a usage error here, not one failure per file
    request = Request(inputs=files, output=output, to=to, compact=compact,  # type: ignore[arg-type]
                      lexicon_path=str(lexicon) if lexicon else None, debug=debug,
                      keep_script=keep_script, password=password, via_libreoffice=via_libreoffice,
                      isolation=Isolation(timeout=timeout or None, memory_limit_mb=memory_limit or None))

    def report(name: str, outcome, seconds: float) -> None:
        if quiet:
            return
        if outcome.status == "failed":
            typer.echo(f"jdx: {name}: {outcome.error_code}: {outcome.error_message}", err=True)
        elif not outcome.roles:
            typer.echo(f"jdx: {name}: no roles found", err=True)
        if verbose:
            typer.echo(f"jdx: {name}: {outcome.status}, {outcome.roles} role(s), {seconds:.2f} s", err=True)
            for warning in outcome.warnings:
                typer.echo(f"jdx: {name}: warning {warning}", err=True)

    try:
        code = run_convert(request, report, stdin=sys.stdin.buffer.read)
    except ConvertUsageError as exc:
        typer.echo(f"jdx: {exc}", err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(code)


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
    headers: Annotated[str, typer.Option(help="Spreadsheet headers: zh (岗位名称 …) or en (field paths).")] = "zh",
    keep_script: Annotated[bool, typer.Option(help="Keep Traditional Chinese as written (default: Simplified).")] = False,
    password: Annotated[str | None, typer.Option(envvar="JDX_PASSWORD", help=PASSWORD_HELP)] = None,
    via_libreoffice: Annotated[bool, typer.Option(help=VIA_LIBREOFFICE_HELP)] = False,
    debug: Annotated[bool, typer.Option(help="Show debug logs.")] = False,
) -> None:
    """Convert every file under a folder; one manifest line per file, roles in JSONL and Excel.

    Exit code 0 when every file is ok, partial or skipped, 1 when some failed, 2 on usage errors.
    """
    _setup_logging(debug)
    import signal

    from ..extractors.options import ReadOptions
    from .batch import BatchError, BatchOutputError, BatchUsageError, auto_progress, format_summary, run_batch

    def interrupted(signum, frame):  # SIGTERM stops like Ctrl-C: results so far stay resumable
        raise KeyboardInterrupt

    if headers not in ("zh", "en"):
        typer.echo(f"jdx: --headers must be zh or en, not {headers}", err=True)
        raise typer.Exit(2)
    if lexicon and lexicon.is_file():
        _lexicon_or_exit(lexicon)  # a misspelt key stops the run before any file, not in every worker
    signal.signal(signal.SIGTERM, interrupted)
    try:
        summary = run_batch(in_dir, out_dir, workers=workers, timeout=timeout, force=force,
                            progress=auto_progress(quiet), memory_limit_mb=memory_limit or None,
                            lexicon_path=str(lexicon) if lexicon else None, headers=headers,  # type: ignore[arg-type]
                            options=ReadOptions(password=password, via_libreoffice=via_libreoffice),
                            keep_script=keep_script)
    except (BatchUsageError, BatchOutputError) as exc:  # bad arguments; OUT_DIR full or not writable
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


def _lexicon_or_exit(path: Path | None):  # type: ignore[no-untyped-def]
    """The lexicon, or a one-line usage error (exit 2) naming the file and the key."""
    from .lexicon import LexiconError, load_lexicon

    try:
        return load_lexicon(str(path) if path else None)
    except LexiconError as exc:
        typer.echo(f"jdx: lexicon {exc}", err=True)
        raise typer.Exit(2) from None


@app.command("lexicon")
def lexicon_command(
    lexicon: Annotated[Path | None, typer.Option(help="A user lexicon TOML to merge into the bundled one.")] = None,
) -> None:
    """Print the merged vocabulary (bundled + your --lexicon / $JDX_LEXICON) as TOML."""
    from .lexicon import dump_toml

    sys.stdout.write(dump_toml(_lexicon_or_exit(lexicon).data))


@app.command("rules")
def rules_command(
    corpus: Annotated[list[Path] | None, typer.Option(help="Files or folders to run; prints where each rule fired.")] = None,
    zero: Annotated[bool, typer.Option(help="With --corpus: list only rules that never fired.")] = False,
) -> None:
    """List the extraction rules (name, module, the mechanism each answers) and, with
    --corpus, on how many files and roles each fired."""
    _setup_logging(False)
    from .rule_report import format_report, run_rules

    report = run_rules(corpus or [])
    sys.stdout.write(format_report(report, only_zero=zero))


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
    from ..extractors import DocumentError, ReadOptions, read_document
    from .lexicon import load_lexicon
    from .normalize import normalize_document

    try:
        # the name is a hint for text dialects (a .md file is read as Markdown)
        doc = read_document(file.read_bytes(), options=ReadOptions(filename=file.name))
    except DocumentError as exc:
        typer.echo(f"jdx: {file}: {exc.code}: {exc.message}", err=True)
        raise typer.Exit(1) from None
    if not raw:
        doc = normalize_document(doc, load_lexicon())
    sys.stdout.write(doc.model_dump_json(indent=2, exclude_defaults=True) + "\n")


@app.command()
def review(
    out_dir: Annotated[Path, typer.Argument(metavar="OUT_DIR", help="A folder written by `jdx batch`.")],
    in_dir: Annotated[Path | None, typer.Option("--in-dir", help="Where the source files are now "
                                                "(default: the in_dir recorded in summary.json).")] = None,
    dest: Annotated[Path | None, typer.Option("-o", "--output", help="Write the site here (default: OUT_DIR/review).")] = None,
    lexicon: Annotated[Path | None, typer.Option(help="The extra lexicon the batch used, if any.")] = None,
    debug: Annotated[bool, typer.Option(help="Show debug logs.")] = False,
) -> None:
    """Write the review site of a batch: each role beside its source text, the files, the organisation chart.

    Opens from disk (OUT_DIR/review/index.html) with no network. Also writes org.json and org.csv.
    """
    _setup_logging(debug)
    if not (out_dir / "roles.jsonl").exists():
        typer.echo(f"jdx: {out_dir} has no roles.jsonl; run `jdx batch IN_DIR -o {out_dir}` first", err=True)
        raise typer.Exit(2)
    from .lexicon import load_lexicon
    from .org import write_org
    from .review_site import ReviewSite

    site = ReviewSite(out_dir, in_dir=in_dir, lexicon=load_lexicon(str(lexicon) if lexicon else None))
    if site.batch.in_dir is None or not site.batch.in_dir.is_dir():
        typer.echo(f"jdx: source folder {site.batch.in_dir} not found; role pages will show no source text "
                   "(use --in-dir)", err=True)
    write_org(out_dir, site.org)
    files = site.write(dest)
    index = (dest or out_dir / "review") / "index.html"
    typer.echo(f"jdx review: {len(site.batch.roles)} roles, {len(files)} files; open {index}", err=True)


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


def run_app() -> None:
    """Run the command line; the process ends when it returns."""
    try:
        app()
    finally:
        # Interpreter shutdown runs full collections over every object the imports made
        # (typer, pydantic's schemas, the lexicon) and finds no garbage: ~30 ms of a cold
        # `jdx convert`. Frozen objects are still freed by reference counting; only cycles
        # among them are left to the exit, whose __del__ Python never promised to run.
        gc.freeze()


def main() -> None:
    """``python -m jdx.pipeline.cli``; the installed ``jdx`` command is :func:`.launch.main`."""
    from .launch import prepare

    prepare(sys.argv[1:])
    run_app()


if __name__ == "__main__":
    main()
