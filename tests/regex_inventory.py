"""Every regular expression jdx uses, found generically, and a linear-time check for each.

Used by ``test_regex_linear.py``. Patterns are collected three ways, so a new one is covered
without anyone listing it:

* **module level**: every ``re.Pattern`` held by a global of a ``jdx`` module, or inside a
  tuple/list/set/dict global, or as a class attribute of a class defined there;
* **the compiled lexicon**: every pattern an attribute or property of the loaded
  :class:`~jdx.pipeline.lexicon.Lexicon` holds, and what every cached one-argument function of
  a ``jdx`` module returns for it (``_lead_in_re(lexicon)`` …);
* **compiled at run time**: ``re`` is watched (``re._compile`` wrapped) while the samples and
  the DOCX/PDF fixtures are converted, after every cache in ``jdx`` was cleared, which catches
  ``re.sub(r"\\s+", …)`` inside a function and patterns built from the lexicon on first use.

Timing is the point here (a super-linear pattern is a hang on hostile input), so it is
measured as a ratio between a 10,000- and a 100,000-character line, never as an absolute
time; every measurement runs under an interval timer so that an exponential pattern fails
the test instead of hanging it.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hostile import CpuBudgetExceeded, cpu_seconds

import jdx

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("jdx.pipeline", "jdx.extractors", "jdx.schemas")


def jdx_modules() -> list:
    """Every module of the installed jdx packages, imported."""
    modules = [jdx]
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        modules.append(package)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            try:
                modules.append(importlib.import_module(info.name))
            except ImportError:  # an optional extra that is not installed
                continue
    return modules


def patterns_in(value: object, depth: int = 3) -> Iterator[re.Pattern]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth and isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from patterns_in(item, depth - 1)
    elif depth and isinstance(value, dict):
        for item in value.values():
            yield from patterns_in(item, depth - 1)


def module_patterns(modules: Iterable) -> Iterator[re.Pattern]:
    for module in modules:
        for value in list(vars(module).values()):
            yield from patterns_in(value)
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for attribute in list(vars(value).values()):
                    yield from patterns_in(attribute)


def _cached_functions(modules: Iterable) -> Iterator[Callable]:
    for module in modules:
        for value in list(vars(module).values()):
            if hasattr(value, "cache_clear") and getattr(value, "__module__", "").startswith("jdx"):
                yield value


def lexicon_patterns(lexicon, modules: Iterable) -> Iterator[re.Pattern]:
    for name in dir(lexicon):
        if name.startswith("__"):
            continue
        try:
            value = getattr(lexicon, name)
        except Exception:  # noqa: BLE001 - a property that needs more than the lexicon
            continue
        yield from patterns_in(value)
    for function in _cached_functions(modules):
        try:
            parameters = inspect.signature(function).parameters
        except (TypeError, ValueError):
            continue
        if len(parameters) == 1 and "lexicon" in parameters:
            yield from patterns_in(function(lexicon))


JDX_SOURCES = tuple(str(ROOT / folder) + os.sep for folder in ("pipeline", "extractors", "schemas", "jdx"))


def _called_from_jdx() -> bool:
    """True when the code that called into ``re`` is jdx's own (not spaCy's or pdfminer's)."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename == re.__file__:
        frame = frame.f_back
    return frame is not None and frame.f_code.co_filename.startswith(JDX_SOURCES)


@contextmanager
def watching_re() -> Iterator[list[re.Pattern]]:
    """Record every pattern jdx code compiles through the ``re`` module inside the block."""
    seen: list[re.Pattern] = []
    original = re._compile  # type: ignore[attr-defined]

    @functools.wraps(original)
    def recording(pattern, flags):
        compiled = original(pattern, flags)
        if isinstance(compiled, re.Pattern) and _called_from_jdx():
            seen.append(compiled)
        return compiled

    re._compile = recording  # type: ignore[attr-defined]
    re.purge()
    try:
        yield seen
    finally:
        re._compile = original  # type: ignore[attr-defined]


def runtime_patterns(modules: list, inputs: Iterable[Path]) -> list[re.Pattern]:
    from jdx.pipeline.convert import convert_bytes
    from jdx.pipeline.lexicon import load_lexicon

    for function in _cached_functions(modules):
        function.cache_clear()
    with watching_re() as seen:
        lexicon = load_lexicon()
        for path in inputs:
            convert_bytes(path.read_bytes(), path.name, lexicon=lexicon)
    return seen


def sample_inputs() -> list[Path]:
    folders = [ROOT / "samples" / "documents", ROOT / "tests" / "fixtures" / "docx"]
    pdfs = [ROOT / "tests" / "fixtures" / "pdf" / n for n in ("quality_engineer.pdf", "short_role.pdf")]
    return sorted(p for folder in folders for p in folder.iterdir() if p.is_file()) + [p for p in pdfs if p.exists()]


