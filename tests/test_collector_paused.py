"""``jdx convert`` and the readers pause the cyclic collector while a job imports the pipeline (issue 13: cold
start); the collector must come back as it was, whatever happens inside."""

from __future__ import annotations

import gc

import pytest
from jdx.extractors.collector import paused as collector_paused


def test_collector_is_off_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_is_restored_after_an_error_and_left_off_when_it_was() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failed import")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
