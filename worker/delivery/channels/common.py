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
from dataclasses import dataclass
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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_~\[\]<>#|])")


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


# -- the facts of one alert, before any channel's syntax ----------------------------------------

HEADLINES = {
    "incident.created": "New incident",
    "incident.updated": "Incident updated",
    "source.failing": "Source failing",
    "source.recovered": "Source recovered",
}
SOURCE_COLOURS = {"source.failing": 12597547, "source.recovered": 3066993}
LABEL_LIMIT = 300  # a link label or fact longer than this is an article, not a label


@dataclass(frozen=True)
class Link:
    url: str
    label: str


@dataclass(frozen=True)
class Fact:
    """One named value in plain text; ``link`` is shown after it where the channel allows."""

    name: str
    value: str
    link: Link | None = None
    short: bool = True


@dataclass(frozen=True)
class Summary:
    """What every channel shows, as plain text: renderers only add syntax, escaping and limits."""

    type: str
    headline: str
    title: str
    note: str | None
    severity: str | None
    colour: int
    changes: list[str]
    facts: list[Fact]
    claims: list[str]
    sources: list[Link]
    footer: str
    timestamp: str | None
    main_url: str | None = None
    map: Link | None = None


def summarize(body: dict[str, Any]) -> Summary:
    """The readable facts of an ALERT-SCHEMA body; any malformed field reads as unknown, never a crash."""
    kind = text_or_none(body.get("type")) or "alert"
    data: dict[str, Any] = _mapping(body.get("data"))
    timestamp = text_or_none(body.get("timestamp"))
    if isinstance(data.get("feed"), dict) and kind.startswith("source."):
        return _source_summary(kind, _normalise(data["feed"], FEED_FIELDS), timestamp)
    changes = [_normalise(c, CHANGE_FIELDS) for c in _sequence(data.get("changes")) if isinstance(c, dict)]
    return _incident_summary(kind, _incident(_mapping(data.get("incident"))), changes, timestamp)


# What each record's fields are; anything else in a body is ignored by the renderers.
INCIDENT_FIELDS = {
    "text": ("id", "title", "review", "severity", "event_type", "sub_event_type", "country", "admin1", "admin2",
             "location", "date", "date_precision", "first_seen_at", "updated_at"),
    "number": ("lat", "lon", "geo_precision", "fatalities"),
}
CLAIM_FIELDS = {"text": ("kind", "qualifier", "victims", "claimant", "claimant_type", "source_url"),
                "number": ("count",)}
SOURCE_FIELDS = {"text": ("url", "title", "outlet", "published", "language"), "number": ()}
FEED_FIELDS = {"text": ("id", "url", "name", "status", "last_error", "last_success_at"),
               "number": ("consecutive_failures",)}
CHANGE_FIELDS = {"text": ("field",), "number": (), "raw": ("from", "to")}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]|[\ud800-\udfff]")


