"""Incident rows: merge a report into a matching incident or open a new one, exactly once per report."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from worker.db.models import Incident, IncidentReport
from worker.db.upsert import insert_ignore
from worker.incidents.build import build_incident, incident_key, public_id
from worker.incidents.key import MatchPolicy, best_match
from worker.incidents.merge import announced_facts, material_changes, merge_report


@dataclass
class MergeOutcome:
    incident_id: int | None
    created: bool = False
    changes: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class UpdatePolicy:
    min_toll_change: int = 5
    min_toll_ratio: float = 0.2


_REPORTED = select(IncidentReport.id).where(IncidentReport.article_id == bindparam("article_id"),
                                            IncidentReport.ordinal == bindparam("ordinal"))


def record_report(
    session: Session, *, article_id: int, ordinal: int, event: dict[str, Any], source: dict[str, Any], now: datetime,
    match: MatchPolicy, update: UpdatePolicy,
) -> MergeOutcome:
    """Attach the article's event to its incident. Re-running for the same event changes nothing."""
    if session.scalars(_REPORTED, {"article_id": article_id, "ordinal": ordinal}).first():
        return MergeOutcome(None)
    serialise_matching(session, event.get("country"))
    incident = _matching_incident(session, event, match)
    if incident is None:
        key = incident_key(article_id, ordinal)
        data = build_incident(key, event, source, now)
        inserted = insert_ignore(session, Incident, [dict(
            public_id=public_id(key), key=key, country=event.get("country"), fatalities=data["fatalities"], data=data,
            announced=announced_facts(data), revision=0, event_date=_date(event), first_seen_at=now, updated_at=now,
        )], ["key"])
        incident_id = inserted[0] if inserted else session.scalars(select(Incident.id).where(Incident.key == key)).one()
        _link(session, incident_id, article_id, ordinal, now)
        return MergeOutcome(incident_id, created=bool(inserted))
    merged = merge_report(incident.data, event, source, now)
    changes = material_changes(incident.announced or {}, merged, min_change=update.min_toll_change,
                               min_ratio=update.min_toll_ratio)
    incident.data = merged
    incident.fatalities = merged.get("fatalities")
    incident.event_date = _date(merged)
    incident.updated_at = now
    if changes:
        incident.revision += 1
        incident.announced = announced_facts(merged)
    _link(session, incident.id, article_id, ordinal, now)
    return MergeOutcome(incident.id, changes=changes)


def _matching_incident(session: Session, event: dict[str, Any], policy: MatchPolicy) -> Incident | None:
    day = _date(event)
    query = select(Incident).where(Incident.country == event.get("country"), Incident.merged_into.is_(None))
    if day:
        reach = timedelta(days=policy.window_days + 31)  # + the widest date precision
        centre = date.fromisoformat(day)
        query = query.where(Incident.event_date.between((centre - reach).isoformat(), (centre + reach).isoformat()))
    candidates = {row.id: row for row in session.scalars(query.order_by(Incident.updated_at.desc()).limit(200))}
    chosen = best_match(((i, row.data) for i, row in candidates.items()), event, policy)
    return candidates.get(chosen) if chosen is not None else None


def serialise_matching(session: Session, country: str | None) -> None:
    """Two workers merging reports of one country take turns, so one incident is never opened twice.
    (SQLite already serialises writers with BEGIN IMMEDIATE.)"""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": zlib.crc32(f"incident:{country}".encode())})


def _link(session: Session, incident_id: int, article_id: int, ordinal: int, now: datetime) -> None:
    insert_ignore(session, IncidentReport, [dict(incident_id=incident_id, article_id=article_id, ordinal=ordinal,
                                                 created_at=now)], ["article_id", "ordinal"])


def _date(record: dict[str, Any]) -> str | None:
    value = record.get("date")
    return str(value)[:10] if value else None
