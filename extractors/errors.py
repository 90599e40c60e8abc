"""Typed errors for bad input, with stable codes.

Readers raise :class:`DocumentError` for input they cannot read; the pipeline turns it into
``status: failed`` with ``error: {code, message}`` and never lets a traceback reach the user.
Programmer errors stay ordinary exceptions. Codes are part of the output contract: add new
ones, never rename them.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    EMPTY_FILE = "empty_file"                  # zero bytes, or only whitespace
    UNSUPPORTED_FORMAT = "unsupported_format"  # a format jdx does not read (xlsx, rtf, images ...)
    LEGACY_DOC = "legacy_doc"                  # Word 97-2003 .doc and no converter available
    BINARY_CONTENT = "binary_content"          # bytes that are neither a known container nor text
    CORRUPT_FILE = "corrupt_file"              # truncated or damaged container / XML / PDF
    ENCRYPTED = "encrypted"                    # password-protected PDF or OOXML (OLE EncryptedPackage)
    NO_TEXT_LAYER = "no_text_layer"            # PDF without decodable text: scanned, (cid:N) glyphs
    ZIP_BOMB = "zip_bomb"                      # DOCX whose declared or actual inflated size is too big
    TOO_LARGE = "too_large"                    # file, text or page count beyond the configured limits
    UNDECODABLE_TEXT = "undecodable_text"      # text in no encoding Chinese files really use
    TIMEOUT = "timeout"                        # batch: the file exceeded its wall-clock limit
    OUT_OF_MEMORY = "out_of_memory"            # batch: the worker exceeded its memory guard
    WORKER_CRASHED = "worker_crashed"          # batch: the worker process died
    INTERNAL_ERROR = "internal_error"          # a bug in jdx; the message says where


class DocumentError(Exception):
    """Input that cannot be read. ``code`` is an :class:`ErrorCode`, ``message`` one line for people."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


def exception_summary(exc: BaseException) -> str:
    """``Name: message`` on one line, for a warning. Some libraries put a whole traceback
    inside their exception's message (onnxruntime via RapidOCR does); a warning shows its
    last line, where the actual error is, so no traceback reaches stderr without --debug."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip() and line.strip() != ")"]
    return f"{type(exc).__name__}: {lines[-1] if lines else ''}".rstrip(": ")
