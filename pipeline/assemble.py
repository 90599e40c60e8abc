"""Build one :class:`Role` from a segmented draft: labels to their fields, sections to their
extractors, and everything left to ``other_sections`` or ``unmapped`` — nothing is dropped.

Each value keeps the span it was read from (``Role.evidence`` for scalars and list items,
``span`` on duties and KPIs), and the role's ``coverage`` says what share of its text went
into fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..schemas.role import (
    Contacts,
    OtherSection,
    Reporting,
    Role,
    Source,
    Span,
    Unmapped,
    Warning,
)
from .fields.duties import extract_duties
from .fields.kpis import extract_kpis, weights_warning
from .fields.qualifications import QualificationBuilder
from .fields.reporting import parse_count, parse_promotions, parse_superiors, parse_supervision
from .fields.values import clean_item, clean_value, split_names
from .lexicon import Lexicon
from .pieces import NAME_FIELDS, Kind, Piece
from .sections import Tagged, tag_sections
from .segment import RoleDraft
from .titles import clean_title, is_position_name, split_organization

TEXT_SECTIONS = ("purpose", "compensation", "work_conditions")
LIST_SECTIONS = ("authorities", "equipment")
OTHER_SECTIONS = ("other", "org_position", "career")
LIST_LABELS = {"qualifications." + f for f in ("skills", "qualities", "knowledge", "certifications", "training",
                                                "special", "majors")}
SENTENCE = re.compile(r"[。!?！？]")


@dataclass
class RoleContext:
    """What the caller knows about the file the role comes from."""

    file: str
    format: str
    sha256: str
    encoding: str | None
    pages: int | None


@dataclass
class Acc:
    """Mutable accumulator for one role's values while pieces are dispatched."""

    scalars: dict[str, str | int | None] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)
    evidence: dict[str, Span] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    other: list[OtherSection] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    empty_labels: dict[str, str] = field(default_factory=dict)


def resolve_dangling_labels(pieces: list[Piece]) -> list[Piece]:
    """A label alone on its line takes the next line as its value (forms flattened one cell
    per line: ``直接上司`` / ``管理处经理``)."""
    out: list[Piece] = []
    skip = False
    for i, piece in enumerate(pieces):
        if skip:
            skip = False
            continue
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        last_on_line = piece.alone or (nxt is not None and nxt.alone and _other_line(piece, nxt))
        if (piece.kind == Kind.LABEL and not piece.text and last_on_line and nxt is not None
                and nxt.kind == Kind.TEXT and (nxt.alone or nxt.line_start and piece.key in NAME_FIELDS)
                and _fits_label(piece.key, nxt.text)):
            out.append(Piece(Kind.LABEL, nxt.text, nxt.span, key=piece.key, name=piece.name, alone=True,
                             follows_furniture=piece.follows_furniture))
            skip = True
            continue
        out.append(piece)
    return out


def _other_line(a: Piece, b: Piece) -> bool:
    return (a.span.block, a.span.row, a.span.col) != (b.span.block, b.span.row, b.span.col)


def _fits_label(key: str | None, text: str) -> bool:
    if key is None or key in ("title",) and not text:
        return False
    if key in NAME_FIELDS:
        return len(text) <= 24 and not SENTENCE.search(text)
    return True


DEPARTMENT_ENDINGS = ("部门", "中心", "部", "科室", "处")


