"""One role builder: a segmented draft in, one :class:`Role` out.

The builder owns one role's state — identity, scalar values, texts, lists, reporting,
contacts, qualifications, evidence, the pieces it used — and works in three steps:

1. :meth:`RoleBuilder.__init__` decides the role's identity (title, organization,
   department) once, from the draft, before any field is filled;
2. :meth:`RoleBuilder.fill` hands every piece to the handler registered for its label's field
   path (:data:`LABELS`) or its section (:data:`SECTIONS`), then runs the collectors that need
   the whole section (duties, KPIs, promotions, other sections);
3. :meth:`RoleBuilder.build` assembles the Role with its final id and index; text nobody used
   goes to ``unmapped`` — nothing is dropped.

Adding a field is one handler here (registered under the lexicon's field path or section
key) and one schema field; a test checks that every field path and section key of the
lexicon has a handler.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ..schemas.role import (
    KPI,
    Contacts,
    Duty,
    OtherSection,
    Reporting,
    Role,
    Salary,
    Source,
    Span,
    Unmapped,
    Warning,
)
from .fields.duties import extract_duties, stray_cells_warning
from .fields.kpis import extract_kpis, weights_warning
from .fields.pay import (
    MAX_PERK,
    parse_salary,
    pay_clause,
    perk_list,
    perks_in_prose,
    place_prose,
    split_benefits,
    split_places,
)
from .fields.qualifications import (
    QualificationBuilder,
    classify_label,
    clause_list_requirements,
    line_list_requirements,
    parse_experience,
)
from .fields.reporting import (
    counted_positions,
    parse_count,
    parse_promotions,
    parse_superiors,
    parse_supervision,
    superiors_in_sentence,
)
from .fields.values import clean_item, clean_value, split_label, split_names
from .lexicon import Lexicon
from .piece import Kind, Piece
from .rules import rule
from .sections import Tagged, tag_sections, wish_list_announced
from .segment import RoleDraft, department_of_line
from .titles import TitleParts, clean_title, is_position_name, split_organization, split_title

Classify = Callable[[str], str | None]
NamePosition = Callable[[list[str], str], str | None]

# Sections that only structure a role: their heading is used, their stray text is unmapped.
STRUCTURAL = ("basic_info", "reporting", "contacts", "org_position", "other", "career", "openings")
# A stray full stop left after a sentence's label ("工作地点在…。") is no text a person would miss.
WORDS = re.compile(r"\w")
TEXT_FIELDS = ("purpose", "compensation", "work_conditions")
LIST_FIELDS = ("authorities", "equipment", "benefits", "location")
QUAL_LISTS = {"qualifications." + f for f in ("skills", "qualities", "knowledge", "certifications", "training",
                                               "special", "majors", "preferred")}

H = TypeVar("H")


@dataclass
class DocContext:
    """What the builder knows about the document a role comes from."""

    file: str
    format: str
    sha256: str
    encoding: str | None
    pages: int | None
    lexicon: Lexicon
    classify: Classify
    name_position: NamePosition | None = None
    script: str = "simplified"
    ocr: bool = False
    organization: str | None = None        # named by the document as a whole (running header, blurb)


@dataclass
class Identity:
    title: str | None
    organization: str | None
    department: str | None
    headcount: int | None = None
    employment: str | None = None
    evidence: dict[str, Span] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)


class RoleBuilder:
    def __init__(self, draft: RoleDraft, doc: DocContext) -> None:
        self.draft = draft
        self.doc = doc
        self.lexicon = doc.lexicon
        self.tagged: Tagged = tag_sections(draft, doc.lexicon)
        self.scalars: dict[str, str | int | None] = {}
        self.texts: dict[str, list[str]] = {}
        self.lists: dict[str, list[str]] = {name: [] for name in LIST_FIELDS}
        self.reporting = Reporting()
        self.contacts = Contacts()
        self.quals = QualificationBuilder(doc.lexicon)
        # the shared sections' requirements written for every role (以上岗位均要求：…), when any
        self.common_requirements: RoleBuilder | None = None
        self.other: list[OtherSection] = []
        self.warnings: list[Warning] = []
        self.empty_labels: dict[str, str] = {}
        self.released: list[Piece] = []          # pieces that belong to no role (application blocks)
        self.leftovers: list[Unmapped] = []      # parts of used pieces that no field took
        self.company_text: list[Piece] = []      # of those, the ones about the employer (关于我们)
        self.duties: list[Duty] = []
        self.kpis: list[KPI] = []
        self.kpi_title: str | None = None
        self.identity = decide_identity(draft, doc)
        self.evidence: dict[str, Span] = dict(self.identity.evidence)
        self.labelled_by: dict[str, Piece] = {}  # the label piece that set a requirement field
        self.used: set[int] = set(self.identity.used)
        self.list_target: str | None = None
        self.list_section: str | None = None
        self.list_level: int | None = None  # the list level of an item that heads a nested list

    # -- step 2: fill ---------------------------------------------------------------------------
    def fill(self) -> RoleBuilder:
        for section, piece in self.tagged:
            self._dispatch(section, piece)
        for collector in COLLECTORS:
            collector(self)
        if self.identity.employment and self.draft.title_piece is not None:  # a label states it first
            self.set_scalar("employment_type", self.identity.employment, self.draft.title_piece)
        return self

    def _dispatch(self, section: str | None, piece: Piece) -> None:
        if piece.kind == Kind.TITLE:
            self.used.add(id(piece))
            return
        if piece.kind == Kind.HEADING:
            self.list_target = self.list_level = None
            if section in STRUCTURAL or (section or "").startswith("contacts"):
                self.used.add(id(piece))
            return
        if self.list_target and section != self.list_section:
            self.list_target = self.list_level = None
        if self.list_level is not None and piece.kind == Kind.ITEM and (piece.level or 0) <= self.list_level:
            self.list_target = self.list_level = None  # back in the list of the item that headed the sub-list
        if piece.kind == Kind.LABEL:
            if section in CONTACT_SECTIONS:  # the rule's question, asked of contacts' labels only
                piece = _contact_relation_label(section, piece) or piece
            elif section == "qualifications" and piece.key is None:
                piece = _requirement_sub_label(piece, self.lexicon) or piece
            handler = LABELS.get(piece.key or "") if piece.key else _other_label
            self.used.add(id(piece))
            self.list_target = (handler or _other_label)(self, piece)
            self.list_section, self.list_level = section, None
            return
        if piece.kind in (Kind.TEXT, Kind.ITEM) and section in SECTIONS:
            SECTIONS[section](self, piece, section)

    # -- recording helpers -----------------------------------------------------------------------
    def use(self, piece: Piece) -> None:
        self.used.add(id(piece))

    def set_scalar(self, key: str, value: str | int | None, piece: Piece) -> None:
        if value is not None and self.scalars.get(key) is None:
            self.scalars[key] = value
            self.evidence[key] = piece.span

    def add_to(self, target: list[str], path: str, items: list[str], piece: Piece) -> None:
        for item in items:
            if item and item not in target:
                self.evidence[f"{path}[{len(target)}]"] = piece.span
                target.append(item)

    def add_text(self, key: str, text: str, piece: Piece) -> None:
        self.texts.setdefault(key, []).append(text)
        self.evidence.setdefault(key, piece.span)

    def add_other(self, heading: str, text: str, piece: Piece) -> None:
        self.other.append(OtherSection(heading=heading, text=text, span=piece.span))

    # -- step 3: build ---------------------------------------------------------------------------
    def has_fields(self) -> bool:
        """Whether extraction found anything beyond the title (roles without are not kept)."""
        q = self.quals
        return bool(
            self.duties or self.lists["authorities"] or self.kpis or self.texts or self.scalars.get("code")
            or self.identity.department or self.reporting.reports_to or self.reporting.direct_reports
            or q.education or q.experience or q.age or any(q.lists[f] for f in ("skills", "knowledge", "qualities",
                                                                               "certifications", "preferred"))
            or self.lists["equipment"] or self.contacts.internal or self.contacts.external)

    def build(self, index: int, count: int) -> Role:
        ident = self.identity
        salary = self._salary()
        role = Role(
            id=f"{self.doc.sha256[:16]}-{index:03d}",
            title=ident.title or "",
            code=_str(self.scalars.get("code")),
            organization=ident.organization,
            department=ident.department,
            grade=_str(self.scalars.get("grade")),
            headcount=_int(self.scalars.get("headcount")) or ident.headcount,
            category=_str(self.scalars.get("category")),
            purpose=self._joined("purpose", "\n"),
            reporting=self.reporting,
            duties=self.duties,
            authorities=self.lists["authorities"],
            equipment=self.lists["equipment"],
            qualifications=self.quals.build(),
            contacts=self.contacts,
            kpis=self.kpis,
            kpi_table_title=self.kpi_title,
            compensation=self._joined("compensation", "；"),
            salary=salary,
            benefits=self.lists["benefits"],
            location=self.lists["location"],
            employment_type=_str(self.scalars.get("employment_type")),
            work_conditions=self._joined("work_conditions", "\n"),
            other_sections=self.other,
            unmapped=self._unmapped(),
            source=Source(file=self.doc.file, format=self.doc.format, sha256=self.doc.sha256,  # type: ignore[arg-type]
                          encoding=self.doc.encoding, pages=self.doc.pages, role_index=index, role_count=count,
                          script=self.doc.script, ocr=self.doc.ocr),  # type: ignore[arg-type]
            warnings=self.warnings,
            evidence=self.evidence,
        )
        return _finish(role, self)

    def _joined(self, key: str, separator: str = "") -> str | None:
        texts = self.texts.get(key)
        if not texts:
            return None
        parts = [t.strip() for t in texts if t.strip()]
        if not separator or len(parts) < 2:
            return clean_value("".join(parts), self.lexicon)
        if separator == "\n":  # lines kept apart: clean_value would run them together, so one by one
            return "\n".join(v for p in parts if (v := clean_value(clean_item(p), self.lexicon))) or None
        return clean_value(separator.join(c for p in parts if (c := clean_item(p))), self.lexicon)

    def _salary(self) -> Salary | None:
        texts = self.texts.get("compensation")
        return parse_salary(" ".join(texts), self.lexicon) if texts else None

    def keep_unsorted(self, piece: Piece) -> None:
        """The clauses of ``piece`` that no requirement field took stay, with their spans, as unmapped."""
        at = 0
        for clause in self.quals.unsorted:
            start = piece.text.find(clause, at)
            if start < 0:
                continue
            span = piece.loc.narrow(start, start + len(clause)).span()
            at = start + len(clause)
            if not self.texts.get("compensation") and pay_clause(clause, self.lexicon):
                self.texts["compensation"] = [clause]
                self.evidence["compensation"] = span
            else:
                self.leftovers.append(Unmapped(text=clause, span=span))
        self.quals.unsorted.clear()

    def _unmapped(self) -> list[Unmapped]:
        released = {id(p) for p in self.released}
        return [Unmapped(text=p.text, span=p.span) for _s, p in self.tagged
                if id(p) not in self.used and id(p) not in released and WORDS.search(p.text)
                and p.kind != Kind.HEADING] + self.leftovers


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None


# --- step 1: identity ----------------------------------------------------------------------------

def decide_identity(draft: RoleDraft, doc: DocContext) -> Identity:
    lex = doc.lexicon
    ident = Identity(title=None, organization=draft.organization, department=None)
    parts = _title_parts(draft, ident, lex)
    ident.title, ident.headcount, ident.employment = parts.title or None, parts.headcount, parts.employment
    if draft.title_piece is not None:
        ident.evidence["title"] = draft.title_piece.span
        ident.used.add(id(draft.title_piece))
    if draft.organization_piece is not None and ident.organization:
        ident.evidence["organization"] = draft.organization_piece.span
        ident.used.add(id(draft.organization_piece))
    for key in ("department", "organization"):
        piece = _first_label(draft, key, lex)
        if piece is not None and getattr(ident, key) is None:
            value = clean_value(piece.text, lex)
            setattr(ident, key, clean_title(value, lex) if key == "department" and value else value)
            ident.evidence[key] = piece.span
    if ident.department is None and draft.department_piece is not None:
        ident.department = department_of_line(draft.department_piece.text, lex)
        ident.evidence["department"] = draft.department_piece.span
        ident.used.add(id(draft.department_piece))
    ident.organization = ident.organization or draft.heading_employer  # what the role states first
    ident.department = ident.department or draft.heading_team
    ident.organization = _full_company(ident.organization, doc.organization) or ident.organization or doc.organization
    named = _department_titled(draft, ident, doc)
    if named is not None:
        ident.department = ident.department or ident.title
        ident.title = named
    return ident


def _title_parts(draft: RoleDraft, ident: Identity, lexicon: Lexicon) -> TitleParts:
    title = draft.title or ""
    if title:
        org, rest = split_organization(title, lexicon)
        if org and rest:
            ident.organization, title = ident.organization or org, rest
    return split_title(title, lexicon) if title else TitleParts(title="")


def _first_label(draft: RoleDraft, key: str, lexicon: Lexicon) -> Piece | None:
    return next((p for p in draft.pieces if p.kind == Kind.LABEL and p.key == key and clean_value(p.text, lexicon)),
                None)


@rule
def _full_company(body: str | None, header: str | None) -> str | None:
    """The running header names the company in full where a body line holds only part of it
    (a cover page broke ``南宁中燃城市燃|气发展有限公司`` over two lines): the full name wins."""
    if body and header and header != body and header.endswith(body):
        return header
    return _brand_of_full_name(body, header)


@rule
def _brand_of_full_name(short: str | None, full: str | None) -> str | None:
    """A posting's heading names the employer by its brand (``# 澄海智造 2024 年社会招聘``) and its
    text by the full registered name (``澄海智造（苏州）科技有限公司专注于…``, or with the city in
    front: ``昆山鸿运电子科技有限公司`` for ``鸿运电子``): the full name wins."""
    if short and full and full != short and short in full:
        return full
    return None


@rule
def _department_titled(draft: RoleDraft, ident: Identity, doc: DocContext) -> str | None:
    """A document titled by a department (``客服中心部门岗位职务说明书``) describes the position
    its text names; the department is the title's."""
    title, lex = ident.title, doc.lexicon
    if not title or doc.name_position is None or draft.label_title or not title.endswith(lex.department_endings) \
            or is_position_name(title, lex, 30):
        return None
    stem = title
    for ending in lex.department_endings:
        stem = stem.removesuffix(ending)
    return doc.name_position([p.text for p in draft.pieces if p.kind in (Kind.TEXT, Kind.ITEM)], stem)


