"""Feed and entry rows: add, claim due feeds, record poll outcomes, store new entries once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from worker.db.models import Entry, Feed
from worker.db.upsert import insert_ignore
from worker.feeds.parse import ParsedEntry
from worker.feeds.schedule import adaptive_interval, next_poll_after_failure, next_poll_after_throttle

ENQUEUED_LEASE = timedelta(minutes=2)  # default of the REQUEUE_AFTER setting
POLL_LEASE = timedelta(minutes=5)


class FeedError(ValueError):
    """A feed that cannot be added or found, said plainly."""


def validate_feed_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedError(f"not an http(s) URL: {url!r}")
    return url


def add_feed(
    session: Session, url: str, *, name: str | None, interval_minutes: int, language: str | None, now: datetime
) -> tuple[Feed, bool]:
    """Add a feed (due at once); return it and whether it was new. Adding twice is a no-op."""
    url = validate_feed_url(url)
    if interval_minutes < 1:
        raise FeedError("interval must be at least 1 minute")
    if language and language not in ("en", "fr"):
        raise FeedError(f"language must be en or fr, not {language!r}")
    row = dict(url=url, name=name, interval_minutes=interval_minutes, language=language, next_poll_at=now, status="active")
    inserted = insert_ignore(session, Feed, [row], ["url"])
    feed = session.scalars(select(Feed).where(Feed.url == url)).one()
    return feed, bool(inserted)


def claim_due_feeds(session: Session, now: datetime, limit: int = 500) -> list[int]:
    """Feeds due for a poll, each claimed by moving its next_poll_at (compare-and-set, so two
    schedulers never both claim one; works on SQLite, which ignores FOR UPDATE)."""
    query = (
        select(Feed.id, Feed.next_poll_at)
        .where(Feed.next_poll_at <= now, Feed.status.in_(("active", "error")))
        .order_by(Feed.next_poll_at)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)  # concurrent schedulers take disjoint rows
    return compare_and_set(session, Feed.id, Feed.next_poll_at, session.execute(query).all(), now + POLL_LEASE)


def compare_and_set(session: Session, id_column: Any, column: Any, seen: Sequence[Any], new_value: datetime) -> list[int]:
    """Move `column` to `new_value` on each (id, value seen) row still holding that value;
    the ids won are this caller's alone, whatever other schedulers do at the same time."""
    won = []
    for row_id, value in seen:
        result = session.execute(update(id_column.class_).where(id_column == row_id, column == value)
                                 .values({column.key: new_value}))
        if result.rowcount == 1:
            won.append(row_id)
    return won


def claim_poll(session: Session, feed_id: int, now: datetime, lease: timedelta) -> bool:
    """Take the feed for one poll; False if another worker is polling it or it is not active."""
    result = session.execute(
        update(Feed)
        .where(
            Feed.id == feed_id,
            Feed.status.in_(("active", "error")),
            (Feed.poll_lease_until.is_(None)) | (Feed.poll_lease_until <= now),
        )
        .values(poll_lease_until=now + lease)
    )
    return result.rowcount == 1


def postpone_poll(session: Session, feed_id: int, when: datetime) -> None:
    """Release the poll lease and try again at `when`, counting no failure."""
    session.execute(update(Feed).where(Feed.id == feed_id).values(poll_lease_until=None, next_poll_at=when))


def release_entry(session: Session, entry_id: int, when: datetime, reason: str) -> None:
    """Give the entry back (the attempt it took does not count) to be retried at `when`."""
    session.execute(update(Entry).where(Entry.id == entry_id, Entry.status == "processing").values(
        status="new", attempts=Entry.attempts - 1, lease_until=when, last_error=reason[:2000]))


def recent_item_times(session: Session, feed_id: int, limit: int = 50) -> list[datetime]:
    """When the feed's latest items appeared (published date, else first seen): its rhythm."""
    rows = session.execute(
        select(Entry.published, Entry.first_seen_at).where(Entry.feed_id == feed_id)
        .order_by(Entry.first_seen_at.desc()).limit(limit)
    ).all()
    return [published or seen for published, seen in rows]


def record_success(
    session: Session, feed: Feed, now: datetime, *, etag: str | None, last_modified: str | None, warning: str | None,
    recent: list[datetime], shortest: int, longest: int,
) -> None:
    feed.poll_lease_until = None
    feed.last_polled_at = now
    feed.last_success_at = now
    feed.consecutive_failures = 0
    feed.status = "active"
    feed.last_error = warning
    if etag is not None:
        feed.etag = etag[:512]
    if last_modified is not None:
        feed.last_modified = last_modified[:128]
    interval = adaptive_interval(recent, now, preferred=feed.interval_minutes,
                                 shortest=shortest, longest=longest)
    feed.next_poll_at = now + timedelta(minutes=interval)


