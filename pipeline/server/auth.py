"""Bearer API keys: ``Authorization: Bearer KEY``.

No key, a malformed header, an unknown or a revoked key → 401 (with ``WWW-Authenticate: Bearer``);
a valid key without the scope an endpoint needs → 403. ``import`` keys may also read.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..catalog.apikeys import scope_of

bearer = HTTPBearer(auto_error=False, description="An API key made by `jdx keys create --scope read|import`")
CHALLENGE = {"WWW-Authenticate": "Bearer"}
GRANTS = {"read": {"read", "import"}, "import": {"import"}}


def require(scope: str):
    """A dependency that lets a request through only with a key granting ``scope``."""
    allowed = GRANTS[scope]

    def check(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
        if credentials is None:
            raise HTTPException(401, "an API key is required: Authorization: Bearer KEY", headers=CHALLENGE)
        granted = scope_of(request.app.state.catalog, credentials.credentials)
        if granted is None:
            raise HTTPException(401, "unknown or revoked API key", headers=CHALLENGE)
        if granted not in allowed:
            raise HTTPException(403, f"this key has the {granted} scope; this needs {scope}")
        return granted

    return check
