"""Group an article's sentences into incidents and pick the primary one.

News reports tell the new incident in the title and the lead, then recap
older incidents with their own tolls ("In May, at least 28 soldiers were
killed near Tongo Tongo"). A recap sentence is recognised by past-time or
recap phrasing, by a date clearly before the main event, or by a toll at a
different place; it opens a background incident that the next sentences of
the same paragraph continue. Background facts never feed the primary event.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .dates import YEAR, in_small_hours
from .regex import factor, flatten, lower_same_length, top_level_alternatives
from .text import Sentence

LEAD_PARAGRAPHS = 1          # title (0) and the first body paragraph are the lead
SAME_EVENT_SLACK_DAYS = 3    # a dated sentence this much before the main date is a recap
DATE_LEAD_PARAGRAPHS = 2     # paragraphs whose earliest precise date is the incident's
UNDATED_LEAD_DAYS = 31       # how far back a later sentence may date an undated lead
UNDATED_REPORT_DAYS = 120    # ... when it gives the lead's place and toll early on (an inquiry's report)


@dataclass
class Facts:
    """Everything the extractors found in one sentence."""
    sentence: Sentence
    places: list[Any] = field(default_factory=list)    # PlaceMention (offsets in the title or body)
    actors: list[Any] = field(default_factory=list)    # ActorMention (offsets in the sentence)
    claims: list[Any] = field(default_factory=list)    # Claim
    dates: list[Any] = field(default_factory=list)     # DateMention (offsets in the sentence)
    reporting_dates: set[int] = field(default_factory=set)   # indexes into dates said-on, not happened-on
    superseded: set[int] = field(default_factory=set)        # indexes into claims a later figure replaced

    @property
    def current_claims(self) -> list[Any]:
        """The claims no later figure replaced (the list itself when none was: read, not changed)."""
        if not self.superseded:
            return self.claims
        return [c for i, c in enumerate(self.claims) if i not in self.superseded]

    @property
    def event_dates(self) -> list[Any]:
        """The dates something happened on (the list itself when none is a date of saying)."""
        if not self.reporting_dates:
            return self.dates
        return [d for i, d in enumerate(self.dates) if i not in self.reporting_dates]


@dataclass
class Incident:
    primary: bool
    facts: list[Facts] = field(default_factory=list)
    rule: str = "lead"       # why these sentences form an incident, for --explain


@dataclass(frozen=True)
class Vocabulary:
    """One compiled alternation per phrase list: a sentence costs one search per list."""
    background: re.Pattern
    separate: re.Pattern
    superseded: re.Pattern
    backref: re.Pattern
    reporting: re.Pattern
    reaction_after: re.Pattern
    reference: re.Pattern
    reference_after: re.Pattern
    attribution: re.Pattern
    bystander_before: re.Pattern
    bystander_after: re.Pattern
    counted_residents: re.Pattern
    own_claim: re.Pattern
    attackers_named: re.Pattern
    departure: re.Pattern


@cache
def _raw_vocabulary() -> dict:
    path = resources.files("worker.tagging") / "data" / "incidents.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _alternatives(language: str, *keys: str) -> list[str]:
    """The phrase regexes of `keys` for `language` (both when unknown), split into the
    alternatives they try, in order: lower case, for lower-cased text."""
    raw = _raw_vocabulary()
    langs = (language,) if language in ("en", "fr") else ("en", "fr")
    return [alt for key in keys for lang in langs for p in raw[key].get(lang, ())
            for top in top_level_alternatives(p) for alt in flatten(top)]


@cache
def vocabulary(language: str) -> Vocabulary:
    """The compiled phrase lists for `language` (both languages when unknown)."""
    return Vocabulary(*(re.compile(factor(_alternatives(language, k))) for k in Vocabulary.__dataclass_fields__))


@cache
def _recap_pattern(language: str) -> re.Pattern:
    """Background and separate-incident phrases in one pass (told apart afterwards)."""
    return re.compile(factor(_alternatives(language, "background", "separate")))


_TOLD = ("own_claim", "attackers_named")     # phrases that keep a sentence in the story's incident


@cache
def _told_pattern(language: str) -> re.Pattern:
    """A claim of the attack or its attackers' group, in one pass."""
    return re.compile(factor(_alternatives(language, *_TOLD)))


