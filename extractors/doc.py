"""Legacy Word 97-2003 ``.doc`` files, read by converting them to DOCX with LibreOffice.

The binary format is not worth a reader of our own for the few legacy files HR folders
still hold; LibreOffice converts them faithfully (tables, numbering) when it is installed.
Without it the file fails with ``legacy_doc`` and a message saying what to install.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..schemas.document import Document, ReadIssue
from .errors import DocumentError, ErrorCode
from .limits import Limits
from .options import DEFAULT_OPTIONS, ReadOptions

# Below the batch's default per-file deadline (60 s), so a slow conversion fails with this
# reader's own message rather than a bare timeout.
CONVERT_TIMEOUT = 45


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    exe = soffice()
    if exe is None:
        raise DocumentError(ErrorCode.LEGACY_DOC,
                            "legacy Word .doc: install LibreOffice (soffice) to convert it, or save it as .docx")
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
    return doc.model_copy(update={"format": "doc", "warnings": warnings})
