"""`tag_article`: one article in, the EVENT-SCHEMA.md output line out.

The recipe: split sentences, run the extractors (places, actors, claims,
dates), group sentences into the primary incident and background incidents,
build one event per incident, then decide relevance from the primary event.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any

from worker.articles.language import guess_language

from .actors import find_actors, is_non_state_armed, is_state_force, resolve_actors
from .bombers import BESIDES_RULE, dead_bombers
from .claims import extract_claims, resolve_claimant
from .dates import YEAR, eve_of, find_dates, hour_after_midnight, may_be_eve, settle_night, unsettled_night
from .event import TOLD_PARAGRAPHS, Built, build_event, name_unseen_attackers, role_data
from .gazetteer import find_places
from .primary import Facts, group_incidents, is_reporting_date, vocabulary
from .relevance import (CASUALTY_KINDS, accident_story, assess, court_story, in_scope, insecurity_word, overruled,
                        robbery_story, set_elsewhere, sports_story, tells_harm, violence_word)
from .scope import DEFAULT_SCOPE, Scope
from .text import Sentence, article_sentences
from .updates import order_updates


def parse_published(value: Any) -> dt.datetime:
    """The publication time as an aware datetime (UTC when no zone is given)."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and value.strip():
        try:
            moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise ValueError(f"published is not an ISO 8601 date: {value!r}") from exc
    elif value is None or value == "":
        raise ValueError("published is missing: relative dates cannot be resolved without it")
    else:
        raise ValueError(f"published must be an ISO 8601 string, got {type(value).__name__}")
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _assign_places(mentions: list, sentences: list[Sentence], facts: list[Facts]) -> None:
    """File each place mention (offsets in the title or body, kept as they are) under the
    sentence that holds it."""
    starts = [s.start for s in sentences]
    for mention in mentions:
        i = bisect.bisect_right(starts, mention.start) - 1
        if i >= 0 and mention.start < sentences[i].end:
            facts[sentences[i].index].places.append(mention)


def locate(title: str, text: str, language: str) -> list[Facts]:
    """Split sentences and find the places and actors of each (the cheap extractors)."""
    sentences = article_sentences(title, text)
    facts = [Facts(s) for s in sentences]
    head = [s for s in sentences if s.paragraph == 0]
    body = [s for s in sentences if s.paragraph > 0]
    body_places = find_places(text, language) if body else []
    _assign_places(body_places, body, facts)
    if head:
        # a village named only in the headline is placed in the region the story names
        _assign_places(find_places(title, language, outside=body_places), head, facts)
    for f in facts:
        # Per sentence, as the event classifier and role finder see them (offsets in the sentence).
        f.actors = find_actors(f.sentence.text, language)
    return facts


def measure(facts: list[Facts], language: str, published: dt.datetime) -> None:
    """Add each sentence's casualty figures and dates."""
    for i, f in enumerate(facts):
        # Neighbouring sentences of the body name a figure's source ("According to the army, ...").
        body = f.sentence.paragraph > 0
        previous = facts[i - 1].sentence.text if body and i > 0 and facts[i - 1].sentence.paragraph > 0 else None
        following = facts[i + 1].sentence.text if i + 1 < len(facts) and body else None
        f.claims = extract_claims(f.sentence.text, language, previous, following)
        f.dates = find_dates(f.sentence.text, published, language)
        if f.dates and _publication_stamp(f, published.date(), language):
            f.dates = []
    _settle_nights(facts)
    _date_eves(facts, language)
    _add_dead_bombers(facts, language)
    _attribute_lead_figures(facts, language)
    order_updates(facts)


def _date_eves(facts: list[Facts], language: str) -> None:
    """"L'attaque a été revendiquée dimanche. La veille, ses combattants avaient pris d'assaut la
    brigade": an undated sentence saying "la veille" is the day before the last day told in the
    two sentences before it; a sentence dated only by its saying, the day before that."""
    for i, f in enumerate(facts):
        if f.dates:
            # "Officials confirmed on Wednesday that armed men had raided the village, the day before, ...":
            # the day before the saying
            if may_be_eve(f.sentence.text) and (said := _only_said_day(f, language)):
                eve = eve_of(f.sentence.text, said)
                if eve:
                    f.dates.append(eve)
            continue
        if i == 0 or not may_be_eve(f.sentence.text):
            continue
        anchor = next((d for g in reversed(facts[max(0, i - 2):i]) for d in reversed(g.dates)
                       if d.precision == "day"), None)
        eve = anchor and eve_of(f.sentence.text, anchor)
        if eve:
            f.dates = [eve]


def _only_said_day(f: Facts, language: str) -> Any:
    """The sentence's one date when it is a day of saying ("confirmed on Wednesday that"), else None."""
    if len(f.dates) != 1 or f.dates[0].precision != "day":
        return None
    return f.dates[0] if is_reporting_date(f, f.dates[0], vocabulary(language)) else None


