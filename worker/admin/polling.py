"""`sahelwatch poll`: enqueue polls now and, with --wait, see them through to delivered alerts."""

from __future__ import annotations

from contextlib import ExitStack
from datetime import datetime, timezone

from rich.console import Console
from sqlalchemy import select, update

from worker.admin.processes import broker, running_worker, workers_answering
from worker.admin.progress import PollSummary, wait_until_settled
from worker.app import make_celery
from worker.db.models import Feed
from worker.db.session import session_scope
from worker.settings import Settings


def select_feeds(database_url: str, feed_ids: list[int]) -> list[int]:
    """The feeds to poll; an explicitly named suspended feed is re-activated (an admin's retry)."""
    with session_scope(database_url) as session:
        if feed_ids:
            found = set(session.scalars(select(Feed.id).where(Feed.id.in_(feed_ids))))
            missing = sorted(set(feed_ids) - found)
            if missing:
                raise LookupError(f"no feed with id {', '.join(map(str, missing))}")
            session.execute(update(Feed).where(Feed.id.in_(feed_ids), Feed.status == "suspended")
                            .values(status="error", consecutive_failures=0))
            return sorted(found)
        return list(session.scalars(select(Feed.id).where(Feed.status.in_(("active", "error"))).order_by(Feed.id)))


def poll_now(settings: Settings, feed_ids: list[int], *, wait: bool, timeout: float, console: Console,
             worker_overrides: dict[str, str] | None = None) -> int:
    try:
        ids = select_feeds(settings.database_url, feed_ids)
    except LookupError as exc:
        console.print(f"[red]error:[/red] {exc}")
        return 1
    if not ids:
        console.print("no feeds to poll: add one with `sahelwatch feeds add URL`")
        return 0
    since = datetime.now(timezone.utc)
    with ExitStack() as stack:
        url = stack.enter_context(broker(settings))
        app = make_celery(settings, broker=url)
        if wait and not workers_answering(app):
            console.print("starting a worker for the duration of this poll…")
            stack.enter_context(running_worker(settings, url, overrides=worker_overrides))
        for feed_id in ids:
            app.send_task("sahelwatch.refresh_feed", args=[feed_id])
        console.print(f"enqueued {len(ids)} feed poll(s)")
        if not wait:
            return 0
        summary = wait_until_settled(settings.database_url, ids, since, timeout)
    print_summary(summary, console)
    return 0 if summary.finished else 3


def print_summary(summary: PollSummary, console: Console) -> None:
    entries = summary.entries
    deliveries = summary.deliveries
    console.print(
        f"polled {summary.feeds_polled} feed(s); new entries: {sum(entries.values())} "
        f"(processed {entries.get('done', 0)}, failed {entries.get('failed', 0)}); alerts: {summary.alerts}; "
        f"deliveries: {deliveries.get('succeeded', 0)} succeeded, {deliveries.get('failed', 0)} failed"
    )
    for url, error in summary.feed_errors.items():
        console.print(f"[yellow]feed error[/yellow] {url}: {error}")
    if not summary.finished:
        console.print(f"[yellow]gave up waiting with {summary.pending} item(s) still pending[/yellow]")
