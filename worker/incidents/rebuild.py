"""An incident's record rebuilt from its reports, after an admin moved reports between incidents.

The stored tagger event (`Event.data`) and the article are the source of truth: replaying
the reports in the order they arrived gives the same record the pipeline would have built
had the reports always belonged together, while the incident keeps its public id and review.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from worker.db.models import Article, Event, Incident, IncidentReport
from worker.incidents.build import build_incident, iso
from worker.incidents.merge import merge_report


def report_sources(session: Session, incident_id: int) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(event, source) of each report of the incident, oldest report first."""
    rows = session.execute(
        select(Event.data, Article.canonical_url, Article.title, Article.outlet, Article.published, Article.language)
        .select_from(IncidentReport)
        .join(Event, (Event.article_id == IncidentReport.article_id) & (Event.ordinal == IncidentReport.ordinal))
        .join(Article, Article.id == IncidentReport.article_id)
        .where(IncidentReport.incident_id == incident_id)
        .order_by(IncidentReport.created_at, IncidentReport.id)
    ).all()
    return [
        (dict(event or {}), {"url": url, "title": title, "outlet": outlet, "published": iso(published),
                             "language": language})
        for event, url, title, outlet, published, language in rows
    ]


def rebuilt_record(incident: Incident, reports: list[tuple[dict[str, Any], dict[str, Any]]],
                   now: datetime) -> dict[str, Any] | None:
    """Pure: the record from the reports, or None when the incident has none left."""
    if not reports:
        return None
    (first_event, first_source), rest = reports[0], reports[1:]
    record = build_incident(incident.key, first_event, first_source, now, review=incident.review)
    for event, source in rest:
        record = merge_report(record, event, source, now)
    first_seen = (incident.data or {}).get("first_seen_at") or iso(incident.first_seen_at)
    return dict(record, id=incident.public_id, review=incident.review, first_seen_at=first_seen, updated_at=iso(now))


def rebuild(session: Session, incident: Incident, now: datetime) -> dict[str, Any] | None:
    """Replace the incident's record (and the columns queried from it) by one rebuilt from its reports."""
    record = rebuilt_record(incident, report_sources(session, incident.id), now)
    if record is None:
        return None
    incident.data = record
    incident.fatalities = record.get("fatalities")
    incident.country = record.get("country")
    incident.event_date = _day(record.get("date"))
    incident.updated_at = now
    return record


def record_changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """What an analyst sees move when reports are regrouped: the toll, the sources, the perpetrators, the place."""
    changes = []
    if before.get("fatalities") != after.get("fatalities"):
        changes.append({"field": "fatalities", "from": before.get("fatalities"), "to": after.get("fatalities")})
    old_urls = [s.get("url") for s in before.get("sources") or []]
    new_urls = [s.get("url") for s in after.get("sources") or []]
    if sorted(map(str, old_urls)) != sorted(map(str, new_urls)):
        changes.append({"field": "sources", "from": len(old_urls), "to": len(new_urls)})
    old_perps, new_perps = sorted(before.get("perpetrators") or []), sorted(after.get("perpetrators") or [])
    if old_perps != new_perps:
        changes.append({"field": "perpetrators", "from": old_perps, "to": new_perps})
    if before.get("location") != after.get("location"):
        changes.append({"field": "location", "from": before.get("location"), "to": after.get("location")})
    return changes


def _day(value: Any) -> str | None:
    if not value:
        return None
    text = str(value)[:10]
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return text
