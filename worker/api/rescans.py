"""`/api/v1/rescans`: re-run tagging over stored articles, follow its progress, cancel it."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path

from worker.api.deps import as_utc, get_settings
from worker.api.schemas import MAX_ID, Rescan, RescanIn
from worker.settings import Settings

router = APIRouter(prefix="/rescans", tags=["rescans"])
RescanId = Path(ge=1, le=MAX_ID)
NOT_FOUND = {404: {"description": "No such re-scan."}}


def _rescans() -> ModuleType:
    """The re-scan functions, imported when first needed so the API starts without them."""
    try:
        return importlib.import_module("worker.admin.rescans")
    except ModuleNotFoundError as exc:
        if exc.name != "worker.admin.rescans":
            raise
        raise HTTPException(501, "Re-scans are not available in this installation.") from None


def _status(settings: Settings, rescan_id: int) -> dict[str, Any]:
    status = _rescans().rescan_status(settings.database_url, rescan_id)
    if status is None:
        raise HTTPException(404, f"There is no re-scan {rescan_id}.")
    return status


@router.post("", response_model=Rescan, status_code=202)
def start(body: RescanIn, settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    """Start a re-scan of the selected articles; it runs in the workers, in chunks."""
    since, until = as_utc(body.since), as_utc(body.until)
    if not (since or until or body.feed_id or body.country or body.all_articles):
        raise HTTPException(422, "Choose what to re-scan: since, until, feed_id, country or all_articles.")
    if since and until and since > until:
        raise HTTPException(422, "'since' must be before 'until'.")
    try:
        rescan_id = _rescans().start_rescan(settings, since=since, until=until, feed_id=body.feed_id,
                                 country=body.country.upper() if body.country else None, all_articles=body.all_articles,
                                 refetch=body.refetch, send_alerts=body.send_alerts)
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from None
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return _status(settings, rescan_id)


@router.get("/{rescan_id}", response_model=Rescan, responses=NOT_FOUND)
def status(rescan_id: int = RescanId, settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    return _status(settings, rescan_id)


@router.post("/{rescan_id}/cancel", response_model=Rescan,
             responses={**NOT_FOUND, 409: {"description": "The re-scan has already finished."}})
def cancel(rescan_id: int = RescanId, settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    """Stop a re-scan: chunks not started yet are skipped."""
    current = _status(settings, rescan_id)
    if not _rescans().cancel_rescan(settings.database_url, rescan_id) and current.get("status") != "cancelled":
        raise HTTPException(409, f"Re-scan {rescan_id} is already {current.get('status')}; there is nothing to cancel.")
    return _status(settings, rescan_id)
