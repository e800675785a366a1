"""Phrase alternations shaped so Python's regex engine can skip what cannot match.

The tagger matches long lists of phrases ("last year", "l'an dernier", "earlier this
month", ...). Joined naively, the engine enters every alternative at every word; with
the alternatives grouped by their first letters (a trie), it tests one character per
group and enters only the group that can match. A word boundary every alternative opens
with is checked once, up front. Matching is on lower-cased text without IGNORECASE: the
engine's one-character skip only works on exact literals.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

_QUANTIFIERS = frozenset("?*+{")
_META = frozenset("\\.^$*+?{}[]|()")


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each character outside escapes and character classes,
    with the group depth before it: what splitting and group matching read."""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            yield i, c, depth
            depth += (c == "(") - (c == ")")
        i += 1


def top_level_alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level '|' (outside groups and character classes)."""
    cuts = [i for i, c, depth in _structure(pattern) if c == "|" and depth == 0]
    bounds = [-1] + cuts + [len(pattern)]
    return [pattern[lo + 1:hi] for lo, hi in zip(bounds, bounds[1:])]


def literal(phrase: str) -> str:
    """A plain phrase as a regex whose characters stay readable to `factor` (re.escape would
    also escape its spaces)."""
    return re.escape(phrase).replace("\\ ", " ")


def heads(alt: str) -> set[str] | None:
    """The letters an alternative can start with ("(?:hit|struck) an? mine" -> h, s), or
    None when that cannot be read off simply (a character class, an escape)."""
    if not alt:
        return None
    if alt[0].isalpha():
        return {alt[0].lower()}
    if not alt.startswith("(?:"):
        return None
    close = _group_end(alt)
    if close < 0:
        return None
    found: set[str] = set()
    for inner in top_level_alternatives(alt[3:close]):
        inner_heads = heads(inner)
        if inner_heads is None:
            return None
        found |= inner_heads
    if alt[close + 1:close + 2] in ("?", "*"):     # an optional opening: what follows can start it too
        rest = heads(alt[close + 2:])
        if rest is None:
            return None
        found |= rest
    return found


def _lead(alt: str) -> str | None:
    """The literal first character of an alternative, when it is one (not quantified)."""
    if alt and alt[0] not in _META and alt[1:2] not in _QUANTIFIERS:
        return alt[0]
    return None


def _group_end(alt: str) -> int:
    """Index of the ')' closing the group `alt` opens with, or -1."""
    return next((i for i, c, depth in _structure(alt) if c == ")" and depth == 1), -1)


def flatten(alt: str, depth: int = 0) -> list[str]:
    """The alternatives `alt` tries in order, with an opening non-capturing group spread
    out ("\\b(?:last|previous) year" -> "\\blast year", "\\bprevious year"), so each
    starts with its literal first letter when it can."""
    if depth > 3:
        return [alt]
    prefix, body = ("\\b", alt[2:]) if alt.startswith("\\b") else ("", alt)
    if not body.startswith("(?:"):
        return [alt]
    close = _group_end(body)
    rest = body[close + 1:]
    if close < 0 or rest[:1] in _QUANTIFIERS:
        return [alt]
    out: list[str] = []
    for inner in top_level_alternatives(body[3:close]):
        if prefix and inner.startswith("\\b"):
            inner = inner[2:]
        out += flatten(prefix + inner + rest, depth + 1)
    return out


def factor(alternatives: Sequence[str]) -> str:
    """One alternation matching what `'|'.join(alternatives)` matches, at the same place,
    with the same alternative winning, grouped by literal first characters.

    Alternatives with different first letters cannot match at the same position, so they
    may be regrouped; one that does not start with a plain character is a barrier nothing
    moves across. When every alternative opens with \\b, that check is made once, up
    front, so the engine enters the groups only at word starts.
    """
    alternatives = [_boundary_first(a) for a in alternatives]
    hoisted = bool(alternatives) and all(a.startswith("\\b") for a in alternatives)
    if hoisted:
        alternatives = [a[2:] for a in alternatives]
        opening = _common_word(alternatives)
        if opening:
            # "\bclaim..." as "claim(?<!\wclaim)...": the engine jumps from one "claim" to the next
            # instead of trying every position; the look-behind is the same word-start check
            rests = [a[len(opening):] for a in alternatives]
            return f"{opening}(?<!\\w{opening})" + _trie([(a, None) for a in rests], 0)
    body = _trie([(a, None) for a in alternatives], 0)
    return "\\b" + body if hoisted else body


def _common_word(alternatives: Sequence[str]) -> str:
    """The literal word characters every alternative opens with (none quantified)."""
    first = alternatives[0]
    n = 0
    while n < len(first) and (first[n].isalnum() or first[n] == "_") and all(
            len(a) > n and a[n] == first[n] and a[n + 1:n + 2] not in _QUANTIFIERS for a in alternatives):
        n += 1
    return first[:n]


def factor_labelled(alternatives: Sequence[tuple[str, str]]) -> str:
    """`factor` for (alternative, group name) pairs: the match's `lastgroup` names the
    alternative that matched."""
    return _trie(alternatives, 0)


def _leaf(rest: str, label: str | None) -> str:
    return f"(?P<{label}>{rest})" if label else rest


def _opening_checks(alt: str) -> tuple[list[str], str]:
    """The word-boundary and look-behind checks `alt` opens with, and what follows them."""
    checks: list[str] = []
    while True:
        if alt.startswith("\\b"):
            checks.append("\\b")
            alt = alt[2:]
        elif alt.startswith(("(?<!", "(?<=")) and _group_end(alt) > 0:
            close = _group_end(alt)
            checks.append(alt[:close + 1])
            alt = alt[close + 1:]
        else:
            return checks, alt


def _boundary_first(alt: str) -> str:
    """`alt` with its opening word-boundary check before its look-behinds ("(?<!par )\\bailleurs"
    as "\\b(?<!par )ailleurs"): checks of one position commute, and `factor` hoists a \\b
    every alternative opens with."""
    checks, rest = _opening_checks(alt)
    if "\\b" not in checks or checks[0] == "\\b":
        return alt
    return "\\b" + "".join(c for c in checks if c != "\\b") + rest


def _lead_first(alt: str) -> str:
    """`alt` with the look-behinds it opens with moved past its literal first letter, so the
    trie can group it by that letter: "(?<!had )claim" as "c(?<!had c)laim", the same test
    one character later. A \\b before a word character is the look-behind "(?<!\\w)"."""
    checks, rest = _opening_checks(alt)
    lead = _lead(rest)
    if not checks or lead is None or ("\\b" in checks and not lead.isalnum() and lead != "_"):
        return alt
    behind = ["(?<!\\w)" if c == "\\b" else c for c in checks]
    return lead + "".join(f"{c[:4]}(?:{c[4:-1]}){lead})" for c in behind) + rest[1:]


def _trie(alternatives: Sequence[tuple[str, str | None]], depth: int) -> str:
    """Alternatives sharing literal opening letters share one branch per letter."""
    segments: list[list[tuple[str, str | None]] | tuple[str, str | None]] = []
    for alt in ((_lead_first(a), label) for a, label in alternatives):
        if _lead(alt[0]) is None:
            segments.append(alt)
        elif segments and isinstance(segments[-1], list):
            segments[-1].append(alt)
        else:
            segments.append([alt])
    out: list[str] = []
    for seg in segments:
        if isinstance(seg, tuple):
            out.append(f"(?:{_leaf(*seg)})" if seg[1] is None else _leaf(*seg))
            continue
        groups: dict[str, list[tuple[str, str | None]]] = {}
        for pattern, label in seg:
            groups.setdefault(pattern[0], []).append((pattern[1:], label))
        for first, rests in groups.items():
            if len(rests) == 1:
                out.append(first + _leaf(*rests[0]))
            elif depth < 6 and all(r for r, _ in rests):
                out.append(first + _trie(rests, depth + 1))
            else:
                out.append(first + "(?:" + "|".join(_leaf(*r) for r in rests) + ")")
    return "(?:" + "|".join(out) + ")" if out else "(?!x)x"


def lower_literals(pattern: str) -> str:
    """A regex's literal letters in lower case, escapes (\\W, \\S, \\B) kept, so it can
    match lower-cased text without IGNORECASE."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P<", i):
            close = pattern.index(">", i)
            out.append(pattern[i:close + 1])
            i = close + 1
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


