"""The bundled samples against their hand-checked values.

``samples/gold/<sample>.gold.json`` lists, for every role of each sample, the values a person
checked against the document (in the shared scorer's gold format: only the keys present are
asserted, ``null`` asserts "the document states nothing"). Here they are compared strictly —
a value must equal the output exactly, list items in order — which is stricter than the
scorer's fuzzy matching, and ``jdx eval samples/gold`` gives the scorer's view of the same.
No expected value in these files was written by the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from jdx.pipeline.convert import convert_path

GOLD = sorted((ROOT / "samples" / "gold").glob("*.gold.json"))


def _compare(gold: Any, actual: Any, path: str, problems: list[str]) -> None:
    if isinstance(gold, dict):
        if not isinstance(actual, dict):
            problems.append(f"{path}: expected an object, got {actual!r}")
            return
        for key, value in gold.items():
            _compare(value, actual.get(key), f"{path}.{key}", problems)
        return
    if isinstance(gold, list):
        if not isinstance(actual, list) or len(actual) != len(gold):
            got = [a.get("text", a.get("name")) if isinstance(a, dict) else a for a in actual or []]
            problems.append(f"{path}: expected {len(gold)} items, got {got!r}")
            return
        for i, (g, a) in enumerate(zip(gold, actual, strict=True)):
            _compare(g, a, f"{path}[{i}]", problems)
        return
    if isinstance(gold, float) or isinstance(actual, float):
        if actual is None or gold is None or abs(float(gold) - float(actual)) > 1e-6:
            problems.append(f"{path}: expected {gold!r}, got {actual!r}")
        return
    if gold != actual:
        problems.append(f"{path}: expected {gold!r}, got {actual!r}")


@pytest.mark.parametrize("gold_file", GOLD, ids=[p.name.removesuffix(".gold.json") for p in GOLD])
def test_sample_gives_its_hand_checked_values(gold_file: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    result = json.loads(convert_path(Path("samples") / gold["file"]).model_dump_json())
    assert result["status"] == "ok", result["warnings"]
    assert [r["title"] for r in result["roles"]] == [r["title"] for r in gold["roles"]]
    problems: list[str] = []
    for i, (g, a) in enumerate(zip(gold["roles"], result["roles"], strict=True)):
        _compare(g, a, f"roles[{i}]({g['title']})", problems)
    assert not problems, "\n".join(problems)


def test_every_sample_document_has_hand_checked_values() -> None:
    documents = {p.name for p in (ROOT / "samples" / "documents").iterdir()}
    assert documents == {json.loads(p.read_text(encoding="utf-8"))["file"].split("/", 1)[1] for p in GOLD}