# --- label handlers (keyed by the lexicon's field paths) -------------------------------------------

def keyed_registry(table: dict[str, H]) -> Callable[..., Callable[[H], H]]:
    """A decorator factory that files a handler in ``table`` under each key it is given."""
    def on(*keys: str) -> Callable[[H], H]:
        def register(handler: H) -> H:
            for key in keys:
                table[key] = handler
            return handler
        return register
    return on


LabelHandler = Callable[[RoleBuilder, Piece], str | None]
LABELS: dict[str, LabelHandler] = {}
on_label = keyed_registry(LABELS)


def _value(b: RoleBuilder, piece: Piece) -> str | None:
    return clean_value(piece.text, b.lexicon)


@on_label("title", "duties", "duties.category", "department", "organization")
def _identity_label(b: RoleBuilder, piece: Piece) -> str | None:
    """Decided with the identity, or read by the duty collector."""
    return None


@on_label("code", "grade", "category", "employment_type")
def _scalar_label(b: RoleBuilder, piece: Piece) -> str | None:
    value = _value(b, piece)
    if value is None:
        return _empty(b, piece)
    b.set_scalar(piece.key or "", value, piece)
    return None


@on_label("headcount")
def _headcount_label(b: RoleBuilder, piece: Piece) -> str | None:
    value = _value(b, piece)
    if value is None:
        return _empty(b, piece)
    b.set_scalar("headcount", parse_count(value, b.lexicon), piece)
    return None


