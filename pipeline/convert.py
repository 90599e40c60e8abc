"""Convert one file into role records: the library entry point behind ``jdx convert``.

read (sniffed format) → normalise (display form) → matching form → pieces → roles (segment)
→ one :class:`~.builder.RoleBuilder` per role → values in the document's writing
(:mod:`.as_written`) → review flags → :class:`ConvertResult`.
Bad input never raises: it becomes ``status: failed`` with a typed ``error``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from ..extractors import (
    DEFAULT_LIMITS,
    DocumentError,
    ErrorCode,
    Limits,
    ReadOptions,
    collector,
    read_document,
)
from ..schemas.document import Document
from ..schemas.role import ConvertResult, ErrorInfo, Furniture, Role, Unmapped, Warning
from . import rules
from .as_written import Restorer, restore_role
from .builder import DocContext, RoleBuilder
from .fields.pay import split_places
from .fields.values import clean_value
from .lexicon import Lexicon, alternation, load_lexicon
from .normalize import matching_document, normalize_document
from .piece import Kind, Loc, Piece
from .pieces import document_pieces
from .position_lines import opening_counts
from .review import document_verdict, review_roles
from .segment import RoleDraft, Segmentation, segment
from .self_evident import without_lead
from .shared import apply_shared, shared_sections, taken_by_shared
from .titles import DocTitle, clean_title, is_organization, is_position_name, match_doc_title, split_title

log = logging.getLogger(__name__)

# Reader warnings that mean some text could not be read: the result is then partial.
LOSS_CODES = {"pages_undecodable", "undecodable_pages", "truncated", "partial_text", "oversized_pages",
              "unreadable_pages", "image_only_pages", "sheet_truncated"}
MIN_PROSE_ROLE = 20
# Where a title came from that heads a role even when no field was recognised under it.
TITLED_SOURCES = ("doc", "heading", "file", "lead_in", "line", "roster", "header_line", "prose", "posting")


@dataclass(frozen=True)
class ConvertOptions:
    """Choices a user makes about the output (not about reading the file)."""

    keep_script: bool = False


def convert_path(path: str | Path, *, lexicon: Lexicon | None = None, limits: Limits = DEFAULT_LIMITS,
                 options: ReadOptions | None = None, keep_script: bool = False,
                 raise_errors: bool = False) -> ConvertResult:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _failed(str(path), ErrorCode.CORRUPT_FILE, f"cannot read the file: {exc.strerror or exc}")
    return convert_bytes(data, str(path), lexicon=lexicon, limits=limits, options=options,
                         keep_script=keep_script, raise_errors=raise_errors)


def convert_bytes(data: bytes, name: str, *, lexicon: Lexicon | None = None, limits: Limits = DEFAULT_LIMITS,
                  options: ReadOptions | None = None, keep_script: bool = False,
                  raise_errors: bool = False) -> ConvertResult:
    lexicon = lexicon or load_lexicon()
    sha = hashlib.sha256(data).hexdigest()
    options = options or ReadOptions()
    if options.filename is None and name != "-":
        options = options.model_copy(update={"filename": Path(name).name})
    try:
        doc = read_document(data, limits, options)
    except DocumentError as exc:
        return _failed(name, exc.code, exc.message)
    except MemoryError:
        return _failed(name, ErrorCode.OUT_OF_MEMORY, "ran out of memory while reading the file")
    except Exception as exc:  # a reader bug must not take a batch down
        if raise_errors:
            raise
        log.debug("reader crashed on %s", name, exc_info=True)
        return _failed(name, ErrorCode.INTERNAL_ERROR, f"reader failed: {type(exc).__name__}: {exc}")
    try:
        with collector.paused():
            return extract(doc, name=name, sha256=sha, lexicon=lexicon, options=ConvertOptions(keep_script=keep_script))
    except MemoryError:
        return _failed(name, ErrorCode.OUT_OF_MEMORY, "ran out of memory while extracting roles")
    except Exception as exc:
        if raise_errors:
            raise
        log.debug("extraction crashed on %s", name, exc_info=True)
        return _failed(name, ErrorCode.INTERNAL_ERROR, f"extraction failed: {type(exc).__name__}: {exc}")


def extract(doc: Document, *, name: str, sha256: str, lexicon: Lexicon,
            options: ConvertOptions = ConvertOptions()) -> ConvertResult:
    """Roles of an already-read document."""
    rules.set_context(file=name)
    display = normalize_document(doc, lexicon, options.keep_script)
    matching = matching_document(display, options.keep_script)
    signoff = find_signoff(matching, lexicon)
    named = (metadata_title(doc.metadata, lexicon) if doc.metadata else None) or file_title(name, lexicon)
    seg = _without_signoff(segment(document_pieces(matching, lexicon), lexicon, file_title=named), signoff)
    preamble = _preamble(seg.unassigned, seg.roles)
    ctx = _context(matching, name, sha256, lexicon, preamble, signoff)
    shared = shared_sections(seg.roles, preamble, ctx)
    unassigned = _outside_roles(seg.unassigned, shared)
    kept = _build(seg.roles, ctx, shared, unassigned)
    _employer_named_after_roles(kept, lexicon)
    if doc.metadata:  # Markdown front matter
        _employer_of_metadata(kept, metadata_employer(doc.metadata, lexicon))
        _terms_of_metadata(kept, metadata_terms(doc.metadata, lexicon) or {})
    _department_above_roles(kept, preamble, lexicon)
    _headcounts_from_openings(kept, preamble, lexicon)
    restorer = Restorer(display, matching, options.keep_script)
    # a role's values come from its own pieces and from the shared sections applied to it
    shared_locs = [p.loc for p in shared.draft.pieces] if shared is not None else []
    roles = [restore_role(b.build(i, len(kept)), restorer, [*(p.loc for p in b.draft.pieces), *shared_locs])
             for i, b in enumerate(kept)]
    for b in kept:
        unassigned.extend(b.released)
    warnings = [Warning(code=w.code, message=w.message) for w in display.warnings]
    verdict = document_verdict(roles, [b.draft for b in kept], matching, lexicon)
    if verdict is not None:
        warnings.append(verdict)
        unassigned = _every_piece(unassigned, seg.unassigned, shared, kept)
        roles = []
    roles = review_roles(roles, [b.draft for b in kept], display, lexicon)
    if not roles and verdict is None:
        warnings.append(Warning(code="not_a_job_description", message="no job description found in this document"))
    return ConvertResult(file=name, status=_status(roles, doc), roles=roles, warnings=warnings,
                         unassigned=_unassigned(unassigned, restorer), furniture=_furniture(display))


def _without_signoff(seg: Segmentation, signoff: SignOff | None) -> Segmentation:
    """The sign-off (body, office, date) closes the document, not its last section: its lines
    leave the roles for the document's own text (the body still names the employer)."""
    if signoff is None or not signoff.blocks:
        return seg
    for draft in seg.roles:
        taken = [p for p in draft.pieces if p.loc.block in signoff.blocks and p is not draft.title_piece]
        if taken:
            draft.pieces[:] = [p for p in draft.pieces if p not in taken]
            seg.unassigned.extend(taken)
    return seg


