"""A catalog role as a schema.org ``JobPosting`` (JSON-LD) for career sites.

Mapping (Role 1.1 → JobPosting):

=========================  ==================================================================
title                      ``title``
description                HTML: ``purpose``, then the duties as a list; a role with neither
                           (recruitment postings often state only requirements) is described by
                           what it does state, in contract order — requirements, other sections,
                           unmapped text — so every role with text has a description
responsibilities           duties, one per line
qualifications             skills, knowledge, qualities, certifications, training, special
educationRequirements      EducationalOccupationalCredential: ``credentialCategory`` from the
                           level (:data:`CREDENTIAL_CATEGORY`), ``description`` the text
experienceRequirements     OccupationalExperienceRequirements: ``monthsOfExperience`` from
                           ``years_min``, ``description`` the text
baseSalary                 MonetaryAmount with a QuantitativeValue (min/max, unitText MONTH …) from
                           ``salary``; currency by :func:`salary_currency`
jobLocation                one Place per ``location`` entry (addressLocality as written)
employmentType             Google's values where the text says one (:data:`EMPLOYMENT_TYPES`),
                           else the text as written
hiringOrganization         Organization named by ``organization`` (left out when unknown)
jobBenefits, skills,       benefits; skills; headcount; the catalog key
totalJobOpenings,
identifier
datePosted                 substitute: the day the current version entered the catalog — a
                           description never says when it was published; this is when the
                           catalog published this text
=========================  ==================================================================
"""

from __future__ import annotations

import html
import re
from typing import Any

CONTEXT = "https://schema.org"

# Google's credentialCategory values for educationRequirements.
CREDENTIAL_CATEGORY = {
    "高中": "high school", "中专": "high school", "大专": "associate degree", "本科": "bachelor degree",
    "硕士": "postgraduate degree", "博士": "postgraduate degree",
}
# Words of an employment-type text → Google's employmentType values, first hit wins.
EMPLOYMENT_TYPES = (
    ("实习", "INTERN"), ("兼职", "PART_TIME"), ("全职", "FULL_TIME"), ("劳务派遣", "CONTRACTOR"),
    ("外包", "CONTRACTOR"), ("临时", "TEMPORARY"), ("志愿", "VOLUNTEER"),
)
SALARY_UNITS = {"month": "MONTH", "year": "YEAR", "day": "DAY", "hour": "HOUR"}
# The currency a pay text names; Chinese job descriptions that name none pay in 元 (CNY).
# HK$ and NT$ are tried before a bare $.
CURRENCY_WORDS = ((re.compile(r"港币|港元|HKD|HK\$"), "HKD"), (re.compile(r"新台币|台币|NTD|TWD|NT\$"), "TWD"),
                  (re.compile(r"欧元|EUR|€"), "EUR"), (re.compile(r"美元|美金|USD|\$"), "USD"))

JOBPOSTING_PROPERTIES = frozenset({
    "@context", "@type", "@id", "applicantLocationRequirements", "applicationContact", "baseSalary", "benefits",
    "datePosted", "directApply", "educationRequirements", "eligibilityToWorkRequirement", "employerOverview",
    "employmentType", "employmentUnit", "estimatedSalary", "experienceInPlaceOfEducation", "experienceRequirements",
    "hiringOrganization", "incentiveCompensation", "incentives", "industry", "jobBenefits", "jobImmediateStart",
    "jobLocation", "jobLocationType", "jobStartDate", "occupationalCategory", "physicalRequirement",
    "qualifications", "relevantOccupation", "responsibilities", "salaryCurrency", "securityClearanceRequirement",
    "sensoryRequirement", "skills", "specialCommitments", "title", "totalJobOpenings", "validThrough", "workHours",
    "additionalType", "alternateName", "description", "disambiguatingDescription", "identifier", "image",
    "mainEntityOfPage", "name", "potentialAction", "sameAs", "subjectOf", "url",
})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$")


def salary_currency(text: str) -> str:
    """A pay text's currency: the one it names, else CNY (the 元 of a Chinese document)."""
    for pattern, code in CURRENCY_WORDS:
        if pattern.search(text):
            return code
    return "CNY"


def employment_type(text: str | None) -> str | None:
    if not text:
        return None
    for word, value in EMPLOYMENT_TYPES:
        if word in text:
            return value
    return text


def _lines(items: list[str]) -> str:
    return "\n".join(i for i in items if i)


def _requirement_texts(role: dict) -> list[str]:
    q = role.get("qualifications") or {}
    texts = [(q.get(k) or {}).get("text") for k in ("education", "age", "experience")]
    for k in ("majors", "skills", "knowledge", "qualities", "certifications", "training", "special", "preferred"):
        texts.extend(q.get(k) or [])
    return [t for t in texts if t]


