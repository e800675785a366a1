"""ACLED event typing of a primary incident from keyword cues plus who did what to whom.

Cues (data/event_types.json) give weighted evidence per sub_event_type; the title and the
first sentences weigh more. Rules then apply ACLED's coding decisions (EVENT-SCHEMA.md):
a ground assault on armed opponents is a Battle even when it opens with mortars, IEDs or
drones; remote violence without a ground fight stays Explosions/Remote violence; killing
unarmed people is Violence against civilians whoever the perpetrator.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from worker.tagging.actors import (
    ActorMention,
    find_actors,
    is_non_state_armed,
    is_state_force,
    kind,
    roles,
)

_DATA = Path(__file__).resolve().parent / "data" / "event_types.json"

_REMOTE = (
    "suicide_bomb",
    "air_drone_strike",
    "remote_explosive_landmine_ied",
    "shelling_artillery_missile_attack",
    "grenade",
)
_VIOLENT = (
    "violence", "kill", "assault", "armed_clash", "attack", "abduction_forced_disappearance", "sexual_violence",
    "government_regains_territory", "non_state_actor_overtakes_territory",
) + _REMOTE
_SD = ("agreement", "arrests", "change_to_group_activity", "headquarters_or_base_established")
_TERRITORY = 4.0  # a cue in the title or lead, or several later: one 'briefly occupied' is not a takeover


@dataclass(frozen=True, slots=True)
class EventType:
    event_type: str
    sub_event_type: str
    rule: str
    evidence: str


@cache
def _data() -> dict[str, Any]:
    with _DATA.open(encoding="utf-8") as f:
        return json.load(f)


def _top_level_alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level '|' (outside groups and character classes)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return parts + [pattern[start:]]


@dataclass(frozen=True, slots=True)
class _CueTable:
    """Cue regexes bucketed by the first letter they can start with: at each word start only
    that letter's bucket (and the few cues starting with a group) are tried."""

    by_head: dict[str, re.Pattern[str]]
    other: re.Pattern[str] | None
    weights: list[dict[str, float]]
    negation: re.Pattern[str]


_WORD_START = re.compile(r"(?<!\w)\w")


@cache
def _cues(language: str) -> _CueTable:
    lang = "fr" if language == "fr" else "en"
    cues = _data()["cues"][lang]
    buckets: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, (pattern, _) in enumerate(cues):
        for alt in _top_level_alternatives(pattern):
            head = alt[0].lower() if alt and alt[0].isalpha() else ""
            buckets[head].append((i, alt))

    def compile_bucket(alts: list[tuple[int, str]]) -> re.Pattern[str]:
        alts = sorted(alts, key=lambda x: -len(x[1]))  # "rocket-propelled grenade" before "grenade"
        body = "|".join(f"(?P<c{i}_{j}>{alt})" for j, (i, alt) in enumerate(alts))
        return re.compile(r"(?:" + body + r")(?!\w)", re.IGNORECASE)

    other = buckets.pop("", None)
    return _CueTable(
        {head: compile_bucket(alts) for head, alts in buckets.items()},
        compile_bucket(other) if other else None,
        [c[1] for c in cues],
        re.compile(_data()["negation"][lang], re.IGNORECASE),
    )


def _cue_hits(sentence: str, table: _CueTable) -> list[tuple[int, int]]:
    """(cue index, start) of every non-overlapping cue, leftmost-longest per word start."""
    hits: list[tuple[int, int]] = []
    resume = 0
    for w in _WORD_START.finditer(sentence):
        pos = w.start()
        if pos < resume:
            continue
        best: re.Match[str] | None = None
        for pat in (table.by_head.get(sentence[pos].lower()), table.other):
            m = pat.match(sentence, pos) if pat else None
            if m and (best is None or m.end() > best.end()):
                best = m
        if best is not None and best.lastgroup:
            hits.append((int(best.lastgroup[1 : best.lastgroup.index("_")]), pos))
            resume = best.end()
    return hits


