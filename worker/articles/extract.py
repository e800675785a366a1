"""trafilatura wrapper that returns the text or the reason there is none (never a bare None)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

import trafilatura
from trafilatura.metadata import examine_meta, extract_title, extract_url
from trafilatura.utils import load_html

from worker.net.decode import decode_html
from worker.net.guard import FetchError

_HTML_LANG = re.compile(rb"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", re.IGNORECASE)
MIN_TEXT_CHARS = 200
# Pages are HTML; these media types never are, whatever the body looks like.
_NOT_PAGES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip", "application/octet-stream")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    canonical: str | None
    published: datetime | None
    language_hint: str | None


def extract_article(html: bytes, url: str, max_bytes: int, *, content_type: str | None = None,
                    dated: bool = False) -> Extracted:
    """Main text and metadata of an article page; FetchError with the reason when there is none.

    ``content_type`` is the response's Content-Type header: its charset is
    used when the bytes are not valid UTF-8 (see worker.net.decode).
    ``dated``: the feed already gave the item's date, so the page's own date is not
    searched for (a third of the extraction's cost); the title, canonical link and
    language are still read from the page's head.
    """
    if len(html) > max_bytes:
        raise FetchError(f"page larger than {max_bytes} bytes, not extracted")
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media.startswith(_NOT_PAGES):
        raise FetchError(f"not an HTML page: the server sent {media}")
    head = html[:2048].lstrip()
    if not head:
        raise FetchError("empty page")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FetchError("binary content, not an HTML page")
    # lxml refuses text that still carries an encoding declaration.
    text_html = _XML_DECLARATION.sub("", decode_html(html, content_type), count=1)
    options = {"url": url, "include_comments": False, "include_tables": False, "deduplicate": False}
    if dated:
        tree = load_html(text_html)
        if tree is None:
            raise FetchError("no article text found on the page")
        head = examine_meta(tree)      # the <head>'s title and canonical URL, no date search
        title, canonical = head.title or extract_title(tree), head.url or extract_url(tree, url)
        doc = trafilatura.bare_extraction(tree, with_metadata=False, **options)   # works on a copy
        published = None
    else:
        doc = trafilatura.bare_extraction(text_html, with_metadata=True, **options)
        title, canonical, published = (doc.title, doc.url, _date(doc.date)) if doc is not None else (None, None, None)
    if doc is None or not (doc.text or "").strip():
        raise FetchError("no article text found on the page")
    text = doc.text.strip()
    if len(text) < MIN_TEXT_CHARS:
        raise FetchError(f"page text too short to be an article ({len(text)} characters)")
    match = _HTML_LANG.search(html[:4096])
    return Extracted(
        text=text,
        title=title,
        canonical=canonical,
        published=published,
        language_hint=(doc.language or (match.group(1).decode().lower() if match else None)),
    )


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=timezone.utc)
    except ValueError:
        return None
