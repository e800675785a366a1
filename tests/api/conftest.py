"""The admin API on a real database and broker: settings with both tokens, a client, and seeded rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import redis
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from tests.pipeline import wipe_database
from worker.admin.endpoints import add_endpoint
from worker.alerts.store import alert_incident
from worker.api import create_app
from worker.api.queues import QUEUES
from worker.articles.store import store_article
from worker.db.migrate import upgrade
from worker.db.models import Delivery, Incident
from worker.db.session import session_scope
from worker.delivery.sign import new_secret
from worker.feeds.store import add_feed
from worker.incidents.build import iso
from worker.incidents.key import MatchPolicy
from worker.incidents.store import UpdatePolicy, record_report
from worker.settings import Settings

ADMIN = "admin-token-0123456789abcdef"
READER = "reader-token-0123456789abcdef"
NOW = datetime(2023, 8, 8, 12, tzinfo=timezone.utc)
TESSIT = {"primary": True, "country": "ML", "admin1": "Gao", "location": "Tessit", "lat": 15.22, "lon": 0.98,
          "geo_precision": 1, "date": "2023-08-07", "date_precision": "day", "event_type": "Battles",
          "sub_event_type": "armed_clash", "actors": ["jnim", "military_ml"], "perpetrators": ["jnim"],
          "fatalities": 15, "claims": []}
DJIBO = dict(TESSIT, country="BF", admin1="Sahel", location="Djibo", lat=14.10, lon=-1.63,
             event_type="Violence against civilians", sub_event_type="attack", perpetrators=["is_sahel"],
             actors=["is_sahel", "civilians"], fatalities=3)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Seeded:
    """Ids of the rows every route test can name."""

    feed: int
    endpoint: int
    incident: str  # two reports (articles `article` and `second`)
    other: str  # one report, in another country
    article: int
    second: int
    failed: int  # a delivery that failed
    pending: int  # a delivery still pending

    def fill(self, template: str) -> str:
        return template.format(**self.__dict__)


def report(session: Any, n: int, event: dict[str, Any], when: datetime) -> tuple[int, Incident]:
    url = f"https://outlet{n}.example/story"
    stored = store_article(session, url=url, canonical=url, title=f"story {n}", text=f"text {n}", language="en",
                           published=when, digest=f"{n:064d}", fingerprint=None, outlet=f"outlet{n}.example",
                           tagged={"relevant": True, "score": 0.9, "events": [event]}, now=when)
    source = {"url": url, "title": f"story {n}", "outlet": f"outlet{n}.example", "published": iso(when), "language": "en"}
    outcome = record_report(session, article_id=stored.id, ordinal=0, event=event, source=source, now=when,
                            match=MatchPolicy(), update=UpdatePolicy())
    incident = session.get(Incident, outcome.incident_id)
    if outcome.created:
        alert_incident(session, incident, "incident.created", when)
    return stored.id, incident


def seed(db: str) -> Seeded:
    endpoint, _, _ = add_endpoint(db, "https://hooks.example/services/T000/B000/secretpart", secret=new_secret(),
                                  name="desk", rules={})
    with session_scope(db) as session:
        feed, _ = add_feed(session, "https://outlet1.example/feed.xml", name="outlet 1", interval_minutes=15,
                           language="en", now=NOW)
        article, incident = report(session, 1, TESSIT, NOW)
        second, _ = report(session, 2, dict(TESSIT, fatalities=40), NOW + timedelta(minutes=5))
        _, other = report(session, 3, DJIBO, NOW + timedelta(minutes=9))
        session.flush()
        deliveries = sorted(session.scalars(select(Delivery.id)))
        session.execute(update(Delivery).where(Delivery.id == deliveries[0]).values(status="failed", attempts=7,
                                                                                     last_error="HTTP 500"))
        return Seeded(feed.id, endpoint, incident.public_id, other.public_id, article, second, deliveries[0],
                      deliveries[-1])


def api_settings(database_url: str, broker_url: str, data_dir: Path) -> Settings:
    return Settings(database_url=database_url, broker_url=broker_url, data_dir=data_dir, admin_token=ADMIN,
                    readonly_token=READER, _env_file=None)


def empty_queues(redis_url: str, client: redis.Redis) -> None:
    """Empty the task queues, leaving the broker usable.

    Only the queue lists are deleted (not FLUSHDB): kombu drops a message whose queue binding
    is gone and remembers per process that it declared it, so the bindings are declared again.
    """
    from worker.app import make_celery

    client.delete(*QUEUES)
    app = make_celery(api_settings("sqlite://", redis_url, Path(".")), broker=redis_url)
    with app.connection_for_write() as connection:
        channel = connection.default_channel
        for queue in app.amqp.queues.values():
            queue.bind(channel).declare()


@pytest.fixture
def broker(redis_url: str, redis_client: redis.Redis) -> Iterator[redis.Redis]:
    """The session's Redis with its task queues empty before and after the test."""
    empty_queues(redis_url, redis_client)
    yield redis_client
    redis_client.delete(*QUEUES)


@pytest.fixture
def db(db_url: str) -> str:
    upgrade(db_url)
    wipe_database(db_url)
    return db_url


@pytest.fixture
def seeded(db: str) -> Seeded:
    return seed(db)


@pytest.fixture
def settings(db: str, redis_url: str, broker: redis.Redis, tmp_path: Path) -> Settings:
    return api_settings(db, redis_url, tmp_path)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def admin(client: TestClient) -> TestClient:
    client.headers.update(auth(ADMIN))
    return client
