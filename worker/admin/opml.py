"""Feed lists in and out of the database as OPML, and the bundled default Sahel sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources

from sqlalchemy import select

from worker.db.models import Feed
from worker.db.session import session_scope
from worker.feeds.opml import OutlineFeed, parse_opml, render_opml
from worker.feeds.store import FeedError, add_feed

DEFAULT_SOURCES = "sahel-sources.opml"
MAX_URL_LENGTH = 2048  # the width of feeds.url


@dataclass
class ImportReport:
    """What an import did: URLs added, URLs already there, and URLs refused with the reason."""

    added: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.already_present)} already present, "
                f"{len(self.invalid)} invalid")


def import_feeds(
    database_url: str, feeds: list[OutlineFeed], *, default_interval: int, now: datetime
) -> ImportReport:
    """Add each feed (adding twice is a no-op); a bad URL is reported, not fatal to the others."""
    report = ImportReport()
    with session_scope(database_url) as session:
        for feed in feeds:
            if len(feed.url) > MAX_URL_LENGTH:
                report.invalid.append((feed.url, f"the URL is longer than {MAX_URL_LENGTH:,} characters"))
                continue
            try:
                row, created = add_feed(
                    session, feed.url, name=feed.title, language=feed.language,
                    interval_minutes=feed.interval_minutes or default_interval, now=now,
                )
            except FeedError as exc:
                report.invalid.append((feed.url, str(exc)))
                continue
            (report.added if created else report.already_present).append(row.url)
    return report


def import_opml(database_url: str, data: bytes, *, default_interval: int, now: datetime) -> ImportReport:
    """Add the feeds of an OPML document; raises OpmlError when the document itself is unreadable."""
    return import_feeds(database_url, parse_opml(data), default_interval=default_interval, now=now)


def export_opml(database_url: str, *, title: str = "sahelwatch feeds", now: datetime | None = None) -> bytes:
    """Every feed, suspended ones included, as OPML 2.0 that `import_opml` (or a feed reader) reads."""
    with session_scope(database_url) as session:
        rows = session.execute(
            select(Feed.url, Feed.name, Feed.language, Feed.interval_minutes).order_by(Feed.id)
        ).all()
    feeds = [OutlineFeed(url=url, title=name, language=language, interval_minutes=interval)
             for url, name, language, interval in rows]
    return render_opml(feeds, title, created=now)


def default_sources() -> bytes:
    """The curated Sahel source list shipped inside the package (see feeds/data/SOURCES.md)."""
    return resources.files("worker.feeds").joinpath("data").joinpath(DEFAULT_SOURCES).read_bytes()


def load_default_sources(database_url: str, *, default_interval: int, now: datetime) -> ImportReport:
    """Add the bundled sources; run again after an upgrade to pick up new ones, nothing doubles."""
    return import_opml(database_url, default_sources(), default_interval=default_interval, now=now)
