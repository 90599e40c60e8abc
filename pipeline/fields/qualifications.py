"""Qualifications: education level, age range, years of experience, gender and the lists
(skills, qualities, knowledge, certifications, majors, training, special requirements).

Labelled values go where their label says. An unlabelled 任职要求 line is sorted by what it
says: a degree is education, ``N年…经验`` experience, ``N岁`` age; everything else is
classified into a list by :mod:`jdx.pipeline.nlp` (jieba tokens against the lexicon).
"""

from __future__ import annotations

import re

from ...schemas.role import Age, Education, Experience, Qualifications
from ..numbering import cn_to_int
from .values import clean_item, clean_value, split_list

# Longest spelling first: 大学专科 before 大学, 研究生 before 生.
EDUCATION_WORDS: tuple[tuple[str, str], ...] = (
    ("博士研究生", "博士"), ("博士", "博士"), ("硕士研究生", "硕士"), ("硕士", "硕士"), ("研究生", "硕士"),
    ("大学本科", "本科"), ("本科", "本科"), ("学士", "本科"), ("全日制统招本科", "本科"),
    ("大学专科", "大专"), ("高职", "大专"), ("大专", "大专"), ("专科", "大专"),
    ("中专", "中专"), ("中技", "中专"), ("技校", "中专"), ("职高", "中专"), ("中等专业", "中专"),
    ("高中", "高中"), ("初中", "初中"), ("大学", "本科"),
)
OR_ABOVE = re.compile(r"以上|及以上|或以上|或同等|以上学历|起")
NUM = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)"
AGE_RANGE = re.compile(rf"{NUM}\s*(?:岁|周岁)?\s*(?:-|—|–|~|～|〜|至|到)\s*{NUM}\s*(?:岁|周岁)")
AGE_MIN = re.compile(rf"{NUM}\s*(?:岁|周岁)\s*(?:以上|及以上)")
AGE_MAX = re.compile(rf"{NUM}\s*(?:岁|周岁)\s*(?:以下|及以下|以内)|(?:不超过|不大于|小于)\s*{NUM}\s*(?:岁|周岁)")
AGE_ANY = re.compile(rf"{NUM}\s*(?:岁|周岁)")
YEARS = re.compile(rf"{NUM}\s*(?:-|—|~|至|到)?\s*{NUM}?\s*年")
GENDER_FREE = ("不限", "男女不限", "不拘", "男女均可", "均可")


def _number(text: str) -> float | None:
    if text is None:
        return None
    if text == "半":
        return 0.5
    try:
        return float(text)
    except ValueError:
        value = cn_to_int(text.replace("两", "二"))
        return float(value) if value is not None else None


def parse_education(text: str) -> Education | None:
    value = clean_value(text)
    if not value:
        return None
    level = None
    for word, lvl in EDUCATION_WORDS:
        if word in value:
            level = lvl
            break
    if level is None:
        return None
    idx = value.find(next(w for w, lvl in EDUCATION_WORDS if lvl == level and w in value))
    or_above = bool(OR_ABOVE.search(value[idx: idx + 12]))
    return Education(level=level, or_above=or_above, text=value)


def parse_age(text: str) -> Age | None:
    value = clean_value(text)
    if not value:
        return None
    m = AGE_RANGE.search(value)
    if m:
        lo, hi = _number(m.group(1)), _number(m.group(2))
        return Age(min=int(lo) if lo else None, max=int(hi) if hi else None, text=value)
    m = AGE_MIN.search(value)
    if m:
        return Age(min=int(_number(m.group(1)) or 0), max=None, text=value)
    m = AGE_MAX.search(value)
    if m:
        n = _number(m.group(1) or m.group(2))
        return Age(min=None, max=int(n) if n else None, text=value)
    m = AGE_ANY.search(value)
    if m or "岁" in value:
        return Age(min=None, max=None, text=value)
    return None


def parse_experience(text: str) -> Experience | None:
    value = clean_value(text)
    if not value:
        return None
    m = YEARS.search(value)
    years = _number(m.group(1)) if m else None
    if years is None and not re.search(r"经验|经历|从事", value):
        return None
    return Experience(years_min=years, text=value)


def parse_gender(text: str) -> str | None:
    value = clean_value(text) or ""
    if any(w in value for w in GENDER_FREE):
        return None
    if "男" in value and "女" not in value:
        return "男"
    if "女" in value and "男" not in value:
        return "女"
    return None


LIST_FIELDS = ("majors", "skills", "qualities", "knowledge", "certifications", "training", "special")