@cache
def _told_or_recap_pattern(language: str) -> re.Pattern:
    """The told phrases, then the recap ones, in one pass that stops at the first of either
    (a told phrase where both start at one place): a recap phrase it stops at is the
    sentence's first, and no told phrase starts before it."""
    return re.compile(factor(_alternatives(language, *_TOLD, "background", "separate")))


_REPORTED = re.compile(r"\b(?:a|ont|avait|avaient)\s+(?:indiqué|affirmé|déclaré|précisé|annoncé|confirmé|expliqué|assuré|"
                       r"ajouté|rapporté|souligné|fait savoir|raconté)\s+(?:[\w'’-]+\s+){0,3}?qu(?:e\b|['’])"
                       r"|\bselon (?:lequel|laquelle|lesquels)\b")


# a participle that describes someone or something ("déployée dans le nord", "active in the Soum",
# "installé à Bamako"), up to a "since" in it: no comma or bracket between ("qui a fait des milliers de
# morts depuis 2014" is a running toll, and stays background)
_DESCRIBING = re.compile(r"(?<!\w)(?:déployée?s?|deployed|présente?s?|present|actives?|actifs?|based|basée?s?|"
                         r"installée?s?|stationed|stationnée?s?|operating"
                         # "Boko Haram, qui a multiplié ce type d'opérations depuis 2014": what a group has done
                         r"|(?:qui|which|who)\s+(?:a|ont|has|have)\s+(?:multiplié|mené|stepped up|carried out|waged)"
                         # "JNIM, whose fighters have surrounded Titao since 2022": what a group has been doing
                         r"|(?:whose|dont les)\s+(?:[\w'’-]+\s+){1,2}(?:have|has|ont)\s+(?:been\s+)?[\w'’-]+"
                         # "JNIM, who «had imposed their law on the population» since mid-2022": its rule
                         r"|(?:who|qui)\s+[«“\"]?\s*(?:had|has|have|avait|avaient|a|ont)\s+(?:been\s+)?"
                         r"(?:imposed|controlled|held|occupied|ruled|besieged|surrounded|blockaded|imposé|contrôlé|occupé|"
                         r"tenu|assiégé|encerclé)\b)"
                         r"(?!\w)[^,;()]*$")


# a group's history told in passing ("the faction that broke away from Shekau's group in 2016",
# "le groupe, fondé en 2015 par Ibrahim Malam Dicko"): no older incident of the story
_GROUP_HISTORY = re.compile(r"(?<!\w)(?:broke away|split|splintered|was (?:founded|formed|created|set up)|founded|formed|"
                            r"created|emerged|pledged allegiance|a fait scission|s['’]est scindée?|(?:a été )?fondée?|"
                            r"(?:a été )?créée?|est née?|née?|a prêté allégeance)(?!\w)[^,;()]*$")


def recap_marker(text: str, language: str) -> tuple[str, str] | None:
    """(kind, phrase) of the first recap or separate-incident phrase in `text`."""
    lowered = text.lower()
    return _marker(_recap_pattern(language).search(lowered), text, lowered, language)


def _marker(match: re.Match | None, text: str, lowered: str, language: str) -> tuple[str, str] | None:
    """(kind, phrase) of `match`, the first recap phrase of `lowered` (`text` lower-cased)."""
    if match is None:
        return None
    # A background phrase wins over a separate-incident one starting at the same place.
    vocab = vocabulary(language)
    background = vocab.background.match(lowered, match.start())
    if background and background.group(0).startswith("avai") and _REPORTED.search(lowered, 0, match.start()):
        # "un responsable a indiqué que douze VDP avaient été tués": the pluperfect of reported
        # speech, not a recap
        return recap_marker(text[match.end():], language)
    if background and (background.group(0).startswith(("depuis", "since"))
                       or lowered[max(0, match.start() - 8):match.start()].rstrip().endswith(("depuis", "since"))) \
            and _DESCRIBING.search(lowered, max(0, match.start() - 80), match.start()):
        # "le véhicule, d'une patrouille déployée dans le nord depuis début 2022, a été touché": how
        # long something has been so describes it; the sentence may still tell the incident
        return recap_marker(text[match.end():], language)
    if background and YEAR.search(background.group(0)) \
            and _GROUP_HISTORY.search(lowered, max(0, match.start() - 60), match.start()):
        return recap_marker(text[match.end():], language)
    if background:
        return "background", background.group(0)
    separate = vocab.separate.match(lowered, match.start())
    return "separate", (separate or match).group(0)