def build_role(draft: RoleDraft, index: int, count: int, ctx: RoleContext, lexicon: Lexicon,
               classify, name_position=None) -> Role:
    tagged = tag_sections(draft, lexicon.frequency_words, lexicon.duty_verbs)
    acc = Acc()
    quals = QualificationBuilder()
    reporting = Reporting()
    contacts = Contacts()
    authorities: list[str] = []
    equipment: list[str] = []

    title, org = _title_and_org(draft, lexicon, acc)
    if (title and name_position is not None and not draft.label_title and title.endswith(DEPARTMENT_ENDINGS)
            and not is_position_name(title, lexicon, 30)):
        # "客服中心部门岗位职务说明书" names a department; the role is the position its text names.
        stem = title
        for ending in DEPARTMENT_ENDINGS:
            stem = stem.removesuffix(ending)
        named = name_position([p.text for p in draft.pieces if p.kind in (Kind.TEXT, Kind.ITEM)], stem)
        if named:
            acc.scalars.setdefault("department", title)
            title = named

    list_target: str | None = None
    list_section: str | None = None
    for section, piece in tagged:
        if piece.kind == Kind.TITLE:
            acc.used.add(id(piece))
            continue
        if piece.kind == Kind.HEADING:
            list_target = None
            if section in OTHER_SECTIONS or section in ("basic_info", "reporting") or (section or "").startswith("contacts"):
                acc.used.add(id(piece))
            continue
        if list_target and section != list_section:
            list_target = None
        if piece.kind == Kind.LABEL:
            if section in ("contacts.internal", "contacts.external") and piece.key and piece.key.startswith("reporting."):
                # "上级: 各公司领导" under 工作中接触到的…: a contact, not the reporting line
                side = "contacts.external" if section == "contacts.external" else "contacts.internal"
                acc.used.add(id(piece))
                piece = replace(piece, key=side)
            list_target = _label(piece, acc, quals, reporting, contacts, equipment, lexicon)
            list_section = section
            continue
        if section == "qualifications" and piece.kind in (Kind.ITEM, Kind.TEXT):
            if list_target and (piece.kind == Kind.ITEM or piece.line_start):
                quals.add_item(list_target.split(".")[-1], piece.text)
                acc.used.add(id(piece))
            elif quals.add_unlabelled(piece.text, classify):
                acc.used.add(id(piece))
            continue
        if section in TEXT_SECTIONS and piece.kind in (Kind.TEXT, Kind.ITEM):
            acc.texts.setdefault(section, []).append(piece.text)
            acc.evidence.setdefault(section, piece.span)
            acc.used.add(id(piece))
            continue
        if section in LIST_SECTIONS and piece.kind in (Kind.TEXT, Kind.ITEM):
            target = authorities if section == "authorities" else equipment
            items = _list_items(piece, section)
            for item in items:
                if item not in target:
                    acc.evidence[f"{section}[{len(target)}]"] = piece.span
                    target.append(item)
            acc.used.add(id(piece))
            continue
        if section in ("contacts.internal", "contacts.external") and piece.kind in (Kind.TEXT, Kind.ITEM):
            target = contacts.internal if section == "contacts.internal" else contacts.external
            for name in _contact_names(piece.text):
                if name not in target:
                    acc.evidence[f"{section}[{len(target)}]"] = piece.span
                    target.append(name)
            acc.used.add(id(piece))
            continue
        if section == "contacts" and piece.kind in (Kind.TEXT, Kind.ITEM):
            continue  # unlabelled contact lines stay in unmapped: inside or outside is not said
        if section == "reporting" and piece.kind == Kind.TEXT:
            before = reporting.supervision
            reporting.supervision = parse_supervision(piece.text, reporting.supervision)
            if reporting.supervision is not before or "督导" in piece.text:
                acc.used.add(id(piece))
            continue

    duty_result = extract_duties(tagged, lexicon)
    acc.used |= duty_result.used
    kpi_result = extract_kpis([p for s, p in tagged if s == "kpis"])
    acc.used |= kpi_result.used

    for section, piece in tagged:
        if section == "career" and piece.kind in (Kind.TEXT, Kind.ITEM):
            for name in parse_promotions(piece.text):
                if name not in reporting.promotions:
                    reporting.promotions.append(name)
                    acc.evidence[f"reporting.promotions[{len(reporting.promotions) - 1}]"] = piece.span

    _other_sections(tagged, acc, duty_result.rules)
    unmapped = [Unmapped(text=p.text, span=p.span) for s, p in tagged
                if id(p) not in acc.used and p.text.strip() and p.kind != Kind.HEADING]

    scalars = acc.scalars
    purpose = _joined(acc.texts.get("purpose")) or scalars.get("purpose")
    role = Role(
        id=f"{ctx.sha256[:16]}-{index:03d}",
        title=title or "",
        code=scalars.get("code"),
        organization=org or scalars.get("organization"),
        department=scalars.get("department"),
        grade=scalars.get("grade"),
        headcount=scalars.get("headcount"),
        category=scalars.get("category"),
        purpose=purpose,
        reporting=reporting,
        duties=duty_result.duties,
        authorities=authorities,
        equipment=equipment,
        qualifications=quals.build(),
        contacts=contacts,
        kpis=kpi_result.kpis,
        kpi_table_title=kpi_result.title,
        compensation=_joined(acc.texts.get("compensation")) or scalars.get("compensation"),
        work_conditions=_joined(acc.texts.get("work_conditions")) or scalars.get("work_conditions"),
        other_sections=acc.other,
        unmapped=unmapped,
        source=Source(file=ctx.file, format=ctx.format, sha256=ctx.sha256, encoding=ctx.encoding,
                      pages=ctx.pages, role_index=index, role_count=count),
        warnings=acc.warnings,
        evidence=acc.evidence,
    )
    if kpi_result.title_span:
        role.evidence["kpi_table_title"] = kpi_result.title_span
    for key, name in acc.empty_labels.items():
        if not _has_value(role, key):
            role.warnings.append(Warning(code="empty_label", message=f"label {name} has no value", field=key))
    return _finish(role, draft, acc)


