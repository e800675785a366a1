"""A running pipeline for end-to-end tests: migrated database, real broker, real Celery worker."""

from __future__ import annotations

import html
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from celery import Celery
from sqlalchemy import func, select

from worker.admin.endpoints import add_endpoint
from worker.admin.processes import celery_command, child_env, stop_process, workers_answering
from worker.admin.progress import PollSummary, wait_until_settled
from worker.app import make_celery
from worker.db.base import Base
from worker.db.migrate import upgrade
from worker.db.session import session_scope
from worker.feeds.store import add_feed
from worker.settings import Settings

SAMPLES = Path(__file__).resolve().parents[1] / "worker" / "demo" / "data" / "pages"
FAST_RETRIES = "0.3,0.6,1.2"


def sample_page(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def rss(items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 document from (guid, title, link) triples."""
    body = "".join(
        f"<item><guid>{html.escape(guid)}</guid><title>{html.escape(title)}</title>"
        f"<link>{html.escape(link)}</link><pubDate>Sun, 03 Nov 2019 09:40:00 GMT</pubDate></item>"
        for guid, title, link in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'


@dataclass
class Pipeline:
    settings: Settings
    app: Celery
    process: subprocess.Popen[bytes]

    @property
    def db(self) -> str:
        return self.settings.database_url

    def add_feed(self, url: str, language: str | None = None) -> int:
        with session_scope(self.db) as session:
            feed, _ = add_feed(session, url, name=None, interval_minutes=60, language=language,
                               now=datetime.now(timezone.utc))
            return feed.id

    def add_endpoint(self, url: str, secret: str, kind: str = "generic", **rules: object) -> int:
        endpoint_id, _, _ = add_endpoint(self.db, url, secret=secret, name=None, rules=dict(rules), kind=kind)
        return endpoint_id

    def poll(self, *feed_ids: int, timeout: float = 60) -> PollSummary:
        since = datetime.now(timezone.utc)
        for feed_id in feed_ids:
            self.app.send_task("sahelwatch.refresh_feed", args=[feed_id])
        summary = wait_until_settled(self.db, list(feed_ids), since, timeout, interval=0.1)
        assert summary.finished, f"pipeline did not settle: {summary}"
        return summary

    def count(self, model: type) -> int:
        with session_scope(self.db) as session:
            return session.scalar(select(func.count()).select_from(model)) or 0

    def rows(self, model: type) -> list:
        with session_scope(self.db) as session:
            return list(session.scalars(select(model).order_by(model.id)))

    def wipe(self) -> None:
        wipe_database(self.db)


def wipe_database(url: str) -> None:
    """Delete every row, children first: tests on a shared database start from nothing."""
    with session_scope(url) as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(table.delete())


def start_pipeline(database_url: str, broker_url: str, data_dir: Path) -> Pipeline:
    settings = Settings(database_url=database_url, broker_url=broker_url, data_dir=data_dir,
                        allow_private_networks=True, webhook_retry_schedule=[0.3, 0.6, 1.2], per_host_interval=0,
                        _env_file=None)
    upgrade(database_url)
    env = child_env(settings, broker_url, {"SAHELWATCH_ALLOW_PRIVATE_NETWORKS": "true",
                                           "SAHELWATCH_WEBHOOK_RETRY_SCHEDULE": FAST_RETRIES,
                                           # every test server is on 127.0.0.1: no politeness pauses between tests
                                           "SAHELWATCH_PER_HOST_INTERVAL": "0", "SAHELWATCH_PER_HOST_CONCURRENCY": "8",
                                           "SAHELWATCH_WEBHOOK_TIMEOUT": "1"})
    process = subprocess.Popen(celery_command("worker", concurrency=2, loglevel="WARNING"), env=env)
    app = make_celery(settings, broker=broker_url)
    import time

    deadline = time.monotonic() + 60
    while not workers_answering(app):
        assert process.poll() is None, f"worker exited with {process.returncode}"
        assert time.monotonic() < deadline, "worker did not answer within 60 s"
        time.sleep(0.3)
    return Pipeline(settings, app, process)


def stop_pipeline(pipeline: Pipeline) -> None:
    stop_process(pipeline.process)
