"""Shared paths and helpers for the test suite.

Tests that read ``../shared`` (the seeds, gold and corpus next to the repository) skip when
that folder is absent, as on a machine that only has the repository. Under CI
(``JDX_REQUIRE_SHARED=1``, set by ``.ci/run``) such a skip is a failure: the measures that
need ``../shared`` must never go quiet.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "documents"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


REQUIRE_SHARED = os.environ.get("JDX_REQUIRE_SHARED") == "1"
SHARED_WORDS = ("../shared", "shared corpus", "shared/", "corpus")


def pytest_sessionstart(session: pytest.Session) -> None:
    if REQUIRE_SHARED and not SHARED.is_dir():
        raise pytest.UsageError(f"JDX_REQUIRE_SHARED=1 but {SHARED} does not exist")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_SHARED and report.skipped and not hasattr(report, "wasxfail"):
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if any(word in reason for word in SHARED_WORDS):
            report.outcome = "failed"
            report.longrepr = f"skipped for want of ../shared under JDX_REQUIRE_SHARED=1: {reason}"


def shared_dir(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available on this machine")
    return path


def corpus_document(relative: str):
    """A file of ``../shared/corpus`` read into a Document, its name given as the reader's hint."""
    from jdx.extractors import ReadOptions, read_document

    path = shared_dir("corpus", relative)
    return read_document(path.read_bytes(), options=ReadOptions(filename=path.name))


def modules_loaded_by_help(modules: tuple[str, ...], *commands: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh interpreter has imported after ``jdx --help`` and after
    ``--help`` of each of ``commands`` (heavy imports must stay lazy)."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from jdx.pipeline.cli import app\n"
        "from typer.testing import CliRunner\n"
        f"for args in {[['--help'], *([*c, '--help'] for c in commands)]!r}:\n"
        "    assert CliRunner().invoke(app, args).exit_code == 0\n"
        f"print(','.join(m for m in {modules!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


@pytest.fixture(scope="session")
def lexicon():
    from jdx.pipeline.lexicon import load_lexicon

    return load_lexicon()


# --- nothing lost -------------------------------------------------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")
RUN = re.compile(r"[\u4e00-\u9fff]+")


def _vocabulary_re(lexicon) -> re.Pattern[str]:
    """Every phrase that names a field rather than filling it: labels, headings, document
    words, table column headers, KPI header words (from the lexicon, not from the code under
    test)."""
    d = lexicon.data
    columns = d.tables.columns
    words = (set(lexicon.labels) | set(lexicon.meta_labels) | set(lexicon.sections) | set(lexicon.doc_words)
             | set(lexicon.decorations) | set(columns.label + columns.category + columns.text + columns.frequency
                                               + columns.metrics + columns.importance + d.tables.extra_column_headers)
             | set(d.kpis.header_words + d.kpis.name_headers + d.kpis.weight_headers + d.kpis.target_headers)
             | set(d.kpis.periods) | set(d.tables.duty_markers))
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def document_cjk(doc, lexicon) -> Counter:
    """Chinese characters of the reader's document body (distinct texts), vocabulary aside."""
    vocabulary = _vocabulary_re(lexicon)
    labels = lexicon.numbering.pattern
    r = lexicon.data.reporting
    # "直接督导 个岗位,共 人": a template's words around counts it leaves blank
    template = re.compile(rf"(?:{r.direct}|{r.indirect})?{r.supervise_words[0]}?\s*\d*\s*{r.position_unit}\s*[,，]?"
                          rf"\s*{r.total_word}\s*\d*\s*{r.person_unit}")
    cn = lexicon.numbering.cn_class
    markers = re.compile(rf"(?:{'|'.join(lexicon.data.tables.duty_markers)})(?:{cn}|\d){{1,3}}"
                         rf"|\(\d{{1,3}}-\d{{1,3}}{lexicon.data.kpis.score_unit}\)")
    texts: set[str] = set()
    for block in doc.blocks:
        if block.table is not None:
            texts.update(cell.text for cell in block.table.cells)
        else:
            texts.add(block.text)
    runs: set[str] = set()
    for text in texts:
        text = labels.sub(" ", vocabulary.sub(" ", template.sub(" ", markers.sub(" ", text))))
        runs.update(RUN.findall(text))  # a value stated twice is kept once
    counts: Counter = Counter()
    for run in runs:
        counts.update(run)
    return counts


def output_cjk(result) -> Counter:
    """Chinese characters of every string a result holds (roles, other sections, unmapped,
    unassigned), ids and provenance aside."""
    dump = result.model_dump(exclude={"roles": {"__all__": {"evidence", "source", "warnings", "id", "review"}}})
    strings: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(dump)
    return Counter(CJK.findall("".join(strings)))


def lost_characters(data: bytes, result, lexicon, name: str = "doc.txt") -> tuple[Counter, int]:
    """What of the document's own text (read by the reader, normalised) is in no output
    string: (missing characters, total characters)."""
    from jdx.extractors import ReadOptions, read_document
    from jdx.pipeline.normalize import normalize_document

    doc = normalize_document(read_document(data, options=ReadOptions(filename=name)), lexicon)
    expected = document_cjk(doc, lexicon)
    missing = expected - output_cjk(result)
    return missing, sum(expected.values())