def text_or_none(value: Any) -> str | None:
    """A printable string: numbers as text, lone surrogates and control characters replaced."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    return _CONTROL.sub("\ufffd", value)


def _number(value: Any) -> int | float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _CONTROL.sub("\ufffd", value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _clean(item) for key, item in value.items()}
    return value


def _normalise(record: dict[str, Any], fields: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    out: dict[str, Any] = {name: text_or_none(record.get(name)) for name in fields["text"]}
    out.update({name: _number(record.get(name)) for name in fields["number"]})
    out.update({name: _clean(record.get(name)) for name in fields.get("raw", ())})
    return out


def _incident(raw: dict[str, Any]) -> dict[str, Any]:
    inc = _normalise(raw, INCIDENT_FIELDS)
    for name in ("actors", "perpetrators"):
        inc[name] = [a for a in (text_or_none(x) for x in _sequence(raw.get(name))) if a]
    inc["claims"] = [_normalise(c, CLAIM_FIELDS) for c in _sequence(raw.get("claims")) if isinstance(c, dict)]
    inc["sources"] = [_normalise(c, SOURCE_FIELDS) for c in _sequence(raw.get("sources")) if isinstance(c, dict)]
    return inc


def _incident_summary(kind: str, inc: dict[str, Any], changes: list[Any], timestamp: Any) -> Summary:
    severity = inc.get("severity") if isinstance(inc.get("severity"), str) else None
    url = osm_link(inc.get("lat"), inc.get("lon"), inc.get("geo_precision"))
    map_link = Link(url, "Map") if url else None
    sources = _source_links(inc.get("sources"))
    facts = [
        Fact("What", truncate(event_label(inc.get("event_type"), inc.get("sub_event_type")), LABEL_LIMIT)),
        Fact("Where", truncate(place_text(inc), LABEL_LIMIT), map_link),
        Fact("When", date_text(inc.get("date"), inc.get("date_precision"))),
        Fact("Toll", toll_text(inc.get("fatalities"))),
        Fact("Who", truncate(actors_text(inc.get("actors"), inc.get("perpetrators")), 900), short=False),
        Fact("Severity", severity or "unknown"),
        Fact("Review", review_text(inc.get("review"))),
    ]
    first_seen = time_text(inc.get("first_seen_at"))
    footer = " · ".join(p for p in ("sahelwatch", str(inc.get("id") or ""),
                                    f"first seen {first_seen}" if first_seen else "") if p)
    return Summary(
        type=kind, headline=HEADLINES.get(kind, kind), title=str(inc.get("title") or "Untitled incident"),
        note=None, severity=severity, colour=severity_colour(severity), facts=facts,
        changes=[change_line(c) for c in changes if isinstance(c, dict)],
        claims=[claim_line(c) for c in inc.get("claims") or [] if isinstance(c, dict)],
        sources=sources, footer=footer, timestamp=_timestamp(timestamp),
        main_url=sources[0].url if sources else (url or None), map=map_link,
    )


def _source_links(sources: Any) -> list[Link]:
    links = []
    for source in sources or []:
        if not isinstance(source, dict) or not (url := safe_url(source.get("url"))):
            continue
        outlet = source.get("outlet") or urlsplit(url).hostname or "source"
        title = source.get("title")
        label = f"{outlet} — {title}" if title else str(outlet)
        links.append(Link(url, truncate(" ".join(label.split()), LABEL_LIMIT)))
    return links


def _source_summary(kind: str, feed: dict[str, Any], timestamp: Any) -> Summary:
    name = str(feed.get("name") or feed.get("url") or "unnamed feed")
    url = safe_url(feed.get("url"))
    last_success = time_text(feed.get("last_success_at"))
    if kind == "source.failing":
        note = (f"Analysts are blind on this source since {last_success}." if last_success
                else "Analysts are blind on this source: it has never been read successfully.")
    else:
        note = "The source is read again; incidents from it flow to analysts."
    facts = [
        Fact("Feed", truncate(name, LABEL_LIMIT)),
        Fact("URL", truncate(str(feed.get("url") or "unknown"), LABEL_LIMIT), Link(url, "Open") if url else None),
        Fact("Status", str(feed.get("status") or "unknown")),
        Fact("Consecutive failures", str(feed.get("consecutive_failures") if feed.get("consecutive_failures")
                                         is not None else "unknown")),
        Fact("Last success", last_success or "never"),
        Fact("Last error", truncate(str(feed.get("last_error") or "none"), 900), short=False),
    ]
    return Summary(
        type=kind, headline=HEADLINES.get(kind, kind), title=name, note=note, severity=None,
        colour=SOURCE_COLOURS.get(kind, 9807270), changes=[], facts=facts, claims=[], sources=[],
        footer=" · ".join(p for p in ("sahelwatch", f"feed {feed.get('id')}" if feed.get("id") is not None else "")
                          if p),
        timestamp=_timestamp(timestamp), main_url=url,
    )


def _timestamp(value: Any) -> str | None:
    """ISO 8601 as services accept it, or None when the body's timestamp is not one."""
    if not isinstance(value, str):
        return None
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value


def markdown_link(item: Link) -> str:
    """``[label](url)`` with the label's markdown escaped; the URL has no ``)`` or spaces left."""
    return f"[{markdown_escape(item.label)}]({item.url})"
