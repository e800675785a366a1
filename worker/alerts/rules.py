"""Pure: does a subscription want this incident?

A subscription's rules are a small dict stored with its endpoint; every key is optional
and an empty rule set takes every relevant incident:

    countries: [ML, BF]            regions: [Menaka, Sahel]      event_types: [Battles]
    sub_event_types: [...]         actors: [is_sahel]            min_fatalities: 5
    min_severity: high             languages: [fr]               keywords: [Wagner, drone]
    incidents: true                source_health: false
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

SEVERITY_ORDER = ("low", "medium", "high", "critical")
LIST_KEYS = frozenset({"countries", "regions", "event_types", "sub_event_types", "actors", "languages", "keywords"})
KNOWN_KEYS = LIST_KEYS | {"min_fatalities", "min_severity", "incidents", "source_health"}


class RuleError(ValueError):
    pass


def validate_rules(rules: dict[str, Any]) -> dict[str, Any]:
    unknown = set(rules) - KNOWN_KEYS
    if unknown:
        raise RuleError(f"unknown rule keys: {', '.join(sorted(unknown))} (known: {', '.join(sorted(KNOWN_KEYS))})")
    for key in LIST_KEYS & set(rules):
        if not isinstance(rules[key], list) or not all(isinstance(v, str) and v.strip() for v in rules[key]):
            raise RuleError(f"{key} must be a list of words")
    if "min_severity" in rules and rules["min_severity"] not in SEVERITY_ORDER:
        raise RuleError(f"min_severity must be one of {', '.join(SEVERITY_ORDER)}")
    if "min_fatalities" in rules and (not isinstance(rules["min_fatalities"], int) or rules["min_fatalities"] < 0):
        raise RuleError("min_fatalities must be a whole number >= 0")
    for key in ("incidents", "source_health"):
        if key in rules and not isinstance(rules[key], bool):
            raise RuleError(f"{key} must be true or false")
    return rules


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().casefold().strip()


def matches(rules: dict[str, Any], incident: dict[str, Any], context: dict[str, Any] | None = None) -> bool:
    """`context` carries what is not in the incident: the report's `language` and `text`."""
    context = context or {}
    if rules.get("incidents") is False:
        return False
    if rules.get("countries") and incident.get("country") not in {c.upper() for c in rules["countries"]}:
        return False
    if rules.get("regions") and _fold(incident.get("admin1") or "") not in {_fold(r) for r in rules["regions"]}:
        return False
    if rules.get("event_types") and incident.get("event_type") not in rules["event_types"]:
        return False
    if rules.get("sub_event_types") and incident.get("sub_event_type") not in rules["sub_event_types"]:
        return False
    if rules.get("actors") and not set(rules["actors"]) & set(incident.get("actors") or []):
        return False
    if "min_fatalities" in rules and (incident.get("fatalities") or 0) < rules["min_fatalities"]:
        return False
    if rules.get("min_severity") and SEVERITY_ORDER.index(incident.get("severity") or "low") < SEVERITY_ORDER.index(rules["min_severity"]):
        return False
    if rules.get("languages"):
        languages = {s.get("language") for s in incident.get("sources") or []} | {context.get("language")}
        if not languages & set(rules["languages"]):
            return False
    if rules.get("keywords"):
        haystack = _fold(" ".join([incident.get("title") or "", context.get("text") or "",
                                   *(s.get("title") or "" for s in incident.get("sources") or [])]))
        if not any(re.search(rf"\b{re.escape(_fold(k))}\b", haystack) for k in rules["keywords"]):
            return False
    return True


def wants_source_health(rules: dict[str, Any]) -> bool:
    return bool(rules.get("source_health"))
