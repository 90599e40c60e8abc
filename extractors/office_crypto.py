"""Opening password-protected Office files with msoffcrypto-tool.

An encrypted DOCX or XLSX is no zip: it is an OLE compound file whose ``EncryptedPackage``
stream holds the encrypted zip and whose ``EncryptionInfo`` says how (ECMA-376 Agile or
Standard encryption). An encrypted Word 97 ``.doc`` keeps its OLE container and encrypts
its streams with RC4 or RC4 CryptoAPI. msoffcrypto-tool implements [MS-OFFCRYPTO] for all
of these; this module only maps its outcomes onto jdx's error codes:

* no password → ``encrypted``, saying that ``--password`` opens it;
* a wrong password → ``encrypted``, saying that the password did not open it;
* a method msoffcrypto cannot decrypt (Word's XOR obfuscation, IRM/DRM) → ``encrypted``.

:func:`decrypt_ooxml` is the step any OOXML reader calls (DOCX today, XLSX next);
:func:`read_encrypted_ooxml` is the reader registered for the sniffed format
``ooxml_encrypted``: it decrypts and hands the plain package back to format dispatch.
"""

from __future__ import annotations

import io
import logging

from ..schemas.document import Document, ReadIssue
from .errors import DocumentError, ErrorCode
from .limits import Limits
from .options import DEFAULT_OPTIONS, ReadOptions

logger = logging.getLogger(__name__)

NO_PASSWORD = "password-protected Office document; give its password with --password to open it"
WRONG_PASSWORD = "the password given did not open this document"


def decrypt_ooxml(data: bytes, password: str | None) -> bytes:
    """The plain OOXML package (zip bytes) inside an encrypted OLE container.

    Raises :class:`DocumentError` (``encrypted``) without a password, with a wrong one, or
    for an encryption msoffcrypto-tool does not implement.
    """
    return _decrypt(data, password)


def decrypt_word97(data: bytes, password: str | None) -> bytes:
    """A Word 97-2003 file encrypted with RC4 / RC4 CryptoAPI, as the same file decrypted."""
    return _decrypt(data, password)


def _decrypt(data: bytes, password: str | None) -> bytes:
    if not password:
        raise DocumentError(ErrorCode.ENCRYPTED, NO_PASSWORD)
    import msoffcrypto  # lazy: pulls in cryptography
    from msoffcrypto import exceptions as msoff

    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        if getattr(office, "format", "") == "ooxml":
            office.load_key(password=password, verify_password=True)
        else:  # the binary formats always check the password against their verifier
            office.load_key(password=password)
        out = io.BytesIO()
        office.decrypt(out)
    except msoff.InvalidKeyError as exc:
        raise DocumentError(ErrorCode.ENCRYPTED, WRONG_PASSWORD) from exc
    except (msoff.DecryptionError, msoff.FileFormatError) as exc:
        raise DocumentError(ErrorCode.ENCRYPTED, f"this encryption cannot be opened: {exc}") from exc
    except Exception as exc:  # a damaged EncryptionInfo reaches msoffcrypto's parsers unchecked
        logger.debug("msoffcrypto failed", exc_info=True)
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged encrypted container: {type(exc).__name__}: {exc}") from exc
    return out.getvalue()


def read_encrypted_ooxml(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Decrypt an encrypted OOXML package and read it as whatever it turns out to be."""
    from . import read_document

    plain = decrypt_ooxml(data, options.password)
    doc = read_document(plain, limits, options.model_copy(update={"password": None}))
    issue = ReadIssue(code="decrypted", message="opened with the password given")
    return doc.model_copy(update={"warnings": [*doc.warnings, issue]})