@on_label("purpose", "compensation", "work_conditions", "salary")
def _text_label(b: RoleBuilder, piece: Piece) -> str | None:
    value = _value(b, piece)
    if value is None:
        return _empty(b, piece)
    key = "compensation" if piece.key == "salary" else piece.key or ""
    perks = perk_list(value, b.lexicon) if key == "compensation" else []
    if perks:
        b.add_to(b.lists["benefits"], "benefits", perks, piece)
    else:
        b.add_text(key, value, piece)
    return None


@on_label("reporting.reports_to")
def _superiors_label(b: RoleBuilder, piece: Piece) -> str | None:
    value = _value(b, piece)
    if value is None:
        return _empty(b, piece)
    b.add_to(b.reporting.reports_to, "reporting.reports_to", parse_superiors(value, b.lexicon), piece)
    if any(v in value for v in b.lexicon.data.reporting.report_verbs[:2]):
        # the division of matters ("向经理汇报业务工作,…") is kept beside the names
        b.add_other(piece.name or "reporting.reports_to", value, piece)
    return None


@on_label("reporting.supervision", "reporting.supervision.direct_headcount",
          "reporting.supervision.indirect_headcount")
def _supervision_label(b: RoleBuilder, piece: Piece) -> str | None:
    value = _value(b, piece)
    if value is None:
        return None  # "直接下级: 无" states that there is none; it is not a blank
    if piece.key == "reporting.supervision":
        b.reporting.supervision = parse_supervision(f"{piece.name}{value}", b.reporting.supervision, b.lexicon)
    else:
        count = parse_count(value, b.lexicon)
        if count is not None:
            b.reporting.supervision = b.reporting.supervision.model_copy(update={(piece.key or "").split(".")[-1]: count})
    return None