def _add_dead_bombers(facts: list[Facts], language: str) -> None:
    """"The bomber, a young woman, blew herself up": the bombers' deaths, where the sentence
    gives no killed figure of its own."""
    for i, claim in dead_bombers([f.sentence.text for f in facts], language).items():
        counted = [c for c in facts[i].claims if c.kind == "killed"]
        if claim.rule == BESIDES_RULE:
            counted = [c for c in counted if c.victims == "militants"]
        if not counted:
            facts[i].claims.append(claim)


NIGHT_HOUR_SENTENCES = 3


def _settle_nights(facts: list[Facts]) -> None:
    """"Dans la nuit de samedi à dimanche ... Les assaillants, arrivés vers 2 heures du matin":
    an hour after midnight told in the next sentences (up to NIGHT_HOUR_SENTENCES, in the same or
    the next paragraph) makes the night's second day the date."""
    for i, f in enumerate(facts):
        if not any(unsettled_night(d) for d in f.dates):
            continue
        night = max(n.date for n in f.dates)
        for after in facts[i + 1:i + 1 + NIGHT_HOUR_SENTENCES]:
            # a later sentence may date what came after ("lu lundi soir à la télévision", "quelques heures
            # après la Saint-Sylvestre"), never an earlier day: that is another story
            if after.sentence.paragraph - f.sentence.paragraph > 1 or any(d.date < night for d in after.dates):
                break
            if hour_after_midnight(after.sentence.text):
                f.dates = [settle_night(d) for d in f.dates]
                break


def _publication_stamp(f: Facts, published: dt.date, language: str) -> bool:
    """A line that only dates the publication ("Weekly incident brief | 12 December 2022") tells
    no incident: its date is no event's."""
    return (all(d.date == published for d in f.dates) and not (f.actors or f.claims or f.places)
            and violence_word([f.sentence.text], language) is None)


def analyse(title: str, text: str, language: str, published: dt.datetime) -> list[Facts]:
    """Run every extractor once and file its findings by sentence."""
    facts = locate(title, text, language)
    measure(facts, language, published)
    return facts


def _attribute_lead_figures(facts: list[Facts], language: str) -> None:
    """Figures in the title and first paragraph come from the source the lead names.

    News leads state the toll first and name its source once, often a sentence
    or a paragraph later ("According to Malian officials, ..."); an unsourced
    lead figure takes the first non-perpetrator source of the first two paragraphs.
    """
    lead = [f for f in facts if f.sentence.paragraph <= 1 and any(c.claimant is None for c in f.claims)]
    if not lead:
        return
    source: tuple[str, str] | None = None
    for f in facts:
        if f.sentence.paragraph > 2:
            break
        if f.sentence.paragraph == 0:
            continue
        name, kind = resolve_claimant(f.sentence.text, 0, 0, language)
        if name and kind not in ("perpetrator", "unknown"):
            source = (name, kind)
            break
    if source:
        for f in lead:
            f.claims = [replace(c, claimant=source[0], claimant_type=source[1]) if c.claimant is None else c
                        for c in f.claims]


def _accident_headline(title: str, lead: list[Facts], language: str) -> bool:
    """"Floods kill seven in Cameroon's Far North": a headline that names the accident, in a lead that names
    no armed group; a group named further down ("the region has long suffered Boko Haram") caused nothing."""
    return accident_story(title, [], language) is not None and not any(
        is_non_state_armed(m.actor) for f in lead for m in f.actors)


