"""Wait until a poll's consequences have settled: entries processed, deliveries final."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from worker.db.models import Alert, Delivery, Entry, Feed
from worker.db.session import session_scope


@dataclass
class PollSummary:
    feeds_polled: int = 0
    feed_errors: dict[str, str] = field(default_factory=dict)
    entries: dict[str, int] = field(default_factory=dict)
    alerts: int = 0
    deliveries: dict[str, int] = field(default_factory=dict)
    finished: bool = False

    @property
    def pending(self) -> int:
        return (self.entries.get("new", 0) + self.entries.get("processing", 0)
                + self.deliveries.get("pending", 0) + self.deliveries.get("sending", 0))


def snapshot(database_url: str, feed_ids: list[int], since: datetime) -> PollSummary:
    summary = PollSummary()
    with session_scope(database_url) as session:
        feeds = session.scalars(select(Feed).where(Feed.id.in_(feed_ids))).all()
        polled = [f for f in feeds if f.last_polled_at and f.last_polled_at >= since]
        summary.feeds_polled = len(polled)
        summary.feed_errors = {f.url: f.last_error for f in polled if f.consecutive_failures and f.last_error}
        summary.entries = dict(session.execute(
            select(Entry.status, func.count()).where(Entry.feed_id.in_(feed_ids), Entry.first_seen_at >= since)
            .group_by(Entry.status)).all())
        summary.alerts = session.scalar(select(func.count()).select_from(Alert).where(Alert.created_at >= since)) or 0
        summary.deliveries = dict(session.execute(
            select(Delivery.status, func.count()).join(Alert, Alert.id == Delivery.alert_id)
            .where(Alert.created_at >= since).group_by(Delivery.status)).all())
        summary.finished = len(polled) == len(feeds) and summary.pending == 0
    return summary


def wait_until_settled(database_url: str, feed_ids: list[int], since: datetime, timeout: float,
                       interval: float = 0.5) -> PollSummary:
    deadline = time.monotonic() + timeout
    while True:
        summary = snapshot(database_url, feed_ids, since)
        if summary.finished or time.monotonic() > deadline:
            return summary
        time.sleep(interval)
