"""The role record, version 1.1 — the output contract of ``../shared/ROLE_SCHEMA.md``.

Field names, types and nullability follow the contract exactly. Extensions (allowed by the
contract: "add fields freely") are marked ``Extension`` in their description:

* ``Span.row`` / ``Span.col`` locate a value inside a table cell;
* ``Role.coverage`` is the share of the role's characters that went into fields;
* ``Role.evidence`` maps every scalar field path to the span it was read from;
* ``OtherSection.span``.

Objects the document may not mention at all (``education``, ``age``, ``experience``,
``targets``) are ``null`` when absent rather than an object of empty strings, since the
contract never allows ``""`` for a missing value.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION: Literal["1.1"] = "1.1"

# Formats a source can have (``Source.format``); readers register under these names.
SourceFormat = Literal["txt", "md", "html", "docx", "doc", "wps", "rtf", "xlsx", "xls", "ods", "odt", "pdf", "image"]
Script = Literal["simplified", "traditional"]
SalaryUnit = Literal["month", "year", "day", "hour"]

EducationLevel = Literal["初中", "高中", "中专", "大专", "本科", "硕士", "博士"]
EDUCATION_LEVELS: tuple[str, ...] = ("初中", "高中", "中专", "大专", "本科", "硕士", "博士")


def new_list() -> list[Any]:
    """``default_factory=new_list``, for less: pydantic reads each factory's signature as it builds a
    model, and a builtin's is parsed from its text with the tokenizer (~0.1 ms: 3.4 ms of every
    cold start for the contract's list fields); a Python function's is read as it is."""
    return []


def new_dict() -> dict[str, Any]:
    """``default_factory=new_dict``, for the reason :func:`new_list` gives."""
    return {}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Where in the loaded document a value was read: block index, page, character offsets."""

    block: int
    page: int | None = None
    start: int
    end: int
    row: int | None = Field(default=None, description="Extension: table row of the cell, for table blocks")
    col: int | None = Field(default=None, description="Extension: table column of the cell, for table blocks")


class Supervision(_Model):
    direct_positions: int | None = None
    direct_headcount: int | None = None
    indirect_positions: int | None = None
    indirect_headcount: int | None = None


class Reporting(_Model):
    reports_to: list[str] = Field(default_factory=new_list)
    direct_reports: list[str] = Field(default_factory=new_list)
    supervision: Supervision = Field(default_factory=Supervision)
    substitutes: list[str] = Field(default_factory=new_list)
    rotations: list[str] = Field(default_factory=new_list)
    promotions: list[str] = Field(default_factory=new_list)


class Duty(_Model):
    text: str
    category: str | None = None
    frequency: str | None = None
    metrics: list[str] = Field(default_factory=new_list)
    span: Span


class Education(_Model):
    level: EducationLevel | None = None
    or_above: bool = False
    text: str


class Age(_Model):
    min: int | None = None
    max: int | None = None
    text: str


class Experience(_Model):
    years_min: float | None = None
    text: str


class Qualifications(_Model):
    education: Education | None = None
    majors: list[str] = Field(default_factory=new_list)
    age: Age | None = None
    gender: Literal["男", "女"] | None = None
    experience: Experience | None = None
    skills: list[str] = Field(default_factory=new_list)
    qualities: list[str] = Field(default_factory=new_list)
    knowledge: list[str] = Field(default_factory=new_list)
    certifications: list[str] = Field(default_factory=new_list)
    training: list[str] = Field(default_factory=new_list)
    special: list[str] = Field(default_factory=new_list)
    preferred: list[str] = Field(default_factory=new_list, description="1.1: wishes (加分项, …者优先), never requirements")


class Contacts(_Model):
    internal: list[str] = Field(default_factory=new_list)
    external: list[str] = Field(default_factory=new_list)


class PeriodTargets(_Model):
    month: str | None = None
    quarter: str | None = None
    half_year: str | None = None
    year: str | None = None


class TextTarget(_Model):
    text: str


class KPI(_Model):
    name: str
    targets: PeriodTargets | TextTarget | None = None
    weight_pct: float | None = None
    span: Span

    @field_validator("weight_pct")
    @classmethod
    def _weight_in_range(cls, value: float | None) -> float | None:
        if value is not None and not 0 <= value <= 100:
            raise ValueError(f"weight_pct {value} is not a percentage")
        return value


class Salary(_Model):
    """1.1: pay parsed from the compensation text; ``15K`` is 15000 in ``unit``."""

    min: float | None = None
    max: float | None = None
    unit: SalaryUnit | None = None
    months: int | None = Field(default=None, description="salaries paid per year (14薪 → 14)")
    text: str


