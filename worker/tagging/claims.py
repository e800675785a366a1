"""Casualty claims: who says how many were killed, wounded, abducted... and the toll.

A claim is a count (numbers.find_quantities) tied to a kind by the words around it:
a kind noun as its head ("15 dead", "12 morts"), a predicate after the victims
("54 soldiers were killed", "civils tués"), a verb or noun before it ("killing 12",
"a coûté la vie à", "the destruction of 70"), a toll phrase ("a death toll of 30",
"le bilan ... à 42"), or the kind of a coordinated count ("5 soldiers and 3 civilians
were killed"). The claimant is whoever the sentence (or the one before) attributes
the figure to. All vocabulary is in data/claim_lexicon.json.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from .actors import find_actors, is_non_state_armed, is_state_force
from .actors import kind as actor_kind
from .numbers import Quantity, alternation, claim_lexicon, find_quantities, holds_any, key_words, lower_is_faithful
from .regex import factor, leftmost_spans, lower_literals, lower_same_length, top_level_alternatives
from .text import TIME_WORDS

# ACLED codebook, reported fatalities: "dozens" is coded 12, "hundreds" 100 and
# "several"/"many" 10 when no figure is given.
_VAGUE_LOWER_BOUND = {"dozens": 12, "hundreds": 100}
_STOP = ("and or of the a an in on at by to for from with were was are is have has had been be who which that "
         "while as after before during including et ou de des du le la les l à au aux en dans par pour sur avec qui "
         "que dont ont été sont est lors après avant ainsi plus more than some those these ces leurs their his its "
         "them whom eux").split()
_ENGLISH_ACTIVE = {"killed", "wounded", "injured", "abducted", "kidnapped", "captured", "executed", "massacred",
                   "displaced", "seized", "neutralised", "neutralized", "murdered"}
_DEMONYM_PLURAL = re.compile(r"\s+[A-ZÉ][a-zéèëï]+(?:ans|iens|ens|ais|ois|ese|is)(?![\w-])")
_QUOTE_CHARS = "\"“”«»"
_QUOTE_MARK = re.compile(f"[{_QUOTE_CHARS}]")
# A count without a noun takes a predicate only through auxiliaries: "thousands have been killed".
_BARE_PREDICATE = re.compile(r"\s+(?:(?:have|has|had|been|were|was|are|is|reportedly|also|all|ont|a|été|sont|"
                             r"auraient|aurait|seraient|tous|toutes)\s+){1,3}"
                             r"(?P<kind>[\w’'-]+(?:\s+(?:la vie|en otage|disparus|prisonniers))?)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Claim:
    """One reported figure and who reported it."""

    kind: str                 # killed | wounded | abducted | missing | captured | displaced
    count: int | None
    qualifier: str            # exact | at_least | more_than | about | up_to | nearly | dozens | hundreds | several
    victims: str | None       # soldiers | civilians | militants | police | gendarmes | peacekeepers | vdp | militia | people
    claimant: str | None
    claimant_type: str        # official | perpetrator | media | local | ngo | un | unknown
    start: int
    end: int
    sentence: str
    rule: str
    revised: bool = False        # "the toll rose to", "nouveau bilan": a later figure replaces earlier ones
    is_cumulative: bool = False  # "since 2012", "cette année": a running total, not one incident's toll
    subset: bool = False         # "including 8 soldiers", "dont 5 civils": part of a total given beside it
    initial: bool = False        # "initially reported", "un premier bilan": superseded by any other figure
    additional: bool = False     # "were also killed", "ont également été tués": on top of the other figures
    all_sides: bool = False      # "dozos et assaillants confondus", "on both sides": attackers already counted
    admission: bool = False      # a group's count of its own dead ("two of its own fighters"): against its interest

    def to_dict(self) -> dict[str, Any]:
        """The claim object of the event schema."""
        return {"kind": self.kind, "count": self.count, "qualifier": self.qualifier, "victims": self.victims,
                "claimant": self.claimant, "claimant_type": self.claimant_type}


def _alt(phrases: Any) -> str:
    return alternation(phrases)


_TIME_WORDS = TIME_WORDS + "|dernier|dernière|également|aussi|encore|also|then"
# a figure coming next, after an optional qualifier: digits or a number word (lower case)
_FIGURE_AHEAD = (r"\s+(?:(?:at least|more than|over|about|nearly|almost|some|around|up to|au moins|plus de|près de|"
                 r"environ|quelque|jusqu['’]à)\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                 r"twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds|dozens|"
                 r"scores|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
                 r"seize|vingt|trente|quarante|cinquante|soixante|cent|une dizaine|une vingtaine|une trentaine|"
                 r"une quarantaine|une cinquantaine|une centaine|des dizaines|des centaines)(?!\w))")


@dataclass(frozen=True)
class _Vocab:
    nouns: dict[str, tuple[str, str]]     # phrase -> (role, value): victim, kind, members, inherit, unit
    head: re.Pattern[str]
    after: re.Pattern[str]
    before: re.Pattern[str]
    before_ends: tuple[str, ...] | None
    toll: re.Pattern[str]
    revision: re.Pattern[str]
    revision_words: tuple[str, ...]     # a word every revision phrase holds
    initial: re.Pattern[str]
    initial_words: tuple[str, ...]
    cumulative: re.Pattern[str]
    subset: re.Pattern[str]
    subset_ends: tuple[str, ...]        # how text before a subset's count may end, in lower case
    subset_after: re.Pattern[str]
    trigger: re.Pattern[str]
    kind_after: dict[str, str]
    kind_before: dict[str, str]
    members_context: list[tuple[str, re.Pattern[str]]]
    month_after: re.Pattern[str]
    month_before: re.Pattern[str]
    month_ends: tuple[str, ...]         # how text before a month's name may end, in lower case
    kin: frozenset[str]
    harm: re.Pattern[str]
    # head and after on the lower-cased text, without IGNORECASE: several times faster
    head_lower: re.Pattern[str]
    after_lower: re.Pattern[str]
    lone_after_lower: re.Pattern[str]   # after_lower past the lone victim's relative clause ("un homme qui...")
    head_last: bool         # the last noun of two heads them ("two Chinese nationals"): English

    def head_at(self, text: str, plain: str | None, at: int) -> re.Match[str] | None:
        """The noun phrase heading a count at `at`, read in `plain` (the lower-cased text, see
        extract_claims) when given: its groups are then in lower case."""
        return self.head.match(text, at) if plain is None else self.head_lower.match(plain, at)

    def after_at(self, text: str, plain: str | None, at: int) -> re.Match[str] | None:
        """The predicate after a count's noun, read like head_at."""
        return self.after.match(text, at) if plain is None else self.after_lower.match(plain, at)


# the words between a verb and the count it governs: "killing the", "tuant les"
_BEFORE_ARTICLES = ("the", "les", "des", "à", "ses", "leurs", "his", "her", "their")


def _literal_ends(pattern: str) -> tuple[str, ...] | None:
    """The letters each top-level alternative of `pattern` ends with ("(?:mon|tues)day" ->
    "day"), or None when one does not end with plain letters."""
    ends = []
    for alt in top_level_alternatives(pattern):
        m = re.search(r"[^\W\d_]+$", alt)
        if m is None or alt[:m.start()].endswith("\\"):
            return None
        ends.append(m.group().lower())
    return tuple(ends)


def _lower_tail(window: str, plain: str | None) -> str | None:
    """`window` without its trailing spaces, in lower case, to check how it ends; None when
    the sentence has a letter IGNORECASE matches that lower() does not make the same."""
    return None if plain is None else window.rstrip().lower()


@cache
def _vocab(language: str) -> _Vocab:
    lex = claim_lexicon()
    lang = language if language in ("en", "fr") else "en"
    nouns: dict[str, tuple[str, str]] = {}
    for unit in lex["non_victim_units"]:
        nouns[unit] = ("unit", unit)
    for group, phrases in lex["victims"].items():
        for p in phrases:
            nouns[p] = ("victim", group)
    for p in lex["members_words"]:
        nouns[p] = ("members", "")
    for p in lex["inherit_words"]:
        nouns[p] = ("inherit", "")
    for p, kind in lex["kind_heads"][lang].items():
        nouns[p] = ("kind", kind)
    for p in lex["kin_words"][lang]:
        nouns[p] = ("victim", "civilians")
    kind_after = lex["kind_after"][lang]
    kind_before = lex["kind_before"][lang]
    stop = set(_STOP) | set(kind_after) | set(kind_before)
    stop_alt = _alt(w for w in stop if " " not in w)
    mod = rf"(?:(?!(?:{stop_alt})(?![\w’'-]))[^\W\d][\w’'-]*\s+)"
    # "17 of the attackers", "deux des assaillants": a part of a group is of that group
    head = re.compile(rf"\s*(?:(?P<their>of\s+their\s+|de\s+leurs\s+)|(?P<ours>of\s+our\s+|de\s+nos\s+)|"
                      rf"(?:of\s+the\s+|of\s+(?:its|his)\s+|de\s+ses\s+|des\s+|of|de|d['’])\s*)?"
                      rf"(?P<mods>{mod}{{0,2}}?)(?P<noun>{_alt(nouns)})(?![\w-])",
                      re.IGNORECASE)
    # an optional parenthetical (", dont les quatre kamikazes,"), after a word or two that finish
    # the noun ("civils peuls, dont des femmes,", "Fulani civilians, including children,"), then up
    # to 55 characters without a number or punctuation before the predicate; one parenthetical is
    # tried before two ("quatre civils, dont un adolescent, ont été tués, et dix blessés")
    kind_alt = _alt(kind_after)
    word = rf"(?:\s+(?!(?:{kind_alt})(?![\w-]))[^\W\d_][\w’'-]*)"
    # ... or an of-phrase naming whose they are ("fighters of the Movement for the Salvation of Azawad (MSA),
    # a pro-government armed group, were killed")
    after = re.compile(rf"(?:(?:{word}{{0,2}}?|\s+of(?=\s){word}{{1,7}}?)\s*,(?:(?:[^,;:.(){_QUOTE_CHARS}]|\([^()]{{1,60}}\)){{1,80}}?,){{1,2}}?)?"
                       rf"{_AGE_APPOSITION}?[^\d,;:.()\[\]{_QUOTE_CHARS}]{{0,55}}?"
                       # ... and a few more after a bracketed abbreviation, blanked ("(VDP) ont été tués")
                       rf"(?:\s{{3,}}[^\d,;:.()\[\]{_QUOTE_CHARS}]{{0,12}}?)?"
                       rf"(?<![\w-])(?P<kind>{kind_alt})(?![\w-])", re.IGNORECASE)
    # "ont tué hier un conseiller", "ont enlevé dimanche soir 20 femmes": time words between verb and count
    # ... or a date: "ont exécuté le 14 avril au moins onze hommes", "killed on 14 April at least 11"
    months = _alt(lex["months"])
    date_gap = (rf"(?:le|on|the)\s+\d{{1,2}}(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?:{months})|on\s+(?:{months})\s+\d{{1,2}}"
                rf"|dans\s+la\s+nuit\s+(?:du|de)\s+[\w-]+(?:\s+\d{{1,2}})?\s+(?:au|à)\s+[\w-]+(?:\s+\d{{1,2}})?"
                rf"|overnight|last\s+(?:week|night)|la\s+semaine\s+dernière")
    # after an elided article too: "l'exécution de 28 civils", "l'enlèvement de 20 femmes"
    # ... or the bomber first: "killing herself and at least 12 other people"
    before = re.compile(rf"(?<![\w-])(?P<kind>{_alt(kind_before)})(?:\s+(?:{_TIME_WORDS}|{date_gap})){{0,3}}"
                        rf"(?:\s+{_SELF_AND})?\s*(?:(?:{'|'.join(_BEFORE_ARTICLES)})\s+)?$", re.IGNORECASE)
    toll_alt = _alt(lex["toll_words"][lang])
    toll = re.compile(rf"(?<!\w)(?:{toll_alt})(?:(?!\d)[^.;]){{0,110}}?(?:(?<!\w)(?:of|to|at|is|de|à|est|was|stood at|"
                      rf"reached|atteint)|:)\s*$", re.IGNORECASE)
    trigger_words = list(kind_after) + list(kind_before) + list(lex["kind_heads"][lang]) + lex["toll_words"][lang]
    time_ends = _literal_ends(_TIME_WORDS)
    before_ends = None if time_ends is None else (tuple(p.lower() for p in kind_before) + time_ends + _BEFORE_ARTICLES
                                                  + tuple(m.lower() for m in lex["months"]) + tuple("0123456789")
                                                  + ("overnight", "week", "night", "dernière", " and"))
    return _Vocab(
        head_last=lang == "en",
        nouns=nouns, head=head, after=after, before=before, before_ends=before_ends, toll=toll,
        # these three run on the lower-cased sentence, without IGNORECASE: several times faster
        initial=re.compile(rf"(?<!\w)(?:{_alt(lex['initial'][lang])})(?!\w)"),
        initial_words=key_words(lex["initial"][lang]),
        # "reached by telephone", "atteint par balle": no toll reaching a figure
        # "reached" and "atteint" revise a toll only with a figure after them ("the toll reached 40",
        # "a atteint au moins 40"): not "a resident who reached Sebba", "atteint par balle"
        revision=re.compile(rf"(?<!\w)(?:{_alt(lex['revision'][lang])})(?!\w)"
                            rf"(?!(?<=reached)(?!{_FIGURE_AHEAD}))(?!(?<=atteint)(?!e?s?{_FIGURE_AHEAD}))"),
        revision_words=key_words(lex["revision"][lang]),
        cumulative=re.compile(rf"(?<!\w){factor(lex['cumulative'][lang])}(?!\w)"),
        subset_after=re.compile(rf"\s*,?\s*(?:{_alt(lex['subset_after'][lang])})(?!\w)", re.IGNORECASE),
        subset=re.compile(rf"(?<!\w)(?:{_alt(lex['subset'][lang])})\s*[:,]?\s*$", re.IGNORECASE),
        subset_ends=tuple(p.lower() for p in lex["subset"][lang]),
        # run on the lower-cased sentence, without IGNORECASE and with \b: several times faster
        trigger=re.compile(rf"\b(?:{_alt(trigger_words)})"),
        kind_after=kind_after, kind_before=kind_before,
        members_context=[(g, re.compile(rf"(?<!\w)(?:{_alt(p)})(?!\w)", re.IGNORECASE))
                         for g, p in lex["members_context"].items()],
        month_after=re.compile(rf"\s*(?:{months})\.?(?!\w)", re.IGNORECASE),
        month_before=re.compile(rf"(?<!\w)(?:{months})\.?\s*$", re.IGNORECASE),
        month_ends=tuple(m + dot for m in lex["months"] for dot in ("", ".")),
        kin=frozenset(lex["kin_words"][lang]),
        head_lower=re.compile(lower_literals(head.pattern)),
        after_lower=re.compile(lower_literals(after.pattern)),
        lone_after_lower=re.compile(lower_literals(_RELATIVE_CLAUSE + after.pattern)),
        harm=re.compile(rf"\b(?:{_alt(w for table in (kind_after, kind_before, lex['kind_heads'][lang]) for w, k in table.items() if k != 'displaced')})\b"),
    )


