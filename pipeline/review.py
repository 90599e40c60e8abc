"""Say when unsure: which roles a person should check before import, and which documents
are not job descriptions at all.

Each reason is a named rule with a stable code (``Review.reasons``) and a warning that says
it in words. A role with no reason is one the pipeline vouches for; a document whose roles
all pass is ``ok``. The thresholds were measured over every gold set (see
``benchmarks/review_calibration.py``): roles that score below 0.8 field F1 should carry a
reason, roles that score 0.95 or more should not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from ..schemas.document import Document
from ..schemas.role import Review, Role, Warning
from .fields.duties import STRAY_CELLS
from .lexicon import Lexicon, alternation
from .rules import rule
from .segment import RoleDraft
from .titles import is_position_name

MAX_DUTIES = 40
MIN_COVERAGE = 0.5
LONG_TITLE = 24
OCR_DOUBT = 0.80

Check = Callable[[Role, RoleDraft, Lexicon], str | None]


@rule
def _untitled(role: Role, draft: RoleDraft, lexicon: Lexicon) -> str | None:
    """A role without a title cannot be matched to a position in the HR system."""
    return "no_title" if not role.title else None


@rule
def _pooled_duties(role: Role, draft: RoleDraft, lexicon: Lexicon) -> str | None:
    """Very long duty lists are pooled roles: several postings or a department's duties run
    together because a boundary was missed."""
    return "pooled_duties" if len(role.duties) > MAX_DUTIES else None


@rule
def _thin_role(role: Role, draft: RoleDraft, lexicon: Lexicon) -> str | None:
    """A role with neither duties nor requirements is a fragment (a title and a line), or its
    content went elsewhere."""
    q = role.qualifications
    has_requirements = q.education or q.experience or q.age or q.skills or q.knowledge or q.preferred or q.majors
    return "no_duties" if not role.duties and not has_requirements and not role.kpis else None


@rule
def _low_coverage(role: Role, draft: RoleDraft, lexicon: Lexicon) -> str | None:
    """Most of the role's text went to no field: its structure was not understood."""
    total = sum(len(p.text) for p in draft.pieces)
    return "low_coverage" if role.coverage < MIN_COVERAGE and total > 50 else None


