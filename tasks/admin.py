"""Bulk admin work on its own queue: re-scans in chunks."""

from __future__ import annotations

from celery import Task, shared_task

from tasks import settings_of
from worker import flow


@shared_task(name="sahelwatch.rescan_chunk", bind=True)
def rescan_chunk(self: Task, rescan_id: int, article_ids: list[int]) -> dict[str, int]:
    delivery_ids = flow.rescan_chunk(settings_of(self), rescan_id, article_ids)
    for delivery_id in delivery_ids:
        self.app.send_task("sahelwatch.deliver", args=[delivery_id])
    return {"rescan_id": rescan_id, "articles": len(article_ids), "deliveries": len(delivery_ids)}
