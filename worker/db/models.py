"""Tables in the order of the flow: feed -> entry -> article -> event -> incident -> alert -> delivery.

Every table has a natural unique key so that re-running any step (at-least-once
delivery of tasks) writes nothing twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from worker.db.base import Base, JSONType, UTCDateTime, utcnow

ID = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements only INTEGER PRIMARY KEY


class Feed(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    name: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(8))
    interval_minutes: Mapped[int] = mapped_column(Integer, default=15)
    # active | error | suspended | paused
    status: Mapped[str] = mapped_column(String(16), default="active")
    last_error: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(128))
    last_polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_poll_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # ok | failing: source-health messages are sent once per change, not per poll.
    health: Mapped[str] = mapped_column(String(16), default="ok", server_default="ok")
    health_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Held while one worker polls the feed, so two workers never fetch it at once.
    poll_lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    entries: Mapped[list[Entry]] = relationship(back_populates="feed", passive_deletes=True)


class Entry(Base):
    """One item of a feed; `status` follows it through article processing."""

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("feed_id", "guid"),
        Index("ix_entries_status_seen", "status", "first_seen_at"),
    )

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    guid: Mapped[str] = mapped_column(String(1024))
    url: Mapped[str | None] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(UTCDateTime())
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # new | processing | done | failed
    status: Mapped[str] = mapped_column(String(16), default="new")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Until then the entry is someone's (a queued or running task); after it, the dispatcher re-enqueues it.
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"), index=True)

    feed: Mapped[Feed] = relationship(back_populates="entries")


SIMHASH_BAND_COLUMNS = tuple(f"simhash_band{i}" for i in range(7))  # worker.articles.neardup.BANDS


class Article(Base):
    __tablename__ = "articles"
    # (band, id): a near-copy lookup is an equality per band within the most recent ids.
    __table_args__ = tuple(Index(f"ix_articles_{column}", column, "id") for column in SIMHASH_BAND_COLUMNS)

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048))
    canonical_url: Mapped[str] = mapped_column(String(2048), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str | None] = mapped_column(String(8))
    published: Mapped[datetime | None] = mapped_column(UTCDateTime())
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    # 64-bit SimHash of the text, stored signed; near-identical wire copy from other outlets
    # lands within a few bits and is linked to this article instead of processed again.
    simhash: Mapped[int | None] = mapped_column(BigInteger, index=True)
    # The SimHash cut into 7 bands (worker.articles.neardup.bands): a near copy shares at least one.
    simhash_band0: Mapped[int | None] = mapped_column(SmallInteger)
    simhash_band1: Mapped[int | None] = mapped_column(SmallInteger)
    simhash_band2: Mapped[int | None] = mapped_column(SmallInteger)
    simhash_band3: Mapped[int | None] = mapped_column(SmallInteger)
    simhash_band4: Mapped[int | None] = mapped_column(SmallInteger)
    simhash_band5: Mapped[int | None] = mapped_column(SmallInteger)
    simhash_band6: Mapped[int | None] = mapped_column(SmallInteger)
    outlet: Mapped[str | None] = mapped_column(String(255))
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    relevant: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[float] = mapped_column(default=0.0)
    tagged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    events: Mapped[list[Event]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Event.ordinal"
    )


class Event(Base):
    """One event of the tagger's output (EVENT-SCHEMA.md) for an article."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("article_id", "ordinal"),)

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    primary: Mapped[bool] = mapped_column(Boolean, default=False)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    event_type: Mapped[str | None] = mapped_column(String(64))
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    event_date: Mapped[str | None] = mapped_column(String(10))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)

    article: Mapped[Article] = relationship(back_populates="events")


class Incident(Base):
    """What an analyst is alerted about; `key` decides which reports are the same incident."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(40), unique=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    review: Mapped[str] = mapped_column(String(16), default="unreviewed")
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    # The facts last announced to subscribers: an update is sent only when these move materially.
    announced: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    event_date: Mapped[str | None] = mapped_column(String(10), index=True)
    # Set when an admin merged this incident into another: it is hidden and its reports moved.
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("incidents.id", ondelete="SET NULL"))
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class IncidentReport(Base):
    """Which article event was merged into which incident: merging the same event twice is a no-op."""

    __tablename__ = "incident_reports"
    __table_args__ = (UniqueConstraint("article_id", "ordinal"),)

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Alert(Base):
    """A message about an incident or a source; `body` is exactly what a generic webhook receives."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("incident_id", "type", "revision"),)

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    revision: Mapped[int] = mapped_column(Integer, default=0)
    message_id: Mapped[str] = mapped_column(String(64), unique=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class WebhookEndpoint(Base):
    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    name: Mapped[str | None] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(32), default="generic")
    secret: Mapped[str] = mapped_column(String(255))
    # Filters evaluated by worker.alerts.rules: countries, event_types, min_fatalities.
    rules: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # Per-endpoint pacing (Slack takes about one message a second): a delivery due
    # earlier is rescheduled to this time through the database, not slept on.
    next_send_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Delivery(Base):
    """One alert to one endpoint; retried until it succeeds or the schedule runs out."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("alert_id", "endpoint_id"),
        Index("ix_deliveries_status_next", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"), index=True)
    endpoint_id: Mapped[int] = mapped_column(ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), index=True)
    # pending | sending | succeeded | failed
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Attempts made before an operator's retry: the retry schedule starts again from there.
    retry_from: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    attempt_log: Mapped[list[DeliveryAttempt]] = relationship(
        cascade="all, delete-orphan", order_by="DeliveryAttempt.attempt"
    )
    alert: Mapped[Alert] = relationship()
    endpoint: Mapped[WebhookEndpoint] = relationship()


class DeliveryAttempt(Base):
    __tablename__ = "delivery_attempts"
    __table_args__ = (UniqueConstraint("delivery_id", "attempt"),)

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), index=True)
    attempt: Mapped[int] = mapped_column(Integer)
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int | None] = mapped_column(Integer)


class Rescan(Base):
    """An admin's re-run of tagging over stored articles, with its progress."""

    __tablename__ = "rescans"

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    # {"since": iso, "until": iso, "feed_id": int, "country": "ML", "all": bool}
    selection: Mapped[dict[str, Any]] = mapped_column(JSONType)
    refetch: Mapped[bool] = mapped_column(Boolean, default=False)
    send_alerts: Mapped[bool] = mapped_column(Boolean, default=False)
    # queued | running | done | cancelled
    status: Mapped[str] = mapped_column(String(16), default="queued")
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class RescanItem(Base):
    """One article of a re-scan; done once even if its chunk task runs twice."""

    __tablename__ = "rescan_items"
    __table_args__ = (UniqueConstraint("rescan_id", "article_id"),)

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    rescan_id: Mapped[int] = mapped_column(ForeignKey("rescans.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    # pending | done | error
    status: Mapped[str] = mapped_column(String(16), default="pending")
    error: Mapped[str | None] = mapped_column(Text)