def all_patterns() -> list[re.Pattern]:
    """Distinct patterns (by source and flags) from the three sources above."""
    from jdx.pipeline.lexicon import load_lexicon

    modules = jdx_modules()
    found = list(module_patterns(modules))
    found += runtime_patterns(modules, sample_inputs())
    found += list(lexicon_patterns(load_lexicon(), modules))
    unique: dict[tuple[object, int], re.Pattern] = {}
    for pattern in found:
        unique.setdefault((pattern.pattern, pattern.flags), pattern)
    return list(unique.values())


# ----------------------------------------------------------------------------- adversarial lines

# Repeated to 10,000 and 100,000 characters: digit runs, numbering, punctuation, spaces,
# brackets, markup and label-like phrases, the shapes hostile or damaged lines take.
GENERIC_UNITS = (
    "9", "1.", "１", "一", "、", "，", "：", ":", " ", "\t", "\u3000", "a", "(", "（", "-", ".", "·", "<", "<%",
    "|", "第一条", "（1）", "岗位职责：", "10元", "ab ", "a1",
)


def literal_units(pattern: re.Pattern) -> list[str]:
    """Repeatable pieces taken from the pattern itself: its literal runs of non-syntax
    characters (a lexicon phrase, a label, a punctuation mark), each one and the first two
    together, so that an alternation of phrases is fed its own phrases back to back."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    runs = [r for r in re.split(r"[\\\[\](){}|?*+^$.]+", source) if r.strip()]
    units = list(dict.fromkeys(runs[:6]))
    if len(runs) >= 2:
        units.append(runs[0] + runs[1])
    return units


def adversarial_line(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def time_scan(pattern: re.Pattern, line: str, budget: float) -> float:
    """CPU seconds for a search at every position (``subn``: like ``finditer``, without a Python
    object per match) and a ``fullmatch`` of ``line``, without the collector (tens of thousands of
    match objects must not be timed as collector pauses); raises :class:`CpuBudgetExceeded` past
    ``budget`` CPU seconds."""
    subject: str | bytes = line if isinstance(pattern.pattern, str) else line.encode("utf-8")

    def scan() -> None:
        pattern.subn(subject[:0], subject)
        pattern.fullmatch(subject)

    return cpu_seconds(scan, budget, collect_first=False)


# A linear scan's time grows 10x from 10k to 100k characters, a quadratic one 100x; the
# threshold sits between. Below the floor a measurement is timer noise. No linear pattern
# needs a quarter of a second for 10,000 characters; a quadratic one needs seconds.
SMALL, LARGE = 10_000, 100_000
MAX_RATIO = 40.0
FLOOR_SECONDS = 0.001
SMALL_BUDGET = 0.25
# The 100,000-character line is timed for the units that cost most at 10,000 (where a
# super-linear pattern shows) and for any unit above the floor.
LARGE_FOR_SLOWEST = 4


def _ratio_problem(pattern: re.Pattern, unit: str, small: float) -> str | None:
    """Why ``pattern`` is not linear on ``unit`` repeated, or None. A ratio above the
    threshold is measured again before it counts, so a scheduler hiccup does not fail it."""
    for _attempt in range(2):
        limit = MAX_RATIO * max(small, FLOOR_SECONDS)
        try:
            large = time_scan(pattern, adversarial_line(unit, LARGE), limit)
        except CpuBudgetExceeded:
            large = float("inf")
        if large <= limit:
            return None
        small = min(small, time_scan(pattern, adversarial_line(unit, SMALL), SMALL_BUDGET))
    return f"{unit!r}×N: {small * 1000:.1f} ms at {SMALL:,}, over {limit * 1000:.0f} ms at {LARGE:,}"


def super_linear(pattern: re.Pattern, units: Iterable[str], first_only: bool = False) -> list[str]:
    """Descriptions of the lines on which ``pattern`` is not linear (empty when it is)."""
    problems: list[str] = []
    timed: list[tuple[float, str]] = []
    for unit in dict.fromkeys(units):
        try:
            timed.append((time_scan(pattern, adversarial_line(unit, SMALL), SMALL_BUDGET), unit))
        except CpuBudgetExceeded:
            problems.append(f"{unit!r}×{SMALL:,}: over {SMALL_BUDGET:g} s")
            if first_only:
                return problems
    timed.sort(reverse=True)
    for rank, (small, unit) in enumerate(timed):
        if rank >= LARGE_FOR_SLOWEST and small < FLOOR_SECONDS:
            break
        problem = _ratio_problem(pattern, unit, small)
        if problem:
            problems.append(problem)
            if first_only:
                return problems
    return problems
