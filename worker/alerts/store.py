"""Alert and delivery rows: one message per incident revision or source-health change, one delivery per subscriber."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from worker.alerts.body import incident_message, source_message
from worker.alerts.rules import matches, wants_source_health
from worker.db.models import Alert, Delivery, Feed, Incident, WebhookEndpoint
from worker.db.upsert import insert_ignore


_ENABLED_ENDPOINTS = select(WebhookEndpoint).where(WebhookEndpoint.enabled.is_(True))


def message_id(subject: str, alert_type: str, revision: int) -> str:
    """Standard Webhooks `webhook-id`: stable across retries and re-runs of the same message."""
    digest = hashlib.sha256(f"{subject}:{alert_type}:{revision}".encode()).hexdigest()[:24]
    return f"msg_{digest}"


def alert_incident(
    session: Session, incident: Incident, alert_type: str, now: datetime, *,
    changes: list[dict[str, Any]] | None = None, context: dict[str, Any] | None = None,
) -> list[int]:
    """Store the incident's message for its current revision and queue it for every matching subscriber.

    Returns the ids of deliveries created now (none on a re-run)."""
    mid = message_id(incident.public_id, alert_type, incident.revision)
    body = incident_message(alert_type, incident.data, now, changes)
    alert_id = _alert(session, mid, dict(incident_id=incident.id, type=alert_type, revision=incident.revision), body, now)
    endpoints = session.scalars(_ENABLED_ENDPOINTS).all()
    wanted = [ep.id for ep in endpoints if matches(ep.rules or {}, incident.data, context or {})]
    return _deliveries(session, alert_id, wanted, now)


def alert_source(session: Session, feed: Feed, alert_type: str, now: datetime) -> list[int]:
    """source.failing / source.recovered, for subscribers of source health."""
    revision = int(now.timestamp())
    mid = message_id(f"feed:{feed.id}", alert_type, revision)
    body = source_message(alert_type, feed, now)
    alert_id = _alert(session, mid, dict(incident_id=None, feed_id=feed.id, type=alert_type, revision=revision), body, now)
    endpoints = session.scalars(_ENABLED_ENDPOINTS).all()
    return _deliveries(session, alert_id, [ep.id for ep in endpoints if wants_source_health(ep.rules or {})], now)


def _alert(session: Session, mid: str, keys: dict[str, Any], body: dict[str, Any], now: datetime) -> int:
    """The alert's id: inserted now, or already stored by an earlier run of the same step."""
    inserted = insert_ignore(session, Alert, [dict(keys, message_id=mid, body=body, created_at=now)], ["message_id"])
    if inserted:
        return inserted[0]
    return session.scalars(select(Alert.id).where(Alert.message_id == mid)).one()


def _deliveries(session: Session, alert_id: int, endpoint_ids: list[int], now: datetime) -> list[int]:
    rows = [dict(alert_id=alert_id, endpoint_id=ep, status="pending", attempts=0, next_attempt_at=now, created_at=now)
            for ep in endpoint_ids]
    return insert_ignore(session, Delivery, rows, ["alert_id", "endpoint_id"])
