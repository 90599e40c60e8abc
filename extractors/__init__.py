"""Readers: bytes in, :class:`jdx.schemas.document.Document` out, one module per format.

The format is sniffed from the bytes (:mod:`.sniff`); the reader is looked up in
:data:`READERS` and imported only when needed, so ``jdx --help`` never loads pdfplumber.
"""

from __future__ import annotations

import importlib

from ..schemas.document import Document
from .bounds import enforce_bounds
from .errors import DocumentError, ErrorCode
from .limits import DEFAULT_LIMITS, Limits
from .options import DEFAULT_OPTIONS, ReadOptions
from .sniff import sniff, text_dialect

# format -> "module:function"; each function is (data: bytes, limits: Limits, options: ReadOptions) -> Document
READERS: dict[str, str] = {
    "docx": "jdx.extractors.docx:read_docx",
    "pdf": "jdx.extractors.pdf:read_pdf",
    "txt": "jdx.extractors.text:read_text",
    "html": "jdx.extractors.html:read_html",
    "doc": "jdx.extractors.doc:read_doc",
    "md": "jdx.extractors.markdown:read_markdown",
    "xlsx": "jdx.extractors.xlsx:read_xlsx",
    "xls": "jdx.extractors.xls:read_xls",
    "ods": "jdx.extractors.ods:read_ods",
    "odt": "jdx.extractors.odt:read_odt",
    "fodt": "jdx.extractors.odt:read_fodt",
    "image": "jdx.extractors.image:read_image",
    "wps": "jdx.extractors.doc:read_wps",
    "rtf": "jdx.extractors.rtf:read_rtf",
    "ooxml_encrypted": "jdx.extractors.office_crypto:read_encrypted_ooxml",
}


def read_document(data: bytes, limits: Limits = DEFAULT_LIMITS, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Sniff ``data`` and read it with the matching reader. Raises :class:`DocumentError`.

    Whatever the reader, the Document keeps within the work bounds of ``limits``
    (:mod:`.bounds`)."""
    if len(data) > limits.max_file_bytes:
        raise DocumentError(
            ErrorCode.TOO_LARGE, f"file is {len(data):,} bytes, above the limit of {limits.max_file_bytes:,}"
        )
    sniffed = sniff(data, options.filename)
    fmt = sniffed.format
    if fmt == "txt":
        fmt = text_dialect(data, options.filename)
    module_name, func_name = READERS[fmt].split(":")
    reader = getattr(importlib.import_module(module_name), func_name)
    if fmt == "docx" and sniffed.archive is not None:
        # the archive sniffing opened: opening it again is ~25 µs of a one-role card's ~3 ms
        return enforce_bounds(reader(data, limits, options, archive=sniffed.archive), limits)
    return enforce_bounds(reader(data, limits, options), limits)


__all__ = ["READERS", "DocumentError", "ErrorCode", "Limits", "DEFAULT_LIMITS", "ReadOptions", "DEFAULT_OPTIONS",
           "read_document", "sniff"]
