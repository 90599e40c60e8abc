"""Benchmark and audit the review site in a real browser (headless Chromium, tests/browser).

Not a test. Two jobs:

* ``--spans OUT_DIR``: build the review site of a batch folder and click every value with a
  span on every role page. Prints, per value, whether the text the browser highlights equals
  the value after the contract's normalisation (``exact``), covers more than it (``inside``:
  a whole cell for one of its items, a heading with its value) or does not contain it
  (``differs``: the span points at other text — an extraction bug), and whether the highlight
  is exactly the span's text in the normalised Document (the viewer's own correctness).
  ``--list`` prints every value that is not exact.
* ``--load N``: make a batch folder of N roles (copies of OUT_DIR's roles under distinct file
  names, pointing at the same source files through symbolic links), build its site, and
  measure in the browser the batch page's load (wall time to ready, DOMContentLoaded, load)
  over several runs, its page weight, and the org page's load.

Needs ``npm ci --prefix tests/browser``. Example::

    .venv/bin/jdx batch ../shared/corpus -o /tmp/corpus-out
    .venv/bin/python benchmarks/review_bench.py --spans /tmp/corpus-out --list
    .venv/bin/python benchmarks/review_bench.py --load 5000 /tmp/corpus-out
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "tests" / "browser" / "review_check.mjs"
print = functools.partial(print, flush=True)  # noqa: A001 - progress shows while the browser runs


def run_browser(job: dict, work: Path) -> dict:
    job_file = work / "job.json"
    job_file.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(["node", str(HARNESS), str(job_file)], capture_output=True, text=True,
                          cwd=HARNESS.parent, check=False)
    if proc.returncode:
        sys.exit(proc.stderr[-3000:])
    return json.loads(proc.stdout)


def build(out_dir: Path, in_dir: Path | None = None) -> tuple[object, float]:
    from jdx.pipeline.review_site import ReviewSite

    started = time.perf_counter()
    site = ReviewSite(out_dir, in_dir=in_dir)
    site.write()
    return site, time.perf_counter() - started


def spans(out_dir: Path, show: bool) -> None:
    from jdx.pipeline.review_site.source import load_source, span_text
    from jdx.pipeline.review_site.values import review_values

    site, seconds = build(out_dir)
    print(f"site of {len(site.batch.roles)} roles built in {seconds:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = run_browser({"site": str(out_dir / "review"), "artefacts": tmp, "roles": "all"}, Path(tmp))
        browser_seconds = time.perf_counter() - started
    docs: dict[str, object] = {}
    statuses: Counter[str] = Counter()
    by_field: Counter[tuple[str, str]] = Counter()
    viewer_wrong = 0
    rows = []
    for entry in site.batch.roles:
        role = site.batch.role(entry)
        if entry.file not in docs:
            docs[entry.file] = load_source(site.batch.source_path(entry.file), entry.sha256, site.lexicon)
        doc = docs[entry.file]
        expected = {v.path: span_text(doc, v.span) for v in review_values(role) if v.span}
        for value in report["roles"].get(entry.id, {}).get("checked", []):
            if expected.get(value["path"]) is None:
                statuses["invalid"] += 1  # the span points outside the document: extraction's bug
                rows.append(("invalid", entry.file, role["title"], value["path"], value["text"], ""))
                continue
            if value["highlighted"] != expected.get(value["path"]):
                viewer_wrong += 1
                rows.append(("viewer", entry.file, role["title"], value["path"], str(expected.get(value["path"])),
                             value["highlighted"]))
            if value["group"] in ("unmapped", "evidence") or not value["text"]:
                continue
            statuses[value["status"]] += 1
            field = value["path"].split("[")[0]
            by_field[(field, value["status"])] += 1
            if value["status"] != "exact":
                rows.append((value["status"], entry.file, role["title"], value["path"], value["text"], value["highlighted"]))
    total = sum(statuses.values())
    print(f"{len(report['roles'])} role pages, {total} values with a span clicked in {browser_seconds:.0f} s; "
          f"external requests {len(report['external'])}, script errors {len(report['errors'])}")
    print(f"highlight ≠ the span's text in the Document: {viewer_wrong}")
    for status in ("exact", "inside", "differs", "invalid"):
        print(f"  {status:8} {statuses[status]:6}  {statuses[status] / max(total, 1):6.1%}")
    print("not exact, by field:")
    fields = sorted({f for f, _ in by_field}, key=lambda f: -(by_field[(f, "inside")] + by_field[(f, "differs")]))
    for field in fields:
        inside, differs = by_field[(field, "inside")], by_field[(field, "differs")]
        if inside or differs:
            print(f"  {field:40} inside {inside:5}  differs {differs:5}  exact {by_field[(field, 'exact')]:5}")
    if show:
        for status, file, title, path, text, highlighted in sorted(rows):
            print(f"{status}\t{file}\t{title}\t{path}\t{text[:60]!r}\t{highlighted[:60]!r}")


def synthetic(out_dir: Path, n: int, work: Path) -> Path:
    """A batch folder of ``n`` roles: out_dir's roles copied under distinct file names."""
    from jdx.pipeline.batch import MANIFEST, ROLES, SUMMARY, ManifestEntry, summarize

    summary = json.loads((out_dir / SUMMARY).read_text(encoding="utf-8"))
    src_in = Path(summary["in_dir"]).resolve()
    roles = [json.loads(line) for line in (out_dir / ROLES).read_text(encoding="utf-8").splitlines() if line.strip()]
    manifest = {json.loads(line)["path"]: json.loads(line)
                for line in (out_dir / MANIFEST).read_text(encoding="utf-8").splitlines() if line.strip()}
    in_dir, dest = work / "in", work / "out"
    dest.mkdir(parents=True)
    out_roles, entries, copy = [], [], 0
    while len(out_roles) < n:
        for path in sorted({r["source"]["file"] for r in roles}):
            name = f"copy{copy:03d}/{path}"
            link = in_dir / name
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(src_in / path)
            mine = [r for r in roles if r["source"]["file"] == path][: n - len(out_roles)]
            for r in mine:
                r = json.loads(json.dumps(r))
                r["id"] = f"{copy:03d}{r['id'][3:]}"
                r["source"]["file"] = name
                if len(out_roles) % 7 == 0:  # some roles needing review, as extraction will mark them
                    r["review"] = {"needed": True, "reasons": ["low_coverage"]}
                out_roles.append(r)
            entry = dict(manifest[path], path=name, roles=len(mine))
            entries.append(ManifestEntry.model_validate(entry))
            if len(out_roles) >= n:
                break
        copy += 1
    (dest / ROLES).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out_roles), encoding="utf-8")
    (dest / MANIFEST).write_text("".join(e.model_dump_json() + "\n" for e in entries), encoding="utf-8")
    s = summarize(entries, in_dir, dest, 0.0, 0, len(entries), [MANIFEST, ROLES, SUMMARY])
    (dest / SUMMARY).write_text(s.model_dump_json(indent=2), encoding="utf-8")
    return dest


