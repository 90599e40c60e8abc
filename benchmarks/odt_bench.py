"""The ODT reader against its floor, warm, in paired rounds.

    .venv/bin/python benchmarks/odt_bench.py [--roles 140] [--rounds 7]

There is no ODT in the corpus and no LibreOffice on the test machines, so the document is
built the way ``tests/extractors/test_odt.py`` builds its own: ``--roles`` role cards (a
heading, a role card table with merged cells, a list of 12 duties labelled ``（一）``…, a
qualifications line) in one package. The floor is what any reader pays: unzip
``content.xml``, parse it with lxml and walk its text. Per round both run once, in rotating
order; printed are the medians and the median of the per-round ratios. Figures, never
assertions.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extractors"))


def compilation(roles: int) -> bytes:
    from test_odt import DUTY_LIST_STYLE, ROLE_CARD, odt

    duties = "".join(f"<text:list-item><text:p>负责第{i}项工作，按时完成<text:span>上级</text:span>交办的任务。"
                     "</text:p></text:list-item>" for i in range(12))
    card = (f'<text:h text:outline-level="1">岗位说明书</text:h>{ROLE_CARD}<text:p>岗位职责：</text:p>'
            f'<text:list text:style-name="L1">{duties}</text:list><text:p>任职资格：大专以上学历。</text:p>')
    return odt(card * roles, automatic_styles=DUTY_LIST_STYLE)


def floor(data: bytes) -> int:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    return sum(len(text) for text in root.itertext())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roles", type=int, default=140)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    from jdx.extractors import read_document

    data = compilation(args.roles)
    variants = {"floor": lambda: floor(data), "reader": lambda: read_document(data)}
    for run in variants.values():  # warm: imports, compiled patterns
        run()
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    for r in range(args.rounds):
        names = list(variants)[r % 2:] + list(variants)[:r % 2]
        for name in names:
            started = time.perf_counter()
            variants[name]()
            seconds[name].append(time.perf_counter() - started)
    ratios = [reader / base for reader, base in zip(seconds["reader"], seconds["floor"], strict=True)]
    blocks = len(read_document(data).blocks)
    print(f"{args.roles} role cards, {len(data):,} bytes, {blocks:,} blocks")
    for name, values in seconds.items():
        print(f"  {name:<7} median {statistics.median(values) * 1000:8.1f} ms")
    print(f"  reader / floor: median of paired ratios {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
