"""Shared paths and helpers for the test suite.

Tests that read ``../shared`` (the seeds, gold and corpus next to the repository) skip when
that folder is absent, as on a machine that only has the repository. Under CI
(``JDX_REQUIRE_SHARED=1``, set by ``.ci/run``) such a skip is a failure: the measures that
need ``../shared`` must never go quiet.
"""

from __future__ import annotations

from pathlib import Path

import os

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


@pytest.fixture(scope="session")
def lexicon():
    from jdx.pipeline.lexicon import load_lexicon

    return load_lexicon()