def _furniture(display: Document) -> list[Furniture]:
    """The furniture's text as written, each block once (a table's cells joined by lines)."""
    out = []
    for i, block in enumerate(display.furniture):
        text = block.text if block.table is None else "\n".join(c.text for c in block.table.cells if c.text)
        if text.strip():
            out.append(Furniture(text=text, index=i, page=block.page, kind=block.style))
    return out


def _every_piece(unassigned: list[Piece], outside: list[Piece], shared: RoleBuilder | None,
                 kept: list[RoleBuilder]) -> list[Piece]:
    """Every piece of the document, once, in reading order: when no role is kept, all of its
    text — the roles', the shared sections', the rest — is unassigned."""
    pieces = [*unassigned, *outside, *(shared.draft.pieces if shared else []), *(p for b in kept for p in b.draft.pieces)]
    unique = list({id(p): p for p in pieces}.values())
    return sorted(unique, key=_reading_place)


def _outside_roles(unassigned: list[Piece], shared: RoleBuilder | None) -> list[Piece]:
    """The document's text that belongs to no role, the shared sections' part taken out."""
    if shared is None:
        return list(unassigned)
    taken = taken_by_shared(shared)
    out = [p for p in unassigned if id(p) not in taken]
    # pieces taken out of roles for the shared sections, and not used there
    from_roles = {id(p) for p in unassigned}
    out += [p for p in shared.draft.pieces if id(p) not in from_roles and id(p) not in taken
            and (p.text.strip() or p.kind == Kind.HEADING)]
    return out


