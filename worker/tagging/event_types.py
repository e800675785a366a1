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

from .actors import ActorMention, find_actors, in_government_camp, is_non_state_armed, is_state_force, roles
from .numbers import holds_any, lower_is_faithful
from .regex import factor_labelled, flatten, heads, lower_literals, lower_same_length, top_level_alternatives

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
_LOOT = "looting_property_destruction"
_TERRITORY_CHANGE = ("government_regains_territory", "non_state_actor_overtakes_territory")
_GROUND = ("assault", "armed_clash", "kill")
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


@dataclass(frozen=True, slots=True)
class _CueTable:
    """Every cue alternative in one first-letter trie, matched on the lower-cased sentence;
    the few whose first letter cannot be read off are tried beside it at each match.
    `finder` is `pattern` without its labels, to find where cues start; `by_letter` holds,
    for each letter cues open with, `pattern` cut down to what can start with that letter."""

    pattern: re.Pattern[str]
    other: re.Pattern[str] | None
    weights: list[dict[str, float]]
    negation: re.Pattern[str]
    finder: re.Pattern[str]
    by_letter: dict[str, re.Pattern[str]]


_LABEL = re.compile(r"\(\?P<c\d+_\d+_\d+>")


def _unlabelled(pattern: str) -> str:
    """The cue alternation with its named groups made plain: it matches the same text, and
    the engine scans much faster when it need not record where several hundred groups start."""
    return _LABEL.sub("(?:", pattern)


def _plain_lead(alternative: str) -> bool:
    """True when the alternative opens with a letter or digit it always matches."""
    return alternative[:1].isalnum() and alternative[1:2] not in ("?", "*", "+", "{")


def _by_letter(alternatives: list[tuple[str, str]]) -> dict[str, re.Pattern[str]]:
    """For each letter the labelled alternatives open with, those that can match at a word
    starting with it, in their order: the same one wins there as in the whole alternation,
    and naming it costs a few groups instead of several hundred."""
    letters = {alt[0] for alt, _ in alternatives if _plain_lead(alt)}
    return {
        letter: re.compile(r"(?<!\w)" + factor_labelled(
            [(alt, label) for alt, label in alternatives if not _plain_lead(alt) or alt[0] == letter]) + r"(?!\w)")
        for letter in letters
    }


@cache
def _cues(language: str) -> _CueTable:
    lang = "fr" if language == "fr" else "en"
    cues = _data()["cues"][lang]
    known: list[tuple[int, str]] = []
    unknown: list[tuple[int, str]] = []
    for i, (pattern, _) in enumerate(cues):
        for alt in top_level_alternatives(lower_literals(pattern)):
            (known if heads(alt) else unknown).append((i, alt))

    def labelled(alts: list[tuple[int, str]]) -> list[tuple[str, str]]:
        alts = sorted(alts, key=lambda x: -len(x[1]))  # "rocket-propelled grenade" before "grenade"
        return [(flat, f"c{i}_{j}_{k}") for j, (i, alt) in enumerate(alts) for k, flat in enumerate(flatten(alt))]

    known_labelled = labelled(known)
    pattern = r"(?<!\w)" + factor_labelled(known_labelled) + r"(?!\w)"
    return _CueTable(
        re.compile(pattern),
        re.compile(r"(?<!\w)" + factor_labelled(labelled(unknown)) + r"(?!\w)") if unknown else None,
        [c[1] for c in cues],
        re.compile(_data()["negation"][lang], re.IGNORECASE),
        re.compile(_unlabelled(pattern)),
        _by_letter(known_labelled),
    )


def _cue_hits(sentence: str, table: _CueTable) -> list[tuple[int, int]]:
    """(cue index, start) of every non-overlapping cue, leftmost-longest per word start."""
    lowered = lower_same_length(sentence)
    hits: list[tuple[int, int]] = []
    if table.other is None:
        # The unlabelled scan finds the same matches; the labelled pattern of the cues that can
        # open with the match's first letter then names each one.
        by_letter, every_cue = table.by_letter, table.pattern
        for m in table.finder.finditer(lowered):
            start = m.start()
            named = by_letter.get(lowered[start], every_cue).match(lowered, start)
            label = named.lastgroup or ""  # type: ignore[union-attr]
            hits.append((int(label[1 : label.index("_")]), start))
        return hits
    # the two tables' next matches, each searched again only once the other has passed it
    k, o = table.pattern.search(lowered), table.other.search(lowered)
    while k is not None or o is not None:
        m = k if o is None or k is not None and (k.start(), -k.end()) <= (o.start(), -o.end()) else o
        label = m.lastgroup or ""
        hits.append((int(label[1 : label.index("_")]), m.start()))
        pos = m.end()
        if k is not None and k.start() < pos:
            k = table.pattern.search(lowered, pos)
        if o is not None and o.start() < pos:
            o = table.other.search(lowered, pos)
    return hits


