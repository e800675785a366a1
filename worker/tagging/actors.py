"""Actor recognition: aliases of EVENT-SCHEMA.md actor ids, place-dependent generics, roles.

All aliases (data/actors.json) compile into one trie-shaped regex per language at first use,
so a 300-word article is scanned once. Names match case- and accent-insensitively;
abbreviations ("IS", "FAN", "CMA") match case-sensitively so common words do not fire.

Decisions (documented in the data file too): AQIM/AQMI, Ansar Dine and al-Mourabitoun merged
into JNIM in 2017 and map to jnim. Place-dependent mentions come back as generic ids
(GENERIC_IDS: "Islamic State", "bandits", "rebels", "soldiers", "FAN") for resolve_generic():
the Islamic State is ISWAP in Nigeria, Cameroon, Chad and Niger's Diffa, the Sahel Province
elsewhere (also in Sokoto and Kebbi, where it operates); the long form "Islamic State West Africa
Province" is generic too, because the Sahel branch claimed under that name until 2022. Unnamed
attackers ("suspected jihadists", "gunmen") are unidentified_armed_group, dropped by
resolve_actors() when a named non-state group is present.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .regex import WordStartPattern, leftmost_of, lower_literals, lower_same_length, spans_of
from .text import TIME_WORDS, fold

_DATA = Path(__file__).resolve().parent / "data" / "actors.json"

# Kinds counted as organised armed actors on each side of ACLED's Battles definition.
_STATE_KINDS = frozenset({"state", "foreign_state", "un"})
_NON_STATE_KINDS = frozenset({"jihadist", "separatist", "militia", "unidentified", "criminal"})
_NAMED_HOSTILE_KINDS = frozenset({"jihadist", "separatist", "militia", "criminal"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: str  # schema id, or a generic id (see GENERIC_IDS) to pass through resolve_generic
    start: int
    end: int
    surface: str
    rule: str


@cache
def _data() -> dict[str, Any]:
    with _DATA.open(encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    """Lower case, accents removed, letters and digits only: the lookup key of a name."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


_NOT_ALNUM = re.compile(r"[\W_]+")


def _abbr_key(s: str) -> str:
    """Letters and digits only; most surfaces are one word already."""
    return s if s.isalnum() else _NOT_ALNUM.sub("", s)


_ACCENTS = {
    "a": "aàâáäãå", "e": "eéèêë", "i": "iîïíì", "o": "oôöóò", "u": "uùûüú", "c": "cç", "n": "nñ", "y": "yÿ",
}
_APOS = "['’ʼ‘`´]?"
_SEP = r"[\s\-‐‑–]+"
_HYPH = r"[\s\-‐‑–]?"


def _tokens(alias: str, fold_case: bool) -> tuple[str, ...]:
    """Regex tokens, one per character, tolerant of accents, apostrophes and hyphens."""
    out: list[str] = []
    for ch in alias:
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if ch in "'’ʼ‘`´":
            out.append(_APOS)
        elif ch == " ":
            out.append(_SEP)
        elif ch in "-‐‑–":
            out.append(_HYPH)
        elif fold_case and base.isalpha():
            chars = _ACCENTS.get(base, base)
            out.append("[" + chars + chars.upper() + "]")
        else:
            out.append(re.escape(ch))
    return tuple(out)


def _trie_regex(token_lists: Iterable[tuple[str, ...]], guard: str = "") -> str:
    """One alternation of token sequences sharing their prefixes. `guard` goes after each
    first token: a look-behind there leaves the engine its fast scan for first characters."""
    trie: dict[str, Any] = {}
    for toks in token_lists:
        node = trie
        for t in toks:
            node = node.setdefault(t, {})
        node[""] = {}

    def emit(node: dict[str, Any], after: str = "") -> str:
        alts = [t + after + emit(child) for t, child in node.items() if t]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # A terminal node with children: greedy optional, so the longest alias wins.
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie, guard)


def _security_aliases(lang: str) -> dict[str, list[str]]:
    """'Malian soldiers', 'soldats maliens', "Mali's army", 'armée du Mali' -> military_xx."""
    sf = _data()["security_forces"]
    out: dict[str, list[str]] = {}
    for cc, c in sf["countries"].items():
        names: list[str] = []
        if lang in ("en", "*"):
            for n in sf["nouns_en"]:
                names += [f"{d} {n}" for d in c["demonyms_en"]]
                names += [f"{p}'s {n}" for p in c["names"]]
        if lang in ("fr", "*"):
            for n in sf["nouns_fr"]:
                names += [f"{n} {d}" for d in c["demonyms_fr"]]
                names += [f"{n} {prep} {p}" for p in c["names"] for prep in ("du", "de", "de la", "au")]
        out[f"military_{cc.lower()}"] = names
    return out