def _has_value(role: Role, path: str) -> bool:
    value: object = role
    for part in path.split("."):
        value = getattr(value, part, None)
    return value not in (None, "", [], {})


def _title_and_org(draft: RoleDraft, lexicon: Lexicon, acc: Acc) -> tuple[str | None, str | None]:
    title = draft.title
    org = draft.organization
    if title:
        org2, rest = split_organization(title, lexicon)
        if org2 and rest:
            org, title = org or org2, rest
    if draft.title_piece is not None:
        acc.evidence["title"] = draft.title_piece.span
        acc.used.add(id(draft.title_piece))
    if draft.organization_piece is not None and org:
        acc.evidence["organization"] = draft.organization_piece.span
        acc.used.add(id(draft.organization_piece))
    return (clean_title(title) if title else None), org


def _label(piece: Piece, acc: Acc, quals: QualificationBuilder, reporting: Reporting, contacts: Contacts,
           equipment: list[str], lexicon: Lexicon) -> str | None:
    """Put a labelled value into its field; return the list field that following items extend."""
    key, raw = piece.key, piece.text
    value = clean_value(raw)
    if key is None:
        if value:
            acc.other.append(OtherSection(heading=piece.name or "", text=value, span=piece.span))
        acc.used.add(id(piece))
        return None
    acc.used.add(id(piece))
    if key in ("title", "duties", "duties.category"):
        return None
    if value is None:
        if key in LIST_LABELS:
            return key
        if key in ("reporting.supervision",) or raw.strip():
            return None  # "直接下级: 无" states that there is none; it is not a blank
        acc.empty_labels.setdefault(key, piece.name or key)
        return None
    if key in ("code", "department", "grade", "category", "organization"):
        if acc.scalars.get(key) is None:
            acc.scalars[key] = clean_title(value) if key == "department" else value
            acc.evidence[key] = piece.span
    elif key == "headcount":
        count = parse_count(value)
        if count is not None and acc.scalars.get(key) is None:
            acc.scalars[key] = count
            acc.evidence[key] = piece.span
    elif key in TEXT_SECTIONS:
        acc.texts.setdefault(key, []).append(value)
        acc.evidence.setdefault(key, piece.span)
    elif key == "reporting.reports_to":
        names = parse_superiors(value)
        for name in names:
            if name not in reporting.reports_to:
                acc.evidence[f"reporting.reports_to[{len(reporting.reports_to)}]"] = piece.span
                reporting.reports_to.append(name)
        if "汇报" in value:
            # "向经理汇报业务工作,向分公司经理汇报日常事务性工作": the names are kept above, the
            # division of matters only here.
            acc.other.append(OtherSection(heading=piece.name or key, text=value, span=piece.span))
    elif key.startswith("reporting.supervision"):
        if key == "reporting.supervision":
            reporting.supervision = parse_supervision(f"{piece.name}{value}", reporting.supervision)
        else:
            count = parse_count(value)
            if count is not None:
                reporting.supervision = reporting.supervision.model_copy(update={key.split(".")[-1]: count})
    elif key.startswith("reporting."):
        target = getattr(reporting, key.split(".")[1])
        for name in split_names(value):
            if name not in target:
                acc.evidence[f"{key}[{len(target)}]"] = piece.span
                target.append(name)
    elif key.startswith("qualifications."):
        field_name = key.split(".", 1)[1]
        if quals.add_labelled(field_name, raw if "\n" in raw else value):
            acc.evidence.setdefault(key, piece.span)
        else:
            acc.other.append(OtherSection(heading=piece.name or "", text=value, span=piece.span))
    elif key.startswith("contacts."):
        target = contacts.internal if key.endswith("internal") else contacts.external
        for name in split_names(value):
            if name not in target:
                acc.evidence[f"{key}[{len(target)}]"] = piece.span
                target.append(name)
    elif key == "equipment":
        for name in split_names(value):
            if name not in equipment:
                equipment.append(name)
    else:
        acc.other.append(OtherSection(heading=piece.name or key, text=value, span=piece.span))
    return None


