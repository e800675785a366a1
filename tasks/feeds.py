"""Feed polls and the every-minute dispatcher."""

from __future__ import annotations

from celery import Task, shared_task

from tasks import settings_of
from worker import flow


@shared_task(name="sahelwatch.refresh_feed", bind=True)
def refresh_feed(self: Task, feed_id: int) -> dict[str, object]:
    outcome = flow.refresh_feed(settings_of(self), feed_id)
    for entry_id in outcome.new_entry_ids:
        self.app.send_task("sahelwatch.process_entry", args=[entry_id])
    for delivery_id in outcome.delivery_ids:
        self.app.send_task("sahelwatch.deliver", args=[delivery_id])
    return {"feed_id": feed_id, "new_entries": len(outcome.new_entry_ids), "error": outcome.error}


@shared_task(name="sahelwatch.dispatch", bind=True)
def dispatch(self: Task) -> dict[str, int]:
    """Due polls, and work whose message was lost (the database is the source of truth)."""
    due = flow.dispatch(settings_of(self))
    for feed_id in due.feed_ids:
        self.app.send_task("sahelwatch.refresh_feed", args=[feed_id])
    for entry_id in due.entry_ids:
        self.app.send_task("sahelwatch.process_entry", args=[entry_id])
    for delivery_id in due.delivery_ids:
        self.app.send_task("sahelwatch.deliver", args=[delivery_id])
    return {"feeds": len(due.feed_ids), "entries": len(due.entry_ids), "deliveries": len(due.delivery_ids)}
