"""Sections within a role: every content piece gets the section of the heading above it.

Labels carry their own field and need no section; headings switch the section; a lead-in
(``以下是…职责:``) opens the section it names. Text before any heading falls in the role's
default section — duties for a ``XX岗位职责`` document, nothing for a ``XX岗位说明书``.
"""

from __future__ import annotations

import re

from .pieces import Kind, Piece
from .segment import RoleDraft

CATEGORY_MARKER = re.compile(r"职责[一二三四五六七八九十\d]{1,3}")
DUTY_COLUMN_HEADERS = {"职责序号", "职责名称", "职责内容", "工作时间", "工作频次", "职责描述", "主要内容"}
# An empty label of these fields heads a list or a text, like a heading does.
SWITCHING_LABELS = ("qualifications.", "equipment")

Tagged = list[tuple[str | None, Piece]]

# Lines that say what they are wherever they stand.
SELF_EVIDENT_REQUIREMENT = re.compile(
    r"\d+\s*年(?:及)?以上.{0,12}(?:经验|经历)|(?:大专|本科|硕士|博士|中专|高中|研究生)(?:及|或)?以上(?:学历)?"
)
REQUIREMENT_WORDS = re.compile(r"能力|经验|学历|以上|熟悉|具有|具备|优先|良好|较强|善于|了解|掌握")


def tag_sections(draft: RoleDraft, frequency_words: frozenset[str], duty_verbs: tuple[str, ...] = ()) -> Tagged:
    tagged: Tagged = []
    section = draft.default_section
    for piece in draft.pieces:
        if piece.kind == Kind.TITLE:
            section = draft.default_section  # the document's heading written again starts it afresh
        elif piece.kind == Kind.HEADING:
            section = piece.key
        elif piece.kind == Kind.LEAD_IN and piece.key:
            section = piece.key
        elif piece.kind == Kind.LABEL and piece.key in ("duties", "duties.category"):
            section = "duties"  # "职责:X" / "任务名称:X" only occur in duty tables
        elif piece.kind == Kind.LABEL and not piece.text and piece.key and piece.key.startswith(SWITCHING_LABELS):
            section = piece.key.split(".")[0]
        elif piece.kind == Kind.LABEL and piece.source == "unknown_label":
            # "步骤2:服务承诺" — an unknown heading of its own; what follows is not the section above.
            section = None
        elif piece.kind == Kind.TABLE:
            tagged.append(("kpis", piece))
            continue
        elif piece.kind == Kind.TEXT and piece.alone and CATEGORY_MARKER.fullmatch(piece.text.strip()):
            # "职责一" alone on a line: a duty table flattened one cell per line.
            section = "duties"
        elif (section != "kpis" and piece.kind == Kind.TEXT and piece.alone
              and (piece.text.strip() in frequency_words or piece.text.strip() in DUTY_COLUMN_HEADERS)):
            section = "duties"  # a frequency cell or a column header alone on a line: a flattened duty table
        tagged.append((_own_section(section, piece, duty_verbs), piece))
    return _unheaded_duty_lists(tagged, duty_verbs)


def _unheaded_duty_lists(tagged: Tagged, duty_verbs: tuple[str, ...]) -> Tagged:
    """A numbered list under no heading whose items read like duties (负责…, 协助…) is the
    duty list of a document that never says 岗位职责."""
    out = list(tagged)
    i = 0
    while i < len(out):
        if out[i][0] is not None or out[i][1].kind != Kind.ITEM:
            i += 1
            continue
        j = i
        while j < len(out) and out[j][0] is None and out[j][1].kind in (Kind.ITEM, Kind.TEXT):
            j += 1
        items = [p for _, p in out[i:j] if p.kind == Kind.ITEM]
        dutylike = sum(1 for p in items if p.text.lstrip().startswith(duty_verbs))
        if len(items) >= 2 and dutylike * 2 >= len(items):
            for k in range(i, j):
                out[k] = ("duties", out[k][1])
        i = j
    return out


def _own_section(section: str | None, piece: Piece, duty_verbs: tuple[str, ...]) -> str | None:
    """A piece whose content contradicts its section: a ``N年以上工作经验`` line before any
    heading is a requirement; a numbered ``负责…`` line in a scrambled 任职资格 list a duty."""
    if piece.kind not in (Kind.TEXT, Kind.ITEM):
        return section
    text = piece.text.strip()
    if section is None and len(text) <= 30 and SELF_EVIDENT_REQUIREMENT.search(text):
        return "qualifications"
    if (section == "qualifications" and piece.kind == Kind.ITEM and len(text) >= 8
            and text.startswith(duty_verbs) and not REQUIREMENT_WORDS.search(text)):
        return "duties"
    return section
