"""Paragraph-aware sentence splitting with character offsets.

The tagger reasons per sentence (which incident a sentence tells) and per
paragraph (news lead vs. background), so every sentence keeps its paragraph
number and its offsets in the article body. The title is paragraph 0.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Abbreviations whose final period does not end a sentence (EN and FR).
# Titles and ranks are frequent right before names in security news
# ("Gen. Tiani", "M. Bazoum", "Lt. Col. Damiba"); months appear in datelines.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col capt cpt sgt maj cmdr cdt adm gov sen rep st ste
    mt ft no nos vol jr sr rev hon pres sec dept gen.-maj
    jan feb mar apr jun jul aug sep sept oct nov dec
    m mm mme mmes mlle mgr me pr cf env av apr. art
    inc ltd co corp vs etc approx
    """.split()
)
# Abbreviations that are also ordinary words: only capitalised do they shorten a title or a
# number ("Me Traoré", "No. 5"); "they fired at me." ends a sentence.
_CAPITALISED_ONLY = frozenset("no nos me st mt ft art sec rep sen hon vol pr av env co".split())

# A candidate boundary: end punctuation, optional closing quotes/brackets,
# whitespace, then something that can open a sentence. The punctuation run is spelled
# "[.!?…][.!?…]*" rather than "[.!?…]+": opening with a plain character class lets the
# engine skip to the next punctuation mark instead of trying every position.
_BOUNDARY = re.compile(r"""([.!?…][.!?…]*)(["'”’»)\]]*)(\s+)(?=["'“‘«(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])""")
_WORD_BEFORE = re.compile(r"([\w.'-]+)$")
_DOTTED_ACRONYM = re.compile(r"(?:\w\.)+\w")
# A blank line, or a single line break after sentence-final punctuation
# (extracted page text puts one paragraph per line); other single line breaks
# are hard wraps inside a sentence. Searched from the newline itself (a literal
# first character keeps the scan fast).
_NEWLINES = re.compile(r"\n\s*")
_PARAGRAPH_END = frozenset('.!?…"”»:')
# A wire-service dateline opening the first paragraph: "NIAMEY, March 23 - ", "BAMAKO/DAKAR, Nov 19 (Reuters) - ",
# "OUAGADOUGOU (Reuters) - ", "BAMAKO, 7 juin (AFP) -", "N'Djamena, 13 octobre 2022 – ".
# Its place is where the story was filed, not where the incident happened.
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’ ./-]{2,40}?(?:,\s*[^-–—\n]{1,30}?)?(?:\s*\([^)]{1,30}\))?\s*[-–—]{1,2}\s+"
)
# A dateline's place in ordinary case: one to four capitalised words ("Bobo-Dioulasso",
# "N'Djamena", "Kano City", "Ouagadougou/Brussels"), which must then be followed by a date or a news agency.
_TITLE_CASE_PLACE = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?:(?:\s+|/)(?:[A-ZÀ-Þ][\w'’.-]*|de|du|el|al)){0,3}")
_MONTHS_AND_DAYS = (
    "jan feb mar apr may jun jul aug sep oct nov dec janv fév fev avr mai juin juil aoû aou sept déc "
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche"
)
# "Cotonou — ", "Lomé – ": a place and a long dash alone (a hyphen is too common a joiner)
_LONG_DASH = re.compile(r"\s*[—–]\s+")
_SENTENCE_START = re.compile(r"[\"'“«]?\s?[A-ZÀ-Þ0-9]")
_UNDASHED_DATELINE = re.compile(r"(?P<place>[A-ZÀ-Þ][\w'’ ./-]{2,40}?),\s*(?P<date>[^-–—\n()]{1,30}?)\s*\(\s*[A-Z]{2,10}\s*\)\s+")
_BRACKETED_DATELINE = re.compile(r"^\(\s*[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}\s*\)\s*[-–—]{1,2}\s+")
_AGENCIES = "AFP Reuters AP AA APA ANP Xinhua dpa RFI AIB ATP Anadolu PANA APS Sputnik EFE ANSA UPI Bloomberg AMAP AMI ABP MAP"
_DATE_OR_AGENCY = re.compile(
    r"\d|\b(?:" + "|".join(_MONTHS_AND_DAYS.split()) + r")|\(\s*(?:" + "|".join(_AGENCIES.split()) + r")\b",
    re.IGNORECASE)
# an organisation's acronym in brackets, as releases are datelined: "Yaoundé (ICRC) – The ICRC..."
_ORGANISATION = re.compile(r"\(\s*[A-Z][A-Z&/.-]{1,9}\s*\)")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int          # offset in the string it was split from
    end: int
    paragraph: int      # 0 = title, 1 = first paragraph of the body, ...
    index: int          # position among all sentences of the article


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """True when the period ending `text[start:end]` belongs to an abbreviation or initial."""
    match = _WORD_BEFORE.search(text, max(start, end - 24), end)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return word not in _CAPITALISED_ONLY or match.group(1)[0].isupper()
    # Single initials ("J. Smith") and dotted acronyms ("U.S.", "U.N.").
    if len(word) == 1 and word.isalpha():
        return True
    return _DOTTED_ACRONYM.fullmatch(word) is not None


def _split_paragraph(text: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end(2)
        if match.group(1) == "." and not match.group(2) and _is_abbreviation(text, start, match.start(1)):
            continue
        spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        out.append((base + s + lead, base + s + lead + len(stripped)))
    return out


def _last_visible(text: str, end: int) -> str:
    """The last non-blank character before `end` ("" when there is none)."""
    i = end - 1
    while i >= 0 and text[i] in " \t\r":
        i -= 1
    return text[i] if i >= 0 else ""


def dateline_end(text: str) -> int:
    """Length of a wire dateline at the start of `text` (0 when there is none)."""
    bracketed = _BRACKETED_DATELINE.match(text)      # "(Dakar) - ", as rights groups write it
    if bracketed:
        return bracketed.end()
    match = _DATELINE.match(text)
    if not match:
        # "Bamako, 15 mars (AMAP) Le poste...": a place, a date and the agency, and no dash
        undashed = _UNDASHED_DATELINE.match(text)
        dated = undashed and _DATE_OR_AGENCY.search(undashed.group("date"))
        return undashed.end() if dated and _TITLE_CASE_PLACE.fullmatch(undashed.group("place")) \
            and _SENTENCE_START.match(text, undashed.end()) else 0
    head = match.group(0)
    # A real dateline's place is upper-case, or capitalised and followed by a date or an
    # agency; "The army said - " and "Gunmen killed 12 soldiers – " are not datelines.
    place = re.split(r"[,(]", head, maxsplit=1)[0].strip(" -–—")
    if place.isupper() and len(place) >= 3:
        return match.end()
    if not _TITLE_CASE_PLACE.fullmatch(place):
        return 0
    rest = head[len(place):]
    # a place and a long dash alone only when a sentence starts after it ("Cotonou — Trois
    # militaires...", not "Boko Haram – the group...")
    dated = _DATE_OR_AGENCY.search(rest)
    sentence_next = _SENTENCE_START.match(text, match.end())
    dashed = _LONG_DASH.fullmatch(rest) and sentence_next
    released = _ORGANISATION.search(rest) and sentence_next
    return match.end() if dated or dashed or released else 0


# "Nouakchott - Sahara Medias": a place and an outlet, a line of their own above the story
_BYLINE = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?:[ /][A-ZÀ-Þ][\w'’.-]*){0,2}\s+[-–—]\s+[A-ZÀ-Þ][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3}\s*")


# "COTONOU, de notre correspondant –", "De notre correspondant à N'Djamena,", "From our correspondent in
# Maiduguri": who filed the story and where, a line of its own
_CORRESPONDENT = re.compile(
    r"(?:[A-ZÀ-Þ][\w'’.-]*(?:[ /][A-ZÀ-Þ][\w'’.-]*){0,2}\s*,\s*)?(?i:(?:de|from)\s+(?:notre|nos|our)\s+"
    r"(?:correspondante?s?|envoyée?s?\s+spéciale?s?|correspondents?|special\s+envoy|reporters?))"
    r"(?:\s+(?:à|in|au|en)\s+[A-ZÀ-Þ][\w'’.-]*(?:[ -][A-ZÀ-Þ][\w'’.-]*){0,2})?\s*[,.:;–—-]*\s*")


# "Text of report by Chadian news website Alwihda Info on 19 June [translated from French]": a monitoring
# service's line on where the story comes from
_MONITORING_HEADER = re.compile(r"(?i:(?:text|excerpt|summary|transcript|texte|extrait|résumé)s?\s+(?:of|from|d['’]une?|du|de)"
                                r"\s+(?:an?\s+|the\s+)?(?:report|broadcast|bulletin|article|commentary|interview|posts?|"
                                r"social[- ]media\s+posts?|reportage|émission|publications?)\b)[^\n]{0,220}")


# "(NOUVEAU BILAN, ajoute revendication du JNIM)", "(Adds details, updates toll)": a wire's note on its version
_VERSION_NOTE = re.compile(r"\((?i:[^()]{0,30}?(?:bilan|ajoute|précisions?|détails|adds?|updates?|recasts?|new\s+toll|"
                           r"writes\s+through|corrects?|rectifi\w*)[^()]{0,120})\)\s*")


def _byline(block: str) -> int:
    """Length of a first paragraph that is only a place and an outlet, who filed it, a monitoring
    service's line on where it comes from or a wire's note on its version (0 when it is not)."""
    match = _BYLINE.fullmatch(block) or _CORRESPONDENT.fullmatch(block) or _MONITORING_HEADER.fullmatch(block.rstrip()) \
        or _VERSION_NOTE.fullmatch(block)
    return match.end() if match else 0


def _heading(block: str) -> bool:
    """A line in capitals of a few words and no sentence's end: a heading, not a paragraph."""
    return (len(block) < 80 and block.isupper() and 0 < len(block.split()) <= 6
            and block.rstrip()[-1] not in _PARAGRAPH_END)


def split_sentences(text: str, first_paragraph: int = 1, first_index: int = 0) -> list[Sentence]:
    """Split `text` into sentences, keeping paragraph numbers and offsets into `text`."""
    sentences: list[Sentence] = []
    paragraph = first_paragraph
    position = 0
    bounds = [m.span() for m in _NEWLINES.finditer(text)
              if m.group().count("\n") > 1 or _last_visible(text, m.start()) in _PARAGRAPH_END]
    bounds.append((len(text), len(text)))
    for sep_start, sep_end in bounds:
        block = text[position:sep_start]
        if block.strip():
            offset = position
            if not sentences:
                skip = dateline_end(block.lstrip()) or _byline(block.lstrip())
                if skip:
                    lead = len(block) - len(block.lstrip())
                    offset += lead + skip
                    block = block[lead + skip:]
            for s, e in _split_paragraph(block, offset):
                sentences.append(Sentence(text[s:e], s, e, paragraph, first_index + len(sentences)))
            # "PRESS RELEASE", "FAITS SAILLANTS", a line only on who filed the story: the paragraph under it is
            # the first
            if block.strip() and not _heading(block):
                paragraph += 1
        position = sep_end
    return sentences


def article_sentences(title: str, text: str) -> list[Sentence]:
    """Title (paragraph 0, offsets into the title) followed by the body's sentences."""
    out: list[Sentence] = []
    if title and title.strip():
        t = title.strip()
        start = title.find(t)
        out.append(Sentence(t, start, start + len(t), 0, 0))
    out.extend(split_sentences(text or "", first_paragraph=1, first_index=len(out)))
    return out


# Day and time words that may stand between a verb and its object ("ont tué hier un
# conseiller", "killed on Sunday 12 villagers"), as a regex alternation.
TIME_WORDS = ("hier|avant-hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|soir|matin"
              "|yesterday|(?:on\\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day")

_OPENING, _CLOSING = "«“", "»”"
_ANY_QUOTE = re.compile('[«»“”"]')


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of `sentence` inside quotation marks (« », “ ”, paired straight quotes).

    A quotation that began in an earlier sentence (a closing mark with no opening one)
    runs from the sentence start; one that goes on past the sentence runs to its end.
    """
    spans: list[tuple[int, int]] = []
    if not _ANY_QUOTE.search(sentence):
        return spans
    start: int | None = None
    straight: int | None = None
    for i, ch in enumerate(sentence):
        if ch in _OPENING and start is None:
            start = i
        elif ch in _CLOSING:
            spans.append((0 if start is None else start, i + 1))
            start = None
        elif ch == '"' and start is None:
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1))
                straight = None
    if start is not None:
        spans.append((start, len(sentence)))
    return spans


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    base = {"’": "'", "`": "'", "ʼ": "'", "-": " ", "‑": " ", "–": " ", "\n": " ", "\t": " ",
            "\u00a0": " ", "\u202f": " ", "\u2009": " "}.get(base, base)
    return base if len(base) == 1 else ch


# One character in, one character out: offsets in the folded copy are offsets in the text.
_FOLD = str.maketrans({chr(i): _fold_char(chr(i)) for i in range(0x2500) if _fold_char(chr(i)) != chr(i)})
_ASCII_SPECIALS = [(chr(i), _fold_char(chr(i))) for i in range(128) if _fold_char(chr(i)) != chr(i).lower()]
_FOLD_OTHER = {chr(i): _fold_char(chr(i)) for i in range(128, 0x2500)}
_ASCII_BYTES = bytes(range(128))


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping the length (apostrophes unified, hyphens to spaces)."""
    if text.isascii():
        # lower() has a fast path for ASCII; translate() would look each character up
        return _fold_ascii_specials(text.lower())
    # str.translate reads a non-ASCII string a character at a time; lower-casing it whole and
    # replacing its few distinct accented letters is several times faster.
    others = set(text.encode("utf-8").translate(None, _ASCII_BYTES).decode("utf-8"))
    out = text.lower()
    if len(out) != len(text) or "Σ" in others:      # letters whose lower case is longer or contextual
        return text.translate(_FOLD)
    for c in others:
        target = _FOLD_OTHER.get(c)
        if target is None:
            if c.lower() != c:
                return text.translate(_FOLD)       # beyond the table: left as it is
            continue
        lowered = c.lower()
        if lowered != target:
            out = out.replace(lowered, target)
    return _fold_ascii_specials(out)


def _fold_ascii_specials(lowered: str) -> str:
    """The ASCII characters that fold to something other than their lower case (hyphens, tabs...)."""
    for c, target in _ASCII_SPECIALS:
        if c in lowered:
            lowered = lowered.replace(c, target)
    return lowered
