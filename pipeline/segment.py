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

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache

from ..schemas.document import STYLE_SHEET
from .fields.reporting import superior_clause
from .fields.values import split_label
from .keys import normalize_name
from .lexicon import Lexicon, alternation
from .piece import Kind, Piece
from .position_lines import opening_counts, openings_list
from .remembered import REMEMBERED_LENGTH, remembered
from .rules import answers_can_be_kept, rule
from .self_evident import duty_start, prose_paragraph_section, self_evident_requirement, without_lead
from .titles import (
    DocTitle,
    clean_title,
    is_organization,
    is_position_name,
    posting_name,
    recruiter_before_title,
    split_organization,
    split_title,
    title_with_department,
    title_with_employer,
)

SAME_TITLE = 0.85


@dataclass
class RoleDraft:
    title: str | None
    title_source: str                      # doc | numbered | heading | label | lead_in | file | none
    title_raw: str | None = None
    title_piece: Piece | None = None
    organization: str | None = None
    organization_piece: Piece | None = None
    department_piece: Piece | None = None  # a department's line above this and the next positions
    heading_employer: str | None = None  # who recruits, in the title's heading (蚂蚁金服 …招 前端技术专家)
    heading_team: str | None = None  # the team recruiting, in the company line (滴滴 WebApp 架构团队招聘)
    listed_with: tuple[str, ...] = ()  # the positions a notice listed together and describes at once
    pieces: list[Piece] = field(default_factory=list)
    default_section: str | None = None
    label_title: bool = False

    def has_content(self) -> bool:
        # a label with nothing after it (``招聘岗位：`` over the list of openings) says nothing yet
        return any(p.kind != Kind.TITLE and p is not self.organization_piece
                   and not (p.kind == Kind.LABEL and not p.text.strip()) for p in self.pieces)

    def has_items(self) -> bool:
        return any(p.kind == Kind.ITEM for p in self.pieces)


@dataclass
class Segmentation:
    roles: list[RoleDraft]
    unassigned: list[Piece]


def _lists_duties(name: str | None, lexicon: Lexicon) -> bool:
    """"XX岗位职责" lists duties; "XX岗位职责说明书" is a whole description."""
    t = lexicon.data.titles
    return bool(name) and any(w in name for w in t.duty_doc_words) and not any(  # type: ignore[operator]
        w in name for w in t.full_doc_words[:1])  # type: ignore[operator]


def _title_parts_of_line(text: str, lexicon: Lexicon) -> tuple[str | None, str, str | None]:
    """A title line's company (its name glued before the position), position, and the employer
    it names beside the position (``阿里巴巴 - 前端工程师``) or as who recruits."""
    if not text:
        return None, "", None
    paired = title_with_employer(text, lexicon)  # before the company split: 前端工程师 | …有限公司
    if paired is not None:
        return None, paired[0], paired[1]
    org, title = split_organization(text, lexicon)
    recruited = recruiter_before_title(title, lexicon) if org is None and title else None
    if recruited is not None:
        return None, recruited[1], recruited[0]
    return org, title, None


def _new_from_title(piece: Piece, lexicon: Lexicon) -> RoleDraft:
    org, title, employer = _title_parts_of_line(piece.text, lexicon)
    with_unit = title_with_department(title, lexicon) if title else None  # 技术部-Java开发工程师
    title, unit = with_unit if with_unit is not None else (title, None)
    default = None
    if piece.title_style == "doc" and _lists_duties(piece.name, lexicon):
        default = "duties"
    if piece.title_style == "numbered":
        default = "duties"
    return RoleDraft(
        title=clean_title(title, lexicon) or None,
        title_source=piece.title_style or "doc",
        title_raw=piece.name,
        title_piece=piece,
        organization=org,
        organization_piece=piece if org else None,
        heading_employer=employer,
        heading_team=unit,
        pieces=[piece],
        default_section=default,
    )


