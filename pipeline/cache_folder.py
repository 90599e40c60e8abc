"""Where jdx keeps what it builds once and reuses (jieba's word dictionary, compiled regular
expressions): ``$JDX_CACHE_DIR``, else the user's XDG cache folder. Standard library only, so
that knowing the place costs nothing at start-up."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path:
    """``$JDX_CACHE_DIR``, else ``$XDG_CACHE_HOME/jdx``, else ``~/.cache/jdx``."""
    explicit = os.environ.get("JDX_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jdx"
