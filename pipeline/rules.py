"""The registry of extraction rules: every heuristic is a named, documented, counted rule.

A rule is a function decorated with :func:`rule`. Its docstring names the mechanism of real
documents it answers (a rule without one is refused at import). When the function's answer
says it applied — anything but ``None``, ``False`` or an empty value — the rule *fired*: the
registry counts it, and, while a :class:`Tracker` is active (``jdx rules``), records the file
and role it fired on.

A rule can be switched off (``JDX_RULES_OFF=name,name`` or :func:`disabled`), which makes it
answer as if it did not apply: that is how ``benchmarks/rule_ablation.py`` finds, for each
rule, the test that fails without it.
"""

from __future__ import annotations

import functools
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Rule:
    name: str
    doc: str
    module: str
    hits: int = 0

    @property
    def summary(self) -> str:
        return " ".join(self.doc.strip().split("\n\n")[0].split())


@dataclass
class Tracker:
    """Where rules fired during a run: rule -> files, rule -> (file, role index)."""

    file: str = ""
    role: int | None = None
    files: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    roles: dict[str, set[tuple[str, int]]] = field(default_factory=lambda: defaultdict(set))

    def record(self, name: str) -> None:
        self.files[name].add(self.file)
        if self.role is not None:
            self.roles[name].add((self.file, self.role))


REGISTRY: dict[str, Rule] = {}
_off: set[str] = {n.strip() for n in os.environ.get("JDX_RULES_OFF", "").split(",") if n.strip()}
_tracker: Tracker | None = None


def _fired(result: Any) -> bool:
    return result is not None and result is not False and result != () and result != [] and result != ""


def rule(func: F) -> F:
    """Register ``func`` as a rule named after it (leading underscores dropped)."""
    name = func.__name__.lstrip("_")
    if not (func.__doc__ or "").strip():
        raise TypeError(f"rule {name} needs a docstring naming the mechanism it answers")
    if name in REGISTRY:
        raise TypeError(f"rule {name} registered twice")
    entry = Rule(name=name, doc=func.__doc__ or "", module=func.__module__.rsplit(".", 1)[-1])
    REGISTRY[name] = entry
    # A wrapper generated with the rule's own parameters saved ~4% of a compilation's extraction
    # but cost ~8 ms of compiling at every start (issue 13's cold command): not kept.
    wrapper = functools.wraps(func)(_general_wrapper(func, name, entry))
    wrapper.rule_name = name  # type: ignore[attr-defined]
    return cast(F, wrapper)


def _general_wrapper(func: Callable[..., Any], name: str, entry: Rule) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _off and name in _off:
            return None
        # without keywords (most calls) the call skips unpacking an empty dict: ~60 of ~140 ns
        result = func(*args, **kwargs) if kwargs else func(*args)
        # Most answers are "did not apply" (a card asks ~700 times): leave before the general test.
        if result is None or result is False:
            return result
        if _fired(result):
            entry.hits += 1
            if _tracker is not None:
                _tracker.record(name)
        return result

    return wrapper


def is_on(name: str) -> bool:
    return name not in _off


def answers_can_be_kept() -> bool:
    """Whether a result computed from rules may be remembered and reused: every rule is on and
    nothing records where rules fire (``jdx rules`` must see each firing, ablation each switch)."""
    return not _off and _tracker is None


@contextmanager
def disabled(*names: str) -> Iterator[None]:
    """Switch rules off for the duration (tests, the ablation script)."""
    unknown = set(names) - set(REGISTRY)
    if unknown:
        raise KeyError(f"unknown rules: {sorted(unknown)}")
    before = set(_off)
    _off.update(names)
    try:
        yield
    finally:
        _off.clear()
        _off.update(before)


@contextmanager
def tracking() -> Iterator[Tracker]:
    global _tracker
    previous, _tracker = _tracker, Tracker()
    try:
        yield _tracker
    finally:
        _tracker = previous


def set_context(file: str | None = None, role: int | None = None) -> None:
    """Tell an active tracker which file / role the rules now fire on (no-op otherwise)."""
    if _tracker is None:
        return
    if file is not None:
        _tracker.file = file
    _tracker.role = role


def all_rules() -> list[Rule]:
    _load_all()
    return sorted(REGISTRY.values(), key=lambda r: (r.module, r.name))


def _load_all() -> None:
    """Import every module that defines rules, so the registry is complete."""
    from . import convert  # noqa: F401  (imports the whole extraction pipeline)
    from .fields import duties, kpis, pay, qualifications, reporting  # noqa: F401