class Segmenter:
    """Reads the piece stream once and cuts it into role drafts."""

    def __init__(self, lexicon: Lexicon, file_title: DocTitle | None) -> None:
        self.lexicon = lexicon
        self.file_title = file_title
        self.roles: list[RoleDraft] = []
        self.unassigned: list[Piece] = []
        self.current: RoleDraft | None = None
        self.orphans: list[Piece] = []
        self.pending_org: Piece | None = None
        # A compilation's own heading ("XX集团有限公司财务部岗位说明书汇编") names the company
        # of every role in it.
        self.document_org: tuple[str, Piece] | None = None
        self.in_department = False
        self.in_contents = False
        self.sheet_block: int | None = None
        # A named section heading that heads positions rather than a position's text (see
        # _heads_positions), and the named heading fed last, until the piece after it is seen.
        self.outer_section: Piece | None = None
        self.last_heading: Piece | None = None
        self.contents_entries: list[RoleDraft] = []  # titles dropped as a list of contents
        # A department's line (【研发中心】) names the department of the positions after it.
        self.department: Piece | None = None
        self.department_line: Piece | None = None  # fed last, until the piece after it is seen

    def _sheet(self, piece: Piece) -> bool:
        """A workbook's sheets are separate documents: a sheet's name ends the role before it,
        and a contents or instructions sheet (``目录``, ``填写说明``) belongs to no role."""
        if piece.loc.block == self.sheet_block:
            return False
        self.sheet_block = piece.loc.block
        self.current = None
        self.orphans = []
        self.in_contents = _contents_sheet(piece, self.lexicon)
        if self.in_contents:
            self.unassigned.append(piece)
        return self.in_contents

    # -- the stream ---------------------------------------------------------------------------
    def feed(self, piece: Piece) -> None:
        self._note_outer_section(piece)
        self._note_department(piece)
        if piece.style == STYLE_SHEET and self._sheet(piece):
            return
        if self.in_contents:
            self.unassigned.append(piece)
            return
        if self._department_text(piece):
            return
        if piece.kind == Kind.TITLE:
            self._on_title(piece)
        elif piece.kind == Kind.LABEL and piece.key == "title" and piece.text.strip():
            self._on_title_label(piece)
        elif piece.kind == Kind.LEAD_IN and piece.text and self.current is not None and self.current.has_items():
            self.current = self.start(RoleDraft(title=piece.text, title_source="lead_in", title_piece=piece,
                                                pieces=[piece], default_section=piece.key))
        elif self.current is not None and _may_end_roles(piece) and (
                _chapter_ends_roles(piece, self.current, self.lexicon) or _blank_form_ends_role(piece)):
            self.current = None
            self.unassigned.append(piece)
        elif self.current is not None and self._names_employer(piece, self.current):
            self.current.organization = company_of(piece.text, self.lexicon)
            self.current.organization_piece = piece
            self.current.pieces.append(piece)
        elif self.current is None and _organization_line(piece, self.lexicon):
            self.pending_org = piece
            self.unassigned.append(piece)
            if not self.roles and self.document_org is None:
                # before any role, the company line heads the whole document
                self.document_org = (employer_of(piece.text, self.lexicon), piece)
        else:
            self._on_content(piece)

    def _names_employer(self, piece: Piece, current: RoleDraft) -> bool:
        """Whether ``piece`` is the company line of the role it follows."""
        return _may_name_employer(piece, current) and (
            _organization_under_title(piece, current, self.lexicon)
            or self.roles == [current] and _employer_after_role(piece, current, self.lexicon))

    def start(self, draft: RoleDraft) -> RoleDraft:
        if self.orphans:
            draft.pieces[1:1] = self.orphans
            self.orphans = []
        if self.pending_org is not None and draft.organization is None:
            draft.organization = employer_of(self.pending_org.text, self.lexicon)
            draft.organization_piece = self.pending_org
            if self.pending_org in self.unassigned:
                self.unassigned.remove(self.pending_org)
            draft.pieces.insert(0, self.pending_org)
            self.pending_org = None
        if self.document_org is not None and draft.organization is None:
            draft.organization, draft.organization_piece = self.document_org
        if draft.organization_piece is not None:  # a department beside the title is the more particular
            draft.heading_team = draft.heading_team or recruiting_team(draft.organization_piece.text, self.lexicon)
        if self.department is not None:
            draft.department_piece = self.department
            if not self.roles or self.roles[-1].department_piece is not self.department:
                # the line's text is the first role's to hold, above its title as it stands
                at = next((i for i, p in enumerate(draft.pieces) if p is draft.title_piece), 0)
                draft.pieces.insert(at, self.department)
        self.roles.append(draft)
        return draft

    def _roles_of_openings(self, roles: list[RoleDraft]) -> list[RoleDraft]:
        """A role titled by a list of openings (:func:`_openings_label_roles`): when the document
        describes each listed position later, the list only gives them their counts; when it
        describes none, each listed position is a role of its own."""
        out: list[RoleDraft] = []
        for i, draft in enumerate(roles):
            listed = _openings_label_roles(draft, self.lexicon)
            if not listed:
                out.append(draft)
                continue
            later = {d.title: d for d in roles[i + 1:] if d.title}
            if all(name in later for name, _, _, _ in listed):
                for name, _named, counted in _opening_pieces(draft.title_piece, listed):  # type: ignore[arg-type]
                    if not any(p.kind == Kind.LABEL and p.key == "headcount" for p in later[name].pieces):
                        later[name].pieces.append(counted)
                self.unassigned.extend(draft.pieces)
                continue
            out.extend(_listed_roles(draft, listed))
        return out

    def _fold_index_rows(self, roles: list[RoleDraft]) -> list[RoleDraft]:
        """Rows of a table of openings that the document then describes one by one: the row's
        fields join the role described under the same name; a row no section describes is an
        index entry of a role named differently, and belongs to no role."""
        described = [d for d in roles if d.title_source != "roster" and d.has_items()]
        if not described:
            return roles
        kept: list[RoleDraft] = []
        for i, draft in enumerate(roles):
            if draft.title_source != "roster" or draft.has_items():
                kept.append(draft)
                continue
            target = _index_row(draft, roles[i + 1:], self.lexicon)
            if target is not None:
                # After the role's own text: a row's section cell (备注) must not head that text.
                target.pieces.extend(p for p in draft.pieces if p is not draft.title_piece)
            self.unassigned.extend([draft.title_piece] if target is not None and draft.title_piece else draft.pieces)
        return kept

    def _department_text(self, piece: Piece) -> bool:
        """Inside a department section: True when the piece belongs to no role."""
        if piece.kind == Kind.HEADING and _department_section(piece):
            self.in_department = True
        if not self.in_department:
            return False
        if piece.kind == Kind.TITLE or (piece.kind == Kind.LABEL and piece.key == "title" and piece.text.strip()):
            self.in_department = False
            self.current = None
            return False
        self.unassigned.append(piece)
        return True

    def _note_department(self, piece: Piece) -> None:
        """A department's line followed at once by a position's name heads that department's
        positions: the line leaves the role above, and every role opened after it (up to the
        next department's line) belongs to the department."""
        line, self.department_line = self.department_line, None
        # (a document's title over another document title — its own copy, a page's header — heads no positions)
        if line is not None and piece.kind == Kind.TITLE and not (line.kind == Kind.TITLE and piece.title_style == "doc"):
            self.department = line
            for source in (self.current.pieces if self.current is not None else [], self.unassigned):
                if line in source:
                    source.remove(line)
        elif _may_name_department(piece) and department_of_line(_line_of(piece), self.lexicon):
            self.department_line = piece

    def _note_outer_section(self, piece: Piece) -> None:
        heading = self.last_heading
        self.last_heading = piece if piece.kind == Kind.HEADING and piece.name else None
        if heading is not None:
            self.outer_section = heading if _heads_positions(heading, piece) else None

    def _on_title(self, piece: Piece) -> None:
        if self.outer_section is not None:
            self._title_in_section(piece, self.outer_section)
            return
        current = self.current
        if current is not None and _introduces_open_role(piece, current):
            current.pieces.append(piece)
            return
        if current is not None and not _says_something(current, self.lexicon) and not self.orphans:
            self._drop_contents_title(current)
        elif current is not None and _restates_heading(piece, current):
            current.pieces.append(piece)
            return
        self.current = self.start(_new_from_title(piece, self.lexicon))

    def _title_in_section(self, piece: Piece, section: Piece) -> None:
        """A position named inside a section that heads positions: its text there is that
        section's (a copy of the heading goes with it), and a position the document named
        before gets its text, not a second role."""
        earlier = _named_before(piece, self.roles, self.lexicon)
        if earlier is None:
            earlier = _named_before(piece, self.contents_entries, self.lexicon)
            if earlier is not None:
                self._revive(earlier)
        if earlier is None:
            self.current = self.start(_new_from_title(piece, self.lexicon))
        else:
            earlier.pieces.append(piece)
            self.current = earlier
        self.current.pieces.append(section.changed())

    def _revive(self, entry: RoleDraft) -> None:
        """A list entry taken for contents names a position a later section describes: the
        entry (its count, its pay) opens that role, in its place among the roles."""
        self.contents_entries.remove(entry)
        taken = {id(p) for p in entry.pieces}
        self.unassigned = [p for p in self.unassigned if id(p) not in taken]
        block = entry.pieces[0].loc.block
        at = next((i for i, d in enumerate(self.roles) if d.pieces and d.pieces[0].loc.block > block), len(self.roles))
        self.roles.insert(at, entry)

    def _drop_contents_title(self, current: RoleDraft) -> None:
        """Two titles in a row: the first was a table of contents or a compilation's heading."""
        if not _titles_in_a_row(current, self.lexicon):
            return
        self.roles.pop()
        self.unassigned.extend(current.pieces)
        self.contents_entries.append(current)
        org = _compilation_organization(current, self.lexicon)
        if org is not None and self.document_org is None:
            self.document_org = org
        self.current = None

    def _on_title_label(self, piece: Piece) -> None:
        value = clean_title(piece.text, self.lexicon)
        current = self.current
        if current is None:
            self.current = self.start(RoleDraft(title=value, title_source="label", title_piece=piece,
                                                pieces=[*self._line_before(piece), piece], label_title=True))
            return
        if value == current.title or _label_restates_title(value, current):
            current.pieces.append(piece)
            if not current.label_title and not _heading_title_stands(value, current.title):
                current.title, current.title_piece = value, piece
            current.label_title = True
            return
        if _label_opens_next_card(current):
            self.current = self.start(RoleDraft(title=value, title_source="label", title_piece=piece,
                                                pieces=[*self._line_before(piece), piece], label_title=True))
            return
        current.title, current.title_piece, current.label_title = value, piece, True
        current.pieces.append(piece)

    def _line_before(self, title: Piece) -> list[Piece]:
        """Labels that stand before the title label in its own line or cell (``岗位代码：A01，岗位
        名称：会计，…``) are the new role's: taken back from where the stream put them."""
        source = self.current.pieces if self.current is not None else self.unassigned
        own_title = self.current.title_piece if self.current is not None else None
        taken: list[Piece] = []
        while source and source[-1] is not own_title and source[-1].kind == Kind.LABEL \
                and source[-1].loc.cell == title.loc.cell and source[-1].loc.start < title.loc.start:
            taken.insert(0, source.pop())
        while self.current is not None and source and source[-1] is not own_title \
                and _card_head_label(source[-1], source[:-1]):
            taken.insert(0, source.pop())
        return taken

    def _on_content(self, piece: Piece) -> None:
        current = self.current
        if piece.follows_furniture and _after_site_notice(piece, current) or self.orphans:
            self.orphans.append(piece)
        elif current is None:
            self.unassigned.append(piece)
        else:
            current.pieces.append(piece)

    # -- the end -------------------------------------------------------------------------------
    def finish(self) -> Segmentation:
        if self.orphans:
            (self.current.pieces if self.current is not None else self.unassigned).extend(self.orphans)
        if self.current is not None and not self.current.has_content() and len(self.roles) > 1:
            self.roles.pop()
            self.unassigned.extend(self.current.pieces)
        self.roles = _positions_sharing_a_description(self._fold_index_rows(self.roles))
        self.roles = self._roles_of_openings(self.roles)
        if not self.roles and self.unassigned:
            drafts = _untitled_document(self.unassigned, self.pending_org, self.file_title, self.lexicon)
            if drafts:
                self.roles.extend(drafts)
                taken = {id(p) for d in drafts for p in (*d.pieces, d.organization_piece)}
                self.unassigned = [p for p in self.unassigned if id(p) not in taken]  # a preamble before them
        return Segmentation(roles=self.roles, unassigned=self.unassigned)


