"""Counts as written in EN/FR news: digits, spelled-out numbers and approximate words.

Spelled-out numbers are read by text2num (no number tables here); only the few
approximate words ("dozens", "une vingtaine", "plusieurs") and the qualifiers that
precede a count ("at least", "plus de") come from data/claim_lexicon.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from collections.abc import Iterable
from typing import Any

from text_to_num import alpha2digit, find_numbers, text2num  # type: ignore[import-untyped]

_DATA = Path(__file__).resolve().parent / "data" / "claim_lexicon.json"

# Thousands separators: comma, dot, thin space and no-break space ("1,200",
# "1.200", "1 200"); a plain space is not one ("on 12 300 soldiers" is rare,
# "killed 12 200 metres away" is not).
# The word-start check comes after the first digit, so the engine skips straight to digits.
_DIGITS = re.compile(r"(\d(?<![\w.,]\d)(?:\d{0,2}(?:(?:[,.\u202f\u00a0]| (?=\d{3}(?!\d)))\d{3})+|\d*))(?![\w]|[.,]\d)")
_ISOLATED_THRESHOLD = 1.5
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-’']\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count in a text: value None for vague amounts ("dozens", "plusieurs")."""

    value: int | None
    qualifier: str      # exact | at_least | more_than | about | up_to | nearly | dozens | hundreds | several
    start: int          # start of the qualifier if any, else of the number
    num_start: int      # start of the number or approximate word itself
    end: int
    surface: str
    spelled: bool       # written in words (never a year, a date or an age)
    ordinal: bool = False   # "a third soldier died": the count so far, a revised toll


@cache
def claim_lexicon() -> dict[str, Any]:
    """The casualty-claim vocabulary, loaded once."""
    with _DATA.open(encoding="utf-8") as f:
        return json.load(f)


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of `phrases`, longest first, factored as a trie: Python's re
    tries alternatives one by one, so shared prefixes make big vocabularies much faster."""
    trie: dict[str, Any] = {}
    for phrase in set(phrases):
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie) if trie else "(?!)"


def _trie_pattern(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


def key_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """Words one of which every phrase holds: each phrase's longest word, less those that
    hold another. A text with none of them holds none of the phrases, and a few `in`
    checks cost much less than a scan with the phrases' regex."""
    longest = {max(p.split(), key=len) for p in phrases}
    return tuple(sorted(w for w in longest if not any(o != w and o in w for o in longest)))


@cache
def _approx_keys(language: str) -> tuple[str, ...]:
    return key_words(claim_lexicon()["approx"].get(language, {}))


@cache
def _multiplier_keys(language: str) -> tuple[str, ...]:
    return key_words(claim_lexicon()["multipliers"].get(language, {}))


@cache
def _approx_re(language: str) -> re.Pattern[str]:
    """Run on lower-cased text: without IGNORECASE and with \b it is several times faster."""
    phrases = list(claim_lexicon()["approx"].get(language, {}))
    return re.compile(rf"\b(?:{alternation(phrases)})\b")


@cache
def _multiplied_re(language: str) -> re.Pattern[str]:
    words = list(claim_lexicon()["multipliers"].get(language, {})) or ["(?!)"]
    return re.compile(rf"(\d(?<![\w.,]\d)\d*(?:[.,]\d+)?)\s+({alternation(words)})\b")


@cache
def _qualifier_re(language: str) -> re.Pattern[str]:
    phrases = list(claim_lexicon()["qualifiers"].get(language, {}))
    # "d'au moins six": a French elision may stand right before the qualifier; "says 'more than 50'": so
    # may an opening quote
    return re.compile(rf"(?:^|(?<=[^\w’'])|(?<=\b[dlDL]['’])|(?<=\s['‘’]))({alternation(phrases)})\s*$", re.IGNORECASE)


class _Tok:
    """The token protocol text2num's find_numbers expects."""

    __slots__ = ("t", "start", "end")

    def __init__(self, t: str, start: int, end: int) -> None:
        self.t, self.start, self.end = t, start, end

    def text(self) -> str:
        return self.t

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


_SEPARATORS = re.compile(r"[,.\u202f\u00a0 ]")


def _digit_value(s: str) -> int:
    return int(_SEPARATORS.sub("", s))


