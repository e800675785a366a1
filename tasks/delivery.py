"""Webhook deliveries; short retries ride a countdown, long ones wait in the database for the dispatcher."""

from __future__ import annotations

from celery import Task, shared_task

from tasks import settings_of
from worker import flow


@shared_task(name="sahelwatch.deliver", bind=True)
def deliver(self: Task, delivery_id: int) -> dict[str, object]:
    settings = settings_of(self)
    outcome = flow.deliver(settings, delivery_id)
    # Never hold a message longer than the broker's visibility timeout: longer waits are
    # a next_attempt_at that the every-minute dispatcher reads.
    if outcome.outcome == "retry" and outcome.retry_in is not None and outcome.retry_in < settings.visibility_timeout / 2:
        self.app.send_task("sahelwatch.deliver", args=[delivery_id], countdown=outcome.retry_in)
    return {"delivery_id": delivery_id, "outcome": outcome.outcome, "retry_in": outcome.retry_in}
