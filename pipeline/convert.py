"""Convert one file into role records: the library entry point behind ``jdx convert``.

read (sniffed format) → normalise → pieces → roles → fields → :class:`ConvertResult`.
Bad input never raises: it becomes ``status: failed`` with a typed ``error``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from ..extractors import DEFAULT_LIMITS, DocumentError, ErrorCode, Limits, ReadOptions, read_document
from ..schemas.document import Document
from ..schemas.role import ConvertResult, ErrorInfo, Role, Unmapped, Warning
from .assemble import RoleContext, build_role, resolve_dangling_labels, role_has_fields
from .lexicon import Lexicon, load_lexicon
from .normalize import normalize_document
from .pieces import Kind, document_pieces
from .segment import segment
from .titles import DocTitle, is_organization, match_doc_title

log = logging.getLogger(__name__)

# Reader warnings that mean some text could not be read: the result is then partial.
LOSS_CODES = {"pages_undecodable", "undecodable_pages", "truncated", "partial_text"}
MIN_PROSE_ROLE = 20


def convert_path(path: str | Path, *, lexicon: Lexicon | None = None, limits: Limits = DEFAULT_LIMITS,
                 options: ReadOptions | None = None, raise_errors: bool = False) -> ConvertResult:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _failed(str(path), ErrorCode.CORRUPT_FILE, f"cannot read the file: {exc.strerror or exc}")
    return convert_bytes(data, str(path), lexicon=lexicon, limits=limits, options=options,
                         raise_errors=raise_errors)


def convert_bytes(data: bytes, name: str, *, lexicon: Lexicon | None = None, limits: Limits = DEFAULT_LIMITS,
                  options: ReadOptions | None = None, raise_errors: bool = False) -> ConvertResult:
    lexicon = lexicon or load_lexicon()
    sha = hashlib.sha256(data).hexdigest()
    options = options or ReadOptions(filename=Path(name).name if name != "-" else None)
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
        log.exception("reader crashed on %s", name)
        return _failed(name, ErrorCode.INTERNAL_ERROR, f"reader failed: {type(exc).__name__}: {exc}")
    try:
        return extract(doc, name=name, sha256=sha, lexicon=lexicon)
    except MemoryError:
        return _failed(name, ErrorCode.OUT_OF_MEMORY, "ran out of memory while extracting roles")
    except Exception as exc:
        if raise_errors:
            raise
        log.exception("extraction crashed on %s", name)
        return _failed(name, ErrorCode.INTERNAL_ERROR, f"extraction failed: {type(exc).__name__}: {exc}")


def extract(doc: Document, *, name: str, sha256: str, lexicon: Lexicon) -> ConvertResult:
    """Roles of an already-read document."""
    doc = normalize_document(doc, lexicon)
    pieces = resolve_dangling_labels(document_pieces(doc, lexicon))
    seg = segment(pieces, lexicon, file_title=file_title(name, lexicon))
    ctx = RoleContext(file=name, format=doc.format, sha256=sha256, encoding=doc.encoding, pages=doc.pages)

    from .nlp import classify_requirement, first_position_name  # lazy: loads jieba and spaCy on first use

    def classify(text: str) -> str | None:
        return classify_requirement(text, lexicon)

    def name_position(texts: list[str], stem: str = "") -> str | None:
        return first_position_name(texts, lexicon, stem)

    built: list[tuple[object, Role]] = []
    unassigned = [Unmapped(text=p.text, span=p.span) for p in seg.unassigned if p.text.strip()]
    for draft in seg.roles:
        role = build_role(draft, 0, 0, ctx, lexicon, classify, name_position)
        content = sum(len(p.text) for p in draft.pieces if p.kind != Kind.TITLE)
        # A 岗位名称 label declares a role outright; a heading only when something follows it.
        keep = role_has_fields(role) or draft.label_title or (
            draft.title_source in ("doc", "heading", "file", "lead_in") and content >= MIN_PROSE_ROLE
        )
        if keep:
            built.append((draft, role))
        else:
            unassigned.extend(Unmapped(text=p.text, span=p.span) for p in draft.pieces if p.text.strip())

    header_org = organization_from_furniture(doc, lexicon)
    if header_org:
        # The running header names the company in full; a body line may hold only part of
        # it (a cover page broke "南宁中燃城市燃|气发展有限公司" over two lines).
        built = [(d, r if r.organization and not (header_org.endswith(r.organization) and header_org != r.organization)
                  else r.model_copy(update={"organization": header_org})) for d, r in built]
    count = len(built)
    roles = [
        role.model_copy(update={
            "id": f"{sha256[:16]}-{i:03d}",
            "source": role.source.model_copy(update={"role_index": i, "role_count": count}),
        })
        for i, (_draft, role) in enumerate(built)
    ]
    warnings = [Warning(code=w.code, message=w.message) for w in doc.warnings]
    lossy = any(w.code in LOSS_CODES for w in doc.warnings)
    if not roles:
        warnings.append(Warning(code="no_roles", message="no job description found in this document"))
    status = "ok" if roles and not lossy else "partial"
    return ConvertResult(file=name, status=status, roles=roles, warnings=warnings, unassigned=unassigned)


def organization_from_furniture(doc: Document, lexicon: Lexicon) -> str | None:
    """A company named in the running header ("广东美嘉日化股份有限公司 岗位说明书") when the body
    names none."""
    suffixes = "|".join(re.escape(x) for x in lexicon.organization_suffixes if x.endswith(("公司", "集团")))
    company = re.compile(rf"^.{{2,30}}?(?:{suffixes})")
    for block in doc.furniture:
        if block.style == "boilerplate":
            continue
        for part in block.text.split():
            if is_organization(part, lexicon):
                return part
            m = company.match(part)  # "南宁中燃城市燃气发展有限公司企业标准"
            if m and is_organization(m.group(), lexicon):
                return m.group()
    return None


def file_title(name: str, lexicon: Lexicon) -> DocTitle | None:
    """The title a file's name gives (``仓储主管岗位说明书.docx`` → 仓储主管), for documents
    whose text names none."""
    stem = Path(name).stem
    if not stem or stem == "-":
        return None
    title = match_doc_title(stem, lexicon)
    return title if title and title.title else None


def _failed(name: str, code: ErrorCode, message: str) -> ConvertResult:
    return ConvertResult(file=name, status="failed", error=ErrorInfo(code=str(code), message=message))
