"""pytest plugin for ``rule_ablation.py``: records which test modules each rule fires in.

Loaded with ``-p rule_ablation_plugin`` (``benchmarks/`` on ``PYTHONPATH``) and
``JDX_RULE_MAP=out.json``. A session fixture that converts a file fires its rules inside the
first test that asks for it, so the map is kept per module, not per test: switching a rule off
then re-runs every test of each module it fired in.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterator

import pytest
from jdx.pipeline import rules

_modules: dict[str, set[str]] = defaultdict(set)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    with rules.tracking() as tracker:
        yield
    module = item.nodeid.split("::")[0]
    for name in tracker.files:
        _modules[name].add(module)


def pytest_sessionfinish(session: pytest.Session) -> None:
    out = os.environ.get("JDX_RULE_MAP")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            json.dump({name: sorted(mods) for name, mods in sorted(_modules.items())}, f,
                      ensure_ascii=False, indent=1)
