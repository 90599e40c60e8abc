"""Decide a file's format from its bytes, never from its name.

A DOCX renamed ``.pdf`` still reads as DOCX; random bytes named ``.docx`` fail as
``binary_content``. Containers are looked into: a zip is DOCX when it holds
``word/document.xml``, an Excel workbook (.xlsx/.xlsm) when it holds ``xl/workbook.xml``, an
OpenDocument spreadsheet or text (.ods, .odt/.ott/.odm) when its ``mimetype`` member says
so, and a flat OpenDocument text (.fodt) is XML whose ``office:document`` root says so; an
OLE compound file is a password-protected OOXML package when its directory names an
``EncryptedPackage`` stream, a legacy Word file when it names ``WordDocument``, a legacy
Excel or WPS 表格 (.xls/.et) workbook when it names ``Workbook`` (BIFF8) or ``Book`` (BIFF5).

Text has dialects the bytes alone cannot always tell apart: Markdown is chosen when the file
name says ``.md``/``.markdown`` or the text is unmistakably Markdown (:func:`text_dialect`).
The name is a hint only where bytes cannot tell: a Word binary file named ``.wps`` is a WPS
Office document saved in Word's format (format ``wps``).
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from dataclasses import dataclass, field

from .errors import DocumentError, ErrorCode

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Magic numbers of formats we recognise only to refuse them with a clear message.
FOREIGN_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"%!PS", "PostScript file"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
)

# Page images read by OCR (the ``ocr`` extra): PNG, JPEG, TIFF (both byte orders).
IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")

OOXML_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.bin", "Excel binary workbook (.xlsb)"),
    ("ppt/presentation.xml", "PowerPoint presentation (.pptx)"),
)
ODF_MIMETYPE_PREFIX = b"application/vnd.oasis.opendocument."
ODS_MIMETYPE = ODF_MIMETYPE_PREFIX + b"spreadsheet"
# A master document (.odm) is text whose sections link other files; their text is stored in it too.
ODT_MIMETYPES = tuple(ODF_MIMETYPE_PREFIX + kind for kind in (b"text", b"text-template", b"text-master"))
FLAT_ODF_ROOT = b"<office:document"
# Nothing but blanks, NULs and byte-order marks (or nothing at all): an empty file. Matched,
# not stripped: a strip copies the whole file (a zip ends in NULs) to find it is not blank.
_BLANK = re.compile(rb"[ \t\r\n\f\x00\xef\xbb\xbf\xff\xfe]*+")

# Directory entry names are stored as UTF-16LE inside the OLE file.
OLE_STREAMS: tuple[tuple[bytes, str], ...] = (
    ("EncryptedPackage".encode("utf-16-le"), "ooxml_encrypted"),
    ("WordDocument".encode("utf-16-le"), "doc"),
    ("Workbook\x00".encode("utf-16-le"), "xls"),
    ("Book\x00".encode("utf-16-le"), "xls"),  # BIFF5 (Excel 5/95, early WPS 表格)
    ("PowerPoint Document".encode("utf-16-le"), "ppt"),
    # Microsoft Works word processor (.wps): its own format inside OLE, not Word's.
    ("CONTENTS".encode("utf-16-le"), "works"),
)


@dataclass(frozen=True)
class Sniffed:
    format: str  # "docx" | "pdf" | "txt" | "html" | "doc" | "wps" | "rtf" | "ooxml_encrypted" | "xlsx" | "xls" | "ods" | "odt" | "fodt" | "image" (text dialects: text_dialect)
    # A zip package's archive, opened once: the DOCX reader takes it (see read_document).
    archive: zipfile.ZipFile | None = field(default=None, compare=False, repr=False)


def sniff(data: bytes, filename: str | None = None) -> Sniffed:
    """Return the format of ``data`` or raise :class:`DocumentError` saying why it is unreadable.

    ``filename`` is a hint only: it names a Word binary file ``wps`` when it ends in ``.wps``.
    """
    if _BLANK.fullmatch(data):
        raise DocumentError(ErrorCode.EMPTY_FILE, "the file is empty")
    head = data[:1024]
    if b"%PDF-" in head:
        return Sniffed("pdf")
    if data.startswith(ZIP_MAGICS):
        return _sniff_zip(data)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF_MAGIC):
        return Sniffed("rtf")
    if data.startswith(OLE_MAGIC):
        kind = _sniff_ole(data)
        if kind == "doc" and filename and filename.lower().endswith(".wps"):
            kind = "wps"
        return Sniffed(kind)
    if data.startswith(IMAGE_MAGICS):
        return Sniffed("image")
    for magic, name in FOREIGN_SIGNATURES:
        if data.startswith(magic):
            raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, f"this is a {name}, not a document jdx reads")
    if _is_flat_odt(data):
        return Sniffed("fodt")
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


def _sniff_zip(data: bytes) -> Sniffed:
    """The kind of a zip package, with its archive left open for the reader."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = b""
        if "mimetype" in names:
            with archive.open("mimetype") as member:
                mimetype = member.read(100)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged or truncated zip container: {exc}") from exc
    return Sniffed(_zip_kind(names, mimetype), archive)


