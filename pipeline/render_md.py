"""A readable Markdown rendering of role records: ``jdx convert --to md``.

One section per role: the title as a heading, the role's facts as a short list, then its
duties, qualifications, KPIs (a table), authorities, contacts and other sections, and a source
line. Values are printed as written; only what would break the Markdown structure is escaped
(a ``|`` or a line break inside a table cell, a line break inside a list item). Empty fields
are left out. The labels are the ones a Chinese job description uses, so the rendering reads
like the document it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..schemas.role import KPI, ConvertResult, PeriodTargets, Qualifications, Role, TextTarget


def _label(key: str) -> str:
    """A heading or fact label, as worded in zh_texts.toml [markdown]."""
    from .zh_texts import zh_texts

    return zh_texts().markdown[key]




def render_result(result: ConvertResult) -> str:
    """Every role of one converted file; a file without roles says so in one line."""
    if not result.roles:
        reason = f"{result.error.code}: {result.error.message}" if result.error else _label("no_roles")
        return f"<!-- {_comment(result.file)}: {_comment(reason)} -->\n"
    return "\n\n".join(render_role(role) for role in result.roles) + "\n"


def render_role(role: Role) -> str:
    parts = [f"# {_line(role.title)}"]
    facts = list(_facts(role))
    if facts:
        parts.append("\n".join(facts))
    if role.purpose:
        parts.append(f"## {_label('purpose')}\n\n{role.purpose}")
    parts.extend(_sections(role))
    source = role.source
    pages = ", " + _label("pages").format(n=source.pages) if source.pages else ""
    parts.append(f"*{_label('source')}：{_line(source.file)}（{source.format}{pages}，"
                 f"{source.role_index + 1}/{source.role_count}）*")
    return "\n\n".join(parts)


def _facts(role: Role) -> Iterator[str]:
    scalars = (("organization", role.organization), ("department", role.department), ("code", role.code),
               ("grade", role.grade), ("headcount", role.headcount), ("category", role.category),
               ("employment_type", role.employment_type))
    for key, value in scalars:
        if value not in (None, ""):
            yield f"- **{_label(key)}**：{_line(str(value))}"
    lists = (("reports_to", role.reporting.reports_to), ("direct_reports", role.reporting.direct_reports),
             ("location", role.location))
    for key, values in lists:
        if values:
            yield f"- **{_label(key)}**：{'、'.join(_line(v) for v in values)}"


def _sections(role: Role) -> Iterator[str]:
    if role.duties:
        yield f"## {_label('duties')}\n\n" + "\n".join(_duties(role))
    qualifications = list(_qualifications(role.qualifications))
    if qualifications:
        yield f"## {_label('qualifications')}\n\n" + "\n".join(qualifications)
    if role.kpis:
        title = f"## {_label('kpis')}" + (f"：{_line(role.kpi_table_title)}" if role.kpi_table_title else "")
        yield title + "\n\n" + _kpi_table(role.kpis)
    for key, values in (("authorities", role.authorities), ("equipment", role.equipment),
                        ("benefits", role.benefits)):
        if values:
            yield f"## {_label(key)}\n\n" + _bullets(values)
    contacts = [(_label(k), v) for k, v in (("internal", role.contacts.internal),
                                            ("external", role.contacts.external)) if v]
    if contacts:
        yield f"## {_label('contacts')}\n\n" + "\n".join(
            f"- **{label}**：{'、'.join(_line(v) for v in values)}" for label, values in contacts)
    for key, text in (("compensation", role.compensation), ("work_conditions", role.work_conditions)):
        if text:
            yield f"## {_label(key)}\n\n{text}"
    for section in role.other_sections:
        yield f"## {_line(section.heading)}\n\n{section.text}"


def _duties(role: Role) -> Iterator[str]:
    category: str | None = None
    for n, duty in enumerate(role.duties, start=1):
        if duty.category and duty.category != category:
            category = duty.category
            yield f"\n**{_line(category)}**\n"
        extras = [x for x in (duty.frequency, "；".join(duty.metrics) if duty.metrics else None) if x]
        tail = f"（{_line('；'.join(extras))}）" if extras else ""
        yield f"{n}. {_item(duty.text)}{tail}"


def _qualifications(q: Qualifications) -> Iterator[str]:
    for key, value in (("education", q.education.text if q.education else None),
                       ("age", q.age.text if q.age else None), ("gender", q.gender),
                       ("experience", q.experience.text if q.experience else None)):
        if value:
            yield f"- **{_label(key)}**：{_item(value)}"
    for key in ("majors", "skills", "qualities", "knowledge", "certifications", "training", "special", "preferred"):
        values = getattr(q, key)
        if values:
            yield f"- **{_label(key)}**：" + ("；".join(_item(v) for v in values))


def _kpi_table(kpis: list[KPI]) -> str:
    periods = [p for p in ("month", "quarter", "half_year", "year")
               if any(isinstance(k.targets, PeriodTargets) and getattr(k.targets, p) for k in kpis)]
    has_text = any(isinstance(k.targets, TextTarget) for k in kpis)
    header = [_label("kpi_name"), _label("weight"), *(_label(p) for p in periods)]
    header += [_label("target")] if has_text else []
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for kpi in kpis:
        weight = f"{kpi.weight_pct:g}%" if kpi.weight_pct is not None else ""
        cells = [kpi.name, weight]
        cells += [(getattr(kpi.targets, p) or "") if isinstance(kpi.targets, PeriodTargets) else "" for p in periods]
        cells += [kpi.targets.text if isinstance(kpi.targets, TextTarget) else ""] if has_text else []
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows)


def _bullets(values: Iterable[str]) -> str:
    return "\n".join(f"- {_item(v)}" for v in values)


def _line(text: str) -> str:
    """One line: inside a heading or a fact a line break would end it."""
    return " ".join(text.split("\n"))


def _item(text: str) -> str:
    """A list item's text: continuation lines indented so they stay in the item."""
    return "\n   ".join(text.split("\n"))


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _comment(text: str) -> str:
    return text.replace("--", "—")