def _build(drafts: list[RoleDraft], ctx: DocContext, shared: RoleBuilder | None,
           unassigned: list[Piece]) -> list[RoleBuilder]:
    """A filled builder per draft that is a role; the others' pieces go to ``unassigned``."""
    kept: list[RoleBuilder] = []
    for i, draft in enumerate(drafts):
        rules.set_context(role=i)
        builder = RoleBuilder(draft, ctx).fill()
        if _is_role(builder):
            kept.append(builder)
        else:
            unassigned.extend(draft.pieces)
    rules.set_context(role=None)
    if shared is not None:
        for b in kept:
            apply_shared(b, shared)
    return kept


def _status(roles: list[Role], doc: Document) -> Literal["ok", "partial"]:
    """``ok`` only when every role passes review and nothing of the file was lost."""
    lossy = any(w.code in LOSS_CODES for w in doc.warnings)
    return "ok" if roles and not lossy and all(not r.review.needed for r in roles) else "partial"


def _preamble(unassigned: list[Piece], drafts: list) -> list[Piece]:  # type: ignore[type-arg]
    """Unassigned pieces that stand before the first role, in reading order: a page laid out
    in one big table holds its introduction and its roles in the same block."""
    if not drafts or not drafts[0].pieces:
        return []
    # the company line above the first role heads the document: what it introduces is preamble too
    own = [p for p in drafts[0].pieces if p is not drafts[0].organization_piece] or drafts[0].pieces
    first = min(_reading_place(p) for p in own)
    return [p for p in unassigned if _reading_place(p) < first]


def _reading_place(piece: Piece) -> tuple[int, int, int, int]:
    return piece.loc.block, piece.loc.row or 0, piece.loc.col or 0, piece.loc.start


def _context(matching: Document, name: str, sha256: str, lexicon: Lexicon, preamble: list[Piece],
             signoff: SignOff | None = None) -> DocContext:
    from .nlp import classify_requirement, first_position_name  # lazy: loads jieba on first use

    def classify(text: str) -> str | None:
        return classify_requirement(text, lexicon)

    def name_position(texts: list[str], stem: str = "") -> str | None:
        return first_position_name(texts, lexicon, stem)

    return DocContext(file=name, format=matching.format, sha256=sha256, encoding=matching.encoding,
                      pages=matching.pages, lexicon=lexicon, classify=classify, name_position=name_position,
                      script=matching.script or "simplified", ocr=matching.ocr,
                      organization=organization_from_furniture(matching, lexicon)
                      or blurb_organization(preamble, lexicon) or signoff_organization(signoff))


@rules.rule
def _is_role(builder: RoleBuilder) -> bool:
    """A draft is a role when it holds fields, when a 岗位名称 label declared it, or when a
    title heads at least a sentence of text; a title with nothing under it is not a role."""
    draft = builder.draft
    content = sum(len(p.text) for p in draft.pieces if p.kind != Kind.TITLE)
    return builder.has_fields() or draft.label_title or (
        draft.title_source in TITLED_SOURCES and content >= MIN_PROSE_ROLE)


def _unassigned(pieces: list[Piece], restorer: Restorer) -> list[Unmapped]:
    """The text no role took, as written, a run of pieces that stand side by side in one block
    or cell given as one entry (``“汇报关系”：指…`` rather than ``“``, ``汇报关系``, ``”：指…``)."""
    runs: list[tuple[str, Loc]] = []
    for piece in pieces:
        text, loc = restorer.unplaced(piece)
        if not text.strip():
            continue
        gap = restorer.gap(runs[-1][1], loc) if runs else None
        if gap is not None and not re.search(r"\w", gap):  # only spaces or punctuation between
            last_text, last_loc = runs[-1]
            runs[-1] = (last_text + gap + text, last_loc._replace(end=loc.end))
        else:
            runs.append((text, loc))
    return [Unmapped(text=text, span=loc.span()) for text, loc in runs]


PAGE_TITLE_PARTS = re.compile(r"[\s|｜_–—-]+")