def load(out_dir: Path, n: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dest = synthetic(out_dir, n, Path(tmp))
        site, seconds = build(dest)
        review = dest / "review"
        weight = sum(p.stat().st_size for p in [review / "index.html", *(review / "assets").iterdir()])
        org_weight = (review / "org.html").stat().st_size
        print(f"{len(site.batch.roles)} roles in {len(site.batch.manifest)} files: site built in {seconds:.1f} s "
              f"({seconds / len(site.batch.roles) * 1000:.1f} ms per role page), "
              f"{sum(1 for _ in (review / 'roles').iterdir())} role pages")
        report = run_browser({"site": str(review), "artefacts": tmp, "batch": True, "runs": runs, "org": {}}, Path(tmp))
    b = report["batch"]
    ready = [r["wall"] for r in b["runs"]]
    dcl = [r["domContentLoaded"] for r in b["runs"]]
    loaded = [r["load"] for r in b["runs"]]
    print(f"batch page weight: index.html + assets {weight / 1e6:.2f} MB; browser-decoded {b['runs'][-1]['transfer'] / 1e6:.2f} MB")
    print(f"batch page, {runs} runs (ms): ready median {statistics.median(ready):.0f} (max {max(ready)}), "
          f"DOMContentLoaded median {statistics.median(dcl):.0f}, load median {statistics.median(loaded):.0f}")
    print(f"counts shown: {b['dom']['counts']}, rows on first page {b['dom']['rows']}")
    print(f"org page: {org_weight / 1e6:.2f} MB, ready in {report['org']['wall']} ms, "
          f"{report['org']['organisations']} organisations; external requests {len(report['external'])}, "
          f"script errors {len(report['errors'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path, help="a folder written by jdx batch")
    parser.add_argument("--spans", action="store_true", help="audit every span in the browser")
    parser.add_argument("--list", action="store_true", help="with --spans: list every value that is not exact")
    parser.add_argument("--load", type=int, metavar="N", help="measure the batch page of an N-role batch")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.spans:
        spans(args.out_dir, args.list)
    if args.load:
        load(args.out_dir, args.load, args.runs)


if __name__ == "__main__":
    main()