class Review(_Model):
    """1.1: whether a person should check this role before it is imported, and why.

    ``reasons`` are stable codes (``no_title``, ``pooled_duties`` …); the matching warning
    carries the human-readable message."""

    needed: bool = False
    reasons: list[str] = Field(default_factory=new_list)


class OtherSection(_Model):
    heading: str
    text: str
    span: Span | None = Field(default=None, description="Extension: where the section starts")


class Unmapped(_Model):
    text: str
    span: Span


class Furniture(_Model):
    """Text a reader or normalisation set aside from the body as the page's furniture."""

    text: str
    index: int = Field(description="its place among the document's furniture blocks, in reading order")
    page: int | None = None
    kind: str | None = Field(default=None, description="header | footer | boilerplate (a table of contents, "
                             "a document site's notice) …, as the reader or normalisation named it")


class Source(_Model):
    file: str
    format: SourceFormat
    sha256: str
    encoding: str | None = None
    pages: int | None = None
    role_index: int
    role_count: int
    script: Script = Field(default="simplified", description="1.1: the script the document is written in")
    ocr: bool = Field(default=False, description="1.1: text was read by OCR")


class Warning(_Model):  # noqa: A001 - the contract's name
    code: str
    message: str
    field: str | None = None


class Role(_Model):
    schema_version: Literal["1.1"] = SCHEMA_VERSION
    id: str
    title: str
    code: str | None = None
    organization: str | None = None
    department: str | None = None
    grade: str | None = None
    headcount: int | None = None
    category: str | None = None
    purpose: str | None = None
    reporting: Reporting = Field(default_factory=Reporting)
    duties: list[Duty] = Field(default_factory=new_list)
    authorities: list[str] = Field(default_factory=new_list)
    equipment: list[str] = Field(default_factory=new_list)
    qualifications: Qualifications = Field(default_factory=Qualifications)
    contacts: Contacts = Field(default_factory=Contacts)
    kpis: list[KPI] = Field(default_factory=new_list)
    kpi_table_title: str | None = None
    compensation: str | None = None
    salary: Salary | None = None
    benefits: list[str] = Field(default_factory=new_list)
    location: list[str] = Field(default_factory=new_list)
    employment_type: str | None = None
    work_conditions: str | None = None
    other_sections: list[OtherSection] = Field(default_factory=new_list)
    unmapped: list[Unmapped] = Field(default_factory=new_list)
    source: Source
    warnings: list[Warning] = Field(default_factory=new_list)
    review: Review = Field(default_factory=Review)
    coverage: float = Field(
        default=0.0, ge=0.0, le=1.0,
        description="Extension: share of the role's characters that went into fields (not other_sections/unmapped)",
    )
    evidence: dict[str, Span] = Field(
        default_factory=new_dict,
        description="Extension: span of each scalar or list value, keyed by field path (e.g. 'department', 'authorities[0]')",
    )


class ErrorInfo(_Model):
    code: str
    message: str


class ConvertResult(_Model):
    """What ``jdx convert`` prints for one file."""

    schema_version: Literal["1.1"] = SCHEMA_VERSION
    file: str
    status: Literal["ok", "partial", "failed"]
    roles: list[Role] = Field(default_factory=new_list)
    warnings: list[Warning] = Field(default_factory=new_list)
    error: ErrorInfo | None = None
    unassigned: list[Unmapped] = Field(
        default_factory=new_list,
        description="Extension: document text that belongs to no role (a compilation's preamble, "
        "headings with nothing under them)",
    )
    furniture: list[Furniture] = Field(
        default_factory=new_list,
        description="Extension: text set aside as furniture — running headers and footers, a table of "
        "contents, a document site's notices — kept so that no text of the file is lost",
    )


def field_value(record: Any, path: str | tuple[str, ...]) -> Any:
    """The value at a dotted field path (``qualifications.education.level``, or its keys already
    split) of a role record in its JSON form (a dict, as read from ``roles.jsonl``); None where
    the path leaves the objects."""
    for key in path.split(".") if isinstance(path, str) else path:
        if not isinstance(record, dict):
            return None
        record = record.get(key)
    return record


def json_schema() -> dict[str, Any]:
    """JSON Schema of the ``convert`` output, Role included under ``$defs``."""
    schema = ConvertResult.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://jdx.local/schema/role-{SCHEMA_VERSION}.json"
    return schema
