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


@cache
def _cues(language: str) -> tuple[re.Pattern[str], list[dict[str, float]], re.Pattern[str]]:
    """One alternation of named groups per language; group i maps to weights[i]."""
    lang = "fr" if language == "fr" else "en"
    cues = _data()["cues"][lang]
    order = sorted(range(len(cues)), key=lambda i: -len(cues[i][0]))
    alts = [f"(?P<c{i}>{cues[i][0]})" for i in order]
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE)
    return pattern, [c[1] for c in cues], re.compile(_data()["negation"][lang], re.IGNORECASE)


def _sentence_weights(n: int) -> list[float]:
    w = _data()["sentence_weights"]
    lead = list(w["lead"])
    return [w["title"]] + [lead[i] if i < len(lead) else w["rest"] for i in range(n - 1)]


def _score(sentences: Sequence[str], language: str) -> tuple[dict[str, float], list[dict[str, float]]]:
    pattern, weights, negation = _cues(language)
    total: dict[str, float] = defaultdict(float)
    per_sentence: list[dict[str, float]] = []
    for s, w in zip(sentences, _sentence_weights(len(sentences))):
        seen: set[str] = set()
        local: dict[str, float] = defaultdict(float)
        for m in pattern.finditer(s):
            g = m.lastgroup
            if g is None or g in seen or negation.search(s, max(0, m.start() - 30), m.start()):
                continue
            seen.add(g)
            for cat, cw in weights[int(g[1:])].items():
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
        return any(is_state_force(a) or (is_non_state_armed(a) and kind(a) != "unidentified") for a in self.targets)

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
        for actor, role in roles(s, found, language).items():
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
    sd = _SD + (("looting_property_destruction",) if s["kill"] < 1 else ())
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
    if s["kill"] < 1 and s["looting_property_destruction"] >= 1.5 and (s["property"] > 0 or ground < 2):
        return result("looting_property_destruction", "cue:destruction without deaths", ["looting_property_destruction", "property"])

    if s["sexual_violence"] >= 3:
        return result("sexual_violence", "cue:sexual violence", ["sexual_violence"])

    remote = max(_REMOTE, key=lambda c: s[c])
    if s[remote] >= 2:
        # ACLED: remote violence followed by a ground assault on armed opponents is a Battle
        # (mortar fire then an assault; an IED ambush followed by gunfire).
        together = any(p.get(remote, 0) and p.get("assault", 0) + p.get("armed_clash", 0) for p in per)
        framed = per[0].get("assault", 0) + per[0].get("armed_clash", 0) > 0
        if armed_opponent and ground >= 2 and (ground >= s[remote] or together or framed):
            return result("armed_clash", f"rule:{remote} followed by ground assault on armed opponents", ["assault", "armed_clash"])
        if remote in ("suicide_bomb", "air_drone_strike") or ground < s[remote]:
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