def _title_line_only(draft: RoleDraft) -> bool:
    """A role that is its title line and nothing more (the name, maybe its count and pay), its
    text in the sections that name it aside (:func:`_addressed_runs`)."""
    title = draft.title_piece
    addressed = _addressed_runs(draft)
    return title is not None and all(
        p is title or id(p) in addressed
        or p.kind == Kind.LABEL and p.key in TITLE_LINE_TAILS and p.loc.cell == title.loc.cell
        for p in draft.pieces)


# What a position's own line may say after its name: how many, and the pay.
TITLE_LINE_TAILS = ("headcount", "compensation")


def _addressed_runs(draft: RoleDraft) -> set[int]:
    """The pieces a section-major notice addressed to this position by name (``三、岗位职责`` /
    ``收费员：负责…``): from each later naming of the position (a second title piece, the copy of
    its section's heading after it) up to the next section heading or position."""
    out: set[int] = set()
    in_run = False
    for i, p in enumerate(draft.pieces):
        if p.kind == Kind.TITLE:
            in_run = p is not draft.title_piece
        elif p.kind in (Kind.HEADING, Kind.LEAD_IN) and p.source != "position_line" \
                and not (i and draft.pieces[i - 1].kind == Kind.TITLE):
            in_run = False
        if in_run:
            out.add(id(p))
    return out


def _positions_sharing_a_description(roles: list[RoleDraft]) -> list[RoleDraft]:
    group: list[RoleDraft] = []
    for i in range(len(roles) - 2, -1, -1):
        if _shares_description(roles[i], roles[i + 1]):
            roles[i].pieces.extend(_shared_description(roles[i + 1]))
            group = [roles[i], *(group or [roles[i + 1]])]
            continue
        _list_together(group)
        group = []
    _list_together(group)
    return roles


def _list_together(group: list[RoleDraft]) -> None:
    titles = tuple(d.title for d in group if d.title)
    for draft in group:
        draft.listed_with = titles


def _shared_description(draft: RoleDraft) -> list[Piece]:
    """What a listed position's role says for all the positions listed with it: everything but
    its own line and what sections addressed to it by name say."""
    own = draft.title_piece.loc.block  # type: ignore[union-attr]
    addressed = _addressed_runs(draft)
    return [p for p in draft.pieces if p.loc.block != own and id(p) not in addressed]


@rule
def _shares_description(draft: RoleDraft, after: RoleDraft) -> bool:
    """A posting lists positions one line each (``初中级前端开发工程师 12~25K`` /
    ``高级前端开发工程师 20~40K`` / ``专家前端开发工程师 35~60K``) and then describes them once:
    a position whose line stands alone, right above the next position's line and named the same
    way, shares the description that follows the last of them. A notice that lists its
    openings (``一、招聘岗位`` / ``1. 收费员1名`` / ``2. 药房调剂员1名``) and then writes section by
    section gives each position what a section addresses to it by name; the rest (``二、报名条件``,
    ``四、薪酬待遇``) is for all of them."""
    if not _title_line_only(draft) or after.title_piece is None or draft.title_piece is None:
        return False
    same_style = (draft.title_source, draft.title_piece.title_style) == (after.title_source, after.title_piece.title_style)
    next_line = after.title_piece.loc.block == draft.title_piece.loc.block + 1 and after.title_piece.loc.row is None
    return same_style and next_line and bool(_shared_description(after))


def _described_later(draft: RoleDraft, later: list[RoleDraft], lexicon: Lexicon) -> RoleDraft | None:
    name = _position_key(draft.title, lexicon)
    return next((d for d in later if d.title_source != "roster" and _position_key(d.title, lexicon) == name), None)


def _position_key(title: str | None, lexicon: Lexicon) -> str:
    return normalize_name(split_title(title or "", lexicon).title)


MAX_DEPARTMENT = 12
# Numbering that ranks sections (一、 / 第一章), not a list's items (1、 a contacts list of 财务部 …).
SECTION_NUMBERING = ("cn", "article")


def _may_name_department(piece: Piece) -> bool:
    if piece.kind == Kind.ITEM:
        return piece.line_start and piece.marker is not None and piece.marker.style in SECTION_NUMBERING
    if piece.kind == Kind.TITLE:  # 行政部岗位说明书: a document's title that names a department, not a position
        return piece.title_style == "doc" and piece.line_start
    return piece.kind in (Kind.TEXT, Kind.HEADING) and piece.line_start and piece.key is None


def _line_of(piece: Piece) -> str:
    """The line a piece stands for: a document title's whole line (its name with the doc word)."""
    return (piece.name or piece.text) if piece.kind == Kind.TITLE else piece.text
DEPARTMENT_BRACKETS = "【】[]〔〕()（）"


@rule
def department_line(text: str, lexicon: Lexicon) -> str | None:
    """A line that is a department's name and nothing else (``【研发中心】``, ``## 营销中心``,
    ``一、技术部``): the name, when it ends as departments do and names no position."""
    name = text.strip().strip(DEPARTMENT_BRACKETS).strip()
    if not 2 <= len(name) <= MAX_DEPARTMENT or not name.endswith(lexicon.department_endings):
        return None
    if any(ch.isdigit() or not ch.isalnum() for ch in name) or is_position_name(name, lexicon, MAX_DEPARTMENT):
        return None
    return name


def department_of_line(text: str, lexicon: Lexicon) -> str | None:
    """The department a line names alone (:func:`department_line`) or as the head of its
    positions' descriptions (:func:`department_doc_head`)."""
    return department_line(text, lexicon) or department_doc_head(text, lexicon)


@rule
def department_doc_head(text: str, lexicon: Lexicon) -> str | None:
    """``财务部岗位职责``, ``行政部各岗位说明书`` over the positions' names heads a department's
    descriptions: the department is every role's under it (the roles had none)."""
    line = text.strip()
    if not line.endswith(lexicon.doc_words):  # one test for the lines that end otherwise (most)
        return None
    word = next(w for w in lexicon.doc_words if line.endswith(w))
    head = line[: -len(word)].removesuffix(lexicon.data.grammar.each_word).strip()
    if not head or any(suffix in head for suffix in lexicon.company_suffixes):
        return None  # 康宁医院门诊部岗位说明: the employer's head line, read as such
    return department_line(head, lexicon)


# Sections whose heading may stand above the positions they cover (section-major notices).
POSITION_PASS_SECTIONS = frozenset({"duties", "qualifications", "preferred", "authorities", "kpis", "compensation",
                                    "benefits", "work_conditions"})


@rule
def _heads_positions(heading: Piece, after: Piece) -> bool:
    """Notices of public bodies and state firms are written section by section, each
    section naming the positions it covers (``二、岗位职责`` / ``（一）安全管理员`` / ``1.…`` /
    ``（二）设备工程师`` / … / ``三、任职条件`` / ``（一）安全管理员`` / …, or one ``安全管理员：…`` line
    per position): a role section's heading followed at once by a position's name heads
    positions, not one position's text, until a heading followed by anything else."""
    return after.kind == Kind.TITLE and heading.key in POSITION_PASS_SECTIONS


