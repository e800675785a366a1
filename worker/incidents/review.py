"""An admin's corrections to incidents: a review verdict, a merge of two, a split of a wrong merge.

Each correction is announced to subscribers like any other change (a new revision and an
`incident.updated`, or `incident.created` for a split-off incident), and each is idempotent:
repeating it with the same arguments changes nothing and sends nothing. The functions work
inside the caller's transaction and return the delivery ids to enqueue after it commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from worker.alerts.store import alert_incident
from worker.db.models import Article, Incident, IncidentReport
from worker.db.upsert import insert_ignore
from worker.incidents.build import public_id
from worker.incidents.merge import announced_facts
from worker.incidents.rebuild import rebuild, record_changes
from worker.incidents.store import serialise_matching

REVIEW_STATES = ("unreviewed", "confirmed", "disputed", "false")


class IncidentNotFound(LookupError):
    """An incident or report the admin named does not exist."""


class IncidentConflict(ValueError):
    """The correction contradicts the incidents' current state (e.g. merging an incident into itself)."""


@dataclass
class Correction:
    """What a correction did: the incidents touched, whether anything changed, the deliveries to send."""

    incident: str
    changed: bool = False
    delivery_ids: list[int] = field(default_factory=list)
    created: str | None = None
    changes: list[dict[str, Any]] = field(default_factory=list)


def find_incident(session: Session, ref: str | int) -> Incident:
    """By public id (`inc_...`) or numeric id."""
    text = str(ref).strip()
    if text.isdigit() and len(text) < 19:
        row = session.get(Incident, int(text))
    else:
        row = session.scalars(select(Incident).where(Incident.public_id == text)).first()
    if row is None:
        raise IncidentNotFound(f"there is no incident {text!r}")
    return row


def _visible(session: Session, incident: Incident) -> Incident:
    if incident.merged_into is not None:
        target = session.get(Incident, incident.merged_into)
        where = target.public_id if target else str(incident.merged_into)
        raise IncidentConflict(f"incident {incident.public_id} was merged into {where}; correct that one instead")
    return incident


def _locked(session: Session, *incidents: Incident) -> None:
    """Take the same per-country lock as the pipeline's merging, then re-read: a report merged
    concurrently is neither lost nor overwritten by a stale rebuild (PostgreSQL; SQLite already
    serialises writers)."""
    for country in sorted({i.country or "" for i in incidents}):
        serialise_matching(session, country or None)
    for incident in incidents:
        session.refresh(incident)


def announce_update(session: Session, incident: Incident, changes: list[dict[str, Any]], now: datetime) -> list[int]:
    """A new revision with its facts recorded as announced, and its `incident.updated` queued."""
    incident.revision += 1
    incident.announced = announced_facts(incident.data)
    return alert_incident(session, incident, "incident.updated", now, changes=changes)


def set_review(session: Session, ref: str | int, state: str, now: datetime) -> Correction:
    if state not in REVIEW_STATES:
        raise ValueError(f"a review is one of {', '.join(REVIEW_STATES)}, not {state!r}")
    incident = find_incident(session, ref)
    _locked(session, incident)
    _visible(session, incident)
    old = incident.review
    if old == state and (incident.data or {}).get("review") == state:
        return Correction(incident.public_id)
    incident.review = state
    incident.data = dict(incident.data or {}, review=state)
    incident.updated_at = now
    changes = [{"field": "review", "from": old, "to": state}]
    return Correction(incident.public_id, True, announce_update(session, incident, changes, now), changes=changes)


def merge_incidents(session: Session, source_ref: str | int, into_ref: str | int, now: datetime) -> Correction:
    """Move every report of the source to the target, hide the source, and announce the fuller target."""
    source, target = find_incident(session, source_ref), find_incident(session, into_ref)
    if source.id == target.id:
        raise IncidentConflict(f"cannot merge incident {source.public_id} into itself")
    _locked(session, source, target)
    _visible(session, target)
    if source.merged_into not in (None, target.id):
        _visible(session, source)
    moved = session.execute(
        update(IncidentReport).where(IncidentReport.incident_id == source.id).values(incident_id=target.id)
    ).rowcount
    if source.merged_into == target.id and not moved:
        return Correction(target.public_id)
    source.merged_into, source.updated_at = target.id, now
    before = dict(target.data or {})
    after = rebuild(session, target, now) or before
    changes = record_changes(before, after)
    deliveries = announce_update(session, target, changes, now) if changes else []
    return Correction(target.public_id, True, deliveries, changes=changes)


