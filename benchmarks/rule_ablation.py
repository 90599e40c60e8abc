"""Switch each extraction rule off in turn and report which test catches it.

A rule earns its place when some test fails without it (issue 7). Two phases:

1. one pytest run with every rule on records, per rule, the test modules it fired in
   (``rule_ablation_plugin``); a rule that fires in no test is reported as *not exercised*;
2. for each rule, pytest re-runs those modules with ``JDX_RULES_OFF=<rule>`` and stops at
   the first failure: the failing test is the one that catches the rule. A rule whose
   modules all pass without it is reported as *not caught*.

    .venv/bin/python benchmarks/rule_ablation.py [--jobs 2] [--only NAME ...] [TEST_PATHS ...]

Prints a table and exits 1 when a rule is not exercised or not caught. Takes minutes: every
rule costs one pytest start plus its modules.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TESTS = ["tests"]
# Slow suites that exercise no extraction rule of their own (browser, HTTP server, packaging,
# the catalog's keys over the whole corpus: 17 minutes, and tests/test_corpus.py converts the
# same files with the extraction checks).
DESELECT = ["tests/browser", "tests/test_review_browser.py", "tests/test_packaging.py",
            "tests/test_code_shape.py", "tests/test_server.py", "tests/test_catalog_corpus.py"]
FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.M)


def _pytest(args: list[str], env: dict[str, str], timeout: float = 3600) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
           "-p", "rule_ablation_plugin", *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "benchmarks"), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def fired_map(tests: list[str]) -> dict[str, list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "map.json"
        ignore = [f"--ignore={p}" for p in DESELECT]
        result = _pytest([*ignore, *tests], _env(JDX_RULE_MAP=str(out)))
        if result.returncode not in (0, 1):
            sys.exit(f"baseline pytest run failed to run:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        if result.returncode == 1:
            print("warning: the baseline run has failures; a rule 'caught' by them proves nothing:",
                  *FAILED.findall(result.stdout), sep="\n  ", file=sys.stderr)
        return dict(json.loads(out.read_text(encoding="utf-8")))


def ablate(name: str, modules: list[str]) -> tuple[str, str, float]:
    start = time.perf_counter()
    result = _pytest(["-x", *modules], _env(JDX_RULES_OFF=name))
    took = time.perf_counter() - start
    if result.returncode == 0:
        return name, "", took
    failed = FAILED.findall(result.stdout)
    return name, failed[0] if failed else f"pytest exit {result.returncode}", took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tests", nargs="*", default=DEFAULT_TESTS)
    ap.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) // 2))
    ap.add_argument("--only", nargs="*", help="ablate only these rules")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()

    from jdx.pipeline import rules

    names = [r.name for r in rules.all_rules()]
    if args.only:
        names = [n for n in names if n in set(args.only)]
    print(f"phase 1: which modules each of {len(names)} rules fires in …", flush=True)
    fired = fired_map(args.tests)
    results: dict[str, str] = {}
    todo = [(n, fired[n]) for n in names if n in fired]
    for n in names:
        if n not in fired:
            results[n] = "NOT EXERCISED (fires in no test)"
    print(f"phase 2: {len(todo)} rules, each off in turn, {args.jobs} at a time …", flush=True)
    with ThreadPoolExecutor(args.jobs) as pool:
        for name, caught, took in pool.map(lambda t: ablate(*t), todo):
            results[name] = caught or f"NOT CAUGHT (modules {', '.join(fired[name])} pass without it)"
            print(f"  {name:<36} {took:6.1f}s  {results[name]}", flush=True)

    width = max(map(len, names), default=10)
    print(f"\n{'rule':<{width}}  caught by")
    for n in names:
        print(f"{n:<{width}}  {results[n]}")
    bad = [n for n in names if results[n].startswith("NOT")]
    print(f"\n{len(names) - len(bad)} of {len(names)} rules caught by a test; {len(bad)} not: {', '.join(bad) or '-'}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