def _named_before(piece: Piece, roles: list[RoleDraft], lexicon: Lexicon) -> RoleDraft | None:
    """The role the document already opened under the same position name."""
    _, title = split_organization(piece.text, lexicon) if piece.text else (None, "")
    key = _position_key(clean_title(title, lexicon), lexicon)
    # A roster row's role takes its description otherwise (_fold_index_rows).
    return next((d for d in roles if key and d.title_source != "roster" and _position_key(d.title, lexicon) == key),
                None)


def segment(pieces: list[Piece], lexicon: Lexicon, file_title: DocTitle | None = None) -> Segmentation:
    """Cut ``pieces`` into roles. ``file_title`` is the title the file's name gives
    (``咨询师岗位职责.docx``), used when the text names none."""
    segmenter = Segmenter(lexicon, file_title)
    pieces = promote_role_headings(pieces, lexicon)
    if _posting_per_line(pieces, lexicon):
        pieces = _line_titles(pieces, lexicon)
    for piece in pieces:
        segmenter.feed(piece)
    return segmenter.finish()


DUMP_LINES = 3
DUMP_SHARE = 0.6
DUMP_LENGTH = 60


@rule
def _posting_per_line(pieces: list[Piece], lexicon: Lexicon) -> bool:
    """Scraped job boards put one whole posting on each line (``岗位职责：1、…任职要求：1、…``): when
    most lines are long and each restarts the role's sections, every line is a role."""
    blocks: dict[int, list[Piece]] = {}
    for piece in pieces:
        if piece.loc.row is None:
            blocks.setdefault(piece.loc.block, []).append(piece)
    long_lines = [ps for ps in blocks.values() if _line_length(ps) >= DUMP_LENGTH]
    sectioned = [ps for ps in long_lines if any(p.kind == Kind.HEADING and p.key in ROLE_SECTIONS for p in ps)]
    return len(sectioned) >= DUMP_LINES and len(long_lines) >= DUMP_SHARE * len(blocks) \
        and len(sectioned) >= DUMP_SHARE * len(long_lines)


def _line_length(line: list[Piece]) -> int:
    return max(p.loc.end for p in line) if line else 0


BRACKET_TITLE = re.compile(r"^[【\[〔［]([^【】\[\]〔〕［］]{2,24})[】\]〕］]")


def _line_titles(pieces: list[Piece], lexicon: Lexicon) -> list[Piece]:
    """Open a role at the start of every long line, titled by its title label or its leading
    bracketed name (``【医疗器械销售代表】…``), untitled otherwise."""
    out: list[Piece] = []
    seen: set[int] = set()
    for i, piece in enumerate(pieces):
        block = piece.loc.block
        if piece.kind == Kind.TITLE:
            seen.add(block)  # a line that opens with its title (【销售经理】招聘2人，…) is titled already
        elif piece.loc.row is None and block not in seen:
            seen.add(block)
            line = [p for p in pieces[i:] if p.loc.block == block]
            if _line_length(line) >= DUMP_LENGTH:
                out.append(_line_title(piece, line, lexicon))
                m = BRACKET_TITLE.match(piece.text) if piece.kind == Kind.TEXT else None
                if m and m.end() == len(piece.text.strip()):
                    continue  # the bracketed name was the whole piece: it is the title now
        out.append(piece)
    return out


def _line_title(first: Piece, line: list[Piece], lexicon: Lexicon) -> Piece:
    label = next((p for p in line if p.kind == Kind.LABEL and p.key == "title" and p.text.strip()), None)
    m = BRACKET_TITLE.match(first.text) if first.kind == Kind.TEXT else None
    name = label.text if label is not None else (m.group(1) if m else "")
    loc = first.loc._replace(end=first.loc.start + (m.end() if m and label is None else 0))
    return Piece(Kind.TITLE, clean_title(name, lexicon) if name else "", loc, name=name, title_style="line")


ROLE_SECTIONS = frozenset({"duties", "qualifications", "preferred", "purpose"})
DUTY_GROUP_LABEL = "duties.category"
ATTRIBUTE_LABELS = frozenset({"location", "headcount", "employment_type", "compensation", "salary", "department",
                              "qualifications.education", "qualifications.experience", "qualifications.age",
                              "qualifications.gender", "grade", "code", "category", "reporting.reports_to"})
LOOKAHEAD = 12
TITLE_PUNCT = re.compile(r"[:：,，。;；!?！？、]")


# Inside these a short line is part of the section (an org chart's boxes, a form's fields).
INNER_SECTIONS = frozenset({"org_position", "reporting", "basic_info", "contacts", "contacts.internal",
                            "contacts.external", "kpis", "department_info"})


def promote_role_headings(pieces: list[Piece], lexicon: Lexicon) -> list[Piece]:
    out = list(pieces)
    section: str | None = None
    last_item: Piece | None = None
    for i, piece in enumerate(out):
        if piece.kind == Kind.TITLE and (_title_continues_list(piece, last_item) or _first_item_of_section(
                piece, out[i - 1] if i else None, out[i + 1] if i + 1 < len(out) else None)):
            text = (piece.name or piece.text)[len(piece.marker.text):].strip() if piece.marker else piece.text
            out[i] = piece = piece.changed(kind=Kind.ITEM, text=text)
        if piece.kind == Kind.ITEM and piece.marker is not None:
            last_item = piece
        if piece.kind == Kind.HEADING:
            section = piece.key
        elif piece.kind == Kind.TITLE:
            section = None
        elif section not in INNER_SECTIONS and _starts_line_of_text(piece) \
                and _heading_line_opens_role(piece, out[i + 1: i + 1 + LOOKAHEAD], lexicon):
            name = posting_name(lexicon.numbering.heading_number.sub("", piece.text).strip(), lexicon)
            name = _name_in_brackets(name) or name
            out[i] = piece.changed(kind=Kind.TITLE, text=name, title_style="heading", name=piece.text)
            section = None
    return out


@rule
def _first_item_of_section(piece: Piece, before: Piece | None, after: Piece | None) -> bool:
    """``岗位职责：`` / ``一、客户接待`` / ``二、合同归档`` / …: a numbered line right under a role section's
    heading whose number the next item continues is that list's first item, though its words
    could name a position (接待); the list's next line would be a title too if they were
    positions."""
    if piece.title_style != "numbered" or piece.marker is None or before is None or after is None:
        return False
    if before.kind != Kind.HEADING or before.key not in ROLE_LISTS or after.kind != Kind.ITEM or after.marker is None:
        return False
    marker, nxt = piece.marker, after.marker
    return marker.style == nxt.style and marker.ordinal is not None and nxt.ordinal == marker.ordinal + 1


ROLE_LISTS = frozenset({"duties", "qualifications", "preferred", "authorities", "kpis"})


@rule
def _title_continues_list(piece: Piece, last_item: Piece | None) -> bool:
    """``33、市场分析及前期市场启动方案策划`` after item 32 is item 33 of the list, not a numbered
    position title: a title's number never continues the numbering of the items before it."""
    if piece.title_style != "numbered" or piece.marker is None or last_item is None or last_item.marker is None:
        return False
    marker, prev = piece.marker, last_item.marker
    return marker.style == prev.style and prev.ordinal is not None and marker.ordinal == prev.ordinal + 1


def _names_a_position(text: str, anchor: bool, lexicon: Lexicon) -> bool:
    """A position word or a headcount tail tells a position's name from a heading or a sentence
    (a bold ``Not all are true`` heads notes, not a role)."""
    if anchor:
        return True  # named by a link of the page's own list of positions
    parts = split_title(text, lexicon)
    # a tail split off (级别, 若干名) says so too; spaces taken out between words do not
    return is_position_name(parts.title, lexicon, 24) or parts.headcount is not None or \
        "".join(parts.title.split()) != "".join(text.split())


