"""create_app(settings): the admin API as one FastAPI application, every route behind a token but /health."""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import JSONResponse

from worker.api import alerts, deliveries, feeds, health, incidents, polls, rescans, subscriptions
from worker.api.auth import require_token
from worker.settings import Settings

DESCRIPTION = """Manage sahelwatch over HTTP: feeds, polls, re-scans, incidents and their review,
alerts, subscriptions and deliveries.

Send `Authorization: Bearer <token>`: the admin token may do anything, the read-only
token may only use GET routes. Only `/health` is open; this schema is at
`/openapi.json` (with a token)."""


class MissingAdminToken(RuntimeError):
    """The API would be open to anyone: it does not start without an admin token."""


def create_app(settings: Settings) -> FastAPI:
    if not settings.admin_token.strip():
        raise MissingAdminToken("The admin API needs an admin token: set SAHELWATCH_ADMIN_TOKEN to a long random string.")
    try:
        from importlib.metadata import version

        release = version("sahelwatch")
    except Exception:  # not installed as a distribution (e.g. run from a checkout)
        release = "0"
    # The schema is served behind the token like every route but /health; no browser docs pages,
    # since a browser cannot send the bearer token when loading them.
    app = FastAPI(title="sahelwatch admin API", version=release, description=DESCRIPTION,
                  openapi_url=None, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.include_router(health.router)

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(require_token)])
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    api = APIRouter(prefix="/api/v1", dependencies=[Depends(require_token)],
                    responses={401: {"description": "No bearer token."},
                               403: {"description": "Wrong token, or the read-only token on a write."}})
    for module in (feeds, polls, rescans, incidents, alerts, subscriptions, deliveries):
        api.include_router(module.router)
    app.include_router(api)
    return app
