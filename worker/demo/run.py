"""Serve the samples, add them as feeds, poll through a real worker, show the alerts."""

from __future__ import annotations

import time

from rich.console import Console
from sqlalchemy import update

from worker.admin.polling import poll_now
from worker.admin.views import alert_bodies, alerts_table
from worker.db.models import Feed
from worker.db.session import session_scope
from worker.demo.server import SampleServer
from worker.feeds.store import add_feed
from worker.flow import utcnow
from worker.settings import Settings

# Sample pages live on 127.0.0.1 and a failing receiver should not hold the demo for a day.
# The sample server is our own, so no politeness pauses towards it.
DEMO_OVERRIDES = {"SAHELWATCH_ALLOW_PRIVATE_NETWORKS": "true", "SAHELWATCH_WEBHOOK_RETRY_SCHEDULE": "1,2,4",
                  "SAHELWATCH_PER_HOST_INTERVAL": "0"}


def run_demo(settings: Settings, *, port: int, timeout: float, console: Console) -> int:
    started = time.monotonic()
    settings = settings.model_copy(update={"allow_private_networks": True, "webhook_retry_schedule": [1.0, 2.0, 4.0],
                                          "per_host_interval": 0.0})
    with SampleServer(port) as server:
        feed_ids = []
        with session_scope(settings.database_url) as session:
            for url, language in server.feed_urls():
                feed, _ = add_feed(session, url, name=f"sample feed ({language})", interval_minutes=60,
                                   language=language, now=utcnow())
                feed.status, feed.consecutive_failures = "active", 0
                feed_ids.append(feed.id)
        console.print(f"serving sample feeds at {server.base_url}")
        try:
            code = poll_now(settings, feed_ids, wait=True, timeout=timeout, console=console,
                            worker_overrides=DEMO_OVERRIDES)
        finally:
            # The sample server goes away with the demo: stop the scheduler polling it later.
            with session_scope(settings.database_url) as session:
                session.execute(update(Feed).where(Feed.id.in_(feed_ids)).values(status="paused"))
    console.print(alerts_table(alert_bodies(settings.database_url)[-20:]))
    console.print(f"demo finished in {time.monotonic() - started:.1f} s; `sahelwatch alerts list` shows the same alerts")
    return code
