"""`sahelwatch rescan`: start one and, with --wait, follow it with a progress bar."""

from __future__ import annotations

import time
from contextlib import ExitStack
from datetime import datetime

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from worker.admin.processes import broker, running_worker, workers_answering
from worker.admin.rescans import create_rescan, rescan_status
from worker.app import make_celery
from worker.settings import Settings


def run_rescan(settings: Settings, *, since: datetime | None, until: datetime | None, feed_id: int | None,
               country: str | None, all_articles: bool, refetch: bool, send_alerts: bool, wait: bool,
               console: Console, timeout: float = 3600) -> int:
    rescan_id, chunks = create_rescan(settings, since=since, until=until, feed_id=feed_id, country=country,
                                      all_articles=all_articles, refetch=refetch, send_alerts=send_alerts)
    total = sum(len(c) for c in chunks)
    console.print(f"re-scan {rescan_id}: {total} article(s){' (alerts on)' if send_alerts else ''}")
    with ExitStack() as stack:
        url = stack.enter_context(broker(settings))
        app = make_celery(settings, broker=url)
        if wait and chunks and not workers_answering(app):
            stack.enter_context(running_worker(settings, url))
        for chunk in chunks:
            app.send_task("sahelwatch.rescan_chunk", args=[rescan_id, chunk])
        if not wait:
            console.print(f"follow it with `sahelwatch rescan status {rescan_id}`")
            return 0
        status = _follow(settings, rescan_id, total, console, timeout)
    console.print(f"re-scan {rescan_id}: {status['status']}, {status['done']}/{status['total']} done, "
                  f"{status['errors']} error(s)")
    return 0 if status["status"] == "done" else 3


def _follow(settings: Settings, rescan_id: int, total: int, console: Console, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    columns = (TextColumn("re-scan"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[errors]} error(s)"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("re-scan", total=total or 1, errors=0)
        while True:
            status = rescan_status(settings.database_url, rescan_id) or {}
            progress.update(task, completed=status.get("done", 0) + status.get("errors", 0), errors=status.get("errors", 0))
            if status.get("status") in ("done", "cancelled") or time.monotonic() > deadline:
                return status
            time.sleep(0.3)
