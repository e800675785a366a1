"""Pure: is this report about an incident we already know? Place, date, type and actors must agree.

Like a deduplication fingerprint with a time window: reports match when they are in the
same country, at the same place (same name, or precise coordinates within a distance),
with dates inside a window, of compatible event types, and not blamed on different
named armed groups.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
NOT_A_SIDE = frozenset({"civilians", "unidentified_armed_group"})
PRECISION_DAYS = {"day": 0, "week": 7, "month": 31}


@dataclass(frozen=True)
class MatchPolicy:
    window_days: int = 3
    distance_km: float = 40.0


def folded(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", text)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def dates_match(a: dict[str, Any], b: dict[str, Any], policy: MatchPolicy) -> bool:
    da, db = _day(a.get("date")), _day(b.get("date"))
    if da is None or db is None:
        return True  # an undated report cannot contradict
    slack = max(PRECISION_DAYS.get(a.get("date_precision") or "day", 0), PRECISION_DAYS.get(b.get("date_precision") or "day", 0))
    return abs((da - db).days) <= policy.window_days + slack


def place_distance(a: dict[str, Any], b: dict[str, Any], policy: MatchPolicy) -> float | None:
    """Kilometres between the two places, 0 for the same named place, None when they differ."""
    if a.get("country") != b.get("country"):
        return None
    if a.get("location") and folded(a.get("location")) == folded(b.get("location")):
        return 0.0
    precise = all((x.get("geo_precision") or 3) <= 2 and x.get("lat") is not None and x.get("lon") is not None for x in (a, b))
    if precise:
        km = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
        return km if km <= policy.distance_km else None
    # One of them is only known to its region: the same region is the best we can say.
    if a.get("admin1") and folded(a.get("admin1")) == folded(b.get("admin1")):
        return policy.distance_km
    return None


def types_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Outlets code one attack as a clash or as violence against civilians; both are violence."""
    ta, tb = a.get("event_type"), b.get("event_type")
    if not ta or not tb or ta == tb:
        return True
    return ta in VIOLENT and tb in VIOLENT


def sides(record: dict[str, Any]) -> set[str]:
    return {p for p in record.get("perpetrators") or [] if p not in NOT_A_SIDE}


def actors_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two named perpetrators with nothing in common are two incidents (JNIM and IS the same day)."""
    pa, pb = sides(a), sides(b)
    return not pa or not pb or bool(pa & pb)


def match_distance(incident: dict[str, Any], event: dict[str, Any], policy: MatchPolicy) -> float | None:
    if not (dates_match(incident, event, policy) and types_compatible(incident, event) and actors_compatible(incident, event)):
        return None
    return place_distance(incident, event, policy)


def best_match(candidates: Iterable[tuple[int, dict[str, Any]]], event: dict[str, Any], policy: MatchPolicy) -> int | None:
    """The id of the closest matching incident, or None for a new one."""
    scored = [(d, i) for i, data in candidates if (d := match_distance(data, event, policy)) is not None]
    return min(scored)[1] if scored else None