def _sentence_weights(n: int) -> list[float]:
    w = _data()["sentence_weights"]
    lead = list(w["lead"])
    return [w["title"]] + [lead[i] if i < len(lead) else w["rest"] for i in range(n - 1)]


# "arrived the day after an improvised explosive device had struck a military vehicle", "au lendemain de
# l'explosion d'un engin artisanal", "in retaliation for": the act the incident answered, not the incident
_EARLIER_ACT = re.compile(r"(?<!\w)(?:the day after|a day after|days after|weeks after|a week after|months after|"
                          r"a month after|the morning after|au lendemain d|le lendemain d|quelques jours après|"
                          r"(?:jours|semaines|mois) après|in retaliation for|in reprisal for|in revenge for|"
                          r"en représailles? (?:à|a|d)|pour venger)[^.;]{0,45}$", re.IGNORECASE)
_EARLIER_ACT_WORDS = ("after", "lendemain", "après", "retaliation", "reprisal", "revenge", "représaille", "venger")
_EARLIER_ACT_HINT = re.compile("|".join(_EARLIER_ACT_WORDS), re.IGNORECASE)


# "troops, backed by a fighter jet, forced them to withdraw", "appuyés par des drones": the means that
# supported a force in the fight, not the fight's type
_SUPPORT = re.compile(r"(?<!\w)(?:backed|supported|assisted|covered)\s+by\s+(?:[\w'’-]+\s+){0,3}$|"
                      r"with\s+(?:the\s+)?(?:support|backing|help)\s+of\s+(?:[\w'’-]+\s+){0,3}$|"
                      r"(?:appuyée?s?|soutenue?s?|épaulée?s?|couverte?s?)\s+par\s+(?:[\w'’-]+\s+|l['’]\s*){0,3}$|"
                      r"avec\s+l['’]\s*(?:appui|aide|soutien)\s+(?:[\w'’-]+\s+|l['’]\s*|d['’]\s*){0,3}$", re.IGNORECASE)
_SUPPORT_WORDS = ("backed", "supported", "assisted", "covered", "support", "backing", "help", "appuy", "soutenu", "épaul",
                  "couvert", "appui", "aide", "soutien")


# "un kamikaze à moto", "a suicide bomber on a motorbike": how the bomber came, no ground assault
_BOMBER_RIDES = re.compile(r"(?<!\w)(?:kamikazes?|bombers?|suicide attackers?)\s*,?\s*$", re.IGNORECASE)
_BOMBER_WORDS = ("kamikaze", "bomber", "suicide attacker")
# "a rocket attack on the camp", "mortar attacks on the base": the remote means named, no ground assault
_REMOTE_MEANS_BEFORE = re.compile(r"(?<!\w)(?:rocket|mortar|missile|shell|artillery|drone|air|IED|bomb|grenade)s?\s*$",
                                  re.IGNORECASE)


def _no_ground_assault(sentence: str, start: int, bomber: bool) -> bool:
    """The assault cue at `start` tells how a bomber came or what remote means struck, no fight on the ground.
    `bomber`: the sentence names one (the test that saves a regex on most sentences)."""
    lo = max(0, start - 25)
    return bool(bomber and _BOMBER_RIDES.search(sentence, lo, start) or _REMOTE_MEANS_BEFORE.search(sentence, lo, start))


def _may_tell_earlier_act(sentence: str) -> bool:
    """Whether `sentence` holds a word of _EARLIER_ACT: one look for each word in the lower-cased
    sentence (a case-blind alternation is tried at every character), the regex only where lower
    case is not what IGNORECASE reads."""
    if holds_any(lower_same_length(sentence), _EARLIER_ACT_WORDS):
        return True
    return not lower_is_faithful(sentence) and _EARLIER_ACT_HINT.search(sentence) is not None