@rules.rule
def organization_from_furniture(doc: Document, lexicon: Lexicon) -> str | None:
    """A company named in the running header (``广东美嘉日化股份有限公司 岗位说明书``) is the
    organization of every role when the body names none."""
    if not doc.furniture:
        return None
    company = _furniture_company(lexicon)
    for block in doc.furniture:
        if block.style == "boilerplate":
            owner = copyright_owner(block.text, lexicon)
            if owner is not None:
                return owner
            continue
        for part in PAGE_TITLE_PARTS.split(block.text):  # "人才招聘-浙江某某有限公司": a page title's parts
            part = without_lead(part, list(lexicon.organization_noise))  # 欢迎来到某某银行… greets, it is no name
            if is_organization(part, lexicon):
                return part
            m = company.match(part)  # "南宁中燃城市燃气发展有限公司企业标准"
            if m and is_organization(m.group(), lexicon):
                return m.group()
    return None


def _department_above_roles(kept: list[RoleBuilder], preamble: list[Piece], lexicon: Lexicon) -> None:
    found = preamble_department(kept, preamble, lexicon)
    if found is None:
        return
    department, piece = found
    for b in kept:
        b.identity.department = department
        b.evidence["department"] = piece.span


def _headcounts_from_openings(kept: list[RoleBuilder], preamble: list[Piece], lexicon: Lexicon) -> None:
    """``招聘岗位：普工20名、质检员3名`` above the roles (:func:`~.position_lines.openings_list`): each
    role named there and counting no one itself takes the count the list gives it."""
    for piece in preamble:
        if piece.kind != Kind.HEADING or piece.key != "openings":
            continue
        counts = opening_counts(piece.text, lexicon)
        for b in kept:
            count = counts.get(b.identity.title or "")
            if count is not None and b.scalars.get("headcount") is None and b.identity.headcount is None:
                b.set_scalar("headcount", count, piece)


@rules.rule
def preamble_department(kept: list[RoleBuilder], preamble: list[Piece], lexicon: Lexicon) -> tuple[str, Piece] | None:
    """A posting that names its department once, in the introduction above its roles
    (``### 部门`` / ``滴滴平台技术部-平台前端团队``, ``招聘部门：研发中心``), and never per role, names
    the department of all of them. (In a compilation whose cards name their own departments, a
    department label above the first card is that card's, not everyone's.)"""
    if not kept or any(b.identity.department for b in kept):
        return None
    for piece in preamble:
        if piece.kind == Kind.LABEL and piece.key == "department":
            value = clean_value(piece.text, lexicon)
            if value:
                return clean_title(value, lexicon), piece
    return None


@rules.rule
def copyright_owner(text: str, lexicon: Lexicon) -> str | None:
    """A career page's copyright line (``Copyright © 2024 杭州云栖数据科技有限公司 All Rights Reserved``,
    ``©2024 某某有限公司 版权所有``) names the page's owner, the employer of its roles when the body
    names none. Only a company's whole name on a line that says it is a copyright notice."""
    if not any(mark in text for mark in lexicon.data.boilerplate.copyright_marks):
        return None
    name, _ = _blurb_patterns(lexicon)
    for part in re.split(r"[\s©|｜]+|\d{4}(?:-\d{4})?", text):
        m = name.match(part)
        if m and m.end() == len(part) and _names_company(m.group(1), lexicon):
            return m.group(1)
    return None


@rules.rule
def blurb_organization(preamble: list[Piece], lexicon: Lexicon) -> str | None:
    """A posting's introduction names its employer (``莫氏有限公司擴充業務…``, ``缀初网络技术(上海)
    有限公司成立于…``): the first company name written before the roles."""
    name, intro = _blurb_patterns(lexicon)
    for piece in preamble:
        if piece.kind not in (Kind.TEXT, Kind.ITEM, Kind.TITLE):
            continue
        m = name.search(piece.text)
        if m and _names_company(m.group(1), lexicon):
            return m.group(1)
        m = intro.match(piece.text.strip())
        if m and not m.group(1).startswith(tuple(lexicon.data.titles.self_references)):
            return m.group(1)  # "华影星光影城是厦门首家IMAX激光影城": the subject of the introduction
        introduced = introduced_employer(piece.text.strip(), lexicon)
        if introduced is not None:
            return introduced
    return None


SIGNOFF_LINES = 3  # the signing body, maybe its office, and the date


class SignOff(NamedTuple):
    organization: str | None
    blocks: frozenset[int]  # the blocks that hold nothing but the sign-off