def first_match(pattern: re.Pattern, text: str) -> str | None:
    """The first phrase of a vocabulary list found in `text` (case-insensitively)."""
    match = pattern.search(text.lower())
    return match.group(0) if match else None


def is_reference_mention(facts: Facts, mention: Any, language: str) -> bool:
    """A landmark, not the incident's place: "near the border with Mali", "60 km from
    Niamey", "fled to Kaya", "officials in Maiduguri said"."""
    vocab = vocabulary(language)
    text = facts.sentence.text
    start, end = mention.start - facts.sentence.start, mention.end - facts.sentence.start
    before, after = text[max(0, start - 60):start], text[end:end + 12]
    if first_match(vocab.counted_residents, before):
        return False        # "three residents of Koundjoaré were killed": the victims' village
    if _RESIDENTS_OF.search(before) and not _SOURCE_BEFORE.search(before) and not _SPEAKING.search(text, end, end + 90):
        return False        # "les habitants de Guiaro font la queue", "pas de messe à la paroisse de Zoaga": the scene
    return bool(first_match(vocab.reference, before) or first_match(vocab.reference_after, after)
                or ("marc" in before or "market" in before or "foire" in before)
                and _GOING_TO_MARKET.search(text, max(0, start - 120), start) and not _MEASURED_FROM_IT.search(text, end))


# "Ils allaient vendre leurs poulets au marché de Diapaga": where the victims were going, not where they were hit
_GOING_TO_MARKET = re.compile(r"\b(?:allai(?:en)?t|se\s+rendai(?:en)?t|transportai(?:en)?t|going|heading|travell?ing|"
                              r"carrying|bound|on\s+(?:their|his|her)\s+way)\b"
                              r"[^.;:]{0,80}?\b(?:au|à\s+la|pour\s+le|to\s+the|for\s+the)\s+(?:(?:weekly|grand|big)\s+)?"
                              r"(?:marché|foire|market)"
                              r"\s+(?:hebdomadaire\s+)?(?:de|d['’]|du|in|at|of)\s*$", re.IGNORECASE)
# ... unless the scene is measured from it: "se rendant au marché de Gorgadji, a sauté à 15 km de cette localité"
_MEASURED_FROM_IT = re.compile(r"[^.;]*?\b(?:km|kilom[eè]t\w*|miles)\s+(?:\w+\s+){0,2}?(?:de|from|of)\s+"
                               r"(?:cette|this|the)\s+(?:localité|ville|commune|town|village|locality)\b", re.IGNORECASE)


# "les habitants de X" who neither speak nor are cited: the people of the place the story is about
_RESIDENTS_OF = re.compile(r"(?<!\w)(?:(?:les\s+|des\s+)?habitants|(?:la\s+)?paroisse)\s+(?:de|d['’])\s*$", re.IGNORECASE)
_SOURCE_BEFORE = re.compile(r"(?<!\w)(?:selon|d['’]après|auprès|joints?|contactés?)\s+(?:des\s+|d['’]|les\s+|de\s+)?"
                            r"habitants\s+(?:de|d['’])\s*$", re.IGNORECASE)
_SPEAKING = re.compile(r"[^.;]*?\b(?:joints?|contactés?|interrogés?|cités?|déclar\w*|affirm\w*|racont\w*|témoign\w*|"
                       r"expliqu\w*|indiqu\w*|rapport\w*|confi\w*|dénonc\w*|assur\w*|parlent|évoqu\w*|font état)\b",
                       re.IGNORECASE)


