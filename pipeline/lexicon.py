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

from .alternation import alternation  # noqa: F401  (re-exported: the matchers everywhere build on it)

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


# A vocabulary list; absent from a lexicon file means empty (pydantic copies the default).
Words = list[str]


class _Vocab(BaseModel):
    # defer_build: the bundled vocabulary is constructed without validation (see
    # ``_construct``), so a plain conversion never builds these schemas (~20 ms of a cold
    # start); a user's file is validated, which builds them then.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class TitlesVocab(_Vocab):
    doc_words: Words = []
    rank_labels: Words = []
    ranks: Words = []
    decorations: Words = []
    position_heads: Words = []
    not_position_endings: Words = []
    organization_noise: Words = []
    organization_suffixes: Words = []
    registered_suffixes: Words = []
    company_suffixes: Words = []
    department_endings: Words = []
    office_endings: Words = []
    branch_endings: Words = []
    year_words: Words = []
    campaign_words: Words = []
    team_endings: Words = []
    not_a_title: Words = []
    sentence_words: Words = []
    count_units: Words = []
    edition_words: Words = []
    date_units: Words = []
    date_digits: Words = []
    duty_doc_words: Words = []
    full_doc_words: Words = []
    named_doc_words: Words = []
    headcount_units: Words = []
    unspecified_counts: Words = []
    level_words: Words = []
    posting_words: Words = []
    recruiting_verbs: Words = []
    recruiting_adverbs: Words = []
    posting_tails: Words = []
    file_name_tails: Words = []
    regulation_words: Words = []
    deputy_marks: Words = []
    introduction_verbs: Words = []
    recruited_words: Words = []
    metadata_title_keys: Words = []
    metadata_place_keys: Words = []
    metadata_pay_keys: Words = []
    metadata_company_keys: Words = []
    self_references: Words = []
    clause_openers: Words = []
    employer_introducers: Words = []
    company_describers: Words = []
    contents_sheet_names: Words = []
    department_duty_words: Words = []


class ListsVocab(_Vocab):
    duty_verbs: Words = []
    frequency_words: Words = []


class BoilerplateVocab(_Vocab):
    phrases: Words = []
    copyright_marks: Words = []
    patterns: Words = []
    trailers: Words = []
    closers: Words = []
    closer_starts: Words = []
    inline: Words = []
    inline_patterns: Words = []
    lead_ins: Words = []
    lead_in_fillers: Words = []


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
    spaced_bullets: str = ""
    line_bullets: str = ""
    dashes: str = ""
    list_separators: str = ""
    enumeration_copulas: Words = []
    value_units: str = ""
    money_units: str = ""


class ColumnsVocab(_Vocab):
    label: Words = []
    category: Words = []
    text: Words = []
    frequency: Words = []
    metrics: Words = []
    importance: Words = []


class TablesVocab(_Vocab):
    columns: ColumnsVocab = Field(default_factory=ColumnsVocab)
    duty_markers: Words = []
    score_headers: Words = []
    extra_column_headers: Words = []
    table_suffixes: Words = []
    unnamed_column: str = "{n}"


class KpisVocab(_Vocab):
    name_headers: Words = []
    weight_headers: Words = []
    target_headers: Words = []
    periods: dict[str, Literal["month", "quarter", "half_year", "year"]] = Field(default_factory=dict)
    header_words: Words = []
    period_header_words: Words = []
    table_titles: Words = []
    units: Words = []
    comparators: Words = []
    bounds: Words = []
    score_unit: str = ""
    total_rows: Words = []
    procedure_endings: Words = []
    group_words: Words = []


class DutiesVocab(_Vocab):
    rule_words: Words = []
    deduct_words: Words = []
    money_units: Words = []
    metric_endings: Words = []
    frequency_prefixes: Words = []
    frequency_periods: Words = []
    day_words: Words = []
    before_word: str = ""
    rules_heading: str = ""


class QualificationsVocab(_Vocab):
    education: dict[str, Literal["初中", "高中", "中专", "大专", "本科", "硕士", "博士"]] = Field(default_factory=dict)
    or_above: Words = []
    degree_words: Words = []
    experience_tags: Words = []
    education_tags: Words = []
    age_units: Words = []
    range_separators: Words = []
    at_least: Words = []
    at_most: Words = []
    at_most_before: Words = []
    about: Words = []
    alternative_words: Words = []
    year_units: Words = []
    half: Words = []
    experience_words: Words = []
    gender_free: Words = []
    male: Words = []
    female: Words = []
    only_word: str = ""
    sex_word: str = ""
    preferred_markers: Words = []
    not_preferred_markers: Words = []
    major_words: Words = []
    major_tail_prefixes: Words = []
    major_relations: Words = []
    major_suffixes: Words = []
    major_wishes: Words = []
    major_separators: Words = []
    major_name_words: Words = []
    no_requirement: Words = []
    enumerating_verbs: Words = []
    major_lead_ins: Words = []
    label_hints: dict[str, Literal["education", "experience", "age", "gender", "majors", "certifications",
                                   "training", "knowledge", "qualities", "skills", "special"]] = Field(
        default_factory=dict)
    not_requirement_heads: Words = []
    requirement_words: Words = []
    experiential_aspect: Words = []


