"""A role's values as the review page lists them: label, text, and the span it was read from.

Every value the role contract holds is listed once, in reading order of a 岗位说明书 (basic
information, reporting, duties, authorities, qualifications, KPIs, pay, other sections), with
the span from ``Role.evidence`` (``authorities[2]``, or the whole list ``qualifications.skills``
for every item of it), or the span duties, KPIs, other sections and unmapped text carry
themselves. Evidence keys no group claims are listed at the end, so no span is hidden.

:func:`span_status` compares a value with the source text its span covers, after the
contract's normalisation (:func:`comparable`): ``exact`` when they are the same text, ``inside``
when the span covers more than the value (a whole table cell for one of its items), ``differs``
otherwise; ``invalid`` when the span points outside the document. The review page's script repeats the same comparison on the text it highlights.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel

from ...schemas.role import field_value
from ..zh_texts import zh_texts

Status = Literal["exact", "inside", "differs", "invalid", "nospan", "none"]

# List labels the contract removes from values (一、 1. (1) （一） ① ·) and that a span may still cover.
LEADING_LABEL = re.compile(
    r"^(?:第[一二三四五六七八九十百\d]+[条章节项]|[一二三四五六七八九十]+[、.．]|\d{1,3}[、.．)）](?!\d)"
    r"|[（(][一二三四五六七八九十\d]{1,3}[)）]|[\u2460-\u2473\u2776-\u277f]|[·•\-*])"
)

SCALARS = ("title", "code", "organization", "department", "grade", "headcount", "category", "employment_type",
           "purpose")
REPORTING_LISTS = ("reporting.reports_to", "reporting.direct_reports", "reporting.substitutes",
                   "reporting.rotations", "reporting.promotions")
SUPERVISION = ("reporting.supervision.direct_positions", "reporting.supervision.direct_headcount",
               "reporting.supervision.indirect_positions", "reporting.supervision.indirect_headcount")
QUALIFICATION_OBJECTS = ("qualifications.education", "qualifications.age", "qualifications.experience")
QUALIFICATION_LISTS = ("qualifications.majors", "qualifications.skills", "qualifications.qualities",
                       "qualifications.knowledge", "qualifications.certifications", "qualifications.training",
                       "qualifications.special", "qualifications.preferred")
GROUP_TITLES = {
    "basic": "基本信息", "reporting": "汇报关系", "duties": "岗位职责", "authorities": "岗位权限",
    "qualifications": "任职资格", "contacts": "工作关系", "kpis": "考核指标", "pay": "薪酬福利",
    "other": "其他内容", "unmapped": "未归入字段的原文", "evidence": "其他出处",
}
OBJECT_LABELS = {"qualifications.education": "学历要求", "qualifications.age": "年龄要求",
                 "qualifications.experience": "工作经验", "salary": "薪资"}


class ReviewValue(BaseModel):
    """One clickable value of the role page."""

    group: str
    path: str
    label: str
    text: str
    span: dict | None = None
    status: Status = "none"


def comparable(text: str) -> str:
    """Text as the contract compares it: NFKC (full-width forms half-width), no whitespace, no
    list label in front, no punctuation at either end (a span may include the 。 or ； that
    closes a sentence; the value does not)."""
    text = "".join(unicodedata.normalize("NFKC", text).split())
    text = LEADING_LABEL.sub("", text, count=1)
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start]).startswith(("P", "S")):
        start += 1
    while end > start and unicodedata.category(text[end - 1]).startswith(("P", "S")):
        end -= 1
    return text[start:end]


def span_status(value: str, source: str | None) -> Status:
    """``source`` is None when the span points outside the document (``invalid``)."""
    if source is None:
        return "invalid"
    want, got = comparable(value), comparable(source)
    if not want:
        return "none"
    if want == got:
        return "exact"
    return "inside" if want in got else "differs"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Collector:
    def __init__(self, role: dict) -> None:
        self.role = role
        self.evidence: dict[str, dict] = dict(role.get("evidence") or {})
        self.used: set[str] = set()
        self.values: list[ReviewValue] = []
        self.texts = zh_texts()

    def span(self, *keys: str) -> dict | None:
        for key in keys:
            if key in self.evidence:
                self.used.add(key)
                return self.evidence[key]
        return None

    def add(self, group: str, path: str, label: str, text: str, span: dict | None) -> None:
        self.values.append(ReviewValue(group=group, path=path, label=label, text=text, span=span))

    def scalar(self, group: str, path: str) -> None:
        value = field_value(self.role, path)
        span = self.span(path)
        if value is None and span is None:
            return
        self.add(group, path, self.texts.column(path), "" if value is None else _text(value), span)

    def items(self, group: str, path: str) -> None:
        label = self.texts.column(path)
        for i, item in enumerate(field_value(self.role, path) or []):
            self.add(group, f"{path}[{i}]", label, _text(item), self.span(f"{path}[{i}]", path))
        self.span(path)  # a whole-list span with no items left is still accounted for

    def obj(self, group: str, path: str) -> None:
        value = field_value(self.role, path)
        span = self.span(path)
        if value is None and span is None:
            return
        label = OBJECT_LABELS.get(path) or self.texts.column(path)
        self.add(group, path, label, (value or {}).get("text", ""), span)


def review_values(role: dict) -> list[ReviewValue]:
    """Every value of a role with its span, grouped for the role page."""
    c = _Collector(role)
    for path in SCALARS:
        c.scalar("basic", path)
    for path in REPORTING_LISTS:
        c.items("reporting", path)
    for path in SUPERVISION:
        c.scalar("reporting", path)
    for i, duty in enumerate(role.get("duties", [])):
        c.add("duties", f"duties[{i}]", f"{i + 1}", duty["text"], duty.get("span"))
    c.items("authorities", "authorities")
    c.items("authorities", "equipment")
    for path in QUALIFICATION_OBJECTS:
        c.obj("qualifications", path)
    c.scalar("qualifications", "qualifications.gender")
    for path in QUALIFICATION_LISTS:
        c.items("qualifications", path)
    c.items("contacts", "contacts.internal")
    c.items("contacts", "contacts.external")
    c.scalar("kpis", "kpi_table_title")
    for i, kpi in enumerate(role.get("kpis", [])):
        c.add("kpis", f"kpis[{i}]", f"{i + 1}", kpi["name"], kpi.get("span"))
    c.scalar("pay", "compensation")
    c.obj("pay", "salary")
    c.items("pay", "benefits")
    c.items("pay", "location")
    c.scalar("pay", "work_conditions")
    for i, section in enumerate(role.get("other_sections", [])):
        c.add("other", f"other_sections[{i}]", section["heading"], section["text"], section.get("span"))
    for i, item in enumerate(role.get("unmapped", [])):
        c.add("unmapped", f"unmapped[{i}]", f"{i + 1}", item["text"], item.get("span"))
    for key in c.evidence:
        if key not in c.used:  # evidence of a field no group above lists
            c.add("evidence", key, key, _text(field_value(role, key.split("[")[0]) or ""), c.evidence[key])
    return c.values


def with_status(values: list[ReviewValue], source_text) -> list[ReviewValue]:
    """Set each value's :data:`Status` from ``source_text(span)`` (None when the span points nowhere)."""
    out = []
    for value in values:
        if value.span is None:
            status: Status = "nospan"
        elif (source := source_text(value.span)) is None:
            status = "invalid"  # outside the document, or ending before it starts
        elif value.group in ("unmapped", "evidence") or not value.text:
            status = "none"
        else:
            status = span_status(value.text, source)
        out.append(value.model_copy(update={"status": status}))
    return out