@rules.rule
def signoff_organization(signoff: SignOff | None) -> str | None:
    """Notices and letters end with a sign-off: the issuing body on a line of its own over the
    date (``平阳县第二人民医院`` / ``2024年3月5日``). That body is the employer of every position the
    notice offers. Only the document's last lines, and only a line that is a name and nothing
    more (the date must follow it), so a closing sentence that mentions a company is not read
    (:func:`find_signoff`, found once per document)."""
    return signoff.organization if signoff is not None else None


def find_signoff(doc: Document, lexicon: Lexicon) -> SignOff | None:
    """The sign-off that ends a notice — the body (or its office: 人力资源部) over the date — with
    the blocks it fills; ``None`` when the document does not end with a date under such a line."""
    tail = [b for b in doc.blocks if b.table is None and b.text.strip()][-SIGNOFF_LINES:]
    lines = [(b.index, line.strip()) for b in tail for line in b.text.split("\n") if line.strip()][-SIGNOFF_LINES:]
    if len(lines) < 2 or not _signoff_date_re(lexicon).fullmatch(lines[-1][1]):
        return None
    name, _ = _blurb_patterns(lexicon)
    for k in range(len(lines) - 2, -1, -1):
        line = lines[k][1]
        m = name.match(line)
        office = line[m.end():].strip() if m else line
        company = m.group(1) if m and _names_company(m.group(1), lexicon) else None
        if len(office) <= MAX_OFFICE and (not office or office.endswith(lexicon.department_endings)) \
                and (company or office):
            signed = {i for i, _ in lines[k:]}
            whole = frozenset(b.index for b in tail if b.index in signed and all(
                (b.index, ln.strip()) in lines[k:] for ln in b.text.split("\n") if ln.strip()))
            return SignOff(company, whole)
    return None


MAX_OFFICE = 6  # "人力资源部", "人事科": the office after the body's name on its line


@cache
def _signoff_date_re(lexicon: Lexicon) -> re.Pattern[str]:
    t = lexicon.data.titles
    year, month, day = t.date_units
    digit = f"[0-9{''.join(t.date_digits)}]"
    # the day may be left out: "2024年3月" signs a notice as well
    return re.compile(rf"{digit}{{4}}\s*{year}\s*{digit}{{1,2}}\s*{month}(?:\s*{digit}{{1,3}}\s*{day})?")


@rules.rule
def _names_company(name: str, lexicon: Lexicon) -> bool:
    """A name ending as companies do (…医院, …公司) is one unless the clause it stands in opens
    with a word that no name starts with (``根据医院发展需要``, ``因公司业务扩展``) or it describes a
    company instead of naming it (``一家专注于企业服务的创业公司``)."""
    t = lexicon.data.titles
    return is_organization(name, lexicon) and not name.startswith(tuple(t.clause_openers)) \
        and not any(w in name for w in t.company_describers)


@rules.rule
def introduced_employer(text: str, lexicon: Lexicon) -> str | None:
    """``我们是青藤科技，一家…``, ``加入青藤科技，和我们一起…``: the employer named right after the words
    that introduce it, up to the end of the clause — a name, not a description (一家…的公司)."""
    t = lexicon.data.titles
    for word in t.employer_introducers:
        if not text.startswith(word):
            continue
        m = INTRODUCED.match(text, len(word))
        if m and not m.group(1).startswith((*t.company_describers, *t.self_references)) \
                and not any(w in m.group(1) for w in t.company_describers):
            return m.group(1)
    return None


INTRODUCED = re.compile(r"([\u4e00-\u9fffA-Za-z0-9()（）]{2,16})(?=[，,。！!；;\s])")


@cache  # per lexicon, not per document
def _blurb_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A company's whole name in a sentence, and the subject an introduction opens with."""
    suffixes = alternation(lexicon.company_suffixes)
    # the whole name: "青禾食品集团股份有限公司", not its first suffix's "青禾食品集团"
    name = re.compile(rf"(?:^|(?<=[\s,，。;；:：“”\"]))([\u4e00-\u9fffA-Za-z()（）]{{2,24}}?(?:{suffixes})"
                      rf"(?:[\u4e00-\u9fff()（）]{{0,6}}?(?:{suffixes}))*)")
    intro = re.compile(rf"^([\u4e00-\u9fffA-Za-z]{{3,16}}?)(?:{alternation(lexicon.data.titles.introduction_verbs)})")
    return name, intro


