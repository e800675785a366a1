"""Pure: does an endpoint's subscription want this incident?

A rule set is a small dict stored with the endpoint; every key is optional and an
empty rule set takes every relevant incident:
    countries: ["ML", "BF"]       event_types: ["Battles"]     sub_event_types: [...]
    min_fatalities: 5             actors: ["is_sahel"]         min_severity: "high"
"""

from __future__ import annotations

from typing import Any

SEVERITY_ORDER = ("low", "medium", "high", "critical")
KNOWN_KEYS = frozenset({"countries", "event_types", "sub_event_types", "min_fatalities", "actors", "min_severity"})


class RuleError(ValueError):
    pass


def validate_rules(rules: dict[str, Any]) -> dict[str, Any]:
    unknown = set(rules) - KNOWN_KEYS
    if unknown:
        raise RuleError(f"unknown rule keys: {', '.join(sorted(unknown))}")
    if "min_severity" in rules and rules["min_severity"] not in SEVERITY_ORDER:
        raise RuleError(f"min_severity must be one of {', '.join(SEVERITY_ORDER)}")
    if "min_fatalities" in rules and (not isinstance(rules["min_fatalities"], int) or rules["min_fatalities"] < 0):
        raise RuleError("min_fatalities must be a whole number >= 0")
    return rules


def matches(rules: dict[str, Any], incident: dict[str, Any]) -> bool:
    if rules.get("countries") and incident.get("country") not in rules["countries"]:
        return False
    if rules.get("event_types") and incident.get("event_type") not in rules["event_types"]:
        return False
    if rules.get("sub_event_types") and incident.get("sub_event_type") not in rules["sub_event_types"]:
        return False
    if rules.get("actors") and not set(rules["actors"]) & set(incident.get("actors") or []):
        return False
    if "min_fatalities" in rules and (incident.get("fatalities") or 0) < rules["min_fatalities"]:
        return False
    if rules.get("min_severity"):
        wanted = SEVERITY_ORDER.index(rules["min_severity"])
        if SEVERITY_ORDER.index(incident.get("severity") or "low") < wanted:
            return False
    return True
