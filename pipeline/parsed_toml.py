"""The TOML files jdx ships (``lexicon.toml``), parsed once and kept between runs.

tomllib parses in Python: the 50 KB lexicon takes ~8 ms of every cold start. A parse depends
only on the text, so the result is kept in jdx's cache folder (:mod:`.cache_folder`), one file
per TOML file, under the hash of the text it came from; a changed text is parsed again and the
file replaced. marshal stores what TOML holds (tables, arrays, strings, numbers, booleans); a
text with dates or times, which it cannot store, is parsed every time. As with compiled
patterns (:mod:`.compiled_patterns`), nothing is written under ``PYTHONDONTWRITEBYTECODE``.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tomllib
from typing import Any

from .cache_folder import cache_folder

log = logging.getLogger(__name__)

FORMAT = 1


def loads(text: str, name: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the kept parse of ``name`` when it was made from ``text``."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    path = cache_folder() / f"{name}.{FORMAT}.marshal"
    try:
        stored_digest, data = marshal.loads(path.read_bytes())
        if stored_digest == digest and isinstance(data, dict):
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = tomllib.loads(text)
    if not sys.dont_write_bytecode:
        _keep(path, digest, data)
    return data


def _keep(path: Any, digest: str, data: dict[str, Any]) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        payload = marshal.dumps((digest, data))  # ValueError: a date or time in the file
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(payload)
        os.replace(temporary, path)  # atomic: a concurrent reader sees the old file or the new
    except (OSError, ValueError) as exc:
        log.debug("parse of %s not kept: %s", path.name, exc)
    finally:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