@on_label("reporting.direct_reports", "reporting.substitutes", "reporting.rotations", "reporting.promotions")
def _names_label(b: RoleBuilder, piece: Piece) -> str | None:
    value = _value(b, piece)
    if value is None:
        return _empty(b, piece)
    key = piece.key or ""
    names = split_names(value, b.lexicon)
    counted = counted_positions(names, b.lexicon) if key == "reporting.direct_reports" else None
    if counted is not None:
        names, headcount = counted
        if headcount is not None and b.reporting.supervision.direct_headcount is None:
            b.reporting.supervision = b.reporting.supervision.model_copy(update={"direct_headcount": headcount})
            b.evidence.setdefault("reporting.supervision.direct_headcount", piece.span)
    b.add_to(getattr(b.reporting, key.split(".")[1]), key, names, piece)
    return None


@on_label("contacts.internal", "contacts.external")
def _contacts_label(b: RoleBuilder, piece: Piece) -> str | None:
    value = _value(b, piece)
    if value is None:
        return _empty(b, piece)
    key = piece.key or ""
    target = b.contacts.internal if key.endswith("internal") else b.contacts.external
    b.add_to(target, key, split_names(value, b.lexicon), piece)
    return None


@on_label("equipment", "benefits", "location")
def _list_label(b: RoleBuilder, piece: Piece) -> str | None:
    value = _value(b, piece)
    key = piece.key or ""
    if value is None:
        return key if key in ("benefits", "location", "equipment") and not piece.text.strip() else _empty(b, piece)
    if key == "location" and place_prose(value, b.lexicon):
        b.add_text("work_conditions", value, piece)
        return None
    items = _split_list_field(key, value, b.lexicon)
    if key == "benefits" and not _clean_perks(items):
        b.add_other(piece.name or key, value, piece)  # a sentence about perks, not a list of them
        return None
    b.add_to(b.lists[key], key, items, piece)
    return None


