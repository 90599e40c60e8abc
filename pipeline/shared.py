"""Sections that cover every role of a document: a posting's company-wide benefits, pay or
place, written once before the roles (``公司福利：…`` in the preamble) or marked as shared
(``以上岗位福利待遇：…``, ``公司福利（所有岗位）``).

They are read like a role of their own, then given to every role that does not state the
field itself; the role that happened to hold them in its span keeps nothing extra.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from .builder import DocContext, RoleBuilder
from .fields.pay import names_perk, perk_item, perks_in_prose
from .lexicon import Lexicon
from .piece import Kind, Piece
from .rules import rule
from .segment import RoleDraft
from .self_evident import without_lead

SHARED_LISTS = ("benefits", "location")
SHARED_TEXTS = ("compensation",)
SHARED_SCALARS = ("employment_type",)


def split_shared(draft: RoleDraft, lexicon: Lexicon, last: bool = False,
                 siblings: Sequence[RoleDraft] = ()) -> list[Piece]:
    """Remove the runs of pieces under a shared heading or label from ``draft``; return them.
    ``last``: the document's last role, after which a leaflet prints what all its roles share;
    ``siblings``: the document's other roles."""
    shared: list[Piece] = []
    kept: list[Piece] = []
    in_run = False
    roster = _roster_block(draft)
    closing = _closing_section(draft.pieces, siblings) if last else None
    for i, piece in enumerate(draft.pieces):
        if closing is not None and i >= closing:
            shared.append(piece)
            continue
        if roster is not None and piece.loc.block > roster:
            shared.append(piece)
            if _may_speak_for_all(piece, lexicon):
                shared.extend(_all_roles_sentence(piece, lexicon))
            continue
        if roster is not None and piece.loc.block == roster:
            kept.append(piece)  # a roster row's cells are that row's own, whatever they say
            continue
        if _may_speak_for_all(piece, lexicon):
            shared.extend(_all_roles_sentence(piece, lexicon))  # the sentence itself stays where it is
        if piece.kind in (Kind.HEADING, Kind.TITLE) or piece.kind == Kind.LABEL and piece.key:
            # the rule is asked of a heading or label alone on its line only (a card's labels are in cells beside their values)
            in_run = piece.shared or last and piece.alone and _company_wide(piece, draft.pieces, i + 1, lexicon) \
                or in_run and _shared_run_continues(in_run, piece)
        (shared if in_run or piece.shared else kept).append(piece)
    if shared:
        draft.pieces[:] = kept
    return shared


SHARED_KEYS = (*SHARED_LISTS, *SHARED_TEXTS, *SHARED_SCALARS)


def _opens_field(piece: Piece) -> bool:
    return piece.kind in (Kind.HEADING, Kind.TITLE) or piece.kind == Kind.LABEL and bool(piece.key)


CLOSING_EXTRAS = ("application",)


@rule
def _closing_section(pieces: list[Piece], siblings: Sequence[RoleDraft]) -> int | None:
    """After the last of several positions, a paragraph of its own that states the place, the
    pay, the perks or the terms (``工作地点：东莞市…`` under a leaflet's last position,
    ``薪酬待遇按本社薪酬管理办法执行…`` after a prose posting's last paragraph) closes the
    whole posting: it speaks for every position, not only the one it happens to follow.

    It must come last, every field it opens a shared one; it must start a block of its own,
    after everything the last position says itself (a 工作地点 inside that position's own
    paragraph or table stays its own); and no other position may state those fields (a form
    whose every role has its 工作地点 keeps the last one's). How to apply may follow it. Returns
    where the section starts."""
    if not siblings:
        return None
    openers = [i for i, p in enumerate(pieces) if _opens_field(p)]
    run: list[int] = []
    for i in reversed(openers):
        if pieces[i].key in CLOSING_EXTRAS and run == []:
            continue  # how to apply (地址, 电话) follows the closing lines; it belongs to no role
        if pieces[i].key not in SHARED_KEYS or not pieces[i].line_start:
            break
        run.insert(0, i)
    start = next((i for i in run if i > 0 and pieces[i].loc.block > max(p.loc.block for p in pieces[:i])), None)
    if start is None:
        return None
    keys = {pieces[i].key for i in run if i >= start}
    stated = {p.key for draft in siblings for p in draft.pieces if _opens_field(p)}
    return None if keys & stated else start