class QualificationBuilder:
    """Collects values for one role; the first education/age/experience seen wins."""

    def __init__(self) -> None:
        self.education: Education | None = None
        self.age: Age | None = None
        self.gender: str | None = None
        self.experience: Experience | None = None
        self.lists: dict[str, list[str]] = {f: [] for f in LIST_FIELDS}

    def add_labelled(self, field: str, value: str) -> bool:
        """Add ``value`` under ``field`` (the part after ``qualifications.``); True if used."""
        if field == "education":
            edu = parse_education(value)
            if edu is None:
                return False
            if self.education is None:
                self.education = edu
            # "大专及以上,机械制造、材料成型等相关专业": the majors ride along with the degree.
            for part in re.split(r"[,，;；]", edu.text):
                if "专业" in part and not self.lists["majors"] and not parse_education(part):
                    self.lists["majors"].extend(_majors(part))
            return True
        if field == "age":
            age = parse_age(value)
            if age is None:
                return False
            self.age = self.age or age
            return True
        if field == "gender":
            if clean_value(value) is None:
                return False
            self.gender = self.gender or parse_gender(value)
            return True
        if field == "experience":
            exp = parse_experience(value) or (Experience(years_min=None, text=clean_value(value))
                                              if clean_value(value) else None)
            if exp is None:
                return False
            self.experience = self.experience or exp
            return True
        if field in self.lists:
            items = split_list(value) if field != "majors" else _majors(value)
            items = [i for i in items if i not in ("无", "不限")]
            self.lists[field].extend(i for i in items if i not in self.lists[field])
            return bool(items)
        return False

    def add_item(self, field: str, text: str) -> None:
        item = clean_item(text)
        if item and field in self.lists and item not in self.lists[field]:
            self.lists[field].append(item)

    def add_unlabelled(self, text: str, classify) -> str | None:
        """Sort an unlabelled requirement line; returns the field it went to."""
        value = clean_item(text)
        if not value:
            return None
        head, _, rest = value.partition(":")
        if rest and len(head) <= 8:
            field = classify_label(head)
            if field in self.lists:
                self.add_item(field, value)
                return field
            if field and self.add_labelled(field, rest):
                return field
        if self.education is None and (edu := parse_education(value)) and len(value) <= 40:
            self.education = edu
            exp = parse_experience(value)
            if self.experience is None and exp and exp.years_min is not None and "经验" in value:
                self.experience = exp
            return "education"
        if self.experience is None and re.search(r"\d+\s*年|[一二两三四五六七八九十]年", value) \
                and re.search(r"经验|经历|从事|工作", value):
            self.experience = parse_experience(value)
            return "experience"
        if self.age is None and (age := parse_age(value)) and (age.min or age.max):
            self.age = age
            return "age"
        field = classify(value)
        if field:
            self.add_item(field, value)
        return field

    def build(self) -> Qualifications:
        return Qualifications(education=self.education, age=self.age, gender=self.gender,
                              experience=self.experience, **self.lists)


MAJOR_TAIL = re.compile(r"(?:等|及|或)?(?:其他)?(?:相关|相近)?(?:专业|学科|科系)(?:毕业)?(?:者)?(?:优先|尤佳)?$|(?:者)?优先$|尤佳$")


def _majors(value: str) -> list[str]:
    """``行政管理、文秘、汉语言文学等相关专业`` → 行政管理, 文秘, 汉语言文学."""
    value = clean_value(value) or ""
    if not value or value in ("不限", "专业不限"):
        return []
    out: list[str] = []
    for part in re.split(r"[、,，;；/]|或者|或", value):
        part = MAJOR_TAIL.sub("", part.strip()).strip()
        if len(part) >= 2 and part not in out and part not in ("不限", "相关", "以上"):
            out.append(part)
    return out


LABEL_HINTS: tuple[tuple[str, str], ...] = (
    ("学历", "education"), ("教育", "education"), ("文化程度", "education"),
    ("经验", "experience"), ("工作年限", "experience"), ("经历", "experience"),
    ("年龄", "age"), ("性别", "gender"), ("专业", "majors"),
    ("证", "certifications"), ("资格", "certifications"), ("职称", "certifications"),
    ("培训", "training"), ("知识", "knowledge"),
    ("素质", "qualities"), ("品德", "qualities"), ("性格", "qualities"), ("个性", "qualities"),
    ("能力", "skills"), ("技能", "skills"), ("技术", "skills"),
    ("其他", "special"), ("其它", "special"), ("特殊", "special"),
)


def classify_label(head: str) -> str | None:
    """``教育背景`` → education, ``沟通能力`` → skills: the field an item's own heading names."""
    for hint, field in LABEL_HINTS:
        if hint in head:
            return field
    return None