@lru_cache(maxsize=256)  # claims, event types and roles each lower-case the same sentence
def lower_same_length(text: str) -> str:
    """text.lower(), except the rare letters whose lower case is longer ('İ') stay as they
    are, so offsets in the result are offsets in `text`."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def spans_of(search: Callable[[int], re.Match[str] | None]) -> Callable[[int], tuple[int, int] | None]:
    """A search by position that gives the span of its match rather than the match."""
    def span(pos: int) -> tuple[int, int] | None:
        m = search(pos)
        return None if m is None else m.span()
    return span


def leftmost_spans(first: Callable[[int], re.Match[str] | None],
                   second: Callable[[int], re.Match[str] | None]) -> list[tuple[int, int]]:
    """`leftmost_of` for searches that return matches."""
    return leftmost_of(spans_of(first), spans_of(second))


def leftmost_of(first: Callable[[int], tuple[int, int] | None],
                second: Callable[[int], tuple[int, int] | None]) -> list[tuple[int, int]]:
    """Non-overlapping spans of two searches (each called with the position to search from
    and giving a (start, end) span or None), left to right, as one alternation
    `first|second` would find them: where both match at the same place, `first` wins."""
    out: list[tuple[int, int]] = []
    a, b = first(0), second(0)
    while a is not None or b is not None:
        span = a if b is None or (a is not None and a[0] <= b[0]) else b
        assert span is not None
        end = span[1]
        out.append(span)
        if a is not None and a[0] < end:
            a = first(end)
        if b is not None and b[0] < end:
            b = second(end)
    return out


_WORD_CHARACTER = re.compile(r"\w")
# What can stand right before a word start, other than the start of the text: every non-word
# character below U+2500, and everything from there on, where the rare word characters
# (CJK, mathematical letters) are cheaper to weed out one match at a time (`_false_break`).
_HIGH = "\u2500"
_BREAK = ("[" + "".join(re.escape(c) for c in map(chr, range(ord(_HIGH))) if not _WORD_CHARACTER.match(c))
          + _HIGH + "-\U0010ffff]")


def _false_break(text: str, at: int) -> bool:
    """True when the character at `at`, matched by `_BREAK`, is a word character after all."""
    return text[at] >= _HIGH and _WORD_CHARACTER.match(text, at) is not None


class WordStartPattern:
    """A regex whose matches open with a word character, matched only at word starts: what
    `(?<!\\w)(?:body)` matches.

    The look-behind makes the engine stop at every character of the text to test it; opening
    with the character before the word instead (a non-word character) lets the engine skip
    from one such character to the next, which is about twice as fast on plain text.
    """

    def __init__(self, body: str) -> None:
        self.pattern = re.compile(r"(?<!\w)(?:" + body + ")")
        self._after_break = re.compile(_BREAK + "(?:" + body + ")")

    def searcher(self, text: str) -> Callable[[int], tuple[int, int] | None]:
        """A function giving the span of the first match at or after a position, as
        `pattern.search(text, pos)` would find it."""
        at_start, after_break = self.pattern.match, self._after_break.search

        def search(pos: int) -> tuple[int, int] | None:
            if pos == 0:
                m = at_start(text)
                if m is not None:
                    return m.span()
            m = after_break(text, pos - 1 if pos > 0 else 0)
            while m is not None and _false_break(text, m.start()):
                m = after_break(text, m.start() + 1)
            return None if m is None else (m.start() + 1, m.end())
        return search

    def starts(self, text: str) -> list[int]:
        """Where `pattern.finditer(text)` finds its matches, for a zero-width `body` (a look-ahead)."""
        first = [0] if self.pattern.match(text) else []
        return first + [m.start() + 1 for m in self._after_break.finditer(text) if not _false_break(text, m.start())]
