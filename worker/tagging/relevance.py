"""Is the article about Sahel political violence, and how sure are we?

Relevant means: the incident (or the story's main country) is inside the
scope, and the story shows an armed group, or a violence word together with a
casualty figure. A place alone (football, elections, floods on the Niger) or
violence alone (another war) is not enough. The score adds the weights of the
evidence found, so an analyst sees what it rests on.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .actors import is_foreign_force, is_non_state_armed
from .regex import factor, literal
from .scope import Scope

CASUALTY_KINDS = frozenset({"killed", "wounded", "abducted", "missing", "captured"})
ARMED_VICTIMS = frozenset({"soldiers", "militants", "police", "gendarmes", "peacekeepers", "vdp", "militia"})


@dataclass(frozen=True, slots=True)
class Relevance:
    relevant: bool
    score: float
    reasons: tuple[str, ...]


@cache
def _config() -> dict:
    path = resources.files("worker.tagging") / "data" / "relevance.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _phrases(key: str, language: str, whole_words: bool) -> re.Pattern:
    """The config's phrase list `key` for `language` (both when unknown) as one alternation
    for lower-cased text (much faster than IGNORECASE); stems unless `whole_words`."""
    words = _config()[key]
    langs = (language,) if language in words else tuple(words)
    phrases = sorted({w.lower() for lang in langs for w in words[lang]}, key=len, reverse=True)
    return re.compile(r"(?<!\w)" + factor([literal(p) for p in phrases]) + (r"(?!\w)" if whole_words else ""))


@cache
def _roles() -> dict:
    path = resources.files("worker.tagging") / "data" / "roles.json"
    return json.loads(path.read_text(encoding="utf-8"))


def violence_word(texts: Iterable[str], language: str) -> str | None:
    pattern = _phrases("violence", language, whole_words=False)
    for text in texts:
        match = pattern.search(text.lower())
        if match:
            return match.group(0)
    return None


# "plus de 6 000 écoles fermées à cause de l'insécurité", "the security situation deteriorated",
# "765 000 déplacés internes": a story on what the conflict does to people's lives (food insecurity
# is another matter; a flood's displaced tell no armed group's violence, which the story must also show)
_INSECURITY = re.compile(r"(?<!\w)(?:insécurité(?!\s+(?:alimentaire|routière|foncière|juridique))|(?<!food )"
                         r"(?<!road )insecurity|(?:situation|crise) sécuritaire|security (?:situation|crisis)|"
                         r"incidents? sécuritaires?|security incidents?|"
                         # people the violence drove from home ("765 000 déplacés internes", "l'exode des villages")
                         r"déplacée?s? internes|personnes déplacées|internally displaced|displaced (?:people|persons)|exode)(?!\w)")


def insecurity_word(texts: Iterable[str]) -> str | None:
    """The first word of armed insecurity in `texts`, or None."""
    for text in texts:
        match = _INSECURITY.search(text.lower())
        if match:
            return match.group(0)
    return None


# people killed, taken, hurt or attacked: what a story on insecurity must tell to be about violence
_HARMED = re.compile(r"(?<!\w)(?:tuée?s?|tuant|tuer|assassinée?s?|enlevée?s?|enlèvements?|kidnappée?s?|exécutée?s?|"
                     r"visée?s?|attaquée?s?|pris pour cible|targeted|attacked|ambushed|"
                     r"massacrée?s?|massacres?|tueries?|assassinats?|meurtres?|exécutions?|blessée?s?|morts?|victimes|killed|killing|"
                     r"killings|murders?|murdered|assassinations?|abducted|abductions?|kidnapp\w*|"
                     r"executed|massacred|wounded|injured|dead|deaths|victims)(?!\w)", re.IGNORECASE)


def tells_harm(text: str) -> bool:
    """Whether `text` says people were killed, taken, hurt or attacked."""
    return _HARMED.search(text) is not None


def sports_story(lead: Iterable[str], language: str, armed: bool = False) -> str | None:
    """The sports words of a lead that reads as a match report ("l'attaque malienne a
    bombardé la cage"), or None. With `armed` (a group's name is read in it: Mauritania's team
    is "Al-Mourabitoune", as a jihadist group was), twice as many are needed."""
    found = {m.group(0) for text in lead for m in _phrases("sport", language, whole_words=True).finditer(text.lower())}
    return ", ".join(sorted(found)[:3]) if len(found) >= _config()["sport_words"] * (2 if armed else 1) else None


def court_story(title: str, lead: Iterable[str], language: str, old: bool = False, extra: int = 0) -> str | None:
    """The judicial words of a story whose title names a proceeding ("French court jails man
    ...", "le procès de l'attaque ... s'ouvre") and whose lead reads as justice news, or None.
    `old`: the incident lies long before publication, so one word fewer makes the lead justice news;
    `extra`: words more needed."""
    if not _phrases("court_proceedings", language, whole_words=True).search(title.lower()):
        return None
    found = {m.group(0) for text in lead for m in _phrases("court", language, whole_words=True).finditer(text.lower())}
    return ", ".join(sorted(found)[:3]) if len(found) >= _config()["court_words"] - old + extra else None


def robbery_story(title: str, lead: Iterable[str], language: str) -> str | None:
    """The robbery word of a title that names a robbery ("Braquage d'un bureau de change à Ouaga", "Police kill two
    suspected robbers") in a story whose title and lead name no terrorists or insurgents, or None."""
    found = _phrases("robbery", language, whole_words=True).search(title.lower())
    if found is None:
        return None
    political = _phrases("political_attackers", language, whole_words=True)
    return None if any(political.search(text.lower()) for text in (title, *lead)) else found.group(0)


# "not an accident", "n'était pas un accident", "ruled out an accident": the words deny it
_ACCIDENT_DENIED = re.compile(r"(?<!\w)(?:not|no|ruled out|rule out|excluded|pas|plus|aucun|exclu|écarté|écarte)\s+"
                              r"(?:(?:an?|un|une|the|l['’]|d['’]|la|le|piste|thèse|hypothèse)\s*){0,2}$")


def accident_story(title: str, lead: Iterable[str], language: str) -> str | None:
    """The accident word of a title or lead that calls the event an accident ("il s'agit d'un
    accident de la circulation", "the tanker exploded in an accident"), or None."""
    pattern = _phrases("accident", language, whole_words=True)
    for text in (title, *lead):
        lowered = text.lower()
        for m in pattern.finditer(lowered):
            if not _ACCIDENT_DENIED.search(lowered, max(0, m.start() - 30), m.start()):
                return m.group(0)
    return None


@cache
def _elsewhere_pattern() -> re.Pattern:
    names = sorted(_config()["elsewhere"], key=len, reverse=True)
    return re.compile(r"(?<!\w)" + factor([literal(n) for n in names]) + r"(?!\w)")


def set_elsewhere(lead: Iterable[str], home_mentions: int) -> str | None:
    """The foreign place a story's lead is about, when it names foreign places more
    often than in-scope ones ("Darfur ... refugees flee to Chad")."""
    found = [m.group(0) for text in lead for m in _elsewhere_pattern().finditer(text)]
    return found[0] if len(found) > home_mentions else None


def in_scope(scope: Scope, country: str | None, admin1: str | None, actors: Iterable[str],
             elsewhere: str | None = None) -> str | None:
    """Why the incident is in scope (None when it is not).

    The schema also covers any attack claimed by a Sahel jihadist group
    wherever it happens, within the groups' reach (coastal West Africa).
    """
    roles = _roles()
    groups = [a for a in actors if a in roles["sahel_groups"]]
    if country and scope.covers(country, admin1) and not elsewhere:
        return f"{country}{'/' + admin1 if admin1 else ''} in scope"
    if groups and country in roles["sahel_group_reach"]:
        return f"claimed by Sahel group {groups[0]} in {country}"
    return None


def assess(scope_reason: str | None, actors: Iterable[str], claims: Iterable, texts: Iterable[str],
           language: str, elsewhere: str | None = None, typed_violence: str | None = None) -> Relevance:
    """Score the evidence; relevant when in scope and shows an armed group, or violence
    with casualties (the weights make that exactly score >= threshold). `typed_violence`: the
    violence the event's typing found without a violence word ("seven herders were killed by
    soldiers": forces killing civilians)."""
    config = _config()
    weights = config["weights"]
    evidence, reasons = 0.0, [f"story set in {elsewhere}"] if elsewhere else []
    if scope_reason:
        reasons.append(scope_reason)
    # Armed groups, and foreign forces (Wagner, Barkhane, MINUSMA), whose deployments are
    # conflict news in themselves; a country's own army alone is not (coups, parades).
    armed = [a for a in actors if a != "civilians" and (is_non_state_armed(a) or is_foreign_force(a))]
    if armed:
        evidence += weights["armed_group"]
        reasons.append(f"armed group {armed[0]}")
    claims = list(claims)
    word = violence_word(texts, language) or typed_violence
    if not word:
        # Soldiers or fighters killed, wounded or taken is armed violence whatever the wording.
        armed_victims = [c for c in claims if c.kind in CASUALTY_KINDS and c.victims in ARMED_VICTIMS]
        word = f"{armed_victims[0].victims} {armed_victims[0].kind}" if armed_victims else None
    if word:
        evidence += weights["violence"]
        reasons.append(f"violence word '{word}'")
        toll = [c for c in claims if c.kind in CASUALTY_KINDS]
        if toll:
            evidence += weights["casualties"]
            reasons.append(f"{toll[0].kind} figure")
    if scope_reason:
        score = weights["scope_base"] + (1 - weights["scope_base"]) * evidence
    else:
        score = weights["out_of_scope_factor"] * evidence
    score = round(min(score, 1.0), 2)
    return Relevance(bool(scope_reason) and score >= config["threshold"], score, tuple(reasons))


def overruled(relevance: Relevance, reason: str) -> Relevance:
    """`relevance` made not relevant for `reason`, its score no more than a story that is only
    set in scope."""
    return Relevance(False, min(relevance.score, _config()["weights"]["scope_base"]), relevance.reasons + (reason,))
