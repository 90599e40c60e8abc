"""Reporting line: superiors, direct reports, supervision counts, substitutes, rotations,
promotions."""

from __future__ import annotations

import re

from ...schemas.role import Supervision
from .values import clean_value, split_names

# "按规定向经理汇报业务工作,向分公司经理汇报日常事务性工作" names two superiors.
REPORT_TO = re.compile(r"向([^,，;；。向]{1,20}?)(?:汇报|报告|负责)")
SUPERVISION = re.compile(r"(直接|间接)督导\s*(\d*)\s*个岗位\s*[,，]?\s*共\s*(\d*)\s*人")
# "直接下属4人,间接下属18人"
HEADCOUNTS = re.compile(r"(直接|间接)(?:下属|下级|督导|管理)(?:人数)?\s*[:：]?\s*(\d+)\s*人")
COUNT = re.compile(r"(\d+)")
PROMOTION = re.compile(r"(?:晋升|升迁|发展)(?:为|到|至|成为)([^。;；]{2,40})")


def parse_superiors(text: str) -> list[str]:
    value = clean_value(text)
    if not value:
        return []
    found = [clean_value(m.group(1)) for m in REPORT_TO.finditer(value)]
    found = [f for f in found if f]
    if found:
        return list(dict.fromkeys(found))
    return split_names(value)


def parse_supervision(text: str, supervision: Supervision) -> Supervision:
    """``直接督导 2 个岗位,共 6 人间接督导 个岗位,共 人`` → counts, empty blanks stay null."""
    update = {}
    for m in SUPERVISION.finditer(text):
        kind = "direct" if m.group(1) == "直接" else "indirect"
        if m.group(2):
            update[f"{kind}_positions"] = int(m.group(2))
        if m.group(3):
            update[f"{kind}_headcount"] = int(m.group(3))
    for m in HEADCOUNTS.finditer(text):
        kind = "direct" if m.group(1) == "直接" else "indirect"
        update.setdefault(f"{kind}_headcount", int(m.group(2)))
    return supervision.model_copy(update=update) if update else supervision


def parse_count(text: str) -> int | None:
    m = COUNT.search(text or "")
    return int(m.group(1)) if m else None


def parse_promotions(text: str) -> list[str]:
    """From prose: ``…有机会晋升为高级客户服务专员或者客户服务主管,…``."""
    out: list[str] = []
    for m in PROMOTION.finditer(text):
        for name in re.split(r"或者|或|和|以及|、|及", m.group(1)):
            name = re.split(r"[,，]", name)[0]
            value = clean_value(name)
            if value and len(value) <= 16 and value not in out:
                out.append(value)
    return out
