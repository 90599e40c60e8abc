"""How far the review flag can be trusted, measured over every gold set.

For each gold role, the role's own field F1 (the shared scorer's rules, applied role by role);
then: of the roles that came out wrong (field F1 < 0.8) or should not exist (a predicted role
no gold role pairs with), how many carry ``review.needed``; of the roles that came out right
(F1 ≥ 0.95), how many are flagged anyway. The target (issue "Postings, prose…"): ≥ 90% of the
wrong ones flagged, ≤ 15% of the right ones.

    .venv/bin/python benchmarks/review_calibration.py [--verbose] [--shared]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD_SETS = [SHARED / "gold", SHARED / "gold-dev", ROOT / "tests" / "families" / "gold",
             ROOT / "tests" / "families" / "holdout" / "gold", ROOT / "samples" / "gold"]
WRONG, RIGHT = 0.8, 0.95


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def role_f1(score, gold_role: dict, pred_role: dict) -> float:
    tallies: dict[str, object] = defaultdict(score.Tally)
    for key, value in gold_role.items():
        if key not in score.IGNORED:
            score.score_value(key, value, pred_role.get(key), lambda top: tallies[top], "")
    total = score.Tally()
    for t in tallies.values():
        total.add(tp=t.tp, fp=t.fp, fn=t.fn)
    return total.prf()[2]


def calibrate(gold_dirs: list[Path], verbose: bool = False) -> tuple[Counter[str], list[str]]:
    """Per band (wrong / middle / right / spurious / missed), how many roles and how many flagged."""
    from jdx.pipeline.convert import convert_path
    from jdx.pipeline.evaluate import find_input

    score = _scorer()
    counts: Counter[str] = Counter()
    listing: list[str] = []
    for gold_dir in gold_dirs:
        for gold_file in sorted(gold_dir.rglob("*.gold.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            source = find_input(gold_file.parent, gold["file"])
            if source is None:
                continue
            preds = json.loads(convert_path(source).model_dump_json())["roles"]
            pairs = score.pair_roles(gold["roles"], preds)
            used = {p for _, p in pairs if p is not None}
            for gi, pi in pairs:
                if pi is None:
                    counts["missed"] += 1
                    continue
                f1 = role_f1(score, gold["roles"][gi], preds[pi])
                flagged = preds[pi]["review"]["needed"]
                band = "wrong" if f1 < WRONG else "right" if f1 >= RIGHT else "middle"
                counts[f"{band}"] += 1
                counts[f"{band}_flagged"] += flagged
                if verbose and ((band == "wrong") != flagged):
                    listing.append(f"{band:6} f1={f1:.2f} flagged={flagged} {source.name} #{pi} "
                                   f"{preds[pi]['title']!r} {preds[pi]['review']['reasons']}")
            if gold.get("complete_role_list", True):
                for pi, role in enumerate(preds):
                    if pi not in used:
                        counts["spurious"] += 1
                        counts["spurious_flagged"] += role["review"]["needed"]
                        if verbose and not role["review"]["needed"]:
                            listing.append(f"spurious unflagged {source.name} #{pi} {role['title']!r}")
    return counts, listing


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--shared", action="store_true", help="only the gold in ../shared (seeds, gold-dev)")
    args = parser.parse_args()
    counts, listing = calibrate(GOLD_SETS[:2] if args.shared else GOLD_SETS, args.verbose)
    wrong = counts["wrong"] + counts["spurious"]
    wrong_flagged = counts["wrong_flagged"] + counts["spurious_flagged"]
    print(f"roles F1 < {WRONG} or spurious: {wrong}, flagged {wrong_flagged} "
          f"({wrong_flagged / wrong:.0%})" if wrong else "no wrong roles")
    print(f"  of which F1 < {WRONG}: {counts['wrong']} (flagged {counts['wrong_flagged']}), "
          f"spurious: {counts['spurious']} (flagged {counts['spurious_flagged']})")
    print(f"roles F1 >= {RIGHT}: {counts['right']}, flagged {counts['right_flagged']} "
          f"({counts['right_flagged'] / counts['right']:.0%})" if counts["right"] else "no right roles")
    print(f"roles in between: {counts['middle']} (flagged {counts['middle_flagged']}); gold roles missed: {counts['missed']}")
    for line in listing:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
