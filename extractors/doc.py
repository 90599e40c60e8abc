"""Legacy Word 97-2003 ``.doc`` and WPS ``.wps`` files.

The built-in reader (:mod:`.msdoc`) reads the Word binary format itself and is the default:
no LibreOffice, a fraction of a second per file. ``ReadOptions.via_libreoffice`` (the
``--via-libreoffice`` option) converts the file to DOCX with LibreOffice instead, when it is
installed, and reads that; without LibreOffice the built-in reader is used and a warning
says so. Word 6.0/95 files, which the built-in reader does not read, go to LibreOffice
when it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..schemas.document import Document, ReadIssue
from ..schemas.role import SourceFormat
from .errors import DocumentError, ErrorCode
from .limits import Limits
from .options import DEFAULT_OPTIONS, ReadOptions

# Below the batch's default per-file deadline (60 s), so a slow conversion fails with this
# reader's own message rather than a bare timeout.
CONVERT_TIMEOUT = 45


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    return _read(data, limits, options, "doc")


def read_wps(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A ``.wps`` that WPS Office saved in Word's binary format reads like a ``.doc``."""
    return _read(data, limits, options, "wps")


def _read(data: bytes, limits: Limits, options: ReadOptions, fmt: SourceFormat) -> Document:
    from .msdoc import read_word97

    exe = soffice()
    if options.via_libreoffice and not _encrypted(data):  # LibreOffice cannot take the password
        if exe is not None:
            return read_via_libreoffice(data, limits, exe, fmt)
        doc = read_word97(data, limits, options, fmt)
        issue = ReadIssue(code="libreoffice_missing",
                          message="--via-libreoffice was asked for but LibreOffice is not installed; read natively")
        return doc.model_copy(update={"warnings": [*doc.warnings, issue]})
    try:
        return read_word97(data, limits, options, fmt)
    except DocumentError as exc:
        if exc.code is ErrorCode.LEGACY_DOC and exe is not None:  # Word 6/95: LibreOffice reads it
            return read_via_libreoffice(data, limits, exe, fmt)
        raise


def _encrypted(data: bytes) -> bool:
    from .msdoc.reader import open_word97

    try:
        container, _, base = open_word97(data)
    except DocumentError:
        return False
    container.close()
    return base.encrypted


def read_via_libreoffice(data: bytes, limits: Limits, exe: str, fmt: SourceFormat = "doc") -> Document:
    """Convert with LibreOffice to DOCX and read that."""
    with tempfile.TemporaryDirectory(prefix="jdx-doc-") as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        # A private profile directory: concurrent conversions must not share LibreOffice's lock.
        profile = Path(tmp) / "profile"
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx",
               "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise DocumentError(ErrorCode.CORRUPT_FILE, "LibreOffice could not convert the .doc in time") from exc
        out = Path(tmp) / "input.docx"
        if not out.exists():
            raise DocumentError(ErrorCode.CORRUPT_FILE, "LibreOffice could not convert this .doc (damaged?)")
        from .docx import read_docx

        doc = read_docx(out.read_bytes(), limits)
    warnings = list(doc.warnings) + [ReadIssue(code="converted_from_doc", message="legacy .doc converted with LibreOffice")]
    return doc.model_copy(update={"format": fmt, "warnings": warnings})
