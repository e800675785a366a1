"""Turn one incident (its sentences and what was found in them) into a schema event.

Each field is decided from the incident's own sentences only, and remembers
the sentence and rule that decided it, for `--explain`.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .actors import is_state_force, resolve_actors, resolve_generic, roles as sentence_roles
from .claims import conservative_toll, lower_bound
from .event_types import classify
from .primary import Facts, Incident, choose_date, first_match, vocabulary

# Most specific first: the schema's location is a town; a region or a country
# only stands in when no town is named.
SPECIFICITY = {"locality": 3, "admin2": 2, "admin1": 1, "country": 0}
MAX_EVIDENCE = 4


@dataclass
class Decision:
    value: Any
    sentence: str | None
    rule: str

    def to_dict(self) -> dict:
        return {"value": self.value, "sentence": self.sentence, "rule": self.rule}


@dataclass
class Built:
    event: dict
    explain: dict[str, Decision] = field(default_factory=dict)


@cache
def role_data() -> dict:
    path = resources.files("worker.tagging") / "data" / "roles.json"
    return json.loads(path.read_text(encoding="utf-8"))


def event_facts(incident: Incident) -> list[Facts]:
    """Sentences that tell the incident itself, not its context.

    For the primary incident: the lead, and later sentences with a casualty
    figure or naming its place; context paragraphs ("JNIM is the dominant
    group in the region") would otherwise add bystander actors.
    """
    if not incident.primary:
        return incident.facts
    lead_places = {m.place.name for f in incident.facts if f.sentence.paragraph <= 1 for m in f.places
                   if m.place.level in ("locality", "admin2")}
    out = []
    for facts in incident.facts:
        if facts.sentence.paragraph <= 1 or facts.claims:
            out.append(facts)
        elif any(m.place.name in lead_places for m in facts.places):
            out.append(facts)
    return out


def _is_border_mention(facts: Facts, mention: Any, language: str) -> bool:
    vocab = vocabulary(language)
    text = facts.sentence.text
    rel_start, rel_end = mention.start, mention.end
    before, after = text[max(0, rel_start - 45):rel_start], text[rel_end:rel_end + 12]
    return bool(first_match(vocab.border, before) or first_match(vocab.border_after, after))


def choose_place(facts_list: list[Facts], language: str, core: set[int] = frozenset()) -> tuple[Any, Facts] | None:
    """The incident's place: the most specific, then told in the lead or a core sentence
    (ids in `core`), then the most repeated mention."""
    stats: dict[tuple, list] = {}
    for order, facts in enumerate(facts_list):
        for mention in facts.places:
            if _is_border_mention(facts, mention, language):
                continue
            key = (mention.place.name, mention.place.country, mention.place.level)
            entry = stats.setdefault(key, [mention, facts, 0, order, False])
            entry[2] += 1
            entry[4] = entry[4] or facts.sentence.paragraph <= 1 or id(facts) in core
    if not stats:
        return None

    def rank(entry: list) -> tuple:
        mention, _, count, order, in_lead = entry
        return (SPECIFICITY.get(mention.place.level, 0), mention.certain, in_lead, min(count, 3), -order)

    best = max(stats.values(), key=rank)
    return best[0], best[1]


def _named_perpetrators(facts_list: list[Facts], language: str, country: str | None,
                        admin1: str | None) -> list[str]:
    """Actors the sentences' syntax makes the attacker ("X attacked", "killed by X", "X claimed")."""
    found: list[str] = []
    for facts in facts_list:
        if not facts.actors:
            continue
        for actor, role in sentence_roles(facts.sentence.text, facts.actors, language).items():
            resolved = resolve_generic(actor, country, admin1)
            if role == "perpetrator" and resolved not in found:
                found.append(resolved)
    return found


def _country_from_actors(actors: list[str]) -> str | None:
    for actor in actors:
        if actor.startswith("military_") and is_state_force(actor):
            return actor.removeprefix("military_").upper()
    return None


def perpetrators(actors: list[str], sub_event_type: str | None, named: list[str]) -> list[str]:
    """The attackers: those the syntax names, else the first tier of roles.json present."""
    data = role_data()
    chosen = [a for a in named if a in actors and a not in data["never_perpetrators"]]
    if chosen:
        return chosen
    tiers = [list(t) for t in data["tiers"]]
    if sub_event_type in data["state_initiated"]:
        tiers.insert(0, tiers.pop())
    for tier in tiers:
        found = [a for a in actors if a in tier]
        if found:
            return found
    return []


def build_event(incident: Incident, language: str, published: dt.date,
                fallback_country: tuple[str, str] | None = None) -> Built:
    """The schema event of `incident`; `fallback_country` is (code, sentence) from the article."""
    facts_list = event_facts(incident) or incident.facts
    explain: dict[str, Decision] = {}

    place = choose_place(incident.facts, language, {id(f) for f in facts_list})
    mentions = [m for f in facts_list for m in f.actors]

    country = admin1 = admin2 = location = lat = lon = geo = None
    if place:
        mention, facts = place
        p = mention.place
        country, admin1, admin2 = p.country, p.admin1, p.admin2
        location = p.name if p.level in ("locality", "admin2") else (p.name if p.level == "admin1" else None)
        lat, lon, geo = p.lat, p.lon, mention.geo_precision
        explain["location"] = Decision(location, facts.sentence.text, f"{mention.rule} ('{mention.surface}', {p.level})")
        explain["country"] = Decision(country, facts.sentence.text, f"place {p.name}")
        if admin1 is None:
            for f in facts_list:
                for m in f.places:
                    if m.place.level == "admin1" and m.place.country == country:
                        admin1 = m.place.name
                        explain["admin1"] = Decision(admin1, f.sentence.text, m.rule)
                        break
                if admin1:
                    break
        explain.setdefault("admin1", Decision(admin1, facts.sentence.text, f"admin1 of {p.name}"))
    if country is None:
        country = _country_from_actors(resolve_actors(mentions))
        if country:
            explain["country"] = Decision(country, None, "state forces' nationality")
        elif fallback_country:
            country = fallback_country[0]
            explain["country"] = Decision(country, fallback_country[1], "country most named in the article")
    actors = resolve_actors(mentions, country, admin1)

    texts = [f.sentence.text for f in facts_list]
    etype = classify(texts, mentions, language)
    event_type = etype.event_type if etype else None
    sub_event_type = etype.sub_event_type if etype else None
    if etype:
        explain["event_type"] = Decision(event_type, etype.evidence, etype.rule)
        explain["sub_event_type"] = Decision(sub_event_type, etype.evidence, etype.rule)

    claims = [c for f in incident.facts for c in f.claims]
    counted = [c for f in incident.facts for c in f.current_claims]
    fatalities = conservative_toll(counted)
    killed = [c for c in counted if c.kind == "killed"]
    deciding = next((c for c in killed if lower_bound(c) == fatalities), killed[0] if killed else None)
    explain["fatalities"] = Decision(
        fatalities, deciding.sentence if deciding else None,
        f"conservative toll over {len(killed)} killed claim(s)" if killed else "no killed figure")

    chosen = choose_date(incident.facts)
    if chosen:
        date, precision = chosen[0].date.isoformat(), chosen[0].precision
        explain["date"] = Decision(date, chosen[1].sentence.text, f"{chosen[0].rule} ('{chosen[0].surface}')")
    elif incident.primary:
        # No date in the story: it was published within days of the incident.
        date, precision = published.isoformat(), "week"
        explain["date"] = Decision(date, None, "publication date (no date in the text)")
    else:
        date = precision = None

    perps = perpetrators(actors, sub_event_type, _named_perpetrators(facts_list, language, country, admin1))
    for facts in facts_list:
        for mention in facts.actors:
            actor = resolve_generic(mention.actor, country, admin1)
            if actor in actors and f"actors.{actor}" not in explain:
                explain[f"actors.{actor}"] = Decision(actor, facts.sentence.text, f"{mention.rule} ('{mention.surface}')")

    evidence: list[str] = []
    for f in facts_list:
        if (f.claims or f.places or f.actors) and f.sentence.text not in evidence:
            evidence.append(f.sentence.text)
    event = {
        "primary": incident.primary,
        "event_type": event_type, "sub_event_type": sub_event_type,
        "country": country, "admin1": admin1, "admin2": admin2, "location": location,
        "lat": lat, "lon": lon, "geo_precision": geo,
        "date": date, "date_precision": precision,
        "actors": actors, "perpetrators": perps,
        "fatalities": fatalities,
        "claims": _unique([c.to_dict() for c in claims]),
        "evidence": evidence[:MAX_EVIDENCE],
    }
    return Built(event, explain)


def _unique(items: list[dict]) -> list[dict]:
    out: list[dict] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
