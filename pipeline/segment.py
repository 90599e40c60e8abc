"""Role segmentation: where each role of a file starts and ends.

A role starts at a document title (``XX岗位说明书``, ``一、客服专员岗位职责``), a numbered
position title (``(8)公关助理 汇报对象:…``, ``第十条 客服支持岗``), a ``岗位名称`` label
naming a different position than the current one, or a lead-in (``以下是售后主管的一些主要工作
职责:``) once the current role already has duties. Titles with nothing between them are a
table of contents or a compilation's name: only the last one opens a role; the same heading
written again restates its document rather than starting a new one. Text after a site
notice and before the next title belongs to the next document, as doc-site pages cut
documents at notices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .lexicon import Lexicon
from .pieces import Kind, Piece
from .titles import DocTitle, clean_title, is_organization, split_organization

SAME_TITLE = 0.85
DUTY_DOC_WORDS = ("岗位职责", "工作职责", "职位职责", "职务职责")


@dataclass
class RoleDraft:
    title: str | None
    title_source: str                      # doc | numbered | heading | label | lead_in | file | none
    title_raw: str | None = None
    title_piece: Piece | None = None
    organization: str | None = None
    organization_piece: Piece | None = None
    pieces: list[Piece] = field(default_factory=list)
    default_section: str | None = None
    label_title: bool = False

    def has_content(self) -> bool:
        return any(p.kind != Kind.TITLE and p is not self.organization_piece for p in self.pieces)

    def has_items(self) -> bool:
        return any(p.kind == Kind.ITEM for p in self.pieces)


@dataclass
class Segmentation:
    roles: list[RoleDraft]
    unassigned: list[Piece]


def _new_from_title(piece: Piece, lexicon: Lexicon) -> RoleDraft:
    org, title = split_organization(piece.text, lexicon) if piece.text else (None, "")
    default = None
    if (piece.title_style == "doc" and piece.name and any(w in piece.name for w in DUTY_DOC_WORDS)
            and "说明书" not in piece.name):
        default = "duties"  # "XX岗位职责" lists duties; "XX岗位职责说明书" is a whole description
    if piece.title_style in ("numbered",):
        default = "duties"
    return RoleDraft(
        title=clean_title(title) or None,
        title_source=piece.title_style or "doc",
        title_raw=piece.name,
        title_piece=piece,
        organization=org,
        organization_piece=piece if org else None,
        pieces=[piece],
        default_section=default,
    )


def segment(pieces: list[Piece], lexicon: Lexicon, file_title: DocTitle | None = None) -> Segmentation:
    """Cut ``pieces`` into roles. ``file_title`` is the title the file's name gives
    (``咨询师岗位职责.docx``), used when the text names none."""
    roles: list[RoleDraft] = []
    unassigned: list[Piece] = []
    current: RoleDraft | None = None
    orphans: list[Piece] = []
    pending_org: Piece | None = None
    # A compilation's own heading ("XX集团有限公司财务部岗位说明书汇编") names the company of
    # every role in it.
    document_org: tuple[str, Piece] | None = None

    def start(draft: RoleDraft) -> RoleDraft:
        nonlocal orphans, pending_org
        if orphans:
            draft.pieces[1:1] = orphans
            orphans = []
        if pending_org is not None and draft.organization is None:
            draft.organization = pending_org.text
            draft.organization_piece = pending_org
            if pending_org in unassigned:
                unassigned.remove(pending_org)
            draft.pieces.insert(0, pending_org)
            pending_org = None
        if document_org is not None and draft.organization is None:
            draft.organization, draft.organization_piece = document_org
        roles.append(draft)
        return draft

    in_department = False
    for piece in pieces:
        if piece.kind == Kind.HEADING and piece.key == "department_info":
            # "二、部门职责" in a compilation: department text until the next role title.
            in_department = True
        if in_department:
            if piece.kind == Kind.TITLE or (piece.kind == Kind.LABEL and piece.key == "title" and piece.text.strip()):
                in_department = False
                current = None
            else:
                unassigned.append(piece)
                continue
        if piece.kind == Kind.TITLE:
            if current is not None and not current.has_content() and not orphans:
                # Two titles in a row: a table of contents or a compilation's heading.
                roles.pop()
                unassigned.extend(current.pieces)
                if (current.organization and current.organization_piece is not None and document_org is None
                        and (not current.title or current.title.endswith(("部", "部门", "中心")))):
                    document_org = (current.organization, current.organization_piece)
                current = None
            elif (current is not None and piece.name and piece.name == current.title_raw
                  and piece.title_style == "doc"):
                current.pieces.append(piece)  # the same document heading written again
                continue
            current = start(_new_from_title(piece, lexicon))
            continue

        if piece.kind == Kind.LABEL and piece.key == "title" and piece.text.strip():
            value = clean_title(piece.text)
            if current is None:
                current = start(RoleDraft(title=value, title_source="label", title_raw=None, title_piece=piece,
                                          pieces=[piece], label_title=True))
                continue
            if value == current.title or _same_role(value, current):
                current.pieces.append(piece)
                if not current.label_title:
                    current.title, current.title_piece, current.label_title = value, piece, True
                continue
            if current.label_title or (current.has_items() and current.title_source != "none"):
                # The next form card of a compilation.
                current = start(RoleDraft(title=value, title_source="label", title_piece=piece, pieces=[piece],
                                          label_title=True))
                continue
            current.title, current.title_piece, current.label_title = value, piece, True
            current.pieces.append(piece)
            continue

        if piece.kind == Kind.LEAD_IN and piece.text and current is not None and current.has_items():
            current = start(RoleDraft(title=piece.text, title_source="lead_in", title_piece=piece,
                                      pieces=[piece], default_section=piece.key))
            continue

        if (current is None and piece.kind == Kind.TEXT and piece.alone and is_organization(piece.text, lexicon)):
            pending_org = piece
            unassigned.append(piece)
            continue

        if piece.follows_furniture and current is not None and current.has_content():
            orphans.append(piece)
            continue
        if orphans:
            orphans.append(piece)
            continue
        if current is None:
            unassigned.append(piece)
            continue
        current.pieces.append(piece)

    if orphans:
        if current is not None:
            current.pieces.extend(orphans)
        else:
            unassigned.extend(orphans)
    if current is not None and not current.has_content() and len(roles) > 1:
        roles.pop()
        unassigned.extend(current.pieces)

    if not roles and unassigned:
        content = [p for p in unassigned if p is not pending_org]
        structured = any(p.kind == Kind.HEADING for p in content) and any(p.kind in (Kind.LABEL, Kind.ITEM)
                                                                           for p in content)
        named_file = file_title is not None and bool(file_title.title) and any(
            p.kind in (Kind.ITEM, Kind.TEXT) for p in content)
        if structured or named_file:
            # A posting with sections but no title in its text: its first heading line
            # ("# Inside Sales") or its file name ("咨询师岗位职责.docx") names it.
            heading = next((p for p in content if p.source == "heading_block" and len(p.text) <= 30), None)
            title = heading.text if heading is not None else (file_title.title if file_title else None)
            default = None
            if file_title is not None and any(w in file_title.raw for w in DUTY_DOC_WORDS) \
                    and "说明书" not in file_title.raw:
                default = "duties"
            roles.append(RoleDraft(title=title or None, title_source="file", pieces=content,
                                   title_piece=heading, organization=pending_org.text if pending_org else None,
                                   organization_piece=pending_org, default_section=default))
            unassigned = []
    return Segmentation(roles=roles, unassigned=unassigned)


def _same_role(value: str, draft: RoleDraft) -> bool:
    """A 岗位名称 label that repeats the heading's title, maybe with the company in front or
    a character lost to the site's watermark (客户服总监 / 客户服务总监)."""
    if draft.title is None or draft.label_title:
        return False  # after one form card's 岗位名称, only the same name continues it (经理 ≠ 副经理)
    if value.endswith(draft.title) or draft.title.endswith(value):
        return True
    return SequenceMatcher(None, value, draft.title).ratio() >= SAME_TITLE

