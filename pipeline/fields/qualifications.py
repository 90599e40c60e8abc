"""Qualifications: education level, age range, years of experience, gender, majors, the
lists (skills, qualities, knowledge, certifications, training, special requirements) and the
wishes (``preferred``).

Labelled values go where their label says, but every requirement text is read for what it
states wherever it stands: a degree is education (and the majors riding with it), ``N年…经验``
experience, ``N岁`` age. An item that says it is a wish (``…者优先``, ``加分项``, "a strong
plus") is preferred and never a requirement: it may still name a degree, never majors or
years. Anything else unlabelled is classified into a list by :mod:`jdx.pipeline.nlp`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ...schemas.role import Age, Education, Experience, Qualifications
from ..lexicon import Lexicon, alternation
from ..rules import rule
from .values import clauses_outside_brackets, clean_item, clean_value, split_list, text_units

LIST_FIELDS = ("majors", "skills", "qualities", "knowledge", "certifications", "training", "special", "preferred")
SENTENCES = re.compile(r"(?<=[。;；])")
Classify = Callable[[str], str | None]


@cache
def _patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    q = lexicon.data.qualifications
    cn = lexicon.numbering.cn_class
    num = rf"(\d{{1,3}}(?:\.\d{{1,2}})?|{cn}{{1,3}}|{alternation(q.half)})"
    sep = alternation(q.range_separators)
    age = alternation(q.age_units)
    years = alternation(q.year_units)
    return {
        "education": re.compile(alternation(list(q.education))),
        "or_above": re.compile(alternation(q.or_above), re.IGNORECASE),
        "age_range": re.compile(rf"{num}\s{{0,2}}(?:{age})?\s{{0,2}}(?:{sep})\s{{0,2}}{num}\s{{0,2}}(?:{age})"),
        "age_min": re.compile(rf"{num}\s{{0,2}}(?:{age})\s{{0,2}}(?:{alternation(q.at_least)})"),
        "age_max": re.compile(rf"{num}\s{{0,2}}(?:{age})\s{{0,2}}(?:{alternation(q.at_most)})"
                              rf"|(?:{alternation(q.at_most_before)})\s{{0,2}}{num}\s{{0,2}}(?:{age})"),
        "age_any": re.compile(rf"{num}\s{{0,2}}(?:{age})"),
        # "3年以上", "3-5年", "三年左右", "半年或一年以上", "5+ years"
        "years": re.compile(rf"{num}\s{{0,2}}(?:\+\s{{0,2}})?(?:(?:{sep})\s{{0,2}}{num}\s{{0,2}})?(?:{years})"
                            rf"(?P<tail>.{{0,3}})", re.IGNORECASE),
        "about": re.compile(alternation(q.about)),
        "or": re.compile(alternation(q.alternative_words), re.IGNORECASE),
        "preferred": re.compile(alternation(q.preferred_markers), re.IGNORECASE),
        "not_preferred": re.compile(alternation(q.not_preferred_markers)),
        "major_tail": re.compile(
            rf"(?:{alternation(q.major_tail_prefixes)})?(?:{alternation(q.major_relations)})?"
            rf"(?:{alternation(q.major_words)})(?:{alternation(q.major_suffixes)}){{0,2}}(?:{alternation(q.major_wishes)})?$"
            rf"|(?:{alternation(q.major_suffixes)})?(?:{alternation(q.major_wishes)})$"
            # "企业管理相关" (a Taiwan board's 科系要求): the relation word alone ends the name
            rf"|(?<=[^\W\d_])(?:{alternation(q.major_relations)})$"),
        # a separator word inside a major's name ("电气工程及其自动化") parts nothing
        "major_split": re.compile(rf"(?!{alternation(q.major_name_words) or '(?!)'})(?:{alternation(q.major_separators)})"),
        "major_word": re.compile(alternation(q.major_words)),
        # the candidate may be named before the verb ("应聘者须具有财务会计或相关专业…"), and the
        # position before the candidate ("该职位要求候选人具有财务、会计相关专业…")
        "major_lead_in": re.compile(rf"^(?:{alternation(lexicon.data.grammar.position_subjects)})?"
                                    rf"(?:{alternation(lexicon.data.grammar.requirement_openers)})?"
                                    rf"(?:{alternation(lexicon.data.grammar.candidate_subjects)})?"
                                    rf"(?:{alternation(q.major_lead_ins)})"),
        "experience_word": re.compile(alternation(q.experience_words)),
    }


def number(text: str | None, lexicon: Lexicon) -> float | None:
    if text is None:
        return None
    if text in lexicon.data.qualifications.half:
        return 0.5
    try:
        return float(text)
    except ValueError:
        value = lexicon.numbering.to_int(text)
        return float(value) if value is not None else None


# --- parsers ------------------------------------------------------------------------------------

def parse_education(text: str, lexicon: Lexicon) -> Education | None:
    value = clean_value(text, lexicon)
    if not value:
        return None
    p = _patterns(lexicon)
    m = p["education"].search(value)
    if m is None:
        return None
    level = lexicon.data.qualifications.education[m.group()]
    # "本科及以上学历" says it within a few characters; "Bachelor's degree or above" within a few words
    window = m.end() + 12 if not m.group().isascii() else _after_words(value, m.end(), 4)
    # ... and within its own clause: "硕士学历，3年以上…" says nothing more of the degree
    clause_end = CLAUSE_MARK.search(value, m.end())
    window = min(window, clause_end.start()) if clause_end else window
    or_above = bool(p["or_above"].search(value[m.start(): window]))
    return Education(level=level, or_above=or_above, text=value)


@rule
def no_degree_required(value: str, lexicon: Lexicon) -> Education | None:
    """``学历：不限``, ``学历要求：无``: under the degree's own label, "none required" is what the
    posting asks of the degree — the education, with no level, as written (a person reads 不限 in
    the education column, not among other sections)."""
    text = clean_value(value, lexicon)
    q = lexicon.data.qualifications
    return Education(level=None, or_above=False, text=text) if text in (*q.no_requirement, *q.education_tags) else None


CLAUSE_MARK = re.compile(r"[,，;；。]")


def _after_words(text: str, start: int, words: int) -> int:
    """Where the ``words``-th word after ``start`` ends."""
    end = start
    for m in re.finditer(r"\S+", text[start:]):
        end = start + m.end()
        words -= 1
        if not words:
            break
    return end


def parse_age(text: str, lexicon: Lexicon) -> Age | None:
    value = clean_value(text, lexicon)
    if not value:
        return None
    p = _patterns(lexicon)
    m = p["age_range"].search(value)
    if m:
        lo, hi = number(m.group(1), lexicon), number(m.group(2), lexicon)
        return Age(min=int(lo) if lo else None, max=int(hi) if hi else None, text=value)
    m = p["age_min"].search(value)
    if m:
        return Age(min=int(number(m.group(1), lexicon) or 0), max=None, text=value)
    m = p["age_max"].search(value)
    if m:
        n = number(m.group(1) or m.group(2), lexicon)
        return Age(min=None, max=int(n) if n else None, text=value)
    if p["age_any"].search(value):
        return Age(min=None, max=None, text=value)
    return None


def years_min(text: str, lexicon: Lexicon) -> float | None:
    """The stated minimum of experience: ``3年以上`` → 3, ``3-5年`` → 3, ``半年或一年以上`` → 0.5,
    ``教学五年以上…管理三年以上`` → 5 (the larger of separate minimums); ``三年左右`` → None."""
    p = _patterns(lexicon)
    found: list[float] = []
    alternatives: list[float] = []
    for m in p["years"].finditer(text):
        if p["about"].match(m.group("tail")):
            continue
        value = number(m.group(1), lexicon)
        if value is None or value > 40:
            continue
        between = text[m.start() - 3: m.start()] if alternatives else ""
        if alternatives and p["or"].search(between):
            alternatives.append(value)  # "半年或一年以上": one statement, the smaller is the minimum
            continue
        if alternatives:
            found.append(min(alternatives))
        alternatives = [value]
    if alternatives:
        found.append(min(alternatives))
    return max(found) if found else None


def parse_experience(text: str, lexicon: Lexicon) -> Experience | None:
    value = clean_value(text, lexicon)
    if not value:
        return None
    years = years_min(value, lexicon)
    if years is None and not _patterns(lexicon)["experience_word"].search(value):
        return None
    return Experience(years_min=years, text=value)


def parse_gender(text: str, lexicon: Lexicon) -> str | None:
    q = lexicon.data.qualifications
    value = clean_value(text, lexicon) or ""
    head = re.split(r"[(（]", value)[0]  # "不限（女性佳）": the wish in brackets is not a requirement
    if any(w in head for w in q.gender_free):
        return None
    male = any(w in head for w in q.male)
    female = any(w in head for w in q.female)
    if male and not female:
        return q.male[0]
    if female and not male:
        return q.female[0]
    return None


NOTE_OPENERS = ("(", "（", "[", "【")


def majors(value: str, lexicon: Lexicon) -> list[str]:
    """``行政管理、文秘、汉语言文学等相关专业`` → 行政管理, 文秘, 汉语言文学."""
    q = lexicon.data.qualifications
    p = _patterns(lexicon)
    value = clean_value(value, lexicon) or ""
    if not value or value in q.no_requirement:
        return []
    # "…等相关专业（主要针对FPGA、DSP）": a note after the list's closing major word is no major
    close = next((m for m in p["major_word"].finditer(value) if value[m.end():m.end() + 1] in NOTE_OPENERS), None)
    if close is not None:
        value = value[:close.end()]
    out: list[str] = []
    for part in p["major_split"].split(value):
        part = p["major_tail"].sub("", part.strip()).strip()
        if len(part) >= 2 and part not in out and part not in q.no_requirement:
            out.append(part)
    return out


# --- rules -------------------------------------------------------------------------------------

@rule
def preferred_text(text: str, lexicon: Lexicon) -> str | None:
    """A requirement that says it is a wish (``…者优先``, ``有X经验优先``, ``加分``, "a strong
    plus") is preferred, never a requirement; of an item with several sentences only the
    sentence with the marker is the wish."""
    p = _patterns(lexicon)
    if not p["preferred"].search(text):
        return None
    sentences = [s for s in SENTENCES.split(text) if s.strip()]
    marked = [s for s in sentences if p["preferred"].search(s)]
    chosen = marked[0] if len(sentences) > 1 and marked else text
    return clean_item(chosen) or None


@rule
def unmarked_clauses(text: str, lexicon: Lexicon) -> list[str]:
    """A wish often rides on a requirement (``5年以上客服管理经验,有团队管理经验者优先``): the
    clauses without a wish marker still state requirements, each as written."""
    p = _patterns(lexicon)
    clauses = clauses_outside_brackets(text)
    kept = [c for c in clauses if not p["preferred"].search(c)]
    return kept if len(kept) < len(clauses) else []




@rule
def clause_list_requirements(text: str) -> list[str] | None:
    """Prose lists requirements as clauses parted by semicolons (``任职要求：大专及以上学历；1年以上
    新媒体运营经验；文字功底好，熟悉短视频剪辑者优先。``) or as sentences (``…本科以上学历，两年以上
    经验。有快消品行业经验者优先。``), as it lists duties: each clause is a
    requirement sorted by itself, and a wish among them is a wish of its own, not the whole line.
    (A numbered item stays one requirement whatever it holds; the builder asks this only of
    paragraphs.)"""
    clauses = clauses_outside_brackets(text, ";；。")
    # "…。4，具有较强的沟通能力": a job board's number parted by a comma numbers the sentence
    return [COMMA_NUMBER.sub("", c, count=1) or c for c in clauses] if len(clauses) >= 2 else None


@rule
def line_list_requirements(text: str, lexicon: Lexicon) -> list[str] | None:
    """A form's requirement cell often holds one requirement a paragraph, unnumbered
    (``高中以上学历`` / ``1年以上仓管经验``): lines that state different kinds of requirement (a
    degree, years, an age …, :func:`clause_kind`) are requirements each. Lines of one kind, or
    of none, may be one requirement wrapped, and stay together."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    kinds = {k for line in lines if (k := clause_kind(line, lexicon)) is not None}
    return lines if len(lines) >= 2 and len(kinds) >= 2 else None


COMMA_NUMBER = re.compile(r"^\d{1,2}\s?[，,]\.?\s?(?=[^\d\s])")

def clause_kind(clause: str, lexicon: Lexicon) -> str | None:
    if _patterns(lexicon)["preferred"].search(clause):
        return "preferred"
    if text_units(clause) <= 40 and parse_education(clause, lexicon) is not None:
        return "education"
    if years_in_text(clause, lexicon) is not None:
        return "experience"
    if age_in_text(clause, lexicon) is not None:
        return "age"
    if gender_clause(clause, lexicon) is not None:
        return "gender"  # 女性，25岁以下，…: a gender is a kind of requirement of its own
    if experience_without_years(clause, lexicon) is not None:
        return "experience"  # 有物业管理相关工作经验，…，年龄在30-45岁之间
    if any(word in clause for word in lexicon.data.requirements.get("special", ())):
        return "special"  # 18-35岁，身体健康 / 能适应倒班: what the job asks of the body and the hours
    return None


@rule
def packed_requirements(text: str, lexicon: Lexicon) -> list[str] | None:
    """Leaflets and job boards pack requirements of different kinds into one line, clause after
    clause (``高中以上学历，能吃苦耐劳，3年以上仓库经验``): when two clauses state different kinds (a
    degree, years, an age, a gender: ``女性，25岁以下，打字快``, the body or hours: ``18-35岁，身体健康``),
    every clause is a requirement of its own, sorted by itself and kept as
    written, so the qualities are no part of the degree's text. A line of one kind (``有 GraphQL
    开发经验，Flow 或 TypeScript 开发经验``) stays whole, and so does a line with a wish: it is
    kept whole among the wishes."""
    # Semicolons part requirements before commas do: 持 C1 驾照，5年以上驾龄 is one of them.
    for separators in (";；", ",，;；。"):
        clauses = clauses_outside_brackets(text, separators)
        if len(clauses) < 2:
            continue
        kinds = {k for c in clauses if (k := clause_kind(c, lexicon)) is not None}
        if "preferred" in kinds:
            return None  # a line with a wish is kept whole among the wishes (preferred_text)
        if len(kinds) >= 2:
            return clauses
    return None


@rule
def majors_in_education(text: str, lexicon: Lexicon) -> list[str]:
    """The degree line names the majors too (``本科及以上学历，计算机相关专业``,
    ``大专及以上,机械制造、材料成型等相关专业``): the clause with 专业 lists them, unless it is
    only a wish (``…相关专业优先``)."""
    p = _patterns(lexicon)
    for part in clauses_outside_brackets(text):
        if not p["major_word"].search(part) or p["preferred"].search(part):
            continue
        found = majors_before_degree(part, lexicon) if p["education"].search(part) else majors(
            _after_degree_word(part, lexicon), lexicon)
        if found:
            return found
    return []


def _after_degree_word(clause: str, lexicon: Lexicon) -> str:
    """``统招学历师范专业毕业`` → ``师范专业毕业``: a degree word (学历, 学位) before the majors ends
    the words about the degree."""
    major = _patterns(lexicon)["major_word"].search(clause)
    head = clause[:major.start()] if major else clause
    cut = max((head.rfind(w) + len(w) for w in lexicon.data.qualifications.degree_words if w in head), default=0)
    return clause[cut:].lstrip("，,、 ")


@rule
def majors_before_degree(clause: str, lexicon: Lexicon) -> list[str]:
    """One clause names the majors and then the degree (``拥有计算机、软件工程或相关专业本科及
    以上学历``, ``计算机相关专业硕士以上学历``, ``工学类、理学类专业本科及以上``): the majors are
    what stands before the major word, once its lead-in verb (拥有, 要求具有) is set aside. A
    degree before the major word (``本科学历，专业不限`` in one clause) names none this way."""
    p = _patterns(lexicon)
    major = p["major_word"].search(clause)
    degree = p["education"].search(clause)
    if major is None or degree is None or degree.start() < major.end():
        return []
    return majors(p["major_lead_in"].sub("", clause[:major.end()].strip()), lexicon)


@rule
def majors_line(text: str, lexicon: Lexicon) -> list[str]:
    """A requirement line of its own that names the majors (``机电一体化相关专业``, ``计算机、
    软件工程等相关专业``), apart from the degree line above it."""
    q = lexicon.data.qualifications
    line = text.rstrip("；;。，,. ")
    core = line.removesuffix(next((s for s in q.major_suffixes if line.endswith(s)), ""))  # "…专业毕业"
    if len(line) > 30 or not core.endswith(tuple(q.major_words)):
        return []  # "对数理化等学科知识较熟悉" speaks of knowledge, not of the majors
    return majors_in_education(line, lexicon)


@rule
def age_in_text(text: str, lexicon: Lexicon) -> Age | None:
    """An age range stated inside another requirement (``本科学历，年龄在29－45岁之间``)."""
    age = parse_age(text, lexicon)
    return age if age is not None and (age.min or age.max) else None


@rule
def gender_in_text(text: str, lexicon: Lexicon) -> str | None:
    """A clause that is only a gender (``男性，年龄20-35岁``, ``限女性``) requires it; a wish
    (``女性优先``) does not."""
    q = lexicon.data.qualifications
    for clause in re.split(r"[,，;；。、\s]", text):
        clause = clause.strip()
        if not clause or len(clause) > 4 or preferred_text(clause, lexicon) is not None:
            continue
        core = clause.removeprefix(q.only_word).removesuffix(q.sex_word)
        if core in q.male:
            return q.male[0]
        if core in q.female:
            return q.female[0]
    return None



@rule
def gender_clause(text: str, lexicon: Lexicon) -> str | None:
    """A requirement that is only a gender (``保安：高中及以上学历，男性，年龄45周岁以下``: the clause
    ``男性`` of a packed line, ``限女性`` on its own) requires it."""
    value = clean_item(text)
    return gender_in_text(value, lexicon) if len(value) <= 4 else None

@rule
def experience_without_years(text: str, lexicon: Lexicon) -> Experience | None:
    """``有教学经验``, ``具备大型项目管理经验``: a short requirement that asks for experience and names
    no years is the experience asked for (it was left unmapped), with no minimum."""
    value = clean_item(text)
    q = lexicon.data.qualifications
    # the lexicon's first experience word is the noun itself (经验); the others (工作, 从事) end no request
    if text_units(value) > MAX_EXPERIENCE_CLAUSE or not value.endswith(q.experience_words[0]):
        return None
    return Experience(years_min=None, text=value)


MAX_EXPERIENCE_CLAUSE = 20


@rule
def either_gender(text: str, lexicon: Lexicon) -> bool:
    """``男女不限``, ``男女均可`` as a clause of a packed line states the gender requirement: none
    (gender stays null); it was left unmapped as a clause no field took."""
    value = clean_item(text)
    # a bare 不限 or 均可 in a packed line may free anything; 男女不限 names the gender
    return value in lexicon.data.qualifications.gender_free and len(value) > 2


@rule
def years_in_text(text: str, lexicon: Lexicon) -> Experience | None:
    """Years of experience stated anywhere in a requirement (``5年以上相关工作经验``,
    ``从事人事工作三年以上``): the stated minimum."""
    p = _patterns(lexicon)
    if not p["experience_word"].search(text):
        return None
    years = _years_of_experience_clause(text, lexicon)
    return Experience(years_min=years, text=clean_item(text)) if years is not None else None


@rule
def _years_of_experience_clause(text: str, lexicon: Lexicon) -> float | None:
    """In a sentence of several clauses the years that count are those of the clauses that
    speak of experience (``团队成员的平均代码年龄超过10年。招聘要求是3年以上前端开发经验`` → 3),
    not any figure with 年; a text whose figure and experience word stand apart keeps the
    first."""
    p = _patterns(lexicon)
    clauses = [c for c in re.split(r"[,，;；。!！?？]", text)
               if p["experience_word"].search(c) and years_min(c, lexicon) is not None]
    return years_min("，".join(clauses) if clauses else text, lexicon)


class QualificationBuilder:
    """Collects values for one role; the first education/age/experience seen wins, unless it
    came from a summary (a job board's tag line): a requirement that states it takes its place."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.education: Education | None = None
        self.age: Age | None = None
        self.gender: str | None = None
        self.experience: Experience | None = None
        self.lists: dict[str, list[str]] = {f: [] for f in LIST_FIELDS}
        self.provisional: set[str] = set()  # fields a summary set, which a requirement may restate
        self.restated: set[str] = set()  # fields a requirement just restated (their evidence moves)
        self.unsorted: list[str] = []  # clauses of a packed line that no field took (kept as unmapped)

    def add_summary(self, field: str, value: str) -> bool:
        """``本科`` and ``3-5年`` from a tag line: kept until the requirements say it in full."""
        used = self.add_labelled(field, value)
        if used and field in ("education", "experience"):
            self.provisional.add(field)
        return used

    def _open(self, field: str) -> bool:
        """Whether ``field`` may still be set; setting it ends what a summary said."""
        if field in self.provisional:
            self.provisional.discard(field)
            self.restated.add(field)
            setattr(self, field, None)
        return getattr(self, field) is None

    def _append(self, field: str, items: list[str]) -> None:
        target = self.lists[field]
        target.extend(i for i in items if i not in target)

    def add_labelled(self, field: str, value: str) -> bool:
        """Add ``value`` under ``field`` (the part after ``qualifications.``); True if used.

        A labelled value that is a wish (``证书：持有…证书者优先``) is preferred; the clauses of it
        that are no wish still count under the label. A list field's wish on a line of its own
        is that line alone (``记帐士证照`` / ``具会计师证照者优先``: a certificate and a wish)."""
        lines = [line for line in value.split("\n") if line.strip()]
        if len(lines) > 1 and field in self.lists and field != "preferred":
            wishes = {line: wish for line in lines if (wish := preferred_text(line, self.lexicon))}
            if wishes:
                for wish in wishes.values():
                    self.add_item("preferred", wish)
                rest = "\n".join(line for line in lines if line not in wishes)
                return self._add_labelled(field, rest) if rest else True
        wish = preferred_text(value, self.lexicon) if field != "preferred" else None
        if wish is not None:
            self.add_item("preferred", wish)
            # "科系：不限，企业管理、行销相关科系尤佳": the majors' own reader knows a wish's tail
            for clause in [value] if field == "majors" else unmarked_clauses(value, self.lexicon):
                self._add_labelled(field, clause)
            return True
        return self._add_labelled(field, value)

    def _add_labelled(self, field: str, value: str) -> bool:
        handler = {"education": self._education, "age": self._age, "gender": self._gender,
                   "experience": self._experience}.get(field)
        if handler is not None:
            return handler(value)
        if field not in self.lists:
            return False
        q = self.lexicon.data.qualifications
        items = split_list(value, self.lexicon) if field not in ("majors", "preferred") else (
            majors(value, self.lexicon) if field == "majors" else [clean_item(line) for line in value.split("\n")])
        items = [i for i in items if i and i not in q.no_requirement]
        self._append(field, items)
        for item in items if field == "special" else []:
            self._also(item)  # 其他条件：35周岁以下，… — a catch-all also states the age, years, gender
        return bool(items)

    def _education(self, value: str) -> bool:
        edu = parse_education(value, self.lexicon) or no_degree_required(value, self.lexicon)
        if edu is None:
            return False
        self.education = self.education or edu
        if not self.lists["majors"]:
            self._append("majors", majors_in_education(edu.text, self.lexicon))
        self._also(value)
        return True

    def _age(self, value: str) -> bool:
        age = parse_age(value, self.lexicon)
        if age is None:
            return False
        self.age = self.age or age
        return True

    def _gender(self, value: str) -> bool:
        if clean_value(value, self.lexicon) is None:
            return False
        self.gender = self.gender or parse_gender(value, self.lexicon)
        wish = _gender_wish(value, self.lexicon)
        if wish:
            self._append("preferred", [wish])
        return True

    def _experience(self, value: str) -> bool:
        cleaned = clean_value(value, self.lexicon)
        if not cleaned:
            return False
        if self.experience is not None:
            return False  # a second experience label (行业背景, then 从业年限) keeps its text in other_sections
        self.experience = parse_experience(value, self.lexicon) or Experience(years_min=None, text=cleaned)
        return True

    def _also(self, text: str) -> None:
        """What else a requirement states in passing: an age, years of experience, a gender."""
        if self.age is None:
            self.age = age_in_text(text, self.lexicon)
        if self.experience is None:
            self.experience = years_in_text(text, self.lexicon)
        if self.gender is None:
            self.gender = gender_in_text(text, self.lexicon)

    def add_listed(self, field: str, text: str) -> None:
        """An item of a labelled list (``其他条件：`` / ``1. 细心负责`` / ``2. 具会计丙级证照尤佳``): a wish among
        the items is a wish, as on a labelled line (:meth:`add_labelled`); it was a requirement."""
        wish = preferred_text(text, self.lexicon) if field != "preferred" else None
        self.add_item("preferred" if wish else field, wish or text)

    def add_item(self, field: str, text: str) -> None:
        item = clean_item(text)
        if item and field in self.lists and item not in self.lists[field]:
            self.lists[field].append(item)

    def add_unlabelled(self, text: str, classify: Classify) -> str | None:
        """Sort an unlabelled requirement line; returns the field it went to."""
        value = clean_item(text)
        if not value:
            return None
        packed = packed_requirements(value, self.lexicon)
        if packed is not None:
            fields = [self.add_unlabelled(clause, classify) for clause in packed]
            if any(fields):
                self.unsorted.extend(c for c, f in zip(packed, fields, strict=True) if f is None)
            return next((f for f in fields if f), None)
        wish = preferred_text(value, self.lexicon)
        if wish is not None:
            self.add_item("preferred", wish)
            edu = parse_education(value, self.lexicon)
            if self.education is None and edu is not None:
                self.education = edu
                if not self.lists["majors"]:  # the degree's clause names them; the wish's does not
                    self._append("majors", majors_in_education(value, self.lexicon))
            for clause in unmarked_clauses(value, self.lexicon):
                if self._by_content(clause, lambda _text: None) is None and clause not in wish:
                    self.unsorted.append(clause)  # kept as unmapped: the wish's line is used
            return "preferred"
        labelled = self._own_label(value)
        if labelled is not None:
            return labelled
        return self._by_content(value, classify)

    def _own_label(self, value: str) -> str | None:
        head, _, rest = value.partition(":")
        if not rest:
            head, _, rest = value.partition("：")
        if not rest or len(head) > 8:
            return None
        field = classify_label(head, self.lexicon)
        if field in self.lists:
            self.add_item(field, value)
            return field
        if field and self.add_labelled(field, rest):
            return field
        return None

    def _by_content(self, value: str, classify: Classify) -> str | None:
        lex = self.lexicon
        if text_units(value) <= 60 and (edu := parse_education(value, lex)) and self._open("education"):
            self.education = edu
            if not self.lists["majors"]:
                self._append("majors", majors_in_education(value, lex))
            self._also(value)
            return "education"
        if (exp := years_in_text(value, lex)) is not None and self._open("experience"):
            self.experience = exp
            if self.age is None:
                self.age = age_in_text(value, lex)
            return "experience"
        if self.age is None and (age := age_in_text(value, lex)) is not None:
            self.age = age
            self.gender = self.gender or gender_in_text(value, lex)
            return "age"
        if not self.lists["majors"] and (found := majors_line(value, lex)):
            self._append("majors", found)
            return "majors"
        if self.gender is None and (gender := gender_clause(value, lex)) is not None:
            self.gender = gender
            return "gender"
        if self.gender is None and either_gender(value, lex):
            return "gender"  # 男女不限: the gender asked is none (null), the clause is not unsorted
        if self.experience is None and (exp := experience_without_years(value, lex)) is not None:
            self.experience = exp
            return "experience"
        field = classify(value)
        if field:
            self.add_item(field, value)
        return field

    def build(self) -> Qualifications:
        return Qualifications(education=self.education, age=self.age,
                              gender=self.gender, experience=self.experience, **self.lists)  # type: ignore[arg-type]


@rule
def _gender_wish(value: str, lexicon: Lexicon) -> str | None:
    """``不限（女性佳）``: no gender is required; the bracketed wish is a preference."""
    m = re.search(r"[(（]([^()（）]{1,12})[)）]", value)
    if not m:
        return None
    q = lexicon.data.qualifications
    wish = m.group(1)
    if any(w in wish for w in q.male + q.female):
        return wish
    return None


def classify_label(head: str, lexicon: Lexicon) -> str | None:
    """``教育背景`` → education, ``沟通能力`` → skills: the field an item's own heading names. A
    heading that names pay or perks (``其他福利``, ``培训补贴``) names no requirement."""
    q = lexicon.data.qualifications
    if any(w in head for w in q.not_requirement_heads):
        return None
    for hint, field in q.label_hints.items():
        if hint in head:
            return field
    return None