# A document's own date: "Flash Update No. 1 (9 March 2021)", "Text of report by Radio X, Diffa,
# 1 March 2019", "Note d'information (12 mai 2022)"
_DOCUMENT = re.compile(r"^\s*(?:text|excerpt|summary|transcript|texte|extrait|résumé)s?\s+(?:of|d['’]une?|du|de)\s+"
                       r"(?:a\s+|the\s+)?(?:report|broadcast|bulletin|reportage|émission|journal)\b"
                       r"|\b(?:flash\s+update|situation\s+report|sitrep|update\s+no|bulletin|mise\s+à\s+jour"
                       r"|rapport\s+de\s+situation|note\s+d['’]information|flash\s+info"
                       # a government's minutes: "Communiqué du Conseil des ministres du mercredi 16 février 2022"
                       r"|(?:communiqué|compte\s+rendu)\s+(?:final\s+)?du\s+conseil\s+(?:extraordinaire\s+)?des\s+ministres"
                       r"|(?:council\s+of\s+ministers|cabinet)\s+(?:meeting|communiqu[ée]|statement)\s+of)\b", re.IGNORECASE)
_CLOSING_BRACKET = re.compile(r"\s*\)\s*$")
# a report's own header: "Issued: 18 Feb 2020, 1400 hrs", "Report date: Tuesday 22 Sep 2020", "Publié le 3 mai"
_HEADER_DATE = re.compile(r"(?:^|\|)\s*(?:issued|report(?:ing)?\s+date|date\s+of\s+(?:the\s+)?report|published|updated|"
                          r"last\s+updated|émis(?:\s+le)?|publié(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|date\s+de\s+"
                          r"(?:publication|parution|diffusion|rédaction))\s*:?\s*(?:on\s+)?(?:[^\W\d]{3,9}\.?,?\s+)?$",
                          re.IGNORECASE)
HEADER_PARAGRAPHS = 3     # a report's header lines come first


def _document_date(facts: Facts, mention: Any) -> bool:
    text = facts.sentence.text
    if facts.sentence.paragraph == 0 and text[:mention.start].rstrip().endswith("(") \
            and _CLOSING_BRACKET.match(text, mention.end):
        return True     # a headline closing on "(9 March 2021)"
    if facts.sentence.paragraph <= HEADER_PARAGRAPHS and _HEADER_DATE.search(text, 0, mention.start):
        return True     # "Report date: Tuesday 22 Sep 2020"
    if 0 < facts.sentence.paragraph <= HEADER_PARAGRAPHS and text.isupper():
        return True     # "MALI / GAO REGION – 17 AUG 2021": a report's heading line
    if facts.sentence.paragraph == 1 and len(text) < _HEADING_LENGTH and _section_heading(text):
        return True     # "Oct. 18 — Gao region.": a weekly update's entry, dated when the news came
    return facts.sentence.paragraph <= 1 and bool(_DOCUMENT.search(text, 0, mention.start))


def mark_reporting_dates(facts: Facts, vocab: Vocabulary) -> None:
    """Flag dates that follow a verb of saying ("the army said on Sunday"), that date a
    reaction to the incident ("marched on Sunday", "on Tuesday called for an inquiry") or
    that date the document itself ("Flash Update (9 March 2021)"), and a journey's start
    ("partie de Gao mercredi matin"): none is when the incident happened."""
    text = facts.sentence.text
    departures = set()
    for i, mention in enumerate(facts.dates):
        if is_reporting_date(facts, mention, vocab):
            facts.reporting_dates.add(i)
        elif vocab.departure.search(text[max(0, mention.start - 50):mention.start].lower()):
            departures.add(i)
    if len(departures) < len(facts.dates) - len(facts.reporting_dates):
        # ... when the sentence tells another day, the attack's ("partie de Gao mercredi matin, la pinasse a
        # été prise pour cible jeudi"); a column "partie de Tombouctou mardi" that retook the town is dated by it
        facts.reporting_dates |= departures


def is_reporting_date(facts: Facts, mention: Any, vocab: Vocabulary) -> bool:
    """Whether `mention`, a date of `facts`' sentence, dates a saying, a reaction or the document,
    not "a revendiqué l'attaque menée samedi soir" (the attack's day)."""
    text = facts.sentence.text
    return bool(_said_before(vocab.reporting, text, max(0, mention.start - 60), mention.start)
                or first_match(vocab.reaction_after, text[mention.end:mention.end + 40])
                or _document_date(facts, mention)) \
        and not _EVENT_BEFORE.search(text, max(0, mention.start - 50), mention.start) \
        and not ("rendu" in text[max(0, mention.start - 25):mention.start] and _SURRENDERED.match(text, mention.end))


