"""Every write is keyed so that running a step twice stores nothing twice (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from worker.alerts.store import alert_incident
from worker.incidents.key import MatchPolicy
from worker.incidents.store import UpdatePolicy, record_report
from worker.articles.store import store_article
from worker.db.migrate import current_revision, head_revision, upgrade
from worker.db.models import Alert, Delivery, Entry, Event, Feed, Incident
from worker.db.session import session_scope
from worker.feeds.parse import ParsedEntry
from worker.feeds.store import add_feed, claim_due_feeds, claim_entry, store_entries
from worker.admin.endpoints import add_endpoint
from worker.delivery.sign import new_secret
from tests.pipeline import wipe_database

NOW = datetime(2019, 11, 3, 10, 0, tzinfo=timezone.utc)
EVENT = {"primary": True, "event_type": "Battles", "sub_event_type": "armed_clash", "country": "ML",
         "admin1": "Menaka", "location": "Indelimane", "date": "2019-11-01", "fatalities": 54,
         "actors": ["is_sahel", "military_ml"], "claims": []}
TAGGED = {"relevant": True, "score": 0.9, "events": [EVENT]}


@pytest.fixture
def db(db_url: str) -> str:
    upgrade(db_url)
    wipe_database(db_url)
    return db_url


def count(db: str, model: type) -> int:
    with session_scope(db) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def new_feed(db: str, url: str = "https://example.org/feed.xml") -> int:
    with session_scope(db) as session:
        feed, _ = add_feed(session, url, name=None, interval_minutes=15, language=None, now=NOW)
        return feed.id


def test_migrations_reach_head_and_rerun_as_a_no_op(db: str):
    upgrade(db)
    assert current_revision(db) == head_revision()


def test_adding_a_feed_twice_keeps_one(db: str):
    assert new_feed(db) == new_feed(db)
    assert count(db, Feed) == 1


def test_storing_the_same_entries_twice_writes_them_once(db: str):
    feed_id = new_feed(db)
    items = [ParsedEntry(f"g{i}", f"https://example.org/{i}", "t", None, None) for i in range(3)]
    items.append(items[0])  # a feed repeating a GUID in one document
    with session_scope(db) as session:
        first = store_entries(session, feed_id, items, NOW)
    with session_scope(db) as session:
        second = store_entries(session, feed_id, items, NOW)
    assert len(first) == 3 and second == []
    assert count(db, Entry) == 3


def store(db: str, canonical: str, text: str) -> tuple[int, bool]:
    with session_scope(db) as session:
        stored = store_article(session, url=canonical, canonical=canonical, title="t", text=text, language="en",
                               published=NOW, digest=text[:64].ljust(64, "0"), fingerprint=None, outlet="example.org",
                               tagged=TAGGED, now=NOW)
        return stored.id, stored.created


def test_an_article_is_stored_once_per_canonical_url_and_per_text(db: str):
    first = store(db, "https://a.example/story", "a" * 64)
    again = store(db, "https://a.example/story", "b" * 64)
    syndicated = store(db, "https://b.example/copy", "a" * 64)
    assert first[1] and not again[1] and not syndicated[1]
    assert first[0] == again[0] == syndicated[0]
    assert count(db, Event) == 1


def test_raising_the_same_alert_twice_creates_one_alert_and_one_delivery_per_endpoint(db: str):
    add_endpoint(db, "https://hooks.example/a", secret=new_secret(), name=None, rules={})
    add_endpoint(db, "https://hooks.example/b", secret=new_secret(), name=None, rules={"countries": ["NE"]})
    article_id, _ = store(db, "https://a.example/story", "a" * 64)
    source = {"url": "https://a.example/story", "title": "t", "outlet": "a.example", "published": None, "language": "en"}
    def raise_alert() -> list[int]:
        with session_scope(db) as session:
            outcome = record_report(session, article_id=article_id, ordinal=0, event=EVENT, source=source, now=NOW,
                                    match=MatchPolicy(), update=UpdatePolicy())
            assert outcome.created or outcome.incident_id is None  # a re-run merges nothing
            incident = session.scalars(select(Incident)).one()
            return alert_incident(session, incident, "incident.created", NOW)

    first = raise_alert()
    second = raise_alert()
    assert len(first) == 1 and second == []  # the NE-only endpoint does not want a Mali incident
    assert (count(db, Incident), count(db, Alert), count(db, Delivery)) == (1, 1, 1)


def test_two_schedulers_claiming_at_once_never_take_the_same_feed(db: str):
    ids = [new_feed(db, f"https://example.org/{i}.xml") for i in range(20)]
    results: list[list[int]] = []
    barrier = threading.Barrier(2)

    def claim() -> None:
        barrier.wait()
        with session_scope(db) as session:
            results.append(claim_due_feeds(session, NOW + timedelta(minutes=1)))

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = results[0] + results[1]
    assert sorted(claimed) == sorted(ids)  # every due feed once, none twice


def test_a_claimed_entry_is_not_claimed_again_until_its_lease_expires(db: str):
    feed_id = new_feed(db)
    with session_scope(db) as session:
        [entry_id] = store_entries(session, feed_id, [ParsedEntry("g", "https://example.org/a", "t", None, None)], NOW)
    lease = timedelta(minutes=3)
    with session_scope(db) as session:
        assert claim_entry(session, entry_id, NOW, lease, max_attempts=2) is not None
    with session_scope(db) as session:
        assert claim_entry(session, entry_id, NOW + timedelta(minutes=1), lease, max_attempts=2) is None
    with session_scope(db) as session:
        again = claim_entry(session, entry_id, NOW + timedelta(minutes=4), lease, max_attempts=2)
        assert again is not None and again.attempts == 2
    with session_scope(db) as session:  # a page that keeps killing its worker is given up, with the reason
        assert claim_entry(session, entry_id, NOW + timedelta(minutes=8), lease, max_attempts=2) is None
    with session_scope(db) as session:
        entry = session.get(Entry, entry_id)
        assert entry.status == "failed" and entry.last_error.startswith("gave up after 2 attempts")
