"""Pure: fold one more report into an incident, and say whether anything an analyst cares about moved."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from worker.incidents.build import iso, refresh_summary

PLACE_FIELDS = ("admin1", "admin2", "location", "lat", "lon", "geo_precision")
DATE_RANK = {"day": 0, "week": 1, "month": 2}


def merge_report(incident: dict[str, Any], event: dict[str, Any], source: dict[str, Any], now: datetime) -> dict[str, Any]:
    """A new incident dict with the report's source, claims, actors and any more precise place or date."""
    merged = dict(incident)
    source = dict(source, fatalities=event.get("fatalities"))
    sources = [s for s in incident.get("sources") or [] if s.get("url") != source.get("url")]
    merged["sources"] = sources + [source]
    seen = {_claim_key(c) for c in incident.get("claims") or []}
    new_claims = [dict(c, source_url=source["url"]) for c in event.get("claims") or []]
    merged["claims"] = list(incident.get("claims") or []) + [c for c in new_claims if _claim_key(c) not in seen]
    merged["actors"] = _union(incident.get("actors"), event.get("actors"))
    merged["perpetrators"] = _union(incident.get("perpetrators"), event.get("perpetrators"))
    if (event.get("geo_precision") or 9) < (incident.get("geo_precision") or 9):
        for field in PLACE_FIELDS:
            merged[field] = event.get(field)
    if _date_better(event, incident):
        merged["date"], merged["date_precision"] = event.get("date"), event.get("date_precision")
    merged["fatalities"] = incident_toll(merged["sources"])
    merged["updated_at"] = iso(now)
    return refresh_summary(merged)


def incident_toll(sources: list[dict[str, Any]]) -> int | None:
    """The highest of the sources' own conservative tolls.

    Each source's figure is already its most conservative credible one (officials over
    perpetrators, lower bounds of "at least"); across sources the later, fuller counts of
    the dead are the larger ones, so the incident carries the largest credible figure.
    """
    tolls = [s["fatalities"] for s in sources if isinstance(s.get("fatalities"), int)]
    return max(tolls) if tolls else None


def announced_facts(incident: dict[str, Any]) -> dict[str, Any]:
    """What subscribers were last told, to compare later reports against."""
    return {"fatalities": incident.get("fatalities"), "perpetrators": sorted(incident.get("perpetrators") or []),
            "location": incident.get("location"), "geo_precision": incident.get("geo_precision"),
            "review": incident.get("review")}


def material_changes(
    announced: dict[str, Any], incident: dict[str, Any], *, min_change: int, min_ratio: float
) -> list[dict[str, Any]]:
    """Changes worth an `incident.updated`: the toll moved materially, a group claimed it, the place got precise."""
    changes = []
    before, after = announced.get("fatalities"), incident.get("fatalities")
    if after is not None and (before is None or (abs(after - before) >= min_change and abs(after - before) >= min_ratio * before)):
        changes.append({"field": "fatalities", "from": before, "to": after})
    old_perps, new_perps = announced.get("perpetrators") or [], sorted(incident.get("perpetrators") or [])
    if set(new_perps) - set(old_perps):
        changes.append({"field": "perpetrators", "from": old_perps, "to": new_perps})
    if (incident.get("geo_precision") or 9) < (announced.get("geo_precision") or 9):
        changes.append({"field": "location", "from": announced.get("location"), "to": incident.get("location")})
    if incident.get("review") != announced.get("review"):
        changes.append({"field": "review", "from": announced.get("review"), "to": incident.get("review")})
    return changes


def _claim_key(claim: dict[str, Any]) -> tuple[Any, ...]:
    return (claim.get("kind"), claim.get("count"), claim.get("qualifier"), claim.get("claimant"), claim.get("source_url"))


def _union(a: list[str] | None, b: list[str] | None) -> list[str]:
    return list(dict.fromkeys([*(a or []), *(b or [])]))


def _date_better(event: dict[str, Any], incident: dict[str, Any]) -> bool:
    """A more precise date wins; at equal precision, the earlier one (the day it began)."""
    if not event.get("date"):
        return False
    if not incident.get("date"):
        return True
    rank_e, rank_i = DATE_RANK.get(event.get("date_precision") or "day", 0), DATE_RANK.get(incident.get("date_precision") or "day", 0)
    return rank_e < rank_i or (rank_e == rank_i and str(event["date"]) < str(incident["date"]))