REASON = re.compile(r"^(?:事由|原因|内容|目的)[:：]")
RELATION = re.compile(r"^(?:上级|同级|下级|平级|隔级领导|直接主管)[:：]")


def _contact_names(text: str) -> list[str]:
    """``同级:各装置(部门)`` → 各装置(部门); ``事由:工作联系`` names no one."""
    text = text.strip()
    if REASON.match(text):
        return []
    return split_names(RELATION.sub("", text))


def _list_items(piece: Piece, section: str) -> list[str]:
    text = clean_item(piece.text)
    if not text:
        return []
    if section == "equipment":
        return split_names(text)
    if piece.kind == Kind.ITEM:
        return [text]
    return [clean_item(p) for p in re.split(r"[。;；]\s*|\s{2,}", text) if clean_item(p)]


def _joined(texts: list[str] | None) -> str | None:
    if not texts:
        return None
    return clean_value("".join(t.strip() for t in texts))


def _other_sections(tagged: Tagged, acc: Acc, rules: list[Piece]) -> None:
    """Recognised headings without a field of their own keep their text in other_sections."""
    current: OtherSection | None = None
    for section, piece in tagged:
        if piece.kind == Kind.HEADING:
            current = None
            if section in OTHER_SECTIONS or section in ("basic_info", "reporting", "contacts"):
                current = OtherSection(heading=piece.name or section or "", text="", span=piece.span)
            continue
        if current is None or id(piece) in acc.used or piece.kind not in (Kind.TEXT, Kind.ITEM):
            continue
        if section in ("basic_info", "reporting", "contacts"):
            continue  # stray text there goes to unmapped
        current.text = (current.text + "\n" + piece.text).strip()
        acc.used.add(id(piece))
        if current not in acc.other:
            acc.other.append(current)
    if rules:
        acc.other.append(OtherSection(heading="考核办法", text="\n".join(p.text for p in rules), span=rules[0].span))
        acc.used.update(id(p) for p in rules)


def _finish(role: Role, draft: RoleDraft, acc: Acc) -> Role:
    total = sum(len(p.text) for p in draft.pieces if p.kind not in (Kind.HEADING,))
    unmapped = sum(len(u.text) for u in role.unmapped)
    others = sum(len(o.text) for o in role.other_sections)
    coverage = 1.0 if total == 0 else max(0.0, min(1.0, (total - unmapped - others) / total))
    warnings = list(role.warnings)
    if not role.title:
        warnings.append(Warning(code="no_title", message="no position title found", field="title"))
    if not role.duties:
        warnings.append(Warning(code="no_duties", message="no duties found", field="duties"))
    if (msg := weights_warning(role.kpis)) is not None:
        warnings.append(Warning(code="kpi_weights", message=msg, field="kpis"))
    if coverage < 0.5 and total > 50:
        warnings.append(Warning(code="low_coverage",
                                message=f"only {coverage:.0%} of the role's text went into fields"))
    return role.model_copy(update={"coverage": round(coverage, 3), "warnings": warnings})


def role_has_fields(role: Role) -> bool:
    """Whether extraction found anything beyond the title (roles without are not kept)."""
    q = role.qualifications
    return bool(
        role.duties or role.authorities or role.kpis or role.purpose or role.department or role.code
        or role.reporting.reports_to or role.reporting.direct_reports or q.education or q.experience or q.age
        or q.skills or q.knowledge or q.qualities or q.certifications or role.compensation
        or role.work_conditions or role.equipment or role.contacts.internal or role.contacts.external
    )