@dataclass
class _Draft:
    q: Quantity
    head_end: int
    victims: str | None
    head_role: str | None
    kind: str | None = None
    rule: str = ""
    before_kind: str | None = None
    after_kind: str | None = None
    subset: bool = False
    subset_group: bool = False
    kin: bool = False       # a part only as kin ("two brothers"): counted when listed with other victims


# on the lower-cased text: the one a speaker addressed ("told a humanitarian worker") or the
# source a figure is given by ("selon un habitant", "according to a witness"), not a victim
_HEARER_OR_SOURCE = re.compile(
    r"(?<!\w)(?:told|tells?|telling|(?:said|spoke|speaking|talking|talked|explained) to|according to|quoting|citing|"
    r"(?:a|ont|avait|avaient) (?:dit|déclaré|confié|expliqué|indiqué|raconté|affirmé|assuré|précisé) à|selon|"
    r"d['’]après)\s+$")
# the last words of _HEARER_OR_SOURCE
_HEARER_OR_SOURCE_ENDS = ("told", "tell", "tells", "telling", "to", "quoting", "citing", "à", "selon", "après")
# on the lower-cased text (IGNORECASE would keep the engine from skipping ahead)
_SINGULAR = {"en": re.compile(r"(?<![\w’'-])(?:an?|one|their|his|her|its)\s+(?=[\w’'-])"),
             # ... and "d'un": "le bilan fait état d'un soldat tué", "la mort d'un gendarme"
             "fr": re.compile(r"(?:(?<![\w’'-])|(?<=(?<!\w)d['’]))(?:un|une|leur|son|sa)\s+(?=[\w’'-])")}


_DEFINITE = {"en": re.compile(r"(?<![\w’'-])(?:the|its|their)\s+(?=[\w’'-])"),
             # ... "l'imam a été abattu"
             "fr": re.compile(r"(?<![\w’'-])(?:(?:le|la|son|sa|leur)\s+(?=[\w’'-])|l['’](?=[^\W\d_]))")}
# the office-holder is the one killed: "the imam was shot dead", "le chef de village a été abattu"
_ATTACKERS_BEFORE = re.compile(r"(?<!\w)(?:assaillants|attaquants|terroristes|jihadistes|djihadistes|insurgés|ennemi|"
                               r"attackers|assailants|militants|insurgents|terrorists|jihadists|enemy|gunmen)(?!\w)",
                               re.IGNORECASE)
_ADJECTIVE_NOUNS = frozenset({"jeune", "jeunes"})     # nouns that also qualify the next one ("jeune homme")
# "un homme (âgé) de 62 ans a été abattu", "a farmer aged 45 was shot": an age between victim and predicate
_AGE_APPOSITION = r"(?:\s+(?:(?:âgée?s?\s+)?de|aged)\s+\d{1,3}(?:\s+ans)?)"
# "un vieil homme qui tentait de s'opposer à l'enlèvement de ses petits-enfants a été abattu": the
# victim's relative clause, up to the auxiliary of the main verb
_RELATIVE_CLAUSE = (r"(?:\s+(?:qui|who)\s[^\d,;:.()\[\]\"“”«»]{1,90}?(?=\s(?:a|ont|avait|avaient|est|sont|était|"
                    r"was|were|had|has|have)\s))")
# "le maire, Lassina Diarra, 58 ans, a été abattu", "le chef du village de X, dans le canton de Y
# (préfecture de Z), a été abattu": the predicate after one or two appositions
_KILLED_NEXT = re.compile(r"(?:[^,;.()]{0,40}?,(?:(?:[^,;.()]|\([^()]{1,60}\)){1,80}?,){1,2})?"
                          r"[^,;.]{0,40}?\b(?:was|has been|had been|a été|avait été|est)\s+(?:\w+\s+)?"
                          r"(?:killed|shot|murdered|assassinated|executed|beheaded|slaughtered|tué|abattu|assassiné|"
                          r"exécuté|égorgé|décapité)", re.IGNORECASE)
# "the driver and three passengers were killed", "le chauffeur et trois passagers ont été tués": the
# office-holder listed first with others, under their plural predicate (maybe after an apposition:
# "the driver and three passengers, including a woman, were killed")
_LISTED_KILLED_NEXT = re.compile(r"(?:\s+(?:du|de\s+la|des|de|of\s+the|of)\s+[\w'’-]+)?\s+(?:and|et)\s+[^,;.]{0,40}?"
                                 r"(?:,[^,;.]{1,40},\s*)?\b(?:were|have been|had been|ont été|avaient été|sont)\s+"
                                 r"(?:\w+\s+)?(?:killed|shot|murdered|executed|beheaded|slaughtered|tués|abattus|"
                                 r"assassinés|exécutés|égorgés|décapités)", re.IGNORECASE)
# one person's office or post: the one holding it, named with "the", is one victim
_OFFICE = re.compile(r"imam|village chief|village head|district head|traditional ruler|mayor|pastor|priest|emir|"
                     r"driver|bodyguard|security guard|chef d[eu] village|chef coutumier|maire|pasteur|prêtre|"
                     r"chauffeur|garde du corps|gardien|vigile", re.IGNORECASE)
# the same offices as a first-letter trie on lower-cased text: whether a sentence names one at all
_ANY_OFFICE = re.compile(factor(top_level_alternatives(_OFFICE.pattern)))
# a word every office holds: no need of the trie when a sentence has none
_OFFICE_WORDS = ("imam", "village", "district", "ruler", "mayor", "pastor", "priest", "emir", "driver", "guard", "chef",
                 "maire", "pasteur", "prêtre", "chauffeur", "garde", "gardien", "vigile")


# "a woman who tried to flee was killed": one victim named with an article is usually one
# of several; conservative_toll drops it when another figure exists for the group.
_ARTICLES = {"a", "an", "their", "his", "her", "its", "leur", "son", "sa", "the", "le", "la"}
_ARTICLE_RULE = ":article"
_ONE_OF_THEM = re.compile(r"\s+(?:(?:of|d['’]entre|parmi)\s+(?:them|eux|elles|(?:the|our|its|their|his|her)\s+(?P<noun>[\w-]+)"
                          r"|(?:les|nos|ses|leurs)\s+(?P<noun_fr>[\w-]+))|de\s+(?:nos|ses|leurs)\s+(?P<noun_pos>[\w-]+)"
                          r"|d['’](?:eux|elles)|des\s+(?P<noun_des>[\w-]+))(?![\w-])", re.IGNORECASE)
# on the lower-cased text; the word-start check after the first letter lets the engine skip to o and l
_ONE_WORD = re.compile(r"(?:o(?<![\w’'-].)ne|l(?<![\w’'-].)['’]une?)(?![\w-])")
_ONE_WORDS = ("one", "l'un", "l’un")


def _one_of_them(text: str, at: int, v: _Vocab) -> re.Match[str] | None:
    """"one of them", "one of the soldiers", "l'un d'eux": not "one of the deadliest"."""
    m = _ONE_OF_THEM.match(text, at)
    if m and m["noun_des"] and not text[max(0, at - 5):at].lower().endswith(("l'un", "l’un", "l'une", "l’une")):
        return None     # "un des plus meurtriers": only "l'un des assaillants" is one of them
    noun = m and (m["noun"] or m["noun_fr"] or m["noun_pos"] or m["noun_des"])
    if noun and v.nouns.get(noun.lower(), ("",))[0] not in ("victim", "kind"):
        return None
    return m


def _referent(one_of: re.Match[str], text: str, before: int, v: _Vocab) -> str | None:
    """The victim group of "one of the soldiers", or of "one of them": the last named before."""
    noun = one_of["noun"] or one_of["noun_fr"] or one_of["noun_des"]
    if noun is None:
        heads = (v.head.match(text, w.start()) for w in _WORD_START.finditer(text, 0, before))
        named = [h.group("noun") for h in heads if h and v.nouns[h.group("noun").lower()][0] == "victim"]
        noun = named[-1] if named else None
    found = v.nouns.get(noun.lower()) if noun else None
    return found[1] if found and found[0] == "victim" else None


_WORD_START = re.compile(r"(?<![\w’'-])(?=[^\W\d_])")
# "more than 100 bodies in Diallassagou alone": a count for one place among several
_PARTIAL = re.compile(r"[^,.;]{0,40}?(?<!\w)(?:alone|à (?:lui|elle) seule?)(?!\w)", re.IGNORECASE)
_PARTIAL_WORDS = ("alone", "seul")


def _partial(text: str, at: int, plain: str | None) -> bool:
    """"100 bodies in Diallassagou alone" after `at`; `plain`: see extract_claims."""
    if plain is not None and not holds_any(plain, _PARTIAL_WORDS):
        return False
    return _PARTIAL.match(text, at) is not None


_NEUTRALISED = re.compile(r"neutrali[sz]", re.IGNORECASE)
_NEUTRALISED_BEFORE = re.compile(r"neutrali[sz](?:ed|é|és|ées?|ing|ant)?\s+(?:at least\s+|au moins\s+|some\s+|about\s+|"
                                 r"près de\s+|plus de\s+|more than\s+|over\s+)?$", re.IGNORECASE)
# on the lower-cased sentence: the army's count of the other side's losses
_ENEMY_LOST = re.compile(r"(?<!\w)(?:(?:the enemy|l['’]ennemi|the assailants|the attackers|les assaillants)\s*,?\s+"
                         r"(?:(?:who|which|qui)\s+)?(?:has\s+|have\s+|had\s+|a\s+|ont\s+|avait\s+|avaient\s+)?"
                         r"(?:lost|perdu|left|laissé|abandonné|abandoned)\s+(?:behind\s+|sur le terrain\s+)?"
                         r"(?:[\w'’-]+\s+){0,2}|côté\s+(?:ennemi|assaillants|adverse|terroristes),\s*|on the (?:enemy|"
                         r"attackers['’]?|assailants['’]?) side,\s*)$")
_WE_LOST = re.compile(r"(?<!\w)(?:nous avons perdu|on a perdu|we (?:have )?lost|we've lost)\s+(?:[\w'’-]+\s+){0,2}$")
_SECURITY_VOICE = re.compile(r"(?<!\w)(?:sécuritaires?|militaires?|officier|soldat|army|military|security (?:official|source)|"
                             r"officer|commander|commandant)(?!\w)")
_SPEAKS = re.compile(r"(?<!\w)(?:told|said|says|tell|tells|explained|recounted|added|a dit|a déclaré|affirme|"
                     r"a affirmé|raconte|a raconté|explique|a expliqué|témoigne|indique|a indiqué|confie|a confié|"
                     r"précise|a précisé|assure|a assuré|rapporte|a rapporté|ajoute|a ajouté)(?!\w)", re.IGNORECASE)
# what may stand between counts sharing one predicate: "six soldats et trente-quatre VDP tués",
# "six humanitaires français et deux Nigériens tués", "12 people, including 8 soldiers, were killed"
_LISTED = re.compile(r"(?:[\s,]+(?!\d)[\w’'-]+){0,3}?[\s,]*(?:(?:and|et|or|ou|as well as|ainsi que|plus|including|among them|of whom|of them|dont|"
                     r"parmi eux|notamment|y compris|mostly|mainly|most of them|la plupart)\b[\s,]*)?"
                     r"(?:(?:the|les|des|de|d['’]|of)\s*)?", re.IGNORECASE)
_JUST_OF = re.compile(r"\s*(?:de\s+|d['’]|of\s+)?")
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "deuxième": 2, "seconde": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6,
             "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10}
_SOURCE_NOUNS = frozenset({"source", "sources"})   # a noun the next word qualifies: "une source militaire"
_INVARIABLE = frozenset({"corps"})     # one body is "un corps": a final s that is no plural
_IRREGULAR_PLURALS = {"police", "personnel", "men", "women", "children", "people", "gens", "youths",
                      "dead", "wounded", "injured", "missing"}     # "buried their dead"


