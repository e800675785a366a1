"""trafilatura wrapper that returns the text or the reason there is none (never a bare None)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

import trafilatura

from worker.net.guard import FetchError

_HTML_LANG = re.compile(rb"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", re.IGNORECASE)
MIN_TEXT_CHARS = 200


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    canonical: str | None
    published: datetime | None
    language_hint: str | None


def extract_article(html: bytes, url: str, max_bytes: int) -> Extracted:
    """Main text and metadata of an article page; FetchError with the reason when there is none."""
    if len(html) > max_bytes:
        raise FetchError(f"page larger than {max_bytes} bytes, not extracted")
    head = html[:2048].lstrip()
    if not head:
        raise FetchError("empty page")
    if b"\x00" in head:
        raise FetchError("binary content, not an HTML page")
    doc = trafilatura.bare_extraction(
        html.decode("utf-8", errors="replace") if _looks_utf8(html) else html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    if doc is None or not (doc.text or "").strip():
        raise FetchError("no article text found on the page")
    text = doc.text.strip()
    if len(text) < MIN_TEXT_CHARS:
        raise FetchError(f"page text too short to be an article ({len(text)} characters)")
    match = _HTML_LANG.search(html[:4096])
    return Extracted(
        text=text,
        title=doc.title,
        canonical=doc.url,
        published=_date(doc.date),
        language_hint=(doc.language or (match.group(1).decode().lower() if match else None)),
    )


def _looks_utf8(html: bytes) -> bool:
    try:
        html.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=timezone.utc)
    except ValueError:
        return None
