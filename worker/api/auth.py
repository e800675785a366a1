"""Bearer tokens: the admin token may do anything, the read-only token may only read."""

from __future__ import annotations

import hmac
from typing import Literal

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

Role = Literal["admin", "read"]
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

bearer = HTTPBearer(
    auto_error=False,
    description="ADMIN_TOKEN for every route; READONLY_TOKEN for GET routes only.",
)


def token_role(presented: str, admin_token: str, readonly_token: str) -> Role | None:
    """Which token was presented, compared in constant time against both so timing tells nothing."""
    given = presented.encode()
    is_admin = hmac.compare_digest(given, admin_token.encode())
    is_reader = hmac.compare_digest(given, readonly_token.encode())
    if is_admin and admin_token:
        return "admin"
    if is_reader and readonly_token:
        return "read"
    return None


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Role:
    """401 without a token, 403 with a wrong one or with the read-only token on a write."""
    settings = request.app.state.settings
    if credentials is None or not credentials.credentials:
        raise HTTPException(401, "This route needs a bearer token: send 'Authorization: Bearer <token>'.",
                            headers={"WWW-Authenticate": "Bearer"})
    role = token_role(credentials.credentials, settings.admin_token, settings.readonly_token)
    if role is None:
        raise HTTPException(403, "The bearer token is not valid.")
    if role == "read" and request.method not in READ_METHODS:
        raise HTTPException(403, "The read-only token can only read; changes need the admin token.")
    return role