def _singulars(text: str, lowered: str, language: str, plain: str | None) -> list[Quantity]:
    """"a soldier was killed", "killing a police officer", "un civil tué": one victim
    (find_quantities leaves isolated one/un/une alone: they are mostly articles).
    `lowered` is lower_same_length(text); `plain` is it or None, see extract_claims."""
    rx = _SINGULAR.get(language)
    if rx is None:
        return []
    v = _vocab(language)
    out = []
    for m in _ONE_WORD.finditer(lowered) if holds_any(lowered, _ONE_WORDS) else ():
        if _one_of_them(text, m.end(), v):
            out.append(Quantity(1, "exact", m.start(), m.start(), m.end(), text[m.start():m.end()], True))
    for m in rx.finditer(lowered):
        if _hearer_or_source(lowered, m.start()):
            continue        # "told a humanitarian worker that ...", "selon un habitant": no victim
        if any(q.start == m.start() for q in out):
            continue        # "one of the wounded", already read as one of them
        h = v.head_at(text, plain, m.end() - 1)
        if h:
            noun = h.group("noun").lower()
            role, _ = v.nouns[noun]
            word = m.group().strip()
            article = word in ("a", "an")     # "a death toll" is no count, "un mort" is
            if (role == "victim" or role == "kind" and not article
                or role == "members" and article and not _ACCORDING_BEFORE.search(lowered, 0, m.start())) \
                    and (not noun.endswith(("s", "x")) or noun in _INVARIABLE) and noun not in _IRREGULAR_PLURALS:
                first_mod = h.group("mods").split(" ", 1)[0]
                if first_mod.lower() in _SOURCE_NOUNS:
                    continue    # "une source militaire", "une source sécuritaire": a source, no victim
                rank = _ORDINALS.get(first_mod.lower()) if word in ("a", "an", "un", "une") else None
                if rank:    # "a third peacekeeper has died", "un troisième soldat a succombé": the toll so far
                    end = m.end() + len(first_mod)
                    out.append(Quantity(rank, "exact", m.start(), m.start(), end, text[m.start():end], True, True))
                else:
                    out.append(Quantity(1, "exact", m.start(), m.start(), m.end() - 1, text[m.start():m.end()].strip(), True))
    # "shot dead the imam of the mosque", "le chef du village a été abattu": an office one
    # person holds, named with the definite article (only where a sentence names one at all)
    for m in _DEFINITE[language].finditer(lowered) if _names_an_office(lowered) else ():
        if any(q.start == m.start() for q in out):
            continue        # "son gardien": already read as one victim
        end = m.end() - 1 if m.group()[-1:].isspace() else m.end()     # "le ", or "l'" before the noun
        h = v.head.match(text, end)
        if h and _OFFICE.fullmatch(h.group("noun")) and not h.group("mods").strip() and (
                v.before.search(text[max(0, m.start() - 40):m.start()]) or _KILLED_NEXT.match(text, h.end())
                or _LISTED_KILLED_NEXT.match(text, h.end())):
            out.append(Quantity(1, "exact", m.start(), m.start(), end, text[m.start():m.end()].strip(), True))
    return out


def _names_an_office(lowered: str) -> bool:
    """Whether a lower-cased sentence names an office ("the imam", "le maire")."""
    return holds_any(lowered, _OFFICE_WORDS) and _ANY_OFFICE.search(lowered) is not None


def _hearer_or_source(lowered: str, at: int) -> bool:
    """Whether the words before `at` make what follows a hearer or a source; the regex
    runs only when the text before ends with one of its last words."""
    start = max(0, at - 40)
    return (lowered[start:at].rstrip().endswith(_HEARER_OR_SOURCE_ENDS)
            and _HEARER_OR_SOURCE.search(lowered, start, at) is not None)


def _lone_victim(d: _Draft) -> bool:
    """"a teacher was killed", "un conseiller municipal tué": one person named with an
    article, usually one of several ("un mort" is a count, not a lone victim)."""
    surface = d.q.surface.lower()
    return surface in _ARTICLES or surface in ("un", "une") and d.head_role == "victim"


# French nouns an adjective of a victim noun can follow ("une attaque terroriste")
_THING_BEFORE_ADJECTIVE = re.compile(r"\s*(?:attaques?|embuscades?|opérations?|frappes?|offensives?|incursions?|actions?|"
                                     r"menaces?|cellules?|bases?|camps?|positions?|attentats?|violences?)\b", re.IGNORECASE)
_AGED = re.compile(r"(?:aged|âgée?s? de|age of|l'âge de)\s*$", re.IGNORECASE)
_AGED_ENDS = ("aged", "de", "of")
_OF_NEXT = re.compile(r"\s+(?:of|des|d['’])\b")


_MEMBERS_OF = re.compile(r"\s+(?:of|de|des|du|d['’])\s*")
_SELF_AND = r"(?:themselves|himself|herself)\s+and"
_OTHERS_THAN_SELF = re.compile(rf"(?<!\w){_SELF_AND}\s+$", re.IGNORECASE)


def _may_end_with(tail: str | None, ends: tuple[str, ...] | None) -> bool:
    """Whether a window whose lower-cased end is `tail` may end with one of `ends`: always
    when either is unknown (None)."""
    return tail is None or ends is None or tail.endswith(ends)


