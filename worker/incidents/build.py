"""Pure: an incident record (ALERT-SCHEMA.md `data.incident`) from a primary event and its source.

Until reports from several outlets are merged, each article's primary event is its own
incident, keyed by the article; the key is what a merge will later replace.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from worker.incidents.describe import incident_title, severity

EVENT_FIELDS = (
    "event_type", "sub_event_type", "country", "admin1", "admin2", "location", "lat", "lon",
    "geo_precision", "date", "date_precision", "actors", "perpetrators", "fatalities",
)


def incident_key(article_id: int, ordinal: int) -> str:
    return f"article:{article_id}:{ordinal}"


def public_id(key: str) -> str:
    return "inc_" + hashlib.sha256(key.encode()).hexdigest()[:20]


def iso(when: datetime | None) -> str | None:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else None


def build_incident(
    key: str, event: dict[str, Any], source: dict[str, Any], now: datetime, review: str = "unreviewed"
) -> dict[str, Any]:
    incident: dict[str, Any] = {"id": public_id(key), "title": "", "review": review, "severity": "low"}
    for field in EVENT_FIELDS:
        incident[field] = event.get(field)
    incident["actors"] = list(event.get("actors") or [])
    incident["perpetrators"] = list(event.get("perpetrators") or [])
    incident["claims"] = [dict(claim, source_url=source["url"]) for claim in event.get("claims") or []]
    incident["sources"] = [dict(source, fatalities=event.get("fatalities"))]
    incident["first_seen_at"] = iso(now)
    incident["updated_at"] = iso(now)
    return refresh_summary(incident)


def refresh_summary(incident: dict[str, Any]) -> dict[str, Any]:
    """Title and severity follow the facts."""
    return dict(incident, title=incident_title(incident), severity=severity(incident))
