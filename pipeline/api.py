"""The library functions behind ``import jdx``: convert one file, convert a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..schemas.role import ConvertResult
from .lexicon import Lexicon


def convert(source: str | Path | bytes, *, name: str | None = None, lexicon: Lexicon | None = None,
            **options: Any) -> ConvertResult:
    """Convert one file (a path, or its bytes with ``name``) into role records.

    Bad input never raises: it comes back as ``status == "failed"`` with a typed ``error``.
    """
    from .convert import convert_bytes, convert_path

    if isinstance(source, bytes | bytearray):
        return convert_bytes(bytes(source), name or "-", lexicon=lexicon, **options)
    return convert_path(source, lexicon=lexicon, **options)


def batch(in_dir: str | Path, out_dir: str | Path, **options: Any) -> Any:
    """Convert every file under ``in_dir`` into ``out_dir`` (manifest, roles, spreadsheets);
    resumable. Returns the batch summary. See ``jdx batch --help`` for the options."""
    from .batch import run_batch

    return run_batch(Path(in_dir), Path(out_dir), **options)
