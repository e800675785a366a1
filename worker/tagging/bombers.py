"""Suicide bombers who died in their own blast: dead the story counts apart from their victims.

"A suicide bomber killed six civilians ... The bomber, a young woman, blew herself up" tells
seven dead, the schema counting every side; so does "two suicide bombers ... the bombers
also died". The bombers' number comes from the sentence ("both", "the bomber") or, when it
says only "the bombers", from the last earlier sentence that counted them ("two female
suicide bombers detonated ..."). A story that already counts them with the others ("nine
people, including herself") gets nothing more.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .claims import Claim, resolve_claimant
from .numbers import parse_number

_ADJECTIVES = r"(?:(?:female|male|teenage|young|suspected|girl|women)\s+)*"
_DIED = {
    "en": re.compile(
        r"(?<!\w)(?P<det>both(?:\s+of\s+the)?|all(?:\s+of)?\s+the|the)\s+(?:(?P<n>two|three|four|five|[2-9])\s+)?"
        + _ADJECTIVES + r"(?:suicide\s+)?(?P<noun>bombers?)(?:\s*,[^.;]{1,90}?,)?\s+"
        r"(?:(?:had|have)\s+)?(?:also\s+|themselves\s+|too\s+)?"
        r"(?:died|perished|(?:were|was)\s+(?:also\s+)?(?:killed|among\s+the\s+dead)|blew\s+(?:themselves|himself|herself)\s+up|"
        r"detonated\s+(?:his|her|their)\s+(?:explosives?|vests?|belts?|device|bomb))"),
    "fr": re.compile(
        r"(?<!\w)(?P<det>les|le|la|l['’])\s*(?:(?P<n>deux|trois|quatre|cinq|[2-9])\s+)?(?:(?:jeunes\s+)?(?:filles|femmes)\s+)?"
        # ... "la porteuse de la bombe a perdu la vie", "la kamikaze a actionné sa ceinture"
        r"(?P<noun>kamikazes?|porteu(?:r|se)s?\s+de\s+(?:la\s+)?(?:bombe|ceinture))(?:\s*,[^.;]{1,90}?,)?\s+"
        r"(?:ont|a|sont|est|se\s+sont|s['’]est)\s+(?:également\s+|aussi\s+|elles-mêmes\s+|eux-mêmes\s+)?"
        r"(?:péri|trouvé\s+la\s+mort|perdu\s+la\s+vie|été\s+tuée?s?|morte?s?|décédée?s?|fait\s+exploser|"
        r"(?:actionné|déclenché|activé)\s+(?:sa|son|leurs?)\s+(?:charge|engin|ceinture|bombe|explosifs?))"),
}
# "killing 14 people besides themselves", "killing 11 people as well as themselves", "sept morts, sans
# compter les deux kamikazes": the bombers
# left out of the toll, so dead on top of it
_BESIDES = {
    "en": re.compile(r"(?<!\w)(?:(?:besides|apart from|not counting|not including|excluding)\s+(?P<noun>themselves|himself|"
                     r"herself|the\s+(?:(?:two|three|female|suicide)\s+)*bombers?)|"
                     # "two soldiers and a civilian were killed, in addition to the attacker": the bomber
                     r"(?:in addition to|as well as)\s+(?P<also>the\s+(?:(?:female|suicide)\s+)*(?:bomber|attacker|assailant))"
                     r"(?![\w-])|(?:as well as|in addition to|and|plus)\s+"
                     r"(?P<self>themselves|himself|herself)(?!\w)"
                     # "four soldiers and the bomber were killed": the bomber listed among the dead
                     r"|\d*\w+\s+[\w-]+\s+and\s+(?P<listed>the\s+(?:(?:female|suicide)\s+)*bomber)\s+"
                     r"(?:were|had\s+been|have\s+been)\s+(?:killed|among\s+the\s+dead)"
                     r"|\b(?:died|killed)\s+(?:along\s+)?with\s+(?P<with>the\s+(?:(?:female|suicide)\s+)*bomber)\b"
                     # "killing herself and at least 12 other people": the bomber first among the dead
                     r"|\b(?:killing|killed)\s+(?P<first>themselves|himself|herself)\s+and\s)"),
    "fr": re.compile(r"(?<!\w)(?:sans compter|non compris|outre|en plus (?:du|des|de)|ainsi que)\s+"
                     r"(?:les\s+|la\s+|le\s+|l['’])?(?:(?:deux|trois)\s+)?"
                     r"(?P<noun>kamikazes?|elles-mêmes|eux-mêmes|elle-même|lui-même)(?![\w-])"
                     r"|(?:en plus de|outre|ainsi que)\s+l['’](?P<also>assaillant)(?![\w-])"),
}
# "two female suicide bombers", "deux femmes kamikazes": the count an earlier sentence gives
_COUNTED = {
    "en": re.compile(r"(?<!\w)(?P<n>\w+)\s+" + _ADJECTIVES + r"(?:suicide\s+)?bombers(?!\w)"),
    "fr": re.compile(r"(?<!\w)(?P<n>\w+)\s+(?:(?:jeunes\s+)?(?:filles|femmes)\s+)?kamikazes(?!\w)"),
}
# "nine people, including herself", "dont les deux kamikazes": the bombers already in a toll
_COUNTED_IN = re.compile(
    r"(?<!\w)(?:including|included|includes|among them|y compris|dont|parmi lesquel(?:le)?s|(?:comprend|comprenait|"
    r"comprennent|incluait|inclut)\s+(?:aussi\s+|également\s+)?)\s*(?:the\s+|les\s+|la\s+|le\s+|l['’])?"
    r"(?:(?:two|three|deux|trois)\s+)?(?:(?:female|suicide|jeunes|femmes)\s+)*"
    r"(?:bombers?|kamikazes?|herself|himself|themselves|elle-même|lui-même|elles-mêmes|eux-mêmes)")
_STEMS = {"en": "omber", "fr": "amikaze"}     # "bomber" and "kamikaze" in any case: "Bomber", "Kamikaze"
BESIDES_RULE = "bombers-besides"     # the sentence's toll leaves them out: they come on top of it


def dead_bombers(sentences: Sequence[str], language: str) -> dict[int, Claim]:
    """The bombers each sentence of a story says died, as a killed claim of militants on top
    of the other figures, by sentence index."""
    stem = _STEMS.get(language)
    if stem is None or not any(stem in s for s in sentences):
        return {}
    if _COUNTED_IN.search(" ".join(sentences).lower()):
        return {}
    found: dict[int, Claim] = {}
    for i, sentence in enumerate(sentences):
        lowered = sentence.lower()
        besides = _BESIDES[language].search(lowered)
        listed = besides is not None and any(besides.groupdict().get(g) for g in ("listed", "with", "also", "first"))
        m, rule = (besides, BESIDES_RULE) if listed else (_DIED[language].search(lowered), "bombers-died")
        if m is None:
            m, rule = besides, BESIDES_RULE
        count = None if m is None else _count(m, language, sentences[:i + 1] if rule == BESIDES_RULE else sentences[:i])
        if m is not None and count is not None:
            claimant, claimant_type = resolve_claimant(sentence, m.start(), m.end(), language)
            found[i] = Claim("killed", count, "exact", "militants", claimant, claimant_type, m.start(), m.end(),
                             sentence, rule, additional=True)
    if len(found) > 1 and len({c.count for c in found.values()}) == 1:
        # the same bombers' deaths told twice ("le kamikaze a déclenché sa charge ... en plus de
        # l'assaillant lui-même, soit quatre morts"): once, where a toll leaves them out if one does
        # (other counts are other bombers: "two blew themselves up at the market, a third at the mosque")
        keep = next((i for i, c in found.items() if c.rule == BESIDES_RULE), min(found))
        found = {keep: found[keep]}
    return found


def _count(m: re.Match[str], language: str, earlier: Sequence[str]) -> int | None:
    groups = m.groupdict()
    if groups.get("n"):
        return parse_number(m["n"], language)
    if (groups.get("det") or "").startswith("both"):
        return 2
    noun = groups.get("noun") or groups.get("self") or groups.get("also") or groups.get("first") or ""
    if noun in ("himself", "herself", "elle-même", "lui-même") or not noun.endswith(("s", "mêmes")):
        return 1
    for sentence in reversed(earlier):
        for found in reversed(list(_COUNTED[language].finditer(sentence.lower()))):
            n = parse_number(found["n"], language)
            if n is not None and 1 < n < 10:
                return n
    return None