_AGE_AFTER = re.compile(r"\s*(?:ans|years?\s+old|year-old)(?!\w)")
# "could exceed", "pourrait dépasser", "risque de s'alourdir à": the figure that follows is a guess
_SPECULATION = re.compile(r"(?<!\w)(?:could|may|might|pourrait|pourraient|risque\s+de)\s+(?:[\w'’-]+\s+){0,2}?"
                          r"(?:exceed|reach|rise\s+to|top|surpass|dépasser|atteindre|s['’]alourdir\s+à)\s+"
                          r"(?:the\s+|les\s+|la\s+barre\s+des\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE)
_SPECULATION_WORDS = ("could", "may", "might", "pourrai", "risque")


def _speculated(text: str, start: int) -> bool:
    """Whether the words before `start` guess at a figure rather than report one."""
    window = text[max(0, start - 50):start]
    lowered = window.lower()
    return any(w in lowered for w in _SPECULATION_WORDS) and _SPECULATION.search(window) is not None


def _not_a_casualty_count(q: Quantity, text: str, v: _Vocab, plain: str | None) -> bool:
    """Years, dates, ages, unit sizes, money, percentages and "one of the"."""
    after = text[q.end:q.end + 12]
    before = text[max(0, q.num_start - 12):q.num_start]
    if after.startswith(("-", "%", "’s", "'s")) or before.rstrip().endswith(("$", "€", "£", "#")):
        return True
    if _AGE_AFTER.match(after):
        return True     # "Lassina Diarra, 58 ans,", "a 40 years old man"
    if _speculated(text, q.start):
        return True     # "le bilan pourrait dépasser quarante morts": a guess, nobody's count
    tail = _lower_tail(before, plain)     # how `before` ends rules out most scans
    if v.month_after.match(text, q.end) or _may_end_with(tail, v.month_ends) and v.month_before.search(before):
        return True
    if _may_end_with(tail, _AGED_ENDS) and _AGED.search(before):
        return True
    if q.value == 1 and _OF_NEXT.match(after) and not _one_of_them(text, q.end, v):
        return True
    return not q.spelled and q.value is not None and 1900 <= q.value <= 2100 and "," not in q.surface


_AND_BARE = re.compile(r"\s+(?:and|et)\s+")


def _draft(q: Quantity, text: str, v: _Vocab, next_end: int, next_start: int, plain: str | None) -> _Draft | None:
    """The count `q` with its head noun and the kinds the words before and after it give;
    `plain`: the lower-cased text, or None (see extract_claims)."""
    m = v.head_at(text, plain, q.end)
    victims, role, head_end = None, None, q.end
    one_of = _one_of_them(text, q.end, v) if q.value == 1 else None
    if one_of:
        m = None
        role, head_end, victims = "inherit", one_of.end(), _referent(one_of, text, q.start, v)
    demonym = None if m or one_of else _DEMONYM_PLURAL.match(text, q.end)
    if m and not v.head_last and m.group("mods") and _THING_BEFORE_ADJECTIVE.match(m.group("mods")):
        return None     # "une attaque terroriste", "une opération jihadiste": a thing, no one
    if m:
        role, value = v.nouns[m.group("noun").lower()]
        head_end = m.end()
        if role == "unit":
            return None
        if role == "victim":
            victims = value
            if victims == "soldiers" and m.group("noun").lower() in _BARE_OFFICERS and _POLICE.search(text):
                victims = "police"      # "the Republican Police said two officers had been killed"
            compound = v.head_at(text, plain, head_end)
            if compound and not compound.group("mods") and not text[head_end:compound.start("noun")].strip() \
                    and v.nouns[compound.group("noun").lower()][0] == "victim":
                # "two Chinese nationals and a guard", "un jeune homme de 19 ans": a noun of two words,
                # headed by its last in English ("civils peuls" keeps its first in French)
                if v.head_last or m.group("noun").lower() in _ADJECTIVE_NOUNS:
                    victims = v.nouns[compound.group("noun").lower()][1]
                head_end = compound.end()
            also = _AND_BARE.match(text, head_end)
            other = v.head_at(text, plain, also.end()) if also else None
            if other and not other.group("mods") and other.start("noun") == also.end() \
                    and v.nouns[other.group("noun").lower()][0] == "victim" \
                    and v.nouns[other.group("noun").lower()][1] != victims:
                # "onze militaires et VDP tués", "11 soldiers and volunteers": one count of both
                victims, head_end = None, other.end()
        elif role == "members":
            window = text[head_end:head_end + 40]
            victims = next((g for g, rx in v.members_context if rx.search(window)), "people")
            org = _NAMED_BODY.match(text, head_end)
            if org:
                head_end = org.end()    # "nine members of the Volunteers for the Defence of the Homeland (VDP)"
    elif demonym:
        # "six French aid workers and two Nigeriens": a nationality standing for people
        victims, role, head_end = "civilians", "victim", demonym.end()
    if m and m.group("ours") and (victims == "militants" or m.group("noun").lower() in _MEN):
        # "huit de nos vaillants combattants", "we lost 17 of our men": the speaker's, of a side the
        # count does not say
        victims = None
    d = _Draft(q, head_end, victims, role)
    if m and role == "kind" and _DEMONYM_PLURAL.match(" " + text[m.start("mods"):m.end("mods")]):
        d.victims = "civilians"      # "deux Nigériens tués"
    if m and role == "kind":
        d.kind, d.rule = v.nouns[m.group("noun").lower()][1], f"head:{m.group('noun').lower()}"
        if m.group("their") and _ATTACKERS_BEFORE.search(text, max(0, q.start - 120), q.start):
            d.victims = "militants"     # "les assaillants ont fui, laissant trois de leurs morts"
    window = text[max(0, q.start - 75):q.start]
    b = v.before.search(window) if _may_end_with(_lower_tail(window, plain), v.before_ends) else None
    if b:
        d.before_kind = v.kind_before[b.group("kind").lower()]
        if d.victims == "civilians" and m and m.group("noun").lower() in _MEN and _LOST.search(b.group("kind").lower()):
            # "ISWAP lost at least 35 men", "l'armée a perdu douze hommes": the men of the side that lost them
            d.victims = _side_of(text, max(0, q.start - 75) + b.start())
    a = v.after_at(text, plain, head_end) if role else _BARE_PREDICATE.match(text, head_end)
    if a is None and text.startswith(",", head_end) and _GLOSS_BEFORE.search(text, max(0, q.start - 5), q.start):
        # 'the army said "une douzaine de terroristes", about a dozen, were neutralised': a translation set
        # off by commas, then the predicate
        a = v.after_at(text, plain, head_end + 1) if role else _BARE_PREDICATE.match(text, head_end + 1)
    if a and a.start("kind") - head_end > 30 and v.harm.search(text, head_end, a.start("kind")):
        a = None     # "neuf hommes, trois femmes et un nourrisson tués, ainsi que plusieurs blessés": the nearer verb
    if a is None and role == "victim" and q.value == 1 and plain is not None:
        a = v.lone_after_lower.match(plain, head_end)     # "un vieil homme qui tentait de fuir a été abattu"
    if a and (a.group("kind").lower() not in v.kind_after
              or next_end <= a.start("kind") and _JUST_OF.fullmatch(text, next_end, a.start("kind"))):
        a = None     # "une kamikaze fait quatorze morts": the predicate belongs to the next count
    if a and a.group("kind").lower() in _FELL and _FELL_INTO.match(text, a.end()):
        a = None     # "deux soldats sont tombés dans une embuscade": fell into it, not fell
    if a and a.group("kind").lower().startswith("abattu") and _REFLEXIVE.search(text, max(0, a.start("kind") - 12),
                                                                               a.start("kind")):
        a = None     # "l'un d'eux s'est abattu sur une concession": a shell that fell on it, no one shot
    if a and _FOR_DEAD.search(text, max(0, a.start("kind") - 25), a.start("kind")):
        a = None     # "l'un des blessés, initialement donné pour mort", "left for dead": alive
    if a and a.group("kind").lower().startswith(_SEIZING) and _THING_SEIZED.match(text, a.end()):
        a = None     # "the army has seized power", "ont pris le contrôle": no one taken
    if a and _SPEAKS.search(text, head_end, a.start("kind")):
        a = None     # "one resident told reporters that scores were killed": the count is the speaker
    if a and head_end <= next_start < a.start("kind") and not _LISTED.fullmatch(text, head_end, next_start):
        a = None     # "deux sources militaires jointes lundi font état de cinq soldats tués": the five's
    if a and role in (None, "victim", "members", "inherit", "kind") and not _active_voice(a, text):
        d.after_kind = v.kind_after[a.group("kind").lower()]
    # "including 5 soldiers and 3 civilians", "50 women and 21 children were among the dead":
    # the whole coordinated list is a part; "40 people, 34 of them volunteers": only the 34
    window = text[max(0, q.start - 30):q.start]
    tail = _lower_tail(window, plain)
    if tail and tail[-1] in ":,":
        tail = tail[:-1].rstrip()
    part_of_dead = v.subset_after.match(text, head_end) if head_end > q.end else None
    if part_of_dead and next_start < len(text) and not text[part_of_dead.end():next_start].strip(" ,:"):
        part_of_dead = None     # "eight civilians, among them three children": the phrase opens the next count
    elif part_of_dead and "," in part_of_dead.group(0) and part_of_dead.group(0).strip(" ,").lower() in _LISTING:
        part_of_dead = None     # "about fifteen people, among them VDP and civilians": the whole, then who
    d.subset_group = bool(_may_end_with(tail, v.subset_ends) and v.subset.search(window) or part_of_dead)
    kin = m is not None and m.group("noun").lower() in v.kin     # "who lost two brothers": a part
    part = (d.subset_group or not one_of and bool(v.subset_after.match(text, q.end))
            or _partial(text, head_end, plain) or bool(_OF_THE_DEAD.match(text, q.end))
            or bool(m is None and q.spelled and _ANAPHORIC.search(text, max(0, q.start - 8), q.start)))
    d.subset, d.kin = part or kin, kin and not part
    if d.subset and d.victims is None and _OF_THEM.match(text, q.end) \
            and _ATTACKERS_BEFORE.search(text, 0, q.start) and not _DIGIT.search(text, 0, q.start):
        # "the assailants were repelled and two of them were killed", "the assailants, a dozen of whom were
        # killed": part of a group no figure
        # counted, so a figure of its own, the attackers'
        d.victims, d.subset = "militants", False
    return d


_SEIZING = ("seiz", "took", "tak", "captur", "pris", "saisi", "empar")
_THING_SEIZED = re.compile(r"\s+(?:the\s+|le\s+|la\s+|les\s+|l['’])?(?:power|control|pouvoir|contrôle|weapons|armes|town|ville|"
                           r"base|camp|vehicles?|véhicules?|motorcycles?|motos?|cattle|bétail)\b", re.IGNORECASE)
_BARE_OFFICERS = frozenset({"officers", "officer", "officiers", "officier"})
_POLICE = re.compile(r"(?<!\w)(?:police|policiers?|commissariat)(?!\w)", re.IGNORECASE)
# "sont tombés" alone is "fell" in battle; into an ambush or into enemy hands is no death
_FELL = frozenset({"sont tombés", "est tombé", "tombés", "tombé"})
# "donné pour mort", "laissé pour mort", "left for dead", "given up for dead", "presumed dead": not dead
_FOR_DEAD = re.compile(r"(?<!\w)(?:(?:donnée?s?|laissée?s?|tenue?s?)\s+pour|(?:left|given\s+up)\s+for|presumed)\s+$",
                       re.IGNORECASE)
_ITS_NATIONALS = re.compile(r"\s+(?:of\s+(?:its|their)\s+(?:own\s+)?(?:citizens|nationals|compatriots)|"
                            r"(?:de\s+)?(?:ses|leurs)\s+(?:ressortissants|compatriotes|citoyens))\b", re.IGNORECASE)
# "s'est abattu", "se sont abattus": fell upon something (a shell, a storm), not shot dead
_REFLEXIVE = re.compile(r"(?<!\w)(?:s['’](?:est|étai(?:en)?t)|se\s+sont|s['’]abat\w*)\s+$", re.IGNORECASE)
_FELL_INTO = re.compile(r"\s+(?:dans|sous|entre|aux|en\s+(?:panne|embuscade)|à\s+l['’]eau|malades?)(?!\w)", re.IGNORECASE)
_OF_THEM = re.compile(r"\s+(?:of them|of whom|d['’]entre eux|parmi eux)(?!\w)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")     # a figure before "of them": "them" may be its people


# a quotation just closed, then a comma: what follows glosses it ('"une quinzaine de personnes", about fifteen')
# (or a blank where a quoted label's marks were taken out)
_GLOSS_BEFORE = re.compile(r"[\"”»\s],\s*$")
# "according to two fishermen and a member of the CJTF": a source, not "a member ... killed"
_ACCORDING_BEFORE = re.compile(r"(?<!\w)(?:according to|citing|selon|d['’]après)(?!\w)[^.;]*$")
# what opens a list of who a figure's dead were, after a comma: the figure is the whole
_LISTING = frozenset({"among them", "of them", "of whom", "among whom", "d'entre eux", "d’entre eux", "d'entre elles",
                      "d’entre elles", "parmi eux", "parmi elles"})


# "..., et en janvier de la même année, une centaine d'habitants": another time, another incident
_ANOTHER_TIME = re.compile(r"(?<!\w)(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
                           r"décembre|january|february|march|april|may|june|july|august|september|october|november|"
                           r"december|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
                           r"thursday|friday|saturday|sunday|année|year|veille|lendemain|earlier|later|plus tard)(?!\w)",
                           re.IGNORECASE)
# "Les trois sont morts", "the two were buried": people the story has already counted (a bare count)
_ANAPHORIC = re.compile(r"(?<!\w)(?:les|the|ces|these|those)\s+$", re.IGNORECASE)
# "a relative of two of the dead", "deux des victimes": some of the dead already counted
_OF_THE_DEAD = re.compile(r"\s+(?:of the (?:dead|victims|killed|bodies|deceased)|des (?:morts|victimes|tués|corps|défunts)|"
                          r"d['’]entre (?:eux|elles))(?!\w)", re.IGNORECASE)


# "la police, qui avait d'abord fait état de douze morts, renvoie désormais à 18 morts": the figure
# after the word that ends the first report is the current one (on the lower-cased sentence)
_NOW = re.compile(r"(?<!\w)(?:désormais|à présent|maintenant|now|since then|but then|later|plus tard|avant de)(?!\w)")
# "qui avaient annoncé un bilan de quinze morts, n'ont pas revu ce chiffre": an earlier figure its
# source still stands by is no initial one
_UNREVISED = re.compile(r"(?<!\w)(?:n['’](?:ont|a|avaient|avait) pas (?:revu|révisé|actualisé|modifié|corrigé)|"
                        r"(?:has|have|had) not (?:revised|updated|changed|corrected)|maintient|maintiennent|maintains?|"
                        r"stood by|stands? by)(?!\w)")


# "killed 22 people in all", "40 morts au total": a total, which its parts do not lower
_IN_ALL = re.compile(r"\s*,?\s*(?:in all|in total|all told|altogether|au total|en tout)(?!\w)", re.IGNORECASE)
# "dozens of men died on both sides", "dix morts de part et d'autre": one figure for all sides
_BOTH_SIDES = re.compile(r"[^.;:]{0,30}?(?<!\w)(?:on both sides|on either side|from both sides|on all sides|"
                         r"(?:attackers|assailants|bombers?) included|including (?:the )?(?:two |three |four )?(?:attackers|assailants|"
                         r"(?:suicide )?bombers?)|"
                         r"des deux côtés|de part et d['’]autre|dans les deux camps|des deux camps|"
                         r"(?:[\w'’-]+ et [\w'’-]+|tous camps|toutes parties) confondu(?:e|s|es)?|"
                         r"assaillants compris|y compris (?:les )?assaillants|"
                         # "tuant au moins neuf personnes, elle comprise", "killing nine people, herself included"
                         r"(?:elle|lui|eux|elles) compris(?:e|es)?|(?:y )?compris (?:la|le|les) kamikazes?|kamikazes? compris|"
                         r"(?:herself|himself|themselves) included|including (?:herself|himself|themselves)|"
                         # "six personnes, dont le kamikaze, ont été tuées", "among them the bomber"
                         r"dont (?:le|la|les) (?:deux |trois )?(?:kamikazes?|assaillants?|auteurs? de l['’]attentat)|"
                         r"among them the (?:two |three )?(?:suicide )?bombers?)(?!\w)", re.IGNORECASE)
# "en précisant que les deux assaillants figuraient parmi les morts", "the two bombers were among the dead":
# the sentence's total counts the attackers
_ATTACKERS_AMONG_DEAD = re.compile(
    r"(?<!\w)(?:attackers|assailants|bombers|gunmen|militants|assaillants|kamikazes|terroristes|jihadistes)\s+"
    r"(?:figuraient|figurent|sont|étaient|comptent|were|are)\s+(?:also\s+|aussi\s+|eux-mêmes\s+)?"
    r"(?:parmi|among)\s+(?:les|the)\s+(?:morts|victimes|tués|dead|victims|killed|those killed)(?!\w)")
# "côté ami, sept morts ; côté terroriste, dix-neuf neutralisés": a communiqué's sides
_OWN_SIDE = re.compile(r"(?<!\w)(?:côté\s+(?:ami|amis|forces amies)|friendly\s+(?:side|forces)|on\s+our\s+side)"
                       r"\s*[,:]?\s*$")
_ENEMY_SIDE = re.compile(r"(?<!\w)(?:côté\s+(?:des\s+|de\s+l['’]\s*)?"
                         r"(?:terroriste|terroristes|ennemis?|assaillants?|attaquants)"
                         r"|enemy\s+side|on\s+the\s+(?:enemy|attackers['’]?|assailants['’]?)\s+side)"
                         r"\s*[,:]?\s*$")
# one in each phrase of _BOTH_SIDES, in lower case
_BOTH_SIDES_WORDS = ("side", "attackers", "assailants", "assaillant", "côtés", "autre", "camps", "confondu", "compris",
                     "bomber", "kamikaze", "auteur", "herself", "himself", "themselves")
# "a ranger and an instructor were also killed", "quatre assaillants ont également été tués"
# "as well as themselves" lists more dead after the figure: it puts the figure on top of nothing
_ALSO = re.compile(r"[^,.;:]{0,15}?(?<!\w)(?:also|as well(?!\s+as\b)|additionally|également|aussi)(?!\w)", re.IGNORECASE)
_ALSO_WORDS = ("also", "well", "additionally", "également", "aussi")     # one in each phrase of _ALSO
# "two more people died", "deux autres civils": victims on top of a figure already given
_MORE = re.compile(r"\s+(?:more|other|others|autres|de plus)(?!\w)(?!\s+than)", re.IGNORECASE)
_OBJECT = re.compile(r"\s+(?:\d+|at least|more than|some|about|dozens|the|a|an|two|three|four|five|six|seven|eight"
                     r"|nine|ten|several|many|hundreds|scores|un|une|des|les|le|la|l['’]|deux|trois|quatre|cinq|six|"
                     r"sept|huit|neuf|dix|plusieurs|au moins|plus de|une dizaine|des dizaines)(?!\w)", re.IGNORECASE)


_PASSIVE_AUXILIARY = re.compile(r"(?<!\w)(?:were|was|been|being|are|is|got)\s")


def _active_voice(a: re.Match[str], text: str) -> bool:
    """"20 gunmen killed 12 villagers": the first count is the killers, not the dead."""
    # "une dizaine d'hommes armés ... ont abattu un gardien": a French perfect acts as well
    french_perfect = _FRENCH_PERFECT.search(text, max(0, a.start("kind") - 12), a.start("kind"))
    if not french_perfect and (a.group("kind").lower() not in _ENGLISH_ACTIVE
                               or _PASSIVE_AUXILIARY.search(text[a.start():a.end()])):
        return False
    return bool(_OBJECT.match(text, a.end()))


# the auxiliary of a French perfect right before the participle, not "ont été"
_FRENCH_PERFECT = re.compile(r"(?<!\w)(?:ont|a|avaient|avait|auraient|aurait)\s+$")


# What may trail a victim noun before the next coordinated count: nationality adjectives
# and proper-name complements ("six humanitaires français de l'ONG Acted, leur guide ...").
_TRAILING = (r"(?:\s+(?:[a-zéèêëïîôûç]+(?:ais|aise|ain|aine|ien|ienne|ois|oise|abè|an|ese)s?"
             r"|(?:de|du|des|of|from)\s+(?:l['’]|the\s+)?[A-Z][\w’'-]*|[A-Z][\w’'-]*"
             # "nine members of a civilian defence militia and five drivers"
             r"|(?:of|de|du|des|d['’])\s*(?:a\s+|an\s+|the\s+|la\s+|le\s+|les\s+|l['’]\s*)?(?:(?!and\b|et\b)[a-zé][\w’'-]*\s*){1,3}))*")
# "la mort de 14 militaires et de 9 VDP", "the deaths of 5 soldiers and of 3 civilians";
# "the village chief and his two sons", "le chef du village et ses deux fils": theirs, listed with them
_COORDINATION = re.compile(rf"{_TRAILING}\s*(?:(?:and|et|as well as|ainsi que|plus|or|ou|,)\s*)+"
                          r"(?:(?:de|of)\s+|d['’]|(?:his|her|their|ses|leurs)\s+)?")


def _coordinated(prev: _Draft, nxt: _Draft, text: str) -> bool:
    """Two counts of one list, sharing its verb; "40 villagers, 12 of whom were killed" is a
    part of the first, whose verb is its own."""
    return bool(_COORDINATION.fullmatch(text[prev.head_end:nxt.q.start])) and not _OF_THEM.match(text, nxt.q.end)


def _inside_lists(drafts: list[_Draft], text: str) -> list[_Draft]:
    """Drop a lone "a X" found inside a list of counts ("nine members of a civilian defence
    militia and five drivers"): a word of the list, not a victim."""
    out = []
    for i, d in enumerate(drafts):
        if d.q.surface.lower() in _ARTICLES and 0 < i < len(drafts) - 1 and \
                _coordinated(drafts[i - 1], drafts[i + 1], text):
            continue
        out.append(d)
    return out


# "it said its men had killed", "affirmant que ses combattants ont tué": the attackers' own count
_MEN = frozenset({"men", "hommes"})
_LOST = re.compile(r"\b(?:lost|perdu)\b")
_LOST_BEFORE = re.compile(r"(?<!\w)(?:had\s+|has\s+|have\s+)?(?:lost|perdu)\s+(?:at\s+least\s+|au\s+moins\s+)?$")
_OWN_WORDS = frozenset({"its", "their", "ses", "leurs"})
_OWN_MEN_KILLED = re.compile(r"(?<!\w)(?P<men>(?:its|their|ses|leurs)\s+(?:fighters|men|militants|mujahideen|combattants|"
                             r"hommes|éléments|moudjahidines?))\s+(?:had\s+|have\s+|avaient\s+|ont\s+|auraient\s+|avait\s+)?"
                             r"[\"“«]?\s*(?:killed|tué|abattu|neutralisé)[^.;]{0,30}$", re.IGNORECASE)
# "en plus des deux kamikazes", "in addition to the two bombers": the same harm, to more people
_ON_TOP = re.compile(r"(?<!\w)(?:en plus d(?:es|e|u)|outre|in addition to|besides|as well as)\s+(?:the\s+|les\s+)?$",
                     re.IGNORECASE)
# what opens the next item of a list whose verb was said once: ", ", ", et ", " and "
_GAPPED = re.compile(r"(?:,|;)\s*(?:(?:and|et|puis|then)\s+)?$|\s(?:and|et)\s+$")
# ... each item with its own place: "5 killed in Boni, 3 in Douentza", "11 tués dans le hameau, 3 au puits"
_WHERE = re.compile(r"\b(?:in|at|near|on|outside|dans|à|au|aux|près|sur|en)\s[^,;:]{1,60}[,;]?\s*(?:(?:and|et)\s+)?$")


_SET_OFF_BEFORE = re.compile(r"\s*,\s*$")
_SET_OFF_AFTER = re.compile(r"\s*,\s*(?:et|and)\s")


def _apposed_breakdown(group: list[_Draft], previous: list[_Draft], text: str,
                       v: _Vocab) -> tuple[str, int] | None:
    """The kind of the figure just before `group`, and how many of the group's counts break it
    down: those set off after that figure's verb by a comma, up to ", and" ("14 killed, 8 soldiers
    and 6 VDP, and 10 wounded")."""
    last = previous[-1]
    verb = v.after_at(text, None, last.head_end)
    if verb is None or not _SET_OFF_BEFORE.fullmatch(text, verb.end(), group[0].q.start):
        return None
    n = next((i + 1 for i, d in enumerate(group) if _SET_OFF_AFTER.match(text, d.head_end)), None)
    kind = v.kind_after.get(verb.group("kind").lower())
    if n is None or kind is None or last.q.value is None:
        return None
    return (kind, n) if sum(d.q.value or 0 for d in group[:n]) <= last.q.value else None


_COLON = re.compile(r"\s*:\s*")


def _colon_breakdown(drafts: list[_Draft], text: str, v: _Vocab) -> None:
    """"huit personnes enlevées : cinq femmes, dont une jeune mariée, et trois garçons": the counts
    listed after a colon that closes another count's predicate break that count down; they take
    its kind and are parts of it (when they fit in it)."""
    for i, lead in enumerate(drafts[:-1]):
        verb = v.after_at(text, None, lead.head_end) if lead.q.value is not None else None
        if verb is None or not _COLON.fullmatch(text, verb.end(), drafts[i + 1].q.start):
            continue
        kind = v.kind_after.get(verb.group("kind").lower())
        parts = [d for d in drafts[i + 1:] if d.kind is None and d.after_kind is None and d.before_kind is None]
        if kind and parts and sum(d.q.value or 0 for d in parts if not d.subset) <= lead.q.value:
            for d in parts:
                d.kind, d.rule, d.subset = kind, "colon-breakdown", True
        return


# "bringing the number of civilians killed to fourteen", "portant à quatorze le nombre de civils tués"
_NUMBER_KILLED_BEFORE = re.compile(r"(?<!\w)(?:number|total|tally)\s+of\s+(?:[\w'’-]+\s+){0,2}?(?:killed|dead|deaths)"
                                   r"\s+(?:to|at)\s+$", re.IGNORECASE)
_NUMBER_KILLED_AFTER = re.compile(r"\s+(?:le|la)\s+(?:nombre|bilan|total)\s+(?:de\s+|des\s+|d['’]\s*)?(?:[\w'’-]+\s+){0,2}?"
                                  r"(?:tuée?s|morts?|victimes|décès)(?!\w)", re.IGNORECASE)


# "Eleven people, seven gendarmes and four civilian contractors, were killed": the parts set off between a
# total and its verb
_PART_JOIN = re.compile(r"\s*,\s*(?:(?:and|et)\s+)?|\s+(?:and|et)\s+")
_PART_CLOSE = re.compile(r"\s*,")


def _apposed_parts(drafts: list[_Draft], text: str) -> None:
    """Counts listed right after a total and before its verb are parts of it, of the same kind."""
    for i, d in enumerate(drafts):
        if not d.kind or d.q.value is None:
            continue
        parts, pos = [], d.head_end
        for p in drafts[i + 1:]:
            if p.kind or p.q.value is None or not _PART_JOIN.fullmatch(text, pos, p.q.start):
                break
            parts.append(p)
            pos = p.head_end
        if len(parts) > 1 and _PART_CLOSE.match(text, pos) and sum(p.q.value for p in parts) <= d.q.value:
            for p in parts:
                p.kind, p.subset, p.rule = d.kind, True, "apposed-part"


def _resolve_kinds(drafts: list[_Draft], text: str, v: _Vocab) -> None:
    _colon_breakdown(drafts, text, v)
    groups: list[list[_Draft]] = []
    for d in drafts:
        if groups and _coordinated(groups[-1][-1], d, text):
            groups[-1].append(d)
        else:
            groups.append([d])
    for gi, group in enumerate(groups):
        breakdown = _apposed_breakdown(group, groups[gi - 1], text, v) if gi else None
        if breakdown:
            # "quatorze personnes ont été tuées, huit soldats et six VDP, et une dizaine d'autres blessées":
            # the list set off after a figure and its verb breaks that figure down
            kind, n = breakdown
            for d in group[:n]:
                d.kind, d.rule, d.subset = kind, "apposed-breakdown", True
            group = group[n:]
            if not group:
                continue
        if group[0].subset_group or group[-1].subset_group:
            for d in group:
                d.subset = True
        elif any(not d.kin for d in group):
            # "shot dead the traditional ruler, two of his sons and a guard": kin listed among other
            # victims are victims too ("who lost two brothers" alone stays a part of the dead)
            for d in group:
                if d.kin:
                    d.subset = False
        shared_before = group[0].before_kind
        shared_after = group[-1].after_kind
        for d in group:
            if d.kind:
                continue
            if d.before_kind:
                d.kind, d.rule = d.before_kind, "verb-before"
            elif d.after_kind:
                d.kind, d.rule = d.after_kind, "predicate-after"
            elif shared_before and d.head_role != "kind":
                d.kind, d.rule = shared_before, "coordinated:verb-before"
            elif shared_after:
                d.kind, d.rule = shared_after, "coordinated:predicate-after"
            elif v.toll.search(text[max(0, d.q.start - 150):d.q.start]) \
                    or _NUMBER_KILLED_BEFORE.search(text, max(0, d.q.start - 80), d.q.start) \
                    or _NUMBER_KILLED_AFTER.match(text, d.q.end):
                d.kind, d.rule = "killed", "toll"
    previous: _Draft | None = None
    for d in drafts:
        if previous and (d.kind is None or d.rule.startswith("coordinated")) and previous.kind \
                and d.head_role in ("victim", "members") and _ON_TOP.search(text, max(0, d.q.start - 20), d.q.start):
            # "neuf civils tués, en plus des deux kamikazes": more dead, not some of them, whatever
            # the list goes on with ("... in addition to the two bombers, and 19 others were wounded")
            d.kind, d.rule, d.subset = previous.kind, "on-top", False
        elif previous and d.kind is None and d.subset and previous.kind:
            d.kind, d.rule = previous.kind, "subset-of-previous"
        elif previous and d.kind is None and previous.kind and d.head_role in ("victim", "members") \
                and _GAPPED.search(text, max(0, d.q.start - 8), d.q.start) \
                and _WHERE.search(text, previous.head_end, d.q.start) \
                and not _ANOTHER_TIME.search(text, previous.head_end, d.q.start):
            # "onze hommes ont été tués dans le hameau, trois bergers au puits, et deux adolescents...":
            # the verb said once holds for the counts listed after it
            d.kind, d.rule = previous.kind, "gapped"
        if d.head_role == "inherit" and previous and d.victims is None:
            d.victims = previous.victims
        if d.kind:
            previous = d


def harm_near(sentence: str, language: str, start: int, end: int, reach: int = 60) -> bool:
    """A word of killing, wounding or abduction within `reach` characters of [start, end):
    "children were among the dead", not "the army said, as residents hid"."""
    return _vocab(language).harm.search(sentence.lower(), max(0, start - reach), end + reach) is not None


# A quotation of a few words is a label or an army's idiom ('20 "terrorists" neutralised',
# 'five soldiers "paid the supreme price"'): read through it. Longer quotes are speech.
_LABEL_QUOTE = re.compile(r'["“«]\s?((?:[^\s"“”«»]+\s){0,7}[^\s"“”«»]+)\s?["”»]')
LABEL_QUOTE_WORDS = 6
_SPOKEN = re.compile(r"(?<!\w)(?:i|we|you|they|he|she|our|my|us|je|j|nous|vous|ils|elles|on|nos|notre|mon|ma)(?!\w)",
                     re.IGNORECASE)


# "deux (02) soldats et un (01) Volontaire pour la défense de la patrie (VDP) tombés": a spelled
# count's digits and an abbreviation, in brackets
_BRACKETED_ABBREVIATION = re.compile(r"\(\s*[A-Z][\w.-]{1,12}\s*\)|(?<=[^\W\d_]\s)\(\s*\d{1,4}\s*\)")


def _without_label_quotes(sentence: str) -> str:
    """`sentence` with the marks of short quotations and bracketed abbreviations blanked
    (same length, same offsets)."""
    if "(" in sentence:
        sentence = _BRACKETED_ABBREVIATION.sub(lambda m: " " * len(m.group()), sentence)
    if not _QUOTE_MARK.search(sentence):
        return sentence
    return _LABEL_QUOTE.sub(_blank_label_marks, sentence)


def _blank_label_marks(m: re.Match[str]) -> str:
    """A quote's marks blanked; one of more than LABEL_QUOTE_WORDS words only when no one speaks in it
    ("« des dizaines de terroristes de Boko Haram/ISWAP »", not "We buried between 30 and 40 people")."""
    if len(m.group(1).split()) > LABEL_QUOTE_WORDS and _SPOKEN.search(m.group(1)):
        return m.group()
    return " " * (m.start(1) - m.start()) + m.group(1) + " " * (m.end() - m.end(1))


# "Le FLA a revendiqué l'affrontement. Son porte-parole affirme ... « au moins quinze morts »": the
# spokesman of the group the previous sentence says claimed it speaks for that group
_SPOKESMAN_WORDS = ("porte-parole", "spokes")
_GROUP_SPOKESMAN = re.compile(r"(?<!\w)(?:son|sa|leur|its|their)\s+(?:porte-parole|spokesman|spokesperson|spokeswoman)(?!\w)",
                              re.IGNORECASE)
_CLAIMED = re.compile(r"(?<!\w)(?:revendiqu\w*|claim(?:ed|s|ing)?)(?!\w)", re.IGNORECASE)


def _group_spokesman(sentence: str, before: int, previous: str, language: str) -> tuple[str, str] | None:
    """(the group, "perpetrator") when the figure at `before` is given by "its spokesman" right after
    a sentence in which an armed group claimed the attack; else None."""
    if not _GROUP_SPOKESMAN.search(sentence, 0, before) or not _CLAIMED.search(previous):
        return None
    group = next((m for m in find_actors(previous, language) if is_non_state_armed(m.actor)), None)
    return (group.surface, "perpetrator") if group else None


# "Un premier bilan faisait état de quatre morts. Il a été porté à cinq ce lundi", "The toll was 12. It has
# since risen to 15": the toll of the previous sentence, raised, told with a pronoun
_PRONOUN_TOLL = re.compile(r"^\W*(?:(?:il|elle)\s+(?:a\s+été\s+(?:porté|relevé|revu\s+à\s+la\s+hausse)e?|s['’]est\s+alourdie?|"
                           r"est\s+passée?|est\s+monté)e?\s+(?:depuis\s+|ensuite\s+|ce\s+\w+\s+|\w+\s+)?à\s+"
                           r"|it\s+(?:has\s+|had\s+)?(?:since\s+|later\s+|now\s+)?(?:rose|risen|climbed|increased|been\s+raised|was\s+raised"
                           r"|been\s+revised\s+up(?:ward)?|was\s+revised\s+up(?:ward)?)\s+(?:since\s+)?to\s+)", re.IGNORECASE)
_TOLL_BEFORE = re.compile(r"(?<!\w)(?:bilan|toll)(?!\w)", re.IGNORECASE)


def _pronoun_toll(sentence: str, language: str, previous: str, following: str | None) -> list[Claim]:
    """The raised toll a sentence gives with a pronoun for the previous sentence's toll of the dead."""
    m = _PRONOUN_TOLL.match(sentence)
    if not m or not _TOLL_BEFORE.search(previous):
        return []
    earlier = [c for c in extract_claims(previous, language) if c.kind == "killed"]
    quantities = [q for q in find_quantities(sentence, language) if q.num_start >= m.end() - 1 and q.value]
    if not earlier or not quantities or quantities[0].num_start - m.end() > 12:
        return []
    q = quantities[0]
    claimant, ctype = resolve_claimant(sentence, q.start, q.end, language, previous, following)
    return [Claim("killed", q.value, q.qualifier, earlier[0].victims, claimant, ctype, q.start, q.end, sentence,
                  "pronoun-toll", revised=True)]


def _side_of(text: str, end: int) -> str | None:
    """The victims' group of the side named last before `end` ("The MSA confirmed it had lost 11
    men": militia), None when no side is named."""
    named = [m for m in find_actors(text[:end], "*") if m.actor != "civilians"]
    if not named:
        return None
    actor = named[-1].actor
    if is_state_force(actor):
        # "The police lost two men": their own group, not the soldiers'
        surface = named[-1].surface.lower()
        return "police" if _POLICE.search(surface) else "gendarmes" if "gendarm" in surface else "soldiers"
    if actor_kind(actor) == "militia":
        return "militia"
    return "militants" if is_non_state_armed(actor) else None


_MARTYRS_RULES = frozenset({"head:martyrs", "head:martyr"})


def _martyrs_side(claimant: str | None, ctype: str) -> str | None:
    """"Le mouvement reconnaît avoir perdu deux martyrs": a side's martyrs are its own dead, so
    the group's are militants and the army's soldiers; anyone else's (a village's) stay unsaid."""
    if ctype == "perpetrator":
        return "militants"
    if claimant and (ctype == "official" and _SECURITY_VOICE.search(claimant.lower()) or _STAFF.search(claimant)):
        return "soldiers"
    return None


_STAFF = re.compile(r"(?<!\w)(?:état-major|etat-major|fama|fds|fan|armée|armed forces|forces armées)(?!\w)", re.IGNORECASE)


def extract_claims(sentence: str, language: str, previous: str | None = None,
                   following: str | None = None) -> list[Claim]:
    """Every casualty figure in `sentence` with its kind, victims and claimant.

    `previous` and `following` are the neighbouring sentences: a figure without an
    attribution of its own takes the previous sentence's ("According to Malian
    officials, ..."), else a following sentence that opens with "According to X".
    """
    v = _vocab(language)
    if previous and (raised := _pronoun_toll(sentence, language, previous, following)):
        return raised
    lowered = lower_same_length(sentence)
    if not v.trigger.search(lowered):
        return []
    text = _without_label_quotes(sentence)
    text_lowered = lowered if text is sentence else lower_same_length(text)
    # lower-cased text stands in for IGNORECASE scans only where lower() makes every letter
    # what IGNORECASE matches it to
    plain = text_lowered if lower_is_faithful(sentence) else None
    drafts = []
    quantities = sorted(find_quantities(text, language) + _singulars(text, text_lowered, language, plain),
                        key=lambda q: q.start)
    # "two were killed and a third wounded": after another count, an ordinal is one more person
    quantities = [replace(q, value=1, ordinal=False) if q.ordinal and q is not quantities[0] else q for q in quantities]
    # years, ages, hours are left out before pairing each count with the next: "son maire, 58 ans,
    # a été abattu" gives the predicate to the mayor
    counts = [q for q in quantities if not _not_a_casualty_count(q, text, v, plain)]
    for i, q in enumerate(counts):
        nxt = counts[i + 1] if i + 1 < len(counts) else None
        d = _draft(q, text, v, nxt.end if nxt else len(text), nxt.start if nxt else len(text), plain)
        if d is not None:
            drafts.append(d)
    drafts = _inside_lists(drafts, text)
    # "the embassy confirmed the deaths of two of its citizens": a country's own among the dead, a part of them
    for d in drafts:
        if _ITS_NATIONALS.match(text, d.q.end):
            d.subset = True
    # "four members of its civilian auxiliary force": the group the members belong to, no one more
    drafts = [d for i, d in enumerate(drafts)
              if not (i and d.q.value == 1 and _MEMBERS_OF.fullmatch(text, drafts[i - 1].head_end, d.q.start))]
    _resolve_kinds(drafts, text, v)
    _apposed_parts(drafts, text)
    drafts = [d for d in drafts if d.kind]
    if not drafts:
        return []
    for d in drafts:
        if d.kind == "wounded" and _TO_DEATH.match(text, d.head_end):
            d.kind, d.rule = "killed", d.rule + ":to-death"     # "beating four men to death"
        if d.kind == "abducted" and _KILLED_THEM.match(text, d.head_end):
            # "seized four men accused of informing the army and shot them dead": taken, then killed
            d.kind, d.rule = "killed", d.rule + ":then-killed"
    revised_cue = v.revision.search(lowered) if holds_any(lowered, v.revision_words) else None
    initial_cue = v.initial.search(lowered) if holds_any(lowered, v.initial_words) else None
    if initial_cue and _UNREVISED.search(lowered):
        initial_cue = None      # the source still stands by its earlier figure
    maybe_all_sides = plain is None or holds_any(plain, _BOTH_SIDES_WORDS)
    maybe_also = plain is None or holds_any(plain, _ALSO_WORDS)
    cumulative = bool(v.cumulative.search(lowered))
    attackers_among = _ATTACKERS_AMONG_DEAD.search(lowered) if "among" in lowered or "parmi" in lowered else None
    out = []
    for d in drafts:
        claimant, ctype = resolve_claimant(sentence, d.q.start, d.head_end, language, previous, following)
        if claimant and ctype != "perpetrator" and previous and holds_any(lowered, _SPOKESMAN_WORDS):
            claimant, ctype = _group_spokesman(sentence, d.q.start, previous, language) or (claimant, ctype)
        if claimant is None and _OWN_WORDS & set(lowered[max(0, d.q.start - 70):d.q.start].split()) \
                and (own := _OWN_MEN_KILLED.search(text, max(0, d.q.start - 70), d.q.start)):
            claimant, ctype = own.group("men"), "perpetrator"   # "It said its men had killed more than a dozen"
        victims = d.victims
        if victims is None and ("côté" in lowered or "side" in lowered):
            before = lowered[max(0, d.q.start - 30):d.q.start]
            victims = "soldiers" if _OWN_SIDE.search(before) else "militants" if _ENEMY_SIDE.search(before) else None
        # ("douze morts au total, dont cinq dozos, et plusieurs blessés des deux côtés": a part is no side's all)
        all_sides = maybe_all_sides and not d.subset and bool(_BOTH_SIDES.match(text, d.head_end)) or bool(
            attackers_among and victims in (None, "people") and d.q.start < attackers_among.start())
        if all_sides:
            victims = None          # the dead of every side together, whatever the noun says
        elif victims is None and d.kind == "killed" and (
                _NEUTRALISED.search(sentence, d.q.end, d.head_end + 30)
                or _NEUTRALISED_BEFORE.search(sentence, max(0, d.q.start - 40), d.q.start)):
            # "neutralised" is army language for killed enemies ("have neutralised 14 Islamic State
            # West Africa Province (ISWAP) terrorists": the noun too far to be read)
            victims = "militants"
        elif d.kind == "killed" and victims in (None, "people", "civilians") \
                and _ENEMY_LOST.search(lowered, max(0, d.q.start - 45), d.q.start):
            victims = "militants"    # "the enemy lost some 30 men", "l'ennemi a perdu une dizaine d'hommes"
        elif d.kind == "killed" and victims in (None, "people", "civilians") \
                and _WE_LOST.search(lowered, max(0, d.q.start - 40), d.q.start) \
                and any(_SECURITY_VOICE.search(s.lower()) for s in (sentence, previous, following) if s):
            victims = "soldiers"     # "« Nous avons perdu près de vingt hommes », a raconté un responsable sécuritaire"
        elif victims is None and d.rule in _MARTYRS_RULES:
            victims = _martyrs_side(claimant, ctype)
        # "killed thousands": a count in thousands is a conflict's running total, not an incident's
        running_total = d.q.spelled and (d.q.value or 0) >= 1000 and d.q.qualifier == "at_least"
        out.append(Claim(
            kind=d.kind or "killed", count=d.q.value, qualifier=d.q.qualifier, victims=victims,
            claimant=claimant, claimant_type=ctype, start=d.q.start, end=d.head_end, sentence=sentence,
            rule=d.rule + (_ARTICLE_RULE if _lone_victim(d) else ""),
            revised=bool(revised_cue and revised_cue.start() < d.q.start) or bool(_IN_ALL.match(text, d.head_end))
            or d.q.ordinal,
            is_cumulative=cumulative or running_total, subset=d.subset,
            initial=bool(initial_cue and initial_cue.start() < d.head_end
                         and not _NOW.search(lowered, initial_cue.end(), d.q.start)),
            # "two officers were killed, while five civilians also died": on top of the sentence's own
            # earlier figure, which the toll already adds, not of another report's
            additional=bool(maybe_also and _ALSO.match(text, d.head_end)
                            and not any(o.kind == d.kind and o.q.start < d.q.start and not _coordinated(o, d, text)
                                        for o in drafts)
                            or _MORE.match(text, d.q.end)
                            # "killing herself and 12 other people": others than the bomber, no more dead
                            and not _OTHERS_THAN_SELF.search(text, max(0, d.q.start - 30), d.q.start)
                            # "abducted dozens and killed three others": others than those taken, no more dead
                            and not any(o.q.start < d.q.start and o.kind and o.kind != d.kind for o in drafts)),
            all_sides=all_sides,
            admission=ctype == "perpetrator" and victims == "militants" and d.kind == "killed"
            and (d.rule in _MARTYRS_RULES or bool(_OWN_LOSS.search(text, max(0, d.q.start - 30), d.head_end + 25))
                 # "the rebel alliance said it had lost three fighters": the speaker's own dead
                 or bool(_LOST_BEFORE.search(text_lowered, max(0, d.q.start - 25), d.q.start)))))
    recalled = _RECALLED_AFTER.search(lowered) if holds_any(lowered, _RECALLED_WORDS) else None
    if recalled and any(c.start < recalled.start() for c in out):
        # "... killed about ten fighters, less than three weeks after the killing of six aid workers": the
        # clause recalls an older incident, whose dead are not this one's
        out = [c for c in out if c.start < recalled.start()]
    return out


_RECALLED_WORDS = ("after the", "après l", "après la", "après le")
_RECALLED_AFTER = re.compile(
    r"(?<!\w)(?:(?:less|more) than\s+|barely\s+|only\s+|just\s+|(?:moins|plus) d['’]\s*|(?:moins|plus) de\s+|à peine\s+)?"
    r"(?:an?|one|two|three|four|five|six|several|a few|une?|deux|trois|quatre|cinq|six|quelques)\s+"
    r"(?:days?|weeks?|months?|jours|semaines|mois)\s+(?:after the\s+|après (?:l['’]\s*|la |le ))"
    r"(?:killings?|attack|massacre|deaths?|abduction|kidnapping|ambush|bombing|assassinat|attaque|massacre|mort|"
    r"enlèvement|embuscade|attentat|tuerie)(?!\w)")


# "two of its own fighters had been killed", "le groupe reconnaît la perte de trois de ses combattants"
_OWN_LOSS = re.compile(r"(?<!\w)(?:(?:its|their)\s+own|(?:of|among)\s+(?:its|their)\s+(?:fighters|men|members|ranks)|"
                       r"ses\s+propres|leurs\s+propres|(?:de|parmi)\s+(?:ses|leurs)\s+(?:combattants|hommes|éléments|membres)|"
                       r"dans\s+ses\s+rangs)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class _ClaimantVocab:
    mention: re.Pattern[str]        # names, on the lower-cased text
    mention_caps: re.Pattern[str]   # short capitalised names ("AFP", "UN"), case-sensitive
    types: dict[str, str]
    before: re.Pattern[str]
    before_lower: re.Pattern[str]   # `before` for the lower-cased text, without IGNORECASE: faster
    speech_after: re.Pattern[str]
    speech_before: re.Pattern[str]
    opening: re.Pattern[str]
    speech_next: re.Pattern[str]
    perpetrator_cue: re.Pattern[str]


_RECIPIENT = re.compile(r"(?<!\w)(?:told|(?<!according )(?<!close )to|à|au|aux)\s+(?:l['’]|the\s+|la\s+|le\s+)?$",
                        re.IGNORECASE)
_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w’'-]+\s+$")
# the last words of _RECIPIENT, in lower case
_RECIPIENT_ENDS = ("told", "to", "à", "au", "aux", "l'", "l’", "the", "la", "le")


def _addressed(text: str, at: int, plain: str | None) -> bool:
    """"told AFP", "a indiqué à l'AFP": the name at `at` is who heard it."""
    window = text[max(0, at - 24):at]
    return _may_end_with(_lower_tail(window, plain), _RECIPIENT_ENDS) and _RECIPIENT.search(window) is not None


_OWN_OUTLET = re.compile(r"(?<!\w)(?:its|their|sa|son|ses)\s+(?:[\w’'-]+\s+){0,2}$")
_SHORT_WORDS = {"army", "mali", "chad", "togo", "amaq", "press", "media"}
_NOT_A_QUALIFIER = {"The", "A", "An", "According", "Le", "La", "Les", "Selon", "Un", "Une", "In", "On", "But", "And", "Et",
                    "Mais", "While", "However", "Its", "Their", "Sa", "Son", "Ses", "This", "That", "Cette", "Ce", "Citing", "Per"}
_DETERMINER = re.compile(r"^(?:(?:the|a|an|le|la|les|un|une|des|its|their|sa|son|ses)\s+|l['’]\s*)", re.IGNORECASE)
_FR_DEMONYM = re.compile(r"\s+([a-zéèêë]{3,}(?:iens?|iennes?|ais|aises?|ains?|aines?|abè|abé|abés|abès))(?!\w)")


# what a group's propaganda comes out as: "al-Naba newsletter said", "l'agence Amaq a affirmé"
_OUTLET_NOUNS = ("newsletter", "weekly", "bulletin", "magazine", "news agency", "agency", "channel", "website",
                 "hebdomadaire", "agence", "canal", "site")
# a group's own outlets and propaganda (a word in each such claimant of the lexicon): the group
# named before them is who speaks
_OUTLET_WORDS = ("amaq", "naba", "zallaqa", "propagand", "outlet")


_SPEECH_DAY = (r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui)"
               r"(?:\s+(?:soir|matin|après-midi|midi|dernier))?")


@cache
def _claimant_vocab(language: str) -> _ClaimantVocab:
    lex = claim_lexicon()
    lang = language if language in ("en", "fr") else "en"
    types: dict[str, str] = {}
    for ctype, phrases in lex["claimants"].items():
        for p in phrases:
            types.setdefault(p, ctype)
    for p in lex["state_claimants"]:
        types.setdefault(p, "state")
    upper = [p for p in types if p.isalpha() and len(p) <= 4 and p not in _SHORT_WORDS]
    other = [p for p in types if p not in upper]
    # Capitals are rare: with the word-start check after the first letter, the engine skips
    # straight to them.
    by_first: dict[str, list[str]] = {}
    for p in upper:
        by_first.setdefault(p.upper()[0], []).append(p.upper()[1:])
    caps = "|".join(f"{re.escape(first)}(?<![\\w-].){_alt(rests)}" for first, rests in sorted(by_first.items()))
    mention_caps = re.compile(rf"(?:{caps})(?![\w’'-])")
    mention = re.compile(lower_literals(rf"(?<![\w-])(?:{_alt(other)})(?![\w’'-])"))
    speech = lex["speech_verbs"][lang]
    before = lex["attribution_before"][lang]
    # "..., selon lui" speaks for the one named before; "... de l'armée, selon des sources locales"
    # introduces another source
    said = rf"(?:{_alt(w for w in speech if w != 'selon')}|selon\s+(?:lui|elle|eux|elles|qui))"
    before_rx = re.compile(rf"(?<!\w)(?:{_alt(before)})(?:\s+[\w’'-]+){{0,3}}?\s*$", re.IGNORECASE)
    return _ClaimantVocab(
        mention=mention, mention_caps=mention_caps, types=types,
        before=before_rx, before_lower=re.compile(lower_literals(before_rx.pattern)),
        speech_after=re.compile(rf"^[^.;{_QUOTE_CHARS}]{{0,80}}?(?<!\w)(?:{said})(?!\w)", re.IGNORECASE),
        # "JNIM said", "Islamic State's weekly al-Naba newsletter said", "the FLA, a coalition of rebel movements, says", "l'EIGS, qui affirme"
        speech_next=re.compile(rf"^(?:['’]s(?:\s+[\w-]+){{1,3}}?\s+|\s+(?:{_alt(_OUTLET_NOUNS)})\s+)?\)?(?:\s*,[^,;.{_QUOTE_CHARS}]{{1,80}},)?(?:\s*,?\s*(?:which|who|qui)\s+)?"
                               rf"(?:\s*,(?=\s*(?:faisant|affirmant|indiquant|précisant|assurant|claiming|saying|stating)\b))?"
                               rf"\s*(?:(?:y|en|lui|leur|also|then|later)\s+)?(?:{_alt(speech)})(?!\w)", re.IGNORECASE),
        # ... with the day between ("a annoncé dimanche le ministère", "a indiqué lundi soir l'armée")
        speech_before=re.compile(rf"(?<!\w)(?:{_alt(speech)})(?:\s+(?:à|au|to)\s+(?:l['’]|la\s+|le\s+|the\s+)?[\w-]+)?"
                                 rf"(?:\s+{_SPEECH_DAY})?(?:\s+(?:the|le|la|les|l['’]|un|une|des))?\s*$", re.IGNORECASE),
        perpetrator_cue=re.compile(rf"^[^.;]{{0,80}}?(?<!\w)(?:{_alt(lex['perpetrator_cues'])})", re.IGNORECASE),
        opening=re.compile(rf"^\W*(?:{_alt(before)})(?!\w)", re.IGNORECASE),
    )


def _attributions(text: str, language: str, skip: tuple[int, int] = (0, 0)) -> list[tuple[int, int, str, str]]:
    """(start, end, name, type) of each source the text attributes something to,
    outside the span `skip` (the figure's own words: "killed 12 militants")."""
    return [a for a in _all_attributions(text, language) if not (a[0] < skip[1] and skip[0] < a[1])]


def _claimant_mentions(text: str, lowered: str, cv: _ClaimantVocab) -> list[tuple[int, int, str]]:
    """(start, end, surface) of every claimant name, left to right without overlaps; a short
    capitalised name wins over a longer one starting at the same place, as it is listed first."""
    spans = leftmost_spans(lambda pos: cv.mention_caps.search(text, pos), lambda pos: cv.mention.search(lowered, pos))
    return [(start, end, text[start:end]) for start, end in spans]


@lru_cache(maxsize=256)
def _all_attributions(text: str, language: str) -> tuple[tuple[int, int, str, str], ...]:
    cv = _claimant_vocab(language)
    found: list[tuple[int, int, str, str]] = []
    lowered = lower_same_length(text)
    plain = lowered if lower_is_faithful(text) else None
    mentions = _claimant_mentions(text, lowered, cv)
    starts = [s for s, _, _ in mentions]
    for s, e, surface in mentions:
        ctype = cv.types[surface.lower()]
        if _addressed(text, s, plain):
            continue        # "told AFP", "a indiqué à l'AFP": who heard it, not who said it
        framed: object
        if ctype == "state":
            # "Mali says ..." but not "BAMAKO, ... said" nor "near Mali, officials said"
            framed = cv.speech_next.match(text[e:]) or _attributed_before(text, plain, s, cv)
            ctype = "official"
        elif ctype == "perpetrator":
            # a group is the source only when it speaks ("JNIM said") or claims ("which
            # claimed the operation, stated that"); "Jihadists abducted 50 women, residents
            # said" is the residents' figure
            framed = (_attributed_before(text, plain, s, cv) or cv.speech_next.match(text[e:])
                      or cv.perpetrator_cue.match(text[e:]) or surface.lower() == "amaq")
        else:
            speech = cv.speech_after.match(text[e:])
            if speech and any(e < other < e + speech.end() for other in starts):
                speech = None   # "men in army uniforms, the prosecutor said": the nearer one speaks
            framed = (_attributed_before(text, plain, s, cv) or speech
                      or cv.speech_before.search(text[max(0, s - 45):s]) or surface.lower() == "amaq")
        if not framed:
            continue
        if ctype == "media" and _OWN_OUTLET.search(text, max(0, s - 30), s):
            ctype = "perpetrator"    # "its Amaq news agency", "its az-Zallaqa media": the group's own outlet
        start = s
        if surface.islower() or ctype not in ("perpetrator", "un", "ngo", "media") or surface.lower() == "media":
            qualifier_word: list[str] = _CAPITALISED_WORD_BEFORE.findall(text[max(0, s - 20):s])
            for w in qualifier_word:
                if w.strip() not in _NOT_A_QUALIFIER:
                    start = s - len(w)
        end = e
        demonym = _FR_DEMONYM.match(text, e) if language == "fr" else None
        if demonym:
            end = demonym.end()
        name = _DETERMINER.sub("", text[start:end])
        if ctype == "perpetrator" and (cv.types.get(surface.lower()) == "media"
                                       or any(w in surface.lower() for w in _OUTLET_WORDS)):
            # the outlet speaks for the group named before it: "JNIM ... via its Az-Zallaqa media"
            groups = [f for f in found if f[3] == "perpetrator" and cv.types.get(f[2].lower()) == "perpetrator"]
            name = groups[-1][2] if groups else name
        if ctype == "official" and surface.lower() in _BARE_SPEAKERS and (group := _speaks_for_a_group(text, e, language)):
            name, ctype = group, "perpetrator"  # "un porte-parole des dozos affirme": a party's word
        found.append((start, end, name, ctype))
    return tuple(found)


_BARE_SPEAKERS = frozenset({"spokesman", "spokesperson", "spokeswoman", "porte-parole", "responsables"})
_SPEAKS_FOR = re.compile(r"\s+(?:of|for|des|du|de|d['’])(?!\w)\s*(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?", re.IGNORECASE)


def _speaks_for_a_group(text: str, end: int, language: str) -> str | None:
    """The armed group or militia a bare "spokesman" speaks for, named right after him
    ("a spokesman for the hunters' militia", "un porte-parole de la confrérie des chasseurs")."""
    m = _SPEAKS_FOR.match(text, end)
    if m is None:
        return None
    named = find_actors(text[m.end():m.end() + 60], language)
    return named[0].surface if named and named[0].start == 0 and is_non_state_armed(named[0].actor) else None


def _attributed_before(text: str, plain: str | None, at: int, cv: _ClaimantVocab) -> bool:
    """"according to", "selon", "as reported by" in the 40 characters before `at`, read in
    `plain` (the lower-cased text) when given."""
    if plain is None:
        return cv.before.search(text[max(0, at - 40):at]) is not None
    return cv.before_lower.search(plain[max(0, at - 40):at]) is not None


_CLAUSE_BREAK = re.compile(r"\s*;\s*|,?\s+(?:while|whereas|but|tandis que|alors que|mais)\s+", re.IGNORECASE)


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause holding sentence[start:end] (split at ';', 'while', 'tandis que'...)."""
    lo, hi = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


_TO_DEATH = re.compile(r"\s+to\s+death\b", re.IGNORECASE)
_KILLED_THEM = re.compile(r"[^.;]{0,90}?\b(?:and|then|before|puis|avant de|et)\s+(?:later\s+|ensuite\s+)?(?:"
                          r"(?:shot|killed|executed|beheaded|murdered|slaughtered)\s+(?:them|all of them)\b|"
                          r"(?:les|l['’])\s*(?:ont\s+|a\s+)?"
                          r"(?:abattus?|abattre|exécutés?|exécuter|tués?|tuer|égorgés?|égorger)\b)",
                          re.IGNORECASE)
# the body members belong to, named in full with its abbreviation in brackets (blanked by then, see
# _without_label_quotes): read past it to the predicate
_NAMED_BODY = re.compile(r"\s+(?:of|de|du|des)\s+(?:the\s+|la\s+|l['’]\s*)?"
                         r"(?:[A-ZÀ-Ý][\w'’-]*\s+|(?:of|for|de|du|des|la|the|l['’]|à|and|et)\s+){0,8}"
                         r"[A-ZÀ-Ý][\w'’-]*(?:\s*\([A-Z][\w-]{1,10}\)|\s{4,}(?=\S))")
_PRONOUN_SUBJECT = re.compile(r"\W*(?:il|elle|ils|elles|it|he|she|they)(?=\s)", re.IGNORECASE)
_PRONOUN_SPEECH = re.compile(r"(?<!\w)(?:(?:it|they|he|she)\s+(?:said|says|claimed|claims|added|stated)|"
                             # "claimed the attack in a message sent to a news agency, saying its fighters had killed"
                             r"saying\s+(?:that\s+)?(?:its|their)\s+(?:fighters|men|combatants|militants|mujahideen)|"
                             r"affirmant\s+(?:que\s+)?(?:ses|leurs)\s+(?:combattants|hommes|moudjahidines?))(?!\w)")
# a sentence opening with a name that gives a toll: "CAN, however, put the death toll at seven", "Le MSA
# avance pour sa part un bilan de"
_OWN_SPEAKER = re.compile(r"(?P<who>(?:[A-Z][\w'’.-]*)(?:\s+(?:of|for|de|du|des|la|le|the|[A-Z][\w'’.-]*)){0,5}?)"
                          r"\s*,?\s+(?:(?:however|though|meanwhile|for (?:its|their) part|pour sa part|de son côté|"
                          r"quant à lui|toutefois|cependant)\s*,?\s+)?"
                          r"(?:put|puts|gave|gives|placed|places|avance|avancent|donne|donnent)\s+"
                          r"(?:the|its|their|a|un|le|son|leur)\s+(?:own\s+)?(?:death\s+)?(?:toll|figure|bilan)\b")


def resolve_claimant(sentence: str, start: int, end: int, language: str, previous: str | None = None,
                     following: str | None = None) -> tuple[str | None, str]:
    """The source of the figure at sentence[start:end]: the nearest attribution in the
    sentence, else the previous sentence's last one, else a following "According to X"."""
    here = _attributions(sentence, language, (start, end))
    pronoun = _PRONOUN_SPEECH.search(sentence, max(0, start - 45), start) if here else None
    if pronoun and here[0][1] <= pronoun.start():
        # "The CSP said ... losses on the army and the Russians, whom it said had lost 12 men": "it"
        # is the sentence's speaker, not the nearest name
        return here[0][2], here[0][3]
    if here:
        # "X affirme 24 morts ; d'autres habitants parlent de 30": a source in the figure's own
        # clause first
        if len(here) > 1:
            lo, hi = _clause(sentence, start, end)
            here = [a for a in here if lo <= a[0] and a[1] <= hi] or here

        def distance(a: tuple[int, int, str, str]) -> int:
            return a[0] - end if a[0] >= end else max(0, start - a[1])
        best = min(here, key=distance)
        return best[2], best[3]
    own = _OWN_SPEAKER.match(sentence)
    if own and own.end() <= start:
        # "CAN, however, put the death toll at seven": a speaker the vocabulary does not know, the
        # sentence's own, not the previous sentence's
        return own.group("who"), "unknown"
    if previous and (subject := _PRONOUN_SUBJECT.match(sentence)) \
            and _claimant_vocab(language).speech_next.match(sentence[subject.end():]):
        # "Il affirme avoir tué « plus de vingt soldats »": the pronoun is the previous sentence's
        # subject, its first source ("Le Groupe de soutien ... (JNIM), lié à Al-Qaïda, a revendiqué ...")
        there = _attributions(previous, language)
        if there:
            return there[0][2], there[0][3]
    if previous:
        # only an attribution that covers the whole previous sentence: "According to X, ..."
        # or "X said ..." at its start, "..., X said." at its end
        cv = _claimant_vocab(language)
        tail = len(previous.rstrip(" .!?\"”»"))
        there = [a for a in _attributions(previous, language)
                 if (a[0] < 40 and cv.opening.match(previous)) or a[1] >= tail - 25
                 or a[0] < 25 and cv.speech_next.match(previous[a[1]:])
                 or cv.speech_after.match(previous[a[1]:]) and len(previous) - a[1] < 40]
        if there:
            return there[-1][2], there[-1][3]
    if following and _claimant_vocab(language).opening.match(following):
        there = _attributions(following, language)
        if there:
            return there[0][2], there[0][3]
    return None, "unknown"


def lower_bound(claim: Claim) -> int | None:
    """The smallest number of people a claim asserts.

    "at least 54" -> 54, "more than 70" -> 71, "nearly 20" -> 19, "about 20" -> 20,
    "up to 30" -> 30 (the conservative figure is still bounded by the lowest other
    claim, see conservative_toll), "dozens" -> 12, "hundreds" -> 100; "several" gives no number
    (the schema's unknown: "killed several soldiers" alone is no toll).
    """
    if claim.count is None:
        return _VAGUE_LOWER_BOUND.get(claim.qualifier)
    if claim.qualifier == "more_than":
        return claim.count + 1
    if claim.qualifier == "nearly" and claim.count > 1:
        return claim.count - 1
    return claim.count


_GENERIC = (None, "people")
SAME_FIGURE_SLACK = 0.1     # a generic toll this close to the militants' toll counts the same dead


# the Volunteers for the Defence of the Homeland are the militia a story also calls "militiamen"
_SAME_GROUP = {"vdp": "militia"}


def _group(claim: Claim) -> str | None:
    return None if claim.victims in _GENERIC else _SAME_GROUP.get(claim.victims, claim.victims)


_SECOND_ACCOUNTS = frozenset({"local", "media"})   # witnesses and reporters: their own count beside the official one
_OTHER_ACCOUNTS = _SECOND_ACCOUNTS | {"un", "ngo"}  # ... and agencies' and rights groups' counts


def _one_source_details(pool: Sequence[Claim]) -> bool:
    """Whether every named figure is one person told by a source that also gave the generic
    total: one account, its total then a victim's fate ("four people were killed ... a third
    woman succumbed overnight")."""
    totals = {(c.claimant, c.claimant_type) for c in pool if _group(c) is None and c.claimant}
    named = [c for c in pool if _group(c) not in (None, "militants")]
    return bool(named) and all(c.count == 1 and (c.claimant, c.claimant_type) in totals for c in named)


def conservative_toll(claims: Sequence[Claim], armed_only: bool = False) -> int | None:
    """The schema's fatalities: the most conservative credible killed figure, all sides together.

    Rules, in order:
    1. Only `killed` claims that are not running totals (`is_cumulative`) count; a figure
       marked `initial` ("the army initially reported 10") only when nothing else is left.
    2. Official, independent (UN, NGO, media, local) and unattributed figures beat a
       perpetrator's claim; a perpetrator's figure is used only when it is all there is, or
       when it counts its own dead (`admission`) and no other source gives a total.
    3. Vague figures ("dozens", "several") are used only when no claim gives a number;
       "dozens" or "hundreds" of another group still count ("dozens of insurgents" beside
       "52 soldiers" adds 12), "several" does not.
    4. A report is one sentence's figures from one claimant. Inside a report, figures for
       the same victim group add up ("50 women and 21 children") and parts of a total
       ("including 8 soldiers", `subset`) are left out when the total is there.
    5. Across reports, per victim group (soldiers, civilians, militants..., or generic
       "people"), a figure said to come on top ("were also killed") is added; otherwise
       the latest revised figure ("the toll rose to 40") wins; otherwise the
       lowest (officials 54, local sources 60 -> 54). A lone victim named with an article
       ("a woman who tried to flee was killed") or a part ("100 bodies in X alone")
       counts only when nothing else does.
    6. Distinct groups add up ("5 soldiers and 3 civilians" -> 8). A generic total and the
       sum of the named groups: the larger when one report gives both ("15 dead, 12 of
       them soldiers") or the total is a revision ("bringing the toll to 14"); the named sum
       when it alone is a revision ("a third soldier has died"); the larger when the generic
       figure only adds to others ("three other soldiers fell"); the total when its own source
       then tells one victim's fate ("a third woman succumbed"); else the lower (two accounts
       of the same dead). Killed militants are added on top: attackers are counted apart from their victims ("killing 23
       people ... four attackers also died" -> 27; "51 soldiers killed, 160 militants
       neutralised" -> 211), unless only a generic figure is beside them and it is the
       same within 10% (two accounts of the same fighters' bodies).
    `armed_only`: the incident's parties are all armed groups, so a generic toll counts fighters too.
    Returns None when no killed figure is known.
    """
    killed = [c for c in claims if c.kind == "killed" and not c.is_cumulative and lower_bound(c) is not None]
    # an initial or provisional figure gives way to a later one for the same dead; the
    # attackers' figure, counted apart, replaces no one's ("4 dead; 11 terrorists neutralised"),
    # nor does a perpetrator's boast ("a provisional toll of two soldiers"; the rebels claim 16)
    # A provisional official toll is not replaced by local sources' heavier one: that is a
    # second account, and the lower stands ("au moins 21 civils tués ... des sources locales
    # évoquent un bilan plus lourd, entre 30 et 35 morts").
    # (a vague "dozens killed" replaces no provisional number: "six killed" stands)
    later_any = {_group(o) for o in killed if not o.initial and o.claimant_type != "perpetrator" and o.count is not None}
    later_firsthand = {_group(o) for o in killed if not o.initial and o.claimant_type != "perpetrator"
                       and o.count is not None and (o.claimant_type not in _SECOND_ACCOUNTS or o.revised)}

    def replaced(c: Claim) -> bool:
        later = later_firsthand if c.claimant_type in ("official", "unknown") else later_any
        group = _group(c)
        if group == "militants":
            return group in later
        return group in later or group is None and bool(later - {"militants"}) or None in later

    killed = [c for c in killed if not c.initial or not replaced(c)] or killed
    # a group's count of its own dead stands beside the others' named figures ("three soldiers", says the
    # army; "two of its own fighters", says the FLA), but is inside another source's total of the dead
    total_elsewhere = any(c.claimant_type != "perpetrator" and _group(c) is None for c in killed)
    # ... and only where no one else counts that side's dead ("the army says it neutralised some twenty
    # assailants"; the rebels admit three): the count of the side that is not theirs stands
    counted_by_others = {_group(c) for c in killed if c.claimant_type != "perpetrator" and c.count is not None}
    pool = [c for c in killed if c.claimant_type != "perpetrator"
            or c.admission and not total_elsewhere and _group(c) not in counted_by_others] or killed
    if any(c.count is not None for c in pool):
        # a vague figure gives way to a number for the same dead; "dozens of insurgents" still
        # counts beside "52 soldiers", and a vague generic toll beside any number
        numbered = {_group(c) for c in pool if c.count is not None}
        # ... but "dozens of men executed" beside "38 bodies" are the same dead (attackers apart)
        pool = [c for c in pool if c.count is not None or c.qualifier in ("dozens", "hundreds")
                and _group(c) is not None and _group(c) not in numbered
                and (None not in numbered or _group(c) == "militants")]
    if not pool:
        return None
    if any(c.all_sides and _group(c) is None and c.claimant_type not in _SECOND_ACCOUNTS for c in pool):
        # "seven people died, including the two suicide bombers": the count of all sides; the
        # victims' own figure ("five besides themselves") is a part of it
        # ... as is a report that counts the attackers beside its victims ("9 civilians, besides the 2 bombers")
        with_attackers = {(c.sentence, c.claimant) for c in pool if _group(c) == "militants" and not c.subset}
        pool = [c for c in pool if c.all_sides or _group(c) == "militants" or (c.sentence, c.claimant) in with_attackers]
    reports: dict[tuple[str, str | None], list[Claim]] = {}
    for c in pool:
        reports.setdefault((c.sentence, c.claimant), []).append(c)
    # generic totals a report breaks down into groups none of which is the fighters ("eleven people, seven
    # gendarmes and four contractors"): no account of the attackers' bodies, however close the figures
    told_apart: set[int | None] = set()
    for items in reports.values():
        parts = [c for c in items if c.subset]
        if parts and all(_group(c) not in (None, "militants") for c in parts):
            told_apart |= {lower_bound(c) for c in items if not c.subset and _group(c) is None
                           and lower_bound(c) == sum(lower_bound(p) or 0 for p in parts)}
    per_group: dict[str | None, list[tuple[int, bool, bool, bool, bool]]] = {}   # group -> (figure, revised, mixed, weak, additional)
    for items in reports.values():
        # "a councillor and a teacher": lone victims listed together are a count
        listed = sum(c.rule.endswith(_ARTICLE_RULE) for c in items) > 1
        # ... but a report of parts only ("lost his wife and a daughter") is never a toll
        weak = all(c.subset for c in items) or not listed and all(c.rule.endswith(_ARTICLE_RULE) or c.subset
                                                                   for c in items)
        whole = [c for c in items if not c.subset] or items
        groups: dict[str | None, list[Claim]] = {}
        for c in whole:
            groups.setdefault(_group(c), []).append(c)
        mixed = None in groups and len(groups) > 1
        if mixed:
            # "CAN put the toll at seven, saying three worshippers were later found dead": named figures
            # under the report's own total are parts of it, not a count of their group
            total = sum(lower_bound(c) or 0 for c in groups[None])
            parts = [g for g in groups if g not in (None, "militants")]
            in_parts = sum(lower_bound(c) or 0 for g in parts for c in groups[g])
            attackers = sum(lower_bound(c) or 0 for c in groups.get("militants", ()))
            if parts and attackers and in_parts < total == in_parts + attackers:
                # "deux militaires et un civil, en plus de l'assaillant lui-même, soit un bilan de quatre
                # morts": the total counts every side, the attackers too
                groups = {None: groups[None]}
            # ... and "a fourth soldier died, bringing the toll to four dead" tells the same four twice
            elif parts and (in_parts == total or not any(c.revised for g in parts for c in groups[g])
                          and in_parts < total):
                groups = {g: m for g, m in groups.items() if g not in parts}
                # ... and a total whose parts are left out is no longer given with them: beside another
                # source's named figure it is a second account ("21 civilians", says the government; "at
                # least 30 people, three young herders among them", says a local official)
                mixed = len(groups) > 1
        for group, members in groups.items():
            # "one of them died, bringing the toll to five": the new toll holds the one
            revised_here = [lower_bound(c) or 0 for c in members if c.revised]
            figure = max(revised_here) if revised_here else sum(lower_bound(c) or 0 for c in members)
            per_group.setdefault(group, []).append((figure, any(c.revised for c in members), mixed, weak,
                                                    all(c.additional for c in members)))
    figures: dict[str | None, int] = {}
    weak_groups: set[str | None] = set()
    generic_total = False      # the generic figure is a total: given with its parts, or a revision
    named_revised = False      # a named group's figure is a revised toll ("a third soldier has died")
    generic_increment = False  # the generic figure only adds to others ("three other soldiers fell"): no total
    for group, entries in per_group.items():
        strong = [e for e in entries if not e[3]]
        if not strong:
            weak_groups.add(group)
        entries = strong or entries
        extra = sum(e[0] for e in entries if e[4])      # "... were also killed" adds to the figure
        entries = [e for e in entries if not e[4]]
        if not entries:
            figures[group] = extra
            generic_increment = generic_increment or group is None
            continue
        revised = [e for e in entries if e[1]]
        chosen = revised[-1] if revised else min(entries)
        # a revised toll holds the dead told on the way ("s'est alourdi à dix ... sept passagers sont morts sur
        # le coup, trois autres ont succombé"): nothing more to add when the increments fit in it
        figures[group] = chosen[0] if chosen[1] and extra <= chosen[0] else chosen[0] + extra
        if group is None:
            generic_total = chosen[1] or chosen[2]
        elif chosen[1] and group != "militants":
            named_revised = True
    # A part or a lone victim does not lower a full figure: a generic part ("100 bodies in X
    # alone") is among the named dead, a lone named victim ("a woman who tried to flee")
    # among the people of a generic figure; a lone attacker killed in the riposte is apart.
    if len(weak_groups) < len(figures):
        generic_strong = None in figures and None not in weak_groups
        for group in weak_groups:
            if group is None or generic_strong and group != "militants":
                figures.pop(group)
    militants = figures.pop("militants", 0)
    # "près de 20 morts, dozos et assaillants confondus": the attackers are in a figure of every side
    inclusive = {lower_bound(c) for c in pool if c.all_sides}
    generic = figures.pop(None, None)
    same = bool(generic and militants and abs(generic - militants) <= SAME_FIGURE_SLACK * generic
                and generic not in told_apart)
    if generic and militants and not figures and (same or armed_only):
        # "about 40 fighters were killed" and "about 40 bodies": the same dead; and where armed groups
        # fought each other, any toll counts fighters ("une quarantaine de morts de part et d'autre",
        # "plus de soixante combattants tués"): two accounts, the lower kept
        if not same and any(c.count is not None for c in pool if _group(c) == "militants"):
            generic = min(generic, militants)     # (a vague "dozens of fighters" gives way to the number)
        militants = 0
    named = sum(figures.values()) if figures else None
    if generic is None or named is None:
        core = generic if named is None else named
    elif generic_increment:
        core = max(generic, named)     # more dead told on the way; the named figure is the count
    elif generic_total and not (
            named > generic and all(c.claimant_type in _OTHER_ACCOUNTS for c in pool if _group(c) not in (None, "militants"))
            and any(c.revised and _group(c) is None and c.claimant_type not in _OTHER_ACCOUNTS for c in pool)):
        # the total with its parts ... unless the parts are only a witness's or an agency's higher
        # count beside the officials' revised total ("27 dead" against the UN's "at least 30 civilians")
        core = max(generic, named)
    elif not named_revised and not militants and named < generic and _one_source_details(pool):
        core = generic     # the source's total, then some of its dead told one by one
    else:
        # two accounts of the same dead: the lower, unless only the named one is a revised toll
        core = named if named_revised else min(generic, named)
    if core in inclusive:
        militants = 0      # ... when that figure is the one kept ("13 dead, the two bombers among them")
    elif generic is not None and named is not None and core == generic == named + militants:
        militants = 0      # "le bilan passe à sept morts": five civilians and the two bombers, told apart
    return (core or 0) + militants