def _starts_line_of_text(piece: Piece) -> bool:
    """Text or an item that starts its line: only such a piece may head a role as a line of its
    own (asked before the rule below, which a compilation would otherwise ask ~4,400 times)."""
    return piece.line_start and (piece.kind == Kind.TEXT or piece.kind == Kind.ITEM)


@rule
def _heading_line_opens_role(piece: Piece, following: list[Piece], lexicon: Lexicon) -> bool:
    """A short line standing alone heads a role when the role's own sections follow it, maybe
    after a few field labels (``育种研究员`` / ``工作地点：济南`` / ``岗位职责：…``): postings and
    leaflets name each position this way, in whatever font the reader could not see."""
    if not _starts_line_of_text(piece) or not (
            piece.alone or piece.source == "table" or _labels_after_on_line(piece, following)):
        return False
    text = _line_position_name(piece, lexicon)
    return text is not None and _role_text_follows(piece, following, text, lexicon)


def _line_position_name(piece: Piece, lexicon: Lexicon) -> str | None:
    """The position a short line names, without numbering and recruiting words; None when the
    line is no position's name (a heading word, a label, a duty). Asked once per distinct line in
    this process, for a form's value cells repeat theirs (a compilation asks ~2,600 times), except
    while rule firings are recorded or a rule is off, which must see every answer."""
    line, anchor = piece.text, piece.style == "anchor"
    if len(line) > REMEMBERED_LENGTH or not answers_can_be_kept():
        return _position_name_of_line(line, anchor, lexicon)
    seen = remembered("anchor_position_line" if anchor else "position_line", lexicon)
    answer = seen.get(line, NOT_ASKED)
    if answer is NOT_ASKED:
        answer = seen[line] = _position_name_of_line(line, anchor, lexicon)
    return answer  # type: ignore[no-any-return]


NOT_ASKED = object()  # None is an answer: the line names no position


def _position_name_of_line(line: str, anchor: bool, lexicon: Lexicon) -> str | None:
    raw = lexicon.numbering.heading_number.sub("", line).strip()
    text = posting_name(raw, lexicon)  # 招聘：前台 — the recruiting words' colon is not the line's
    recruited = recruiter_before_title(text, lexicon)  # 青木游戏招聘：Unity 客户端工程师
    if recruited is not None:
        raw = text = recruited[1]
    paired = title_with_employer(text, lexicon) if recruited is None else None  # 前端工程师 | 某某有限公司
    if paired is not None:
        raw = text = paired[0]
    inner = _name_in_brackets(text)
    if inner is not None:
        raw = text = inner
    if not 2 <= len(text) <= 24 or TITLE_PUNCT.search(text) or text.startswith(lexicon.duty_verbs):
        return None
    if lexicon.heading_re.fullmatch(text) or lexicon.label_re.fullmatch(text) or text in lexicon.frequency_words:
        return None
    return text if _names_a_position(raw, anchor, lexicon) else None


@rule
def _name_in_brackets(line: str) -> str | None:
    """``【平面设计师】`` alone on its line over 工作内容: leaflets set a position's name in brackets
    as others set it in bold; the name is what the brackets hold."""
    line = line.strip()
    m = BRACKET_TITLE.match(line)
    return m.group(1).strip() if m and m.end() == len(line) else None


def _role_text_follows(piece: Piece, following: list[Piece], text: str, lexicon: Lexicon) -> bool:
    """After the name, maybe past its attribute labels: a role section, or a paragraph that
    describes the position."""
    subject_block: int | None = None  # "本职位隶属行政部，向…汇报，负责…": the sentence goes on after a label
    reporting_block: int | None = None
    for nxt in following:
        if nxt.kind == Kind.LABEL and (nxt.key in ATTRIBUTE_LABELS or nxt.key is None and (
                nxt.source == "table" or nxt.loc.block == piece.loc.block)):
            continue
        if requirement_before_sections(nxt, lexicon) or employer_introduction(nxt, lexicon):
            continue
        if _reporting_heading(nxt):
            reporting_block = nxt.loc.block
            continue
        if nxt.kind == Kind.TEXT and nxt.loc.block == reporting_block:
            continue  # the reporting line's own words
        if nxt.kind == Kind.TEXT and nxt.line_start and nxt.text.strip() in lexicon.data.grammar.position_subjects:
            subject_block = nxt.loc.block
            continue
        # a section label with its value on the lines below (职位概述：) heads a section as a heading does
        opens_section = nxt.kind == Kind.HEADING or nxt.kind == Kind.LABEL and not nxt.text.strip()
        # a bare 职责 over the work (a duties group's label with no group named) opens the duties
        return opens_section and (nxt.key in ROLE_SECTIONS or nxt.key == DUTY_GROUP_LABEL) \
            or _describes_the_position(nxt, text, lexicon, nxt.loc.block == subject_block)
    return False


@rule
def _reporting_heading(nxt: Piece) -> bool:
    """``人事助理`` / ``汇报关系：向人力资源经理汇报`` / ``工作内容：…``: a reporting line under the name
    is one of the position's attributes, as a 直接上级 label is; the sections come after it (the
    name was no title, and the role had none)."""
    return nxt.kind == Kind.HEADING and nxt.key == "reporting"


@rule
def employer_introduction(piece: Piece, lexicon: Lexicon) -> bool:
    """Between a posting's name and its sections may stand a paragraph that introduces the
    employer (``会计`` / ``绿源农业科技股份有限公司是一家从事…的农业企业。因业务发展，现诚聘会计一名。`` /
    ``工作内容：…``): a company's whole name opening the paragraph with the words that present it.
    It belongs to the posting the name opens, not in place of its sections."""
    return piece.kind == Kind.TEXT and piece.line_start and bool(_introduction_re(lexicon).match(piece.text.lstrip()))


@cache
def _introduction_re(lexicon: Lexicon) -> re.Pattern[str]:
    suffixes = alternation(lexicon.company_suffixes)
    return re.compile(rf"[\u4e00-\u9fffA-Za-z()（）]{{2,24}}?(?:{suffixes})"
                      rf"(?:{alternation(lexicon.data.titles.introduction_verbs)})")


@rule
def _describes_the_position(piece: Piece, title: str, lexicon: Lexicon, goes_on: bool = False) -> bool:
    """A position's name on a line of its own over a paragraph that says what the position is —
    opening with the position as subject (``本岗位直接向总经理负责，…``), with whom it works under
    (``在行政经理的指导下，负责…``, ``受行政经理领导，…``) or with its work (``负责…``) — heads
    that paragraph: the paragraph need not repeat the name. ``goes_on``: the piece continues a
    sentence whose subject (本职位) and a label (隶属行政部) came first."""
    if piece.kind != Kind.TEXT or not (piece.line_start or goes_on) or len(piece.text) < MIN_DESCRIPTION:
        return False
    body = piece.text.lstrip()
    rest = without_lead(body, [title, *lexicon.data.grammar.position_subjects])
    return superior_clause(rest, lexicon) is not None or duty_start(body, title, lexicon) is not None


MIN_DESCRIPTION = 8  # shorter text is a phrase, too little to say what a position is


@rule
def _labels_after_on_line(piece: Piece, following: list[Piece]) -> bool:
    """Career pages print a position's name with its count and date on one line (``数控车床
    操作工 招聘人数：5 发布日期：2023-04-12``): a name followed on its line only by such fields
    stands as alone as a name on a line of its own."""
    on_line = [p for p in following if p.loc.block == piece.loc.block and p.loc.row == piece.loc.row]
    return bool(on_line) and all(p.kind == Kind.LABEL and (p.key in ATTRIBUTE_LABELS or p.key is None) for p in on_line)


@rule
def requirement_before_sections(piece: Piece, lexicon: Lexicon) -> bool:
    """Between a posting's position line and its sections may stand its key requirements,
    unlabelled (``销售代表`` / ``本科及以上学历`` / ``3年以上销售经验`` / ``岗位职责：…``), as job
    boards print them under the name: they belong to the role the line opens."""
    return piece.kind in (Kind.TEXT, Kind.ITEM) and self_evident_requirement(piece.text, lexicon)


