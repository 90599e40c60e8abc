"""Decide a file's format from its bytes, never from its name.

A DOCX renamed ``.pdf`` still reads as DOCX; random bytes named ``.docx`` fail as
``binary_content``. Containers are looked into: a zip is DOCX only when it holds
``word/document.xml``; an OLE compound file is a password-protected OOXML package when its
directory names an ``EncryptedPackage`` stream, a legacy Word file when it names
``WordDocument``.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass

from .errors import DocumentError, ErrorCode

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Magic numbers of formats we recognise only to refuse them with a clear message.
FOREIGN_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "RTF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"%!PS", "PostScript file"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
)

OOXML_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "PowerPoint presentation (.pptx)"),
)

# Directory entry names are stored as UTF-16LE inside the OLE file.
OLE_STREAMS: tuple[tuple[bytes, str], ...] = (
    ("EncryptedPackage".encode("utf-16-le"), "encrypted"),
    ("WordDocument".encode("utf-16-le"), "doc"),
    ("Workbook".encode("utf-16-le"), "xls"),
    ("PowerPoint Document".encode("utf-16-le"), "ppt"),
)


@dataclass(frozen=True)
class Sniffed:
    format: str  # "docx" | "pdf" | "txt" | "html" | "doc"


def sniff(data: bytes) -> Sniffed:
    """Return the format of ``data`` or raise :class:`DocumentError` saying why it is unreadable."""
    if not data or not data.strip(b" \t\r\n\f\x00\xef\xbb\xbf\xff\xfe"):
        raise DocumentError(ErrorCode.EMPTY_FILE, "the file is empty")
    head = data[:1024]
    if b"%PDF-" in head:
        return Sniffed("pdf")
    if data.startswith(ZIP_MAGICS):
        return Sniffed(_sniff_zip(data))
    if data.startswith(OLE_MAGIC):
        return Sniffed(_sniff_ole(data))
    for magic, name in FOREIGN_SIGNATURES:
        if data.startswith(magic):
            raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, f"this is a {name}, not a document jdx reads")
    if _looks_like_html(data):
        return Sniffed("html")
    if _is_json(data):
        raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, "this is JSON data, not a document")
    return Sniffed("txt")


def _is_json(data: bytes) -> bool:
    """Exported records (a previous run's output, an API dump) are data, not a description."""
    probe = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not probe.startswith((b"{", b"[")) or len(data) > 50_000_000:
        return False
    try:
        json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return False
    except RecursionError:
        # Brackets nested deeper than the parser follows ("[" × 1000): data, never a job
        # description, and not worth a parser of its own.
        return True
    return True


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged or truncated zip container: {exc}") from exc
    if "word/document.xml" in names:
        return "docx"
    for member, name in OOXML_KINDS:
        if member in names:
            raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, f"this is an {name}, not a Word document")
    raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, "a zip archive that is not a Word document")


def _sniff_ole(data: bytes) -> str:
    for marker, kind in OLE_STREAMS:
        if marker in data:
            if kind == "encrypted":
                raise DocumentError(
                    ErrorCode.ENCRYPTED, "password-protected Office document (encrypted OLE package)"
                )
            if kind == "doc":
                return "doc"
            raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, f"legacy Office file ({kind}), not a Word document")
    raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, "an OLE compound file jdx does not read")


HTML_TAG = re.compile(rb"<(?:html|body|div|p|li|ul|br|span|td|tr|table|h[1-6]|dd|dt)\b", re.IGNORECASE)


def _looks_like_html(data: bytes) -> bool:
    """Career pages (including PHP/JSP templates around the markup) read as HTML."""
    return len(HTML_TAG.findall(data[:65536])) >= 5
