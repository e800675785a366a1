"""Pure: feed bytes -> entries. A `bozo` feed may still hold good entries, so keep what parses."""

from __future__ import annotations

import hashlib
import io
from calendar import timegm
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import feedparser

from worker.net.guard import FetchError

MAX_TITLE = 1000
MAX_SUMMARY = 20_000
EARLIEST = datetime(1995, 1, 1, tzinfo=timezone.utc)


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
    if not content.strip():
        raise FetchError("empty response: no feed")
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers or {})
    entries = [e for e in (_entry(raw, now or datetime.now(timezone.utc)) for raw in parsed.entries) if e]
    reason = str(parsed.get("bozo_exception", "")).strip() or "malformed feed"
    if not entries and not parsed.get("version"):
        if content.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
            raise FetchError("got an HTML page, not a feed")
        if parsed.get("bozo"):
            raise FetchError(f"not a readable RSS/Atom feed: {reason}")
        raise FetchError("not an RSS or Atom feed")
    warning = f"malformed feed, kept {len(entries)} entries: {reason}" if parsed.get("bozo") else None
    return ParsedFeed(parsed.feed.get("title"), entries, warning)


def _entry(raw: Any, now: datetime) -> ParsedEntry | None:
    url = (raw.get("link") or "").strip() or None
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


def _clip(value: Any, limit: int) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    return text[:limit] if text else None