def _score(sentences: Sequence[str], language: str) -> tuple[dict[str, float], list[dict[str, float]]]:
    table = _cues(language)
    total: dict[str, float] = defaultdict(float)
    per_sentence: list[dict[str, float]] = []
    for s, w in zip(sentences, _sentence_weights(len(sentences))):
        seen: set[int] = set()
        local: dict[str, float] = defaultdict(float)
        earlier_act = _may_tell_earlier_act(s)    # one cheap test a sentence, not one a cue
        lowered = lower_same_length(s)
        support = holds_any(lowered, _SUPPORT_WORDS)
        bomber = holds_any(lowered, _BOMBER_WORDS)
        for cue, start in _cue_hits(s, table):
            weights = table.weights[cue]
            if cue in seen or table.negation.search(s, max(0, start - 30), start) \
                    or earlier_act and _EARLIER_ACT.search(s, max(0, start - 70), start) \
                    or support and _SUPPORT.search(s, max(0, start - 50), start) \
                    or "assault" in weights and _no_ground_assault(s, start, bomber):
                continue
            seen.add(cue)
            for cat, cw in weights.items():
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
        # soldiers and VDP who together "rounded up men ... where they were shot" are no opponents of each other
        allies = bool(self.perpetrators) and all(in_government_camp(a) for a in self.perpetrators)
        return any((is_state_force(a) or is_non_state_armed(a)) and not (allies and in_government_camp(a))
                   for a in self.targets)

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
    named = {a if isinstance(a, str) else a.actor for a in actors}
    if actors and all(isinstance(a, str) for a in actors) and not any(is_state_force(a) for a in named):
        # the event's parties, sources and responders left out: a force that only said or came after
        # ("Police say Bilbis attack toll rises") is no side
        perps = {a for a in perps if not is_state_force(a)}
        targets = {a for a in targets if not is_state_force(a)}
    present = named | perps | targets
    return _Sides(perps, targets - perps, present)


