"""Pure: one URL per story, whatever tracking parameters or fragments the feed added."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from courlan import normalize_url

_SPACES = re.compile(r"\s+")


def canonical_url(url: str, declared: str | None = None) -> str:
    """Normalised URL (tracking parameters and fragment removed, host lower-cased).

    A page's own <link rel=canonical> wins when it stays on the same site, so an
    outlet's mobile or AMP copy and its desktop copy are one article.
    """
    chosen = url
    if declared and _same_site(url, declared):
        chosen = declared
    try:
        return normalize_url(chosen, strict=True)
    except Exception:  # courlan raises on some malformed URLs: keep the raw one
        return chosen.split("#", 1)[0]


def _same_site(a: str, b: str) -> bool:
    host_a, host_b = urlsplit(a).hostname or "", urlsplit(b).hostname or ""
    strip = lambda h: h[4:] if h.startswith("www.") else h  # noqa: E731
    return bool(host_b) and strip(host_a) == strip(host_b)


def content_hash(text: str) -> str:
    """SHA-256 of the whitespace-normalised, lower-cased text: the same story re-served is the same hash."""
    return hashlib.sha256(_SPACES.sub(" ", text).strip().lower().encode("utf-8")).hexdigest()


def outlet(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host
