"""`/api/v1/polls`: poll feeds now instead of waiting for their next turn."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException

from worker.admin.polling import select_feeds
from worker.api.deps import get_settings, send_tasks
from worker.api.schemas import PollIn, PollQueued
from worker.settings import Settings

router = APIRouter(prefix="/polls", tags=["polls"])


@router.post("", response_model=PollQueued, status_code=202,
             responses={404: {"description": "A named feed does not exist."},
                        503: {"description": "The broker is unreachable."}})
def poll_now(body: PollIn, settings: Settings = Depends(get_settings)) -> PollQueued:
    """Enqueue a poll of the given feeds (a suspended one named here is re-activated), or of every active feed."""
    try:
        ids = select_feeds(settings.database_url, sorted(set(body.feed_ids)))
    except LookupError as exc:
        raise HTTPException(404, f"There is {exc}.") from None
    if ids and not send_tasks(settings, "sahelwatch.refresh_feed", ids):
        raise HTTPException(503, "The broker is unreachable; the feeds will be polled at their next turn.")
    return PollQueued(feed_ids=ids)