def _clean_perks(items: list[str]) -> bool:
    return bool(items) and all(len(i) <= MAX_PERK for i in items)


@on_label(*sorted({"qualifications." + f for f in ("education", "age", "gender", "experience")} | QUAL_LISTS))
def _qualification_label(b: RoleBuilder, piece: Piece) -> str | None:
    key = piece.key or ""
    raw = piece.text
    value = _value(b, piece)
    if value is None:
        return key if key in QUAL_LISTS else _empty(b, piece)
    add = b.quals.add_summary if piece.source == "tag_line" else b.quals.add_labelled
    earlier = b.labelled_by.get(key)
    if earlier is not None and _years_after_no_years(b.quals, key, value, b.lexicon):
        b.add_other(earlier.name or "", b.quals.experience.text if b.quals.experience else "", earlier)
        b.quals.experience = None
        b.evidence.pop(key, None)
    if add(key.split(".", 1)[1], raw if "\n" in raw else value):
        b.evidence.setdefault(key, piece.span)
        if b.evidence[key] == piece.span:
            b.labelled_by.setdefault(key, piece)
    else:
        b.add_other(piece.name or "", value, piece)
    return None


@rule
def _years_after_no_years(quals: QualificationBuilder, key: str, value: str, lexicon: Lexicon) -> bool:
    """Forms give experience under two labels, a loose one first (``行业背景 | 不要求``, ``行业背景 |
    销售行业``) and the years after it (``从业年限 | 2年以上出纳工作经验``): the label that states years
    is the experience; the earlier text stays in other_sections under its own label."""
    exp = quals.experience
    if key != "qualifications.experience" or exp is None or exp.years_min is not None:
        return False
    found = parse_experience(value, lexicon)
    return found is not None and found.years_min is not None


@on_label("application")
def _application_label(b: RoleBuilder, piece: Piece) -> str | None:
    """How to apply (e-mail, phone, address) belongs to no role: it is released to the document."""
    b.released.append(piece)
    return None


def _other_label(b: RoleBuilder, piece: Piece) -> str | None:
    value = _value(b, piece)
    if value or piece.source == "unknown_label":
        # an unknown "步骤3:" heads what follows; its name is kept even with nothing after it
        b.add_other(piece.name or piece.key or "", value or "", piece)
    return None


def _empty(b: RoleBuilder, piece: Piece) -> str | None:
    """Record a label left blank (``岗位编号：`` and nothing); no list follows it."""
    if not piece.text.strip():
        b.empty_labels.setdefault(piece.key or "", piece.name or piece.key or "")
    return None


def _split_list_field(key: str, value: str, lexicon: Lexicon) -> list[str]:
    if key == "location":
        return split_places(value, lexicon)
    if key == "benefits":
        return split_benefits(value, lexicon)
    return split_names(value, lexicon)


CONTACT_SECTIONS = ("contacts.internal", "contacts.external")


@rule
def _contact_relation_label(section: str | None, piece: Piece) -> Piece | None:
    """``上级: 各公司领导`` under 工作中接触到的… names a contact, not the reporting line: inside a
    contacts section the relation labels are contacts."""
    if section in CONTACT_SECTIONS and piece.key and piece.key.startswith("reporting."):
        return piece.changed(key="contacts.external" if section == "contacts.external" else "contacts.internal")
    return None


