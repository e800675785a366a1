"""The recipes, read top to bottom: refresh_feed, process_entry, deliver, dispatch.

Each loads what it needs in a short transaction, does network work with no
transaction open, then writes its results idempotently. Tasks call these and
enqueue the ids they return.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from celery.exceptions import SoftTimeLimitExceeded

from worker.alerts.store import alert_incident, alert_source
from worker.articles.canonical import canonical_url, content_hash, outlet
from worker.articles.extract import Extracted, extract_article
from worker.articles.language import guess_language
from worker.articles.text import without_title
from worker.articles.neardup import simhash
from worker.articles.store import band_columns, near_duplicate_of, store_article
from worker.db.models import Article, Feed, Incident, IncidentReport
from worker.db.session import session_scope
from worker.delivery import policy
from worker.delivery.dispatch import pacing_delay, send
from worker.delivery.store import Paced, claim_delivery, due_delivery_ids, record_attempt
from worker.feeds import store as feeds
from worker.feeds.parse import parse_feed
from worker.feeds.schedule import silence
from worker import instruments as metric
from worker.incidents.build import iso
from worker.incidents.key import MatchPolicy
from worker.incidents.store import UpdatePolicy, record_report
from worker.net.fetch import fetch
from worker.net.guard import FetchError
from worker.net.politeness import HostBusy
from worker.settings import Settings
from worker.tagging import tag_article

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class PollOutcome:
    feed_id: int
    new_entry_ids: list[int] = field(default_factory=list)
    error: str | None = None
    not_modified: bool = False
    delivery_ids: list[int] = field(default_factory=list)


def refresh_feed(settings: Settings, feed_id: int) -> PollOutcome:
    """feed -> new entries. A failure is stored on the feed in words and never raises."""
    lease = timedelta(seconds=settings.total_timeout + 60)
    with session_scope(settings.database_url) as session:
        if not feeds.claim_poll(session, feed_id, utcnow(), lease):
            return PollOutcome(feed_id, error="feed is being polled by another worker, or is not active")
        feed = session.get(Feed, feed_id)
        assert feed is not None
        url, etag, last_modified = feed.url, feed.etag, feed.last_modified
    retry_after = None
    started = time.monotonic()
    try:
        result = fetch(url, settings, max_bytes=settings.max_feed_bytes, etag=etag, last_modified=last_modified, accept=FEED_ACCEPT)
        metric.FETCH_SECONDS.labels("feed").observe(time.monotonic() - started)
        if result.status >= 400:
            if result.status in (429, 503):
                retry_after = policy.retry_after_seconds(result.headers.get("retry-after"), utcnow())
            raise FetchError(_http_error(result.status, url, retry_after))
        parsed = None if result.not_modified else parse_feed(result.content, result.headers, now=utcnow())
    except HostBusy:  # the outlet is busy with our other requests: not the feed's fault
        with session_scope(settings.database_url) as session:
            feeds.postpone_poll(session, feed_id, utcnow() + timedelta(minutes=random.uniform(1, 3)))
        return PollOutcome(feed_id, error="host busy; poll postponed")
    except FetchError as exc:
        delivery_ids: list[int] = []
        with session_scope(settings.database_url) as session:
            feed = session.get(Feed, feed_id)
            if feed is not None:
                now = utcnow()
                feeds.record_failure(session, feed, now, str(exc), max_failures=settings.max_feed_failures,
                                     retry_after=retry_after)
                delivery_ids = _source_health(session, settings, feed, now, failing=False)
        metric.POLLS.labels("error").inc()
        return PollOutcome(feed_id, error=str(exc), delivery_ids=delivery_ids)
    now = utcnow()
    with session_scope(settings.database_url) as session:
        feed = session.get(Feed, feed_id)
        if feed is None:
            return PollOutcome(feed_id, error="feed was removed during the poll")
        # A 304 costs no parsing and no writes but the poll record.
        new_ids = [] if parsed is None else feeds.store_entries(session, feed_id, parsed.entries, now,
                                                                 timedelta(seconds=settings.requeue_after))
        recent = feeds.recent_item_times(session, feed_id)
        feeds.record_success(
            session, feed, now, etag=result.headers.get("etag"), last_modified=result.headers.get("last-modified"),
            warning=parsed.warning if parsed else feed.last_error if feed.consecutive_failures == 0 else None,
            recent=recent, shortest=settings.min_poll_minutes, longest=settings.max_poll_minutes,
        )
        silent = silence(recent, now, factor=settings.source_silence_factor)
        if silent:
            feed.last_error = silent
        delivery_ids = _source_health(session, settings, feed, now, failing=bool(silent))
    metric.POLLS.labels("not_modified" if parsed is None else "ok").inc()
    return PollOutcome(feed_id, new_ids, not_modified=parsed is None, delivery_ids=delivery_ids)


def _source_health(session: Session, settings: Settings, feed: Feed, now: datetime, *, failing: bool) -> list[int]:
    """One source.failing when a feed breaks or falls silent, one source.recovered when it is back:
    analysts must know when they are blind."""
    failing = failing or feed.consecutive_failures >= settings.source_failing_after
    if failing and feed.health == "ok":
        feed.health, feed.health_changed_at = "failing", now
        metric.ALERTS.labels("source.failing").inc()
        return alert_source(session, feed, "source.failing", now)
    if not failing and feed.health == "failing":
        feed.health, feed.health_changed_at = "ok", now
        metric.ALERTS.labels("source.recovered").inc()
        return alert_source(session, feed, "source.recovered", now)
    return []


def _http_error(status: int, url: str, retry_after: float | None) -> str:
    message = f"HTTP {status} from {url}"
    if retry_after is not None:
        message += f"; the server asked to retry after {retry_after:g} s"
    return message


@dataclass
class EntryOutcome:
    entry_id: int
    article_id: int | None = None
    relevant: bool = False
    delivery_ids: list[int] = field(default_factory=list)
    error: str | None = None
    skipped: bool = False


def process_entry(settings: Settings, entry_id: int) -> EntryOutcome:
    """entry -> article -> events -> incident -> alert -> deliveries, in one task."""
    # The hard time limit ends any attempt before its lease runs out; then another worker may take it.
    lease = timedelta(seconds=settings.article_time_limit + 15)
    with session_scope(settings.database_url) as session:
        entry = feeds.claim_entry(session, entry_id, utcnow(), lease, settings.max_article_attempts)
    if entry is None:
        return EntryOutcome(entry_id, skipped=True)
    try:
        if not entry.url:
            raise FetchError("feed item has no link to an article")
        started = time.monotonic()
        page = fetch(entry.url, settings, max_bytes=settings.max_page_bytes, accept=PAGE_ACCEPT, respect_robots=True)
        metric.FETCH_SECONDS.labels("page").observe(time.monotonic() - started)
        if page.status >= 400:
            raise FetchError(f"HTTP {page.status} from {entry.url}")
        extracted = extract_article(page.content, page.url, settings.max_page_bytes,
                                    content_type=page.headers.get("content-type"), dated=entry.published is not None)
    except SoftTimeLimitExceeded:
        return _entry_failed(settings, entry, f"took longer than the {int(settings.article_time_limit * 0.8)} s time limit")
    except HostBusy as exc:  # try again later without using up an attempt
        with session_scope(settings.database_url) as session:
            feeds.release_entry(session, entry_id, utcnow() + timedelta(minutes=random.uniform(1, 3)), str(exc))
        return EntryOutcome(entry_id, error=str(exc))
    except FetchError as exc:
        return _entry_failed(settings, entry, str(exc))
    try:
        return _store_tagged(settings, entry, page.url, extracted)
    except Exception as exc:  # a tagger or storage bug must cost one entry, not the worker
        log.exception("entry %s failed after extraction", entry_id)
        return _entry_failed(settings, entry, f"internal error while tagging or storing: {exc!r}")


def _entry_failed(settings: Settings, entry: feeds.ClaimedEntry, error: str) -> EntryOutcome:
    """Record why; retry later with backoff unless this was the last attempt."""
    metric.ARTICLES.labels("error").inc()
    now = utcnow()
    final = entry.attempts >= settings.max_article_attempts
    retry_at = now + timedelta(minutes=2 ** entry.attempts) * random.uniform(0.8, 1.2)
    with session_scope(settings.database_url) as session:
        feeds.fail_entry(session, entry.id, now, error, final=final, retry_at=retry_at)
    return EntryOutcome(entry.id, error=error)


def _store_tagged(settings: Settings, entry: feeds.ClaimedEntry, url: str, extracted: Extracted) -> EntryOutcome:
    entry_id = entry.id
    now = utcnow()
    published = entry.published or extracted.published or now
    language = guess_language(extracted.text, entry.feed_language or extracted.language_hint)
    title = entry.title or extracted.title
    body = without_title(extracted.text, entry.title, extracted.title)
    fingerprint = simhash(body)
    with session_scope(settings.database_url) as session:
        original = near_duplicate_of(session, fingerprint, body)
        if original is not None:  # the same story from another outlet: linked, not processed again
            feeds.finish_entry(session, entry_id, now, article_id=original)
    if original is not None:
        metric.ARTICLES.labels("duplicate").inc()
        return EntryOutcome(entry_id, original, skipped=True)
    started = time.monotonic()
    tagged = tag_article(
        {"id": str(entry_id), "title": title or "", "text": body, "published": published.isoformat(),
         "url": url, "language": language}
    )
    metric.TAGGING_SECONDS.observe(time.monotonic() - started)
    canonical = canonical_url(url, extracted.canonical)
    with session_scope(settings.database_url) as session:
        stored = store_article(
            session, url=url, canonical=canonical, title=title, text=extracted.text, language=language,
            published=published, digest=content_hash(extracted.text), fingerprint=fingerprint, outlet=outlet(canonical),
            tagged=tagged, now=now,
        )
        delivery_ids: list[int] = []
        if stored.created and tagged.get("relevant"):
            source = {"url": canonical, "title": title, "outlet": outlet(canonical), "published": iso(published),
                      "language": language}
            context = {"language": language, "text": extracted.text}
            delivery_ids = _merge_and_alert(session, settings, stored.id, tagged, source, context, now)
        feeds.finish_entry(session, entry_id, now, article_id=stored.id)
    metric.ARTICLES.labels("duplicate" if not stored.created else "relevant" if tagged.get("relevant") else "irrelevant").inc()
    return EntryOutcome(entry_id, stored.id, bool(tagged.get("relevant")), delivery_ids)


def _merge_and_alert(
    session: Session, settings: Settings, article_id: int, tagged: dict[str, Any], source: dict[str, Any],
    context: dict[str, Any], now: datetime, *, announce: bool = True,
) -> list[int]:
    """events -> incident -> alert: a new incident is announced, a merged report only when facts moved.

    With `announce` off (a re-scan without --alert) incidents are recorded silently."""
    match = MatchPolicy(settings.incident_window_days, settings.incident_distance_km)
    update = UpdatePolicy(settings.update_min_toll_change, settings.update_min_toll_ratio)
    delivery_ids: list[int] = []
    for ordinal, event in enumerate(tagged.get("events") or []):
        if not event.get("primary"):
            continue  # background incidents are recorded with the article, not alerted
        outcome = record_report(session, article_id=article_id, ordinal=ordinal, event=event, source=source, now=now,
                                match=match, update=update)
        incident = session.get(Incident, outcome.incident_id) if outcome.incident_id else None
        if incident is None or not announce:
            continue
        if outcome.created:
            delivery_ids += alert_incident(session, incident, "incident.created", now, context=context)
            metric.INCIDENTS.labels("created").inc()
            metric.ALERTS.labels("incident.created").inc()
        elif outcome.changes:
            delivery_ids += alert_incident(session, incident, "incident.updated", now, changes=outcome.changes,
                                           context=context)
            metric.INCIDENTS.labels("updated").inc()
            metric.ALERTS.labels("incident.updated").inc()
    return delivery_ids


@dataclass
class DeliveryOutcome:
    delivery_id: int
    outcome: str  # succeeded | retry | failed | gone | skipped
    retry_in: float | None = None


def deliver(settings: Settings, delivery_id: int) -> DeliveryOutcome:
    """One send; the attempt is recorded whatever happens and the alert stays stored."""
    lease = timedelta(seconds=settings.webhook_timeout + 60)
    with session_scope(settings.database_url) as session:
        claimed = claim_delivery(session, delivery_id, utcnow(), lease)
    if claimed is None:
        return DeliveryOutcome(delivery_id, "skipped")
    if isinstance(claimed, Paced):
        return DeliveryOutcome(delivery_id, "retry", claimed.delay)
    sent = send(claimed, settings)
    now = utcnow()
    retry_after = policy.retry_after_seconds(sent.retry_after, now)
    verdict = policy.decide(
        sent.status, claimed.attempt - claimed.retry_from, list(settings.webhook_retry_schedule), retry_after=retry_after,
    )
    pause = pacing_delay(claimed.kind, sent, retry_after)
    with session_scope(settings.database_url) as session:
        record_attempt(session, claimed, now, status_code=sent.status, error=sent.error,
                       duration_ms=sent.duration_ms, verdict=verdict,
                       pause_endpoint_until=now + timedelta(seconds=pause) if pause > 0 else None)
    metric.DELIVERIES.labels(verdict.outcome, claimed.kind).inc()
    return DeliveryOutcome(delivery_id, verdict.outcome, verdict.delay)


def rescan_chunk(settings: Settings, rescan_id: int, article_ids: list[int]) -> list[int]:
    """Re-tag stored articles (re-fetching them on request); returns deliveries to enqueue."""
    from worker.admin.rescans import finish_item, pending_items, replace_events, rescan_status

    status = rescan_status(settings.database_url, rescan_id)
    if status is None:
        return []
    delivery_ids: list[int] = []
    for article_id in pending_items(settings.database_url, rescan_id, article_ids):
        if (rescan_status(settings.database_url, rescan_id) or {}).get("status") != "running":
            break  # cancelled while this chunk ran
        try:
            delivery_ids += _rescan_article(settings, rescan_id, article_id, status["refetch"], status["send_alerts"],
                                            finish_item, replace_events)
        except Exception as exc:  # one bad article must not stop the re-scan
            log.exception("re-scan %s: article %s failed", rescan_id, article_id)
            with session_scope(settings.database_url) as session:
                finish_item(session, rescan_id, article_id, f"{type(exc).__name__}: {exc}"[:2000], utcnow())
    return delivery_ids


def _rescan_article(settings: Settings, rescan_id: int, article_id: int, refetch: bool, announce: bool,
                    finish_item: Any, replace_events: Any) -> list[int]:
    with session_scope(settings.database_url) as session:
        article = session.get(Article, article_id)
        if article is None:
            finish_item(session, rescan_id, article_id, "article no longer stored", utcnow())
            return []
        url, title, text, language, published = article.url, article.title, article.text, article.language, article.published
        outlet_name = article.outlet
        canonical = article.canonical_url
    if refetch:
        page = fetch(url, settings, max_bytes=settings.max_page_bytes, accept=PAGE_ACCEPT, respect_robots=True)
        if page.status >= 400:
            raise FetchError(f"HTTP {page.status} from {url}")
        extracted = extract_article(page.content, page.url, settings.max_page_bytes,
                                    content_type=page.headers.get("content-type"), dated=published is not None)
        text = without_title(extracted.text, title, extracted.title)
    when = published or utcnow()
    tagged = tag_article({"id": str(article_id), "title": title or "", "text": text, "published": when.isoformat(),
                          "url": url, "language": language})
    now = utcnow()
    with session_scope(settings.database_url) as session:
        if refetch:
            fingerprint = simhash(text)
            session.execute(update(Article).where(Article.id == article_id).values(
                text=text, content_hash=content_hash(text), simhash=fingerprint, fetched_at=now,
                **band_columns(fingerprint)))
        changed = replace_events(session, article_id, tagged, now)
        delivery_ids = _rebuild_reported(session, article_id, now, announce=announce) if changed else []
        if tagged.get("relevant"):
            source = {"url": canonical, "title": title, "outlet": outlet_name, "published": iso(published),
                      "language": language}
            delivery_ids += _merge_and_alert(session, settings, article_id, tagged, source,
                                             {"language": language, "text": text}, now, announce=announce)
        finish_item(session, rescan_id, article_id, None, now)
    return delivery_ids


def _rebuild_reported(session: Session, article_id: int, now: datetime, *, announce: bool) -> list[int]:
    """Incidents this article already reports on are rebuilt from their reports' new events;
    an analyst hears of it (with --alert) only when the facts moved."""
    from worker.incidents.rebuild import rebuild, record_changes
    from worker.incidents.review import announce_update

    delivery_ids: list[int] = []
    incident_ids = session.scalars(select(IncidentReport.incident_id).where(IncidentReport.article_id == article_id))
    for incident in [session.get(Incident, i) for i in set(incident_ids)]:
        if incident is None or incident.merged_into is not None:
            continue
        before = dict(incident.data)
        after = rebuild(session, incident, now)
        changes = record_changes(before, after) if after else []
        if changes and announce:
            delivery_ids += announce_update(session, incident, changes, now)
    return delivery_ids


@dataclass
class DispatchOutcome:
    feed_ids: list[int]
    entry_ids: list[int]
    delivery_ids: list[int]


def dispatch(settings: Settings) -> DispatchOutcome:
    """Every minute: claim due feeds, and re-find entries and deliveries whose message was lost."""
    now = utcnow()
    with session_scope(settings.database_url) as session:
        feed_ids = feeds.claim_due_feeds(session, now)
    with session_scope(settings.database_url) as session:
        entry_ids = feeds.stale_entry_ids(session, now, requeue_after=timedelta(seconds=settings.requeue_after))
    with session_scope(settings.database_url) as session:
        delivery_ids = due_delivery_ids(session, now)
    return DispatchOutcome(feed_ids, entry_ids, delivery_ids)