def _day(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


@lru_cache(maxsize=16)
def _scope_countries(scope: Scope) -> frozenset[str]:
    """The core and spill-over countries (worked out once per scope: read for every place)."""
    return scope.core | frozenset(scope.spillover)


@lru_cache(maxsize=16)
def _reach(scope: Scope) -> frozenset[str]:
    """The countries whose places or national forces can make a story relevant: the scope's
    and those the Sahel groups reach."""
    return _scope_countries(scope) | frozenset(role_data()["sahel_group_reach"])


def _main_country(facts: list[Facts], scope: Scope) -> tuple[str, str] | None:
    """The in-scope country the article names most, for stories without a usable place."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    countries = _scope_countries(scope)
    for f in facts:
        for m in f.places:
            if m.certain and m.place.country in countries:
                counts[m.place.country] += 1
                first.setdefault(m.place.country, f.sentence.text)
    if not counts:
        return None
    country = counts.most_common(1)[0][0]
    return country, first[country]


def _why_irrelevant(facts: list[Facts], scope: Scope, language: str) -> str | None:
    """Why the story cannot be relevant whatever its figures and dates (None when it may be):
    it names no place or national force of the scope (or of the Sahel groups' reach), or
    no party but civilians and no word of violence (football, elections, floods)."""
    reach = _reach(scope)
    located = any(m.place.country in reach for f in facts for m in f.places) or any(
        m.actor.startswith("military_") and m.actor[9:].upper() in reach for f in facts for m in f.actors)
    if not located:
        return "no place or force of the scope named"
    armed = any(m.actor != "civilians" for f in facts for m in f.actors)
    lead = [f.sentence.text for f in facts if f.sentence.paragraph <= 2]
    # (an armed group named: read for sport only where a match may be told, a cheap look first)
    sport = sports_story(lead, language, armed) if not armed or _MAY_BE_SPORT.search(" ".join(lead)) else None
    if sport:
        return f"a sports story ({sport})"
    if armed or violence_word([f.sentence.text for f in facts], language):
        return None
    return "no armed party and no violence named"


_MAY_BE_SPORT = re.compile(r"(?i:football|match|stad|goal|but\b|coach|entraîneur|friendly|amical|league|ligue|cup\b|coupe)")


def _insecurity_story(facts: list[Facts], language: str) -> list[Facts]:
    """The sentences that show armed groups' violence in a story on insecurity's toll ("schools
    closed by insecurity ... teachers abducted and killed in armed groups' attacks"), which has no
    incident of its own; none when the lead does not speak of insecurity."""
    lead = [f.sentence.text for f in facts if f.sentence.paragraph <= TOLD_PARAGRAPHS]
    if insecurity_word(lead) is None:
        return []
    told = [f for f in facts if any(is_non_state_armed(m.actor) for m in f.actors)
            and violence_word([f.sentence.text], language)]
    # people harmed in it: "la lutte contre les groupes jihadistes" in a political story is no toll
    return told if any(tells_harm(f.sentence.text) for f in told) else []


def _irrelevant_output(article_id: Any, facts: list[Facts], language: str, why: str, explain: bool) -> dict:
    """The not-relevant line, decided before the costly extractors run."""
    actors = resolve_actors([m for f in facts for m in f.actors])
    relevance = assess(None, actors, [], [f.sentence.text for f in facts], language)
    out = {"id": article_id, "relevant": False, "score": relevance.score, "language": language,
           "countries": [], "events": []}
    if explain:
        out["explain"] = {"relevant": {"value": False, "sentence": None,
                                       "rule": "; ".join((why,) + relevance.reasons)}}
    return out


NEWS_DAYS = 7     # an incident told further down is the story's news when it is this recent


def _news_told_further_down(incidents: list, primary: Built, language: str, day: dt.date,
                            main_country: tuple[str, str] | None, explain: bool) -> tuple[list, Built]:
    """A lead with no incident (an election, a speech) and a fresh one told further down ("In the
    Lake Chad area, meanwhile, Boko Haram fighters attacked an army position ... nine soldiers were
    killed"): the fresh one is the event the story reports. Recaps of older incidents are not."""
    for i, incident in enumerate(incidents[1:], start=1):
        if not incident.rule.startswith("separate"):
            continue
        candidate = build_event(replace(incident, primary=True), language, day, main_country, explain=explain)
        when = _day(candidate.event["date"]) if candidate and candidate.event["date_precision"] == "day" else None
        if candidate and candidate.event["sub_event_type"] and candidate.event["fatalities"] \
                and when is not None and (day - when).days <= NEWS_DAYS:
            demoted = replace(incidents[0], primary=False, rule="lead without an incident")
            return [replace(incident, primary=True), demoted] + incidents[1:i] + incidents[i + 1:], candidate
    return incidents, primary


ACCIDENT_PARAGRAPHS = 4   # a story calls its blast an accident early ("l'accident serait dû à un excès de vitesse")
OLD_INCIDENT_DAYS = 90     # a trial's story whose incident is older than this reports the trial


def _long_before(event: Mapping[str, Any], published: dt.date) -> bool:
    """The event's date lies more than OLD_INCIDENT_DAYS before publication."""
    day = _day(event["date"])
    return day is not None and (published - day).days > OLD_INCIDENT_DAYS


def _earlier_year(title: str, published: dt.date) -> bool:
    """The title names a year before publication's ("... over 2016 Nampala army base attack")."""
    return any(int(y) < published.year for y in YEAR.findall(title))


def _explained(built: Built, extra: Mapping[str, Any] | None = None) -> dict:
    explain = {name: d.to_dict() for name, d in built.explain.items()}
    if extra:
        explain.update(extra)
    return {**built.event, "explain": explain}


def tag_article(article: Mapping[str, Any], *, scope: Scope = DEFAULT_SCOPE, explain: bool = False) -> dict:
    """Tag one article (id, title, text, published, optional url and language)."""
    title = str(article.get("title") or "")
    text = str(article.get("text") or "")
    language = guess_language(f"{title}\n{text}", article.get("language"))
    published = parse_published(article.get("published"))
    facts = locate(title, text, language)
    why = _why_irrelevant(facts, scope, language)
    if why:
        return _irrelevant_output(article.get("id"), facts, language, why, explain)
    measure(facts, language, published)
    day = published.date()
    incidents = group_incidents(facts, language, day)
    main_country = _main_country(facts, scope)
    primary = build_event(incidents[0], language, day, main_country, explain=explain)
    if primary.event["sub_event_type"] is None and not primary.event["claims"] and len(incidents) > 1:
        incidents, primary = _news_told_further_down(incidents, primary, language, day, main_country, explain)
    event, main = primary.event, incidents[0]
    lead = [f for f in facts if f.sentence.paragraph <= 1]
    home_countries = _scope_countries(scope)
    home = sum(1 for f in lead for m in f.places if m.place.country in home_countries)
    elsewhere = set_elsewhere([f.sentence.text for f in lead], home)
    scope_reason = in_scope(scope, event["country"], event["admin1"], event["actors"], elsewhere)
    # A review of the month's attacks has no lead incident of its own; its incidents' tolls
    # still show armed violence in scope.
    claims = [c for f in main.facts for c in f.claims]
    if not any(c.kind in CASUALTY_KINDS for c in claims):
        claims += [c for incident in incidents[1:] for f in incident.facts for c in f.claims if not c.is_cumulative]
    # forces killing civilians is violence however plainly told ("sept bergers ont été tués par des soldats")
    typed = "state forces against civilians" if event["event_type"] == "Violence against civilians" and any(
        is_state_force(a) for a in event["perpetrators"]) else None
    relevance = assess(scope_reason, event["actors"], claims, [f.sentence.text for f in primary.told], language,
                       elsewhere, typed)
    if not relevance.relevant and scope_reason and (told := _insecurity_story(facts, language)):
        armed = [m.actor for f in told for m in f.actors if is_non_state_armed(m.actor)]
        relevance = assess(scope_reason, armed, claims, [f.sentence.text for f in told], language, elsewhere)
    told_on = event["sub_event_type"] is not None and event["claims"] and not _long_before(event, day) \
        and not _earlier_year(title, day)
    if relevance.relevant and (court := court_story(title, [f.sentence.text for f in lead], language,
                                                    old=not told_on and (_long_before(event, day)
                                                                         or _earlier_year(title, day)),
                                                    extra=1 if told_on else 0)):
        # a trial recalls attacks without reporting one ("le procès de l'attaque du Radisson Blu"); one that seems
        # to tell an incident (a soldier's mother speaking in court of her son killed there) takes a word more
        relevance = overruled(relevance, f"a court story ({court}) with no incident")
    if relevance.relevant and (not any(is_non_state_armed(a) and a != "unidentified_armed_group" for a in event["actors"])
                               or _accident_headline(title, lead, language)) \
            and (accident := accident_story(title, [f.sentence.text for f in facts
                                                    if 0 < f.sentence.paragraph <= ACCIDENT_PARAGRAPHS],
                                            language)):
        # a tanker that blew up after overturning, a road crash: deaths nobody's violence caused
        relevance = overruled(relevance, f"an accident story ({accident}) with no armed group")
    if relevance.relevant and not any(is_non_state_armed(a) and a != "unidentified_armed_group" for a in event["actors"]) \
            and (robbery := robbery_story(title, [f.sentence.text for f in lead], language)):
        # "Braquage d'un bureau de change à Ouaga : deux morts": criminals after money
        relevance = overruled(relevance, f"a robbery ({robbery}) with no armed group")

    events: list[dict] = []
    if relevance.relevant:
        extra = {"relevant": {"value": True, "sentence": facts[0].sentence.text if facts else None,
                              "rule": "; ".join(relevance.reasons)}}
        events.append(name_unseen_attackers(_explained(primary, extra) if explain else event))
        # Background incidents are worth an event when they have a place or a toll.
        for incident in incidents[1:]:
            if not any(f.claims or f.places for f in incident.facts):
                continue
            other = build_event(incident, language, day, main_date=_day(event["date"]),
                                scene_or_toll=True, explain=explain)
            if other is not None:
                note = {"incident": {"value": "background", "sentence": None, "rule": incident.rule}}
                events.append(name_unseen_attackers(_explained(other, note) if explain else other.event))
    countries = sorted({e["country"] for e in events
                        if e["country"] and in_scope(scope, e["country"], e["admin1"], e["actors"])})
    out = {"id": article.get("id"), "relevant": relevance.relevant, "score": relevance.score,
           "language": language, "countries": countries, "events": events}
    if explain and not relevance.relevant:
        out["explain"] = {"relevant": {"value": False, "sentence": None,
                                       "rule": "; ".join(relevance.reasons) or "no in-scope violence found"}}
    return out
