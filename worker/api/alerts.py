"""`/api/v1/alerts`: the messages sent, exactly as a generic webhook received them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select

from worker.api.deps import as_utc, get_settings
from worker.api.schemas import Country
from worker.db.models import Alert
from worker.db.session import session_scope
from worker.settings import Settings

router = APIRouter(prefix="/alerts", tags=["alerts"])
ALERT_TYPES = ("incident.created", "incident.updated", "source.failing", "source.recovered")


def wanted(body: dict[str, Any], country: str | None, event_type: str | None, min_fatalities: int | None) -> bool:
    """Incident filters apply to incident alerts; a source alert has no country or toll and is left out by them."""
    if not (country or event_type or min_fatalities is not None):
        return True
    incident = (body.get("data") or {}).get("incident")
    if not isinstance(incident, dict):
        return False
    if country and incident.get("country") != country.upper():
        return False
    if event_type and incident.get("event_type") != event_type:
        return False
    return min_fatalities is None or (incident.get("fatalities") or 0) >= min_fatalities


@router.get("", response_model=list[dict[str, Any]])
def list_alerts(
    since: Annotated[datetime | None, Query(description="Created at or after this time.")] = None,
    type: Annotated[str | None, Query(description="Alert type: " + ", ".join(ALERT_TYPES) + ".",
                                      pattern="^(" + "|".join(t.replace(".", r"\.") for t in ALERT_TYPES) + ")$")] = None,
    country: Annotated[Country | None, Query()] = None,
    event_type: Annotated[str | None, Query(max_length=64, pattern=r"^[^\x00]*$")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    settings: Settings = Depends(get_settings),
) -> list[dict[str, Any]]:
    """Alert bodies (ALERT-SCHEMA.md), newest first."""
    query = select(Alert.body).order_by(Alert.created_at.desc(), Alert.id.desc())
    if since is not None:
        query = query.where(Alert.created_at >= as_utc(since))
    if type:
        query = query.where(Alert.type == type)
    bodies = []
    with session_scope(settings.database_url) as session:
        for body in session.scalars(query):
            if wanted(body, country, event_type, min_fatalities):
                bodies.append(body)
                if len(bodies) >= limit:
                    break
    return bodies
