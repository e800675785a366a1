"""Live blogs and updated stories: the latest update's toll is the story's toll.

Rolling coverage stacks timestamped updates ("17:40 GMT - UPDATE 3: ...", "Mise à jour
18h30 : ...", "Article initial (09h15) : ..."), newest first or last. The order in the
text then says nothing about which figure is latest; the timestamps do. The killed
figures of the latest update that gives any become the revised toll, and those of
earlier updates provisional ones, for `conservative_toll` to weigh.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

# A paragraph opening on a time ("19:20 GMT -", "Mise à jour 18h30 :", "Article initial (09h15) :",
# "UPDATE 2 (14:00) -") or on a numbered update alone ("UPDATE 3:").
_STAMP = re.compile(
    r"\s*(?:(?:update|mise\s+à\s+jour|maj|actualisation|article\s+initial|initial\s+report|first\s+report)"
    r"\s*(?:no\.?\s*)?(?:(?P<n>\d{1,2})\b(?!\s*[:h.]\s*\d))?\s*[(\[]?\s*(?:à\s+)?)?"
    r"(?:(?P<h>[0-2]?\d)\s*[:h.]\s*(?P<m>[0-5]\d)\b\s*(?:gmt|utc|wat|cet|local\s+time)?\s*[)\]]?\s*[-–—:]"
    r"|(?<=\d)\s*[)\]]?\s*[-–—:])",
    re.IGNORECASE)
MIN_UPDATES = 2     # one timestamp is a dateline, not a live blog
_STAMP_REACH = 40
_DIGIT = re.compile(r"\d")


def update_rank(paragraph_start: str) -> tuple[int, int] | None:
    """(minutes after midnight, update number) a paragraph's stamp gives, or None."""
    m = _STAMP.match(paragraph_start)
    if m is None:
        return None
    minutes = int(m["h"]) * 60 + int(m["m"]) if m["h"] is not None else -1
    number = int(m["n"]) if m["n"] is not None else -1
    if minutes < 0 and number < 0:
        return None
    return minutes, number


def order_updates(facts: Sequence[Any]) -> None:
    """Mark the killed figures of a live blog's updates: the latest update's revised, earlier
    ones' initial (in place; a story without timestamped updates is left alone)."""
    ranks: dict[int, tuple[int, int]] = {}
    previous = -1
    for f in facts:
        s = f.sentence
        first, previous = s.paragraph != previous, s.paragraph
        # every stamp holds a digit early on: the pattern runs only where one is
        if first and s.paragraph > 0 and _DIGIT.search(s.text, 0, _STAMP_REACH):
            rank = update_rank(s.text)
            if rank is not None:
                ranks[s.paragraph] = rank
    if len(ranks) < MIN_UPDATES:
        return
    # the group's boast in the last update ("UPDATE 4: JNIM claims dozens killed") is no new toll
    with_tolls = [p for p in ranks if any(c.kind == "killed" and c.claimant_type != "perpetrator" and not c.is_cumulative
                                          for f in facts if f.sentence.paragraph == p for c in f.claims)]
    if not with_tolls:
        return
    latest = max(with_tolls, key=lambda p: ranks[p])
    for f in facts:
        p = f.sentence.paragraph
        if p not in ranks or not f.claims:
            continue
        if p == latest:
            f.claims = [replace(c, revised=True, initial=False) if c.kind == "killed" else c for c in f.claims]
        elif ranks[p] < ranks[latest]:
            f.claims = [replace(c, initial=True, revised=False) if c.kind == "killed" else c for c in f.claims]