@rule
def _requirement_sub_label(piece: Piece, lexicon: Lexicon) -> Piece | None:
    """Under 任职要求, a label the lexicon does not know as a field names the requirement it heads
    by its words (``其他：持物业管理员证`` → special, ``语言：英语六级`` …): it went to other_sections."""
    field = classify_label(piece.name or "", lexicon)
    return piece.changed(key=f"qualifications.{field}") if field else None


# --- section handlers (keyed by the lexicon's section keys) ----------------------------------------

SectionHandler = Callable[[RoleBuilder, Piece, str], None]
SECTIONS: dict[str, SectionHandler] = {}
on_section = keyed_registry(SECTIONS)


@on_section("qualifications")
def _requirements(b: RoleBuilder, piece: Piece, section: str) -> None:
    field = _item_heads_sub_list(piece, b.lexicon)
    if field is not None:
        b.list_target, b.list_section, b.list_level = f"qualifications.{field}", section, piece.level or 0
        b.use(piece)
    elif b.list_target and b.list_target.startswith("qualifications.") and (piece.kind == Kind.ITEM or piece.line_start):
        b.quals.add_listed(b.list_target.split(".")[-1], piece.text)
        b.use(piece)
    elif b.list_target in ("benefits", "location", "equipment") and (piece.kind == Kind.ITEM or piece.line_start):
        _list_item(b, piece, b.list_target)
    elif _sorted_requirements(b, piece):
        b.use(piece)
        for field in b.quals.restated:  # the requirement took the place of a tag line's summary
            b.evidence[f"qualifications.{field}"] = piece.span
        b.quals.restated.clear()
        b.keep_unsorted(piece)


def _sorted_requirements(b: RoleBuilder, piece: Piece) -> bool:
    """Sort an unlabelled requirement piece: a numbered item is one requirement whatever it holds;
    a paragraph may be a list of clauses (:func:`clause_list_requirements`)."""
    text = piece.text if piece.kind == Kind.ITEM else piece.text[_asking_lead(piece.text, b.lexicon):]
    clauses = None if piece.kind == Kind.ITEM else (
        line_list_requirements(text, b.lexicon) or clause_list_requirements(text))
    if clauses is None:
        return bool(b.quals.add_unlabelled(text, b.doc.classify))
    sorted_any = False
    for clause in clauses:
        clause = clause[_asking_lead(clause, b.lexicon):]  # "。要求具有较强的沟通能力…": the sentence's verb
        if b.quals.add_unlabelled(clause, b.doc.classify):
            sorted_any = True
        else:
            b.quals.unsorted.append(clause)  # in the text's order: kept as unmapped with its span
    return sorted_any


@rule
def _asking_lead(text: str, lexicon: Lexicon) -> int:
    """``要求持C1驾照，三年以上驾龄，…``: a requirement paragraph that opens with the requirements'
    section word and no colon uses it as its verb; the first requirement is what follows it
    (``持C1驾照``), as it is after ``要求：``. Returns where the requirements start."""
    m = lexicon.heading_re.match(text)
    follower = text[m.end():m.end() + 1] if m else ""
    if m is None or lexicon.section_key(m.group()) != "qualifications" or not follower \
            or follower in ":：" or follower in lexicon.data.grammar.prose_followers:
        return 0  # "要求：" heads the section itself; "要求的…" is prose
    return m.end()


@rule
def _item_heads_sub_list(piece: Piece, lexicon: Lexicon) -> str | None:
    """A requirement item that is only a heading of its own (``- 软素质：``, ``- 专业技能：``) heads
    the nested items under it: each is a requirement of the field the heading names."""
    text = piece.text.strip()
    if piece.kind != Kind.ITEM or text[-1:] not in (":", "：") or len(text) > 12:
        return None
    field = classify_label(text[:-1], lexicon)
    return field if field in ("skills", "qualities", "knowledge", "certifications", "training", "special") else None


@on_section("preferred")
def _preferred(b: RoleBuilder, piece: Piece, section: str) -> None:
    """Every item of a 加分项 / 优先条件 list is a wish; the line announcing the list heads it."""
    if not wish_list_announced(piece.text, b.lexicon):
        b.quals.add_item("preferred", piece.text)
    b.use(piece)


@on_section(*TEXT_FIELDS)
def _text_section(b: RoleBuilder, piece: Piece, section: str) -> None:
    # only a perk list written on the heading's own line ("福利待遇：包吃包住、五险") is benefits;
    # the items of a 薪资福利 section are its compensation text
    inline = section == "compensation" and not piece.line_start and piece.kind == Kind.TEXT
    perks = perk_list(clean_item(piece.text), b.lexicon) if inline else []
    if perks:
        b.add_to(b.lists["benefits"], "benefits", perks, piece)
    else:
        b.add_text(section, piece.text, piece)
        if section == "compensation":
            b.add_to(b.lists["benefits"], "benefits", perks_in_prose(piece.text, b.lexicon), piece)
    b.use(piece)


