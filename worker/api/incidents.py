"""`/api/v1/incidents`: what analysts are alerted about, and an admin's corrections to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from sqlalchemy.orm import Session

from worker.api.deps import as_utc, get_settings, send_tasks, utcnow
from worker.api.schemas import Country, CorrectionOut, MergeIn, ReviewIn, SplitIn
from worker.db.session import session_scope
from worker.incidents.review import (
    Correction,
    IncidentConflict,
    IncidentNotFound,
    find_incident,
    merge_incidents,
    report_articles,
    set_review,
    split_incident,
    visible_incidents,
)
from worker.settings import Settings

router = APIRouter(prefix="/incidents", tags=["incidents"])
IncidentRef = Annotated[str, Path(min_length=1, max_length=40, pattern=r"^(inc_[0-9a-f]{1,36}|[0-9]{1,18})$",
                                  description="Public id (inc_...) or number.")]
CORRECTION_ERRORS = {404: {"description": "No such incident or report."},
                     409: {"description": "The correction contradicts the incidents' state."}}


@router.get("", response_model=list[dict[str, Any]])
def list_incidents(
    since: Annotated[datetime | None, Query(description="Changed at or after this time.")] = None,
    country: Annotated[Country | None, Query()] = None,
    type: Annotated[str | None, Query(max_length=64, pattern=r"^[^\x00]*$", description="Event type, e.g. Battles.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    settings: Settings = Depends(get_settings),
) -> list[dict[str, Any]]:
    """Incident records (ALERT-SCHEMA.md), latest change first; incidents merged into another are hidden."""
    with session_scope(settings.database_url) as session:
        return visible_incidents(session, since=as_utc(since), country=country, event_type=type,
                                 min_fatalities=min_fatalities, limit=limit)


@router.get("/{incident_id}", response_model=dict[str, Any], responses={404: {"description": "No such incident."}})
def get_incident(incident_id: IncidentRef, settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    """One incident with the articles behind it (a split names them) and where it was merged, if it was."""
    with session_scope(settings.database_url) as session:
        try:
            row = find_incident(session, incident_id)
        except IncidentNotFound as exc:
            raise HTTPException(404, _sentence(exc)) from None
        merged_into = find_incident(session, row.merged_into).public_id if row.merged_into else None
        return dict(row.data or {}, id=row.public_id, review=row.review, merged_into=merged_into,
                    revision=row.revision, reports=report_articles(session, row))


def _correct(settings: Settings, action: Callable[[Session, datetime], Correction]) -> CorrectionOut:
    """One correction in one transaction; its messages are enqueued once it has committed."""
    try:
        with session_scope(settings.database_url) as session:
            outcome = action(session, utcnow())
    except IncidentNotFound as exc:
        raise HTTPException(404, _sentence(exc)) from None
    except IncidentConflict as exc:
        raise HTTPException(409, _sentence(exc)) from None
    send_tasks(settings, "sahelwatch.deliver", outcome.delivery_ids)
    return CorrectionOut(incident=outcome.incident, changed=outcome.changed, created=outcome.created,
                         changes=outcome.changes, deliveries=len(outcome.delivery_ids))


def _sentence(exc: Exception) -> str:
    text = str(exc)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


@router.post("/{incident_id}/review", response_model=CorrectionOut, responses=CORRECTION_ERRORS)
def review(incident_id: IncidentRef, body: ReviewIn, settings: Settings = Depends(get_settings)) -> CorrectionOut:
    """Mark the incident confirmed, disputed, false or unreviewed; subscribers get an update."""
    return _correct(settings, lambda session, now: set_review(session, incident_id, body.review, now))


@router.post("/{incident_id}/merge", response_model=CorrectionOut, responses=CORRECTION_ERRORS)
def merge(incident_id: IncidentRef, body: MergeIn, settings: Settings = Depends(get_settings)) -> CorrectionOut:
    """Merge this incident into `into`: its reports move there and it is hidden."""
    return _correct(settings, lambda session, now: merge_incidents(session, incident_id, body.into, now))


@router.post("/{incident_id}/split", response_model=CorrectionOut, responses=CORRECTION_ERRORS)
def split(incident_id: IncidentRef, body: SplitIn, settings: Settings = Depends(get_settings)) -> CorrectionOut:
    """Move the reports of the given articles to a new incident, announced as created."""
    return _correct(settings, lambda session, now: split_incident(session, incident_id, body.article_ids, now))