def _evidence(cats: Sequence[str], sentences: Sequence[str], per_sentence: list[dict[str, float]]) -> str:
    """The sentence that contributes most to the deciding categories."""
    best = max(range(len(sentences)), key=lambda i: (sum(per_sentence[i].get(c, 0.0) for c in cats), -i))
    return sentences[best]


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rules read: summed cue scores, per-sentence scores and who did what to whom."""

    s: dict[str, float]
    per: list[dict[str, float]]
    sides: _Sides

    @property
    def ground(self) -> float:
        return self.s["assault"] + self.s["armed_clash"]

    @property
    def violence(self) -> float:
        return sum(self.s[c] for c in _VIOLENT)

    @property
    def lead_kill(self) -> float:
        """Deaths in the title or lead; deaths in the background do not count."""
        return sum(p.get("kill", 0) for p in self.per[:4])

    @property
    def armed_opponent(self) -> bool:
        sides = self.sides
        facility_hit = self.s["armed_target"] >= 2 and not sides.targets_civilians()
        return sides.targets_armed() or (facility_hit and not sides.state_perpetrator())


_Decision = tuple[str, str, Sequence[str]] | None  # sub_event_type, rule, categories for the evidence


def _strategic(c: _Context) -> _Decision:
    sd = _SD + ((_LOOT,) if c.lead_kill < 1 else ())
    best = max(sd, key=lambda k: c.s[k])
    if c.s[best] >= 3 and c.s[best] > c.violence:  # a ceasefire, a pull-out
        return best, f"cue:{best} outweighs violence", [best]
    # A title announcing a strategic development and no violence frames the article
    # ("Wagner says it is leaving Mali"); past fighting in the body is background. A town
    # taken or retaken in the lead is no such frame: "rebels take Ber after army pulls out".
    if c.s[best] >= 3 and c.per[0].get(best, 0) > 0 and not any(c.per[0].get(k, 0) for k in _VIOLENT) \
            and not any(p.get(k, 0) for p in c.per[:2] for k in _TERRITORY_CHANGE):
        return best, f"title:{best} without violence", [best]
    return None


def _territory(c: _Context) -> _Decision:
    """Territory changes hands: ACLED codes the Battle sub-type by who gains it."""
    regain, seize = _TERRITORY_CHANGE
    in_lead = any(p.get(k, 0) for p in c.per[:2] for k in _TERRITORY_CHANGE)
    if max(c.s[regain], c.s[seize]) < (_TERRITORY if in_lead else 1.5 * _TERRITORY):
        return None
    if c.s[regain] >= c.s[seize] or (c.sides.state_perpetrator() and not c.sides.non_state_perpetrator()):
        return regain, "cue:territory regained", [regain]
    return seize, "cue:territory seized", [seize]


def _abduction(c: _Context) -> _Decision:
    """Abduction led by the title or lead: a mass kidnapping stays one even if someone is killed."""
    k = "abduction_forced_disappearance"
    if max(c.s[r] for r in _REMOTE) > 2 * c.s[k]:
        return None     # a suicide bombing by girls "often abducted in the villages": the bombing
    if c.s[k] >= 6 or (c.s[k] >= 3 and c.s[k] >= c.s["kill"]):
        if not (c.sides.targets_armed() and not c.sides.targets_civilians() and c.ground >= c.s[k]):
            return k, "cue:abduction", [k]
    return None


def _destruction(c: _Context) -> _Decision:
    """Property as the object and nobody killed: looting/property destruction, even by explosives."""
    if c.lead_kill < 1 and c.s["kill"] < 1 and c.s[_LOOT] >= 1.5 and (c.s["property"] > 0 or c.ground < 2):
        return _LOOT, "cue:destruction without deaths", [_LOOT, "property"]
    if c.s["sexual_violence"] >= 3:
        return "sexual_violence", "cue:sexual violence", ["sexual_violence"]
    return None


def _remote(c: _Context) -> _Decision:
    remote = max(_REMOTE, key=lambda k: c.s[k])
    if c.s[remote] < 2:
        return None
    # ACLED: remote violence followed by a ground assault on armed opponents is a Battle
    # (mortar fire then an assault; an IED ambush followed by gunfire).
    together = any(p.get(remote, 0) and p.get("assault", 0) + p.get("armed_clash", 0) for p in c.per)
    # A title naming only the remote means ("roadside bomb kills...") needs the ground fight in
    # the same sentence as the explosion; later clashes are background. A title reporting an
    # "attack" on armed men frames the explosions as part of an assault.
    title = c.per[0]
    framed = title.get("assault", 0) + title.get("armed_clash", 0) > 0
    title_remote = title.get(remote, 0) > 0 and not framed
    framed = framed or (title.get("violence", 0) > 0 and not title_remote)
    outweighs = c.ground >= c.s[remote] and not title_remote
    enough_ground = c.ground >= 2 or (framed and c.ground > 0)
    if c.armed_opponent and enough_ground and (together or framed or outweighs):
        return "armed_clash", f"rule:{remote} then ground assault on armed opponents", _GROUND
    if remote in ("suicide_bomb", "air_drone_strike") or c.ground < c.s[remote] or title_remote:
        return remote, f"cue:{remote}", [remote]
    return None


def _violence(c: _Context) -> _Decision:
    """Battle when both sides are armed; Violence against civilians when the victims are unarmed."""
    if c.violence <= 0:
        return None
    sides = c.sides
    if sides.state_perpetrator() and sides.targets_civilians() and not sides.targets_armed() \
            and not sides.non_state_perpetrator():
        return "attack", "rule:state forces killing unarmed civilians", ["kill", "attack"]
    # fighting words beside an attack on civilians that outweighs them: the group's wider war
    one_sided = sides.targets_civilians() and c.s["attack"] > c.s["armed_clash"]
    if c.armed_opponent or (c.s["armed_clash"] >= 2 and not one_sided):
        return "armed_clash", "rule:two armed sides", _GROUND
    if sides.targets_civilians() or c.s["attack"] >= 2:
        return "attack", "rule:armed group against civilians", ["kill", "attack"]
    if any(is_state_force(a) for a in sides.present) and any(is_non_state_armed(a) for a in sides.present):
        return "armed_clash", "rule:state and non-state armed actors", _GROUND
    if "civilians" in sides.present:
        return "attack", "rule:civilian victims", ["kill", "attack"]
    armed = {a for a in sides.present if is_non_state_armed(a) or is_state_force(a)}
    if len(armed) > 1:
        armed.discard("unidentified_armed_group")     # "the attackers": the named group again
    if len(armed) == 1 and is_non_state_armed(next(iter(armed))) and c.s["kill"] > 0 and not c.s["armed_target"]:
        # "six people were killed when Boko Haram fighters raided Tourou": one armed side, and dead
        return "attack", "rule:one armed group and people killed", ["kill", "attack"]
    if c.ground >= 2:
        return "armed_clash", "cue:ground assault", _GROUND
    if c.s["kill"] >= 2:
        return "attack", "rule:killing with no armed opponent", ["kill", "attack"]
    return None


def _weak_strategic(c: _Context) -> _Decision:
    if c.s[_LOOT] >= 1.5:
        return _LOOT, "cue:looting or destruction", [_LOOT]
    best = max(_SD, key=lambda k: c.s[k])
    return (best, f"cue:{best}", [best]) if c.s[best] >= 1.5 else None


# In ACLED's order of precedence: what the article is about, who gains ground, then the means.
_RULES = (_strategic, _territory, _abduction, _destruction, _remote, _violence, _weak_strategic)


def classify(
    sentences: Sequence[str], actors: Sequence[ActorMention | str] = (), language: str = "en"
) -> EventType | None:
    """Type the primary incident from its sentences (title first); None when nothing violent
    or strategic is described."""
    sentences = [s for s in sentences if s and s.strip()]
    if not sentences:
        return None
    s, per = _score(sentences, language)
    context = _Context(s, per, _sides(sentences, actors, language))
    for rule in _RULES:
        decision = rule(context)
        if decision:
            sub, why, cats = decision
            return EventType(_data()["event_types"][sub], sub, why, _evidence(cats, sentences, per))
    return None