def record_failure(
    session: Session, feed: Feed, now: datetime, error: str, *, max_failures: int, retry_after: float | None = None
) -> None:
    """Keep the reason in words, back off (or obey Retry-After), suspend after too many failures in a row."""
    feed.poll_lease_until = None
    feed.last_polled_at = now
    feed.consecutive_failures += 1
    feed.last_error = error[:2000]
    if feed.consecutive_failures >= max_failures:
        feed.status = "suspended"
        feed.last_error = f"suspended after {feed.consecutive_failures} failures in a row; last: {error}"[:2000]
    else:
        feed.status = "error"
    backoff = next_poll_after_failure(now, feed.interval_minutes, feed.consecutive_failures)
    feed.next_poll_at = next_poll_after_throttle(now, retry_after, backoff)


def store_entries(session: Session, feed_id: int, entries: Sequence[ParsedEntry], now: datetime,
                  requeue_after: timedelta = ENQUEUED_LEASE) -> list[int]:
    """Insert entries not seen before (by feed and GUID); return the new ids only."""
    rows = {}
    for e in entries:  # a feed may repeat a GUID within one document
        rows.setdefault(
            e.guid,
            dict(
                feed_id=feed_id, guid=e.guid, url=e.url, title=e.title, summary=e.summary,
                published=e.published, first_seen_at=now, status="new", attempts=0,
                lease_until=now + requeue_after,
            ),
        )
    return insert_ignore(session, Entry, list(rows.values()), ["feed_id", "guid"])


@dataclass(frozen=True)
class ClaimedEntry:
    id: int
    url: str | None
    title: str | None
    summary: str | None
    published: datetime | None
    feed_language: str | None
    attempts: int


# The entry and its feed's language in one round trip; built once (building it cost more than running it).
_ENTRY_AND_LANGUAGE = select(Entry, Feed.language).outerjoin(Feed, Feed.id == Entry.feed_id).where(
    Entry.id == bindparam("entry_id"))
_FINISH_ENTRY = (
    update(Entry).where(Entry.id == bindparam("entry_id"))
    .values(status="done", article_id=bindparam("done_article_id"), processed_at=bindparam("done_at"),
            lease_until=None, last_error=None)
    .execution_options(synchronize_session=False)
)


def claim_entry(session: Session, entry_id: int, now: datetime, lease: timedelta, max_attempts: int) -> ClaimedEntry | None:
    """Take an entry for processing, or None if it is done, gone, or held by a live task.

    A task re-delivered after its worker died finds the lease still held and leaves;
    the dispatcher re-enqueues the entry once the lease expires. Attempts are counted
    so a page that kills the worker is given up after `max_attempts`.
    """
    loaded = session.execute(_ENTRY_AND_LANGUAGE, {"entry_id": entry_id}).first()
    if loaded is None:
        return None
    entry, feed_language = loaded
    if entry.status in ("done", "failed"):
        return None
    if entry.status == "processing" and entry.lease_until and entry.lease_until > now:
        return None
    if entry.attempts >= max_attempts:
        entry.status = "failed"
        entry.last_error = f"gave up after {entry.attempts} attempts: {entry.last_error or 'the worker stopped while processing it'}"
        entry.processed_at = now
        return None
    attempt = entry.attempts + 1
    result = session.execute(
        update(Entry)
        .where(Entry.id == entry_id, Entry.status == entry.status, Entry.attempts == entry.attempts)
        .values(status="processing", attempts=attempt, lease_until=now + lease)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return None
    return ClaimedEntry(entry.id, entry.url, entry.title, entry.summary, entry.published, feed_language, attempt)


def finish_entry(session: Session, entry_id: int, now: datetime, *, article_id: int | None) -> None:
    session.execute(_FINISH_ENTRY, {"entry_id": entry_id, "done_article_id": article_id, "done_at": now})


def fail_entry(session: Session, entry_id: int, now: datetime, error: str, *, final: bool, retry_at: datetime) -> None:
    """Record why; a final failure stops here, another attempt is left to the dispatcher."""
    values: dict[str, object] = {"last_error": error[:2000]}
    if final:
        values.update(status="failed", processed_at=now, lease_until=None)
    else:
        values.update(status="new", lease_until=retry_at)
    session.execute(update(Entry).where(Entry.id == entry_id).values(**values))


def stale_entry_ids(session: Session, now: datetime, limit: int = 500,
                    requeue_after: timedelta = ENQUEUED_LEASE) -> list[int]:
    """Entries whose message was lost or whose worker died: re-enqueued by the dispatcher."""
    rows = session.execute(
        select(Entry.id, Entry.lease_until)
        .where(Entry.status.in_(("new", "processing")), Entry.lease_until <= now)
        .limit(limit)
    ).all()
    taken = compare_and_set(session, Entry.id, Entry.lease_until, rows, now + requeue_after)
    if taken:
        # A `processing` entry whose lease ran out belonged to a task that died: it is new again,
        # so the re-sent task may claim it (its attempt still counts against MAX_ARTICLE_ATTEMPTS).
        session.execute(update(Entry).where(Entry.id.in_(taken), Entry.status == "processing").values(status="new"))
    return taken
