"""Re-scans: re-run tagging over stored articles after the gazetteer, actors or rules changed.

The selection is frozen into rescan_items when the re-scan starts; chunks of items are
processed by tasks on the `admin` queue, each item once (its status), so a chunk run
twice, or a whole re-scan run twice, leaves the same state.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update

from worker.db.base import utcnow
from worker.db.models import Article, Entry, Event, Rescan, RescanItem
from worker.db.session import session_scope
from worker.db.upsert import insert_ignore
from worker.incidents.build import iso
from worker.settings import Settings

CHUNK = 50


class RescanError(ValueError):
    pass


def select_articles(database_url: str, *, since: datetime | None, until: datetime | None, feed_id: int | None,
                    country: str | None, all_articles: bool) -> list[int]:
    if not (all_articles or since or until or feed_id or country):
        raise RescanError("choose what to re-scan: --since, --until, --feed, --country or --all")
    query = select(Article.id).order_by(Article.id)
    if since:
        query = query.where(Article.fetched_at >= since)
    if until:
        query = query.where(Article.fetched_at < until)
    if feed_id:
        query = query.where(Article.id.in_(select(Entry.article_id).where(Entry.feed_id == feed_id)))
    if country:
        query = query.where(Article.id.in_(select(Event.article_id).where(Event.country == country.upper())))
    with session_scope(database_url) as session:
        return list(session.scalars(query))


def create_rescan(settings: Settings, *, since: datetime | None = None, until: datetime | None = None,
                  feed_id: int | None = None, country: str | None = None, all_articles: bool = False,
                  refetch: bool = False, send_alerts: bool = False) -> tuple[int, list[list[int]]]:
    """Record the re-scan and its items; return its id and the chunks of article ids to enqueue."""
    ids = select_articles(settings.database_url, since=since, until=until, feed_id=feed_id, country=country,
                          all_articles=all_articles)
    selection = {"since": iso(since), "until": iso(until), "feed_id": feed_id, "country": country, "all": all_articles}
    with session_scope(settings.database_url) as session:
        rescan = Rescan(selection=selection, refetch=refetch, send_alerts=send_alerts, total=len(ids),
                        status="running" if ids else "done", finished_at=None if ids else utcnow())
        session.add(rescan)
        session.flush()
        for start in range(0, len(ids), 1000):
            insert_ignore(session, RescanItem, [dict(rescan_id=rescan.id, article_id=a, status="pending")
                                                for a in ids[start:start + 1000]], ["rescan_id", "article_id"])
        rescan_id = rescan.id
    return rescan_id, [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


def start_rescan(settings: Settings, *, since: datetime | None = None, until: datetime | None = None,
                 feed_id: int | None = None, country: str | None = None, all_articles: bool = False,
                 refetch: bool = False, send_alerts: bool = False) -> int:
    """Create the re-scan and enqueue its chunks on the admin queue."""
    from worker.admin.processes import broker
    from worker.app import make_celery

    rescan_id, chunks = create_rescan(settings, since=since, until=until, feed_id=feed_id, country=country,
                                      all_articles=all_articles, refetch=refetch, send_alerts=send_alerts)
    if chunks:
        with broker(settings) as url:
            app = make_celery(settings, broker=url)
            for chunk in chunks:
                app.send_task("sahelwatch.rescan_chunk", args=[rescan_id, chunk])
    return rescan_id


def rescan_status(database_url: str, rescan_id: int) -> dict[str, Any] | None:
    with session_scope(database_url) as session:
        r = session.get(Rescan, rescan_id)
        if r is None:
            return None
        return {"id": r.id, "status": r.status, "total": r.total, "done": r.done, "errors": r.errors,
                "last_error": r.last_error, "selection": r.selection, "refetch": r.refetch,
                "send_alerts": r.send_alerts, "created_at": iso(r.created_at), "finished_at": iso(r.finished_at)}


def cancel_rescan(database_url: str, rescan_id: int) -> bool:
    """Stop a running re-scan: chunks not yet processed are skipped. False if it was not running."""
    with session_scope(database_url) as session:
        result = session.execute(update(Rescan).where(Rescan.id == rescan_id, Rescan.status.in_(("queued", "running")))
                                 .values(status="cancelled", finished_at=utcnow()))
        return result.rowcount == 1


def pending_items(database_url: str, rescan_id: int, article_ids: list[int]) -> list[int]:
    """The chunk's articles still to do, or none when the re-scan was cancelled."""
    with session_scope(database_url) as session:
        rescan = session.get(Rescan, rescan_id)
        if rescan is None or rescan.status != "running":
            return []
        return list(session.scalars(select(RescanItem.article_id).where(
            RescanItem.rescan_id == rescan_id, RescanItem.article_id.in_(article_ids), RescanItem.status == "pending")))


def finish_item(session: Any, rescan_id: int, article_id: int, error: str | None, now: datetime) -> None:
    """Mark one item done (or failed) and count it, once; close the re-scan after its last item."""
    result = session.execute(update(RescanItem).where(
        RescanItem.rescan_id == rescan_id, RescanItem.article_id == article_id, RescanItem.status == "pending",
    ).values(status="error" if error else "done", error=error))
    if result.rowcount != 1:
        return
    counter = {"errors": Rescan.errors + 1, "last_error": error} if error else {"done": Rescan.done + 1}
    session.execute(update(Rescan).where(Rescan.id == rescan_id).values(**counter))
    session.execute(update(Rescan).where(Rescan.id == rescan_id, Rescan.status == "running",
                                         Rescan.done + Rescan.errors >= Rescan.total)
                    .values(status="done", finished_at=now))


def replace_events(session: Any, article_id: int, tagged: dict[str, Any], now: datetime) -> bool:
    """The article's events become the new tagger output; True when they differ from the stored ones."""
    old = [e.data for e in session.scalars(select(Event).where(Event.article_id == article_id).order_by(Event.ordinal))]
    if old == list(tagged.get("events") or []):
        session.execute(update(Article).where(Article.id == article_id).values(
            relevant=bool(tagged.get("relevant")), score=float(tagged.get("score") or 0.0)))
        return False
    session.execute(delete(Event).where(Event.article_id == article_id))
    events = [dict(article_id=article_id, ordinal=i, primary=bool(ev.get("primary")), country=ev.get("country"),
                   event_type=ev.get("event_type"), sub_event_type=ev.get("sub_event_type"),
                   event_date=(ev.get("date") or None) and str(ev["date"])[:10], fatalities=ev.get("fatalities"),
                   data=ev) for i, ev in enumerate(tagged.get("events") or [])]
    insert_ignore(session, Event, events, ["article_id", "ordinal"])
    session.execute(update(Article).where(Article.id == article_id).values(
        relevant=bool(tagged.get("relevant")), score=float(tagged.get("score") or 0.0), tagged_at=now))
    return True