# --- the rules ---------------------------------------------------------------------------------

@rule
def _index_row(draft: RoleDraft, later: list[RoleDraft], lexicon: Lexicon) -> RoleDraft | None:
    """A table of openings (岗位名称 | 招聘人数 | 工作地点 | 薪资) before the roles' own sections lists
    each role's numbers: the row belongs to the role described under the same name."""
    return _described_later(draft, later, lexicon)


@rule
def _contents_sheet(piece: Piece, lexicon: Lexicon) -> bool:
    """A workbook's contents or instructions sheet (``目录``, ``填写说明``) lists or explains the
    other sheets; it describes no role."""
    return (piece.name or piece.text).strip() in lexicon.data.titles.contents_sheet_names


@rule
def _department_section(piece: Piece) -> bool:
    """``二、部门职责`` in a compilation opens department-level text (部门职责, 部门架构图) that
    belongs to no role, until the next role title."""
    return piece.key == "department_info"


@rule
def _titles_in_a_row(current: RoleDraft, lexicon: Lexicon) -> bool:
    """Two titles with nothing between them: the first is a table of contents entry or the
    compilation's own name, not a role. A roster row is a role of its own, however little it
    states (a posting whose description is empty still has its company and pay)."""
    return not _says_something(current, lexicon) and current.title_source != "roster"


def _says_something(draft: RoleDraft, lexicon: Lexicon) -> bool:
    return draft.has_content() and not all(
        _edition_note(p.text, lexicon) for p in draft.pieces
        if p.kind != Kind.TITLE and p is not draft.organization_piece and not (p.kind == Kind.LABEL and not p.text.strip()))


@rule
def _edition_note(text: str, lexicon: Lexicon) -> bool:
    """``（2023年版）``, ``2024年修订`` on a line under a compilation's heading dates the heading;
    it says nothing of a role."""
    return bool(_edition_re(lexicon).fullmatch(text.strip()))


@cache
def _edition_re(lexicon: Lexicon) -> re.Pattern[str]:
    editions = alternation(lexicon.data.titles.edition_words)
    return re.compile(rf"[（(]?\s?\d{{4}}\s?(?:{editions}){{0,4}}\s?[)）]?")


@rule
def _compilation_organization(current: RoleDraft, lexicon: Lexicon) -> tuple[str, Piece] | None:
    """A compilation heading that names a company (``XX集团有限公司财务部岗位说明书汇编``)
    names the organization of every role after it."""
    if current.organization and current.organization_piece is not None and (
            not current.title or current.title.endswith(lexicon.department_endings)):
        return current.organization, current.organization_piece
    return None


@rule
def _restates_heading(piece: Piece, current: RoleDraft) -> bool:
    """The same document heading written again (a running title, a page header in the body)
    restates its document; it does not open a new role."""
    return bool(piece.name) and piece.name == current.title_raw and piece.title_style == "doc"


@rule
def _label_restates_title(value: str, draft: RoleDraft) -> bool:
    """A 岗位名称 label that repeats the heading's title, maybe with the company in front or
    a character lost to the site's watermark (客户服总监 / 客户服务总监)."""
    if draft.title is None or draft.label_title:
        return False  # after one form card's 岗位名称, only the same name continues it (经理 ≠ 副经理)
    if value.endswith(draft.title) or draft.title.endswith(value):
        return True
    return SequenceMatcher(None, value, draft.title).ratio() >= SAME_TITLE


@rule
def _heading_title_stands(value: str, heading_title: str | None) -> bool:
    """A 岗位名称 label restating the heading's title gives the role its title, except when the
    two differ inside the name (``客户服总监`` under ``客户服务总监工作说明书``): a character of
    the label was lost (a site watermark stood in its place), and the heading still has it. A
    label that only drops what stands in front (华邦集团客户服务总监 → 客户服务总监) still wins."""
    return heading_title is not None and not (value == heading_title or heading_title.endswith(value)
                                               or value.endswith(heading_title))


@rule
def _openings_label_roles(draft: RoleDraft, lexicon: Lexicon) -> list[tuple[str, int, int, int]]:
    """``一、招聘岗位`` / ``语文教师2名、数学教师1名`` / ``二、应聘条件`` …: a role titled by a list of
    openings, which nothing after describes one by one, is as many roles as the list names —
    each with its count — and what follows is for all of them. Returns (name, count, start, end)
    of each position in the title piece's text, or [] when the title is no such list."""
    piece = draft.title_piece
    if piece is None or piece.kind != Kind.LABEL or not openings_list(piece.text, lexicon):
        return []
    out = []
    for m in OPENING_PART.finditer(piece.text):
        counts = opening_counts(m.group().strip(), lexicon)
        if len(counts) != 1:
            return []
        name, count = next(iter(counts.items()))
        start = piece.text.index(name, m.start())
        out.append((name, count, start, m.end()))
    return out if len(out) >= 2 else []


OPENING_PART = re.compile(r"[^、，,;；。]+")


def _listed_roles(draft: RoleDraft, listed: list[tuple[str, int, int, int]]) -> list[RoleDraft]:
    """One role per position of an openings list, each with its count, all sharing the rest."""
    title = draft.title_piece
    assert title is not None
    rest = [p for p in draft.pieces if p is not title]
    titles = tuple(name for name, _, _, _ in listed)
    return [RoleDraft(title=name, title_source="label", title_raw=title.text, title_piece=named,
                      organization=draft.organization, organization_piece=draft.organization_piece,
                      department_piece=draft.department_piece, pieces=[named, counted, *rest],
                      label_title=True, listed_with=titles)
            for name, named, counted in _opening_pieces(title, listed)]


def _opening_pieces(title: Piece, listed: list[tuple[str, int, int, int]]) -> list[tuple[str, Piece, Piece]]:
    """Each listed position's name (a title piece) and its count (a headcount label), each where
    the list writes it."""
    out = []
    for name, _, start, end in listed:
        named = title.changed(kind=Kind.TITLE, text=name, loc=title.loc.narrow(start, start + len(name)),
                              title_style="heading")
        count_text = title.text[start + len(name):end].strip()
        at = title.text.index(count_text, start + len(name))
        counted = Piece(Kind.LABEL, count_text, title.loc.narrow(at, at + len(count_text)), key="headcount",
                        name="headcount", line_start=False)
        out.append((name, named, counted))
    return out


@rule
def _card_head_label(piece: Piece, before: list[Piece]) -> bool:
    """Cards that open with the same field lines (``部门：财务部`` / ``岗位：会计主管`` / … / ``部门：财务部`` /
    ``岗位：出纳``): a field line right above the next card's title label, whose field the card
    above already stated, heads the next card — the card above does not state it twice."""
    return piece.kind == Kind.LABEL and piece.line_start and piece.key in CARD_HEAD_KEYS and any(
        p.kind == Kind.LABEL and p.key == piece.key for p in before)


CARD_HEAD_KEYS = frozenset({"department", "code", "grade", "category", "organization"})


@rule
def _label_opens_next_card(current: RoleDraft) -> bool:
    """A 岗位名称 label naming another position opens the next form card of a compilation,
    once the current card has its own 岗位名称 or its own list."""
    return current.label_title or (current.has_items() and current.title_source != "none")


def _may_end_roles(piece: Piece) -> bool:
    """Whether ``piece`` can be what :func:`_chapter_ends_roles` or :func:`_blank_form_ends_role`
    look for (a numbered item, a blank form's marker): the rules are asked of these only, not of
    every piece of every role (~6,800 per compilation)."""
    return piece.kind == Kind.ITEM or piece.source == "blank_form"


@rule
def _chapter_ends_roles(piece: Piece, current: RoleDraft, lexicon: Lexicon) -> bool:
    """A manual's chapter heading (``第四章：培训中心管理制度``) after a role's text ends the part
    of the manual that describes positions: what follows belongs to no role until a title."""
    # the role's pieces are searched for an item last: a chapter label is rare
    return piece.kind == Kind.ITEM and lexicon.numbering.is_chapter(piece.marker) and current.has_items()


