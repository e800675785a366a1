"""Delivery rows: claim one for sending, record every attempt and its outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from worker.db.models import Alert, Delivery, DeliveryAttempt, WebhookEndpoint
from worker.db.upsert import insert_ignore
from worker.delivery.policy import Verdict


@dataclass(frozen=True)
class ClaimedDelivery:
    id: int
    url: str
    secret: str
    message_id: str
    body: dict[str, Any]
    attempt: int  # the number of the attempt about to be made
    retry_from: int  # attempts made before an operator's retry
    kind: str
    endpoint_id: int


@dataclass(frozen=True)
class Paced:
    """The endpoint is pacing itself: the delivery was moved to when it may send."""

    delay: float


def claim_delivery(session: Session, delivery_id: int, now: datetime, lease: timedelta) -> ClaimedDelivery | Paced | None:
    """Take a due delivery (pending, or `sending` whose sender died) with compare-and-set."""
    # The delivery, its endpoint and its alert in one round trip.
    loaded = session.execute(
        select(Delivery, WebhookEndpoint, Alert)
        .outerjoin(WebhookEndpoint, WebhookEndpoint.id == Delivery.endpoint_id)
        .outerjoin(Alert, Alert.id == Delivery.alert_id)
        .where(Delivery.id == delivery_id)
    ).first()
    if loaded is None:
        return None
    row, endpoint, alert = loaded
    if row.status not in ("pending", "sending"):
        return None
    if row.next_attempt_at and row.next_attempt_at > now:
        return None
    if endpoint is not None and endpoint.enabled and endpoint.next_send_at and endpoint.next_send_at > now:
        row.status, row.next_attempt_at = "pending", endpoint.next_send_at
        return Paced((endpoint.next_send_at - now).total_seconds())
    attempt = row.attempts + 1
    result = session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == row.status, Delivery.attempts == row.attempts,
               Delivery.next_attempt_at == row.next_attempt_at)
        .values(status="sending", next_attempt_at=now + lease)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return None
    if alert is None or endpoint is None:
        return None
    if not endpoint.enabled:
        row.status = "failed"
        row.last_error = f"endpoint disabled: {endpoint.disabled_reason or 'by an admin'}"
        return None
    return ClaimedDelivery(row.id, endpoint.url, endpoint.secret, alert.message_id, alert.body, attempt,
                           row.retry_from, endpoint.kind, endpoint.id)


def record_attempt(
    session: Session,
    claimed: ClaimedDelivery,
    now: datetime,
    *,
    status_code: int | None,
    error: str | None,
    duration_ms: int,
    verdict: Verdict,
    pause_endpoint_until: datetime | None = None,
) -> None:
    """The attempt's row, the delivery's new state and the endpoint's pacing, written without reading first."""
    insert_ignore(
        session, DeliveryAttempt,
        [dict(delivery_id=claimed.id, attempt=claimed.attempt, attempted_at=now, status_code=status_code,
              error=error, duration_ms=duration_ms)],
        ["delivery_id", "attempt"],
    )
    if pause_endpoint_until is not None:  # only ever moved later
        session.execute(
            update(WebhookEndpoint)
            .where(WebhookEndpoint.id == claimed.endpoint_id,
                   WebhookEndpoint.next_send_at.is_(None) | (WebhookEndpoint.next_send_at < pause_endpoint_until))
            .values(next_send_at=pause_endpoint_until)
            .execution_options(synchronize_session=False)
        )
    values: dict[str, Any] = dict(attempts=claimed.attempt, last_status_code=status_code, last_error=error)
    if verdict.outcome == "succeeded":
        values.update(status="succeeded", delivered_at=now, next_attempt_at=None)
    elif verdict.outcome == "retry":
        values.update(status="pending", next_attempt_at=now + timedelta(seconds=verdict.delay or 0))
    else:
        values.update(status="failed", next_attempt_at=None,
                      last_error=f"gave up after {claimed.attempt} attempt(s): {error}")
        if verdict.outcome == "gone":
            session.execute(
                update(WebhookEndpoint).where(WebhookEndpoint.id == claimed.endpoint_id)
                .values(enabled=False, disabled_reason="the receiver answered 410 Gone")
                .execution_options(synchronize_session=False)
            )
    session.execute(update(Delivery).where(Delivery.id == claimed.id).values(**values)
                    .execution_options(synchronize_session=False))


def due_delivery_ids(session: Session, now: datetime, limit: int = 500) -> list[int]:
    return list(
        session.scalars(
            select(Delivery.id)
            .where(Delivery.status.in_(("pending", "sending")), Delivery.next_attempt_at <= now)
            .order_by(Delivery.next_attempt_at)
            .limit(limit)
        )
    )