def _zip_kind(names: set[str], mimetype: bytes) -> str:
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    mimetype = mimetype.strip()
    if mimetype == ODS_MIMETYPE:
        return "ods"
    if mimetype in ODT_MIMETYPES:
        return "odt"
    for part, name in OOXML_KINDS:
        if part in names:
            raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, f"this is an {name}, not a document jdx reads")
    if mimetype.startswith(ODF_MIMETYPE_PREFIX):
        kind = mimetype[len(ODF_MIMETYPE_PREFIX):].decode("ascii", "replace")
        raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, f"an OpenDocument {kind} file, not a document jdx reads")
    raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, "a zip archive that is not a Word, Excel or OpenDocument file")


def _is_flat_odt(data: bytes) -> bool:
    """A flat OpenDocument text: its ``office:document`` start tag, in the first 64 KB
    (namespace declarations come first), names the text (or text template) mimetype."""
    head = data[:65536]
    start = head.find(FLAT_ODF_ROOT)
    after = start + len(FLAT_ODF_ROOT)
    if start < 0 or not head[after:after + 1].isspace():
        return False
    tag = head[start:head.find(b">", start)]
    return any(b"office:mimetype=" + quote + mimetype + quote in tag
               for mimetype in ODT_MIMETYPES for quote in (b'"', b"'"))


def _sniff_ole(data: bytes) -> str:
    for marker, kind in OLE_STREAMS:
        if marker in data:
            if kind in ("ooxml_encrypted", "doc", "xls"):
                return kind
            if kind == "works":
                raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT,
                                    "a Microsoft Works document (.wps), not Word's format; save it as .docx")
            raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, f"legacy Office file ({kind}), not a Word document")
    _check_ole_header(data)
    raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, "an OLE compound file jdx does not read")


def _check_ole_header(data: bytes) -> None:
    """A compound file whose header is damaged, or whose directory lies past the end of the
    data (a truncated download), is a broken document, not an unknown format."""
    if len(data) < 512:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "truncated OLE container (shorter than its header)")
    byte_order, sector_shift = struct.unpack_from("<HH", data, 0x1C)
    if byte_order != 0xFFFE or sector_shift not in (9, 12):
        raise DocumentError(ErrorCode.CORRUPT_FILE, "damaged OLE container header")
    first_dir = struct.unpack_from("<I", data, 0x30)[0]
    sector = 1 << sector_shift
    if first_dir < 0xFFFFFFFA and max(512, sector) + first_dir * sector >= len(data):
        raise DocumentError(ErrorCode.CORRUPT_FILE, "truncated OLE container: its directory is past the end")


HTML_TAG = re.compile(rb"<(?:html|body|div|p|li|ul|br|span|td|tr|table|h[1-6]|dd|dt)\b", re.IGNORECASE)


def _looks_like_html(data: bytes) -> bool:
    """Career pages (including PHP/JSP templates around the markup) read as HTML."""
    return len(HTML_TAG.findall(data[:65536])) >= 5


MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?:[ \t]*(?:#.*|[\w\-]+[ \t]*:.*|-[ \t].*)?\r?\n)+?---[ \t]*(?:\r?\n|\Z)")
ATX_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
MARKDOWN_MARKS = re.compile(
    r"^[ \t]*+(?:\*\*[^*\n]+\*\*[:：]?[ \t]*|[-*+][ \t]+\S.*|\|?[ \t]*:?-{3,}:?[ \t]*\|.*)$|\[[^\[\]\n]+\]\([^)\s]+\)",
    re.MULTILINE)


def text_dialect(data: bytes, filename: str | None) -> str:
    """``"md"`` or ``"txt"`` for bytes that sniffed as text.

    The name decides when it says Markdown; otherwise only unmistakable Markdown is read as
    such: YAML front matter, or at least two ATX headings together with another Markdown
    construct (a whole-line bold label, a ``-`` list, a pipe-table rule, a ``[text](url)``
    link). A plain text file that happens to start a line with ``#`` stays text.
    """
    if filename and filename.lower().endswith(MARKDOWN_SUFFIXES):
        return "md"
    head = data[:65536].decode("utf-8", errors="ignore")
    if FRONT_MATTER.match(head):
        return "md"
    if len(ATX_HEADING.findall(head)) >= 2 and MARKDOWN_MARKS.search(head):
        return "md"
    return "txt"
