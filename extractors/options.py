"""What a caller may tell a reader beyond the bytes: a password, a converter to prefer, the
file's name as a hint. Readers take it as their third argument; bounds live in
:class:`.limits.Limits`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ReadOptions(BaseModel):
    model_config = ConfigDict(frozen=True)

    # Opens encrypted DOCX/XLSX/PDF; without it they fail as ``encrypted``.
    password: str | None = None
    # Read legacy .doc through LibreOffice when it is installed instead of the native reader.
    via_libreoffice: bool = False
    # OCR image-only pages and images when the ``ocr`` extra is installed.
    ocr: bool = True
    # The file's name, a hint only: the bytes decide the container; the extension only picks
    # between text dialects that bytes cannot tell apart (Markdown, CSV).
    filename: str | None = None


DEFAULT_OPTIONS = ReadOptions()