# "se sont rendus mercredi aux forces de défense": they surrendered on that day, they did not go somewhere
_SURRENDERED = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:aux\s+(?:forces|militaires|soldats|troupes|autorités)|à\s+l['’]armée)\b",
                          re.IGNORECASE)


def _said_before(pattern: re.Pattern, text: str, start: int, end: int) -> bool:
    """A verb of saying in text[start:end] (lower-cased), not the town of Say ("in the Tamou
    commune of Say department")."""
    window = text[start:end]
    lowered = window.lower()
    m = pattern.search(lowered)
    if m and m.group(0).startswith("say") and window[m.start():m.start() + 1] == "S" and m.start() > 0:
        return pattern.search(lowered, m.start() + 3) is not None
    return m is not None


# the incident named right before its day: "l'attaque menée samedi", "the ambush carried out on Friday",
# "said the attack, on Monday, targeted"
_EVENT_BEFORE = re.compile(
    r"\b(?:attaques?|attentats?|embuscades?|assauts?|raids?|frappes?|enlèvements?|massacres?|tueries?|attacks?|ambush(?:es)?|"
    r"assaults?|strikes?|bombings?|abductions?|kidnappings?|killings?)(?:\s+(?:\w+\s+){0,2}?(?:menée?s?|perpétrée?s?|"
    r"survenue?s?|commise?s?|lancée?s?|carried\s+out|launched|staged|conducted))?\s*,?\s+(?:(?:on|le|dans\s+la\s+nuit\s+de)\s+)?$",
    re.IGNORECASE)


def mark_superseded_claims(facts: Facts, vocab: Vocabulary) -> None:
    """Flag figures introduced as a replaced toll ("had initially reported 10", "un premier bilan
    faisait état de 17"), looking only between the previous figure and this one."""
    text, previous_end = facts.sentence.text, 0
    for i in sorted(range(len(facts.claims)), key=lambda k: facts.claims[k].start):
        claim = facts.claims[i]
        if first_match(vocab.superseded, text[max(previous_end, claim.start - 50):claim.start]):
            facts.superseded.add(i)
        previous_end = max(previous_end, claim.end)


