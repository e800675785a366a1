"""One task per entry: fetch, extract, tag, store, alert (few tasks per article keeps Celery's cost low)."""

from __future__ import annotations

from celery import Task, shared_task

from tasks import settings_of
from worker import flow


@shared_task(name="sahelwatch.process_entry", bind=True)
def process_entry(self: Task, entry_id: int) -> dict[str, object]:
    outcome = flow.process_entry(settings_of(self), entry_id)
    for delivery_id in outcome.delivery_ids:
        self.app.send_task("sahelwatch.deliver", args=[delivery_id])
    return {"entry_id": entry_id, "article_id": outcome.article_id, "error": outcome.error}