def _sentence_weights(n: int) -> list[float]:
    w = _data()["sentence_weights"]
    lead = list(w["lead"])
    return [w["title"]] + [lead[i] if i < len(lead) else w["rest"] for i in range(n - 1)]


def _score(sentences: Sequence[str], language: str) -> tuple[dict[str, float], list[dict[str, float]]]:
    table = _cues(language)
    total: dict[str, float] = defaultdict(float)
    per_sentence: list[dict[str, float]] = []
    for s, w in zip(sentences, _sentence_weights(len(sentences))):
        seen: set[int] = set()
        local: dict[str, float] = defaultdict(float)
        for cue, start in _cue_hits(s, table):
            if cue in seen or table.negation.search(s, max(0, start - 30), start):
                continue
            seen.add(cue)
            for cat, cw in table.weights[cue].items():
                local[cat] += cw * w
                total[cat] += cw * w
        per_sentence.append(local)
    return total, per_sentence


@dataclass(slots=True)
class _Sides:
    perpetrators: set[str]
    targets: set[str]
    present: set[str]

    def targets_armed(self) -> bool:
        return any(is_state_force(a) or is_non_state_armed(a) for a in self.targets)

    def targets_civilians(self) -> bool:
        return "civilians" in self.targets

    def state_perpetrator(self) -> bool:
        return any(is_state_force(a) for a in self.perpetrators)

    def non_state_perpetrator(self) -> bool:
        return any(is_non_state_armed(a) for a in self.perpetrators)


def _sides(sentences: Sequence[str], actors: Sequence[ActorMention | str], language: str) -> _Sides:
    perps: set[str] = set()
    targets: set[str] = set()
    for s in sentences[:4]:  # the incident's own sentences; later ones drift to background
        found = find_actors(s, language)
        for actor, role in roles(s, found, language, territory=True).items():
            (perps if role == "perpetrator" else targets if role == "target" else set()).add(actor)
    present = {a if isinstance(a, str) else a.actor for a in actors} | perps | targets
    return _Sides(perps, targets - perps, present)


def _evidence(cats: Sequence[str], sentences: Sequence[str], per_sentence: list[dict[str, float]]) -> str:
    """The sentence that contributes most to the deciding categories."""
    best = max(range(len(sentences)), key=lambda i: (sum(per_sentence[i].get(c, 0.0) for c in cats), -i))
    return sentences[best]


