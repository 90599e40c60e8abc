"""``jdx rules``: every registered rule, and where it fired over a set of documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import rules

SKIP_NAMES = {"manifest.tsv", "NOTES.md", "README.md"}


@dataclass
class RuleReport:
    rules: list[rules.Rule]
    files: dict[str, int] = field(default_factory=dict)   # rule -> files it fired on
    roles: dict[str, int] = field(default_factory=dict)   # rule -> roles it fired on
    documents: int = 0
    ran: bool = False


def documents(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.name not in SKIP_NAMES
                       and not p.name.endswith(".gold.json"))
        elif path.is_file():
            out.append(path)
    return out


def run_rules(paths: list[Path]) -> RuleReport:
    from .convert import convert_path

    report = RuleReport(rules=rules.all_rules())
    files = documents(paths)
    if not files:
        return report
    with rules.tracking() as tracker:
        for path in files:
            rules.set_context(file=str(path))
            convert_path(path)
    report.files = {name: len(found) for name, found in tracker.files.items()}
    report.roles = {name: len(found) for name, found in tracker.roles.items()}
    report.documents = len(files)
    report.ran = True
    return report


def format_report(report: RuleReport, only_zero: bool = False) -> str:
    lines = []
    width = max((len(r.name) for r in report.rules), default=10)
    if report.ran:
        lines.append(f"{'rule':{width}}  {'module':14} {'files':>6} {'roles':>6}  mechanism")
    else:
        lines.append(f"{'rule':{width}}  {'module':14}  mechanism")
    for rule in report.rules:
        files, roles = report.files.get(rule.name, 0), report.roles.get(rule.name, 0)
        if only_zero and files:
            continue
        summary = rule.summary if len(rule.summary) <= 110 else rule.summary[:107] + "..."
        if report.ran:
            lines.append(f"{rule.name:{width}}  {rule.module:14} {files:6d} {roles:6d}  {summary}")
        else:
            lines.append(f"{rule.name:{width}}  {rule.module:14}  {summary}")
    if report.ran:
        zero = sum(1 for r in report.rules if not report.files.get(r.name))
        lines.append(f"\n{len(report.rules)} rules over {report.documents} documents; {zero} never fired")
    else:
        lines.append(f"\n{len(report.rules)} rules")
    return "\n".join(lines) + "\n"
