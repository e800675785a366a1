"""Pure: the article body without its headline, so the tagger reads each sentence once."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"\W+")


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()


def without_title(text: str, *titles: str | None) -> str:
    """Drop a first line that repeats the headline (extractors keep the page's <h1>)."""
    first, _, rest = text.partition("\n")
    wanted = {_key(t) for t in titles if t and t.strip()}
    return rest.lstrip("\n") if rest and _key(first) in wanted else text
