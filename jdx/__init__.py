"""jdx — Chinese job-description files (岗位说明书) to role records.

The library face::

    import jdx
    result = jdx.convert("岗位说明书.docx")          # a path, or bytes with name=...
    for role in result.roles:
        print(role.title, [d.text for d in role.duties])

Everything here is imported lazily, so ``import jdx`` stays cheap; the command line
(``jdx convert``, ``jdx batch`` …) is a thin shell over these functions.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# public name -> "module:attribute", resolved on first access
_EXPORTS = {
    "convert": "jdx.pipeline.api:convert",
    "batch": "jdx.pipeline.api:batch",
    "ConvertResult": "jdx.schemas.role:ConvertResult",
    "Role": "jdx.schemas.role:Role",
    "Document": "jdx.schemas.document:Document",
    "DocumentError": "jdx.extractors.errors:DocumentError",
    "ErrorCode": "jdx.extractors.errors:ErrorCode",
    "Lexicon": "jdx.pipeline.lexicon:Lexicon",
    "load_lexicon": "jdx.pipeline.lexicon:load_lexicon",
    "SCHEMA_VERSION": "jdx.schemas.role:SCHEMA_VERSION",
}

__all__ = ["SCHEMA_VERSION", "ConvertResult", "Document", "DocumentError", "ErrorCode", "Lexicon", "Role",
           "__version__", "batch", "convert", "load_lexicon"]

if TYPE_CHECKING:
    from .extractors.errors import DocumentError, ErrorCode
    from .pipeline.api import batch, convert
    from .pipeline.lexicon import Lexicon, load_lexicon
    from .schemas.document import Document
    from .schemas.role import SCHEMA_VERSION, ConvertResult, Role

    __version__: str


def _version() -> str:
    # Looked up on first use: importlib.metadata costs 20-30 ms of every cold command.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jdx")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = value = _version()
        return value
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'jdx' has no attribute {name!r}")
    module, attribute = target.split(":")
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
