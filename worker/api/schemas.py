"""Request and response bodies of the admin API: what clients may send, checked before any work."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from worker.admin.endpoints import KINDS

MAX_ID = 2**63 - 1  # the widest primary key (PostgreSQL BIGINT); larger ids cannot exist
# PostgreSQL refuses NUL in text and JSONB: say so at the door instead of failing in the database.
NO_NUL = r"^[^\x00]*$"

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Text = Annotated[str, Field(max_length=2048, pattern=NO_NUL)]
Word = Annotated[str, Field(min_length=1, max_length=200, pattern=NO_NUL)]
Country = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. ML.")]
Minutes = Annotated[int, Field(ge=1, le=10_080, description="Minutes between polls (at most a week).")]
Language = Literal["en", "fr"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# feeds ------------------------------------------------------------------------------------------

class FeedIn(Strict):
    url: Annotated[str, Field(min_length=1, max_length=2048, pattern=NO_NUL)]
    name: Annotated[str, Field(max_length=300, pattern=NO_NUL)] | None = None
    interval_minutes: Minutes | None = None
    language: Language | None = None


class FeedPatch(Strict):
    """Only the fields given change; `status` pauses a feed or puts it back in the schedule."""

    name: Annotated[str, Field(max_length=300, pattern=NO_NUL)] | None = None
    interval_minutes: Minutes | None = None
    language: Language | None = None
    status: Literal["active", "paused"] | None = None


class Feed(BaseModel):
    id: int
    url: str
    name: str | None
    language: str | None
    status: str
    last_error: str | None
    consecutive_failures: int
    last_polled_at: str | None
    next_poll_at: str | None
    interval_minutes: int
    entries: int


class FeedAdded(Feed):
    created: bool


class OpmlIn(Strict):
    opml: Annotated[str, Field(min_length=1, max_length=5_000_000, pattern=NO_NUL,
                               description="The OPML document as text.")]
    default_interval: Minutes | None = None


class OpmlReport(BaseModel):
    added: list[str]
    already_present: list[str]
    invalid: list[dict[str, str]]


# polls and re-scans -------------------------------------------------------------------------------

class PollIn(Strict):
    feed_ids: Annotated[list[Id], Field(max_length=1000)] = Field(
        default_factory=list, description="Feeds to poll now; empty: every active feed.")


class PollQueued(BaseModel):
    feed_ids: list[int]


class RescanIn(Strict):
    since: datetime | None = None
    until: datetime | None = None
    feed_id: Id | None = None
    country: Country | None = None
    all_articles: bool = Field(False, description="Every stored article, relevant or not.")
    refetch: bool = Field(False, description="Download the pages again before tagging.")
    send_alerts: bool = Field(False, description="Announce what the re-scan finds to subscribers.")


class Rescan(BaseModel):
    id: int
    status: str
    total: int
    done: int
    errors: int
    last_error: str | None = None
    selection: dict[str, Any]
    refetch: bool
    send_alerts: bool
    created_at: Any = None
    finished_at: Any = None


# incidents and alerts ------------------------------------------------------------------------------

class ReviewIn(Strict):
    review: Literal["unreviewed", "confirmed", "disputed", "false"]


class MergeIn(Strict):
    into: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^(inc_[0-9a-f]{1,36}|[0-9]{1,18})$",
                               description="The incident that keeps the reports (public id or number).")]


class SplitIn(Strict):
    article_ids: Annotated[list[Id], Field(min_length=1, max_length=500,
                                           description="Articles whose reports move to a new incident.")]


class CorrectionOut(BaseModel):
    incident: str = Field(description="The public id of the incident corrected (the target of a merge).")
    changed: bool = Field(description="False when the correction had already been made.")
    created: str | None = Field(None, description="The public id of the incident a split created.")
    changes: list[dict[str, Any]]
    deliveries: int = Field(description="Messages queued for subscribers.")


# subscriptions and deliveries --------------------------------------------------------------------

class Rules(Strict):
    countries: list[Word] | None = None
    regions: list[Word] | None = None
    event_types: list[Word] | None = None
    sub_event_types: list[Word] | None = None
    actors: list[Word] | None = None
    languages: list[Word] | None = None
    keywords: list[Word] | None = None
    min_fatalities: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    min_severity: Literal["low", "medium", "high", "critical"] | None = None
    incidents: bool | None = None
    source_health: bool | None = None


class SubscriptionIn(Strict):
    url: Annotated[str, Field(min_length=1, max_length=2048, pattern=NO_NUL)]
    name: Annotated[str, Field(max_length=255, pattern=NO_NUL)] | None = None
    kind: Literal[KINDS] | None = Field(None, description="Detected from the URL when left out.")  # type: ignore[valid-type]
    secret: Annotated[str, Field(max_length=255, pattern=NO_NUL)] | None = Field(
        None, description="whsec_ + base64; generated (and shown once) when left out.")
    rules: Rules = Field(default_factory=Rules)


class Subscription(BaseModel):
    id: int
    url: str = Field(description="Redacted: only the scheme and host are shown.")
    name: str | None
    kind: str
    enabled: bool
    disabled_reason: str | None
    rules: dict[str, Any]
    deliveries: dict[str, int]


class SubscriptionAdded(Subscription):
    created: bool
    secret: str | None = Field(None, description="The generated signing secret, returned this once only.")


class Delivery(BaseModel):
    id: int
    alert_type: str
    message_id: str
    endpoint_id: int
    endpoint: str
    status: str
    attempts: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: str | None
    delivered_at: str | None
    attempt_log: list[dict[str, Any]]


class Retried(BaseModel):
    delivery_ids: list[int]


# health ---------------------------------------------------------------------------------------------

class Health(BaseModel):
    status: Literal["ok", "unhealthy"]
    reasons: list[str]
    database: bool
    broker: bool
    queues: dict[str, int]
    last_successful_poll: str | None
