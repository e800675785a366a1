"""How many feeds can one worker poll per minute? A real `celery worker` (concurrency 2, `feeds` queue only).

    python bench/feeds.py [--feeds 600] [--fresh-feeds 300] [--concurrency 2]

Against a local server answering either 304 Not Modified or a fresh 50-item
RSS feed with new GUIDs on every request. Redis is $SAHELWATCH_BENCH_REDIS_URL
or a private embedded one; the database is $SAHELWATCH_BENCH_DATABASE_URL or
a SQLite file in a temporary directory. The entries' article tasks are queued
but not run (the worker consumes `feeds` only) and purged at the end.

Per-host limits would throttle a single local host to one request a second,
so the worker runs with per_host_interval=0 and per_host_concurrency=1000;
the Redis round trips of the limiter are still paid on every request.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from worker.admin.processes import celery_command, child_env, stop_process, workers_answering  # noqa: E402
from worker.app import Queue, make_celery  # noqa: E402
from worker.db.migrate import upgrade  # noqa: E402
from worker.db.models import Entry, Feed  # noqa: E402
from worker.db.session import session_scope  # noqa: E402
from worker.embedded import start_embedded_redis  # noqa: E402
from worker.feeds.store import add_feed  # noqa: E402
from worker.settings import Settings  # noqa: E402

ITEMS = 50
_guids = itertools.count()
_guid_lock = threading.Lock()


def fresh_feed() -> bytes:
    """A 50-item RSS document whose GUIDs were never served before."""
    with _guid_lock:
        first = next(_guids)
        for _ in range(ITEMS - 1):
            next(_guids)
    items = "".join(
        f"<item><guid>g{n}</guid><title>Item {n} near Gao</title><link>https://news.example.org/{n}</link>"
        f"<description>Summary of item {n}.</description><pubDate>Sun, 03 Nov 2019 09:40:00 GMT</pubDate></item>"
        for n in range(first, first + ITEMS)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>b</title>{items}</channel></rss>'.encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.path.startswith("/304/"):
            self.send_response(304)
            self.send_header("ETag", '"same"')
            self.end_headers()
            return
        body = fresh_feed()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the bench prints figures, not requests."""


def add_feeds(database_url: str, base: str, kind: str, count: int) -> list[int]:
    now = datetime.now(timezone.utc)
    with session_scope(database_url) as session:
        return [add_feed(session, f"{base}/{kind}/{n}", name=None, interval_minutes=15, language=None, now=now)[0].id
                for n in range(count)]


def polled_since(database_url: str, ids: list[int], since: datetime) -> int:
    with session_scope(database_url) as session:
        return session.scalar(select(func.count()).select_from(Feed)
                              .where(Feed.id.in_(ids), Feed.last_polled_at >= since)) or 0


def round_of_polls(app, database_url: str, ids: list[int], timeout: float = 600) -> float:
    """Send one refresh per feed and return the seconds until every feed recorded its poll."""
    since = datetime.now(timezone.utc)
    started = time.monotonic()
    for feed_id in ids:
        app.send_task("sahelwatch.refresh_feed", args=[feed_id])
    while polled_since(database_url, ids, since) < len(ids):
        if time.monotonic() - started > timeout:
            raise SystemExit(f"only {polled_since(database_url, ids, since)} of {len(ids)} feeds polled in {timeout:g} s")
        time.sleep(0.1)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=600, help="feeds answering 304")
    parser.add_argument("--fresh-feeds", type=int, default=300, help="feeds answering 50 new items")
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sw-bench-"))
    redis_server = None
    broker_url = os.environ.get("SAHELWATCH_BENCH_REDIS_URL", "")
    if not broker_url:
        redis_server = start_embedded_redis(tmp / "redis")
        broker_url = redis_server.url
    database_url = os.environ.get("SAHELWATCH_BENCH_DATABASE_URL") or f"sqlite:///{tmp / 'bench.db'}"
    upgrade(database_url)
    settings = Settings(database_url=database_url, broker_url=broker_url, data_dir=tmp, allow_private_networks=True,
                        _env_file=None)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    run = f"{int(time.time())}"
    warm = add_feeds(database_url, base, f"304/warm-{run}", 20)
    not_modified = add_feeds(database_url, base, f"304/{run}", args.feeds)
    fresh = add_feeds(database_url, base, f"fresh/{run}", args.fresh_feeds)

    env = child_env(settings, broker_url, {
        "SAHELWATCH_ALLOW_PRIVATE_NETWORKS": "true",
        "SAHELWATCH_PER_HOST_INTERVAL": "0",
        "SAHELWATCH_PER_HOST_CONCURRENCY": "1000",
    })
    worker = subprocess.Popen(celery_command("worker", queues=Queue.FEEDS.value, concurrency=args.concurrency),
                              env=env, stdout=subprocess.DEVNULL)
    app = make_celery(settings, broker=broker_url)
    try:
        deadline = time.monotonic() + 60
        while not workers_answering(app):
            if worker.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the worker did not start")
            time.sleep(0.3)
        round_of_polls(app, database_url, warm)
        seconds_304 = round_of_polls(app, database_url, not_modified)
        seconds_fresh = round_of_polls(app, database_url, fresh)
    finally:
        stop_process(worker)
        with app.connection_for_write() as connection:
            purged = sum(connection.default_channel.queue_purge(q.value) or 0 for q in (Queue.ARTICLES, Queue.ALERTS))
        server.shutdown()
        if redis_server is not None:
            redis_server.stop()
    with session_scope(database_url) as session:
        stored = session.scalar(select(func.count()).select_from(Entry).where(Entry.feed_id.in_(fresh))) or 0
    shutil.rmtree(tmp, ignore_errors=True)

    per_min_304 = len(not_modified) / seconds_304 * 60
    per_min_fresh = len(fresh) / seconds_fresh * 60
    backend = "sqlite" if database_url.startswith("sqlite") else database_url.split(":", 1)[0]
    print(f"worker: celery prefork concurrency={args.concurrency}, queue=feeds, database={backend}, "
          f"redis={'embedded' if redis_server else 'external'}, per_host_interval=0, per_host_concurrency=1000")
    print(f"feeds_per_min_304={per_min_304:.0f} ({len(not_modified)} polls in {seconds_304:.2f} s, "
          f"{seconds_304 / len(not_modified) * 1000 * args.concurrency:.1f} ms per poll per process)")
    print(f"feeds_per_min_fresh={per_min_fresh:.0f} ({len(fresh)} polls in {seconds_fresh:.2f} s, "
          f"{seconds_fresh / len(fresh) * 1000 * args.concurrency:.1f} ms per poll per process, "
          f"{stored} entries stored, {purged} article tasks purged)")
    print(f"ratio_304_to_fresh={per_min_304 / per_min_fresh:.1f}")


if __name__ == "__main__":
    main()