@cache
def _heading_words(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(alternation(set(lexicon.sections) | set(lexicon.labels) | set(lexicon.doc_words)))


@rule
def _heading_as_title(role: Role, draft: RoleDraft, lexicon: Lexicon) -> str | None:
    """A title that is or contains a section heading (``任职要求``, ``我们期待你具备``) or runs
    long is a boundary mistake, not a position."""
    title = role.title
    if not title:
        return None
    if len(title) > LONG_TITLE and not _bilingual_name(title):
        return "doubtful_title"
    if _heading_words(lexicon).search(title) and not _word_of_a_position_name(title, lexicon):
        return "doubtful_title"
    return None


BILINGUAL_NAME = re.compile(r"[A-Za-z][A-Za-z &.'-]{0,40} ?[\u4e00-\u9fff]{2,12}|[\u4e00-\u9fff]{2,12} ?[A-Za-z][A-Za-z &.'-]{0,40}")


@rule
def _bilingual_name(title: str) -> bool:
    """A position named in English and in Chinese (``Logistics Coordinator 物流协调员``, ``海运客服专员
    Customer Service Clerk``) runs long without being a boundary mistake: the length alone does
    not make it doubtful (figures, tags or a third part still do)."""
    return bool(BILINGUAL_NAME.fullmatch(title))


TAG_MARKS = re.compile(r"[()（）+＋/\d:：,，]")


@rule
def _word_of_a_position_name(title: str, lexicon: Lexicon) -> bool:
    """A heading or label word inside a plain position name is part of the name (培训专员, 电话客服,
    部门助理, 薪酬绩效主管): a title shaped as a position, with no tags, brackets or figures beside
    it, is no boundary mistake. (``客服专员（双休+社保+薪资4500-6000元）`` still is doubtful.)"""
    return not TAG_MARKS.search(title) and is_position_name(title, lexicon)


@rule
def _cells_out_of_order(role: Role, draft: RoleDraft, lexicon: Lexicon) -> str | None:
    """A duty table flattened out of order (its cells stand before the duties they belong to)
    gives duties whose frequencies and groups may belong to another row."""
    return "table_out_of_order" if any(w.code == STRAY_CELLS for w in role.warnings) else None


def ocr_confidence(draft: RoleDraft, display: Document) -> float | None:
    """The lowest OCR confidence of the blocks a role was read from (None: not OCR'd)."""
    values = [display.blocks[i].confidence for i in {p.loc.block for p in draft.pieces}
              if 0 <= i < len(display.blocks) and display.blocks[i].confidence is not None]
    return min(values) if values else None  # type: ignore[type-var]


@rule
def _ocr_doubt(confidence: float | None) -> str | None:
    """Text read by OCR with low confidence may hold misread characters."""
    return "ocr_low_confidence" if confidence is not None and confidence < OCR_DOUBT else None


CHECKS: tuple[Check, ...] = (_untitled, _pooled_duties, _thin_role, _low_coverage, _heading_as_title,
                             _cells_out_of_order)
MESSAGES = {
    "no_title": "no position title found",
    "pooled_duties": f"more than {MAX_DUTIES} duties: several roles may have run together",
    "no_duties": "neither duties nor requirements found",
    "low_coverage": "most of the role's text went into no field",
    "doubtful_title": "the title looks like a heading or a sentence, not a position",
    "ocr_low_confidence": "the text was read by OCR with low confidence",
    "table_out_of_order": "a duty table's cells came out of order: duties may carry another row's frequency",
}


def review_roles(roles: list[Role], drafts: list[RoleDraft], display: Document, lexicon: Lexicon) -> list[Role]:
    out: list[Role] = []
    for role, draft in zip(roles, drafts, strict=False):
        reasons = [reason for check in CHECKS if (reason := check(role, draft, lexicon))]
        if (ocr := _ocr_doubt(ocr_confidence(draft, display))) is not None:
            reasons.append(ocr)
        warnings = list(role.warnings) + [Warning(code=f"review_{r}", message=MESSAGES[r]) for r in reasons
                                          if not any(w.code == r for w in role.warnings)]
        out.append(role.model_copy(update={"review": Review(needed=bool(reasons), reasons=reasons),
                                           "warnings": warnings}))
    return out


def document_verdict(roles: list[Role], drafts: list[RoleDraft], doc: Document, lexicon: Lexicon) -> Warning | None:
    """``not_a_job_description`` for documents that describe no position: the roles found
    in them are fragments of notes, file lists, regulations or manuals."""
    if not roles:
        return None
    if _no_role_evidence(roles):
        return Warning(code="not_a_job_description",
                       message="no role in this document has duties, requirements or a reporting line")
    if _file_list(doc):
        return Warning(code="not_a_job_description", message="the document lists files, not positions")
    if any(role.kpis for role in roles) and _appraisal_form(doc, lexicon):  # its marks are read as KPIs
        return Warning(code="not_a_job_description",
                       message="the document is a filled appraisal form (scores given), not a position's description")
    if _regulation_document(roles, drafts, doc, lexicon):
        return Warning(code="not_a_job_description",
                       message="the document is a regulation or manual and names no position")
    return None


@rule
def _no_role_evidence(roles: list[Role]) -> bool:
    """A document none of whose roles has duties, requirements, a reporting line, authorities
    or KPIs is not a job description (notes, file lists, manuals) — whatever its titles and
    labels looked like."""
    for role in roles:
        q = role.qualifications
        if role.duties or role.reporting.reports_to or role.reporting.direct_reports or role.authorities \
                or role.kpis or role.salary or any(q.model_dump(exclude_defaults=True).values()):
            return False
    return True


@rule
def _appraisal_form(doc: Document, lexicon: Lexicon) -> bool:
    """An HR folder holds filled appraisal forms beside the descriptions: a table whose score
    column (得分, 评分 …) holds figures in most of its rows rates one person for one period. It
    describes no position, though its indicators and weights look like a KPI card's (whose
    score column, if any, is blank)."""
    words = set(lexicon.data.tables.score_headers)
    for block in doc.blocks:
        if block.table is None or not any(cell.text.strip() in words for cell in block.table.cells):
            continue  # the grid is built only for a table with a score column
        grid = block.table.grid()
        for row_index, row in enumerate(grid):
            col = next((i for i, cell in enumerate(row) if cell is not None and cell.text.strip() in words), None)
            if col is None:
                continue
            below = [cell.text.strip() if (cell := r[col]) is not None else "" for r in grid[row_index + 1:]]
            scored = sum(bool(FIGURE.fullmatch(text)) for text in below)
            if len(below) >= 2 and scored * 2 > len(below):
                return True
            break
    return False


FIGURE = re.compile(r"\d{1,3}(?:\.\d{1,2})?")


# The name after a path's last slash: a scan stops at the next slash, so a line of slashes stays
# linear (``\S/\S+\.`` rescanned the line from every slash).
FILE_PATH = re.compile(r"(?<=\S)/[^\s/]*\.(?:docx?|pdf|md|txt|xlsx?|html?|php\d?|jsp|aspx|wps|rtf|et|ods)\b", re.IGNORECASE)
COMMIT_HASH = re.compile(r"\b[0-9a-f]{40}\b", re.IGNORECASE)


@rule
def _file_list(doc: Document) -> bool:
    """A manifest or index lists files (paths, commit hashes) line by line; the words in its
    notes column are no job description."""
    lines = [b.text for b in doc.blocks if b.table is None and b.text.strip()]
    cells = [c.text for b in doc.blocks if b.table is not None for c in b.table.cells if c.text.strip()]
    texts = lines + cells
    if len(texts) < 5:
        return False
    # each distinct text searched once: a compilation's cards repeat their labels (~2,200
    # distinct texts in ~11,000 cells)
    hits = sum(n for t, n in Counter(texts).items() if _names_file(t))
    return hits * 2 >= len(lines) + (len(cells) // 4)


def _names_file(text: str) -> bool:
    """Whether ``text`` names a file: a path (only where it has a slash) or a commit hash (only
    where it is forty characters long). Each pattern is searched only where it can match, and
    alone: the two as one alternation cost ~40 ns a character of every long cell (a card's
    ~500 characters of prose, ~16 µs, where the hash's scan alone costs half)."""
    return "/" in text and FILE_PATH.search(text) is not None \
        or len(text) >= HASH_LENGTH and COMMIT_HASH.search(text) is not None


HASH_LENGTH = 40
STRONG_TITLES = ("doc", "roster", "header_line", "prose", "line")
TITLE_LINES = 8


@rule
def _regulation_document(roles: list[Role], drafts: list[RoleDraft], doc: Document, lexicon: Lexicon) -> bool:
    """A regulation (``考勤管理制度``, ``客户服务部管理制度``, ``…操作手册``) assigns duties to
    departments and people without describing a position: titled as one in its first lines, and
    with no role declared as a position (a 岗位名称 label, a 岗位说明书 title, a roster row), it
    is not a job description whatever headings looked like titles."""
    if any(d.title_source in STRONG_TITLES or d.label_title and is_position_name(d.title or "", lexicon, 24)
           for d in drafts):
        return False
    words = tuple(lexicon.data.titles.regulation_words)
    lines = [b.text.strip() for b in doc.blocks[:TITLE_LINES] if b.table is None and b.text.strip()]
    numbered = lexicon.numbering.pattern
    return any(len(line) <= 40 and line.rstrip("）)").endswith(words) and not numbered.match(line) for line in lines)
