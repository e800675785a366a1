"""Article and event rows: one article per canonical URL, and per content hash across outlets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from worker.db.models import SIMHASH_BAND_COLUMNS, Article, Event
from worker.articles.neardup import MIN_BODY_WORDS, bands, body_tokens, find_near_duplicate
from worker.db.upsert import insert_ignore


# Hot statements are built once with bound parameters: building one per call cost more than running it.
_SAME_TEXT = select(Article.id).where(Article.content_hash == bindparam("digest")).limit(1)
_NEAR_COPIES = (
    select(Article.id, Article.simhash)
    .where(or_(*(getattr(Article, column) == bindparam(column) for column in SIMHASH_BAND_COLUMNS)),
           Article.id > select(func.max(Article.id)).scalar_subquery() - bindparam("recent"))
    .order_by(Article.id.desc())
)


@dataclass(frozen=True)
class StoredArticle:
    id: int
    created: bool  # False when the same story was already stored: nothing downstream runs again


def store_article(
    session: Session,
    *,
    url: str,
    canonical: str,
    title: str | None,
    text: str,
    language: str,
    published: datetime | None,
    digest: str,
    fingerprint: int | None,
    outlet: str,
    tagged: dict[str, Any],
    now: datetime,
) -> StoredArticle:
    """Insert the article with its events, unless its URL or its exact text is already stored."""
    same_text = session.scalars(_SAME_TEXT, {"digest": digest}).first()
    if same_text is not None:
        return StoredArticle(same_text, False)
    row = dict(
        url=url, canonical_url=canonical, title=title, text=text, language=language, published=published,
        content_hash=digest, simhash=fingerprint, outlet=outlet, fetched_at=now, relevant=bool(tagged.get("relevant")),
        score=float(tagged.get("score") or 0.0), tagged_at=now, **band_columns(fingerprint),
    )
    inserted = insert_ignore(session, Article, [row], ["canonical_url"])
    if not inserted:
        existing = session.scalars(select(Article.id).where(Article.canonical_url == canonical)).one()
        return StoredArticle(existing, False)
    article_id = inserted[0]
    events = [
        dict(
            article_id=article_id, ordinal=i, primary=bool(ev.get("primary")), country=ev.get("country"),
            event_type=ev.get("event_type"), sub_event_type=ev.get("sub_event_type"),
            event_date=(ev.get("date") or None) and str(ev["date"])[:10], fatalities=ev.get("fatalities"), data=ev,
        )
        for i, ev in enumerate(tagged.get("events") or [])
    ]
    insert_ignore(session, Event, events, ["article_id", "ordinal"])
    return StoredArticle(article_id, True)


def band_columns(fingerprint: int | None) -> dict[str, int | None]:
    """The article's simhash_band* values; all None for no fingerprint or an empty one."""
    values = bands(fingerprint) if fingerprint is not None else None
    return dict(zip(SIMHASH_BAND_COLUMNS, values or [None] * len(SIMHASH_BAND_COLUMNS)))


def near_duplicate_of(session: Session, fingerprint: int, text: str, recent: int = 5000) -> int | None:
    """The stored article this text is a near copy of (syndicated wire copy), if any.

    Only articles sharing a SimHash band can be within reach (see neardup.BAND_WIDTHS), so
    the band indexes fetch those few and they alone are compared bit by bit. The search keeps
    to the `recent` latest article ids, as wire copy is reprinted within days; two copies
    processed at the same instant may both be kept, and their events then merge into one
    incident anyway.
    """
    if len(body_tokens(text)) < MIN_BODY_WORDS:
        return None  # a stub or summary is too short to judge
    values = bands(fingerprint)
    if values is None:
        return None
    rows = session.execute(_NEAR_COPIES, dict(zip(SIMHASH_BAND_COLUMNS, values), recent=recent))
    return find_near_duplicate(fingerprint, ((row.id, row.simhash) for row in rows))
