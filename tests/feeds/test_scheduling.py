"""When feeds are polled: conditional GETs, Retry-After, backoff, suspension, adaptive rhythm, one poller at a time."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from tests.fixtures.httpserver import Response
from tests.pipeline import rss, wipe_database
from worker import flow
from worker.db.migrate import upgrade
from worker.db.models import Entry, Feed
from worker.db.session import session_scope
from worker.feeds.schedule import adaptive_interval
from worker.feeds.store import add_feed
from worker.settings import Settings

NOW = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
FEED = rss([("a", "First", "https://example.org/a"), ("b", "Second", "https://example.org/b")])
XML = {"Content-Type": "application/rss+xml; charset=utf-8"}


@pytest.fixture
def settings(db_url: str) -> Settings:
    upgrade(db_url)
    wipe_database(db_url)
    return Settings(database_url=db_url, allow_private_networks=True, per_host_interval=0, max_feed_failures=3, read_timeout=2,
                    _env_file=None)


def new_feed(settings: Settings, url: str, interval: int = 15) -> int:
    with session_scope(settings.database_url) as session:
        feed, _ = add_feed(session, url, name=None, interval_minutes=interval, language=None, now=NOW)
        return feed.id


def feed_row(settings: Settings, feed_id: int) -> Feed:
    with session_scope(settings.database_url) as session:
        return session.get(Feed, feed_id)


def entry_count(settings: Settings) -> int:
    with session_scope(settings.database_url) as session:
        return session.query(Entry).count()


def test_validators_are_stored_and_a_304_writes_no_entries(settings, http_server):
    http_server.route_sequence("/feed.xml", [
        Response(FEED, headers={"ETag": '"v1"', "Last-Modified": "Wed, 01 May 2024 10:00:00 GMT"}),
        Response(b"", status=304),
    ])
    feed_id = new_feed(settings, http_server.url("/feed.xml"))
    assert len(flow.refresh_feed(settings, feed_id).new_entry_ids) == 2
    second = flow.refresh_feed(settings, feed_id)
    assert second.not_modified and second.new_entry_ids == [] and second.error is None
    assert http_server.requests_to("/feed.xml")[1].headers["If-None-Match"] == '"v1"'
    feed = feed_row(settings, feed_id)
    assert feed.etag == '"v1"' and feed.status == "active" and feed.consecutive_failures == 0
    assert entry_count(settings) == 2


def test_retry_after_on_429_sets_the_next_poll(settings, http_server):
    http_server.route("/busy.xml", b"slow down", status=429, headers={"Retry-After": "600"})
    feed_id = new_feed(settings, http_server.url("/busy.xml"))
    before = datetime.now(timezone.utc)
    outcome = flow.refresh_feed(settings, feed_id)
    feed = feed_row(settings, feed_id)
    assert outcome.error.startswith("HTTP 429") and "retry after 600 s" in outcome.error
    assert before + timedelta(seconds=595) <= feed.next_poll_at <= before + timedelta(seconds=610)


def test_failures_back_off_and_suspend_the_feed_with_its_reason(settings, http_server):
    http_server.route("/down.xml", b"oops", status=500)
    feed_id = new_feed(settings, http_server.url("/down.xml"), interval=10)
    gaps = []
    for _ in range(3):
        started = datetime.now(timezone.utc)
        flow.refresh_feed(settings, feed_id)
        gaps.append(feed_row(settings, feed_id).next_poll_at - started)
    assert gaps[0] < gaps[1] < gaps[2]  # 10, 20, 40 minutes, each +-20%
    feed = feed_row(settings, feed_id)
    assert feed.status == "suspended"
    assert feed.last_error.startswith("suspended after 3 failures in a row; last: HTTP 500")
    assert flow.refresh_feed(settings, feed_id).error  # a suspended feed is not polled
    assert len(http_server.requests_to("/down.xml")) == 3


def test_a_feed_recovers_from_errors_on_its_next_good_poll(settings, http_server):
    http_server.route_sequence("/flaky.xml", [Response(b"", status=502), Response(FEED, headers=XML)])
    feed_id = new_feed(settings, http_server.url("/flaky.xml"))
    flow.refresh_feed(settings, feed_id)
    assert feed_row(settings, feed_id).status == "error"
    with session_scope(settings.database_url) as session:  # the backoff has elapsed
        session.get(Feed, feed_id).next_poll_at = NOW
    flow.refresh_feed(settings, feed_id)
    feed = feed_row(settings, feed_id)
    assert (feed.status, feed.consecutive_failures, feed.last_error) == ("active", 0, None)


def test_two_workers_polling_the_same_feed_at_once_fetch_it_once(settings, http_server):
    # The winner's download is held open until the loser has come back empty-handed, so the
    # two polls overlap however slowly either thread starts.
    loser_done = threading.Event()

    def held(_request):
        loser_done.wait(30)
        return Response(FEED)

    http_server.route_handler("/slow.xml", held)
    feed_id = new_feed(settings, http_server.url("/slow.xml"))
    settings = settings.model_copy(update={"read_timeout": 40.0})
    barrier = threading.Barrier(2)
    outcomes = []

    def poll() -> None:
        barrier.wait()
        outcome = flow.refresh_feed(settings, feed_id)
        outcomes.append(outcome)
        if outcome.error:
            loser_done.set()

    threads = [threading.Thread(target=poll) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    loser_done.set()
    assert len(http_server.requests_to("/slow.xml")) == 1
    assert sorted(len(o.new_entry_ids) for o in outcomes) == [0, 2]
    assert [o.error for o in outcomes if not o.new_entry_ids] == [
        "feed is being polled by another worker, or is not active"]


def minutes_ago(*minutes: float) -> list[datetime]:
    return [NOW - timedelta(minutes=m) for m in minutes]


def test_a_busy_feed_is_polled_more_often_within_bounds():
    every_ten_minutes = minutes_ago(*range(0, 200, 10))
    assert adaptive_interval(every_ten_minutes, NOW, preferred=15, shortest=5, longest=360) == 5
    every_two_hours = minutes_ago(*range(0, 1440, 120))
    assert adaptive_interval(every_two_hours, NOW, preferred=15, shortest=5, longest=360) == 60


def test_a_quiet_feed_is_polled_less_often_within_bounds():
    daily = minutes_ago(*range(0, 14 * 1440, 1440))
    assert adaptive_interval(daily, NOW, preferred=15, shortest=5, longest=360) == 360
    silent_for_weeks = minutes_ago(40_000)
    assert adaptive_interval(silent_for_weeks, NOW, preferred=15, shortest=5, longest=360) == 30


def test_a_new_feed_keeps_its_preferred_interval():
    assert adaptive_interval([], NOW, preferred=15, shortest=5, longest=360) == 30
    assert adaptive_interval(minutes_ago(5), NOW, preferred=15, shortest=5, longest=360) == 15
