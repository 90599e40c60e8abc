"""``jdx eval``: convert the inputs of a gold folder and score them with the shared scorer.

Gold files name their input relative to the gold folder's parent (``seeds/000_x.txt``); the
predictions are written as ``<input name>.json`` — the layout ``score.py`` expects — and the
scorer's own table is printed, so the figures are the scorer's, not ours.

A gold folder may hold sub-folders of gold whose inputs share a base name with another
(``gold-dev/name-clash/DDFE`` …): the scorer finds predictions by base name, so each folder is
scored in a run of its own, and the last two lines give the micro-averaged figures over all of
them (role counts recovered from each file's role precision and recall).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .convert import convert_path


@dataclass
class Counts:
    tp: float = 0
    fp: float = 0
    fn: float = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def find_input(gold_dir: Path, relative: str) -> Path | None:
    """The input a gold file names, relative to the gold folder's parent or an ancestor."""
    for base in [gold_dir.parent, *gold_dir.parent.parents]:
        candidate = base / relative
        if candidate.exists():
            return candidate.resolve()
    return None


def convert_gold_inputs(gold_dir: Path, pred_dir: Path) -> list[str]:
    """Write one prediction per gold file; return the inputs that could not be found."""
    missing: list[str] = []
    pred_dir.mkdir(parents=True, exist_ok=True)
    for gold_file in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        source = find_input(gold_dir, gold["file"])
        if source is None:
            missing.append(gold["file"])
            continue
        result = convert_path(source)
        (pred_dir / f"{source.name}.json").write_text(result.model_dump_json(indent=1), encoding="utf-8")
    return missing


def gold_folders(gold_dir: Path) -> list[Path]:
    return sorted({p.parent for p in gold_dir.rglob("*.gold.json")}, key=lambda p: (p != gold_dir, str(p)))


def _role_counts(gold_dir: Path, report: dict) -> Counts:
    counts = Counts()
    for gold_file in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        figures = report["files"].get(Path(gold["file"]).name, {}).get("roles")
        if figures is None:
            continue
        n = len(gold["roles"])
        tp = round(figures["r"] * n)
        fp = round(tp / figures["p"] - tp) if figures["p"] > 0 else 0
        if n == 0:  # a document that must give no roles: precision says how many came out
            fp = 0 if figures["p"] >= 1 else 1
        counts.add(Counts(tp, fp, n - tp))
    return counts


def score_gold_dir(gold_dir: Path, scorer: Path, work: Path, verbose: bool = False,
                   show: bool = False) -> tuple[Counts, Counts]:
    """Convert the inputs of every gold folder under ``gold_dir`` into ``work``, score each
    folder with ``scorer`` and add up the counts: ``(fields, roles)``. Folders are scored one
    by one because gold files in different folders may name inputs with the same file name."""
    folders = gold_folders(gold_dir)
    fields, roles = Counts(), Counts()
    reports = Path(tempfile.mkdtemp(prefix="jdx-eval-"))
    for n, folder in enumerate(folders):
        out = work if len(folders) == 1 else work / str(n)
        for name in convert_gold_inputs(folder, out):
            print(f"jdx eval: input not found: {name}", file=sys.stderr)
        report_path = reports / f"report{n}.json"
        if show and len(folders) > 1:
            print(f"== {folder}")
        cmd = [sys.executable, str(scorer), str(folder), str(out), "--json", str(report_path)]
        cmd += ["--verbose"] if verbose else []
        subprocess.run(cmd, check=False, stdout=None if show else subprocess.DEVNULL)
        report = json.loads(report_path.read_text(encoding="utf-8"))
        overall = report["overall"]
        fields.add(Counts(overall["tp"], overall["fp"], overall["fn"]))
        roles.add(_role_counts(folder, report))
    shutil.rmtree(reports, ignore_errors=True)
    return fields, roles


def run_eval(gold_dir: Path, pred_dir: Path | None, scorer: Path | None, verbose: bool) -> int:
    scorer = scorer or _find_scorer(gold_dir)
    if scorer is None or not scorer.exists():
        print(f"jdx eval: scorer not found (looked for tools/score.py above {gold_dir})", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        fields, roles = score_gold_dir(gold_dir, scorer, pred_dir or Path(tmp), verbose, show=True)
    if len(gold_folders(gold_dir)) > 1:
        rp, rr, rf = roles.prf()
        fp_, fr, ff = fields.prf()
        print(f"\n== all {len(gold_folders(gold_dir))} folders of {gold_dir}")
        print(f"roles P={rp:.3f} R={rr:.3f} F1={rf:.3f}")
        print(f"fields P={fp_:.3f} R={fr:.3f} F1={ff:.3f}")
    return 0


def _find_scorer(gold_dir: Path) -> Path | None:
    """``tools/score.py`` above the gold folder, or the shared one next to the repository."""
    for base in [gold_dir.resolve().parent, *gold_dir.resolve().parent.parents]:
        for candidate in (base / "tools" / "score.py", base / "shared" / "tools" / "score.py"):
            if candidate.exists():
                return candidate
    return None