@rule
def _blank_form_ends_role(piece: Piece) -> bool:
    """A blank form after a role (an application or probation form appended to a manual) is
    not the role's text: the role ends where the form starts, and the form belongs to no role
    until a title."""
    return piece.source == "blank_form"


@rule
def _organization_line(piece: Piece, lexicon: Lexicon) -> bool:
    """A lone company line before the first title (``杭州XX有限公司``, ``XX科技有限公司诚聘``)
    names the organization of the role that follows."""
    if piece.kind != Kind.TEXT or not piece.alone or title_with_employer(piece.text, lexicon) is not None:
        return False  # "前端工程师 | 杭州云栖科技有限公司" names the position too: a title line
    return is_organization(company_of(piece.text, lexicon), lexicon) or _recruiting_heading(piece, lexicon)


@rule
def _recruiting_heading(piece: Piece, lexicon: Lexicon) -> bool:
    """A document's heading that says who is recruiting (``# 青禾软件 2024 春季招聘``, ``# 滴滴
    WebApp 架构团队招聘``) names the employer even when its name carries no company word: what
    stands before the recruiting words and the year or season they are for, when it names no
    position. A plain text's first line, standing alone, is its heading."""
    if piece.source != "heading_block" and not (piece.loc.block == 0 and piece.alone and piece.line_start):
        return False
    name = company_of(piece.text, lexicon)
    if name == piece.text.strip() or not 2 <= len(name) <= MAX_EMPLOYER or TITLE_PUNCT.search(name) or name.isdigit():
        return False
    # a department or team recruiting (技术中心招聘, 研发团队招聘) names no employer
    units = (*lexicon.department_endings, *lexicon.data.titles.team_endings)
    employer = employer_of(piece.text, lexicon)
    # the name says whose campaign it is only with the year, the season or the team it recruits for
    # (or the recruiting word set off before it by a bar: 招聘 | 云帆智能, not 招聘｜门店运营岗位)
    campaign = employer != name or not posting_name(piece.text.strip(), lexicon).endswith(name) \
        or _leading_recruiting_word(piece.text.strip(), lexicon) is not None \
        and not name.endswith(tuple(lexicon.data.titles.recruited_words))
    return campaign and not employer.endswith(units) and not is_position_name(posting_name(name, lexicon), lexicon)


MAX_EMPLOYER = 24


def _may_name_employer(piece: Piece, draft: RoleDraft) -> bool:
    """Whether ``piece`` can be the company line :func:`_organization_under_title` or
    :func:`_employer_after_role` look for — a line or item (:func:`_company_line`) of a role that
    names no organization yet: the rules are asked of these only, not of every label and heading
    of every role (a one-role card asks ~40 times, a compilation ~6,800)."""
    return draft.organization is None and (piece.kind == Kind.TEXT or piece.kind == Kind.ITEM)


@rule
def _organization_under_title(piece: Piece, draft: RoleDraft, lexicon: Lexicon) -> bool:
    """A company line right under a position's title, before anything the role says
    (``🔥【急招】奶茶店店长🔥`` then ``🏠 茶语时光餐饮管理有限公司``), names that role's
    organization, as one above the title does."""
    # whether the role said anything yet before whether the line names a company: has_content
    # answers at the role's first content piece, and from its second piece on a role nearly
    # always has one (a compilation asks ~6,800 times), while reading a company's name is dearer
    return (piece.line_start and draft.organization is None and not draft.has_content()
            and _company_line(piece, lexicon))


@rule
def _employer_after_role(piece: Piece, draft: RoleDraft, lexicon: Lexicon) -> bool:
    """A posting copied from a job board ends with its employer's card: the company's name on a
    line of its own after what the position says, then the company's industry, size and funding
    (``上海某某美妆有限公司`` / ``美妆 · 100-499人``), or signs off with it (``—— 某某有限公司``).
    In a document of one posting, the name is its employer; the lines after it are about the
    company. (In a compilation of postings a company line may be any posting's.)"""
    return (draft.organization is None and piece.alone
            and (piece.line_start or piece.kind == Kind.ITEM)  # "—— 某某有限公司": a signature after a dash
            and _company_line(piece, lexicon) and draft.has_content())


def _company_line(piece: Piece, lexicon: Lexicon) -> bool:
    """A line or item that is a company's name (with the recruiting words after it, if any)."""
    return piece.kind in (Kind.TEXT, Kind.ITEM) and is_organization(company_of(piece.text, lexicon), lexicon)


def company_of(text: str, lexicon: Lexicon) -> str:
    """A company line without the recruiting words after it (``…有限公司诚聘`` → ``…有限公司``)."""
    text = text.strip()
    # both questions asked only where they can be answered (a card asks of ~15 lines, a
    # compilation of thousands, and hardly one opens with a tag or ends with the words)
    tag_end = _leading_tag(text) if text.startswith(TAG_OPENERS) else None
    if tag_end is None and text.startswith(_recruiting_words_longest_first(lexicon)):
        tag_end = _leading_recruiting_word(text, lexicon)  # 招聘｜江海证券 2024 社会招聘
    text = text[tag_end:] if tag_end else text
    words = _recruiting_words_longest_first(lexicon)
    if not text.endswith(words):
        return text
    for word in words:
        if text.endswith(word) and len(text) > len(word) + 2:
            return _year_tail_re(lexicon).sub("", _campaign_tail_re(lexicon).sub("", text[: -len(word)])).strip()
    return text


LEADING_TAG = re.compile(r"^[【\[〔［][^】\]〕］]{1,10}[】\]〕］]\s*(?=\S)")
TAG_OPENERS = ("【", "[", "〔", "［")  # LEADING_TAG's first character


@rule
def _leading_tag(text: str) -> int | None:
    """A poster's company line opens with a tag in square brackets (``【诚聘英才】杭州绿源环保…``,
    ``[急聘]…``): the tag decorates the line, the name follows it. Returns where the name starts."""
    m = LEADING_TAG.match(text)
    return m.end() if m else None


@rule
def _leading_recruiting_word(text: str, lexicon: Lexicon) -> int | None:
    """``招聘｜华信证券 2024 社会招聘``, ``诚聘：…``: a recruiting word set off by a bar or a colon before
    the employer's name labels the line; the name follows it. Returns where the name starts."""
    m = _leading_recruiting_re(lexicon).match(text)
    return m.end() if m else None


@cache
def _leading_recruiting_re(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_recruiting_words_longest_first(lexicon))})\s?[|｜\u4e28:：]\s?(?=\S)")


@rule
def recruiting_team(text: str, lexicon: Lexicon) -> str | None:
    """``# 滴滴 WebApp 架构团队招聘``: the team recruiting after the employer's name is the
    department of the positions it offers (:func:`employer_of` keeps the employer)."""
    first, _, rest = company_of(text, lexicon).partition(" ")
    return rest.strip() if rest and rest.endswith(tuple(lexicon.data.titles.team_endings)) and len(first) >= 2 else None


def employer_of(text: str, lexicon: Lexicon) -> str:
    """The employer a company line or recruiting heading names: :func:`company_of`, without the
    team that recruits when one follows the name (``滴滴 WebApp 架构团队`` → 滴滴)."""
    name = company_of(text, lexicon)
    first, _, rest = name.partition(" ")
    return first if rest and rest.endswith(tuple(lexicon.data.titles.team_endings)) and len(first) >= 2 else name


@cache
def _campaign_tail_re(lexicon: Lexicon) -> re.Pattern[str]:
    """``…2024 春季招聘``, ``…2025届校园招聘``: the campaign the recruiting is, before its words."""
    return re.compile(rf"\s?(?:{alternation(lexicon.data.titles.campaign_words)})$")


