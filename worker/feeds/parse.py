"""Pure: feed bytes -> entries. A `bozo` feed may still hold good entries, so keep what parses."""

from __future__ import annotations

import hashlib
import io
import re
from calendar import timegm
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from xml.sax import SAXParseException

import feedparser

from worker.net.guard import FetchError

MAX_TITLE = 1000
MAX_SUMMARY = 20_000
MAX_URL = 2048
EARLIEST = datetime(1995, 1, 1, tzinfo=timezone.utc)

# Media types no feed is ever served as; text/html and octet-stream feeds exist, so those are sniffed.
_NEVER_FEEDS = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip", "application/gzip")
_MAGIC = {b"\x89PNG": "a PNG image", b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image",
          b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive", b"\x1f\x8b": "gzip data"}
_FEED_ROOT = re.compile(rb"<(?:[a-z0-9_-]+:)?(?:rss|feed|rdf)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class ParsedEntry:
    guid: str
    url: str | None
    title: str | None
    summary: str | None
    published: datetime | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: list[ParsedEntry]
    warning: str | None  # set when the XML was malformed but entries were recovered


def parse_feed(content: bytes, headers: dict[str, str] | None = None, *, now: datetime | None = None) -> ParsedFeed:
    """Entries of an RSS/Atom document; FetchError saying plainly what the bytes are otherwise.

    The bytes go to feedparser with the response headers so it picks the
    charset from them, the XML declaration or a BOM; expat refuses external
    entities and stops entity-expansion bombs, and what parsed is kept.
    """
    if not content.strip():
        raise FetchError("empty response: no feed")
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    _refuse_non_feeds(content, headers.get("content-type", ""))
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    entries = [e for e in (_entry(raw, now or datetime.now(timezone.utc)) for raw in parsed.entries) if e]
    problem = parsed.get("bozo_exception")
    # A feed served as text/html or with a wrong charset label is still a feed: not worth a warning.
    bozo = bool(parsed.get("bozo")) and not isinstance(
        problem, (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
    )
    reason = _describe(problem)
    if not entries and not parsed.get("version"):
        head = content[:2048]
        if _HTML_ROOT.search(head) and not _FEED_ROOT.search(head):
            raise FetchError("got an HTML page, not a feed")
        if bozo:
            raise FetchError(f"not a readable RSS/Atom feed: {reason}")
        raise FetchError("not an RSS or Atom feed")
    kept = f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"
    warning = f"malformed feed, kept {kept}: {reason}" if bozo else None
    return ParsedFeed(_clip(parsed.feed.get("title"), MAX_TITLE), entries, warning)


def _describe(problem: object) -> str:
    """feedparser's exception in words: 'XML error at line 4, column 42: not well-formed (invalid token)'."""
    if isinstance(problem, SAXParseException):
        return f"XML error at line {problem.getLineNumber()}, column {problem.getColumnNumber()}: {problem.getMessage()}"
    return _clip(str(problem or ""), 300) or "malformed feed"


def _refuse_non_feeds(content: bytes, content_type: str) -> None:
    media = content_type.split(";", 1)[0].strip().lower()
    head = content.lstrip()[:16]
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise FetchError(f"not a readable RSS/Atom feed: the server sent {what}" + (f" ({media})" if media else ""))
    if media.startswith(_NEVER_FEEDS) and not _FEED_ROOT.search(content[:2048]):
        raise FetchError(f"not a readable RSS/Atom feed: the server sent {media}")
    sample = content[:1024]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        raise FetchError("not a readable RSS/Atom feed: binary content")


def _entry(raw: Any, now: datetime) -> ParsedEntry | None:
    url = _link(raw.get("link"))
    title = _clip(raw.get("title"), MAX_TITLE)
    summary = _clip(raw.get("summary"), MAX_SUMMARY)
    guid = (raw.get("id") or url or "").strip()
    if not guid:
        if not title:
            return None
        guid = "sha1:" + hashlib.sha1(f"{title}\n{summary or ''}".encode()).hexdigest()
    return ParsedEntry(guid[:1024], url, title, summary, _published(raw, now))


def _published(raw: Any, now: datetime) -> datetime | None:
    """The item's date, or None when it is missing or absurd (1970, or days in the future)."""
    struct = raw.get("published_parsed") or raw.get("updated_parsed")
    if not struct:
        return None
    try:
        when = datetime.fromtimestamp(timegm(struct), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None
    if when < EARLIEST or (when - now).days > 2:
        return None
    return when


def _link(value: Any) -> str | None:
    """An http(s) link of sane length, else None: the entry is kept, its article is not fetched."""
    text = str(value or "").strip()
    if len(text) > MAX_URL or not text.lower().startswith(("http://", "https://")) or _CONTROL.search(text):
        return None
    return text


def _clip(value: Any, limit: int) -> str | None:
    if not value:
        return None
    text = _CONTROL.sub("", str(value)[: limit * 2]).strip()
    return text[:limit] if text else None
