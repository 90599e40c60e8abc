"""The store of written alternations: a later process gets the very regex the trie writes, and
a store written by other code, another interpreter or damaged is ignored."""

from __future__ import annotations

import marshal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from jdx.pipeline import alternation, kept_alternations

PHRASES = [frozenset({"岗位职责", "岗位名称", "任职要求", "What you'll do"}), frozenset({"有限公司", "集团", "Ltd"})]


@pytest.fixture()
def store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A process with an empty store at a temporary place, allowed to write it."""
    path = tmp_path / "alternations.marshal"
    monkeypatch.setattr(kept_alternations, "store_path", lambda: path)
    monkeypatch.setattr(kept_alternations, "_kept", None)
    monkeypatch.setattr(kept_alternations, "_new", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    alternation._alternation.cache_clear()
    yield path
    alternation._alternation.cache_clear()


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept_alternations, "_kept", None)
    alternation._alternation.cache_clear()


def test_a_kept_alternation_is_what_the_trie_writes(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = {(p, case): alternation.alternation(p, ignore_case=case) for p in PHRASES for case in (False, True)}
    assert kept_alternations.save() == len(written)
    _new_process(monkeypatch)

    def unwritten(unique: frozenset[str], ignore_case: bool) -> str:
        raise AssertionError("written again although kept")

    monkeypatch.setattr(alternation, "_written", unwritten)
    for (phrases, case), source in written.items():
        assert alternation.alternation(sorted(phrases), ignore_case=case) == source


def test_a_store_of_other_code_or_damaged_is_ignored(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = alternation.alternation(PHRASES[0])
    kept_alternations.save()
    stamp, entries = marshal.loads(store.read_bytes())
    store.write_bytes(marshal.dumps((stamp[:2] + (b"another writer",), {k: "(?!)" for k in entries})))
    _new_process(monkeypatch)
    assert alternation.alternation(PHRASES[0]) == source
    store.write_bytes(b"\x00not marshal")
    _new_process(monkeypatch)
    assert alternation.alternation(PHRASES[0]) == source


def test_nothing_is_written_under_dont_write_bytecode(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    alternation.alternation(PHRASES[1])
    assert kept_alternations.save() == 0
    assert not store.exists()
