"""A native reader of the Word 97-2003 binary format ([MS-DOC]), no LibreOffice needed.

Modules, in reading order: :mod:`.container` (the OLE file, via olefile), :mod:`.fib` (where
everything is), :mod:`.pieces` (the text), :mod:`.fkp` and :mod:`.sprm` (paragraph and
character properties), :mod:`.styles` (style sheet, fonts), :mod:`.lists` (numbering),
:mod:`.tables` (row definitions) and :mod:`.reader` (stories into a Document).
"""

from __future__ import annotations

from ...schemas.document import Document, ReadIssue
from ...schemas.role import SourceFormat
from ..errors import DocumentError, ErrorCode
from ..limits import Limits
from ..options import DEFAULT_OPTIONS, ReadOptions


def read_word97(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS,
                fmt: SourceFormat = "doc") -> Document:
    """Read a Word 97-2003 binary file. Raises :class:`DocumentError`.

    An encrypted file (RC4 / RC4 CryptoAPI) is opened with ``options.password``; without
    one, or with a wrong one, it fails as ``encrypted``.
    """
    from .reader import open_word97, read_word97_streams

    container, word, base = open_word97(data)
    try:
        if base.encrypted:
            return _read_encrypted(data, base.obfuscated, limits, options, fmt)
        return read_word97_streams(container, word, limits, fmt)
    finally:
        container.close()


def _read_encrypted(data: bytes, obfuscated: bool, limits: Limits, options: ReadOptions,
                    fmt: SourceFormat) -> Document:
    from ..office_crypto import NO_PASSWORD, decrypt_word97

    if obfuscated:
        message = "Word document protected with XOR obfuscation, which jdx cannot open"
        raise DocumentError(ErrorCode.ENCRYPTED, message if options.password else f"{NO_PASSWORD} ({message})")
    plain = decrypt_word97(data, options.password)
    doc = read_word97(plain, limits, options.model_copy(update={"password": None}), fmt)
    if any(w.code == "decrypted" for w in doc.warnings):
        return doc
    issue = ReadIssue(code="decrypted", message="opened with the password given")
    return doc.model_copy(update={"warnings": [*doc.warnings, issue]})


__all__ = ["read_word97"]