@rule
def _company_wide(piece: Piece, pieces: list[Piece], after: int, lexicon: Lexicon) -> bool:
    """``公司福利：`` on a line of its own after a leaflet's last role, over a list of perks, names
    the company's perks, which every role has (a posting that mentions them inside its own line,
    or a list that runs on into other text, keeps them)."""
    if not (piece.kind in (Kind.HEADING, Kind.LABEL) and piece.line_start and piece.alone
            and (piece.name or "") in lexicon.data.grammar.company_wide_headings):
        return False
    perks = []
    for nxt in islice(pieces, after, None):  # only past the name test: most labels stop above
        if nxt.kind not in (Kind.TEXT, Kind.ITEM):
            break
        perks.append(perk_item(nxt.text, lexicon))
    return bool(perks) and all(perks)


@rule
def _shared_run_continues(in_run: bool, piece: Piece) -> bool:
    """After ``以上职位工作地点：葵涌`` the lines that follow in the same closing run (``福利：…``) speak
    for the same roles, as long as they state shared fields (pay, perks, places)."""
    return in_run and piece.kind == Kind.LABEL and (piece.key or "") in SHARED_KEYS


CLAUSE = re.compile(r"[^,，;；。]+")


def _may_speak_for_all(piece: Piece, lexicon: Lexicon) -> bool:
    """Whether ``piece`` opens the way a sentence about all the roles does: the rule below is
    asked only then (a compilation has ~7,000 pieces, none of them such a sentence)."""
    return piece.kind == Kind.TEXT and piece.text.startswith(lexicon.all_roles_words)


@rule
def _all_roles_sentence(piece: Piece, lexicon: Lexicon) -> list[Piece]:
    """A closing sentence about all the roles (``上述职位，薪金面议，请先致电…``) states their pay:
    its pay clause is compensation for every role."""
    if not _may_speak_for_all(piece, lexicon):
        return []
    p = lexicon.data.postings
    out: list[Piece] = []
    for m in CLAUSE.finditer(piece.text):
        clause = m.group().strip()
        if any(w in clause for w in p.negotiable + p.pay_words):
            start = piece.text.find(clause, m.start())
            out.append(piece.changed(kind=Kind.LABEL, key="compensation", text=clause, name="compensation",
                                     loc=piece.loc.narrow(start, start + len(clause)), shared=True))
            continue
        for perk in _perks_given(clause, lexicon):  # 以上岗位均缴纳五险，提供住宿: perks for every role
            start = piece.text.find(perk, m.start())
            out.append(piece.changed(kind=Kind.LABEL, key="benefits", text=perk, name="benefits",
                                     loc=piece.loc.narrow(start, start + len(perk)), shared=True))
    return out


def _perks_given(clause: str, lexicon: Lexicon) -> list[str]:
    """The perks a clause of an all-roles sentence names: things given after a verb of giving
    (缴纳五险), or the clause itself when it is a perk's name (包吃住)."""
    g = lexicon.data.grammar
    body = without_lead(without_lead(clause, g.all_roles_words), g.all_roles_adverbs)
    given = perks_in_prose(body, lexicon)
    if given:
        return given
    return [body] if body and names_perk(body, lexicon) else []


@rule
def _roster_block(draft: RoleDraft) -> int | None:
    """Text after a roster table (one role per row) speaks of all its roles (``福利待遇：…`` under
    the table of openings)."""
    piece = draft.title_piece
    return piece.loc.block if piece is not None and piece.title_style == "roster" else None