@on_section("authorities", "equipment", "benefits", "location")
def _list_section(b: RoleBuilder, piece: Piece, section: str) -> None:
    _list_item(b, piece, section)


def _list_item(b: RoleBuilder, piece: Piece, key: str) -> None:
    text = clean_item(piece.text)
    if not text:
        return
    if key == "location" and place_prose(text, b.lexicon):
        b.add_text("work_conditions", piece.text, piece)
        b.use(piece)
        return
    if key in ("equipment", "benefits", "location"):
        items = _split_list_field(key, text, b.lexicon) if piece.kind != Kind.ITEM or key != "benefits" else [text]
    elif piece.kind == Kind.ITEM:
        items = [text]
    else:
        items = [clean_item(p) for p in re.split(r"[。;；]\s*|\s{2,}", text) if clean_item(p)]
    b.add_to(b.lists[key], key, items, piece)
    b.use(piece)


@on_section("contacts.internal", "contacts.external")
def _contact_lines(b: RoleBuilder, piece: Piece, section: str) -> None:
    if contact_reason(piece.text, b.lexicon):
        return  # contacts hold names; the reason (事由：工作联系) stays in unmapped with its span
    target = b.contacts.internal if section == "contacts.internal" else b.contacts.external
    b.add_to(target, section, contact_names(piece.text, b.lexicon), piece)
    b.use(piece)


@on_section("contacts")
def _relations_text(b: RoleBuilder, piece: Piece, section: str) -> None:
    names = superior_in_relations(piece.text, b.lexicon)
    if names:
        b.add_to(b.reporting.reports_to, "reporting.reports_to", names, piece)


@rule
def superior_in_relations(text: str, lexicon: Lexicon) -> list[str] | None:
    """A 工作关系 section written as a sentence (``向品质主管汇报；与生产部、仓储部协作。``) names the
    superior in it; the sentence stays whole in unmapped, with whom the position works, which
    names no side (internal or external)."""
    return superiors_in_sentence(text, lexicon) or None


@on_section("reporting")
def _reporting_lines(b: RoleBuilder, piece: Piece, section: str) -> None:
    names = superiors_in_sentence(piece.text, b.lexicon)  # 汇报关系：向销售总监汇报
    if names:
        b.add_to(b.reporting.reports_to, "reporting.reports_to", names, piece)
        b.use(piece)
        return
    chain = reporting_chain(piece.text, b.draft.title or "")
    if chain is not None:
        above, below = chain
        b.add_to(b.reporting.reports_to, "reporting.reports_to", above, piece)
        b.add_to(b.reporting.direct_reports, "reporting.direct_reports", below, piece)
        b.use(piece)
        return
    before = b.reporting.supervision
    b.reporting.supervision = parse_supervision(piece.text, b.reporting.supervision, b.lexicon)
    if b.reporting.supervision is not before or any(w in piece.text for w in b.lexicon.data.reporting.supervise_words[:1]):
        b.use(piece)


CHAIN_ARROWS = re.compile(r"→|⟶|->|－>|—>|＞|>|⇒")  # the names around it are stripped


@rule
def reporting_chain(text: str, title: str) -> tuple[list[str], list[str]] | None:
    """A reporting line drawn as a chain of posts (``汇报关系：财务总监→财务经理→会计→出纳``): the post
    written just before the role's own title is its superior, the one just after it its report.
    Returns ([superior], [report]), either maybe empty, or None when the text is no chain through
    the title."""
    names = [n.strip() for n in CHAIN_ARROWS.split(text.strip().rstrip("。；;")) if n.strip()]
    if len(names) < 2 or not title or title not in names:
        return None
    at = names.index(title)
    return names[at - 1:at] if at else [], names[at + 1:at + 2]


@on_section("application", "company", "openings")
def _released(b: RoleBuilder, piece: Piece, section: str) -> None:
    """How to apply, and the company's own blurb, belong to no role."""
    b.released.append(piece)
    if section == "company":
        b.company_text.append(piece)


def contact_reason(text: str, lexicon: Lexicon) -> bool:
    """``事由：工作联系`` beside a contact says why, and names no one."""
    head, sep, _ = split_label(text)
    return bool(sep) and head in lexicon.data.reporting.contact_reasons


