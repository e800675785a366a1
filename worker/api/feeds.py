"""`/api/v1/feeds`: the sources polled, as the CLI's `feeds` commands see them."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Response
from fastapi.responses import JSONResponse

from worker.admin.views import feed_rows
from worker.api.deps import get_settings, utcnow
from worker.api.schemas import MAX_ID, Feed, FeedAdded, FeedIn, FeedPatch, OpmlIn, OpmlReport
from worker.db.models import Feed as FeedRow
from worker.db.session import session_scope
from worker.feeds.store import FeedError, add_feed
from worker.settings import Settings

router = APIRouter(prefix="/feeds", tags=["feeds"])
FeedId = Path(ge=1, le=MAX_ID)
NOT_FOUND = {404: {"description": "No such feed."}}


def one_feed(settings: Settings, feed_id: int) -> dict[str, Any]:
    row = next((r for r in feed_rows(settings.database_url) if r["id"] == feed_id), None)
    if row is None:
        raise HTTPException(404, f"There is no feed {feed_id}.")
    return row


@router.get("", response_model=list[Feed])
def list_feeds(settings: Settings = Depends(get_settings)) -> list[dict[str, Any]]:
    return feed_rows(settings.database_url)


@router.post("", response_model=FeedAdded, status_code=201,
             responses={200: {"model": FeedAdded, "description": "Already present; nothing changed."}})
def create_feed(body: FeedIn, settings: Settings = Depends(get_settings)) -> JSONResponse:
    """Add a feed, due for a poll at once; adding a URL twice changes nothing (200)."""
    try:
        with session_scope(settings.database_url) as session:
            feed, created = add_feed(session, body.url, name=body.name, language=body.language, now=utcnow(),
                                     interval_minutes=body.interval_minutes or settings.default_poll_minutes)
            feed_id = feed.id
    except FeedError as exc:
        raise HTTPException(422, str(exc)) from None
    row = FeedAdded(**one_feed(settings, feed_id), created=created)
    return JSONResponse(row.model_dump(), status_code=201 if created else 200)


@router.post("/opml", response_model=OpmlReport)
def import_feeds(body: OpmlIn, settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    """Add the feeds of an OPML document; a bad entry is reported and the others still added."""
    from worker.admin.opml import import_opml
    from worker.feeds.opml import OpmlError

    try:
        report = import_opml(settings.database_url, body.opml.encode("utf-8"), now=utcnow(),
                             default_interval=body.default_interval or settings.default_poll_minutes)
    except OpmlError as exc:
        raise HTTPException(422, f"The OPML document cannot be read: {exc}") from None
    return {"added": report.added, "already_present": report.already_present,
            "invalid": [{"url": url, "reason": reason} for url, reason in report.invalid]}


@router.get("/{feed_id}", response_model=Feed, responses=NOT_FOUND)
def get_feed(feed_id: int = FeedId, settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    return one_feed(settings, feed_id)


@router.patch("/{feed_id}", response_model=Feed, responses=NOT_FOUND)
def update_feed(body: FeedPatch, feed_id: int = FeedId, settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    """Rename, re-time, re-language, pause or resume a feed (resuming makes it due now)."""
    given = body.model_dump(exclude_unset=True)
    with session_scope(settings.database_url) as session:
        feed = session.get(FeedRow, feed_id)
        if feed is None:
            raise HTTPException(404, f"There is no feed {feed_id}.")
        for name in ("name", "interval_minutes", "language"):
            if name in given:
                if name == "interval_minutes" and given[name] is None:
                    raise HTTPException(422, "interval_minutes cannot be empty; give a number of minutes.")
                setattr(feed, name, given[name])
        status = given.get("status")
        if status == "paused":
            feed.status = "paused"
        elif status == "active" and feed.status != "active":
            feed.status, feed.consecutive_failures, feed.next_poll_at = "active", 0, utcnow()
    return one_feed(settings, feed_id)


@router.delete("/{feed_id}", status_code=204, response_class=Response, responses=NOT_FOUND)
def delete_feed(feed_id: int = FeedId, settings: Settings = Depends(get_settings)) -> Response:
    """Stop polling a feed and delete its entries (articles and alerts stay)."""
    with session_scope(settings.database_url) as session:
        feed = session.get(FeedRow, feed_id)
        if feed is None:
            raise HTTPException(404, f"There is no feed {feed_id}.")
        session.delete(feed)
    return Response(status_code=204)