@cache  # sorted once per lexicon, not on each of a card's ~20 lines
def _recruiting_words_longest_first(lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(lexicon.data.titles.posting_words + lexicon.data.titles.posting_tails, key=len, reverse=True))


@cache
def _year_tail_re(lexicon: Lexicon) -> re.Pattern[str]:
    """``某某有限公司2024年招聘计划``: the year the recruiting is for, between the name and the words."""
    return re.compile(rf"\s?\d{{4}}\s?(?:{alternation(lexicon.data.titles.year_words)})?$")


@rule
def _introduces_open_role(piece: Piece, current: RoleDraft) -> bool:
    """``# Data Engineer（数据平台）`` and then ``我们正在寻找一名数据工程师加入…``: a recruiting
    sentence right under a role's heading, before anything else of it, introduces that role; it
    opens no role of its own."""
    title = current.title_piece
    return (piece.title_style == "prose" and title is not None and title.title_style in ("heading", "doc", "posting")
            and not any(p.kind not in (Kind.TITLE, Kind.HEADING) and p.source != "heading_block"
                        and p is not current.organization_piece for p in current.pieces))


@rule
def _after_site_notice(piece: Piece, current: RoleDraft | None) -> bool:
    """Doc-site pages cut documents at their notices: text after a notice and before the next
    title belongs to the next document, not to the role before the notice."""
    return piece.follows_furniture and current is not None and current.has_content()


@rule
def _position_line_over_prose(content: list[Piece], lexicon: Lexicon) -> Piece | None:
    """A document that opens with a position's name on a line of its own (``财务经理``) and goes
    on in paragraphs that say what the position does or asks (``财务经理负责…``, ``该职位要求
    候选人具有…``) is that position's description: the line is its title."""
    first = next((p for p in content if p.text.strip()), None)
    if first is None or first.kind != Kind.TEXT or not first.line_start or first.text != first.text.strip() \
            or not is_position_name(first.text, lexicon, 16):
        return None
    paragraphs = [p for p in content if p is not first and p.kind == Kind.TEXT and p.line_start]
    if not any(prose_paragraph_section(p.text, first.text, lexicon) for p in paragraphs):
        return None
    return first.changed(kind=Kind.TITLE, title_style="doc")


@rule
def _subject_paragraphs(content: list[Piece], lexicon: Lexicon) -> list[tuple[int, Piece]]:
    """A description written as prose with no title line names its position as the subject of a
    paragraph's first sentence (``财务主管是公司财务部的负责人，向财务总监汇报，…``, ``出纳负责…``):
    a position's name right before a copula, a duty verb, whom it works under or 岗位. A
    paragraph that names another position so opens that position's description (``财务经理全面
    负责…`` / ``会计负责…``). The document must say, in a paragraph, what a position asks (a
    requirement sentence): a rule book's 经理负责审批… describes no position. Returns where each
    description starts and its title."""
    found: list[tuple[int, Piece]] = []
    for i, piece in enumerate(content):
        title = _paragraph_subject(piece, lexicon) if piece.kind == Kind.TEXT and piece.line_start else None
        if title is not None and (not found or title.text != found[-1][1].text):
            found.append((i, title))
    paragraphs = [p for p in content if p.kind == Kind.TEXT and p.line_start]
    names = {title.text for _i, title in found}
    asks = any(p.kind == Kind.HEADING and p.key == "qualifications" for p in content) or any(
        prose_paragraph_section(p.text, name, lexicon) == "qualifications" for p in paragraphs for name in names)
    return found if asks else []


def _paragraph_subject(piece: Piece, lexicon: Lexicon) -> Piece | None:
    text = piece.text
    lead = len(text) - len(text.lstrip())
    end = next((lead + n for n in range(2, MAX_SUBJECT + 1)
                if is_position_name(text[lead:lead + n], lexicon, MAX_SUBJECT)
                and _subject_goes_on(text[lead + n:], lexicon)), None)
    if end is None:
        return None
    return Piece(Kind.TITLE, text[lead:end], piece.loc.narrow(lead, end), name=text[lead:end], title_style="prose")


MAX_SUBJECT = 12


def _subject_goes_on(rest: str, lexicon: Lexicon) -> bool:
    g = lexicon.data.grammar
    return (rest.startswith(tuple(g.copulas + g.subject_tails))
            or duty_start(rest, None, lexicon) is not None or superior_clause(rest, lexicon) is not None)


def _titled_by_first_line(content: list[Piece], pending_org: Piece | None, lexicon: Lexicon) -> list[RoleDraft]:
    title_line = _position_line_over_prose(content, lexicon)
    org = employer_of(pending_org.text, lexicon) if pending_org else None
    if title_line is not None:
        return [RoleDraft(title=title_line.text, title_source="doc", title_piece=title_line,
                          pieces=[title_line if p.loc == title_line.loc else p for p in content],
                          organization=org, organization_piece=pending_org)]
    starts = _subject_paragraphs(content, lexicon)
    ends = [i for i, _t in starts[1:]] + [len(content)] if starts else []
    return [RoleDraft(title=title.text, title_source="prose", title_piece=title, pieces=[title, *content[i:end]],
                      organization=org, organization_piece=pending_org)
            for (i, title), end in zip(starts, ends, strict=True)]


@rule
def _job_named_by_rank_label(content: list[Piece], lexicon: Lexicon) -> tuple[int, Piece] | None:
    """``職稱：行政專員`` heading a Taiwanese form names the job; on the mainland 职称 is a rank
    (``职称：中级``). In a document that names no position otherwise, a line of that label whose
    value is a position's name and no rank titles the role. Returns where the line is and its value
    as a title piece."""
    t = lexicon.data.titles
    for at, piece in enumerate(content):
        if piece.kind != Kind.TEXT or not piece.line_start:
            continue
        name, colon, value = split_label(piece.text)
        value = value.strip()
        if colon and name.strip() in t.rank_labels and value not in t.ranks and is_position_name(value, lexicon, 16):
            start = piece.text.index(value, piece.text.index(colon) + 1)
            return at, piece.changed(kind=Kind.TITLE, text=value, loc=piece.loc.narrow(start, start + len(value)),
                                     title_style="heading")
    return None


@rule
def _untitled_document(content: list[Piece], pending_org: Piece | None, file_title: DocTitle | None,
                       lexicon: Lexicon) -> list[RoleDraft]:
    """A posting with sections but no title in its text is one role: its first heading line
    (``# Inside Sales``) or its file name (``咨询师岗位职责.docx``) names it. Prose with no title
    names its positions itself (:func:`_titled_by_first_line`)."""
    content = [p for p in content if p is not pending_org]
    # headings that stand at a line start structure the text; words of a heading mentioned in a
    # sentence ("…its 岗位要求 and 岗位职责 labels…") do not
    structured = any(p.kind == Kind.HEADING and p.line_start for p in content) and any(
        p.kind in (Kind.LABEL, Kind.ITEM) for p in content)
    structured = structured or any(p.kind == Kind.TABLE for p in content)  # a KPI sheet of its own
    named_file = file_title is not None and bool(file_title.title) and any(
        p.kind in (Kind.ITEM, Kind.TEXT) for p in content)
    if not (structured or named_file):
        return _titled_by_first_line(content, pending_org, lexicon)
    heading = next((p for p in content if p.source == "heading_block" and len(p.text) <= 30), None)
    if heading is None and (ranked := _job_named_by_rank_label(content, lexicon)):
        at, heading = ranked
        content = [*content[:at], heading, *content[at + 1:]]  # the label line is the title's, used
    title = heading.text if heading is not None else (file_title.title if file_title else None)
    default = "duties" if file_title is not None and _lists_duties(file_title.raw, lexicon) else None
    return [RoleDraft(title=title or None, title_source="file", pieces=content, title_piece=heading,
                      organization=employer_of(pending_org.text, lexicon) if pending_org else None,
                      organization_piece=pending_org,
                      default_section=default)]
