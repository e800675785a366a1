"""Turn one incident (its sentences and what was found in them) into a schema event.

Each field is decided from the incident's own sentences only, and remembers
the sentence and rule that decided it, for `--explain`.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .actors import (find_actors, in_government_camp, is_foreign_force, is_non_state_armed, is_state_force, kind, parents,
                     resolve_actors, resolve_generic, roles as sentence_roles)
from .claims import SAME_FIGURE_SLACK, conservative_toll, harm_near, lower_bound
from .event_types import classify
from .gazetteer import lookup
from .primary import Facts, Incident, choose_date, first_match, is_reference_mention, vocabulary
from .relevance import ARMED_VICTIMS
from .text import quoted_spans

# Most specific first: the schema's location is a town; a region or a country
# only stands in when no town is named.
# A department or LGA named like its chief town ("Bosso", "Chibok") counts as a town.
SPECIFICITY = {"locality": 2, "admin2": 2, "admin1": 1, "country": 0}
MAX_EVIDENCE = 4
TOLD_PARAGRAPHS = 2    # wires tell the incident in the first two paragraphs, then give context
ROLE_SENTENCES = 4     # who attacked whom is read in the first sentences (as the classifier does)
BACKGROUND_TYPING_SENTENCES = 2


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
    told: list[Facts] = field(default_factory=list)     # the sentences that tell the incident


@cache
def role_data() -> dict:
    path = resources.files("worker.tagging") / "data" / "roles.json"
    return json.loads(path.read_text(encoding="utf-8"))


def event_facts(incident: Incident, language: str, main_date: Any = None) -> list[Facts]:
    """Sentences that tell the incident itself, not its context.

    For the primary incident: the first two paragraphs, and later sentences with a casualty
    figure (not a count of the displaced), the incident's date, or a claim or attribution of
    responsibility (of which only the armed groups are kept); context
    paragraphs ("JNIM is the dominant group in the region") would otherwise
    add bystander actors.
    """
    if not incident.primary:
        return incident.facts
    out = []
    dated_paragraphs = {f.sentence.paragraph for f in incident.facts
                        if main_date is not None and any(m.date == main_date for m in f.event_dates)}
    for facts in incident.facts:
        # a count of the displaced is a stock ("the camp hosts 100,000 refugees"), no casualty figure
        if facts.sentence.paragraph <= TOLD_PARAGRAPHS or any(not c.is_cumulative and c.kind != "displaced"
                                                              for c in facts.claims):
            out.append(facts)
        elif main_date is not None and any(m.date == main_date for m in facts.event_dates):
            out.append(facts)
        elif facts.sentence.paragraph in dated_paragraphs and (attackers := _attackers(facts, language)):
            # "The attack took place on Sunday evening at X. Boko Haram fighters arrived in canoes and attacked
            # the position": the paragraph that dates the incident goes on telling who attacked
            out.append(replace(facts, actors=attackers))
        elif facts.actors and first_match(vocabulary(language).attribution, facts.sentence.text):
            # told for who did it: its armed groups, not the forces or residents it also names
            # ("...accused the villagers of informing the security forces"); two groups named as
            # alternatives ("a term for JNIM as well as IS fighters", "either JNIM or IS") name neither
            armed = [m for m in facts.actors if is_non_state_armed(m.actor)]
            if _alternatives(facts.sentence.text, armed):
                armed = [m for m in armed if m.actor == "unidentified_armed_group"]
            out.append(replace(facts, actors=armed))
        elif facts.actors and (partners := _partners(facts)):
            # told for who fought beside the army: "the column was backed by Wagner fighters"
            out.append(replace(facts, actors=partners))
    return out


_EITHER = re.compile(r"\b(?:or|ou|que|soit|as well as)\b", re.IGNORECASE)
_EITHER_REACH = 60


def _alternatives(text: str, armed: list[Any]) -> bool:
    """Two different groups named as alternatives, close together ("aussi bien les combattants du GSIM
    que ceux de l'État islamique", "JNIM or IS fighters"); a group and its own unit or acronym are one."""
    named = [m for m in armed if m.actor != "unidentified_armed_group"]
    for a, b in zip(named, named[1:]):
        if _top_group(a.actor) != _top_group(b.actor) and b.start - a.end < _EITHER_REACH \
                and _EITHER.search(text, a.end, b.start):
            return True
    # "certains sont attribués à des bandits venus du Nigeria, d'autres à des combattants jihadistes"
    return any(a.actor != b.actor and b.start - a.end < _EITHER_REACH and _OTHERS.search(text, a.end, b.start)
               for a, b in zip(armed, armed[1:]))


_OTHERS = re.compile(r"(?<!\w)(?:d['’]autres|others)(?!\w)", re.IGNORECASE)


def _top_group(actor: str) -> str:
    return next(iter(parents(actor)), actor)


_ACTIVE_IN_AREA = re.compile(r"\b(?:active|present|operating|operate|actifs?|actives?|présents?|opèrent|sévissent)\b",
                             re.IGNORECASE)


def _attackers(facts: Facts, language: str) -> list[Any]:
    """The armed groups a sentence makes perpetrators ("Boko Haram fighters attacked the position")."""
    armed = [m for m in facts.actors if is_non_state_armed(m.actor)]
    if not armed or _ACTIVE_IN_AREA.search(facts.sentence.text):
        return []       # "JNIM and IS are both active in the region, where gunmen have planted mines": context
    found = sentence_roles(facts.sentence.text, facts.actors, language)
    return [m for m in armed if found.get(m.actor) == "perpetrator"]


# a foreign force joined to the operation: "accompanied by Wagner fighters", "appuyée par les partenaires
# russes de l'Africa Corps", "the army and its Wagner Group partners"
_PARTNER_BEFORE = re.compile(r"(?:(?:accompanied|backed|supported|assisted|reinforced|escorted|joined)\s+by|"
                             r"with\s+the\s+(?:support|backing|help)\s+of|(?:accompagnée?s?|appuyée?s?|soutenue?s?|"
                             r"épaulée?s?|renforcée?s?|escortée?s?)\b[^.;]{0,20}?\b(?:par|de|d['’])|avec\s+l['’]appui\s+d)"
                             r"[^.;]{0,45}$", re.IGNORECASE)
_PARTNER_AFTER = re.compile(r"[^.;,]{0,15}?\b(?:partners?|allies|allié|alliés|partenaires?)\b", re.IGNORECASE)
# "since it retook Kidal", "now backed by", "désormais", "launched a search", "déployées pour ratisser"
_NOT_THIS_OPERATION = re.compile(r"\b(?:since|now|often|regularly|usually|routinely|depuis|désormais|parfois|souvent|"
                                 r"régulièrement|habituellement|multipli\w*|stepped up|search|manhunt|pursuit|combing|sweep|deployed|dispatched|"
                                 r"ratisser|ratissage|recherches?|traquer|déployée?s?|dépêchée?s?|réagi|responded)\b",
                                 re.IGNORECASE)
_OWN_BEFORE = re.compile(r"\b(?:its|their|ses|leurs?)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


def _partners(facts: Facts) -> list[Any]:
    """Foreign forces a later sentence names as fighting beside the state's own."""
    text = facts.sentence.text
    foreign = [m for m in facts.actors if is_foreign_force(m.actor)]
    if not foreign or not any(m.actor.startswith("military_") for m in facts.actors) \
            or _NOT_THIS_OPERATION.search(text):
        return []       # no foreign force, no national one beside it, or its habits and its response
    return [m for m in foreign
            if _PARTNER_BEFORE.search(text, max(0, m.start - 70), m.start)
            or _OWN_BEFORE.search(text, max(0, m.start - 30), m.start) and _PARTNER_AFTER.match(text, m.end)]


_REGION_WORD = re.compile(r"\b(?:district|province|department|département|cercle|moughataa|county|LGA|local government|"
                          r"préfecture|prefecture|park|parc|reserve|réserve)\b", re.IGNORECASE)
# "Kompienga : quatorze passagers tués ... près de Pama": a headline's opening label names the
# story's area, not its scene
_HEADER_LABEL = re.compile(r"\s*:\s")


def _specificity(mention: Any, lead_admin1: set[str], facts: Facts | None = None) -> float:
    """How precisely a mention places the incident: a town 2, a district 1.5, a region 1.

    A district named like its chief town counts as the town unless written as a
    district ("Bankass district"); a town named like the region the lead names
    ("villagers in Sokoto" beside "Sokoto state") counts as the region; a park or a reserve,
    and a town that labels a headline ("Kompienga : ..."), count as a district.
    """
    level = mention.place.level
    if level in ("admin2", "locality") and _REGION_WORD.search(mention.surface):
        return 1.5      # "préfecture de Kpendjal": the district, even when only its town is known
    if level == "admin2" and not _town_named_like(mention.place):
        return 1.5      # "Loroum" (chief town Titao) is only ever a province
    if level == "locality" and facts is not None and _road_end(facts, mention):
        return 1.75     # "the Kaduna-Abuja highway near Katari": the village beats the road's ends
    if level == "locality" and facts is not None and facts.sentence.paragraph == 0 \
            and mention.start == facts.sentence.start and _HEADER_LABEL.match(facts.sentence.text, mention.end - mention.start):
        return 1.5
    if level == "locality" and mention.place.name == mention.place.admin1 and mention.place.name in lead_admin1:
        return 1
    return SPECIFICITY.get(level, 0)


@lru_cache(maxsize=1024)
def _town_named_like(unit: Any) -> bool:
    """A town of the gazetteer bears the district's name ("Bankass", "Chibok")."""
    return any(p.level == "locality" and p.admin2 in (unit.name, None) for p in lookup(unit.name, unit.country))


# a town that names a road ("the Kaduna-Abuja highway", "l'axe Djibo-Bourzanga", "the road between
# Bandiagara and Bankass"): a stand-in for the scene, behind a place the story puts it near
# the ends of a road ("the Kaduna-Abuja highway", "l'axe Kidal–Tessalit", "un car qui reliait Mopti à Gao")
_ROAD_AFTER = re.compile(r"(?:\s*[-–—]\s*[\w'’]+)?\s+(?:highway|road|expressway|axis|motorway|route)\b", re.IGNORECASE)
_ROAD_BEFORE = re.compile(r"\b(?:(?:highway|road|expressway|axis|route)\s+(?:from|between|linking|(?:that\s+leads\s+|leading\s+)?to)|"
                          r"(?:l['’])?axe|route|tronçon|autoroute|reliait|reliaient|reliant|relie|relient|linking|links|connecting|connects|"
                          # "un véhicule qui assurait la liaison entre Fada N'Gourma et Diapaga", "plying the X-Y route",
                          # "l'axe qui mène à Yalgo"
                          r"(?:la\s+)?liaison\s+(?:entre|de|(?:\w+\s+)?avec)|plying|plied|running\s+between|travelling\s+between|"
                          r"(?:qui\s+)?(?:mène|menant|conduit|conduisant)\s+(?:à|vers)|"
                          # "a minibus travelling from Fada N'Gourma to Kantchari", "un car qui allait de Mopti à Gao"
                          r"(?:travell?ing|driving|going|heading|headed|bound|allant|qui\s+allait)\s+(?:from|de|d['’])"
                          r"(?:\s+[\w'’ -]{1,30}?\s+(?:to|à))?)"
                          r"\s+(?:routier\s+)?"
                          # "l'axe reliant cette commune à Torodi": the road's other end
                          r"(?:[\w'’]+\s*[-–—]\s*|[\w'’-]+\s+(?:to|and|et|à)\s+|(?:cette|la|une)\s+(?:commune|ville|localité)\s+à\s+)?$",
                          re.IGNORECASE)


def _road_end(facts: Facts, mention: Any) -> bool:
    text, offset = facts.sentence.text, facts.sentence.start
    start, end = mention.start - offset, mention.end - offset
    return bool(_ROAD_AFTER.match(text, end) or _ROAD_BEFORE.search(text, max(0, start - 40), start)
                or "reli" in text and _ROAD_LINKING.search(text, max(0, start - 110), start))


# "la route nationale qui relie cette commune de la province de la Tapoa, dans la région de l'Est, à Diapaga"
_ROAD_LINKING = re.compile(r"\b(?:relie|relient|reliant|reliait|reliaient)\s+[^.;]{0,90}?\s(?:à|et)\s+$", re.IGNORECASE)


_DESCRIBED = frozenset({"context:X, a village", "context:X, un village", "context:X, N km from Y",
                        "context:X, à N km de Y", "context:X is a village", "context:X est un village",
                        "context:her village, X", "context:son village, X", "context:X, which lies in Y",
                        "context:X, qui se trouve dans Y", "context:X, village du cercle de Y"})


# a known village described where it is named: "le poste de Kéréna, une localité située à 30 km
# de Djenné", "sur l'île de Kinasserom", "the village of Solhan"
_DESCRIPTION_AFTER = re.compile(
    r",\s+(?:(?:a|an|un|une)\s+(?:[\w'’-]+\s+){0,2}?(?:village|hamlet|locality|localité|hameau|campement|camp|"
    r"island|île|site|settlement|bourgade)\b|(?:(?:located|situated|situé|située|some|about|à)\s+)*"
    r"(?:une?\s+)?(?:\d+|[\w-]+)\s+(?:de\s+)?(?:km|kilom))", re.IGNORECASE)
_DESCRIPTION_BEFORE = re.compile(r"(?<!\w)(?:village|hamlet|island|hameau|île|îlot|localité|campement)\s+(?:of\s+|de\s+|d['’])$",
                                 re.IGNORECASE)


def _described_in_place(facts: Facts, mention: Any) -> bool:
    if mention.place.level != "locality":
        return False
    text, offset = facts.sentence.text, facts.sentence.start     # mentions hold title/body offsets
    start, end = mention.start - offset, mention.end - offset
    return bool(_DESCRIPTION_AFTER.match(text, end) or _DESCRIPTION_BEFORE.search(text, max(0, start - 20), start))


def choose_place(facts_list: list[Facts], language: str) -> tuple[Any, Facts] | None:
    """The incident's place: its most specific place, the lead's first, else the first told.

    Stories name the incident's place early and go on with landmarks and
    sources' whereabouts, which are skipped. The first paragraph beats the
    title, whose "near Ouahigouya" is a better-known landmark. A name the
    gazetteer finds doubtful (a common word) still counts in the lead.
    """
    lead_admin1 = {m.place.name for f in facts_list if f.sentence.paragraph <= 1 for m in f.places
                   if m.place.level == "admin1"}
    ranked = []
    for order, facts in enumerate(facts_list):
        paragraph = facts.sentence.paragraph
        position = 0 if paragraph == 1 else 1 if paragraph == 0 else 2
        for mention in facts.places:
            credible = mention.certain or position < 2
            # a village introduced as one ("Tungan Bako, a village about 30 km from...") is the
            # scene where the lead only named its district or a town nearby
            introduced = mention.certain and mention.rule.startswith("context:")
            # described ("X, a herders' camp 30 km from Y", "X est un hameau de la commune de Y"): the
            # story's own account of the scene, ahead of better-known towns around it
            described = mention.certain and (mention.rule in _DESCRIBED or _described_in_place(facts, mention))
            rank = (credible, _specificity(mention, lead_admin1, facts), described, 0 if introduced else -position, -order,
                    -mention.start)
            ranked.append((rank, mention, facts))
    # Best first; the landmark test (a few regexes) runs only until a candidate passes.
    near: tuple[Any, Facts] | None = None
    for rank, mention, facts in sorted(ranked, key=lambda r: r[0], reverse=True):
        if not is_reference_mention(facts, mention, language):
            if near and (rank[1] < SPECIFICITY["locality"] and mention.place.admin1 in (None, near[0].place.admin1)
                         or facts.sentence.paragraph > TOLD_PARAGRAPHS) \
                    and (near[1].sentence.paragraph <= TOLD_PARAGRAPHS or near[1] is facts):
                # "a mine 30 km from Bol, chief town of Lac province": the town the story measures
                # from places the incident better than its province (as ACLED codes "near X"), or than
                # a town the story's context names further down
                return _near(near)
            return mention, facts
        if near is None and rank[1] >= SPECIFICITY["locality"] \
                and _NEAR.search(facts.sentence.text, 0, mention.start - facts.sentence.start):
            near = (mention, facts)
    # "a mine exploded seven kilometres from Kantchari": the town measured from, where nothing else is named
    return _near(near) if near and near[1].sentence.paragraph <= TOLD_PARAGRAPHS else None


def _near(near: tuple[Any, Facts]) -> tuple[Any, Facts]:
    """The town the scene is measured from, as the scene, at the precision of its surroundings."""
    return replace(near[0], geo_precision=max(near[0].geo_precision, 2), rule=f"near:{near[0].rule}"), near[1]


# what measures the scene from a town: "near", "30 km from", "à une trentaine de kilomètres de"
_NEAR = re.compile(r"(?:\bnear|\bnearby|\boutside|\bclose to|\bnot far from|\b(?:km|kilomet(?:re|er)s?|miles)\s+"
                   r"(?:\([^)]{0,20}\)\s+)?(?:\w+\s+){0,2}?(?:from|of|outside)|\bprès d[e'’]|\bnon loin d[e'’]|\b(?:aux|des|dans les) environs d[e'’]|"
                   r"\bà proximité d[e'’]|\bà la sortie d[e'’]|\b(?:km|kilomètres?)\s+(?:\w+\s+){0,2}?(?:de|d['’]|"
                   r"au (?:nord|sud|est|ouest)[\w-]* de))\s*(?:(?:the\s+)?(?:town|village|city)\s+of\s+|la (?:ville|localité|"
                   r"commune) de\s+|l['’]\s*)?$", re.IGNORECASE)


# "The FLA alleged that twenty civilians had died and accused the army of...", "le CSP a dénoncé
# une frappe de drone de l'armée": an armed group that only accuses the state of the act
_ACCUSES_STATE = re.compile(
    r"[^.;]{0,160}?\b(?:accused|accuses|denounced|denounces|condemned|condemns|blamed|blames|(?:a|ont)\s+"
    r"(?:(?:pour sa part|de son côté|également|aussi)\s+)?(?:dénoncé|accusé|condamné)|dénoncent|dénonce|accusent|accuse|"
    r"condamnent|condamne)\s+"
    r"(?:[«\"“]\s*)?(?:(?:the|a|an|la|le|les|une?|des)\s+|l['’]\s*)?(?:[«\"“]\s*)?"
    r"(?:(?!(?:of|de|du|des)\s)[\w'’-]+\s+|l['’]\s*){0,4}?"
    r"(?:army|armed forces|military|government|junta|authorities|soldiers|troops|drones?|air ?strikes?|strikes?|"
    r"armée|fama|militaires|soldats|gouvernement|junte|autorités|frappes?|bombardements?|"
    # ... or names what was done a crime: "a dénoncé « un massacre de civils »", "condemned the massacre"
    r"massacres?|crimes?|carnage|atrocit(?:y|ies|és?)|bavures?|exactions)\b", re.IGNORECASE)

_ACCUSE_STEMS = ("accus", "denounc", "condemn", "blame", "dénon", "condamn")    # one in each verb of _ACCUSES_STATE
# ... unless it tells its own act on the way: "JNIM claimed the ambush and accused the army of..."
_OWN_ACT = re.compile(r"\b(?:claim(?:ed|s|ing)?|revendiqu\w*|attacked|ambushed|attaqué|it had|they had|its fighters|"
                      r"ses combattants|avoir)\b", re.IGNORECASE)


def _bystander(actor: str, facts_list: list[Facts], language: str, country: str | None,
               admin1: str | None) -> bool:
    """A force or residents named only as a source, a companion or a responder ("police
    said", "according to residents", "fighting alongside the army", "troops were deployed
    to the area") are not a party; nor is an armed group named only as accusing the state."""
    # pro-government militias (VDP, dozos, koglweogo) are sources, companions and responders as forces are
    speaker = is_state_force(actor) or actor == "civilians" or kind(actor) == "militia"
    if not (speaker or is_non_state_armed(actor)):
        return False
    vocab = vocabulary(language)
    for facts in facts_list:
        text = facts.sentence.text
        previous_end: int | None = None
        for m in facts.actors:
            if resolve_generic(m.actor, country, admin1) != actor:
                continue
            if previous_end is not None and (text[previous_end:m.start].strip() == "(" or not speaker and m.start - previous_end < 40
                                             and _APPOSITION.fullmatch(text, previous_end, m.start)):
                previous_end = m.end
                continue        # "Forces armées maliennes (FAMa)", "le FLA, la coalition de rebelles": the same mention
            previous_end = m.end
            if not speaker:
                if _RIVAL_BEFORE.search(text, max(0, m.start - 30), m.start):
                    continue    # "as it fights the rival ISWAP": the attackers' rival, not a party
                if _describes_another(text, m, facts.actors):
                    continue    # "ISWAP, the Boko Haram faction led by al-Barnawi": who ISWAP is
                if _GIVES_TOLL.match(text, m.end):
                    continue    # "le FLA avance un bilan plus lourd": a source of the toll
                if _GROUP_AS_SOURCE.search(text, max(0, m.start - 50), m.start):
                    continue    # "posts by the FLA", "accounts close to the FLA show...": where the news came from
                said = _GROUP_SAID.match(text, m.end)
                if said and not _OWN_ACT.search(text, m.end, said.end() + 150) and not _of_itself(text, said.end()):
                    continue    # "le CSP a affirmé que la frappe avait tué 19 civils": what another did
                if _CITED.search(text, max(0, m.start - 80), m.start) or _charged_with(text, m.start):
                    continue    # "selon le CSP", "accused of siding with the MSA": a source, or the charge
                window = text[m.end:m.end + 260].lower()
                accuses = _ACCUSES_STATE.match(text, m.end) if any(w in window for w in _ACCUSE_STEMS) else None
                if not accuses or _OWN_ACT.search(text, m.end, accuses.end()):
                    return False
                continue
            said = vocab.bystander_after.match(text[m.end:m.end + 130].lower())   # every phrase opens with ^
            own = said and _SELF_REPORT.match(text, m.end + said.end())
            if own and not _RESPONSE.match(text, own.end()):
                return False    # "Barkhane announced it had neutralised...": it reports its own act
            if not (said or first_match(vocab.bystander_before, text[max(0, m.start - 50):m.start])
                    or _inverted_speech(text, m) or _GIVES_TOLL.match(text, m.end)
                    or _charged_with(text, m.start)):
                return False
    return True


# "ISWAP, the Boko Haram faction", "l'ISWAP, une faction de Boko Haram": a group named to say what another is
_APPOSED_BEFORE = re.compile(r",\s*(?:the|a|an|une|la|cette)\s+(?P<of>(?:faction|branche|dissidence)\s+(?:de\s+|d['’]\s*))?$",
                             re.IGNORECASE)
_FACTION_AFTER = re.compile(r"['’]?s?\s+(?:faction|splinter|offshoot|breakaway|branch)", re.IGNORECASE)


def _describes_another(text: str, m: Any, mentions: Any) -> bool:
    """`m` names a group in apposition to another group just before it, as what that one is
    a faction or offshoot of."""
    tie = _TIED_TO.search(text, max(0, m.start - 40), m.start) if "link" in text or "affili" in text \
        or "lié" in text or "allied" in text else None
    if tie and any(o.actor != m.actor and o.actor not in _UNNAMED_GROUPS and is_non_state_armed(o.actor)
                   and 0 <= tie.start() - o.end <= 120 for o in mentions):
        return True     # "Lakurawa, the group the army says is linked to the Islamic State Sahel Province": its ties
    before = _APPOSED_BEFORE.search(text, max(0, m.start - 30), m.start)
    if before is None or not any(o.actor != m.actor and 0 <= before.start() - o.end <= 2 for o in mentions):
        return False
    return bool(before.group("of")) or _FACTION_AFTER.match(text, m.end) is not None


# what ties a named group to another: "linked to", "affiliated with", "lié à l'"
_TIED_TO = re.compile(r"\b(?:linked|affiliated|allied|aligned|liée?s?|affiliée?s?|alliée?s?)\s+(?:to|with|à|au|aux)\s+"
                      r"(?:the\s+|l['’]\s*|la\s+|le\s+)?$", re.IGNORECASE)
_UNNAMED_GROUPS = frozenset({"unidentified_armed_group", "rebels_generic", "bandits_generic", "progov_generic"})


# what joins a group's name to words that name it again: "(FLA), la coalition de ", " "
_APPOSITION = re.compile(r"\s*(?:\)\s*)?(?:\(|,)?\s*(?:[\w'’-]+\s+){0,4}")
# "Le FLA, la coalition rebelle présente dans la zone, avance un bilan plus lourd", "the CSP gave a toll of":
# a group giving the toll of someone else's act
_GIVES_TOLL = re.compile(r"(?:\s*\([^)]{1,20}\))?(?:\s*,[^,.;]{1,80},)?\s+(?:a\s+)?(?:avance|avancé|donne|donné|évoque|évoqué|"
                         r"fait état d['’]|gave|gives|put|puts|cited|cites|reported)\s+"
                         r"(?:(?:pour sa part|de son côté|quant à lui|dans un communiqué|for its part|in a statement|also)\s*,?\s+)?"
                         r"(?:un\s+|a\s+|the\s+|its\s+|son\s+|le\s+|its own\s+)?"
                         r"(?:bilan|toll|death toll|figure|chiffre|count)\b", re.IGNORECASE)
# "posts by the FLA", "accounts close to the FLA", "publications de comptes proches du JNIM": a source
_GROUP_AS_SOURCE = re.compile(
    r"(?:\b(?:accounts?|pages?|channels?|media|outlets?|sources?)\s+(?:close\s+to|linked\s+to|affiliated\s+with)"
    r"|\b(?:posts?|statements?|communiqu[ée]s?|messages?|videos?|tweets?|claims?)\s+(?:posted\s+|published\s+|released\s+)?by"
    r"|\b(?:comptes?|pages?|sources?|médias|canaux)\s+(?:proches?|liée?s?|affiliée?s?)\s+(?:du|de\s+la|de\s+l['’]|des|aux?)"
    r"|\b(?:publications?|messages?|vidéos?)\s+(?:publiée?s?\s+|diffusée?s?\s+)?par)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?$",
    re.IGNORECASE)
# "(CSP) a affirmé dans un communiqué que", "the rebels said": a group speaking
_GROUP_SAID = re.compile(r"(?:\s+(?:du|de|des|of)\s+[^,.;()]{1,50}?)?(?:\s*\([^)]{1,20}\))?\s*\)?"
                         # "the CSP-DPA alliance said"
                         r"(?:\s+(?:alliance|coalition|group|groupe|movement|mouvement|front|rebels|rebelles))?"
                         # ... after who it is: "the FLA, the coalition formed in 2024 out of the CSP-DPA (...), said"
                         r"(?:\s*,\s*(?:the|an?|la|le|les|l['’]|une?|which|who|qui|dont|coalition|alliance|mouvement|"
                         r"movement)\b[^.;]{1,200}?,)?,?\s+"
                         r"(?:a\s+|ont\s+|has\s+|have\s+)?"
                         r"(?:said|says|say|stated|alleged|alleges|allege|affirmé|déclaré|indiqué|affirme|affirment|déclare|"
                         r"indique|called\s+for|calls\s+for|a\s+appelé\s+à|appelle\s+à|réclame|a\s+réclamé|demande|"
                         r"a\s+demandé)\b",
                         re.IGNORECASE)
# "the FLA say they entered the town", "le JNIM affirme que ses hommes": a group telling its own act
_OF_ITSELF = re.compile(r"\b(?:they|it|its|their|we|our|ils|elle|il|ses|leurs|nous|nos|avoir)\b", re.IGNORECASE)
# ... not its channel: "said in a statement posted on its Facebook page that a drone..."
_ITS_CHANNEL = re.compile(r"\s+(?:own\s+)?(?:facebook|telegram|twitter|x|whatsapp|youtube|website|web\s+site|page|account|"
                          r"channel|statement|communiqu[ée]|spokes\w*|site|compte|canal|chaîne|porte-parole)\b", re.IGNORECASE)


def _of_itself(text: str, start: int) -> bool:
    """The group speaks of itself right after its verb of saying ("the FLA say they entered the town")."""
    return any(not _ITS_CHANNEL.match(text, m.end()) for m in _OF_ITSELF.finditer(text, start, start + 40))


# "selon le CSP", "according to Tuareg-led rebels": a group cited for what it says, not for what it did
_CITED = re.compile(r"(?:\bselon|\bd['’]après|\baccording to)\s+(?:[\w'’-]+\s+){0,6}?(?:(?:et|and)\s+(?:[\w'’-]+\s+){0,4})?$",
                    re.IGNORECASE)
# "which it accuses of siding with the MSA": the group the victims are said to have helped
_SIDED_WITH = re.compile(r"\b(?:siding|sided|sides|colluding|collaborating|collaborated|complicity|complicité|"
                         r"collaborer|collaboré|pactisé|pactiser)\s+(?:with|avec)\s+(?:the\s+|l['’]\s*|le\s+|la\s+|les\s+)?$",
                         re.IGNORECASE)
# "fights the rival Islamic State West Africa Province", "son rival, l'EIGS", "rivals of JNIM"
_RIVAL_BEFORE = re.compile(r"\b(?:rival|rivals|rivale?s?|concurrente?s?)\s*(?:,\s*)?(?:of\s+|to\s+|de\s+|du\s+|d['’]\s*)?"
                           r"(?:the\s+|l['’]\s*|le\s+|la\s+|les\s+)?(?:faction\s+|group\s+|groupe\s+)?$"
                           # "ISWAP, a splinter of Boko Haram", "une dissidence de Boko Haram": the group the
                           # attackers broke from, named to describe them
                           r"|\b(?:dissidence|splinter(?:\s+group)?|offshoot|scission)\s+"
                           r"(?:de\s+|du\s+|d['’]\s*|of\s+)(?:the\s+|l['’]\s*|la\s+|le\s+)?$"
                           # "the faction that broke away from Boko Haram", "qui a fait scission avec Boko Haram"
                           r"|\b(?:broke|breaking|split|splintered)\s+(?:away\s+)?from\s+(?:the\s+)?$"
                           r"|\b(?:scission|rompu|rompre)\s+(?:avec|d['’]avec)\s+(?:l['’]\s*|la\s+|le\s+)?$", re.IGNORECASE)
# "rounded up men they accused of supporting the Dozo hunters' militia and of informing the army", "accusant
# des passagers de « collaborer » avec l'armée et avec les miliciens dozos": those the victims are said to help
_ACCUSED_OF_HELPING = re.compile(
    r"\b(?:accus\w*|soupçonn\w*|suspected|suspecting|charged)\s+(?:[\w'’-]+\s+){0,4}?(?:of|de|d['’])\s*[«\"“]?\s*"
    r"(?:supporting|aiding|helping|informing(?:\s+on)?|spying\s+for|working\s+(?:with|for)|collaborating\s+with|"
    r"siding\s+with|colluding\s+with|soutenir|aider|renseigner|informer|espionner\s+pour|travailler\s+(?:avec|pour)|"
    r"collaborer|pactiser)\s*[»\"”]?\s*(?:avec\s+)?"
    r"(?:[^.;]{0,50}?\s+(?:and|et)\s+(?:(?:of\s+)?(?:supporting|helping|informing(?:\s+on)?)\s+|with\s+|avec\s+)?)?"
    r"(?:the\s+|l['’]\s*|le\s+|la\s+|les\s+|des\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE)


def _charged_with(text: str, start: int) -> bool:
    """An actor named as the one the victims are accused of siding with or helping."""
    return bool(_SIDED_WITH.search(text, max(0, start - 40), start)
                or ("accus" in text or "soupçon" in text or "suspect" in text or "charged" in text)
                and _ACCUSED_OF_HELPING.search(text, max(0, start - 140), start))


# "..., a annoncé la police.", "..., said the army": the source named after its verb, at a clause's end
_SPEECH_VERB = (r"(?:\b(?:said|says|told|reported|announced|confirmed|added|stated)|\b(?:a|ont)\s+(?:annoncé|indiqué|déclaré|"
                r"affirmé|précisé|confirmé|rapporté|ajouté|dit|raconté|expliqué|confié|témoigné|assuré)|"
                r"\b(?:indique|annonce|affirme|précise|confirme|rapporte|ajoute|dit|disent|raconte|explique|confie|témoigne))")
_SPEECH_BEFORE_VERB = re.compile(_SPEECH_VERB, re.IGNORECASE)
_SPEECH_BEFORE = re.compile(
    _SPEECH_VERB +
    # "a raconté à l'AFP un notable de Gorouol": the one told, then the speaker
    r"(?:\s+(?:à|au|aux)\s+(?:l['’]\s*)?[\w'’-]+)?"
    r"\s+(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*|une?\s+)?(?:[\w'’-]+\s+){0,2}$"
    r"|\s[-–—]\s+(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?$", re.IGNORECASE)   # "... abduct dozens - Police"
_CLAUSE_END = re.compile(r"(?:\s*[\w'’-]+){0,4}(?:\s*\([^()]{1,20}\))?\s*(?:[.;,:»\"”]|$)")
# "a indiqué vendredi la Division des droits de l'homme de la MINUSMA": a body of the speaker's
_BODY_WORDS = ("division", "section", "bureau", "service", "cellule", "direction", "office", "department", "unit",
               "spokes", "porte-parole", "représentant", "representative")
_BODY_OF = re.compile(r"(?:\s+[\w'’-]+)?\s+(?:the|la|le|l['’])\s*(?:division|section|bureau|service|cellule|direction|office|"
                      r"department|unit|spokesperson|spokesman|porte-parole|représentant|representative)"
                      r"(?:\s+[\w'’-]+){0,5}?\s+(?:de|du|des|of)\s+(?:la\s+|le\s+|l['’]\s*|the\s+)?$", re.IGNORECASE)


def _inverted_speech(text: str, m: Any) -> bool:
    if _SPEECH_BEFORE.search(text, max(0, m.start - 40), m.start):
        return _CLAUSE_END.match(text, m.end) is not None
    window = text[max(0, m.start - 100):m.start].lower()
    return any(w in window for w in _BODY_WORDS) and _CLAUSE_END.match(text, m.end) is not None and any(
        _BODY_OF.fullmatch(text, said.end(), m.start)
        for said in _SPEECH_BEFORE_VERB.finditer(text, max(0, m.start - 100), m.start))


# "the army said it had deployed troops to the area": what it reports is its response
_RESPONSE = re.compile(r"\s*(?:has\s+|had\s+|have\s+|a\s+|avait\s+|ont\s+|avaient\s+)?(?:since\s+|also\s+)?"
                       r"(?:deployed|dispatched|sent|rushed|secured|recovered|counted|evacuated|confirmed|arrested|"
                       r"launched\s+an\s+investigation|opened\s+an\s+investigation|"
                       r"déployé|dépêché|envoyé|sécurisé|récupéré|dénombré|évacué|confirmé|interpellé|arrêté|"
                       r"ouvert\s+une\s+enquête|"
                       # what a witness saw or did after: "un habitant affirme avoir vu « beaucoup de corps »"
                       r"vu|aperçu|entendu|assisté|compté|enterré|aidé|seen|saw|heard|witnessed|buried|helped)\b", re.IGNORECASE)
_SELF_REPORT = re.compile(r"\s+(?:on\s+\w+\s+|\w+\s+)?(?:that\s+)?(?:it|they|its|their|avoir|qu['’](?:il|ils|elle|elles))\b",
                          re.IGNORECASE)


def _named_perpetrators(facts_list: list[Facts], language: str, country: str | None,
                        admin1: str | None) -> list[str]:
    """Actors the syntax of the lead and of claims of responsibility makes the attacker
    ("X attacked", "killed by X", "X claimed the attack")."""
    found: list[str] = []
    attribution = vocabulary(language).attribution
    for i, facts in enumerate(facts_list):
        if not facts.actors or (i >= ROLE_SENTENCES and not first_match(attribution, facts.sentence.text)):
            continue
        # territory=True as the classifier asks: the same sentence is then read once (cached).
        for actor, role in sentence_roles(facts.sentence.text, facts.actors, language, territory=True).items():
            resolved = resolve_generic(actor, country, admin1)
            if role == "perpetrator" and resolved not in found:
                found.append(resolved)
    return found


def _militia_attacked_by_gunmen(mentions: list[Any], actors: list[str], told: list[Facts], language: str) -> bool:
    """Whether unnamed gunmen, left out as the named militia they usually are ("armed men, Dozo
    hunters, ..."), attacked that militia instead: the militia a target, the gunmen the attackers,
    in the same sentence of the incident's lead."""
    if "unidentified_armed_group" in actors or not any(
            not isinstance(m, str) and m.actor == "unidentified_armed_group" for m in mentions):
        return False
    militias = [a for a in actors if kind(a) == "militia"]
    if not militias or any(is_non_state_armed(a) and kind(a) != "militia" for a in actors):
        return False
    for facts in told[:ROLE_SENTENCES]:
        if not any(m.actor == "unidentified_armed_group" for m in facts.actors):
            continue
        found = sentence_roles(facts.sentence.text, facts.actors, language, territory=True)
        if found.get("unidentified_armed_group") == "perpetrator" and any(found.get(a) == "target" for a in militias):
            return True
    return False


def _country_from_actors(actors: list[str]) -> str | None:
    for actor in actors:
        if actor.startswith("military_") and is_state_force(actor):
            return actor.removeprefix("military_").upper()
    return None


def perpetrators(actors: list[str], sub_event_type: str | None, named: list[str]) -> list[str]:
    """The attackers: of those the syntax names (else of all present), the first tier of
    roles.json that has any; a side that only fought back is not a perpetrator."""
    data = role_data()
    chosen = [a for a in named if a in actors and a not in data["never_perpetrators"]]
    # Those the syntax names, else everyone present, taken from the first tier that has any.
    for pool in (chosen, actors):
        for tier in _tiers(sub_event_type in data["state_initiated"]):
            found = [a for a in pool if a in tier]
            if found:
                return found
    return []


@cache
def _tiers(state_first: bool) -> tuple[frozenset[str], ...]:
    """roles.json's tiers of perpetrators, the state forces' first when the state initiated the event."""
    tiers = [frozenset(t) for t in role_data()["tiers"]]
    if state_first:
        tiers.insert(0, tiers.pop())
    return tuple(tiers)


def _event_date(incident: Incident, published: dt.date, explain: dict[str, Decision] | None,
                main_date: dt.date | None = None) -> tuple:
    """(date mention or None, ISO date, precision) of the incident (its Decision into `explain`,
    when given).

    A recap sentence naming the main incident's day ("Friday's attack comes a
    month after ...") does not date the older incident.
    """
    chosen = choose_date(incident.facts)
    if chosen and not incident.primary and chosen[0].date == main_date:
        chosen = None
    if chosen:
        mention, facts = chosen
        if explain is not None:
            explain["date"] = Decision(mention.date.isoformat(), facts.sentence.text,
                                       f"{mention.rule} ('{mention.surface}')")
        return mention, mention.date.isoformat(), mention.precision
    if incident.primary:
        # No date in the story: it was published within days of the incident.
        if explain is not None:
            explain["date"] = Decision(published.isoformat(), None, "publication date (no date in the text)")
        return None, published.isoformat(), "week"
    return None, None, None


def _event_place(incident: Incident, told: list[Facts], language: str, explain: dict[str, Decision] | None) -> dict:
    """The schema's place fields from the incident's best place mention (their Decisions into
    `explain`, when given)."""
    out = dict.fromkeys(("country", "admin1", "admin2", "location", "lat", "lon", "geo_precision"))
    found = choose_place(incident.facts, language)
    if not found:
        return out
    mention, facts = found
    p = mention.place
    out.update(country=p.country, admin1=p.admin1, admin2=p.admin2, lat=p.lat, lon=p.lon,
               geo_precision=mention.geo_precision, location=None if p.level == "country" else p.name)
    if explain is not None:
        explain["location"] = Decision(out["location"], facts.sentence.text,
                                       f"{mention.rule} ('{mention.surface}', {p.level})")
        explain["country"] = Decision(p.country, facts.sentence.text, f"place {p.name}")
        explain["admin1"] = Decision(p.admin1, facts.sentence.text, f"admin1 of {p.name}")
    if p.admin1 is None:
        # A place the gazetteer could not put in a region: the region or district the
        # incident's sentences name ("Pansi, in Burkina Faso's Yagha province"), if any.
        region = next(((m, f) for f in told for m in f.places
                       if m.place.level in ("admin1", "admin2") and m.place.country == p.country
                       and m.place.admin1), None)
        if region:
            out["admin1"] = region[0].place.admin1
            if region[0].place.level == "admin2" and out["admin2"] is None:
                out["admin2"] = region[0].place.name
            if explain is not None:
                explain["admin1"] = Decision(out["admin1"], region[1].sentence.text, region[0].rule)
    return out


def _explain_actors(actors: list[str], told: list[Facts], country: str | None, admin1: str | None,
                    explain: dict[str, Decision]) -> None:
    why: dict[str, tuple[str, str]] = {}
    for facts in told:
        for mention in facts.actors:
            actor = resolve_generic(mention.actor, country, admin1)
            if actor in actors and actor not in why:
                why[actor] = (facts.sentence.text, f"{actor}: {mention.rule} ('{mention.surface}')")
    first = next(iter(why.values()), (None, ""))
    rules = [why[a][1] if a in why else f"{a}: implied by the event type" for a in actors]
    explain["actors"] = Decision(actors, first[0], "; ".join(rules))


LABEL_WORDS = 3    # a quote this short is a label ("bandits"), not speech
NOUN_PHRASE_WORDS = 8
AGENT_PHRASE_WORDS = 12     # « par des éléments de l'armée malienne accompagnés de leurs partenaires étrangers »
# words of a clause: a quote without any ("a large number of armed bandits") is a noun phrase
_CLAUSE_WORDS = {
    "en": re.compile(r"[,;:.!?]|\b(?:i|we|you|he|she|they|it|our|us|my|is|are|was|were|be|been|have|has|had|"
                     r"will|would|can|could|do|did|not|no)\b", re.IGNORECASE),
    "fr": re.compile(r"[,;:.!?]|\b(?:je|j|nous|vous|il|elle|ils|elles|on|nos|notre|est|sont|était|étaient|ont|a|"
                     r"avons|avez|sera|ne|pas|n)\b", re.IGNORECASE),
}


def _speech_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Quotations that are someone's speech; not labels: a short quote, a noun phrase the
    sentence makes the doer (when "a large number of armed bandits" invaded; killed by « des
    hommes armés à moto »), or one the sentence blames for the incident ("attributed to
    « terrorists of Katiba Macina »"). A force's name for those it struck stays its speech."""
    attribution = vocabulary(language).attribution
    return [(lo, hi) for lo, hi in quoted_spans(text)
            if len(text[lo:hi].split()) > LABEL_WORDS and not _doer_label(text, lo, hi, language)
            and not first_match(attribution, text[max(0, lo - 40):lo])]


_DOER_BEFORE = re.compile(r"\b(?:when|after|as|while|once|lorsque|lorsqu['’]|quand|après que|alors que"
                          # "surprises par des « individus armés non identifiés »": the agent, its article before the quote
                          r"|(?:by|par)(?:\s+(?:des|les|un|une|d['’]|the|an?|some))?)\s*$", re.IGNORECASE)
_AGENT_OPENING = re.compile(r"\W*(?:by|par)\s", re.IGNORECASE)


def _doer_label(text: str, lo: int, hi: int, language: str) -> bool:
    """A quoted noun phrase naming the doer: after "when", "by", "par" (when "a large number of
    armed bandits" invaded), before the verb it is the subject of ("heavily armed terrorists of
    the EIGS" surrounded), or opening with "by"/"par" itself (tués « par des éléments de l'armée »)."""
    quote = text[lo + 1:hi - 1]
    if _AGENT_OPENING.match(quote):
        longest = AGENT_PHRASE_WORDS
    elif _DOER_BEFORE.search(text, max(0, lo - 20), lo) or _VERB_AFTER.match(text, hi):
        longest = NOUN_PHRASE_WORDS
    else:
        return False
    return len(quote.split()) <= longest and not _CLAUSE_WORDS[language].search(quote)


# the quoted noun phrase is the subject of the sentence's verb: "heavily armed terrorists of the EIGS" surrounded
_VERB_AFTER = re.compile(r"\s+(?:(?:had|have|has)\s+)?(?:[a-z]+ed|stormed|struck|shot)(?!\w)"
                         r"|\s+(?:ont|a|avaient|avait)\s+(?!été)[a-zà-ÿ]+é(?!\w)")


# Violence against civilians always has an author: unnamed, an unidentified armed group.
UNSEEN_ATTACKERS = frozenset({"attack", "abduction_forced_disappearance"})


def name_unseen_attackers(event: dict) -> dict:
    """An attack on civilians or an abduction whose story names no author: ACLED's unidentified
    armed group. Done once the story is known to be relevant, as no evidence of it."""
    if event["sub_event_type"] in UNSEEN_ATTACKERS and not any(
            is_non_state_armed(a) or is_state_force(a) for a in event["actors"]):
        event = {**event, "actors": event["actors"] + ["unidentified_armed_group"],
                 "perpetrators": event["perpetrators"] or ["unidentified_armed_group"]}
    return event


def _unquoted_mentions(told: list[Facts], language: str) -> list[Any]:
    """Actor mentions outside quoted speech: a party named only inside a quote ("accomplices
    of the VDP", "taken for a column of terrorists") is a speaker's words, not a party."""
    out: list[Any] = []
    for facts in told:
        spans = _speech_spans(facts.sentence.text, language) if facts.actors else []
        if spans:
            out += [m for m in facts.actors if not any(lo <= m.start < hi for lo, hi in spans)]
        else:
            out += facts.actors
    return out


# Means whose user is unseen: with no armed group named, an unidentified one planted it.
HIDDEN_HAND = frozenset({"remote_explosive_landmine_ied", "suicide_bomb"})
KILLINGS_OVER_ABDUCTION = 5     # people killed in a kidnapping raid that make it an attack
HARM_KINDS = frozenset({"killed", "wounded", "abducted", "missing", "captured"})


# "the army said it had neutralised several 'terrorists'", "selon l'armée": a force giving its account
_SPEAKS_AFTER = re.compile(r"[^.;\"“”«»]{0,70}?\b(?:said|says|claimed|claims|stated|announced|reported|insisted|"
                           r"maintained|communiqué|statement|a\s+affirmé|affirme|a\s+annoncé|annonce|a\s+indiqué|"
                           r"indique|a\s+déclaré|déclare|assure|a\s+assuré|revendique)\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\b(?:according to|selon)\s+(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)?$", re.IGNORECASE)
# "no armed men were there", "aucun homme armé": denied; "accused of helping jihadists": the victims' charge
_DENIED_OR_CHARGED = re.compile(r"(?:\b(?:no|not any|aucune?|pas d['’]|sans)\s+(?:[\w'’-]+\s+)?|\b(?:accused|accusing|"
                                r"suspected|accusée?s?|soupçonnée?s?)\s+(?:them\s+|him\s+)?(?:of|de|d['’])\s*"
                                r"(?:[\w'’-]+\s+){0,3}?(?:with\s+|the\s+|avec\s+|les\s+|des\s+)?|"
                                r"\bagainst\s+(?:the\s+)?)$", re.IGNORECASE)


def _only_in_the_state_s_account(told: list[Facts], country: str | None, admin1: str | None) -> bool:
    """Every unnamed armed group is the state's own word for whom it struck ("the army said it
    neutralised several 'terrorists'"), a charge against the victims or denied: where civilians
    died, ACLED codes the force and its victims, not the group it claims."""
    for facts in told:
        text = facts.sentence.text
        forces = [o for o in facts.actors if is_state_force(resolve_generic(o.actor, country, admin1))]
        for m in facts.actors:
            if m.actor != "unidentified_armed_group":
                continue
            if _DENIED_OR_CHARGED.search(text, max(0, m.start - 60), m.start):
                continue
            if any(o.end <= m.start and _gives_account(text, o, m.start) for o in forces):
                continue
            return False
    return True


def _gives_account(text: str, force: Any, before: int) -> bool:
    """The force speaks ("the army said", "selon l'armée") before the text at `before`."""
    said = _SPEAKS_AFTER.match(text, force.end)
    return bool(said and said.end() <= before or _ACCORDING.search(text, max(0, force.start - 20), force.start))


def _civilian_victims(told: list[Facts], language: str) -> bool:
    """Civilians came to harm: a figure for them, or civilians named where a sentence tells
    of killing, wounding or abduction ("10 people, most of them children")."""
    for facts in told:
        harms = [c for c in facts.claims if c.kind in HARM_KINDS]
        if any(c.victims == "civilians" for c in harms):
            return True
        # a generic figure ("10 people, most of them children") or a word of harm near the civilians
        if any(m.actor == "civilians" and not _civilians_speaking(facts.sentence.text, m)
               and (any(c.victims in (None, "people") for c in harms)
                    or harm_near(facts.sentence.text, language, m.start, m.end))
               for m in facts.actors):
            return True
    return False


# "Residents reached by phone said three police officers had died", "selon des notables": civilians who tell
_SPEAKING_AFTER = re.compile(r"[^.;,]{0,40}?\b(?:said|say|says|told|reported|recounted|described|joints?|contactés?|"
                             r"interrogés?|(?:ont|a)\s+(?:dit|déclaré|raconté|affirmé|rapporté|indiqué)|affirment|"
                             r"racontent|témoignent|rapportent|parlent|évoquent|indiquent)\b", re.IGNORECASE)
_CITED_BEFORE = re.compile(r"\b(?:according\s+to|selon|d['’]après|auprès\s+d(?:es|['’]))\s+(?:the\s+|des\s+|les\s+|)?$",
                           re.IGNORECASE)


def _civilians_speaking(text: str, mention: Any) -> bool:
    """Whether a civilians' mention is who tells the story, not who suffered it."""
    return bool(_SPEAKING_AFTER.match(text, mention.end) or _CITED_BEFORE.search(text, max(0, mention.start - 25),
                                                                               mention.start))


def _people_harmed(told: list[Facts], actors: list[str], sub_event_type: str | None) -> bool:
    """Explosions killed or wounded people nobody says were armed, and no force was there to
    be their target ("a suicide bomber killed nine people at a cattle market"). The militants a
    suicide bombing kills are its bombers ("eight people, including the bomber")."""
    if any(is_state_force(a) for a in actors):
        return False
    harms = [c for f in told for c in f.claims if c.kind in ("killed", "wounded")]
    bombers = {"militants"} if sub_event_type == "suicide_bomb" else set()
    return any(c.victims in (None, "people", "civilians") for c in harms) \
        and not any(c.victims in ARMED_VICTIMS - bombers for c in harms if c.kind == "killed")


# Who speaks for a national force: "the army general staff", "l'état-major", "Defence Headquarters"
_MILITARY_BODY = re.compile(r"(?<!\w)(?:army|armée|armed forces|forces armées|military|militaire|general staff|"
                            r"[ée]tat-major|air force|armée de l'air|defen[cs]e headquarters|defen[cs]e ministry|"
                            r"ministère de la défense|ministère des armées)(?!\w)", re.IGNORECASE)


def _own_count_claimants(incident: Incident, perps: list[str], language: str, country: str | None,
                         admin1: str | None) -> set[str]:
    """Claimants who are the event's state perpetrator ("the air force said its strike
    neutralised scores of bandits"): their figures are the perpetrator's, not an official count."""
    state_perps = {a for a in perps if is_state_force(a)}
    if not state_perps:
        return set()
    names = {c.claimant for f in incident.facts for c in f.claims if c.claimant and c.claimant_type == "official"}
    national = f"military_{country.lower()}" if country else None
    return {n for n in names if state_perps & set(resolve_actors(find_actors(n, language), country, admin1))
            or national in state_perps and _MILITARY_BODY.search(n)}


# a force's count of its own dead is an admission, not a perpetrator's claim
_OWN_SIDE_VICTIMS = frozenset({"soldiers", "vdp", "police"})


def _as_perpetrator(claim: Any, own_counts: set[str], admissions: bool = False) -> Any:
    """`claim` as the state perpetrator's own when its claimant is one of `own_counts`; with
    `admissions` (someone else counts the dead too), its count of its own dead stays official."""
    if claim.claimant not in own_counts or admissions and claim.kind == "killed" and claim.victims in _OWN_SIDE_VICTIMS:
        return claim
    return replace(claim, claimant_type="perpetrator")


# what people own, unlike a bridge, a pylon or a pipeline: its looting or burning harms civilians
_PEOPLES_PROPERTY = re.compile(
    r"(?<!\w)(?:cattle|livestock|cows|goats|sheep|camels|herds?|homes?|houses|huts|granar(?:y|ies)|shops|stalls|"
    r"food stores|harvests?|crops|bétail|troupeaux?|bovins|b(?:œ|oe)ufs|chèvres|moutons|chameaux|maisons|cases|"
    r"concessions|greniers|boutiques|commerces|récoltes|vivres)(?!\w)", re.IGNORECASE)


def build_event(incident: Incident, language: str, published: dt.date,
                fallback_country: tuple[str, str] | None = None, main_date: dt.date | None = None,
                scene_or_toll: bool = False, explain: bool = True) -> Built | None:
    """The schema event of `incident`; `fallback_country` is (code, sentence) from the article,
    `main_date` the primary incident's date (for a background incident).

    With `scene_or_toll`, None for an incident that names neither a place below the country nor
    a casualty figure: such a background event is dropped, so it is not typed. Without `explain`,
    the Built's explain is left empty: the Decisions are not worked out.
    """
    decisions: dict[str, Decision] | None = {} if explain else None
    mention, date, precision = _event_date(incident, published, decisions, main_date)
    told = event_facts(incident, language, mention.date if mention else None) or incident.facts
    place = _event_place(incident, told, language, decisions)
    if scene_or_toll and not place["location"] and not any(f.claims for f in incident.facts):
        return None
    mentions = _unquoted_mentions(told, language) or [m for f in told for m in f.actors]
    if place["country"] is None:
        place["country"] = _country_from_actors(resolve_actors(mentions))
        if place["country"]:
            if decisions is not None:
                decisions["country"] = Decision(place["country"], None, "state forces' nationality")
        elif fallback_country:
            place["country"] = fallback_country[0]
            if decisions is not None:
                decisions["country"] = Decision(fallback_country[0], fallback_country[1],
                                                "country most named in the article")
    country, admin1 = place["country"], place["admin1"]
    actors = [a for a in resolve_actors(mentions, country, admin1) if not _bystander(a, told, language, country, admin1)]
    if _militia_attacked_by_gunmen(mentions, actors, told, language):
        actors.append("unidentified_armed_group")   # "armed men attacked a post of the Koglweogo": two parties

    # A recap is told in a sentence or two: typing it from those keeps background events cheap.
    texts = [f.sentence.text for f in (told if incident.primary else told[:BACKGROUND_TYPING_SENTENCES])]
    etype = classify(texts, actors, language)    # bystanders (sources, responders) are no party
    event_type, sub_event_type = (etype.event_type, etype.sub_event_type) if etype else (None, None)
    if etype and decisions is not None:
        decisions["event_type"] = Decision(event_type, etype.evidence, etype.rule)
        decisions["sub_event_type"] = Decision(sub_event_type, etype.evidence, etype.rule)
    # a bomb in a market or shells on a town: civilians are the people it hit
    people_hit = event_type == "Explosions/Remote violence" and _people_harmed(told, actors, sub_event_type)
    if (event_type == "Violence against civilians" or people_hit) and "civilians" not in actors:
        # ACLED: civilians are by definition the target of this event type.
        actors.append("civilians")
    elif sub_event_type == "looting_property_destruction" and "civilians" not in actors \
            and not any(is_state_force(a) for a in actors) and any(is_non_state_armed(a) for a in actors) \
            and any(_PEOPLES_PROPERTY.search(f.sentence.text) for f in told[:BACKGROUND_TYPING_SENTENCES]):
        actors.append("civilians")    # herds driven off, huts and granaries burnt: the people robbed (not a bridge)
    elif (event_type != "Violence against civilians" and sub_event_type != "looting_property_destruction"
          and not people_hit and "civilians" in actors and not _civilian_victims(told, language)):
        actors.remove("civilians")    # "residents fled", "herders": named, but nobody of them harmed
    if "unidentified_armed_group" in actors and "civilians" in actors \
            and event_type in ("Violence against civilians", "Explosions/Remote violence") \
            and any(is_state_force(a) for a in actors) and _only_in_the_state_s_account(told, country, admin1):
        actors.remove("unidentified_armed_group")   # the army's "terrorists" where civilians died
    if "vdp" not in actors and any(c.victims == "vdp" and c.kind in HARM_KINDS and c.claimant_type != "perpetrator"
                                   for f in told for c in f.claims):
        actors.append("vdp")    # "la perte de onze gendarmes et de quatre VDP", quoted: its dead make it a party
    if sub_event_type == "air_drone_strike" and country and not any(is_state_force(a) for a in actors) \
            and is_state_force(own := f"military_{country.lower()}"):
        actors.append(own)      # "a drone strike on a gold mine": the state's, whose aircraft alone fly there
    if sub_event_type in HIDDEN_HAND and not any(is_non_state_armed(a) for a in actors) or (
            sub_event_type == "shelling_artillery_missile_attack"
            and not any(is_non_state_armed(a) or is_state_force(a) for a in actors)):
        # ACLED: a mine or bomb nobody claimed, shells fired on a town by no one named
        actors.append("unidentified_armed_group")
    if decisions is not None:
        _explain_actors(actors, told, country, admin1, decisions)

    # Syntax-based roles for the primary only: background events keep the role tiers (cheaper).
    named = _named_perpetrators(told, language, country, admin1) if incident.primary else []
    perps = perpetrators(actors, sub_event_type, named)
    if decisions is not None:
        decisions["perpetrators"] = Decision(perps, None,
                                             "named as attacker" if set(perps) & set(named) else "role tiers")

    own_counts = _own_count_claimants(incident, perps, language, country, admin1)
    # a force's count of its own dead is an admission when another source counts the dead too (the
    # rebels' "the Russians lost 12 men"); alone in its own communiqué, all its figures are the perpetrator's
    admissions = bool(own_counts) and any(c.kind == "killed" and c.claimant not in own_counts and not c.is_cumulative
                                          for f in incident.facts for c in f.current_claims)
    counted = [_as_perpetrator(c, own_counts, admissions) for f in incident.facts for c in f.current_claims]
    counted = _without_the_state_s_version(counted, actors, perps, sub_event_type, told)
    fatalities = conservative_toll(counted, armed_only=len(actors) > 1 and all(is_non_state_armed(a) for a in actors))
    if sub_event_type == "abduction_forced_disappearance" and _killing_foremost(fatalities, counted):
        # "bandits kill 16, abduct dozens", "killed four civilians and abducted two girls": ACLED
        # codes the killing, the more severe harm; a raid to free hostages that killed a soldier and
        # six kidnappers, the fight
        fight = _armed_dead_only(counted)
        event_type, sub_event_type = ("Battles", "armed_clash") if fight else (event_type, "attack")
        if decisions is not None:
            why = f"rule:{fatalities} killed as well as abducted" + (", all of them armed" if fight else "")
            for name, value in (("event_type", event_type), ("sub_event_type", sub_event_type)):
                decisions[name] = Decision(value, decisions[name].sentence, why)
    if sub_event_type == "attack" and perps and all(is_non_state_armed(a) and kind(a) != "militia" for a in perps) \
            and _forces_killed(counted):
        # "eleven people, seven gendarmes and four contractors, were killed when militants ambushed a convoy":
        # the escort fought; an attack on armed men is a battle whoever else died
        event_type, sub_event_type = "Battles", "armed_clash"
        if decisions is not None:
            for name, value in (("event_type", event_type), ("sub_event_type", sub_event_type)):
                decisions[name] = Decision(value, decisions[name].sentence, "rule:the state's armed men among the dead")
    if sub_event_type == "looting_property_destruction" and fatalities and "civilians" in actors \
            and _civilians_killed(counted):
        # "bandits burn Kurya Madaro" and 23 dead in the police statement: ACLED codes the killing
        event_type, sub_event_type = "Violence against civilians", "attack"
        if decisions is not None:
            why = f"rule:{fatalities} killed as well as property destroyed"
            for name, value in (("event_type", event_type), ("sub_event_type", sub_event_type)):
                decisions[name] = Decision(value, decisions[name].sentence, why)
    if decisions is not None:
        decisions["fatalities"] = _fatalities_decision(counted, fatalities)

    evidence: list[str] = []
    for f in told:
        if (f.claims or f.places or f.actors) and f.sentence.text not in evidence:
            evidence.append(f.sentence.text)
    event = {
        "primary": incident.primary, "event_type": event_type, "sub_event_type": sub_event_type,
        **place, "date": date, "date_precision": precision, "actors": actors, "perpetrators": perps,
        "fatalities": fatalities,
        "claims": _unique([_as_perpetrator(c, own_counts, admissions).to_dict()
                           for f in incident.facts for c in f.claims]),
        "evidence": evidence[:MAX_EVIDENCE],
    }
    return Built(event, decisions or {}, told)


# the civilians' side of a disputed killing: "tous civils", "the army denied", "et non des éléments de Boko Haram"
_DISPUTED = re.compile(r"(?<!\w)(?:denied|denies|rejected|rejects|dismissed|disputed|contested|démenti|démentie?s?|dément|"
                       r"démentent|rejeté|rejette|rejettent|contesté|conteste|contestent|tous (?:des )?civils|"
                       r"all (?:of them )?civilians|no armed men|aucun homme armé|et non (?:des|de|pas)|"
                       r"rather than (?:militants|jihadists|terrorists|insurgents|fighters))(?!\w)", re.IGNORECASE)
_CIVILIAN_COUNTERS = frozenset({"local", "ngo", "un", "media", "unknown"})


def _without_the_state_s_version(counted: list[Any], actors: list[str], perps: list[str], sub_event_type: str | None,
                                 told: list[Facts]) -> list[Any]:
    """The killed figures without the state's word for the dead it made: where forces (or the
    militias beside them) killed people that residents or rights groups count as civilians, the
    army's "six terrorists neutralised" are the same dead, not more (the figures match, or the
    story says the account is disputed)."""
    state_acted = any(in_government_camp(a) for a in perps) or (
        sub_event_type == "air_drone_strike" and any(is_state_force(a) for a in actors))
    if not state_acted:
        return counted
    civilians = [lower_bound(c) for c in counted if c.kind == "killed" and c.victims in (None, "people", "civilians")
                 and c.claimant_type in _CIVILIAN_COUNTERS]
    militants = [c for c in counted if c.kind == "killed" and c.victims == "militants"
                 and c.claimant_type in ("official", "perpetrator", "unknown")]
    if not civilians or not militants:
        return counted
    same = any(n and lower_bound(m) and abs(n - lower_bound(m)) <= SAME_FIGURE_SLACK * n
               for n in civilians for m in militants)
    # forces named as the killers of civilians: the army's "terrorists neutralised" is its word for them
    killers = sub_event_type == "attack" and bool(perps) and all(is_state_force(a) or kind(a) == "militia" for a in perps)
    state_said = [m for m in militants if m.claimant_type in ("official", "perpetrator")]
    if not same and not any(_DISPUTED.search(f.sentence.text) for f in told) and not (killers and state_said):
        return counted
    dropped = {id(m) for m in militants}
    return [c for c in counted if id(c) not in dropped]


def _civilians_killed(claims: list[Any]) -> bool:
    """Whether a source other than the attackers counts people or civilians killed."""
    return any(c.kind == "killed" and c.victims in (None, "people", "civilians") and c.claimant_type != "perpetrator"
               and lower_bound(c) for c in claims)


_STATE_FORCE_VICTIMS = ARMED_VICTIMS - {"vdp", "militia", "militants"}


def _armed_dead_only(claims: list[Any]) -> bool:
    """Whether the dead are all armed men of both sides, the state's and the others' (by others' count when
    there is one)."""
    killed = [c for c in claims if c.kind == "killed" and lower_bound(c)]
    killed = [c for c in killed if c.claimant_type != "perpetrator"] or killed   # the raiders' own word, if alone
    return bool(killed) and all(c.victims in ARMED_VICTIMS for c in killed) \
        and any(c.victims == "militants" for c in killed) and any(c.victims != "militants" for c in killed)


def _forces_killed(claims: list[Any]) -> bool:
    """Whether a source other than the attackers counts the state's armed men among the dead."""
    return any(c.kind == "killed" and c.victims in _STATE_FORCE_VICTIMS
               and c.claimant_type != "perpetrator" and lower_bound(c) for c in claims)


def _killing_foremost(fatalities: int | None, claims: list[Any]) -> bool:
    """Whether a kidnapping raid killed enough to be coded as the killing: KILLINGS_OVER_ABDUCTION
    dead, or several dead and more than it took."""
    if not fatalities:
        return False
    taken = [lower_bound(c) for c in claims if c.kind == "abducted" and c.claimant_type != "perpetrator"]
    most_taken = max((n for n in taken if n is not None), default=None)
    return fatalities >= KILLINGS_OVER_ABDUCTION or (
        most_taken is not None and fatalities >= 2 and fatalities > most_taken)


def _fatalities_decision(counted: list[Any], fatalities: int | None) -> Decision:
    """The killed claim whose lower bound is the toll (else the first killed claim) decides it."""
    killed = [c for c in counted if c.kind == "killed"]
    deciding = next((c for c in killed if lower_bound(c) == fatalities), killed[0] if killed else None)
    return Decision(fatalities, deciding.sentence if deciding else None,
                    f"conservative toll over {len(killed)} killed claim(s)" if killed else "no killed figure")


def _unique(items: list[dict]) -> list[dict]:
    out: list[dict] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