def contact_names(text: str, lexicon: Lexicon) -> list[str]:
    """``同级:各装置(部门)`` → 各装置(部门)."""
    head, sep, rest = split_label(text)
    if contact_reason(text, lexicon):
        return []
    return split_names(rest if sep and head in lexicon.data.reporting.contact_relations else text.strip(), lexicon)


# --- collectors: need a whole section at once ----------------------------------------------------

def _collect_duties(b: RoleBuilder) -> None:
    result = extract_duties(b.tagged, b.lexicon)
    b.duties = result.duties
    b.used |= result.used
    if result.stray_cells:
        b.warnings.append(stray_cells_warning(result.stray_cells))
    if result.rules:
        b.other.append(OtherSection(heading=b.lexicon.data.duties.rules_heading,
                                    text="\n".join(p.text for p in result.rules), span=result.rules[0].span))
        b.used.update(id(p) for p in result.rules)


def _collect_kpis(b: RoleBuilder) -> None:
    result = extract_kpis([p for s, p in b.tagged if s == "kpis"], b.lexicon)
    b.kpis = result.kpis
    b.kpi_title = result.title
    if result.title_span:
        b.evidence["kpi_table_title"] = result.title_span
    b.used |= result.used


def _collect_promotions(b: RoleBuilder) -> None:
    for section, piece in b.tagged:
        if section == "career" and piece.kind in (Kind.TEXT, Kind.ITEM):
            names = parse_promotions(piece.text, b.lexicon)
            listed = [] if names else _career_names(piece.text, b.lexicon)
            b.add_to(b.reporting.promotions, "reporting.promotions", names or listed, piece)
            if listed:
                b.use(piece)  # a line of names only: nothing of it is left for other_sections


@rule
def _career_names(text: str, lexicon: Lexicon) -> list[str]:
    """Under a career heading (``晋升通道：`` / ``设备经理、生产经理``) a line that only names positions
    names where the role leads, as a 可晋升岗位 label would; prose there (公司提供完善的晋升体系…)
    names none."""
    names = split_names(text, lexicon)
    having = tuple(lexicon.data.grammar.having_copulas)  # "有销售推广…" says what one has, it names nothing
    return names if names and all(is_position_name(n, lexicon) and not n.startswith(having) for n in names) else []


def _collect_other_sections(b: RoleBuilder) -> None:
    """Recognised headings without a field of their own keep their text in other_sections."""
    current: OtherSection | None = None
    for section, piece in b.tagged:
        if _opens_other_section(section, piece):
            current = None
            if section in STRUCTURAL or section == "contacts":
                current = OtherSection(heading=piece.name or section or "", text="", span=piece.span)
            continue
        if current is None or id(piece) in b.used or piece.kind not in (Kind.TEXT, Kind.ITEM) \
                or section in ("basic_info", "reporting", "contacts"):
            continue  # stray text in those sections goes to unmapped
        b.used.add(id(piece))
        if _says_nothing(piece.text, b.lexicon):
            continue
        current.text = (current.text + "\n" + piece.text).strip()
        if current not in b.other:
            b.other.append(current)


def _opens_other_section(section: str | None, piece: Piece) -> bool:
    # an empty label that opens a section of prose (职业发展：公司提供…) heads it as a heading does
    return piece.kind == Kind.HEADING or piece.kind == Kind.LABEL and not piece.text.strip() and section == "career"


@rule
def _says_nothing(text: str, lexicon: Lexicon) -> bool:
    """``备注 | 无``, ``其他：/``: a section whose whole text says there is nothing adds no other
    section (it gave one holding 无), as an empty label gives no value."""
    return text.strip() in lexicon.empty_values


COLLECTORS: tuple[Callable[[RoleBuilder], None], ...] = (
    _collect_duties, _collect_kpis, _collect_promotions, _collect_other_sections)


# --- finishing -------------------------------------------------------------------------------------

def _has_value(role: Role, path: str) -> bool:
    value: object = role
    for part in path.split("."):
        value = getattr(value, part, None)
    return value not in (None, "", [], {})


def _finish(role: Role, b: RoleBuilder) -> Role:
    released = {id(r) for r in b.released}  # once, not per piece
    total = sum(len(p.text) for p in b.draft.pieces if p.kind != Kind.HEADING and id(p) not in released)
    unmapped = sum(len(u.text) for u in role.unmapped)
    others = sum(len(o.text) for o in role.other_sections)
    coverage = 1.0 if total == 0 else max(0.0, min(1.0, (total - unmapped - others) / total))
    warnings = list(role.warnings)
    for key, name in b.empty_labels.items():
        if not _has_value(role, key):
            warnings.append(Warning(code="empty_label", message=f"label {name} has no value", field=key))
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

