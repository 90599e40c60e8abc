"""pytest plugin for ``rule_ablation.py``: records which test modules each rule fires in.

Loaded with ``-p rule_ablation_plugin`` (``benchmarks/`` on ``PYTHONPATH``) and
``JDX_RULE_MAP=out.json``. A session fixture that converts a file fires its rules inside the
first test that asks for it, so the map is kept per module, not per test: switching a rule off
then re-runs every test of each module it fired in, the quickest module first.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterator

import pytest
from jdx.pipeline import rules

_modules: dict[str, set[str]] = defaultdict(set)
_seconds: dict[str, float] = defaultdict(float)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    start = time.perf_counter()
    with rules.tracking() as tracker:
        yield
    module = item.nodeid.split("::")[0]
    _seconds[module] += time.perf_counter() - start
    for name in tracker.files:
        _modules[name].add(module)


def pytest_sessionfinish(session: pytest.Session) -> None:
    out = os.environ.get("JDX_RULE_MAP")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            # Cheapest module first: the re-run stops at its first failure.
            json.dump({name: sorted(mods, key=lambda m: (_seconds[m], m)) for name, mods in sorted(_modules.items())},
                      f, ensure_ascii=False, indent=1)
