"""Pure helpers shared by the chat renderers: readable words, lengths, escaping.

Every chat service counts its limits on the JavaScript side, in UTF-16 code
units, so lengths here are measured that way: a text that fits by this count
fits by any other count a service may use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlsplit

import pycountry

ELLIPSIS = "…"
ZWSP = "\u200b"

# Spans a cut must never land inside: Slack links/mentions, markdown links, HTML entities.
_ATOMIC = re.compile(
    r"<[^<>\n]{1,4000}>"
    r"|\[(?:\\.|[^\]\\\n]){0,1000}\]\([^()\s]{0,4000}\)"
    r"|&(?:amp|lt|gt|quot|#\d{1,7});"
)
_MENTION = re.compile(r"@(?=\w)")


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    """The label data file, read once: words belong in data, not in code."""
    text = resources.files(__package__).joinpath("data/labels.json").read_text(encoding="utf-8")
    return json.loads(text)


# -- lengths and cutting ------------------------------------------------------------------------


def text_length(text: str) -> int:
    """Length in UTF-16 code units, the unit chat services count in."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _unit_width(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _joins_previous(char: str) -> bool:
    """True for marks that belong to the character before them (accents, ZWJ, skin tones)."""
    code = ord(char)
    return (
        unicodedata.combining(char) != 0
        or code in (0x200D, 0xFE0E, 0xFE0F, 0x20E3)
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` UTF-16 units with "…", never inside a character, link or entity."""
    if text_length(text) <= limit:
        return text
    if limit <= 0:
        return ""
    budget, used, cut = limit - text_length(ELLIPSIS), 0, 0
    for index, char in enumerate(text):
        if used + _unit_width(char) > budget:
            break
        used += _unit_width(char)
        cut = index + 1
    for match in _ATOMIC.finditer(text):
        if match.start() < cut < match.end():
            cut = match.start()
            break
    while 0 < cut < len(text) and _joins_previous(text[cut]):
        cut -= 1
    while cut > 0 and (text[cut - 1] == "\u200d" or 0xD800 <= ord(text[cut - 1]) <= 0xDBFF):
        cut -= 1
    head = text[:cut].rstrip()
    if (len(head) - len(head.rstrip("\\"))) % 2:
        head = head[:-1]  # a lone trailing backslash would escape the ellipsis
    return head + ELLIPSIS


def fit_lines(lines: list[str], limit: int, sep: str = "\n",
              more: Callable[[int], str] = lambda n: f"… and {n} more") -> str:
    """As many whole lines as fit in ``limit``, then "… and N more": a list is never cut mid-item."""
    lines = [truncate(line, limit) for line in lines]
    for keep in range(len(lines), -1, -1):
        parts = lines[:keep] + ([more(len(lines) - keep)] if keep < len(lines) else [])
        joined = sep.join(parts)
        if text_length(joined) <= limit:
            return joined
    return truncate(more(len(lines)), limit)


# -- escaping -----------------------------------------------------------------------------------


def slack_escape(text: str) -> str:
    """Slack mrkdwn control characters: this alone turns ``<!channel>`` and ``<url|x>`` into text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_~\[\]()<>#|])")


def markdown_escape(text: str) -> str:
    """Backslash-escape markdown syntax and break @-mentions, so article text stays text."""
    return _MENTION.sub("@" + ZWSP, _MARKDOWN_SPECIAL.sub(r"\\\1", text))


def break_mentions(text: str) -> str:
    """``@everyone`` -> ``@\u200beveryone``: shown the same, never a mention."""
    return _MENTION.sub("@" + ZWSP, text)


def safe_url(url: Any) -> str | None:
    """An http(s) URL with the characters that end links in chat syntaxes percent-encoded, or None."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")  # quotes spaces, <, >, |, (, ), ", `, \ and controls


# -- words --------------------------------------------------------------------------------------


def event_label(event_type: str | None, sub_event_type: str | None) -> str:
    """'Battles: armed clash' from the ACLED ids."""
    sub = labels()["sub_event_types"].get(sub_event_type or "", (sub_event_type or "").replace("_", " "))
    return ": ".join(part for part in (event_type, sub) if part) or "unknown event type"


def actor_name(actor_id: str) -> str:
    """'Islamic State Sahel Province (is_sahel)'; state forces by name only; unknown ids as they are."""
    known = labels()["actors"].get(actor_id)
    if known is None:
        return actor_id
    return f"{known['name']} ({actor_id})" if known.get("show_id") else known["name"]


def actors_text(actors: Iterable[str] | None, perpetrators: Iterable[str] | None) -> str:
    """Every party, perpetrators first and marked as such."""
    perps = [a for a in perpetrators or [] if isinstance(a, str)]
    others = [a for a in actors or [] if isinstance(a, str) and a not in perps]
    named = [f"{actor_name(a)} [perpetrator]" for a in perps] + [actor_name(a) for a in others]
    return ", ".join(named) or "not identified"


def country_name(code: str | None) -> str | None:
    """'Mali' for 'ML'; the code itself when pycountry does not know it."""
    if not code:
        return None
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def place_text(incident: dict[str, Any]) -> str:
    """'Indelimane, Menaka, Mali': location, admin2, admin1, country, without repeats."""
    parts = [incident.get("location"), incident.get("admin2"), incident.get("admin1"),
             country_name(incident.get("country"))]
    seen: list[str] = []
    for part in parts:
        if isinstance(part, str) and part.strip() and part.strip() not in seen:
            seen.append(part.strip())
    return ", ".join(seen) or "unknown place"


def osm_link(lat: Any, lon: Any, geo_precision: Any = None) -> str | None:
    """An OpenStreetMap pin, zoomed to what the coordinates are precise to (town, district, region)."""
    if isinstance(lat, bool) or isinstance(lon, bool) or not isinstance(lat, int | float) \
            or not isinstance(lon, int | float) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    zoom = labels()["osm_zoom"].get(str(geo_precision), 10)
    return f"https://www.openstreetmap.org/?mlat={lat:g}&mlon={lon:g}#map={zoom}/{lat:g}/{lon:g}"


def date_text(value: Any, precision: Any = "day") -> str:
    """'1 November 2019', 'week of 28 October 2019', 'November 2019'."""
    if not isinstance(value, str) or not value:
        return "date unknown"
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    if precision == "month":
        return f"{day:%B %Y}"
    lead = labels()["date_precision"].get(precision or "day", "")
    return f"{lead} {day.day} {day:%B %Y}".strip()


def time_text(value: Any) -> str | None:
    """'3 November 2019 10:00 UTC' from an ISO timestamp, or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return f"{moment.day} {moment:%B %Y %H:%M} UTC"


def figure_text(count: Any, qualifier: Any) -> str:
    """'at least 54', '70', 'dozens'; a null count shows as its qualifier."""
    word = labels()["qualifiers"].get(qualifier or "exact", str(qualifier or "").replace("_", " "))
    if count is None or isinstance(count, bool):
        return word if word and qualifier not in ("exact", "at_least", "more_than", "about", "up_to", "nearly") \
            else "an unknown number"
    if qualifier in ("dozens", "hundreds", "several"):
        return f"{count} ({word})"
    return f"{word} {count}".strip()


def claim_line(claim: dict[str, Any]) -> str:
    """'at least 54 killed (soldiers) — Malian officials [official]'."""
    figure = figure_text(claim.get("count"), claim.get("qualifier"))
    victims = f" ({claim['victims']})" if claim.get("victims") else ""
    claimant = claim.get("claimant") or "unknown claimant"
    kind = f" [{claim['claimant_type']}]" if claim.get("claimant_type") else ""
    return f"{figure} {claim.get('kind') or 'affected'}{victims} — {claimant}{kind}"


def toll_text(fatalities: Any) -> str:
    """The conservative toll, or why there is none."""
    if fatalities is None or isinstance(fatalities, bool):
        return "unknown"
    return f"{fatalities} killed (most conservative credible figure)"


def _change_value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, list):
        if all(isinstance(item, str | int | float) for item in value):
            return "[" + ", ".join(str(item) for item in value) + "]"
        return f"{len(value)} items"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def change_line(change: dict[str, Any]) -> str:
    """'fatalities: 54 → 70'; long values are cut, lists of records are counted."""
    field = change.get("field") or "?"
    old = truncate(_change_value(change.get("from")), 200)
    new = truncate(_change_value(change.get("to")), 200)
    return f"{field}: {old} → {new}"


def severity_colour(severity: str | None, default: int = 9807270) -> int:
    """The 24-bit colour of a severity, for services that colour a card's edge."""
    return int(labels()["severity_colours"].get(severity or "", default))


def severity_mark(severity: str | None) -> str:
    return labels()["severity_marks"].get(severity or "", "⚪")


def review_text(review: Any) -> str:
    return labels()["review"].get(review or "unreviewed", str(review))
