"""Analysts must know when they are blind: one message when a source breaks or falls silent, one when it is back."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.fixtures.httpserver import Response
from tests.pipeline import rss, wipe_database
from worker import flow
from worker.admin.endpoints import add_endpoint
from worker.db.migrate import upgrade
from worker.db.models import Alert, Feed
from worker.db.session import session_scope
from worker.feeds.schedule import silence
from worker.feeds.store import add_feed
from worker.settings import Settings

XML = {"Content-Type": "application/rss+xml"}
NOW = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)


@pytest.fixture
def settings(db_url: str) -> Settings:
    upgrade(db_url)
    wipe_database(db_url)
    return Settings(database_url=db_url, allow_private_networks=True, per_host_interval=0, source_failing_after=3, max_feed_failures=10,
                    _env_file=None)


def poll_now(settings: Settings, feed_id: int) -> flow.PollOutcome:
    with session_scope(settings.database_url) as session:
        session.get(Feed, feed_id).next_poll_at = NOW  # whatever the backoff, poll again
    return flow.refresh_feed(settings, feed_id)


def test_a_failing_source_raises_one_message_and_one_on_recovery(settings, http_server, webhook_receiver):
    add_endpoint(settings.database_url, webhook_receiver.url, secret=webhook_receiver.secret, name=None,
                 rules={"source_health": True, "incidents": False})
    add_endpoint(settings.database_url, webhook_receiver.url + "?incidents-only", secret=webhook_receiver.secret,
                 name=None, rules={})
    http_server.route_sequence("/feed.xml", [Response(b"", status=500)] * 4 + [Response(rss([("a", "A", "https://x.org/a")]), headers=XML)])
    with session_scope(settings.database_url) as session:
        feed_id = add_feed(session, http_server.url("/feed.xml"), name="Outlet", interval_minutes=15, language=None,
                           now=NOW)[0].id

    outcomes = [poll_now(settings, feed_id) for _ in range(5)]

    assert [len(o.delivery_ids) for o in outcomes] == [0, 0, 1, 0, 1]
    with session_scope(settings.database_url) as session:
        bodies = [a.body for a in session.query(Alert).order_by(Alert.id)]
    assert [b["type"] for b in bodies] == ["source.failing", "source.recovered"]
    failing = bodies[0]["data"]["feed"]
    assert failing["consecutive_failures"] == 3 and failing["last_error"].startswith("HTTP 500")
    assert failing["name"] == "Outlet" and failing["status"] == "error"
    for delivery_id in outcomes[2].delivery_ids + outcomes[4].delivery_ids:
        assert flow.deliver(settings, delivery_id).outcome == "succeeded"
    assert [d.json["type"] for d in webhook_receiver.received] == ["source.failing", "source.recovered"]
    assert all(d.signature_valid for d in webhook_receiver.received)


def test_a_feed_silent_far_longer_than_its_rhythm_is_failing():
    hourly = [NOW - timedelta(days=3) - timedelta(hours=h) for h in range(10)]
    assert silence(hourly, NOW, factor=8) == "no new items for 3 days; it usually publishes every 60 min"
    assert silence(hourly, NOW - timedelta(days=3) + timedelta(hours=5), factor=8) is None
    assert silence(hourly[:3], NOW, factor=8) is None  # no rhythm yet: no judgement
