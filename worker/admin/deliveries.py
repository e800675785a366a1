"""Deliveries for operators: list them with their attempts, and send dead ones again."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from worker.db.models import Alert, Delivery, DeliveryAttempt, WebhookEndpoint
from worker.db.session import session_scope
from worker.delivery.redact import redact_url
from worker.incidents.build import iso

STATUSES = ("pending", "sending", "succeeded", "failed")


def delivery_rows(database_url: str, status: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    with session_scope(database_url) as session:
        query = (select(Delivery, Alert.type, Alert.message_id, WebhookEndpoint.url)
                 .join(Alert, Alert.id == Delivery.alert_id)
                 .join(WebhookEndpoint, WebhookEndpoint.id == Delivery.endpoint_id)
                 .order_by(Delivery.id.desc()).limit(limit))
        if status:
            query = query.where(Delivery.status == status)
        rows = session.execute(query).all()
        attempts: dict[int, list[dict[str, Any]]] = {}
        ids = [row[0].id for row in rows]
        if ids:
            for a in session.scalars(select(DeliveryAttempt).where(DeliveryAttempt.delivery_id.in_(ids))
                                     .order_by(DeliveryAttempt.attempt)):
                attempts.setdefault(a.delivery_id, []).append(
                    {"attempt": a.attempt, "at": iso(a.attempted_at), "status_code": a.status_code, "error": a.error,
                     "duration_ms": a.duration_ms})
        return [
            {"id": d.id, "alert_type": alert_type, "message_id": mid, "endpoint_id": d.endpoint_id,
             "endpoint": redact_url(url), "status": d.status, "attempts": d.attempts,
             "last_status_code": d.last_status_code, "last_error": d.last_error,
             "next_attempt_at": iso(d.next_attempt_at), "delivered_at": iso(d.delivered_at),
             "attempt_log": attempts.get(d.id, [])}
            for d, alert_type, mid, url in rows
        ]


def retry_deliveries(database_url: str, now: datetime, *, delivery_id: int | None = None, dead: bool = False) -> list[int]:
    """Put failed deliveries back in the queue with a fresh retry schedule; returns their ids."""
    with session_scope(database_url) as session:
        query = select(Delivery.id).where(Delivery.status == "failed")
        if delivery_id is not None:
            query = query.where(Delivery.id == delivery_id)
        elif not dead:
            return []
        ids = list(session.scalars(query))
        if ids:
            # The whole retry schedule applies again; earlier attempts stay recorded.
            session.execute(update(Delivery).where(Delivery.id.in_(ids)).values(
                status="pending", next_attempt_at=now, last_error=None, retry_from=Delivery.attempts))
            session.execute(update(WebhookEndpoint).where(
                WebhookEndpoint.id.in_(select(Delivery.endpoint_id).where(Delivery.id.in_(ids))),
                WebhookEndpoint.disabled_reason.is_not(None)).values(enabled=True, disabled_reason=None))
        return ids
