"""Pure: the one-line title and the severity an analyst sees first."""

from __future__ import annotations

from typing import Any

import pycountry

VERB = {
    "armed_clash": "attack", "government_regains_territory": "army retakes territory",
    "non_state_actor_overtakes_territory": "armed group seizes territory", "air_drone_strike": "air/drone strike",
    "suicide_bomb": "suicide bombing", "shelling_artillery_missile_attack": "shelling",
    "remote_explosive_landmine_ied": "explosive device attack", "grenade": "grenade attack",
    "attack": "attack on civilians", "abduction_forced_disappearance": "abduction",
    "sexual_violence": "sexual violence", "arrests": "arrests", "looting_property_destruction": "looting and destruction",
}
QUALIFIER = {"at_least": "At least", "more_than": "More than", "about": "About", "nearly": "Nearly", "up_to": "Up to"}


def place_name(event: dict[str, Any]) -> str:
    country = pycountry.countries.get(alpha_2=event.get("country") or "") if event.get("country") else None
    parts = [event.get("location"), event.get("admin1"), getattr(country, "common_name", None) or getattr(country, "name", None)]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen) or "an unknown place"


def incident_title(event: dict[str, Any]) -> str:
    what = VERB.get(event.get("sub_event_type") or "", "incident")
    where = place_name(event)
    toll = event.get("fatalities")
    if toll:
        killed_claims = [c for c in event.get("claims") or [] if c.get("kind") == "killed"]
        killed = next((c for c in killed_claims if c.get("count") == toll), killed_claims[0] if killed_claims else None)
        victims = (killed or {}).get("victims") or "people"
        lead = QUALIFIER.get((killed or {}).get("qualifier") or "", "")
        number = f"{lead} {toll}".strip() if lead else str(toll)
        return f"{number} {victims} killed in {what} {_preposition(what)} {where}"
    return f"{what[0].upper()}{what[1:]} {_preposition(what)} {where}"


def _preposition(what: str) -> str:
    return "on" if what.endswith("attack") else "in"


def severity(event: dict[str, Any]) -> str:
    """critical >= 100 killed, high >= 10 killed or abducted, medium for any, low otherwise."""
    toll = event.get("fatalities") or 0
    abducted = sum((c.get("count") or 0) for c in event.get("claims") or [] if c.get("kind") == "abducted")
    if toll >= 100:
        return "critical"
    if toll >= 10 or abducted >= 10:
        return "high"
    if toll >= 1 or abducted >= 1:
        return "medium"
    return "low"
