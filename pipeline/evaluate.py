"""``jdx eval``: convert the inputs of a gold folder and score them with the shared scorer.

Gold files name their input relative to the gold folder's parent (``seeds/000_x.txt``); the
predictions are written as ``<input name>.json`` — the layout ``score.py`` expects — and the
scorer's own table is printed, so the figures are the scorer's, not ours.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .convert import convert_path


def convert_gold_inputs(gold_dir: Path, pred_dir: Path) -> list[str]:
    """Write one prediction per gold file; return the inputs that could not be found."""
    missing: list[str] = []
    pred_dir.mkdir(parents=True, exist_ok=True)
    for gold_file in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        source = (gold_dir.parent / gold["file"]).resolve()
        if not source.exists():
            missing.append(gold["file"])
            continue
        result = convert_path(source)
        (pred_dir / f"{source.name}.json").write_text(result.model_dump_json(indent=1), encoding="utf-8")
    return missing


def run_eval(gold_dir: Path, pred_dir: Path | None, scorer: Path | None, verbose: bool) -> int:
    scorer = scorer or gold_dir.parent / "tools" / "score.py"
    if not scorer.exists():
        print(f"jdx eval: scorer not found at {scorer}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = pred_dir or Path(tmp)
        missing = convert_gold_inputs(gold_dir, out)
        for name in missing:
            print(f"jdx eval: input not found: {name}", file=sys.stderr)
        cmd = [sys.executable, str(scorer), str(gold_dir), str(out)] + (["--verbose"] if verbose else [])
        return subprocess.call(cmd)
