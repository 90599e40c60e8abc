"""Fuzzing with generated documents (``fuzz_strategies``): a few hundred cases across the
readers in CI. No case may raise, end as ``internal_error``, or run past a CPU budget.

Every reader is fuzzed: text, Markdown, HTML, DOCX and PDF (``fuzz_strategies``), XLSX, XLS,
ODS, Word 97 .doc, RTF, images and encrypted OOXML containers (``fuzz_office``).

The long run is ``benchmarks/fuzz.py`` (thousands of cases, each in an isolated process,
with hangs, memory and tracebacks counted). PDF page trees that loop are left out here until
the PDF reader refuses them (issue 10, defect 3); the long run includes them.
"""

from __future__ import annotations

from collections import Counter

import pytest
from fuzz_office import (
    doc_documents,
    encrypted_ooxml_documents,
    image_documents,
    ods_documents,
    odt_documents,
    rtf_documents,
    xls_documents,
    xlsx_documents,
)
from fuzz_strategies import docx_documents, html_documents, markdown_documents, pdf_documents, text_documents
from hostile import CpuBudgetExceeded, cpu_seconds
from hypothesis import HealthCheck, given, settings
from jdx.extractors.errors import ErrorCode
from jdx.pipeline.convert import convert_bytes
from jdx.pipeline.lexicon import load_lexicon

CPU_BUDGET = 20.0
KNOWN_CODES = {code.value for code in ErrorCode} - {ErrorCode.INTERNAL_ERROR.value}


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


def check(case: tuple[str, bytes]) -> str:
    """Convert one case within the CPU budget; returns its status."""
    name, data = case
    lexicon = load_lexicon()
    results = []
    try:
        cpu_seconds(lambda: results.append(convert_bytes(data, name, lexicon=lexicon)), CPU_BUDGET, without_gc=False)
    except CpuBudgetExceeded:
        pytest.fail(f"{name} of {len(data):,} bytes ran over {CPU_BUDGET:g} CPU seconds")
    result = results[0]
    assert result.status in ("ok", "partial", "failed")
    assert (result.error is None) == (result.status != "failed")
    if result.error is not None:
        assert result.error.code in KNOWN_CODES, result.error
        assert "\n" not in result.error.message
    return result.status


# (strategy, examples in CI, at least this many must be read, not refused: the generators
# build documents, not noise)
CASES = {
    "txt": (text_documents(), 60, 20),
    "md": (markdown_documents(), 50, 20),
    "html": (html_documents(), 50, 20),
    "docx": (docx_documents(), 60, 20),
    "pdf": (pdf_documents(page_loops=False), 30, 10),
    "xlsx": (xlsx_documents(), 20, 3),
    "xls": (xls_documents(), 20, 5),
    "ods": (ods_documents(hostile_cases=False), 20, 5),  # the long run has the hostile ones
    "odt": (odt_documents(hostile_cases=False), 20, 5),
    "doc": (doc_documents(), 10, 3),
    "rtf": (rtf_documents(), 20, 8),
    # Images are read only through the optional OCR extra; without it each must still end
    # in a typed failure (no_text_layer, corrupt_file, too_large), never a traceback.
    "image": (image_documents(), 20, 0),
    "encrypted": (encrypted_ooxml_documents(), 10, 0),  # no password given: every one is refused
}


@pytest.mark.parametrize("fmt", list(CASES))
def test_fuzz(fmt: str) -> None:
    strategy, examples, readable = CASES[fmt]
    statuses: Counter[str] = Counter()

    @fuzz(examples)
    @given(strategy)
    def run(case) -> None:
        statuses[check(case)] += 1

    run()
    assert statuses["ok"] + statuses["partial"] >= readable, statuses
