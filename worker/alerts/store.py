"""Incident, alert and delivery rows for a freshly tagged article, written once."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from worker.alerts.body import incident_created
from worker.alerts.rules import matches
from worker.db.models import Alert, Delivery, Incident, WebhookEndpoint
from worker.db.upsert import insert_ignore
from worker.incidents.build import build_incident, incident_key, public_id


def message_id(incident_public_id: str, alert_type: str, revision: int) -> str:
    """Standard Webhooks `webhook-id`: stable across retries and re-runs of the same alert."""
    digest = hashlib.sha256(f"{incident_public_id}:{alert_type}:{revision}".encode()).hexdigest()[:24]
    return f"msg_{digest}"


def raise_alert(
    session: Session, *, article_id: int, ordinal: int, event: dict[str, Any], source: dict[str, Any], now: datetime
) -> list[int]:
    """Create the incident, its `incident.created` alert and one delivery per matching endpoint.

    Returns the ids of deliveries created now (already existing ones are not returned,
    so a re-run enqueues nothing twice).
    """
    key = incident_key(article_id, ordinal)
    incident = build_incident(key, event, source, now)
    insert_ignore(
        session, Incident,
        [dict(public_id=public_id(key), key=key, country=event.get("country"), fatalities=event.get("fatalities"),
              data=incident, first_seen_at=now, updated_at=now)],
        ["key"],
    )
    incident_row = session.scalars(select(Incident).where(Incident.key == key)).one()
    mid = message_id(incident_row.public_id, "incident.created", 0)
    insert_ignore(
        session, Alert,
        [dict(incident_id=incident_row.id, type="incident.created", revision=0, message_id=mid,
              body=incident_created(incident_row.data, now), created_at=now)],
        ["incident_id", "type", "revision"],
    )
    alert = session.scalars(select(Alert).where(Alert.message_id == mid)).one()
    endpoints = session.scalars(select(WebhookEndpoint).where(WebhookEndpoint.enabled.is_(True))).all()
    rows = [
        dict(alert_id=alert.id, endpoint_id=ep.id, status="pending", attempts=0, next_attempt_at=now, created_at=now)
        for ep in endpoints
        if matches(ep.rules or {}, incident_row.data)
    ]
    return insert_ignore(session, Delivery, rows, ["alert_id", "endpoint_id"])