def parse_number(words: str, language: str) -> int | None:
    """The value of one written count: "54", "1,200", "fifty-four", "a dozen" -> 12,
    "une vingtaine" -> 20; None for vague words ("dozens") and non-numbers."""
    s = words.strip()
    if not s:
        return None
    m = _DIGITS.fullmatch(s)
    if m:
        return _digit_value(s)
    approx = claim_lexicon()["approx"].get(language, {})
    hit = approx.get(s.lower())
    if hit is not None:
        return hit[0]
    try:
        return int(text2num(s, language))
    except ValueError:
        return None


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` (a loop: no generator to set up)."""
    for word in words:
        if word in text:
            return True
    return False


@cache
def _qualifier_ends(language: str) -> tuple[str, ...]:
    return tuple(p.lower() for p in claim_lexicon()["qualifiers"].get(language, {}))


# İ, ı and ſ: IGNORECASE matches them to i and s, which lower() does not make them
_UNFOLDED = re.compile("[\u0130\u0131\u017f]")


def lower_is_faithful(text: str) -> bool:
    """Whether lower() makes every letter of `text` the one IGNORECASE matches it to (true
    unless it holds İ, ı or ſ): then a check of the lower-cased text can rule out a
    case-blind regex."""
    return text.isascii() or not _UNFOLDED.search(text)


def _qualify(text: str, start: int, language: str, default: str, faithful: bool) -> tuple[str, int]:
    """The qualifier written just before a count ("at least", "près de"). `faithful`:
    lower_is_faithful(text), so a window whose lower case ends with no qualifier needs no regex."""
    window_start = max(0, start - 30)
    window = text[window_start:start]
    if faithful and not window.rstrip().lower().endswith(_qualifier_ends(language)):
        return default, start
    m = _qualifier_re(language).search(window)
    if not m:
        return default, start
    return claim_lexicon()["qualifiers"][language][m.group(1).lower()], window_start + m.start(1)


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:       # by halves: each comparison runs in C
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _spelled_region(text: str, converted: str) -> tuple[int, int]:
    """The stretch of `text` holding every spelled number alpha2digit rewrote (it changes
    nothing else), widened by a few words and cut at spaces: text2num then reads a handful
    of tokens instead of the whole sentence."""
    start = _common_prefix(text, converted)
    end = len(text) - _common_prefix(text[start:][::-1], converted[start:][::-1])
    lo = text.rfind(" ", 0, max(0, start - _MARGIN)) + 1
    hi = text.find(" ", min(len(text), end + _MARGIN))
    return lo, len(text) if hi < 0 else hi


_MARGIN = 25
# "neuf" is also an adjective (new): the number reader leaves it alone after "un habitant,"
_NEUF = re.compile(r"neuf\b(?<!\wneuf)")


def find_quantities(text: str, language: str) -> list[Quantity]:
    """Every count in text, in order, with the qualifier written before it."""
    raw: list[tuple[int, int, int | None, str, bool]] = []   # start, end, value, qualifier, spelled
    taken: list[tuple[int, int]] = []
    approx = claim_lexicon()["approx"].get(language, {})
    lowered = text.lower()
    if len(lowered) != len(text):    # a few characters change length when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in _approx_re(language).finditer(lowered) if holds_any(lowered, _approx_keys(language)) else ():
        value, qual = approx[m.group()]
        raw.append((m.start(), m.end(), value, qual, True))
        taken.append((m.start(), m.end()))
    multiplied = _multiplied_re(language).finditer(lowered) if holds_any(lowered, _multiplier_keys(language)) else ()
    for m in multiplied:
        # "2 million", "1,5 million": one count, not "2" followed by a unit
        factor = claim_lexicon()["multipliers"][language][m.group(2)]
        raw.append((m.start(), m.end(), int(float(m.group(1).replace(",", ".")) * factor), "exact", False))
        taken.append((m.start(), m.end()))
    for m in _DIGITS.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            raw.append((m.start(), m.end(), _digit_value(m.group()), "exact", False))
            taken.append((m.start(), m.end()))
    # alpha2digit (native code) tells cheaply whether any spelled number is there at all;
    # an isolated "one"/"un"/"une" (mostly an article) is left to the caller
    converted = alpha2digit(text, language, _ISOLATED_THRESHOLD) if language in ("en", "fr") else text
    # ... though it reads "neuf" as the adjective after "un habitant," ("Selon un habitant, neuf
    # civils"): an unread "neuf" sends the whole text to the token reader, which reads it in context
    missed = converted == text and language == "fr" and "neuf" in lowered and _NEUF.search(lowered)
    if converted != text or missed:
        lo, hi = _spelled_region(text, converted) if not missed else (0, len(text))
        toks = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]
        for occ in find_numbers(toks, language, _ISOLATED_THRESHOLD):
            if occ.is_ordinal or occ.value != int(occ.value):
                continue
            s, e = toks[occ.start].start, toks[occ.end - 1].end
            if occ.start == occ.end - 1 and toks[occ.start].t[:1].isdigit():
                continue
            if any(a < e and s < b for a, b in taken):
                continue
            if occ.start == occ.end - 1 and occ.value >= 1000 and occ.start > 0 and toks[occ.start - 1].t[:1].isdigit():
                continue      # "2.5 million": the digits were not a count on their own
            raw.append((s, e, int(occ.value), "exact", True))
    raw.sort()
    faithful = lower_is_faithful(text)
    out = []
    for s, e, value, qual, spelled in raw:
        if value is not None and qual in ("exact", "about") or qual in ("dozens", "hundreds", "several"):
            new_qual, qs = _qualify(text, s, language, qual, faithful)
            if value is None and new_qual not in ("exact",):
                new_qual = qual            # "at least dozens" stays "dozens"
            qual = new_qual
        else:
            qs = s
        out.append(Quantity(value, qual, qs, s, e, text[qs:e], spelled))
    return _ranges(_without_echoes(out, text) if "(" in text else out, text)


_ECHO = re.compile(r"\s*\(\s*0*(\d+)\s*\)")


def _without_echoes(quantities: list[Quantity], text: str) -> list[Quantity]:
    """"dix-huit (18) terroristes", "deux (02) soldats": the figure repeated in digits, as
    communiqués write it, is one count ending after the bracket."""
    out: list[Quantity] = []
    for q in quantities:
        last = out[-1] if out else None
        echo = _ECHO.match(text, last.end) if last is not None and last.spelled else None
        if echo and echo.end(1) == q.end and last.value is not None and int(echo.group(1)) == last.value:
            out[-1] = Quantity(last.value, last.qualifier, last.start, last.num_start, echo.end(),
                               text[last.start:echo.end()], True, last.ordinal)
            continue
        one = _ONE_ECHOED.search(text, max(0, q.num_start - 12), q.end + 4) if q.value == 1 and not q.spelled else None
        if one and one.end(1) == q.end:     # "un (01) VDP": the article is the count it repeats
            q = Quantity(1, q.qualifier, one.start(), one.start(), one.end(), one.group(), True)
        out.append(q)
    return out


_ONE_ECHOED = re.compile(r"(?<![\w’'-])(?:un|une|one)\s*\(\s*0*(1)\s*\)", re.IGNORECASE)


# "between 15 and 20", "entre 15 et 20", "from 15 to 20", "de 15 à 20", "15 to 20", "15-20"
_RANGE_OPENER = re.compile(r"(?<!\w)(?:between|from|entre|de)\s+$", re.IGNORECASE)
_RANGE_LINK = re.compile(r"\s*(?:and|to|et|à)\s*|\s*[-–]\s*", re.IGNORECASE)
# without an opener: "15 to 20", "de 15 à 20" is opened; a hyphen only between digits ("15-20"),
# never "Feb 20 - Fifty-one soldiers"
# "four or five", "quatre ou cinq": a range too, between close figures only
_BARE_RANGE_LINK = re.compile(r"\s+(?:to|à|or|ou)\s+|[-–]", re.IGNORECASE)
_ALTERNATIVE = ("or", "ou")


def _ranges(quantities: list[Quantity], text: str) -> list[Quantity]:
    """A range is one count, its lower end at least ("between 15 and 20 farmers": 15)."""
    out: list[Quantity] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if nxt is not None and q.qualifier == "exact" and nxt.qualifier == "exact" and q.value is not None \
                and nxt.value is not None and q.value < nxt.value:
            opener = _RANGE_OPENER.search(text, max(0, q.start - 12), q.start)
            link = (_RANGE_LINK if opener else _BARE_RANGE_LINK).fullmatch(text, q.end, nxt.num_start)
            if opener and link is None:
                # "parlent de sept ou huit soldats": the "de" opens no range, "ou" still links one
                opener, link = None, _BARE_RANGE_LINK.fullmatch(text, q.end, nxt.num_start)
            if link and link.group().strip().lower() in _ALTERNATIVE and nxt.value > 2 * q.value:
                link = None     # "2 or 10": two figures, no range
            if link and (opener or link.group().strip() not in ("-", "–") or not (q.spelled or nxt.spelled)):
                start = opener.start() if opener else q.start
                out.append(Quantity(q.value, "at_least", start, q.num_start, nxt.end, text[start:nxt.end],
                                    q.spelled and nxt.spelled))
                i += 2
                continue
        out.append(q)
        i += 1
    return out