class ReportingVocab(_Vocab):
    report_verbs: Words = []
    report_to_word: str = ""
    responsible_openers: Words = []
    responsible_verbs: Words = []
    direct: str = ""
    indirect: str = ""
    supervise_words: Words = []
    position_unit: str = ""
    person_unit: str = ""
    total_word: str = ""
    count_word: str = ""
    promotion_verbs: Words = []
    promotion_joins: Words = []
    name_separators: Words = []
    name_tails: Words = []
    contact_relations: Words = []
    contact_reasons: Words = []
    superior_openers: Words = []
    report_to_verbs_first: Words = []
    superior_closers: Words = []
    under_end: str = ""
    superior_tails: Words = []
    superior_adverbs: Words = []


class ValuesVocab(_Vocab):
    empty: Words = []


class PostingsVocab(_Vocab):
    salary_units: dict[str, Literal["month", "year", "day", "hour"]] = Field(default_factory=dict)
    question_openers: Words = []
    answer_openers: Words = []
    question_topics: dict[str, Literal["duties", "qualifications", "compensation", "location"]] = Field(default_factory=dict)
    thousand: Words = []
    ten_thousand: Words = []
    yuan: Words = []
    currency_signs: Words = []
    pay_periods: Words = []
    months_words: Words = []
    negotiable: Words = []
    pay_words: Words = []
    perk_pay_words: Words = []
    perk_verbs: Words = []
    offer_openers: Words = []
    perk_joiners: Words = []
    perk_list_closers: Words = []
    perk_heads: Words = []
    perk_describers: Words = []
    employment_types: Words = []
    place_separators: Words = []
    not_places: Words = []
    place_alternatives: Words = []
    place_prefixes: Words = []
    address_endings: Words = []
    sentence_words_in_places: Words = []


class GrammarVocab(_Vocab):
    """Function words that tell prose from structure."""

    prose_followers: Words = []
    announcing_words: Words = []
    verb_headings: Words = []
    strong_start_followers: Words = []
    prose_preceders: Words = []
    title_conjunctions: Words = []
    level_joins: Words = []
    month_word: str = ""
    each_word: str = ""
    possessive: str = ""
    copulas: Words = []
    place_copulas: Words = []
    having_copulas: Words = []
    sentence_inner_marks: Words = []
    sentence_final_marks: Words = []
    prose_labels: Words = []
    colon_labels: Words = []
    running_headings: Words = []
    subject_tails: Words = []
    recruiting_verbs: Words = []
    recruiting_counts: Words = []
    recruiting_modals: Words = []
    duty_sentence_leads: Words = []
    copula_leads: Words = []
    position_subjects: Words = []
    duty_openers: Words = []
    candidate_subjects: Words = []
    requirement_modals: Words = []
    possession_verbs: Words = []
    knowing_verbs: Words = []
    requirement_topics: Words = []
    requirement_openers: Words = []
    application_words: Words = []
    all_roles_words: Words = []
    all_roles_adverbs: Words = []
    clause_leads: Words = []
    ambiguous_headings: Words = []
    categorised_duty_headings: Words = []
    list_announcers: Words = []
    company_wide_headings: Words = []
    seeking_verbs: Words = []
    clause_prepositions: Words = []
    collective_staff: Words = []
    joining_words: Words = []
    attributive_marks: Words = []


class LexiconData(_Vocab):
    sections: dict[SectionKey, list[str]] = Field(default_factory=dict)
    labels: dict[FieldPath, list[str]] = Field(default_factory=dict)
    meta_labels: Words = []
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
        # read per piece (a compilation asks ~7,000 times): a tuple for str.startswith, once
        self.all_roles_words = tuple(data.grammar.all_roles_words)

    # -- compiled matchers (built once per lexicon) ----------------------------------------
    @cached_property
    def heading_re(self) -> re.Pattern[str]:
        # Latin headings ("Responsibilities", "What you'll do") are written in any case.
        return re.compile(alternation(self.sections, ignore_case=True))

    @cached_property
    def label_re(self) -> re.Pattern[str]:
        return re.compile(alternation(set(self.labels) | self.meta_labels, ignore_case=True))

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
    def any_inline_pattern(self) -> re.Pattern[str]:
        """Whether a text holds any of :attr:`inline_patterns`: one scan rather than one per pattern."""
        return re.compile("|".join(f"(?:{p})" for p in self.data.boilerplate.inline_patterns))

    @cached_property
    def numbering(self) -> Numbering:
        from .numbering import Numbering

        return Numbering(self.data.numbering)

    @cached_property
    def column_roles(self) -> dict[str, str]:
        """A table column's header -> the role of its column (``序号`` -> label)."""
        return _invert(self.data.tables.columns.model_dump())

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
    from .parsed_toml import loads  # the parse is kept between runs (~8 ms of a cold start)

    text = resources.files("jdx.pipeline").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return loads(text, "lexicon.toml")


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
                    "qualifications.label_hints", "postings.salary_units", "postings.question_topics"}


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


def _construct(model: type[_Vocab], data: dict[str, Any]) -> Any:
    """``model`` from data known to be valid, without validating it: the bundled file, which
    the tests validate (``validate`` gives an equal model)."""
    values = {}
    for name, value in data.items():
        kind = model.model_fields[name].annotation
        nested = isinstance(kind, type) and issubclass(kind, _Vocab) and isinstance(value, dict)
        values[name] = _construct(kind, value) if nested else value  # type: ignore[arg-type]
    return model.model_construct(**values)


@cache
def load_lexicon(user_file: str | None = None) -> Lexicon:
    """The bundled lexicon, changed by ``user_file`` or by the file named in ``$JDX_LEXICON``.

    Raises :class:`LexiconError` naming the file and the key when the user file is wrong.
    """
    data = bundled_data()
    user_file = user_file or os.environ.get("JDX_LEXICON") or None
    if not user_file:
        return Lexicon(_construct(LexiconData, data))
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