@rule
def shared_sections(drafts: list[RoleDraft], preamble: list[Piece], ctx: DocContext) -> RoleBuilder | None:
    """A posting states company-wide benefits, pay or places once — before its roles or under a
    heading that says it covers all of them (``以上岗位福利待遇``): every role that does not state
    the field itself has it."""
    pieces = [p for p in preamble if p.kind in (Kind.HEADING, Kind.LABEL, Kind.TEXT, Kind.ITEM)]
    split_off = False
    for draft in drafts:
        taken = split_shared(draft, ctx.lexicon, last=draft is drafts[-1], siblings=drafts[:-1])
        pieces.extend(taken)
        split_off = split_off or bool(taken)
    if not pieces or not drafts:
        return None
    builder = RoleBuilder(RoleDraft(title=None, title_source="shared", pieces=pieces), ctx).fill()
    asked = shared_requirement_runs(pieces)
    if asked:
        builder.common_requirements = RoleBuilder(RoleDraft(title=None, title_source="shared", pieces=asked), ctx).fill()
    found = any(builder.lists[f] for f in SHARED_LISTS) or any(builder.texts.get(f) for f in SHARED_TEXTS) \
        or any(builder.scalars.get(f) for f in SHARED_SCALARS) or bool(asked)
    # pieces taken out of the roles stay the document's text (unassigned) even when they share nothing
    return builder if found or split_off else None


def taken_by_shared(shared: RoleBuilder) -> set[int]:
    """The pieces the shared sections took: those of a shared field, with the headings over
    them. ``招聘岗位`` above a posting's positions heads no shared field, and no role has it,
    so it stays the document's own text."""
    taken = {id(p) for section, p in shared.tagged
             if (p.key if p.kind == Kind.LABEL else section) in SHARED_KEYS
             and (id(p) in shared.used or p.kind == Kind.HEADING)}
    common = shared.common_requirements
    if common is not None:
        taken |= {id(p) for _, p in common.tagged if id(p) in common.used or p.kind == Kind.HEADING}
    return taken


@rule
def shared_requirement_runs(pieces: list[Piece]) -> list[Piece]:
    """The requirements a posting writes once for all its positions under a heading that says so
    (``以上岗位均要求：高中以上学历，18-40周岁``): the run from that heading to the next heading or
    field label. Only a heading that says it covers every role: a notice's preamble or a
    compilation's glossary before its roles asks nothing of them."""
    out: list[Piece] = []
    in_run = False
    for piece in pieces:
        if piece.kind in (Kind.HEADING, Kind.TITLE) or piece.kind == Kind.LABEL and piece.key:
            in_run = piece.shared and (piece.key or "").split(".")[0] == "qualifications"
        if in_run:
            out.append(piece)
    return out


def apply_shared(builder: RoleBuilder, shared: RoleBuilder) -> None:
    """Give ``builder`` the shared fields it does not state itself."""
    for name in SHARED_LISTS:
        if not builder.lists[name] and shared.lists[name]:
            builder.lists[name] = list(shared.lists[name])
            _copy_evidence(builder, shared, name)
    for name in SHARED_TEXTS:
        if not builder.texts.get(name) and shared.texts.get(name):
            builder.texts[name] = list(shared.texts[name])
            _copy_evidence(builder, shared, name)
    for name in SHARED_SCALARS:
        if builder.scalars.get(name) is None and shared.scalars.get(name) is not None:
            builder.scalars[name] = shared.scalars[name]
            _copy_evidence(builder, shared, name)
    if shared.common_requirements is not None:
        _give_requirements(builder, shared.common_requirements)


def _give_requirements(builder: RoleBuilder, common: RoleBuilder) -> None:
    """Each kind of requirement the role does not state itself (its own degree wins)."""
    own, given = builder.quals, common.quals
    for field in ("education", "age", "gender", "experience"):
        if getattr(own, field) is None and getattr(given, field) is not None:
            setattr(own, field, getattr(given, field))
            _copy_evidence(builder, common, f"qualifications.{field}")
    for field, items in given.lists.items():
        if items and not own.lists[field]:
            own.lists[field] = list(items)
            _copy_evidence(builder, common, f"qualifications.{field}")


def _copy_evidence(builder: RoleBuilder, shared: RoleBuilder, name: str) -> None:
    for key, span in shared.evidence.items():
        if key == name or key.startswith(f"{name}["):
            builder.evidence.setdefault(key, span)
