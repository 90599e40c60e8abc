"""The OLE compound file around a Word 97 document, opened with olefile.

olefile reads the FAT, directory and mini stream; this module adds what untrusted files
need around it: every failure of the container becomes ``corrupt_file``, and a stream is
read only when its declared size fits in the file (a compound file does not compress, so a
larger stream is a lie — a looping sector chain would otherwise be followed until the
declared size is reached).
"""

from __future__ import annotations

import logging

import olefile

from ..errors import DocumentError, ErrorCode

logger = logging.getLogger(__name__)


class Container:
    def __init__(self, data: bytes) -> None:
        self._size = len(data)
        try:
            self._ole = olefile.OleFileIO(data)
        except Exception as exc:  # olefile raises OSError, struct.error, IndexError … on damage
            raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged OLE container: {exc}") from exc

    def has(self, name: str) -> bool:
        try:
            return bool(self._ole.exists(name))
        except Exception:
            return False

    def stream(self, name: str) -> bytes:
        """The bytes of stream ``name``. Raises :class:`DocumentError` when missing or damaged."""
        try:
            if not self._ole.exists(name):
                raise DocumentError(ErrorCode.CORRUPT_FILE, f"the file has no {name} stream")
            size = self._ole.get_size(name)
            if size > self._size:
                raise DocumentError(ErrorCode.CORRUPT_FILE,
                                    f"the {name} stream claims {size:,} bytes in a file of {self._size:,}")
            with self._ole.openstream(name) as stream:
                data = stream.read()
        except DocumentError:
            raise
        except Exception as exc:
            raise DocumentError(ErrorCode.CORRUPT_FILE, f"damaged {name} stream: {exc}") from exc
        if len(data) < size:
            raise DocumentError(ErrorCode.CORRUPT_FILE, f"the {name} stream is truncated")
        return data

    def close(self) -> None:
        self._ole.close()
