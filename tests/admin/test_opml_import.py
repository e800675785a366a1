"""Importing and exporting OPML against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from tests.pipeline import wipe_database
from worker.admin.opml import export_opml, import_opml, load_default_sources
from worker.db.migrate import upgrade
from worker.db.models import Feed
from worker.db.session import session_scope
from worker.feeds.opml import OpmlError, OutlineFeed, parse_opml, render_opml

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)

SUBSCRIPTIONS = render_opml(
    [
        OutlineFeed("https://www.rfi.fr/fr/afrique/rss", "RFI Afrique", "fr", None, None, "International (FR)"),
        OutlineFeed("https://humanglemedia.com/feed/", "HumAngle", "en", 60, None, "Lake Chad / Nigeria"),
        OutlineFeed("ftp://example.org/feed.xml", "Not web", None, None, None, None),
        OutlineFeed("javascript:alert(1)", "Script", None, None, None, None),
        OutlineFeed("https://example.org/" + "a" * 2100, "Too long", None, None, None, None),
    ],
    "test subscriptions",
)


@pytest.fixture
def db(db_url: str) -> str:
    upgrade(db_url)
    wipe_database(db_url)
    return db_url


def feeds_in(db: str) -> dict[str, Feed]:
    with session_scope(db) as session:
        return {f.url: f for f in session.scalars(select(Feed))}


def test_import_adds_valid_feeds_and_reports_invalid_ones(db: str) -> None:
    report = import_opml(db, SUBSCRIPTIONS, default_interval=15, now=NOW)
    assert sorted(report.added) == ["https://humanglemedia.com/feed/", "https://www.rfi.fr/fr/afrique/rss"]
    assert report.already_present == []
    assert [url[:22] for url, _ in report.invalid] == ["ftp://example.org/feed", "javascript:alert(1)", "https://example.org/aa"]
    assert all(reason for _, reason in report.invalid)
    assert "longer than" in report.invalid[2][1]
    stored = feeds_in(db)
    assert set(stored) == set(report.added)
    rfi, humangle = stored["https://www.rfi.fr/fr/afrique/rss"], stored["https://humanglemedia.com/feed/"]
    assert (rfi.name, rfi.language, rfi.interval_minutes) == ("RFI Afrique", "fr", 15)
    assert (humangle.name, humangle.language, humangle.interval_minutes) == ("HumAngle", "en", 60)


def test_importing_twice_adds_nothing(db: str) -> None:
    import_opml(db, SUBSCRIPTIONS, default_interval=15, now=NOW)
    again = import_opml(db, SUBSCRIPTIONS, default_interval=15, now=NOW)
    assert again.added == []
    assert sorted(again.already_present) == ["https://humanglemedia.com/feed/", "https://www.rfi.fr/fr/afrique/rss"]
    assert len(feeds_in(db)) == 2
    assert again.summary() == "0 added, 2 already present, 3 invalid"


def test_an_unreadable_document_changes_nothing(db: str) -> None:
    with pytest.raises(OpmlError):
        import_opml(db, b"<html>not opml</html>", default_interval=15, now=NOW)
    assert feeds_in(db) == {}


def test_export_lists_every_feed_and_imports_back(db: str) -> None:
    import_opml(db, SUBSCRIPTIONS, default_interval=15, now=NOW)
    exported = export_opml(db)
    feeds = {f.url: f for f in parse_opml(exported)}
    assert set(feeds) == {"https://www.rfi.fr/fr/afrique/rss", "https://humanglemedia.com/feed/"}
    assert feeds["https://humanglemedia.com/feed/"] == OutlineFeed(
        "https://humanglemedia.com/feed/", "HumAngle", "en", 60)
    wipe_database(db)
    assert sorted(import_opml(db, exported, default_interval=15, now=NOW).added) == sorted(feeds)


def test_default_sources_load_once(db: str) -> None:
    first = load_default_sources(db, default_interval=15, now=NOW)
    assert len(first.added) >= 30 and first.invalid == []
    second = load_default_sources(db, default_interval=15, now=NOW)
    assert second.added == [] and len(second.already_present) == len(first.added)
    with session_scope(db) as session:
        assert session.scalar(select(func.count()).select_from(Feed)) == len(first.added)
        languages = set(session.scalars(select(Feed.language)))
    assert languages == {"en", "fr"}