def description_html(role: dict) -> str:
    """Purpose and duties; failing both, whatever the role states, in contract order."""
    parts: list[str] = []
    if role.get("purpose"):
        parts.append(f"<p>{html.escape(role['purpose'])}</p>")
    duties = [d["text"] for d in role.get("duties") or [] if d.get("text")]
    if duties:
        parts.append("<ul>" + "".join(f"<li>{html.escape(d)}</li>" for d in duties) + "</ul>")
    if parts:
        return "".join(parts)
    fallback = [*_requirement_texts(role),
                *(f"{s['heading']}：{s['text']}" for s in role.get("other_sections") or []),
                *(u["text"] for u in role.get("unmapped") or [])]
    return "".join(f"<p>{html.escape(t)}</p>" for t in fallback if t and t.strip())


def _education(role: dict) -> dict | None:
    edu = (role.get("qualifications") or {}).get("education")
    if not edu:
        return None
    node: dict[str, Any] = {"@type": "EducationalOccupationalCredential", "description": edu["text"]}
    if edu.get("level") in CREDENTIAL_CATEGORY:
        node["credentialCategory"] = CREDENTIAL_CATEGORY[edu["level"]]
    return node


def _experience(role: dict) -> dict | None:
    exp = (role.get("qualifications") or {}).get("experience")
    if not exp:
        return None
    node: dict[str, Any] = {"@type": "OccupationalExperienceRequirements", "description": exp["text"]}
    if exp.get("years_min") is not None:
        node["monthsOfExperience"] = round(exp["years_min"] * 12)
    return node


def _salary(role: dict) -> dict | None:
    salary = role.get("salary")
    if not salary or (salary.get("min") is None and salary.get("max") is None):
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    if salary.get("min") is not None:
        value["minValue"] = salary["min"]
    if salary.get("max") is not None:
        value["maxValue"] = salary["max"]
    if salary.get("unit") in SALARY_UNITS:
        value["unitText"] = SALARY_UNITS[salary["unit"]]
    return {"@type": "MonetaryAmount", "currency": salary_currency(salary.get("text") or ""), "value": value}


def _optional(role: dict) -> dict[str, Any]:
    q = role.get("qualifications") or {}
    duties = [d["text"] for d in role.get("duties") or [] if d.get("text")]
    quals = [x for k in ("skills", "knowledge", "qualities", "certifications", "training", "special") for x in q.get(k) or []]
    values: dict[str, Any] = {
        "hiringOrganization": {"@type": "Organization", "name": role["organization"]} if role.get("organization") else None,
        "responsibilities": _lines(duties) or None,
        "qualifications": _lines(quals) or None,
        "skills": _lines(q.get("skills") or []) or None,
        "educationRequirements": _education(role),
        "experienceRequirements": _experience(role),
        "baseSalary": _salary(role),
        "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": loc}}
                        for loc in role.get("location") or []] or None,
        "employmentType": employment_type(role.get("employment_type")),
        "jobBenefits": _lines(role.get("benefits") or []) or None,
        "totalJobOpenings": role.get("headcount"),
        "occupationalCategory": role.get("category"),
    }
    return {k: v for k, v in values.items() if v is not None}


def job_posting(role: dict, key: str, date_posted: str) -> dict[str, Any]:
    """The JobPosting node of one role (``date_posted``: ISO date of the current version)."""
    return {
        "@type": "JobPosting",
        "@id": f"urn:jdx:role:{key}",
        "identifier": {"@type": "PropertyValue", "propertyID": "jdx-role-key", "value": key},
        "title": role.get("title") or "",
        "description": description_html(role),
        "datePosted": date_posted,
        **_optional(role),
    }


def job_posting_problems(node: dict, role: dict) -> list[str]:
    """Why ``node`` is not a valid JobPosting for ``role``: schema.org's and Google's required
    properties (title, description, datePosted, hiringOrganization when the role names one) and
    no property JobPosting does not have."""
    problems = []
    if node.get("@type") != "JobPosting":
        problems.append("@type is not JobPosting")
    for prop in ("title", "description"):
        if not isinstance(node.get(prop), str) or not node[prop].strip():
            problems.append(f"{prop} is missing")
    if not isinstance(node.get("datePosted"), str) or not _DATE.match(node["datePosted"]):
        problems.append("datePosted is missing or not an ISO 8601 date")
    org = node.get("hiringOrganization")
    if role.get("organization") and not (isinstance(org, dict) and org.get("@type") == "Organization" and org.get("name")):
        problems.append("hiringOrganization is missing though the role names its organization")
    unknown = sorted(set(node) - JOBPOSTING_PROPERTIES)
    if unknown:
        problems.append(f"not JobPosting properties: {', '.join(unknown)}")
    return problems