@cache
def _furniture_company(lexicon: Lexicon) -> re.Pattern[str]:
    """A running header's company name followed by more words (``…有限公司企业标准``)."""
    return re.compile(rf"^.{{2,30}}?(?:{alternation(_short_company_words(lexicon))})")


def _employer_named_after_roles(kept: list[RoleBuilder], lexicon: Lexicon) -> None:
    """A job page introduces its employer after the role as often as before it (``关于我们`` /
    ``深圳泓信智能科技有限公司成立于2016年…``): roles that name no organization take the one that
    section names (rule blurb_organization). Each role reads its own section: a thread of
    postings introduces a company per posting."""
    for b in kept:
        if not b.identity.organization and b.company_text:
            # only a name that opens its sentence: "…是阿里巴巴集团…" speaks of another company
            found = blurb_organization(b.company_text, lexicon)
            if found and any(p.text.lstrip().startswith(found) for p in b.company_text):
                b.identity.organization = found


def _short_company_words(lexicon: Lexicon) -> list[str]:
    return [w for w in lexicon.company_suffixes if len(w) == 2]


@rules.rule
def metadata_title(metadata: dict[str, str | list[str]], lexicon: Lexicon) -> DocTitle | None:
    """A Markdown posting's front matter names the position (``title: 数据分析师``) for a text that
    names none; the text's own title wins, as a file's name yields to it."""
    for key in lexicon.data.titles.metadata_title_keys:
        value = metadata.get(key)
        if isinstance(value, str) and is_position_name(clean_title(value, lexicon), lexicon, MAX_METADATA_VALUE):
            return DocTitle(title=clean_title(value, lexicon), end=0, label=None, raw=value)
    return None


@rules.rule
def metadata_employer(metadata: dict[str, str | list[str]], lexicon: Lexicon) -> str | None:
    """Front matter names the employer (``company: 北辰数科``) of a posting whose text names none."""
    for key in lexicon.data.titles.metadata_company_keys:
        value = metadata.get(key)
        if isinstance(value, str) and 2 <= len(value.strip()) <= MAX_METADATA_VALUE:
            return value.strip()
    return None


MAX_METADATA_VALUE = 30


@rules.rule
def metadata_terms(metadata: dict[str, str | list[str]], lexicon: Lexicon) -> dict[str, list[str]] | None:
    """Front matter states the place and the pay (``location: 杭州``, ``salary: 20k-35k``) of a posting
    whose text may state neither: they are the roles' when the text is silent (they were lost)."""
    t = lexicon.data.titles
    out: dict[str, list[str]] = {}
    for field, keys in (("location", t.metadata_place_keys), ("compensation", t.metadata_pay_keys)):
        value = next((v for k in keys if isinstance(v := metadata.get(k), str) and 0 < len(v.strip()) <= MAX_METADATA_VALUE),
                     None)
        if value is not None:
            out[field] = split_places(value.strip(), lexicon) if field == "location" else [value.strip()]
    return out or None


def _terms_of_metadata(kept: list[RoleBuilder], terms: dict[str, list[str]]) -> None:
    for b in kept:
        if terms.get("location") and not b.lists["location"]:
            b.lists["location"] = list(terms["location"])
        if terms.get("compensation") and not b.texts.get("compensation"):
            b.texts["compensation"] = list(terms["compensation"])


def _employer_of_metadata(kept: list[RoleBuilder], employer: str | None) -> None:
    for b in kept:
        if employer and not b.identity.organization:
            b.identity.organization = employer


def file_title(name: str, lexicon: Lexicon) -> DocTitle | None:
    """The title a file's name gives (``仓储主管岗位说明书.docx`` → 仓储主管), for documents
    whose text names none."""
    stem = Path(name).stem
    if not stem or stem == "-":
        return None
    title = match_doc_title(stem, lexicon)
    if title and title.title:
        return title
    return None


def _failed(name: str, code: ErrorCode, message: str) -> ConvertResult:
    return ConvertResult(file=name, status="failed", error=ErrorInfo(code=str(code), message=message))


__all__ = ["convert_path", "convert_bytes", "extract", "file_title", "split_title", "Role"]
