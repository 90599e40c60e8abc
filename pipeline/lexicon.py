"""The vocabulary of Chinese job descriptions (``lexicon.toml``): validated, merged with a
user's file, compiled once per process.

All words the pipeline matches live in the TOML file, never in code: section headings, field
labels, title words, numbering characters, table column headers, KPI headers, education,
age, gender and pay words, site boilerplate. :class:`LexiconData` is the validated shape of
that file (an unknown key is an error naming the key and the file); :class:`Lexicon` adds the
matchers compiled from it (longest phrase first), built lazily and cached on the object.

A user file (``--lexicon my.toml`` or ``$JDX_LEXICON``) has the same shape and three ways to
change the bundled vocabulary::

    [labels]                      # add: lists are extended, tables merged key by key
    title = ["岗位称谓"]
    [remove.labels]               # remove entries
    title = ["职位"]
    [replace.titles]              # replace a list wholesale
    decorations = ["范文"]
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

if TYPE_CHECKING:
    from .numbering import Numbering

# Field paths a label may fill (the keys of [labels]); every one has a handler in the builder.
FieldPath = Literal[
    "title", "code", "organization", "department", "grade", "headcount", "category", "purpose",
    "reporting.reports_to", "reporting.direct_reports", "reporting.substitutes", "reporting.rotations",
    "reporting.promotions", "reporting.supervision", "reporting.supervision.direct_headcount",
    "reporting.supervision.indirect_headcount",
    "qualifications.education", "qualifications.majors", "qualifications.age", "qualifications.gender",
    "qualifications.experience", "qualifications.skills", "qualifications.qualities", "qualifications.knowledge",
    "qualifications.certifications", "qualifications.training", "qualifications.special",
    "qualifications.preferred",
    "contacts.internal", "contacts.external", "compensation", "salary", "benefits", "location",
    "employment_type", "work_conditions", "equipment", "duties", "duties.category", "application",
]
# Section keys a heading may open (the keys of [sections]).
SectionKey = Literal[
    "basic_info", "org_position", "reporting", "purpose", "duties", "authorities", "equipment",
    "qualifications", "preferred", "contacts", "contacts.internal", "contacts.external", "department_info",
    "kpis", "compensation", "benefits", "location", "work_conditions", "career", "application", "company",
    "openings", "other",
]
RequirementList = Literal["certifications", "knowledge", "skills", "qualities", "special", "training"]


class _Vocab(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TitlesVocab(_Vocab):
    doc_words: list[str] = Field(default_factory=list)
    decorations: list[str] = Field(default_factory=list)
    position_heads: list[str] = Field(default_factory=list)
    not_position_endings: list[str] = Field(default_factory=list)
    organization_noise: list[str] = Field(default_factory=list)
    organization_suffixes: list[str] = Field(default_factory=list)
    company_suffixes: list[str] = Field(default_factory=list)
    department_endings: list[str] = Field(default_factory=list)
    not_a_title: list[str] = Field(default_factory=list)
    sentence_words: list[str] = Field(default_factory=list)
    count_units: list[str] = Field(default_factory=list)
    edition_words: list[str] = Field(default_factory=list)
    duty_doc_words: list[str] = Field(default_factory=list)
    full_doc_words: list[str] = Field(default_factory=list)
    headcount_units: list[str] = Field(default_factory=list)
    unspecified_counts: list[str] = Field(default_factory=list)
    level_words: list[str] = Field(default_factory=list)
    posting_words: list[str] = Field(default_factory=list)
    posting_tails: list[str] = Field(default_factory=list)
    file_name_tails: list[str] = Field(default_factory=list)
    regulation_words: list[str] = Field(default_factory=list)
    deputy_marks: list[str] = Field(default_factory=list)
    introduction_verbs: list[str] = Field(default_factory=list)
    self_references: list[str] = Field(default_factory=list)
    contents_sheet_names: list[str] = Field(default_factory=list)
    department_duty_words: list[str] = Field(default_factory=list)


class ListsVocab(_Vocab):
    duty_verbs: list[str] = Field(default_factory=list)
    frequency_words: list[str] = Field(default_factory=list)


class BoilerplateVocab(_Vocab):
    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    trailers: list[str] = Field(default_factory=list)
    closers: list[str] = Field(default_factory=list)
    closer_starts: list[str] = Field(default_factory=list)
    inline: list[str] = Field(default_factory=list)
    inline_patterns: list[str] = Field(default_factory=list)
    lead_ins: list[str] = Field(default_factory=list)
    lead_in_fillers: list[str] = Field(default_factory=list)


class NumberingVocab(_Vocab):
    cn_digits: dict[str, int] = Field(default_factory=dict)
    cn_units: dict[str, int] = Field(default_factory=dict)
    article_prefix: str = ""
    article_units: str = ""
    role_article_units: str = ""
    chapter_units: str = ""
    circled: str = ""
    paren_digits: str = ""
    stop_digits: str = ""
    bullets: str = ""
    dashes: str = ""
    list_separators: str = ""
    value_units: str = ""


class ColumnsVocab(_Vocab):
    label: list[str] = Field(default_factory=list)
    category: list[str] = Field(default_factory=list)
    text: list[str] = Field(default_factory=list)
    frequency: list[str] = Field(default_factory=list)
    metrics: list[str] = Field(default_factory=list)
    importance: list[str] = Field(default_factory=list)


class TablesVocab(_Vocab):
    columns: ColumnsVocab = Field(default_factory=ColumnsVocab)
    duty_markers: list[str] = Field(default_factory=list)
    extra_column_headers: list[str] = Field(default_factory=list)
    table_suffixes: list[str] = Field(default_factory=list)
    unnamed_column: str = "{n}"


class KpisVocab(_Vocab):
    name_headers: list[str] = Field(default_factory=list)
    weight_headers: list[str] = Field(default_factory=list)
    target_headers: list[str] = Field(default_factory=list)
    periods: dict[str, Literal["month", "quarter", "half_year", "year"]] = Field(default_factory=dict)
    header_words: list[str] = Field(default_factory=list)
    period_header_words: list[str] = Field(default_factory=list)
    table_titles: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    comparators: list[str] = Field(default_factory=list)
    bounds: list[str] = Field(default_factory=list)
    score_unit: str = ""
    total_rows: list[str] = Field(default_factory=list)


class DutiesVocab(_Vocab):
    rule_words: list[str] = Field(default_factory=list)
    deduct_words: list[str] = Field(default_factory=list)
    money_units: list[str] = Field(default_factory=list)
    metric_endings: list[str] = Field(default_factory=list)
    frequency_prefixes: list[str] = Field(default_factory=list)
    frequency_periods: list[str] = Field(default_factory=list)
    day_words: list[str] = Field(default_factory=list)
    before_word: str = ""
    rules_heading: str = ""


class QualificationsVocab(_Vocab):
    education: dict[str, Literal["初中", "高中", "中专", "大专", "本科", "硕士", "博士"]] = Field(default_factory=dict)
    or_above: list[str] = Field(default_factory=list)
    degree_words: list[str] = Field(default_factory=list)
    age_units: list[str] = Field(default_factory=list)
    range_separators: list[str] = Field(default_factory=list)
    at_least: list[str] = Field(default_factory=list)
    at_most: list[str] = Field(default_factory=list)
    at_most_before: list[str] = Field(default_factory=list)
    about: list[str] = Field(default_factory=list)
    alternative_words: list[str] = Field(default_factory=list)
    year_units: list[str] = Field(default_factory=list)
    half: list[str] = Field(default_factory=list)
    experience_words: list[str] = Field(default_factory=list)
    gender_free: list[str] = Field(default_factory=list)
    male: list[str] = Field(default_factory=list)
    female: list[str] = Field(default_factory=list)
    only_word: str = ""
    sex_word: str = ""
    preferred_markers: list[str] = Field(default_factory=list)
    not_preferred_markers: list[str] = Field(default_factory=list)
    major_words: list[str] = Field(default_factory=list)
    major_tail_prefixes: list[str] = Field(default_factory=list)
    major_relations: list[str] = Field(default_factory=list)
    major_suffixes: list[str] = Field(default_factory=list)
    major_wishes: list[str] = Field(default_factory=list)
    major_separators: list[str] = Field(default_factory=list)
    no_requirement: list[str] = Field(default_factory=list)
    enumerating_verbs: list[str] = Field(default_factory=list)
    label_hints: dict[str, Literal["education", "experience", "age", "gender", "majors", "certifications",
                                   "training", "knowledge", "qualities", "skills", "special"]] = Field(
        default_factory=dict)
    requirement_words: list[str] = Field(default_factory=list)
    experiential_aspect: list[str] = Field(default_factory=list)


class ReportingVocab(_Vocab):
    report_verbs: list[str] = Field(default_factory=list)
    report_to_word: str = ""
    direct: str = ""
    indirect: str = ""
    supervise_words: list[str] = Field(default_factory=list)
    position_unit: str = ""
    person_unit: str = ""
    total_word: str = ""
    count_word: str = ""
    promotion_verbs: list[str] = Field(default_factory=list)
    promotion_joins: list[str] = Field(default_factory=list)
    name_separators: list[str] = Field(default_factory=list)
    name_tails: list[str] = Field(default_factory=list)
    contact_relations: list[str] = Field(default_factory=list)
    contact_reasons: list[str] = Field(default_factory=list)


class ValuesVocab(_Vocab):
    empty: list[str] = Field(default_factory=list)


class PostingsVocab(_Vocab):
    salary_units: dict[str, Literal["month", "year", "day", "hour"]] = Field(default_factory=dict)
    thousand: list[str] = Field(default_factory=list)
    ten_thousand: list[str] = Field(default_factory=list)
    yuan: list[str] = Field(default_factory=list)
    months_words: list[str] = Field(default_factory=list)
    negotiable: list[str] = Field(default_factory=list)
    pay_words: list[str] = Field(default_factory=list)
    perk_pay_words: list[str] = Field(default_factory=list)
    employment_types: list[str] = Field(default_factory=list)
    place_separators: list[str] = Field(default_factory=list)
    not_places: list[str] = Field(default_factory=list)
    place_prefixes: list[str] = Field(default_factory=list)


class GrammarVocab(_Vocab):
    """Function words that tell prose from structure."""

    prose_followers: list[str] = Field(default_factory=list)
    strong_start_followers: list[str] = Field(default_factory=list)
    prose_preceders: list[str] = Field(default_factory=list)
    title_conjunctions: list[str] = Field(default_factory=list)
    level_joins: list[str] = Field(default_factory=list)
    month_word: str = ""
    copulas: list[str] = Field(default_factory=list)
    sentence_inner_marks: list[str] = Field(default_factory=list)
    sentence_final_marks: list[str] = Field(default_factory=list)
    prose_labels: list[str] = Field(default_factory=list)
    running_headings: list[str] = Field(default_factory=list)
    subject_tails: list[str] = Field(default_factory=list)
    all_roles_words: list[str] = Field(default_factory=list)
    ambiguous_headings: list[str] = Field(default_factory=list)
    categorised_duty_headings: list[str] = Field(default_factory=list)


class LexiconData(_Vocab):
    sections: dict[SectionKey, list[str]] = Field(default_factory=dict)
    labels: dict[FieldPath, list[str]] = Field(default_factory=dict)
    meta_labels: list[str] = Field(default_factory=list)
    titles: TitlesVocab = Field(default_factory=TitlesVocab)
    lists: ListsVocab = Field(default_factory=ListsVocab)
    requirements: dict[RequirementList, list[str]] = Field(default_factory=dict)
    boilerplate: BoilerplateVocab = Field(default_factory=BoilerplateVocab)
    numbering: NumberingVocab = Field(default_factory=NumberingVocab)
    tables: TablesVocab = Field(default_factory=TablesVocab)
    kpis: KpisVocab = Field(default_factory=KpisVocab)
    duties: DutiesVocab = Field(default_factory=DutiesVocab)
    qualifications: QualificationsVocab = Field(default_factory=QualificationsVocab)
    reporting: ReportingVocab = Field(default_factory=ReportingVocab)
    values: ValuesVocab = Field(default_factory=ValuesVocab)
    postings: PostingsVocab = Field(default_factory=PostingsVocab)
    grammar: GrammarVocab = Field(default_factory=GrammarVocab)


class LexiconError(ValueError):
    """A lexicon file that cannot be used: unknown key, wrong type, unreadable TOML."""


def alternation(phrases: tuple[str, ...] | list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of ``phrases``, longest first; never empty (an empty list matches nothing)."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p) for p in ordered) or "(?!)"


def chars(text: str) -> str:
    """A regex character class body for the characters of ``text``."""
    return re.escape(text) if text else r"\x00"


def _longest_first(items: list[str]) -> tuple[str, ...]:
    return tuple(sorted(items, key=len, reverse=True))


def _with_lowercase(table: dict[str, str]) -> dict[str, str]:
    """Latin phrases also under their lower-case spelling (matching ignores case)."""
    out = dict(table)
    for phrase, key in table.items():
        if phrase.isascii():
            out.setdefault(phrase.lower(), key)
    return out


def _invert(table: Mapping[Any, list[str]]) -> dict[str, str]:  # keys: the Literal field names
    """phrase -> key; when a phrase is listed under two keys the first listed wins."""
    out: dict[str, str] = {}
    for key, phrases in table.items():
        for phrase in phrases:
            out.setdefault(phrase, key)
    return out


class Lexicon:
    """Validated vocabulary plus the matchers compiled from it (once, on first use).

    Compared and hashed by identity, so per-lexicon caches (``functools.cache``) work.
    """

    def __init__(self, data: LexiconData) -> None:
        self.data = data
        self.sections: dict[str, str] = _with_lowercase(_invert(data.sections))
        self.labels: dict[str, str] = _with_lowercase(_invert(data.labels))
        self.meta_labels = frozenset(data.meta_labels)
        t = data.titles
        self.doc_words = _longest_first(t.doc_words)
        self.decorations = tuple(t.decorations)
        self.position_heads = _longest_first(t.position_heads)
        self.organization_suffixes = _longest_first(t.organization_suffixes)
        self.company_suffixes = _longest_first(t.company_suffixes)
        self.not_position_endings = tuple(t.not_position_endings)
        self.organization_noise = tuple(t.organization_noise)
        self.department_endings = _longest_first(t.department_endings)
        self.frequency_words = frozenset(data.lists.frequency_words)
        self.duty_verbs = tuple(data.lists.duty_verbs)
        b = data.boilerplate
        self.boilerplate_phrases = tuple(p.lower() for p in b.phrases)
        self.trailers = frozenset(b.trailers)
        self.closers = tuple(b.closers)
        self.lead_ins = tuple(b.lead_ins)
        self.inline_junk = tuple(b.inline)
        self.empty_values = frozenset(data.values.empty)

    # -- compiled matchers (built once per lexicon) ----------------------------------------
    @cached_property
    def heading_re(self) -> re.Pattern[str]:
        # Latin headings ("Responsibilities", "What you'll do") are written in any case.
        return re.compile(alternation(list(self.sections)), re.IGNORECASE)

    @cached_property
    def label_re(self) -> re.Pattern[str]:
        return re.compile(alternation(set(self.labels) | self.meta_labels), re.IGNORECASE)

    def section_key(self, phrase: str) -> str | None:
        return self.sections.get(phrase) or self.sections.get(phrase.lower())

    def label_key(self, phrase: str) -> str | None:
        return self.label_keys.get(phrase) or self.label_keys.get(phrase.lower())

    @cached_property
    def boilerplate_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.data.boilerplate.patterns)

    @cached_property
    def inline_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.data.boilerplate.inline_patterns)

    @cached_property
    def numbering(self) -> Numbering:
        from .numbering import Numbering

        return Numbering(self.data.numbering)

    @cached_property
    def label_keys(self) -> dict[str, str | None]:
        keys: dict[str, str | None] = dict(self.labels)
        for meta in self.meta_labels:
            keys.setdefault(meta, None)
        return keys

    def all_terms(self) -> list[str]:
        """Every phrase of the vocabulary: the jieba user dictionary is built from this."""
        terms = set(self.sections) | set(self.labels) | set(self.meta_labels) | set(self.doc_words)
        terms |= {h for h in self.position_heads if len(h) > 1}
        return sorted(terms)

    def __repr__(self) -> str:
        return f"Lexicon({len(self.sections)} headings, {len(self.labels)} labels)"


# --- loading and merging ----------------------------------------------------------------------

def bundled_data() -> dict[str, Any]:
    text = resources.files("jdx.pipeline").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _add(base: Any, extra: Any, where: str) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _add(merged[key], value, f"{where}.{key}") if key in merged else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra


def _remove(base: Any, drop: Any, where: str) -> Any:
    if isinstance(base, dict) and isinstance(drop, dict):
        out = dict(base)
        for key, value in drop.items():
            if key not in out:
                raise LexiconError(f"remove: unknown key '{where}.{key}'".replace("'.", "'"))
            out[key] = _remove(out[key], value, f"{where}.{key}")
        return out
    if isinstance(base, list) and isinstance(drop, list):
        return [v for v in base if v not in drop]
    raise LexiconError(f"remove: '{where}' is not a list or table")


def _replace(base: dict[str, Any], new: dict[str, Any], where: str = "") -> dict[str, Any]:
    out = dict(base)
    for key, value in new.items():
        path = f"{where}.{key}" if where else key
        if isinstance(value, dict) and isinstance(out.get(key), dict) and not _is_leaf_table(path):
            out[key] = _replace(out[key], value, path)
        else:
            out[key] = value
    return out


def _is_leaf_table(path: str) -> bool:
    """Tables whose keys are data (phrase -> value), replaced as a whole."""
    return path in {"numbering.cn_digits", "numbering.cn_units", "kpis.periods", "qualifications.education",
                    "qualifications.label_hints", "postings.salary_units"}


def merge_user_data(base: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    """Apply a user file (add, ``remove``, ``replace``) to the bundled data."""
    user = dict(user)
    remove = user.pop("remove", {})
    replace = user.pop("replace", {})
    data = _add(base, user, "")
    if remove:
        data = _remove(data, remove, "")
    if replace:
        data = _replace(data, replace)
    return data


def validate(data: dict[str, Any], source: str) -> LexiconData:
    try:
        return LexiconData.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"] if p != "[key]")
            if err["type"] in ("extra_forbidden", "literal_error") and "[key]" in err["loc"]:
                problems.append(f"unknown key '{loc}'")
            elif err["type"] == "extra_forbidden":
                problems.append(f"unknown key '{loc}'")
            else:
                problems.append(f"'{loc}': {err['msg']}")
        raise LexiconError(f"{source}: " + "; ".join(problems)) from None


def read_user_file(path: str | Path) -> dict[str, Any]:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from None


def build_lexicon(data: dict[str, Any], source: str = "lexicon") -> Lexicon:
    return Lexicon(validate(data, source))


@cache
def load_lexicon(user_file: str | None = None) -> Lexicon:
    """The bundled lexicon, changed by ``user_file`` or by the file named in ``$JDX_LEXICON``.

    Raises :class:`LexiconError` naming the file and the key when the user file is wrong.
    """
    data = bundled_data()
    user_file = user_file or os.environ.get("JDX_LEXICON") or None
    if not user_file:
        return build_lexicon(data, "lexicon.toml (bundled)")
    try:
        merged = merge_user_data(data, read_user_file(user_file))
    except LexiconError as exc:
        raise LexiconError(f"{user_file}: {exc}") if not str(exc).startswith(str(user_file)) else exc from None
    return build_lexicon(merged, str(user_file))


def dump_toml(data: LexiconData) -> str:
    """The merged vocabulary as TOML (``jdx lexicon``): tables of string lists and scalars."""
    lines: list[str] = []
    plain = data.model_dump()

    def value(v: Any) -> str:
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if isinstance(v, str):
            return json.dumps(v, ensure_ascii=False)
        return json.dumps(v)

    def key(k: str) -> str:
        return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else json.dumps(k, ensure_ascii=False)

    def table(name: str, body: dict[str, Any]) -> None:
        scalars = {k: v for k, v in body.items() if not isinstance(v, dict)}
        lines.append(f"[{name}]")
        lines.extend(f"{key(k)} = {value(v)}" for k, v in scalars.items())
        lines.append("")
        for k, v in body.items():
            if isinstance(v, dict):
                table(f"{name}.{key(k)}", v)

    top_lists = {k: v for k, v in plain.items() if not isinstance(v, dict)}
    lines.extend(f"{key(k)} = {value(v)}" for k, v in top_lists.items())
    lines.append("")
    for name, body in plain.items():
        if isinstance(body, dict):
            table(key(name), body)
    return "\n".join(lines)