def split_key(incident_id: int, article_ids: list[int]) -> str:
    """The split-off incident's key: one per incident and set of articles, so a re-run finds it."""
    return f"split:{incident_id}:{min(article_ids)}"


def split_incident(session: Session, ref: str | int, article_ids: list[int], now: datetime) -> Correction:
    """Move the reports of the given articles to a new incident; rebuild and announce both."""
    if not article_ids:
        raise ValueError("name at least one article to split off")
    incident = find_incident(session, ref)
    _locked(session, incident)
    _visible(session, incident)
    wanted = sorted(set(article_ids))
    key = split_key(incident.id, wanted)
    existing = session.scalars(select(Incident).where(Incident.key == key)).first()
    reports = list(session.scalars(select(IncidentReport).where(IncidentReport.incident_id == incident.id)))
    moving = [r for r in reports if r.article_id in wanted]
    if existing is not None and existing.merged_into is None and not moving and _holds(session, existing, wanted):
        return Correction(incident.public_id, created=existing.public_id)
    missing = sorted(set(wanted) - {r.article_id for r in moving})
    if missing:
        raise IncidentNotFound(f"article {', '.join(map(str, missing))} is not a report of incident {incident.public_id}")
    if len(moving) == len(reports):
        raise IncidentConflict(f"splitting off every report would leave incident {incident.public_id} empty")
    new = _split_row(session, key, existing, now)
    for report in moving:
        report.incident_id = new.id
    session.flush()
    before = dict(incident.data or {})
    after = rebuild(session, incident, now) or before
    changes = record_changes(before, after)
    deliveries = announce_update(session, incident, changes, now) if changes else []
    rebuild(session, new, now)
    new.announced = announced_facts(new.data)
    deliveries += alert_incident(session, new, "incident.created", now)
    return Correction(incident.public_id, True, deliveries, created=new.public_id, changes=changes)


def _holds(session: Session, incident: Incident, article_ids: list[int]) -> bool:
    held = set(session.scalars(select(IncidentReport.article_id).where(IncidentReport.incident_id == incident.id)))
    return set(article_ids) <= held


def _split_row(session: Session, key: str, existing: Incident | None, now: datetime) -> Incident:
    """The new incident; one split off before and merged back is brought back under a new revision."""
    if existing is not None:
        existing.merged_into = None
        existing.revision += 1
        return existing
    insert_ignore(session, Incident, [dict(
        public_id=public_id(key), key=key, review="unreviewed", data={}, revision=0, first_seen_at=now, updated_at=now,
    )], ["key"])
    return session.scalars(select(Incident).where(Incident.key == key)).one()


def visible_incidents(session: Session, *, since: datetime | None = None, country: str | None = None,
                      event_type: str | None = None, min_fatalities: int | None = None,
                      limit: int = 200) -> list[dict[str, Any]]:
    """Incidents to review, latest change first, as their ALERT-SCHEMA record; merged-away ones are hidden."""
    query = select(Incident).where(Incident.merged_into.is_(None)).order_by(Incident.updated_at.desc(), Incident.id.desc())
    if since is not None:
        query = query.where(Incident.updated_at >= since)
    if country:
        query = query.where(Incident.country == country.upper())
    if min_fatalities is not None:
        query = query.where(Incident.fatalities >= min_fatalities)
    if not event_type:
        query = query.limit(limit)
    records = []
    for row in session.scalars(query):
        if event_type and (row.data or {}).get("event_type") != event_type:
            continue
        records.append(dict(row.data or {}, id=row.public_id, review=row.review))
        if len(records) >= limit:
            break
    return records


def report_articles(session: Session, incident: Incident) -> list[dict[str, Any]]:
    """The articles behind an incident, which is what a split names."""
    rows = session.execute(
        select(IncidentReport.article_id, IncidentReport.ordinal, Article.canonical_url, Article.outlet)
        .join(Article, Article.id == IncidentReport.article_id)
        .where(IncidentReport.incident_id == incident.id).order_by(IncidentReport.created_at, IncidentReport.id)
    ).all()
    return [{"article_id": a, "ordinal": o, "url": url, "outlet": outlet} for a, o, url, outlet in rows]