PRECISION_ORDER = {"day": 0, "week": 1, "month": 2}
_NIGHT = re.compile(r"\b(?:night|overnight|nuit)\b", re.IGNORECASE)
_NIGHT_BEFORE = re.compile(r"\b(?:night|overnight|nuit)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


def _consistent(fine: Any, coarse: Any) -> bool:
    """A precise date that falls inside a coarser one ("last week" ... "on Thursday")."""
    if coarse.precision == "month":
        return (fine.date.year, fine.date.month) == (coarse.date.year, coarse.date.month)
    return abs((fine.date - coarse.date).days) <= 7


def _refine_night(chosen: tuple[Any, Facts], facts_list: list[Facts]) -> tuple[Any, Facts]:
    """A night spans two days; when the story also names the second day with the small hours
    ("attacked on Sunday at 1 a.m."), that day is when the violence happened. The second day
    named alone tells what came after ("bodies found on Monday morning", "the clinic closed
    on Sunday")."""
    mention, facts = chosen
    if mention.rule.endswith((":after-midnight", ":evening")):
        return chosen       # the hour given already settled the day
    before = facts.sentence.text[max(0, mention.start - 25):mention.start]
    if "night" not in mention.rule and not _NIGHT.search(mention.surface) and not _NIGHT_BEFORE.search(before):
        return chosen
    next_day = mention.date + dt.timedelta(days=1)
    for facts in facts_list:
        for other in facts.event_dates:
            if other.precision == "day" and other.date == next_day and other is not mention \
                    and in_small_hours(lower_same_length(facts.sentence.text), other.start, other.end):
                return other, facts
    return chosen


def choose_date(facts_list: list[Facts]) -> tuple[Any, Facts] | None:
    """The event date of an incident, as precise as the story allows.

    The lead (title and first paragraph) decides; a coarse lead date ("last
    week", "in January") is refined by a precise date inside it further down.
    Within a paragraph the earliest precise date wins, since the incident
    precedes its reporting; dates something was said on are used only when
    the story has no other date (an announcement is itself the event).
    """
    for reporting in (False, True):
        by_paragraph: dict[int, list[tuple[Any, Facts]]] = {}
        for facts in facts_list:
            dates = facts.event_dates if not reporting else facts.dates
            for mention in dates:
                # The lead runs over the first two paragraphs: wires give the toll first and
                # the hour of the attack next ("Vendredi, vers 1 heure du matin, ...").
                # Dates of saying bound the incident from above wherever they are: the earliest of them.
                key = 0 if reporting else max(facts.sentence.paragraph, DATE_LEAD_PARAGRAPHS)
                by_paragraph.setdefault(key, []).append((mention, facts))
        coarse: tuple[Any, Facts] | None = None
        for paragraph in sorted(by_paragraph):
            found = by_paragraph[paragraph]
            days = [pair for pair in found if pair[0].precision == "day"]
            # "On 24 February soldiers executed ... The day before, JNIM had ambushed a convoy": an eve
            # whose anchor day is itself the incident's tells an earlier one
            days = [pair for pair in days if not (pair[0].rule.startswith("date:eve-of") and any(
                other[0].date == pair[0].date + dt.timedelta(days=1) for other in days))] or days
            if days:
                best = min(days, key=lambda pair: pair[0].date)
                if coarse is None or _consistent(best[0], coarse[0]):
                    return _refine_night(best, facts_list)
            elif coarse is None:
                coarse = min(found, key=lambda pair: (PRECISION_ORDER.get(pair[0].precision, 3), pair[0].date))
        if coarse:
            return coarse
    return None


def _is_earlier(mention: Any, reference: Any) -> bool:
    """A date clearly before the main incident's (compared at the coarser precision)."""
    if mention.precision == "month" or reference.precision == "month":
        return (mention.date.year, mention.date.month) < (reference.date.year, reference.date.month)
    slack = SAME_EVENT_SLACK_DAYS if reference.precision == "day" else SAME_EVENT_SLACK_DAYS + 7
    return mention.date < reference.date - dt.timedelta(days=slack)


# "rappelant aux autorités de Bamako", "officials in Niamey said": the seat of a government or
# a source, not a place the incident touched
_SEAT_BEFORE = re.compile(r"\b(?:authorities|officials?|government|junta|sources?|embassy|consulate|autorités|responsables?|"
                          r"gouvernement|junte|pouvoir|ambassade|consulat)\s+(?:\w+\s+)?(?:in|of|de|d['’]|à)\s+$",
                          re.IGNORECASE)


def _place_keys(facts_list: list[Facts], without_seats: bool = False) -> set[str]:
    """Names of the towns and districts told, with the districts they lie in (`without_seats`:
    not a government's seat or a source's whereabouts)."""
    keys = set()
    for f in facts_list:
        for m in f.places:
            if m.place.level in ("locality", "admin2") and not (
                    without_seats and _SEAT_BEFORE.search(f.sentence.text, max(0, m.start - f.sentence.start - 40),
                                                          m.start - f.sentence.start)):
                keys.add(m.place.name)
                if m.place.admin2:
                    keys.add(m.place.admin2)
    return keys


# "The killings took place on Oct. 25", "The attack began at around 7 a.m. on June 9", "L'attaque a eu lieu
# le dimanche 4 octobre": the story's incident, named with the definite article, and when it happened
_OWN_INCIDENT_DAY = re.compile(
    r"^\s*(?:the|l['’]|la|le|les)\s*(?:[\w'’-]+\s+)?"
    r"(?:attack|killings?|massacre|blast|explosion|strike|raid|ambush|assault|abduction|kidnapping|bombing|operation|"
    r"rescue|attaque|tuerie|frappe|embuscade|assaut|enlèvement|attentat|faits|drame|opération)\s+"
    r"(?:took place|happened|occurred|began|started|was carried out|unfolded|a eu lieu|s['’]est produite?|"
    r"s['’]est déroulée?|se sont produits|ont eu lieu|se sont déroulés|a commencé|a débuté)\b")


def _recap_rule(facts: Facts, language: str, main_date: Any, lead_places: set[str]) -> str | None:
    """Why `facts` tells another incident than the main one (None when it does not)."""
    text = facts.sentence.text
    lowered = text.lower()
    first = _told_or_recap_pattern(language).search(lowered)
    if first and _told_pattern(language).search(lowered, first.start()) and not _claims_older(facts, lowered, main_date,
                                                                                          language):
        # "Ansaroul Islam, whose founder died last year, claimed the attack", "the militants
        # belonged to Ansarul Islam, ... active in the Soum since 2016" (but "it claimed the
        # ambush near Tongo Tongo in October 2017" tells that older ambush)
        return None
    if _OWN_INCIDENT_DAY.search(lowered):
        return None     # "The killings took place on Oct. 25": the story's own incident, dated late
    # An undated lead ("troops have killed a dozen bandits in Shiroro") is dated by a later
    # sentence that names its place ("on 22 September, troops made contact at Erena in Shiroro").
    # ... or by one that names no place and no figure, the incident told ("il y a trois semaines,
    # le mercredi 23 novembre, des hélicoptères ont déposé des soldats aux abords de la localité")
    # A lead with neither a day nor a place ("a new investigation suggests the strikes are killing
    # civilians") is told by the first paragraph that gives both.
    undated_lead_told = isinstance(main_date, _Published) and (
        bool(_place_keys([facts]) & lead_places) or not facts.places and not facts.claims or not lead_places)
    marker = _marker(first, text, lowered, language)
    if marker and not (undated_lead_told and marker[0] == "background" and _AGO.search(marker[1])
                       and any(_recent(m, main_date) for m in facts.event_dates)):
        # ... as "il y a trois semaines, le mercredi 23 novembre" dates a report's undated lead
        kind = "background marker" if marker[0] == "background" else "separate incident marker"
        return f"{kind} '{marker[1]}'"
    # a rights group's report published weeks later: its account of the killings, right after a lead of
    # testimony with neither day nor place, dates them however long ago
    report = undated_lead_told and facts.sentence.paragraph <= DATE_LEAD_PARAGRAPHS and bool(facts.claims) \
        and len(facts.event_dates) == 1 and bool(_place_keys([facts]) & lead_places)
    for mention in facts.event_dates:
        if _is_earlier(mention, main_date) and not (
                undated_lead_told and (main_date.date - mention.date).days <= (UNDATED_REPORT_DAYS if report
                                                                              else UNDATED_LEAD_DAYS)):
            return f"earlier date '{mention.surface}'"
    if facts.claims and lead_places:
        own = {m.place.name for m in facts.places if m.place.level in ("locality", "admin2")
               and not is_reference_mention(facts, m, language)}     # "evacuated to Kandi" is no scene
        # ... unless it gives the day a coarse lead left open ("abducted last week" ... "seized from
        # Gamagou on 22 November"): the lead's incident, told in full
        if own and not _place_keys([facts]) & lead_places and not (
                not isinstance(main_date, _Published) and main_date.precision in ("week", "month")
                and any(m.precision == "day" and _consistent(m, main_date) for m in facts.event_dates)):
            return f"toll at another place '{sorted(own)[0]}'"
    return None


def _claims_older(facts: Facts, lowered: str, main_date: Any, language: str) -> bool:
    """A claim of responsibility for an attack dated after it a month or more before the main
    incident ("it claimed the ambush near Tongo Tongo in October 2017"): the claim of that older
    attack. (A date before the claim, or beside the attackers' group, describes the group: "le
    FLA, formé fin novembre 2024, a revendiqué l'embuscade".)"""
    v = vocabulary(language)
    claim = v.own_claim.search(lowered)
    return main_date is not None and claim is not None and not v.attackers_named.search(lowered) \
        and any(m.start > claim.start() and m.precision in ("day", "month") and _is_earlier(m, main_date)
                and (main_date.date - m.date).days > 31 for m in facts.event_dates)


_AGO = re.compile(r"(?<!\w)(?:il y a|ago|earlier|plus tôt)(?!\w)")


def _recent(mention: Any, main_date: Any) -> bool:
    """A day within UNDATED_LEAD_DAYS before the publication standing in for the main date."""
    return mention.precision == "day" and 0 <= (main_date.date - mention.date).days <= UNDATED_LEAD_DAYS


def _mentions_main(facts: Facts, main_date: Any, lead_places: set[str]) -> bool:
    """The sentence names a place of the main incident or its day."""
    if _place_keys([facts]) & lead_places:
        return True
    return main_date is not None and any(m.date == main_date.date for m in facts.event_dates)


def group_incidents(facts_list: list[Facts], language: str, published: dt.date) -> list[Incident]:
    """Split the article's sentences into the primary incident and background incidents."""
    vocab = vocabulary(language)
    primary = Incident(primary=True)
    incidents = [primary]
    for facts in facts_list:
        if facts.dates:
            mark_reporting_dates(facts, vocab)
        if facts.claims:
            mark_superseded_claims(facts, vocab)

    later: list[Facts] = []
    first = 1       # the title and the first sentence always tell the main incident ...
    for facts in facts_list:
        s = facts.sentence
        if s.paragraph > LEAD_PARAGRAPHS:
            later.append(facts)
            continue
        if s.index == 1 and len(s.text) < _HEADING_LENGTH and _section_heading(s.text):
            first = 2   # ... the sentence after a digest entry's heading ("Oct. 18 — Gao region.") being the first
        marker = None
        if s.index > first:
            marker = recap_marker(s.text, language)
        if marker:
            incidents.append(Incident(False, [facts], f"marker '{marker[1]}'"))
        else:
            primary.facts.append(facts)

    chosen = choose_date(primary.facts)
    main_date = chosen[0] if chosen else None       # a DateMention: date and precision
    if chosen and chosen[0] not in chosen[1].event_dates:
        main_date = None        # "the army said on Thursday": the lead does not date the incident
    lead_places = _place_keys(primary.facts, without_seats=True)
    current = primary
    last_paragraph = -1
    held = -1       # a digest's later entry or section: all its sentences stay out of the main incident
    for facts in later:
        s = facts.sentence
        new_paragraph = s.paragraph != last_paragraph
        last_paragraph = s.paragraph
        rule = _recap_rule(facts, language, main_date or _Published(published), lead_places)
        if new_paragraph and not rule and (section := _section_heading(s.text)):
            rule, held = section, s.paragraph
        if rule:
            if current.primary or new_paragraph:
                current = Incident(False, [], rule)
                incidents.append(current)
            current.facts.append(facts)
            continue
        background = [i for i in incidents if not i.primary]
        if s.paragraph == held:
            pass
        elif new_paragraph and background and first_match(vocab.backref, s.text):
            current = background[-1]
        elif new_paragraph or _mentions_main(facts, main_date, lead_places):
            current = primary
        current.facts.append(facts)
        if current.primary:
            lead_places |= _place_keys([facts], without_seats=True)
        if current.primary and facts.event_dates and (main_date is None or main_date.precision != "day"):
            # An undated or coarse lead ("last week") takes its first precise date inside it.
            found = choose_date([facts])
            if found and (main_date is None or _consistent(found[0], main_date)):
                main_date = found[0]
    return incidents


# A weekly update's entries and sections: "Oct. 19 — Kidal region.", "12 mars — Ménaka :", "Context.",
# "Outlook:". After the lead entry, each is another development or the analyst's own commentary.
_MONTH_ABBREVIATION = (r"(?:jan|feb|fév|fev|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|août|aou|sep|oct|nov|dec|déc)"
                       r"[a-zéû]*\.?")
_SECTION_HEADING = re.compile(
    rf"\s*(?:(?:{_MONTH_ABBREVIATION}\s+\d{{1,2}}|\d{{1,2}}(?:er)?\s+{_MONTH_ABBREVIATION})(?:,?\s+(?:19|20)\d\d)?"
    r"\s*[—–-]\s+\w"
    r"|(?:context|background|analysis|assessment|outlook|forecast|implications|contexte|analyse|perspectives?|"
    r"éclairage|enjeux)\s*[.:—–](?:\s|$))", re.IGNORECASE)


_HEADING_LENGTH = 60     # a heading told as a sentence of its own: a date and a place


def _section_heading(text: str) -> str | None:
    """The heading a digest paragraph opens with, as a rule name (None when it has none)."""
    m = _SECTION_HEADING.match(text)
    return f"digest section '{text[:m.end()].strip()}'" if m else None


@dataclass(frozen=True)
class _Published:
    """The publication day standing in for an undated main incident (a week's slack)."""
    published: dt.date
    precision: str = "week"

    @property
    def date(self) -> dt.date:
        return self.published