def _abbreviation_forms(abbreviations: Iterable[str]) -> list[str]:
    """French house styles write pronounceable acronyms of four letters or more as words
    ('Jnim', 'Aqmi', 'Minusma'); shorter ones ('Fan', 'Ant', 'Bir') would be common words."""
    out: list[str] = []
    for a in abbreviations:
        out.append(a)
        if a.isalpha() and a.isupper() and len(a) >= 4:
            out.append(a.capitalize())
    return out


def _folded_tokens(alias: str) -> tuple[str, ...]:
    """Regex tokens of a name for matching folded text (lower case, no accents): letters are
    plain literals, so the engine's branch skipping works; apostrophes and hyphens optional."""
    out: list[str] = []
    for ch in alias:
        if ch in "'’ʼ‘`´":
            out.append("['‘´]?")
        elif ch == " ":
            out.append(_SEP)
        elif ch in "-‐‑–":
            out.append(_HYPH)
        else:
            out.append(re.escape(fold(ch)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Matcher:
    """Names (matched on the folded sentence) and abbreviations (matched case-sensitively
    on the sentence itself), with the surface-key tables that map a match to its actor."""

    names_pattern: WordStartPattern
    abbrs_pattern: re.Pattern[str]
    names: dict[str, tuple[str, str]]
    abbrs: dict[str, tuple[str, str]]


@cache
def _matcher(lang: str) -> _Matcher:
    d = _data()
    entries = {**d["actors"], **d["generics"]}
    names: dict[str, tuple[str, str]] = {}
    abbrs: dict[str, tuple[str, str]] = {}
    kept: list[str] = []
    for actor, e in entries.items():
        common = e["kind"] in ("civilians", "unidentified") or actor == "military_generic"
        for field in ("names_en", "names_fr"):
            flang = field[-2:]
            # Proper names are recognised in either language; common nouns only in their own
            # ("militants" is an activist in French).
            if lang != "*" and flang != lang and common:
                continue
            for n in e[field]:
                names.setdefault(_fold(n), (actor, f"name:{flang}"))
                kept.append(n)
        for a in _abbreviation_forms(e["abbreviations"]):
            abbrs.setdefault(_abbr_key(a), (actor, "abbr"))
    for actor, extra in _security_aliases(lang).items():
        for n in extra:
            names.setdefault(_fold(n), (actor, "demonym+noun"))
            kept.append(n)
    abbreviations = [_tokens(a, False) for e in entries.values() for a in _abbreviation_forms(e["abbreviations"])]
    return _Matcher(
        WordStartPattern(r"(?:" + _trie_regex(_folded_tokens(n) for n in kept) + r")(?![\w])"),
        # Abbreviations open with a capital: the engine skips to capitals, then checks the
        # word start.
        re.compile(r"(?:" + _trie_regex(abbreviations, r"(?<!\w.)") + r")(?![\w])"),
        names, abbrs)


def _spans(text: str, matcher: _Matcher) -> list[tuple[int, int]]:
    """Non-overlapping name and abbreviation spans, left to right; where both start at the
    same place the name wins ("IS fighters" is one name, not the abbreviation IS)."""
    abbreviation = matcher.abbrs_pattern.search
    return leftmost_of(matcher.names_pattern.searcher(fold(text)), spans_of(lambda pos: abbreviation(text, pos)))


_LAST_WORD = re.compile(r"(\w+)\W*$")
_FIRST_WORD = re.compile(r"^\W*(\w+)")


def _shouting(text: str, start: int, end: int) -> bool:
    """True when a short abbreviation sits among all-caps words ('MALI IS READY')."""
    before = _LAST_WORD.search(text[max(0, start - 30) : start])
    after = _FIRST_WORD.search(text[end : end + 30])
    return all(m is not None and len(m.group(1)) > 1 and m.group(1).isupper() for m in (before, after))


def find_actors(text: str, language: str = "en") -> list[ActorMention]:
    """Every actor mention in text, in order, with offsets; generic ids still unresolved."""
    return list(_find_actors(text, language if language in ("en", "fr") else "*"))


_NOT_PEOPLE_AFTER = re.compile(r"\s+(?:joint task force|jtf|traffic|vehicles?|flights?|aircraft|airports?|rule|government|"
                               r"administration|authorities|transition|clothes|clothing|dress|aviation)(?!\w)", re.IGNORECASE)
# "la société civile", "no civilians were hurt", "aucun civil"
_NOT_PEOPLE_BEFORE = re.compile(r"(?<!\w)(?:société|protection|état|aviation|guerre|sécurité|defence|defense|"
                                r"administration|autorités|gouvernement|government|no|aucune?|ni|pas de|sans)\s+$",
                                re.IGNORECASE)
_ABSENT_BEFORE = re.compile(r"(?<!\w)(?:without|sans|in the absence of|en l['’]absence d[eu'’]?)\s*"
                            r"(?:an?\s+|any\s+|d['’]\s*|de\s+|des\s+|la\s+|le\s+|les\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE)
# "gunmen dressed in military camouflage", "des hommes en tenue militaire": what attackers wore
_WORN = re.compile(r"(?:-style)?\s+(?:camouflage|uniforms?|fatigues|attire|clothing|clothes|outfits?|gear)(?!\w)",
                   re.IGNORECASE)
_WORN_FR = re.compile(r"(?<!\w)(?:tenues?|uniformes?|treillis|habits?)\s+$", re.IGNORECASE)


def _disguise(text: str, start: int, end: int, before: list[ActorMention]) -> bool:
    """The force named at `start` is what attackers named just before wore ("the gunmen, dressed
    in military camouflage"); "men wearing army uniforms" may be the army itself."""
    return bool(before and is_non_state_armed(before[-1].actor) and start - before[-1].end < 40
                and (_WORN.match(text, end) or _WORN_FR.search(text, max(0, start - 25), start)))


_ABSENT_WORDS = ("without", "sans", "absence")     # one in each phrase of _ABSENT_BEFORE


def _absent(text: str, start: int) -> bool:
    """The force named at `start` is said not to be there ("without a military escort")."""
    window = text[max(0, start - 40):start]
    lowered = window.lower()
    return any(w in lowered for w in _ABSENT_WORDS) and _ABSENT_BEFORE.search(window) is not None


# "the police spokesman, CSP Sani Aliyu Jega": Nigeria's police rank of Chief Superintendent, before a name
_POLICE_RANK = frozenset({"CSP"})
_PERSON_AFTER = re.compile(r"\s+[A-Z][a-z]+\b")


# "le Sabre national": Niger's national wrestling trophy, not France's Task Force Sabre
_NOT_A_FORCE_AFTER = {"Sabre": re.compile(r"\s+national", re.IGNORECASE),
                      # "evacuated to the CMA in Kaya", "le CMA de Djibo": a district medical centre, no rebels
                      "CMA": re.compile(r"\)?\s+(?:in|at|of|de|d['’]|du)\s*[A-ZÀ-Ý]")}
# "le centre médical avec antenne chirurgicale (CMA)": the abbreviation of the words before it
_NOT_A_FORCE_BEFORE = {"CMA": re.compile(r"(?i:centre médical|medical centre|medical center)[^().;]{0,40}\(\s*$")}


def _police_rank(text: str, surface: str, end: int) -> bool:
    """The abbreviation at `end` is a police officer's rank before their name, not a group."""
    return surface in _POLICE_RANK and "police" in text.lower() and _PERSON_AFTER.match(text, end) is not None


_NOT_STATE_POST = re.compile(r"(?<!\w)(?:illegal|fake|bogus|makeshift|improvised|unofficial|their own|its own"
                             r"|faux|fausse|illégale?|improvisée?|de fortune)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


# Between unnamed attackers and a named group: the same party, described ("gunmen suspected to
# be bandits", "gunmen linked to JNIM", "des individus armés présumés membres de l'EIGS")
_SAME_PARTY = re.compile(
    r"\s*,?\s*(?:(?:who|that|qui)\s+(?:are|were|is|was|sont|étaient|seraient)\s+)?(?:(?:widely\s+|strongly\s+)?"
    r"(?:suspected|believed|thought|said|presumed|alleged|reported)\s+to\s+(?:be|have\s+been)"
    r"|identified\s+as|linked\s+to|affiliated\s+(?:to|with)|loyal\s+to|belonging\s+to|from"
    r"|(?:soupçonnée?s?|suspectée?s?|présumée?s?|supposée?s?|réputée?s?)(?:\s+d['’]\s*être)?"
    r"|identifiée?s?\s+comme|liée?s?\s+(?:à|au|aux)|affiliée?s?\s+(?:à|au|aux)|appartenant\s+(?:à|au|aux)"
    r"|se\s+réclamant\s+d[eu]s?|issus?\s+d[eu]s?)"
    r"(?:\s+(?:the|a|an|members?\s+of|elements\s+of|fighters\s+of|des|les|la|le|l['’]|de|du|d['’]"
    r"|membres?\s+d[eu']s?|éléments\s+d[eu']s?))*\s*", re.IGNORECASE)


@lru_cache(maxsize=256)  # the same sentence is read by the tagger, classify() and roles()
def _find_actors(text: str, lang: str) -> tuple[ActorMention, ...]:
    matcher = _matcher(lang)
    out: list[ActorMention] = []
    for start, end in _spans(text, matcher):
        surface = text[start:end]
        hit = matcher.abbrs.get(_abbr_key(surface)) or matcher.names.get(_fold(surface))
        if hit is None:  # a name matched in a case the abbreviation table does not hold
            continue
        actor, rule = hit
        if rule == "abbr" and len(surface) <= 3 and (_shouting(text, start, end) or _police_rank(text, surface, end)):
            continue
        if surface in _NOT_A_FORCE_AFTER and _NOT_A_FORCE_AFTER[surface].match(text, end) \
                or surface in _NOT_A_FORCE_BEFORE and _NOT_A_FORCE_BEFORE[surface].search(text, max(0, start - 80), start):
            continue
        if actor == "civilians" and (_NOT_PEOPLE_AFTER.match(text, end)
                                     or _NOT_PEOPLE_BEFORE.search(text, max(0, start - 20), start)):
            continue  # "the Civilian JTF", "civilian traffic", "la société civile", "no civilians were hurt"
        if actor.startswith("military_") and (_absent(text, start) or _disguise(text, start, end, out)):
            continue  # "without a military escort", "gunmen dressed in military camouflage": no force there
        if actor == "military_generic" and _fold(surface) in _facilities() \
                and _NOT_STATE_POST.search(text, max(0, start - 40), start):
            continue  # "an illegal checkpoint", "un faux barrage": the gunmen's, not the state's
        if actor == "unidentified_armed_group" and out and start - out[-1].end <= 1:
            if is_non_state_armed(out[-1].actor):
                continue  # "ISGS militants", "Boko Haram fighters": one actor, already named
        if out and out[-1].actor == "unidentified_armed_group" and is_non_state_armed(actor) \
                and actor != "unidentified_armed_group" and _SAME_PARTY.fullmatch(text, out[-1].end, start):
            out.pop()   # "gunmen suspected to be bandits", "des hommes armés affiliés au GSIM": one party
        if actor == "bandits_generic" and _FROM_NIGERIA.match(text, end):
            actor, rule = "bandits_ng", "from-nigeria"   # "bandits venus du Nigeria voisin" raiding Niger
        out.append(ActorMention(actor, start, end, surface, f"{rule}:{surface}"))
    return tuple(out)


# "bandits coming from Nigeria", "des bandits armés venus du Nigeria voisin": north-west Nigeria's gangs
_FROM_NIGERIA = re.compile(r"\s*(?:,\s*)?(?:(?:coming|who came|based|operating)\s+)?(?:from|venus?|arrivés?|en provenance|basés?)"
                           r"\s*(?:du|de|from|au)?\s+(?:(?:neighbouring|neighboring|northern|north-western)\s+)?Nigeria\b",
                           re.IGNORECASE)


def actor_info(actor: str) -> dict[str, Any]:
    d = _data()
    return d["actors"].get(actor) or d["generics"].get(actor) or {}


def kind(actor: str) -> str | None:
    return actor_info(actor).get("kind")


GENERIC_IDS: frozenset[str] = frozenset(_data()["generics"])
ACTOR_IDS: frozenset[str] = frozenset(_data()["actors"])


def parents(actor: str) -> set[str]:
    """Parent organisations (katiba_macina -> {"jnim"}); report them only when the text links them."""
    return set(actor_info(actor).get("parents", ()))


def is_state_force(actor: str) -> bool:
    return kind(actor) in _STATE_KINDS


def in_government_camp(actor: str) -> bool:
    """State forces and the militias fighting beside them (VDP, GATIA): one side, never each
    other's opponent."""
    return is_state_force(actor) or bool(actor_info(actor).get("pro_government", False))


def is_foreign_force(actor: str) -> bool:
    """Wagner, Barkhane, MINUSMA...: a state's force that is not the country's own army."""
    return is_state_force(actor) and not actor.startswith("military_")


def is_non_state_armed(actor: str) -> bool:
    return kind(actor) in _NON_STATE_KINDS


def _admin1_key(country: str, admin1: str) -> str:
    return f"{country}/{_fold(admin1)}"


def resolve_generic(actor: str, country: str | None = None, admin1: str | None = None) -> str:
    """Place-dependent id: 'Islamic State' in Borno is iswap, in Tillaberi is_sahel; 'soldiers'
    in Mali are military_ml. Returns the input unchanged when it is not generic or cannot be
    resolved (military_generic with an unknown country)."""
    rule = _data()["generics"].get(actor, {}).get("resolve")
    if rule is None:
        return actor
    if country and admin1:
        hit = rule["by_admin1"].get(_admin1_key(country, admin1))
        if hit:
            return hit
    if country and country in rule["by_country"]:
        return rule["by_country"][country]
    return rule["default"] or actor


def _named_hostile(actor: str) -> bool:
    info = actor_info(actor)
    return info.get("kind") in _NAMED_HOSTILE_KINDS and not info.get("pro_government", False)


_FOREIGN_FORCES = frozenset({"france", "minusma", "takuba", "mnjtf"})


def _without_coreferent_forces(mentions: Sequence[ActorMention | str]) -> list[ActorMention | str]:
    """Drop 'soldiers'/'the army' when the text names whose they are ('three French soldiers ...
    the soldiers'); a bare id string cannot be judged and is kept."""
    named = {m if isinstance(m, str) else m.actor for m in mentions}
    national = any(a.startswith("military_") and a != "military_generic" for a in named)
    foreign = bool(named & _FOREIGN_FORCES)
    if not (national or foreign):
        return list(mentions)
    personnel = {_fold(w) for w in _data()["generics"]["military_generic"]["personnel"]}
    out: list[ActorMention | str] = []
    for m in mentions:
        if isinstance(m, ActorMention) and m.actor == "military_generic":
            if national or _fold(m.surface) in personnel:
                continue
        out.append(m)
    return out


def resolve_actors(
    mentions: Sequence[ActorMention | str], country: str | None = None, admin1: str | None = None
) -> list[str]:
    """Schema ids in first-mention order: generics resolved, unresolvable ones dropped, and
    unnamed attackers dropped when a named non-state group is present (the 'gunmen' were it)."""
    ids: list[str] = []
    for m in _without_coreferent_forces(mentions):
        a = resolve_generic(m if isinstance(m, str) else m.actor, country, admin1)
        if a in ACTOR_IDS and a not in ids:
            ids.append(a)
    if any(_named_hostile(a) for a in ids):
        ids = [a for a in ids if a != "unidentified_armed_group"]
    return ids


# ---- roles -----------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """A trie-shaped alternation of cue words (compiled case-insensitively by the caller)."""
    return "(?:" + _trie_regex(_tokens(w, False) for w in words) + ")"


def _lower_compile(pattern: str) -> re.Pattern[str]:
    """Compiled for the lower-cased sentence: literal branches are then skipped at one glance."""
    return re.compile(lower_literals(pattern))


# Where a reporting clause can open: the sentence start or one of these characters.
_SOURCE_OPENER = "[,;(«]"
_SOURCE_OPENERS = re.compile(_SOURCE_OPENER)


def _verbs(r: dict[str, Any], territory: bool) -> list[str]:
    """The acts whose subject is the perpetrator; with `territory`, also taking ground."""
    return r["active"] + (r["territory"] if territory else [])


@cache
def _cue_start(lang: str, territory: bool = False) -> WordStartPattern:
    """Every word the cue patterns of `_role_patterns` open with: one scan finds where any of
    them can start."""
    r = _data()["roles"]["fr" if lang == "fr" else "en"]
    cue_words = _verbs(r, territory) + r["attribution"] + r["claim"] + r["attack_nouns"] + r["agentive_nouns"]
    return WordStartPattern(lower_literals("(?=" + _alt(cue_words) + ")"))


@cache
def _role_patterns(lang: str, territory: bool = False) -> dict[str, re.Pattern[str]]:
    r = _data()["roles"]["fr" if lang == "fr" else "en"]
    verbs = _verbs(r, territory)
    return {
        "verb": _lower_compile(r"(?<!\w)" + _alt(verbs) + r"(?!\w)"),
        "aux": _lower_compile(r"(?<!\w)" + _alt(r["passive_aux"]) + r"\s+(?:\w+\s+){0,2}$"),
        "agent": _lower_compile(r"^[^.;]{0,50}?(?<!\w)" + _alt(r["agent"]) + r"(?!\w)"),
        "after_prep": _lower_compile(r"^[\s,]*(?:" + _alt(r["passive_preps"]) + r"(?!\w)|[.;:]|$)"),
        "attribution": _lower_compile(r"(?<!\w)" + _alt(r["attribution"]) + r"(?!\w)"),
        "claim": _lower_compile(r"(?<!\w)" + _alt(r["claim"]) + r"(?!\w)"),
        "target_noun": _lower_compile(  # "attack on Y", "attack by X on Y", "attaque de X contre Y"
            r"(?<!\w)" + _alt(r["attack_nouns"]) + r"(?:\s+" + _alt(r["agent_connectors"]) + r"[^,.;]{1,50}?)?\s+"
            + _alt(r["target_preps"]) + r"(?!\w)",
        ),
        "noun": _lower_compile(r"(?<!\w)" + _alt(r["attack_nouns"]) + r"(?!\w)"),
        "agentive": _lower_compile(r"(?<!\w)" + _alt(r["agentive_nouns"]) + r"(?!\w)"),
        "of": _lower_compile(r"\s*(?:by|of|de|des|du|d['’]|de la|de l['’])?\s*(?:the|l['’]|la|le|les)?\s*$"),
        # "..., police said", "according to the army", "selon l'armée": the speaker is no party.
        "source": _lower_compile(
            r"(?:^|" + _SOURCE_OPENER + r")\s*(?:" + _alt(r["sources_lead"]) + r"(?!\w)[^,.;()»]*"
            + (r"|(?:[\w'’-]+\s+){0,6}?" + _alt(r["sources_trail"]) + r"(?!\w)" if r["sources_trail"] else "")
            + ")",
        ),
        "determiner": _lower_compile(
            r"(?:\b(?:the|a|an|its|their|this|that|of|from|in|l|d|la|le|une|cette|leur)['’]?\s*|['’]s\s+)$"),
    }


_SELF_REPORT = re.compile(
    r"\s+(?:that\s+)?(?:it|they|its\s+\w+|their\s+\w+|avoir|qu['’]il|qu['’]ils|qu['’]elle)\b", re.IGNORECASE
)


def _source_spans(sentence: str, p: dict[str, re.Pattern[str]]) -> list[tuple[int, int]]:
    """Spans naming who reports in the lower-cased `sentence`; "the army said it retook the
    town" reports its own act."""
    openers = [0] + [m.start() for m in _SOURCE_OPENERS.finditer(sentence, 1)]
    spans = _matches_at(p["source"], sentence, openers)
    return [(q.start(), q.end()) for q in spans if not _SELF_REPORT.match(sentence, q.end())]


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` yields, for a pattern that never matches empty and
    `starts` (ascending) holding every position where one of its matches can start: the
    pattern is tried only there, which spares the engine an attempt at every character."""
    out: list[re.Match[str]] = []
    free = 0  # matches do not overlap: the next one starts where the last ended, or later
    match = pattern.match
    for start in starts:
        if start >= free:
            m = match(text, start)
            if m is not None:
                out.append(m)
                free = m.end()
    return out


def _noun_use(
    v: re.Match[str], sentence: str, mentions: Sequence[ActorMention], p: dict[str, re.Pattern[str]]
) -> bool:
    """'the attack', 'gendarmerie attack', 'Islamic State raid': a noun, not a headline verb."""
    if not p["noun"].fullmatch(v.group(0)):
        return False
    before = sentence[max(0, v.start() - 30) : v.start()]
    return bool(p["determiner"].search(before)) or any(0 <= v.start() - m.end <= 2 for m in mentions)


@cache
def _facilities() -> frozenset[str]:
    """'army base', 'poste militaire': attacked, never attackers."""
    return frozenset(_fold(n) for n in _data()["generics"]["military_generic"]["facilities"])


# A count right after the verb is its object: "killed at least 32 people", "exécuté au moins 24 civils".
_COUNT_AFTER = re.compile(
    r"\s*(?:\d|(?:at least|at most|more than|less than|nearly|almost|about|around|up to|au moins|plus d[e'’]|"
    r"moins d[e'’]|près d[e'’]|environ|une? (?:dizaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine)|"
    r"des (?:dizaines|centaines))(?!\w))")
_TIME_GAP = re.compile(rf"(?:\s+(?:{TIME_WORDS})\b)*", re.IGNORECASE)
_LIST_LINK = re.compile(r",|\b(?:and|et|ainsi que|as well as|including|dont|notamment|plus)\b", re.IGNORECASE)
_CLAUSE_LINK = re.compile(
    r"\b(?:who|which|that|qui|que|suspected|accused|soupçonnée?s?|accusée?s?|of|de)\b", re.IGNORECASE
)


# between a verb and an actor: the actor belongs to a clause of its own ("executed six men
# they accused of informing the army", "ont exécuté six hommes qu'ils accusaient de renseigner l'armée")
_RELATIVE_GAP = re.compile(r"(?<!\w)(?:who|whom|which|qui|que|qu['’]|dont|accus\w*|suspect\w*|soupçonn\w*)(?!\w)")


# right after "accused", "accusés", or after the accused ("accusing them of", "accusant les habitants
# de"): the charge ("of informing the army", "de collaborer avec l'armée")
_CHARGE_FOLLOWS = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:of|de|d['’])(?!\w)")


# "the gunmen shot at traders", "fired at residents": aimed at someone ("shot at a checkpoint" may be passive)
_FIRED_AT = ("shot", "fired")
# "ont tué lundi deux civils", "have killed": a perfect tense acts, it is no headline participle
_ACTIVE_AUX = re.compile(r"(?<!\w)(?:a|ont|avait|avaient|aurait|auraient|have|has|had)\s+(?:[\w'’-]+\s+)?$")


def _object_list(sentence: str, mentions: Sequence[ActorMention], lo: int, hi: int) -> list[ActorMention]:
    """The verb's objects: the first actor after it and those listed with it ('10 soldiers and
    5 civilians'), not actors of a following clause ('villagers suspected of helping militants',
    'six men they accused of informing the army')."""
    after = [m for m in mentions if lo <= m.start < hi]
    if after and _RELATIVE_GAP.search(sentence, lo, after[0].start):
        return []
    out = after[:1]
    for prev, m in zip(after, after[1:]):
        gap = sentence[prev.end : m.start]
        if len(gap) > 40 or not _LIST_LINK.search(gap) or _CLAUSE_LINK.search(gap):
            break
        out.append(m)
    return out


def roles(
    sentence: str, mentions: Sequence[ActorMention], language: str = "en", *, territory: bool = False
) -> dict[str, str]:
    """actor -> "perpetrator" | "target" | "other" in one sentence, from simple syntax:
    'X attacked Y', 'Y were killed by X', 'an attack by X on Y', 'attribué à X', 'X claimed'.
    territory=True also reads 'X retook/seized Y' (who gains ground)."""
    if not mentions:
        return {}
    return dict(_roles(sentence, tuple(mentions), language, territory))


@lru_cache(maxsize=256)
def _roles(
    sentence: str, everyone: tuple[ActorMention, ...], language: str, territory: bool
) -> tuple[tuple[str, str], ...]:
    p = _role_patterns(language, territory)
    sentence = lower_same_length(sentence)      # the patterns are lower case, offsets unchanged
    found: dict[str, tuple[int, str]] = {}  # actor -> (priority, role)
    quoted = _source_spans(sentence, p)
    mentions = [m for m in everyone if not any(lo <= m.start < hi for lo, hi in quoted)] if quoted else everyone

    def assign(
        lo: int, hi: int, role: str, prio: int, first_only: bool = False, armed_only: bool = False,
        skip_civilians: bool = False,
    ) -> None:
        for m in mentions:
            if armed_only and not is_non_state_armed(m.actor) or skip_civilians and m.actor == "civilians":
                continue
            if role == "perpetrator" and (_fold(m.surface) in _facilities() or m.actor == "civilians"):
                continue    # an army base never attacks; "residents ... after gunmen killed" are the victims
            if lo <= m.start < hi:
                old = found.get(m.actor)
                if old is None or prio > old[0]:
                    found[m.actor] = (prio, role)
                if first_only:
                    return

    cue_starts = _cue_start(language, territory).starts(sentence)

    def cues(name: str) -> list[re.Match[str]]:
        return _matches_at(p[name], sentence, cue_starts)

    verbs = [v for v in cues("verb") if not _noun_use(v, sentence, mentions, p)]
    bounds = [0] + [v.end() for v in verbs]
    for i, v in enumerate(verbs):
        left_lo, right_hi = bounds[i], verbs[i + 1].start() if i + 1 < len(verbs) else len(sentence)
        right_hi = min([right_hi] + [lo for lo, _ in quoted if lo > v.end()])
        after = sentence[v.end() : right_hi]
        agent = p["agent"].search(after)
        passive = bool(p["aux"].search(sentence[left_lo : v.start()])) or agent is not None
        gap = _TIME_GAP.match(sentence, v.end())     # "ont tué hier un conseiller" (matches, maybe empty)
        object_at = gap.end() if gap else v.end()
        window = 4 if object_at == v.end() else 6
        object_next = any(v.end() <= m.start < object_at + window for m in mentions)
        if (not passive and not object_next and p["after_prep"].match(after) and not _COUNT_AFTER.match(after)
                and not _ACTIVE_AUX.search(sentence, max(0, v.start() - 20), v.start())
                and not (v.group(0).endswith(_FIRED_AT) and after.startswith(" at ")
                         and any(v.end() < m.start < v.end() + 25 and _fold(m.surface) not in _facilities()
                                 for m in mentions))):
            passive = True  # headline participle: "soldiers killed in attack" (not "killed at least 32")
        if passive:
            assign(left_lo, v.start(), "target", 1)
            if agent:
                assign(v.end() + agent.end(), v.end() + agent.end() + 70, "perpetrator", 2, first_only=True)
        else:
            assign(left_lo, v.start(), "perpetrator", 1)
            for m in _object_list(sentence, mentions, v.end(), right_hi):
                assign(m.start, m.start + 1, "target", 1)
    for a in cues("attribution"):
        if a.group(0).startswith("accus") and " " not in a.group(0) \
                and (charge := _CHARGE_FOLLOWS.match(sentence, a.end())) \
                and not any(a.end() <= m.start < charge.end() and is_non_state_armed(m.actor) for m in mentions):
            # "men they accused of informing the army", "accusing them of having guided Boko Haram
            # fighters": the charge follows, not the culprit ("accusing Boko Haram of the attack" is one)
            continue
        # "attaque de X" names the attacker only when X is an armed group ("attaque de leur position").
        noun_led = p["noun"].match(a.group(0)) is not None
        assign(a.end(), a.end() + 70, "perpetrator", 3, first_only=True, armed_only=noun_led, skip_civilians=True)
    for c in cues("claim"):
        before = [m for m in mentions if m.end <= c.start() and is_non_state_armed(m.actor)]
        if before:
            found[before[-1].actor] = (3, "perpetrator")
    for t in cues("target_noun"):
        assign(t.end(), t.end() + 60, "target", 2, first_only=True)
    nouns = cues("noun")
    for n in nouns:  # "Islamic State attack" vs "gendarmerie attack"
        for m in mentions:
            if 0 <= n.start() - m.end <= 2 and found.get(m.actor, (0, ""))[0] <= 2:
                found[m.actor] = (2, "perpetrator" if is_non_state_armed(m.actor) else "target")
    for n in cues("agentive"):  # "army raid", "French air strike", "frappe de l'armée"
        for m in mentions:
            touches_before = 0 <= n.start() - m.end <= 2
            touches_after = 0 <= m.start - n.end() <= 8 and p["of"].match(sentence, n.end(), m.start)
            if (touches_before or touches_after) and found.get(m.actor, (0, ""))[0] <= 2 and m.actor != "civilians":
                found[m.actor] = (2, "perpetrator")
    for m in mentions:  # "Katiba Macina ... of JNIM": a perpetrator's parent acted too
        if found.get(m.actor, (0, ""))[1] != "perpetrator" and any(
            m.actor in parents(a) for a, (_, r) in found.items() if r == "perpetrator"
        ):
            found[m.actor] = (2, "perpetrator")
    violent = bool(verbs) or bool(nouns)
    out: dict[str, str] = {}
    for m in everyone:
        if m.actor in found:
            out[m.actor] = found[m.actor][1]
        elif m.actor == "civilians" and violent:
            out[m.actor] = "target"  # victims are targets even when syntax says nothing
        else:
            out.setdefault(m.actor, "other")
    return tuple(out.items())


def _speakers(sentence: str, mentions: Sequence[ActorMention], language: str) -> set[int]:
    """Indexes of mentions that only report ('..., the army said', 'selon la MINUSMA')."""
    spans = _source_spans(lower_same_length(sentence), _role_patterns(language))
    return {i for i, m in enumerate(mentions) if any(lo <= m.start < hi for lo, hi in spans)}


def incident_actors(
    sentences: Sequence[str], language: str = "en", country: str | None = None, admin1: str | None = None
) -> list[str]:
    """Schema ids of the parties to one incident: every actor mentioned in its sentences except
    those that only appear as the source of a report, generics resolved as in resolve_actors."""
    kept: list[ActorMention] = []
    for s in sentences:
        found = find_actors(s, language)
        speakers = _speakers(s, found, language)
        kept += [m for i, m in enumerate(found) if i not in speakers]
    return resolve_actors(kept, country, admin1)