def classify(
    sentences: Sequence[str], actors: Sequence[ActorMention | str] = (), language: str = "en"
) -> EventType | None:
    """Type the primary incident from its sentences (title first); None when nothing violent
    or strategic is described."""
    sentences = [s for s in sentences if s and s.strip()]
    if not sentences:
        return None
    s, per = _score(sentences, language)
    sides = _sides(sentences, actors, language)
    ground = s["assault"] + s["armed_clash"]
    violence = sum(s[c] for c in _VIOLENT)
    armed_opponent = sides.targets_armed() or (
        s["armed_target"] >= 2 and not sides.targets_civilians() and not sides.state_perpetrator()
    )

    def result(sub: str, rule: str, cats: Sequence[str]) -> EventType:
        return EventType(_data()["event_types"][sub], sub, rule, _evidence(cats, sentences, per))

    # Strategic developments that outweigh any violence in the text (a ceasefire, a pull-out).
    lead_kill = sum(p.get("kill", 0) for p in per[:2])  # deaths in the background do not count
    sd = _SD + (("looting_property_destruction",) if lead_kill < 1 else ())
    sd_best = max(sd, key=lambda c: s[c])
    if s[sd_best] >= 3 and s[sd_best] > violence:
        return result(sd_best, f"cue:{sd_best} outweighs violence", [sd_best])
    # A title that announces a strategic development and no violence frames the article
    # ("Wagner says it is leaving Mali"); past fighting in the body is background.
    title_violent = any(per[0].get(c, 0) for c in _VIOLENT)
    if s[sd_best] >= 3 and per[0].get(sd_best, 0) > 0 and not title_violent:
        return result(sd_best, f"title:{sd_best} without violence", [sd_best])

    # Territory changes hands: ACLED codes the Battle sub-type by who gains it.
    regain, overtake = s["government_regains_territory"], s["non_state_actor_overtakes_territory"]
    in_lead = any(p.get(c, 0) for p in per[:2] for c in ("government_regains_territory", "non_state_actor_overtakes_territory"))
    if max(regain, overtake) >= (_TERRITORY if in_lead else 1.5 * _TERRITORY):
        state_gain = regain >= overtake or (sides.state_perpetrator() and not sides.non_state_perpetrator())
        if state_gain:
            return result("government_regains_territory", "cue:territory regained", ["government_regains_territory"])
        return result("non_state_actor_overtakes_territory", "cue:territory seized", ["non_state_actor_overtakes_territory"])

    # Abduction led by the title or lead: a mass kidnapping stays one even if someone is killed.
    abduction = s["abduction_forced_disappearance"]
    if abduction >= 6 or (abduction >= 3 and abduction >= s["kill"]):
        if not (sides.targets_armed() and not sides.targets_civilians() and ground >= abduction):
            return result("abduction_forced_disappearance", "cue:abduction", ["abduction_forced_disappearance"])

    # Property as the object and nobody killed: looting/property destruction, even by explosives.
    if lead_kill < 1 and s["looting_property_destruction"] >= 1.5 and (s["property"] > 0 or ground < 2):
        return result("looting_property_destruction", "cue:destruction without deaths", ["looting_property_destruction", "property"])

    if s["sexual_violence"] >= 3:
        return result("sexual_violence", "cue:sexual violence", ["sexual_violence"])

    remote = max(_REMOTE, key=lambda c: s[c])
    if s[remote] >= 2:
        # ACLED: remote violence followed by a ground assault on armed opponents is a Battle
        # (mortar fire then an assault; an IED ambush followed by gunfire).
        together = any(p.get(remote, 0) and p.get("assault", 0) + p.get("armed_clash", 0) for p in per)
        framed = per[0].get("assault", 0) + per[0].get("armed_clash", 0) > 0
        # A title naming only the remote means ("roadside bomb kills...") needs the ground fight
        # reported in the same sentence as the explosion; later clashes are background.
        title_remote = per[0].get(remote, 0) > 0 and not framed
        if armed_opponent and ground >= 2 and (together or framed or (ground >= s[remote] and not title_remote)):
            return result("armed_clash", f"rule:{remote} followed by ground assault on armed opponents", ["assault", "armed_clash"])
        if remote in ("suicide_bomb", "air_drone_strike") or ground < s[remote] or title_remote:
            return result(remote, f"cue:{remote}", [remote])

    if violence > 0:
        if sides.state_perpetrator() and sides.targets_civilians() and not sides.targets_armed():
            return result("attack", "rule:state forces killing unarmed civilians", ["kill", "attack"])
        if armed_opponent or s["armed_clash"] >= 2:
            return result("armed_clash", "rule:two armed sides", ["assault", "armed_clash", "kill"])
        if sides.targets_civilians() or s["attack"] >= 2:
            return result("attack", "rule:armed group against civilians", ["kill", "attack"])
        state = any(is_state_force(a) for a in sides.present)
        armed = any(is_non_state_armed(a) for a in sides.present)
        if state and armed:
            return result("armed_clash", "rule:state and non-state armed actors", ["assault", "armed_clash", "kill"])
        if "civilians" in sides.present:
            return result("attack", "rule:civilian victims", ["kill", "attack"])
        if ground >= 2:
            return result("armed_clash", "cue:ground assault", ["assault", "armed_clash"])
        if s["kill"] >= 2:
            return result("attack", "rule:killing with no armed opponent", ["kill", "attack"])

    if s["looting_property_destruction"] >= 1.5:
        return result("looting_property_destruction", "cue:looting or destruction", ["looting_property_destruction"])
    if s[sd_best] >= 1.5:
        return result(sd_best, f"cue:{sd_best}", [sd_best])
    return None
